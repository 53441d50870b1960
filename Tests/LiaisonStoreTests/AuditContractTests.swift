import Foundation
import LiaisonCore
import LiaisonTestSupport
import Testing

@testable import LiaisonStore

/// The audit chain on every store: appends are sealed in order, every access is recorded, and any tampering
/// with the stored log — even by someone who bypasses the append-only triggers — is caught and located.
@Suite("Audit chain contract")
struct AuditContractTests {
    @Test(
        "reads, searches, writes and refusals land in the chain, which verifies", arguments: ContractStoreKind.available
    )
    func recorded(kind: ContractStoreKind) async throws {
        let f = try await ContractFixture(kind)
        let created = try await f.subjects.create(
            SubjectInput(details: SubjectDetails(names: [PersonName(given: "Arben", family: "Hoxha")])),
            by: f.analyst, request: RequestInfo(requestID: "r1"))
        _ = try await f.subjects.get(
            created.id, by: f.analyst, request: RequestInfo(requestID: "r2", purpose: "case review"))
        _ = try await f.subjects.search(
            "hoxha", page: PageRequest(), by: f.partner, request: RequestInfo(requestID: "r3"))
        let secret = try await f.subjects.create(
            SubjectInput(
                details: SubjectDetails(names: [PersonName(given: "S", family: "Secret")]),
                marking: ProtectiveMarking(.secret)), by: f.analyst)
        await #expect(throws: LiaisonError.notFound(kind: "subject", id: secret.id.rawValue)) {
            try await f.subjects.get(secret.id, by: f.partner, request: RequestInfo(requestID: "r4"))
        }
        await #expect(throws: LiaisonError.self) {
            try await f.subjects.create(SubjectInput(details: SubjectDetails(names: [])), by: f.analyst)
        }

        let entries = try await f.store.auditEntries(after: 0, limit: 100)
        #expect(
            entries.map(\.action) == [
                "subject.create", "subject.read", "subject.search", "subject.create", "subject.read", "subject.create",
            ])
        #expect(entries.map(\.outcome) == [.allowed, .allowed, .allowed, .allowed, .denied, .failed])
        #expect(entries[0].objectIDs == [created.id.rawValue])
        #expect(entries[1].purpose == "case review")
        #expect(entries[1].requestID == "r2")
        #expect(entries[2].detail == "query: hoxha")
        #expect(entries[2].objectIDs == [created.id.rawValue])
        #expect(entries[2].actorName == "gmp.officer")
        #expect(entries[4].detail == "BPSS vetting does not reach SECRET")
        #expect(entries[5].detail == "invalid: details.names")
        #expect(entries.map(\.sequence) == [1, 2, 3, 4, 5, 6])
        #expect(entries[0].previousHash == AuditChain.genesis)
        #expect(zip(entries, entries.dropFirst()).allSatisfy { $0.hash == $1.previousHash })

        let verified = try await f.audit.verify(batchSize: 4)
        #expect(verified.entries == 6)
        #expect(verified.verifiedBeforeBreak == 6)
        #expect(verified.intact)
        #expect(verified.headHash == entries.last?.hash)

        let byObject = try await f.store.searchAudit(AuditQuery(objectID: secret.id.rawValue))
        #expect(byObject.map(\.sequence) == [5, 4])
        let byActor = try await f.store.searchAudit(AuditQuery(actorName: "gmp.officer", action: "subject."))
        #expect(byActor.map(\.sequence) == [5, 3])
        let denied = try await f.store.searchAudit(AuditQuery(outcome: .denied))
        #expect(denied.map(\.sequence) == [5])
        let older = try await f.store.searchAudit(AuditQuery(before: 3, limit: 1))
        #expect(older.map(\.sequence) == [2])
        await f.close()
    }

    @Test("concurrent appends are grouped, gapless and chained", arguments: ContractStoreKind.available)
    func concurrent(kind: ContractStoreKind) async throws {
        let f = try await ContractFixture(kind)
        let log = f.audit
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<200 {
                group.addTask {
                    try await log.record(
                        AuditDraft(f.analyst, "subject.read", kind: "subject", ids: ["s\(i)"], request: .none))
                }
            }
            try await group.waitForAll()
        }
        let entries = try await f.store.auditEntries(after: 0, limit: 500)
        #expect(entries.map(\.sequence) == Array(1...200))
        #expect(Set(entries.flatMap(\.objectIDs)).count == 200)
        #expect(try await log.verify().intact)
        await f.close()
    }

    @Test(
        "a search by record finds every entry naming it, across index runs, merges and the unindexed tail",
        arguments: StoreKind.available)
    func searchByRecordAcrossIndexRuns(kind: StoreKind) async throws {
        let f = try await Fixture(kind)
        // A small index shape, so a few hundred entries make runs at every level: a run per 10 entries, three runs of
        // a level merged into one of the next, up to level 2.
        let store = SQLStore(database: f.store.db, auditIndex: AuditIndexShape(batch: 10, fanout: 3, maxLevel: 2))
        let drafts = (0..<245).map { i in
            AuditDraft(
                f.analyst, "subject.read", kind: "subject", ids: i % 3 == 0 ? ["watched", "s\(i)"] : ["s\(i)"],
                request: .none)
        }
        for start in stride(from: 0, to: drafts.count, by: 10) {
            _ = try await store.appendAudit(Array(drafts[start..<min(start + 10, drafts.count)]), at: Date())
        }
        // 24 batches of 10 are indexed (the last 5 entries wait for the next batch): 2 runs of level 2 (90 entries
        // each), 2 of level 1 (30 each) and 0 of level 0; runs cover the indexed entries once, in order.
        let runs = try await store.db.query(
            "SELECT level, first_seq, last_seq FROM audit_index_runs ORDER BY first_seq", [])
        #expect(try runs.map { try $0.int("level") } == [2, 2, 1, 1])
        #expect(try runs.map { try $0.int("first_seq") } == [1, 91, 181, 211])
        #expect(try runs.map { try $0.int("last_seq") } == [90, 180, 210, 240])

        let expected = drafts.indices.filter { $0 % 3 == 0 }.map { Int64($0 + 1) }
        let found = try await store.searchAudit(AuditQuery(objectID: "watched", limit: 1000))
        #expect(found.map(\.sequence) == Array(expected.reversed()))
        #expect(
            try await store.searchAudit(AuditQuery(objectID: "s\(drafts.count - 1)")).map(\.sequence) == [
                Int64(drafts.count)
            ])
        #expect(try await store.searchAudit(AuditQuery(objectID: "s17")).map(\.sequence) == [18])
        // Idempotent: the search indexed the tail as a run of its own, and searching again indexes nothing twice.
        #expect(try await store.db.query("SELECT run FROM audit_index_runs WHERE level = 0", []).count == 1)
        #expect(try await store.searchAudit(AuditQuery(objectID: "watched", limit: 1000)).count == expected.count)
        #expect(try await store.db.query("SELECT run FROM audit_index_runs", []).count == 5)
        await f.store.close()
    }

    @Test("an embedded store's existing log moves to its own file and is indexed again, unbroken")
    func logMovesToItsOwnFile() async throws {
        let dir = Scratch.path("move-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let path = StoreFactory.sqlitePath(dataDir: dir)
        // A store as it was before the chain had a file of its own: the first seven migrations, and a log in the main file.
        let old = SQLStore(database: try SQLiteDatabase(path: path))
        try await old.db.execute(
            "CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)", [])
        for migration in Migrations.all.prefix(7) {
            try await old.db.transaction { tx in
                for statement in migration.statements(.sqlite) { try await tx.execute(statement, []) }
                try await tx.execute(
                    "INSERT INTO schema_migrations (name, applied_at) VALUES (?, 0)", [.text(migration.name)])
            }
        }
        let drafts = (0..<30).map { i in
            AuditDraft(
                actorID: nil, actorName: "system", agencyID: nil, action: "subject.read",
                objectKind: "subject", objectIDs: ["s\(i % 4)"], outcome: .allowed)
        }
        _ = try await old.appendAudit(drafts, at: Date())
        #expect(try await old.db.query("SELECT COUNT(*) AS n FROM main.audit_events", []).first?.int("n") == 30)
        await old.close()

        let store = try await StoreFactory.open(databaseURL: nil, dataDir: dir)
        #expect(try await store.db.query("SELECT COUNT(*) AS n FROM audit.audit_events", []).first?.int("n") == 30)
        #expect(try await store.db.query("SELECT name FROM main.sqlite_master WHERE name LIKE 'audit%'", []).isEmpty)
        #expect(FileManager.default.fileExists(atPath: SQLiteDatabase.auditPath(for: path)))
        #expect(try await AuditLog(store: store, clock: SystemClock()).verify().intact)
        let found = try await store.searchAudit(AuditQuery(objectID: "s1"))
        #expect(found.map(\.sequence) == stride(from: 30, through: 2, by: -4).map { Int64($0) })
        await #expect(throws: (any Error).self) { try await store.db.execute("DELETE FROM audit_events", []) }
        await store.close()
    }

    @Test("two processes appending to the same store keep one unbroken chain")
    func twoWriters() async throws {
        let dir = Scratch.path("two-\(UUID().uuidString)")
        let first = try await StoreFactory.open(databaseURL: nil, dataDir: dir)
        let second = try await StoreFactory.open(databaseURL: nil, dataDir: dir)
        let user = User(
            username: "u", displayName: "U", email: "u@x.invalid", agencyID: .make(), roles: [.analyst], vetting: .sc)
        let clock = FixedClock(Date(timeIntervalSince1970: 1_790_000_000))
        let logs = [AuditLog(store: first, clock: clock), AuditLog(store: second, clock: clock)]
        for i in 0..<20 {
            // Each store believes it knows the tail; every other append proves it wrong.
            try await logs[i % 2].record(AuditDraft(user, "subject.read", ids: ["s\(i)"], request: .none))
        }
        let entries = try await first.auditEntries(after: 0, limit: 100)
        #expect(entries.map(\.sequence) == Array(1...20))
        #expect(entries.flatMap(\.objectIDs) == (0..<20).map { "s\($0)" })
        #expect(try await logs[0].verify().intact)
        await first.close()
        await second.close()
    }

    @Test("the store refuses edits and deletions of the log", arguments: StoreKind.available)
    func appendOnly(kind: StoreKind) async throws {
        let f = try await Fixture(kind)
        try await f.audit.record(AuditDraft(f.analyst, "subject.read", request: .none))
        await #expect(throws: (any Error).self) {
            try await f.store.db.execute("UPDATE audit_events SET actor_name = 'someone'")
        }
        await #expect(throws: (any Error).self) { try await f.store.db.execute("DELETE FROM audit_events") }
        #expect(try await f.store.auditEntries(after: 0, limit: 10).first?.actorName == "nca.analyst")
        await f.store.close()
    }

    enum Tamper: String, CaseIterable, Sendable { case edit, delete, reorder }

    @Test(
        "tampering with the stored log is detected and the first broken entry named",
        arguments: StoreKind.available.flatMap { kind in Tamper.allCases.map { (kind, $0) } })
    func tamper(kind: StoreKind, how: Tamper) async throws {
        let f = try await Fixture(kind)
        for i in 1...10 {
            try await f.audit.record(
                AuditDraft(f.analyst, "subject.read", kind: "subject", ids: ["s\(i)"], request: .none))
        }
        // Someone with direct database access bypasses the append-only triggers.
        let bypass: [String] =
            kind == .sqlite
            ? ["DROP TRIGGER audit_events_no_update", "DROP TRIGGER audit_events_no_delete"]
            : ["ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only"]
        for statement in bypass { try await f.store.db.execute(statement) }
        let expected: AuditChain.Break
        switch how {
        case .edit:
            try await f.store.db.execute("UPDATE audit_events SET actor_name = 'someone-else' WHERE seq = 6")
            expected = .alteredEntry(sequence: 6)
        case .delete:
            try await f.store.db.execute("DELETE FROM audit_events WHERE seq = 4")
            expected = .brokenLink(sequence: 5, expectedSequence: 4)
        case .reorder:
            // Swap the contents of entries 7 and 8 but keep their sequence numbers.
            try await f.store.db.execute("UPDATE audit_events SET seq = 1000 WHERE seq = 7")
            try await f.store.db.execute("UPDATE audit_events SET seq = 7 WHERE seq = 8")
            try await f.store.db.execute("UPDATE audit_events SET seq = 8 WHERE seq = 1000")
            expected = .brokenLink(sequence: 7, expectedSequence: 7)
        }
        let result = try await f.audit.verify(batchSize: 3)
        #expect(result.breaks == [expected])
        #expect(result.breaks.first?.sequence == (how == .edit ? 6 : how == .delete ? 5 : 7))
        // The entries before the break verified, however the batches fell.
        #expect(result.verifiedBeforeBreak == (how == .edit ? 5 : how == .delete ? 3 : 6))
        // A second edit further on hides behind the first unless the check goes on past it.
        try await f.store.db.execute("UPDATE audit_events SET detail = 'rewritten' WHERE seq = 10")
        #expect(try await f.audit.verify(batchSize: 3).breaks == [expected])
        let all = try await f.audit.verify(continuing: true, batchSize: 3)
        #expect(all.breaks.count == (how == .reorder ? 4 : 2))
        #expect(all.breaks.last == .alteredEntry(sequence: 10))
        await f.store.close()
    }

    /// Text a request can carry into an audited field: NUL, other control characters, bytes that are not UTF-8
    /// (decoded as a server decodes them), and a mebibyte.
    static let hostile: [String] = [
        "ab\u{0}cd", "\u{0}", "tab\tline\nreturn\r bell\u{7}escape\u{1B}[31m delete\u{7F}",
        String(decoding: [0x61, 0xFF, 0xFE, 0xC3, 0x28, 0x00, 0x62] as [UInt8], as: UTF8.self),
        String(repeating: "é", count: 600_000), String(repeating: "x\u{0}", count: 300_000),
    ]

    @Test(
        "every audited field takes NUL, control characters, invalid UTF-8 and 1 MiB, and the chain still verifies",
        arguments: ContractStoreKind.available)
    func hostileText(kind: ContractStoreKind) async throws {
        let f = try await ContractFixture(kind)
        for text in Self.hostile {
            try await f.audit.record(
                AuditDraft(
                    actorID: text, actorName: text, agencyID: text, action: text, objectKind: text,
                    objectIDs: [text, text], purpose: text, detail: text, requestID: text, outcome: .denied))
        }
        // The same through a service: a search whose query holds a NUL.
        _ = try await f.subjects.search(
            "ab\u{0}cd", page: PageRequest(), by: f.partner, request: RequestInfo(requestID: "r\u{0}"))
        let result = try await f.audit.verify()
        #expect(result.intact, "\(result.breaks)")
        #expect(result.entries == Int64(Self.hostile.count) + 1)
        let stored = try await f.store.auditEntries(after: 0, limit: 10)
        #expect(stored[0].actorName == "ab\u{2400}cd")
        #expect(stored.allSatisfy { $0.detail!.utf8.count <= AuditChain.maximumFieldBytes + 40 })
        #expect(stored[4].detail!.hasSuffix("more bytes not kept)"))
        #expect(!stored.contains { $0.detail!.unicodeScalars.contains { $0.value == 0 } })
        await f.close()
    }
}
