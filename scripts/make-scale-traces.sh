#!/usr/bin/env bash
# Writes the two synthetic traces the scale benchmarks use, then (with --measure) times every
# reader on them: `loopscope bench render --formats --trace FILE`.
#
#   scripts/make-scale-traces.sh [OUT_DIR] [--measure]
#
# OUT_DIR defaults to ./scale-traces. The traces are about 1 M events over 10 k tasks (91 MB)
# and 5 M events over 50 k tasks (480 MB); the same bytes on every run. The program is built
# in release mode into .build-release.
set -euo pipefail
out=${1:-scale-traces}
measure=${2:-}
cd "$(dirname "$0")/.."
swift build -c release --scratch-path .build-release >/dev/null
bin=.build-release/release/loopscope
mkdir -p "$out"
"$bin" bench trace --events 1000000 --tasks 10000 -o "$out/scale-1m.jsonl"
"$bin" bench trace --events 5000000 --tasks 50000 -o "$out/scale-5m.jsonl"
if [ "$measure" = "--measure" ]; then
    "$bin" bench render --formats --trace "$out/scale-1m.jsonl" --limit 120
    "$bin" bench render --formats --trace "$out/scale-5m.jsonl" --limit 300
fi
