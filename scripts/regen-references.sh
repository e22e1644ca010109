#!/usr/bin/env bash
# Re-records the CPython reference traces the tests compare the scheduler with, using
# loopscope's own recorder (recorder/loopscope_record.py) on a virtual clock, in the
# loopscope trace format:
#   demos/python/NAME.py                            -> Tests/LoopscopeDemosTests/Reference/NAME.jsonl
#   Tests/LoopscopeSchedulerTests/Reference/cases/NAME.py -> Tests/LoopscopeSchedulerTests/Reference/NAME.jsonl
# Usage: scripts/regen-references.sh [PYTHON]   (default: $LOOPSCOPE_PYTHON, else python3)
# With LOOPSCOPE_BIN=.build/debug/loopscope every trace is also checked by `loopscope validate`.
set -euo pipefail
cd "$(dirname "$0")/.."
python="${1:-${LOOPSCOPE_PYTHON:-python3}}"
"$python" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 3)' || {
    echo "regen-references: $python is not Python 3.11 or newer; install it (apt-get install python3) or name one" >&2
    exit 2
}

record() {  # record PROGRAM.py OUT.jsonl
    local program=$1 out=$2 tmp
    tmp=$(mktemp "${out}.XXXXXX")
    if ! "$python" recorder/loopscope_record.py --out "$tmp" -- "$program" >/dev/null 2>"$tmp.err"; then
        echo "regen-references: recording $program failed:" >&2
        cat "$tmp.err" >&2
        rm -f "$tmp" "$tmp.err"
        exit 1
    fi
    rm -f "$tmp.err"
    if [ -n "${LOOPSCOPE_BIN:-}" ]; then "$LOOPSCOPE_BIN" validate "$tmp" >/dev/null; fi
    mv "$tmp" "$out"
    echo "  $out"
}

count=0
for program in demos/python/*.py; do
    name=$(basename "$program" .py)
    record "$program" "Tests/LoopscopeDemosTests/Reference/$name.jsonl"
    count=$((count + 1))
done
for program in Tests/LoopscopeSchedulerTests/Reference/cases/*.py; do
    name=$(basename "$program" .py)
    record "$program" "Tests/LoopscopeSchedulerTests/Reference/$name.jsonl"
    count=$((count + 1))
done
echo "regen-references: $count traces recorded with $("$python" -c 'import platform; print("CPython", platform.python_version())')"
