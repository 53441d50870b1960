import LiaisonCore

extension Migration {
    /// Deportation cases: the record columns every shared record has, and the case's own.
    static let m012DeportationCases = Migration(name: "012_deportation_cases") { dialect in
        let token = dialect == .postgres ? "TEXT COLLATE \"C\"" : "TEXT"
        return [
            """
            CREATE TABLE deportation_cases (
                id TEXT PRIMARY KEY, subject_id TEXT NOT NULL REFERENCES subjects(id), ho_reference TEXT NOT NULL UNIQUE, stage TEXT,
                owner_agency_id TEXT NOT NULL REFERENCES agencies(id), classification BIGINT NOT NULL, marking TEXT NOT NULL,
                shared_all BIGINT NOT NULL, shared_with TEXT NOT NULL, need_to_know TEXT, sort_name \(token) NOT NULL, details TEXT NOT NULL,
                created_at BIGINT NOT NULL, created_by TEXT NOT NULL, updated_at BIGINT NOT NULL, updated_by TEXT NOT NULL,
                version BIGINT NOT NULL CHECK (version >= 1))
            """,
            "CREATE INDEX deportation_cases_by_update ON deportation_cases (updated_at)",
            "CREATE INDEX deportation_cases_by_subject ON deportation_cases (subject_id)",
        ]
    }
}
