#!/usr/bin/env bash
# Foundation benchmark: seed 100,000 synthetic subjects into SQLite, then measure listing and name search
# in process and through the HTTP API under load from wrk on loopback. Release build; prints figures.
#   bench/foundation.sh [SUBJECTS]      (default 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
SUBJECTS=${1:-100000}
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
# LIAISON_BIN names a folder holding already-built release binaries; otherwise they are built here.
. bench/release.sh liaison-bench liaison
DATA=$(mktemp -d)
PORT=${BENCH_PORT:-18090}
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$DATA"' EXIT

echo "== seeding $SUBJECTS subjects (release build)"
$BIN/liaison-bench seed --subjects "$SUBJECTS" --data-dir "$DATA"
echo "== in-process store queries"
$BIN/liaison-bench search --data-dir "$DATA" --queries 2000

TOKEN=$($BIN/liaison users token nca.analyst --data-dir "$DATA" --name bench)
$BIN/liaison serve --data-dir "$DATA" --port "$PORT" >"$DATA/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break; sleep 0.2; done

cat >"$DATA/report.lua" <<'LUA'
local paths = {}
init = function(args) for i = 1, #args do paths[i] = args[i] end end
local n = 0
request = function()
  n = n + 1
  local path = paths[(n % #paths) + 1]
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN") })
end
done = function(summary, latency, requests)
  io.write(string.format("  requests %d, errors %d, %.0f req/s, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000))
end
LUA
export BENCH_TOKEN=$TOKEN
run() { # label, then paths
  local label=$1; shift
  echo "== HTTP: $label (wrk -t2 -c16 -d15s)"
  wrk -t2 -c16 -d15s -s "$DATA/report.lua" "http://127.0.0.1:$PORT" -- "$@" | tail -1
}
run "list subjects, 50 a page" "/api/v1/subjects?limit=50"
run "name search" "/api/v1/subjects?q=petrov" "/api/v1/subjects?q=mohammed%20al" "/api/v1/subjects?q=nguyen" \
  "/api/v1/subjects?q=kowalski" "/api/v1/subjects?q=smith%20james" "/api/v1/subjects?q=hussain" "/api/v1/subjects?q=okafor" "/api/v1/subjects?q=yilmaz"
run "read one subject" "/api/v1/subjects/$(curl -fs -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/subjects?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')"
echo "server peak RSS: $(grep VmHWM /proc/$SERVER/status | awk '{print $2/1024 " MB"}')"
