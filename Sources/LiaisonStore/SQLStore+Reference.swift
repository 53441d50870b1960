import Foundation
import LiaisonCore
import LiaisonMatching

/// The reference lists.
extension SQLStore {
    public func referenceEntries() async throws -> [ReferenceEntry] {
        try await db.query("SELECT * FROM reference_entries ORDER BY list, sort_order, code", []).map { row in
            ReferenceEntry(
                list: try row.string("list"), code: try row.string("code"), label: try row.string("label"),
                sortOrder: try row.int("sort_order"), active: try row.bool("active"))
        }
    }

    public func saveReferenceEntry(_ entry: ReferenceEntry) async throws {
        try await db.execute(
            """
            INSERT INTO reference_entries (list, code, label, sort_order, active) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (list, code) DO UPDATE SET label = excluded.label, sort_order = excluded.sort_order, active = excluded.active
            """,
            [
                .text(entry.list), .text(entry.code), .text(entry.label), SQLValue(entry.sortOrder),
                SQLValue(entry.active),
            ])
    }
}
