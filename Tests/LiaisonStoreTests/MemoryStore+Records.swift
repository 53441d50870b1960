import Foundation
import LiaisonCore

@testable import LiaisonStore

/// The stores of the records every feature looks up: subjects, groups, cases and Persons of Interest. Their lists
/// are filtered as the databases filter them (marking, sharing, need-to-know, search tokens) and paged by the same
/// keyset cursor, so the contract tests of these protocols run on memory and on the databases alike.
/// A record with its own kind of ID and the shared metadata.
protocol StoredRecord: Sendable {
    var id: ID<Self> { get }
    var meta: RecordMeta { get set }
}
extension Subject: StoredRecord {}
extension OCG: StoredRecord {}
extension Intervention: StoredRecord {}
extension AssetOrder: StoredRecord {}

/// A record and the search keys its lists match.
struct Keyed<Record: Sendable>: Sendable {
    var record: Record
    var keys: [String]
}

extension MemoryStore: RecordLookupStore {
    // MARK: What a viewer's lists hold

    /// Whether a list shown to `viewer` holds a record: the rule the databases' list queries apply.
    static func lists(_ meta: RecordMeta, to viewer: Viewer, heldBy owners: [AgencyID]? = nil) -> Bool {
        guard !viewer.confinedToAlerts, meta.marking.classification <= viewer.maximumClassification else {
            return false
        }
        if let owners, !owners.isEmpty {
            guard owners.contains(meta.owningAgencyID) else { return false }
        } else if meta.owningAgencyID != viewer.agencyID && !meta.sharing.withAll
            && !meta.sharing.agencies.contains(viewer.agencyID)
        {
            return false
        }
        return meta.needToKnow.map(viewer.briefings.contains) ?? true
    }

    /// One page of `rows`, in (sort name, ID) order, each of whose search keys some key starts with every token.
    static func keysetPage<Item>(
        _ rows: [(sortName: String, id: String, keys: [String], item: Item)], tokens: [String], page: PageRequest
    ) throws -> Page<Item> {
        let after = try SQLStore.decodeCursor(page.cursor)
        let chosen =
            rows
            .filter { row in tokens.allSatisfy { token in row.keys.contains { $0.hasPrefix(token) } } }
            .filter { row in after.map { (row.sortName, row.id) > $0 } ?? true }
            .sorted { ($0.sortName, $0.id) < ($1.sortName, $1.id) }
        let items = chosen.prefix(page.limit)
        let next =
            chosen.count > page.limit ? items.last.map { SQLStore.encodeCursor(sortName: $0.sortName, id: $0.id) } : nil
        return Page(items: items.map(\.item), nextCursor: next)
    }

    /// The databases keep no handling code on these records (only graded intelligence has one).
    static func stored(_ meta: RecordMeta) -> RecordMeta {
        var meta = meta
        meta.handling = nil
        return meta
    }

    /// A record as the databases give it back: without a handling code.
    static func stored<Record: StoredRecord>(_ record: Record) -> Record {
        var record = record
        record.meta = stored(record.meta)
        return record
    }

    /// Adds records with their search keys; an ID already held is a conflict and adds none.
    static func insert<Record: StoredRecord>(
        _ items: [(Record, [String])], into table: inout [ID<Record>: Keyed<Record>]
    ) throws {
        guard Set(items.map(\.0.id)).isDisjoint(with: table.keys) else {
            throw LiaisonError.conflict(field: "id", reason: "is already taken")
        }
        for (record, keys) in items { table[record.id] = Keyed(record: stored(record), keys: keys) }
    }

    /// Replaces a record and its search keys if it still has `expected`.
    static func replace<Record: StoredRecord>(
        _ record: Record, keys: [String], kind: String, expected: Int, in table: inout [ID<Record>: Keyed<Record>]
    ) throws {
        try checkVersion(table[record.id]?.record.meta.version, kind: kind, id: record.id.rawValue, expected: expected)
        table[record.id] = Keyed(record: stored(record), keys: keys)
    }

    /// Throws as the databases do when the record is missing or no longer has `expected`.
    static func checkVersion(_ current: Int?, kind: String, id: String, expected: Int) throws {
        guard let current else { throw LiaisonError.notFound(kind: kind, id: id) }
        guard current == expected else {
            throw LiaisonError.staleVersion(kind: kind, id: id, expected: expected, current: current)
        }
    }

    // MARK: Subjects

    func insertSubjects(_ subjects: [(subject: Subject, keys: [String])]) async throws {
        try Self.insert(subjects.map { ($0.subject, $0.keys) }, into: &subjectsByID)
    }

    func updateSubject(_ subject: Subject, keys: [String], expectedVersion: Int) async throws {
        try Self.replace(subject, keys: keys, kind: "subject", expected: expectedVersion, in: &subjectsByID)
    }

