"""Scenarios of the citizen's journey: buttons found through `kioskctl screen status` (the
journey's screen and its touch targets in UI pixels), tapped through QMP at their place on the
panel; the hall and the receipt printer run on the host."""
import json, os, shutil, sqlite3, subprocess, time

from kiosk import (BACKGROUND, LANDSCAPE, NOTICE_FILL, PORTRAIT, ROOT, STATE_MOUNT, CardSimulator, HallServer, Kiosk,
                   PrinterSimulator, ScenarioFailed, boot_with_disk, card_status, changed, expect, first_frame, make_disk,
                   screen_status, tap_and_time, tap_button, target, wait_card, wait_for_screen, wait_screen)

RESIDENT = {"name": "张伟", "id": "530622199001010012"}  # kiosk-sim's sample card 'resident'


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
    wait_for_screen(guest, lambda image: image.share_of(NOTICE_FILL, tolerance=6, step=4) > baseline + 0.002, 20,
                           "a notice that the reader is unavailable")
    metrics["unplug-to-notice"] = time.monotonic() - unplugged
    guest.screendump("home-reader-unavailable.ppm")
    expect(len(kiosk.events("device.fault")) == faults + 1, "no device.fault journaled for the unplugged reader")
    plugged = time.monotonic()
    sim.send("plug")
    wait_card(kiosk, lambda s: s.get("state") == "ready", 40, "kioskd to recover the reader by itself")
    wait_for_screen(guest, lambda image: image.share_of(NOTICE_FILL, tolerance=6, step=4) <= baseline + 0.0005, 20,
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
