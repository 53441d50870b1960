import Foundation
import LiaisonMatching

/// What the Import service reads and writes: only these stores.
public typealias ImportServiceStore = ImportStore & SubjectStore & AgencyStore & ReferenceStore & MatchReviewStore

/// Loads partners' files of people as subjects: CSV or JSON Lines, read as a stream of byte chunks in constant
/// memory, validated row by row. Rows with errors are reported (row, field, reason) and the rest load. Each batch of
/// subjects is saved with the job's progress in one transaction, so an interrupted import resumes after the last
/// batch without loading any row twice. The caller supplies the bytes (a file, an HTTP body); this does no I/O.
public struct ImportService: Sendable {
    let store: any ImportServiceStore
    let clock: any LiaisonClock
    let auditor: Auditor
    /// When set, a finished import queues the likely duplicates it brought in (loaded subjects that look like ones
    /// already held, or like each other) for review.
    let reviews: MatchReviewService?
    public var batchSize: Int

    public static let kind = "import"

    public init(
        store: any ImportServiceStore, clock: any LiaisonClock, audit: AuditLog, reviews: MatchReviewService? = nil,
        batchSize: Int = 500
    ) {
        self.store = store
        self.clock = clock
        auditor = Auditor(log: audit)
        self.reviews = reviews
        self.batchSize = max(1, batchSize)
    }

    /// What to import: the source's name, and (to save or replace its mapping) the mapping entries.
    public struct Request: Sendable {
        public var source: String
        public var format: ImportSource.Format?
        public var mapping: [String]
        public var idColumn: String?
        public var dateFormat: String?
        public var fileName: String
        public var fileSize: Int?

        public init(
            source: String, format: ImportSource.Format? = nil, mapping: [String] = [], idColumn: String? = nil,
            dateFormat: String? = nil, fileName: String, fileSize: Int? = nil
        ) {
            self.source = source
            self.format = format
            self.mapping = mapping
            self.idColumn = idColumn
            self.dateFormat = dateFormat
            self.fileName = fileName
            self.fileSize = fileSize
        }
    }

    /// Starts an import and loads the whole file. `progress` is told after every batch.
    public func start<Chunks: AsyncSequence<[UInt8], any Error>>(
        _ request: Request, chunks: Chunks, by user: User, info: RequestInfo = .none,
        progress: @Sendable (ImportJob) -> Void = { _ in }
    ) async throws -> ImportJob {
        try AccessPolicy.enforceCreate(user)
        let source = try await self.source(request, by: user)
        var iterator = chunks.makeAsyncIterator()
        var reader = RowReader(format: source.format)
        // The header comes first (CSV), and is checked against the mapping before anything is recorded.
        var header: [String] = []
        var pending: [(values: [String: String], end: Int)] = []
        if source.format == .csv {
            while header.isEmpty {
                guard let chunk = try await iterator.next() else {
                    // A file of a header alone, with no line break after it.
                    guard let only = (try? reader.finish())?.first else {
                        throw LiaisonError.invalid("file", "is empty: a CSV file needs a header row")
                    }
                    header = only.fields.map { $0.trimmingCharacters(in: .whitespaces) }
                    reader.header = header
                    break
                }
                var rows: [(fields: [String], end: Int)]
                do { rows = try reader.feed(chunk) } catch let problem as RowReader.Problem {
                    throw LiaisonError.invalid("file", problem.description)
                }
                if !rows.isEmpty {
                    header = rows.removeFirst().fields.map { $0.trimmingCharacters(in: .whitespaces) }
                    reader.header = header
                    pending = rows.map { (reader.values($0.fields), $0.end) }
                }
            }
            let missing = source.mapping.missingColumns(in: header)
            if !missing.isEmpty {
                let shown =
                    header.prefix(20).map { String($0.prefix(40)) }.joined(separator: ", ")
                    + (header.count > 20 ? ", …" : "")
                throw LiaisonError.invalid(
                    "map",
                    "column\(missing.count == 1 ? "" : "s") \(missing.map { "'\($0)'" }.joined(separator: ", ")) not in the file's header (\(shown))"
                        + ColumnMapping.hint(missing[0], header)
                )
            }
        }
        let job = ImportJob(
            source: source.name, fileName: request.fileName, fileSize: request.fileSize, header: header,
            agencyID: user.agencyID, startedBy: user.username, at: clock.now())
        try await auditor.run(
            user, "import.start", kind: Self.kind, ids: [job.id], request: info,
            detail: "source \(source.name), file \(request.fileName.suffix(80))"
        ) {
            try await store.insertImportJob(job)
        }
        return try await load(
            job, source: source, reader: reader, first: pending, rest: &iterator, by: user, info: info,
            progress: progress)
    }

