import Graphics

/// The kiosk's colours. Night-time screens: a dark blue ground, white text; every pair meets
/// 4.5:1 contrast (white on #0B1A33 is 17:1, #DDE6F5 on it 13:1).
public enum Theme {
    public static let background = Color(rgb: 0x0B1A33)
    public static let text = Color.white
    public static let secondaryText = Color(rgb: 0xDDE6F5)
    public static let accent = Color(rgb: 0x2196F3)
    public static let touchMark = Color(rgb: 0xFFC107)
}
