import Foundation

/// Filters for OCG lists.
public struct OCGQuery: Sendable {
    public var nameTokens: [String]
    public var status: String?
    public var market: String?
    public var area: String?
    public var band: String?
    /// Only groups with this Lead Responsible Officer.
    public var lead: UserID?
    /// Only records this viewer may see (marking, sharing, need-to-know) are listed.
    public var viewer: Viewer
    public var page: PageRequest

    public init(
        nameTokens: [String] = [], status: String? = nil, market: String? = nil, area: String? = nil,
        band: String? = nil, lead: UserID? = nil, viewer: Viewer, page: PageRequest = PageRequest()
    ) {
        self.lead = lead
        self.nameTokens = nameTokens
        self.status = status
        self.market = market
        self.area = area
        self.band = band
        self.viewer = viewer
        self.page = page
    }
}

public protocol OCGStore: Sendable {
    func insertOCGs(_ groups: [(ocg: OCG, keys: [String])]) async throws
    /// Saves a group, with its new assessment if any, if it still has `expectedVersion`; otherwise `staleVersion`.
    func updateOCG(_ ocg: OCG, keys: [String], expectedVersion: Int, assessment: Assessment?) async throws
    func ocg(_ id: OCGID) async throws -> OCG?
    func ocgs(matching query: OCGQuery) async throws -> Page<OCG>
    /// Groups the subject is or was a member of.
    func ocgs(withMember subject: SubjectID) async throws -> [OCG]
}

extension OCGStore {
    public func updateOCG(_ ocg: OCG, keys: [String], expectedVersion: Int) async throws {
        try await updateOCG(ocg, keys: keys, expectedVersion: expectedVersion, assessment: nil)
    }
}
