import DeviceDrivers
import Testing

struct DeviceOpeningTests {
    /// Should fail to open a missing framebuffer with a DeviceError naming the path
    @Test func missingFramebuffer() async {
        await #expect {
            _ = try await openDisplay("/dev/fb9")
        } throws: { error in
            guard let error = error as? DeviceError else { return false }
            return error.code == .notConnected && error.message.contains("'/dev/fb9'")
        }
    }

    /// Should say clearly that there is no DRM device, with the path and what to do
    @Test func missingDRMDevice() async {
        await #expect {
            _ = try await openDisplay("drm:/dev/dri/card7")
        } throws: { error in
            guard let error = error as? DeviceError else { return false }
            return error.code == .notConnected && error.message.contains("No DRM device at '/dev/dri/card7'")
        }
    }

    /// Should fail to open a missing input device with a DeviceError naming the path
    @Test func missingInputDevice() {
        #expect {
            _ = try TouchScreen.open("/dev/input/event99", panelWidth: 800, panelHeight: 480)
        } throws: { error in
            guard let error = error as? DeviceError else { return false }
            return error.code == .notConnected && error.message.contains("'/dev/input/event99'")
        }
        #expect(throws: DeviceError.self) { _ = try BarcodeScanner.open("/dev/input/event98") }
    }

    /// Should refuse an unknown kind of display location
    @Test func unknownLocation() async {
        await #expect {
            _ = try await openDisplay("vnc:5900")
        } throws: { error in
            (error as? DeviceError)?.message.contains("Display 'vnc:5900'") == true
        }
    }
}
