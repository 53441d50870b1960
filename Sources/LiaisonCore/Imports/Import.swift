import Foundation
import LiaisonMatching

/// A partner's file format and how its columns become a subject's details, saved per source so the next file
/// from the same partner needs no mapping.
public struct ImportSource: Codable, Sendable, Equatable {
    public enum Format: String, Codable, Sendable, CaseIterable {
        case csv
        /// JSON Lines: one JSON object per line; its keys are the columns.
        case jsonl
    }

    public var name: String
    public var format: Format
    public var mapping: ImportMapping
    public var agencyID: AgencyID
    public var updatedBy: String
    public var updatedAt: Date

    public init(
        name: String, format: Format, mapping: ImportMapping, agencyID: AgencyID, updatedBy: String, updatedAt: Date
    ) {
        self.name = name
        self.format = format
        self.mapping = mapping
        self.agencyID = agencyID
        self.updatedBy = updatedBy
        self.updatedAt = updatedAt
    }
}

/// One file being loaded: how far it got, what loaded and what did not. Progress is saved with each batch of
/// subjects in the same transaction, so an interrupted import resumes after the last batch and never loads a row twice.
public struct ImportJob: Codable, Sendable, Equatable, Identifiable {
    public enum Status: String, Codable, Sendable {
        /// `interrupted`: it was running but has made no progress for `ImportJob.stalledAfter` (the process loading
        /// it stopped, killed or crashed); it resumes where its last batch ended.
        case running, completed, failed, interrupted
    }

    /// How long a running import may go without saving a batch before it is taken as interrupted.
    public static let stalledAfter: TimeInterval = 300

    /// The job as it stands at `time`: a running job with no progress for `stalledAfter` is interrupted.
    public func observed(at time: Date) -> ImportJob {
        guard status == .running, time.timeIntervalSince(updatedAt) > Self.stalledAfter else { return self }
        var shown = self
        shown.status = .interrupted
        shown.failure =
            "no progress since \(DateFormats.instant(updatedAt)): the process loading it stopped. "
            + "Resume it with the same file (liaison import resume \(id) FILE --as USER); rows already loaded are not loaded again."
        return shown
    }

    public var id: String
    public var source: String
    public var fileName: String
    /// The file's size in bytes, when known (for progress and ETA).
    public var fileSize: Int?
    public var status: Status
    /// Data rows read (header excluded), loaded as subjects, and refused.
    public var rowsRead: Int
    public var rowsLoaded: Int
    public var rowsFailed: Int
    /// Bytes of the file consumed by the rows read: where a resumed import continues.
    public var offset: Int
    /// The CSV header, kept so a resumed import reads the file from `offset` without reading it again.
    public var header: [String]
    /// The agency whose user started it: only its users see the job.
    public var agencyID: AgencyID
    public var startedBy: String
    public var startedAt: Date
    public var updatedAt: Date
    /// Why the job failed, when it did (the file's own fault, such as a broken quote).
    public var failure: String?
    /// Pairs of a loaded subject and one already held (or another loaded one) that are likely one person, queued
    /// for review when the import finished.
    public var possibleDuplicates: Int?

    public init(
        id: String = UUID().uuidString.lowercased(), source: String, fileName: String, fileSize: Int?, header: [String],
        agencyID: AgencyID, startedBy: String, at time: Date
    ) {
        self.id = id
        self.source = source
        self.fileName = fileName
        self.fileSize = fileSize
        status = .running
        rowsRead = 0
        rowsLoaded = 0
        rowsFailed = 0
        offset = 0
        self.header = header
        self.agencyID = agencyID
        self.startedBy = startedBy
        startedAt = time
        updatedAt = time
    }

    /// The share of the file done, when its size is known.
    public var fraction: Double? { fileSize.flatMap { $0 > 0 ? min(1, Double(offset) / Double($0)) : nil } }
}

/// A row that did not load: its number in the file (the header being row 1), the field at fault and why.
public struct ImportRowError: Codable, Sendable, Equatable {
    public var row: Int
    public var field: String
    public var reason: String

    public init(row: Int, field: String, reason: String) {
        self.row = row
        self.field = field
        self.reason = reason
    }
}

/// How a partner's columns become a subject's details: `FIELD=COLUMN[,COLUMN…]`. Fields are the person fields of the
/// matching engine (`given_name`, `surname`, `date_of_birth`, `address`…) and `identifier.KIND` for an identifier of a
/// kind from the reference list (`identifier.passport=passport_no`). Several columns mapped to `address` are joined.
public struct ImportMapping: Codable, Sendable, Equatable {
    public var fields: [String: [String]]
    /// The column holding the partner's own record ID, kept in the subject's notes as its provenance.
    public var idColumn: String?
    /// A pattern such as `dd/MM/yyyy` for dates of birth; without one, the common forms are understood.
    public var dateFormat: String?

