import Foundation

/// What the Intervention service reads and writes: only these stores.
public typealias InterventionServiceStore = InterventionStore & AgencyStore & UserStore & ReferenceStore
    & RecordLookupStore

/// Interventions against groups and Persons of Interest under the 4P framework: planned by an agency with its
/// partners, moved through their statuses, with outcomes recorded against them; and whether a target was subject
/// to action in a period, by the rule kept as data. Every step goes through the access policy and the audit chain.
public struct InterventionService: Sendable {
    public static let kind = "intervention"
    let store: any InterventionServiceStore
    let clock: any LiaisonClock
    let auditor: Auditor
    public var rule: ActionRule

    public init(
        store: any InterventionServiceStore, clock: any LiaisonClock, audit: AuditLog, rule: ActionRule = .standard
    ) {
        self.store = store
        self.clock = clock
        auditor = Auditor(log: audit)
        self.rule = rule
    }

    static func isDay(_ text: String) -> Bool {
        DateFormats.day(text).map { DateFormats.day($0) == text } ?? false
    }

    /// A date as yyyy-mm-dd (UTC).
    public static func day(_ date: Date) -> String {
        DateFormats.day(date)
    }

    /// The target's record metadata, if the user may see it.
    func target(_ target: InterventionTarget, by user: User) async throws -> RecordMeta? {
        guard ["ocg", "poi"].contains(target.kind) else { return nil }
        return try await References(store: store).target(kind: target.kind, id: target.id, readableBy: user)
    }

    /// Reads an intervention through the policy; one against a group or PoI the user may not read answers as missing.
    func read(_ id: InterventionID, by user: User) async throws -> Intervention {
        try await References(store: store).read(
            try await store.intervention(id), meta: \.meta, target: { ($0.target.kind, $0.target.id) },
            by: user, kind: Self.kind, id: id.rawValue
        ).0
    }

    /// Plans an intervention by the user's agency against a group or PoI the user may see.
    public func plan(_ input: InterventionInput, by user: User, request: RequestInfo = .none) async throws
        -> Intervention
    {
        try await auditor.run(
            user, "intervention.plan", kind: Self.kind, ids: [input.target.id], request: request,
            touched: { [$0.id.rawValue] }
        ) {
            try AccessPolicy.enforceCreate(user)
            let reference = ReferenceData(entries: try await store.referenceEntries())
            var v = Validator()
            let about = try await target(input.target, by: user)
            if about == nil { v.fail("target", "is not a group or Person of Interest you may see") }
            let category = input.category.flatMap(FourP.init(rawValue:))
            if category == nil {
                v.fail("category", "must be one of " + FourP.allCases.map(\.rawValue).joined(separator: ", "))
            }
            if !reference.contains(input.tactic ?? "", in: "intervention-tactic") {
                v.fail("tactic", "is not in the intervention-tactic list")
            }
            if !Self.isDay(input.dueDate ?? "") { v.fail("dueDate", "must be a date as yyyy-mm-dd") }
            let description = input.description?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if description.isEmpty || description.count > 2_000 {
                v.fail("description", "must be 1 to 2000 characters")
            }
            var partners: [AgencyID] = []
            for code in input.partners ?? [] {
                if let agency = try await store.agency(code: code.uppercased()) {
                    partners.append(agency.id)
                } else {
                    v.fail("partners", "\(Validator.quoted(code)) is not a known agency")
                }
            }
            let owner = input.owner?.trimmingCharacters(in: .whitespaces).nonEmpty ?? user.username
            if try await store.credentials(username: owner) == nil { v.fail("owner", "is not a user") }
            if let operation = input.operation, operation.count > 100 {
                v.fail("operation", "must be at most 100 characters")
            }
            try v.check()
            let meta = try RecordEditing.derivedMeta(
                MarkingInput(marking: input.marking, needToKnow: input.needToKnow?.nonEmpty), from: about!,
                defaultSharing: .all, by: user, at: clock.now())
            let intervention = Intervention(
                id: .make(), meta: meta, target: input.target, category: category!, tactic: input.tactic!,
                partnerAgencies: partners,
                owner: owner, dueDate: input.dueDate!, status: "planned", operation: input.operation?.nonEmpty,
                description: description, outcomes: [])
            try await store.insertIntervention(intervention)
            return intervention
        }
    }

    public func get(_ id: InterventionID, by user: User, request: RequestInfo = .none) async throws -> Intervention {
        try await auditor.run(user, "intervention.read", kind: Self.kind, ids: [id.rawValue], request: request) {
            try await read(id, by: user)
        }
    }

    /// The interventions the user may see against one group or PoI (which the user must see).
    public func list(target: InterventionTarget, by user: User, request: RequestInfo = .none) async throws
        -> [Intervention]
    {
        try await auditor.run(
            user, "intervention.list", kind: Self.kind, ids: [target.id], request: request,
            touched: { $0.map(\.id.rawValue) }
        ) {
            guard try await self.target(target, by: user) != nil else {
                throw LiaisonError.notFound(kind: target.kind, id: target.id)
            }
            return try await store.interventions(target: target.id).filter {
                AccessPolicy.decide(user, .read, $0.meta, kind: Self.kind).allowed
            }
        }
    }

