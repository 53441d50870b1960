import Foundation

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
        var reader = Reader()
        return (try reader.feed(bytes) + (try reader.finish())).map(\.fields)
    }

    /// Parses whole CSV text into rows of fields, cutting it at row boundaries into pieces read on every core.
    /// The same rows, and the same first fault, as ``parse(_:)``.
    public static func parseInParallel(_ bytes: [UInt8], pieceBytes: Int? = nil) async throws(ParseError) -> [[String]]
    {
        try await parseInParallel(bytes, pieceBytes: pieceBytes) { forEachRow in
            var rows: [[String]] = []
            forEachRow { rows.append($0.fields) }
            return rows
        }.flatMap { $0 }
    }

    /// Parses CSV text from `start` (where `rowsBefore` rows have been read) on every core, as
    /// ``parseInParallel(_:pieceBytes:)``. Each piece is handed to `eachPiece` as a way to visit its rows in place,
    /// so no row outlives its reading; the pieces' results in file order.
    static func parseInParallel<T: Sendable>(
        _ bytes: [UInt8], from start: Int = 0, rowsBefore: Int = 0, pieceBytes: Int? = nil,
        eachPiece: @escaping @Sendable (_ forEachRow: ((Row) -> Void) -> Void) -> T
    ) async throws(ParseError) -> [T] {
        let every =
            pieceBytes ?? max(1 << 18, (bytes.count - start) / (ProcessInfo.processInfo.activeProcessorCount * 16))
        let cuts = rowStarts(bytes, from: start, rowsBefore: rowsBefore, every: every)
        let pieces = await Parallel.chunks(count: cuts.count) { range -> [Result<T, ParseError>] in
            range.map { k -> Result<T, ParseError> in
                let end = k + 1 < cuts.count ? cuts[k + 1].offset : bytes.count
                var reader = Reader(offset: cuts[k].offset, rowsSeen: cuts[k].rowsBefore)
                var fault: ParseError?
                let result = eachPiece { eachRow in
                    do throws(ParseError) {
                        // A piece ends after a line break outside quotes, so finishing it adds no row, but reports a fault.
                        try reader.feed(bytes[cuts[k].offset..<end], eachRow: eachRow)
                        try reader.finish(eachRow: eachRow)
                    } catch {
                        fault = error
                    }
                }
                return fault.map { .failure($0) } ?? .success(result)
            }
        }.flatMap { $0 }
        var results: [T] = []
        for piece in pieces {
            switch piece {
            case .success(let part): results.append(part)
            case .failure(let fault): throw fault
            }
        }
        return results
    }

    /// The first row of CSV text and the offset just past it, or nil if there is none.
    static func firstRow(_ bytes: [UInt8]) throws(ParseError) -> (fields: [String], end: Int)? {
        var reader = Reader()
        var at = 0
        while at < bytes.count {
            let next = min(bytes.count, at + 65_536)
            if let row = try reader.feed(bytes[at..<next]).first { return row }
            at = next
        }
        return try reader.finish().first
    }

    /// Where rows start, about every `stride` bytes (the first at 0), with the line breaks before each: the places
    /// a file can be cut and each piece read by a fresh ``Reader``. Follows the reader's quoting exactly, so a
    /// line break inside a quoted field is never a cut.
    static func rowStarts(_ b: [UInt8], from start: Int = 0, rowsBefore: Int = 0, every stride: Int) -> [(
        offset: Int, rowsBefore: Int
    )] {
        quoteFreeRowStarts(b, from: start, rowsBefore: rowsBefore, every: stride)
            ?? scanningRowStarts(b, from: start, rowsBefore: rowsBefore, every: stride)
    }

    /// ``rowStarts(_:from:rowsBefore:every:)`` for text without a quote, where every line break ends a row: the
    /// cuts are found by jumping to each line break past the stride, with no state to follow byte by byte. Nil if
    /// the text has a quote.
    static func quoteFreeRowStarts(_ b: [UInt8], from start: Int, rowsBefore: Int, every stride: Int) -> [(
        offset: Int, rowsBefore: Int
    )]? {
        b.withUnsafeBufferPointer { p -> [(offset: Int, rowsBefore: Int)]? in
            guard let base = p.baseAddress, start < p.count, memchr(base + start, 0x22, p.count - start) == nil else {
                return nil
            }
            var cuts = [(offset: start, rowsBefore: rowsBefore)]
            var rows = rowsBefore
            var counted = start
            var from = start + max(1, stride) - 1
            while from < p.count, let hit = memchr(base + from, 0x0A, p.count - from) {
                let i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if i + 1 >= p.count { break }
                rows &+= lineBreaks(UnsafeBufferPointer(rebasing: p[counted...i]))
                counted = i + 1
                cuts.append((i + 1, rows))
                from = i + stride
            }
            return cuts
        }
    }

    /// How many bytes of `bytes` are line breaks (LF or CR), eight at a time.
    static func lineBreaks(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        /// The high bit of each zero byte of `x`, and no other.
        func zeroBytes(_ x: UInt64) -> UInt64 { ~(((x & low) &+ low) | x | low) }
        var count = 0
        var k = 0
        while k + 8 <= bytes.count {
            let word = raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)
            count += (zeroBytes(word ^ 0x0A0A_0A0A_0A0A_0A0A) | zeroBytes(word ^ 0x0D0D_0D0D_0D0D_0D0D)).nonzeroBitCount
            k += 8
        }
        while k < bytes.count {
            count += bytes[k] == 0x0A || bytes[k] == 0x0D ? 1 : 0
            k += 1
        }
        return count
    }

    /// ``rowStarts(_:from:rowsBefore:every:)`` following the reader's quoting byte by byte.
    static func scanningRowStarts(_ b: [UInt8], from start: Int, rowsBefore: Int, every stride: Int) -> [(
        offset: Int, rowsBefore: Int
    )] {
        var cuts = [(offset: start, rowsBefore: rowsBefore)]
        var inQuotes = false
        var quoteInQuotes = false
        var fieldStarted = false
        var rows = rowsBefore
        var next = start + stride
        for i in start..<b.count {
            let byte = b[i]
            if quoteInQuotes {
                quoteInQuotes = false
                if byte == 0x22 { continue }
                inQuotes = false
            } else if inQuotes {
                if byte == 0x22 { quoteInQuotes = true }
                continue
            }
            switch byte {
            case 0x22 where !fieldStarted:
                inQuotes = true
                fieldStarted = true
            case 0x2C:
                fieldStarted = false
            case 0x0A, 0x0D:
                fieldStarted = false
                rows += 1
                if byte == 0x0A, i + 1 >= next, i + 1 < b.count {
                    cuts.append((i + 1, rows))
                    next = i + 1 + stride
                }
            default:
                fieldStarted = true
            }
        }
        return cuts
    }

    /// One row read in place: its fields' bytes end to end, valid only while it is being handed over.
    public struct Row {
        let bytes: UnsafeBufferPointer<UInt8>
        /// Field i ends at `ends[i]` and starts where field i - 1 ends.
        let ends: UnsafeBufferPointer<Int>
        /// The offset just past the row's line break.
        public let end: Int

        public var count: Int { ends.count }

        /// Field `i`'s bytes (none past the last field).
        public subscript(i: Int) -> UnsafeBufferPointer<UInt8> {
            guard i < ends.count else { return UnsafeBufferPointer(start: nil, count: 0) }
            return UnsafeBufferPointer(rebasing: bytes[(i == 0 ? 0 : ends[i - 1])..<ends[i]])
        }

        public var fields: [String] { (0..<count).map { String(decoding: self[$0], as: UTF8.self) } }
    }

    /// Reads CSV in pieces of any size, in constant memory: each row is returned once complete, with the byte
    /// offset just past it, so a reader can stop after any row and a later one start again from that offset.
    public struct Reader: Sendable {
        /// The row being read: its fields' bytes end to end, and where each field ends.
        private var row: [UInt8] = []
        private var ends: [Int] = []
        private var inQuotes = false, afterQuote = false, fieldStarted = false
        /// A quote inside a quoted field: doubled (a literal quote) or closing, as the next byte tells.
        private var quoteInQuotes = false
        /// Rows read so far, blank lines included, for error messages.
        private var rowsSeen: Int
        /// Bytes consumed so far (counting from where reading started).
        public private(set) var offset: Int

        /// The longest row accepted, in bytes, if limited: a longer one is a fault (a file that is not CSV, or
        /// a quote never closed, would otherwise be held whole).
        private let maximumRowBytes: Int?
        private var rowBytes = 0

        /// How much of a UTF-8 byte-order mark the text has begun with: spreadsheet programs put one before the
        /// header, and it is not part of the first column's name. 3 once the start is past (or reading began later).
        private var markRead: Int

        static let byteOrderMark: InlineArray<3, UInt8> = [0xEF, 0xBB, 0xBF]

        /// - Parameters: offset and rows already read, when continuing a file part way through; the longest row allowed.
        public init(offset: Int = 0, rowsSeen: Int = 0, maximumRowBytes: Int? = nil) {
            self.offset = offset
            self.rowsSeen = rowsSeen
            self.maximumRowBytes = maximumRowBytes
            markRead = offset == 0 ? 0 : 3
        }

        /// Where the text broke, once it has: every later call reports it.
        private var broken: ParseError?

        /// The rows completed by these bytes, each with the offset just past its line break. Rows completed before a
        /// fault in these bytes are still returned; the fault is thrown by the next call.
        public mutating func feed(_ bytes: some Collection<UInt8>) throws(ParseError) -> [(fields: [String], end: Int)]
        {
            var rows: [(fields: [String], end: Int)] = []
            try feed(bytes) { rows.append(($0.fields, $0.end)) }
            return rows
        }

        /// Hands each row completed by these bytes to `eachRow`, in place. A fault is thrown at once if no row was
        /// handed over by this call, otherwise by the next.
        public mutating func feed(_ bytes: some Collection<UInt8>, eachRow: (Row) -> Void) throws(ParseError) {
            if let broken { throw broken }
            let fault: ParseError? =
                bytes.withContiguousStorageIfAvailable { read($0, eachRow) }
                ?? Array(bytes).withUnsafeBufferPointer { read($0, eachRow) }
            if let fault { throw fault }
        }

        /// The last row, if the text does not end with a line break.
        public mutating func finish() throws(ParseError) -> [(fields: [String], end: Int)] {
            var rows: [(fields: [String], end: Int)] = []
            try finish { rows.append(($0.fields, $0.end)) }
            return rows
        }

        /// Hands the last row, if the text does not end with a line break, to `eachRow`.
        public mutating func finish(eachRow: (Row) -> Void) throws(ParseError) {
            if let broken { throw broken }
            keepPartialMark()
            if quoteInQuotes {
                quoteInQuotes = false
                inQuotes = false
            }
            if inQuotes { throw ParseError(row: rowsSeen + 1, reason: "a quoted field is never closed") }
            guard fieldStarted || !row.isEmpty || !ends.isEmpty else { return }
            endField()
            rowsSeen += 1
            hand(eachRow)
        }

        /// Reads `bytes`, handing over each completed row; a fault is kept for later calls, and returned only if
        /// no row was handed over.
        private mutating func read(_ bytes: UnsafeBufferPointer<UInt8>, _ eachRow: (Row) -> Void) -> ParseError? {
            var handed = false
            var i = 0
            while markRead < 3 && i < bytes.count {
                guard bytes[i] == Self.byteOrderMark[markRead] else {
                    keepPartialMark()
                    break
                }
                markRead += 1
                i += 1
                offset += 1
            }
            while i < bytes.count {
                // Plain text (the usual case) is taken in runs up to the next comma or line break.
                if !inQuotes && !quoteInQuotes && !afterQuote && (fieldStarted || bytes[i] != 0x22) {
                    var j = i
                    while j < bytes.count, bytes[j] != 0x2C, bytes[j] != 0x0A, bytes[j] != 0x0D { j += 1 }
                    if j > i && (maximumRowBytes.map { rowBytes + j - i <= $0 } ?? true) {
                        row += UnsafeBufferPointer(rebasing: bytes[i..<j])
                        offset += j - i
                        rowBytes += j - i
                        fieldStarted = true
                        i = j
                        continue
                    }
                }
                let byte = bytes[i]
                i += 1
                offset += 1
                rowBytes += 1
                if let maximumRowBytes, rowBytes > maximumRowBytes {
                    return fail(
                        ParseError(
                            row: rowsSeen + 1,
                            reason:
                                "a row longer than \(maximumRowBytes) bytes (is the file CSV, and every quote closed?)"),
                        handed)
                }
                if quoteInQuotes {
                    quoteInQuotes = false
                    if byte == 0x22 {
                        row.append(0x22)
                        continue
                    }
                    inQuotes = false
                    afterQuote = true
                } else if inQuotes {
                    if byte == 0x22 { quoteInQuotes = true } else { row.append(byte) }
                    continue
                }
                switch byte {
                case 0x22 where !fieldStarted:
                    inQuotes = true
                    fieldStarted = true
                case 0x2C:
                    endField()
                case 0x0A, 0x0D:
                    // A CR LF pair ends one row: the LF then ends an empty one, which is skipped like any blank line.
                    endField()
                    rowsSeen += 1
                    rowBytes = 0
                    if !(ends.count == 1 && ends[0] == 0) {
                        hand(eachRow)
                        handed = true
                    } else {
                        clearRow()
                    }
                default:
                    if afterQuote {
                        return fail(ParseError(row: rowsSeen + 1, reason: "text after a closing quote"), handed)
                    }
                    row.append(byte)
                    fieldStarted = true
                }
            }
            return nil
        }

        /// The text began with part of a byte-order mark but not all of it: those bytes are the first field's.
        private mutating func keepPartialMark() {
            guard markRead < 3 else { return }
            for k in 0..<markRead { row.append(Self.byteOrderMark[k]) }
            rowBytes += markRead
            fieldStarted = fieldStarted || markRead > 0
            markRead = 3
        }

        private mutating func fail(_ fault: ParseError, _ handed: Bool) -> ParseError? {
            broken = fault
            return handed ? nil : fault
        }

        private mutating func hand(_ eachRow: (Row) -> Void) {
            let end = offset
            row.withUnsafeBufferPointer { bytes in
                ends.withUnsafeBufferPointer { eachRow(Row(bytes: bytes, ends: $0, end: end)) }
            }
            clearRow()
        }

        private mutating func clearRow() {
            row.removeAll(keepingCapacity: true)
            ends.removeAll(keepingCapacity: true)
        }

        private mutating func endField() {
            ends.append(row.count)
            afterQuote = false
            fieldStarted = false
        }
    }

    /// One field, quoted when it must be.
    public static func escape(_ field: String) -> String {
        if field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return field
    }

    /// One field appended as ``escape(_:)`` writes it.
    public static func append(_ field: String, to out: inout [UInt8]) {
        var field = field
        field.withUTF8 { bytes in
            if bytes.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
                out += escape(String(decoding: bytes, as: UTF8.self)).utf8
            } else {
                out += bytes
            }
        }
    }

    /// One line of fields.
    public static func line(_ fields: [String]) -> String { fields.map(escape).joined(separator: ",") + "\n" }
}

