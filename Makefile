# The two commands a newcomer needs: `make run` and `make test`. Both install missing Debian
# packages first (scripts/install-deps.sh), then build with SwiftPM.
SHELL := /bin/bash
DEV_CONFIG := dev/kioskd.toml

.PHONY: all deps build test test-packages test-chaos test-demo test-api test-hil run sim-printer bench fuzz fuzz-one clean deb

all: build

deps:
	@scripts/install-deps.sh

build: deps
	swift build

# Checks the module rules of docs/architecture.md, builds everything (the end-to-end tests run
# the kioskd, kioskctl and fixture binaries), then runs every unit, end-to-end and browser test: the Swift suites, then the demo page's tests
# (Debian's python3 for python3-websockets). The Debian packages' tests need a release build and
# have their own target, test-packages. CI runs both.
test: build
	/usr/bin/python3 scripts/check-module-rules.py
	swift build --build-tests
	swift test
	/usr/bin/python3 Tests/demo/demo_test.py

# The Debian packages (make deb: a release build) installed into a scratch root and run
# (Tests/EndToEndTests/DebianPackageTests.swift); KIOSKD_TEST_PACKAGES makes a missing .deb a
# failure, not a skip. Needs root.
test-packages: build deb
	swift build --build-tests
	KIOSKD_TEST_PACKAGES=1 swift test --filter DebianPackageTests

# The sync chaos tests (Tests/HallSyncTests/SyncChaosTests.swift; docs/testing.md): kioskd and
# kiosk-hall SIGKILLed at random moments while events are journaled, and the hall stopped for a
# while; then the hall must hold the journal exactly once. About a minute. The seed is printed;
# KIOSKD_CHAOS_SEED=<seed> make test-chaos replays its schedule. CI runs it after make test.
test-chaos: build
	swift build --build-tests
	KIOSKD_CHAOS=1 swift test --skip-build --filter SyncChaosTests

# make run's demo page alone (Tests/demo; docs/testing.md): its input boundary, one journey through
# its endpoints with run-dev.sh stopped by Ctrl-C, and the page clicked through in headless Chromium.
test-demo: build
	/usr/bin/python3 Tests/demo/demo_test.py

# The hall's API as docs/hall-api.yaml describes it, attacked by schemathesis (Tests/hall-api;
# docs/testing.md): a private kiosk-hall with a kiosk's certificate; no 5xx, no crash, every answer
# as documented. The pinned schemathesis comes from PyPI into .build/venv-api on first use.
# HALL_API_EXAMPLES=N sets the generated cases per operation and phase (default 50).
test-api: build
	/usr/bin/python3 Tests/hall-api/schemathesis_test.py

# The hardware-in-the-loop suite (Tests/hil; docs/testing.md): kioskd in a QEMU
# guest against real kernel devices (fbdev, DRM, a uinput touchscreen, an FTDI reader on xHCI, an
# ext4 disk cut off mid-write). The guest's kernel, busybox and udev come from `apt-get download`,
# cached in .build/hil/rig. HIL=NAME runs one scenario or group. CI runs it after `make test`.
# The test bundle is built too: the Swift tests that need /dev/uinput and a display run in the guest.
test-hil: build
	swift build --build-tests
	Tests/hil/build-rig.sh
	python3 Tests/hil/hil.py $(HIL)

# kioskd on simulated hardware with a local hall (scripts/run-dev.sh): kiosk-hall, kiosk-sim's ID
# card reader on a pty and its receipt printer on TCP, state in .run/ in the checkout. Ctrl-C
# stops it all cleanly.
run: build
	scripts/run-dev.sh

# The simulated receipt printer alone (make run starts it too); tickets land in .run/paper/ as PNG
# files. In another terminal: .build/debug/kiosk-sim printer control --control .run/printer.sock
# paper-out (or cover-open, jam, ready, ...).
sim-printer: build
	@mkdir -p .run/paper
	.build/debug/kiosk-sim printer run --port 9100 --output .run/paper --control .run/printer.sock

# Release-build benchmarks (package-benchmark), in their own package under Benchmarks/.
bench: deps
	swift build
	cd Benchmarks && swift package --allow-writing-to-package-directory benchmark

clean:
	rm -rf .build .build-release Benchmarks/.build .run

# The Debian packages kioskd and kiosk-hall in .build-release/deb/ (scripts/build-deb.sh): a
# release build with the Swift runtime linked in, stripped. docs/operations.md.
deb: deps
	scripts/build-deb.sh

