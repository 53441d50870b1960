import Foundation

/// The sums reports are built from, counted inside the store within what the viewer may see.
public protocol ReportStore: Sendable {
    /// The facts of the scope's period and of the one before, within its area and market, as `viewer` may see
    /// them, deciding "subject to action" by `rule`.
    func reportFacts(_ scope: ReportScope, viewer: Viewer, rule: ActionRule) async throws -> (
        current: PeriodFacts, previous: PeriodFacts
    )
    /// By agency: interventions led and completed in the period, outcomes recorded in it, and assets collected.
    func contributions(_ scope: ReportScope, viewer: Viewer) async throws -> [AgencyContribution]
    /// Places where people were safeguarded or seizures made in the period, most frequent first.
    func places(_ scope: ReportScope, viewer: Viewer, limit: Int) async throws -> [PlaceCount]
    /// Distinct people recorded as exploited members of the groups in scope during the period.
    func exploitedPeople(_ scope: ReportScope, viewer: Viewer) async throws -> Int
    /// Active Persons of Interest in scope (in an area or market: those belonging to a group there).
    func personsOfInterest(_ scope: ReportScope, viewer: Viewer) async throws -> Int
}

public struct AgencyContribution: Codable, Sendable, Equatable {
    public var agency: AgencyID
    public var interventions: Int
    public var outcomes: Int
    public var assetsCollected: Double

    public init(agency: AgencyID, interventions: Int, outcomes: Int, assetsCollected: Double) {
        self.agency = agency
        self.interventions = interventions
        self.outcomes = outcomes
        self.assetsCollected = assetsCollected
    }
}

public struct PlaceCount: Codable, Sendable, Equatable {
    public var place: String
    public var kind: String
    public var count: Int
    public var quantity: Double

    public init(place: String, kind: String, count: Int, quantity: Double) {
        self.place = place
        self.kind = kind
        self.count = count
        self.quantity = quantity
    }
}
