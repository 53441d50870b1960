import Foundation

/// What the Obligation service reads and writes: only these stores.
public typealias ObligationServiceStore = ObligationStore & CaseStore & AgencyStore & UserStore & SubjectStore

/// Obligations to partner agencies: the partner's inbox and acknowledgements (with replies that land on the case),
/// lists of what is due and overdue, the sweep that escalates missed deadlines, the dashboard, and each agency's
/// delivery channels. Every read and write goes through the access policy and into the audit chain.
public struct ObligationService: Sendable {
    public static let kind = "obligation"
    let store: any ObligationServiceStore
    let clock: any LiaisonClock
    let auditor: Auditor
    public var rules: ObligationRules
    /// The internal hosts an agency's webhook may point at.
    let webhookHosts: WebhookHosts
    /// Seals webhook secrets before they are stored.
    let secrets: SecretBox

    public init(
        store: any ObligationServiceStore, clock: any LiaisonClock, audit: AuditLog, rules: ObligationRules = .standard,
        webhookHosts: WebhookHosts = WebhookHosts(), secrets: SecretBox = .process
    ) {
        self.store = store
        self.clock = clock
        auditor = Auditor(log: audit)
        self.rules = rules
        self.webhookHosts = webhookHosts
        self.secrets = secrets
    }

    /// The service's time, for showing what is late.
    public func now() -> Date { clock.now() }

    /// Which obligations to show.
    public enum Selection: String, Sendable, CaseIterable {
        /// Open, whether on time or late.
        case open
        /// Open and not yet late.
        case due
        /// Open and past their due time.
        case overdue
        /// Open and escalated.
        case escalated
        case all
    }

    /// Obligations the user may see (their agency's own, or those on cases they may read), soonest due first.
    public func list(
        _ selection: Selection, caseID: CaseID? = nil, inbox: Bool = false, by user: User, limit: Int = 200,
        request: RequestInfo = .none
    ) async throws -> [Obligation] {
        try await page(selection, caseID: caseID, inbox: inbox, by: user, limit: limit, request: request).items
    }

    /// One page of the obligations the user may see, soonest due first; `cursor` is the previous page's
    /// `nextCursor`. Every obligation is reachable however many there are.
    public func page(
        _ selection: Selection, caseID: CaseID? = nil, inbox: Bool = false, by user: User, limit: Int = 200,
        cursor: String? = nil, request: RequestInfo = .none
    ) async throws -> Page<Obligation> {
        try await auditor.run(
            user, inbox ? "obligation.inbox" : "obligation.list", kind: Self.kind,
            ids: caseID.map { [$0.rawValue] } ?? [],
            request: request, detail: selection.rawValue, touched: { $0.items.map(\.id) }
        ) {
            var v = Validator()
            if !(1...500).contains(limit) { v.fail("limit", "must be from 1 to 500") }
            let offset = cursor.map { Int($0) ?? -1 } ?? 0
            if offset < 0 { v.fail("cursor", "is not a cursor this list gave") }
            try v.check()
            let now = clock.now()
            var query = ObligationQuery(
                caseID: caseID, agencyID: inbox ? user.agencyID : nil, openOnly: selection != .all, limit: 100_000)
            switch selection {
            case .due: query.dueFrom = now
            case .overdue: query.dueBefore = now
            case .open, .escalated, .all: break
            }
            var found = try await store.obligations(query)
            if selection == .escalated { found = found.filter { $0.escalation > 0 } }
            let shown = try await visible(found, to: user)
            let slice = Array(shown.dropFirst(offset).prefix(limit))
            return Page(
                items: slice, nextCursor: offset + slice.count < shown.count ? String(offset + slice.count) : nil)
        }
    }

