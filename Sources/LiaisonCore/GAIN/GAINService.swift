import Foundation
import LiaisonMatching

/// What the GAIN service reads and writes: only these stores.
public typealias GAINServiceStore = GAINStore & IntelStore & AgencyStore & UserStore & ReferenceStore
    & RecordLookupStore

/// GAIN hit/no-hit: each agency asked is answered from its own records, as hit or no hit and nothing else: about
/// a person, from its subjects by the entity-resolution engine; about a vehicle or a company, from its
/// intelligence reports linking it. A record the requester could not be told about (marked above their vetting, or
/// compartmented under need-to-know) never makes a hit, so a no-hit and a not-allowed look the same. Both sides
/// are audited: the request under the requester, each hit under the holding agency's records.
public struct GAINService: Sendable {
    public static let kind = "gain"
    public static let coordinatorRoles: Set<Role> = [
        .intelligenceOfficer, .analyst, .supervisor, .financialInvestigator,
    ]
    /// How likely a match must be to count as a hit.
    public static let threshold = 0.8
    let store: any GAINServiceStore
    let clock: any LiaisonClock
    let auditor: Auditor

    public init(store: any GAINServiceStore, clock: any LiaisonClock, audit: AuditLog) {
        self.store = store
        self.clock = clock
        auditor = Auditor(log: audit)
    }

    public func ask(_ input: GAINRequestInput, by user: User, request: RequestInfo = .none) async throws
        -> GAINRequestView
    {
        try await auditor.run(
            user, "gain.request", kind: Self.kind, request: request,
            detail: input.purpose.map { String($0.prefix(200)) },
            touched: { [$0.id.rawValue] }
        ) {
            if !user.active || Set(user.roles).isDisjoint(with: Self.coordinatorRoles) {
                throw PolicyRefusal.roles(
                    "only intelligence officers, analysts, financial investigators and supervisors make GAIN requests")
            }
            var v = Validator()
            let purpose = input.purpose?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if purpose.count < 10 || purpose.count > 1_000 {
                v.fail("purpose", "must state why you ask, in 10 to 1000 characters")
            }
            let vehicle = input.vehicle?.trimmingCharacters(in: .whitespaces).uppercased().nonEmpty
            let company = input.company?.trimmingCharacters(in: .whitespaces).nonEmpty
            let person = vehicle == nil && company == nil ? input.person ?? SubjectDetails(names: []) : input.person
            if [person != nil, vehicle != nil, company != nil].filter({ $0 }).count > 1 {
                v.fail("person", "ask about one thing at a time: a person, a vehicle or a company")
            } else if let person, person.primaryName == nil {
                v.fail(
                    "person.names", "must give at least the person's name (or ask about a vehicle or a company instead)"
                )
            }
            if let vehicle, !(2...8).contains(IntelLink.key(kind: "vehicle", value: vehicle)?.count ?? 0) {
                v.fail("vehicle", "must be a registration of 2 to 8 letters and digits")
            }
            if let company, company.count > 200 || IntelLink.key(kind: "company", value: company) == nil {
                v.fail("company", "must be the company's name or registered number, up to 200 characters")
            }
            var agencies: [Agency] = []
            for code in input.agencies ?? [] {
                if let agency = try await store.agency(code: code.uppercased()) {
                    agencies.append(agency)
                } else {
                    v.fail("agencies", "\(Validator.quoted(code)) is not a known agency")
                }
            }
            if (input.agencies ?? []).isEmpty { v.fail("agencies", "name the agencies to ask") }
            if (input.agencies ?? []).count > 20 { v.fail("agencies", "ask at most 20 agencies at once") }
            try v.check()
            // The asked agencies' own records that the requester could be told of: within the requester's vetting
            // and not compartmented (the viewer has no briefings), whoever they are shared with.
            let asked = agencies.reduce(into: [Agency]()) { list, agency in
                if !list.contains(where: { $0.id == agency.id }) { list.append(agency) }
            }
            let holders = Viewer(
                agencyID: user.agencyID, maximumClassification: user.vetting.maximumClassification, briefings: [])
            var matched: [AgencyID: [SubjectID]] = [:]
            var reports: [AgencyID: [IntelReportID]] = [:]
            if let person {
                matched = try await holdersOf(person, in: asked, viewer: holders)
            } else {
                let (kind, value) = vehicle.map { ("vehicle", $0) } ?? ("company", company ?? "")
                for report in try await store.intelReports(
                    linking: kind, key: IntelLink.key(kind: kind, value: value) ?? "", heldBy: asked.map(\.id),
                    viewer: holders, limit: 1_000) where report.meta.needToKnow == nil
                {
                    reports[report.meta.owningAgencyID, default: []].append(report.id)
                }
            }
            let answers = asked.map { agency in
                let found = (matched[agency.id] ?? []).sorted { $0.rawValue < $1.rawValue }
                let linking = reports[agency.id] ?? []
                return GAINAnswer(
                    agencyID: agency.id, agencyCode: agency.code, hit: !found.isEmpty || !linking.isEmpty,
                    matched: found,
                    reports: person == nil ? linking : nil)
            }
            let made = GAINRequest(
                id: .make(), requesterAgency: user.agencyID, requester: user.username, purpose: purpose, person: person,
                vehicle: vehicle, company: company, askedAt: clock.now(), answers: answers)
            try await store.insertGAINRequest(made)
            for answer in answers where answer.hit {
                let (kind, ids) =
                    person == nil
                    ? (IntelligenceService.kind, (answer.reports ?? []).map(\.rawValue))
                    : (SubjectService.kind, answer.matched.map(\.rawValue))
                try await auditor.log.record(
                    AuditDraft(
                        user, "gain.hit", kind: kind, ids: [made.id.rawValue] + ids,
                        request: request,
                        detail: "\(answer.agencyCode) holds a match; asked for: \(String(purpose.prefix(200)))"))
            }
            return GAINRequestView(made)
        }
    }

