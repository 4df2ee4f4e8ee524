import Graphics

/// A screen that shows UI frames: fbdev, DRM dumb buffers or a frame file. One task owns it (the
/// display service) and awaits each call; calls that may block (panning, page flips, vsync,
/// blanking) run off the Swift concurrency pool, and copying happens on the caller's executor.
///
/// Open one with `openDisplay(_:rotation:)`.
public protocol Display: AnyObject {
    /// The device or file path.
    var path: String { get }
    /// "fbdev", "drm" or "file".
    var kind: String { get }
    /// The UI's size in pixels, after rotation: frames given to `present` must have this size.
    var width: Int { get }
    var height: Int { get }
    var rotation: DisplayRotation { get }
    /// The panel's device format.
    var format: PixelFormat { get }
    /// The panel's visible size in millimetres as the device reports it, in the UI's orientation
    /// (width along the UI's x axis); nil when the driver does not know.
    var sizeMillimetres: (width: Int, height: Int)? { get }
    /// "panning", "shadow" or "page flips": how frames reach the screen.
    var bufferingMode: String { get }
    /// Things worth one log line each, collected while opening and blanking (no graphics mode on
    /// the console, no FBIOBLANK). The driver does not log; the service does.
    var notes: [String] { get }

    /// Shows `frame` (the whole UI, `width` x `height`), of which only `damage` changed since the
    /// last call. Copies the damaged areas converted and rotated, then pans or flips. A damage
    /// list that is empty shows nothing new.
    nonisolated(nonsending) func present(_ frame: PixelBuffer, damage: [Rect]) async throws(DeviceError)

    /// Turns the screen off (true) or on again (false). After unblanking, the next `present`
    /// copies the whole frame whatever its damage.
    nonisolated(nonsending) func blank(_ blanked: Bool) async throws(DeviceError)

    /// What the device shows now, read back from its memory, in UI orientation.
    func screenshot() -> PixelBuffer

    /// Restores the console and releases the device. The display is unusable afterwards.
    nonisolated(nonsending) func close() async
}

/// Opens the display at `location` (see `DisplayLocation`): "/dev/fb0", "fbdev:/dev/fb0",
/// "drm:/dev/dri/card0" or "file:PATH?width=…&height=…".
nonisolated(nonsending) public func openDisplay(_ location: String, rotation: DisplayRotation = .degrees0) async throws(DeviceError) -> any Display {
    switch try DisplayLocation(parsing: location) {
    case .fbdev(let path):
        return try await FramebufferDisplay.openDevice(path, rotation: rotation)
    case .file(let path, let layout):
        return try await FramebufferDisplay.openFile(path, layout: layout, rotation: rotation)
    case .drm(let path):
        return try await DRMDisplay.open(path, rotation: rotation)
    }
}
