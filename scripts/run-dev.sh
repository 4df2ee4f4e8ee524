#!/usr/bin/env bash
# `make run`: kiosk-hall and kioskd on this machine. kiosk-hall serves 127.0.0.1:8443 with
# dev/catalog.json (state in .run/hall); the dev kiosk K-DEV-01 is enrolled once into
# .run/K-DEV-01/, whose files dev/kioskd.toml's [sync] table names; kioskd syncs to the hall.
# All state lives in .run/. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .run
bin=.build/debug

[ -f .run/K-DEV-01/K-DEV-01.pem ] || "$bin/kiosk-hall" enroll K-DEV-01 --state-directory .run/hall --output .run/K-DEV-01 > /dev/null
"$bin/kiosk-hall" serve --state-directory .run/hall --port 8443 --catalog dev/catalog.json > .run/kiosk-hall.log 2>&1 &
servers=($!)
trap 'kill "${servers[@]}" 2>/dev/null || true; wait 2>/dev/null || true' EXIT
for _ in $(seq 200); do grep -q "kiosk-hall listening" .run/kiosk-hall.log 2>/dev/null && break; sleep 0.05; done

cat <<TEXT
kiosk-hall on https://127.0.0.1:8443 (log: .run/kiosk-hall.log; morning report at /report) and
kioskd syncing to it. In another terminal:
    $bin/kioskctl status --config dev/kioskd.toml
    $bin/kioskctl sync status --config dev/kioskd.toml
    $bin/kiosk-hall report --state-directory .run/hall --date $(date +%F)
Ctrl-C stops kioskd and kiosk-hall.
TEXT
"$bin/kioskd" --config dev/kioskd.toml
