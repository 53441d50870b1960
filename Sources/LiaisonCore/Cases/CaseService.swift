import Foundation

/// What the Case service reads and writes: only these stores.
public typealias CaseServiceStore = CaseStore & ObligationStore & AgencyStore & UserStore & ReferenceStore
    & RecordLookupStore

/// Deportation cases: opened for a subject the user may see, read and listed through the access policy, and moved
/// on only through `CaseWorkflow` (milestones, barriers), each step checked against the case version the user saw
/// and recorded in the audit chain.
public struct CaseService: Sendable {
    public static let kind = "case"
    let store: any CaseServiceStore
    let clock: any LiaisonClock
    let auditor: Auditor
    public var rules: CaseRules
    public var obligationRules: ObligationRules

    public init(
        store: any CaseServiceStore, clock: any LiaisonClock, audit: AuditLog, rules: CaseRules = .standard,
        obligationRules: ObligationRules = .standard
    ) {
        self.store = store
        self.clock = clock
        auditor = Auditor(log: audit)
        self.rules = rules
        self.obligationRules = obligationRules
    }

    /// Opens a case for a subject; the Home Office reference is one letter and 5–9 digits (e.g. B1234567).
    public func create(_ input: CaseInput, by user: User, request: RequestInfo = .none) async throws -> DeportationCase
    {
        try await auditor.run(
            user, "case.create", kind: Self.kind, ids: [input.subjectID.rawValue], request: request,
            touched: { [$0.id.rawValue] }
        ) {
            try AccessPolicy.enforceCreate(user)
            var v = Validator()
            let reference = input.homeOfficeReference.trimmingCharacters(in: .whitespaces).uppercased()
            if reference.range(of: #"^[A-Z][0-9]{5,9}$"#, options: .regularExpression) == nil {
                v.fail("homeOfficeReference", "must be a letter and 5 to 9 digits, e.g. B1234567")
            }
            if let owner = input.owner, try await store.credentials(username: owner) == nil {
                v.fail("owner", "is not a user")
            }
            let team = try await casework(team: input.fileLocation, into: &v)
            try v.check()
            try await RecordEditing.checkAccessFields(input, store: store)
            guard let subject = try await store.subject(input.subjectID),
                AccessPolicy.decide(user, .read, subject.meta, kind: SubjectService.kind).allowed
            else {
                throw LiaisonError.invalid("subjectID", "is not a subject you may see")
            }
            let meta = try RecordEditing.derivedMeta(
                input, from: subject.meta, defaultSharing: .ownerOnly, by: user, at: clock.now())
            let deportationCase = DeportationCase(
                meta: meta, subjectID: subject.id, homeOfficeReference: reference, owner: input.owner,
                fileLocation: team, rulesVersion: rules.version)
            try await store.insertCase(deportationCase)
            // Interest already registered in the person applies to their new case.
            let interests = try await store.subjectInterests(subject: subject.id)
            if !interests.isEmpty {
                try await apply(interests, to: deportationCase, by: user, at: clock.now())
                return try await shown(try await store.deportationCase(deportationCase.id) ?? deportationCase, to: user)
            }
            return try await shown(deportationCase, to: user)
        }
    }

    /// The casework team holding a Home Office file, as its code in the "casework-team" reference list; given as the
    /// code or the team's name. Nothing given means the workflow team holds the file.
    func casework(team raw: String?, into v: inout Validator) async throws -> String? {
        let given = raw?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if given.isEmpty { return nil }
        let teams = ReferenceData(entries: try await store.referenceEntries()).list(Self.teamList)
        if let team = teams.first(where: {
            $0.code == given.lowercased() || $0.label.lowercased() == given.lowercased()
        }) {
            return team.code
        }
        v.fail("fileLocation", "is not a casework team; choose one of: \(teams.map(\.code).joined(separator: ", "))")
        return nil
    }

    /// The reference list of casework teams, and the team that attaches minute sheets itself.
    public static let teamList = "casework-team"
    public static let workflowTeam = "workflow"

    /// A case as the user may see it: the subject named if the user may read the subject, withheld if not.
    func shown(_ c: DeportationCase, to user: User) async throws -> DeportationCase {
        try await References(store: store).shown([c], to: user)[0]
    }

