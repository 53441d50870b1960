#!/usr/bin/env bash
# OCG pages benchmark: seed 200,000 synthetic subjects and 10,000 groups into SQLite, serve them, and time the
# pages analysts and LROs use most — the OCG list with filters, and an OCG page (members, threat assessments,
# interventions and "subject to action") — one request at a time (what one user waits for) and at 4 connections.
# Target: each under 100 ms at p95. Release build; prints figures.
#   bench/ocg-pages.sh [SUBJECTS] [OCGS]      (default 200000 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
SUBJECTS=${1:-200000}
OCGS=${2:-10000}
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
. bench/release.sh liaison-bench liaison
DATA=$(mktemp -d)
PORT=${BENCH_PORT:-18091}
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$DATA"' EXIT

echo "== seeding $SUBJECTS subjects and $OCGS groups (release build)"
$BIN/liaison-bench seed --subjects "$SUBJECTS" --ocgs "$OCGS" --data-dir "$DATA"
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
  return wrk.format("GET", paths[(n % #paths) + 1], { ["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN") })
end
done = function(summary, latency, requests)
  io.write(string.format("  requests %d, errors %d, %.0f req/s, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000))
end
LUA
export BENCH_TOKEN=$TOKEN
# Groups with members, assessed and with an intervention each, so their pages show everything.
IDS=$(curl -fs -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/ocgs?market=class-a-drugs&limit=8" \
  | python3 -c 'import json,sys; print(" ".join("%s:%d" % (g["id"], g["meta"]["version"]) for g in json.load(sys.stdin)["items"]))')
PAGES=()
for pair in $IDS; do
  ID=${pair%%:*}; VERSION=${pair##*:}
  curl -fs -o /dev/null -H "Authorization: Bearer $TOKEN" \
    -d "{\"version\":$VERSION,\"ratings\":{\"intent\":3,\"capability\":3,\"criminality\":4,\"harm\":4,\"reach\":2,\"network\":1},\"rationale\":\"bench\"}" \
    "http://127.0.0.1:$PORT/api/v1/ocgs/$ID/assessments" || true
  curl -fs -o /dev/null -H "Authorization: Bearer $TOKEN" \
    -d "{\"target\":{\"kind\":\"ocg\",\"id\":\"$ID\"},\"category\":\"pursue\",\"tactic\":\"arrest\",\"dueDate\":\"$(date -u +%F)\",\"description\":\"bench\"}" \
    "http://127.0.0.1:$PORT/api/v1/interventions" || true
  PAGES+=("/ocgs/$ID")
done
LISTS=("/ocgs" "/ocgs?market=class-a-drugs" "/ocgs?market=county-lines&status=active" "/ocgs?area=london&band=1a"
       "/ocgs?status=active&market=firearms&area=north-west" "/ocgs?q=harbour" "/ocgs?lead=nwrocu.lro")
run() { # label, connections, then paths
  local label=$1 connections=$2; shift 2
  echo "== $label (wrk -t1 -c$connections -d10s)"
  wrk -t1 -c"$connections" -d10s -s "$DATA/report.lua" "http://127.0.0.1:$PORT" -- "$@" | tail -1
}
run "OCG list with filters, one user" 1 "${LISTS[@]}"
run "OCG page, one user" 1 "${PAGES[@]}"
run "OCG list with filters, 4 at once" 4 "${LISTS[@]}"
run "OCG page, 4 at once" 4 "${PAGES[@]}"
echo "server peak RSS: $(grep VmHWM /proc/$SERVER/status | awk '{print $2/1024 " MB"}')"
