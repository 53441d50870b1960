#!/usr/bin/env bash
# Obligations benchmark: 100,000 deportation cases, 20,000 with a partner's interest, and every obligation their
# histories owe, on the embedded store; then the due/overdue sweep, the dashboard and the lists, timed in process.
# Target: sweep and dashboard under 100 ms each. Release build; prints figures.
#   bench/obligations.sh [CASES] [INTERESTS]      (default 100000 20000)
set -euo pipefail
cd "$(dirname "$0")/.."
CASES=${1:-100000}
INTERESTS=${2:-20000}
. bench/release.sh liaison-bench
DATA=$(mktemp -d)
trap 'rm -rf "$DATA"' EXIT
$BIN/liaison-bench obligations --cases "$CASES" --interests "$INTERESTS" --data-dir "$DATA"
