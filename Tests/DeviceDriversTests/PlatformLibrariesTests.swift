import DeviceDrivers
import Foundation
import Graphics
import Testing

/// The C libraries answer through their Swift wrappers on this machine.
struct PlatformLibrariesTests {
    /// Should list the same USB devices the kernel shows in sysfs
    @Test func usbListingMatchesSysfs() throws {
        let devices = try USBContext().devices()
        let sysfs = (try? FileManager.default.contentsOfDirectory(atPath: "/sys/bus/usb/devices")) ?? []
        let kernelDevices = sysfs.filter { FileManager.default.fileExists(atPath: "/sys/bus/usb/devices/\($0)/idVendor") }
        #expect(devices.count == kernelDevices.count)
        for device in devices {
            #expect(device.description.wholeMatch(of: /[0-9a-f]{4}:[0-9a-f]{4} on bus \d+ address \d+/) != nil)
        }
        #expect(USBContext.libraryVersion.hasPrefix("1."))
    }

    /// Should start FreeType and report a 2.x version
    @Test func freeTypeStarts() throws {
        let version = try FreeTypeLibrary().version
        #expect(version.wholeMatch(of: /2\.\d+\.\d+/) != nil)
    }

    /// Should format ids the way lsusb does
    @Test func usbDescriptionFormat() {
        #expect(USBDeviceDescription(vendorID: 0x0400, productID: 0xC35A, bus: 1, address: 4).description == "0400:c35a on bus 1 address 4")
    }
}

/// CUPS_SERVER is process-wide, and libcups caches the server per thread: these run one at a
/// time, each check on a fresh thread.
@Suite(.serialized)
struct CUPSServerCheckTests {
    /// Should report a scheduler that is not there as unreachable, quickly, naming it
    @Test func absentSchedulerIsUnreachable() async throws {
        let result = await check(server: "/tmp/kioskd-no-such-cups.sock")
        #expect(result.name == "/tmp/kioskd-no-such-cups.sock")
        #expect(result.reachable == false)
        #expect(result.problem?.contains("/tmp/kioskd-no-such-cups.sock") == true)
    }

    /// Should report a listening scheduler as reachable
    @Test func listeningSchedulerIsReachable() async throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        try withUnsafeMutablePointer(to: &address) { pointer in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                guard bind(listener, raw, length) == 0, listen(listener, 4) == 0, getsockname(listener, raw, &length) == 0 else {
                    throw POSIXError(.EADDRINUSE)
                }
            }
        }
        let port = UInt16(bigEndian: address.sin_port)
        let result = await check(server: "127.0.0.1:\(port)")
        #expect(result.reachable == true, "\(result.problem ?? "")")
        #expect(result.port == Int32(port))
    }

    private func check(server: String) async -> CUPSServer {
        setenv("CUPS_SERVER", server, 1)
        defer { unsetenv("CUPS_SERVER") }
        return await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: CUPSServer.check(timeoutMilliseconds: 2000)) }
        }
    }
}
