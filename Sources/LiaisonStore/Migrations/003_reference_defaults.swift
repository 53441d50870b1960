import LiaisonCore

extension Migration {
    /// The reference defaults.
    static let m003ReferenceDefaults = Migration(name: "003_reference_defaults") { _ in
        ReferenceDefaults.entries.map { entry in
            let label = entry.label.replacingOccurrences(of: "'", with: "''")
            return
                "INSERT INTO reference_entries (list, code, label, sort_order, active) VALUES ('\(entry.list)', '\(entry.code)', '\(label)', \(entry.sortOrder), 1)"
        }
    }
}
