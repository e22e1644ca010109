#!/usr/bin/env bash
# End-to-end test of `loopscope play` in a real terminal, driven through tmux.
#
# Starts the player in detached tmux sessions (on a private tmux server), sends keys,
# resizes, and reads the screen with `capture-pane`, polling for the text it expects rather
# than sleeping. Checks: stepping, playing, resizing (and the too-small screen), help, a
# predict answer, quitting with q / Ctrl-C / SIGTERM / SIGHUP (the shell prompt comes back,
# no stray escape codes are left, and the exit status is 128 + the signal), monochrome with
# NO_COLOR, ASCII in a non-UTF-8 locale, `play | cat` exiting 2 with a pointer to
# `loopscope export`, TERM=dumb and `</dev/null` refused, a crash (through the test hook
# LOOPSCOPE_TEST_CRASH) leaving the terminal usable, the play speed measured off the
# screen, a Python program given as a .py file, recorded on CPython, with its source in
# the source pane, zooming a pane (z) and choosing one (c), scrolling the output ([ ]), the
# picker's filter (/) and help (?), a theme chosen with t kept back on the picker and in the
# next demo, a CRLF .py program (its source lines right, a long bound task name cut so the
# task number shows at 80 columns), the projector theme (no dim text), and the thread demo
# at 80x24 (thread words, every end marker shown, every glyph drawn named in the legend, no
# blank row where a loop row would be),
# and loading a big trace file: the reading screen at once, q / Ctrl-C / SIGTERM stopping the
# load promptly with a clean terminal (also at 80x24 without colour), a late decode error
# printed after the terminal is restored; and recording a .py program on the reading screen:
# q / Ctrl-C / SIGTERM end the interpreter (reaped, no temporary folder left) and the player;
# reading a trace from a pipe whose writer stalls: q / Ctrl-C still end the player;
# and a trace piped into `play -`: keys from the terminal, the reading screen stoppable while
# the pipe waits, refusals without a controlling terminal and with a terminal on stdin.
#
# Usage: scripts/tui-e2e.sh [path/to/loopscope]   (default: .build/debug/loopscope)
# Prints one line per check and ends with "N passed, M failed"; exits 1 if any failed.
set -u

BIN=${1:-${LOOPSCOPE_BIN:-.build/debug/loopscope}}
DEMO=${LOOPSCOPE_E2E_DEMO:-seed000-fetch-url}
SOCKET="loopscope-e2e-$$"
PROMPT='E2E$ '
passed=0
failed=0

if ! command -v tmux >/dev/null 2>&1; then
    echo "tmux is not installed"
    echo "0 passed, 1 failed"
    exit 1
fi
if [ ! -x "$BIN" ]; then
    echo "no executable at $BIN (build first: swift build)"
    echo "0 passed, 1 failed"
    exit 1
fi
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")

t() { tmux -L "$SOCKET" "$@"; }
cleanup() { t kill-server >/dev/null 2>&1 || true; }
trap cleanup EXIT

ok() { passed=$((passed + 1)); echo "ok     $1"; }
not_ok() {
    failed=$((failed + 1))
    echo "FAILED $1"
    if [ -n "${2:-}" ]; then
        echo "------ screen ------"
        printf '%s\n' "$2" | sed -e '/^$/d' | head -40
        echo "--------------------"
    fi
}

screen() { t capture-pane -p -t "$1" 2>/dev/null; }
screen_escapes() { t capture-pane -p -e -t "$1" 2>/dev/null; }

# wait_for SESSION TEXT [TIMEOUT_SECONDS]: polls the screen until TEXT (fixed string) shows.
wait_for() {
    local session=$1 text=$2 limit=${3:-10}
    local tries=$((limit * 20))
    while [ "$tries" -gt 0 ]; do
        if screen "$session" | grep -qF -- "$text"; then return 0; fi
        sleep 0.05
        tries=$((tries - 1))
    done
    return 1
}

# wait_gone SESSION TEXT [TIMEOUT]: polls until TEXT no longer shows.
wait_gone() {
    local session=$1 text=$2 limit=${3:-10}
    local tries=$((limit * 20))
    while [ "$tries" -gt 0 ]; do
        if ! screen "$session" | grep -qF -- "$text"; then return 0; fi
        sleep 0.05
        tries=$((tries - 1))
    done
    return 1
}

check() { # check NAME SESSION TEXT [TIMEOUT]
    if wait_for "$2" "$3" "${4:-10}"; then ok "$1"; else not_ok "$1 (expected '$3')" "$(screen "$2")"; fi
}

# start SESSION WIDTH HEIGHT ENV...: a shell with a known prompt in a new session.
start() {
    local session=$1 w=$2 h=$3
    shift 3
    t new-session -d -s "$session" -x "$w" -y "$h" \
        env -i PATH="$PATH" HOME="${HOME:-/tmp}" TERM=screen "$@" bash --norc --noprofile
    t set-option -t "$session" -g status off >/dev/null 2>&1 || true
    t send-keys -t "$session" "PS1='$PROMPT'; clear" Enter
    wait_for "$session" "${PROMPT% }" 5 || true
}

run_player() { # run_player SESSION ARGS...
    local session=$1
    shift
    t send-keys -t "$session" "\"$BIN\" play $*" Enter
}

# The prompt is back after the player exits, and the screen holds no stray escape codes.
check_restored() { # check_restored NAME SESSION
    local name=$1 session=$2
    t send-keys -t "$session" "echo back-at-the-prompt" Enter
    if wait_for "$session" "back-at-the-prompt" 5 && wait_for "$session" "$PROMPT" 2; then
        local text
        text=$(screen "$session")
        if printf '%s' "$text" | grep -qE $'\e|\\[\\?1049|\\[[0-9;]+[Hm]|\\^\\['; then
            not_ok "$name: stray escape codes on the screen" "$text"
        else
            ok "$name"
        fi
    else
        not_ok "$name: the shell prompt did not come back" "$(screen "$session")"
    fi
}

