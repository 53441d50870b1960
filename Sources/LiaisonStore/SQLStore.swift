import Foundation
import LiaisonCore
import LiaisonMatching
import ServiceLifecycle

/// The storage protocols implemented once in SQL, over either real database.
///
/// Statements use `?` placeholders and types both SQLite and PostgreSQL accept; the few differences
/// live in `Migrations`. Nested details are kept as JSON beside the indexed columns that queries use.
public struct SQLStore: LiaisonStore {
    let db: any SQLDatabase
    let auditHead = AuditHead()
    let auditIndex: AuditIndexShape

    public init(database: any SQLDatabase, auditIndex: AuditIndexShape = AuditIndexShape()) {
        self.db = database
        self.auditIndex = auditIndex
    }

    public var dialect: SQLDialect { db.dialect }

    public func close() async { await db.close() }
}

/// The store as a service of the server's service group: it runs the database's background work (PostgreSQL's
/// connection pool) until graceful shutdown, started before and stopped after the services that use it.
extension SQLStore: Service {
    public func run() async {
        await db.run()
        await db.close()
    }
}

extension SQLStore {
    // MARK: Migrations

    public func migrate() async throws {
        try await db.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)")
        for migration in Migrations.all {
            try await db.transaction { tx in
                if db.dialect == .postgres {
                    // Two servers starting together must not apply the same migration twice.
                    _ = try await tx.query("SELECT pg_advisory_xact_lock(7031)", [])
                }
                let done = try await tx.query(
                    "SELECT name FROM schema_migrations WHERE name = ?", [.text(migration.name)])
                guard done.isEmpty else { return }
                for statement in migration.statements(db.dialect) { try await tx.execute(statement, []) }
                try await migration.backfill?(tx, db.dialect)
                try await tx.execute(
                    "INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)",
                    [.text(migration.name), SQLValue(Date())])
            }
        }
        // Entries appended since the audit log's record index last caught up (or all of them, after a migration that
        // rebuilds it) are indexed now rather than inside some later request.
        try await db.transaction { tx in try await indexAuditObjects(tx, lock: true) }
    }

    public func appliedMigrations() async throws -> [String] {
        try await db.query("SELECT name FROM schema_migrations ORDER BY name", []).map { try $0.string("name") }
    }

    // MARK: Shared record plumbing

    /// The columns every shared record has, in insert order.
    static let recordColumns =
        "owner_agency_id, classification, marking, shared_all, shared_with, need_to_know, sort_name, details, created_at, created_by, updated_at, updated_by, version"

    static func recordValues(_ meta: RecordMeta, sortName: String, details: some Encodable) throws -> [SQLValue] {
        [
            .text(meta.owningAgencyID.rawValue), .int(Int64(meta.marking.classification.rank)),
            .text(try json(meta.marking)),
            SQLValue(meta.sharing.withAll), .text(meta.sharing.agencies.map(\.rawValue).joined(separator: ",")),
            SQLValue(meta.needToKnow),
            .text(sortName), .text(try json(details)), SQLValue(meta.createdAt), .text(meta.createdBy.rawValue),
            SQLValue(meta.updatedAt), .text(meta.updatedBy.rawValue), SQLValue(meta.version),
        ]
    }

    static func meta(_ row: SQLRow) throws -> RecordMeta {
        RecordMeta(
            owningAgencyID: AgencyID(try row.string("owner_agency_id")),
            marking: try row.json("marking", as: ProtectiveMarking.self),
            sharing: Sharing(
                withAll: try row.bool("shared_all"),
                agencies: try row.string("shared_with").split(separator: ",").map { AgencyID(String($0)) }),
            needToKnow: row.optionalString("need_to_know"),
            createdAt: try row.date("created_at"), createdBy: UserID(try row.string("created_by")),
            updatedAt: try row.date("updated_at"), updatedBy: UserID(try row.string("updated_by")),
            version: try row.int("version"))
    }

    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// Replaces the named-agency shares of records (the rows list filters use).
    static func saveShares(_ tx: any SQLTransaction, _ records: [(id: String, meta: RecordMeta)], replacing: Bool)
        async throws
    {
        if replacing {
            for record in records {
                try await tx.execute("DELETE FROM record_shares WHERE record_id = ?", [.text(record.id)])
            }
        }
        let rows = records.flatMap { record in
            record.meta.sharing.agencies.map { [SQLValue.text(record.id), .text($0.rawValue)] }
        }
        try await insertRows(tx, table: "record_shares", columns: ["record_id", "agency_id"], rows: rows)
    }

    /// The conditions that keep a list to what the viewer may see: marking, sharing and need-to-know.
    /// `heldBy`: records held by these agencies instead of those shared with the viewer's (GAIN asks what the
    /// requester could be told of, not what it may read); marking and need-to-know apply either way.
    static func visibility(_ viewer: Viewer, heldBy owners: [AgencyID]? = nil) -> (
        conditions: [String], binds: [SQLValue]
    ) {
        var conditions = ["classification <= ?"]
        var binds: [SQLValue] = [.int(Int64(viewer.maximumClassification.rank))]
        if let owners, !owners.isEmpty {
            conditions.append(
                "owner_agency_id IN (" + Array(repeating: "?", count: owners.count).joined(separator: ", ") + ")")
            binds += owners.map { .text($0.rawValue) }
        } else {
            conditions.append(
                "(owner_agency_id = ? OR shared_all = 1 OR id IN (SELECT record_id FROM record_shares WHERE agency_id = ?))"
            )
            binds += [.text(viewer.agencyID.rawValue), .text(viewer.agencyID.rawValue)]
        }
        if viewer.briefings.isEmpty {
            conditions.append("need_to_know IS NULL")
        } else {
            conditions.append(
                "(need_to_know IS NULL OR need_to_know IN (\(Array(repeating: "?", count: viewer.briefings.count).joined(separator: ", "))))"
            )
            binds += viewer.briefings.map { .text($0) }
        }
        if viewer.confinedToAlerts { conditions.append("1 = 0") }
        return (conditions, binds)
    }

    /// Inserts many rows of `columns` in as few statements as the bind limits allow.
    static func insertRows(
        _ tx: any SQLTransaction, table: String, columns: [String], rows: [[SQLValue]],
        conflict: String = ""
    ) async throws {
        guard !rows.isEmpty else { return }
        let perStatement = max(1, 900 / columns.count)
        let tuple = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        var start = 0
        while start < rows.count {
            let chunk = rows[start..<min(start + perStatement, rows.count)]
            let sql =
                "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
                + Array(repeating: tuple, count: chunk.count).joined(separator: ", ") + conflict
            try await tx.execute(sql, chunk.flatMap { $0 })
            start += perStatement
        }
    }

    /// Updates a record row only if it still has `expectedVersion`; otherwise reports stale or missing.
    static func updateRecord(
        _ tx: any SQLTransaction, table: String, kind: String, id: String, meta: RecordMeta,
        sortName: String, details: some Encodable, extra: [(String, SQLValue)] = [],
        expectedVersion: Int
    ) async throws {
        let columns =
            recordColumns.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } + extra.map(\.0)
        let values = try recordValues(meta, sortName: sortName, details: details) + extra.map(\.1)
        let assignments = columns.map { "\($0) = ?" }.joined(separator: ", ")
        let updated = try await tx.query(
            "UPDATE \(table) SET \(assignments) WHERE id = ? AND version = ? RETURNING id",
            values + [.text(id), SQLValue(expectedVersion)])
        if updated.isEmpty {
            guard let current = try await tx.query("SELECT version FROM \(table) WHERE id = ?", [.text(id)]).first
            else {
                throw LiaisonError.notFound(kind: kind, id: id)
            }
            throw LiaisonError.staleVersion(
                kind: kind, id: id, expected: expectedVersion, current: try current.int("version"))
        }
    }

    /// A keyset cursor over (sort_name, id).
    static func encodeCursor(sortName: String, id: String) -> String {
        Data("\(sortName)\u{1F}\(id)".utf8).base64EncodedString()
    }

    static func decodeCursor(_ cursor: String?) throws -> (String, String)? {
        guard let cursor else { return nil }
        guard let data = Data(base64Encoded: cursor), let text = String(data: data, encoding: .utf8) else {
            throw LiaisonError.invalid("cursor", "is not a cursor this server issued")
        }
        let parts = text.split(separator: "\u{1F}", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw LiaisonError.invalid("cursor", "is not a cursor this server issued") }
        return (String(parts[0]), String(parts[1]))
    }

    /// Appends the token-prefix, cursor, order and limit clauses every keyset list shares, then runs it.
    static func keysetPage(
        _ db: any SQLDatabase, select: String, conditions: [String], binds: [SQLValue],
        tokens: [String], keyTable: String, keyColumn: String, page: PageRequest
    ) async throws -> [SQLRow] {
        var conditions = conditions
        var binds = binds
        for token in tokens {
            conditions.append("id IN (SELECT \(keyColumn) FROM \(keyTable) WHERE token >= ? AND token < ?)")
            binds += [.text(token), .text(token + "{")]
        }
        if let (sortName, id) = try decodeCursor(page.cursor) {
            conditions.append("(sort_name > ? OR (sort_name = ? AND id > ?))")
            binds += [.text(sortName), .text(sortName), .text(id)]
        }
        let sql =
            select + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "))
            + " ORDER BY sort_name, id LIMIT ?"
        return try await db.query(sql, binds + [SQLValue(page.limit + 1)])
    }

    static func nextCursor(_ rows: [SQLRow], limit: Int) throws -> String? {
        guard rows.count > limit else { return nil }
        let last = rows[limit - 1]
        return encodeCursor(sortName: try last.string("sort_name"), id: try last.string("id"))
    }

}
