#if canImport(Glibc)
import Glibc
#endif
import CLinuxDevices
import Graphics

/// A display on a DRM card through two dumb buffers: frames are drawn into the hidden buffer
/// and shown by a page flip, whose completion event is awaited in poll(2) with a bound. Tear-free
/// where fbdev is not. The hardware cannot rotate dumb buffers: rotation happens while copying.
final class DRMDisplay: Display {
    let path: String
    let rotation: DisplayRotation
    private(set) var notes: [String] = []
    private let descriptor: CInt
    private let output: DRMOutput
    private let buffers: [DumbBuffer]
    private let mappings: [MemoryMapping]
    private var front = 0
    private var previousDamage: [Rect] = []
    private var stalePages: Set<Int> = [0, 1]
    /// A flip whose event did not come within the bound: waited for before the next one.
    private var flipPending = false
    private var blanked = false
    private var isClosed = false

    /// How long a flip may take to complete: three frames at 60 Hz, with margin.
    static let flipTimeoutMilliseconds: CInt = 100

    private init(path: String, rotation: DisplayRotation, descriptor: CInt, output: DRMOutput, buffers: [DumbBuffer], mappings: [MemoryMapping]) {
        self.path = path
        self.rotation = rotation
        self.descriptor = descriptor
        self.output = output
        self.buffers = buffers
        self.mappings = mappings
    }

    var kind: String { "drm" }
    var width: Int { rotation.uiSize(panelWidth: output.width, panelHeight: output.height).width }
    var height: Int { rotation.uiSize(panelWidth: output.width, panelHeight: output.height).height }
    var format: PixelFormat { .xrgb8888 }
    var bufferingMode: String { "page flips" }
    var sizeMillimetres: (width: Int, height: Int)? {
        guard let size = output.sizeMillimetres else { return nil }
        return rotation.swapsAxes ? (size.height, size.width) : size
    }

    private struct Opened: Sendable {
        let descriptor: CInt
        let output: DRMOutput
        let buffers: [DumbBuffer]
    }

    /// Opens the card, picks the output, creates both buffers, maps and clears them, and shows
    /// the first (black) one.
    static func open(_ path: String, rotation: DisplayRotation) async throws(DeviceError) -> DRMDisplay {
        let opened = try await Offload.run("Opening '\(path)'") { () throws(DeviceError) -> Opened in
            let descriptor = Glibc.open(path, O_RDWR | O_CLOEXEC)
            guard descriptor >= 0 else {
                let failure = errno
                if failure == ENOENT {
                    throw DeviceError(code: .notConnected, message: "No DRM device at '\(path)' (ls /dev/dri/ shows the cards); check [devices.display] and that the GPU's driver is loaded, or use an fbdev node (/dev/fb0).")
                }
                throw .open(path, errno: failure, advice: .display)
            }
            do throws(DeviceError) {
                let output = try DRMOutput.find(descriptor: descriptor, path: path)
                let first = try DumbBuffer.create(descriptor: descriptor, width: output.width, height: output.height, path: path)
                do throws(DeviceError) {
                    let second = try DumbBuffer.create(descriptor: descriptor, width: output.width, height: output.height, path: path)
                    return Opened(descriptor: descriptor, output: output, buffers: [first, second])
                } catch {
                    first.destroy(descriptor: descriptor)
                    throw error
                }
            } catch {
                Glibc.close(descriptor)
                throw error
            }
        }
        var mappings: [MemoryMapping] = []
        do throws(DeviceError) {
            for buffer in opened.buffers {
                let mapping = try MemoryMapping.map(descriptor: opened.descriptor, length: buffer.size, offset: buffer.mapOffset, path: path)
                mapping.base.initializeMemory(as: UInt8.self, repeating: 0, count: buffer.size)
                mappings.append(mapping)
            }
        } catch {
            mappings.forEach { $0.unmap() }
            opened.buffers.forEach { $0.destroy(descriptor: opened.descriptor) }
            Glibc.close(opened.descriptor)
            throw error
        }
        let display = DRMDisplay(path: path, rotation: rotation, descriptor: opened.descriptor, output: opened.output, buffers: opened.buffers, mappings: mappings)
        do throws(DeviceError) {
            try await display.setCRTC(buffer: 0)
        } catch {
            await display.close()
            throw error
        }
        return display
    }

    private func page(_ index: Int) -> ScanoutPage {
        ScanoutPage(base: mappings[index].base, width: output.width, height: output.height, lineLength: buffers[index].pitch, format: .xrgb8888)
    }

