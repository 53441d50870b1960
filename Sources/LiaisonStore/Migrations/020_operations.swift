import LiaisonCore

extension Migration {
    /// Multi-agency operations as records of their own.
    static let m020Operations = Migration(name: "020_operations") { _ in
        [
            "CREATE TABLE operations (name TEXT PRIMARY KEY, lead_agency_id TEXT NOT NULL REFERENCES agencies(id), starts_on TEXT NOT NULL, details TEXT NOT NULL)"
        ]
    }
}
