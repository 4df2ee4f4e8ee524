#!/usr/bin/env python3
"""The demo page of `make run` (kiosk-sim demo, started by scripts/run-dev.sh), tested from outside:

- boundary: kiosk-sim demo alone, in front of a FIFO, two stand-in control sockets, a paper
  directory and a tiny frame file: garbage is refused with 400 and a message, and nothing reaches
  the FIFO or the sockets; good requests reach them byte for byte; the screen long poll wakes on
  a new frame and ends when the server stops.
- smoke: scripts/run-dev.sh itself, in a temporary copy of the checkout's dev files on free ports:
  one citizen's journey driven only through the page's endpoints (taps, a card), the printed
  ticket listed and served; then Ctrl-C (SIGINT to its process group): everything exits, no
  process is left.
- browser: the same, with the page loaded in headless Chromium and clicked through the DevTools
  protocol (mouse events on the screen image, the page's own card button) until the printed
  ticket's picture shows on the page.

usage: demo_test.py [boundary|smoke|browser ...]   (default: all; make test runs it)
Each test prints PASS, FAIL or SKIP with its time; the exit status is 1 if any failed.
Needs Debian's python3 (/usr/bin/python3) for python3-websockets, and chromium.
"""
import asyncio, base64, json, os, re, shutil, signal, socket, subprocess, sys, tempfile, threading, time, traceback
import urllib.error, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.environ.get("KIOSKD_BUILD_DIR", os.path.join(ROOT, ".build", "debug"))
SCREENS = os.path.join(ROOT, ".build", "screens")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# One input_event record is 24 bytes; a tap is six of them (X, Y, BTN_TOUCH down, SYN, up, SYN).
TAP_BYTES = 6 * 24


class Failed(Exception):
    pass