    nonisolated(nonsending) func present(_ frame: PixelBuffer, damage: [Rect]) async throws(DeviceError) {
        precondition(!isClosed, "present on a closed display '\(path)'")
        precondition(frame.width == width && frame.height == height, "frame \(frame.width)x\(frame.height) for a \(width)x\(height) display")
        let back = 1 - front
        let rects = stalePages.contains(back) ? [frame.bounds] : damage + previousDamage
        guard !rects.isEmpty else { return }
        let target = page(back)
        for rect in rects { FrameCopier.copy(rect, of: frame, rotation: rotation, into: target) }
        stalePages.remove(back)
        previousDamage = damage
        front = back
        // Blanked: the CRTC is off, so there is nothing to flip; unblanking shows `front`.
        guard !blanked else { return }
        let descriptor = self.descriptor, path = self.path, crtc = output.crtc, framebuffer = buffers[back].framebuffer
        let pending = flipPending
        flipPending = try await Offload.run("Flipping '\(path)'") { () throws(DeviceError) -> Bool in
            if pending, try !Self.awaitFlip(descriptor: descriptor, path: path) {
                throw DeviceError(code: .timedOut, message: "'\(path)' did not complete a page flip in \(2 * Self.flipTimeoutMilliseconds) ms; is the panel powered? kioskd reopens the display.")
            }
            guard kiosk_drm_page_flip(descriptor, crtc, framebuffer) == 0 else {
                throw .display(path, "drmModePageFlip", errno: errno, fix: "another program may hold the display (a desktop session?).")
            }
            return try !Self.awaitFlip(descriptor: descriptor, path: path)
        }
    }

    /// Waits in poll(2) for the flip's completion event on the card's descriptor, at most
    /// `flipTimeoutMilliseconds`. False when it did not come in time.
    private static func awaitFlip(descriptor: CInt, path: String) throws(DeviceError) -> Bool {
        let deadline = NonBlockingDescriptor.now() + Int(flipTimeoutMilliseconds)
        while true {
            let left = deadline - NonBlockingDescriptor.now()
            guard left > 0 else { return false }
            var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&request, 1, CInt(left))
            if ready < 0 {
                if errno == EINTR { continue }
                throw .display(path, "poll", errno: errno, fix: "check dmesg for the DRM driver's error.")
            }
            if ready == 0 { return false }
            let flips = kiosk_drm_read_flip_events(descriptor)
            if flips < 0 { throw .display(path, "reading DRM events", errno: errno, fix: "check dmesg for the DRM driver's error.") }
            if flips > 0 { return true }
        }
    }

    nonisolated(nonsending) private func setCRTC(buffer index: Int) async throws(DeviceError) {
        let descriptor = self.descriptor, path = self.path, output = self.output, framebuffer = buffers[index].framebuffer
        try await Offload.run("Setting the mode of '\(path)'") { () throws(DeviceError) in
            var connector = output.connector
            var mode = output.mode
            guard drmModeSetCrtc(descriptor, output.crtc, framebuffer, 0, 0, &connector, 1, &mode) == 0 else {
                throw .display(path, "drmModeSetCrtc", errno: errno, fix: "another program holds the display (a desktop session or a second kioskd); stop it.")
            }
        }
    }

    nonisolated(nonsending) func blank(_ blanked: Bool) async throws(DeviceError) {
        guard blanked != self.blanked else { return }
        if blanked {
            let descriptor = self.descriptor, path = self.path, crtc = output.crtc
            try await Offload.run("Blanking '\(path)'") { () throws(DeviceError) in
                // No framebuffer on the CRTC turns the output off (the driver's DPMS off).
                guard drmModeSetCrtc(descriptor, crtc, 0, 0, 0, nil, 0, nil) == 0 else {
                    throw .display(path, "drmModeSetCrtc (off)", errno: errno, fix: "another program may hold the display.")
                }
            }
            self.blanked = true
        } else {
            try await setCRTC(buffer: front)
            self.blanked = false
            flipPending = false
        }
    }

    func screenshot() -> PixelBuffer {
        precondition(!isClosed, "screenshot of a closed display '\(path)'")
        return FrameCopier.read(page(front), rotation: rotation)
    }

    nonisolated(nonsending) func close() async {
        guard !isClosed else { return }
        isClosed = true
        mappings.forEach { $0.unmap() }
        let descriptor = self.descriptor, output = self.output, buffers = self.buffers
        _ = try? await Offload.run("Closing '\(path)'") { () -> Bool in
            if var mode = output.previousMode, output.previousFramebuffer != 0 {
                // Give the console (fbdev emulation) its picture back.
                var connector = output.connector
                drmModeSetCrtc(descriptor, output.crtc, output.previousFramebuffer, 0, 0, &connector, 1, &mode)
            }
            buffers.forEach { $0.destroy(descriptor: descriptor) }
            return Glibc.close(descriptor) == 0
        }
    }
}
