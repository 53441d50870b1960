/// Control characters made visible, for text that must be read and never acted on: a field the audit chain keeps,
/// a message written to a terminal. Each C0 control and DEL is shown as its Unicode control picture (␀ for NUL, ␛ for
/// escape, ␡ for DEL); the C1 controls (U+0080–U+009F), which have no pictures, as U+FFFD.
public enum ControlPictures {
    /// Whether `scalar` is a C0 control (U+0000–U+001F) or DEL.
    public static func isC0OrDelete(_ scalar: Unicode.Scalar) -> Bool { scalar.value < 0x20 || scalar.value == 0x7F }

    /// The picture of a C0 control or DEL (`scalar` itself otherwise).
    public static func picture(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        guard isC0OrDelete(scalar) else { return scalar }
        return Unicode.Scalar(0x2400 + (scalar.value == 0x7F ? 0x21 : scalar.value))!
    }

    /// `text` on one line: every C0 control and DEL, line breaks and tabs too, shown as its picture.
    public static func visible(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map(picture)))
    }

    /// `text` as a terminal may show it: line breaks (LF) and tabs kept, every other control character made visible,
    /// so a file's header or value quoted in a message cannot move the cursor, recolour or rewrite the screen.
    /// - Complexity: O(n) in the length of `text`.
    public static func forTerminal(_ text: String) -> String {
        func acts(_ scalar: Unicode.Scalar) -> Bool {
            (isC0OrDelete(scalar) && scalar != "\n" && scalar != "\t") || (0x80...0x9F).contains(scalar.value)
        }
        guard text.unicodeScalars.contains(where: acts) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if !acts(scalar) {
                out.append(scalar)
            } else if isC0OrDelete(scalar) {
                out.append(picture(scalar))
            } else {
                out.append("\u{FFFD}")
            }
        }
        return String(out)
    }
}