    public func get(_ id: CaseID, by user: User, request: RequestInfo = .none) async throws -> DeportationCase {
        try await auditor.run(user, "case.read", kind: Self.kind, ids: [id.rawValue], request: request) {
            try await shown(
                try RecordEditing.read(
                    try await store.deportationCase(id), meta: \.meta, by: user, kind: Self.kind, id: id.rawValue
                ).0,
                to: user)
        }
    }

    /// The cases the user may see, most recently changed first, each as `shown(_:to:)` gives it.
    public func list(by user: User, limit: Int = 100, request: RequestInfo = .none) async throws -> [DeportationCase] {
        try await page(CaseQuery(limit: limit), by: user, request: request).items
    }

    /// One page of the cases the user may see, most recently changed first; or the case with a Home Office reference.
    public func page(_ query: CaseQuery, by user: User, request: RequestInfo = .none) async throws -> Page<
        DeportationCase
    > {
        try await auditor.run(
            user, "case.list", kind: Self.kind, request: request, detail: query.reference.map { "reference: \($0)" },
            touched: { $0.items.map(\.id.rawValue) }
        ) {
            var v = Validator()
            if !(1...200).contains(query.limit) { v.fail("limit", "must be from 1 to 200") }
            let offset = query.cursor.map { Int($0) ?? -1 } ?? 0
            if offset < 0 { v.fail("cursor", "is not a cursor this list gave") }
            let reference = query.reference?.trimmingCharacters(in: .whitespaces).uppercased()
            if let reference, reference.range(of: #"^[A-Z][0-9]{5,9}$"#, options: .regularExpression) == nil {
                v.fail("reference", "must be a letter and 5 to 9 digits, e.g. B1234567")
            }
            if let stage = query.stage, stage != "new", CaseMilestone(rawValue: stage) == nil {
                v.fail(
                    "stage",
                    "is not a stage; stages are new, " + CaseMilestone.allCases.map(\.rawValue).joined(separator: ", "))
            }
            try v.check()
            let found: [DeportationCase]
            if let reference {
                found = [try await store.deportationCase(reference: reference)].compactMap { $0 }
            } else {
                found = try await store.deportationCases(limit: 10_000)
            }
            let readable = found.filter {
                AccessPolicy.decide(user, .read, $0.meta, kind: Self.kind).allowed
                    && query.includes($0, username: user.username)
            }
            let slice = Array(readable.dropFirst(offset).prefix(query.limit))
            let next = offset + slice.count < readable.count ? String(offset + slice.count) : nil
            return Page(items: try await References(store: store).shown(slice, to: user), nextCursor: next)
        }
    }

    /// How many cases the user may see: all, their own, unallocated, and at each stage.
    public func counts(by user: User, request: RequestInfo = .none) async throws -> CaseCounts {
        try await auditor.run(user, "case.count", kind: Self.kind, request: request) {
            var counts = CaseCounts()
            for c in try await store.deportationCases(limit: 10_000)
            where AccessPolicy.decide(user, .read, c.meta, kind: Self.kind).allowed {
                counts.all += 1
                if c.owner == user.username { counts.mine += 1 }
                if c.owner == nil { counts.unallocated += 1 }
                counts.stages[c.progress.stage?.rawValue ?? "new", default: 0] += 1
            }
            return counts
        }
    }

    /// Refuses (as missing, or forbidden) a user who may not change the case, before anything they sent is read.
    /// The active case owners and senior caseworkers a case may be allocated to, by name.
    public func allocatable() async throws -> [User] {
        try await store.users().filter { $0.active && ($0.has(.caseOwner) || $0.has(.seniorCaseworker)) }
            .sorted { $0.displayName < $1.displayName }
    }

    public func checkChange(_ id: CaseID, by user: User) async throws {
        let (found, _) = try RecordEditing.read(
            try await store.deportationCase(id), meta: \.meta, by: user, kind: Self.kind, id: id.rawValue)
        try AccessPolicy.enforce(user, .update, found.meta, kind: Self.kind, id: id.rawValue)
    }

