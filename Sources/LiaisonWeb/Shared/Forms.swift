import Foundation
import Hummingbird
import LiaisonCore

/// A submitted HTML form (`application/x-www-form-urlencoded`), with repeated fields kept.
struct FormData {
    private var values: [String: [String]] = [:]

    init(_ body: String) {
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String {
                String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            guard let key = parts.first.map(decode), !key.isEmpty else { continue }
            values[key, default: []].append(parts.count > 1 ? decode(parts[1]) : "")
        }
        // A date typed in the three boxes of a GOV.UK date input (NAME-day, NAME-month, NAME-year) is read as
        // NAME, yyyy-mm-dd; boxes left partly empty or not numbers give day/month/year as typed, which the
        // date's own check refuses by the field's name.
        for key in values.keys.filter({ $0.hasSuffix("-day") }) {
            let name = String(key.dropLast(4))
            guard values[name] == nil else { continue }
            let day = DateAnswer(self, name)
            if day.isEmpty {
                values[name] = [""]
            } else if let d = Int(day.day), let m = Int(day.month), let y = Int(day.year), day.year.count == 4 {
                values[name] = [String(format: "%04d-%02d-%02d", y, m, d)]
            } else {
                values[name] = ["\(day.day)/\(day.month)/\(day.year)"]
            }
        }
    }

    /// The largest form body read.
    static let maximumBytes = 256 * 1024

    /// Reads a form body of at most `maximumBytes`. Its anti-forgery token was checked before any handler ran
    /// (`AuthMiddleware.checkForgery`).
    static func read(_ request: Request) async throws -> FormData {
        FormData(String(buffer: try await request.body.collect(upTo: maximumBytes)))
    }

    subscript(_ name: String) -> String { values[name]?.first ?? "" }
    func all(_ name: String) -> [String] { (values[name] ?? []).filter { !$0.isEmpty } }

    /// How many numbered rows the form holds, from the count its page wrote in `name`: from 0 to `limit`, whatever
    /// was sent (a negative or absurd count gives no rows or `limit` rows, never a failure).
    func rowCount(_ name: String, limit: Int) -> Int { min(max(Int(self[name]) ?? 0, 0), limit) }

    /// Non-empty trimmed lines of a textarea.
    func lines(_ name: String) -> [String] {
        self[name].split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
        }
    }

    /// Codes chosen in a field sent several times (checkboxes), each of which may also list several separated by
    /// commas (as typed, or from an API client).
    func codes(_ name: String) -> [String] {
        all(name).flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
        }
    }

    /// Comma- or line-separated items of a field.
    func items(_ name: String) -> [String] {
        self[name].split(whereSeparator: { $0 == "," || $0.isNewline }).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }
}

/// Collects the problems found while reading a form, keyed by form field, in the order found.
struct FormErrors {
    private(set) var list: [FormError] = []

    mutating func add(_ field: String, _ message: String) {
        if !list.contains(where: { $0.anchor == field }) { list.append(FormError(anchor: field, message: message)) }
    }

    subscript(_ field: String) -> String? { list.first { $0.anchor == field }?.message }
    var isEmpty: Bool { list.isEmpty }

    /// Adds the service's field errors, mapping each field path to the form field that holds it.
    mutating func add(_ errors: [FieldError], map: (String) -> (field: String, label: String)) {
        for error in errors {
            let target = map(error.field)
            add(target.field, "\(target.label) \(FormProblem.reason(error.reason))")
        }
    }
}

/// The index in a path such as `details.identifiers[2].value` (2), if any.
func pathIndex(_ path: String) -> Int? {
    guard let open = path.firstIndex(of: "["), let close = path[open...].firstIndex(of: "]") else { return nil }
    return Int(path[path.index(after: open)..<close])
}

/// How a record's form reads, saves and reports: what `saveRecordForm` needs to know about one kind of record.
struct RecordForm<Service: RecordService, Values> {
    let service: Service
    /// The pages' path for the records, e.g. `/subjects`.
    let path: String
    /// The record's name in messages, e.g. "group".
    let noun: String
    /// The form field that shows a "someone else changed this" message.
    let staleField: String
    let read: (FormData) -> Values
    let input: (Values, inout FormErrors) -> Service.Input
    /// Maps a service field path to the form field and its label.
    let map: (String) -> (field: String, label: String)
    /// The service's own checks that need no store, run when the form's fields already have problems, so that
    /// every problem is reported at once rather than the service's only after the form's are put right.
    var check: ((Service.Input) -> [FieldError])? = nil

    /// Reads the fields and saves; then goes to the saved record, or shows the form again (422) with every problem
    /// and what the user typed. Saves a submitted form. `beforeCreate` may answer instead of creating (e.g. to show likely duplicates first);
    /// it returns nil to go ahead.
    func save(
        _ request: Request, _ context: LiaisonRequestContext, id: Service.Record.ID?,
        beforeCreate: ((Service.Input, Values, FormData) async throws -> Response?)? = nil,
        render: (Values, FormErrors) async throws -> Response
    ) async throws -> Response {
        let user = try context.user()
        let submitted = try await FormData.read(request)
        let values = read(submitted)
        var errors = FormErrors()
        let input = self.input(values, &errors)
        if !errors.isEmpty, let check { errors.add(check(input), map: map) }
        if errors.isEmpty {
            do {
                if id == nil, let beforeCreate, let answer = try await beforeCreate(input, values, submitted) {
                    return answer
                }
                let saved =
                    if let id { try await service.update(id, input, by: user, request: context.request) } else {
                        try await service.create(input, by: user, request: context.request)
                    }
                return Response.redirect(to: "\(path)/\(saved.id)?saved=1")
            } catch LiaisonError.invalid(let problems) {
                errors.add(problems, map: map)
            } catch LiaisonError.staleVersion(_, _, _, let current) {
                errors.add(
                    staleField,
                    "Someone else changed this \(noun) while you were editing it (it is now version \(current)). Open it again to see their change, then make yours."
                )
            }
        }
        return try await render(values, errors)
    }
}
