import LiaisonCore

extension Migration {
    /// Agencies' interest in a person, applied to each of their cases.
    static let m014SubjectInterests = Migration(name: "014_subject_interests") { _ in
        [
            """
            CREATE TABLE subject_interests (
                subject_id TEXT NOT NULL REFERENCES subjects(id), agency_id TEXT NOT NULL REFERENCES agencies(id), details TEXT NOT NULL,
                PRIMARY KEY (subject_id, agency_id))
            """,
            "CREATE INDEX deportation_cases_by_subject_created ON deportation_cases (subject_id, created_at)",
        ]
    }
}
