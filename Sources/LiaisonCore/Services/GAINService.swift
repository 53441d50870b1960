import Foundation
import LiaisonMatching

/// GAIN hit/no-hit: each agency asked is answered from its own records by the entity-resolution engine, as hit
/// or no hit and nothing else. A record the requester could not be told about (marked above their vetting, or
/// compartmented under need-to-know) never makes a hit, so a no-hit and a not-allowed look the same. Both sides
/// are audited: the request under the requester, each hit under the holding agency's records.
public struct GAINService: Sendable {
    public static let kind = "gain"
    public static let coordinatorRoles: Set<Role> = [.intelligenceOfficer, .analyst, .supervisor, .financialInvestigator]
    /// How likely a match must be to count as a hit.
    public static let threshold = 0.8
    let store: any LiaisonStore
    let clock: any LiaisonClock
    let auditor: Auditor

    public init(store: any LiaisonStore, clock: any LiaisonClock, audit: AuditLog) {
        self.store = store
        self.clock = clock
        auditor = Auditor(log: audit)
    }

    public func ask(_ input: GAINRequestInput, by user: User, request: RequestInfo = .none) async throws -> GAINRequestView {
        try await auditor.run(user, "gain.request", kind: Self.kind, request: request, detail: input.purpose.map { String($0.prefix(200)) },
                              touched: { [$0.id.rawValue] }) {
            if !user.active || Set(user.roles).isDisjoint(with: Self.coordinatorRoles) {
                throw PolicyRefusal.roles("only intelligence officers, analysts, financial investigators and supervisors make GAIN requests")
            }
            var v = Validator()
            let purpose = input.purpose?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if purpose.count < 10 || purpose.count > 1_000 { v.fail("purpose", "must state why you ask, in 10 to 1000 characters") }
            let person = input.person ?? SubjectDetails(names: [])
            if person.primaryName == nil { v.fail("person.names", "must give at least the person's name") }
            var agencies: [Agency] = []
            for code in input.agencies ?? [] {
                if let agency = try await store.agency(code: code.uppercased()) { agencies.append(agency) } else { v.fail("agencies", "\(code) is not a known agency") }
            }
            if (input.agencies ?? []).isEmpty { v.fail("agencies", "name the agencies to ask") }
            if (input.agencies ?? []).count > 20 { v.fail("agencies", "ask at most 20 agencies at once") }
            try v.check()
            let probe = PreparedPerson(SubjectMatching.record(id: "", person))
            let searches = SubjectMatching.searches(person)
            // One search of the asked agencies' own records that the requester could be told of: within the
            // requester's vetting and not compartmented (the viewer has no briefings).
            let asked = agencies.reduce(into: [Agency]()) { list, agency in if !list.contains(where: { $0.id == agency.id }) { list.append(agency) } }
            let holders = Viewer(agencyID: user.agencyID, maximumClassification: user.vetting.maximumClassification, briefings: [])
            var matched: [AgencyID: [SubjectID]] = [:]
            var seen = Set<SubjectID>()
            for tokens in searches {
                let page = try await store.subjects(matching: SubjectQuery(tokens: tokens, heldBy: asked.map(\.id), viewer: holders,
                                                                           page: PageRequest(limit: PageRequest.maximumLimit)))
                for subject in page.items where subject.meta.needToKnow == nil && seen.insert(subject.id).inserted {
                    let explanation = MatchExplanation(Comparator.compare(probe, PreparedPerson(SubjectMatching.record(id: subject.id.rawValue, subject.details))),
                                                       model: SubjectMatching.model)
                    if explanation.probability >= Self.threshold { matched[subject.meta.owningAgencyID, default: []].append(subject.id) }
                }
            }
            let answers = asked.map { agency in
                let found = (matched[agency.id] ?? []).sorted { $0.rawValue < $1.rawValue }
                return GAINAnswer(agencyID: agency.id, agencyCode: agency.code, hit: !found.isEmpty, matched: found)
            }
            let made = GAINRequest(id: .make(), requesterAgency: user.agencyID, requester: user.username, purpose: purpose, person: person,
                                   askedAt: clock.now(), answers: answers)
            try await store.insertGAINRequest(made)
            for answer in answers where answer.hit {
                try await auditor.log.record(AuditDraft(user, "gain.hit", kind: SubjectService.kind, ids: [made.id.rawValue] + answer.matched.map(\.rawValue),
                                                        request: request, detail: "\(answer.agencyCode) holds a match; asked for: \(String(purpose.prefix(200)))"))
            }
            return GAINRequestView(made)
        }
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
            return try await store.gainRequests(hitting: user.agencyID).compactMap { r in
                r.answers.first { $0.agencyID == user.agencyID && $0.hit }.map { a in
                    GAINHitView(requestID: r.id, requesterAgencyCode: codes[r.requesterAgency] ?? "", requester: r.requester, purpose: r.purpose,
                                askedAt: r.askedAt, matched: a.matched, shared: a.shared)
                }
            }
        }
    }

    /// The holding agency chooses to share with the requester after a hit.
    public func share(_ input: GAINShareInput, by user: User, request: RequestInfo = .none) async throws -> GAINHitView {
        try await auditor.run(user, "gain.share", kind: Self.kind, ids: [input.requestID ?? ""], request: request) {
            if !user.active || Set(user.roles).isDisjoint(with: Self.coordinatorRoles) {
                throw PolicyRefusal.roles("only intelligence officers, analysts, financial investigators and supervisors answer GAIN requests")
            }
            guard let id = input.requestID.flatMap({ GAINRequestID(validating: $0.lowercased()) }) else {
                throw LiaisonError.invalid("requestID", "must be the ID of a GAIN request that hit your agency's records")
            }
            guard var found = try await store.gainRequest(id),
                  let n = found.answers.firstIndex(where: { $0.agencyID == user.agencyID && $0.hit }) else {
                throw LiaisonError.notFound(kind: Self.kind, id: input.requestID ?? "")
            }
            let message = input.message?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if message.isEmpty || message.count > 4_000 { throw LiaisonError.invalid("message", "must say what you share and how to reach you, in 1 to 4000 characters") }
            found.answers[n].shared = message
            found.answers[n].sharedBy = user.username
            found.answers[n].sharedAt = clock.now()
            try await store.updateGAINRequest(found)
            let a = found.answers[n]
            return GAINHitView(requestID: found.id, requesterAgencyCode: try await store.agency(found.requesterAgency)?.code ?? "", requester: found.requester,
                               purpose: found.purpose, askedAt: found.askedAt, matched: a.matched, shared: a.shared)
        }
    }
}