    /// The escalations that have reached this user, soonest due first: from the first level for senior caseworkers,
    /// at the second for the criminal casework process team (supervisors); each on a case the user may read.
    public func escalatedTo(_ user: User, request: RequestInfo = .none) async throws -> [Obligation] {
        let reached = user.has(.seniorCaseworker) ? 1 : user.has(.supervisor) ? 2 : nil
        guard let reached else { return [] }
        return try await list(.escalated, by: user, limit: 500, request: request).filter { $0.escalation >= reached }
    }

    /// One obligation with its messages, if the user may see it.
    public func get(_ id: String, by user: User, request: RequestInfo = .none) async throws -> (
        Obligation, [OutboxMessage]
    ) {
        try await auditor.run(user, "obligation.read", kind: Self.kind, ids: [id], request: request) {
            guard let found = try await store.obligation(id), let shown = try await visible([found], to: user).first
            else {
                throw LiaisonError.notFound(kind: Self.kind, id: id)
            }
            // Escalation emails are the holding agency's own business.
            var messages = try await store.messages(obligation: id).filter {
                !$0.id.contains(":escalation-") || $0.agencyID == user.agencyID
            }
            if shown.summary != found.summary {
                // The message carries the notice as sent, name and all: the reader sees that it went, not what it said.
                for n in messages.indices { messages[n].body = "" }
            }
            return (shown, messages)
        }
    }

    /// The obligations the user may see, as they may see them. A notice is read by the agency it is addressed to
    /// (`AccessPolicy.decideNotice`, the intended disclosure) and by readers of its case; a reader of the case who may
    /// not read the case's subject sees it without the subject's name.
    func visible(_ obligations: [Obligation], to user: User) async throws -> [Obligation] {
        var cases: [CaseID: DeportationCase?] = [:]
        for id in Set(obligations.map(\.caseID)) { cases[id] = try await store.deportationCase(id) }
        let subjects = Dictionary(
            try await store.subjects(ids: Array(Set(cases.values.compactMap { $0?.subjectID }))).map {
                ($0.id, $0.meta)
            },
            uniquingKeysWith: { a, _ in a })
        var shown: [Obligation] = []
        for obligation in obligations {
            guard let found = cases[obligation.caseID], let c = found else { continue }
            let subject = subjects[c.subjectID]
            if AccessPolicy.decideNotice(user, addressedTo: obligation.agencyID, caseMeta: c.meta, subjectMeta: subject)
                .allowed
            {
                shown.append(obligation)
            } else if AccessPolicy.decide(user, .read, c.meta, kind: CaseService.kind).allowed {
                var seen = obligation
                if !(subject.map { AccessPolicy.decide(user, .read, $0, kind: SubjectService.kind).allowed } ?? false) {
                    seen.summary = ObligationEngine.withoutSubject(obligation.summary, reference: obligation.reference)
                }
                shown.append(seen)
            }
        }
        return shown
    }

    /// The interested agency acknowledges an obligation, optionally replying with what it holds; the reply lands on
    /// the case. Only the agency the obligation is addressed to may do this.
    public func acknowledge(_ id: String, _ input: AcknowledgementInput, by user: User, request: RequestInfo = .none)
        async throws -> Obligation
    {
        try await auditor.run(user, "obligation.acknowledge", kind: Self.kind, ids: [id], request: request) {
            var obligation = try await checkAcknowledge(id, by: user)
            guard obligation.status == .open else {
                throw LiaisonError.conflict(field: "status", reason: "the obligation is already acknowledged")
            }
            let reply = input.reply?.trimmingCharacters(in: .whitespacesAndNewlines)
            if let reply, reply.count > 4_000 { throw LiaisonError.invalid("reply", "must be at most 4000 characters") }
            let now = clock.now()
            obligation.status = .acknowledged
            obligation.acknowledgedAt = now
            obligation.acknowledgedBy = user.username
            obligation.reply = reply?.isEmpty == false ? reply : nil
            // A reply lands on the case; a concurrent change to the case is retried once against its new version.
            for attempt in 1...2 {
                guard var deportationCase = try await store.deportationCase(obligation.caseID) else {
                    throw LiaisonError.notFound(kind: "case", id: obligation.caseID.rawValue)
                }
                let expected = deportationCase.meta.version
                var work = CaseWork(changedObligations: [obligation])
                if let reply = obligation.reply {
                    deportationCase.progress.events.append(
                        CaseEvent(
                            kind: "partner-reply", at: now, by: user.username, reason: reply,
                            details: ["agencyCode": obligation.agencyCode, "obligation": obligation.event]))
                    deportationCase.meta = deportationCase.meta.touched(by: user.id, at: now)
                    work.updatedCase = deportationCase
                    work.expectedVersion = expected
                }
                do {
                    try await store.commitCaseWork(work)
                    break
                } catch LiaisonError.staleVersion where attempt == 1 { continue }
            }
            return obligation
        }
    }