    /// Continues an interrupted import. `chunks` must be the same file's bytes from `job.offset` on.
    public func resume<Chunks: AsyncSequence<[UInt8], any Error>>(
        _ id: String, chunks: Chunks, by user: User, info: RequestInfo = .none,
        progress: @Sendable (ImportJob) -> Void = { _ in }
    ) async throws -> ImportJob {
        try AccessPolicy.enforceCreate(user)
        var job = try await self.job(id, by: user, info: info)
        if job.status == .completed {
            throw LiaisonError.conflict(field: "job", reason: "the import has already completed")
        }
        guard let source = try await store.importSource(job.source) else {
            throw LiaisonError.notFound(kind: "import source", id: job.source)
        }
        job.status = .running
        job.failure = nil
        var reader = RowReader(format: source.format, offset: job.offset)
        reader.header = job.header
        var iterator = chunks.makeAsyncIterator()
        return try await load(
            job, source: source, reader: reader, first: [], rest: &iterator, by: user, info: info, progress: progress)
    }

    /// An import job, if the user's agency ran it.
    public func job(_ id: String, by user: User, info: RequestInfo = .none) async throws -> ImportJob {
        try await auditor.run(user, "import.read", kind: Self.kind, ids: [id], request: info) {
            guard let job = try await store.importJob(id), job.agencyID == user.agencyID else {
                throw LiaisonError.notFound(kind: Self.kind, id: id)
            }
            return job.observed(at: clock.now())
        }
    }

    /// The user's agency's imports, most recent first.
    public func jobs(by user: User, limit: Int = 50, info: RequestInfo = .none) async throws -> [ImportJob] {
        try await auditor.run(user, "import.list", kind: Self.kind, request: info, touched: { $0.map(\.id) }) {
            Array(
                try await store.importJobs(limit: 500).filter { $0.agencyID == user.agencyID }.prefix(limit).map {
                    $0.observed(at: clock.now())
                })
        }
    }

    /// The rows of a job that did not load, in file order.
    public func errors(_ id: String, by user: User, afterRow: Int = 0, limit: Int = 10_000, info: RequestInfo = .none)
        async throws -> [ImportRowError]
    {
        try await auditor.run(user, "import.errors", kind: Self.kind, ids: [id], request: info) {
            guard let job = try await store.importJob(id), job.agencyID == user.agencyID else {
                throw LiaisonError.notFound(kind: Self.kind, id: id)
            }
            return try await store.importErrors(job: job.id, afterRow: afterRow, limit: limit)
        }
    }

