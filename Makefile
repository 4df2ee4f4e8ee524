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

# kiosk-hall and kioskd syncing to it, on this machine; state in .run/ (see scripts/run-dev.sh).
run: build
	scripts/run-dev.sh

# Release-build benchmarks (package-benchmark), in their own package under Benchmarks/.
bench: deps
	cd Benchmarks && swift package --allow-writing-to-package-directory benchmark

clean:
	rm -rf .build Benchmarks/.build .run
