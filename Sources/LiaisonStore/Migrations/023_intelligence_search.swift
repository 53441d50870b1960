import LiaisonCore

extension Migration {
    /// Full-text search over reports: FTS5 in SQLite, a tsvector with a GIN index in PostgreSQL; with the grade
    /// and the linked records as columns the filters use.
    static let m023IntelligenceSearch = Migration(name: "023_intelligence_search") { dialect in
        [
            dialect == .postgres
                ? "CREATE TABLE intel_search (report_id TEXT PRIMARY KEY, body TEXT NOT NULL, tsv tsvector NOT NULL)"
                : "CREATE VIRTUAL TABLE intel_search USING fts5(body, report_id UNINDEXED, tokenize = 'unicode61 remove_diacritics 2')",
            "ALTER TABLE intel_reports ADD COLUMN grade TEXT NOT NULL DEFAULT ''",
            "CREATE INDEX intel_reports_by_date ON intel_reports (info_date)",
            // What a match needs from its report (access and the columns shown), without reading the report itself.
            "CREATE INDEX intel_reports_search ON intel_reports (id, classification, need_to_know, owner_agency_id, shared_all, info_date, grade, status)",
            "CREATE TABLE intel_links (report_id TEXT NOT NULL, kind TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (kind, value, report_id))",
        ] + (dialect == .postgres ? ["CREATE INDEX intel_search_tsv ON intel_search USING GIN (tsv)"] : [])
    }
}
