# Sourced by the benchmark scripts: sets BIN to LIAISON_BIN (a folder of already-built binaries) or, when that is
# unset, builds PRODUCT… here as deployed (release, the Swift runtime linked in: see "Building for deployment" in
# the README) and sets BIN to .build/release.
#   . bench/release.sh PRODUCT...
if [ -n "${LIAISON_BIN:-}" ]; then BIN=$LIAISON_BIN; else
  for product in "$@"; do swift build -c release -j 2 --static-swift-stdlib --product "$product" >/dev/null; done
  BIN=.build/release
fi