/// Maps a source's columns to person fields: `given_name=first`, `address=street,locality` (joined),
/// `identifier.passport=passport_no` (an identifier of a named kind), and the ID column.
public struct ColumnMapping: Sendable, Equatable {
    public var idColumn: String
    public var fields: [PersonField: [String]]
    /// The kind of identifier a column holds, where the mapping names it. Where it does not and several columns are
    /// identifiers, each column's kind is its name.
    public var identifierKinds: [String: String]

    public init(idColumn: String, fields: [PersonField: [String]], identifierKinds: [String: String] = [:]) {
        self.idColumn = idColumn
        self.fields = fields
        self.identifierKinds = identifierKinds
    }

    /// The kinds of identifier the mapping reads (none where its one identifier column has no kind named).
    public var identifierKindNames: Set<String> { Set((fields[.identifier] ?? []).compactMap(identifierKind)) }

    /// The kind of identifier in `column`, if it has one: named in the mapping, or the column's own name where
    /// several columns are identifiers.
    func identifierKind(_ column: String) -> String? {
        identifierKinds[column] ?? ((fields[.identifier]?.count ?? 0) > 1 ? column : nil)
    }

    /// Which columns make which field, for people to check: "id ← rec_id; given_name ← given_name; address ←
    /// street_number + address_1".
    public var summary: String {
        (["id ← \(idColumn)"]
            + fields.sorted { $0.key.ordinal < $1.key.ordinal }.map { field, columns in
                field == .identifier
                    ? "identifier ← "
                        + columns.map { column in identifierKind(column).map { "\(column) (\($0))" } ?? column }
                        .joined(separator: ", ")
                    : "\(field.rawValue) ← \(columns.joined(separator: " + "))"
            })
            .joined(separator: "; ")
    }

