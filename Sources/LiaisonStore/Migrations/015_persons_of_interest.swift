import LiaisonCore

extension Migration {
    /// Persons of Interest, and assessments of groups and people kept for ever.
    static let m015PersonsOfInterest = Migration(name: "015_persons_of_interest") { dialect in
        let token = dialect == .postgres ? "TEXT COLLATE \"C\"" : "TEXT"
        return [
            """
            CREATE TABLE pois (
                id TEXT PRIMARY KEY, subject_id TEXT NOT NULL REFERENCES subjects(id), status TEXT NOT NULL, review_due BIGINT NOT NULL,
                owner_agency_id TEXT NOT NULL REFERENCES agencies(id), classification BIGINT NOT NULL, marking TEXT NOT NULL,
                shared_all BIGINT NOT NULL, shared_with TEXT NOT NULL, need_to_know TEXT, sort_name \(token) NOT NULL, details TEXT NOT NULL,
                created_at BIGINT NOT NULL, created_by TEXT NOT NULL, updated_at BIGINT NOT NULL, updated_by TEXT NOT NULL,
                version BIGINT NOT NULL CHECK (version >= 1))
            """,
            "CREATE INDEX pois_by_review ON pois (status, review_due)",
            "CREATE INDEX pois_by_subject ON pois (subject_id)",
            "CREATE TABLE assessments (id TEXT PRIMARY KEY, record_id TEXT NOT NULL, kind TEXT NOT NULL, at BIGINT NOT NULL, details TEXT NOT NULL)",
            "CREATE INDEX assessments_by_record ON assessments (record_id, at)",
        ]
    }
}
