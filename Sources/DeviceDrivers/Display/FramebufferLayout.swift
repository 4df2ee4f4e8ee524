import CLinuxDevices

/// The geometry of a framebuffer's memory, from `fb_var_screeninfo` and `fb_fix_screeninfo`, or
/// given by a `file:` location.
public struct FramebufferLayout: Sendable, Equatable {
    /// Visible size in pixels (xres, yres): the panel's frame.
    public var width: Int
    public var height: Int
    /// Lines in memory (yres_virtual): two screens' worth allows double buffering by panning.
    public var virtualHeight: Int
    /// Bytes from one line to the next (line_length), padding included.
    public var lineLength: Int
    /// The visible area's origin inside the memory (xoffset, yoffset).
    public var xOffset: Int
    public var yOffset: Int
    public var format: PixelFormat
    /// ypanstep: 0 means the driver cannot pan.
    public var panStep: Int
    /// Bytes of frame memory (smem_len).
    public var memoryLength: Int
    /// The panel's size when the driver knows it (var width/height in mm; 0 or ~0 otherwise).
    public var sizeMillimetres: (width: Int, height: Int)?

    public init(width: Int, height: Int, format: PixelFormat, lineLength: Int? = nil, virtualHeight: Int? = nil,
                xOffset: Int = 0, yOffset: Int = 0, panStep: Int = 0, memoryLength: Int? = nil,
                sizeMillimetres: (width: Int, height: Int)? = nil) {
        self.width = width
        self.height = height
        self.format = format
        self.lineLength = lineLength ?? width * format.bytesPerPixel
        self.virtualHeight = virtualHeight ?? height
        self.xOffset = xOffset
        self.yOffset = yOffset
        self.panStep = panStep
        self.memoryLength = memoryLength ?? self.lineLength * max(self.virtualHeight, yOffset + height)
        self.sizeMillimetres = sizeMillimetres
    }

    /// From the kernel's structs; refuses pixel formats kioskd cannot draw, naming the offsets.
    init(variable: fb_var_screeninfo, fixed: fb_fix_screeninfo, path: String) throws(DeviceError) {
        let format = try Self.format(of: ChannelLayout(variable), path: path)
        // The kernel reports an unknown physical size as 0 or as -1 (~0 in a __u32).
        let knownSize = variable.width > 0 && variable.height > 0 && variable.width < 10000 && variable.height < 10000
        self.init(width: Int(variable.xres), height: Int(variable.yres), format: format, lineLength: Int(fixed.line_length),
                  virtualHeight: Int(variable.yres_virtual), xOffset: Int(variable.xoffset), yOffset: Int(variable.yoffset),
                  panStep: Int(fixed.ypanstep), memoryLength: Int(fixed.smem_len),
                  sizeMillimetres: knownSize ? (Int(variable.width), Int(variable.height)) : nil)
    }

    /// The format with these channels; refuses any other, naming the offsets.
    static func format(of channels: ChannelLayout, path: String) throws(DeviceError) -> PixelFormat {
        guard let format = PixelFormat(channels: channels) else {
            throw DeviceError(code: .deviceFault, message: "'\(path)' uses a pixel format kioskd cannot draw: \(channels); set the panel to 32-bit XRGB8888 (fbset -fb \(path) -depth 32) or 16-bit RGB565.")
        }
        return format
    }

    /// Double buffering by panning needs two screens of lines and a driver that pans.
    public var canPan: Bool { virtualHeight >= 2 * height && panStep != 0 }

    /// Checks that every visible line (and the second page when panning) lies inside the memory.
    func validate(path: String) throws(DeviceError) {
        guard width > 0, height > 0, lineLength >= (xOffset + width) * format.bytesPerPixel else {
            throw DeviceError(code: .deviceFault, message: "'\(path)' reports an impossible geometry: \(width)x\(height) at +\(xOffset)+\(yOffset), line length \(lineLength) bytes, \(format); check the driver or the file: location.")
        }
        let pages = canPan ? 2 : 1
        let lastLine = canPan ? pages * height : yOffset + height
        guard lastLine * lineLength <= memoryLength else {
            throw DeviceError(code: .deviceFault, message: "'\(path)' has \(memoryLength) bytes of frame memory, less than \(lastLine) lines of \(lineLength) bytes; check the driver or the file: location.")
        }
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.width == b.width && a.height == b.height && a.virtualHeight == b.virtualHeight && a.lineLength == b.lineLength
            && a.xOffset == b.xOffset && a.yOffset == b.yOffset && a.format == b.format && a.panStep == b.panStep
            && a.memoryLength == b.memoryLength && a.sizeMillimetres?.width == b.sizeMillimetres?.width
            && a.sizeMillimetres?.height == b.sizeMillimetres?.height
    }
}
