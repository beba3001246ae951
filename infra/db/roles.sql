-- Roles for a production PostgreSQL server (run once as a superuser, then point DATABASE_URL at
-- coso_owner and set APP_DB_USER/APP_DB_PASSWORD to the login role below).
--
-- coso_owner runs the migrations and owns every table, policy and function.
-- coso_api   is the group the migrations grant to: table privileges only, no ownership.
--            In schema pgboss (the job queue, pg-boss), created and migrated by coso_owner at start,
--            it may read and write rows, never create tables or queues.
-- coso_app   is the API's login: a member of coso_api, never superuser, never BYPASSRLS,
--            so row-level security (forced on every tenant table) always applies to it.

CREATE ROLE coso_owner LOGIN PASSWORD 'change-me-owner' CREATEROLE;
CREATE DATABASE coso OWNER coso_owner;
\connect coso
-- The migrations use btree_gist (exclusion constraints on date ranges).
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- Created by the first migration when missing; declared here so privileges are reviewable.
CREATE ROLE coso_api NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
CREATE ROLE coso_app LOGIN PASSWORD 'change-me-app' NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE IN ROLE coso_api;

-- The owner grants to coso_api and coso_app (at start, the API re-asserts coso_app's attributes).
GRANT coso_api TO coso_owner WITH ADMIN OPTION;
GRANT coso_app TO coso_owner WITH ADMIN OPTION;

-- coso_backup runs pg_dump (infra/backup/backup.sh). Row-level security is forced on every tenant
-- table, even for its owner, so a dump as coso_owner is refused; this role reads every row
-- (BYPASSRLS, pg_read_all_data) and can change nothing.
CREATE ROLE coso_backup LOGIN PASSWORD 'change-me-backup' NOSUPERUSER BYPASSRLS NOCREATEDB NOCREATEROLE IN ROLE pg_read_all_data;
