import LiaisonCore

extension Migration {
    /// The embedded store keeps the chain in a file of its own, attached as `audit` (see `SQLiteDatabase`): SQLite
    /// drops a reader's page cache whenever its file changes, so appends to the chain would otherwise make every
    /// read start cold. PostgreSQL has no such cost and keeps the tables where they are.
    static let m008AuditChainInItsOwnFile = Migration(name: "008_audit_chain_in_its_own_file") { dialect in
        guard dialect == .sqlite else { return [] }
        var statements = [
            """
            CREATE TABLE audit.audit_events (
                seq INTEGER PRIMARY KEY, at BIGINT NOT NULL, actor_id TEXT, actor_name TEXT NOT NULL, agency_id TEXT,
                action TEXT NOT NULL, object_kind TEXT, object_ids TEXT NOT NULL, purpose TEXT, detail TEXT,
                request_id TEXT, outcome TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL)
            """,
            "CREATE TABLE audit.audit_objects (object_id TEXT NOT NULL, seq BIGINT NOT NULL, PRIMARY KEY (object_id, seq)) WITHOUT ROWID",
            "CREATE TABLE audit.audit_index_state (id BIGINT PRIMARY KEY, indexed_seq BIGINT NOT NULL)",
        ]
        for table in ["audit_events", "audit_objects", "audit_index_state"] {
            statements += ["INSERT INTO audit.\(table) SELECT * FROM main.\(table)", "DROP TABLE main.\(table)"]
        }
        statements += [
            "CREATE INDEX audit.audit_by_actor ON audit_events (actor_name, seq)",
            "CREATE INDEX audit.audit_by_action ON audit_events (action, seq)",
        ]
        for table in ["audit_events", "audit_objects"] {
            for verb in ["UPDATE", "DELETE"] {
                statements.append(
                    "CREATE TRIGGER audit.\(table)_no_\(verb.lowercased()) BEFORE \(verb) ON \(table) BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
                )
            }
        }
        return statements
    }
}
