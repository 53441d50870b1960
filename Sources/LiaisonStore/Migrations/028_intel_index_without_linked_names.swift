import LiaisonCore

extension Migration {
    /// Linked records' names leave the search text: a reader of a report may not be allowed to know them.
    static let m028IntelIndexWithoutLinkedNames = Migration(
        name: "028_intel_index_without_linked_names", statements: { _ in [] }, backfill: Migrations.rebuildIntelIndex)
}
