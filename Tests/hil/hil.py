#!/usr/bin/env python3
"""kioskd's hardware-in-the-loop suite: the real kioskd in a QEMU guest, against real kernel
devices (bochs DRM and its fbdev, a uinput touchscreen, an FTDI reader on the xHCI bus behind
kiosk-sim, an ext4 disk on virtio-blk), checked from the host through QMP screendumps and from
inside through kioskctl and the journal. `make test-hil` runs it; see README, "Hardware in the loop".

usage: hil.py [SCENARIO-or-GROUP ...]     (default: all; names are printed with each result)
Each scenario prints PASS or FAIL with its time and measurements; the exit status is 1 if any failed.
Run directories (console, kioskd's log, screendumps) are kept under .build/hil/runs/.
"""
import json, os, shutil, signal, socket, sqlite3, subprocess, sys, time, traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import rig  # noqa: E402
from rig import RigError, wait_for  # noqa: E402

ROOT = rig.ROOT
BIN = os.path.join(ROOT, ".build", "debug")
GUEST_DIR = os.path.join(rig.HERE, "guest")
RUNS = os.path.join(ROOT, ".build", "hil", "runs")
BACKGROUND = (0x0B, 0x1A, 0x33)   # KioskUI Theme.background
TOUCH_MARK = (0xFF, 0xC1, 0x07)   # KioskUI Theme.touchMark
PORTRAIT = (1080, 1920)           # the kiosk's panel: 1080x1920 portrait
LANDSCAPE = (1920, 1080)          # the same panel mounted the other way: rotation 90
GUEST_HOST = "10.0.2.2"           # the host's loopback as the guest sees it (QEMU's user network)


class ScenarioFailed(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise ScenarioFailed(message)


def ui_to_panel(x, y, rotation, panel):
    """Where UI pixel (x, y) is on the panel: the UI turned `rotation` degrees clockwise."""
    width, height = panel
    return {0: (x, y), 90: (width - 1 - y, x), 180: (width - 1 - x, height - 1 - y),
            270: (y, height - 1 - x)}[rotation]


class CardSimulator:
    """kiosk-sim idcard on the host, connected to the socket behind the guest's usb-serial: while
    it is connected the guest has an FTDI reader at /dev/ttyUSB0."""

    def __init__(self, run_dir, socket_path):
        self.control = os.path.join(run_dir, "idcard-control.sock")
        self.log = open(os.path.join(run_dir, "kiosk-sim.log"), "wb")
        self.process = rig.track(subprocess.Popen(
            [f"{BIN}/kiosk-sim", "idcard", "--connect", socket_path, "--control", self.control],
            stdout=self.log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL))
        wait_for(lambda: os.path.exists(self.control) or self.process.poll() is not None, 40,
                 what="kiosk-sim's control socket")
        expect(self.process.poll() is None, f"kiosk-sim idcard --connect exited with {self.process.returncode}")

    def send(self, *words):
        done = subprocess.run([f"{BIN}/kiosk-sim", "send", "--control", self.control, *words],
                              capture_output=True, text=True, timeout=20)
        expect(done.returncode == 0, f"kiosk-sim send {' '.join(words)}: {done.stdout}{done.stderr}")
        return done.stdout.strip()

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class HallServer:
    """kiosk-hall on the host's loopback, reached from the guest as 10.0.2.2 (QEMU's user network);
    K-HIL-01 enrolled, its server certificate naming 10.0.2.2."""

    def __init__(self, run_dir):
        self.state = os.path.join(run_dir, "hall")
        self.credentials = os.path.join(run_dir, "K-HIL-01")
        subprocess.run([f"{BIN}/kiosk-hall", "enroll", "K-HIL-01", "--state-directory", self.state,
                        "--output", self.credentials, "--server-name", GUEST_HOST],
                       check=True, capture_output=True, timeout=60)
        self.log_path = os.path.join(run_dir, "kiosk-hall.log")
        self.process = rig.track(subprocess.Popen(
            [f"{BIN}/kiosk-hall", "serve", "--state-directory", self.state, "--port", "0",
             "--catalog", os.path.join(ROOT, "dev", "catalog-sample.json")],
            stdout=open(self.log_path, "wb"), stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL))

        def listening():
            with open(self.log_path, errors="replace") as f:
                for line in f:
                    if line.startswith("kiosk-hall listening on "):
                        return int(line.rsplit(":", 1)[1])
            expect(self.process.poll() is None, f"kiosk-hall exited: {open(self.log_path).read()[-800:]}")
            return None

        self.port = wait_for(listening, 60, what="kiosk-hall to listen")

    def sync_table(self):
        return ["[sync]", f'client_certificate = "{self.credentials}/K-HIL-01.pem"',
                f'client_key = "{self.credentials}/K-HIL-01-key.pem"', f'hall_ca = "{self.credentials}/hall-ca.pem"',
                "heartbeat_seconds = 30", "retry_max_seconds = 5", ""]

    def url(self):
        return f"https://{GUEST_HOST}:{self.port}"

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)


