#!/usr/bin/env bash
# Performance report benchmark: seed the scaled demo data — 200,000 subjects, 10,000 groups, 20,000 Persons of
# Interest, 1,000,000 interventions with their outcomes over two years, 50,000 asset records — into the embedded
# store, then time the performance report (national, published, as a partner officer, for one area, for one
# market) and a local profile. Target: each under 1 s. Release build; prints figures.
#   bench/report.sh [extra liaison-bench report options, e.g. --interventions 200000]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/release.sh liaison-bench
DATA=$(mktemp -d)
trap 'rm -rf "$DATA"' EXIT
$BIN/liaison-bench report --data-dir "$DATA" "$@"
