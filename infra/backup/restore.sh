#!/usr/bin/env bash
# Restores an archive made by backup.sh into an empty database, then checks it:
#   TARGET_DATABASE_URL=postgres://postgres:…@host:5432/coso_restored RESTORE_ROLE=coso_owner \
#     infra/backup/restore.sh backups/coso-20261128T093000Z.dump
#
# TARGET_DATABASE_URL  an existing, empty database (create it first: CREATE DATABASE … OWNER coso_owner).
#                      The roles of infra/db/roles.sql must exist on that server: grants name coso_api.
# RESTORE_ROLE         the role that will own the restored tables, functions and policies (the one the
#                      API's DATABASE_URL uses, coso_owner), when connecting as another role (a
#                      superuser). Unset: the connecting role owns them. The archive's own owner names
#                      are not used (--no-owner), so it restores on any server.
# CHECK_DATABASE_URL   the connection the check counts rows through (default TARGET_DATABASE_URL). It
#                      must read every row despite row-level security: a superuser or coso_backup.
# PG_BIN               the folder of pg_restore and psql when they are not the ones on PATH.
#
# One transaction: a restore that fails anywhere leaves the target database empty. The check then
# compares every table's row count with the .counts file written with the archive, and fails on any
# difference; without that file it lists the counts and checks that the migrations are there.
set -euo pipefail

file="${1:?usage: restore.sh <archive.dump>}"
target="${TARGET_DATABASE_URL:?set TARGET_DATABASE_URL to the (empty) database to restore into}"
check="${CHECK_DATABASE_URL:-$target}"
bin="${PG_BIN:+${PG_BIN%/}/}"
[[ -r "$file" ]] || { echo "restore: cannot read $file" >&2; exit 1; }

tables() {
  "${bin}psql" "$1" -X -q -A -t -v ON_ERROR_STOP=1 -c \
    "SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p')"
}
existing="$(tables "$target")"
if [[ "$existing" != 0 ]]; then
  echo "restore: the target database already has $existing tables; restore into an empty one" >&2
  exit 1
fi

args=(--dbname="$target" --no-owner --exit-on-error --single-transaction)
[[ -n "${RESTORE_ROLE:-}" ]] && args+=(--role="$RESTORE_ROLE")
"${bin}pg_restore" "${args[@]}" "$file"

# Every table's row count, read with row-level security off (an error rather than a filtered count).
counts="$("${bin}psql" "$check" -X -q -A -t -v ON_ERROR_STOP=1 <<'SQL'
SET row_security = off;
SELECT format('SELECT %L || chr(9) || count(*) FROM %I.%I', c.relname, n.nspname, c.relname)
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY c.relname
\gexec
SQL
)"

migrations="$(awk -F '\t' '$1 == "migrations" { print $2 }' <<<"$counts")"
if [[ -z "$migrations" || "$migrations" == 0 ]]; then
  echo "restore: no applied migrations in the restored database: not an archive of this product?" >&2
  exit 1
fi

expected="${file}.counts"
if [[ -r "$expected" ]]; then
  if ! diff <(sort "$expected") <(sort <<<"$counts") >&2; then
    echo "restore: row counts differ from the backup's (above: < backup, > restored)" >&2
    exit 1
  fi
  echo "restore: $(wc -l <"$expected") tables, every row count as in the backup"
else
  echo "restore: no $expected to compare with; row counts:"
  printf '%s\n' "$counts"
fi
