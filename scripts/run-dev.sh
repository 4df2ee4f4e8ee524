#!/usr/bin/env bash
# `make run`: kioskd on simulated hardware with a local hall.
# - kiosk-hall serves 127.0.0.1:8443 with dev/catalog-sample.json (state in .run/hall); the dev kiosk
#   K-DEV-01 is enrolled once into .run/K-DEV-01/, whose files dev/kioskd.toml's [sync] names.
# - kiosk-sim plays the ID card reader on a pty (followed by the link .run/idcard, as udev's
#   /dev/kiosk/ links are) and the receipt printer on 127.0.0.1:9100 (tickets in .run/paper/).
# - The screen is the file .run/fb mapped as a 1080x1920 framebuffer; the touch panel and the QR
#   scanner are the FIFOs .run/touch.fifo and .run/scanner.fifo (kiosk-sim input writes to them).
# - kiosk-sim demo serves http://127.0.0.1:8080/: the screen, clicks as taps, cards, printer states, tickets.
# - kioskd runs in the foreground with dev/kioskd.toml. All state lives in .run/.
# Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .run/paper
bin=.build/debug
# The simulated touch panel and QR scanner (dev/kioskd.toml's [devices.touchscreen] and [devices.scanner]).
[ -p .run/touch.fifo ] || mkfifo .run/touch.fifo
[ -p .run/scanner.fifo ] || mkfifo .run/scanner.fifo

[ -f .run/K-DEV-01/hall-callback.pem ] || "$bin/kiosk-hall" enroll K-DEV-01 --state-directory .run/hall --output .run/K-DEV-01 > /dev/null
"$bin/kiosk-hall" serve --state-directory .run/hall --port 8443 --catalog dev/catalog-sample.json > .run/kiosk-hall.log 2>&1 &
background=($!)
trap 'kill "${background[@]}" 2>/dev/null || true; wait 2>/dev/null || true' EXIT
"$bin/kiosk-sim" idcard --control .run/idcard-control.sock --link .run/idcard > .run/kiosk-sim-idcard.log 2>&1 &
background+=($!)
"$bin/kiosk-sim" printer run --port 9100 --output .run/paper --control .run/printer.sock > .run/kiosk-sim-printer.log 2>&1 &
background+=($!)
# The demo page (kiosk-sim demo): the screen in a browser, clicks as taps, cards, printer states, tickets.
"$bin/kiosk-sim" demo --port 8080 --frame .run/fb --touch .run/touch.fifo --card-control .run/idcard-control.sock \
    --printer-control .run/printer.sock --paper .run/paper --report-url https://127.0.0.1:8443/report > .run/kiosk-sim-demo.log 2>&1 &
background+=($!)

for _ in $(seq 200); do
    grep -q "kiosk-hall listening" .run/kiosk-hall.log 2>/dev/null && [ -S .run/idcard-control.sock ] && [ -S .run/printer.sock ] &&
        grep -q "kiosk-sim demo listening" .run/kiosk-sim-demo.log 2>/dev/null && break
    sleep 0.05
done

cat <<TEXT
The kiosk in a browser: http://127.0.0.1:8080/ (click the screen to touch it; cards, printer, tickets beside it).
kioskd with a simulated ID card reader (.run/idcard) and receipt printer (tcp:127.0.0.1:9100,
tickets in .run/paper/), syncing to kiosk-hall on https://127.0.0.1:8443 (log: .run/kiosk-hall.log).
In another terminal:
    $bin/kioskctl status --config dev/kioskd.toml
    $bin/kioskctl card status --config dev/kioskd.toml
    $bin/kiosk-sim send --control .run/idcard-control.sock place resident    # or lift, fault garbage, unplug, plug…
    $bin/kioskctl printer test ticket --config dev/kioskd.toml                 # a ticket PNG in .run/paper/
    $bin/kiosk-sim printer control --control .run/printer.sock paper-out       # or cover-open, jam, ready…
    $bin/kioskctl screen screenshot .run/screen.png --config dev/kioskd.toml  # what the screen shows
    $bin/kioskctl screen test-pattern --config dev/kioskd.toml
    $bin/kiosk-sim input tap --fifo .run/touch.fifo 540 960                   # a finger on the panel
    $bin/kiosk-sim input scan --fifo .run/scanner.fifo "BOOKING-20261201-0042" # a QR code scanned
    $bin/kioskctl sync status --config dev/kioskd.toml
    $bin/kiosk-hall report --state-directory .run/hall --date $(date +%F)
Ctrl-C stops kioskd, kiosk-hall and the simulators.
TEXT
"$bin/kioskd" --config dev/kioskd.toml
