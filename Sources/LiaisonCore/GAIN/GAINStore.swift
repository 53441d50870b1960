import Foundation

/// GAIN hit/no-hit requests and their answers.
public protocol GAINStore: Sendable {
    func insertGAINRequest(_ request: GAINRequest) async throws
    func gainRequest(_ id: GAINRequestID) async throws -> GAINRequest?
    /// Those an agency made, newest first.
    func gainRequests(requester: AgencyID) async throws -> [GAINRequest]
    /// Those that hit an agency's records, newest first.
    func gainRequests(hitting agency: AgencyID) async throws -> [GAINRequest]
    func updateGAINRequest(_ request: GAINRequest) async throws
}
