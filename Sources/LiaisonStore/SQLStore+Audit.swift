import Foundation
import LiaisonCore
import Synchronization

/// How the audit log's record index (which entries name which records) is built. Entries are indexed in runs of
/// `batch`, each run keyed by its number first, so a new run is written at the end of the index in order and no
/// earlier page is touched: indexing costs the same however large the log grows. When `fanout` runs share a level,
/// they are merged into one run of the next level, up to `maxLevel`, so a search by record reads few runs.
public struct AuditIndexShape: Sendable {
    public var batch: Int64
    public var fanout: Int
    public var maxLevel: Int

    public init(batch: Int64 = 1_000, fanout: Int = 8, maxLevel: Int = 2) {
        self.batch = max(1, batch)
        self.fanout = max(2, fanout)
        self.maxLevel = max(0, maxLevel)
    }
}

extension SQLStore {
    static let auditColumns = [
        "seq", "at", "actor_id", "actor_name", "agency_id", "action", "object_kind", "object_ids",
        "purpose", "detail", "request_id", "outcome", "prev_hash", "hash",
    ]

    public func appendAudit(_ drafts: [AuditDraft], at time: Date) async throws -> [AuditEntry] {
        guard !drafts.isEmpty else { return [] }
        // The embedded store remembers the tail it wrote last, so an append is one trip to the writer. Another
        // process appending meanwhile makes the insert collide on the sequence number: then read the tail and retry.
        let cached = db.dialect == .sqlite ? auditHead.value.withLock { $0 } : nil
        do {
            return try await append(drafts, at: time, head: cached)
        } catch  where cached != nil {
            auditHead.value.withLock { $0 = nil }
            return try await append(drafts, at: time, head: nil)
        }
    }

    private func append(_ drafts: [AuditDraft], at time: Date, head: (sequence: Int64, hash: String)?) async throws
        -> [AuditEntry]
    {
        let entries = try await db.transaction { tx in
            var tail = head
            if tail == nil {
                if db.dialect == .postgres {
                    // One appender at a time, so two servers never both extend the same tail.
                    _ = try await tx.query("SELECT pg_advisory_xact_lock(7032)", [])
                }
                let last = try await tx.query("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1", []).first
                tail = (Int64(try last?.int("seq") ?? 0), try last?.string("hash") ?? AuditChain.genesis)
            }
            var (sequence, previous) = tail!
            var entries: [AuditEntry] = []
            for draft in drafts {
                sequence += 1
                let entry = AuditChain.seal(draft, sequence: sequence, time: time, previousHash: previous)
                previous = entry.hash
                entries.append(entry)
            }
            try await Self.insertRows(
                tx, table: "audit_events", columns: Self.auditColumns,
                rows: try entries.map { e in
                    [
                        .int(e.sequence), .int(e.timeMillis), SQLValue(e.actorID), .text(e.actorName),
                        SQLValue(e.agencyID), .text(e.action),
                        SQLValue(e.objectKind), .text(try Self.json(e.objectIDs)), SQLValue(e.purpose),
                        SQLValue(e.detail), SQLValue(e.requestID),
                        .text(e.outcome.rawValue), .text(e.previousHash), .text(e.hash),
                    ]
                })
            if tail!.sequence / auditIndex.batch != sequence / auditIndex.batch {
                try await indexAuditObjects(tx, lock: false)
            }
            return entries
        }
        if db.dialect == .sqlite, let last = entries.last {
            auditHead.value.withLock { $0 = (last.sequence, last.hash) }
        }
        return entries
    }

    /// Brings the record index up to the end of the chain, a run per `batch` entries, merging full levels as it
    /// goes. Idempotent; the chain itself is the source of truth.
    func indexAuditObjects(_ tx: any SQLTransaction, lock: Bool) async throws {
        if lock, db.dialect == .postgres { _ = try await tx.query("SELECT pg_advisory_xact_lock(7032)", []) }
        let indexed = Int64(
            try await tx.query("SELECT indexed_seq FROM audit_index_state WHERE id = 1", []).first?.int("indexed_seq")
                ?? 0)
        var from = indexed
        while true {
            let rows = try await tx.query(
                "SELECT seq, object_ids FROM audit_events WHERE seq > ? ORDER BY seq LIMIT ?",
                [.int(from), .int(auditIndex.batch)])
            guard let last = rows.last else { break }
            let through = Int64(try last.int("seq"))
            var keys: [(key: Int64, seq: Int64)] = []
            for row in rows {
                let seq = Int64(try row.int("seq"))
                for key in Set(try row.json("object_ids", as: [String].self).map(Self.auditObjectKey)) {
                    keys.append((key, seq))
                }
            }
            keys.sort { ($0.key, $0.seq) < ($1.key, $1.seq) }
            let run = try await nextAuditRun(tx)
            try await Self.insertRows(
                tx, table: "audit_object_index", columns: ["run", "object_key", "seq"],
                rows: keys.map { [.int(run), .int($0.key), .int($0.seq)] })
            try await tx.execute(
                "INSERT INTO audit_index_runs (run, level, first_seq, last_seq) VALUES (?, 0, ?, ?)",
                [.int(run), .int(from + 1), .int(through)])
            try await mergeAuditRuns(tx)
            from = through
            if rows.count < auditIndex.batch { break }
        }
        if from != indexed {
            try await tx.execute("UPDATE audit_index_state SET indexed_seq = ? WHERE id = 1", [.int(from)])
        }
    }

