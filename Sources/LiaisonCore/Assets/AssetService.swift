import Foundation

/// What the Asset service reads and writes: only these stores.
public typealias AssetServiceStore = AssetStore & CaseServiceStore

/// Asset recovery under the Proceeds of Crime Act: restraint, confiscation, cash seizure → detention →
/// forfeiture or return, account freezing → forfeiture, and civil recovery, held against a subject, a group or a
/// case; their events; receipts shared under the incentivisation scheme. A confiscation order against a person
/// is a barrier to removing them: the holding agency's interest is registered on the person, so each of their
/// deportation cases shows the barrier and the agency is told of every step, removal included.
public struct AssetService: Sendable {
    public static let kind = "asset"
    /// Who publishes a new version of the incentivisation scheme.
    public static let schemeEditors: Set<Role> = [.administrator]
    let store: any AssetServiceStore
    let clock: any LiaisonClock
    let auditor: Auditor

    public init(store: any AssetServiceStore, clock: any LiaisonClock, audit: AuditLog) {
        self.store = store
        self.clock = clock
        auditor = Auditor(log: audit)
    }

    /// The target's subject (directly, or the case's) if the user may see the target.
    func target(_ target: AssetTarget, by user: User) async throws -> (
        visible: Bool, subject: SubjectID?, meta: RecordMeta?
    ) {
        guard ["subject", "ocg", "case"].contains(target.kind),
            let meta = try await References(store: store).target(kind: target.kind, id: target.id, readableBy: user)
        else { return (false, nil, nil) }
        switch target.kind {
        case "subject": return (true, SubjectID(validating: target.id), meta)
        case "case":
            return (
                true,
                try await CaseID(validating: target.id).asyncFlatMap { try await store.deportationCase($0) }?.subjectID,
                meta
            )
        default: return (true, nil, meta)
        }
    }

    /// Reads an order through the policy; one against a subject, group or case the user may not read answers as missing.
    func read(_ id: AssetOrderID, by user: User) async throws -> AssetOrder {
        try await References(store: store).read(
            try await store.assetOrder(id), meta: \.meta, target: { ($0.target.kind, $0.target.id) },
            by: user, kind: Self.kind, id: id.rawValue
        ).0
    }

    /// Records an order or seizure by the user's agency against a subject, group or case the user may see.
    public func record(_ input: AssetOrderInput, by user: User, request: RequestInfo = .none) async throws -> AssetOrder
    {
        try await auditor.run(
            user, "asset.record", kind: Self.kind, ids: [input.target.id], request: request, detail: input.power,
            touched: { [$0.id.rawValue] }
        ) {
            try AccessPolicy.enforceCreate(user)
            var v = Validator()
            let found = try await target(input.target, by: user)
            if !found.visible { v.fail("target", "is not a subject, group or case you may see") }
            let power = input.power.flatMap(AssetPower.init(rawValue:))
            if power == nil {
                v.fail("power", "must be one of " + AssetPower.allCases.map(\.rawValue).joined(separator: ", "))
            }
            let court = input.court?.trimmingCharacters(in: .whitespaces) ?? ""
            if court.isEmpty || court.count > 200 {
                v.fail(
                    "court",
                    "must name the court (or, for a seizure, the magistrates' court to hear detention), 1–200 characters"
                )
            }
            let reference = input.reference?.trimmingCharacters(in: .whitespaces) ?? ""
            if reference.count > 100 { v.fail("reference", "must be at most 100 characters") }
            let today = InterventionService.day(clock.now())
            if !InterventionService.isDay(input.madeOn ?? "") || (input.madeOn ?? "") > today {
                v.fail("madeOn", "must be a date as yyyy-mm-dd, not in the future")
            }
            let amount = input.amount ?? -1
            if !(amount > 0 && amount.isFinite && amount < 1e12) {
                v.fail("amount", "must be a sum in pounds, more than 0")
            }
            if power == .confiscation {
                if let terms = input.confiscation {
                    if !(terms.benefit >= 0 && terms.available >= 0 && terms.compensation >= 0) {
                        v.fail("confiscation", "figures must not be negative")
                    }
                    if terms.compensation > amount {
                        v.fail("confiscation.compensation", "must not be more than the recoverable amount")
                    }
                    if !InterventionService.isDay(terms.timeToPay) || terms.timeToPay < (input.madeOn ?? "") {
                        v.fail("confiscation.timeToPay", "must be a date as yyyy-mm-dd, on or after the order")
                    }
                    if !(0...120).contains(terms.defaultSentenceMonths) {
                        v.fail("confiscation.defaultSentenceMonths", "must be 0 to 120 months")
                    }
                } else {
                    v.fail(
                        "confiscation",
                        "a confiscation order needs its benefit, available amount, compensation, time to pay and default sentence"
                    )
                }
            } else if input.confiscation != nil {
                v.fail("confiscation", "only a confiscation order has these figures")
            }
            var parts: [AgencyPart] = []
            for (n, part) in (input.agencies ?? []).enumerated() {
                guard let agency = try await store.agency(code: part.agency.uppercased()) else {
                    v.fail("agencies[\(n)].agency", "\(part.agency) is not a known agency")
                    continue
                }
                if !AgencyPart.roles.contains(part.role) {
                    v.fail("agencies[\(n)].role", "must be one of " + AgencyPart.roles.joined(separator: ", "))
                    continue
                }
                parts.append(AgencyPart(agency: agency.id, role: part.role))
            }
            if !parts.contains(where: { $0.role == "investigation" }) {
                parts.append(AgencyPart(agency: user.agencyID, role: "investigation"))
            }
            if Set(parts.map(\.role)).count != parts.count {
                v.fail("agencies", "give each part (investigation, prosecution, enforcement) to one agency")
            }
            try v.check()
            let now = clock.now()
            let meta = try RecordEditing.derivedMeta(
                MarkingInput(marking: input.marking), from: found.meta!, defaultSharing: .all, by: user, at: now)
            let order = AssetOrder(
                id: .make(), meta: meta, target: input.target, subjectID: found.subject, power: power!, court: court,
                reference: reference,
                madeOn: input.madeOn!, amount: amount, confiscation: input.confiscation, agencies: parts,
                status: power!.initialStatus, events: [])
            try await store.insertAssetOrder(order)
            if order.power == .confiscation, let subject = order.subjectID {
                try await CaseService(store: store, clock: clock, audit: auditor.log).noteConfiscation(
                    order, subject: subject, by: user, at: now)
            }
            return order
        }
    }

