#!/usr/bin/env bash
# CPU wakeups per second of kioskd while a static screen is shown: kioskd draws its screen into a
# file-backed framebuffer, waits on an (idle) touch FIFO, and nothing happens. Counts every
# thread's voluntary and involuntary context switches (/proc/PID/task/*/status) over a window
# after start-up has settled. Goal: <= 2 per second.
#
# Usage: scripts/idle-wakeups.sh [SECONDS]   (default 30; build first: swift build)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
bin=.build/debug
[ -x .build/release/kioskd ] && [ .build/release/kioskd -nt Sources ] && bin=.build/release
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
mkfifo "$work/touch.fifo"
cat > "$work/kioskd.toml" <<TOML
kiosk_id = "K-IDLE"
hall_url = "https://127.0.0.1:8443"
state_directory = "state"
control_socket = "control.sock"
log_level = "info"
[devices.display]
device = "file:fb?width=1080&height=1920"
[devices.touchscreen]
device = "touch.fifo"
TOML
"$bin/kioskd" --config "$work/kioskd.toml" > "$work/kioskd.log" 2>&1 &
pid=$!
for _ in $(seq 100); do [ -S "$work/control.sock" ] && break; sleep 0.1; done
sleep 3

# "TID SWITCHES" for every thread; a thread that ended in the window is left out, and one that
# started counts all its switches.
switches() {
    for status in /proc/"$pid"/task/*/status; do
        tid=${status%/status}; tid=${tid##*/}
        awk -v tid="$tid" '/^(non)?voluntary_ctxt_switches:/ { total += $2 } END { print tid, total }' "$status" 2>/dev/null || true
    done
}
switches > "$work/before"
sleep "$seconds"
switches > "$work/after"
threads=$(wc -l < "$work/after")
wakeups=$(awk 'NR == FNR { before[$1] = $2; next } { total += $2 - (($1 in before) ? before[$1] : 0) } END { print total + 0 }' "$work/before" "$work/after")
echo "kioskd ($bin) showing a static screen: $wakeups wakeups in $seconds s across $threads threads = $(awk "BEGIN { printf \"%.2f\", $wakeups / $seconds }") per second (goal <= 2)"