    /// The record index's key for a record ID: 64 bits of FNV-1a, the same in every process and release. Integer keys
    /// make the index a third the size of one keyed by the IDs' text; a search checks each entry it finds, so two IDs
    /// sharing a key can never mix.
    static func auditObjectKey(_ id: String) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return Int64(bitPattern: hash)
    }

    /// Merges each level holding `fanout` runs into one run of the next level, lowest level first. The merged run
    /// takes a new, highest number, so it too is written at the end of the index.
    private func mergeAuditRuns(_ tx: any SQLTransaction) async throws {
        for level in 0..<auditIndex.maxLevel {
            let runs = try await tx.query(
                "SELECT run, first_seq, last_seq FROM audit_index_runs WHERE level = ? ORDER BY run",
                [SQLValue(level)])
            guard runs.count >= auditIndex.fanout else { continue }
            let numbers = try runs.map { SQLValue.int(Int64(try $0.int("run"))) }
            let first = try runs.map { Int64(try $0.int("first_seq")) }.min()!
            let through = try runs.map { Int64(try $0.int("last_seq")) }.max()!
            let list = "(" + Array(repeating: "?", count: numbers.count).joined(separator: ", ") + ")"
            let merged = try await nextAuditRun(tx)
            try await tx.execute(
                """
                INSERT INTO audit_object_index (run, object_key, seq)
                SELECT CAST(? AS BIGINT), object_key, seq FROM audit_object_index WHERE run IN \(list) ORDER BY object_key, seq
                """, [.int(merged)] + numbers)
            try await tx.execute("DELETE FROM audit_object_index WHERE run IN \(list)", numbers)
            try await tx.execute("DELETE FROM audit_index_runs WHERE run IN \(list)", numbers)
            try await tx.execute(
                "INSERT INTO audit_index_runs (run, level, first_seq, last_seq) VALUES (?, ?, ?, ?)",
                [.int(merged), SQLValue(level + 1), .int(first), .int(through)])
        }
    }

    private func nextAuditRun(_ tx: any SQLTransaction) async throws -> Int64 {
        Int64(
            try await tx.query("SELECT COALESCE(MAX(run), 0) + 1 AS next FROM audit_index_runs", []).first?.int("next")
                ?? 1)
    }

    public func auditEntries(after sequence: Int64, limit: Int) async throws -> [AuditEntry] {
        try await db.query(
            "SELECT * FROM audit_events WHERE seq > ? ORDER BY seq LIMIT ?", [.int(sequence), SQLValue(limit)]
        )
        .map(Self.auditEntry)
    }

    public func searchAudit(_ query: AuditQuery) async throws -> [AuditEntry] {
        var conditions: [String] = []
        var binds: [SQLValue] = []
        if let actor = query.actorName {
            conditions.append("actor_name = ?")
            binds.append(.text(actor))
        }
        if let action = query.action {
            if action.hasSuffix(".") {
                conditions.append("action >= ? AND action < ?")
                binds += [.text(action), .text(String(action.dropLast()) + "/")]
            } else {
                conditions.append("action = ?")
                binds.append(.text(action))
            }
        }
        if let outcome = query.outcome {
            conditions.append("outcome = ?")
            binds.append(.text(outcome.rawValue))
        }
        if let from = query.from {
            conditions.append("at >= ?")
            binds.append(SQLValue(from))
        }
        if let to = query.to {
            conditions.append("at < ?")
            binds.append(SQLValue(to))
        }
        if let before = query.before {
            conditions.append("seq < ?")
            binds.append(.int(before))
        }
        if let object = query.objectID {
            try await db.transaction { tx in try await indexAuditObjects(tx, lock: true) }
            // One probe per run: the runs are few, and each is ordered by record (CROSS JOIN keeps SQLite's loop over the
            // runs outermost).
            conditions.append(
                "seq IN (SELECT i.seq FROM audit_index_runs r CROSS JOIN audit_object_index i WHERE i.run = r.run AND i.object_key = ?)"
            )
            binds.append(.int(Self.auditObjectKey(object)))
        }
        let sql =
            "SELECT * FROM audit_events" + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "))
            + " ORDER BY seq DESC LIMIT ?"
        let entries = try await db.query(sql, binds + [SQLValue(query.limit)]).map(Self.auditEntry)
        guard let object = query.objectID else { return entries }
        return entries.filter { $0.objectIDs.contains(object) }
    }

    static func auditEntry(_ row: SQLRow) throws -> AuditEntry {
        AuditEntry(
            sequence: Int64(try row.int("seq")), timeMillis: Int64(try row.int("at")),
            actorID: row.optionalString("actor_id"),
            actorName: try row.string("actor_name"), agencyID: row.optionalString("agency_id"),
            action: try row.string("action"),
            objectKind: row.optionalString("object_kind"), objectIDs: try row.json("object_ids", as: [String].self),
            purpose: row.optionalString("purpose"), detail: row.optionalString("detail"),
            requestID: row.optionalString("request_id"),
            outcome: AuditOutcome(rawValue: try row.string("outcome")) ?? .failed,
            previousHash: try row.string("prev_hash"),
            hash: try row.string("hash"))
    }
}

/// The last audit entry this process appended to the embedded store.
final class AuditHead: Sendable {
    let value = Mutex<(sequence: Int64, hash: String)?>(nil)
}
