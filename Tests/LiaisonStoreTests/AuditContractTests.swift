import Foundation
import LiaisonCore
import Testing
@testable import LiaisonStore

/// The audit chain on every store: appends are sealed in order, every access is recorded, and any tampering
/// with the stored log — even by someone who bypasses the append-only triggers — is caught and located.
@Suite("Audit chain contract")
struct AuditContractTests {
    @Test("reads, searches, writes and refusals land in the chain, which verifies", arguments: StoreKind.available)
    func recorded(kind: StoreKind) async throws {
        let f = try await Fixture(kind)
        let created = try await f.subjects.create(SubjectInput(details: SubjectDetails(names: [PersonName(given: "Arben", family: "Hoxha")])),
                                                  by: f.analyst, request: RequestInfo(requestID: "r1"))
        _ = try await f.subjects.get(created.id, by: f.analyst, request: RequestInfo(requestID: "r2", purpose: "case review"))
        _ = try await f.subjects.search("hoxha", page: PageRequest(), by: f.partner, request: RequestInfo(requestID: "r3"))
        let secret = try await f.subjects.create(SubjectInput(details: SubjectDetails(names: [PersonName(given: "S", family: "Secret")]),
                                                              marking: ProtectiveMarking(.secret)), by: f.analyst)
        await #expect(throws: LiaisonError.notFound(kind: "subject", id: secret.id.rawValue)) {
            try await f.subjects.get(secret.id, by: f.partner, request: RequestInfo(requestID: "r4"))
        }
        await #expect(throws: LiaisonError.self) {
            try await f.subjects.create(SubjectInput(details: SubjectDetails(names: [])), by: f.analyst)
        }

        let entries = try await f.store.auditEntries(after: 0, limit: 100)
        #expect(entries.map(\.action) == ["subject.create", "subject.read", "subject.search", "subject.create", "subject.read", "subject.create"])
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
        #expect(verified.checked == 6)
        #expect(verified.break == nil)

        let byObject = try await f.store.searchAudit(AuditQuery(objectID: secret.id.rawValue))
        #expect(byObject.map(\.sequence) == [5, 4])
        let byActor = try await f.store.searchAudit(AuditQuery(actorName: "gmp.officer", action: "subject."))
        #expect(byActor.map(\.sequence) == [5, 3])
        let denied = try await f.store.searchAudit(AuditQuery(outcome: .denied))
        #expect(denied.map(\.sequence) == [5])
        let older = try await f.store.searchAudit(AuditQuery(before: 3, limit: 1))
        #expect(older.map(\.sequence) == [2])
        await f.store.close()
    }

    @Test("concurrent appends are grouped, gapless and chained", arguments: StoreKind.available)
    func concurrent(kind: StoreKind) async throws {
        let f = try await Fixture(kind)
        let log = f.audit
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<200 {
                group.addTask {
                    try await log.record(AuditDraft(f.analyst, "subject.read", kind: "subject", ids: ["s\(i)"], request: .none))
                }
            }
            try await group.waitForAll()
        }
        let entries = try await f.store.auditEntries(after: 0, limit: 500)
        #expect(entries.map(\.sequence) == Array(1...200))
        #expect(Set(entries.flatMap(\.objectIDs)).count == 200)
        #expect(try await log.verify().break == nil)
        await f.store.close()
    }

    @Test("a search by record finds every entry naming it, before and after the record index catches up", arguments: StoreKind.available)
    func searchByRecordAcrossIndexBatches(kind: StoreKind) async throws {
        let f = try await Fixture(kind)
        let batch = Int(SQLStore.auditIndexBatch)
        // Cross one batch boundary (the index is brought up to date inside an append) and stop short of the next.
        let drafts = (0..<(batch + batch / 2)).map { i in
            AuditDraft(f.analyst, "subject.read", kind: "subject", ids: i % 3 == 0 ? ["watched", "s\(i)"] : ["s\(i)"], request: .none)
        }
        for start in stride(from: 0, to: drafts.count, by: 100) {
            _ = try await f.store.appendAudit(Array(drafts[start..<min(start + 100, drafts.count)]), at: Date())
        }
        let expected = drafts.indices.filter { $0 % 3 == 0 }.map { Int64($0 + 1) }
        let found = try await f.store.searchAudit(AuditQuery(objectID: "watched", limit: 1000))
        #expect(found.map(\.sequence) == Array(expected.reversed()))
        #expect(try await f.store.searchAudit(AuditQuery(objectID: "s\(drafts.count - 1)")).map(\.sequence) == [Int64(drafts.count)])
        // Idempotent: searching again indexes nothing twice.
        #expect(try await f.store.searchAudit(AuditQuery(objectID: "watched", limit: 1000)).count == expected.count)
        await f.store.close()
    }

    @Test("two processes appending to the same store keep one unbroken chain")
    func twoWriters() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("liaison-two-\(UUID().uuidString)").path
        let first = try await StoreFactory.open(databaseURL: nil, dataDir: dir)
        let second = try await StoreFactory.open(databaseURL: nil, dataDir: dir)
        let user = User(username: "u", displayName: "U", email: "u@x.invalid", agencyID: .make(), roles: [.analyst], vetting: .sc)
        let clock = FixedClock(Date(timeIntervalSince1970: 1_790_000_000))
        let logs = [AuditLog(store: first, clock: clock), AuditLog(store: second, clock: clock)]
        for i in 0..<20 {
            // Each store believes it knows the tail; every other append proves it wrong.
            try await logs[i % 2].record(AuditDraft(user, "subject.read", ids: ["s\(i)"], request: .none))
        }
        let entries = try await first.auditEntries(after: 0, limit: 100)
        #expect(entries.map(\.sequence) == Array(1...20))
        #expect(entries.flatMap(\.objectIDs) == (0..<20).map { "s\($0)" })
        #expect(try await logs[0].verify().break == nil)
        await first.close()
        await second.close()
    }

    @Test("the store refuses edits and deletions of the log", arguments: StoreKind.available)
    func appendOnly(kind: StoreKind) async throws {
        let f = try await Fixture(kind)
        try await f.audit.record(AuditDraft(f.analyst, "subject.read", request: .none))
        await #expect(throws: (any Error).self) { try await f.store.db.execute("UPDATE audit_events SET actor_name = 'someone'") }
        await #expect(throws: (any Error).self) { try await f.store.db.execute("DELETE FROM audit_events") }
        #expect(try await f.store.auditEntries(after: 0, limit: 10).first?.actorName == "nca.analyst")
        await f.store.close()
    }

    enum Tamper: String, CaseIterable, Sendable { case edit, delete, reorder }

    @Test("tampering with the stored log is detected and the first broken entry named",
          arguments: StoreKind.available.flatMap { kind in Tamper.allCases.map { (kind, $0) } })
    func tamper(kind: StoreKind, how: Tamper) async throws {
        let f = try await Fixture(kind)
        for i in 1...10 {
            try await f.audit.record(AuditDraft(f.analyst, "subject.read", kind: "subject", ids: ["s\(i)"], request: .none))
        }
        // Someone with direct database access bypasses the append-only triggers.
        let bypass: [String] = kind == .sqlite
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
        #expect(result.break == expected)
        #expect(result.break?.sequence == (how == .edit ? 6 : how == .delete ? 5 : 7))
        await f.store.close()
    }
}