# libFuzzer (swiftc -sanitize=fuzzer,address) on every parser, each built straight from the
# product's own source files and Fuzz/<Name>Fuzzer.swift, FUZZ_SECONDS each (default 60), one
# after the other. FUZZ_TARGET=name runs one. Each target works in .build/fuzz/<name>/: its
# binary, its grown corpus (corpus/) and its findings (crash-*, timeout-*, oom-*); the seeds are
# Fuzz/corpus/<name>/. See docs/testing.md.
FUZZ_SECONDS ?= 60
# A target is one module, so the `import`s between the product's own modules name nothing;
# empty modules of those names (FUZZ_STUBS) let the files compile unchanged. KioskValues'
# files lived in KioskCore until it was split out: take whichever exists.
FUZZ_STUBS := KioskCore KioskValues HallProtocol
fuzz_kiosk_values = $(foreach file,$(1),$(firstword $(wildcard Sources/KioskValues/$(file) Sources/KioskCore/$(file))))
FUZZ_TARGETS := reader-frame printer-reply input-event scanner control-request catalog png bookings hall-bodies configuration
FUZZ_SOURCES_reader-frame := Sources/DeviceDrivers/IDCard/ReaderFrame.swift Sources/DeviceDrivers/IDCard/ReaderFrameDecoder.swift \
	Sources/DeviceDrivers/IDCard/ReaderStatus.swift Sources/DeviceDrivers/IDCard/ReaderCommand.swift Fuzz/ReaderFrameFuzzer.swift \
	Sources/KioskSimulation/IDCard/SAMFrames.swift Sources/KioskSimulation/IDCard/SAMCommand.swift Sources/KioskSimulation/IDCard/SAMStatus.swift
FUZZ_SOURCES_printer-reply := Sources/DeviceDrivers/Printing/PrinterReplyDecoder.swift Sources/DeviceDrivers/Printing/RealTimeStatus.swift \
	Sources/DeviceDrivers/Printing/PrinterStatus.swift Fuzz/PrinterReplyFuzzer.swift Fuzz/FuzzRequire.swift
FUZZ_SOURCES_input-event := Sources/DeviceDrivers/Input/InputEvent.swift Sources/DeviceDrivers/Input/InputEventDecoder.swift \
	Sources/DeviceDrivers/Input/TouchTracker.swift Sources/DeviceDrivers/Input/TouchEvent.swift Sources/DeviceDrivers/Input/TouchSnapshot.swift \
	Fuzz/InputEventFuzzer.swift Fuzz/FuzzRequire.swift
FUZZ_SOURCES_scanner := Sources/DeviceDrivers/Input/InputEvent.swift Sources/DeviceDrivers/Input/ScannerDecoder.swift \
	Sources/DeviceDrivers/Input/ScannerKeymap.swift Fuzz/ScannerFuzzer.swift Fuzz/FuzzRequire.swift
