"""Scenarios on the devices alone: kioskd on fbdev and DRM, the uinput touchscreen, the FTDI
card reader unplugged and plugged back, and the Swift tests that need real devices. (The power
cut is the journey's: journey.py, ticket_power_cut.)"""
import datetime
import os, time

import rig
from kiosk import (BACKGROUND, BIN, LANDSCAPE, PORTRAIT, CardSimulator, Kiosk, ScenarioFailed, expect, first_frame,
                   touch_test, wait_card)
from rig import wait_for


def fbdev_setup(run_dir, metrics):
    sim_socket = os.path.join(run_dir, "cardreader.sock")
    guest = rig.Guest(run_dir, width=PORTRAIT[0], height=PORTRAIT[1], card_socket=sim_socket, udev=True).start()
    metrics["boot"] = guest.boot_seconds
    kiosk = Kiosk(guest, display="/dev/fb0", rotation=0)
    kiosk.start_touchscreen()
    sim = CardSimulator(run_dir, sim_socket)
    spawned = time.monotonic()
    kiosk.start()
    first_frame(guest)
    metrics["first frame"] = time.monotonic() - spawned
    return {"guest": guest, "kiosk": kiosk, "sim": sim}


def fbdev_first_frame(env, metrics):
    """kioskd on /dev/fb0 (bochs DRM's fbdev emulation): its first frame is on the screen,
    in the kiosk's background colour, and `kioskctl screen status` reports the panel's size."""
    guest, kiosk = env["guest"], env["kiosk"]
    image = guest.screendump("fbdev-first-frame.ppm")
    expect((image.width, image.height) == PORTRAIT, f"screendump is {image.width}x{image.height}, expected {PORTRAIT}")
    share = image.share_of(BACKGROUND)
    metrics["background share"] = f"{share:.0%}"
    expect(share > 0.5, f"only {share:.0%} of the screen is the background colour #0B1A33")
    screen = kiosk.ctl("screen status --json").json()
    expect(screen.get("device") == "/dev/fb0" and screen.get("state") == "on", f"screen status: {screen}")
    expect((screen.get("width"), screen.get("height")) == PORTRAIT, f"screen status size {screen.get('width')}x{screen.get('height')}")
    display = kiosk.device("display")
    expect(display and display.get("state") == "ready", f"kioskctl status shows the display as {display}")


def fbdev_touch(env, metrics):
    """The uinput touchscreen (the QEMU tablet re-emitted as a direct-touch MT device) is opened by
    kioskd; taps sent through QMP land at the right UI coordinates in `kioskctl screen touch-test`."""
    kiosk = env["kiosk"]
    touch = kiosk.device("touchscreen")
    expect(touch and touch.get("state") == "ready", f"kioskctl status shows the touchscreen as {touch}")
    latencies = touch_test(kiosk, [(200, 300), (880, 1600), (540, 960)], PORTRAIT)
    metrics["tap-to-screen"] = " ".join(f"{t:.2f}s" for t in latencies)


def card_read(env, metrics):
    """The FTDI reader on the xHCI bus (/dev/ttyUSB0, ftdi_sio) with kiosk-sim behind it becomes
    ready (SAM ID read), libusb lists it, and a card placed in the simulator is read once."""
    kiosk, sim, guest = env["kiosk"], env["sim"], env["guest"]
    started = time.monotonic()
    status = wait_card(kiosk, lambda s: s.get("state") == "ready" and s.get("samID"), 60, "the card reader to be ready")
    metrics["reader ready"] = time.monotonic() - started
    lsusb = guest.run("cat /sys/bus/usb/devices/*/idVendor /sys/bus/usb/devices/*/idProduct 2>/dev/null | tr '\\n' ' '")
    expect("0403" in lsusb.out and "6001" in lsusb.out, f"no FTDI 0403:6001 on the guest's USB bus: {lsusb.out}")
    platform = kiosk.status().get("platform", {})
    metrics["libusb devices"] = platform.get("usbDeviceCount")
    expect((platform.get("usbDeviceCount") or 0) >= 3,
           f"libusb listed {platform.get('usbDeviceCount')} USB devices at kioskd's start: expected the xHCI root hubs and the reader")
    before = status.get("cardsRead", 0)
    placed = time.monotonic()
    sim.send("place", "resident")
    status = wait_card(kiosk, lambda s: s.get("cardsRead", 0) > before, 30, "the placed card to be read")
    metrics["card read"] = time.monotonic() - placed
    expect(status.get("readFailures", 0) == 0, f"read failures: {status}")
    sim.send("lift")