    /// Records a milestone, or opens or resolves a barrier, as the step says.
    public func step(_ id: CaseID, _ input: CaseStepInput, by user: User, request: RequestInfo = .none) async throws
        -> DeportationCase
    {
        let action =
            input.milestone != nil
            ? "case.milestone"
            : input.barrierID != nil
                ? "case.barrier-resolve"
                : input.allocateTo != nil
                    ? "case.allocate"
                    : input.consult == true
                        ? "case.consult"
                        : input.minuteSheet != nil
                            ? "case.minute-sheet" : input.fileLocation != nil ? "case.file-moved" : "case.barrier-open"
        return try await auditor.run(
            user, action, kind: Self.kind, ids: [id.rawValue], request: request,
            detail: input.milestone ?? input.barrier ?? input.barrierID.map { "barrier \($0)" }
        ) {
            var (current, _) = try RecordEditing.read(
                try await store.deportationCase(id), meta: \.meta, by: user, kind: Self.kind, id: id.rawValue)
            try AccessPolicy.enforce(user, .update, current.meta, kind: Self.kind, id: id.rawValue)
            try RecordEditing.checkVersion(
                input.version, of: current.meta, kind: Self.kind, id: id.rawValue,
                sentAs: "the version of the case you decided on")
            let now = clock.now()
            let before = current.progress.events.count
            if let raw = input.milestone {
                guard let milestone = CaseMilestone(rawValue: raw) else {
                    throw LiaisonError.invalid(
                        "milestone", "must be one of " + CaseMilestone.allCases.map(\.rawValue).joined(separator: ", "))
                }
                var consulted: [String: String] = [:]
                if milestone == .decisionNotToDeport && !current.activeInterests.isEmpty {
                    let consultation = ObligationEngine.consultation(
                        of: current, obligations: try await store.obligations(ObligationQuery(caseID: id)), at: now)
                    guard consultation.ready else {
                        throw LiaisonError.conflict(
                            field: "consultation",
                            reason:
                                "a decision not to deport cannot be finalised until every interested agency has answered or its consultation deadline has passed; awaiting "
                                + consultation.awaiting.joined(separator: ", "))
                    }
                    consulted = consultation.record
                }
                if milestone == .bailGranted {
                    let conditions = input.bailConditions?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
                    if conditions.isEmpty || conditions.count > 2_000 {
                        throw LiaisonError.invalid(
                            "bailConditions", "must list the bail conditions and restrictions (at most 2000 characters)"
                        )
                    }
                    consulted["conditions"] = conditions
                }
                current.progress = try CaseWorkflow.record(
                    milestone, on: current.progress, at: now, by: user, reason: input.reason ?? "",
                    removal: input.removal, override: input.override, recording: consulted, rules: rules)
            } else if let barrierID = input.barrierID {
                current.progress = try CaseWorkflow.resolveBarrier(
                    barrierID, on: current.progress, at: now, by: user, resolution: input.note ?? "")
            } else if let raw = input.barrier {
                guard let kind = BarrierKind(rawValue: raw) else {
                    throw LiaisonError.invalid(
                        "barrier", "must be one of " + BarrierKind.allCases.map(\.rawValue).joined(separator: ", "))
                }
                current.progress = try CaseWorkflow.openBarrier(
                    kind, on: current.progress, at: now, by: user, note: input.note ?? "")
            } else if let owner = input.allocateTo {
                // Allocation: the case leaves the workflow team for a case owner (or moves between owners).
                guard let account = try await store.credentials(username: owner)?.user, account.active,
                    account.has(.caseOwner) || account.has(.seniorCaseworker)
                else {
                    throw LiaisonError.invalid("allocateTo", "is not an active case owner or senior caseworker")
                }
                if current.progress.stage == .closed { throw LiaisonError.invalid("allocateTo", "the case is closed") }
                var details = ["owner": owner]
                details["previous"] = current.owner
                current.progress.events.append(
                    CaseEvent(
                        kind: "allocated", at: now, by: user.username, reason: input.note ?? "allocated",
                        details: details))
                current.owner = owner
            } else if input.consult == true {
                if current.activeInterests.isEmpty {
                    throw LiaisonError.invalid("consult", "no agency has registered interest in this case")
                }
                if current.progress.stage == .closed || current.progress.stage == .removed {
                    throw LiaisonError.invalid("consult", "the case has ended")
                }
                current.progress.events.append(
                    CaseEvent(
                        kind: "consultation-requested", at: now, by: user.username,
                        reason: input.note ?? "a decision not to deport is being considered"))
            } else if let sheet = input.minuteSheet {
                let reference = ReferenceData(entries: try await store.referenceEntries())
                current = try Self.minuteSheet(
                    sheet, on: current, at: now, by: user, note: input.note,
                    teamName: { reference.label($0, in: Self.teamList) })
            } else if input.fileLocation != nil {
                var v = Validator()
                let team = try await casework(team: input.fileLocation, into: &v)
                try v.check()
                guard let location = team else {
                    throw LiaisonError.invalid("fileLocation", "name the casework team the file has moved to")
                }
                if location == current.fileLocation {
                    throw LiaisonError.invalid("fileLocation", "the file is already with that team")
                }
                var details = ["to": location]
                details["from"] = current.fileLocation
                current.progress.events.append(
                    CaseEvent(
                        kind: "file-moved", at: now, by: user.username,
                        reason: input.note ?? "the Home Office file moved",
                        details: details))
                current.fileLocation = location
            } else {
                throw LiaisonError.invalid(
                    "milestone",
                    "give a milestone, a barrier to open, a barrierID to resolve, a case owner to allocate to, consult, a minute sheet step, or the file's new location"
                )
            }
            // New removal directions replace the old: notices of the earlier removal still open are superseded.
            var superseded: [Obligation] = []
            if input.milestone == CaseMilestone.removalDirectionsSet.rawValue {
                superseded = try await store.obligations(ObligationQuery(caseID: id, openOnly: true)).filter {
                    $0.event == "removal-details"
                }
                for n in superseded.indices { superseded[n].status = .superseded }
            }
            let expected = current.meta.version
            current.meta = current.meta.touched(by: user.id, at: now)
            var work = try await work(
                current, expectedVersion: expected, events: Array(current.progress.events[before...]), at: now)
            work.changedObligations += superseded
            try await store.commitCaseWork(work)
            return try await shown(current, to: user)
        }
    }

