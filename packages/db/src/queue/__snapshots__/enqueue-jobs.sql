insert into job (citizen_id, kind, payload, run_at, max_attempts)
select citizen_id, kind, payload, coalesce(run_at, now()), coalesce(max_attempts, $1)
from jsonb_to_recordset($2::jsonb) as j(citizen_id uuid, kind text, payload jsonb, run_at timestamptz, max_attempts integer)

-- $1 = 8
-- $2 = '[{"citizen_id":"c1","kind":"deliver-letter","payload":{"citizenId":"c1","messageId":"m1"},"run_at":null,"max_attempts":null},{"citizen_id":"c1","kind":"send-notice","payload":{"citizenId":"c1","noticeId":"n1"},"run_at":"2026-12-05T08:00:00.000Z","max_attempts":5}]'
