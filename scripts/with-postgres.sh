#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL 15 cluster on 127.0.0.1, exporting LIAISON_TEST_POSTGRES_URL.
# The cluster is stopped and removed when the command ends, whatever happens. Needs root (Debian).
set -euo pipefail
PGBIN=/usr/lib/postgresql/15/bin
if [ ! -x "$PGBIN/initdb" ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 postgresql-contrib >/dev/null
fi
PGPORT=${PGPORT:-54329}
PGTMP=$(mktemp -d)
chown postgres:postgres "$PGTMP"
cleanup() {
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGTMP/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PGTMP"
}
trap cleanup EXIT
runuser -u postgres -- "$PGBIN/initdb" -D "$PGTMP/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGTMP -c fsync=off -c max_connections=200" start >/dev/null
psql -h 127.0.0.1 -p "$PGPORT" -U postgres -qc 'CREATE DATABASE liaison_test'
export LIAISON_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$PGPORT/liaison_test?sslmode=disable"
echo "PostgreSQL ready at $LIAISON_TEST_POSTGRES_URL"
"$@"