    /// Minute sheet ICD.4353: attached by the workflow team when it holds the file, otherwise requested from the team
    /// holding it; `confirm` records that team's confirmation.
    static func minuteSheet(
        _ step: String, on c: DeportationCase, at time: Date, by user: User, note: String?,
        teamName: (String) -> String
    ) throws -> DeportationCase {
        var next = c
        switch step {
        case "attach":
            if c.minuteSheet != nil {
                throw LiaisonError.conflict(
                    field: "minuteSheet", reason: "the minute sheet is already \(c.minuteSheet!.state.rawValue)")
            }
            let holder = c.fileLocation ?? workflowTeam
            if holder == workflowTeam {
                next.minuteSheet = MinuteSheet(state: .attached, attachedAt: time, by: user.username)
                next.progress.events.append(
                    CaseEvent(
                        kind: "minute-sheet-attached", at: time, by: user.username,
                        reason: note ?? "ICD.4353 attached to the Home Office file"))
            } else {
                next.minuteSheet = MinuteSheet(
                    state: .requested, requestedFrom: teamName(holder), requestedAt: time, by: user.username)
                next.progress.events.append(
                    CaseEvent(
                        kind: "minute-sheet-requested", at: time, by: user.username,
                        reason: note ?? "the Home Office file is held elsewhere", details: ["team": holder]))
            }
        case "confirm":
            guard var sheet = c.minuteSheet, sheet.state == .requested else {
                throw LiaisonError.invalid("minuteSheet", "no minute sheet request is waiting for confirmation")
            }
            sheet.state = .attached
            sheet.attachedAt = time
            next.minuteSheet = sheet
            next.progress.events.append(
                CaseEvent(
                    kind: "minute-sheet-attached", at: time, by: user.username,
                    reason: note ?? "confirmed by \(sheet.requestedFrom ?? "the team holding the file")"))
        default:
            throw LiaisonError.invalid("minuteSheet", "must be attach or confirm")
        }
        return next
    }

