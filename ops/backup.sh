#!/usr/bin/env bash
# Back up the database DATABASE_URL points at (the same variable the site reads).
#   PostgreSQL: a custom-format dump, restorable table by table: ops/backup.sh FILE  -> FILE.dump
#   SQLite:     a JSON fixture via dumpdata:                       ops/backup.sh FILE  -> FILE.json
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:?usage: ops/backup.sh OUTPUT_PATH_WITHOUT_EXTENSION}"
mkdir -p "$(dirname "$out")"
case "${DATABASE_URL:-}" in
  postgres://*|postgresql://*)
    pg_dump --format=custom --no-owner --no-acl --dbname="$DATABASE_URL" --file="$out.dump"
    echo "$out.dump"
    ;;
  *)
    .venv/bin/python manage.py dumpdata --natural-foreign --natural-primary \
      --exclude contenttypes --exclude auth.permission --exclude sessions \
      --exclude admin.logentry --output "$out.json"
    echo "$out.json"
    ;;
esac
