#!/usr/bin/env python3
"""make test-api: docs/hall-api.yaml attacked by schemathesis against a live kiosk-hall.

Needs .build/debug/kiosk-hall (make build). Makes a venv in .build/venv-api with the pinned
schemathesis from PyPI (once), enrolls kiosk K-API in a temporary state directory, starts
`kiosk-hall serve` on a free loopback port with dev/catalog-sample.json, then runs schemathesis
three times, each phase (examples, coverage, fuzzing, stateful) with at most HALL_API_EXAMPLES
(default 50) generated cases per operation:

  own       every operation, with K-API's certificate and K-API as the path's and the body's
            kiosk: every check schemathesis has (no 5xx; status codes, content types, headers and
            bodies as documented; schema-violating requests refused; valid ones accepted, where
            2xx, 304, 404, 409 and 422 count as accepted because the rules the schema cannot say
            (consecutive sequences, a payload that is a JSON object, a category in the catalog,
            a booking that exists) answer those).
  foreign   the /v1/kiosks/{kioskID} routes with generated kiosk ids and K-API's certificate:
            each must get 403 wrong_kiosk (hall_api_hooks.py), besides the document's checks.
  anonymous the /v1 routes without a client certificate: each must get 401 unauthenticated.

After each run the hall must still be running; at the end SIGTERM must stop it with status 0,
and its log must hold no error or critical line.
Prints the requests each operation got, by status. Exit status 0 when all of that held.
"""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SCHEMATHESIS_VERSION = "4.32.5"
ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
VENV = ROOT / ".build" / "venv-api"
HALL = ROOT / ".build" / "debug" / "kiosk-hall"
DOCUMENT = ROOT / "docs" / "hall-api.yaml"
CATALOG = ROOT / "dev" / "catalog-sample.json"
KIOSK = "K-API"
EXAMPLES = int(os.environ.get("HALL_API_EXAMPLES", "50"))
SEED = os.environ.get("HALL_API_SEED", "19")


def log(message):
    print(f"test-api: {message}", flush=True)


def ensure_venv():
    """The venv with schemathesis SCHEMATHESIS_VERSION; made again when the version differs."""
    binary = VENV / "bin" / "schemathesis"
    if binary.exists():
        found = subprocess.run([str(binary), "--version"], capture_output=True, text=True).stdout
        if SCHEMATHESIS_VERSION in found:
            return binary
        shutil.rmtree(VENV)
    log(f"making {VENV.relative_to(ROOT)} with schemathesis {SCHEMATHESIS_VERSION} from PyPI")
    # Debian's python3 needs python3-venv for this (scripts/install-deps.sh installs it).
    subprocess.run(["/usr/bin/python3", "-m", "venv", str(VENV)], check=True)
    subprocess.run([str(VENV / "bin" / "pip"), "install", "--quiet", "--disable-pip-version-check",
                    f"schemathesis=={SCHEMATHESIS_VERSION}"], check=True)
    return binary


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Hall:
    """kiosk-hall serve in its own state directory, its output in files."""

    def __init__(self, directory):
        self.directory = directory
        self.state = directory / "hall-state"
        self.credentials = directory / KIOSK
        enrolled = subprocess.run([str(HALL), "enroll", KIOSK, "--state-directory", str(self.state), "--output", str(self.credentials)],
                                  capture_output=True, text=True)
        if enrolled.returncode != 0:
            sys.exit(f"test-api: kiosk-hall enroll failed:\n{enrolled.stderr}")
        # A booking and a case with the document's example values, so that the examples reach
        # the 200 answers of check-in and progress too (and their schemas are checked).
        self.load("import-bookings", "bookings.json", [{"code": "BK-20261201-0001", "holder": "0" * 64, "date": "2026-03-02", "category": "A", "serviceID": "api-test"}])
        self.load("import-progress", "progress.json", [{"caseNumber": "2026-000123", "status": "ready for pickup", "nextStep": "Collect at window 12 with your ID card", "updatedAtMs": 1772409600000}])
        self.process = None

    def load(self, command, name, records):
        path = self.directory / name
        path.write_text(json.dumps(records))
        loaded = subprocess.run([str(HALL), command, str(path), "--state-directory", str(self.state)], capture_output=True, text=True)
        if loaded.returncode != 0:
            sys.exit(f"test-api: kiosk-hall {command} failed:\n{loaded.stderr}")

    def start(self):
        for _ in range(5):
            self.port = free_port()
            self.stdout = self.directory / "hall.stdout"
            self.stderr = self.directory / "hall.stderr"
            with open(self.stdout, "w") as out, open(self.stderr, "w") as err:
                self.process = subprocess.Popen(
                    [str(HALL), "serve", "--state-directory", str(self.state), "--port", str(self.port), "--catalog", str(CATALOG)],
                    stdout=out, stderr=err, cwd=self.directory)
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and self.process.poll() is None:
                if "kiosk-hall listening on" in self.stdout.read_text():
                    return
                time.sleep(0.05)
            self.process.kill()
            self.process.wait()
            # Another program took the port between picking and binding it: pick again.
            if "Address already in use" not in self.stderr.read_text():
                break
        sys.exit(f"test-api: kiosk-hall serve did not start:\n{self.stderr.read_text()}")

    @property
    def url(self):
        return f"https://127.0.0.1:{self.port}"

    def running(self):
        return self.process.poll() is None

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            return None


