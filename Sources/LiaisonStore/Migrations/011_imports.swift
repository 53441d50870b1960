import LiaisonCore

extension Migration {
    /// Partner files: saved mappings per source, jobs with their progress, and the rows that did not load.
    static let m011Imports = Migration(name: "011_imports") { _ in
        [
            "CREATE TABLE import_sources (name TEXT PRIMARY KEY, details TEXT NOT NULL)",
            "CREATE TABLE import_jobs (id TEXT PRIMARY KEY, started_at BIGINT NOT NULL, rows_read BIGINT NOT NULL, details TEXT NOT NULL)",
            "CREATE INDEX import_jobs_by_start ON import_jobs (started_at)",
            """
            CREATE TABLE import_errors (
                job_id TEXT NOT NULL REFERENCES import_jobs(id), row_number BIGINT NOT NULL, field TEXT NOT NULL, reason TEXT NOT NULL,
                PRIMARY KEY (job_id, row_number, field))
            """,
        ]
    }
}
