import Foundation
import LiaisonCore
import Synchronization

extension SQLStore {
    /// How many entries `audit_objects` may lag behind the chain before an append brings it up to date. Indexing
    /// thousands of entries at once touches each page of the index once, where indexing every entry as it is
    /// written would rewrite the same pages again and again.
    static let auditIndexBatch: Int64 = 1_000

    static let auditColumns = ["seq", "at", "actor_id", "actor_name", "agency_id", "action", "object_kind", "object_ids",
                               "purpose", "detail", "request_id", "outcome", "prev_hash", "hash"]

    public func appendAudit(_ drafts: [AuditDraft], at time: Date) async throws -> [AuditEntry] {
        guard !drafts.isEmpty else { return [] }
        // The embedded store remembers the tail it wrote last, so an append is one trip to the writer. Another
        // process appending meanwhile makes the insert collide on the sequence number: then read the tail and retry.
        let cached = db.dialect == .sqlite ? auditHead.value.withLock { $0 } : nil
        do {
            return try await append(drafts, at: time, head: cached)
        } catch where cached != nil {
            auditHead.value.withLock { $0 = nil }
            return try await append(drafts, at: time, head: nil)
        }
    }

    private func append(_ drafts: [AuditDraft], at time: Date, head: (sequence: Int64, hash: String)?) async throws -> [AuditEntry] {
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
            try await Self.insertRows(tx, table: "audit_events", columns: Self.auditColumns, rows: try entries.map { e in
                [.int(e.sequence), .int(e.timeMillis), SQLValue(e.actorID), .text(e.actorName), SQLValue(e.agencyID), .text(e.action),
                 SQLValue(e.objectKind), .text(try Self.json(e.objectIDs)), SQLValue(e.purpose), SQLValue(e.detail), SQLValue(e.requestID),
                 .text(e.outcome.rawValue), .text(e.previousHash), .text(e.hash)]
            })
            if tail!.sequence / Self.auditIndexBatch != sequence / Self.auditIndexBatch {
                try await indexAuditObjects(tx, lock: false)
            }
            return entries
        }
        if db.dialect == .sqlite, let last = entries.last { auditHead.value.withLock { $0 = (last.sequence, last.hash) } }
        return entries
    }

    /// Brings `audit_objects` (which entries name which records) up to the end of the chain, so that a search by
    /// record finds every entry. Idempotent; the chain itself is the source of truth.
    func indexAuditObjects(_ tx: any SQLTransaction, lock: Bool) async throws {
        if lock, db.dialect == .postgres { _ = try await tx.query("SELECT pg_advisory_xact_lock(7032)", []) }
        let from = Int64(try await tx.query("SELECT indexed_seq FROM audit_index_state WHERE id = 1", []).first?.int("indexed_seq") ?? 0)
        let rows = try await tx.query("SELECT seq, object_ids FROM audit_events WHERE seq > ? ORDER BY seq", [.int(from)])
        guard let last = rows.last else { return }
        var objects: [(id: String, seq: Int64)] = []
        for row in rows {
            let seq = Int64(try row.int("seq"))
            for id in Set(try row.json("object_ids", as: [String].self)) { objects.append((id, seq)) }
        }
        objects.sort { ($0.id, $0.seq) < ($1.id, $1.seq) }
        try await Self.insertRows(tx, table: "audit_objects", columns: ["object_id", "seq"],
                             rows: objects.map { [.text($0.id), .int($0.seq)] }, conflict: " ON CONFLICT DO NOTHING")
        try await tx.execute("UPDATE audit_index_state SET indexed_seq = ? WHERE id = 1", [.int(Int64(try last.int("seq")))])
    }

    public func auditEntries(after sequence: Int64, limit: Int) async throws -> [AuditEntry] {
        try await db.query("SELECT * FROM audit_events WHERE seq > ? ORDER BY seq LIMIT ?", [.int(sequence), SQLValue(limit)])
            .map(Self.auditEntry)
    }

    public func searchAudit(_ query: AuditQuery) async throws -> [AuditEntry] {
        var conditions: [String] = []
        var binds: [SQLValue] = []
        if let actor = query.actorName { conditions.append("actor_name = ?"); binds.append(.text(actor)) }
        if let action = query.action {
            if action.hasSuffix(".") {
                conditions.append("action >= ? AND action < ?")
                binds += [.text(action), .text(String(action.dropLast()) + "/")]
            } else {
                conditions.append("action = ?")
                binds.append(.text(action))
            }
        }
        if let outcome = query.outcome { conditions.append("outcome = ?"); binds.append(.text(outcome.rawValue)) }
        if let from = query.from { conditions.append("at >= ?"); binds.append(SQLValue(from)) }
        if let to = query.to { conditions.append("at < ?"); binds.append(SQLValue(to)) }
        if let before = query.before { conditions.append("seq < ?"); binds.append(.int(before)) }
        if let object = query.objectID {
            try await db.transaction { tx in try await indexAuditObjects(tx, lock: true) }
            conditions.append("seq IN (SELECT seq FROM audit_objects WHERE object_id = ?)")
            binds.append(.text(object))
        }
        let sql = "SELECT * FROM audit_events" + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "))
            + " ORDER BY seq DESC LIMIT ?"
        return try await db.query(sql, binds + [SQLValue(query.limit)]).map(Self.auditEntry)
    }

    static func auditEntry(_ row: SQLRow) throws -> AuditEntry {
        AuditEntry(sequence: Int64(try row.int("seq")), timeMillis: Int64(try row.int("at")), actorID: row.optionalString("actor_id"),
                   actorName: try row.string("actor_name"), agencyID: row.optionalString("agency_id"), action: try row.string("action"),
                   objectKind: row.optionalString("object_kind"), objectIDs: try row.json("object_ids", as: [String].self),
                   purpose: row.optionalString("purpose"), detail: row.optionalString("detail"), requestID: row.optionalString("request_id"),
                   outcome: AuditOutcome(rawValue: try row.string("outcome")) ?? .failed, previousHash: try row.string("prev_hash"),
                   hash: try row.string("hash"))
    }
}

/// The last audit entry this process appended to the embedded store.
final class AuditHead: Sendable {
    let value = Mutex<(sequence: Int64, hash: String)?>(nil)
}
