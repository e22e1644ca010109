#!/usr/bin/env bash
# Golden files no test read: lists every file under Tests/*/Golden that is missing from the
# log the tests wrote (LOOPSCOPE_GOLDEN_LOG), and fails if there is any. Usage:
#   LOOPSCOPE_GOLDEN_LOG=.build/goldens-read.txt swift test
#   bash scripts/check-goldens.sh .build/goldens-read.txt
set -euo pipefail
cd "$(dirname "$0")/.."
log=${1:?usage: check-goldens.sh <log written by the tests>}
if [ ! -s "$log" ]; then
    echo "check-goldens: $log is missing or empty: run swift test with LOOPSCOPE_GOLDEN_LOG=$log first" >&2
    exit 1
fi
root=$(pwd -P)
unused=$(comm -23 <(find Tests -path '*/Golden/*' -type f | sed "s|^|$root/|" | sort -u) <(sort -u "$log"))
if [ -n "$unused" ]; then
    echo "golden files that no test read (delete them, or test them):" >&2
    echo "$unused" | sed "s|^$root/|  |" >&2
    exit 1
fi
echo "every golden file was read by a test ($(sort -u "$log" | wc -l) files)"
