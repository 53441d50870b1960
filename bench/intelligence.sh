#!/usr/bin/env bash
# Intelligence benchmarks: full-text search over 1,000,000 synthetic reports (names, vehicle registrations,
# places; as an analyst and as a partner agency's officer), and GAIN hit/no-hit across ten agencies' 1,000,000
# subjects; both on the embedded store, through the access policy and the audit chain. Target: under 50 ms at
# p95 for each. Release build; prints figures.
#   bench/intelligence.sh [REPORTS] [SUBJECTS]      (default 1000000 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
REPORTS=${1:-1000000}
SUBJECTS=${2:-1000000}
. bench/release.sh liaison-bench
DATA=$(mktemp -d)
trap 'rm -rf "$DATA"' EXIT
echo "== full-text search over $REPORTS reports"
mkdir "$DATA/search" && $BIN/liaison-bench intel-search --reports "$REPORTS" --data-dir "$DATA/search"
rm -rf "$DATA/search"
echo "== GAIN hit/no-hit across ten agencies' $SUBJECTS subjects"
mkdir "$DATA/gain" && $BIN/liaison-bench gain --subjects "$SUBJECTS" --data-dir "$DATA/gain"
