import Foundation

/// A request for one page of a list. Lists are keyset-paginated: pass back `Page.nextCursor`.
public struct PageRequest: Sendable, Equatable {
    /// The hard maximum of items one page may hold.
    public static let maximumLimit = 200
    public static let defaultLimit = 50

    public var limit: Int
    public var cursor: String?

    public init(limit: Int = PageRequest.defaultLimit, cursor: String? = nil) {
        self.limit = max(1, min(limit, PageRequest.maximumLimit))
        self.cursor = cursor
    }
}

/// One page of results and the cursor for the next, if there is one.
public struct Page<Item: Sendable>: Sendable {
    public var items: [Item]
    public var nextCursor: String?

    public init(items: [Item], nextCursor: String?) {
        self.items = items
        self.nextCursor = nextCursor
    }
}

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

    public init(tokens: [String] = [], owningAgencyID: AgencyID? = nil, heldBy: [AgencyID]? = nil, viewer: Viewer, page: PageRequest = PageRequest()) {
        self.tokens = tokens
        self.owningAgencyID = owningAgencyID
        self.heldBy = heldBy
        self.viewer = viewer
        self.page = page
    }
}

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

    public init(nameTokens: [String] = [], status: String? = nil, market: String? = nil, area: String? = nil,
                band: String? = nil, lead: UserID? = nil, viewer: Viewer, page: PageRequest = PageRequest()) {
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

/// A signed-in browser session. The cookie holds a random token; the store keeps only its hash.
public struct SessionRecord: Sendable, Equatable {
    public var tokenHash: String
    public var userID: UserID
    public var csrfToken: String
    public var createdAt: Date
    public var lastSeenAt: Date
    public var expiresAt: Date

    public init(tokenHash: String, userID: UserID, csrfToken: String, createdAt: Date, lastSeenAt: Date, expiresAt: Date) {
        self.tokenHash = tokenHash
        self.userID = userID
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
        self.expiresAt = expiresAt
    }
}

/// A machine client's API token. The store keeps only the token's hash.
public struct APITokenRecord: Sendable, Equatable {
    public var id: String
    public var name: String
    public var tokenHash: String
    public var userID: UserID
    public var createdAt: Date
    public var revokedAt: Date?
    /// When the token stops working; a new token lives `APITokenRecord.lifetime` unless issued for less.
    public var expiresAt: Date

    /// How long a token lives by default: 90 days.
    public static let lifetime: TimeInterval = 90 * 86_400

    public init(id: String, name: String, tokenHash: String, userID: UserID, createdAt: Date, revokedAt: Date? = nil,
                expiresAt: Date? = nil) {
        self.expiresAt = expiresAt ?? createdAt.addingTimeInterval(Self.lifetime)
        self.id = id
        self.name = name
        self.tokenHash = tokenHash
        self.userID = userID
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }
}

public protocol AgencyStore: Sendable {
    func insertAgency(_ agency: Agency) async throws
    func agencies() async throws -> [Agency]
    func agency(_ id: AgencyID) async throws -> Agency?
    func agency(code: String) async throws -> Agency?
}

public protocol UserStore: Sendable {
    func insertUser(_ user: User, passwordHash: String) async throws
    func user(_ id: UserID) async throws -> User?
    /// The user with this username and their password hash.
    func credentials(username: String) async throws -> (user: User, passwordHash: String)?
    func users() async throws -> [User]
    /// Saves an account's roles, vetting, briefings and active flag if it is still at `expectedVersion`.
    func updateUser(_ user: User, expectedVersion: Int) async throws

    func insertSession(_ session: SessionRecord) async throws
    func session(tokenHash: String) async throws -> SessionRecord?
    func touchSession(tokenHash: String, at time: Date) async throws
    func deleteSession(tokenHash: String) async throws

    func insertToken(_ token: APITokenRecord) async throws
    func token(hash: String) async throws -> APITokenRecord?
    func tokens(of user: UserID) async throws -> [APITokenRecord]
    func revokeToken(id: String, at time: Date) async throws -> Bool

    func loginAttempts(username: String) async throws -> LoginAttempts?
    func saveLoginAttempts(username: String, _ attempts: LoginAttempts?) async throws
}

public protocol ReferenceStore: Sendable {
    func referenceEntries() async throws -> [ReferenceEntry]
    /// Adds the entry or replaces the one with the same list and code.
    func saveReferenceEntry(_ entry: ReferenceEntry) async throws
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

public protocol OCGStore: Sendable {
    func insertOCGs(_ groups: [(ocg: OCG, keys: [String])]) async throws
    /// Saves a group, with its new assessment if any, if it still has `expectedVersion`; otherwise `staleVersion`.
    func updateOCG(_ ocg: OCG, keys: [String], expectedVersion: Int, assessment: Assessment?) async throws
    func ocg(_ id: OCGID) async throws -> OCG?
    func ocgs(matching query: OCGQuery) async throws -> Page<OCG>
    /// Groups the subject is or was a member of.
    func ocgs(withMember subject: SubjectID) async throws -> [OCG]
}

/// Everything Liaison keeps. Two real implementations: embedded SQLite and PostgreSQL.
public protocol LiaisonStore: AgencyStore, UserStore, ReferenceStore, SubjectStore, OCGStore, AuditStore, MatchReviewStore, ImportStore, CaseStore, ObligationStore, PersonOfInterestStore, InterventionStore, AssetStore, ReportStore, IntelStore, GAINStore, AlertStore {
    /// Applies any named migrations not yet applied, in order.
    func migrate() async throws
    /// Names of the migrations applied, in order.
    func appliedMigrations() async throws -> [String]
    /// Releases connections.
    func close() async
}

extension LiaisonStore {
    /// The kind and metadata of the subject or group with this ID, for questions to the access policy.
    public func recordMeta(id: String) async throws -> (kind: String, meta: RecordMeta)? {
        if let subjectID = SubjectID(validating: id), let subject = try await subject(subjectID) { return ("subject", subject.meta) }
        if let ocgID = OCGID(validating: id), let ocg = try await ocg(ocgID) { return ("ocg", ocg.meta) }
        return nil
    }
}

/// Pairs of subjects found likely to be one person, with reviewers' decisions.
public protocol MatchReviewStore: Sendable {
    /// Adds reviews for pairs not yet held; a pair already held (whatever its status) is left as it is.
    func insertMatchReviews(_ reviews: [MatchReview]) async throws
    func matchReview(_ id: String) async throws -> MatchReview?
    /// Reviews with this status (or any), most likely first, at most `limit`.
    func matchReviews(status: MatchReview.Status?, limit: Int) async throws -> [MatchReview]
    /// Reviews naming this subject on either side.
    func matchReviews(involving subject: SubjectID) async throws -> [MatchReview]
    /// Saves a review if it still has `expectedVersion`; otherwise throws `staleVersion`.
    func updateMatchReview(_ review: MatchReview, expectedVersion: Int) async throws
}

/// Partner files being loaded: saved mappings per source, jobs with their progress, and the rows that did not load.
public protocol ImportStore: Sendable {
    func saveImportSource(_ source: ImportSource) async throws
    func importSource(_ name: String) async throws -> ImportSource?
    func insertImportJob(_ job: ImportJob) async throws
    func importJob(_ id: String) async throws -> ImportJob?
    /// The most recent jobs first.
    func importJobs(limit: Int) async throws -> [ImportJob]
    /// Saves a batch in one transaction: its subjects, its refused rows, and the job's progress past it. Throws
    /// `staleVersion` if the job has moved on since `readBefore` rows (another process is loading the same file).
    func saveImportBatch(_ job: ImportJob, readBefore: Int, subjects: [(subject: Subject, keys: [String])], errors: [ImportRowError]) async throws
    func updateImportJob(_ job: ImportJob) async throws
    /// Refused rows in file order, from `afterRow`, at most `limit`.
    func importErrors(job: String, afterRow: Int, limit: Int) async throws -> [ImportRowError]
}

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

    public init(updatedCase: DeportationCase? = nil, expectedVersion: Int = 0, newObligations: [Obligation] = [],
                changedObligations: [Obligation] = [], messages: [OutboxMessage] = []) {
        self.updatedCase = updatedCase
        self.expectedVersion = expectedVersion
        self.newObligations = newObligations
        self.changedObligations = changedObligations
        self.messages = messages
    }
}

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

    public init(caseID: CaseID? = nil, agencyID: AgencyID? = nil, openOnly: Bool = false, dueBefore: Date? = nil, dueFrom: Date? = nil,
                escalationBelow: Int? = nil, limit: Int = 200) {
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

extension OCGStore {
    public func updateOCG(_ ocg: OCG, keys: [String], expectedVersion: Int) async throws {
        try await updateOCG(ocg, keys: keys, expectedVersion: expectedVersion, assessment: nil)
    }
}

/// Persons of Interest and the assessments of groups and people.
public protocol PersonOfInterestStore: Sendable {
    /// Every assessment of one record, newest first.
    func assessments(record: String) async throws -> [Assessment]
    /// The latest assessment of each record of `kind` whose next review falls before `time`, most overdue first.
    func assessmentsDue(kind: String, before time: Date, limit: Int) async throws -> [Assessment]
    /// Every published version of one kind's scoring matrix, newest first.
    func scoringMatrices(kind: String) async throws -> [ScoringMatrix]
    /// Publishes a matrix version; one that already exists is a `conflict`.
    func insertScoringMatrix(_ matrix: ScoringMatrix) async throws
    /// Adds a PoI; the same agency adopting the same subject twice while active is a `conflict`.
    func insertPOI(_ poi: PersonOfInterest) async throws
    func poi(_ id: POIID) async throws -> PersonOfInterest?
    /// Active PoIs, soonest review first; only those due before `reviewDueBefore` when given.
    func pois(reviewDueBefore: Date?, limit: Int) async throws -> [PersonOfInterest]
    /// Active PoIs of one subject.
    func pois(subject: SubjectID) async throws -> [PersonOfInterest]
    /// Saves a PoI, with its new assessment if any, if it still has `expectedVersion`; otherwise `staleVersion`.
    func updatePOI(_ poi: PersonOfInterest, expectedVersion: Int, assessment: Assessment?) async throws
}

/// Interventions against groups and Persons of Interest.
public protocol InterventionStore: Sendable {
    func insertIntervention(_ intervention: Intervention) async throws
    func intervention(_ id: InterventionID) async throws -> Intervention?
    /// Those against one group or PoI, soonest due first.
    func interventions(target: String) async throws -> [Intervention]
    /// Those in one multi-agency operation, soonest due first.
    func interventions(operation: String) async throws -> [Intervention]
    /// Saves an intervention if it still has `expectedVersion`; otherwise `staleVersion`.
    func updateIntervention(_ intervention: Intervention, expectedVersion: Int) async throws
    /// Adds an operation; one whose name is taken is a `conflict`.
    func insertOperation(_ operation: JointOperation) async throws
    func operation(name: String) async throws -> JointOperation?
    /// Every operation, latest start first.
    func operations() async throws -> [JointOperation]
}

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

/// The sums reports are built from, counted inside the store within what the viewer may see.
public protocol ReportStore: Sendable {
    /// The facts of the scope's period and of the one before, within its area and market, as `viewer` may see
    /// them, deciding "subject to action" by `rule`.
    func reportFacts(_ scope: ReportScope, viewer: Viewer, rule: ActionRule) async throws -> (current: PeriodFacts, previous: PeriodFacts)
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
    func intelReports(linking kind: String, key: String, heldBy owners: [AgencyID], viewer: Viewer, limit: Int) async throws -> [IntelReport]
    /// Saves a report if it still has `expectedVersion`; otherwise `staleVersion`.
    func updateIntelReport(_ report: IntelReport, expectedVersion: Int) async throws
    /// Full-text search over report text, place, links and linked names, within what `viewer` may see, best first.
    func searchIntel(_ query: IntelSearchQuery, viewer: Viewer) async throws -> IntelSearchResult
}

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
