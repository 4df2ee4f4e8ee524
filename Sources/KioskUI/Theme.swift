import Graphics

/// The kiosk's colours. Night-time screens: a dark blue ground, white text; every text colour
/// meets 4.5:1 contrast on the colour it is drawn on (white on #0B1A33 is 17:1, #DDE6F5 on it
/// 13:1; KioskUITests check every pair on every screen).
public enum Theme {
    public static let background = Color(rgb: 0x0B1A33)
    public static let text = Color.white
    public static let secondaryText = Color(rgb: 0xDDE6F5)
    public static let accent = Color(rgb: 0x2196F3)
    public static let touchMark = Color(rgb: 0xFFC107)

    /// The attract screen after a while without a touch: darker, text still 9:1.
    public static let dimmedBackground = Color(rgb: 0x03070F)
    public static let dimmedText = Color(rgb: 0xA8B3C4)

    /// Tiles and panels on the background; white text on it is 13:1.
    public static let surface = Color(rgb: 0x17335E)
    /// The main action of a screen; white text 5.7:1.
    public static let primaryButton = Color(rgb: 0x1565C0)
    public static let secondaryButton = Color(rgb: 0x2A4A7A)
    /// A button that cannot be used now: grey, and its label says why (colour is never the only cue).
    public static let disabledButton = Color(rgb: 0x39424F)
    /// Notices (what does not work and what to do): dark text on light amber, 14:1.
    public static let noticeFill = Color(rgb: 0xFFE08A)
    public static let noticeText = Color(rgb: 0x1A1A1A)
    /// The idle countdown banner: dark text on amber, 11:1, so it cannot be missed.
    public static let bannerFill = Color(rgb: 0xFFC107)
    public static let bannerText = Color(rgb: 0x111111)
    /// Fields showing what was typed, and the ticket number: dark on white.
    public static let fieldFill = Color.white
    public static let fieldText = Color(rgb: 0x0B1A33)
}
