import Foundation

/// What the OCG service reads and writes: only these stores.
public typealias OCGServiceStore = AgencyStore & UserStore & ReferenceStore & RecordLookupStore

/// Creating, editing, reading and listing organised crime groups.
public struct OCGService: RecordService {
    public static let kind = "ocg"
    let store: any OCGServiceStore
    let clock: any LiaisonClock
    let auditor: Auditor

    public init(store: any OCGServiceStore, clock: any LiaisonClock, audit: AuditLog) {
        self.store = store
        self.clock = clock
        self.auditor = Auditor(log: audit)
    }

    public func create(_ input: OCGInput, by user: User, request: RequestInfo = .none) async throws -> OCG {
        try await auditor.run(user, "ocg.create", kind: Self.kind, request: request, touched: { [$0.id.rawValue] }) {
            let reference = ReferenceData(entries: try await store.referenceEntries())
            var details = try input.details.validated(reference: reference)
            try await RecordEditing.checkAccessFields(input, store: store)
            let members = try await validatedMembers(input.members ?? [], reference: reference, user: user)
            details.leadHistory = try await Self.leadHistory(
                [], appointing: details.leadOfficer, store: store, by: user, at: clock.now())
            details.statusHistory = [StatusChange(status: details.status, from: clock.now(), by: user.username)]
            let ocg = OCG(
                meta: try RecordEditing.newMeta(input, by: user, at: clock.now()), details: details, members: members)
            try await store.insertOCGs([(ocg, SearchKeys.ocg(details))])
            return ocg
        }
    }

    public func update(_ id: OCGID, _ input: OCGInput, by user: User, request: RequestInfo = .none) async throws -> OCG
    {
        try await auditor.run(user, "ocg.update", kind: Self.kind, ids: [id.rawValue], request: request) {
            var (ocg, _) = try RecordEditing.read(
                try await store.ocg(id), meta: \.meta, by: user, kind: Self.kind, id: id.rawValue)
            try await RecordEditing.checkAccessFields(input, store: store)
            let (meta, expected) = try RecordEditing.editedMeta(
                ocg.meta, input, by: user, at: clock.now(), kind: Self.kind, id: id.rawValue)
            let reference = ReferenceData(entries: try await store.referenceEntries())
            let history = ocg.details.leadHistory ?? []
            let previousLead = ocg.details.leadOfficer
            let previousStatus = ocg.details.status
            var statuses = ocg.details.statusHistory ?? []
            ocg.details = try input.details.validated(reference: reference)
            ocg.details.leadHistory =
                ocg.details.leadOfficer == previousLead
                ? (history.isEmpty ? nil : history)
                : try await Self.leadHistory(
                    history, appointing: ocg.details.leadOfficer, store: store, by: user, at: clock.now())
            if ocg.details.status != previousStatus || statuses.isEmpty {
                statuses.append(StatusChange(status: ocg.details.status, from: clock.now(), by: user.username))
            }
            ocg.details.statusHistory = statuses
            if let members = input.members {
                // The user edits the members they can see; those they cannot see stay as they were.
                let readable = try await References(store: store).subjects(
                    ocg.members.map(\.subjectID), readableBy: user)
                let unseen = ocg.members.filter { readable[$0.subjectID] == nil }
                let edited = try await validatedMembers(members, reference: reference, user: user)
                ocg.members = edited + unseen.filter { u in !edited.contains { $0.subjectID == u.subjectID } }
            }
            ocg.meta = meta
            try await store.updateOCG(ocg, keys: SearchKeys.ocg(ocg.details), expectedVersion: expected)
            return try await References(store: store).shown(ocg, to: user)
        }
    }

    /// A group as the user may see it: its members only those whose subjects the user may read.
    public func get(_ id: OCGID, by user: User, request: RequestInfo = .none) async throws -> OCG {
        try await auditor.run(user, "ocg.read", kind: Self.kind, ids: [id.rawValue], request: request) {
            try await References(store: store).shown(
                try RecordEditing.read(
                    try await store.ocg(id), meta: \.meta, by: user, kind: Self.kind, id: id.rawValue
                ).0, to: user)
        }
    }

    public func list(_ query: OCGQuery, by user: User, request: RequestInfo = .none) async throws -> Page<OCG> {
        try await auditor.run(
            user, "ocg.list", kind: Self.kind, request: request, detail: Self.describe(query),
            touched: { $0.items.map(\.id.rawValue) }
        ) {
            var query = query
            query.viewer = Viewer(user)
            let found = try await store.ocgs(matching: query)
            let readable = found.items.filter { AccessPolicy.decide(user, .read, $0.meta).allowed }
            return Page(
                items: try await References(store: store).shown(readable, to: user), nextCursor: found.nextCursor)
        }
    }

