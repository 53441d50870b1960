import LiaisonCore

extension Migration {
    /// The record index is kept in runs (see `AuditIndexShape`), keyed by a hash of the record ID; opening the store
    /// rebuilds it from the chain.
    static let m009AuditRecordIndexInRuns = Migration(name: "009_audit_record_index_in_runs") { dialect in
        let schema = dialect == .sqlite ? "audit." : ""
        let withoutRowID = dialect == .sqlite ? " WITHOUT ROWID" : ""
        return [
            "CREATE TABLE \(schema)audit_index_runs (run BIGINT PRIMARY KEY, level BIGINT NOT NULL, first_seq BIGINT NOT NULL, last_seq BIGINT NOT NULL)",
            "CREATE TABLE \(schema)audit_object_index (run BIGINT NOT NULL, object_key BIGINT NOT NULL, seq BIGINT NOT NULL, PRIMARY KEY (run, object_key, seq))\(withoutRowID)",
            "DROP TABLE audit_objects",
            "UPDATE audit_index_state SET indexed_seq = 0",
        ]
    }
}
