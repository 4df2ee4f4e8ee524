#if canImport(Glibc)
import Glibc
#endif

/// A shared mmap(2) of frame memory (an fbdev's smem, a DRM dumb buffer, a frame file).
/// Unmapped by `unmap()`, which the owning display calls once on close.
final class MemoryMapping {
    let base: UnsafeMutableRawPointer
    let length: Int

    private init(base: UnsafeMutableRawPointer, length: Int) {
        self.base = base
        self.length = length
    }

    static func map(descriptor: CInt, length: Int, offset: Int = 0, path: String) throws(DeviceError) -> MemoryMapping {
        let address = mmap(nil, length, PROT_READ | PROT_WRITE, MAP_SHARED, descriptor, off_t(offset))
        guard let address, address != MAP_FAILED else {
            throw DeviceError.display(path, "mmap of \(length) bytes", errno: errno, fix: "check the driver (dmesg) and that the frame file is as large as its geometry.")
        }
        return MemoryMapping(base: address, length: length)
    }

    func unmap() { munmap(base, length) }
}
