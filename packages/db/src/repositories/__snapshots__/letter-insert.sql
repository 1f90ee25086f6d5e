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
                           priority, important, identifier_system, identifier_value, in_response_to, status, sent_at, updated_at)
      select $3::uuid, c.id, $4::uuid, $5::uuid, $6, $7, $8, $9, $10::jsonb, $11,
             $12, $13, $14, $15, $16::uuid, $17, $18::timestamptz, $19::timestamptz
      from c
      returning id, citizen_id, thread_id, search),
    t as (
      insert into thread (id, citizen_id, organization_id, category, subject, sender_name, important, unread, has_attachments, started_by, last_activity_at, search)
      select m.thread_id, m.citizen_id, $20::uuid, $21, $22, $23, $24, $25, $26, 'sender', $27::timestamptz, m.search
      from m),
    i as (
      insert into sender_identifier (organization_id, kind, identifier_system, identifier_value, citizen_id, item_id)
      select $28::uuid, $29, $30, $31, m.citizen_id, m.id from m)
    , a as (
        insert into attachment (id, citizen_id, message_id, position, title, content_type, size, sha256, data)
        select v.id, m.citizen_id, m.id, v.position, v.title, v.content_type, v.size, v.sha256, v.data
        from m cross join (values ($32::uuid, $33::integer, $34::text, $35::text, $36::integer, $37::text, $38::bytea)) as v (id, position, title, content_type, size, sha256, data)),
    d as (
      insert into delivery_attempt (citizen_id, message_id, channel, state, created_at, updated_at)
      select m.citizen_id, m.id, 'inbox', 'queued', $39::timestamptz, $40::timestamptz from m),
    e as (
      insert into delivery_event (citizen_id, message_id, channel, state, at, detail)
      select m.citizen_id, m.id, 'inbox', 'queued', $41::timestamptz, null from m),
    j as (
      insert into job (citizen_id, kind, payload, run_at)
      select m.citizen_id, $42, jsonb_build_object('messageId', m.id, 'citizenId', m.citizen_id), $43::timestamptz from m)
    select citizen_id from m