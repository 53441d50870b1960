import LiaisonCore

extension Migration {
    /// The subjects and groups.
    static let m002SubjectsAndGroups = Migration(name: "002_subjects_and_groups") { dialect in
        let token = dialect == .postgres ? "TEXT COLLATE \"C\"" : "TEXT"
        let record = """
            owner_agency_id TEXT NOT NULL REFERENCES agencies(id), classification BIGINT NOT NULL,
            marking TEXT NOT NULL, sort_name \(token) NOT NULL, details TEXT NOT NULL,
            created_at BIGINT NOT NULL, created_by TEXT NOT NULL, updated_at BIGINT NOT NULL,
            updated_by TEXT NOT NULL, version BIGINT NOT NULL CHECK (version >= 1)
            """
        return [
            "CREATE TABLE subjects (id TEXT PRIMARY KEY, \(record))",
            "CREATE INDEX subjects_by_name ON subjects (sort_name, id)",
            """
            CREATE TABLE subject_keys (
                token \(token) NOT NULL, subject_id TEXT NOT NULL REFERENCES subjects(id) ON DELETE CASCADE,
                PRIMARY KEY (token, subject_id))
            """,
            "CREATE INDEX subject_keys_by_subject ON subject_keys (subject_id)",
            "CREATE TABLE ocgs (id TEXT PRIMARY KEY, status TEXT NOT NULL, band TEXT, \(record))",
            "CREATE INDEX ocgs_by_name ON ocgs (sort_name, id)",
            """
            CREATE TABLE ocg_keys (
                token \(token) NOT NULL, ocg_id TEXT NOT NULL REFERENCES ocgs(id) ON DELETE CASCADE,
                PRIMARY KEY (token, ocg_id))
            """,
            "CREATE INDEX ocg_keys_by_ocg ON ocg_keys (ocg_id)",
            """
            CREATE TABLE ocg_tags (
                ocg_id TEXT NOT NULL REFERENCES ocgs(id) ON DELETE CASCADE, kind TEXT NOT NULL,
                code TEXT NOT NULL, PRIMARY KEY (kind, code, ocg_id))
            """,
            "CREATE INDEX ocg_tags_by_ocg ON ocg_tags (ocg_id)",
            """
            CREATE TABLE ocg_members (
                ocg_id TEXT NOT NULL REFERENCES ocgs(id) ON DELETE CASCADE,
                subject_id TEXT NOT NULL REFERENCES subjects(id), role TEXT NOT NULL,
                from_date TEXT, to_date TEXT, position BIGINT NOT NULL, PRIMARY KEY (ocg_id, subject_id))
            """,
            "CREATE INDEX ocg_members_by_subject ON ocg_members (subject_id)",
        ]
    }
}