def config(*, kiosk_path, positive_statuses):
    """schemathesis.toml for one run."""
    lines = [
        f"seed = {SEED}",
        # One at a time: on Debian 12's python3 (3.11.2) two workers made hypothesis trip over
        # CPython's "AST constructor recursion depth mismatch" SystemError now and then.
        "workers = 1",
        "request-timeout = 30",
        "",
        "[generation]",
        f"max-examples = {EXAMPLES}",
        "",
        "[checks]",
        # The hall has no resources to create and delete, and a certificate is not a credential
        # schemathesis can leave out per request (the anonymous run does that).
        "use_after_free.enabled = false",
        "ensure_resource_availability.enabled = false",
        "ignored_auth.enabled = false",
        "object_level_authorization.enabled = false",
        f"positive_data_acceptance.expected-statuses = {json.dumps(positive_statuses)}",
        # Schema-violating requests must be refused: the default list plus 413, the hall's answer
        # to an oversized batch or too many devices.
        'negative_data_rejection.expected-statuses = [400, 401, 403, 404, 406, 409, 413, 415, 422, 428, 429]',
        "",
        "[parameters]",
        f'"body.kioskID" = "{KIOSK}"',
    ]
    if kiosk_path:
        lines.append(f'"path.kioskID" = "{KIOSK}"')
    return "\n".join(lines) + "\n"


def run_schemathesis(binary, hall, name, directory, *, kiosk_path, positive_statuses, include_path_regex, certificate):
    run_directory = directory / name
    run_directory.mkdir()
    config_path = run_directory / "schemathesis.toml"
    config_path.write_text(config(kiosk_path=kiosk_path, positive_statuses=positive_statuses))
    counts_path = run_directory / "counts.json"
    environment = dict(os.environ, PYTHONPATH=str(HERE), SCHEMATHESIS_HOOKS="hall_api_hooks", HALL_API_KIOSK=KIOSK,
                       HALL_API_COUNTS=str(counts_path), HALL_API_NO_CERT="0" if certificate else "1")
    command = [str(binary), "--config-file", str(config_path), "run", str(DOCUMENT), "--url", hall.url,
               "--tls-verify", str(hall.credentials / "hall-ca.pem"), "--checks", "all",
               "--include-path-regex", include_path_regex,
               "--report", "junit", "--report-dir", str(run_directory / "report"), "--no-color"]
    if certificate:
        command += ["--request-cert", str(hall.credentials / f"{KIOSK}.pem"), "--request-cert-key", str(hall.credentials / f"{KIOSK}-key.pem")]
    log(f"run '{name}': {' '.join(command[1:])}")
    started = time.monotonic()
    result = subprocess.run(command, cwd=run_directory, env=environment)
    seconds = time.monotonic() - started
    counts = json.loads(counts_path.read_text()) if counts_path.exists() else {}
    return result.returncode, seconds, counts


def main():
    if not HALL.exists():
        sys.exit(f"test-api: {HALL.relative_to(ROOT)} is missing; run 'swift build' (make build) first.")
    binary = ensure_venv()
    directory = Path(tempfile.mkdtemp(prefix="hall-api-"))
    hall = Hall(directory)
    hall.start()
    log(f"kiosk-hall on {hall.url}, state in {directory}")
    runs = [
        ("own", dict(kiosk_path=True, positive_statuses=["2XX", 304, 404, 409, 422], include_path_regex="^/", certificate=True)),
        ("foreign", dict(kiosk_path=False, positive_statuses=[403], include_path_regex="^/v1/kiosks/", certificate=True)),
        ("anonymous", dict(kiosk_path=True, positive_statuses=[401], include_path_regex="^/v1/", certificate=False)),
    ]
    failures = []
    summary = []
    for name, options in runs:
        status, seconds, counts = run_schemathesis(binary, hall, name, directory, **options)
        summary.append((name, seconds, counts))
        if status != 0:
            failures.append(f"schemathesis run '{name}' failed (exit {status}); see its output above")
        if not hall.running():
            failures.append(f"kiosk-hall exited (status {hall.process.returncode}) during run '{name}':\n{hall.stderr.read_text()[-4000:]}")
            break
    if hall.running():
        exit_status = hall.stop()
        if exit_status != 0:
            failures.append(f"kiosk-hall did not stop cleanly on SIGTERM (status {exit_status})")
    # Every refusal is the request's fault: the hall itself must have logged no error.
    logged = [line for line in hall.stderr.read_text().splitlines() if line.split(" ")[1:2] in (["error"], ["critical"])]
    if logged:
        failures.append("kiosk-hall logged errors:\n" + "\n".join(logged[:20]))

    print()
    for name, seconds, counts in summary:
        total = sum(sum(by_status.values()) for by_status in counts.values())
        print(f"run '{name}': {total} requests in {seconds:.0f} s")
        for operation in sorted(counts):
            by_status = counts[operation]
            statuses = ", ".join(f"{code}: {n}" for code, n in sorted(by_status.items()))
            print(f"  {operation:42} {sum(by_status.values()):5}   ({statuses})")
    if failures:
        print()
        for failure in failures:
            print(f"test-api: FAILED: {failure}")
        print(f"test-api: the hall's state and logs are kept in {directory}")
        return 1
    shutil.rmtree(directory)
    log("passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