    /// The active groups the user may change, by name: those a person can be added to.
    public func joinable(by user: User, request: RequestInfo = .none) async throws -> [OCG] {
        try await list(
            OCGQuery(status: "active", viewer: Viewer(user), page: PageRequest(limit: PageRequest.maximumLimit)),
            by: user, request: request
        ).items.filter { AccessPolicy.decide(user, .update, $0.meta).allowed }
    }

    /// Adds the subject to the group in `role`, from today, keeping every other member: an edit of the group, by
    /// the same rules and in the same audit trail as any other.
    public func addMember(
        _ id: OCGID, subject: SubjectID, role: String, by user: User, request: RequestInfo = .none
    ) async throws -> OCG {
        let group = try await get(id, by: user, request: request)
        if group.members.contains(where: { $0.subjectID == subject && $0.to == nil }) {
            throw LiaisonError.invalid("group", "already has this person as a member")
        }
        let member = OCGMember(subjectID: subject, role: role, from: DateFormats.day(clock.now()))
        return try await update(
            id, OCGInput(details: group.details, members: group.members + [member], version: group.meta.version),
            by: user, request: request)
    }

    /// The subjects of the group's members that the user may read, by ID.
    public func memberSubjects(_ group: OCG, by user: User) async throws -> [SubjectID: Subject] {
        try await memberSubjects(group.members.map(\.subjectID), by: user)
    }

    /// The subjects among `ids` that the user may read, by ID.
    public func memberSubjects(_ ids: [SubjectID], by user: User) async throws -> [SubjectID: Subject] {
        try await References(store: store).subjects(ids, readableBy: user)
    }

    /// The Lead Responsible Officer history after appointing `officer` (nil: none): the current appointment ends, a new one starts.
    static func leadHistory(
        _ history: [LeadAppointment], appointing officer: UserID?, store: any OCGServiceStore, by user: User,
        at time: Date
    ) async throws -> [LeadAppointment]? {
        var next = history
        if let open = next.lastIndex(where: { $0.to == nil }) { next[open].to = time }
        if let officer {
            guard let account = try await store.user(officer), account.active else {
                throw LiaisonError.invalid("details.leadOfficer", "is not an active user")
            }
            next.append(
                LeadAppointment(
                    officer: account.id, username: account.username, agencyID: account.agencyID, from: time,
                    appointedBy: user.username))
        }
        return next.isEmpty ? nil : next
    }

    /// Appoints a Lead Responsible Officer (by username; empty to stand the current one down), keeping the history;
    /// `version` is the group version the user saw.
    public func appointLead(_ id: OCGID, username: String?, version: Int?, by user: User, request: RequestInfo = .none)
        async throws -> OCG
    {
        try await auditor.run(user, "ocg.lead", kind: Self.kind, ids: [id.rawValue], request: request, detail: username)
        {
            var (ocg, _) = try RecordEditing.read(
                try await store.ocg(id), meta: \.meta, by: user, kind: Self.kind, id: id.rawValue)
            try AccessPolicy.enforce(user, .update, ocg.meta, kind: Self.kind, id: id.rawValue)
            let version = try RecordEditing.checkVersion(
                version, of: ocg.meta, kind: Self.kind, id: id.rawValue, sentAs: "the version of the group you saw")
            var officer: UserID?
            if let username = username?.trimmingCharacters(in: .whitespaces), !username.isEmpty {
                guard let account = try await store.credentials(username: username)?.user, account.active else {
                    throw LiaisonError.invalid("lead", "is not an active user")
                }
                officer = account.id
            }
            if officer == ocg.details.leadOfficer {
                throw LiaisonError.invalid("lead", "is already the group's Lead Responsible Officer")
            }
            let now = clock.now()
            ocg.details.leadHistory = try await Self.leadHistory(
                ocg.details.leadHistory ?? [], appointing: officer, store: store, by: user, at: now)
            ocg.details.leadOfficer = officer
            ocg.meta = ocg.meta.touched(by: user.id, at: now)
            try await store.updateOCG(ocg, keys: SearchKeys.ocg(ocg.details), expectedVersion: version)
            return try await References(store: store).shown(ocg, to: user)
        }
    }

