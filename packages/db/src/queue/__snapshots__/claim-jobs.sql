with due as (
  select citizen_id, id, run_at from job
  where state = 'queued' and run_at < $1
  order by run_at
  limit $2
  for update skip locked
),
lease_ran_out as (
  select citizen_id, id, run_at from job
  where state = 'running' and locked_until < $3
  order by locked_until
  limit $4
  for update skip locked
)
update job set state = 'running', locked_by = $5, locked_until = $6, attempts = attempts + 1
where (citizen_id, id) in (select citizen_id, id from (select * from due union all select * from lease_ran_out) as taken order by run_at limit $7)
returning *

-- $1 = 2026-12-05T08:00:00.001Z
-- $2 = 100
-- $3 = 2026-12-05T08:00:00.000Z
-- $4 = 100
-- $5 = 'worker-1'
-- $6 = 2026-12-05T08:01:00.000Z
-- $7 = 100
