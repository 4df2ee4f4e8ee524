#!/usr/bin/env bash
# `make run`: kioskd on simulated hardware. kiosk-sim plays the ID card reader on a pty (followed
# by the link .run/idcard, as udev's /dev/kiosk/ links are); kioskd uses dev/kioskd.toml; all
# state lives in .run/. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .run
bin=.build/debug

"$bin/kiosk-sim" idcard --control .run/idcard-control.sock --link .run/idcard > .run/kiosk-sim-idcard.log 2>&1 &
simulators=($!)
trap 'kill "${simulators[@]}" 2>/dev/null || true; wait 2>/dev/null || true' EXIT
for _ in $(seq 100); do [ -S .run/idcard-control.sock ] && break; sleep 0.05; done

cat <<TEXT
kioskd with a simulated ID card reader (.run/idcard). In another terminal:
    $bin/kioskctl status --config dev/kioskd.toml
    $bin/kioskctl card status --config dev/kioskd.toml
    $bin/kiosk-sim send --control .run/idcard-control.sock place resident    # or lift, fault garbage, unplug, plug…
Ctrl-C stops kioskd and the simulator.
TEXT
"$bin/kioskd" --config dev/kioskd.toml