def card_unplug_replug(env, metrics):
    """The reader is unplugged (kiosk-sim closes the socket: QEMU detaches the USB device) and
    plugged back: kioskd reports it faulted, journals device.fault, then recovers by itself and
    journals device.recovered."""
    kiosk, sim, guest = env["kiosk"], env["sim"], env["guest"]
    wait_card(kiosk, lambda s: s.get("state") in ("ready", "card_present"), 60, "the card reader to be ready")
    faults_before = len(kiosk.events("device.fault"))
    recovered_before = len(kiosk.events("device.recovered"))
    # udevd's link for the USB serial device (QEMU names itself as the vendor: usb-QEMU_QEMU_USB_SERIAL_…).
    by_id = "ls /dev/serial/by-id/ 2>/dev/null | grep -q '^usb-.*USB_SERIAL'"
    expect(guest.run(by_id, check=False).rc == 0, "udev made no /dev/serial/by-id link for the FTDI reader")
    unplugged = time.monotonic()
    sim.send("unplug")
    wait_for(lambda: guest.run("test -e /dev/ttyUSB0", check=False).rc != 0, 20, what="/dev/ttyUSB0 to go away")
    wait_for(lambda: guest.run(by_id, check=False).rc != 0, 20, what="udev to remove the reader's by-id link")
    wait_card(kiosk, lambda s: s.get("state") == "faulted", 30, "kioskd to see the reader faulted")
    metrics["fault seen"] = time.monotonic() - unplugged
    faults = kiosk.events("device.fault")
    expect(len(faults) == faults_before + 1, f"expected one new device.fault in the journal, found {faults[faults_before:]}")
    expect(faults[-1]["payload"].get("device") == "card_reader" and faults[-1]["payload"].get("path") == "/dev/ttyUSB0",
           f"the fault names another device: {faults[-1]}")
    plugged = time.monotonic()
    sim.send("plug")
    wait_for(lambda: guest.run("test -e /dev/ttyUSB0", check=False).rc == 0, 20, what="/dev/ttyUSB0 to come back")
    wait_for(lambda: guest.run(by_id, check=False).rc == 0, 20, what="udev to make the reader's by-id link again")
    wait_card(kiosk, lambda s: s.get("state") == "ready", 40, "kioskd to recover the reader by itself")
    metrics["recovered"] = time.monotonic() - plugged
    recovered = kiosk.events("device.recovered")
    expect(len(recovered) == recovered_before + 1, f"expected one new device.recovered, found {recovered[recovered_before:]}")
    expect(recovered[-1]["sequence"] > faults[-1]["sequence"], "device.recovered is journaled before device.fault")
    # kioskd's own libusb hotplug watch saw the FTDI device (0403:6001) leave and arrive.
    logs = kiosk.ctl("logs --lines 1000").out
    for what in ("USB device left", "USB device arrived"):
        expect(any(what in line and "0403:6001" in line for line in logs.splitlines()),
               f"kioskd's log has no '{what}' line for 0403:6001 (libusb hotplug); its USB lines: "
               + "; ".join(line for line in logs.splitlines() if "USB" in line)[-600:])
    # The arrival makes the faulted reader open at once instead of at the end of its backoff.
    arrived = [line for line in logs.splitlines() if "USB device arrived" in line and "0403:6001" in line]
    ready = [line for line in logs.splitlines() if "Card reader ready" in line]
    if arrived and ready and ready[-1] > arrived[-1]:
        metrics["arrival to reader ready"] = f"{(log_time(ready[-1]) - log_time(arrived[-1])) * 1000:.0f} ms"


def log_time(line):
    """Seconds since the epoch of a kioskd log line ("2026-11-30T14:51:05.691Z notice …")."""
    return datetime.datetime.strptime(line.split(" ", 1)[0], "%Y-%m-%dT%H:%M:%S.%fZ").timestamp()


