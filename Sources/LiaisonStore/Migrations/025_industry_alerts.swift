import LiaisonCore

extension Migration {
    /// Industry alerts for private-sector partners, kept whole as JSON; the sectors each organisation belongs to;
    /// and the reference lists they use (already there in a store created since they were added to the defaults).
    static let m025IndustryAlerts = Migration(name: "025_industry_alerts") { _ in
        [
            """
            CREATE TABLE industry_alerts (id TEXT PRIMARY KEY, issuer_agency_id TEXT NOT NULL REFERENCES agencies(id), status TEXT NOT NULL,
                expires_on TEXT NOT NULL, created_at BIGINT NOT NULL, version BIGINT NOT NULL CHECK (version >= 1), details TEXT NOT NULL)
            """,
            "CREATE INDEX industry_alerts_live ON industry_alerts (status, expires_on, created_at)",
            "CREATE INDEX industry_alerts_by_time ON industry_alerts (created_at)",
            "CREATE TABLE alert_audiences (agency_id TEXT PRIMARY KEY REFERENCES agencies(id), sectors TEXT NOT NULL)",
        ] + Migrations.referenceInserts(["industry-sector", "alert-category"])
    }
}
