#!/bin/sh
# First start of the postgres container only (docker-entrypoint-initdb.d): the roles and database of
# infra/db/roles.sql, then the real passwords from the environment in place of its placeholders.
set -eu
: "${COSO_OWNER_PASSWORD:?set COSO_OWNER_PASSWORD}"
: "${APP_DB_PASSWORD:?set APP_DB_PASSWORD}"
: "${COSO_BACKUP_PASSWORD:?set COSO_BACKUP_PASSWORD}"

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres -f /coso/roles.sql
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v owner_password="$COSO_OWNER_PASSWORD" \
  -v app_password="$APP_DB_PASSWORD" \
  -v backup_password="$COSO_BACKUP_PASSWORD" <<'SQL'
ALTER ROLE coso_owner PASSWORD :'owner_password';
ALTER ROLE coso_app PASSWORD :'app_password';
ALTER ROLE coso_backup PASSWORD :'backup_password';
SQL
