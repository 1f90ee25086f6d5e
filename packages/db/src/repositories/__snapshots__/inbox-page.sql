
      select counts.unread as unread_counts, page.items, page.next_at, page.next_id
      from (
        select coalesce(json_object_agg(category, count), '{}'::json) as unread
        from (select category, unread as count from citizen_unread where citizen_id = $1 and unread > 0) as per_category
      ) as counts
      cross join lateral (
        select
          coalesce(json_agg(json_build_object(
            'id', id, 'subject', subject, 'senderName', sender_name, 'startedBy', started_by, 'category', category, 'lastActivityAt', at,
            'unread', unread, 'archived', archived, 'important', important, 'hasAttachments', has_attachments, 'messageCount', message_count
          ) order by position) filter (where position <= $2), '[]'::json)::text as items,
          min(at) filter (where position = $3 and more) as next_at,
          min(id::text) filter (where position = $4 and more) as next_id
        from (
          select *, to_char(last_activity_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at,
            row_number() over (order by last_activity_at desc, id desc) as position,
            count(*) over () > $5 as more
          from (select id, subject, sender_name, started_by, category, last_activity_at, unread, archived, important, has_attachments, message_count from thread where citizen_id = $6 and archived = $7 order by last_activity_at desc, id desc limit $8) as page_rows
        ) as page
      ) as page