class PrinterSimulator:
    """kiosk-sim printer on the host's loopback (tcp:10.0.2.2:PORT from the guest); each cut ticket
    becomes a PNG in run_dir/paper."""

    def __init__(self, run_dir):
        self.paper = os.path.join(run_dir, "paper")
        os.makedirs(self.paper, exist_ok=True)
        self.port = free_port()
        self.control = os.path.join(run_dir, "printer.sock")
        self.process = rig.track(subprocess.Popen(
            [f"{BIN}/kiosk-sim", "printer", "run", "--port", str(self.port), "--output", self.paper,
             "--control", self.control],
            stdout=open(os.path.join(run_dir, "kiosk-sim-printer.log"), "wb"), stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL))
        wait_for(lambda: os.path.exists(self.control) or self.process.poll() is not None, 30,
                 what="kiosk-sim printer's control socket")
        expect(self.process.poll() is None, "kiosk-sim printer exited")

    def tickets(self):
        return sorted(f for f in os.listdir(self.paper) if f.endswith(".png"))

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)


class Kiosk:
    """kioskd in the guest with its configuration in the run directory."""

    def __init__(self, guest, *, display="/dev/fb0", rotation=0, card_reader=True,
                 state_directory="/var/lib/kioskd", hall=None, printer=None):
        self.guest, self.run_dir = guest, guest.run_dir
        self.hall, self.printer = hall, printer
        self.display, self.rotation = display, rotation
        self.card_reader, self.state_directory = card_reader, state_directory
        self.config = os.path.join(self.run_dir, "kioskd.toml")
        self.touch_node = None
        self.pid = None

    def start_touchscreen(self):
        ready = os.path.join(self.run_dir, "touch-node")
        if os.path.exists(ready):
            os.unlink(ready)
        self.guest.spawn(f"/usr/bin/python3 {GUEST_DIR}/touchbridge.py --size {self.guest.width}x{self.guest.height} "
                         f"--ready {ready}", os.path.join(self.run_dir, "touchbridge.log"))
        wait_for(lambda: os.path.exists(ready), 30, what="the uinput touchscreen (touchbridge.log)")
        with open(ready) as f:
            self.touch_node = f.read().strip()
        return self.touch_node

    def write_config(self):
        lines = ['kiosk_id = "K-HIL-01"', f'hall_url = "{self.hall.url() if self.hall else "https://127.0.0.1:8443"}"',
                 f'state_directory = "{self.state_directory}"', 'control_socket = "/run/kioskd/control.sock"',
                 'log_level = "debug"', "", "[devices.display]", f'device = "{self.display}"',
                 f"rotation = {self.rotation}", ""]
        if self.touch_node:
            lines += ["[devices.touchscreen]", f'device = "{self.touch_node}"', ""]
        if self.card_reader:
            lines += ["[devices.card_reader]", 'device = "/dev/ttyUSB0"', "baud = 115200", ""]
        if self.printer:
            lines += ["[devices.printers.receipt]", f'uri = "tcp:{GUEST_HOST}:{self.printer.port}"', ""]
        if self.hall:
            lines += self.hall.sync_table()
        with open(self.config, "w") as f:
            f.write("\n".join(lines))

    def start(self):
        """Starts kioskd; returns once its control socket answers."""
        if self.touch_node is None:
            self.start_touchscreen()
        self.write_config()
        self.pid = self.guest.spawn(f"{BIN}/kioskd --config {self.config}", os.path.join(self.run_dir, "kioskd.log"))
        started = time.monotonic()
        try:
            wait_for(lambda: self.ctl("status", check=False).rc == 0, 60, interval=0.3, what="kioskd's control socket")
        except RigError as error:
            raise ScenarioFailed(f"{error}; kioskd.log: {self.guest.tail('kioskd.log')}")
        return time.monotonic() - started

    def ctl(self, arguments, check=True, timeout=30):
        result = self.guest.run(f"{BIN}/kioskctl {arguments} --config {self.config}", timeout=timeout, check=False)
        if check and result.rc != 0:
            raise ScenarioFailed(f"kioskctl {arguments} failed: {result!r}")
        return result

    def status(self):
        return self.ctl("status --json").json()

    def device(self, name):
        for device in self.status().get("devices", []):
            if device.get("name") == name or device.get("kind") == name:
                return device
        return None

    def journal(self):
        result = self.guest.run(f"/usr/bin/python3 {GUEST_DIR}/journal.py {self.state_directory}", check=False)
        expect(result.rc == 0, f"cannot read the journal: {result!r}")
        return result.json()

    def events(self, kind=None):
        return [e for e in self.journal()["events"] if kind is None or e["kind"] == kind]

    def stop(self):
        if self.pid:
            self.guest.run(f"kill -TERM {self.pid}; for i in $(seq 100); do kill -0 {self.pid} 2>/dev/null || exit 0; "
                           "sleep 0.1; done; exit 1", check=False)


