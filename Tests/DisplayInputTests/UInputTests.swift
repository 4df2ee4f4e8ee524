import CLinuxDevices
import DeviceDrivers
import Foundation
import Testing

/// A real evdev device made through /dev/uinput: `configure` sets its event bits and axes, then
/// it is created and its /dev/input/eventN found. Destroying it (or `unplug`) is an unplug.
final class UInputDevice {
    let descriptor: CInt
    let eventPath: String

    init(name: String, bus: CInt, configure: (CInt) -> Void) throws {
        descriptor = open("/dev/uinput", O_WRONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        configure(descriptor)
        var setup = uinput_setup()
        setup.id.bustype = UInt16(bus)
        withUnsafeMutableBytes(of: &setup.name) { bytes in
            for (index, byte) in name.utf8.enumerated() { bytes[index] = byte }
        }
        guard kiosk_uinput_dev_setup(descriptor, &setup) == 0, kiosk_uinput_dev_create(descriptor) == 0 else {
            let failure = errno
            close(descriptor)
            throw POSIXError(.init(rawValue: failure) ?? .EIO)
        }
        var sysname = [CChar](repeating: 0, count: 64)
        _ = kiosk_uinput_get_sysname(descriptor, &sysname, 64)
        let directory = String(decoding: sysname.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // The input device's directory holds its eventN.
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/sys/devices/virtual/input/\(directory)")) ?? []
        eventPath = "/dev/input/" + (entries.first { $0.hasPrefix("event") } ?? "event-missing")
    }

    /// A touchscreen: MT protocol B, 2 slots, 0...4095, INPUT_PROP_DIRECT.
    static func touchscreen() throws -> UInputDevice {
        try UInputDevice(name: "kioskd test touchscreen", bus: BUS_VIRTUAL) { descriptor in
            _ = kiosk_uinput_set_evbit(descriptor, EV_KEY)
            _ = kiosk_uinput_set_keybit(descriptor, BTN_TOUCH)
            _ = kiosk_uinput_set_evbit(descriptor, EV_ABS)
            _ = kiosk_uinput_set_propbit(descriptor, INPUT_PROP_DIRECT)
            for (code, maximum) in [(ABS_X, 4095), (ABS_Y, 4095), (ABS_MT_SLOT, 1), (ABS_MT_TRACKING_ID, 65535), (ABS_MT_POSITION_X, 4095), (ABS_MT_POSITION_Y, 4095)] {
                _ = kiosk_uinput_set_absbit(descriptor, code)
                var setup = uinput_abs_setup()
                setup.code = UInt16(code)
                setup.absinfo.maximum = Int32(maximum)
                _ = kiosk_uinput_abs_setup(descriptor, &setup)
            }
        }
    }

    /// A keyboard, as a USB HID scanner presents itself.
    static func keyboard() throws -> UInputDevice {
        try UInputDevice(name: "kioskd test scanner", bus: BUS_USB) { descriptor in
            _ = kiosk_uinput_set_evbit(descriptor, EV_KEY)
            for code in 1..<128 { _ = kiosk_uinput_set_keybit(descriptor, CInt(code)) }
        }
    }

    /// Unplugs the device (UI_DEV_DESTROY): readers get ENODEV.
    func unplug() { _ = kiosk_uinput_dev_destroy(descriptor) }

    func send(_ events: [InputEvent]) {
        let bytes = events.flatMap(\.bytes)
        _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    }

    deinit {
        _ = kiosk_uinput_dev_destroy(descriptor)
        close(descriptor)
    }
}

struct UInputTests {
    static let uinputAvailable = access("/dev/uinput", W_OK) == 0

    /// Should read a real evdev touchscreen (uinput): axis ranges from EVIOCGABS, grabbed, a tap in UI pixels
    @Test(.enabled(if: uinputAvailable, "/dev/uinput is not available on this machine (no uinput module or no permission)"))
    func realEvdevTouchscreen() async throws {
        let panel = try UInputDevice.touchscreen()
        // udev needs a moment to create the node.
        for _ in 0..<50 where access(panel.eventPath, R_OK) != 0 { try await Task.sleep(for: .milliseconds(20)) }
        let touch = try TouchScreen.open(panel.eventPath, panelWidth: 4096, panelHeight: 4096)
        #expect(touch.device.kind == .evdev && touch.isMultitouch)
        #expect(touch.device.name == "kioskd test touchscreen")
        #expect(touch.mapping.xRange == TouchMapping.AxisRange(minimum: 0, maximum: 4095))
        let stream = touch.events()
        panel.send([.abs(slot, 0), .abs(trackingID, 1), .abs(mtX, 1000), .abs(mtY, 2000), .key(KeyCode.buttonTouch, 1), .report,
                    .abs(trackingID, -1), .key(KeyCode.buttonTouch, 0), .report])
        var received: [TouchEvent] = []
        for try await event in stream {
            received.append(event)
            if received.count == 2 { break }
        }
        #expect(received == [TouchEvent(.down, contact: 1, x: 1000, y: 2000), TouchEvent(.up, contact: 1, x: 1000, y: 2000)])
    }

    /// Should end the stream with a DeviceError naming the device when it is unplugged (ENODEV)
    @Test(.enabled(if: uinputAvailable, "/dev/uinput is not available on this machine (no uinput module or no permission)"))
    func unplugEndsWithDeviceError() async throws {
        let panel = try UInputDevice.touchscreen()
        for _ in 0..<50 where access(panel.eventPath, R_OK) != 0 { try await Task.sleep(for: .milliseconds(20)) }
        let touch = try TouchScreen.open(panel.eventPath, panelWidth: 4096, panelHeight: 4096)
        let stream = touch.events()
        panel.unplug()
        await #expect {
            for try await _ in stream {}
        } throws: { error in
            guard let error = error as? DeviceError else { return false }
            return error.code == .notConnected && error.message.contains("'\(panel.eventPath)' went away")
        }
    }

    /// Should resynchronise from the device's slots (EVIOCGMTSLOTS) after the kernel's queue overflowed (SYN_DROPPED)
    @Test(.enabled(if: uinputAvailable, "/dev/uinput is not available on this machine (no uinput module or no permission)"))
    func overflowResynchronisesFromSlots() async throws {
        let panel = try UInputDevice.touchscreen()
        for _ in 0..<50 where access(panel.eventPath, R_OK) != 0 { try await Task.sleep(for: .milliseconds(20)) }
        let touch = try TouchScreen.open(panel.eventPath, panelWidth: 4096, panelHeight: 4096)
        // Nobody reads yet: 2000 frames overflow the client's queue, and the kernel replaces
        // what it dropped with SYN_DROPPED. The finger stays down at (2010, 500).
        panel.send([.abs(slot, 0), .abs(trackingID, 1), .abs(mtX, 10), .abs(mtY, 500), .key(KeyCode.buttonTouch, 1), .report])
        for x in 11...2010 { panel.send([.abs(mtX, Int32(x)), .report]) }
        let stream = touch.events()
        try await Task.sleep(for: .milliseconds(200))
        panel.send([.abs(trackingID, -1), .key(KeyCode.buttonTouch, 0), .report])
        var received: [TouchEvent] = []
        for try await event in stream {
            received.append(event)
            if event.phase == .up { break }
        }
        #expect(received.first?.phase == .down && received.first?.contact == 1)
        #expect(received.last == TouchEvent(.up, contact: 1, x: 2010, y: 500))
        #expect(received.filter { $0.phase == .down }.count == 1)
        // Proof that the queue did overflow: most of the 2000 moves never arrived.
        #expect(received.count < 1000, "\(received.count) events: no overflow happened")
    }

    /// Should grab a real evdev scanner exclusively (a second grab is refused as busy) and decode its codes
    @Test(.enabled(if: uinputAvailable, "/dev/uinput is not available on this machine (no uinput module or no permission)"))
    func realScannerIsGrabbed() async throws {
        let keyboard = try UInputDevice.keyboard()
        for _ in 0..<50 where access(keyboard.eventPath, R_OK) != 0 { try await Task.sleep(for: .milliseconds(20)) }
        let scanner = try BarcodeScanner.open(keyboard.eventPath)
        #expect(scanner.device.name == "kioskd test scanner")
        #expect {
            _ = try BarcodeScanner.open(keyboard.eventPath)
        } throws: { error in
            (error as? DeviceError)?.code == .busy
        }
        let codes = scanner.codes()
        // At a scanner's pace (about a key a millisecond): all at once would overflow the
        // kernel's queue, and the code would be discarded.
        let strokes = scannerKeystrokes("https://a.cn/Q?x=1&y=Z")
        for start in stride(from: 0, to: strokes.count, by: 4) {
            keyboard.send(Array(strokes[start..<min(start + 4, strokes.count)]))
            try await Task.sleep(for: .milliseconds(1))
        }
        for try await code in codes {
            #expect(code == "https://a.cn/Q?x=1&y=Z")
            break
        }
    }
}
