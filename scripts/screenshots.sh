#!/usr/bin/env bash
# Retakes the README's screen captures (assets/screen-*.txt) from the player running in a
# real terminal: each is `loopscope play` in a detached tmux session of the given size,
# driven by keys, read back with `capture-pane`.
#
# Usage: scripts/screenshots.sh [path/to/loopscope]   (default: .build/debug/loopscope)
set -eu

BIN=${1:-.build/debug/loopscope}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
SOCKET="loopscope-shots-$$"
t() { tmux -L "$SOCKET" "$@"; }
trap 't kill-server >/dev/null 2>&1 || true' EXIT
# A session that outlives the shots, so the server stays up between them.
t new-session -d -s hold -x 80 -y 24 cat

# wait_for SESSION TEXT: polls the screen (up to 20 s) until TEXT shows.
wait_for() {
    local tries=400
    while [ "$tries" -gt 0 ]; do
        if t capture-pane -p -t "$1" | grep -qF -- "$2"; then return 0; fi
        sleep 0.05
        tries=$((tries - 1))
    done
    echo "timed out waiting for '$2' in $1" >&2
    t capture-pane -p -t "$1" >&2
    exit 1
}

# shot FILE WIDTH HEIGHT "PLAY ARGS" "TEXT TO WAIT FOR" [KEYS...]
shot() {
    local file=$1 w=$2 h=$3 args=$4 ready=$5
    shift 5
    local session="shot$RANDOM"
    t new-session -d -s "$session" -x "$w" -y "$h" \
        env -i PATH="$PATH" HOME="${HOME:-/tmp}" TERM=screen LANG=C.UTF-8 "$BIN" play $args
    t set-option -t "$session" -g status off >/dev/null 2>&1 || true
    wait_for "$session" "step "
    for key in "$@"; do t send-keys -t "$session" "$key"; done
    wait_for "$session" "$ready"
    sleep 0.2
    t capture-pane -p -t "$session" >"$file"
    t send-keys -t "$session" q
    echo "wrote $file"
}

shot assets/screen-seed000-80x24.txt 80 24 "seed000-fetch-url --step 9" "Step 9:"
shot assets/screen-seed001-about-80x24.txt 80 24 "seed001-sleep2-foo-sleep1" "close" i
shot assets/screen-seed003-120x40.txt 120 40 "seed003-say-after --step 14" "step 14 of" Down
shot assets/screen-seed004-jobs-async-breakdown-100x30.txt 100 30 \
    "seed004-jobs-async --view breakdown --step 67" "step 67 of 67"
shot assets/screen-seed000-output-zoomed-80x24.txt 80 24 "seed000-fetch-url --step 22" "Output from main" c c c c c z
