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
        var source = text
        if !text.utf8.allSatisfy({ $0 < 0x80 }) {
            source = text.applyingTransform(transform, reverse: false) ?? text
        }
        var output = [UInt8]()
        output.reserveCapacity(source.utf8.count)
        var pendingSpace = false
        for byte in source.utf8 {
            let lowered = (byte >= 0x41 && byte <= 0x5A) ? byte + 0x20 : byte
            let isWordByte = (lowered >= 0x61 && lowered <= 0x7A) || (lowered >= 0x30 && lowered <= 0x39)
            if isWordByte {
                if spaces && pendingSpace && !output.isEmpty { output.append(0x20) }
                pendingSpace = false
                output.append(lowered)
            } else if lowered == 0x27 || lowered >= 0x80 {
                // Apostrophes join ("O'Neil" → "oneil"); anything left outside ASCII is dropped.
                continue
            } else {
                pendingSpace = true
            }
        }
        return output
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
