import Foundation
import Graphics
import Hummingbird
import NIOPosix
import ServiceLifecycle

/// The frame file kioskd draws into, watched for changes. kioskd writes through a shared mapping,
/// which inotify does not see, so the file is read again (8 MB, about a millisecond) every 150 ms
/// for 10 s after a change or a touch and every 500 ms otherwise, and only while a page is
/// waiting for a change. Each different frame gets the next version number; its PNG is encoded
/// once, when first asked for.
actor FrameWatcher {
    struct Unavailable: Error, CustomStringConvertible {
        var description: String
    }

    let path: String
    let width: Int
    let height: Int
    private var pixels: [UInt8] = []
    /// A buffer of the frame's size to read into, so that a poll allocates nothing.
    private var spare: [UInt8] = []
    private var version = 0
    private var encoded: (version: Int, png: [UInt8])?
    private var checkedAt: ContinuousClock.Instant?
    /// Why the last read failed; nil after a good one.
    private var unavailable: Unavailable?
    private var activeAt = ContinuousClock.now

    init(path: String, width: Int, height: Int) {
        self.path = path
        self.width = width
        self.height = height
    }

    /// The current version, after waiting up to `timeout` for one other than `known` (a long poll:
    /// the page asks again at once). Returns early when the server is shutting down.
    func version(after known: Int?, waitingUpTo timeout: Duration) async throws -> Int {
        try await refresh()
        let deadline = ContinuousClock.now + timeout
        while version == known, ContinuousClock.now < deadline, !Task.isShuttingDownGracefully, !Task.isCancelled {
            // Quick after a touch or a change, when the next frame is likely; slower when idle.
            try await Task.sleep(for: ContinuousClock.now - activeAt < .seconds(10) ? .milliseconds(150) : .milliseconds(500))
            try await refresh()
        }
        return version
    }

    /// Someone touched the screen or a device: a new frame is likely soon.
    func noteActivity() {
        activeAt = .now
    }

    /// The newest frame as an opaque RGB PNG, with its version.
    func png() async throws -> (version: Int, png: [UInt8]) {
        try await refresh()
        // Two callers' reads may interleave: one that failed leaves no frame to encode.
        guard pixels.count == width * height * 4 else { throw unavailable ?? Unavailable(description: "No frame read from '\(path)' yet.") }
        if let encoded, encoded.version == version { return encoded }
        let (pixels, width, height, version) = (pixels, width, height, version)
        let png = try await NIOThreadPool.singleton.runIfActive {
            try pixels.withUnsafeBytes { bytes in
                // PNGFile.encode only reads the buffer.
                let start = UnsafeMutablePointer(mutating: bytes.baseAddress!.assumingMemoryBound(to: UInt32.self))
                return try PNGFile.encode(PixelBuffer(wrapping: start, width: width, height: height, stride: width), fast: true)
            }
        }
        encoded = (version, png)
        return (version, png)
    }

    /// Reads the file unless it was read in the last 100 ms; a different frame is a new version.
    /// The read goes into the spare buffer, which becomes the frame only when it differs.
    private func refresh() async throws {
        if let checkedAt, ContinuousClock.now - checkedAt < .milliseconds(100), unavailable == nil { return }
        checkedAt = .now
        let (path, count) = (path, width * height * 4)
        // Handed over in a box so that the array has one owner while it is filled (no copy on write).
        let box = ReadBuffer(spare.count == count ? spare : [UInt8](repeating: 0, count: count))
        spare = []
        do {
            try await NIOThreadPool.singleton.runIfActive { try Self.read(path, into: &box.bytes) }
            unavailable = nil
        } catch let error as Unavailable {
            unavailable = error
            throw error
        }
        let bytes = box.bytes
        let same = pixels.count == count && bytes.withUnsafeBytes { new in pixels.withUnsafeBytes { old in memcmp(new.baseAddress!, old.baseAddress!, count) == 0 } }
        if same {
            spare = bytes
        } else {
            spare = pixels
            pixels = bytes
            version += 1
            activeAt = .now
        }
    }

    /// One read's buffer, owned by the blocking pool's thread while it is filled.
    private final class ReadBuffer: @unchecked Sendable {
        var bytes: [UInt8]
        init(_ bytes: [UInt8]) { self.bytes = bytes }
    }

    /// Fills `bytes` from the start of the frame file (XRGB8888, little-endian: B, G, R, X).
    private static func read(_ path: String, into bytes: inout [UInt8]) throws {
        let count = bytes.count
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw Unavailable(description: "No frame at '\(path)' (\(String(cString: strerror(errno)))); kioskd creates it when it starts: is it running?")
        }
        defer { close(descriptor) }
        var offset = 0
        while offset < count {
            let got = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + offset, count - offset, off_t(offset)) }
            if got < 0, errno == EINTR { continue }
            guard got > 0 else {
                throw Unavailable(description: "The frame '\(path)' holds \(offset) bytes, not the \(count) of a frame of this size; check --width and --height.")
            }
            offset += got
        }
    }
}