    /// Refuses (as missing, or forbidden) a user who may not acknowledge the obligation, before anything they sent is read.
    @discardableResult
    public func checkAcknowledge(_ id: String, by user: User) async throws -> Obligation {
        guard let obligation = try await store.obligation(id), try await !visible([obligation], to: user).isEmpty else {
            throw LiaisonError.notFound(kind: Self.kind, id: id)
        }
        guard obligation.agencyID == user.agencyID else {
            throw PolicyRefusal.roles(
                "only \(obligation.agencyCode), the agency it is addressed to, may acknowledge it")
        }
        return obligation
    }

    /// Escalates every open obligation past its deadline to the level its lateness calls for: the senior
    /// caseworker, then the criminal casework process team. Each escalation is one audit entry by Liaison itself.
    /// - Parameters:
    ///   - asOf: the time to judge lateness at (now by default), to see what a deadline will do.
    ///   - dryRun: change and record nothing: only say what would escalate.
    public func sweep(asOf: Date? = nil, dryRun: Bool = false) async throws -> [Obligation] {
        let now = asOf ?? clock.now()
        let levels = Obligation.escalationTargets.count - 1
        let late = try await store.obligations(
            ObligationQuery(openOnly: true, dueBefore: now, escalationBelow: levels, limit: 10_000))
        var escalated: [Obligation] = []
        for var obligation in late {
            let level = ObligationEngine.escalationLevel(of: obligation, at: now, rules: rules)
            guard level > obligation.escalation else { continue }
            obligation.escalation = level
            obligation.escalatedAt = now
            if dryRun {
                escalated.append(obligation)
                continue
            }
            do {
                try await store.commitCaseWork(
                    CaseWork(
                        changedObligations: [obligation],
                        messages: try await escalationMessages(obligation, level: level, at: now)))
            } catch LiaisonError.conflict { continue }  // acknowledged meanwhile
            _ = try await auditor.log.record(
                AuditDraft(
                    actorID: nil, actorName: "liaison", agencyID: nil, action: "obligation.escalate",
                    objectKind: Self.kind, objectIDs: [obligation.id, obligation.caseID.rawValue],
                    detail:
                        "overdue since \(DateFormats.instant(obligation.dueBy)): escalated to the \(Obligation.escalationTargets[level])",
                    outcome: .allowed))
            escalated.append(obligation)
        }
        return escalated
    }

