import Foundation

/// Folds text in any script to lowercase ASCII words, the form every match and search key is built from.
///
/// "Łukasz Żółć" becomes "lukasz zolc", "Иван Петров" becomes "ivan petrov", "Al-Rashid" becomes "al rashid".
/// ASCII input takes a fast path; other scripts go through the ICU transform `Any-Latin; Latin-ASCII; Lower`.
public enum TextNormaliser {
    private static let transform = StringTransform("Any-Latin; Latin-ASCII; Lower")

    /// The folded text: lowercase ASCII letters and digits, words separated by single spaces.
    /// - Complexity: O(n) in the length of `text`.
    public static func fold(_ text: String) -> String {
        String(decoding: foldedBytes(text), as: UTF8.self)
    }

    /// The folded text as bytes; without `spaces`, the words run together (as ``compact(_:)``).
    /// - Complexity: O(n) in the length of `text`.
    public static func foldedBytes(_ text: String, spaces: Bool = true) -> [UInt8] {
        // Most text is ASCII held as contiguous UTF-8: folded straight from its bytes.
        if let folded = text.utf8.withContiguousStorageIfAvailable({ bytes in
            bytes.allSatisfy { $0 < 0x80 } ? fold(bytes, spaces: spaces) : nil
        }),
            let folded
        {
            return folded
        }
        var source = text
        if !text.utf8.allSatisfy({ $0 < 0x80 }) {
            source = text.applyingTransform(transform, reverse: false) ?? text
        }
        return fold(source.utf8, spaces: spaces)
    }

    /// Lowercase ASCII letters and digits of `bytes`, words separated by single spaces (or run together).
    private static func fold(_ bytes: some Collection<UInt8>, spaces: Bool) -> [UInt8] {
        var output = [UInt8]()
        output.reserveCapacity(bytes.count)
        var pendingSpace = false
        fold(bytes, spaces: spaces, pendingSpace: &pendingSpace, since: 0, to: &output)
        return output
    }

    /// Appends the folded form of `parts` joined by spaces to `out`: the same bytes as ``foldedBytes(_:spaces:)``
    /// of the joined text, without making it when the parts are ASCII.
    static func appendFolded(_ parts: some Collection<UnsafeBufferPointer<UInt8>>, spaces: Bool, to out: inout [UInt8])
    {
        if parts.contains(where: { part in part.contains { $0 >= 0x80 } }) {
            out += foldedBytes(parts.map { String(decoding: $0, as: UTF8.self) }.joined(separator: " "), spaces: spaces)
            return
        }
        let start = out.count
        var pendingSpace = false
        for part in parts {
            fold(part, spaces: spaces, pendingSpace: &pendingSpace, since: start, to: &out)
            pendingSpace = true
        }
    }

    /// Folds `bytes` onto `out`, whose output began at `since`; a separator seen last is left pending for what follows.
    /// Folded in working space first: each byte gives at most one, and a pending space one more.
    private static func fold(
        _ bytes: some Collection<UInt8>, spaces: Bool, pendingSpace: inout Bool, since start: Int,
        to output: inout [UInt8]
    ) {
        let empty = output.count == start
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count + 1) { out in
            var end = 0
            for byte in bytes {
                let lowered = (byte >= 0x41 && byte <= 0x5A) ? byte + 0x20 : byte
                let isWordByte = (lowered >= 0x61 && lowered <= 0x7A) || (lowered >= 0x30 && lowered <= 0x39)
                if isWordByte {
                    if spaces && pendingSpace && (end > 0 || !empty) {
                        out[end] = 0x20
                        end += 1
                    }
                    pendingSpace = false
                    out[end] = lowered
                    end += 1
                } else if lowered == 0x27 || lowered >= 0x80 {
                    // Apostrophes join ("O'Neil" → "oneil"); anything left outside ASCII is dropped.
                    continue
                } else {
                    pendingSpace = true
                }
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: out[0..<end]))
        }
    }

    /// The folded words of `text`.
    /// - Complexity: O(n) in the length of `text`.
    public static func tokens(_ text: String) -> [String] {
        foldedBytes(text).split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The folded text with every separator removed: "Al-Rashid" → "alrashid", "98/123456A" → "98123456a".
    /// - Complexity: O(n) in the length of `text`.
    public static func compact(_ text: String) -> String {
        String(decoding: foldedBytes(text, spaces: false), as: UTF8.self)
    }
}
