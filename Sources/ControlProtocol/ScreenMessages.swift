import Foundation


/// The answer to the screen commands.
public struct ScreenReport: Codable, Sendable, Equatable {
    /// The display as configured, e.g. "/dev/fb0" or "drm:/dev/dri/card0".
    public var device: String
    /// "on", "blanked", "failed" (the message says why).
    public var state: String
    /// The UI's size in pixels (after rotation).
    public var width: Int
    public var height: Int
    public var rotation: Int
    /// The device's pixel format and how frames reach it ("page flip", "panning", "shadow copy").
    public var pixelFormat: String
    public var buffering: String
    /// Frames presented since start.
    public var frames: Int
    public var lastError: String?
    /// The frame on screen, when asked for (encoded as base64 in JSON).
    public var screenshotPNG: Data?
    /// `screen.touch-test`: every contact seen, in order.
    public var touches: [TouchRecord]?
    /// `screen.calibrate`: the fitted matrix (libinput convention, panel frame) and the mean
    /// distance in UI pixels between the targets and the calibrated touches.
    public var calibration: [Double]?
    public var calibrationErrorPixels: Double?
    /// The journey's screen ("attract", "home", "ticket-issued", …); nil before its first.
    public var screen: String?
    /// `screen.status` while the journey's screen shows: where each button is, and what a tap on
    /// it means (no personal data: intents name services and keys, never what was typed).
    public var targets: [ScreenTargetRecord]?

    public init(device: String, state: String, width: Int, height: Int, rotation: Int, pixelFormat: String, buffering: String, frames: Int,
                lastError: String? = nil, screenshotPNG: Data? = nil, touches: [TouchRecord]? = nil, calibration: [Double]? = nil,
                calibrationErrorPixels: Double? = nil) {
        self.device = device
        self.state = state
        self.width = width
        self.height = height
        self.rotation = rotation
        self.pixelFormat = pixelFormat
        self.buffering = buffering
        self.frames = frames
        self.lastError = lastError
        self.screenshotPNG = screenshotPNG
        self.touches = touches
        self.calibration = calibration
        self.calibrationErrorPixels = calibrationErrorPixels
    }
}

/// One touch as the touch test saw it: where the panel reported it and where it lands on the UI.
public struct TouchRecord: Codable, Sendable, Equatable {
    /// "down", "move" or "up".
    public var phase: String
    public var contact: Int
    public var rawX: Int
    public var rawY: Int
    public var x: Int
    public var y: Int

    public init(phase: String, contact: Int, rawX: Int, rawY: Int, x: Int, y: Int) {
        self.phase = phase
        self.contact = contact
        self.rawX = rawX
        self.rawY = rawY
        self.x = x
        self.y = y
    }
}


/// One button of the journey's screen: its intent's name ("take-ticket", "digit:7") and its box
/// in UI pixels.
public struct ScreenTargetRecord: Codable, Sendable, Equatable {
    public var intent: String
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(intent: String, x: Int, y: Int, width: Int, height: Int) {
        self.intent = intent
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// The button's centre: where a test or a technician taps.
    public var centre: (x: Int, y: Int) { (x + width / 2, y + height / 2) }
}