def wait_for_screen(guest, predicate, timeout, what):
    """Screendumps until `predicate(image)` holds; returns (image, seconds)."""
    started = time.monotonic()
    last = None

    def check():
        nonlocal last
        last = guest.screendump("poll.ppm")
        return predicate(last)

    try:
        wait_for(check, timeout, interval=0.2, what=what)
    except RigError as error:
        if last is not None:
            keep = os.path.join(guest.run_dir, "failed-" + what.replace(" ", "-")[:40] + ".ppm")
            shutil.copy(last.path, keep)
            raise ScenarioFailed(f"{error}; the last screendump is {keep}")
        raise ScenarioFailed(str(error))
    return last, time.monotonic() - started


def first_frame(guest):
    """Waits for kioskd's first frame: not black, mostly the kiosk's background colour."""
    return wait_for_screen(guest, lambda image: not image.is_black() and image.share_of(BACKGROUND) > 0.5, 90,
                           "the first frame in the kiosk's background colour")


def touch_test(kiosk, ui_points, panel):
    """Runs `kioskctl screen touch-test`, taps each UI point through QMP at its panel position,
    checks each mark on the screendump and the touch test's report. Returns tap-to-screen times."""
    guest = kiosk.guest
    seconds = 5 + 2 * len(ui_points)
    finish = guest.run_in_background(f"{BIN}/kioskctl screen touch-test --seconds {seconds} --json --config {kiosk.config}", seconds + 30)
    # The touch test's screen is black with a grid.
    wait_for_screen(guest, lambda image: image.share_of((0, 0, 0), tolerance=4) > 0.8, 20, "the touch test screen")
    latencies = []
    for ux, uy in ui_points:
        px, py = ui_to_panel(ux, uy, kiosk.rotation, panel)
        tapped = time.monotonic()
        guest.tap(px, py)
        image, _ = wait_for_screen(
            guest, lambda image: any(all(abs(a - b) <= 24 for a, b in zip(image.pixel(x, y), TOUCH_MARK))
                                     for x in range(max(px - 2, 0), min(px + 3, panel[0]))
                                     for y in range(max(py - 2, 0), min(py + 3, panel[1]))),
            15, f"the touch mark at panel {px},{py}")
        latencies.append(time.monotonic() - tapped)
    result = finish()
    expect(result.rc == 0, f"kioskctl screen touch-test failed: {result!r}")
    report = result.json()
    touches = report.get("touches", []) if isinstance(report, dict) else report
    downs = [t for t in touches if t.get("phase") == "down"]
    expect(len(downs) == len(ui_points), f"the touch test saw {len(downs)} touches, expected {len(ui_points)}: {touches}")
    for (ux, uy), seen in zip(ui_points, downs):
        expect(abs(seen["x"] - ux) <= 2 and abs(seen["y"] - uy) <= 2,
               f"a tap at UI {ux},{uy} landed at UI {seen['x']},{seen['y']} (panel {seen['rawX']},{seen['rawY']})")
    return latencies


# ---------------------------------------------------------------------------------------------
# Groups: one guest each, their scenarios run in order against it.

class Group:
    def __init__(self, name, setup, scenarios):
        self.name, self.setup, self.scenarios = name, setup, scenarios


def fbdev_setup(run_dir, metrics):
    sim_socket = os.path.join(run_dir, "cardreader.sock")
    guest = rig.Guest(run_dir, width=PORTRAIT[0], height=PORTRAIT[1], card_socket=sim_socket, udev=True).start()
    metrics["boot"] = guest.boot_seconds
    kiosk = Kiosk(guest, display="/dev/fb0", rotation=0)
    kiosk.start_touchscreen()
    sim = CardSimulator(run_dir, sim_socket)
    spawned = time.monotonic()
    kiosk.start()
    _, frame_wait = first_frame(guest)
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