def drm_setup(run_dir, metrics):
    guest = rig.Guest(run_dir, width=LANDSCAPE[0], height=LANDSCAPE[1], udev=False).start()
    metrics["boot"] = guest.boot_seconds
    kiosk = Kiosk(guest, display="drm:/dev/dri/card0", rotation=90, card_reader=False)
    kiosk.start_touchscreen()
    spawned = time.monotonic()
    kiosk.start()
    first_frame(guest)
    metrics["first frame"] = time.monotonic() - spawned
    return {"guest": guest, "kiosk": kiosk}


def drm_first_frame(env, metrics):
    """kioskd on DRM (dumb buffers, page flips on /dev/dri/card0) with rotation 90 on a landscape
    panel: the first frame is on the screen and `kioskctl screen status` reports the portrait UI."""
    guest, kiosk = env["guest"], env["kiosk"]
    image = guest.screendump("drm-first-frame.ppm")
    expect((image.width, image.height) == LANDSCAPE, f"screendump is {image.width}x{image.height}, expected {LANDSCAPE}")
    share = image.share_of(BACKGROUND)
    metrics["background share"] = f"{share:.0%}"
    expect(share > 0.5, f"only {share:.0%} of the screen is the background colour")
    screen = kiosk.ctl("screen status --json").json()
    expect(screen.get("device") == "drm:/dev/dri/card0", f"screen status names {screen.get('device')}")
    expect((screen.get("width"), screen.get("height")) == PORTRAIT and screen.get("rotation") == 90,
           f"screen status: {screen}")


def drm_touch_rotated(env, metrics):
    """Rotation 90: a tap at a UI point's position on the landscape panel lands on that UI point."""
    latencies = touch_test(env["kiosk"], [(150, 250), (900, 1700)], LANDSCAPE)
    metrics["tap-to-screen"] = " ".join(f"{t:.2f}s" for t in latencies)


TEST_BUNDLE = os.path.join(BIN, "kioskdPackageTests.xctest")


def device_tests_setup(run_dir, metrics):
    if not os.access(TEST_BUNDLE, os.X_OK):
        raise ScenarioFailed(f"{TEST_BUNDLE} is missing; 'swift build --build-tests' makes it (make test-hil does)")
    guest = rig.Guest(run_dir, width=PORTRAIT[0], height=PORTRAIT[1], udev=False).start()
    metrics["boot"] = guest.boot_seconds
    return {"guest": guest}


def run_swift_tests(guest, suites, display=None):
    environment = f"KIOSK_TEST_DISPLAY={display} " if display else ""
    result = guest.run(f"cd /tmp && {environment}{TEST_BUNDLE} --testing-library swift-testing --filter '{suites}' 2>&1",
                       timeout=300, check=False)
    log = os.path.join(guest.run_dir, "swift-tests-" + (display or "uinput").replace("/", "_").replace(":", "") + ".log")
    with open(log, "w") as f:
        f.write(result.out)
    skipped = [line.strip() for line in result.out.splitlines() if " skipped" in line]
    expect(result.rc == 0, f"the Swift tests failed (exit {result.rc}); see {log}: {result.out[-1500:]}")
    expect(not skipped, f"tests skipped in the guest, which has the devices: {skipped}")
    passed = [line for line in result.out.splitlines() if "Test run with" in line]
    expect(passed, f"no test run summary in {log}")
    return passed[-1].split("Test run with ", 1)[1].rstrip(".")


def swift_uinput_tests(env, metrics):
    """DisplayInputTests' UInputTests on the guest's /dev/uinput: a real evdev touchscreen and
    scanner (grabbed), SYN_DROPPED resynchronised from the slots, unplug ends the read."""
    metrics["result"] = run_swift_tests(env["guest"], "UInputTests")


def swift_display_tests_fbdev(env, metrics):
    """DisplayInputTests' HardwareDisplayTests on /dev/fb0: every rotation presented and read back."""
    metrics["result"] = run_swift_tests(env["guest"], "HardwareDisplayTests", "/dev/fb0")


def swift_display_tests_drm(env, metrics):
    """HardwareDisplayTests on drm:/dev/dri/card0 (dumb buffers, page flips)."""
    metrics["result"] = run_swift_tests(env["guest"], "HardwareDisplayTests", "drm:/dev/dri/card0")