    public init(fields: [String: [String]], idColumn: String? = nil, dateFormat: String? = nil) {
        self.fields = fields
        self.idColumn = idColumn
        self.dateFormat = dateFormat
    }

    static let personFields = Set(PersonField.allCases.map(\.rawValue)).subtracting(["identifier", "email", "region"])

    /// Parses `FIELD=COLUMN[,COLUMN…]` entries, checking each field and identifier kind.
    public static func parse(_ entries: [String], idColumn: String?, dateFormat: String?, reference: ReferenceData)
        throws -> ImportMapping
    {
        var fields: [String: [String]] = [:]
        var v = Validator()
        for entry in entries {
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[1].isEmpty else {
                v.fail("map", "\(Validator.quoted(entry)): expected FIELD=COLUMN[,COLUMN…]")
                continue
            }
            let field = parts[0]
            if field.hasPrefix("identifier.") {
                let kind = String(field.dropFirst("identifier.".count))
                if !reference.contains(kind, in: "identifier-kind") {
                    v.fail("map", "\(Validator.quoted(entry)): \(Validator.quoted(kind)) is not an identifier kind")
                }
            } else if !personFields.contains(field) {
                v.fail(
                    "map",
                    "\(Validator.quoted(entry)): unknown field \(Validator.quoted(field)); fields are \(personFields.sorted().joined(separator: ", ")) and identifier.KIND"
                )
            }
            fields[field, default: []] += parts[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        if let dateFormat, let problem = PartialDateOfBirth.problem(pattern: dateFormat) {
            v.fail("dateFormat", "\(Validator.quoted(dateFormat)): \(problem)")
        }
        if fields.isEmpty { v.fail("map", "give at least one FIELD=COLUMN") }
        if !fields.keys.contains(where: { ["given_name", "surname", "full_name"].contains($0) }) {
            v.fail("map", "must include given_name, surname or full_name: a subject needs a name")
        }
        try v.check()
        return ImportMapping(fields: fields, idColumn: idColumn, dateFormat: dateFormat)
    }

    /// Whether a date's known parts can be a day on the calendar (no 31 February).
    static func exists(_ date: PartialDateOfBirth) -> Bool {
        guard let month = date.month else { return true }
        guard (1...12).contains(month) else { return false }
        guard let day = date.day else { return true }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return DateComponents(calendar: calendar, year: date.year, month: month, day: day).isValidDate
    }

    /// A full name as given and family names: `FAMILY, Given` or `Given Family`.
    static func split(_ full: String) -> (given: String, family: String) {
        if let comma = full.firstIndex(of: ",") {
            return (
                full[full.index(after: comma)...].trimmingCharacters(in: .whitespaces),
                full[..<comma].trimmingCharacters(in: .whitespaces)
            )
        }
        let words = full.split(separator: " ")
        guard words.count > 1 else { return ("", full) }
        return (words.dropLast().joined(separator: " "), String(words.last!))
    }

    /// The column(s) behind a field of the subject's details, as a row error names them: `details.names[0].family` → the
    /// column mapped to `surname`.
    public func column(for path: String) -> String {
        let field = path.hasPrefix("details.") ? String(path.dropFirst("details.".count)) : path
        let candidates: [String] =
            switch field {
            case let f where f.hasPrefix("names"):
                f.hasSuffix(".given")
                    ? ["given_name", "full_name"]
                    : f.hasSuffix(".middle") ? ["middle_names"] : ["surname", "full_name", "given_name"]
            case let f where f.hasPrefix("datesOfBirth"): ["date_of_birth"]
            case let f where f.hasPrefix("sex"): ["sex"]
            case let f where f.hasPrefix("nationalities"): ["nationality"]
            case let f where f.hasPrefix("identifiers"): fields.keys.filter { $0.hasPrefix("identifier.") }.sorted()
            case let f where f.hasPrefix("addresses"):
                (f.hasPrefix("addresses[1]") ? ["previous_"] : ["", "previous_"]).map { prefix in
                    prefix
                        + (f.hasSuffix(".postcode")
                            ? "postcode"
                            : f.hasSuffix(".town") ? "town" : f.hasSuffix(".country") ? "country" : "address")
                }
            case let f where f.hasPrefix("phones"): ["phone"]
            default: []
            }
        return candidates.lazy.compactMap { self.fields[$0]?.joined(separator: "+") }.first ?? field
    }

    /// Columns the mapping names that the file's header lacks.
    public func missingColumns(in header: [String]) -> [String] {
        let present = Set(header)
        return (fields.values.flatMap { $0 } + (idColumn.map { [$0] } ?? [])).filter { !present.contains($0) }
    }

    /// The subject described by one row (columns by name), before validation, with what could not be read.
    public func details(_ row: [String: String], source: String) -> (
        details: SubjectDetails, problems: [ImportRowError.Partial]
    ) {
        func values(_ field: String) -> [String] {
            (fields[field] ?? []).compactMap { row[$0]?.trimmingCharacters(in: .whitespacesAndNewlines) }.filter {
                !$0.isEmpty
            }
        }
        func first(_ field: String) -> String? { values(field).first }
        var problems: [ImportRowError.Partial] = []
        var names: [PersonName] = []
        if let given = first("given_name"), let family = first("surname") {
            names.append(PersonName(given: given, middle: first("middle_names"), family: family))
        } else if first("surname") != nil || (first("given_name") != nil && first("full_name") == nil) {
            // Half a name: kept as it is, for validation to name the part that is missing.
            names.append(
                PersonName(
                    given: first("given_name") ?? "", middle: first("middle_names"), family: first("surname") ?? ""))
        } else if let full = first("full_name") {
            let parsed = Self.split(full)
            names.append(PersonName(given: parsed.given, middle: nil, family: parsed.family))
        }
        for alias in values("alias") {
            let parsed = Self.split(alias)
            names.append(PersonName(kind: .alias, given: parsed.given, family: parsed.family))
        }
        var dates: [String] = []
        for raw in values("date_of_birth") {
            if let date = PartialDateOfBirth.parse(raw, format: dateFormat), let year = date.year, Self.exists(date) {
                dates.append(
                    [
                        String(format: "%04d", year), date.month.map { String(format: "%02d", $0) },
                        date.day.map { String(format: "%02d", $0) },
                    ]
                    .compactMap { $0 }.prefix(date.month == nil ? 1 : 3).joined(separator: "-"))
            } else {
                problems.append(
                    .init(
                        field: fields["date_of_birth"]?.first ?? "date_of_birth",
                        reason:
                            "'\(raw.prefix(40))' is not a date of birth\(dateFormat.map { " in the form \($0)" } ?? "")"
                    ))
            }
        }
        var identifiers: [PersonIdentifier] = []
        for (field, _) in fields where field.hasPrefix("identifier.") {
            for value in values(field) {
                identifiers.append(PersonIdentifier(kind: String(field.dropFirst("identifier.".count)), value: value))
            }
        }
        // The address, then a previous one, each where any part of it is given.
        var addresses: [PostalAddress] = []
        for (prefix, country) in [("", first("country")), ("previous_", nil)] {
            let line = values(prefix + "address").joined(separator: " ")
            let town = first(prefix + "town")
            let postcode = first(prefix + "postcode")
            if !line.isEmpty || town != nil || postcode != nil {
                addresses.append(PostalAddress(line: line, town: town, postcode: postcode, country: country))
            }
        }
        let sex = first("sex").map { raw -> String in
            switch raw.lowercased() {
            case "m", "male": "male"
            case "f", "female": "female"
            default: raw.lowercased() == "u" ? "unknown" : raw.lowercased()
            }
        }
        let id = idColumn.flatMap { row[$0] }.flatMap { $0.isEmpty ? nil : $0 }
        return (
            SubjectDetails(
                names: names, datesOfBirth: dates, sex: sex,
                nationalities: values("nationality").map { $0.uppercased() },
                identifiers: identifiers, addresses: addresses, phones: values("phone"),
                notes: id.map { "Imported from \(source), record \($0)." }), problems
        )
    }
}

extension ImportRowError {
    /// A problem found before the row number is known.
    public struct Partial: Sendable, Equatable {
        public var field: String
        public var reason: String
    }
}

/// The error report of an import, as CSV: `row,field,reason`. Cells that a spreadsheet would run as a formula are
/// defused (column names come from the partner's file).
public enum ImportReport {
    public static func csv(_ errors: [ImportRowError]) -> String {
        var out = CSVWriter(header: ["row", "field", "reason"])
        for error in errors { out.row([String(error.row), error.field, error.reason]) }
        return out.text
    }
}
