#!/usr/bin/env python3
"""Runs INSIDE the guest. QEMU 7.2 has no touchscreen device (virtio-multitouch came in 8.0): its
tablet reports BTN_LEFT + ABS_X/Y in 0..32767. This bridge grabs the virtio tablet (EVIOCGRAB) and
re-emits every touch through /dev/uinput as a direct-touch screen, as a kiosk panel's driver
would: INPUT_PROP_DIRECT, BTN_TOUCH, ABS_X/Y and multitouch protocol B slot 0, in the panel's
pixels. It writes the new /dev/input/eventN into the file named by --ready.
usage: touchbridge.py --size WxH --ready FILE [--name NAME]
"""
import fcntl, glob, os, struct, sys, time

EV_SYN, EV_KEY, EV_ABS = 0, 1, 3
BTN_LEFT, BTN_TOUCH = 0x110, 0x14A
ABS_X, ABS_Y, ABS_MT_SLOT, ABS_MT_POSITION_X, ABS_MT_POSITION_Y, ABS_MT_TRACKING_ID = 0, 1, 0x2F, 0x35, 0x36, 0x39
INPUT_PROP_DIRECT = 1
UI_SET_EVBIT, UI_SET_KEYBIT, UI_SET_ABSBIT, UI_SET_PROPBIT = 0x40045564, 0x40045565, 0x40045567, 0x4004556E
UI_DEV_CREATE, EVIOCGRAB = 0x5501, 0x40044590
EVENT = struct.Struct("llHHi")


def argument(name, default=None):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def node_named(name):
    for event in sorted(glob.glob("/sys/class/input/event*")):
        with open(event + "/device/name") as f:
            if f.read().strip() == name:
                return "/dev/input/" + os.path.basename(event)
    return None


def main():
    width, height = map(int, argument("--size", "1080x1920").split("x"))
    name = argument("--name", "hil-touchscreen")
    deadline = time.time() + 30
    while not (source := node_named("QEMU Virtio Tablet")) and time.time() < deadline:
        time.sleep(0.1)
    tablet = os.open(source, os.O_RDONLY)
    fcntl.ioctl(tablet, EVIOCGRAB, 1)
    uinput = os.open("/dev/uinput", os.O_WRONLY | os.O_NONBLOCK)
    fcntl.ioctl(uinput, UI_SET_PROPBIT, INPUT_PROP_DIRECT)
    for kind in (EV_SYN, EV_KEY, EV_ABS):
        fcntl.ioctl(uinput, UI_SET_EVBIT, kind)
    fcntl.ioctl(uinput, UI_SET_KEYBIT, BTN_TOUCH)
    absmax = [0] * 64
    for axis, maximum in ((ABS_X, width - 1), (ABS_Y, height - 1), (ABS_MT_SLOT, 0), (ABS_MT_POSITION_X, width - 1),
                          (ABS_MT_POSITION_Y, height - 1), (ABS_MT_TRACKING_ID, 65535)):
        fcntl.ioctl(uinput, UI_SET_ABSBIT, axis)
        absmax[axis] = maximum
    # The legacy struct uinput_user_dev: name[80], input_id (bus USB, an eGalax-like id), ff_effects_max,
    # absmax, absmin, absfuzz, absflat [64] each.
    device = struct.pack("80sHHHHi", name.encode(), 0x03, 0x0EEF, 0x0001, 1, 0) + struct.pack("64i", *absmax) \
        + bytes(64 * 4 * 3)
    os.write(uinput, device)
    fcntl.ioctl(uinput, UI_DEV_CREATE)
    while not (node := node_named(name)) or not os.path.exists(node):
        time.sleep(0.05)
    print(f"touchbridge: {source} (grabbed) -> {node} '{name}' {width}x{height}", flush=True)
    ready = argument("--ready")
    if ready:
        with open(ready + ".tmp", "w") as f:
            f.write(node)
        os.rename(ready + ".tmp", ready)

    def emit(*events):
        os.write(uinput, b"".join(EVENT.pack(0, 0, t, c, v) for t, c, v in events + ((EV_SYN, 0, 0),)))

    x = y = 0
    down = button = moved = False
    tracking = 0
    while True:  # one frame (up to SYN_REPORT) in, one frame out
        data = os.read(tablet, EVENT.size * 64)
        for offset in range(0, len(data), EVENT.size):
            _, _, kind, code, value = EVENT.unpack_from(data, offset)
            if kind == EV_ABS and code in (ABS_X, ABS_Y):  # 0..32767 -> pixels
                pixel = round(value * ((width if code == ABS_X else height) - 1) / 32767)
                x, y = (pixel, y) if code == ABS_X else (x, pixel)
                moved = True
            elif kind == EV_KEY and code == BTN_LEFT:
                button = bool(value)
            elif kind == EV_SYN and code == 0:
                if button and not down:
                    tracking = (tracking + 1) & 0xFFFF
                    emit((EV_ABS, ABS_MT_SLOT, 0), (EV_ABS, ABS_MT_TRACKING_ID, tracking),
                         (EV_ABS, ABS_MT_POSITION_X, x), (EV_ABS, ABS_MT_POSITION_Y, y),
                         (EV_KEY, BTN_TOUCH, 1), (EV_ABS, ABS_X, x), (EV_ABS, ABS_Y, y))
                elif down and not button:
                    emit((EV_ABS, ABS_MT_SLOT, 0), (EV_ABS, ABS_MT_TRACKING_ID, -1), (EV_KEY, BTN_TOUCH, 0))
                elif down and moved:
                    emit((EV_ABS, ABS_MT_POSITION_X, x), (EV_ABS, ABS_MT_POSITION_Y, y),
                         (EV_ABS, ABS_X, x), (EV_ABS, ABS_Y, y))
                down, moved = button, False


main()
