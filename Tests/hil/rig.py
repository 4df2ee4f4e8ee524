"""Host side of the hardware-in-the-loop rig: one QEMU guest (Debian's kernel, busybox initramfs,
the host's root over 9p under a tmpfs overlay) with real kernel devices for kioskd:

  bochs-display        -> bochs DRM: /dev/dri/card0 and its fbdev emulation /dev/fb0 (XRGB8888)
  virtio-tablet-pci    -> evdev tablet; guest/touchbridge.py re-emits it through uinput as a
                          direct-touch multitouch screen
  qemu-xhci+usb-serial -> FTDI 0403:6001 on the xHCI bus, /dev/ttyUSB0 (ftdi_sio); its far end is
                          a unix socket QEMU listens on: a client connecting plugs it in, closing
                          unplugs it (kiosk-sim idcard --connect)
  virtio-blk           -> an ext4 image for kioskd's state directory (power-cut tests)
  virtio-net (user)    -> eth0 10.0.2.15; the host's loopback services (kiosk-hall, the printer
                          simulator) are at 10.0.2.2

The host drives it through QMP (screendump, input-send-event) and through the guest agent
(guest/agent.py) on the second serial port. Standard library only.
"""
import atexit, json, os, signal, socket, subprocess, threading, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
WORK = os.environ.get("HIL_WORK", os.path.join(ROOT, ".build", "hil", "rig"))
ABS_MAX = 0x7FFF  # QEMU's absolute pointer axes run 0..32767


class RigError(Exception):
    pass


_children = []


def track(process):
    """Kills `process` when the driver exits, however it exits: no QEMU or simulator is left behind."""
    _children.append(process)
    return process


@atexit.register
def _kill_children():
    for process in _children:
        if process.poll() is None:
            process.kill()
            process.wait()


