#!/usr/bin/env bash
# Backs up the product's database into one pg_dump archive (custom format), named by the UTC time:
#   DATABASE_URL=postgres://coso_backup:…@host:5432/coso infra/backup/backup.sh [directory]
#
# DATABASE_URL  the database to back up, as a role that reads every row: row-level security is forced
#               on tenant tables, so use coso_backup (infra/db/roles.sql: BYPASSRLS, pg_read_all_data)
#               or a superuser. As any other role pg_dump stops with an error; it never writes a
#               backup with rows missing.
# directory     where the archive goes (default: $BACKUP_DIR, else ./backups).
# PG_BIN        the folder of pg_dump and psql when they are not the ones on PATH. pg_dump must be of
#               the server's major version or newer (it refuses an older one); use the server's.
#
# Writes <directory>/coso-<YYYYMMDDTHHMMSSZ>.dump and, beside it, .counts: every table's row count,
# read in the very snapshot pg_dump dumps, which restore.sh checks the restored database against.
# Prints the archive's path on success.
set -euo pipefail

url="${DATABASE_URL:?set DATABASE_URL to the database to back up}"
dir="${1:-${BACKUP_DIR:-./backups}}"
bin="${PG_BIN:+${PG_BIN%/}/}"

mkdir -p "$dir"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
file="$dir/coso-$stamp.dump"
partial="$file.partial"
snapshot_pid=""
cleanup() {
  rm -f "$partial" "$partial.counts"
  [[ -n "$snapshot_pid" ]] && kill "$snapshot_pid" 2>/dev/null || true
}
trap cleanup EXIT

# One read-only repeatable-read transaction exports its snapshot: pg_dump dumps exactly that snapshot
# and the counts are read in it too, so they match the archive whatever is written meanwhile.
coproc SNAPSHOT { "${bin}psql" "$url" -X -q -A -t -v ON_ERROR_STOP=1 2>&1; }
snapshot_pid="$SNAPSHOT_PID"
exec {to_snapshot}>&"${SNAPSHOT[1]}" {from_snapshot}<&"${SNAPSHOT[0]}"
# Counting must see every row, or fail: never a count that row-level security has filtered.
printf '%s\n' 'SET row_security = off;' 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;' \
  'SELECT pg_export_snapshot();' >&"$to_snapshot"
snapshot=""
read -r snapshot <&"$from_snapshot" || true
if [[ ! "$snapshot" =~ ^[0-9A-F]+-[0-9A-F]+-[0-9]+$ ]]; then
  echo "backup: could not open a snapshot: $snapshot" >&2
  exit 1
fi

"${bin}pg_dump" --dbname="$url" --format=custom --snapshot="$snapshot" --file="$partial"

cat >&"$to_snapshot" <<'SQL'
SELECT format('SELECT %L || chr(9) || count(*) FROM %I.%I', c.relname, n.nspname, c.relname)
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY c.relname
\gexec
SELECT 'end-of-counts';
COMMIT;
\q
SQL
: >"$partial.counts"
counted=no
while read -r line <&"$from_snapshot"; do
  if [[ "$line" == end-of-counts ]]; then
    counted=yes
    break
  fi
  if [[ "$line" != *$'\t'* ]]; then
    echo "backup: counting rows failed: $line" >&2
    exit 1
  fi
  printf '%s\n' "$line" >>"$partial.counts"
done
wait "$snapshot_pid"
snapshot_pid=""
if [[ "$counted" != yes ]]; then
  echo "backup: the counting session ended early" >&2
  exit 1
fi

# The archive must at least be readable before it counts as a backup.
"${bin}pg_restore" --list "$partial" >/dev/null
mv "$partial.counts" "$file.counts"
mv "$partial" "$file"
echo "$file"
