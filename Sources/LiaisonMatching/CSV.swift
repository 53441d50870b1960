/// RFC 4180 comma-separated values: quoted fields may hold commas, quotes (doubled) and line breaks.
public enum CSV {
    /// A malformed file, naming the row (1-based, the header being row 1).
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public var row: Int
        public var reason: String
        public var description: String { "row \(row): \(reason)" }
    }

    /// Parses whole CSV text into rows of fields.
    /// - Complexity: O(n) in the number of bytes.
    public static func parse(_ bytes: some Collection<UInt8>) throws(ParseError) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field: [UInt8] = []
        var inQuotes = false, afterQuote = false, fieldStarted = false
        var iterator = bytes.makeIterator()
        var pending: UInt8? = nil
        func endField() {
            row.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            afterQuote = false
            fieldStarted = false
        }
        while let byte = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if byte == 0x22 {
                    let next = iterator.next()
                    if next == 0x22 { field.append(0x22) } else { inQuotes = false; afterQuote = true; pending = next }
                } else {
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case 0x22 where !fieldStarted:
                inQuotes = true
                fieldStarted = true
            case 0x2C:
                endField()
            case 0x0A, 0x0D:
                if byte == 0x0D, let next = iterator.next(), next != 0x0A { pending = next }
                endField()
                if !(row.count == 1 && row[0].isEmpty) { rows.append(row) }
                row.removeAll(keepingCapacity: true)
            default:
                if afterQuote { throw ParseError(row: rows.count + 1, reason: "text after a closing quote") }
                field.append(byte)
                fieldStarted = true
            }
        }
        if inQuotes { throw ParseError(row: rows.count + 1, reason: "a quoted field is never closed") }
        if fieldStarted || !field.isEmpty || !row.isEmpty {
            endField()
            rows.append(row)
        }
        return rows
    }

    /// One field, quoted when it must be.
    public static func escape(_ field: String) -> String {
        if field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return field
    }

    /// One line of fields.
    public static func line(_ fields: [String]) -> String { fields.map(escape).joined(separator: ",") + "\n" }
}

/// Maps a source's columns to person fields: `given_name=first`, `address=street,locality` (joined), and the ID column.
public struct ColumnMapping: Sendable, Equatable {
    public var idColumn: String
    public var fields: [PersonField: [String]]

    public init(idColumn: String, fields: [PersonField: [String]]) {
        self.idColumn = idColumn
        self.fields = fields
    }

    /// A problem with a mapping, naming what is wrong.
    public struct MappingError: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String
    }

    /// Parses `FIELD=COLUMN[,COLUMN…]` entries. Without any, every column named like a field maps to it.
    public static func parse(idColumn: String, entries: [String], header: [String]) throws(MappingError) -> ColumnMapping {
        var fields: [PersonField: [String]] = [:]
        if entries.isEmpty {
            for column in header { if let field = PersonField(rawValue: column) { fields[field, default: []].append(column) } }
        }
        for entry in entries {
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[1].isEmpty else { throw MappingError(description: "--map \(entry): expected FIELD=COLUMN[,COLUMN…]") }
            guard let field = PersonField(rawValue: parts[0]) else {
                throw MappingError(description: "--map \(entry): unknown field '\(parts[0])'; fields are "
                                   + PersonField.allCases.map(\.rawValue).joined(separator: ", "))
            }
            fields[field, default: []] += parts[1].split(separator: ",").map(String.init)
        }
        let mapping = ColumnMapping(idColumn: idColumn, fields: fields)
        for column in [idColumn] + fields.values.flatMap({ $0 }) where !header.contains(column) {
            throw MappingError(description: "column '\(column)' is not in the file's header (\(header.joined(separator: ", ")))")
        }
        return mapping
    }

    /// The mapping resolved against a header: column positions, ready to read rows.
    public struct Compiled: Sendable {
        let id: Int
        let fields: [(field: PersonField, columns: [Int])]

        /// The person in one row. Several columns mapped to `address` are joined with spaces; to other fields they
        /// become several values.
        public func record(_ row: [String]) -> PersonRecord {
            func value(_ i: Int) -> String { i < row.count ? row[i] : "" }
            var values: [PersonField: [String]] = [:]
            values.reserveCapacity(fields.count)
            for (field, columns) in fields {
                let raw = columns.map(value).filter { !$0.isEmpty }
                values[field] = field == .address ? [raw.joined(separator: " ")] : raw
            }
            return PersonRecord(id: value(id), values: values)
        }

        /// The ID in one row.
        public func id(_ row: [String]) -> String { id < row.count ? row[id] : "" }
    }

    /// Resolves column names to positions in `header` (the first occurrence of a repeated name).
    public func compile(header: [String]) -> Compiled {
        let positions = Dictionary(header.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return Compiled(id: positions[idColumn] ?? Int.max,
                        fields: fields.sorted { $0.key.rawValue < $1.key.rawValue }.map { ($0.key, $0.value.map { positions[$0] ?? Int.max }) })
    }

    /// The person in one row (`header` gives the column positions).
    public func record(_ row: [String], header: [String]) -> PersonRecord { compile(header: header).record(row) }
}

/// A CSV file of people: header, mapping and validation (every row has an ID, no ID twice), then preparation.
public enum PersonFile {
    /// What is wrong with a file, naming the row or column.
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String
    }

    /// Parses, validates and prepares every row of `csv`.
    /// - Parameters:
    ///   - map: `FIELD=COLUMN[,COLUMN…]` entries (see ``ColumnMapping/parse(idColumn:entries:header:)``).
    public static func prepare(csv: some Collection<UInt8>, idColumn: String, map: [String], variants: NameVariants = .standard,
                               dateFormat: String? = nil) async throws(Problem) -> [PreparedPerson] {
        let rows: [[String]]
        do { rows = try CSV.parse(csv) } catch { throw Problem(description: error.description) }
        guard let header = rows.first else { throw Problem(description: "the file is empty") }
        let compiled: ColumnMapping.Compiled
        do { compiled = try ColumnMapping.parse(idColumn: idColumn, entries: map, header: header).compile(header: header) }
        catch { throw Problem(description: error.description) }
        var seen = Set<String>(minimumCapacity: rows.count)
        for (n, row) in rows.dropFirst().enumerated() {
            let id = compiled.id(row)
            guard !id.isEmpty else { throw Problem(description: "row \(n + 2): column '\(idColumn)' is empty") }
            guard seen.insert(id).inserted else { throw Problem(description: "row \(n + 2): ID '\(id)' appears twice") }
        }
        let body = Array(rows.dropFirst())
        return await PreparedPerson.prepareAll(count: body.count, variants: variants, dateFormat: dateFormat) { compiled.record(body[$0]) }
    }
}