    /// A problem with a mapping, naming what is wrong.
    public struct MappingError: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String
    }

    /// Parses `FIELD=COLUMN[,COLUMN…]` entries (FIELD a person field, or `identifier.KIND`). Without any, every column
    /// named like a field maps to it.
    public static func parse(idColumn: String, entries: [String], header: [String]) throws(MappingError)
        -> ColumnMapping
    {
        var fields: [PersonField: [String]] = [:]
        var kinds: [String: String] = [:]
        if entries.isEmpty {
            for column in header {
                if let field = PersonField(rawValue: column) { fields[field, default: []].append(column) }
            }
        }
        for entry in entries {
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[1].isEmpty else {
                throw MappingError(description: "--map \(entry): expected FIELD=COLUMN[,COLUMN…]")
            }
            let kind = parts[0].hasPrefix("identifier.") ? String(parts[0].dropFirst("identifier.".count)) : nil
            guard let field = kind == nil ? PersonField(rawValue: parts[0]) : .identifier, kind?.isEmpty != true else {
                throw MappingError(
                    description: "--map \(entry): unknown field '\(parts[0])'; fields are "
                        + PersonField.allCases.map(\.rawValue).joined(separator: ", ")
                        + ", and identifier.KIND for an identifier of a kind (identifier.passport)")
            }
            let columns = parts[1].split(separator: ",").map(String.init)
            fields[field, default: []] += columns
            if let kind { for column in columns { kinds[column] = kind } }
        }
        let mapping = ColumnMapping(idColumn: idColumn, fields: fields, identifierKinds: kinds)
        for column in [idColumn] + fields.values.flatMap({ $0 }) where !header.contains(column) {
            throw MappingError(
                description: "column '\(column)' is not in the file's header (\(header.joined(separator: ", ")))"
                    + hint(column, header))
        }
        return mapping
    }

    /// What a column missing from the header most likely means: another case, or a file not separated by commas.
    public static func hint(_ column: String, _ header: [String]) -> String {
        if let near = header.first(where: { $0.caseInsensitiveCompare(column) == .orderedSame }) {
            return "; did you mean '\(near)'?"
        }
        if header.count == 1, let separator = [";", "\t", "|"].first(where: { header[0].contains($0) }) {
            let name = ["\t": "tabs", ";": "semicolons", "|": "bars"][separator]!
            return "; the header is one column with \(name) in it: save the file with commas between columns"
        }
        return ""
    }

    /// The mapping resolved against a header: column positions, ready to read rows.
    public struct Compiled: Sendable {
        let id: Int
        let fields: [(field: PersonField, columns: [Int])]
        /// The kind of identifier each column holds, by position, where several columns are identifiers: a column's
        /// kind is its name, so a passport number is not compared with a National Insurance number.
        let identifierKinds: [Int: String]
        /// Every mapped column with its field's ``PersonField/ordinal`` and kind, a field's columns in order.
        private let columns: [(field: Int, column: Int, kind: UInt16)]

        init(id: Int, fields: [(field: PersonField, columns: [Int])], identifierKinds: [Int: String] = [:]) {
            self.id = id
            self.fields = fields
            self.identifierKinds = identifierKinds
            columns = fields.flatMap { field, columns in
                columns.map { (field.ordinal, $0, identifierKinds[$0].map { IdentifierKind.code($0.utf8) } ?? 0) }
            }
        }

        /// The person in one row. Several columns mapped to `address` (or `previous_address`) are joined with spaces;
        /// to other fields they become several values.
        public func record(_ row: [String]) -> PersonRecord {
            func value(_ i: Int) -> String { i < row.count ? row[i] : "" }
            var record = PersonRecord(id: value(id), capacity: fields.count)
            for (field, columns) in fields {
                if field == .address || field == .previousAddress, columns.count > 1 {
                    let joined = columns.map(value).filter { !$0.isEmpty }.joined(separator: " ")
                    if !joined.isEmpty { record.append(field, joined) }
                } else {
                    for column in columns where !value(column).isEmpty {
                        record.append(
                            field,
                            identifierKinds[column].map { PersonRecord.identifier(value(column), kind: $0) }
                                ?? value(column))
                    }
                }
            }
            return record
        }

        /// The ID in one row.
        public func id(_ row: [String]) -> String { id < row.count ? row[id] : "" }

        /// The person in one row read in place, as ``record(_:)`` reads it: the ID, and the non-empty values' places
        /// in the row into `spans` (for ``RecordValues`` over the row's bytes).
        func read(_ row: CSV.Row, spans: inout [RecordValues.Span]) -> String {
            spans.removeAll(keepingCapacity: true)
            columns.withUnsafeBufferPointer { columns in
                for (field, column, kind) in columns where column < row.count {
                    var start = column == 0 ? 0 : row.ends[column - 1]
                    var end = row.ends[column]
                    // Values are read without the spaces around them.
                    while start < end && row.bytes[start] == 0x20 { start += 1 }
                    while end > start && row.bytes[end - 1] == 0x20 { end -= 1 }
                    if end > start {
                        spans.append(RecordValues.Span(field: field, start: start, end: end, kind: kind))
                    }
                }
            }
            let value = row[id]
            let padded = !value.isEmpty && (value.first == 0x20 || value.last == 0x20)
            return padded
                ? String(decoding: value, as: UTF8.self).trimmingCharacters(in: .whitespaces)
                : String(decoding: value, as: UTF8.self)
        }
    }

    /// Resolves column names to positions in `header` (the first occurrence of a repeated name).
    public func compile(header: [String]) -> Compiled {
        let positions = Dictionary(header.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let identifiers = (fields[.identifier] ?? []).compactMap { name in
            positions[name].flatMap { at in identifierKind(name).map { (at, $0) } }
        }
        return Compiled(
            id: positions[idColumn] ?? Int.max,
            fields: fields.sorted { $0.key.rawValue < $1.key.rawValue }.map {
                ($0.key, $0.value.map { positions[$0] ?? Int.max })
            },
            identifierKinds: Dictionary(identifiers, uniquingKeysWith: { first, _ in first }))
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

    /// Values given in a file but not read, which count as missing: how many, and the first, with its row.
    public struct Unread: Sendable, Equatable {
        public var count: Int
        public var firstRow: Int
        public var firstValue: String
    }

    /// Rows whose number of columns is not the header's: how many, and the first, with its row and its count.
    public struct Ragged: Sendable, Equatable {
        public var count: Int
        public var firstRow: Int
        public var firstColumns: Int
        /// The header's number of columns.
        public var columns: Int
    }

    /// A file's people, prepared, and what of it was not read.
    public struct Contents: Sendable {
        public var people: [PreparedPerson]
        /// Dates of birth not read as dates (in no form known, or not in the pattern given), if any.
        public var unreadDates: Unread?
        /// Rows with fewer columns than the header (those missing count as empty) or more (those beyond are not
        /// read), if any.
        public var raggedRows: Ragged?
    }

    /// Parses, validates and prepares every row of `csv`.
    /// - Parameters:
    ///   - map: `FIELD=COLUMN[,COLUMN…]` entries (see ``ColumnMapping/parse(idColumn:entries:header:)``).
    public static func prepare(
        csv: some Collection<UInt8>, idColumn: String, map: [String], variants: NameVariants = .standard,
        dateFormat: String? = nil
    ) async throws(Problem) -> [PreparedPerson] {
        try await read(csv: csv, idColumn: idColumn, map: map, variants: variants, dateFormat: dateFormat).people
    }

    /// ``prepare(csv:idColumn:map:variants:dateFormat:)``, saying also which dates of birth were not read.
    public static func read(
        csv: some Collection<UInt8>, idColumn: String, map: [String], variants: NameVariants = .standard,
        dateFormat: String? = nil
    ) async throws(Problem) -> Contents {
        // One copy into an array lets the pieces be read over contiguous memory, whatever collection holds the file.
        let bytes = Array(csv)
        let (mapping, header) = try Self.mapping(bytes, idColumn: idColumn, map: map)
        let compiled = mapping.compile(header: header.fields)
        // Each row is prepared as it is read; a row without an ID is kept aside to be reported below.
        // Each piece's people, each ID's hash, and whether the piece stopped at a row without an ID.
        let pieces:
            [(
                people: [PreparedPerson], hashes: [UInt64], stoppedAtEmptyID: Bool,
                unreadDates: (count: Int, first: (record: Int, value: String)?),
                ragged: (count: Int, first: (record: Int, columns: Int)?)
            )]
        let columns = header.fields.count
        do {
            pieces = try await CSV.parseInParallel(bytes, from: header.end, rowsBefore: 1) { forEachRow in
                var packer = PersonPacker(variants: variants, dateFormat: dateFormat)
                var spans: [RecordValues.Span] = []
                var people: [PreparedPerson] = []
                var hashes: [UInt64] = []
                var stopped = false
                var ragged: (count: Int, first: (record: Int, columns: Int)?) = (0, nil)
                forEachRow { row in
                    if stopped { return }
                    let id = compiled.read(row, spans: &spans)
                    if id.isEmpty {
                        stopped = true
                        return
                    }
                    if row.count != columns {
                        if ragged.first == nil { ragged.first = (people.count, row.count) }
                        ragged.count += 1
                    }
                    var hash = KeyHash(0)
                    hash.add(id.utf8)
                    hashes.append(hash.value)
                    people.append(
                        PreparedPerson(
                            id: id,
                            packed: spans.withUnsafeBufferPointer {
                                packer.pack(RecordValues(bytes: row.bytes, spans: $0))
                            }))
                }
                return (people, hashes, stopped, (packer.unreadDates, packer.firstUnreadDate), ragged)
            }
        } catch { throw Problem(description: error.description) }
        // Rows after one without an ID are not looked at; IDs before it are checked for repeats, in file order.
        let stop = pieces.firstIndex { $0.stoppedAtEmptyID }
        let kept = pieces[..<(stop.map { $0 + 1 } ?? pieces.count)]
        let people = Array(kept.map(\.people).joined())
        if let row = firstRepeat(people, hashes: Array(kept.map(\.hashes).joined())) {
            throw Problem(description: "row \(row + 2): ID '\(people[row].id)' appears twice")
        }
        if stop != nil { throw Problem(description: "row \(people.count + 2): column '\(idColumn)' is empty") }
        var unread: Unread?
        var ragged: Ragged?
        var before = 0
        for piece in kept {
            if let first = piece.unreadDates.first {
                if unread == nil {
                    unread = Unread(count: 0, firstRow: before + first.record + 2, firstValue: first.value)
                }
                unread?.count += piece.unreadDates.count
            }
            if let first = piece.ragged.first {
                if ragged == nil {
                    ragged = Ragged(
                        count: 0, firstRow: before + first.record + 2, firstColumns: first.columns, columns: columns)
                }
                ragged?.count += piece.ragged.count
            }
            before += piece.people.count
        }
        return Contents(people: people, unreadDates: unread, raggedRows: ragged)
    }

    /// How `map` reads the file's columns, its header names taken without surrounding spaces (published files such as
    /// FEBRL's have a space after every comma).
    public static func mapping(csv: some Collection<UInt8>, idColumn: String, map: [String]) throws(Problem)
        -> ColumnMapping
    {
        try mapping(Array(csv.prefix(1 << 20)), idColumn: idColumn, map: map).0
    }

    static func mapping(_ bytes: [UInt8], idColumn: String, map: [String]) throws(Problem) -> (
        ColumnMapping, (fields: [String], end: Int)
    ) {
        let read: (fields: [String], end: Int)?
        do { read = try CSV.firstRow(bytes) } catch { throw Problem(description: error.description) }
        guard let read else { throw Problem(description: "the file is empty") }
        let header = (fields: read.fields.map { $0.trimmingCharacters(in: .whitespaces) }, end: read.end)
        do { return (try ColumnMapping.parse(idColumn: idColumn, entries: map, header: header.fields), header) } catch {
            throw Problem(description: error.description)
        }
    }

    /// The first person whose ID an earlier one has, found by the IDs' hashes in a table of row numbers: one core
    /// hashing a million IDs again into a Set took longer than the check itself.
    private static func firstRepeat(_ people: [PreparedPerson], hashes: [UInt64]) -> Int? {
        var capacity = 16
        while capacity < people.count * 2 { capacity <<= 1 }
        var seen = [Int32](repeating: -1, count: capacity)
        for (i, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: BlockIndex.mix(hash)) & (capacity - 1)
            while seen[slot] >= 0 {
                let other = Int(seen[slot])
                if hashes[other] == hash && people[other].id == people[i].id { return i }
                slot = (slot + 1) & (capacity - 1)
            }
            seen[slot] = Int32(i)
        }
        return nil
    }

    /// PAIRS.csv: the header `left_id,right_id,score`, then one row per match as the resolution orders them, each
    /// score a probability with four decimals; with `explain`, an `explanation` column too (see
    /// ``MatchExplanation/line``). The rows are written on every core.
    public static func pairsCSV(
        _ resolution: Resolution, left: [PreparedPerson], right: [PreparedPerson], explain: Bool = false
    ) async -> [UInt8] {
        let matches = resolution.matches
        let parts = await Parallel.chunks(count: matches.count) { range in
            var out: [UInt8] = []
            out.reserveCapacity(range.count * (explain ? 256 : 32))
            for pair in matches[range] {
                let (l, r) = (left[Int(pair.left)], right[Int(pair.right)])
                CSV.append(l.id, to: &out)
                out.append(0x2C)
                CSV.append(r.id, to: &out)
                out.append(0x2C)
                fixed4(pair.probability, to: &out)
                if explain {
                    out.append(0x2C)
                    let explanation = MatchExplanation(
                        Comparator.compare(l, r), scored: pair, model: resolution.model)
                    CSV.append(explanation.line, to: &out)
                }
                out.append(0x0A)
            }
            return out
        }
        var out = Array((explain ? "left_id,right_id,score,explanation\n" : "left_id,right_id,score\n").utf8)
        out.reserveCapacity(parts.reduce(out.count) { $0 + $1.count })
        for part in parts { out += part }
        return out
    }

    /// A probability in 0...1 with four decimals, rounded half away from zero ("0.9731"); far cheaper than a
    /// format string on every row.
    static func fixed4(_ value: Double) -> String {
        var out: [UInt8] = []
        fixed4(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func fixed4(_ value: Double, to out: inout [UInt8]) {
        let units = Int((min(max(value, 0), 1) * 10_000).rounded())
        out.append(UInt8(0x30 + units / 10_000))
        out.append(0x2E)
        for scale in [1_000, 100, 10, 1] { out.append(UInt8(0x30 + units / scale % 10)) }
    }
}
