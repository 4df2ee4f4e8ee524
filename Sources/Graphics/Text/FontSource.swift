/// One face of one font file in the fallback chain: the file, the face's index in it (a .ttc
/// holds several) and a name for the status page and the logs.
public struct FontSource: Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var faceIndex: Int
    public var name: String

    public init(path: String, faceIndex: Int = 0, name: String) {
        self.path = path
        self.faceIndex = faceIndex
        self.name = name
    }

    public var description: String { "\(name) ('\(path)' face \(faceIndex))" }

    /// Noto Sans CJK SC (fonts-noto-cjk). The collection's faces are JP, KR, SC, TC, HK: face 0
    /// draws Japanese shapes for many hanzi (骨, 直, 写…), so the Simplified Chinese face is 2.
    /// It covers every hanzi of GB 18030's BMP part including all of Extension A (䶮 U+4DAE).
    public static let notoSansCJKSimplifiedChinese = FontSource(
        path: "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", faceIndex: 2, name: "Noto Sans CJK SC")

    /// DejaVu Sans (fonts-dejavu-core, already pulled in by fontconfig): symbols, arrows and
    /// scripts that the CJK face lacks.
    public static let dejaVuSans = FontSource(path: "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", name: "DejaVu Sans")

    /// HanaMin A (fonts-hanazono): a Mincho (serif) face, so it comes after the sans faces; it
    /// has the Basic Multilingual Plane's hanzi and some of Extension B.
    public static let hanaMinA = FontSource(path: "/usr/share/fonts/truetype/hanazono/HanaMinA.ttf", name: "HanaMin A")

    /// HanaMin B (fonts-hanazono): Extensions B to F (plane 2), for rare characters in names.
    public static let hanaMinB = FontSource(path: "/usr/share/fonts/truetype/hanazono/HanaMinB.ttf", name: "HanaMin B")

    /// The kiosk's chain, tried in this order for every character. Extension G (U+30000…) is in
    /// none of Debian 12's fonts packages that we use: those characters are drawn as tofu.
    public static let standardChain: [FontSource] = [notoSansCJKSimplifiedChinese, dejaVuSans, hanaMinA, hanaMinB]
}