    /// Scores the group's threat against the matrix, keeping the assessment (who, when, why, ratings) and setting the
    /// group's score and band; `version` is the group version the assessor saw.
    public func assess(
        _ id: OCGID, _ input: AssessmentInput, by user: User,
        request: RequestInfo = .none
    ) async throws -> (OCG, Assessment) {
        try await auditor.run(user, "ocg.assess", kind: Self.kind, ids: [id.rawValue], request: request) {
            var (ocg, _) = try RecordEditing.read(
                try await store.ocg(id), meta: \.meta, by: user, kind: Self.kind, id: id.rawValue)
            try AccessPolicy.enforce(user, .update, ocg.meta, kind: Self.kind, id: id.rawValue)
            let version = try RecordEditing.checkVersion(
                input.version, of: ocg.meta, kind: Self.kind, id: id.rawValue,
                sentAs: "the version of the group you assessed")
            let now = clock.now()
            let matrix = try await ScoringService.inForce(Self.kind, store: store, at: now)
            let assessment = try Assessment.make(
                kind: Self.kind, recordID: id.rawValue, ratings: input.ratings ?? [:], rationale: input.rationale ?? "",
                matrix: matrix, by: user, at: now)
            ocg.details.threatScore = assessment.score
            ocg.details.band = assessment.band
            ocg.meta = ocg.meta.touched(by: user.id, at: now)
            try await store.updateOCG(
                ocg, keys: SearchKeys.ocg(ocg.details), expectedVersion: version, assessment: assessment)
            return (ocg, assessment)
        }
    }

    /// The groups the user may see whose reassessment is overdue, most overdue first, with their latest assessment.
    public func reassessmentsDue(by user: User, limit: Int = 200, request: RequestInfo = .none) async throws -> [(
        OCG, Assessment
    )] {
        try await auditor.run(
            user, "ocg.reassessments-due", kind: Self.kind, request: request, touched: { $0.map(\.0.id.rawValue) }
        ) {
            var due: [(OCG, Assessment)] = []
            for assessment in try await store.assessmentsDue(kind: Self.kind, before: clock.now(), limit: 2_000)
            where due.count < limit {
                if let ocg = try await store.ocg(OCGID(assessment.recordID)),
                    AccessPolicy.decide(user, .read, ocg.meta).allowed
                {
                    due.append((ocg, assessment))
                }
            }
            return due
        }
    }

    /// Every assessment of a group the user may see, newest first: the score's history.
    public func assessments(_ id: OCGID, by user: User, request: RequestInfo = .none) async throws -> [Assessment] {
        try await auditor.run(user, "ocg.assessments", kind: Self.kind, ids: [id.rawValue], request: request) {
            _ = try RecordEditing.read(
                try await store.ocg(id), meta: \.meta, by: user, kind: Self.kind, id: id.rawValue)
            return try await store.assessments(record: id.rawValue)
        }
    }

    /// The groups a subject belongs to that the user may see.
    public func groups(of subject: SubjectID, by user: User, request: RequestInfo = .none) async throws -> [OCG] {
        try await auditor.run(
            user, "ocg.list", kind: Self.kind, request: request, detail: "member: \(subject)",
            touched: { $0.map(\.id.rawValue) }
        ) {
            try await References(store: store).shown(
                try await store.ocgs(withMember: subject).filter { AccessPolicy.decide(user, .read, $0.meta).allowed },
                to: user)
        }
    }

    static func describe(_ query: OCGQuery) -> String? {
        let parts = [
            ("q", query.nameTokens.isEmpty ? nil : query.nameTokens.joined(separator: " ")), ("status", query.status),
            ("market", query.market), ("area", query.area), ("band", query.band),
        ]
        .compactMap { name, value in value.map { "\(name)=\($0)" } }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    private func validatedMembers(_ members: [OCGMember], reference: ReferenceData, user: User) async throws
        -> [OCGMember]
    {
        var v = Validator()
        v.count(members, "members", max: 500)
        var seen = Set<SubjectID>()
        for (index, member) in members.enumerated() {
            v.code(member.role, "members[\(index)].role", in: "ocg-role", reference: reference, required: true)
            if !seen.insert(member.subjectID).inserted { v.fail("members[\(index)].subjectID", "is listed twice") }
            for (value, name) in [(member.from, "from"), (member.to, "to")] {
                if let value { v.partialDate(value, "members[\(index)].\(name)", today: clock.now()) }
            }
        }
        let found = try await store.subjects(ids: Array(seen))
        let visible = Set(found.filter { AccessPolicy.decide(user, .read, $0.meta).allowed }.map(\.id))
        for (index, member) in members.enumerated() where !visible.contains(member.subjectID) {
            v.fail("members[\(index)].subjectID", "no such subject")
        }
        try v.check()
        return members
    }
}
