import LiaisonCore

extension Migration {
    /// The audit chain.
    static let m004AuditChain = Migration(name: "004_audit_chain") { dialect in
        // In SQLite an INTEGER PRIMARY KEY is the row's own key and the objects table needs no second
        // b-tree: every append then touches as few pages as possible.
        let sequence = dialect == .sqlite ? "seq INTEGER PRIMARY KEY" : "seq BIGINT PRIMARY KEY"
        let withoutRowID = dialect == .sqlite ? " WITHOUT ROWID" : ""
        var statements = [
            """
            CREATE TABLE audit_events (
                \(sequence), at BIGINT NOT NULL, actor_id TEXT, actor_name TEXT NOT NULL, agency_id TEXT,
                action TEXT NOT NULL, object_kind TEXT, object_ids TEXT NOT NULL, purpose TEXT, detail TEXT,
                request_id TEXT, outcome TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL)
            """,
            "CREATE INDEX audit_by_actor ON audit_events (actor_name, seq)",
            "CREATE INDEX audit_by_action ON audit_events (action, seq)",
            "CREATE TABLE audit_objects (object_id TEXT NOT NULL, seq BIGINT NOT NULL, PRIMARY KEY (object_id, seq))\(withoutRowID)",
        ]
        // The log refuses edits and deletions; the hash chain still catches anyone who bypasses this.
        switch dialect {
        case .sqlite:
            for table in ["audit_events", "audit_objects"] {
                for verb in ["UPDATE", "DELETE"] {
                    statements.append(
                        "CREATE TRIGGER \(table)_no_\(verb.lowercased()) BEFORE \(verb) ON \(table) BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
                    )
                }
            }
        case .postgres:
            statements.append(
                "CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$"
            )
            for table in ["audit_events", "audit_objects"] {
                statements.append(
                    "CREATE TRIGGER \(table)_append_only BEFORE UPDATE OR DELETE ON \(table) FOR EACH ROW EXECUTE FUNCTION audit_append_only()"
                )
            }
        }
        return statements
    }
}
