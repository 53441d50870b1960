import Foundation
import LiaisonCore

/// Every store held in memory, for contract and service tests without a database: agencies, accounts, reference
/// data and the audit chain here; beside it the records every feature looks up (`+Records`), obligations
/// (`+Obligations`), intelligence (`+Intelligence`), the report sums (`+Reports`) and the stores read by key
/// (`+Features`). It answers as the SQL stores do: the contract tests run on it and on the databases alike
/// (`ContractStoreKind`), so it cannot drift from them unnoticed.
actor MemoryStore: LiaisonStore {
    private var agencyList: [Agency] = []
    private var accounts: [UserID: (user: User, passwordHash: String)] = [:]
    private var sessions: [String: SessionRecord] = [:]
    private var apiTokens: [APITokenRecord] = []
    private var attempts: [String: LoginAttempts] = [:]
    // As the databases' migrations do, the standard reference lists are there from the start.
    private var reference: [ReferenceEntry] = ReferenceDefaults.entries
    private var chain: [AuditEntry] = []
    // The feature stores' records (see MemoryStore+Features.swift).
    var alertsByID: [IndustryAlertID: IndustryAlert] = [:]
    var alertAudienceList: [AgencyID: [String]] = [:]
    var gainByID: [GAINRequestID: (request: GAINRequest, hits: Set<AgencyID>)] = [:]
    var interventionsByID: [InterventionID: Intervention] = [:]
    var operationList: [JointOperation] = []
    var reviewsByID: [String: MatchReview] = [:]
    var importSources: [String: ImportSource] = [:]
    var importJobsByID: [String: ImportJob] = [:]
    var importErrorList: [String: [ImportRowError]] = [:]
    var assetOrdersByID: [AssetOrderID: AssetOrder] = [:]
    var schemeList: [IncentiveScheme] = []
    var intelByID: [IntelReportID: IntelReport] = [:]
    // The record stores' (see MemoryStore+Records.swift).
    var subjectsByID: [SubjectID: Keyed<Subject>] = [:]
    var ocgsByID: [OCGID: Keyed<OCG>] = [:]
    var poisByID: [POIID: PersonOfInterest] = [:]
    var assessmentList: [Assessment] = []
    var matrixList: [ScoringMatrix] = []
    var casesByID: [CaseID: DeportationCase] = [:]
    var interestList: [SubjectInterest] = []
    // The obligation store's (see MemoryStore+Obligations.swift).
    var obligationsByID: [String: (obligation: Obligation, owner: String?)] = [:]
    var outbox: [OutboxMessage] = []
    var channelsByAgency: [AgencyID: DeliveryChannels] = [:]
    var guidanceList: [GuidancePage] = []

    // MARK: Schema

    /// Nothing to migrate: memory starts as the databases are after their migrations.
    func migrate() async throws {}
    func appliedMigrations() async throws -> [String] { [] }
    func close() async {}

    // MARK: Agencies

    func insertAgency(_ agency: Agency) async throws {
        if agencyList.contains(where: { $0.id == agency.id || $0.code == agency.code }) {
            throw LiaisonError.conflict(field: "code", reason: "is already taken")
        }
        agencyList.append(agency)
    }

    func agencies() async throws -> [Agency] { agencyList.sorted { $0.name < $1.name } }
    func agency(_ id: AgencyID) async throws -> Agency? { agencyList.first { $0.id == id } }
    func agency(code: String) async throws -> Agency? { agencyList.first { $0.code == code } }

    // MARK: Accounts

    func insertUser(_ user: User, passwordHash: String) async throws {
        if accounts.values.contains(where: { $0.user.username == user.username }) {
            throw LiaisonError.conflict(field: "username", reason: "is already taken")
        }
        accounts[user.id] = (user, passwordHash)
    }

    func user(_ id: UserID) async throws -> User? { accounts[id]?.user }

    func credentials(username: String) async throws -> (user: User, passwordHash: String)? {
        accounts.values.first { $0.user.username == username }
    }

    func users() async throws -> [User] { accounts.values.map(\.user).sorted { $0.username < $1.username } }

    func updateUser(_ user: User, expectedVersion: Int) async throws {
        guard var stored = accounts[user.id] else { throw LiaisonError.notFound(kind: "user", id: user.id.rawValue) }
        guard stored.user.version == expectedVersion else {
            throw LiaisonError.staleVersion(
                kind: "user", id: user.id.rawValue, expected: expectedVersion, current: stored.user.version)
        }
        // Only what the SQL stores save changes: the username and agency stay as they were.
        stored.user.displayName = user.displayName
        stored.user.email = user.email
        stored.user.phone = user.phone
        stored.user.roles = user.roles
        stored.user.vetting = user.vetting
        stored.user.briefings = user.briefings
        stored.user.active = user.active
        stored.user.version = expectedVersion + 1
        accounts[user.id] = stored
    }

    func insertSession(_ session: SessionRecord) async throws { sessions[session.tokenHash] = session }
    func session(tokenHash: String) async throws -> SessionRecord? { sessions[tokenHash] }
    func touchSession(tokenHash: String, at time: Date) async throws { sessions[tokenHash]?.lastSeenAt = time }
    func deleteSession(tokenHash: String) async throws { sessions[tokenHash] = nil }

    func insertToken(_ token: APITokenRecord) async throws { apiTokens.append(token) }
    func token(hash: String) async throws -> APITokenRecord? { apiTokens.first { $0.tokenHash == hash } }

    func tokens(of user: UserID) async throws -> [APITokenRecord] {
        apiTokens.filter { $0.userID == user }.sorted { $0.createdAt < $1.createdAt }
    }

    func revokeToken(id: String, at time: Date) async throws -> Bool {
        guard let index = apiTokens.firstIndex(where: { $0.id == id && $0.revokedAt == nil }) else { return false }
        apiTokens[index].revokedAt = time
        return true
    }

    func loginAttempts(username: String) async throws -> LoginAttempts? { attempts[username] }
    func saveLoginAttempts(username: String, _ attempts: LoginAttempts?) async throws {
        self.attempts[username] = attempts
    }

    // MARK: Reference data

    func referenceEntries() async throws -> [ReferenceEntry] {
        reference.sorted { ($0.list, $0.sortOrder, $0.code) < ($1.list, $1.sortOrder, $1.code) }
    }

    func saveReferenceEntry(_ entry: ReferenceEntry) async throws {
        reference.removeAll { $0.list == entry.list && $0.code == entry.code }
        reference.append(entry)
    }

    // MARK: The audit chain

    func appendAudit(_ drafts: [AuditDraft], at time: Date) async throws -> [AuditEntry] {
        var previous = chain.last?.hash ?? AuditChain.genesis
        var sequence = chain.last?.sequence ?? 0
        let sealed = drafts.map { draft in
            sequence += 1
            let entry = AuditChain.seal(draft, sequence: sequence, time: time, previousHash: previous)
            previous = entry.hash
            return entry
        }
        chain += sealed
        return sealed
    }

    func auditEntries(after sequence: Int64, limit: Int) async throws -> [AuditEntry] {
        Array(chain.lazy.filter { $0.sequence > sequence }.prefix(limit))
    }

    func searchAudit(_ query: AuditQuery) async throws -> [AuditEntry] {
        Array(
            chain.reversed().lazy.filter { e in
                query.actorName.map { e.actorName == $0 } ?? true
                    && query.action.map { $0.hasSuffix(".") ? e.action.hasPrefix($0) : e.action == $0 } ?? true
                    && query.outcome.map { e.outcome == $0 } ?? true
                    && query.from.map { e.time >= $0 } ?? true
                    && query.to.map { e.time < $0 } ?? true
                    && query.before.map { e.sequence < $0 } ?? true
                    && query.objectID.map { e.objectIDs.contains($0) } ?? true
            }
            .prefix(query.limit))
    }
}
