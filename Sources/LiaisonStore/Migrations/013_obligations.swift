import LiaisonCore

extension Migration {
    /// Obligations to partners, the outbox carrying them, agencies' delivery channels, casework guidance, a case's
    /// minute sheet state, and users' phone numbers.
    static let m013Obligations = Migration(name: "013_obligations") { _ in
        [
            "ALTER TABLE users ADD COLUMN phone TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE deportation_cases ADD COLUMN minute_sheet TEXT",
            "CREATE INDEX deportation_cases_by_minute_sheet ON deportation_cases (minute_sheet, updated_at)",
            """
            CREATE TABLE obligations (
                id TEXT PRIMARY KEY, case_id TEXT NOT NULL REFERENCES deportation_cases(id), agency_id TEXT NOT NULL REFERENCES agencies(id),
                agency_code TEXT NOT NULL, owner TEXT, status TEXT NOT NULL, due_by BIGINT NOT NULL, escalation BIGINT NOT NULL,
                details TEXT NOT NULL)
            """,
            "CREATE INDEX obligations_open ON obligations (status, escalation, due_by)",
            "CREATE INDEX obligations_by_agency ON obligations (agency_id, status, due_by)",
            "CREATE INDEX obligations_by_case ON obligations (case_id, due_by)",
            """
            CREATE TABLE outbox (
                id TEXT PRIMARY KEY, obligation_id TEXT NOT NULL REFERENCES obligations(id), status TEXT NOT NULL,
                next_attempt_at BIGINT NOT NULL, details TEXT NOT NULL)
            """,
            "CREATE INDEX outbox_pending ON outbox (status, next_attempt_at)",
            "CREATE INDEX outbox_by_obligation ON outbox (obligation_id)",
            "CREATE TABLE delivery_channels (agency_id TEXT PRIMARY KEY REFERENCES agencies(id), version BIGINT NOT NULL, details TEXT NOT NULL)",
            "CREATE TABLE guidance (slug TEXT NOT NULL, version BIGINT NOT NULL, details TEXT NOT NULL, PRIMARY KEY (slug, version))",
        ]
    }
}
