/* prepared */
    with found as (select citizen_id from citizen_by_national_id where national_id = $1),
    claimed as (
      insert into citizen_by_national_id (national_id, citizen_id) select $2, gen_random_uuid()
      where not exists (select 1 from found)
      on conflict (national_id) do update set national_id = excluded.national_id
      returning citizen_id),
    made as (
      insert into citizen (id, national_id, name) select citizen_id, $3, '' from claimed
      on conflict (id) do nothing),
    c as (select citizen_id as id from found union all select citizen_id from claimed),
    m as (
      insert into message (id, citizen_id, thread_id, organization_id, direction, kind, subject, sender_name, text_parts, body,
                           priority, important, identifier_system, identifier_value, in_response_to, status, sent_at, updated_at)
      select $4::uuid, c.id, $5::uuid, $6::uuid, $7, $8, $9, $10, $11::jsonb, $12,
             $13, $14, $15, $16, $17::uuid, $18, $19::timestamptz, $20::timestamptz
      from c
      returning id, citizen_id, thread_id, search),
    t as (
      insert into thread (id, citizen_id, organization_id, category, subject, sender_name, important, unread, has_attachments, started_by, last_activity_at, search)
      select m.thread_id, m.citizen_id, $21::uuid, $22, $23, $24, $25, $26, $27, 'sender', $28::timestamptz, m.search
      from m),
    i as (
      insert into sender_identifier (organization_id, kind, identifier_system, identifier_value, citizen_id, item_id)
      select $29::uuid, $30, $31, $32, m.citizen_id, m.id from m)
    , a as (
        insert into attachment (id, citizen_id, message_id, position, title, content_type, size, sha256, data)
        select v.id, m.citizen_id, m.id, v.position, v.title, v.content_type, v.size, v.sha256, v.data
        from m cross join (values ($33::uuid, $34::integer, $35::text, $36::text, $37::integer, $38::text, $39::bytea)) as v (id, position, title, content_type, size, sha256, data)),
    d as (
      insert into delivery_attempt (citizen_id, message_id, channel, state, created_at, updated_at)
      select m.citizen_id, m.id, 'inbox', 'queued', $40::timestamptz, $41::timestamptz from m),
    e as (
      insert into delivery_event (citizen_id, message_id, channel, state, at, detail)
      select m.citizen_id, m.id, 'inbox', 'queued', $42::timestamptz, null from m),
    j as (
      insert into job (citizen_id, kind, payload, run_at)
      select m.citizen_id, $43, jsonb_build_object('messageId', m.id, 'citizenId', m.citizen_id), $44::timestamptz from m)
    select citizen_id from m