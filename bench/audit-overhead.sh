#!/usr/bin/env bash
# What the audit chain costs on read endpoints: the same server and store with audit entries written to the
# chain (`liaison serve`) and discarded (`liaison-bench serve-without-audit`), driven alike by wrk on loopback.
# Release build; prints throughput side by side and the overhead. Target: under 10%.
#   bench/audit-overhead.sh [SUBJECTS]      (default 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
SUBJECTS=${1:-100000}
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
. bench/release.sh liaison-bench liaison
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
# Server CPU time (user + system, in clock ticks) so far: CPU per request is steadier than throughput on a shared host.
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# One round: requests per second and server CPU milliseconds per request.
round() {
  local before after out
  before=$(ticks "$2"); out=$(wrk -t2 -c16 -d5s -s "$DATA/rps.lua" "$1"); after=$(ticks "$2")
  python3 -c "import sys; rps=float(sys.argv[1]); print(f'{rps:.0f} {(int(sys.argv[3])-int(sys.argv[2]))*1000/100/(rps*5):.4f}')" \
    "$(echo "$out" | tail -1)" "$before" "$after"
}
for endpoint in "/api/v1/subjects/$ID" "/api/v1/subjects?limit=20"; do
  rounds=""
  for _ in 1 2 3 4 5 6; do   # alternate, then compare medians: shared machines are noisy
    rounds="$rounds $(round "http://127.0.0.1:18093$endpoint" $BASELINE) $(round "http://127.0.0.1:18092$endpoint" $AUDITED)"
  done
  python3 - "GET ${endpoint/$ID/\{id\}}" $rounds <<'PY'
import statistics, sys
label, values = sys.argv[1], [float(v) for v in sys.argv[2:]]
off, on = values[0::4], values[2::4]
off_cpu, on_cpu = values[1::4], values[3::4]
m = statistics.median
print(f"{label}: audit discarded {m(off):.0f} req/s, audit chain on {m(on):.0f} req/s, throughput overhead {100*(1-m(on)/m(off)):.1f}% "
      f"(median of {len(off)} alternating rounds); server CPU per request {m(off_cpu):.3f} ms vs {m(on_cpu):.3f} ms, "
      f"+{100*(m(on_cpu)/m(off_cpu)-1):.1f}%")
PY
done
$BIN/liaison audit verify --data-dir "$DATA"
