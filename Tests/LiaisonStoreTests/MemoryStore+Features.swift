import Foundation
import LiaisonCore

/// The feature stores whose records are read by key and listed in a fixed order, with no search to mirror:
/// industry alerts, GAIN requests, interventions and operations, match reviews, imports and asset recovery.
extension MemoryStore: AlertStore, GAINStore, InterventionStore, MatchReviewStore, ImportStore, AssetStore {
    // MARK: Industry alerts

    func insertAlert(_ alert: IndustryAlert) async throws {
        if alertsByID[alert.id] != nil { throw LiaisonError.conflict(field: "id", reason: "is already taken") }
        alertsByID[alert.id] = alert
    }

    func alert(_ id: IndustryAlertID) async throws -> IndustryAlert? { alertsByID[id] }

    func updateAlert(_ alert: IndustryAlert, expectedVersion: Int) async throws {
        guard let stored = alertsByID[alert.id] else {
            throw LiaisonError.notFound(kind: "alert", id: alert.id.rawValue)
        }
        guard stored.version == expectedVersion else {
            throw LiaisonError.staleVersion(
                kind: "alert", id: alert.id.rawValue, expected: expectedVersion, current: stored.version)
        }
        var saved = alert
        saved.version = expectedVersion + 1
        alertsByID[alert.id] = saved
    }

    func alerts(liveOn day: String?, limit: Int) async throws -> [IndustryAlert] {
        let live = alertsByID.values.filter { alert in
            day.map { alert.status == .published && alert.expiresOn >= $0 } ?? true
        }
        return Array(live.sorted { $0.createdAt > $1.createdAt }.prefix(limit))
    }

    func alertAudiences() async throws -> [AgencyID: [String]] { alertAudienceList }

    func setAlertAudience(_ agency: AgencyID, sectors: [String]) async throws { alertAudienceList[agency] = sectors }

    // MARK: GAIN requests

    func insertGAINRequest(_ request: GAINRequest) async throws {
        if gainByID[request.id] != nil { throw LiaisonError.conflict(field: "id", reason: "is already taken") }
        // As in the databases, the agencies a request hit are those that answered hit when it was asked.
        gainByID[request.id] = (request, Set(request.answers.filter(\.hit).map(\.agencyID)))
    }

    func gainRequest(_ id: GAINRequestID) async throws -> GAINRequest? { gainByID[id]?.request }

    func gainRequests(requester: AgencyID) async throws -> [GAINRequest] {
        newestAsked(gainByID.values.filter { $0.request.requesterAgency == requester })
    }

    func gainRequests(hitting agency: AgencyID) async throws -> [GAINRequest] {
        newestAsked(gainByID.values.filter { $0.hits.contains(agency) })
    }

    func updateGAINRequest(_ request: GAINRequest) async throws { gainByID[request.id]?.request = request }

    private func newestAsked(_ held: some Sequence<(request: GAINRequest, hits: Set<AgencyID>)>) -> [GAINRequest] {
        Array(held.map(\.request).sorted { $0.askedAt > $1.askedAt }.prefix(200))
    }

    // MARK: Interventions and operations

    func insertIntervention(_ intervention: Intervention) async throws {
        if interventionsByID[intervention.id] != nil {
            throw LiaisonError.conflict(field: "id", reason: "is already taken")
        }
        interventionsByID[intervention.id] = Self.stored(intervention)
    }

    func intervention(_ id: InterventionID) async throws -> Intervention? { interventionsByID[id] }

    func interventions(target: String) async throws -> [Intervention] {
        byDueDate(interventionsByID.values.filter { $0.target.id == target })
    }

    func interventions(operation: String) async throws -> [Intervention] {
        byDueDate(interventionsByID.values.filter { $0.operation == operation })
    }

    func updateIntervention(_ intervention: Intervention, expectedVersion: Int) async throws {
        guard let stored = interventionsByID[intervention.id] else {
            throw LiaisonError.notFound(kind: "intervention", id: intervention.id.rawValue)
        }
        guard stored.meta.version == expectedVersion else {
            throw LiaisonError.staleVersion(
                kind: "intervention", id: intervention.id.rawValue, expected: expectedVersion,
                current: stored.meta.version)
        }
        interventionsByID[intervention.id] = Self.stored(intervention)
    }

    func insertOperation(_ operation: JointOperation) async throws {
        if operationList.contains(where: { $0.name == operation.name }) {
            throw LiaisonError.conflict(field: "name", reason: "there is already an operation called \(operation.name)")
        }
        operationList.append(operation)
    }

    func operation(name: String) async throws -> JointOperation? { operationList.first { $0.name == name } }

    func operations() async throws -> [JointOperation] {
        operationList.sorted { ($1.startsOn, $0.name) < ($0.startsOn, $1.name) }
    }

    private func byDueDate(_ found: some Sequence<Intervention>) -> [Intervention] {
        found.sorted { ($0.dueDate, $0.id.rawValue) < ($1.dueDate, $1.id.rawValue) }
    }