    /// The source named in the request: its mapping replaced when the request gives one, otherwise the saved one.
    private func source(_ request: Request, by user: User) async throws -> ImportSource {
        var v = Validator()
        let name = request.source.trimmingCharacters(in: .whitespaces)
        if name.isEmpty || name.count > 60
            || !name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) })
        {
            v.fail("source", "must be 1–60 letters, digits, '-', '_' or '.'")
        }
        try v.check()
        let saved = try await store.importSource(name)
        if let saved, saved.agencyID != user.agencyID {
            throw LiaisonError.forbidden(reason: "the source '\(name)' belongs to another agency")
        }
        guard !request.mapping.isEmpty else {
            guard let saved else {
                throw LiaisonError.invalid("map", "no mapping is saved for the source '\(name)': give one")
            }
            return saved
        }
        let reference = ReferenceData(entries: try await store.referenceEntries())
        let mapping = try ImportMapping.parse(
            request.mapping, idColumn: request.idColumn, dateFormat: request.dateFormat, reference: reference)
        let source = ImportSource(
            name: name, format: request.format ?? saved?.format ?? .csv, mapping: mapping, agencyID: user.agencyID,
            updatedBy: user.username, updatedAt: clock.now())
        try await store.saveImportSource(source)
        return source
    }

    /// Reads rows batch by batch to the end, saving each batch with the job's progress.
    private func load<Iterator: AsyncIteratorProtocol>(
        _ start: ImportJob, source: ImportSource, reader initial: RowReader,
        first: [(values: [String: String], end: Int)], rest iterator: inout Iterator,
        by user: User, info: RequestInfo,
        progress: @Sendable (ImportJob) -> Void
    ) async throws -> ImportJob
    where Iterator.Element == [UInt8] {
        var job = start
        var reader = initial
        var batch = first
        let reference = ReferenceData(entries: try await store.referenceEntries())
        do {
            while true {
                while batch.count >= batchSize {
                    job = try await save(
                        job, Array(batch.prefix(batchSize)), source: source, reference: reference, by: user, info: info)
                    batch.removeFirst(batchSize)
                    progress(job)
                }
                guard let chunk = try await iterator.next() else { break }
                let rows = try reader.feed(chunk)
                batch += rows.map { (reader.values($0.fields), $0.end) }
            }
            let rows = try reader.finish()
            batch += rows.map { (reader.values($0.fields), $0.end) }
            if !batch.isEmpty {
                job = try await save(job, batch, source: source, reference: reference, by: user, info: info)
                batch = []
                progress(job)
            }
            job.offset = reader.consumed
            if job.rowsLoaded == 0 && job.rowsFailed > 0 {
                // Nothing loaded: the file was read, but every row was refused. Not a success.
                job.status = .failed
                job.failure =
                    "every row was refused (\(job.rowsFailed)); a wrong date format or column mapping is the usual cause: "
                    + "see the refused rows"
            } else {
                job.status = .completed
            }
        } catch let problem as RowReader.Problem {
            // The file itself is broken here: the rows before it load, and the job says where and why it stopped.
            if !batch.isEmpty {
                job = try await save(job, batch, source: source, reference: reference, by: user, info: info)
                progress(job)
            }
            job.status = .failed
            job.failure = problem.description
        }
        if let reviews, job.rowsLoaded > 0 {
            let found = try await reviews.findDuplicates(by: user, createdSince: job.startedAt, request: info)
            job.possibleDuplicates = found.queued + found.linked
        }
        job.updatedAt = clock.now()
        let finished = job
        try await auditor.run(
            user, "import.finish", kind: Self.kind, ids: [job.id], request: info,
            detail:
                "\(job.status.rawValue): \(job.rowsLoaded) loaded, \(job.rowsFailed) refused\(job.failure.map { "; \($0)" } ?? "")"
        ) {
            try await store.updateImportJob(finished)
        }
        return job
    }

    /// Validates one batch of rows and saves the subjects, the refusals and the job's new progress together.
    private func save(
        _ job: ImportJob, _ rows: [(values: [String: String], end: Int)], source: ImportSource,
        reference: ReferenceData,
        by user: User, info: RequestInfo
    ) async throws -> ImportJob {
        let now = clock.now()
        var subjects: [(subject: Subject, keys: [String])] = []
        var errors: [ImportRowError] = []
        var failedRows = 0
        for (index, row) in rows.enumerated() {
            let number = job.rowsRead + index + 1 + (source.format == .csv ? 1 : 0)
            if row.values.isEmpty {
                errors.append(
                    ImportRowError(
                        row: number, field: "row",
                        reason: source.format == .jsonl ? "is not a JSON object" : "has no values"))
                failedRows += 1
                continue
            }
            let (details, problems) = source.mapping.details(row.values, source: source.name)
            var rowErrors = problems.map { ImportRowError(row: number, field: $0.field, reason: $0.reason) }
            do {
                let valid = try details.validated(reference: reference, today: now)
                if rowErrors.isEmpty {
                    let meta = try RecordEditing.newMeta(SubjectInput(details: valid), by: user, at: now)
                    subjects.append((Subject(meta: meta, details: valid), SearchKeys.subject(valid)))
                }
            } catch LiaisonError.invalid(let fields) {
                rowErrors += fields.map {
                    ImportRowError(row: number, field: source.mapping.column(for: $0.field), reason: $0.reason)
                }
            }
            if !rowErrors.isEmpty { failedRows += 1 }
            errors += rowErrors
        }
        var next = job
        next.rowsRead += rows.count
        next.rowsLoaded += subjects.count
        next.rowsFailed += failedRows
        next.offset = rows.last?.end ?? job.offset
        next.updatedAt = now
        let saved = next
        try await auditor.run(
            user, "import.batch", kind: Self.kind, ids: [job.id], request: info,
            detail: "rows \(job.rowsRead + 1)–\(next.rowsRead): \(subjects.count) loaded, \(failedRows) refused",
            touched: { _ in subjects.map(\.subject.id.rawValue) }
        ) {
            try await store.saveImportBatch(saved, readBefore: job.rowsRead, subjects: subjects, errors: errors)
        }
        return next
    }
}

