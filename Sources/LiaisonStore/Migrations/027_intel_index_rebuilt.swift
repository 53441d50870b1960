import LiaisonCore

extension Migration {
    /// Reports' index is rebuilt: vehicles, companies, phones and accounts are kept by key too, for GAIN requests
    /// about them, and the search text holds linked records' names but no longer their IDs.
    static let m027IntelIndexRebuilt = Migration(
        name: "027_intel_index_rebuilt", statements: { _ in [] }, backfill: Migrations.rebuildIntelIndex)
}
