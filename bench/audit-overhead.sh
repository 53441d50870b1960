#!/usr/bin/env bash
# What the audit chain costs on read endpoints: the same server and store with audit entries written to the
# chain (`liaison serve`) and discarded (`liaison-bench serve-without-audit`), driven alike by wrk on loopback.
# Release build; prints throughput side by side and the overhead. Target: under 10%.
#   bench/audit-overhead.sh [SUBJECTS]      (default 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
SUBJECTS=${1:-100000}
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
if [ -n "${LIAISON_BIN:-}" ]; then BIN=$LIAISON_BIN; else
  swift build -c release -j 2 --product liaison-bench >/dev/null && swift build -c release -j 2 --product liaison >/dev/null
  BIN=.build/release
fi
DATA=$(mktemp -d)
trap 'kill $AUDITED $BASELINE 2>/dev/null || true; rm -rf "$DATA"' EXIT
$BIN/liaison-bench seed --subjects "$SUBJECTS" --data-dir "$DATA" >/dev/null
export BENCH_TOKEN=$($BIN/liaison users token nca.analyst --data-dir "$DATA" --name bench)
$BIN/liaison serve --data-dir "$DATA" --port 18092 >"$DATA/audited.log" 2>&1 & AUDITED=$!
$BIN/liaison-bench serve-without-audit --data-dir "$DATA" --port 18093 >"$DATA/baseline.log" 2>&1 & BASELINE=$!
for port in 18092 18093; do for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.2; done; done
ID=$(curl -fs -H "Authorization: Bearer $BENCH_TOKEN" "http://127.0.0.1:18092/api/v1/subjects?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
cat >"$DATA/rps.lua" <<'LUA'
request = function() return wrk.format("GET", nil, { ["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN") }) end
done = function(summary, latency, requests) io.write(string.format("%.0f\n", summary.requests / (summary.duration / 1e6))) end
LUA
rps() { wrk -t2 -c16 -d10s -s "$DATA/rps.lua" "$1" | tail -1; }
for endpoint in "/api/v1/subjects/$ID" "/api/v1/subjects?limit=20"; do
  best_on=0; best_off=0
  for round in 1 2 3; do   # alternate, keep the best of each: shared machines are noisy
    off=$(rps "http://127.0.0.1:18093$endpoint"); on=$(rps "http://127.0.0.1:18092$endpoint")
    [ "$off" -gt "$best_off" ] && best_off=$off; [ "$on" -gt "$best_on" ] && best_on=$on
  done
  python3 -c "import sys; off,on=$best_off,$best_on; print(f'{sys.argv[1]}: audit discarded {off} req/s, audit chain on {on} req/s, overhead {100*(1-on/off):.1f}%')" "GET ${endpoint/$ID/\{id\}}"
done
$BIN/liaison audit verify --data-dir "$DATA"
