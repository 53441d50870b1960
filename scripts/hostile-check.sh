#!/usr/bin/env bash
# Hostile input (scripts/hostile_input.py) against `liaison serve --demo` on PostgreSQL when
# LIAISON_TEST_POSTGRES_URL is set (scripts/with-postgres.sh sets it), else on a fresh SQLite folder. The browser
# check runs the same on SQLite after its walk; this is for the store the deployment runs on.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product liaison >/dev/null
DATA=$(mktemp -d)
PORT=${LIAISON_CHECK_PORT:-18090}
STORE=(--data-dir "$DATA")
if [ -n "${LIAISON_TEST_POSTGRES_URL:-}" ]; then STORE=(--database "$LIAISON_TEST_POSTGRES_URL"); fi
.build/debug/liaison serve --demo "${STORE[@]}" --port "$PORT" >"$DATA/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true; rm -rf "$DATA"' EXIT
for _ in $(seq 1 240); do
  curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
  kill -0 $SERVER 2>/dev/null || { cat "$DATA/server.log"; exit 1; }
  sleep 0.5
done
TOKEN=$(.build/debug/liaison users token nca.analyst "${STORE[@]}" --name hostile-check)
ADMIN=$(.build/debug/liaison users token nca.admin "${STORE[@]}" --name hostile-check)
echo "hostile input on $(grep -o 'store: [^)]*' "$DATA/server.log" | head -1)"
python3 scripts/hostile_input.py "http://127.0.0.1:$PORT" "$TOKEN" "$ADMIN" -- nca.analyst hocc.workflow nca.officer nca.admin
kill -0 $SERVER 2>/dev/null && curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null \
  || { echo "the server stopped under hostile input"; tail -50 "$DATA/server.log"; exit 1; }
# The audit chain, with what those requests wrote to it, still verifies.
.build/debug/liaison audit verify "${STORE[@]}" | tail -1
