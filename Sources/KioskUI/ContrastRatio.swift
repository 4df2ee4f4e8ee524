#if canImport(Glibc)
import Glibc
#endif
import Graphics

/// WCAG 2 contrast between two opaque colours: (L1 + 0.05) / (L2 + 0.05) of their relative
/// luminances, from 1 (same) to 21 (black on white). Screens need >= 4.5 for text.
public enum ContrastRatio {
    public static func between(_ a: Color, _ b: Color) -> Double {
        let la = luminance(a), lb = luminance(b)
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    /// Relative luminance of an sRGB colour (WCAG 2.x definition).
    static func luminance(_ color: Color) -> Double {
        func linear(_ channel: UInt8) -> Double {
            let value = Double(channel) / 255
            return value <= 0.04045 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(color.red) + 0.7152 * linear(color.green) + 0.0722 * linear(color.blue)
    }
}