    /// The emails that tell the people an obligation is escalated to: at level 1 the senior caseworkers, at level 2
    /// the criminal casework process team (supervisors), of the agency holding the case, each only if they may read
    /// the case and its subject. (In Liaison they find it under the escalated obligations.)
    func escalationMessages(_ obligation: Obligation, level: Int, at time: Date) async throws -> [OutboxMessage] {
        guard let c = try await store.deportationCase(obligation.caseID) else { return [] }
        let subject = try await store.subject(c.subjectID)
        let role: Role = level >= 2 ? .supervisor : .seniorCaseworker
        let target = Obligation.escalationTargets[level]
        let people = try await store.users().filter { user in
            user.active && user.agencyID == c.meta.owningAgencyID && user.has(role) && !user.email.isEmpty
                && AccessPolicy.decide(user, .read, c.meta, kind: CaseService.kind).allowed
                && (subject.map { AccessPolicy.decide(user, .read, $0.meta, kind: SubjectService.kind).allowed }
                    ?? false)
        }
        let notice = Notice(
            obligationID: obligation.id, caseID: obligation.caseID.rawValue, agency: obligation.agencyCode,
            event: "escalation",
            summary:
                "Escalated to the \(target): \(obligation.agencyCode) has not acknowledged \(obligation.event), due "
                + DateFormats.instant(obligation.dueBy) + ".\n" + obligation.summary,
            dueBy: obligation.dueBy)
        let body = String(decoding: try JSONCoding.encoder.encode(notice), as: UTF8.self)
        return people.map { person in
            OutboxMessage(
                id: "\(obligation.id):escalation-\(level):\(person.username)", obligationID: obligation.id,
                agencyID: c.meta.owningAgencyID,
                channel: .email, destination: person.email,
                subject: "Liaison escalation: \(obligation.event) overdue (\(obligation.reference))",
                body: body, status: .pending, attempts: 0, nextAttemptAt: time)
        }
    }

    /// What the dashboard shows: open obligations by team and agency, and minute sheets awaiting confirmation.
    public struct Dashboard: Codable, Sendable {
        public var at: Date
        public var tallies: [ObligationTally]
        public var minuteSheetsAwaiting: [MinuteSheetRequest]
    }

    public struct MinuteSheetRequest: Codable, Sendable {
        public var caseID: CaseID
        public var reference: String
        public var requestedFrom: String
        public var requestedAt: Date
    }

    /// Counts only (no case content), for the casework roles.
    public func dashboard(by user: User, request: RequestInfo = .none) async throws -> Dashboard {
        try await auditor.run(user, "obligation.dashboard", kind: Self.kind, request: request) {
            try Self.enforceCasework(user)
            let now = clock.now()
            let sheets = try await store.casesAwaitingMinuteSheet(limit: 200).filter {
                AccessPolicy.decide(user, .read, $0.meta, kind: CaseService.kind).allowed
            }
            return Dashboard(
                at: now, tallies: try await store.obligationTallies(at: now),
                minuteSheetsAwaiting: sheets.compactMap { c in
                    c.minuteSheet.map {
                        MinuteSheetRequest(
                            caseID: c.id, reference: c.homeOfficeReference, requestedFrom: $0.requestedFrom ?? "",
                            requestedAt: $0.requestedAt ?? now)
                    }
                })
        }
    }

    public static let caseworkRoles: Set<Role> = [
        .caseworker, .caseOwner, .seniorCaseworker, .supervisor, .administrator,
    ]

    static func enforceCasework(_ user: User) throws {
        if !user.active || Set(user.roles).isDisjoint(with: caseworkRoles) {
            throw PolicyRefusal.roles(
                "the obligations dashboard is for caseworkers, case owners, senior caseworkers and supervisors")
        }
    }

    /// An agency's delivery channels; the webhook secret is never shown back.
    public func channels(agencyCode: String, by user: User, request: RequestInfo = .none) async throws
        -> DeliveryChannels
    {
        try await auditor.run(user, "delivery.read", kind: "delivery-channels", ids: [agencyCode], request: request) {
            let agency = try await channelAgency(agencyCode, user)
            var found = try await store.deliveryChannels(agency.id) ?? DeliveryChannels(agencyID: agency.id, version: 0)
            if found.webhookSecret != nil { found.webhookSecret = "(set)" }
            return found
        }
    }

