-- How each table of Innboks is placed on Citus (docs/citus.md): run on the coordinator
-- after the migrations. Every table of the schema is named here exactly once;
-- packages/db/src/citus-shape.db.test.ts reads pg_catalog after the migrations and
-- fails when a table is missing here, or when a table distributed by citizen has a
-- primary key, unique key or foreign key that cannot be enforced on one shard.

-- Foreign keys Citus cannot hold, dropped first: each joins rows of two citizens, or a
-- table placed by its own key to the citizen, so no one shard sees both ends. The rows
-- they point to are written by the same code path that reads them (a session is made
-- for a citizen just found or made; a power of attorney and a representative's log
-- line name a person the register check found), and citizens are never deleted.
-- The test accepts only foreign keys here: a primary or unique key is never dropped.
alter table citizen_session drop constraint citizen_session_citizen_id_fkey;
alter table citizen_session drop constraint citizen_session_acting_for_citizen_id_fkey;
alter table power_of_attorney drop constraint power_of_attorney_holder_citizen_id_fkey;
alter table representation_log drop constraint representation_log_representative_citizen_id_fkey;
alter table dialog_exchange drop constraint dialog_exchange_citizen_id_fkey;

-- One shard group per citizen: all of a citizen's rows on one node.
select create_distributed_table('citizen', 'id');
select create_distributed_table('thread', 'citizen_id', colocate_with => 'citizen');
select create_distributed_table('message', 'citizen_id', colocate_with => 'citizen');
select create_distributed_table('attachment', 'citizen_id', colocate_with => 'citizen');
select create_distributed_table('citizen_unread', 'citizen_id', colocate_with => 'citizen');
select create_distributed_table('delivery_plan', 'citizen_id', colocate_with => 'citizen');
select create_distributed_table('delivery_attempt', 'citizen_id', colocate_with => 'citizen');
select create_distributed_table('delivery_event', 'citizen_id', colocate_with => 'citizen');
select create_distributed_table('dead_letter', 'citizen_id', colocate_with => 'citizen');
select create_distributed_table('notice', 'citizen_id', colocate_with => 'citizen');
select create_distributed_table('notice_letter', 'citizen_id', colocate_with => 'citizen');
select create_distributed_table('notice_setting', 'citizen_id', colocate_with => 'citizen');
select create_distributed_table('notice_throttle', 'citizen_id', colocate_with => 'citizen');
select create_distributed_table('appointment', 'citizen_id', colocate_with => 'citizen');
select create_distributed_table('appointment_message', 'citizen_id', colocate_with => 'citizen');
select create_distributed_table('service_enrolment', 'citizen_id', colocate_with => 'citizen');
select create_distributed_table('municipal_thread', 'citizen_id', colocate_with => 'citizen');
select create_distributed_table('municipal_message', 'citizen_id', colocate_with => 'citizen');
select create_distributed_table('power_of_attorney', 'citizen_id', colocate_with => 'citizen');
select create_distributed_table('representation_log', 'citizen_id', colocate_with => 'citizen');
select create_distributed_table('research_reservation', 'citizen_id', colocate_with => 'citizen');
select create_distributed_table('form_task', 'citizen_id', colocate_with => 'citizen');
select create_distributed_table('form_response', 'citizen_id', colocate_with => 'citizen');
-- The queue moves with the data, so a letter and its job are one shard's transaction;
-- a job that concerns no citizen is filed under the nil id (jobWithoutCitizen).
select create_distributed_table('job', 'citizen_id', colocate_with => 'citizen');

-- Looked up by their own key on every request, one shard each, not with the citizen.
select create_distributed_table('citizen_session', 'id', colocate_with => 'none');
select create_distributed_table('idempotency_record', 'client_id', colocate_with => 'none');
-- A sender's identifiers, unique per organisation and kind across citizens: written in
-- the transaction of the item it names, a second shard beside the citizen's.
select create_distributed_table('sender_identifier', 'organization_id', colocate_with => 'none');
-- Which citizen a national id names, unique across citizens: claimed by every writer that
-- makes a citizen before the citizen's row, read by the logins and the letter insert.
select create_distributed_table('citizen_by_national_id', 'national_id', colocate_with => 'none');

-- Small, read everywhere, joined locally on every node.
select create_reference_table('municipality');
select create_reference_table('organization');
select create_reference_table('sender_client');
select create_reference_table('municipal_service');
select create_reference_table('staff_member');
select create_reference_table('staff_membership');
select create_reference_table('questionnaire');

-- On the coordinator only: identity-provider and staff login state, the migrations,
-- the staff access log, whose rows form one hash chain in one order, and the
-- Dialogmelding door's exchange log (keyed by the counterpart's message ids, a few
-- per letter from a GP, not a citizen's screen).
select citus_add_local_table_to_metadata('oidc_payload');
select citus_add_local_table_to_metadata('citizen_login_state');
select citus_add_local_table_to_metadata('staff_login_state');
select citus_add_local_table_to_metadata('staff_session');
select citus_add_local_table_to_metadata('access_log');
select citus_add_local_table_to_metadata('access_log_head');
select citus_add_local_table_to_metadata('access_log_seal');
select citus_add_local_table_to_metadata('dialog_exchange');
select citus_add_local_table_to_metadata('dialog_failure');
-- The operator's screen: its audit log and the queue samples, few rows, read by operators only.
select citus_add_local_table_to_metadata('operator_audit');
select citus_add_local_table_to_metadata('queue_sample');
select citus_add_local_table_to_metadata('kysely_migration');
select citus_add_local_table_to_metadata('kysely_migration_lock');
