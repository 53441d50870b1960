import Foundation

/// Industry alerts for private-sector partners, and the sectors each private-sector organisation belongs to.
public protocol AlertStore: Sendable {
    func insertAlert(_ alert: IndustryAlert) async throws
    func alert(_ id: IndustryAlertID) async throws -> IndustryAlert?
    /// Saves an alert if it still has `expectedVersion`; otherwise `staleVersion`.
    func updateAlert(_ alert: IndustryAlert, expectedVersion: Int) async throws
    /// The most recent alerts, newest first; `liveOn` (yyyy-mm-dd) keeps the published ones not expired by then.
    func alerts(liveOn day: String?, limit: Int) async throws -> [IndustryAlert]
    /// The sectors of every organisation given any.
    func alertAudiences() async throws -> [AgencyID: [String]]
    func setAlertAudience(_ agency: AgencyID, sectors: [String]) async throws
}