    func subject(_ id: SubjectID) async throws -> Subject? { subjectsByID[id]?.record }
    func subjects(ids: [SubjectID]) async throws -> [Subject] { ids.compactMap { subjectsByID[$0]?.record } }
    func subjectCount() async throws -> Int { subjectsByID.count }

    func subjects(matching query: SubjectQuery) async throws -> Page<Subject> {
        let rows = subjectsByID.values.filter { item in
            Self.lists(item.record.meta, to: query.viewer, heldBy: query.heldBy)
                && query.owningAgencyID.map { item.record.meta.owningAgencyID == $0 } ?? true
        }
        return try Self.keysetPage(
            rows.map { (SQLStore.sortName($0.record.details), $0.record.id.rawValue, $0.keys, $0.record) },
            tokens: query.tokens, page: query.page)
    }

    // MARK: Organised crime groups

    func insertOCGs(_ groups: [(ocg: OCG, keys: [String])]) async throws {
        try Self.insert(groups.map { ($0.ocg, $0.keys) }, into: &ocgsByID)
    }

    func updateOCG(_ ocg: OCG, keys: [String], expectedVersion: Int, assessment: Assessment?) async throws {
        try Self.replace(ocg, keys: keys, kind: "ocg", expected: expectedVersion, in: &ocgsByID)
        if let assessment { assessmentList.append(assessment) }
    }

    func ocg(_ id: OCGID) async throws -> OCG? { ocgsByID[id]?.record }

    func ocgs(matching query: OCGQuery) async throws -> Page<OCG> {
        let rows = ocgsByID.values.filter { item in
            let d = item.record.details
            return Self.lists(item.record.meta, to: query.viewer)
                && query.status.map { d.status == $0 } ?? true
                && query.band.map { d.band == $0 } ?? true
                && query.market.map(d.markets.contains) ?? true
                && query.area.map(d.areas.contains) ?? true
                && query.lead.map { d.leadOfficer == $0 } ?? true
        }
        return try Self.keysetPage(
            rows.map { (SQLStore.ocgSortName($0.record.details), $0.record.id.rawValue, $0.keys, $0.record) },
            tokens: query.nameTokens, page: query.page)
    }

    func ocgs(withMember subject: SubjectID) async throws -> [OCG] {
        ocgsByID.values.map(\.record)
            .filter { $0.members.contains { $0.subjectID == subject } }
            .sorted {
                (SQLStore.ocgSortName($0.details), $0.id.rawValue) < (SQLStore.ocgSortName($1.details), $1.id.rawValue)
            }
    }

    // MARK: Persons of Interest and assessments

    func assessments(record: String) async throws -> [Assessment] {
        assessmentList.filter { $0.recordID == record }.sorted { ($0.at, $0.id) > ($1.at, $1.id) }
    }

    func assessmentsDue(kind: String, before time: Date, limit: Int) async throws -> [Assessment] {
        let latest = Dictionary(grouping: assessmentList, by: \.recordID).values.compactMap { history in
            history.max { ($0.at, $0.id) < ($1.at, $1.id) }
        }
        return Array(
            latest.filter { $0.recordKind == kind && $0.nextReviewDue < time }
                .sorted { ($0.nextReviewDue, $0.id) < ($1.nextReviewDue, $1.id) }
                .prefix(limit))
    }

    func scoringMatrices(kind: String) async throws -> [ScoringMatrix] {
        matrixList.filter { $0.kind == kind }.sorted { $0.version > $1.version }
    }

    func insertScoringMatrix(_ matrix: ScoringMatrix) async throws {
        if matrixList.contains(where: { $0.kind == matrix.kind && $0.version == matrix.version }) {
            throw LiaisonError.conflict(
                field: "version",
                reason:
                    "version \(matrix.version) of the \(matrix.kind) matrix already exists: someone published meanwhile"
            )
        }
        matrixList.append(matrix)
    }

    func insertPOI(_ poi: PersonOfInterest) async throws {
        if poisByID.values.contains(where: {
            $0.subjectID == poi.subjectID && $0.meta.owningAgencyID == poi.meta.owningAgencyID && $0.status == "active"
        }) {
            throw LiaisonError.conflict(
                field: "subjectID", reason: "your agency already manages this subject as a Person of Interest")
        }
        var saved = poi
        saved.meta = Self.stored(poi.meta)
        poisByID[poi.id] = saved
    }

    func poi(_ id: POIID) async throws -> PersonOfInterest? { poisByID[id] }

