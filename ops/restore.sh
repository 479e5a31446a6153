#!/usr/bin/env bash
# Restore a backup made by ops/backup.sh into the database DATABASE_URL points at.
#   PostgreSQL (.dump): into an existing, preferably empty, database:
#       createdb trialfinder_restored && DATABASE_URL=postgres://.../trialfinder_restored ops/restore.sh FILE.dump
#   SQLite (.json): migrates the (new) database, then loads the fixture.
set -euo pipefail
cd "$(dirname "$0")/.."
file="${1:?usage: ops/restore.sh BACKUP_FILE}"
case "$file" in
  *.dump)
    pg_restore --no-owner --no-acl --clean --if-exists --exit-on-error --dbname="$DATABASE_URL" "$file"
    ;;
  *.json)
    .venv/bin/python manage.py migrate --noinput
    # The migrations load reference data (regions, cancer types, starter glossary);
    # loaddata then updates those rows by natural key or primary key. History recording
    # is off while it loads: the fixture already holds every history row, and setting
    # many-to-many links would otherwise add new ones.
    SIMPLE_HISTORY_ENABLED=false .venv/bin/python manage.py loaddata "$file"
    ;;
  *)
    echo "unknown backup type: $file" >&2
    exit 2
    ;;
esac