    /// Sets an agency's email and webhook (administrators only), checked before it is saved.
    public func setChannels(agencyCode: String, _ input: DeliveryChannels, by user: User, request: RequestInfo = .none)
        async throws -> DeliveryChannels
    {
        try await auditor.run(user, "delivery.update", kind: "delivery-channels", ids: [agencyCode], request: request) {
            let agency = try await channelAgency(agencyCode, user)
            var v = Validator()
            if let email = input.email, !email.isEmpty,
                email.range(of: #"^[^@\s]+@[^@\s]+\.[^@\s]+$"#, options: .regularExpression) == nil
            {
                v.fail("email", "is not an email address")
            }
            if let url = input.webhookURL, !url.isEmpty {
                if let parsed = URL(string: url), ["https", "http"].contains(parsed.scheme ?? ""),
                    let host = parsed.host, !host.isEmpty
                {
                    if let refusal = webhookHosts.refusal(host: host) { v.fail("webhookURL", "\(host) \(refusal)") }
                } else {
                    v.fail("webhookURL", "must be an http or https URL")
                }
                if input.webhookSecret.map(SecretBox.isSealed) == true {
                    v.fail("webhookSecret", "must not start with sealed:")
                }
                let existing = try await store.deliveryChannels(agency.id)?.webhookSecret
                if (input.webhookSecret ?? existing ?? "").count < 16 {
                    v.fail("webhookSecret", "must be at least 16 characters to sign deliveries")
                }
            }
            try v.check()
            let current = try await store.deliveryChannels(agency.id)
            var next = DeliveryChannels(
                agencyID: agency.id, email: input.email?.isEmpty == true ? nil : input.email,
                webhookURL: input.webhookURL?.isEmpty == true ? nil : input.webhookURL,
                webhookSecret: input.webhookSecret ?? current?.webhookSecret, version: input.version + 1)
            if next.webhookSecret == "(set)" { next.webhookSecret = current?.webhookSecret }
            // Kept sealed: the store never holds the secret in clear.
            if let secret = next.webhookSecret, !SecretBox.isSealed(secret) {
                next.webhookSecret = try secrets.seal(secret)
            }
            try await store.saveDeliveryChannels(next, expectedVersion: input.version == 0 ? nil : input.version)
            next.webhookSecret = next.webhookSecret == nil ? nil : "(set)"
            return next
        }
    }

    /// The agency whose channels `user` may see and set: their own, as its administrator. Another agency's
    /// channels decide where that agency's notices go, so no administrator elsewhere may change them.
    func channelAgency(_ code: String, _ user: User) async throws -> Agency {
        guard user.active, user.has(.administrator) else {
            throw PolicyRefusal.roles("only an administrator may see or set an agency's delivery channels")
        }
        guard let agency = try await store.agency(code: code.uppercased()) else {
            throw LiaisonError.notFound(kind: "agency", id: code)
        }
        guard agency.id == user.agencyID else {
            throw PolicyRefusal.roles("only \(agency.code)'s own administrators may see or set its delivery channels")
        }
        return agency
    }

    /// A new webhook signing secret for the agency, made by Liaison, stored sealed, and shown this once.
    public func newWebhookSecret(agencyCode: String, by user: User, request: RequestInfo = .none) async throws -> (
        secret: String, version: Int
    ) {
        try await auditor.run(user, "delivery.secret", kind: "delivery-channels", ids: [agencyCode], request: request) {
            let agency = try await channelAgency(agencyCode, user)
            var bytes = [UInt8](repeating: 0, count: 32)
            var generator = SystemRandomNumberGenerator()
            for n in bytes.indices { bytes[n] = UInt8.random(in: 0...255, using: &generator) }
            let secret =
                "whsec_"
                + Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(
                    of: "/", with: "_"
                )
                .replacingOccurrences(of: "=", with: "")
            let current = try await store.deliveryChannels(agency.id)
            var next = current ?? DeliveryChannels(agencyID: agency.id, version: 0)
            next.webhookSecret = try secrets.seal(secret)
            next.version = (current?.version ?? 0) + 1
            try await store.saveDeliveryChannels(next, expectedVersion: current?.version)
            return (secret, next.version)
        }
    }
}
