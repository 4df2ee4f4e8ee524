#if canImport(Glibc)
import Glibc
#endif
import CLinuxDevices

/// The output kioskd drives on a DRM card: the first connected connector, its preferred mode and
/// a CRTC that can drive it, plus what that CRTC showed before (restored on close).
struct DRMOutput: Sendable {
    let connector: UInt32
    let crtc: UInt32
    let mode: drmModeModeInfo
    let sizeMillimetres: (width: Int, height: Int)?
    let previousFramebuffer: UInt32
    let previousMode: drmModeModeInfo?

    var width: Int { Int(mode.hdisplay) }
    var height: Int { Int(mode.vdisplay) }

    /// Blocks briefly (ioctls): call it off the concurrency pool.
    static func find(descriptor: CInt, path: String) throws(DeviceError) -> DRMOutput {
        var capability: UInt64 = 0
        guard drmGetCap(descriptor, UInt64(DRM_CAP_DUMB_BUFFER), &capability) == 0, capability != 0 else {
            throw DeviceError(code: .deviceFault, message: "'\(path)' has no dumb buffers (DRM_CAP_DUMB_BUFFER); use its fbdev node (/dev/fb0) instead.")
        }
        guard let resources = drmModeGetResources(descriptor) else {
            throw .display(path, "drmModeGetResources", errno: errno, fix: "is '\(path)' a KMS card (not a render node)?")
        }
        defer { drmModeFreeResources(resources) }
        for index in 0..<Int(resources.pointee.count_connectors) {
            guard let connector = drmModeGetConnector(descriptor, resources.pointee.connectors[index]) else { continue }
            defer { drmModeFreeConnector(connector) }
            guard connector.pointee.connection == DRM_MODE_CONNECTED, connector.pointee.count_modes > 0 else { continue }
            let modes = UnsafeBufferPointer(start: connector.pointee.modes, count: Int(connector.pointee.count_modes))
            let mode = modes.first { $0.type & UInt32(DRM_MODE_TYPE_PREFERRED) != 0 } ?? modes[0]
            guard let crtc = findCRTC(descriptor: descriptor, resources: resources, connector: connector) else { continue }
            var previousFramebuffer: UInt32 = 0
            var previousMode: drmModeModeInfo?
            if let saved = drmModeGetCrtc(descriptor, crtc) {
                previousFramebuffer = saved.pointee.buffer_id
                if saved.pointee.mode_valid != 0 { previousMode = saved.pointee.mode }
                drmModeFreeCrtc(saved)
            }
            let widthMM = Int(connector.pointee.mmWidth), heightMM = Int(connector.pointee.mmHeight)
            return DRMOutput(connector: connector.pointee.connector_id, crtc: crtc, mode: mode,
                             sizeMillimetres: widthMM > 0 && heightMM > 0 ? (widthMM, heightMM) : nil,
                             previousFramebuffer: previousFramebuffer, previousMode: previousMode)
        }
        throw DeviceError(code: .notConnected, message: "'\(path)' has no connected screen; check the panel's cable (cat /sys/class/drm/*/status).")
    }

    /// The CRTC behind the connector's current encoder, or any CRTC one of its encoders can use.
    private static func findCRTC(descriptor: CInt, resources: UnsafeMutablePointer<drmModeRes>, connector: UnsafeMutablePointer<drmModeConnector>) -> UInt32? {
        if connector.pointee.encoder_id != 0, let encoder = drmModeGetEncoder(descriptor, connector.pointee.encoder_id) {
            defer { drmModeFreeEncoder(encoder) }
            if encoder.pointee.crtc_id != 0 { return encoder.pointee.crtc_id }
        }
        for index in 0..<Int(connector.pointee.count_encoders) {
            guard let encoder = drmModeGetEncoder(descriptor, connector.pointee.encoders[index]) else { continue }
            defer { drmModeFreeEncoder(encoder) }
            for crtcIndex in 0..<Int(resources.pointee.count_crtcs) where encoder.pointee.possible_crtcs & (1 << UInt32(crtcIndex)) != 0 {
                return resources.pointee.crtcs[crtcIndex]
            }
        }
        return nil
    }
}