def card_status(kiosk):
    return kiosk.ctl("card status --json").json()


def wait_card(kiosk, predicate, timeout, what):
    last = {}

    def check():
        nonlocal last
        last = card_status(kiosk)
        return predicate(last)

    try:
        wait_for(check, timeout, interval=0.5, what=what)
    except RigError as error:
        raise ScenarioFailed(f"{error}; card status: {last}")
    return last


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
    status = wait_card(kiosk, lambda s: s.get("state") == "faulted", 30, "kioskd to see the reader faulted")
    metrics["fault seen"] = time.monotonic() - unplugged
    faults = kiosk.events("device.fault")
    expect(len(faults) == faults_before + 1, f"expected one new device.fault in the journal, found {faults[faults_before:]}")
    expect(faults[-1]["payload"].get("device") in ("card_reader", "card reader", "idcard") or "card" in json.dumps(faults[-1]["payload"]),
           f"the fault names another device: {faults[-1]}")
    plugged = time.monotonic()
    sim.send("plug")
    wait_for(lambda: guest.run("test -e /dev/ttyUSB0", check=False).rc == 0, 20, what="/dev/ttyUSB0 to come back")
    wait_for(lambda: guest.run(by_id, check=False).rc == 0, 20, what="udev to make the reader's by-id link again")
    status = wait_card(kiosk, lambda s: s.get("state") == "ready", 40, "kioskd to recover the reader by itself")
    metrics["recovered"] = time.monotonic() - plugged
    recovered = kiosk.events("device.recovered")
    expect(len(recovered) == recovered_before + 1, f"expected one new device.recovered, found {recovered[recovered_before:]}")
    expect(recovered[-1]["sequence"] > faults[-1]["sequence"], "device.recovered is journaled before device.fault")
    del status


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


def make_disk(run_dir):
    """A 64 MiB raw image formatted ext4 on the host, attached to the guest as virtio-blk."""
    disk = os.path.join(run_dir, "state.img")
    if os.path.exists(disk):
        os.unlink(disk)
    subprocess.run(["truncate", "-s", "64M", disk], check=True)
    subprocess.run(["mkfs.ext4", "-q", "-F", "-L", "kiosk-state", disk], check=True)
    return disk


