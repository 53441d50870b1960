#!/usr/bin/env bash
# Entity resolution side by side with splink and recordlinkage (release build; its own Python environment).
#   bench/resolve.sh [SIZES]      SIZES: comma-separated generated sizes, default 100000 (e.g. 100000,1000000)
# Data sets: FEBRL 1-4, the project's generator (families, movers, sparse) and bench/people_gen2.py (mixed,
# families, movers, sparse, and "rare": most duplicates taken out); Liaison's calibration is printed for each.
# Also measures the Jaro–Winkler kernel against rapidfuzz and single-record queries against an index of people.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${1:-100000}
VENV=.build/resolve-venv
if [ ! -x "$VENV/bin/python" ]; then python3 -m venv "$VENV"; fi
"$VENV/bin/python" -c "import splink, recordlinkage, rapidfuzz; assert splink.__version__.startswith('4.')" 2>/dev/null || "$VENV/bin/pip" install -q "splink>=4,<5" recordlinkage rapidfuzz
. bench/release.sh liaison liaison-bench
"$VENV/bin/python" bench/resolve_bench.py --sizes "$SIZES" --liaison "$BIN/liaison"
"$VENV/bin/python" bench/resolve_kernels.py --liaison-bench "$BIN/liaison-bench" --sizes "$SIZES"
