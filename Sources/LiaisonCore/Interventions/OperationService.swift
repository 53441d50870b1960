import Foundation

/// What the Operation service reads and writes: only these stores.
public typealias OperationServiceStore = InterventionStore & AgencyStore & UserStore & ReferenceStore
    & RecordLookupStore

/// Multi-agency operations: a record naming the lead and partner agencies and the period, the members briefed
/// into it, and the joint results of the interventions planned under its name. The operation's name is the
/// need-to-know briefing: briefing a member here is what lets them see the records marked with it.
public struct OperationService: Sendable {
    public static let kind = "operation"
    /// Who may set up an operation (for their own agency, which leads it).
    public static let plannerRoles: Set<Role> = [.supervisor, .intelligenceOfficer, .analyst, .administrator]
    let store: any OperationServiceStore
    let clock: any LiaisonClock
    let auditor: Auditor

    public init(store: any OperationServiceStore, clock: any LiaisonClock, audit: AuditLog) {
        self.store = store
        self.clock = clock
        auditor = Auditor(log: audit)
    }

    /// Users of the lead or a partner agency, members briefed into it, and administrators see the operation's record.
    public static func mayRead(_ user: User, _ operation: JointOperation) -> Bool {
        user.roles.contains(.administrator) || user.briefings.contains(operation.name)
            || ([operation.leadAgency] + operation.partnerAgencies).contains(user.agencyID)
    }

    /// The lead agency's supervisors, the officer who set it up, and administrators brief members in and out.
    public static func mayBrief(_ user: User, _ operation: JointOperation) -> Bool {
        user.roles.contains(.administrator) || user.username == operation.createdBy
            || (user.agencyID == operation.leadAgency && user.roles.contains(.supervisor))
    }

    /// The operation's record, its briefed members (for those who may see them) and the joint results.
    public struct View: Codable, Sendable {
        public var name: String
        /// Absent for a name no operation record carries, or one the user may not see.
        public var operation: JointOperation?
        /// Shown to briefed members and to those who brief them.
        public var briefed: [BriefedMember]?
        public var canBrief: Bool
        public var interventions: [Intervention]
        public var agencies: [AgencyID]
        public var totals: [String: Double]
        public var seizures: [String: Double]
    }

