import Foundation

/// Deportation cases.
public protocol CaseStore: Sendable {
    /// Adds a case; a Home Office reference already used is a `conflict`.
    func insertCase(_ deportationCase: DeportationCase) async throws
    /// Adds many cases in one transaction (loading data), with the obligations they already owe.
    func insertCases(_ cases: [DeportationCase], obligations: [Obligation]) async throws
    func deportationCase(_ id: CaseID) async throws -> DeportationCase?
    /// The case with this Home Office reference (upper case), if any.
    func deportationCase(reference: String) async throws -> DeportationCase?
    /// Cases, most recently changed first, at most `limit` (the caller filters by the access policy).
    func deportationCases(limit: Int) async throws -> [DeportationCase]
    /// Saves, in one transaction, a case change (if the case still has `expectedVersion`; otherwise `staleVersion`),
    /// the obligations it gave rise to, obligations it changed (each only while still open; otherwise `conflict`),
    /// and the outbox messages that carry them.
    func commitCaseWork(_ work: CaseWork) async throws
    /// The cases for one subject.
    func deportationCases(subject: SubjectID) async throws -> [DeportationCase]
    /// Records an agency's interest in a person; a second from the same agency is a `conflict`.
    func insertSubjectInterest(_ interest: SubjectInterest) async throws
    func subjectInterests(subject: SubjectID) async throws -> [SubjectInterest]
    /// Cases with an ICD.4353 minute sheet requested from another team and not yet confirmed, oldest first.
    func casesAwaitingMinuteSheet(limit: Int) async throws -> [DeportationCase]
}

extension CaseStore {
    /// Saves a case if it still has `expectedVersion`; otherwise throws `staleVersion`.
    public func updateCase(_ deportationCase: DeportationCase, expectedVersion: Int) async throws {
        try await commitCaseWork(CaseWork(updatedCase: deportationCase, expectedVersion: expectedVersion))
    }
}

/// A change to casework saved as one: the case, the obligations, and the messages about them.
public struct CaseWork: Sendable {
    public var updatedCase: DeportationCase?
    public var expectedVersion: Int
    public var newObligations: [Obligation]
    public var changedObligations: [Obligation]
    public var messages: [OutboxMessage]

    public init(
        updatedCase: DeportationCase? = nil, expectedVersion: Int = 0, newObligations: [Obligation] = [],
        changedObligations: [Obligation] = [], messages: [OutboxMessage] = []
    ) {
        self.updatedCase = updatedCase
        self.expectedVersion = expectedVersion
        self.newObligations = newObligations
        self.changedObligations = changedObligations
        self.messages = messages
    }
}
