#!/usr/bin/env bash
# `make run`: kioskd on simulated hardware. kiosk-sim plays the ID card reader on a pty (followed
# by the link .run/idcard, as udev's /dev/kiosk/ links are) and the receipt printer on
# 127.0.0.1:9100 (tickets land in .run/paper/ as PNG); kioskd uses dev/kioskd.toml; all state
# lives in .run/. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .run
bin=.build/debug

"$bin/kiosk-sim" idcard --control .run/idcard-control.sock --link .run/idcard > .run/kiosk-sim-idcard.log 2>&1 &
simulators=($!)
mkdir -p .run/paper
"$bin/kiosk-sim" printer run --port 9100 --output .run/paper --control .run/printer.sock > .run/kiosk-sim-printer.log 2>&1 &
simulators+=($!)
trap 'kill "${simulators[@]}" 2>/dev/null || true; wait 2>/dev/null || true' EXIT
for _ in $(seq 100); do [ -S .run/idcard-control.sock ] && [ -S .run/printer.sock ] && break; sleep 0.05; done

cat <<TEXT
kioskd with a simulated ID card reader (.run/idcard) and receipt printer (tcp:127.0.0.1:9100,
tickets in .run/paper/). In another terminal:
    $bin/kioskctl status --config dev/kioskd.toml
    $bin/kioskctl card status --config dev/kioskd.toml
    $bin/kiosk-sim send --control .run/idcard-control.sock place resident    # or lift, fault garbage, unplug, plug…
    $bin/kioskctl printer test ticket --config dev/kioskd.toml                 # a ticket PNG in .run/paper/
    $bin/kiosk-sim printer control --control .run/printer.sock paper-out       # or cover-open, jam, ready…
Ctrl-C stops kioskd and the simulator.
TEXT
"$bin/kioskd" --config dev/kioskd.toml
