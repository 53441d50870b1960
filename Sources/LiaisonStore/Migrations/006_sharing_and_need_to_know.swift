import LiaisonCore

extension Migration {
    /// The sharing and need to know.
    static let m006SharingAndNeedToKnow = Migration(name: "006_sharing_and_need_to_know") { _ in
        ["subjects", "ocgs"].flatMap { table in
            [
                "ALTER TABLE \(table) ADD COLUMN shared_all BIGINT NOT NULL DEFAULT 1",
                "ALTER TABLE \(table) ADD COLUMN shared_with TEXT NOT NULL DEFAULT ''",
                "ALTER TABLE \(table) ADD COLUMN need_to_know TEXT",
            ]
        } + [
            """
            CREATE TABLE record_shares (
                record_id TEXT NOT NULL, agency_id TEXT NOT NULL REFERENCES agencies(id), PRIMARY KEY (agency_id, record_id))
            """,
            "CREATE INDEX record_shares_by_record ON record_shares (record_id)",
            "ALTER TABLE users ADD COLUMN briefings TEXT NOT NULL DEFAULT ''",
        ]
    }
}
