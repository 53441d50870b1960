import LiaisonCore

extension Migration {
    /// `audit_objects` becomes an index built in batches: how far it reaches is kept here.
    static let m007AuditObjectIndexInBatches = Migration(name: "007_audit_object_index_in_batches") { _ in
        [
            "CREATE TABLE audit_index_state (id BIGINT PRIMARY KEY, indexed_seq BIGINT NOT NULL)",
            "INSERT INTO audit_index_state (id, indexed_seq) SELECT 1, COALESCE(MAX(seq), 0) FROM audit_events",
        ]
    }
}
