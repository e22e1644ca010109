/// The format characters that can hide, reorder or fake text on a screen although they are
/// printable in JSON and UTF-8: the Arabic letter mark U+061C, the Mongolian vowel separator
/// U+180E, zero-width spaces and joiners and the directional marks U+200B–U+200F, line and
/// paragraph separators and bidi embeddings and overrides U+2028–U+202E, word joiner,
/// invisible operators and bidi isolates U+2060–U+2069, the byte order mark U+FEFF and the
/// interlinear annotation characters U+FFF9–U+FFFB.
///
/// One set for every writer: `Sanitizer` replaces them on screen, the trace encoder and the
/// Chrome writer escape them as `\uXXXX`.
public enum HiddenScalars {
    @inline(__always)
    public static func contains(_ v: UInt32) -> Bool {
        v == 0x061C || v == 0x180E || (0x200B...0x200F).contains(v) || (0x2028...0x202E).contains(v)
            || (0x2060...0x2069).contains(v) || v == 0xFEFF || (0xFFF9...0xFFFB).contains(v)
    }
}