    public func get(_ id: AssetOrderID, by user: User, request: RequestInfo = .none) async throws -> AssetOrder {
        try await auditor.run(user, "asset.read", kind: Self.kind, ids: [id.rawValue], request: request) {
            try await read(id, by: user)
        }
    }

    /// The asset records the user may see held against a subject, group or case (which the user must see); for a
    /// subject, those against their cases too.
    public func list(target: AssetTarget, by user: User, request: RequestInfo = .none) async throws -> [AssetOrder] {
        try await auditor.run(
            user, "asset.list", kind: Self.kind, ids: [target.id], request: request, touched: { $0.map(\.id.rawValue) }
        ) {
            guard try await self.target(target, by: user).visible else {
                throw LiaisonError.notFound(kind: target.kind, id: target.id)
            }
            let readable = try await store.assetOrders(relatedTo: target.id).filter {
                AccessPolicy.decide(user, .read, $0.meta, kind: Self.kind).allowed
            }
            return try await References(store: store).aboutReadable(
                readable, target: { ($0.target.kind, $0.target.id) }, by: user)
        }
    }

    /// Refuses (as missing, or forbidden) a user who may not change the record, before anything they sent is read.
    public func checkChange(_ id: AssetOrderID, by user: User) async throws {
        let found = try await read(id, by: user)
        try AccessPolicy.enforce(user, .update, found.meta, kind: Self.kind, id: id.rawValue)
    }

    /// Records the next event: a variation or discharge, a payment or default, a detention and its extensions,
    /// forfeiture, return or release, recovery or discontinuance, as the power's lifecycle allows.
    public func step(_ id: AssetOrderID, _ input: AssetEventInput, by user: User, request: RequestInfo = .none)
        async throws -> AssetOrder
    {
        try await auditor.run(
            user, "asset.event", kind: Self.kind, ids: [id.rawValue], request: request, detail: input.kind
        ) {
            var current = try await read(id, by: user)
            try AccessPolicy.enforce(user, .update, current.meta, kind: Self.kind, id: id.rawValue)
            let version = try RecordEditing.checkVersion(
                input.version, of: current.meta, kind: Self.kind, id: id.rawValue, sentAs: "the version you saw")
            let now = clock.now()
            current.events.append(
                try Self.event(input, on: current, id: (current.events.map(\.id).max() ?? 0) + 1, by: user, at: now))
            current.status = Self.status(after: current.events.last!, on: current)
            if current.events.last!.kind == "varied", let amount = current.events.last!.amount {
                current.amount = amount
            }
            current.meta = current.meta.touched(by: user.id, at: now)
            try await store.updateAssetOrder(current, expectedVersion: version)
            return current
        }
    }