player_pid() { # the player's pid: the child of the session's shell
    local shell
    shell=$(t display-message -p -t "$1" '#{pane_pid}')
    pgrep -P "$shell" | head -1
}

# check_status NAME SESSION CODE: the last command's exit status, asked at the prompt.
check_status() {
    local name=$1 session=$2 code=$3
    t send-keys -t "$session" "echo \"status=\$?\"" Enter
    if wait_for "$session" "status=$code" 5; then ok "$name"; else not_ok "$name" "$(screen "$session")"; fi
}

# wait_exit PID: polls until the process is gone (at most 10 s), so keys typed next reach
# the shell rather than the exiting player.
wait_exit() {
    local tries=200
    while [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null && [ "$tries" -gt 0 ]; do
        sleep 0.05
        tries=$((tries - 1))
    done
}

# step_number SESSION: the N of "step N of M" on the status line.
step_number() {
    screen "$1" | head -1 | grep -oE 'step [0-9]+ of' | grep -oE '[0-9]+' | head -1
}

# check_main_screen NAME SESSION: the terminal is back on the main screen with the cursor shown.
check_main_screen() {
    if [ "$(t display-message -p -t "$2" '#{alternate_on}')" = 0 ] \
        && [ "$(t display-message -p -t "$2" '#{cursor_flag}')" = 1 ]; then
        ok "$1"
    else
        not_ok "$1" "$(screen "$2")"
    fi
}

# check_said NAME SESSION MARKER TEXT: once MARKER shows (a command's computed status line),
# the screen, its rows joined, holds TEXT (a message that may wrap).
check_said() {
    if wait_for "$2" "$3" 10 && screen "$2" | tr -d '\n' | grep -qF -- "$4"; then
        ok "$1"
    else
        not_ok "$1" "$(screen "$2")"
    fi
}

# wait_width SESSION COLUMNS [TIMEOUT]: polls until the status line is wider than COLUMNS
# (the player redrew after a resize; the old frame stays on screen until then).
wait_width() {
    local session=$1 columns=$2 limit=${3:-10}
    local tries=$((limit * 20))
    while [ "$tries" -gt 0 ]; do
        if [ "$(screen "$session" | head -1 | awk '{ print length }')" -gt "$columns" ]; then return 0; fi
        sleep 0.05
        tries=$((tries - 1))
    done
    return 1
}

# wait_step_past SESSION N [TIMEOUT]: polls until the status line shows a step after N.
wait_step_past() {
    local session=$1 step=$2 limit=${3:-10} now
    local tries=$((limit * 20))
    while [ "$tries" -gt 0 ]; do
        now=$(step_number "$session")
        if [ -n "$now" ] && [ "$now" -gt "$step" ]; then return 0; fi
        sleep 0.05
        tries=$((tries - 1))
    done
    return 1
}

# press_and_time_exit NAME SESSION KEY PID: sends KEY (a tmux key, or TERM for SIGTERM to
# PID), waits for PID to end and checks it ended within 1.5 s. 100 ms is the goal (bench tui
# measures it); a shared machine and tmux add to it.
press_and_time_exit() {
    local name=$1 session=$2 key=$3 pid=$4 before after ms
    before=$(date +%s%N)
    if [ "$key" = TERM ]; then kill -TERM "$pid"; else t send-keys -t "$session" "$key"; fi
    wait_exit "$pid"
    after=$(date +%s%N)
    ms=$(( (after - before) / 1000000 ))
    if ! kill -0 "$pid" 2>/dev/null && [ "$ms" -lt 1500 ]; then
        ok "$name: the player ended ${ms} ms after the key"
    else
        not_ok "$name: the player did not end promptly (${ms} ms)" "$(screen "$session")"
    fi
}

# 1. Stepping, playing, resizing, help, quit (UTF-8, colours).
S=main
start "$S" 100 30 LANG=C.UTF-8
run_player "$S" "$DEMO"
check "first frame shows step 1" "$S" "step 1 of"
check "the legend is visible" "$S" "await"
t send-keys -t "$S" Right Right
check "right arrow steps" "$S" "step 3 of"
t send-keys -t "$S" Left
check "left arrow steps back" "$S" "step 2 of"
t send-keys -t "$S" End
check "End goes to the last step" "$S" "run ends"
t send-keys -t "$S" Home
check "Home goes to the first step" "$S" "step 1 of"
t send-keys -t "$S" Space
check "space plays" "$S" "playing"
t send-keys -t "$S" Space
check "space pauses" "$S" "paused"
before=$(step_number "$S")
t send-keys -t "$S" Tab
if [ -n "$before" ] && wait_step_past "$S" "$before" 5; then
    ok "Tab jumps to the selected task's next step (from step $before to $(step_number "$S"))"
else
    not_ok "Tab jumps to the selected task's next step (from step $before)" "$(screen "$S")"
fi
t send-keys -t "$S" v
check "v switches to the sequence diagram" "$S" "Sequence diagram"
t send-keys -t "$S" 3
check "3 switches to the breakdown list" "$S" "one line per step"
t send-keys -t "$S" 1
check "1 switches back to the lanes" "$S" "Lanes ("
t resize-window -t "$S" -x 130 -y 40
if wait_width "$S" 100 5 && wait_for "$S" "Lanes (" 1; then
    ok "resize to 130x40 redraws at the new width"
else
    not_ok "resize to 130x40 redraws at the new width" "$(screen "$S")"
fi
t resize-window -t "$S" -x 70 -y 20
check "too small shows a message" "$S" "need 80×24, have 70×20"
t resize-window -t "$S" -x 100 -y 30
check "growing again redraws the player" "$S" "Lanes ("
t send-keys -t "$S" '?'
check "? opens the help" "$S" "Keys"
t send-keys -t "$S" Escape
if wait_gone "$S" "─ Keys" 5; then ok "a key closes the help"; else not_ok "a key closes the help" "$(screen "$S")"; fi
t send-keys -t "$S" g 5 Enter
check "g goes to a step" "$S" "step 5 of"
t send-keys -t "$S" q
check_restored "q quits and restores the terminal" "$S"

# 2. Predict mode (the p key): answer the first question.
S=predict
start "$S" 100 30 LANG=C.UTF-8
run_player "$S" "$DEMO"
wait_for "$S" "step 1 of" 10 || true
t send-keys -t "$S" p
check "p turns predict mode on" "$S" "score 0/0"
found=0
for _ in $(seq 1 40); do
    if screen "$S" | grep -qF "press 1-"; then found=1; break; fi
    t send-keys -t "$S" Right
    sleep 0.05
done
if [ "$found" = 1 ]; then
    ok "predict mode asks a question"
    # The first question on this demo: main just created a task. The wrong choice is the
    # one a misconception gives ("... starts now": create_task runs the task at once).
    wrong=$(screen "$S" | grep -oE '[1-9]  Task-[0-9]+ .*starts now' | head -1 | cut -c1)
    if [ -n "$wrong" ]; then
        t send-keys -t "$S" "$wrong"
        if wait_for "$S" "You answered as if create_task ran" 5 && wait_for "$S" "score 0/1" 1; then
            ok "a wrong answer names the misconception and is scored"
        else
            not_ok "a wrong answer names the misconception and is scored" "$(screen "$S")"
        fi
    else
        not_ok "the first question offers the create_task misconception" "$(screen "$S")"
    fi
    if screen "$S" | grep -qF "Next the loop runs"; then
        not_ok "predict mode does not foretell the next task" "$(screen "$S")"
    else
        ok "predict mode does not foretell the next task"
    fi
else
    not_ok "predict mode asks a question" "$(screen "$S")"
fi
pid=$(player_pid "$S")
t send-keys -t "$S" C-c
wait_exit "$pid"
check_status "Ctrl-C exits 130" "$S" 130
check_restored "Ctrl-C quits and restores the terminal" "$S"

# 3. Monochrome with NO_COLOR at 80x24; colours without it.
S=mono
start "$S" 80 24 LANG=C.UTF-8 NO_COLOR=1
run_player "$S" "$DEMO"
if wait_for "$S" "step 1 of" 10; then
    if screen_escapes "$S" | grep -qE $'\e\\[[0-9;]*(3[0-7]|4[0-7]|38;|48;|9[0-7])[;m]'; then
        not_ok "NO_COLOR draws without colours" "$(screen "$S")"
    else
        ok "NO_COLOR draws without colours"
    fi
else
    not_ok "NO_COLOR draws without colours" "$(screen "$S")"
fi
check "80x24 shows the quit key" "$S" "q quit"
t send-keys -t "$S" q
check_restored "q quits (monochrome)" "$S"

S=color
start "$S" 80 24 LANG=C.UTF-8
run_player "$S" "$DEMO"
if wait_for "$S" "step 1 of" 10 && screen_escapes "$S" | grep -qE $'\e\\[[0-9;]*(3[0-7]|4[0-7])[;m]'; then
    ok "colours are used when allowed"
else
    not_ok "colours are used when allowed" "$(screen "$S")"
fi
# SIGTERM restores the terminal too.
pid=$(player_pid "$S")
if [ -n "$pid" ]; then kill -TERM "$pid"; fi
wait_exit "$pid"
check_status "SIGTERM exits 143" "$S" 143
check_restored "SIGTERM quits and restores the terminal" "$S"
run_player "$S" "$DEMO"
wait_for "$S" "step 1 of" 10 || true
pid=$(player_pid "$S")
if [ -n "$pid" ]; then kill -HUP "$pid"; fi
wait_exit "$pid"
check_status "SIGHUP exits 129" "$S" 129
check_restored "SIGHUP quits and restores the terminal" "$S"

# 4. ASCII in a non-UTF-8 locale.
S=ascii
start "$S" 90 28 LANG=C LC_ALL=C
run_player "$S" "$DEMO"
if wait_for "$S" "step 1 of" 10 && screen "$S" | grep -qF -- "- Lanes (" && ! screen "$S" | grep -qF "─"; then
    ok "a non-UTF-8 locale draws in ASCII"
else
    not_ok "a non-UTF-8 locale draws in ASCII" "$(screen "$S")"
fi
t send-keys -t "$S" q
check_restored "q quits (ASCII)" "$S"

# 5. A terminal that is too small from the start.
S=small
start "$S" 60 20 LANG=C.UTF-8
run_player "$S" "$DEMO"
check "a small terminal gets the too-small message" "$S" "need 80×24, have 60×20"
t send-keys -t "$S" q
check_restored "q quits from the too-small screen" "$S"

# 6. Not a terminal: exit status 2 and a pointer to export.
out=$("$BIN" play "$DEMO" 2>&1 </dev/null | cat; exit "${PIPESTATUS[0]}")
status=$?
if [ "$status" = 2 ] && printf '%s' "$out" | grep -qF "loopscope export"; then
    ok "play | cat exits 2 and points to loopscope export"
else
    not_ok "play | cat exits 2 and points to loopscope export (status $status: $out)"
fi

# 7. Terminals the player cannot use: TERM=dumb, and input that is not a terminal.
S=manners
start "$S" 100 30 LANG=C.UTF-8
t send-keys -t "$S" "TERM=dumb \"$BIN\" play $DEMO; echo \"dumb-status=\$?\"" Enter
if wait_for "$S" "dumb-status=2" 10 && screen "$S" | grep -qF "export TERM=" \
    && screen "$S" | grep -qF "loopscope export"; then
    ok "TERM=dumb is refused with exit 2, pointing at export"
else
    not_ok "TERM=dumb is refused with exit 2, pointing at export" "$(screen "$S")"
fi
t send-keys -t "$S" "clear; \"$BIN\" play $DEMO </dev/null; echo \"stdin-status=\$?\"" Enter
check_said "play </dev/null says standard input is not a terminal" "$S" "stdin-status=2" \
    "standard input is not a terminal"

# 8. A crash (the test hook LOOPSCOPE_TEST_CRASH=trap traps after the first frame) leaves
# the terminal usable: main screen, cursor shown, echo and line editing back.
t send-keys -t "$S" "clear; SWIFT_BACKTRACE=interactive=no LOOPSCOPE_TEST_CRASH=trap \"$BIN\" play $DEMO; echo \"crash-status=\$((\$? + 1000))\"" Enter
# (the markers waited for are computed, so the typed command line does not already show them)
if wait_for "$S" "crash-status=1" 30 && [ "$(t display-message -p -t "$S" '#{alternate_on}')" = 0 ] \
    && [ "$(t display-message -p -t "$S" '#{cursor_flag}')" = 1 ]; then
    t send-keys -t "$S" "clear; stty -a | tr ' ' '\\n' | grep -xE 'echo|icanon' | tr '\\n' ' '; echo modes-\$((40 + 2))" Enter
    if wait_for "$S" "modes-42" 10 && screen "$S" | grep -qE "echo icanon|icanon echo"; then
        ok "a crash leaves the terminal usable (main screen, cursor, tty modes)"
    else
        not_ok "a crash leaves the terminal usable (tty modes)" "$(screen "$S")"
    fi
else
    not_ok "a crash leaves the terminal usable (main screen, cursor)" "$(screen "$S")"
fi

# 9. Speed: at 2 steps a second the step counter moves about 2 a second, read off the
# screen over about three seconds of real time.
S=speed
start "$S" 100 30 LANG=C.UTF-8
run_player "$S" "seed002-countdown --speed 2"
wait_for "$S" "step 1 of" 10 || true
t send-keys -t "$S" Space
if wait_for "$S" "playing 2/s" 5; then
    first=$(step_number "$S")
    t0=$(date +%s.%N)
    sleep 3
    last=$(step_number "$S")
    t1=$(date +%s.%N)
    rate=$(awk -v a="$first" -v b="$last" -v t0="$t0" -v t1="$t1" 'BEGIN { printf "%.2f", (b - a) / (t1 - t0) }')
    if awk -v r="$rate" 'BEGIN { exit !(r >= 1.4 && r <= 2.6) }'; then
        ok "playing at 2/s moves about 2 steps a second ($rate/s measured)"
    else
        not_ok "playing at 2/s moves about 2 steps a second ($rate/s measured, steps $first to $last)" "$(screen "$S")"
    fi
else
    not_ok "space plays at 2/s" "$(screen "$S")"
fi
t send-keys -t "$S" q
check_restored "q quits after playing" "$S"

# 10. A Python program given on the command line: recorded on CPython, its source shown.
S=python
PYDIR=$(mktemp -d)
cat >"$PYDIR/e2e_hello.py" <<'PY'
import asyncio


async def greet(name, delay):
    await asyncio.sleep(delay)
    print("hello", name)


async def main():
    await asyncio.gather(greet("python", 1), greet("e2e", 2))


asyncio.run(main())
PY
start "$S" 100 30 LANG=C.UTF-8
run_player "$S" "$PYDIR/e2e_hello.py"
check "a .py program is recorded and plays" "$S" "step 1 of" 30
check "the source pane names the Python file" "$S" "Source e2e_hello.py"
check "the source pane shows the Python source" "$S" "asyncio.run(main())"
t send-keys -t "$S" End
check "its output is in the output pane" "$S" "hello e2e"
t send-keys -t "$S" q
check_restored "q quits (Python program)" "$S"
t kill-session -t "$S" >/dev/null 2>&1 || true
# Saved with Windows line endings, at 80x24 without colour: the source pane shows the line
# that ran (no ␍, no run-together lines), and a task bound to a long name keeps its task
# number in the lane label (the name is cut instead).
printf '%s\r\n' 'import asyncio' '' 'async def fetch(delay):' '    await asyncio.sleep(delay)' \
    '    print("fetched", delay)' '' 'async def main():' \
    '    response_from_the_slow_server = asyncio.create_task(fetch(2))' \
    '    await response_from_the_slow_server' '' 'asyncio.run(main())' >"$PYDIR/e2e_crlf.py"
S=python-crlf
start "$S" 80 24 LANG=C.UTF-8 NO_COLOR=1
run_player "$S" "$PYDIR/e2e_crlf.py"
check "a CRLF .py program is recorded and plays" "$S" "step 1 of" 30
check "its source pane shows the line that ran, with its number" "$S" "11 asyncio.run(main())"
check "a long bound name is cut and the task number kept (80 columns)" "$S" "… (Task-2)"
if screen "$S" | grep -qF "␍"; then not_ok "no carriage return shows in the source pane" "$(screen "$S")"
else ok "no carriage return shows in the source pane"; fi
t send-keys -t "$S" q
check_restored "q quits (CRLF Python program)" "$S"
t kill-session -t "$S" >/dev/null 2>&1 || true
rm -rf "$PYDIR"

# 11. Zoom (z) and the chosen pane (c), at 80x24 with colours: the main view, then the
# output pane, fill the screen; z and Esc come back.
S=zoom
start "$S" 80 24 LANG=C.UTF-8
run_player "$S" "$DEMO"
wait_for "$S" "step 1 of" 10 || true
t send-keys -t "$S" End z
if wait_gone "$S" "─ Source" 5 && screen "$S" | grep -qF "Lanes ("; then
    ok "z zooms the main view to the full screen"
else
    not_ok "z zooms the main view to the full screen" "$(screen "$S")"
fi
t send-keys -t "$S" z
check "z again brings the other panes back" "$S" "─ Source"
t send-keys -t "$S" c c c c c
check "c chooses the output pane" "$S" "chose the output pane"
t send-keys -t "$S" z
if wait_gone "$S" "Lanes (" 5 && screen "$S" | sed -n 2p | grep -qF "Output" \
    && screen "$S" | grep -qF "Output from main: Final"; then
    ok "z zooms the chosen output pane"
else
    not_ok "z zooms the chosen output pane" "$(screen "$S")"
fi
if screen "$S" | grep -qF "↪ "; then ok "a printed line wider than the pane wraps with a mark"; else
    not_ok "a printed line wider than the pane wraps with a mark" "$(screen "$S")"; fi
t send-keys -t "$S" Escape
check "Esc leaves the zoom" "$S" "Lanes ("
t send-keys -t "$S" q
check_restored "q quits after zooming" "$S"

# 12. Output scroll at 100x30 without colour: [ scrolls up, the next step follows again.
S=scroll
start "$S" 100 30 LANG=C.UTF-8 NO_COLOR=1
run_player "$S" "seed002-countdown"
wait_for "$S" "step 1 of" 10 || true
t send-keys -t "$S" End
check "the countdown's last step shows" "$S" "run ends"
t send-keys -t "$S" '[' '[' '['
check "[ scrolls the output pane up" "$S" "3 rows up"
t send-keys -t "$S" ']'
check "] scrolls it back down" "$S" "2 rows up"
t send-keys -t "$S" Left
if wait_gone "$S" "rows up" 5; then ok "a new step follows the output again"; else
    not_ok "a new step follows the output again" "$(screen "$S")"; fi
t send-keys -t "$S" q
check_restored "q quits after scrolling" "$S"

# 13. The picker: id, language and lesson per row; / filters as you type; Esc clears; ?
# shows its keys. At 80x24 without colour.
S=picker
start "$S" 80 24 LANG=C.UTF-8 NO_COLOR=1
t send-keys -t "$S" "\"$BIN\"" Enter
check "the picker lists each demo's id, language and lesson" "$S" "seed000-fetch-url               python  When does main give up control?" 10
t send-keys -t "$S" / p y t h o n Space t a s k - o r d
check "/ filters the list as you type" "$S" "/python task-ord_   1 of"
if screen "$S" | grep -qF "seed000-fetch-url"; then not_ok "the filter hides the demos it does not match" "$(screen "$S")"
else ok "the filter hides the demos it does not match"; fi
t send-keys -t "$S" Escape
check "Esc clears the filter: every demo is back" "$S" "seed004-quiz-concurrent"
t send-keys -t "$S" '?'
check "? shows the picker's keys" "$S" "Picker keys"
t send-keys -t "$S" Escape
# A theme chosen with t in a demo stays for the session: back on the list and in the next
# demo, where t moves on from it (light to projector), not from the starting theme.
t send-keys -t "$S" Enter
check "Enter plays the highlighted demo" "$S" "step 1 of" 20
t send-keys -t "$S" t
check "t in a demo from the picker switches the theme" "$S" "theme: light"
t send-keys -t "$S" q
check "q in the demo goes back to the picker" "$S" "Enter play" 10
t send-keys -t "$S" Enter
check "the next demo plays" "$S" "step 1 of" 20
t send-keys -t "$S" t
check "the theme chosen before is kept: t now goes on to projector" "$S" "theme: projector"
t send-keys -t "$S" q
wait_for "$S" "Enter play" 10 || true
t send-keys -t "$S" q
check_restored "q leaves the picker" "$S"

# 14. The projector theme: no dim attribute anywhere (the default theme has some), with
# colours at 100x30 and without at 80x24, where running shows in reverse video.
dim_re=$'\e\\[([0-9;]*;)?2(;[0-9;]*)?m'
S=dark
start "$S" 100 30 LANG=C.UTF-8
run_player "$S" "$DEMO --step 12"
if wait_for "$S" "step 12 of" 10 && screen_escapes "$S" | grep -qE "$dim_re"; then
    ok "the default theme draws some text dim"
else
    not_ok "the default theme draws some text dim" "$(screen "$S")"
fi
t send-keys -t "$S" t t
check "t cycles the theme" "$S" "theme: projector"
if screen_escapes "$S" | grep -qE "$dim_re"; then not_ok "t to projector drops every dim attribute" "$(screen "$S")"
else ok "t to projector drops every dim attribute"; fi
t send-keys -t "$S" q
check_restored "q quits (themes)" "$S"
for size in "100 30 LANG=C.UTF-8" "80 24 LANG=C.UTF-8 NO_COLOR=1"; do
    S=projector
    # shellcheck disable=SC2086
    start "$S" $size
    run_player "$S" "$DEMO --step 12 --theme projector"
    if wait_for "$S" "step 12 of" 10 && ! screen_escapes "$S" | grep -qE "$dim_re" \
        && screen_escapes "$S" | grep -qE $'\e\\[([0-9;]*;)?7(;[0-9;]*)?m'; then
        ok "--theme projector: nothing dim, reverse video used (${size%% LANG*})"
    else
        not_ok "--theme projector: nothing dim, reverse video used (${size%% LANG*})" "$(screen_escapes "$S" | cat -v | head -5)"
    fi
    t send-keys -t "$S" q
    check_restored "q quits (projector ${size%% LANG*})" "$S"
    t kill-session -t "$S" >/dev/null 2>&1 || true
done

# thread_lanes CHECK: reads a screen on standard input, takes the lane rows between the
# Lanes title and the legend, and succeeds when CHECK holds: "legend" (the legend names every
# glyph drawn in the lanes, and every thread's row shows its end marker) or "filled" (no
# blank row among the lanes).
thread_lanes() {
    python3 -c '
import sys
rows = sys.stdin.read().split("\n")
top = next(i for i, r in enumerate(rows) if "Lanes (" in r)
legend = next(i for i, r in enumerate(rows) if "now" in r and i > top)
lanes = rows[top + 2:legend]
if not lanes:
    sys.exit(1)
if sys.argv[1] == "legend":
    drawn = {c for r in lanes for c in r[17:] if c != " "}
    ends = [r for r in lanes if r[1:].startswith("Thread-") and "┤" not in r]
    sys.exit(1 if drawn - set(rows[legend]) or ends else 0)
sys.exit(1 if any(not r.strip() for r in lanes) else 0)' "$1"
}

# A program of threads at 80x24 speaks thread: no event-loop row or ready queue, a Threads
# pane, every thread's end marker on its row, and every glyph in the lanes named in the legend.
S=threads
start "$S" 80 24 LANG=C.UTF-8
run_player "$S" "seed004-jobs-threads"
if wait_for "$S" "step 1 of" 10; then
    t send-keys -t "$S" End
    check "End reaches the threads' last step" "$S" "run ends"
    shot=$(screen "$S")
    if printf '%s\n' "$shot" | grep -q "Threads" && ! printf '%s\n' "$shot" | grep -qE "event loop|ready|awaits"; then
        ok "threads: a Threads pane, no loop row, no ready queue, no awaits"
    else
        not_ok "threads: a Threads pane, no loop row, no ready queue, no awaits" "$shot"
    fi
    if printf '%s\n' "$shot" | thread_lanes legend; then
        ok "threads at 80x24: every end marker shows, the legend names every glyph drawn"
    else
        not_ok "threads at 80x24: every end marker shows, the legend names every glyph drawn" "$shot"
    fi
    if printf '%s\n' "$shot" | thread_lanes filled; then
        ok "threads at 80x24: no blank row where a loop row would be, lanes fill the pane"
    else
        not_ok "threads at 80x24: no blank row where a loop row would be, lanes fill the pane" "$shot"
    fi
else
    not_ok "the thread demo starts" "$(screen "$S")"
fi
t send-keys -t "$S" q
check_restored "q quits (threads)" "$S"
t kill-session -t "$S" >/dev/null 2>&1 || true

# 12. A trace file big enough that loading it takes well over a second (in a debug build):
# the player takes the terminal at once and shows the reading screen while it reads the
# file; q, Ctrl-C and SIGTERM stop the load promptly (the prompt is back, the terminal clean,
# the cursor shown, the exit status that of a stopped load); also at 80x24 without colour.
# A decode error found late in a big file prints after the terminal is restored.
BIGDIR=$(mktemp -d)
BIG="$BIGDIR/big.jsonl"
if timeout 60 "$BIN" bench trace --events 200000 --tasks 2000 -o "$BIG" >/dev/null 2>&1; then
    # stop_load NAME KEY STATUS WIDTH HEIGHT ENV...: KEY is a tmux key, or TERM for SIGTERM.
    stop_load() {
        local name=$1 key=$2 code=$3 w=$4 h=$5
        shift 5
        S=load-$RANDOM
        start "$S" "$w" "$h" LANG=C.UTF-8 "$@"
        run_player "$S" "\"$BIG\""
        if ! wait_for "$S" "MB read" 10; then
            not_ok "$name: the reading screen shows while the file is read" "$(screen "$S")"
            t kill-session -t "$S" >/dev/null 2>&1 || true
            return
        fi
        ok "$name: the reading screen shows at once, with the bytes read"
        if [ "$#" -gt 0 ] && screen_escapes "$S" | grep -qE $'\e\\[[0-9;]*(3[0-7]|4[0-7]|38;|48;|9[0-7])[;m]'; then
            not_ok "$name: the reading screen has no colour" "$(screen_escapes "$S")"
        fi
        local pid
        pid=$(player_pid "$S")
        if ! screen "$S" | grep -qF "MB read"; then
            not_ok "$name: still loading when the key is sent (the load was too quick to test)" "$(screen "$S")"
        fi
        press_and_time_exit "$name" "$S" "$key" "$pid"
        check_status "$name: exit status $code" "$S" "$code"
        check_main_screen "$name: main screen, cursor shown" "$S"
        check_restored "$name: the terminal is clean" "$S"
        t kill-session -t "$S" >/dev/null 2>&1 || true
    }
    stop_load "q while loading a big trace" q 0 100 30
    stop_load "Ctrl-C while loading a big trace" C-c 130 100 30
    stop_load "SIGTERM while loading a big trace" TERM 143 100 30
    stop_load "q while loading at 80x24 without colour" q 0 80 24 NO_COLOR=1
    stop_load "Ctrl-C while loading at 80x24 without colour" C-c 130 80 24 NO_COLOR=1

    # A malformed last line: read to the end, then the error, on the restored terminal.
    BAD="$BIGDIR/bad.jsonl"
    { cat "$BIG"; printf '{"t":1,"kind":\n'; } >"$BAD"
    lines=$(wc -l <"$BAD")
    S=load-bad
    start "$S" 100 30 LANG=C.UTF-8
    run_player "$S" "\"$BAD\""
    check "a big malformed trace shows the reading screen" "$S" "reading the run"
    # (the marker is computed, so the typed command line does not already show it)
    if wait_for "$S" "bad.jsonl:$lines:15: expected an event kind in quotes" 60 && wait_for "$S" "$PROMPT" 5; then
        ok "its decode error (file:line:col) prints after the terminal is restored"
    else
        not_ok "its decode error (file:line:col) prints after the terminal is restored" "$(screen "$S")"
    fi
    check_status "a decode error exits 1" "$S" 1
    check_restored "the terminal is clean after a decode error" "$S"
    t kill-session -t "$S" >/dev/null 2>&1 || true
else
    not_ok "bench trace writes a big trace for the loading checks"
fi
rm -rf "$BIGDIR"

# 15. A .py program is recorded on the reading screen: "recording sleeper.py with python3"
# shows while it runs (it waits in real time, after writing its pid), and q, Ctrl-C and
# SIGTERM stop the recording promptly: the interpreter is ended and reaped (its pid is
# gone), no temporary folder is left behind, the terminal is clean, and the exit status is
# that of a stopped load. A program that cannot start prints Python's message after the
# terminal is restored, with exit status 2, as before.
PYSTOP=$(mktemp -d)
cat >"$PYSTOP/sleeper.py" <<'PY'
import os, select, sys

with open(sys.argv[1] + ".part", "w") as f:
    f.write(str(os.getpid()))
os.replace(sys.argv[1] + ".part", sys.argv[1])
select.select([], [], [], 60)
PY
printf 'def broken(:\n    pass\n' >"$PYSTOP/broken.py"
# stop_recording NAME KEY STATUS: KEY is a tmux key, or TERM for SIGTERM.
stop_recording() {
    local name=$1 key=$2 code=$3
    S=rec-$RANDOM
    rm -rf "$PYSTOP/tmp" "$PYSTOP/pid"
    mkdir "$PYSTOP/tmp"
    start "$S" 100 30 LANG=C.UTF-8 TMPDIR="$PYSTOP/tmp"
    run_player "$S" "\"$PYSTOP/sleeper.py\" -- \"$PYSTOP/pid\""
    if ! wait_for "$S" "recording sleeper.py with python3" 10; then
        not_ok "$name: the reading screen says what is being recorded" "$(screen "$S")"
        t kill-session -t "$S" >/dev/null 2>&1 || true
        # The interpreter this check started may outlive the session: end it by its pid.
        local tries=40
        while [ ! -s "$PYSTOP/pid" ] && [ "$tries" -gt 0 ]; do sleep 0.05; tries=$((tries - 1)); done
        [ -s "$PYSTOP/pid" ] && kill -KILL "$(cat "$PYSTOP/pid")" 2>/dev/null
        return
    fi
    ok "$name: the reading screen says what is being recorded"
    local tries=200
    while [ ! -s "$PYSTOP/pid" ] && [ "$tries" -gt 0 ]; do sleep 0.05; tries=$((tries - 1)); done
    local pid pypid
    pid=$(player_pid "$S")
    pypid=$(cat "$PYSTOP/pid" 2>/dev/null)
    if [ -z "$pypid" ] || ! screen "$S" | grep -qF "recording sleeper.py"; then
        not_ok "$name: the program runs under the reading screen" "$(screen "$S")"
    fi
    press_and_time_exit "$name" "$S" "$key" "$pid"
    if [ -n "$pypid" ] && ! kill -0 "$pypid" 2>/dev/null; then
        ok "$name: the Python interpreter was ended and reaped"
    else
        not_ok "$name: the Python interpreter ($pypid) still runs"
        [ -n "$pypid" ] && kill -KILL "$pypid" 2>/dev/null
    fi
    if [ -z "$(ls -A "$PYSTOP/tmp")" ]; then
        ok "$name: no temporary folder left"
    else
        not_ok "$name: no temporary folder left ($(ls -A "$PYSTOP/tmp"))"
    fi
    check_status "$name: exit status $code" "$S" "$code"
    check_restored "$name: the terminal is clean" "$S"
    t kill-session -t "$S" >/dev/null 2>&1 || true
}
stop_recording "q while recording a .py program" q 0
stop_recording "Ctrl-C while recording a .py program" C-c 130
stop_recording "SIGTERM while recording a .py program" TERM 143

S=rec-broken
start "$S" 100 30 LANG=C.UTF-8
run_player "$S" "\"$PYSTOP/broken.py\""
# (the marker is computed, so the typed command line does not already show it)
if wait_for "$S" "$(printf 'broken.py could not %s' start)" 30 && wait_for "$S" "$PROMPT" 5; then
    ok "a .py program that cannot start: Python's message after the terminal is restored"
else
    not_ok "a .py program that cannot start: Python's message after the terminal is restored" "$(screen "$S")"
fi
check_status "a .py program that cannot start exits 2" "$S" 2
check_restored "the terminal is clean after a program that cannot start" "$S"
t kill-session -t "$S" >/dev/null 2>&1 || true
rm -rf "$PYSTOP"

# 16. A trace read from a pipe whose writer stalls (a FIFO, as `play <(producer)` gives):
# the reading screen shows, and q or Ctrl-C ends the player promptly although no more data
# comes (before, the read waited for the writer). At 80x24 without colour.
FIFODIR=$(mktemp -d)
"$BIN" export "$DEMO" --format jsonl -o "$FIFODIR/run.jsonl" >/dev/null 2>&1
# stop_pipe NAME KEY STATUS
stop_pipe() {
    local name=$1 key=$2 code=$3 writer pid
    rm -f "$FIFODIR/fifo"
    mkfifo "$FIFODIR/fifo"
    # The writer sends part of the trace, then stalls for a minute; ended by its pid below.
    { head -c 2000 "$FIFODIR/run.jsonl"; exec sleep 60; } >"$FIFODIR/fifo" &
    writer=$!
    S=pipe-$RANDOM
    start "$S" 80 24 LANG=C.UTF-8 NO_COLOR=1
    run_player "$S" "\"$FIFODIR/fifo\""
    if wait_for "$S" "reading the run" 10; then
        ok "$name: the reading screen shows while the pipe is read"
        sleep 0.3
        pid=$(player_pid "$S")
        press_and_time_exit "$name" "$S" "$key" "$pid"
        check_status "$name: exit status $code" "$S" "$code"
        check_restored "$name: the terminal is clean" "$S"
    else
        not_ok "$name: the reading screen shows while the pipe is read" "$(screen "$S")"
    fi
    t kill-session -t "$S" >/dev/null 2>&1 || true
    kill "$writer" 2>/dev/null
    wait "$writer" 2>/dev/null
}
stop_pipe "q while a stalled pipe is read" q 0
stop_pipe "Ctrl-C while a stalled pipe is read" C-c 130
rm -rf "$FIFODIR"

# 17. A trace piped in: `cat trace.jsonl | loopscope play -` at 80x24 without colour reads
# the trace from the pipe and its keys from the terminal (/dev/tty): it plays, Right steps,
# q quits with exit status 0 and a clean terminal. While the pipe's writer is still at work,
# the reading screen shows and q or SIGTERM stop the load promptly. With no controlling
# terminal (setsid) `play -` refuses with exit status 2, and `export -` with a terminal on
# standard input (nothing piped in) refuses at once with exit status 2.
PIPED=$(mktemp -d)
if "$BIN" record "$DEMO" -o "$PIPED/t.jsonl" >/dev/null 2>&1; then
    S=piped
    start "$S" 80 24 LANG=C.UTF-8 NO_COLOR=1
    # (the status marker is computed, so the typed command line does not already show it)
    t send-keys -t "$S" "cat \"$PIPED/t.jsonl\" | \"$BIN\" play -; echo \"piped-status=\$((\$? + 1000))\"" Enter
    check "cat trace | play -: the player shows step 1" "$S" "step 1 of"
    if screen_escapes "$S" | grep -qE $'\e\\[[0-9;]*(3[0-7]|4[0-7]|38;|48;|9[0-7])[;m]'; then
        not_ok "cat trace | play - with NO_COLOR: no colour" "$(screen_escapes "$S")"
    else
        ok "cat trace | play - with NO_COLOR: no colour"
    fi
    t send-keys -t "$S" Right
    check "cat trace | play -: Right steps (keys from the terminal)" "$S" "step 2 of"
    t send-keys -t "$S" Right Right
    check "cat trace | play -: two more Rights step twice" "$S" "step 4 of"
    t send-keys -t "$S" q
    if wait_for "$S" "piped-status=1000" 10; then
        ok "cat trace | play -: q quits with exit status 0"
    else
        not_ok "cat trace | play -: q quits with exit status 0" "$(screen "$S")"
    fi
    check_main_screen "cat trace | play -: main screen, cursor shown" "$S"
    check_restored "cat trace | play -: the terminal is clean" "$S"
    t kill-session -t "$S" >/dev/null 2>&1 || true

    # A writer that sends the header and a few lines, then waits: the player reads on its
    # reading screen, and the key or the signal stops it although nothing more comes.
    # slow_pipe NAME KEY STATUS: KEY is a tmux key, or TERM for SIGTERM to the player.
    slow_pipe() {
        local name=$1 key=$2 code=$3
        S=slow-$RANDOM
        rm -f "$PIPED/writer" "$PIPED/player"
        start "$S" 80 24 LANG=C.UTF-8 NO_COLOR=1
        t send-keys -t "$S" "(echo \$BASHPID >\"$PIPED/writer\"; head -n 5 \"$PIPED/t.jsonl\"; exec sleep 60) | sh -c 'echo \$\$ >\"$PIPED/player\"; exec \"\$0\" play -' \"$BIN\"" Enter
        if ! wait_for "$S" "MB read" 10; then
            not_ok "$name: the reading screen shows while the pipe is read" "$(screen "$S")"
        else
            ok "$name: the reading screen shows while the pipe is read"
            local tries=40
            while [ ! -s "$PIPED/player" ] && [ "$tries" -gt 0 ]; do sleep 0.05; tries=$((tries - 1)); done
            press_and_time_exit "$name" "$S" "$key" "$(cat "$PIPED/player" 2>/dev/null)"
        fi
        # The writer was started by this check: end it by its pid, so the prompt comes back.
        [ -s "$PIPED/writer" ] && kill "$(cat "$PIPED/writer")" 2>/dev/null
        # (typed while the pipeline ends, read by the shell once it has; the marker waited
        # for is computed, so the typed line does not show it)
        t send-keys -t "$S" "echo \"pipestatus=\${PIPESTATUS[1]}x\"" Enter
        if wait_for "$S" "pipestatus=${code}x" 10; then ok "$name: exit status $code"
        else not_ok "$name: exit status $code" "$(screen "$S")"; fi
        check_restored "$name: the terminal is clean" "$S"
        t kill-session -t "$S" >/dev/null 2>&1 || true
    }
    slow_pipe "q while play - waits for its pipe" q 0
    slow_pipe "SIGTERM while play - waits for its pipe" TERM 143

    S=notty
    start "$S" 100 30 LANG=C.UTF-8
    t send-keys -t "$S" "cat \"$PIPED/t.jsonl\" | setsid -w \"$BIN\" play -; echo \"setsid-status=\$((\$? + 1000))\"" Enter
    check_said "play - without a controlling terminal (setsid) refuses with exit status 2" "$S" \
        "setsid-status=1002" "no controlling terminal"
    t send-keys -t "$S" "clear; \"$BIN\" export -; echo \"tty-status=\$((\$? + 1000))\"" Enter
    check_said "export - with a terminal on standard input refuses at once with exit status 2" "$S" \
        "tty-status=1002" "standard input, which is a terminal: pipe a trace in"
    check_restored "the terminal is clean after the refusals" "$S"
    t kill-session -t "$S" >/dev/null 2>&1 || true
else
    not_ok "record writes a trace for the piped checks"
fi
rm -rf "$PIPED"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