    public func create(_ input: OperationInput, by user: User, request: RequestInfo = .none) async throws
        -> JointOperation
    {
        try await auditor.run(user, "operation.create", kind: Self.kind, request: request, detail: input.name) {
            if user.roles.allSatisfy({ !Self.plannerRoles.contains($0) }) {
                throw PolicyRefusal.roles(
                    "only supervisors, intelligence officers, analysts and administrators set up operations")
            }
            var v = Validator()
            let name = input.name?.trimmingCharacters(in: .whitespaces).uppercased() ?? ""
            if name.isEmpty || name.count > 60
                || !name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "- ".contains($0)) })
            {
                v.fail("name", "must be 1–60 letters, digits, spaces or hyphens")
            }
            let description = input.description?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if description.isEmpty || description.count > 2_000 {
                v.fail("description", "must be 1 to 2000 characters")
            }
            if !InterventionService.isDay(input.startsOn ?? "") { v.fail("startsOn", "must be a date as yyyy-mm-dd") }
            if let end = input.endsOn?.nonEmpty {
                if !InterventionService.isDay(end) {
                    v.fail("endsOn", "must be a date as yyyy-mm-dd")
                } else if end < (input.startsOn ?? "") {
                    v.fail("endsOn", "must not be before startsOn")
                }
            }
            var partners: [AgencyID] = []
            for code in input.partners ?? [] {
                if let agency = try await store.agency(code: code.uppercased()) {
                    partners.append(agency.id)
                } else {
                    v.fail("partners", "\(Validator.quoted(code)) is not a known agency")
                }
            }
            try v.check()
            let operation = JointOperation(
                name: name, description: description, leadAgency: user.agencyID,
                partnerAgencies: Array(Set(partners)).filter { $0 != user.agencyID }.sorted(),
                startsOn: input.startsOn!,
                endsOn: input.endsOn?.nonEmpty, createdBy: user.username, createdAt: clock.now())
            try await store.insertOperation(operation)
            return operation
        }
    }

    /// The operations the user may see, latest start first.
    public func list(by user: User, request: RequestInfo = .none) async throws -> [JointOperation] {
        try await auditor.run(user, "operation.list", kind: Self.kind, request: request) {
            try await store.operations().filter { Self.mayRead(user, $0) }
        }
    }

    /// One operation: its record when the user may see it, and the interventions under its name that the user may
    /// see (need-to-know applies to each), the agencies taking part, outcomes totalled by kind and seizures by
    /// commodity and unit.
    public func view(_ name: String, by user: User, request: RequestInfo = .none) async throws -> View {
        try await auditor.run(
            user, "operation.read", kind: Self.kind, request: request, detail: name,
            touched: { $0.interventions.map(\.id.rawValue) }
        ) {
            let record = try await store.operation(name: name).flatMap { Self.mayRead(user, $0) ? $0 : nil }
            let readable = try await store.interventions(operation: name)
                .filter { AccessPolicy.decide(user, .read, $0.meta, kind: InterventionService.kind).allowed }
            let found = try await References(store: store).aboutReadable(
                readable, target: { ($0.target.kind, $0.target.id) }, by: user)
            var totals: [String: Double] = [:]
            var seizures: [String: Double] = [:]
            for outcome in found.flatMap(\.outcomes) {
                totals[outcome.kind, default: 0] += outcome.quantity
                if outcome.kind == "seizure" {
                    seizures["\(outcome.commodity ?? "?") (\(outcome.unit ?? "?"))", default: 0] += outcome.quantity
                }
            }
            var agencies = Set(found.flatMap { [$0.meta.owningAgencyID] + $0.partnerAgencies })
            if let record { agencies.formUnion([record.leadAgency] + record.partnerAgencies) }
            let canBrief = record.map { Self.mayBrief(user, $0) } ?? false
            let briefed = record != nil && (canBrief || user.briefings.contains(name)) ? try await members(name) : nil
            return View(
                name: name, operation: record, briefed: briefed, canBrief: canBrief, interventions: found,
                agencies: agencies.sorted(),
                totals: totals, seizures: seizures)
        }
    }

    func members(_ name: String) async throws -> [BriefedMember] {
        try await store.users().filter { $0.active && $0.briefings.contains(name) }
            .map { BriefedMember(username: $0.username, displayName: $0.displayName, agency: $0.agencyID) }
    }

    /// Briefs a member into the operation, or withdraws their briefing; refused (as missing) to those who may
    /// not see it and (as forbidden) to those who may not brief.
    public func brief(_ name: String, _ input: BriefingInput, by user: User, request: RequestInfo = .none) async throws
        -> [BriefedMember]
    {
        try await auditor.run(
            user, "operation.brief", kind: Self.kind, ids: [], request: request,
            detail: "\(name): \(input.briefed == false ? "withdraw" : "brief") \(input.username ?? "")"
        ) {
            if let refusal = try await refusal(name, by: user) { throw refusal }
            var v = Validator()
            let member = try await store.credentials(username: input.username ?? "")?.user
            if member == nil { v.fail("username", "is not a user") }
            if input.briefed == nil { v.fail("briefed", "is required: true to brief, false to withdraw") }
            try v.check()
            var updated = member!
            if input.briefed! {
                updated.briefings = Array(Set(updated.briefings + [name])).sorted()
            } else {
                updated.briefings.removeAll { $0 == name }
            }
            if updated.briefings != member!.briefings {
                try await store.updateUser(updated, expectedVersion: member!.version)
            }
            return try await members(name)
        }
    }

    /// Refuses a user who may not brief members into the operation, before anything they sent is read.
    public func checkBrief(_ name: String, by user: User) async throws {
        if let refusal = try await refusal(name, by: user) { throw refusal.shown }
    }

    func refusal(_ name: String, by user: User) async throws -> PolicyRefusal? {
        guard let operation = try await store.operation(name: name), Self.mayRead(user, operation) else {
            return PolicyRefusal(
                reasons: ["the user may not see operation \(name)"], shown: .notFound(kind: Self.kind, id: name))
        }
        return Self.mayBrief(user, operation)
            ? nil
            : .roles(
                "only the lead agency's supervisors, the officer who set it up and administrators brief members into \(name)"
            )
    }
}