/// Rows from a CSV or JSON Lines stream, as values by column name, each with the byte offset just past it.
struct RowReader: Sendable {
    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    let format: ImportSource.Format
    var header: [String] = []
    private var csv: CSV.Reader
    private var line: [UInt8] = []
    private var offset: Int
    private var lines: Int

    /// Bytes consumed so far, blank lines included.
    var consumed: Int { format == .csv ? csv.offset : offset }

    init(format: ImportSource.Format, offset: Int = 0) {
        self.format = format
        self.offset = offset
        lines = 0
        csv = CSV.Reader(offset: offset, maximumRowBytes: Self.maximumRowBytes)
    }

    /// The longest row (or JSON line) an import accepts.
    static let maximumRowBytes = 1 << 20

    /// CSV rows as fields (map them with `values`); JSON Lines as one field holding the line.
    mutating func feed(_ bytes: [UInt8]) throws -> [(fields: [String], end: Int)] {
        switch format {
        case .csv:
            do { return try csv.feed(bytes) } catch { throw Problem(description: "\(error.description)") }
        case .jsonl:
            var rows: [(fields: [String], end: Int)] = []
            for byte in bytes {
                offset += 1
                if line.count >= Self.maximumRowBytes {
                    throw Problem(
                        description:
                            "line \(lines + 1): longer than \(Self.maximumRowBytes) bytes (is the file JSON Lines?)")
                }
                if byte == 0x0A {
                    lines += 1
                    if !line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) {
                        rows.append(([String(decoding: line, as: UTF8.self)], offset))
                    }
                    line.removeAll(keepingCapacity: true)
                } else {
                    line.append(byte)
                }
            }
            return rows
        }
    }

    mutating func finish() throws -> [(fields: [String], end: Int)] {
        switch format {
        case .csv:
            do { return try csv.finish() } catch { throw Problem(description: "\(error.description)") }
        case .jsonl:
            defer { line.removeAll() }
            return line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 })
                ? [] : [([String(decoding: line, as: UTF8.self)], offset)]
        }
    }

    /// A row's values by column name. A JSON line that is not an object yields nothing, so the row is refused for
    /// lacking a name rather than stopping the import.
    func values(_ fields: [String]) -> [String: String] {
        switch format {
        case .csv:
            var values: [String: String] = [:]
            for (column, value) in zip(header, fields) where values[column] == nil { values[column] = value }
            return values
        case .jsonl:
            guard let object = (try? JSONSerialization.jsonObject(with: Data(fields[0].utf8))) as? [String: Any] else {
                return [:]
            }
            return object.compactMapValues { value in
                switch value {
                case let text as String: text
                case let number as NSNumber: number.stringValue
                default: nil
                }
            }
        }
    }
}
