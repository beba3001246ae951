-- Spreads the schema over a Citus cluster, province by province (see README.md beside this file).
--
-- Run once on the coordinator, as a superuser, in the product's database, after the API has applied
-- its migrations there (tables may already hold data: Citus moves it into the shards):
--   psql "$COORDINATOR_URL" -v ON_ERROR_STOP=1 -f infra/citus/distribute.sql
--
-- Every table of the schema is listed once, either as a reference table (copied whole to every node)
-- or as a distributed table sharded by province_id; apps/api/test/ops/citus.test.ts reads this file
-- and fails when a table is missing, or when a key or a foreign key would be refused by Citus.
-- Order matters: a table comes after every table its foreign keys point at.

CREATE EXTENSION IF NOT EXISTS citus;

BEGIN;
-- One transaction: the whole layout is applied or nothing. Inside a transaction Citus creates the
-- shards of tables with foreign keys to a reference table over one connection per node only.
SET LOCAL citus.multi_shard_modify_mode TO 'sequential';

-- Reference tables: read by every province, written rarely.

-- The 34 provinces of 2025 and the 29 merged into them (successor_id points inside this table).
SELECT create_reference_table('province');
-- Accounts: central accounts have no province, usernames are unique across provinces and sign-in
-- finds an account before knowing its province. Tenant tables point here (created_by, actor_id…).
SELECT create_reference_table('app_user');
-- Applied migrations, read by /readyz on every instance.
SELECT create_reference_table('migrations');

-- Distributed tables: one shard group per province_id hash, all co-located with unit, so every join
-- and every foreign key between them stays inside one node.

-- The unit tree (parent_id inside the same province); the colocation group starts here.
SELECT create_distributed_table('unit', 'province_id', colocate_with => 'none');
-- Roster: cadres belong to a department unit; exemptions to a cadre.
SELECT create_distributed_table('cadre', 'province_id', colocate_with => 'unit');
SELECT create_distributed_table('exemption', 'province_id', colocate_with => 'unit');
-- Rules of a province for a year.
SELECT create_distributed_table('policy_rule', 'province_id', colocate_with => 'unit');
-- Planning: batches, topics and quarterly plans of departments.
SELECT create_distributed_table('batch', 'province_id', colocate_with => 'unit');
SELECT create_distributed_table('topic', 'province_id', colocate_with => 'unit');
SELECT create_distributed_table('quarterly_plan', 'province_id', colocate_with => 'unit');
-- Merged delegations to a host unit.
SELECT create_distributed_table('delegation', 'province_id', colocate_with => 'unit');
-- Inspection plans, their target units and teams (trips point at a team, so these come first).
SELECT create_distributed_table('inspection_plan', 'province_id', colocate_with => 'unit');
SELECT create_distributed_table('inspection_plan_target', 'province_id', colocate_with => 'unit');
SELECT create_distributed_table('inspection_team', 'province_id', colocate_with => 'unit');
SELECT create_distributed_table('inspection_team_member', 'province_id', colocate_with => 'unit');
-- Trips and what hangs off a trip.
SELECT create_distributed_table('trip', 'province_id', colocate_with => 'unit');
SELECT create_distributed_table('trip_member', 'province_id', colocate_with => 'unit');
SELECT create_distributed_table('trip_destination', 'province_id', colocate_with => 'unit');
SELECT create_distributed_table('trip_event', 'province_id', colocate_with => 'unit');
SELECT create_distributed_table('trip_report', 'province_id', colocate_with => 'unit');
-- Retried creates and submits (per province, user and key).
SELECT create_distributed_table('idempotency_key', 'province_id', colocate_with => 'unit');
-- Findings: conclusions of inspection trips and their corrective actions, good models,
-- recommendations, hosts' feedback.
SELECT create_distributed_table('inspection_conclusion', 'province_id', colocate_with => 'unit');
SELECT create_distributed_table('corrective_action', 'province_id', colocate_with => 'unit');
SELECT create_distributed_table('good_model', 'province_id', colocate_with => 'unit');
SELECT create_distributed_table('good_model_replication', 'province_id', colocate_with => 'unit');
SELECT create_distributed_table('recommendation', 'province_id', colocate_with => 'unit');
SELECT create_distributed_table('host_feedback', 'province_id', colocate_with => 'unit');
-- The compliance version of a province (one row per province, bumped by triggers on the shards).
SELECT create_distributed_table('compliance_version', 'province_id', colocate_with => 'unit');
-- The annual report of a province for a year.
SELECT create_distributed_table('report', 'province_id', colocate_with => 'unit');
-- Spreadsheet imports and private calendar links.
SELECT create_distributed_table('import_job', 'province_id', colocate_with => 'unit');
SELECT create_distributed_table('calendar_feed', 'province_id', colocate_with => 'unit');
-- Each user's notifications (reminders and decisions). The job queue's tables (schema pgboss) are
-- not listed: they stay local to the coordinator, where every API instance reaches them.
SELECT create_distributed_table('notification', 'province_id', colocate_with => 'unit');

COMMIT;