def button_rotation_90(env, metrics):
    """Rotation 90 with the journey: a tap at the attract screen's button, then at a service
    button's place on the landscape panel, opens that service's guide (service.used names it)."""
    kiosk = env["kiosk"]
    status = wait_screen(kiosk, "attract", 30)
    status, latency = tap_and_time(kiosk, target(status, "wake"), LANDSCAPE, "home")
    metrics["tap-to-home"] = latency
    services = [t for t in status.get("targets") or [] if t["intent"].startswith("service:")]
    expect(len(services) >= 4, f"home shows {len(services)} service buttons")
    # A button off the centre and off the diagonal, so that a wrong rotation would miss it.
    service = services[len(services) // 2 + 1]
    status, latency = tap_and_time(kiosk, service, LANDSCAPE, "guide")
    metrics["tap-to-guide"] = latency
    used = kiosk.events("service.used")
    expect(used and used[-1]["payload"].get("service") == service["intent"][8:],
           f"tapped {service['intent']} at UI {service['x']},{service['y']}, journaled {used[-1:]}")


def power_cut_setup(run_dir, metrics):
    return {"disk": make_disk(run_dir), "run_dir": run_dir}


STATE_MOUNT = "/var/lib/kioskd"


def boot_with_disk(run_dir, disk, sim_socket=None, network=False):
    guest = rig.Guest(run_dir, width=PORTRAIT[0], height=PORTRAIT[1], disk=disk, card_socket=sim_socket,
                      udev=sim_socket is not None, network=network).start()
    guest.run(f"mkdir -p {STATE_MOUNT} && mount -t ext4 -o data=ordered /dev/vda {STATE_MOUNT}")
    return guest


def power_cut(env, metrics):
    """A power cut (QEMU killed, nothing unmounted) right after the last event is journaled, with
    the state directory on an ext4 virtio-blk disk: after reboot the journal passes PRAGMA
    integrity_check, holds every event kioskd had reported, and kioskd records the unclean stop."""
    run_dir, disk = env["run_dir"], env["disk"]
    sim_socket = os.path.join(run_dir, "cardreader.sock")
    guest = boot_with_disk(run_dir, disk, sim_socket)
    sim = None
    try:
        metrics["boot"] = guest.boot_seconds
        kiosk = Kiosk(guest, state_directory=STATE_MOUNT)
        sim = CardSimulator(run_dir, sim_socket)
        kiosk.start()
        wait_card(kiosk, lambda s: s.get("state") == "ready", 60, "the card reader to be ready")
        # The last events before the cut: the reader's fault, journaled (synchronous=FULL) as
        # soon as kioskd sees it; the cut comes the moment kioskctl reports the fault.
        sim.send("unplug")
        wait_card(kiosk, lambda s: s.get("state") == "faulted", 30, "kioskd to see the reader faulted")
        expected = kiosk.journal()["events"]
        expect(expected and expected[-1]["kind"] == "device.fault", f"the last event before the cut: {expected[-1:]}")
        guest.kill()
    finally:
        guest.kill()
        if sim:
            sim.stop()
    # Power back on: the same disk.
    guest = boot_with_disk(run_dir, disk)
    try:
        kiosk = Kiosk(guest, state_directory=STATE_MOUNT, card_reader=False)
        after = kiosk.journal()  # read before kioskd opens it: SQLite's own recovery of the WAL
        expect(after["integrity"] == ["ok"], f"PRAGMA integrity_check after the power cut: {after['integrity']}")
        kinds = [e["kind"] for e in after["events"]]
        expect(len(after["events"]) >= len(expected),
               f"events lost in the power cut: had {[e['kind'] for e in expected]}, now {kinds}")
        expect(after["events"][:len(expected)] == expected, "the journal after the cut differs from before it")
        metrics["events kept"] = f"{len(after['events'])}/{len(expected)}"
        kiosk.start()
        started = [e for e in kiosk.events("kiosk.started")]
        expect(started and started[-1]["payload"].get("previous_stop") == "unclean",
               f"kioskd's restart records previous_stop={started[-1]['payload'] if started else None}, expected unclean")
        final = kiosk.journal()
        expect(final["integrity"] == ["ok"], f"integrity_check after the restart: {final['integrity']}")
        kiosk.stop()
    finally:
        guest.poweroff()


# ---------------------------------------------------------------------------------------------
# The citizen's journey: buttons found through `kioskctl screen status` (the journey's screen and
# its touch targets in UI pixels), tapped through QMP at their place on the panel.

NOTICE_FILL = (0xFF, 0xE0, 0x8A)  # KioskUI Theme.noticeFill: what does not work and what to do
RESIDENT = {"name": "张伟", "id": "530622199001010012"}  # kiosk-sim's sample card 'resident'


def screen_status(kiosk):
    return kiosk.ctl("screen status --json").json()


def wait_screen(kiosk, names, timeout, interval=0.2):
    """Polls `kioskctl screen status` until the journey shows one of `names`; returns the status."""
    names = (names,) if isinstance(names, str) else names
    last = {}

    def check():
        nonlocal last
        last = screen_status(kiosk)
        return last.get("screen") in names

    try:
        wait_for(check, timeout, interval=interval, what=f"the screen '{'/'.join(names)}'")
    except RigError as error:
        raise ScenarioFailed(f"{error}; it shows '{last.get('screen')}' with buttons "
                             f"{sorted({t['intent'] for t in last.get('targets') or []})}")
    return last


def target(status, intent):
    """The largest button for `intent` (an exact name, or a prefix ending in ':')."""
    found = [t for t in status.get("targets") or []
             if t["intent"] == intent or (intent.endswith(":") and t["intent"].startswith(intent))]
    expect(found, f"no '{intent}' button on '{status.get('screen')}': {sorted({t['intent'] for t in status.get('targets') or []})}")
    return max(found, key=lambda t: t["width"] * t["height"])


def tap_button(kiosk, button, panel):
    """Taps the centre of `button` (UI pixels) at its place on the panel; returns when tapped."""
    ux, uy = button["x"] + button["width"] // 2, button["y"] + button["height"] // 2
    kiosk.guest.tap(*ui_to_panel(ux, uy, kiosk.rotation, panel))


def changed(before, after, step=8):
    """The share of sampled pixels that differ between two screendumps."""
    differ = total = 0
    for y in range(0, before.height, step):
        for x in range(0, before.width, step):
            total += 1
            differ += before.pixel(x, y) != after.pixel(x, y)
    return differ / total


def tap_and_time(kiosk, button, panel, screen_names, timeout=30):
    """Taps `button`, then waits for the screen to change on the panel (QMP screendump) and for
    the journey to report one of `screen_names`. Returns (status, tap-to-screen seconds)."""
    guest = kiosk.guest
    before = guest.screendump("before-tap.ppm")
    tapped = time.monotonic()
    tap_button(kiosk, button, panel)
    _, _ = wait_screen_for_change(guest, before, timeout)
    latency = time.monotonic() - tapped
    return wait_screen(kiosk, screen_names, timeout), latency


def wait_screen_for_change(guest, before, timeout):
    return wait_for_screen(guest, lambda image: changed(before, image) > 0.02, timeout, "the screen to change after the tap")


def journey_setup(run_dir, metrics):
    """The journey's kiosk: portrait fbdev, the reader behind kiosk-sim, the receipt printer and
    kiosk-hall on the host (10.0.2.2), the state directory on an ext4 virtio-blk disk."""
    env = {"run_dir": run_dir}
    env["hall"] = HallServer(run_dir)
    env["printer"] = PrinterSimulator(run_dir)
    env["disk"] = make_disk(run_dir)
    env["sim_socket"] = os.path.join(run_dir, "cardreader.sock")
    guest = boot_with_disk(run_dir, env["disk"], env["sim_socket"], network=True)
    env["guest"] = guest
    metrics["boot"] = guest.boot_seconds
    env["sim"] = CardSimulator(run_dir, env["sim_socket"])
    kiosk = Kiosk(guest, state_directory=STATE_MOUNT, hall=env["hall"], printer=env["printer"])
    env["kiosk"] = kiosk
    kiosk.start_touchscreen()
    spawned = time.monotonic()
    kiosk.start()
    first_frame(guest)
    metrics["first frame"] = time.monotonic() - spawned
    wait_card(kiosk, lambda s: s.get("state") == "ready", 60, "the card reader to be ready")
    return env


def attract_tap_home(env, metrics):
    """The attract screen is on the panel (pixels in the kiosk's colours); a tap on it opens home,
    whose service buttons are listed."""
    kiosk = env["kiosk"]
    status = wait_screen(kiosk, "attract", 30)
    image = kiosk.guest.screendump("attract.ppm")
    expect(not image.is_black() and image.share_of(BACKGROUND) > 0.3,
           f"the attract screen is not in the kiosk's colours ({image.share_of(BACKGROUND):.0%} background)")
    status, latency = tap_and_time(kiosk, target(status, "wake"), PORTRAIT, "home")
    metrics["tap-to-screen"] = latency
    services = [t for t in status.get("targets") or [] if t["intent"].startswith("service:")]
    expect(len(services) >= 4, f"home shows {len(services)} service buttons")
    kiosk.guest.screendump("home.ppm")


def card_shown_masked(env, metrics):
    """A card placed in the host's simulator is read on home: the screen greets the holder (the
    picture changes where the masked name goes), and neither the journal nor kioskd's log holds
    the name or the full ID number."""
    kiosk, sim, guest = env["kiosk"], env["sim"], env["guest"]
    wait_screen(kiosk, "home", 10)
    before_status = card_status(kiosk)
    before = guest.screendump("home-before-card.ppm")
    placed = time.monotonic()
    sim.send("place", "resident")
    wait_card(kiosk, lambda s: s.get("cardsRead", 0) > before_status.get("cardsRead", 0), 30, "the card to be read")
    image, _ = wait_for_screen(guest, lambda image: changed(before, image) > 0.001, 20, "the holder's masked name on home")
    metrics["card-to-screen"] = time.monotonic() - placed
    shutil.copy(image.path, os.path.join(guest.run_dir, "home-with-card.ppm"))
    expect(screen_status(kiosk).get("screen") == "home", "the card read left home")
    journal = json.dumps(kiosk.journal()["events"], ensure_ascii=False)
    expect(RESIDENT["id"] not in journal and RESIDENT["name"] not in journal, "the journal holds the card's name or ID number")
    log = open(os.path.join(guest.run_dir, "kioskd.log"), encoding="utf-8", errors="replace").read()
    expect(RESIDENT["id"] not in log and RESIDENT["name"] not in log, "kioskd's log holds the card's name or ID number")
    sim.send("lift")


def reader_unavailable_on_screen(env, metrics):
    """Mid-session the reader is unplugged (kiosk-sim closes the socket: QEMU detaches the USB
    device): home shows a notice, kioskd journals device.fault; plugged back, kioskd recovers by
    itself, the notice goes and device.recovered is journaled."""
    kiosk, sim, guest = env["kiosk"], env["sim"], env["guest"]
    wait_screen(kiosk, "home", 10)
    baseline = guest.screendump("home-reader-ready.ppm").share_of(NOTICE_FILL, tolerance=6, step=4)
    faults = len(kiosk.events("device.fault"))
    unplugged = time.monotonic()
    sim.send("unplug")
    wait_card(kiosk, lambda s: s.get("state") == "faulted", 30, "kioskd to see the reader faulted")
    _, _ = wait_for_screen(guest, lambda image: image.share_of(NOTICE_FILL, tolerance=6, step=4) > baseline + 0.002, 20,
                           "a notice that the reader is unavailable")
    metrics["unplug-to-notice"] = time.monotonic() - unplugged
    guest.screendump("home-reader-unavailable.ppm")
    expect(len(kiosk.events("device.fault")) == faults + 1, "no device.fault journaled for the unplugged reader")
    plugged = time.monotonic()
    sim.send("plug")
    wait_card(kiosk, lambda s: s.get("state") == "ready", 40, "kioskd to recover the reader by itself")
    _, _ = wait_for_screen(guest, lambda image: image.share_of(NOTICE_FILL, tolerance=6, step=4) <= baseline + 0.0005, 20,
                           "the reader's notice to go")
    metrics["plug-to-recovered"] = time.monotonic() - plugged
    recovered = kiosk.events("device.recovered")
    expect(recovered and recovered[-1]["payload"].get("path", "").startswith("/dev/ttyUSB"), f"device.recovered: {recovered[-1:]}")
    expect(wait_screen(kiosk, "home", 5).get("screen") == "home", "the session did not survive the reader's absence")


def ticket_power_cut(env, metrics):
    """Home -> a service -> take a ticket (the card read earlier is in the session): the hall
    numbers it, the printer prints it, the screen confirms it, and the power is cut (QEMU killed)
    the moment it does. After reboot the journal on the ext4 disk passes integrity_check and holds
    every event from before the tap and the ticket, with the number the hall gave and the paper
    carries; kioskd records the unclean stop."""
    kiosk, guest, printer = env["kiosk"], env["guest"], env["printer"]
    catalog = json.load(open(os.path.join(ROOT, "dev", "catalog-sample.json")))
    ticketed = {s["id"] for s in catalog["services"] if s.get("ticketCategory")}
    status = wait_screen(kiosk, "home", 10)
    if not status.get("targets") or not any(t["intent"].startswith("service:") for t in status["targets"]):
        raise ScenarioFailed("home has no service buttons")
    service = next(t for t in status["targets"] if t["intent"].startswith("service:") and t["intent"][8:] in ticketed)
    status, latency = tap_and_time(kiosk, service, PORTRAIT, "guide")
    metrics["tap-to-guide"] = latency
    used = kiosk.events("service.used")
    expect(used and used[-1]["payload"].get("service") == service["intent"][8:],
           f"tapped {service['intent']}, journaled {used[-1:]}")
    papers = len(printer.tickets())
    before = kiosk.journal()["events"]
    tapped = time.monotonic()
    tap_button(kiosk, target(status, "take-ticket"), PORTRAIT)
    status = wait_screen(kiosk, ("ticket-issued", "notice", "insert-card"), 60, interval=0.1)
    metrics["tap-to-ticket"] = time.monotonic() - tapped
    expect(status.get("screen") == "ticket-issued", f"take-ticket led to '{status.get('screen')}'")
    guest.kill()  # the power cut, right after the screen confirmed the ticket
    expect(len(printer.tickets()) > papers, "the screen confirmed a ticket that the printer did not print")
    env["sim"].stop()
    guest = boot_with_disk(env["run_dir"], env["disk"])
    env["guest"] = guest
    metrics["reboot"] = guest.boot_seconds
    kiosk = Kiosk(guest, state_directory=STATE_MOUNT, card_reader=False)
    after = kiosk.journal()
    expect(after["integrity"] == ["ok"], f"PRAGMA integrity_check after the power cut: {after['integrity']}")
    expect(after["events"][:len(before)] == before, "events journaled before the tap are missing or changed after the power cut")
    issued = [e for e in after["events"][len(before):] if e["kind"] == "ticket.issued"]
    expect(issued, f"no ticket.issued in the journal after the power cut: {[e['kind'] for e in after['events']]}")
    number = issued[-1]["payload"].get("number", "")
    metrics["ticket"] = number
    # The same number at the hall (which numbered it) and on the paper (its QR code, read back).
    hall_db = sqlite3.connect(os.path.join(env["hall"].state, "hall.sqlite"), timeout=10)
    numbered = {f"{c}{n:03d}" for c, n in hall_db.execute("SELECT category, number FROM ticket WHERE kiosk_id = 'K-HIL-01'")}
    hall_db.close()
    expect(number in numbered, f"the journal's ticket {number} is not among the hall's {sorted(numbered)}")
    if shutil.which("zbarimg"):
        paper = os.path.join(printer.paper, printer.tickets()[-1])
        qr = subprocess.run(["zbarimg", "-q", "--raw", paper], capture_output=True, text=True, timeout=60).stdout
        expect(f"n={number}" in qr, f"the printed ticket's QR code says {qr.strip()!r}, not n={number}")
    kiosk.start()
    started = kiosk.events("kiosk.started")
    expect(started and started[-1]["payload"].get("previous_stop") == "unclean",
           f"kioskd's restart records {started[-1]['payload'] if started else None}, expected previous_stop unclean")
    expect(kiosk.journal()["integrity"] == ["ok"], "integrity_check failed after kioskd reopened the journal")
    kiosk.stop()


# ---------------------------------------------------------------------------------------------
# The Swift tests that need real kernel devices (skipped on a machine without them): run from the
# test bundle `make test` builds, inside the guest.

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


GROUPS = [
    Group("fbdev", fbdev_setup, [("fbdev-first-frame", fbdev_first_frame), ("touch-tap", fbdev_touch),
                                  ("card-read", card_read), ("card-unplug-replug", card_unplug_replug)]),
    Group("drm-rotation-90", drm_setup, [("drm-first-frame", drm_first_frame), ("touch-rotation-90", drm_touch_rotated),
                                            ("button-rotation-90", button_rotation_90)]),
    Group("power-cut", power_cut_setup, [("power-cut-journal", power_cut)]),
    Group("journey", journey_setup, [("attract-tap-home", attract_tap_home), ("card-shown-masked", card_shown_masked),
                                     ("reader-unavailable-on-screen", reader_unavailable_on_screen),
                                     ("ticket-power-cut", ticket_power_cut)]),
    Group("swift-device-tests", device_tests_setup, [("swift-uinput-tests", swift_uinput_tests),
                                                     ("swift-display-tests-fbdev", swift_display_tests_fbdev),
                                                     ("swift-display-tests-drm", swift_display_tests_drm)]),
]


def format_metrics(metrics):
    return ", ".join(f"{k} {v:.1f}s" if isinstance(v, float) else f"{k} {v}" for k, v in metrics.items())


def main(argv):
    wanted = set(argv[1:])
    for binary in ("kioskd", "kioskctl", "kiosk-sim"):
        if not os.access(f"{BIN}/{binary}", os.X_OK):
            print(f"hil: {BIN}/{binary} is missing; run 'swift build' first (make test-hil does)")
            return 2
    results, suite_started = [], time.monotonic()
    for group in GROUPS:
        scenarios = [(n, f) for n, f in group.scenarios if not wanted or n in wanted or group.name in wanted]
        if not scenarios:
            continue
        run_dir = os.path.join(RUNS, group.name)
        shutil.rmtree(run_dir, ignore_errors=True)
        os.makedirs(run_dir)
        print(f"== {group.name} (run directory {os.path.relpath(run_dir, ROOT)})", flush=True)
        setup_metrics, env, setup_error = {}, None, None
        started = time.monotonic()
        try:
            env = group.setup(run_dir, setup_metrics)
        except (ScenarioFailed, RigError, OSError, subprocess.SubprocessError) as error:
            setup_error = f"setting up {group.name} failed: {error}"
        except Exception:
            setup_error = f"setting up {group.name} failed:\n{traceback.format_exc()}"
        if setup_metrics:
            print(f"   setup {time.monotonic() - started:.1f}s: {format_metrics(setup_metrics)}", flush=True)
        for name, scenario in scenarios:
            metrics, scenario_started = {}, time.monotonic()
            error = setup_error
            if error is None:
                try:
                    scenario(env, metrics)
                except (ScenarioFailed, RigError) as failure:
                    error = str(failure)
                except Exception:
                    error = traceback.format_exc()
            seconds = time.monotonic() - scenario_started
            verdict = "PASS" if error is None else "FAIL"
            line = f"{verdict} {name} ({seconds:.1f}s)"
            if metrics:
                line += f": {format_metrics(metrics)}"
            print(line, flush=True)
            if error:
                print("     " + error.replace("\n", "\n     "), flush=True)
            results.append((name, error is None))
        if env:
            if "guest" in env:
                env["guest"].poweroff()
            for key in ("sim", "hall", "printer"):
                if key in env:
                    env[key].stop()
    failed = [name for name, ok in results if not ok]
    print(f"hil: {len(results) - len(failed)} passed, {len(failed)} failed in {time.monotonic() - suite_started:.0f}s"
          + (f" (failed: {', '.join(failed)})" if failed else ""), flush=True)
    return 1 if failed or not results else 0


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so that atexit stops QEMU and the simulators
    sys.exit(main(sys.argv))
