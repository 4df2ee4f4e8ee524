# The two commands a newcomer needs: `make run` and `make test`. Both install missing Debian
# packages first (scripts/install-deps.sh), then build with SwiftPM.
SHELL := /bin/bash
DEV_CONFIG := dev/kioskd.toml

.PHONY: all deps build test run sim-printer bench clean

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

# kioskd on this machine with the sample configuration; state lives in .run/ in the checkout.
# Ctrl-C stops it cleanly. In another terminal: .build/debug/kioskctl status --config dev/kioskd.toml
run: build
	@mkdir -p .run
	@echo "kioskd: state in .run/, control socket .run/control.sock. Try, in another terminal:"
	@echo "    .build/debug/kioskctl status --config $(DEV_CONFIG)"
	@echo "Ctrl-C stops kioskd."
	.build/debug/kioskd --config $(DEV_CONFIG)

# The simulated receipt printer dev/kioskd.toml prints to (tcp:127.0.0.1:9100); tickets land in
# .run/paper/ as PNG files. In another terminal: .build/debug/kiosk-sim printer control
# --control .run/printer.sock paper-out (or cover-open, jam, ready, ...).
sim-printer: build
	@mkdir -p .run/paper
	.build/debug/kiosk-sim printer run --port 9100 --output .run/paper --control .run/printer.sock

# Release-build benchmarks (package-benchmark), in their own package under Benchmarks/.
bench: deps
	cd Benchmarks && swift package --allow-writing-to-package-directory benchmark

clean:
	rm -rf .build Benchmarks/.build .run
