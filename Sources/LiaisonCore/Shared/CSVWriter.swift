/// The one writer of every CSV that Liaison exports (reports, profiles, the audit log, import errors): RFC 4180
/// quoting, and safe to open in a spreadsheet by default — a cell that a spreadsheet would run as a formula
/// (starting `=`, `+`, `-`, `@`, a tab or a carriage return) is written with a leading apostrophe, unless it is
/// a plain number.
public struct CSVWriter: Sendable {
    public private(set) var text: String

    public init(header: [String]) {
        text = ""
        row(header)
    }

    /// Appends one row.
    public mutating func row(_ fields: [String]) {
        text += fields.map(Self.cell).joined(separator: ",") + "\n"
    }

    /// One cell as it is written.
    /// - Complexity: O(n) in the length of the cell.
    public static func cell(_ raw: String) -> String {
        var value = raw
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), !isNumber(value) {
            value = "'" + value
        }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
            return value
        }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A plain decimal number such as -12 or -3.50, which no spreadsheet runs as a formula.
    static func isNumber(_ value: String) -> Bool {
        var digits = value.utf8.dropFirst(value.hasPrefix("-") ? 1 : 0)
        if digits.isEmpty { return false }
        var dot = false
        while let byte = digits.first {
            digits = digits.dropFirst()
            if byte == UInt8(ascii: ".") && !dot {
                dot = true
                continue
            }
            if !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { return false }
        }
        return true
    }
}