def wait_for(predicate, timeout, interval=0.1, what="condition"):
    """Polls `predicate` until it returns something truthy; raises RigError naming `what`."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise RigError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(interval)


class QMP:
    """A QMP client: one connection, commands answered in order, events set aside."""

    def __init__(self, path, timeout=30.0):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(timeout)
        self.sock.connect(path)
        self.file = self.sock.makefile("rwb", buffering=0)
        self._read()  # greeting
        self.command("qmp_capabilities")

    def _read(self):
        line = self.file.readline()
        if not line:
            raise RigError("QEMU closed the QMP socket")
        return json.loads(line)

    def command(self, execute, **arguments):
        message = {"execute": execute}
        if arguments:
            message["arguments"] = arguments
        self.file.write(json.dumps(message).encode() + b"\n")
        while True:
            reply = self._read()
            if "event" in reply:
                continue
            if "error" in reply:
                raise RigError(f"QMP {execute}: {reply['error']}")
            return reply.get("return")

    def close(self):
        self.file.close()
        self.sock.close()


class Image:
    """A screendump: P6 PPM as QEMU writes it."""

    def __init__(self, path):
        with open(path, "rb") as f:
            data = f.read()
        fields, position = [], 0
        while len(fields) < 4:  # magic, width, height, maxval; QEMU writes no comments
            while data[position:position + 1].isspace():
                position += 1
            end = position
            while not data[end:end + 1].isspace():
                end += 1
            fields.append(data[position:end])
            position = end
        if fields[0] != b"P6":
            raise RigError(f"{path} is not a P6 PPM")
        self.width, self.height = int(fields[1]), int(fields[2])
        self.pixels = memoryview(data)[position + 1:]
        self.path = path

    def pixel(self, x, y):
        offset = (y * self.width + x) * 3
        return tuple(self.pixels[offset:offset + 3])

    def share_of(self, rgb, tolerance=8, step=16):
        """The share of sampled pixels within `tolerance` of `rgb` (every `step`th pixel each way)."""
        hits = total = 0
        for y in range(0, self.height, step):
            for x in range(0, self.width, step):
                p = self.pixel(x, y)
                total += 1
                hits += all(abs(a - b) <= tolerance for a, b in zip(p, rgb))
        return hits / total

    def is_black(self):
        return self.share_of((0, 0, 0), tolerance=2) > 0.999


class AgentClient:
    """The guest agent's JSON-lines protocol over QEMU's second serial port (a unix socket)."""

    def __init__(self, path):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(path)
        self.replies, self.hello = {}, None
        self.cond = threading.Condition()
        self.next_id = 1
        self.closed = False
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        buffer = b""
        while True:
            try:
                chunk = self.sock.recv(65536)
            except OSError:
                chunk = b""
            if not chunk:
                with self.cond:
                    self.closed = True
                    self.cond.notify_all()
                return
            buffer += chunk
            while b"\n" in buffer:
                line, buffer = buffer.split(b"\n", 1)
                try:
                    message = json.loads(line)
                except ValueError:
                    continue
                with self.cond:
                    if "hello" in message:
                        self.hello = message["hello"]
                    else:
                        self.replies[message.get("id")] = message
                    self.cond.notify_all()

    def wait_hello(self, timeout):
        with self.cond:
            if not self.cond.wait_for(lambda: self.hello is not None or self.closed, timeout):
                raise RigError(f"the guest agent did not start within {timeout:.0f} s")
            if self.hello is None:
                raise RigError("the guest went away before its agent started")
            return self.hello

    def send(self, request):
        with self.cond:
            request["id"] = self.next_id
            self.next_id += 1
        self.sock.sendall((json.dumps(request) + "\n").encode())
        return request["id"]

    def result(self, request_id, timeout):
        with self.cond:
            if not self.cond.wait_for(lambda: request_id in self.replies or self.closed, timeout):
                raise RigError(f"the guest agent gave no answer within {timeout:.0f} s")
            if request_id not in self.replies:
                raise RigError("the guest went away (QEMU stopped) before answering")
            return self.replies.pop(request_id)

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass


class Result:
    def __init__(self, reply, command):
        self.rc = reply.get("rc", 125)
        self.out = reply.get("out", "")
        self.err = reply.get("err", "") + reply.get("error", "")
        self.command = command

    def json(self):
        try:
            return json.loads(self.out)
        except ValueError:
            raise RigError(f"'{self.command}' did not print JSON: {self.out[:400]!r} {self.err[:400]!r}")

    def __repr__(self):
        return f"rc={self.rc} out={self.out[-800:]!r} err={self.err[-800:]!r}"


class Guest:
    """One QEMU guest. Use as a context manager; leaving it powers the guest off (or kills it)."""

    def __init__(self, run_dir, *, width=1080, height=1920, card_socket=None, disk=None, udev=True,
                 network=False, memory=1024, timeout=600):
        self.run_dir = os.path.abspath(run_dir)
        if " " in self.run_dir:
            raise RigError("the run directory goes on the kernel command line: no spaces")
        os.makedirs(self.run_dir, exist_ok=True)
        self.width, self.height = width, height
        self.card_socket, self.disk, self.udev, self.network = card_socket, disk, udev, network
        self.memory, self.timeout = memory, timeout
        self.process = self.agent = self.watchdog = None
        self.boot_seconds = None
        self.qmp_path = os.path.join(self.run_dir, "qmp.sock")
        self.agent_path = os.path.join(self.run_dir, "agent.sock")
        self.console = os.path.join(self.run_dir, "console.log")
        self.shots = 0

    def command_line(self):
        append = ("console=ttyS0 quiet loglevel=3 panic=-1 vt.global_cursor_default=0 "
                  f"hil.share={self.run_dir} hil.agent={HERE}/guest/agent.py")
        if self.udev:
            append += f" hil.udev={WORK}/udev"
        line = ["qemu-system-x86_64", "-accel", "tcg", "-cpu", "max", "-nodefaults", "-machine", "q35",
                "-m", str(self.memory), "-smp", "1",
                "-kernel", f"{WORK}/vmlinux", "-initrd", f"{WORK}/initrd.gz", "-append", append,
                "-display", "none",
                "-device", f"bochs-display,id=video0,xres={self.width},yres={self.height}",
                "-device", "qemu-xhci,id=xhci", "-device", "virtio-tablet-pci,id=tablet0",
                "-virtfs", "local,path=/,mount_tag=hostroot,security_model=none,readonly=on,multidevs=remap,id=hostroot",
                "-virtfs", f"local,path={self.run_dir},mount_tag=share,security_model=none,id=share",
                "-chardev", f"file,id=console0,path={self.console}", "-serial", "chardev:console0",
                "-chardev", f"socket,id=agent0,path={self.agent_path},server=on,wait=off", "-serial", "chardev:agent0",
                "-qmp", f"unix:{self.qmp_path},server=on,wait=off", "-no-reboot"]
        # QEMU's user network (slirp): the guest reaches the host's 127.0.0.1 as 10.0.2.2.
        line += ["-nic", "user,model=virtio-net-pci"] if self.network else ["-nic", "none"]
        if self.card_socket:
            line += ["-chardev", f"socket,id=usbserial0,path={self.card_socket},server=on,wait=off",
                     "-device", "usb-serial,bus=xhci.0,chardev=usbserial0,id=usbserial0"]
        if self.disk:
            line += ["-drive", f"file={self.disk},format=raw,if=none,id=disk0,cache=writeback",
                     "-device", "virtio-blk-pci,drive=disk0,serial=kiosk-state"]
        return line

    def start(self):
        for path in (self.qmp_path, self.agent_path, self.card_socket):
            if path and os.path.exists(path):
                os.unlink(path)
        started = time.monotonic()
        self.process = track(subprocess.Popen(self.command_line(), stdin=subprocess.DEVNULL,
                                              stdout=open(os.path.join(self.run_dir, "qemu.log"), "wb"),
                                              stderr=subprocess.STDOUT))
        # However a test goes wrong, the guest never outlives `timeout`.
        self.watchdog = threading.Timer(self.timeout, self.process.kill)
        self.watchdog.daemon = True
        self.watchdog.start()
        wait_for(lambda: os.path.exists(self.agent_path) or self.process.poll() is not None, 15,
                 what="QEMU's agent socket")
        if self.process.poll() is not None:
            raise RigError(f"QEMU exited with {self.process.returncode}: {self.tail('qemu.log')}")
        self.agent = AgentClient(self.agent_path)
        try:
            self.agent.wait_hello(120)
        except RigError as error:
            raise RigError(f"{error}; console: {self.tail('console.log')}")
        self.boot_seconds = time.monotonic() - started
        return self

    def tail(self, name, lines=15):
        try:
            with open(os.path.join(self.run_dir, name), errors="replace") as f:
                return "".join(f.readlines()[-lines:])
        except OSError:
            return "(none)"

    # Commands in the guest

    def run(self, command, timeout=60, check=True):
        request = self.agent.send({"op": "run", "cmd": command, "timeout": timeout})
        result = Result(self.agent.result(request, timeout + 15), command)
        if check and result.rc != 0:
            raise RigError(f"in the guest, '{command}' failed: {result!r}")
        return result

    def run_in_background(self, command, timeout=60):
        """Starts `command`; call the returned function to wait for its Result."""
        request = self.agent.send({"op": "run", "cmd": command, "timeout": timeout})
        return lambda: Result(self.agent.result(request, timeout + 15), command)

    def spawn(self, command, log, env=None):
        request = self.agent.send({"op": "spawn", "cmd": command, "log": log, "env": env or {}})
        reply = self.agent.result(request, 30)
        if "pid" not in reply:
            raise RigError(f"cannot start '{command}' in the guest: {reply}")
        return reply["pid"]

    # The host's view: display and touch

    def qmp(self):
        return QMP(self.qmp_path)

    def screendump(self, name=None):
        self.shots += 1
        path = os.path.join(self.run_dir, name or f"screen-{self.shots:03d}.ppm")
        q = self.qmp()
        try:
            q.command("screendump", filename=path)
        finally:
            q.close()
        return Image(path)

    def tap(self, x, y, hold=0.08):
        """A finger at screen pixel (x, y) of the panel as QEMU shows it, then lifted."""
        ax = round(x * ABS_MAX / max(self.width - 1, 1))
        ay = round(y * ABS_MAX / max(self.height - 1, 1))
        position = [{"type": "abs", "data": {"axis": "x", "value": ax}},
                    {"type": "abs", "data": {"axis": "y", "value": ay}}]
        q = self.qmp()
        try:
            q.command("input-send-event", events=position + [{"type": "btn", "data": {"button": "left", "down": True}}])
            time.sleep(hold)
            q.command("input-send-event", events=[{"type": "btn", "data": {"button": "left", "down": False}}])
        finally:
            q.close()

    # Power

    def poweroff(self, timeout=30):
        if self.process and self.process.poll() is None:
            try:
                self.agent.send({"op": "poweroff"})
                self.process.wait(timeout)
            except (OSError, subprocess.TimeoutExpired):
                self.kill()
        self.close()

    def kill(self):
        """A power cut: QEMU gets SIGKILL, nothing in the guest is flushed or unmounted."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(10)
        self.close()

    def close(self):
        if self.watchdog:
            self.watchdog.cancel()
        if self.agent:
            self.agent.close()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.poweroff()
