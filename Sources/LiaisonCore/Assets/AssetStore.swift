import Foundation

/// Asset recovery records and the incentivisation scheme's versions.
public protocol AssetStore: Sendable {
    func insertAssetOrder(_ order: AssetOrder) async throws
    func assetOrder(_ id: AssetOrderID) async throws -> AssetOrder?
    /// Those held against a record (subject, group or case), or against the subject of a case, newest first.
    func assetOrders(relatedTo id: String) async throws -> [AssetOrder]
    /// Saves an asset record if it still has `expectedVersion`; otherwise `staleVersion`.
    func updateAssetOrder(_ order: AssetOrder, expectedVersion: Int) async throws
    /// Every published version of the incentivisation scheme after the built-in one, newest first.
    func incentiveSchemes() async throws -> [IncentiveScheme]
    /// Publishes a version; one that already exists is a `conflict`.
    func insertIncentiveScheme(_ scheme: IncentiveScheme) async throws
}
