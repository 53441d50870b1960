import LiaisonCore

extension Migration {
    /// GAIN hit/no-hit requests, and the agencies each one hit.
    static let m024GainRequests = Migration(name: "024_gain_requests") { _ in
        [
            "CREATE TABLE gain_requests (id TEXT PRIMARY KEY, requester_agency_id TEXT NOT NULL, asked_at BIGINT NOT NULL, details TEXT NOT NULL)",
            "CREATE INDEX gain_requests_by_requester ON gain_requests (requester_agency_id, asked_at)",
            "CREATE TABLE gain_hits (agency_id TEXT NOT NULL, request_id TEXT NOT NULL, PRIMARY KEY (agency_id, request_id))",
        ]
    }
}