    /// The event checked against the order's lifecycle and figures. Pure.
    static func event(_ input: AssetEventInput, on order: AssetOrder, id: Int, by user: User, at now: Date) throws
        -> AssetEvent
    {
        var v = Validator()
        let kind = input.kind ?? ""
        let allowed = order.power.steps[order.status] ?? []
        if !allowed.contains(kind) {
            v.fail(
                "kind",
                allowed.isEmpty
                    ? "a \(order.power.label.lowercased()) that is \(order.status) takes no further events"
                    : "\(kind.isEmpty ? "an event" : kind) cannot follow \(order.status) (allowed: \(allowed.joined(separator: ", ")))"
            )
        }
        let date = input.date ?? ""
        if !InterventionService.isDay(date) || date > InterventionService.day(now) {
            v.fail("date", "must be a date as yyyy-mm-dd, not in the future")
        } else if date < order.madeOn || date < (order.events.last?.date ?? "") {
            v.fail("date", "must not be before the order or its last event")
        }
        let needsAmount: Set<String> = ["payment", "forfeited", "returned", "recovered", "varied"]
        if needsAmount.contains(kind) {
            if !((input.amount ?? -1) > 0 && (input.amount ?? 0).isFinite) {
                v.fail("amount", "must be a sum in pounds, more than 0")
            }
            if kind == "payment", let outstanding = order.outstanding, (input.amount ?? 0) > outstanding + 0.005 {
                v.fail("amount", "is more than the £\(String(format: "%.2f", outstanding)) outstanding")
            }
            if ["forfeited", "returned"].contains(kind), (input.amount ?? 0) > order.amount + 0.005 - order.collected {
                v.fail("amount", "is more than the £\(String(format: "%.2f", order.amount)) held")
            }
        } else if input.amount != nil {
            v.fail("amount", "\(kind) takes no amount")
        }
        if ["detention", "extension"].contains(kind) {
            let until = input.until ?? ""
            if !InterventionService.isDay(until) || until <= date {
                v.fail("until", "must be a date as yyyy-mm-dd after the event")
            } else if let limit = order.detentionLimit, until > limit {
                v.fail("until", "cash may be detained for at most two years from seizure: until \(limit)")
            }
        } else if input.until != nil {
            v.fail("until", "only a detention or its extension runs until a date")
        }
        let note = input.note?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if note.count > 2_000 { v.fail("note", "must be at most 2000 characters") }
        try v.check()
        return AssetEvent(
            id: id, kind: kind, date: date, amount: input.amount, until: input.until, note: note,
            recordedBy: user.username, recordedAt: now)
    }

    static func status(after event: AssetEvent, on order: AssetOrder) -> String {
        switch event.kind {
        case "varied": "in-force"
        case "payment": (order.outstanding ?? 1) <= 0.005 ? "satisfied" : order.status
        case "default": "in-default"
        case "detention", "extension": "detained"
        default: event.kind
        }
    }

    /// The scheme in force, every published version, and how each receipt on an order is shared.
    public func schemes() async throws -> [IncentiveScheme] {
        try await store.incentiveSchemes() + [IncentiveScheme.standard]
    }

    public func shares(of order: AssetOrder) async throws -> [(event: AssetEvent, shares: [ReceiptShare])] {
        let schemes = try await store.incentiveSchemes()
        var compensationDue = order.confiscation?.compensation ?? 0
        return order.events.filter { AssetReceipt.kinds.contains($0.kind) }.map { event in
            let split = IncentiveScheme.inForce(schemes, on: event.date).split(
                event.amount ?? 0, compensationDue: compensationDue, parts: order.agencies)
            compensationDue -= split.filter { $0.part == "victims" }.map(\.amount).reduce(0, +)
            return (event, split)
        }
    }

    /// Publishes a new version of the incentivisation scheme (administrators).
    public func publish(_ scheme: IncentiveScheme, by user: User, request: RequestInfo = .none) async throws
        -> IncentiveScheme
    {
        try await auditor.run(
            user, "asset.scheme.publish", kind: Self.kind, request: request, detail: "version \(scheme.version)"
        ) {
            if Set(user.roles).isDisjoint(with: Self.schemeEditors) {
                throw PolicyRefusal.roles("only administrators publish the incentivisation scheme")
            }
            var problems = scheme.problems()
            let latest = try await schemes().map(\.version).max() ?? 1
            if scheme.version != latest + 1 {
                problems.append(FieldError("version", "must be \(latest + 1), the next version"))
            }
            if !problems.isEmpty { throw LiaisonError.invalid(problems) }
            try await store.insertIncentiveScheme(scheme)
            return scheme
        }
    }
}
