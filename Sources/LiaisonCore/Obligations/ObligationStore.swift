import Foundation

/// Which obligations to list.
public struct ObligationQuery: Sendable, Equatable {
    public var caseID: CaseID?
    public var agencyID: AgencyID?
    public var openOnly: Bool
    /// Only those due before this time (overdue, when it is now).
    public var dueBefore: Date?
    /// Only those due at or after this time (still on time, when it is now).
    public var dueFrom: Date?
    /// Only those escalated below this level.
    public var escalationBelow: Int?
    public var limit: Int

    public init(
        caseID: CaseID? = nil, agencyID: AgencyID? = nil, openOnly: Bool = false, dueBefore: Date? = nil,
        dueFrom: Date? = nil,
        escalationBelow: Int? = nil, limit: Int = 200
    ) {
        self.caseID = caseID
        self.agencyID = agencyID
        self.openOnly = openOnly
        self.dueBefore = dueBefore
        self.dueFrom = dueFrom
        self.escalationBelow = escalationBelow
        self.limit = limit
    }
}

/// Open obligations counted for one team (a case owner, or the workflow team) and one agency.
public struct ObligationTally: Codable, Sendable, Equatable {
    /// The case owner's username, or empty for the workflow team.
    public var team: String
    public var agency: String
    public var due: Int
    public var overdue: Int
    public var escalated: Int

    public init(team: String, agency: String, due: Int, overdue: Int, escalated: Int) {
        self.team = team
        self.agency = agency
        self.due = due
        self.overdue = overdue
        self.escalated = escalated
    }
}

/// Obligations to partners, the outbox that carries them, agencies' delivery channels, and casework guidance.
public protocol ObligationStore: Sendable {
    func obligation(_ id: String) async throws -> Obligation?
    /// Obligations, soonest due first.
    func obligations(_ query: ObligationQuery) async throws -> [Obligation]
    /// Open obligations counted by team and agency, at `time`.
    func obligationTallies(at time: Date) async throws -> [ObligationTally]
    /// Pending messages whose next attempt is due at `time`, oldest first.
    func pendingMessages(dueAt time: Date, limit: Int) async throws -> [OutboxMessage]
    func messages(obligation: String) async throws -> [OutboxMessage]
    /// Saves a delivery attempt's outcome, if the message is still pending.
    func updateMessage(_ message: OutboxMessage) async throws
    func deliveryChannels(_ agency: AgencyID) async throws -> DeliveryChannels?
    /// Saves an agency's channels; `expectedVersion` nil for the first time, else the version replaced (stale: 409).
    func saveDeliveryChannels(_ channels: DeliveryChannels, expectedVersion: Int?) async throws
    /// Every version of one guidance page, newest first.
    func guidanceVersions(slug: String) async throws -> [GuidancePage]
    /// Every version of every guidance page.
    func allGuidance() async throws -> [GuidancePage]
    /// Adds a guidance version; one that already exists is a `conflict` (someone edited meanwhile).
    func insertGuidance(_ page: GuidancePage) async throws
}
