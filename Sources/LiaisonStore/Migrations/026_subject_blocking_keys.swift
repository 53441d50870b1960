import LiaisonCore

extension Migration {
    /// Subjects gain blocking keys (a family name's sound with a date of birth or a given name's sound), which
    /// the matching searches use; the subjects already held get theirs here.
    static let m026SubjectBlockingKeys = Migration(
        name: "026_subject_blocking_keys", statements: { _ in [] },
        backfill: { tx, _ in
            var after = ""
            while true {
                let rows = try await tx.query(
                    "SELECT id, details FROM subjects WHERE id > ? ORDER BY id LIMIT 2000", [.text(after)])
                guard let last = rows.last else { break }
                var keys: [[SQLValue]] = []
                for row in rows {
                    let id = try row.string("id")
                    keys += SearchKeys.blocking(try row.json("details", as: SubjectDetails.self)).map {
                        [.text($0), .text(id)]
                    }
                }
                try await SQLStore.insertRows(
                    tx, table: "subject_keys", columns: ["token", "subject_id"], rows: keys,
                    conflict: " ON CONFLICT DO NOTHING")
                after = try last.string("id")
            }
        })
}
