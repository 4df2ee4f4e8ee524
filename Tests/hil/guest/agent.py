#!/usr/bin/env python3
"""Runs INSIDE the hardware-in-the-loop guest (the host's python3 through the 9p root), started
by Tests/hil/init on the second serial port. The host (Tests/hil/rig.py) sends one JSON request
per line and gets one JSON answer per line with the same id; requests run on their own threads,
so a long command (a touch test) does not hold up the others.

  {"id": 1, "op": "run", "cmd": "shell command", "timeout": 30}  -> {"id": 1, "rc": 0, "out": "...", "err": "..."}
  {"id": 2, "op": "spawn", "cmd": "shell command", "log": PATH}  -> {"id": 2, "pid": 123}   (runs on, output to PATH)
  {"id": 3, "op": "poweroff"}                                     -> {"id": 3, "rc": 0}, then init powers off
"""
import json, os, subprocess, sys, threading, tty

port = os.open(sys.argv[1], os.O_RDWR | os.O_NOCTTY)
tty.setraw(port)
write_lock = threading.Lock()


def answer(message):
    data = (json.dumps(message) + "\n").encode()
    with write_lock:
        while data:
            data = data[os.write(port, data):]


def serve(request):
    op = request.get("op")
    reply = {"id": request.get("id")}
    try:
        if op == "run":
            done = subprocess.run(["/bin/sh", "-c", request["cmd"]], capture_output=True,
                                  timeout=request.get("timeout", 60), stdin=subprocess.DEVNULL)
            reply.update(rc=done.returncode, out=done.stdout.decode(errors="replace"),
                         err=done.stderr.decode(errors="replace"))
        elif op == "spawn":
            log = open(request.get("log", "/dev/null"), "ab")
            child = subprocess.Popen(["/bin/sh", "-c", "exec " + request["cmd"]], stdin=subprocess.DEVNULL,
                                     stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
                                     env=dict(os.environ, **request.get("env", {})))
            threading.Thread(target=child.wait, daemon=True).start()  # reap it when it ends
            reply.update(pid=child.pid)
        else:
            reply.update(error=f"unknown op {op!r}")
    except subprocess.TimeoutExpired as timeout:
        reply.update(rc=124, out=(timeout.stdout or b"").decode(errors="replace"),
                     err=(timeout.stderr or b"").decode(errors="replace") + f"\n(timed out after {timeout.timeout}s)")
    except Exception as error:  # the host gets the reason instead of a silent guest
        reply.update(rc=125, error=f"{type(error).__name__}: {error}")
    answer(reply)


with open("/proc/uptime") as uptime:
    answer({"hello": float(uptime.read().split()[0])})
pending = b""
while True:
    chunk = os.read(port, 65536)
    if not chunk:
        break
    pending += chunk
    while b"\n" in pending:
        line, pending = pending.split(b"\n", 1)
        try:
            request = json.loads(line)
        except ValueError:
            continue  # noise on the line before the host connected
        if request.get("op") == "poweroff":
            os.sync()
            answer({"id": request.get("id"), "rc": 0})
            sys.exit(0)
        threading.Thread(target=serve, args=(request,), daemon=True).start()
