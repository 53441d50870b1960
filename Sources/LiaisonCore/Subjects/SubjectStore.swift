import Foundation

/// Filters for subject lists. `tokens` are already folded by `SubjectIndex`; every one must prefix-match.
public struct SubjectQuery: Sendable {
    public var tokens: [String]
    public var owningAgencyID: AgencyID?
    /// Records held by these agencies, whoever they are shared with (GAIN answers for each agency asked); the
    /// viewer's marking and need-to-know still bound them.
    public var heldBy: [AgencyID]?
    /// Only records this viewer may see (marking, sharing, need-to-know) are listed.
    public var viewer: Viewer
    public var page: PageRequest

    public init(
        tokens: [String] = [], owningAgencyID: AgencyID? = nil, heldBy: [AgencyID]? = nil, viewer: Viewer,
        page: PageRequest = PageRequest()
    ) {
        self.tokens = tokens
        self.owningAgencyID = owningAgencyID
        self.heldBy = heldBy
        self.viewer = viewer
        self.page = page
    }
}

public protocol SubjectStore: Sendable {
    /// Inserts subjects with their search keys, all or none.
    func insertSubjects(_ subjects: [(subject: Subject, keys: [String])]) async throws
    /// Replaces a subject if the stored version is `expectedVersion`; throws `staleVersion` or `notFound` otherwise.
    func updateSubject(_ subject: Subject, keys: [String], expectedVersion: Int) async throws
    func subject(_ id: SubjectID) async throws -> Subject?
    func subjects(ids: [SubjectID]) async throws -> [Subject]
    func subjects(matching query: SubjectQuery) async throws -> Page<Subject>
    func subjectCount() async throws -> Int
}
