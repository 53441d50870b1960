import Foundation
import LiaisonCore

/// GAIN requests, kept whole as JSON, with the agencies each one hit for the holders' lists.
extension SQLStore {
    public func insertGAINRequest(_ r: GAINRequest) async throws {
        try await db.transaction { tx in
            try await tx.execute(
                "INSERT INTO gain_requests (id, requester_agency_id, asked_at, details) VALUES (?, ?, ?, ?)",
                [.text(r.id.rawValue), .text(r.requesterAgency.rawValue), SQLValue(r.askedAt), .text(try Self.json(r))])
            try await Self.insertRows(
                tx, table: "gain_hits", columns: ["agency_id", "request_id"],
                rows: r.answers.filter(\.hit).map { [.text($0.agencyID.rawValue), .text(r.id.rawValue)] })
        }
    }

    public func gainRequest(_ id: GAINRequestID) async throws -> GAINRequest? {
        try await db.query("SELECT details FROM gain_requests WHERE id = ?", [.text(id.rawValue)]).first.map {
            try $0.json("details", as: GAINRequest.self)
        }
    }

    public func gainRequests(requester: AgencyID) async throws -> [GAINRequest] {
        try await db.query(
            "SELECT details FROM gain_requests WHERE requester_agency_id = ? ORDER BY asked_at DESC LIMIT 200",
            [.text(requester.rawValue)]
        )
        .map { try $0.json("details", as: GAINRequest.self) }
    }

    public func gainRequests(hitting agency: AgencyID) async throws -> [GAINRequest] {
        try await db.query(
            "SELECT details FROM gain_requests WHERE id IN (SELECT request_id FROM gain_hits WHERE agency_id = ?) ORDER BY asked_at DESC LIMIT 200",
            [.text(agency.rawValue)]
        ).map { try $0.json("details", as: GAINRequest.self) }
    }

    public func updateGAINRequest(_ r: GAINRequest) async throws {
        try await db.execute(
            "UPDATE gain_requests SET details = ? WHERE id = ?", [.text(try Self.json(r)), .text(r.id.rawValue)])
    }
}
