#!/usr/bin/env bash
# The project's whole test command (README's, and what .ci/run runs after installing what a
# fresh machine lacks): the debug and release builds with zero warnings, the example package
# (Examples/TraceMyProgram) built against the library, the unit and golden
# tests (with swift test's own exit status; golden files never rewritten, none left unread,
# the tree left as it was), the end-to-end terminal test under tmux, the Python
# recorder's tests with every trace checked by `loopscope validate`, the fuzzer harness's
# own tests, and a short fixed-seed round of the trace fuzzer (scripts/fuzz.py).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -n "${LOOPSCOPE_UPDATE_GOLDEN:-}" ]; then
    echo "LOOPSCOPE_UPDATE_GOLDEN is set: the tests would rewrite golden files instead of checking them; unset it" >&2
    exit 1
fi

no_warnings() {   # fails when the log (of a build, or a test run: then only compiler lines) names a warning
    local found pattern="${2:-warning:}"
    found=$({ grep -E "$pattern" "$1" || true; } | sort -u)
    if [ -n "$found" ]; then
        echo "warnings are defects:" >&2
        echo "$found" >&2
        exit 1
    fi
}

tree_before=$(git status --porcelain 2>/dev/null || true)

mkdir -p .build   # the logs below live there; a fresh clone has none yet

echo "== swift build"
swift build 2>&1 | tee .build/build.log
no_warnings .build/build.log

echo "== swift build -c release"
swift build -c release 2>&1 | tee .build/build-release.log
no_warnings .build/build-release.log

echo "== example package (Examples/TraceMyProgram: traces a program of its own with the library)"
swift build --package-path Examples/TraceMyProgram 2>&1 | tee .build/build-example.log
no_warnings .build/build-example.log

echo "== swift test"
rm -f .build/goldens-read.txt
status=0
LOOPSCOPE_GOLDEN_LOG="$(pwd -P)/.build/goldens-read.txt" swift test 2>&1 | tee .build/test.log \
    | grep -vE "^(◇|↳)|started\.$" || status=${PIPESTATUS[0]}
if [ "$status" != 0 ]; then
    echo "swift test failed (exit status $status)" >&2
    grep -E "✘" .build/test.log | head -50 >&2 || true
    exit "$status"
fi
no_warnings .build/test.log "^/.*warning:"

echo "== golden files"
bash scripts/check-goldens.sh .build/goldens-read.txt
tree_after=$(git status --porcelain 2>/dev/null || true)
if [ "$tree_before" != "$tree_after" ]; then
    echo "the tests changed the tree:" >&2
    diff <(echo "$tree_before") <(echo "$tree_after") >&2 || true
    exit 1
fi

echo "== end-to-end terminal test (tmux)"
bash scripts/tui-e2e.sh .build/debug/loopscope

echo "== Python recorder tests (every trace checked by loopscope validate)"
LOOPSCOPE_BIN=.build/debug/loopscope python3 -m unittest discover -s recorder/tests -t .

echo "== fuzzer harness tests (crashes and hangs named with two jobs; one or two jobs, same output)"
LOOPSCOPE_BIN=.build/debug/loopscope python3 -m unittest discover -s scripts/tests -t .

echo "== fuzz round (fixed seed)"
python3 scripts/fuzz.py --loopscope .build/debug/loopscope --mutants 150 --seed 1 --jobs 2