    /// The asked agencies' subjects the engine finds likely to be the person, by holding agency.
    func holdersOf(_ person: SubjectDetails, in asked: [Agency], viewer: Viewer) async throws -> [AgencyID: [SubjectID]]
    {
        let found = try await SubjectMatching.gather(
            person,
            fetch: { tokens in
                try await store.subjects(
                    matching: SubjectQuery(
                        tokens: tokens, heldBy: asked.map(\.id), viewer: viewer,
                        page: PageRequest(limit: PageRequest.maximumLimit))
                ).items
            },
            keep: { subject, probe -> Subject? in
                guard subject.meta.needToKnow == nil else { return nil }
                let explanation = MatchExplanation(
                    Comparator.compare(
                        probe, PreparedPerson(SubjectMatching.record(id: subject.id.rawValue, subject.details))),
                    model: SubjectMatching.model)
                return explanation.probability >= Self.threshold ? subject : nil
            })
        return Dictionary(grouping: found, by: { $0.meta.owningAgencyID }).mapValues { $0.map(\.id) }
    }

    /// The requests the user's agency made, newest first.
    public func requests(by user: User, request: RequestInfo = .none) async throws -> [GAINRequestView] {
        try await auditor.run(user, "gain.requests", kind: Self.kind, request: request) {
            try await store.gainRequests(requester: user.agencyID).map(GAINRequestView.init)
        }
    }

    /// The requests that hit the user's agency's records: who asked, why, and which records matched.
    public func hits(by user: User, request: RequestInfo = .none) async throws -> [GAINHitView] {
        try await auditor.run(user, "gain.hits", kind: Self.kind, request: request) {
            var codes: [AgencyID: String] = [:]
            for agency in try await store.agencies() { codes[agency.id] = agency.code }
            let hits = try await store.gainRequests(hitting: user.agencyID).compactMap { r in
                r.answers.first { $0.agencyID == user.agencyID && $0.hit }.map {
                    GAINHitView(r, answer: $0, requesterAgencyCode: codes[r.requesterAgency] ?? "")
                }
            }
            var shown: [GAINHitView] = []
            for hit in hits { shown.append(try await self.shown(hit, to: user)) }
            return shown
        }
    }

    /// A hit as a user of the holding agency sees it: only the matched records they may read themselves.
    func shown(_ hit: GAINHitView, to user: User) async throws -> GAINHitView {
        var shown = hit
        let readable = try await References(store: store).subjects(hit.matched, readableBy: user)
        shown.matched = hit.matched.filter { readable[$0] != nil }
        var reports: [IntelReportID] = []
        for id in hit.reports {
            if let report = try await store.intelReport(id),
                AccessPolicy.decide(user, .read, report.meta, kind: IntelligenceService.kind).allowed
            {
                reports.append(id)
            }
        }
        shown.reports = reports
        return shown
    }

    /// The holding agency chooses to share with the requester after a hit.
    public func share(_ input: GAINShareInput, by user: User, request: RequestInfo = .none) async throws -> GAINHitView
    {
        try await auditor.run(user, "gain.share", kind: Self.kind, ids: [input.requestID ?? ""], request: request) {
            if !user.active || Set(user.roles).isDisjoint(with: Self.coordinatorRoles) {
                throw PolicyRefusal.roles(
                    "only intelligence officers, analysts, financial investigators and supervisors answer GAIN requests"
                )
            }
            guard let id = input.requestID.flatMap({ GAINRequestID(validating: $0.lowercased()) }) else {
                throw LiaisonError.invalid(
                    "requestID", "must be the ID of a GAIN request that hit your agency's records")
            }
            guard var found = try await store.gainRequest(id),
                let n = found.answers.firstIndex(where: { $0.agencyID == user.agencyID && $0.hit })
            else {
                throw LiaisonError.notFound(kind: Self.kind, id: input.requestID ?? "")
            }
            let message = input.message?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if message.isEmpty || message.count > 4_000 {
                throw LiaisonError.invalid(
                    "message", "must say what you share and how to reach you, in 1 to 4000 characters")
            }
            found.answers[n].shared = message
            found.answers[n].sharedBy = user.username
            found.answers[n].sharedAt = clock.now()
            try await store.updateGAINRequest(found)
            return try await shown(
                GAINHitView(
                    found, answer: found.answers[n],
                    requesterAgencyCode: try await store.agency(found.requesterAgency)?.code ?? ""),
                to: user)
        }
    }

    /// The names of the people a hit matched, for those `user` may read.
    public func matchedNames(_ hit: GAINHitView, by user: User) async throws -> [String: String] {
        try await References(store: store).titles(hit.matched.map { ("subject", $0.rawValue) }, readableBy: user)
    }
}
