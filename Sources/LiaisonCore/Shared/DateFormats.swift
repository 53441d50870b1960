import Foundation

/// The date formats Liaison writes and reads, each made once. ISO 8601 format styles are values, safe to share.
public enum DateFormats {
    /// An instant in UTC: "2026-12-04T19:02:38Z".
    public static let instantStyle = Date.ISO8601FormatStyle()
    /// A day in UTC: "2026-12-04".
    public static let dayStyle = Date.ISO8601FormatStyle().year().month().day()
    /// An instant with milliseconds, as STIX writes timestamps: "2026-12-04T19:02:38.120Z".
    public static let millisecondStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    /// "2026-12-04T19:02:38Z".
    public static func instant(_ date: Date) -> String { date.formatted(instantStyle) }
    /// The instant `text` names ("2026-12-04T19:02:38Z"), or nil.
    public static func instant(_ text: String) -> Date? { try? instantStyle.parse(text) }
    /// "2026-12-04" (UTC).
    public static func day(_ date: Date) -> String { date.formatted(dayStyle) }
    /// The start (UTC) of the day `text` names as yyyy-mm-dd, or nil.
    public static func day(_ text: String) -> Date? { try? dayStyle.parse(text) }

    /// A yyyy-MM-dd day in words, as people write it ("1 June 2026"); anything else as given.
    public static func words(_ text: String) -> String {
        day(text).map { $0.formatted(.dateTime.day().month(.wide).year().locale(Locale(identifier: "en_GB"))) }
            ?? text
    }
}
