
      select counts.unread as unread_counts, page.items, page.next_at, page.next_id
      from (
        select coalesce(json_object_agg(category, count), '{}'::json) as unread
        from (select kept.category, kept.unread - coalesce(hidden.count, 0) as count
    from citizen_unread kept
    left join (select category, count(*) as count from thread
               where citizen_id = $1 and unread and not archived and ("representative_access" is not null and "representative_access" not in ('N', 'NORN_FORANS'))
               group by category) hidden on hidden.category = kept.category
    where kept.citizen_id = $2 and kept.unread - coalesce(hidden.count, 0) > 0) as per_category
      ) as counts
      cross join lateral (
        select
          coalesce(json_agg(json_build_object(
            'id', id, 'subject', subject, 'senderName', sender_name, 'startedBy', started_by, 'category', category, 'lastActivityAt', at,
            'unread', unread, 'archived', archived, 'important', important, 'hasAttachments', has_attachments, 'messageCount', message_count
          ) order by position) filter (where position <= $3), '[]'::json)::text as items,
          min(at) filter (where position = $4 and more) as next_at,
          min(id::text) filter (where position = $5 and more) as next_id
        from (
          select *, to_char(last_activity_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at,
            row_number() over (order by last_activity_at desc, id desc) as position,
            count(*) over () > $6 as more
          from (select id, subject, sender_name, started_by, category, last_activity_at, unread, archived, important, has_attachments, message_count from thread where citizen_id = $7 and archived = $8 and ("representative_access" is null or "representative_access" in ('N', 'NORN_FORANS')) order by last_activity_at desc, id desc limit $9) as page_rows
        ) as page
      ) as page