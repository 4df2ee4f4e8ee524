"""The hardware-in-the-loop suite's view of a kiosk: kioskd in the guest (configuration, kioskctl,
its journal read with Python's sqlite3), the simulators and the hall on the host, and the screen
as QMP screendumps: waiting for frames, tapping buttons at their place on the rotated panel."""
import os, shutil, socket, subprocess, time

import rig
from rig import RigError, wait_for

ROOT = rig.ROOT
BIN = os.path.join(ROOT, ".build", "debug")
GUEST_DIR = os.path.join(rig.HERE, "guest")
RUNS = os.path.join(ROOT, ".build", "hil", "runs")
BACKGROUND = (0x0B, 0x1A, 0x33)   # KioskUI Theme.background
TOUCH_MARK = (0xFF, 0xC1, 0x07)   # KioskUI Theme.touchMark
NOTICE_FILL = (0xFF, 0xE0, 0x8A)  # KioskUI Theme.noticeFill: what does not work and what to do
PORTRAIT = (1080, 1920)           # the kiosk's panel: 1080x1920 portrait
LANDSCAPE = (1920, 1080)          # the same panel mounted the other way: rotation 90
GUEST_HOST = "10.0.2.2"           # the host's loopback as the guest sees it (QEMU's user network)
STATE_MOUNT = "/var/lib/kioskd"


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
    wait_screen_for_change(guest, before, timeout)
    latency = time.monotonic() - tapped
    return wait_screen(kiosk, screen_names, timeout), latency


def wait_screen_for_change(guest, before, timeout):
    return wait_for_screen(guest, lambda image: changed(before, image) > 0.02, timeout, "the screen to change after the tap")


def make_disk(run_dir):
    """A sparse 256 MiB raw image formatted ext4 on the host, attached to the guest as virtio-blk
    (kioskd warns below 64 MiB free: the disk must not be the test's subject by accident)."""
    disk = os.path.join(run_dir, "state.img")
    if os.path.exists(disk):
        os.unlink(disk)
    subprocess.run(["truncate", "-s", "256M", disk], check=True)
    subprocess.run(["mkfs.ext4", "-q", "-F", "-L", "kiosk-state", disk], check=True)
    return disk


def boot_with_disk(run_dir, disk, sim_socket=None, network=False):
    guest = rig.Guest(run_dir, width=PORTRAIT[0], height=PORTRAIT[1], disk=disk, card_socket=sim_socket,
                      udev=sim_socket is not None, network=network).start()
    guest.run(f"mkdir -p {STATE_MOUNT} && mount -t ext4 -o data=ordered /dev/vda {STATE_MOUNT}")
    return guest
