import Foundation

/// Collects field errors while checking an input, so a user sees every problem at once.
public struct Validator: Sendable {
    public private(set) var errors: [FieldError] = []

    public init() {}

    public mutating func fail(_ field: String, _ reason: String) { errors.append(FieldError(field, reason)) }

    /// A value someone sent, as a reason quotes it: in single quotes, cut to 40 characters (ending "…") and its
    /// control characters shown as pictures (see ``ControlPictures``), so no reason repeats a long input back into a
    /// page, a redirect or a log, or breaks its line.
    public static func quoted(_ value: some StringProtocol) -> String {
        "'\(ControlPictures.visible(value.count > 40 ? value.prefix(39) + "…" : String(value)))'"
    }

    /// Trims `value`; checks it is present (when `required`) and no longer than `max` characters.
    @discardableResult
    public mutating func text(_ value: String?, _ field: String, required: Bool = false, max: Int = 200) -> String? {
        let trimmed = value?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if trimmed.isEmpty {
            if required { fail(field, "must not be empty") }
            return nil
        }
        if trimmed.count > max { fail(field, "must be at most \(max) characters") }
        if trimmed.unicodeScalars.contains(where: {
            $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\r" && $0 != "\t"
        }) {
            fail(field, "must not contain control characters")
        }
        return trimmed
    }

    /// Checks a code belongs to a reference list.
    public mutating func code(
        _ value: String?, _ field: String, in list: String, reference: ReferenceData, required: Bool = false
    ) {
        guard let value, !value.isEmpty else {
            if required { fail(field, "must not be empty") }
            return
        }
        if !reference.contains(value, in: list) { fail(field, "\(Self.quoted(value)) is not in the \(list) list") }
    }

    /// Checks a full or partial ISO date: `yyyy`, `yyyy-MM` or `yyyy-MM-dd`, a real calendar date, not in the future.
    public mutating func partialDate(_ value: String, _ field: String, today: Date) {
        if !PartialDate.isValid(value, notAfter: today) {
            fail(field, "must be a date as yyyy-MM-dd, yyyy-MM or yyyy, not in the future")
        }
    }

    public mutating func count<T>(_ items: [T], _ field: String, max: Int) {
        if items.count > max { fail(field, "must have at most \(max) entries") }
    }

    /// Throws `LiaisonError.invalid` when any check failed.
    public func check() throws {
        if !errors.isEmpty { throw LiaisonError.invalid(errors) }
    }
}

/// Full or partial dates of birth as ISO strings.
public enum PartialDate {
    public static func isValid(_ value: String, notAfter today: Date) -> Bool {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count),
            parts[0].count == 4, let year = Int(parts[0]), year >= 1880
        else { return false }
        var month = 1
        var day = 1
        if parts.count >= 2 {
            guard parts[1].count == 2, let m = Int(parts[1]), (1...12).contains(m) else { return false }
            month = m
        }
        if parts.count == 3 {
            guard parts[2].count == 2, let d = Int(parts[2]), (1...31).contains(d) else { return false }
            day = d
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: year, month: month, day: day)
        guard let date = calendar.date(from: components),
            calendar.component(.day, from: date) == day
        else { return false }
        return date <= today
    }
}

/// Format checks for identifiers by kind. Unknown kinds get a generic check.
public enum IdentifierFormat {
    /// Returns the canonical form (upper case, no spaces) or nil when the value is not valid for the kind.
    public static func canonical(_ value: String, kind: String) -> String? {
        let compact = value.uppercased().filter { !$0.isWhitespace }
        guard !compact.isEmpty, compact.count <= 40 else { return nil }
        let ascii = compact.unicodeScalars.allSatisfy { $0.isASCII }
        guard ascii else { return nil }
        func all(_ s: Substring, _ test: (Character) -> Bool) -> Bool { s.allSatisfy(test) }
        switch kind {
        case "ho-reference":
            // One letter then seven digits, e.g. B1234567.
            guard compact.count == 8, let first = compact.first, first.isLetter,
                all(compact.dropFirst(), \.isNumber)
            else { return nil }
            return compact
        case "pnc":
            // YY/NNNNNNN L: two-digit year, slash, up to seven digits, check letter.
            let parts = compact.split(separator: "/")
            guard parts.count == 2, parts[0].count == 2 || parts[0].count == 4, all(parts[0], \.isNumber),
                let last = parts[1].last, last.isLetter, (2...8).contains(parts[1].count),
                all(parts[1].dropLast(), \.isNumber)
            else { return nil }
            return compact
        case "ni-number":
            // Two letters, six digits, suffix A–D; D, F, I, Q, U, V never in the prefix; O never second.
            let chars = Array(compact)
            guard chars.count == 9,
                chars[0].isLetter, chars[1].isLetter, chars[2..<8].allSatisfy(\.isNumber),
                "ABCD".contains(chars[8]),
                !"DFIQUV".contains(chars[0]), !"DFIQUVO".contains(chars[1])
            else { return nil }
            let prefix = String(chars[0...1])
            guard !["BG", "GB", "NK", "KN", "TN", "NT", "ZZ"].contains(prefix) else { return nil }
            return compact
        case "passport", "national-id":
            guard (5...12).contains(compact.count), compact.allSatisfy({ $0.isLetter || $0.isNumber }) else {
                return nil
            }
            return compact
        case "driving-licence":
            guard compact.count == 16, compact.allSatisfy({ $0.isLetter || $0.isNumber }) else { return nil }
            return compact
        default:
            guard compact.allSatisfy({ $0.isLetter || $0.isNumber || "/-.".contains($0) }) else { return nil }
            return compact
        }
    }

    /// A short description of the expected format, for error messages.
    public static func hint(kind: String) -> String {
        switch kind {
        case "ho-reference": "a letter followed by seven digits, e.g. B1234567"
        case "pnc": "year/number and check letter, e.g. 98/123456A"
        case "ni-number": "two letters, six digits and A, B, C or D, e.g. QQ123456C"
        case "passport", "national-id": "5 to 12 letters or digits"
        case "driving-licence": "16 letters or digits"
        default: "letters, digits, '/', '-' or '.' (at most 40)"
        }
    }
}

/// UK postcodes: normalised to upper case with one space before the inward code.
public enum Postcode {
    public static func normalised(_ raw: String) -> String? {
        let compact = raw.uppercased().filter { !$0.isWhitespace }
        guard (5...7).contains(compact.count), compact.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            return nil
        }
        let inward = compact.suffix(3)
        let outward = compact.dropLast(3)
        guard let digit = inward.first, digit.isNumber, inward.dropFirst().allSatisfy(\.isLetter),
            let first = outward.first, first.isLetter
        else { return nil }
        return "\(outward) \(inward)"
    }

    /// The postcode area: the leading letters, e.g. "M" for "M1 1AE", "SW" for "SW1A 1AA".
    public static func area(_ postcode: String) -> String { String(postcode.prefix { $0.isLetter }) }
}
