import Foundation
import LiaisonCore

/// One question on a form page, as the `formField` partial draws it in the GOV.UK pattern: a label (a legend for
/// a date), a hint, the error beside the field, and the input of the right kind.
struct FormField {
    let name: String
    let label: String
    let hint: String?
    let error: String?
    let value: String
    let isText: Bool
    /// The text input's type: text, password, email…
    let type: String
    /// The browser's autofill hint for a text input (`username`, `current-password`).
    let autocomplete: String?
    let isTextarea: Bool
    let isSelect: Bool
    let isDate: Bool
    let options: [Option]
    let day: String
    let month: String
    let year: String
    /// The IDs of the hint and the error, for `aria-describedby`.
    let describedBy: String?

    struct Option {
        let code: String
        let label: String
        let selected: Bool
    }

    private init(
        _ name: String, _ label: String, hint: String?, error: String?, value: String = "", kind: Kind,
        options: [Option] = [], date: (day: String, month: String, year: String) = ("", "", ""),
        type: String = "text", autocomplete: String? = nil
    ) {
        self.name = name
        self.label = label
        self.hint = hint?.nonEmpty
        self.error = error?.nonEmpty
        self.value = value
        isText = kind == .text
        self.type = type
        self.autocomplete = autocomplete?.nonEmpty
        isTextarea = kind == .textarea
        isSelect = kind == .select
        isDate = kind == .date
        self.options = options
        (day, month, year) = date
        let ids = [self.hint.map { _ in "\(name)-hint" }, self.error.map { _ in "\(name)-error" }].compactMap { $0 }
        describedBy = ids.isEmpty ? nil : ids.joined(separator: " ")
    }

    private enum Kind { case text, textarea, select, date }

    static func text(
        _ name: String, _ label: String, value: String, hint: String? = nil, error: String? = nil,
        type: String = "text", autocomplete: String? = nil
    ) -> FormField {
        FormField(
            name, label, hint: hint, error: error, value: value, kind: .text, type: type, autocomplete: autocomplete)
    }

    static func textarea(_ name: String, _ label: String, value: String, hint: String? = nil, error: String? = nil)
        -> FormField
    {
        FormField(name, label, hint: hint, error: error, value: value, kind: .textarea)
    }

    static func select(
        _ name: String, _ label: String, choices: [(code: String, label: String)], selected: String,
        hint: String? = nil, error: String? = nil
    ) -> FormField {
        FormField(
            name, label, hint: hint, error: error, kind: .select,
            options: choices.map { Option(code: $0.code, label: $0.label, selected: $0.code == selected) })
    }

    /// A date as three boxes (day, month, year), named `NAME-day`, `NAME-month` and `NAME-year`.
    static func date(_ name: String, _ label: String, value: DateAnswer, hint: String? = nil, error: String? = nil)
        -> FormField
    {
        FormField(name, label, hint: hint, error: error, kind: .date, date: (value.day, value.month, value.year))
    }
}

/// A date typed into the three boxes of a date field, as typed.
struct DateAnswer {
    var day = ""
    var month = ""
    var year = ""

    init(day: String = "", month: String = "", year: String = "") {
        self.day = day
        self.month = month
        self.year = year
    }

    /// The boxes of the field `name` in a submitted form.
    init(_ form: FormData, _ name: String) {
        func box(_ part: String) -> String { form["\(name)-\(part)"].trimmingCharacters(in: .whitespaces) }
        self.init(day: box("day"), month: box("month"), year: box("year"))
    }

    var isEmpty: Bool { day.isEmpty && month.isEmpty && year.isEmpty }

    /// The day meant (the start of it, UTC), or why there is none, naming the field as `label`.
    func date(_ label: String) -> Result<Date, DateProblem> {
        if day.isEmpty || month.isEmpty || year.isEmpty {
            let missing = [("a day", day), ("a month", month), ("a year", year)].filter { $0.1.isEmpty }.map(\.0)
            return .failure(DateProblem("\(label) must include \(missing.joined(separator: " and "))"))
        }
        guard let d = Int(day), let m = Int(month), let y = Int(year), y >= 1000, y <= 9999,
            let date = DateFormats.day(String(format: "%04d-%02d-%02d", y, m, d)),
            DateFormats.day(date) == String(format: "%04d-%02d-%02d", y, m, d)
        else { return .failure(DateProblem("\(label) must be a real date")) }
        return .success(date)
    }

    /// The same date in a form's hidden fields, for a check-your-answers page.
    func hidden(_ name: String) -> [(name: String, value: String)] {
        [("\(name)-day", day), ("\(name)-month", month), ("\(name)-year", year)]
    }
}

/// Why a typed date cannot be used.
struct DateProblem: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