    /// Registers a partner agency's interest in a case. A user who may change the case records it for any agency
    /// (from an email); a partner who may see the case registers its own agency's interest. The interested agency
    /// is given sight of the case; confiscation proceedings open a confiscation barrier. Interest is an addition to
    /// the case, not an edit of what the caller saw: no version is needed, and a step recorded meanwhile does not
    /// refuse it (the interest is added to the case as it now stands).
    public func registerInterest(_ id: CaseID, _ input: InterestInput, by user: User, request: RequestInfo = .none)
        async throws -> DeportationCase
    {
        try await auditor.run(
            user, "case.interest", kind: Self.kind, ids: [id.rawValue], request: request, detail: input.agencyCode
        ) {
            var current = try await checkInterest(id, by: user)
            let mayChange = AccessPolicy.decide(user, .update, current.meta, kind: Self.kind).allowed
            let terms = try await interestTerms(input, by: user)
            if terms.agency.id != user.agencyID && !mayChange {
                throw PolicyRefusal.roles("only the case's own caseworkers may record another agency's interest")
            }
            for attempt in 1...3 {
                if current.activeInterests.contains(where: { $0.agencyID == terms.agency.id }) {
                    throw LiaisonError.conflict(
                        field: "agencyCode", reason: "\(terms.agency.code) has already registered interest in this case"
                    )
                }
                if current.progress.stage == .closed { throw LiaisonError.invalid("agencyCode", "the case is closed") }
                let now = clock.now()
                let before = current.progress.events.count
                var next = try Self.add(terms, to: current, at: now, by: user)
                next.meta = next.meta.touched(by: user.id, at: now)
                do {
                    try await store.commitCaseWork(
                        try await work(
                            next, expectedVersion: current.meta.version,
                            events: Array(next.progress.events[before...]), at: now))
                    return try await shown(next, to: user)
                } catch LiaisonError.staleVersion where attempt < 3 {
                    current = try await checkInterest(id, by: user)
                }
            }
            throw LiaisonError.conflict(field: "case", reason: "the case kept changing; try again")
        }
    }

    /// Registers a partner agency's interest in a person: it applies to every open case for the subject now, and to
    /// any case opened for them later. The user must see the subject; recording another agency's interest needs a
    /// casework role.
    public func registerSubjectInterest(
        _ subjectID: SubjectID, _ input: InterestInput, by user: User, request: RequestInfo = .none
    ) async throws -> SubjectInterest {
        try await auditor.run(
            user, "subject.interest", kind: SubjectService.kind, ids: [subjectID.rawValue], request: request,
            detail: input.agencyCode
        ) {
            try await checkSubjectInterest(subjectID, by: user)
            let terms = try await interestTerms(input, by: user)
            if terms.agency.id != user.agencyID && Set(user.roles).isDisjoint(with: ObligationService.caseworkRoles) {
                throw PolicyRefusal.roles("only caseworkers may record another agency's interest")
            }
            let now = clock.now()
            let interest = SubjectInterest(
                subjectID: subjectID, agencyID: terms.agency.id, agencyCode: terms.agency.code, reason: terms.reason,
                confiscation: terms.confiscation, contact: terms.contact,
                via: terms.agency.id == user.agencyID ? .api : .email,
                registeredAt: now, registeredBy: user.username)
            try await store.insertSubjectInterest(interest)
            for c in try await store.deportationCases(subject: subjectID) {
                try await apply([interest], to: c, by: user, at: now)
            }
            return interest
        }
    }

    /// Refuses (as missing, or forbidden) a user who may not see the subject or holds no role that registers interest.
    public func checkSubjectInterest(_ subjectID: SubjectID, by user: User) async throws {
        guard let subject = try await store.subject(subjectID),
            AccessPolicy.decide(user, .read, subject.meta, kind: SubjectService.kind).allowed
        else {
            throw LiaisonError.notFound(kind: SubjectService.kind, id: subjectID.rawValue)
        }
        if !user.active || Set(user.roles).isDisjoint(with: Self.interestRoles.union(ObligationService.caseworkRoles)) {
            throw PolicyRefusal.roles(
                "registering interest needs a partner officer, intelligence officer, financial investigator or casework role"
            )
        }
    }

