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

failed=()
record() {  # record PROGRAM.py OUT.jsonl: replaces OUT only when the recording succeeds
    local program=$1 out=$2 tmp
    tmp=$(mktemp "${TMPDIR:-/tmp}/regen-XXXXXX")
    if ! "$python" recorder/loopscope_record.py --out "$tmp" -- "$program" >/dev/null 2>"$tmp.err"; then
        echo "FAILED $program: the recorder failed:" >&2
        sed 's/^/    /' "$tmp.err" >&2
        failed+=("$program")
    elif [ -n "${LOOPSCOPE_BIN:-}" ] && ! "$LOOPSCOPE_BIN" validate "$tmp" >"$tmp.err" 2>&1; then
        echo "FAILED $program: its trace does not validate:" >&2
        sed 's/^/    /' "$tmp.err" | head -5 >&2
        failed+=("$program")
    else
        mv "$tmp" "$out"
        echo "  $out"
    fi
    rm -f "$tmp" "$tmp.err"
}

count=0
for program in demos/python/*.py; do
    record "$program" "Tests/LoopscopeDemosTests/Reference/$(basename "$program" .py).jsonl"
    count=$((count + 1))
done
for program in Tests/LoopscopeSchedulerTests/Reference/cases/*.py; do
    record "$program" "Tests/LoopscopeSchedulerTests/Reference/$(basename "$program" .py).jsonl"
    count=$((count + 1))
done
version=$("$python" -c 'import platform; print("CPython", platform.python_version())')
echo "regen-references: $((count - ${#failed[@]})) of $count traces recorded with $version"
if [ ${#failed[@]} -gt 0 ]; then
    echo "regen-references: not replaced (the old file stays): ${failed[*]}" >&2
    exit 1
fi
