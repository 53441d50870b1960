import Foundation
import LiaisonCore
import LiaisonMatching

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

    // MARK: Migrations

    public func migrate() async throws {
        try await db.execute("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)")
        for migration in Migrations.all {
            try await db.transaction { tx in
                if db.dialect == .postgres {
                    // Two servers starting together must not apply the same migration twice.
                    _ = try await tx.query("SELECT pg_advisory_xact_lock(7031)", [])
                }
                let done = try await tx.query("SELECT name FROM schema_migrations WHERE name = ?", [.text(migration.name)])
                guard done.isEmpty else { return }
                for statement in migration.statements(db.dialect) { try await tx.execute(statement, []) }
                try await migration.backfill?(tx, db.dialect)
                try await tx.execute("INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)",
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

    // MARK: Agencies

    public func insertAgency(_ agency: Agency) async throws {
        try await db.execute("INSERT INTO agencies (id, code, name, type, jurisdiction) VALUES (?, ?, ?, ?, ?)",
                             [.text(agency.id.rawValue), .text(agency.code), .text(agency.name), .text(agency.type), .text(agency.jurisdiction)])
    }

    public func agencies() async throws -> [Agency] {
        try await db.query("SELECT * FROM agencies ORDER BY name", []).map(Self.agency)
    }

    public func agency(_ id: AgencyID) async throws -> Agency? {
        try await db.query("SELECT * FROM agencies WHERE id = ?", [.text(id.rawValue)]).first.map(Self.agency)
    }

    public func agency(code: String) async throws -> Agency? {
        try await db.query("SELECT * FROM agencies WHERE code = ?", [.text(code)]).first.map(Self.agency)
    }

    static func agency(_ row: SQLRow) throws -> Agency {
        Agency(id: AgencyID(try row.string("id")), code: try row.string("code"), name: try row.string("name"),
               type: try row.string("type"), jurisdiction: try row.string("jurisdiction"))
    }

    // MARK: Users, sessions, tokens

    public func insertUser(_ user: User, passwordHash: String) async throws {
        do {
            try await db.execute(
                "INSERT INTO users (id, username, display_name, email, agency_id, roles, vetting, briefings, password_hash, active, version, phone) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [.text(user.id.rawValue), .text(user.username), .text(user.displayName), .text(user.email), .text(user.agencyID.rawValue),
                 .text(user.roles.map(\.rawValue).joined(separator: ",")), .text(user.vetting.rawValue),
                 .text(user.briefings.joined(separator: ",")), .text(passwordHash), SQLValue(user.active), SQLValue(user.version), .text(user.phone)])
        } catch {
            if try await credentials(username: user.username) != nil {
                throw LiaisonError.conflict(field: "username", reason: "is already taken")
            }
            throw error
        }
    }

    public func user(_ id: UserID) async throws -> User? {
        try await db.query("SELECT * FROM users WHERE id = ?", [.text(id.rawValue)]).first.map(Self.user)
    }

    public func credentials(username: String) async throws -> (user: User, passwordHash: String)? {
        guard let row = try await db.query("SELECT * FROM users WHERE username = ?", [.text(username)]).first else { return nil }
        return (try Self.user(row), try row.string("password_hash"))
    }

    public func users() async throws -> [User] {
        try await db.query("SELECT * FROM users ORDER BY username", []).map(Self.user)
    }

    public func updateUser(_ user: User, expectedVersion: Int) async throws {
        try await db.transaction { tx in
            let updated = try await tx.query(
                "UPDATE users SET display_name = ?, email = ?, phone = ?, roles = ?, vetting = ?, briefings = ?, active = ?, version = ? WHERE id = ? AND version = ? RETURNING id",
                [.text(user.displayName), .text(user.email), .text(user.phone), .text(user.roles.map(\.rawValue).joined(separator: ",")), .text(user.vetting.rawValue),
                 .text(user.briefings.joined(separator: ",")), SQLValue(user.active), SQLValue(expectedVersion + 1),
                 .text(user.id.rawValue), SQLValue(expectedVersion)])
            if updated.isEmpty {
                guard let current = try await tx.query("SELECT version FROM users WHERE id = ?", [.text(user.id.rawValue)]).first else {
                    throw LiaisonError.notFound(kind: "user", id: user.id.rawValue)
                }
                throw LiaisonError.staleVersion(kind: "user", id: user.id.rawValue, expected: expectedVersion, current: try current.int("version"))
            }
        }
    }

    static func user(_ row: SQLRow) throws -> User {
        User(id: UserID(try row.string("id")), username: try row.string("username"), displayName: try row.string("display_name"),
             email: try row.string("email"), agencyID: AgencyID(try row.string("agency_id")),
             roles: try row.string("roles").split(separator: ",").compactMap { Role(rawValue: String($0)) },
             vetting: Vetting(rawValue: try row.string("vetting")) ?? .bpss,
             briefings: try row.string("briefings").split(separator: ",").map(String.init), active: try row.bool("active"),
             version: try row.int("version"), phone: try row.string("phone"))
    }

    public func insertSession(_ session: SessionRecord) async throws {
        try await db.execute(
            "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
            [.text(session.tokenHash), .text(session.userID.rawValue), .text(session.csrfToken), SQLValue(session.createdAt),
             SQLValue(session.lastSeenAt), SQLValue(session.expiresAt)])
    }

    public func session(tokenHash: String) async throws -> SessionRecord? {
        guard let row = try await db.query("SELECT * FROM sessions WHERE token_hash = ?", [.text(tokenHash)]).first else { return nil }
        return SessionRecord(tokenHash: try row.string("token_hash"), userID: UserID(try row.string("user_id")),
                             csrfToken: try row.string("csrf_token"), createdAt: try row.date("created_at"),
                             lastSeenAt: try row.date("last_seen_at"), expiresAt: try row.date("expires_at"))
    }

    public func touchSession(tokenHash: String, at time: Date) async throws {
        try await db.execute("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?", [SQLValue(time), .text(tokenHash)])
    }

    public func deleteSession(tokenHash: String) async throws {
        try await db.execute("DELETE FROM sessions WHERE token_hash = ?", [.text(tokenHash)])
    }

    public func insertToken(_ token: APITokenRecord) async throws {
        try await db.execute(
            "INSERT INTO api_tokens (id, name, token_hash, user_id, created_at, revoked_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [.text(token.id), .text(token.name), .text(token.tokenHash), .text(token.userID.rawValue), SQLValue(token.createdAt),
             SQLValue(token.revokedAt), SQLValue(token.expiresAt)])
    }

    public func token(hash: String) async throws -> APITokenRecord? {
        try await db.query("SELECT * FROM api_tokens WHERE token_hash = ?", [.text(hash)]).first.map(Self.token)
    }

    public func tokens(of user: UserID) async throws -> [APITokenRecord] {
        try await db.query("SELECT * FROM api_tokens WHERE user_id = ? ORDER BY created_at", [.text(user.rawValue)]).map(Self.token)
    }

    public func revokeToken(id: String, at time: Date) async throws -> Bool {
        try await db.transaction { tx in
            !(try await tx.query("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL RETURNING id",
                                 [SQLValue(time), .text(id)])).isEmpty
        }
    }

    static func token(_ row: SQLRow) throws -> APITokenRecord {
        APITokenRecord(id: try row.string("id"), name: try row.string("name"), tokenHash: try row.string("token_hash"),
                       userID: UserID(try row.string("user_id")), createdAt: try row.date("created_at"),
                       revokedAt: row.optionalDate("revoked_at"), expiresAt: try row.date("expires_at"))
    }

    public func loginAttempts(username: String) async throws -> LoginAttempts? {
        guard let row = try await db.query("SELECT * FROM login_attempts WHERE username = ?", [.text(username)]).first else { return nil }
        return LoginAttempts(failures: try row.int("failures"), windowStart: try row.date("window_start"), lockedUntil: row.optionalDate("locked_until"))
    }

    public func saveLoginAttempts(username: String, _ attempts: LoginAttempts?) async throws {
        guard let attempts else {
            try await db.execute("DELETE FROM login_attempts WHERE username = ?", [.text(username)])
            return
        }
        try await db.execute(
            """
            INSERT INTO login_attempts (username, failures, window_start, locked_until) VALUES (?, ?, ?, ?)
            ON CONFLICT (username) DO UPDATE SET failures = excluded.failures, window_start = excluded.window_start, locked_until = excluded.locked_until
            """,
            [.text(username), SQLValue(attempts.failures), SQLValue(attempts.windowStart), SQLValue(attempts.lockedUntil)])
    }

    // MARK: Reference data

    public func referenceEntries() async throws -> [ReferenceEntry] {
        try await db.query("SELECT * FROM reference_entries ORDER BY list, sort_order, code", []).map { row in
            ReferenceEntry(list: try row.string("list"), code: try row.string("code"), label: try row.string("label"),
                           sortOrder: try row.int("sort_order"), active: try row.bool("active"))
        }
    }

    public func saveReferenceEntry(_ entry: ReferenceEntry) async throws {
        try await db.execute(
            """
            INSERT INTO reference_entries (list, code, label, sort_order, active) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (list, code) DO UPDATE SET label = excluded.label, sort_order = excluded.sort_order, active = excluded.active
            """,
            [.text(entry.list), .text(entry.code), .text(entry.label), SQLValue(entry.sortOrder), SQLValue(entry.active)])
    }

    // MARK: Shared record plumbing

    /// The columns every shared record has, in insert order.
    static let recordColumns = "owner_agency_id, classification, marking, shared_all, shared_with, need_to_know, sort_name, details, created_at, created_by, updated_at, updated_by, version"

    static func recordValues(_ meta: RecordMeta, sortName: String, details: some Encodable) throws -> [SQLValue] {
        [.text(meta.owningAgencyID.rawValue), .int(Int64(meta.marking.classification.rank)), .text(try json(meta.marking)),
         SQLValue(meta.sharing.withAll), .text(meta.sharing.agencies.map(\.rawValue).joined(separator: ",")), SQLValue(meta.needToKnow),
         .text(sortName), .text(try json(details)), SQLValue(meta.createdAt), .text(meta.createdBy.rawValue),
         SQLValue(meta.updatedAt), .text(meta.updatedBy.rawValue), SQLValue(meta.version)]
    }

    static func meta(_ row: SQLRow) throws -> RecordMeta {
        RecordMeta(owningAgencyID: AgencyID(try row.string("owner_agency_id")),
                   marking: try row.json("marking", as: ProtectiveMarking.self),
                   sharing: Sharing(withAll: try row.bool("shared_all"),
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
    static func saveShares(_ tx: any SQLTransaction, _ records: [(id: String, meta: RecordMeta)], replacing: Bool) async throws {
        if replacing {
            for record in records { try await tx.execute("DELETE FROM record_shares WHERE record_id = ?", [.text(record.id)]) }
        }
        let rows = records.flatMap { record in record.meta.sharing.agencies.map { [SQLValue.text(record.id), .text($0.rawValue)] } }
        try await insertRows(tx, table: "record_shares", columns: ["record_id", "agency_id"], rows: rows)
    }

    /// The conditions that keep a list to what the viewer may see: marking, sharing and need-to-know.
    /// `heldBy`: records held by these agencies instead of those shared with the viewer's (GAIN asks what the
    /// requester could be told of, not what it may read); marking and need-to-know apply either way.
    static func visibility(_ viewer: Viewer, heldBy owners: [AgencyID]? = nil) -> (conditions: [String], binds: [SQLValue]) {
        var conditions = ["classification <= ?"]
        var binds: [SQLValue] = [.int(Int64(viewer.maximumClassification.rank))]
        if let owners, !owners.isEmpty {
            conditions.append("owner_agency_id IN (" + Array(repeating: "?", count: owners.count).joined(separator: ", ") + ")")
            binds += owners.map { .text($0.rawValue) }
        } else {
            conditions.append("(owner_agency_id = ? OR shared_all = 1 OR id IN (SELECT record_id FROM record_shares WHERE agency_id = ?))")
            binds += [.text(viewer.agencyID.rawValue), .text(viewer.agencyID.rawValue)]
        }
        if viewer.briefings.isEmpty {
            conditions.append("need_to_know IS NULL")
        } else {
            conditions.append("(need_to_know IS NULL OR need_to_know IN (\(Array(repeating: "?", count: viewer.briefings.count).joined(separator: ", "))))")
            binds += viewer.briefings.map { .text($0) }
        }
        if viewer.confinedToAlerts { conditions.append("1 = 0") }
        return (conditions, binds)
    }

    /// Inserts many rows of `columns` in as few statements as the bind limits allow.
    static func insertRows(_ tx: any SQLTransaction, table: String, columns: [String], rows: [[SQLValue]],
                           conflict: String = "") async throws {
        guard !rows.isEmpty else { return }
        let perStatement = max(1, 900 / columns.count)
        let tuple = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        var start = 0
        while start < rows.count {
            let chunk = rows[start..<min(start + perStatement, rows.count)]
            let sql = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
                + Array(repeating: tuple, count: chunk.count).joined(separator: ", ") + conflict
            try await tx.execute(sql, chunk.flatMap { $0 })
            start += perStatement
        }
    }

    /// Updates a record row only if it still has `expectedVersion`; otherwise reports stale or missing.
    static func updateRecord(_ tx: any SQLTransaction, table: String, kind: String, id: String, meta: RecordMeta,
                             sortName: String, details: some Encodable, extra: [(String, SQLValue)] = [],
                             expectedVersion: Int) async throws {
        let columns = recordColumns.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } + extra.map(\.0)
        let values = try recordValues(meta, sortName: sortName, details: details) + extra.map(\.1)
        let assignments = columns.map { "\($0) = ?" }.joined(separator: ", ")
        let updated = try await tx.query("UPDATE \(table) SET \(assignments) WHERE id = ? AND version = ? RETURNING id",
                                         values + [.text(id), SQLValue(expectedVersion)])
        if updated.isEmpty {
            guard let current = try await tx.query("SELECT version FROM \(table) WHERE id = ?", [.text(id)]).first else {
                throw LiaisonError.notFound(kind: kind, id: id)
            }
            throw LiaisonError.staleVersion(kind: kind, id: id, expected: expectedVersion, current: try current.int("version"))
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
    static func keysetPage(_ db: any SQLDatabase, select: String, conditions: [String], binds: [SQLValue],
                           tokens: [String], keyTable: String, keyColumn: String, page: PageRequest) async throws -> [SQLRow] {
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
        let sql = select + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "))
            + " ORDER BY sort_name, id LIMIT ?"
        return try await db.query(sql, binds + [SQLValue(page.limit + 1)])
    }

    static func nextCursor(_ rows: [SQLRow], limit: Int) throws -> String? {
        guard rows.count > limit else { return nil }
        let last = rows[limit - 1]
        return encodeCursor(sortName: try last.string("sort_name"), id: try last.string("id"))
    }

    // MARK: Subjects

    static func sortName(_ details: SubjectDetails) -> String {
        guard let name = details.primaryName else { return "" }
        return TextNormaliser.fold("\(name.family) \(name.given) \(name.middle ?? "")")
    }

    public func insertSubjects(_ subjects: [(subject: Subject, keys: [String])]) async throws {
        try await db.transaction { tx in try await Self.insertSubjects(tx, subjects) }
    }

    static func insertSubjects(_ tx: any SQLTransaction, _ subjects: [(subject: Subject, keys: [String])]) async throws {
        let rows = try subjects.map { item in
            [.text(item.subject.id.rawValue)] + (try Self.recordValues(item.subject.meta, sortName: Self.sortName(item.subject.details), details: item.subject.details))
        }
        try await Self.insertRows(tx, table: "subjects", columns: ["id"] + Self.recordColumns.components(separatedBy: ", "), rows: rows)
        try await Self.saveShares(tx, subjects.map { ($0.subject.id.rawValue, $0.subject.meta) }, replacing: false)
        let keys = subjects.flatMap { item in item.keys.map { [SQLValue.text($0), .text(item.subject.id.rawValue)] } }
        try await Self.insertRows(tx, table: "subject_keys", columns: ["token", "subject_id"], rows: keys)
    }

    public func updateSubject(_ subject: Subject, keys: [String], expectedVersion: Int) async throws {
        try await db.transaction { tx in
            try await Self.updateRecord(tx, table: "subjects", kind: "subject", id: subject.id.rawValue, meta: subject.meta,
                                        sortName: Self.sortName(subject.details), details: subject.details,
                                        expectedVersion: expectedVersion)
            try await Self.saveShares(tx, [(subject.id.rawValue, subject.meta)], replacing: true)
            try await tx.execute("DELETE FROM subject_keys WHERE subject_id = ?", [.text(subject.id.rawValue)])
            try await Self.insertRows(tx, table: "subject_keys", columns: ["token", "subject_id"],
                                      rows: keys.map { [.text($0), .text(subject.id.rawValue)] })
        }
    }

    static func subject(_ row: SQLRow) throws -> Subject {
        Subject(id: SubjectID(try row.string("id")), meta: try meta(row), details: try row.json("details", as: SubjectDetails.self))
    }

    public func subject(_ id: SubjectID) async throws -> Subject? {
        try await db.query("SELECT * FROM subjects WHERE id = ?", [.text(id.rawValue)]).first.map(Self.subject)
    }

    public func subjects(ids: [SubjectID]) async throws -> [Subject] {
        guard !ids.isEmpty else { return [] }
        var found: [Subject] = []
        for start in stride(from: 0, to: ids.count, by: 500) {
            let chunk = ids[start..<min(start + 500, ids.count)]
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
            found += try await db.query("SELECT * FROM subjects WHERE id IN (\(marks))", chunk.map { .text($0.rawValue) }).map(Self.subject)
        }
        return found
    }

    public func subjects(matching query: SubjectQuery) async throws -> Page<Subject> {
        var (conditions, binds) = Self.visibility(query.viewer, heldBy: query.heldBy)
        if let agency = query.owningAgencyID {
            conditions.append("owner_agency_id = ?")
            binds.append(.text(agency.rawValue))
        }
        let rows = try await Self.keysetPage(db, select: "SELECT * FROM subjects", conditions: conditions, binds: binds,
                                             tokens: query.tokens, keyTable: "subject_keys", keyColumn: "subject_id", page: query.page)
        return Page(items: try rows.prefix(query.page.limit).map(Self.subject), nextCursor: try Self.nextCursor(rows, limit: query.page.limit))
    }

    public func subjectCount() async throws -> Int {
        try await db.query("SELECT COUNT(*) AS n FROM subjects", []).first?.int("n") ?? 0
    }

    // MARK: OCGs

    static func ocgSortName(_ details: OCGDetails) -> String { TextNormaliser.fold(details.name) }

    static func ocgChildRows(_ ocg: OCG, keys: [String]) -> (keys: [[SQLValue]], tags: [[SQLValue]], members: [[SQLValue]]) {
        let id = SQLValue.text(ocg.id.rawValue)
        let tags = ocg.details.markets.map { [id, .text("market"), .text($0)] } + ocg.details.areas.map { [id, .text("area"), .text($0)] }
            + (ocg.details.leadOfficer.map { [[id, .text("lead"), .text($0.rawValue)]] } ?? [])
        let members = ocg.members.enumerated().map { index, m in
            [id, .text(m.subjectID.rawValue), .text(m.role), SQLValue(m.from), SQLValue(m.to), SQLValue(index)]
        }
        return (keys.map { [.text($0), id] }, tags, members)
    }

    static func insertOCGChildren(_ tx: any SQLTransaction, _ rows: (keys: [[SQLValue]], tags: [[SQLValue]], members: [[SQLValue]])) async throws {
        try await insertRows(tx, table: "ocg_keys", columns: ["token", "ocg_id"], rows: rows.keys)
        try await insertRows(tx, table: "ocg_tags", columns: ["ocg_id", "kind", "code"], rows: rows.tags, conflict: " ON CONFLICT DO NOTHING")
        try await insertRows(tx, table: "ocg_members", columns: ["ocg_id", "subject_id", "role", "from_date", "to_date", "position"], rows: rows.members)
    }

    public func insertOCGs(_ groups: [(ocg: OCG, keys: [String])]) async throws {
        try await db.transaction { tx in
            let rows = try groups.map { item in
                [.text(item.ocg.id.rawValue), .text(item.ocg.details.status), SQLValue(item.ocg.details.band)]
                    + (try Self.recordValues(item.ocg.meta, sortName: Self.ocgSortName(item.ocg.details), details: item.ocg.details))
            }
            try await Self.insertRows(tx, table: "ocgs", columns: ["id", "status", "band"] + Self.recordColumns.components(separatedBy: ", "), rows: rows)
            try await Self.saveShares(tx, groups.map { ($0.ocg.id.rawValue, $0.ocg.meta) }, replacing: false)
            var children: (keys: [[SQLValue]], tags: [[SQLValue]], members: [[SQLValue]]) = ([], [], [])
            for item in groups {
                let rows = Self.ocgChildRows(item.ocg, keys: item.keys)
                children.keys += rows.keys
                children.tags += rows.tags
                children.members += rows.members
            }
            try await Self.insertOCGChildren(tx, children)
        }
    }

    public func updateOCG(_ ocg: OCG, keys: [String], expectedVersion: Int, assessment: Assessment?) async throws {
        try await db.transaction { tx in
            if let assessment { try await Self.insertAssessment(tx, assessment) }
            try await Self.updateRecord(tx, table: "ocgs", kind: "ocg", id: ocg.id.rawValue, meta: ocg.meta,
                                        sortName: Self.ocgSortName(ocg.details), details: ocg.details,
                                        extra: [("status", .text(ocg.details.status)), ("band", SQLValue(ocg.details.band))],
                                        expectedVersion: expectedVersion)
            try await Self.saveShares(tx, [(ocg.id.rawValue, ocg.meta)], replacing: true)
            for table in ["ocg_keys", "ocg_tags", "ocg_members"] {
                try await tx.execute("DELETE FROM \(table) WHERE ocg_id = ?", [.text(ocg.id.rawValue)])
            }
            try await Self.insertOCGChildren(tx, Self.ocgChildRows(ocg, keys: keys))
        }
    }

    func members(of ids: [String]) async throws -> [String: [OCGMember]] {
        guard !ids.isEmpty else { return [:] }
        let marks = Array(repeating: "?", count: ids.count).joined(separator: ", ")
        let rows = try await db.query("SELECT * FROM ocg_members WHERE ocg_id IN (\(marks)) ORDER BY ocg_id, position", ids.map { .text($0) })
        var result: [String: [OCGMember]] = [:]
        for row in rows {
            result[try row.string("ocg_id"), default: []].append(
                OCGMember(subjectID: SubjectID(try row.string("subject_id")), role: try row.string("role"),
                          from: row.optionalString("from_date"), to: row.optionalString("to_date")))
        }
        return result
    }

    func ocgs(rows: some Collection<SQLRow>) async throws -> [OCG] {
        let ids = try rows.map { try $0.string("id") }
        let members = try await members(of: ids)
        return try rows.map { row in
            let id = try row.string("id")
            return OCG(id: OCGID(id), meta: try Self.meta(row), details: try row.json("details", as: OCGDetails.self),
                       members: members[id] ?? [])
        }
    }

    public func ocg(_ id: OCGID) async throws -> OCG? {
        try await ocgs(rows: try await db.query("SELECT * FROM ocgs WHERE id = ?", [.text(id.rawValue)])).first
    }

    public func ocgs(matching query: OCGQuery) async throws -> Page<OCG> {
        var (conditions, binds) = Self.visibility(query.viewer)
        if let status = query.status { conditions.append("status = ?"); binds.append(.text(status)) }
        if let band = query.band { conditions.append("band = ?"); binds.append(.text(band)) }
        for (kind, code) in [("market", query.market), ("area", query.area), ("lead", query.lead?.rawValue)] {
            guard let code else { continue }
            conditions.append("id IN (SELECT ocg_id FROM ocg_tags WHERE kind = ? AND code = ?)")
            binds += [.text(kind), .text(code)]
        }
        let rows = try await Self.keysetPage(db, select: "SELECT * FROM ocgs", conditions: conditions, binds: binds,
                                             tokens: query.nameTokens, keyTable: "ocg_keys", keyColumn: "ocg_id", page: query.page)
        return Page(items: try await ocgs(rows: rows.prefix(query.page.limit)), nextCursor: try Self.nextCursor(rows, limit: query.page.limit))
    }

    public func ocgs(withMember subject: SubjectID) async throws -> [OCG] {
        try await ocgs(rows: try await db.query(
            "SELECT * FROM ocgs WHERE id IN (SELECT ocg_id FROM ocg_members WHERE subject_id = ?) ORDER BY sort_name, id",
            [.text(subject.rawValue)]))
    }
}
