import Foundation

/// Intelligence reports.
public protocol IntelStore: Sendable {
    func insertIntelReport(_ report: IntelReport) async throws
    func intelReport(_ id: IntelReportID) async throws -> IntelReport?
    /// The reports the viewer may see (marking, sharing, need-to-know), newest first.
    func intelReports(viewer: Viewer, limit: Int) async throws -> [IntelReport]
    /// The reports sent to an agency.
    func intelReports(sentTo agency: AgencyID) async throws -> [IntelReport]
    /// Reports past draft, held by `owners`, within the viewer's marking and need-to-know, that link a vehicle,
    /// company, phone or account with this key (see `IntelLink.key`).
    func intelReports(linking kind: String, key: String, heldBy owners: [AgencyID], viewer: Viewer, limit: Int)
        async throws -> [IntelReport]
    /// Saves a report if it still has `expectedVersion`; otherwise `staleVersion`.
    func updateIntelReport(_ report: IntelReport, expectedVersion: Int) async throws
    /// Full-text search over report text, place, links and linked names, within what `viewer` may see, best first.
    func searchIntel(_ query: IntelSearchQuery, viewer: Viewer) async throws -> IntelSearchResult
}