    /// Agencies' interest in a person, for those who may see the subject.
    public func subjectInterests(_ subjectID: SubjectID, by user: User, request: RequestInfo = .none) async throws
        -> [SubjectInterest]
    {
        try await auditor.run(
            user, "subject.interests", kind: SubjectService.kind, ids: [subjectID.rawValue], request: request
        ) {
            guard let subject = try await store.subject(subjectID),
                AccessPolicy.decide(user, .read, subject.meta, kind: SubjectService.kind).allowed
            else {
                throw LiaisonError.notFound(kind: SubjectService.kind, id: subjectID.rawValue)
            }
            return try await store.subjectInterests(subject: subjectID)
        }
    }

    /// A confiscation order against a person: the holding agency's interest in them, with the order as its
    /// confiscation proceedings, so each of their cases (open now or later) carries the barrier and the agency is
    /// told of every step. An agency already interested in the person keeps its registration.
    func noteConfiscation(_ order: AssetOrder, subject: SubjectID, by user: User, at now: Date) async throws {
        guard let agency = try await store.agency(order.meta.owningAgencyID),
            try await !store.subjectInterests(subject: subject).contains(where: { $0.agencyID == agency.id })
        else { return }
        let interest = SubjectInterest(
            subjectID: subject, agencyID: agency.id, agencyCode: agency.code,
            reason: "Confiscation order of £\(String(format: "%.2f", order.amount)) to be satisfied",
            confiscation:
                "Confiscation order \(order.reference.isEmpty ? "" : order.reference + " ")at \(order.court), made \(DateFormats.words(order.madeOn))",
            contact: user.email, via: .api, registeredAt: now, registeredBy: user.username)
        try await store.insertSubjectInterest(interest)
        for c in try await store.deportationCases(subject: subject) {
            try await apply([interest], to: c, by: user, at: now)
        }
    }

    /// Applies a person's registered interests to one of their cases (as Liaison, on the registering user's behalf):
    /// those the case does not have yet, unless it has ended. A concurrent change to the case is retried once.
    func apply(_ interests: [SubjectInterest], to found: DeportationCase, by user: User, at now: Date) async throws {
        var c = found
        for attempt in 1...2 {
            let missing = interests.filter { i in !c.activeInterests.contains { $0.agencyID == i.agencyID } }
            if missing.isEmpty || c.progress.stage == .closed || c.progress.stage == .removed { return }
            let before = c.progress.events.count
            var next = c
            for interest in missing {
                guard let agency = try await store.agency(interest.agencyID) else { continue }
                next = try Self.add(
                    InterestTerms(
                        agency: agency, reason: interest.reason, confiscation: interest.confiscation,
                        contact: interest.contact),
                    to: next, at: now, by: user, via: interest.via)
            }
            next.meta = next.meta.touched(by: user.id, at: now)
            do {
                try await store.commitCaseWork(
                    try await work(
                        next, expectedVersion: c.meta.version, events: Array(next.progress.events[before...]), at: now))
                return
            } catch LiaisonError.staleVersion where attempt == 1 {
                guard let reloaded = try await store.deportationCase(c.id) else { return }
                c = reloaded
            }
        }
    }

    /// An interest's checked terms: the agency (the user's own unless named), why, any confiscation proceedings, the contact.
    struct InterestTerms {
        var agency: Agency
        var reason: String
        var confiscation: String?
        var contact: String
    }

    func interestTerms(_ input: InterestInput, by user: User) async throws -> InterestTerms {
        var v = Validator()
        let reason = input.reason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let contact = input.contact?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if reason.isEmpty { v.fail("reason", "must say why the agency is interested") }
        if contact.isEmpty { v.fail("contact", "must give the agency's contact point") }
        if reason.count > 2_000 { v.fail("reason", "must be at most 2000 characters") }
        if contact.count > 500 { v.fail("contact", "must be at most 500 characters") }
        var agency = try await store.agency(user.agencyID)
        if let code = input.agencyCode, !code.isEmpty {
            agency = try await store.agency(code: code.uppercased())
            if agency == nil { v.fail("agencyCode", "is not a known agency") }
        }
        try v.check()
        guard let agency else { throw LiaisonError.invalid("agencyCode", "is not a known agency") }
        let confiscation = input.confiscation?.trimmingCharacters(in: .whitespacesAndNewlines)
        return InterestTerms(
            agency: agency, reason: reason, confiscation: confiscation?.isEmpty == false ? confiscation : nil,
            contact: contact)
    }