class Skipped(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failed(message)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http(method, url, body=None, raw=None, timeout=30):
    """(status, headers, bytes); a JSON `body` is encoded, `raw` bytes are sent as they are."""
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    request = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json"} if data else {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def error_message(data):
    try:
        return json.loads(data)["error"]["message"]
    except (ValueError, KeyError, TypeError):
        return None


def wait_for(what, predicate, timeout=30, interval=0.1):
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        last = predicate()
        if last:
            return last
        time.sleep(interval)
    raise Failed(f"{what} did not happen within {timeout} s")


# --- boundary ------------------------------------------------------------------------------------

class ControlSocket:
    """A stand-in for a simulator's control socket: records each line and answers "ok LINE"."""

    def __init__(self, path):
        self.path, self.lines, self.connections = path, [], 0
        self.listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.listener.bind(path)
        self.listener.listen(8)
        threading.Thread(target=self.serve, daemon=True).start()

    def serve(self):
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            with client:
                self.connections += 1
                line = b""
                while not line.endswith(b"\n"):
                    chunk = client.recv(512)
                    if not chunk:
                        break
                    line += chunk
                text = line.decode().strip()
                self.lines.append(text)
                client.sendall(f"ok {text}\n".encode())


def test_boundary(work):
    fifo, frame, paper = f"{work}/touch.fifo", f"{work}/fb", f"{work}/paper"
    os.mkfifo(fifo)
    os.mkdir(paper)
    # Held open for reading and writing, so whatever the demo writes stays in the pipe to be read here.
    pipe = os.open(fifo, os.O_RDWR | os.O_NONBLOCK)
    card, printer = ControlSocket(f"{work}/card.sock"), ControlSocket(f"{work}/printer.sock")
    with open(f"{paper}/ticket-0001.png", "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\nfirst")
    for name in (".ticket-0002.png", "notes.txt"):  # half-written, and not a ticket
        open(f"{paper}/{name}", "wb").close()
    port = free_port()
    log = open(f"{work}/demo.log", "w")
    demo = subprocess.Popen([f"{BIN}/kiosk-sim", "demo", "--port", str(port), "--frame", frame, "--width", "4", "--height", "2",
                             "--touch", fifo, "--card-control", card.path, "--printer-control", printer.path, "--paper", paper,
                             "--report-url", "https://127.0.0.1:1/report"], stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for("the demo listening", lambda: "listening on" in open(f"{work}/demo.log").read(), timeout=20)

        def pending():
            try:
                return os.read(pipe, 4096)
            except BlockingIOError:
                return b""

        garbage = [
            ("/tap", b"{x: 1}", "not JSON"), ("/tap", b"", "not JSON"), ("/tap", b'{"x": 1.5, "y": 1}', "not JSON"),
            ("/tap", b'{"x": -1, "y": 0}', "off the screen"), ("/tap", b'{"x": 4, "y": 0}', "off the screen"),
            ("/tap", b'{"x": 0, "y": 2}', "off the screen"), ("/tap", b'{"x": 99999999999999999999, "y": 0}', "not JSON"),
            ("/tap", b'{"x": 1, "y": 1, "pad": "' + b"a" * 2000 + b'"}', "over 1 KiB"),
            ("/card", b'{"action": "place", "card": "nobody"}', "Unknown card 'nobody'"),
            ("/card", b'{"action": "place"}', "Unknown card"), ("/card", b'{"action": "shake"}', "Unknown action"),
            ("/card", b'["place", "resident"]', "not JSON"), ("/card", b'{"action": "place", "card": "resident\\nunplug"}', "Unknown card"),
            ("/printer", b'{"state": "on-fire"}', "Unknown printer state"), ("/printer", b'{"state": "ready\\nunplug"}', "Unknown printer state"),
            ("/printer", b'{}', "not JSON"), ("/printer", b"\xff\xfe", "not JSON"),
        ]
        for path, raw, expected in garbage:
            status, _, data = http("POST", url + path, raw=raw)
            message = error_message(data) or ""
            check(status in (400, 413) and expected in message, f"POST {path} {raw[:60]!r}: {status} {data[:200]!r}")
        check(pending() == b"", "a refused tap wrote to the FIFO")
        check(card.connections == 0 and printer.connections == 0, f"a refused request reached a socket: {card.lines} {printer.lines}")
        for path in ("/tickets/..%2F..%2Fetc%2Fpasswd", "/tickets/notes.txt", "/tickets/.ticket-0002.png", "/tickets/ticket-0009.png"):
            status, _, _ = http("GET", url + path)
            check(status == 404, f"GET {path}: {status}")

        # Good requests arrive exactly.
        status, _, data = http("POST", url + "/tap", {"x": 3, "y": 1})
        check(status == 200, f"tap: {status} {data!r}")
        records = pending()
        check(len(records) == TAP_BYTES, f"a tap wrote {len(records)} bytes, not {TAP_BYTES}")
        events = [(int.from_bytes(records[i + 16:i + 18], "little"), int.from_bytes(records[i + 18:i + 20], "little"),
                   int.from_bytes(records[i + 20:i + 24], "little", signed=True)) for i in range(0, len(records), 24)]
        check(events == [(3, 0, 3), (3, 1, 1), (1, 0x14A, 1), (0, 0, 0), (1, 0x14A, 0), (0, 0, 0)], f"tap records: {events}")
        status, _, data = http("POST", url + "/card", {"action": "place", "card": "rare-name"})
        check(status == 200 and json.loads(data)["answer"] == "ok place rare-name", f"card: {status} {data!r}")
        http("POST", url + "/card", {"action": "lift", "card": "ignored"})
        status, _, data = http("POST", url + "/printer", {"state": "cover-open"})
        check(status == 200, f"printer: {status} {data!r}")
        check(card.lines == ["place rare-name", "lift"] and printer.lines == ["cover-open"], f"sent: {card.lines} {printer.lines}")
        status, _, data = http("GET", url + "/tickets")
        check(status == 200 and json.loads(data) == {"tickets": ["ticket-0001.png"]}, f"tickets: {data!r}")
        status, headers, data = http("GET", url + "/tickets/ticket-0001.png")
        check(status == 200 and data == b"\x89PNG\r\n\x1a\nfirst" and headers["Content-Type"] == "image/png", f"ticket: {status}")
        setup = json.loads(http("GET", url + "/setup")[2])
        check(setup["width"] == 4 and "resident" in setup["cards"] and "paper-out" in setup["printerStates"], f"setup: {setup}")
        status, headers, page = http("GET", url + "/")
        check(status == 200 and b'id="screen"' in page and b"://" not in page, "the page (with no external resources)")

        # The screen: 503 without a frame file, a PNG with its version, a long poll woken by a new frame.
        for _ in range(3):  # quickly, within the 100 ms in which the file is not read again
            status, _, data = http("GET", url + "/screen.png")
            check(status == 503 and "kioskd creates it" in (error_message(data) or ""), f"no frame: {status} {data!r}")
        with open(frame, "wb") as f:
            f.write(bytes(range(32)))
        status, headers, data = http("GET", url + "/screen.png")
        check(status == 200 and data.startswith(b"\x89PNG"), f"frame: {status}")
        version = int(headers["X-Frame-Version"])
        result = {}

        def long_poll():
            started = time.monotonic()
            result["answer"] = http("GET", f"{url}/screen.png?after={version}")
            result["seconds"] = time.monotonic() - started
        poller = threading.Thread(target=long_poll)
        poller.start()
        time.sleep(0.5)
        with open(frame, "r+b") as f:
            f.write(b"\xff" * 32)
        poller.join(10)
        status, headers, _ = result["answer"]
        check(status == 200 and int(headers["X-Frame-Version"]) == version + 1 and result["seconds"] < 2,
              f"long poll: {status}, {result['seconds']:.1f} s")

        # A long poll in flight does not hold up SIGTERM.
        poller = threading.Thread(target=long_poll, daemon=True)
        version += 1
        poller.start()
        time.sleep(0.5)
        demo.send_signal(signal.SIGTERM)
        started = time.monotonic()
        code = demo.wait(10)
        check(code == 0 and time.monotonic() - started < 3, f"SIGTERM: exit {code} after {time.monotonic() - started:.1f} s")
        return f"{len(garbage)} refused requests"
    finally:
        if demo.poll() is None:
            demo.kill()
        os.close(pipe)


# --- make run ------------------------------------------------------------------------------------

class DevRun:
    """scripts/run-dev.sh in a temporary copy of the checkout's dev files, on free ports (the
    copies of run-dev.sh and dev/kioskd.toml get them in place of 8443, 9100 and 8080)."""

    def __init__(self, work):
        self.work = work
        os.makedirs(f"{work}/scripts")
        os.makedirs(f"{work}/dev")
        os.makedirs(f"{work}/.build")
        os.symlink(BIN, f"{work}/.build/debug")
        shutil.copy(f"{ROOT}/dev/catalog-sample.json", f"{work}/dev/")
        self.ports = {"8443": free_port(), "9100": free_port(), "8080": free_port()}
        for name in ("scripts/run-dev.sh", "dev/kioskd.toml"):
            text = open(f"{ROOT}/{name}").read()
            for default, port in self.ports.items():
                text, count = re.subn(rf"\b{default}\b", str(port), text)
                check(count > 0 or (name.endswith(".toml") and default == "8080"), f"{name} no longer names port {default}")
            with open(f"{work}/{name}", "w") as f:
                f.write(text)
        os.chmod(f"{work}/scripts/run-dev.sh", 0o755)
        self.url = f"http://127.0.0.1:{self.ports['8080']}"
        self.log = open(f"{work}/run-dev.log", "w")
        self.process = subprocess.Popen(["scripts/run-dev.sh"], cwd=work, stdout=self.log, stderr=subprocess.STDOUT,
                                        stdin=subprocess.DEVNULL, start_new_session=True)

    def output(self):
        return open(f"{self.work}/run-dev.log").read()

    def screen(self):
        """kioskctl screen status --json: the screen's name and buttons; None until kioskd answers."""
        result = subprocess.run([".build/debug/kioskctl", "screen", "status", "--json", "--config", "dev/kioskd.toml"],
                                cwd=self.work, capture_output=True, text=True, timeout=20)
        return json.loads(result.stdout) if result.returncode == 0 else None

    def wait_for_screen(self, name, timeout=30):
        def shown():
            if self.process.poll() is not None:
                raise Failed(f"run-dev.sh ended with {self.process.returncode}:\n{self.output()[-3000:]}")
            report = self.screen()
            return report if report and report.get("screen") == name else None
        try:
            return wait_for(f"the screen '{name}'", shown, timeout=timeout, interval=0.2)
        except Failed:
            raise Failed(f"the screen '{name}' never showed; last: {self.screen()}")

    @staticmethod
    def centre(report, intent):
        for target in report.get("targets") or []:
            if target["intent"] == intent:
                return target["x"] + target["width"] // 2, target["y"] + target["height"] // 2
        raise Failed(f"no '{intent}' button on '{report.get('screen')}': {[t['intent'] for t in report.get('targets') or []]}")

    def leftovers(self):
        """Processes still in run-dev.sh's process group or working in the temporary copy (zombies,
        ended and waiting for their parent, do not count)."""
        found = []
        for pid in filter(str.isdigit, os.listdir("/proc")):
            try:
                if open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[0] == "Z":
                    continue
                if os.getpgid(int(pid)) == self.process.pid or os.readlink(f"/proc/{pid}/cwd").startswith(self.work):
                    found.append(open(f"/proc/{pid}/cmdline", "rb").read().replace(b"\0", b" ").decode().strip())
            except OSError:
                pass
        return found

    def stop(self):
        """Ctrl-C: SIGINT to the process group, as a terminal sends it. Returns the seconds it took."""
        started = time.monotonic()
        os.killpg(self.process.pid, signal.SIGINT)
        try:
            code = self.process.wait(20)
        except subprocess.TimeoutExpired:
            raise Failed(f"run-dev.sh was still running 20 s after SIGINT; left: {self.leftovers()}")
        seconds = time.monotonic() - started
        check(code == 0, f"run-dev.sh exited {code} after SIGINT:\n{self.output()[-2000:]}")
        try:
            wait_for("every process ending", lambda: not self.leftovers(), timeout=5)
        except Failed:
            raise Failed(f"left running after run-dev.sh ended: {self.leftovers()}")
        return seconds

    def kill(self):
        """After a failure: SIGKILL to everything run-dev.sh started, so nothing outlives the test."""
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait()


def start_dev_run(work):
    run = DevRun(work)

    def listening():
        if run.process.poll() is not None:
            raise Failed(f"run-dev.sh ended with {run.process.returncode}:\n{run.output()[-3000:]}")
        try:
            return "listening on" in open(f"{work}/.run/kiosk-sim-demo.log").read()
        except FileNotFoundError:
            return False
    try:
        wait_for("the demo page", listening, timeout=30)
        wait_for("run-dev.sh printing the page's address", lambda: run.url in run.output(), timeout=10)
    except BaseException:
        run.kill()
        raise
    return run


def test_smoke(work):
    run = start_dev_run(work)
    try:
        def tap(intent, report):
            x, y = run.centre(report, intent)
            status, _, data = http("POST", run.url + "/tap", {"x": x, "y": y})
            check(status == 200, f"tap {intent}: {status} {data!r}")

        tap("wake", run.wait_for_screen("attract"))
        status, headers, data = http("GET", run.url + "/screen.png")
        check(status == 200 and data.startswith(b"\x89PNG"), f"/screen.png: {status}")
        tap("service:housing-fund-rent", run.wait_for_screen("home"))
        tap("take-ticket", run.wait_for_screen("guide"))
        run.wait_for_screen("insert-card")
        status, _, data = http("POST", run.url + "/card", {"action": "place", "card": "resident"})
        check(status == 200 and json.loads(data)["answer"].startswith("ok placed resident"), f"card: {status} {data!r}")
        run.wait_for_screen("ticket-issued")
        tickets = wait_for("a ticket listed", lambda: json.loads(http("GET", run.url + "/tickets")[2])["tickets"], timeout=10)
        check(tickets == ["ticket-0001.png"], f"tickets: {tickets}")
        status, headers, data = http("GET", f"{run.url}/tickets/{tickets[0]}")
        check(status == 200 and data.startswith(b"\x89PNG") and len(data) > 1000, f"the ticket's picture: {status}, {len(data)} bytes")
        status, _, data = http("POST", run.url + "/printer", {"state": "paper-out"})
        check(status == 200 and "paper-out" in json.loads(data)["answer"], f"printer: {status} {data!r}")
        seconds = run.stop()
        return f"journey through the page's endpoints, stopped in {seconds:.1f} s"
    finally:
        if run.process.poll() is None or run.leftovers():
            run.kill()


# --- browser -------------------------------------------------------------------------------------

class DevTools:
    """One page target of Chromium, over the DevTools protocol (websockets)."""

    def __init__(self, websocket):
        self.websocket, self.next_id = websocket, 0

    async def call(self, method, **params):
        self.next_id += 1
        await self.websocket.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(await self.websocket.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise Failed(f"{method}: {message['error']}")
                return message.get("result", {})

    async def evaluate(self, expression):
        result = await self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise Failed(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    async def wait_for(self, what, expression, timeout=30):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            # The page may still be loading: an element not there yet is a "not yet".
            value = await self.evaluate(f"(() => {{ try {{ return {expression}; }} catch (error) {{ return false; }} }})()")
            if value:
                return value
            await asyncio.sleep(0.2)
        raise Failed(f"{what} did not happen within {timeout} s ({expression})")

    async def click(self, x, y):
        for kind in ("mousePressed", "mouseReleased"):
            await self.call("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)

    async def box(self, selector):
        return await self.evaluate(f"(() => {{ const b = document.querySelector({json.dumps(selector)}).getBoundingClientRect();"
                                   " return {left: b.left, top: b.top, width: b.width, height: b.height}; })()")


async def drive_browser(run, port):
    import websockets
    targets = json.loads(http("GET", f"http://127.0.0.1:{port}/json/list")[2])
    page = next(t for t in targets if t["type"] == "page")
    async with websockets.connect(page["webSocketDebuggerUrl"], max_size=None) as websocket:
        tools = DevTools(websocket)
        await tools.call("Page.enable")
        await tools.call("Page.navigate", url=run.url + "/")
        await tools.wait_for("the screen image loaded", "document.querySelector('#screen').src.startsWith('blob:') &&"
                             " document.querySelector('#screen').naturalWidth === 1080")
        check(await tools.evaluate("document.querySelector('#report').href") == f"https://127.0.0.1:{run.ports['8443']}/report",
              "the report link")

        async def tap(intent, report):
            x, y = run.centre(report, intent)
            box = await tools.box("#screen")
            await tools.click(box["left"] + (x + 0.5) * box["width"] / 1080, box["top"] + (y + 0.5) * box["height"] / 1920)

        loop = asyncio.get_running_loop()
        wait_for_screen = lambda name: loop.run_in_executor(None, run.wait_for_screen, name)
        await tap("wake", await wait_for_screen("attract"))
        await tap("service:housing-fund-rent", await wait_for_screen("home"))
        versions = await tools.evaluate("version")
        await tap("take-ticket", await wait_for_screen("guide"))
        await wait_for_screen("insert-card")
        # The page follows the screen: a newer frame than before the tap is shown.
        await tools.wait_for("the page showing the new screen", f"version > {versions}", timeout=10)
        await tools.evaluate("document.querySelector('#card').value = 'resident'")
        box = await tools.box("#place")
        await tools.click(box["left"] + box["width"] / 2, box["top"] + box["height"] / 2)
        await tools.wait_for("the card placed", "document.querySelector('#status').textContent.startsWith('ok placed resident')", timeout=10)
        await wait_for_screen("ticket-issued")
        await asyncio.sleep(0.5)  # kioskd draws the screen it reports
        drawn = int(http("GET", run.url + "/screen.png")[1]["X-Frame-Version"])
        await tools.wait_for("the page showing the ticket's screen", f"version >= {drawn}", timeout=10)
        await tools.wait_for("the printed ticket on the page", "(() => { const i = document.querySelector('#tickets img.ticket');"
                             " return i !== null && i.complete && i.naturalWidth === 576 && i.alt === 'ticket-0001.png'; })()", timeout=15)
        shot = await tools.call("Page.captureScreenshot", format="png")
        os.makedirs(SCREENS, exist_ok=True)
        with open(f"{SCREENS}/demo-page.png", "wb") as f:
            f.write(base64.b64decode(shot["data"]))


def test_browser(work):
    try:
        import websockets  # noqa: F401
    except ImportError:
        raise Skipped(f"python3-websockets is not installed for {sys.executable} (make test installs it; run this with /usr/bin/python3)")
    if not os.access(CHROMIUM, os.X_OK):
        raise Skipped("chromium is not installed (make test installs it: scripts/install-deps.sh)")
    run = start_dev_run(f"{work}/run")
    profile = f"{work}/chromium"
    arguments = [CHROMIUM, "--headless=new", "--disable-gpu", "--remote-debugging-port=0", f"--user-data-dir={profile}",
                 "--window-size=1280,1000", "--no-first-run", "--no-default-browser-check", "--disable-extensions", "about:blank"]
    if os.geteuid() == 0:
        arguments.insert(1, "--no-sandbox")  # Chromium refuses root without it
    browser = None
    try:
        browser = subprocess.Popen(arguments, stdout=subprocess.DEVNULL, stderr=open(f"{work}/chromium.log", "w"), start_new_session=True)
        port_file = f"{profile}/DevToolsActivePort"
        wait_for("Chromium's DevTools port", lambda: os.path.exists(port_file) and open(port_file).read().split("\n")[0], timeout=30)
        port = int(open(port_file).read().split("\n")[0])
        asyncio.run(asyncio.wait_for(drive_browser(run, port), 50))
        seconds = run.stop()
        return f"clicked through to the printed ticket on the page (screenshot .build/screens/demo-page.png), stopped in {seconds:.1f} s"
    finally:
        if browser:
            try:
                os.killpg(browser.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            browser.wait()
        if run.process.poll() is None or run.leftovers():
            run.kill()


TESTS = [("boundary", test_boundary), ("smoke", test_smoke), ("browser", test_browser)]


def main(argv):
    wanted = set(argv[1:])
    for binary in ("kioskd", "kioskctl", "kiosk-sim", "kiosk-hall"):
        if not os.access(f"{BIN}/{binary}", os.X_OK):
            print(f"demo_test: {BIN}/{binary} is missing; run 'swift build' first (make test does)")
            return 2
    failed = 0
    for name, test in TESTS:
        if wanted and name not in wanted:
            continue
        # Short paths: Unix socket names are limited to 108 bytes.
        work = tempfile.mkdtemp(prefix="kdemo.")
        started = time.monotonic()
        try:
            note = test(work)
            print(f"PASS demo {name} ({time.monotonic() - started:.1f} s): {note}", flush=True)
            shutil.rmtree(work, ignore_errors=True)
        except Skipped as reason:
            print(f"SKIP demo {name}: {reason}", flush=True)
            shutil.rmtree(work, ignore_errors=True)
        except Exception as error:
            failed += 1
            detail = str(error) if isinstance(error, Failed) else traceback.format_exc()
            print(f"FAIL demo {name} ({time.monotonic() - started:.1f} s): {detail}\n  files kept in {work}", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
