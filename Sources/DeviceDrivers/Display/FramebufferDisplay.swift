#if canImport(Glibc)
import Glibc
#endif
import CLinuxDevices
import Graphics

/// A display in mapped frame memory: an fbdev device (/dev/fbN) or a regular file holding frames
/// (`file:` locations, for simulation and tests). Both take the same path: mmap, the same
/// conversion and rotation, the same paging. Only panning, vsync and blanking differ, and for a
/// file they are no-ops (panning just records which page is shown).
///
/// With two screens of lines and a driver that pans, frames are drawn into the hidden page and
/// shown by FBIOPAN_DISPLAY; otherwise they are drawn into a RAM shadow and the damaged lines
/// copied into frame memory (reads of frame memory are slow and writes tear less in long runs).
final class FramebufferDisplay: Display {
    enum Backend {
        case fbdev(variable: fb_var_screeninfo, console: ConsoleMode?, vsync: VSyncWaiter)
        case file
    }

    enum Buffering {
        /// Page `front` is shown; `previousDamage` was drawn into it last and is stale in the other page.
        case panning(front: Int, previousDamage: [Rect])
        case shadow(UnsafeMutableRawPointer)
    }

    let path: String
    let rotation: DisplayRotation
    let layout: FramebufferLayout
    private(set) var notes: [String]
    private let descriptor: CInt
    private let mapping: MemoryMapping
    private let backend: Backend
    private var buffering: Buffering
    /// Pages whose content matches no frame (at start, after blanking): drawn whole next time.
    private var stalePages: Set<Int> = [0, 1]
    private var blankedBacklight: (backlight: Backlight, level: Int)?
    private var isClosed = false

    /// How long a present waits for vertical blank after panning.
    static let vsyncTimeout = Duration.milliseconds(50)

    private init(path: String, rotation: DisplayRotation, layout: FramebufferLayout, descriptor: CInt, mapping: MemoryMapping, backend: Backend, notes: [String]) {
        self.path = path
        self.rotation = rotation
        self.layout = layout
        self.descriptor = descriptor
        self.mapping = mapping
        self.backend = backend
        self.notes = notes
        if layout.canPan {
            buffering = .panning(front: layout.yOffset >= layout.height ? 1 : 0, previousDamage: [])
        } else {
            buffering = .shadow(Self.allocateShadow(layout))
        }
    }

    var kind: String {
        if case .file = backend { return "file" }
        return "fbdev"
    }
    var width: Int { rotation.uiSize(panelWidth: layout.width, panelHeight: layout.height).width }
    var height: Int { rotation.uiSize(panelWidth: layout.width, panelHeight: layout.height).height }
    var format: PixelFormat { layout.format }
    var sizeMillimetres: (width: Int, height: Int)? {
        guard let size = layout.sizeMillimetres else { return nil }
        return rotation.swapsAxes ? (size.height, size.width) : size
    }
    var bufferingMode: String {
        if case .panning = buffering { return "panning" }
        return "shadow"
    }

    // MARK: Opening

    private struct OpenedDevice: Sendable {
        let descriptor: CInt
        let variable: fb_var_screeninfo
        let layout: FramebufferLayout
        let console: ConsoleMode?
        let consoleNote: String?
    }

    /// Opens /dev/fbN: reads its geometry, switches the console to graphics mode, maps its memory.
    static func openDevice(_ path: String, rotation: DisplayRotation) async throws(DeviceError) -> FramebufferDisplay {
        let opened = try await Offload.run("Opening '\(path)'") { () throws(DeviceError) -> OpenedDevice in
            let descriptor = open(path, O_RDWR | O_CLOEXEC)
            guard descriptor >= 0 else { throw .open(path, errno: errno, advice: .display) }
            do throws(DeviceError) {
                var variable = fb_var_screeninfo()
                var fixed = fb_fix_screeninfo()
                guard kiosk_fb_get_var(descriptor, &variable) == 0 else {
                    throw DeviceError.display(path, "FBIOGET_VSCREENINFO", errno: errno, fix: "is '\(path)' a framebuffer? Use drm: for /dev/dri/cardN.")
                }
                guard kiosk_fb_get_fix(descriptor, &fixed) == 0 else {
                    throw DeviceError.display(path, "FBIOGET_FSCREENINFO", errno: errno, fix: "is '\(path)' a framebuffer?")
                }
                guard fixed.type == FB_TYPE_PACKED_PIXELS, fixed.visual == FB_VISUAL_TRUECOLOR else {
                    throw DeviceError(code: .deviceFault, message: "'\(path)' is not a packed true-colour framebuffer (type \(fixed.type), visual \(fixed.visual)); set it to 32 bits per pixel (fbset -depth 32).")
                }
                let layout = try FramebufferLayout(variable: variable, fixed: fixed, path: path)
                try layout.validate(path: path)
                switch ConsoleMode.enterGraphics() {
                case .success(let console):
                    return OpenedDevice(descriptor: descriptor, variable: variable, layout: layout, console: console, consoleNote: nil)
                case .failure(let note):
                    return OpenedDevice(descriptor: descriptor, variable: variable, layout: layout, console: nil, consoleNote: note.description)
                }
            } catch {
                Glibc.close(descriptor)
                throw error
            }
        }
        let mapping: MemoryMapping
        do throws(DeviceError) {
            mapping = try MemoryMapping.map(descriptor: opened.descriptor, length: opened.layout.memoryLength, path: path)
        } catch {
            opened.console?.restore()
            Glibc.close(opened.descriptor)
            throw error
        }
        return FramebufferDisplay(path: path, rotation: rotation, layout: opened.layout, descriptor: opened.descriptor, mapping: mapping,
                                  backend: .fbdev(variable: opened.variable, console: opened.console, vsync: VSyncWaiter(descriptor: opened.descriptor)),
                                  notes: opened.consoleNote.map { [$0] } ?? [])
    }