    /// The case with an agency's interest added: the special condition, its event, a confiscation barrier for
    /// confiscation proceedings, and sight of the case for the agency.
    static func add(
        _ terms: InterestTerms, to c: DeportationCase, at now: Date, by user: User,
        via: CaseInterest.Channel? = nil
    ) throws -> DeportationCase {
        var next = c
        next.interests.append(
            CaseInterest(
                id: (c.interests.map(\.id).max() ?? 0) + 1, agencyID: terms.agency.id, agencyCode: terms.agency.code,
                reason: terms.reason, confiscation: terms.confiscation, contact: terms.contact,
                via: via ?? (terms.agency.id == user.agencyID ? .api : .email), registeredAt: now,
                registeredBy: user.username))
        next.progress.events.append(
            CaseEvent(
                kind: "interest-registered", at: now, by: user.username, reason: terms.reason,
                details: ["agency": terms.agency.id.rawValue, "agencyCode": terms.agency.code]))
        if let confiscation = terms.confiscation,
            !next.progress.openBarriers.contains(where: { $0.kind == .confiscation }), next.progress.stage != .removed
        {
            next.progress = try CaseWorkflow.openBarrier(
                .confiscation, on: next.progress, at: now, by: user, note: "\(terms.agency.code): \(confiscation)")
        }
        if !next.meta.sharing.withAll && terms.agency.id != next.meta.owningAgencyID {
            next.meta.sharing = Sharing(withAll: false, agencies: next.meta.sharing.agencies + [terms.agency.id])
        }
        return next
    }

    /// The roles with which a partner registers its own agency's interest in a case it can see.
    public static let interestRoles: Set<Role> = [.partnerOfficer, .intelligenceOfficer, .financialInvestigator]

    /// Refuses (as missing, or forbidden) a user who may neither change the case nor register their own agency's
    /// interest in it, before anything they sent is read.
    @discardableResult
    public func checkInterest(_ id: CaseID, by user: User) async throws -> DeportationCase {
        let (found, _) = try RecordEditing.read(
            try await store.deportationCase(id), meta: \.meta, by: user, kind: Self.kind, id: id.rawValue)
        if !AccessPolicy.decide(user, .update, found.meta, kind: Self.kind).allowed
            && Set(user.roles).isDisjoint(with: Self.interestRoles)
        {
            throw PolicyRefusal.roles(
                "registering interest needs a partner officer, intelligence officer or financial investigator role, or the right to change the case"
            )
        }
        return found
    }

    /// The case saved with the obligations its new events give rise to, and the messages that carry them.
    func work(_ c: DeportationCase, expectedVersion: Int, events: [CaseEvent], at time: Date) async throws -> CaseWork {
        guard !c.activeInterests.isEmpty else { return CaseWork(updatedCase: c, expectedVersion: expectedVersion) }
        let subject = try await store.subject(c.subjectID)
        var ownerContact: String?
        if let owner = c.owner, let account = try await store.credentials(username: owner)?.user {
            ownerContact = [
                account.displayName, account.phone.isEmpty ? nil : "phone \(account.phone)", "email \(account.email)",
            ]
            .compactMap { $0 }.joined(separator: ", ")
        }
        let obligations = ObligationEngine.derive(
            events, on: c, subjectName: subject?.displayName ?? "(subject)", ownerContact: ownerContact,
            rules: obligationRules)
        var messages: [OutboxMessage] = []
        for obligation in obligations {
            messages += try OutboxMessage.messages(
                for: obligation, channels: try await store.deliveryChannels(obligation.agencyID), at: time)
        }
        return CaseWork(
            updatedCase: c, expectedVersion: expectedVersion, newObligations: obligations, messages: messages)
    }
}
