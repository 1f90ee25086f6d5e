/* prepared */
    with found as (select id from citizen where national_id = $1),
    made as (
      insert into citizen (national_id, name) select $2, ''
      where not exists (select 1 from found)
      on conflict (national_id) do nothing
      returning id),
    c as (select id from found union all select id from made),
    m as (
      insert into message (id, citizen_id, thread_id, organization_id, direction, kind, subject, sender_name, text_parts, body,
                           priority, important, identifier_system, identifier_value, sent_at, updated_at)
      select $3::uuid, c.id, $4::uuid, $5::uuid, 'to-citizen', $6, $7, $8, $9::jsonb, $10,
             $11, $12, $13, $14, $15::timestamptz, $16::timestamptz
      from c
      returning id, citizen_id, search),
    -- The thread is saved with its letter's words, so the message trigger (migration
    -- 0008) has nothing to add and the thread is written once. The message's key to
    -- its thread is checked at the end of the statement, when both rows are there.
    t as (
      insert into thread (id, citizen_id, organization_id, category, subject, sender_name, important, has_attachments, last_activity_at, search)
      select m.id, m.citizen_id, $17::uuid, $18, $19, $20, $21, $22, $23::timestamptz, m.search
      from m)
    , a as (
        insert into attachment (id, citizen_id, message_id, position, title, content_type, size, sha256, data)
        select v.id, m.citizen_id, m.id, v.position, v.title, v.content_type, v.size, v.sha256, v.data
        from m cross join (values ($24::uuid, $25::integer, $26::text, $27::text, $28::integer, $29::text, $30::bytea)) as v (id, position, title, content_type, size, sha256, data)),
    d as (
      insert into delivery_attempt (citizen_id, message_id, channel, state, created_at, updated_at)
      select m.citizen_id, m.id, 'inbox', 'queued', $31::timestamptz, $32::timestamptz from m),
    e as (
      insert into delivery_event (citizen_id, message_id, channel, state, at, detail)
      select m.citizen_id, m.id, 'inbox', 'queued', $33::timestamptz, null from m),
    j as (
      insert into job (kind, payload, run_at)
      select $34, jsonb_build_object('messageId', m.id, 'citizenId', m.citizen_id), $35::timestamptz from m)
    select citizen_id from m