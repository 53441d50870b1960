import Foundation
import LiaisonCore

/// Industry alerts, kept whole as JSON beside the columns that find the live ones; and the sectors of each
/// private-sector organisation.
extension SQLStore {
    public func insertAlert(_ a: IndustryAlert) async throws {
        try await db.execute(
            "INSERT INTO industry_alerts (id, issuer_agency_id, status, expires_on, created_at, version, details) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                .text(a.id.rawValue), .text(a.issuer.rawValue), .text(a.status.rawValue), .text(a.expiresOn),
                SQLValue(a.createdAt),
                SQLValue(a.version), .text(try Self.json(a)),
            ])
    }

    public func alert(_ id: IndustryAlertID) async throws -> IndustryAlert? {
        try await db.query("SELECT details FROM industry_alerts WHERE id = ?", [.text(id.rawValue)]).first.map {
            try $0.json("details", as: IndustryAlert.self)
        }
    }

    public func updateAlert(_ a: IndustryAlert, expectedVersion: Int) async throws {
        try await db.transaction { tx in
            var saved = a
            saved.version = expectedVersion + 1
            let updated = try await tx.query(
                "UPDATE industry_alerts SET status = ?, expires_on = ?, version = ?, details = ? WHERE id = ? AND version = ? RETURNING id",
                [
                    .text(a.status.rawValue), .text(a.expiresOn), SQLValue(expectedVersion + 1),
                    .text(try Self.json(saved)),
                    .text(a.id.rawValue), SQLValue(expectedVersion),
                ])
            if updated.isEmpty {
                guard
                    let current = try await tx.query(
                        "SELECT version FROM industry_alerts WHERE id = ?", [.text(a.id.rawValue)]
                    ).first
                else {
                    throw LiaisonError.notFound(kind: "alert", id: a.id.rawValue)
                }
                throw LiaisonError.staleVersion(
                    kind: "alert", id: a.id.rawValue, expected: expectedVersion, current: try current.int("version"))
            }
        }
    }

    public func alerts(liveOn day: String?, limit: Int) async throws -> [IndustryAlert] {
        let rows =
            if let day {
                try await db.query(
                    "SELECT details FROM industry_alerts WHERE status = 'published' AND expires_on >= ? ORDER BY created_at DESC LIMIT ?",
                    [.text(day), SQLValue(limit)])
            } else {
                try await db.query(
                    "SELECT details FROM industry_alerts ORDER BY created_at DESC LIMIT ?", [SQLValue(limit)])
            }
        return try rows.map { try $0.json("details", as: IndustryAlert.self) }
    }

    public func alertAudiences() async throws -> [AgencyID: [String]] {
        var audiences: [AgencyID: [String]] = [:]
        for row in try await db.query("SELECT agency_id, sectors FROM alert_audiences", []) {
            audiences[AgencyID(try row.string("agency_id"))] = try row.string("sectors").split(separator: ",").map(
                String.init)
        }
        return audiences
    }

    public func setAlertAudience(_ agency: AgencyID, sectors: [String]) async throws {
        try await db.execute(
            "INSERT INTO alert_audiences (agency_id, sectors) VALUES (?, ?) ON CONFLICT (agency_id) DO UPDATE SET sectors = excluded.sectors",
            [.text(agency.rawValue), .text(sectors.joined(separator: ","))])
    }
}
