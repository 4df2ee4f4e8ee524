import CFreeType

/// One FreeType library instance. Fonts and glyph caches hang off it; not thread-safe, so one
/// renderer owns it. The corresponding C functions are `FT_Init_FreeType` and `FT_Done_FreeType`.
public final class FreeTypeLibrary {
    let library: FT_Library

    public init() throws(FreeTypeError) {
        var library: FT_Library?
        let error = FT_Init_FreeType(&library)
        guard error == 0, let library else { throw FreeTypeError(call: "FT_Init_FreeType", code: error) }
        self.library = library
    }

    deinit {
        FT_Done_FreeType(library)
    }

    /// The library's version, e.g. "2.12.1".
    public var version: String {
        var major: FT_Int = 0, minor: FT_Int = 0, patch: FT_Int = 0
        FT_Library_Version(library, &major, &minor, &patch)
        return "\(major).\(minor).\(patch)"
    }
}

public struct FreeTypeError: Error, Equatable, CustomStringConvertible {
    public var call: String
    public var code: FT_Error

    public var description: String {
        let text = FT_Error_String(code).map { String(cString: $0) } ?? "error \(code)"
        return "\(call) failed: \(text)"
    }
}
