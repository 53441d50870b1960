import LiaisonCore

extension Migration {
    /// Intelligence reports, and where each has been sent (for the recipients' lists).
    static let m022IntelligenceReports = Migration(name: "022_intelligence_reports") { _ in
        [
            """
            CREATE TABLE intel_reports (
                id TEXT PRIMARY KEY, status TEXT NOT NULL, info_date TEXT NOT NULL,
                owner_agency_id TEXT NOT NULL REFERENCES agencies(id), classification BIGINT NOT NULL, marking TEXT NOT NULL,
                shared_all BIGINT NOT NULL, shared_with TEXT NOT NULL, need_to_know TEXT, sort_name TEXT NOT NULL, details TEXT NOT NULL,
                created_at BIGINT NOT NULL, created_by TEXT NOT NULL, updated_at BIGINT NOT NULL, updated_by TEXT NOT NULL,
                version BIGINT NOT NULL CHECK (version >= 1))
            """,
            "CREATE INDEX intel_reports_by_update ON intel_reports (updated_at)",
            "CREATE TABLE intel_disseminations (report_id TEXT NOT NULL, agency_id TEXT NOT NULL, PRIMARY KEY (agency_id, report_id))",
        ]
    }
}
