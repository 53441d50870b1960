import Foundation

/// Deportation cases: opened for a subject the user may see, read and listed through the access policy, and moved
/// on only through `CaseWorkflow` (milestones, barriers), each step checked against the case version the user saw
/// and recorded in the audit chain.
public struct CaseService: Sendable {
    public static let kind = "case"
    let store: any LiaisonStore
    let clock: any LiaisonClock
    let auditor: Auditor
    public var rules: CaseRules

    public init(store: any LiaisonStore, clock: any LiaisonClock, audit: AuditLog, rules: CaseRules = .standard) {
        self.store = store
        self.clock = clock
        auditor = Auditor(log: audit)
        self.rules = rules
    }

    /// Opens a case for a subject; the Home Office reference is one letter and 5–9 digits (e.g. B1234567).
    public func create(_ input: CaseInput, by user: User, request: RequestInfo = .none) async throws -> DeportationCase {
        try await auditor.run(user, "case.create", kind: Self.kind, ids: [input.subjectID.rawValue], request: request, touched: { [$0.id.rawValue] }) {
            try AccessPolicy.enforceCreate(user)
            var v = Validator()
            let reference = input.homeOfficeReference.trimmingCharacters(in: .whitespaces).uppercased()
            if reference.range(of: #"^[A-Z][0-9]{5,9}$"#, options: .regularExpression) == nil {
                v.fail("homeOfficeReference", "must be a letter and 5 to 9 digits, e.g. B1234567")
            }
            if let owner = input.owner, try await store.credentials(username: owner) == nil { v.fail("owner", "is not a user") }
            if let location = input.fileLocation, location.count > 200 { v.fail("fileLocation", "must be at most 200 characters") }
            try v.check()
            guard let subject = try await store.subject(input.subjectID),
                  AccessPolicy.decide(user, .read, subject.meta, kind: SubjectService.kind).allowed else {
                throw LiaisonError.invalid("subjectID", "is not a subject you may see")
            }
            let meta = try RecordEditing.newMeta(SubjectInput(details: subject.details, marking: input.marking), by: user, at: clock.now())
            let deportationCase = DeportationCase(meta: meta, subjectID: subject.id, homeOfficeReference: reference, owner: input.owner,
                                                  fileLocation: input.fileLocation, rulesVersion: rules.version)
            try await store.insertCase(deportationCase)
            return deportationCase
        }
    }

    public func get(_ id: CaseID, by user: User, request: RequestInfo = .none) async throws -> DeportationCase {
        try await auditor.run(user, "case.read", kind: Self.kind, ids: [id.rawValue], request: request) {
            try RecordEditing.read(try await store.deportationCase(id), meta: \.meta, by: user, kind: Self.kind, id: id.rawValue).0
        }
    }

    /// The cases the user may see, most recently changed first.
    public func list(by user: User, limit: Int = 100, request: RequestInfo = .none) async throws -> [DeportationCase] {
        try await auditor.run(user, "case.list", kind: Self.kind, request: request, touched: { $0.map(\.id.rawValue) }) {
            Array(try await store.deportationCases(limit: 1_000).filter { AccessPolicy.decide(user, .read, $0.meta, kind: Self.kind).allowed }.prefix(limit))
        }
    }

    /// Refuses (as missing, or forbidden) a user who may not change the case, before anything they sent is read.
    public func checkChange(_ id: CaseID, by user: User) async throws {
        let (found, _) = try RecordEditing.read(try await store.deportationCase(id), meta: \.meta, by: user, kind: Self.kind, id: id.rawValue)
        try AccessPolicy.enforce(user, .update, found.meta, kind: Self.kind, id: id.rawValue)
    }

    /// Records a milestone, or opens or resolves a barrier, as the step says.
    public func step(_ id: CaseID, _ input: CaseStepInput, by user: User, request: RequestInfo = .none) async throws -> DeportationCase {
        let action = input.milestone != nil ? "case.milestone" : input.barrierID != nil ? "case.barrier-resolve"
            : input.allocateTo != nil ? "case.allocate" : "case.barrier-open"
        return try await auditor.run(user, action, kind: Self.kind, ids: [id.rawValue], request: request,
                                     detail: input.milestone ?? input.barrier ?? input.barrierID.map { "barrier \($0)" }) {
            var (current, _) = try RecordEditing.read(try await store.deportationCase(id), meta: \.meta, by: user, kind: Self.kind, id: id.rawValue)
            try AccessPolicy.enforce(user, .update, current.meta, kind: Self.kind, id: id.rawValue)
            guard let version = input.version else { throw LiaisonError.invalid("version", "is required: send the version of the case you decided on") }
            if version != current.meta.version {
                throw LiaisonError.staleVersion(kind: Self.kind, id: id.rawValue, expected: version, current: current.meta.version)
            }
            let now = clock.now()
            if let raw = input.milestone {
                guard let milestone = CaseMilestone(rawValue: raw) else {
                    throw LiaisonError.invalid("milestone", "must be one of " + CaseMilestone.allCases.map(\.rawValue).joined(separator: ", "))
                }
                current.progress = try CaseWorkflow.record(milestone, on: current.progress, at: now, by: user, reason: input.reason ?? "",
                                                           removal: input.removal, override: input.override, rules: rules)
            } else if let barrierID = input.barrierID {
                current.progress = try CaseWorkflow.resolveBarrier(barrierID, on: current.progress, at: now, by: user, resolution: input.note ?? "")
            } else if let raw = input.barrier {
                guard let kind = BarrierKind(rawValue: raw) else {
                    throw LiaisonError.invalid("barrier", "must be one of " + BarrierKind.allCases.map(\.rawValue).joined(separator: ", "))
                }
                current.progress = try CaseWorkflow.openBarrier(kind, on: current.progress, at: now, by: user, note: input.note ?? "")
            } else if let owner = input.allocateTo {
                // Allocation: the case leaves the workflow team for a case owner (or moves between owners).
                guard let account = try await store.credentials(username: owner)?.user, account.active,
                      account.has(.caseOwner) || account.has(.seniorCaseworker) else {
                    throw LiaisonError.invalid("allocateTo", "is not an active case owner or senior caseworker")
                }
                if current.progress.stage == .closed { throw LiaisonError.invalid("allocateTo", "the case is closed") }
                var details = ["owner": owner]
                details["previous"] = current.owner
                current.progress.events.append(CaseEvent(kind: "allocated", at: now, by: user.username, reason: input.note ?? "allocated", details: details))
                current.owner = owner
            } else {
                throw LiaisonError.invalid("milestone", "give a milestone, a barrier to open, a barrierID to resolve, or a case owner to allocate to")
            }
            let expected = current.meta.version
            current.meta = current.meta.touched(by: user.id, at: now)
            try await store.updateCase(current, expectedVersion: expected)
            return current
        }
    }
}
