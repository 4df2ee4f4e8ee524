# The two commands a newcomer needs: `make run` and `make test`. Both install missing Debian
# packages first (scripts/install-deps.sh), then build with SwiftPM.
SHELL := /bin/bash
DEV_CONFIG := dev/kioskd.toml

.PHONY: all deps build test run bench clean

all: build

deps:
	@scripts/install-deps.sh

build: deps
	swift build

# Builds everything (the end-to-end tests run the kioskd, kioskctl and fixture binaries), then
# runs every test suite. This is what CI runs.
test: build
	swift build --build-tests
	swift test

# kiosk-hall and kioskd on this machine: kiosk-hall on 127.0.0.1:8443 with dev/catalog.json
# (state in .run/hall), the dev kiosk enrolled once into .run/K-DEV-01/, then kioskd with
# dev/kioskd.toml syncing to it. Ctrl-C stops both cleanly.
# In another terminal: .build/debug/kioskctl sync status --config dev/kioskd.toml
run: build
	@mkdir -p .run
	@test -f .run/K-DEV-01/K-DEV-01.pem || .build/debug/kiosk-hall enroll K-DEV-01 --state-directory .run/hall --output .run/K-DEV-01
	@echo "kiosk-hall: https://127.0.0.1:8443 (report page: /report), state in .run/hall/"
	@echo "kioskd: state in .run/, control socket .run/control.sock. Try, in another terminal:"
	@echo "    .build/debug/kioskctl status --config $(DEV_CONFIG)"
	@echo "    .build/debug/kioskctl sync status --config $(DEV_CONFIG)"
	@echo "    .build/debug/kiosk-hall report --state-directory .run/hall --date $$(date +%F)"
	@echo "Ctrl-C stops both."
	.build/debug/kiosk-hall serve --state-directory .run/hall --port 8443 --catalog dev/catalog.json & hall=$$!; \
	trap 'kill $$hall 2>/dev/null; wait $$hall' EXIT; \
	.build/debug/kioskd --config $(DEV_CONFIG)

# Release-build benchmarks (package-benchmark), in their own package under Benchmarks/.
bench: deps
	cd Benchmarks && swift package --allow-writing-to-package-directory benchmark

clean:
	rm -rf .build Benchmarks/.build .run