    func pois(reviewDueBefore: Date?, limit: Int) async throws -> [PersonOfInterest] {
        Array(
            poisByID.values.filter { poi in
                poi.status == "active" && reviewDueBefore.map { poi.reviewDue < $0 } ?? true
            }
            .sorted { ($0.reviewDue, $0.id.rawValue) < ($1.reviewDue, $1.id.rawValue) }
            .prefix(limit))
    }

    func pois(subject: SubjectID) async throws -> [PersonOfInterest] {
        poisByID.values.filter { $0.subjectID == subject && $0.status == "active" }
            .sorted { ($0.meta.createdAt, $0.id.rawValue) < ($1.meta.createdAt, $1.id.rawValue) }
    }

    func updatePOI(_ poi: PersonOfInterest, expectedVersion: Int, assessment: Assessment?) async throws {
        try Self.checkVersion(
            poisByID[poi.id]?.meta.version, kind: "poi", id: poi.id.rawValue, expected: expectedVersion)
        var saved = poi
        saved.meta = Self.stored(poi.meta)
        poisByID[poi.id] = saved
        if let assessment { assessmentList.append(assessment) }
    }

    // MARK: Deportation cases

    func insertCase(_ deportationCase: DeportationCase) async throws {
        if casesByID.values.contains(where: { $0.homeOfficeReference == deportationCase.homeOfficeReference }) {
            throw LiaisonError.conflict(
                field: "homeOfficeReference",
                reason: "another case already has Home Office reference \(deportationCase.homeOfficeReference)")
        }
        try await insertCases([deportationCase], obligations: [])
    }

    func insertCases(_ cases: [DeportationCase], obligations: [Obligation]) async throws {
        guard Set(cases.map(\.id)).isDisjoint(with: casesByID.keys) else {
            throw LiaisonError.conflict(field: "id", reason: "is already taken")
        }
        for var c in cases {
            c.meta = Self.stored(c.meta)
            casesByID[c.id] = c
        }
        for o in obligations { obligationsByID[o.id] = (o, o.owner) }
    }

    func deportationCase(_ id: CaseID) async throws -> DeportationCase? { casesByID[id] }

    func deportationCase(reference: String) async throws -> DeportationCase? {
        casesByID.values.first { $0.homeOfficeReference == reference }
    }

    func deportationCases(limit: Int) async throws -> [DeportationCase] {
        Array(
            casesByID.values.sorted {
                ($1.meta.updatedAt, $0.id.rawValue) < ($0.meta.updatedAt, $1.id.rawValue)
            }.prefix(limit))
    }

    func commitCaseWork(_ work: CaseWork) async throws {
        // Everything is checked before anything changes, as one database transaction would.
        if let c = work.updatedCase {
            try Self.checkVersion(
                casesByID[c.id]?.meta.version, kind: "case", id: c.id.rawValue, expected: work.expectedVersion)
        }
        for o in work.changedObligations where obligationsByID[o.id]?.obligation.status != .open {
            throw LiaisonError.conflict(field: "obligation", reason: "obligation \(o.id) is no longer open")
        }
        if var c = work.updatedCase {
            c.meta = Self.stored(c.meta)
            casesByID[c.id] = c
            // Open obligations belong to whoever owns the case now (the owner column; the saved obligation keeps
            // the owner it was written with, as in the databases).
            for (id, entry) in obligationsByID where entry.obligation.caseID == c.id && entry.obligation.status == .open
            {
                obligationsByID[id]?.owner = c.owner
            }
        }
        for o in work.newObligations { obligationsByID[o.id] = (o, o.owner) }
        for o in work.changedObligations { obligationsByID[o.id]?.obligation = o }
        outbox += work.messages
    }

    func deportationCases(subject: SubjectID) async throws -> [DeportationCase] {
        casesByID.values.filter { $0.subjectID == subject }
            .sorted { ($0.meta.createdAt, $0.id.rawValue) < ($1.meta.createdAt, $1.id.rawValue) }
    }

    func insertSubjectInterest(_ interest: SubjectInterest) async throws {
        if interestList.contains(where: { $0.subjectID == interest.subjectID && $0.agencyID == interest.agencyID }) {
            throw LiaisonError.conflict(
                field: "agencyCode", reason: "\(interest.agencyCode) has already registered interest in this person")
        }
        interestList.append(interest)
    }

    func subjectInterests(subject: SubjectID) async throws -> [SubjectInterest] {
        interestList.filter { $0.subjectID == subject }.sorted { $0.agencyID.rawValue < $1.agencyID.rawValue }
    }

    func casesAwaitingMinuteSheet(limit: Int) async throws -> [DeportationCase] {
        Array(
            casesByID.values.filter { $0.minuteSheet?.state.rawValue == "requested" }
                .sorted { ($0.meta.updatedAt, $0.id.rawValue) < ($1.meta.updatedAt, $1.id.rawValue) }
                .prefix(limit))
    }
}