    /// Whether the target was subject to action in the rule's period up to today, and the intervention that put it there.
    public func subjectToAction(_ target: InterventionTarget, by user: User, request: RequestInfo = .none) async throws
        -> (Bool, Intervention?, from: String, to: String)
    {
        let found = try await list(target: target, by: user, request: request)
        let today = clock.now()
        let from = Self.day(today.addingTimeInterval(-Double(rule.periodDays) * 86_400))
        let to = Self.day(today)
        let decision = rule.decide(found, from: from, to: to)
        return (decision.subjectToAction, decision.because, from, to)
    }

    /// Refuses (as missing, or forbidden) a user who may not change the intervention, before anything they sent is read.
    public func checkChange(_ id: InterventionID, by user: User) async throws {
        let found = try await read(id, by: user)
        try AccessPolicy.enforce(user, .update, found.meta, kind: Self.kind, id: id.rawValue)
    }

    /// Moves an intervention to a new status (planned → in progress → completed, or cancelled) or records an outcome.
    public func step(_ id: InterventionID, _ input: InterventionStepInput, by user: User, request: RequestInfo = .none)
        async throws -> Intervention
    {
        try await auditor.run(
            user, input.outcome != nil ? "intervention.outcome" : "intervention.status", kind: Self.kind,
            ids: [id.rawValue],
            request: request, detail: input.status ?? input.outcome?.kind
        ) {
            var current = try await read(id, by: user)
            try AccessPolicy.enforce(user, .update, current.meta, kind: Self.kind, id: id.rawValue)
            let version = try RecordEditing.checkVersion(
                input.version, of: current.meta, kind: Self.kind, id: id.rawValue, sentAs: "the version you saw")
            let now = clock.now()
            if let outcome = input.outcome {
                current.outcomes.append(
                    try await Self.outcome(
                        outcome, id: (current.outcomes.map(\.id).max() ?? 0) + 1, store: store, by: user, at: now))
            } else if let status = input.status {
                let allowed: [String: [String]] = [
                    "planned": ["in-progress", "completed", "cancelled"], "in-progress": ["completed", "cancelled"],
                ]
                guard allowed[current.status]?.contains(status) == true else {
                    throw LiaisonError.invalid(
                        "status",
                        "\(status) cannot follow \(current.status) (allowed: \((allowed[current.status] ?? []).joined(separator: ", ")))"
                    )
                }
                if status == "completed" {
                    let done = input.completedOn ?? Self.day(now)
                    guard Self.isDay(done), done <= Self.day(now) else {
                        throw LiaisonError.invalid("completedOn", "must be a date as yyyy-mm-dd, not in the future")
                    }
                    current.completedOn = done
                }
                current.status = status
            } else {
                throw LiaisonError.invalid("status", "give a new status or an outcome")
            }
            current.meta = current.meta.touched(by: user.id, at: now)
            try await store.updateIntervention(current, expectedVersion: version)
            return current
        }
    }

    static func outcome(
        _ input: OutcomeInput, id: Int, store: any InterventionServiceStore, by user: User, at now: Date
    ) async throws -> InterventionOutcome {
        let reference = ReferenceData(entries: try await store.referenceEntries())
        var v = Validator()
        let kind = input.kind ?? ""
        if !reference.contains(kind, in: "outcome-kind") { v.fail("outcome.kind", "is not in the outcome-kind list") }
        if !isDay(input.date ?? "") || (input.date ?? "") > day(now) {
            v.fail("outcome.date", "must be a date as yyyy-mm-dd, not in the future")
        }
        let quantity = input.quantity ?? 1
        if quantity <= 0 || !quantity.isFinite { v.fail("outcome.quantity", "must be more than 0") }
        if let purity = input.purity, !(0...100).contains(purity) {
            v.fail("outcome.purity", "must be a percentage from 0 to 100")
        }
        if kind == "seizure" {
            if (input.commodity ?? "").isEmpty { v.fail("outcome.commodity", "a seizure must say what was seized") }
            if (input.unit ?? "").isEmpty { v.fail("outcome.unit", "a seizure must give its unit (kg, GBP, items…)") }
        }
        if let impact = input.impact, !reference.contains(impact, in: "impact-level") {
            v.fail("outcome.impact", "is not in the impact-level list")
        }
        let narrative = input.narrative?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if narrative.count > 4_000 { v.fail("outcome.narrative", "must be at most 4000 characters") }
        try v.check()
        return InterventionOutcome(
            id: id, kind: kind, date: input.date!, quantity: quantity, unit: input.unit?.nonEmpty,
            commodity: input.commodity?.nonEmpty,
            purity: input.purity, place: input.place?.nonEmpty, route: input.route?.nonEmpty, impact: input.impact,
            narrative: narrative, recordedBy: user.username, recordedAt: now)
    }
}