# The messages: all of ControlProtocol but the client's socket code.
FUZZ_SOURCES_control-request := $(filter-out %/ControlClient.swift %/UnixSocket.swift,$(wildcard Sources/ControlProtocol/*.swift)) \
	Fuzz/ControlRequestFuzzer.swift Fuzz/FuzzRequire.swift
FUZZ_SOURCES_catalog := Sources/HallProtocol/Catalog.swift $(addprefix Sources/KioskCore/Catalog/,ServiceCatalog.swift ServiceItem.swift \
	QueueCategory.swift OpeningHours.swift ServiceWindow.swift ServiceGuide.swift NotificationForm.swift CalendarDate+DayNumber.swift) \
	$(call fuzz_kiosk_values,CalendarDate.swift) Sources/KioskCore/Flow/FlowTime.swift Fuzz/CatalogFuzzer.swift Fuzz/FuzzRequire.swift
# CPNG is a system-library module: its module map, libpng's headers, and libpng16 to link.
FUZZ_FLAGS_png := -Xcc -fmodule-map-file=Sources/CPNG/module.modulemap -Xcc -I/usr/include/libpng16 -lpng16
FUZZ_SOURCES_png := Sources/Graphics/PNGFile.swift Sources/Graphics/Images/RGBAImage.swift Sources/Graphics/GreyscaleBitmap.swift \
	$(addprefix Sources/Graphics/Canvas/,Rect.swift Color.swift PixelBuffer.swift PixelSpan.swift) Fuzz/PNGFuzzer.swift Fuzz/FuzzRequire.swift
FUZZ_SOURCES_bookings := $(addprefix Sources/HallProtocol/,CheckIns.swift Tickets.swift HallProtocol.swift Catalog.swift) Sources/HallServer/ImportChecks.swift \
	$(call fuzz_kiosk_values,PersonalData.swift PersonalDataInJSON.swift CalendarDate.swift) Fuzz/BookingsFuzzer.swift Fuzz/FuzzRequire.swift
# HallFailure (Hummingbird's HTTP status) is replaced by a stand-in in the fuzzer.
FUZZ_SOURCES_hall-bodies := $(addprefix Sources/HallProtocol/,EventBatch.swift Heartbeat.swift Tickets.swift HallProtocol.swift HallErrorBody.swift) \
	Sources/HallServer/EventBatchValidator.swift Sources/HallServer/HeartbeatValidator.swift Sources/HallServer/ProtocolVersionCheck.swift \
	$(call fuzz_kiosk_values,PersonalData.swift PersonalDataInJSON.swift) Fuzz/HallBodiesFuzzer.swift Fuzz/FuzzRequire.swift
# The configuration loader (TOMLKit's C++ toml++, the drivers' and the Flow's types) links
# SwiftPM's debug build of it as one shared library instead, so it imports the real modules
# (no stubs) and needs every C module map they were built with.
FUZZ_MODULE_MAPS_configuration = $(foreach m,CFreeType CPNG CQRencode CLibUSB CCUPS CDRM,Sources/$(m)/module.modulemap) \
	$(wildcard .build/debug/*.build/module.modulemap) \
	$(filter-out %Benchmarks% %SQLCipher% %CTOML/include/CTOML/module.modulemap,$(shell find .build/checkouts -path '*/Sources/*' -name module.modulemap 2>/dev/null))
FUZZ_FLAGS_configuration = -I .build/debug/Modules $(addprefix -Xcc -fmodule-map-file=,$(FUZZ_MODULE_MAPS_configuration)) \
	-Xcc -I/usr/include/freetype2 -Xcc -I/usr/include/libpng16 -Xcc -I/usr/include/libdrm \
	-L .build/debug -lKioskConfigurationForFuzzing -Xlinker -rpath -Xlinker $(CURDIR)/.build/debug
FUZZ_SOURCES_configuration := Fuzz/ConfigurationFuzzer.swift
FUZZ_PREPARE_configuration := swift build --product KioskConfigurationForFuzzing
FUZZ_NO_STUBS_configuration := yes
# TOMLKit's TOMLTable(string:) leaks its toml++ table (about 400 bytes a parse; kioskd parses
# once at start): LeakSanitizer would stop at the first input.
FUZZ_OPTIONS_configuration := -detect_leaks=0
fuzz: deps
	@for name in $(or $(FUZZ_TARGET),$(FUZZ_TARGETS)); do \
		$(MAKE) --no-print-directory fuzz-one FUZZ_NAME=$$name || exit 1; \
	done

# One target, FUZZ_NAME; `make fuzz` calls it. Swift's backtracer is off: libFuzzer prints the
# stack, and the backtracer would hold the fuzzer's output open after a crash.
fuzz-one:
	@test -n "$(FUZZ_SOURCES_$(FUZZ_NAME))" || { echo "No fuzz target '$(FUZZ_NAME)'; the targets are: $(FUZZ_TARGETS)"; exit 2; }
	@mkdir -p .build/fuzz/$(FUZZ_NAME)/corpus .build/fuzz/stubs
	@touch .build/fuzz/stubs/empty.swift
	@for stub in $(FUZZ_STUBS); do swiftc -emit-module -parse-as-library -module-name $$stub .build/fuzz/stubs/empty.swift -o .build/fuzz/stubs/$$stub.swiftmodule; done
	$(FUZZ_PREPARE_$(FUZZ_NAME))
	swiftc -O -sanitize=fuzzer,address -parse-as-library $(if $(FUZZ_NO_STUBS_$(FUZZ_NAME)),,-I .build/fuzz/stubs) $(FUZZ_FLAGS_$(FUZZ_NAME)) $(FUZZ_SOURCES_$(FUZZ_NAME)) \
		-o .build/fuzz/$(FUZZ_NAME)/fuzzer
	cd .build/fuzz/$(FUZZ_NAME) && SWIFT_BACKTRACE=enable=no ./fuzzer -max_total_time=$(FUZZ_SECONDS) $(FUZZ_OPTIONS_$(FUZZ_NAME)) \
		-artifact_prefix=./ corpus ../../../Fuzz/corpus/$(FUZZ_NAME)