    // MARK: Match reviews

    func insertMatchReviews(_ reviews: [MatchReview]) async throws {
        // As in the databases, a pair already queued, or an ID already used, is left as it is.
        for review in reviews
        where reviewsByID[review.id] == nil
            && !reviewsByID.values.contains(where: { $0.leftID == review.leftID && $0.rightID == review.rightID })
        {
            reviewsByID[review.id] = review
        }
    }

    func matchReview(_ id: String) async throws -> MatchReview? { reviewsByID[id] }

    func matchReviews(status: MatchReview.Status?, limit: Int) async throws -> [MatchReview] {
        Array(likeliestFirst(reviewsByID.values.filter { status == nil || $0.status == status }).prefix(limit))
    }

    func matchReviews(involving subject: SubjectID) async throws -> [MatchReview] {
        likeliestFirst(reviewsByID.values.filter { $0.leftID == subject || $0.rightID == subject })
    }

    func updateMatchReview(_ review: MatchReview, expectedVersion: Int) async throws {
        guard let stored = reviewsByID[review.id] else { throw LiaisonError.notFound(kind: "match", id: review.id) }
        guard stored.version == expectedVersion else {
            throw LiaisonError.staleVersion(
                kind: "match", id: review.id, expected: expectedVersion, current: stored.version)
        }
        reviewsByID[review.id] = review
    }

    private func likeliestFirst(_ found: some Sequence<MatchReview>) -> [MatchReview] {
        found.sorted { ($1.probability, $0.id) < ($0.probability, $1.id) }
    }

    // MARK: Imports

    func saveImportSource(_ source: ImportSource) async throws { importSources[source.name] = source }
    func importSource(_ name: String) async throws -> ImportSource? { importSources[name] }

    func insertImportJob(_ job: ImportJob) async throws {
        if importJobsByID[job.id] != nil { throw LiaisonError.conflict(field: "id", reason: "is already taken") }
        importJobsByID[job.id] = job
    }

    func importJob(_ id: String) async throws -> ImportJob? { importJobsByID[id] }

    func importJobs(limit: Int) async throws -> [ImportJob] {
        Array(importJobsByID.values.sorted { ($1.startedAt, $0.id) < ($0.startedAt, $1.id) }.prefix(limit))
    }

    func saveImportBatch(
        _ job: ImportJob, readBefore: Int, subjects: [(subject: Subject, keys: [String])], errors: [ImportRowError]
    ) async throws {
        guard let current = importJobsByID[job.id] else { throw LiaisonError.notFound(kind: "import", id: job.id) }
        guard current.rowsRead == readBefore else {
            throw LiaisonError.staleVersion(kind: "import", id: job.id, expected: readBefore, current: current.rowsRead)
        }
        try await insertSubjects(subjects)
        importJobsByID[job.id] = job
        // As in the databases, a row's refusal for a field is kept once.
        for error in errors
        where !(importErrorList[job.id] ?? []).contains(where: { $0.row == error.row && $0.field == error.field }) {
            importErrorList[job.id, default: []].append(error)
        }
    }

    func updateImportJob(_ job: ImportJob) async throws {
        if importJobsByID[job.id] != nil { importJobsByID[job.id] = job }
    }

    func importErrors(job: String, afterRow: Int, limit: Int) async throws -> [ImportRowError] {
        Array(
            (importErrorList[job] ?? []).filter { $0.row > afterRow }.sorted { ($0.row, $0.field) < ($1.row, $1.field) }
                .prefix(limit))
    }

    // MARK: Asset recovery

    func insertAssetOrder(_ order: AssetOrder) async throws {
        if assetOrdersByID[order.id] != nil { throw LiaisonError.conflict(field: "id", reason: "is already taken") }
        assetOrdersByID[order.id] = Self.stored(order)
    }

    func assetOrder(_ id: AssetOrderID) async throws -> AssetOrder? { assetOrdersByID[id] }

    func assetOrders(relatedTo id: String) async throws -> [AssetOrder] {
        assetOrdersByID.values.filter { $0.target.id == id || $0.subjectID?.rawValue == id }
            .sorted { ($1.madeOn, $0.id.rawValue) < ($0.madeOn, $1.id.rawValue) }
    }

    func updateAssetOrder(_ order: AssetOrder, expectedVersion: Int) async throws {
        try Self.checkVersion(
            assetOrdersByID[order.id]?.meta.version, kind: "asset", id: order.id.rawValue, expected: expectedVersion)
        assetOrdersByID[order.id] = Self.stored(order)
    }

    func incentiveSchemes() async throws -> [IncentiveScheme] { schemeList.sorted { $0.version > $1.version } }

    func insertIncentiveScheme(_ scheme: IncentiveScheme) async throws {
        if schemeList.contains(where: { $0.version == scheme.version }) {
            throw LiaisonError.conflict(
                field: "version",
                reason:
                    "version \(scheme.version) of the incentivisation scheme already exists: someone published meanwhile"
            )
        }
        schemeList.append(scheme)
    }
}
