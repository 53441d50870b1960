import Foundation

/// What the POI service reads and writes: only these stores.
public typealias POIServiceStore = AgencyStore & UserStore & ReferenceStore & RecordLookupStore

/// Persons of Interest: a subject adopted by an agency and managed on a risk basis. Each is assessed against the
/// PoI scoring matrix (the score gives its tier and when it is next reviewed), owned by an officer, and listed when
/// its review is overdue. Every step goes through the access policy and the audit chain.
public struct POIService: Sendable {
    public static let kind = "poi"
    let store: any POIServiceStore
    let clock: any LiaisonClock
    let auditor: Auditor

    public init(store: any POIServiceStore, clock: any LiaisonClock, audit: AuditLog) {
        self.store = store
        self.clock = clock
        auditor = Auditor(log: audit)
    }

    /// Adopts a subject the user may see as a Person of Interest of the user's agency, due for its first assessment at once.
    public func adopt(_ input: POIInput, by user: User, request: RequestInfo = .none) async throws -> PersonOfInterest {
        try await auditor.run(
            user, "poi.adopt", kind: Self.kind, ids: [input.subjectID.rawValue], request: request,
            touched: { [$0.id.rawValue] }
        ) {
            try AccessPolicy.enforceCreate(user)
            guard let subject = try await store.subject(input.subjectID),
                AccessPolicy.decide(user, .read, subject.meta, kind: SubjectService.kind).allowed
            else {
                throw LiaisonError.invalid("subjectID", "is not a subject you may see")
            }
            let owner = input.owner?.trimmingCharacters(in: .whitespaces).nonEmpty ?? user.username
            guard let account = try await store.credentials(username: owner)?.user, account.active,
                account.agencyID == user.agencyID
            else {
                throw LiaisonError.invalid("owner", "is not an active officer of your agency")
            }
            let now = clock.now()
            let meta = try RecordEditing.derivedMeta(
                MarkingInput(marking: input.marking), from: subject.meta, defaultSharing: .all,
                by: user, at: now)
            let poi = PersonOfInterest(
                meta: meta, subjectID: subject.id, owner: account.username, reviewDue: now,
                lifetimeManagement: input.lifetimeManagement ?? false)
            try await store.insertPOI(poi)
            return try await References(store: store).shown([poi], to: user)[0]
        }
    }

    /// Reads a PoI through the policy. A PoI is its subject's management, so one whose subject the user may not read
    /// answers as missing too.
    func read(_ id: POIID, by user: User) async throws -> PersonOfInterest {
        let (found, _) = try RecordEditing.read(
            try await store.poi(id), meta: \.meta, by: user, kind: Self.kind, id: id.rawValue)
        guard let shown = try await References(store: store).shown([found], to: user).first else {
            throw PolicyRefusal(
                reasons: [References.withheldSubject], shown: .notFound(kind: Self.kind, id: id.rawValue))
        }
        return shown
    }

    public func get(_ id: POIID, by user: User, request: RequestInfo = .none) async throws -> PersonOfInterest {
        try await auditor.run(user, "poi.read", kind: Self.kind, ids: [id.rawValue], request: request) {
            try await read(id, by: user)
        }
    }

    /// Active PoIs the user may see, soonest review first; `overdue` keeps those past their review date.
    public func list(
        overdue: Bool, dueWithinDays: Int? = nil, by user: User, limit: Int = 200, request: RequestInfo = .none
    ) async throws -> [PersonOfInterest] {
        let detail = overdue ? "overdue" : dueWithinDays.map { "due within \($0) days" }
        return try await auditor.run(
            user, "poi.list", kind: Self.kind, request: request, detail: detail, touched: { $0.map(\.id.rawValue) }
        ) {
            let before =
                overdue ? clock.now() : dueWithinDays.map { clock.now().addingTimeInterval(Double($0) * 86_400) }
            let found = try await store.pois(reviewDueBefore: before, limit: 5_000)
            let readable = found.filter { AccessPolicy.decide(user, .read, $0.meta, kind: Self.kind).allowed }
            return Array(try await References(store: store).shown(readable, to: user).prefix(min(max(limit, 1), 200)))
        }
    }

    /// The PoIs of one subject the user may see.
    public func of(_ subject: SubjectID, by user: User, request: RequestInfo = .none) async throws -> [PersonOfInterest]
    {
        try await auditor.run(
            user, "poi.list", kind: Self.kind, request: request, detail: "subject: \(subject)",
            touched: { $0.map(\.id.rawValue) }
        ) {
            try await References(store: store).shown(
                try await store.pois(subject: subject).filter {
                    AccessPolicy.decide(user, .read, $0.meta, kind: Self.kind).allowed
                }, to: user)
        }
    }

    /// Refuses (as missing, or forbidden) a user who may not change the PoI, before anything they sent is read.
    public func checkChange(_ id: POIID, by user: User) async throws {
        let found = try await read(id, by: user)
        try AccessPolicy.enforce(user, .update, found.meta, kind: Self.kind, id: id.rawValue)
    }

    /// Assesses the person's risk: the score sets the tier and the next review date; the assessment is kept.
    public func assess(_ id: POIID, _ input: AssessmentInput, by user: User, request: RequestInfo = .none) async throws
        -> (PersonOfInterest, Assessment)
    {
        try await auditor.run(user, "poi.assess", kind: Self.kind, ids: [id.rawValue], request: request) {
            var poi = try await read(id, by: user)
            poi.subjectName = nil
            try AccessPolicy.enforce(user, .update, poi.meta, kind: Self.kind, id: id.rawValue)
            let version = try RecordEditing.checkVersion(
                input.version, of: poi.meta, kind: Self.kind, id: id.rawValue,
                sentAs: "the version of the record you assessed")
            let now = clock.now()
            let matrix = try await ScoringService.inForce(Self.kind, store: store, at: now)
            var assessment = try Assessment.make(
                kind: Self.kind, recordID: id.rawValue, ratings: input.ratings ?? [:], rationale: input.rationale ?? "",
                matrix: matrix, by: user, at: now)
            // Lifetime management keeps a serious career criminal under review at least every 90 days.
            if poi.lifetimeManagement {
                assessment.nextReviewDue = min(assessment.nextReviewDue, now.addingTimeInterval(90 * 86_400))
            }
            poi.tier = assessment.band
            poi.score = assessment.score
            poi.reviewDue = assessment.nextReviewDue
            poi.meta = poi.meta.touched(by: user.id, at: now)
            try await store.updatePOI(poi, expectedVersion: version, assessment: assessment)
            return (poi, assessment)
        }
    }

    /// Every assessment of a PoI the user may see, newest first.
    public func assessments(_ id: POIID, by user: User, request: RequestInfo = .none) async throws -> [Assessment] {
        try await auditor.run(user, "poi.assessments", kind: Self.kind, ids: [id.rawValue], request: request) {
            _ = try await read(id, by: user)
            return try await store.assessments(record: id.rawValue)
        }
    }
}

extension String {
    /// Nil for an empty string.
    var nonEmpty: String? { isEmpty ? nil : self }
}
