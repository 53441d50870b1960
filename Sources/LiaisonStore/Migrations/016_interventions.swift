import LiaisonCore

extension Migration {
    /// Interventions under the 4P framework with their outcomes, and the reference lists they use (already there in a
    /// store created since they were added to the defaults).
    static let m016Interventions = Migration(name: "016_interventions") { dialect in
        let token = dialect == .postgres ? "TEXT COLLATE \"C\"" : "TEXT"
        return [
            """
            CREATE TABLE interventions (
                id TEXT PRIMARY KEY, target_id TEXT NOT NULL, status TEXT NOT NULL, due_date TEXT NOT NULL, operation TEXT,
                owner_agency_id TEXT NOT NULL REFERENCES agencies(id), classification BIGINT NOT NULL, marking TEXT NOT NULL,
                shared_all BIGINT NOT NULL, shared_with TEXT NOT NULL, need_to_know TEXT, sort_name \(token) NOT NULL, details TEXT NOT NULL,
                created_at BIGINT NOT NULL, created_by TEXT NOT NULL, updated_at BIGINT NOT NULL, updated_by TEXT NOT NULL,
                version BIGINT NOT NULL CHECK (version >= 1))
            """,
            "CREATE INDEX interventions_by_target ON interventions (target_id, due_date)",
            "CREATE INDEX interventions_by_operation ON interventions (operation)",
        ] + Migrations.referenceInserts(["intervention-tactic", "outcome-kind", "impact-level"])
    }
}
