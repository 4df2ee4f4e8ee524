#if canImport(Glibc)
import Glibc
#endif
import CLinuxDevices

/// One DRM dumb buffer, XRGB8888, registered as a framebuffer: DRM_IOCTL_MODE_CREATE_DUMB,
/// drmModeAddFB, DRM_IOCTL_MODE_MAP_DUMB (the offset to mmap on the card's descriptor).
struct DumbBuffer: Sendable {
    let handle: UInt32
    /// Bytes per line.
    let pitch: Int
    let size: Int
    let framebuffer: UInt32
    let mapOffset: Int

    /// Blocks briefly (ioctls): call it off the concurrency pool.
    static func create(descriptor: CInt, width: Int, height: Int, path: String) throws(DeviceError) -> DumbBuffer {
        var handle: UInt32 = 0, pitch: UInt32 = 0, size: UInt64 = 0
        guard kiosk_drm_create_dumb(descriptor, UInt32(width), UInt32(height), 32, &handle, &pitch, &size) == 0 else {
            throw .display(path, "DRM_IOCTL_MODE_CREATE_DUMB \(width)x\(height)", errno: errno, fix: "the card is out of video memory or does not support dumb buffers.")
        }
        var framebuffer: UInt32 = 0
        guard drmModeAddFB(descriptor, UInt32(width), UInt32(height), 24, 32, pitch, handle, &framebuffer) == 0 else {
            let failure = errno
            _ = kiosk_drm_destroy_dumb(descriptor, handle)
            throw .display(path, "drmModeAddFB", errno: failure, fix: "the card refused an XRGB8888 framebuffer.")
        }
        var offset: UInt64 = 0
        guard kiosk_drm_map_dumb(descriptor, handle, &offset) == 0 else {
            let failure = errno
            drmModeRmFB(descriptor, framebuffer)
            _ = kiosk_drm_destroy_dumb(descriptor, handle)
            throw .display(path, "DRM_IOCTL_MODE_MAP_DUMB", errno: failure, fix: "check dmesg for the DRM driver's error.")
        }
        return DumbBuffer(handle: handle, pitch: Int(pitch), size: Int(size), framebuffer: framebuffer, mapOffset: Int(offset))
    }

    func destroy(descriptor: CInt) {
        drmModeRmFB(descriptor, framebuffer)
        _ = kiosk_drm_destroy_dumb(descriptor, handle)
    }
}
