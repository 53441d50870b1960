import Foundation
import LiaisonCore

/// Obligations and their outbox kept whole as JSON with the columns their sweeps and tallies need; agencies'
/// delivery channels; guidance versions.
extension SQLStore {
    public func obligation(_ id: String) async throws -> Obligation? {
        try await db.query("SELECT details FROM obligations WHERE id = ?", [.text(id)]).first.map {
            try $0.json("details", as: Obligation.self)
        }
    }

    public func obligations(_ query: ObligationQuery) async throws -> [Obligation] {
        var conditions: [String] = []
        var values: [SQLValue] = []
        if let caseID = query.caseID {
            conditions.append("case_id = ?")
            values.append(.text(caseID.rawValue))
        }
        if let agency = query.agencyID {
            conditions.append("agency_id = ?")
            values.append(.text(agency.rawValue))
        }
        if query.openOnly { conditions.append("status = 'open'") }
        if let before = query.dueBefore {
            conditions.append("due_by < ?")
            values.append(SQLValue(before))
        }
        if let from = query.dueFrom {
            conditions.append("due_by >= ?")
            values.append(SQLValue(from))
        }
        if let below = query.escalationBelow {
            conditions.append("escalation < ?")
            values.append(SQLValue(below))
        }
        let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        return try await db.query(
            "SELECT details FROM obligations\(filter) ORDER BY due_by, id LIMIT ?", values + [SQLValue(query.limit)]
        )
        .map { try $0.json("details", as: Obligation.self) }
    }

    public func obligationTallies(at time: Date) async throws -> [ObligationTally] {
        let now = SQLValue(time)
        return try await db.query(
            """
            SELECT COALESCE(owner, '') AS team, agency_code,
                   SUM(CASE WHEN due_by >= ? THEN 1 ELSE 0 END) AS due,
                   SUM(CASE WHEN due_by < ? THEN 1 ELSE 0 END) AS overdue,
                   SUM(CASE WHEN escalation > 0 THEN 1 ELSE 0 END) AS escalated
            FROM obligations WHERE status = 'open' GROUP BY COALESCE(owner, ''), agency_code ORDER BY team, agency_code
            """, [now, now]
        ).map {
            ObligationTally(
                team: try $0.string("team"), agency: try $0.string("agency_code"), due: try $0.int("due"),
                overdue: try $0.int("overdue"), escalated: try $0.int("escalated"))
        }
    }

    public func pendingMessages(dueAt time: Date, limit: Int) async throws -> [OutboxMessage] {
        try await db.query(
            "SELECT details FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?",
            [SQLValue(time), SQLValue(limit)]
        ).map { try $0.json("details", as: OutboxMessage.self) }
    }

    public func messages(obligation: String) async throws -> [OutboxMessage] {
        try await db.query("SELECT details FROM outbox WHERE obligation_id = ? ORDER BY id", [.text(obligation)])
            .map { try $0.json("details", as: OutboxMessage.self) }
    }

    public func updateMessage(_ message: OutboxMessage) async throws {
        try await db.execute(
            "UPDATE outbox SET status = ?, next_attempt_at = ?, details = ? WHERE id = ? AND status = 'pending'",
            [
                .text(message.status.rawValue), SQLValue(message.nextAttemptAt), .text(try Self.json(message)),
                .text(message.id),
            ])
    }

    public func deliveryChannels(_ agency: AgencyID) async throws -> DeliveryChannels? {
        try await db.query("SELECT details FROM delivery_channels WHERE agency_id = ?", [.text(agency.rawValue)]).first
            .map { try $0.json("details", as: DeliveryChannels.self) }
    }

    public func saveDeliveryChannels(_ channels: DeliveryChannels, expectedVersion: Int?) async throws {
        try await db.transaction { tx in
            let current = try await tx.query(
                "SELECT version FROM delivery_channels WHERE agency_id = ?", [.text(channels.agencyID.rawValue)]
            ).first
            let found = try current.map { try $0.int("version") }
            if found != expectedVersion {
                throw LiaisonError.staleVersion(
                    kind: "delivery-channels", id: channels.agencyID.rawValue, expected: expectedVersion ?? 0,
                    current: found ?? 0)
            }
            try await tx.execute(
                "DELETE FROM delivery_channels WHERE agency_id = ?", [.text(channels.agencyID.rawValue)])
            try await tx.execute(
                "INSERT INTO delivery_channels (agency_id, version, details) VALUES (?, ?, ?)",
                [.text(channels.agencyID.rawValue), SQLValue(channels.version), .text(try Self.json(channels))])
        }
    }

    public func guidanceVersions(slug: String) async throws -> [GuidancePage] {
        try await db.query("SELECT details FROM guidance WHERE slug = ? ORDER BY version DESC", [.text(slug)])
            .map { try $0.json("details", as: GuidancePage.self) }
    }

    public func allGuidance() async throws -> [GuidancePage] {
        try await db.query("SELECT details FROM guidance ORDER BY slug, version DESC", []).map {
            try $0.json("details", as: GuidancePage.self)
        }
    }

    public func insertGuidance(_ page: GuidancePage) async throws {
        try await db.transaction { tx in
            if try await !tx.query(
                "SELECT version FROM guidance WHERE slug = ? AND version = ?",
                [.text(page.slug), SQLValue(page.version)]
            ).isEmpty {
                throw LiaisonError.conflict(
                    field: "version",
                    reason: "version \(page.version) of \(page.slug) already exists: someone edited it meanwhile")
            }
            try await tx.execute(
                "INSERT INTO guidance (slug, version, details) VALUES (?, ?, ?)",
                [.text(page.slug), SQLValue(page.version), .text(try Self.json(page))])
        }
    }
}
