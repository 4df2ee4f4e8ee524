#!/usr/bin/env python3
"""kioskd's hardware-in-the-loop suite: the real kioskd in a QEMU guest, against real kernel
devices (bochs DRM and its fbdev, a uinput touchscreen, an FTDI reader on the xHCI bus behind
kiosk-sim, an ext4 disk on virtio-blk), checked from the host through QMP screendumps and from
inside through kioskctl and the journal. `make test-hil` runs it; see docs/testing.md.

usage: hil.py [SCENARIO-or-GROUP ...]     (default: all; names are printed with each result)
Each scenario prints PASS or FAIL with its time and measurements; the exit status is 1 if any failed.
Run directories (console, kioskd's log, screendumps) are kept under .build/hil/runs/.
"""
import os, shutil, signal, subprocess, sys, time, traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from devices import (card_read, card_unplug_replug, device_tests_setup, drm_first_frame, drm_setup,  # noqa: E402
                     drm_touch_rotated, fbdev_first_frame, fbdev_setup, fbdev_touch, swift_display_tests_drm,
                     swift_display_tests_fbdev, swift_uinput_tests)
from journey import (attract_tap_home, button_rotation_90, card_shown_masked, journey_setup,  # noqa: E402
                     reader_unavailable_on_screen, ticket_power_cut)
from kiosk import BIN, ROOT, RUNS, ScenarioFailed  # noqa: E402
from rig import RigError  # noqa: E402


class Group:
    """Scenarios that share one guest, set up by `setup(run_dir, metrics) -> env`, run in order."""

    def __init__(self, name, setup, scenarios):
        self.name, self.setup, self.scenarios = name, setup, scenarios


GROUPS = [
    Group("fbdev", fbdev_setup, [("fbdev-first-frame", fbdev_first_frame), ("touch-tap", fbdev_touch),
                                  ("card-read", card_read), ("card-unplug-replug", card_unplug_replug)]),
    Group("drm-rotation-90", drm_setup, [("drm-first-frame", drm_first_frame), ("touch-rotation-90", drm_touch_rotated),
                                            ("button-rotation-90", button_rotation_90)]),
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