    /// Opens (creating it if needed) a frame file with the given geometry and maps it as fbdev
    /// memory. The file is grown to hold every line; it is never shrunk.
    static func openFile(_ path: String, layout: FramebufferLayout, rotation: DisplayRotation) async throws(DeviceError) -> FramebufferDisplay {
        var layout = layout
        layout.memoryLength = layout.lineLength * max(layout.virtualHeight, layout.yOffset + layout.height)
        try layout.validate(path: path)
        let length = layout.memoryLength
        let descriptor = try await Offload.run("Opening '\(path)'") { () throws(DeviceError) -> CInt in
            let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw .open(path, errno: errno, advice: .display) }
            var status = stat()
            guard fstat(descriptor, &status) == 0 else {
                let failure = errno
                Glibc.close(descriptor)
                throw .display(path, "fstat", errno: failure, fix: "check the frame file.")
            }
            guard (status.st_mode & S_IFMT) == S_IFREG else {
                Glibc.close(descriptor)
                throw DeviceError(code: .deviceFault, message: "'\(path)' is not a regular file; a file: display needs a file (use fbdev: for a device).")
            }
            if Int(status.st_size) < length, ftruncate(descriptor, off_t(length)) != 0 {
                let failure = errno
                Glibc.close(descriptor)
                throw .display(path, "ftruncate to \(length) bytes", errno: failure, fix: "check the free space and permissions of its directory.")
            }
            return descriptor
        }
        let mapping: MemoryMapping
        do throws(DeviceError) {
            mapping = try MemoryMapping.map(descriptor: descriptor, length: length, path: path)
        } catch {
            Glibc.close(descriptor)
            throw error
        }
        return FramebufferDisplay(path: path, rotation: rotation, layout: layout, descriptor: descriptor, mapping: mapping, backend: .file, notes: [])
    }

    // MARK: Frames

    /// Device memory of page `index` (0 or 1 when panning; the visible area otherwise).
    private func page(_ index: Int) -> ScanoutPage {
        let firstLine: Int
        if case .panning = buffering { firstLine = index * layout.height } else { firstLine = layout.yOffset }
        return ScanoutPage(base: mapping.base + firstLine * layout.lineLength + layout.xOffset * layout.format.bytesPerPixel,
                           width: layout.width, height: layout.height, lineLength: layout.lineLength, format: layout.format)
    }

    nonisolated(nonsending) func present(_ frame: PixelBuffer, damage: [Rect]) async throws(DeviceError) {
        precondition(!isClosed, "present on a closed display '\(path)'")
        precondition(frame.width == width && frame.height == height, "frame \(frame.width)x\(frame.height) for a \(width)x\(height) display")
        switch buffering {
        case .panning(let front, let previousDamage):
            let back = 1 - front
            let rects = stalePages.contains(back) ? [frame.bounds] : damage + previousDamage
            guard !rects.isEmpty else { return }
            let target = page(back)
            for rect in rects { FrameCopier.copy(rect, of: frame, rotation: rotation, into: target) }
            stalePages.remove(back)
            buffering = .panning(front: back, previousDamage: damage)
            try await pan(to: back)
        case .shadow(let shadow):
            let rects = stalePages.contains(0) ? [frame.bounds] : damage
            let shadowPage = ScanoutPage(base: shadow, width: layout.width, height: layout.height, lineLength: layout.lineLength, format: layout.format)
            let visible = page(0)
            let bytesPerPixel = layout.format.bytesPerPixel
            for rect in rects {
                FrameCopier.copy(rect, of: frame, rotation: rotation, into: shadowPage)
                let panel = rotation.panelRect(ui: rect.intersection(frame.bounds), panelWidth: layout.width, panelHeight: layout.height)
                for line in panel.minY..<panel.maxY {
                    let offset = line * layout.lineLength + panel.minX * bytesPerPixel
                    (visible.base + offset).copyMemory(from: shadow + offset, byteCount: panel.width * bytesPerPixel)
                }
            }
            stalePages.remove(0)
        }
    }

    /// Shows page `index`: FBIOPAN_DISPLAY, then a bounded wait for vertical blank so that the
    /// page now hidden is no longer scanned out when the next frame is drawn into it.
    nonisolated(nonsending) private func pan(to index: Int) async throws(DeviceError) {
        guard case .fbdev(var variable, _, let vsync) = backend else { return }
        variable.yoffset = UInt32(index * layout.height)
        let descriptor = self.descriptor, path = self.path, requested = variable
        try await Offload.run("Panning '\(path)'") { () throws(DeviceError) in
            var request = requested
            guard kiosk_fb_pan_display(descriptor, &request) == 0 else {
                throw .display(path, "FBIOPAN_DISPLAY to line \(request.yoffset)", errno: errno, fix: "the driver refused to pan; kioskd keeps running on the page shown.")
            }
        }
        _ = await vsync.wait(timeout: Self.vsyncTimeout)
    }

    // MARK: Blanking

    nonisolated(nonsending) func blank(_ blanked: Bool) async throws(DeviceError) {
        if case .fbdev = backend {
            let descriptor = self.descriptor
            let level = blanked ? CInt(FB_BLANK_POWERDOWN) : CInt(FB_BLANK_UNBLANK)
            let failure = try await Offload.run("Blanking '\(path)'") { () -> CInt in
                kiosk_fb_blank(descriptor, level) == 0 ? 0 : errno
            }
            if failure == 0 {
                if !blanked { stalePages = [0, 1] }
                return
            }
            // Don't fail: efifb and simplefb don't implement FBIOBLANK. Black pixels and the
            // backlight do the same job.
            let note = "'\(path)' does not blank (FBIOBLANK: \(String(cString: strerror(failure)))); showing black and dimming the backlight instead."
            if !notes.contains(note) { notes.append(note) }
        }
        if blanked {
            fillBlack()
            // A frame file has no backlight.
            if case .fbdev = backend, blankedBacklight == nil, let backlight = Backlight.first() {
                let level = try await Offload.run("Reading the backlight") { () -> Int? in
                    let level = backlight.brightness()
                    if level != nil { backlight.setBrightness(0) }
                    return level
                }
                if let level { blankedBacklight = (backlight, level) }
            }
        } else {
            stalePages = [0, 1]
            if let saved = blankedBacklight {
                blankedBacklight = nil
                _ = try await Offload.run("Restoring the backlight") { () -> Bool in saved.backlight.setBrightness(saved.level) }
            }
        }
    }

    /// Black on every page (0 is black in every supported format), and the pages marked stale.
    private func fillBlack() {
        let pages: [Int]
        if case .panning = buffering { pages = [0, 1] } else { pages = [0] }
        for index in pages {
            let target = page(index)
            for line in 0..<target.height {
                (target.base + line * target.lineLength).initializeMemory(as: UInt8.self, repeating: 0, count: target.width * target.format.bytesPerPixel)
            }
        }
        if case .shadow(let shadow) = buffering {
            shadow.initializeMemory(as: UInt8.self, repeating: 0, count: layout.lineLength * layout.height)
        }
        stalePages = [0, 1]
    }

    // MARK: Reading back, closing

    func screenshot() -> PixelBuffer {
        precondition(!isClosed, "screenshot of a closed display '\(path)'")
        if case .panning(let front, _) = buffering { return FrameCopier.read(page(front), rotation: rotation) }
        return FrameCopier.read(page(0), rotation: rotation)
    }

    nonisolated(nonsending) func close() async {
        guard !isClosed else { return }
        isClosed = true
        mapping.unmap()
        if case .shadow(let shadow) = buffering { shadow.deallocate() }
        let descriptor = self.descriptor
        let console: ConsoleMode?
        if case .fbdev(_, let mode, _) = backend { console = mode } else { console = nil }
        let backlight = blankedBacklight
        _ = try? await Offload.run("Closing '\(path)'") { () -> Bool in
            console?.restore()
            if let backlight { backlight.backlight.setBrightness(backlight.level) }
            return Glibc.close(descriptor) == 0
        }
    }

    private static func allocateShadow(_ layout: FramebufferLayout) -> UnsafeMutableRawPointer {
        let length = layout.lineLength * layout.height
        let shadow = UnsafeMutableRawPointer.allocate(byteCount: length, alignment: 64)
        shadow.initializeMemory(as: UInt8.self, repeating: 0, count: length)
        return shadow
    }
}
