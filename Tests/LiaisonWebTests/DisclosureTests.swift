import Foundation
import Hummingbird
import HummingbirdTesting
import LiaisonCore
import LiaisonMatching
import Testing

@testable import LiaisonWeb

/// What responses contain, not only their status: restricted records of every marking, sharing and compartment
/// carry canary strings (unique names, and their IDs), and are referred to from records every user may read — a
/// group's members, a case's subject, a PoI, an intervention, an asset record, a report's links, a notice's text, a
/// duplicate pair. Every GET route in the route table (pages, API, exports, charts, search, audit) is then called
/// as every demo user, and no body may carry a canary of a record that user may not read (or, for a notice's name,
/// be told of by the one disclosure rule, `AccessPolicy.decideNotice`).
@Suite("Nothing the policy hides, in any response")
struct DisclosureTests {
    /// One restricted subject's canaries and the records made about it.
    struct Canary {
        var subject: Subject
        var group: OCG
        var caseID: CaseID
        var obligations: [Obligation]
        var dependents: [String]
        /// The subject's unique given name, as it appears in a body (lower case).
        var name: String { subject.details.names[0].given.lowercased() }
        var groupName: String { group.details.name.lowercased() }
    }

    static let letters = Array("abcdefg")

    @Test(
        "every GET route × every user: no body carries a canary of a record the user may not read",
        arguments: WebHarness.Backing.available)
    func canaries(on backing: WebHarness.Backing) async throws {
        let harness = try await WebHarness(on: backing)
        let data = harness.data
        let store = harness.store
        let nca = data.agencies.first { $0.code == "NCA" }!
        let hocc = data.agencies.first { $0.code == "HOCC" }!
        let gmp = data.agencies.first { $0.code == "GMP" }!
        let hmrc = data.agencies.first { $0.code == "HMRC" }!
        let author = harness.user("nca.analyst")
        let now = Date()
        func meta(_ classification: Classification, _ sharing: Sharing = .all, owner: Agency? = nil, ntk: String? = nil)
            -> RecordMeta
        {
            RecordMeta(
                owningAgencyID: (owner ?? nca).id, marking: ProtectiveMarking(classification), sharing: sharing,
                needToKnow: ntk,
                createdAt: now, createdBy: author.id)
        }
        // Every kind of restriction: vetting, the owner alone, a named agency, a compartment, the top marking, two at once.
        let restrictions: [RecordMeta] = [
            meta(.secret), meta(.official, .ownerOnly), meta(.official, Sharing(withAll: false, agencies: [hmrc.id])),
            meta(.official, ntk: "OPERATION FLINT"), meta(.topSecret),
            meta(.officialSensitive, .ownerOnly, ntk: "OPERATION GRANITE"),
            meta(.official, Sharing(withAll: false, agencies: [gmp.id]), owner: hocc),
        ]
        // A person everyone may read, so searches for the shared surname have something to find.
        let control = Subject(
            meta: meta(.official),
            details: SubjectDetails(names: [PersonName(given: "Openvisible", family: "Quillfeather")]))
        var canaries: [Canary] = []
        var subjects: [Subject] = [control]
        for (n, restriction) in restrictions.enumerated() {
            let letter = Self.letters[n]
            let subject = Subject(
                meta: restriction,
                details: SubjectDetails(
                    names: [PersonName(given: "Zorvath\(letter)", family: "Quillfeather")],
                    datesOfBirth: ["1980-01-0\(n + 1)"], nationalities: ["ALB"]))
            let group = OCG(
                meta: restriction, details: OCGDetails(name: "Vellmarch\(letter) Crew", markets: ["class-a-drugs"]),
                members: [OCGMember(subjectID: subject.id, role: "principal")])
            subjects.append(subject)
            canaries.append(Canary(subject: subject, group: group, caseID: .make(), obligations: [], dependents: []))
        }
        try await store.insertSubjects(subjects.map { ($0, SearchKeys.subject($0.details)) })
        try await store.insertOCGs(canaries.map { ($0.group, SearchKeys.ocg($0.group.details)) })
        // A group everyone may read, whose members include every restricted person.
        let openGroup = OCG(
            meta: meta(.official), details: OCGDetails(name: "Openhaven Crew", markets: ["class-a-drugs"]),
            members: subjects.map { OCGMember(subjectID: $0.id, role: "member") })
        try await store.insertOCGs([(openGroup, SearchKeys.ocg(openGroup.details))])

        let workflow = harness.user("hocc.workflow")
        for n in canaries.indices {
            let c = canaries[n]
            // A case on the person, marked lower and shared wider than its subject (as older records may be), with
            // the NCA's and GMP's interest and the notices owed to them naming the person.
            var deportationCase = DeportationCase(
                id: c.caseID,
                meta: RecordMeta(
                    owningAgencyID: hocc.id, marking: .official, createdAt: now,
                    createdBy: workflow.id),
                subjectID: c.subject.id, homeOfficeReference: String(format: "Q%07d", n), owner: "hocc.owner",
                fileLocation: nil)
            for (id, agency) in [nca, gmp].enumerated() {
                deportationCase.interests.append(
                    CaseInterest(
                        id: id + 1, agencyID: agency.id, agencyCode: agency.code, reason: "interest",
                        contact: "desk", via: .email, registeredAt: now, registeredBy: workflow.username))
            }
            let event = CaseEvent(
                kind: "decision-to-deport", at: now, by: workflow.username, reason: "as the file shows")
            deportationCase.progress.events.append(event)
            let owed = ObligationEngine.derive(
                [event], on: deportationCase, subjectName: c.subject.displayName, ownerContact: "Casey Owner")
            try await store.insertCases([deportationCase], obligations: owed)
            canaries[n].obligations = owed
            // A PoI, an intervention against it, an asset record and a report about the person, each open to all.
            let poi = PersonOfInterest(
                meta: meta(.official), subjectID: c.subject.id, owner: author.username, reviewDue: now,
                lifetimeManagement: false)
            try await store.insertPOI(poi)
            let intervention = Intervention(
                id: .make(), meta: meta(.official), target: InterventionTarget(kind: "poi", id: poi.id.rawValue),
                category: .pursue, tactic: "arrest", partnerAgencies: [], owner: author.username, dueDate: "2026-12-01",
                status: "planned", operation: "OPERATION-CANARY", description: "planned", outcomes: [])
            try await store.insertIntervention(intervention)
            let order = AssetOrder(
                id: .make(), meta: meta(.official), target: AssetTarget(kind: "subject", id: c.subject.id.rawValue),
                subjectID: c.subject.id, power: .restraint, court: "Crown Court", reference: "", madeOn: "2026-01-01",
                amount: 1_000, confiscation: nil, agencies: [], status: "in-force", events: [])
            try await store.insertAssetOrder(order)
            canaries[n].dependents = [poi.id.rawValue, intervention.id.rawValue, order.id.rawValue]
            let report = IntelReport(
                id: .make(), meta: meta(.official), text: "Openhaven meeting observed at the yard",
                infoDate: "2026-01-01",
                place: nil, source: IntelSource(kind: "agency", description: "Surveillance log"),
                links: [
                    IntelLink(kind: "subject", value: c.subject.id.rawValue),
                    IntelLink(kind: "ocg", value: c.group.id.rawValue),
                ],
                grading: IntelGrading(source: .reliable, assessment: .b, handling: HandlingCode(.p)),
                legacyGrading: nil,
                status: "recorded", reviewDate: nil, sanitised: [], disseminations: [], history: [], withheld: [])
            try await store.insertIntelReport(report)
        }
        // A duplicate pair of each restricted person with the open one.
        try await store.insertMatchReviews(
            canaries.map { c in
                MatchReview(
                    pair: (control.id, c.subject.id), probability: 0.8,
                    explanation: MatchExplanation(
                        Comparator.compare(
                            PreparedPerson(SubjectMatching.record(id: control.id.rawValue, control.details)),
                            PreparedPerson(SubjectMatching.record(id: c.subject.id.rawValue, c.subject.details))),
                        model: SubjectMatching.model), foundAt: now)
            })

        /// What `user` may not be shown, each with what it is.
        func forbidden(to user: User) -> [(token: String, what: String)] {
            var hidden: [(String, String)] = []
            for c in canaries {
                let reads = AccessPolicy.decide(user, .read, c.subject.meta, kind: "subject").allowed
                let told = c.obligations.contains { o in
                    AccessPolicy.decideNotice(
                        user, addressedTo: o.agencyID,
                        caseMeta: RecordMeta(
                            owningAgencyID: hocc.id, marking: .official,
                            createdAt: now, createdBy: workflow.id),
                        subjectMeta: c.subject.meta
                    ).allowed
                }
                if !reads && !told { hidden.append((c.name, "the name of \(c.subject.id)")) }
                if !reads {
                    hidden.append((c.subject.id.rawValue, "the ID of subject \(c.name)"))
                    hidden += c.dependents.map { ($0, "a record about \(c.name)") }
                }
                if !AccessPolicy.decide(user, .read, c.group.meta, kind: "ocg").allowed {
                    hidden += [
                        (c.groupName, "the name of group \(c.group.id)"),
                        (c.group.id.rawValue, "the ID of group \(c.groupName)"),
                    ]
                }
            }
            return hidden
        }

        // The paths to call: every GET route, with each record of its kind where it names one.
        let ids: [String: [String]] = [
            "subject": subjects.map(\.id.rawValue), "ocg": canaries.map(\.group.id.rawValue) + [openGroup.id.rawValue],
            "case": canaries.map(\.caseID.rawValue), "poi": canaries.map { $0.dependents[0] },
            "intervention": canaries.map { $0.dependents[1] },
            "asset": canaries.map { $0.dependents[2] },
            "intel": try await store.intelReports(viewer: Viewer(author), limit: 200).filter {
                $0.text.hasPrefix("Openhaven")
            }.map(\.id.rawValue),
        ]
        let obligationIDs = canaries.flatMap { $0.obligations.map(\.id) }
        let reviewIDs = try await store.matchReviews(status: nil, limit: 1_000).filter {
            $0.leftID == control.id || $0.rightID == control.id
        }.map(\.id)
        func paths(_ template: String, _ access: RouteAccess) -> [String] {
            var filled = template.replacingOccurrences(of: "{list}", with: "criminal-market").replacingOccurrences(
                of: "{agency}", with: "NCA"
            )
            .replacingOccurrences(of: "{slug}", with: "consultation").replacingOccurrences(
                of: "{name}", with: "OPERATION-CANARY"
            )
            .replacingOccurrences(of: "{kind}", with: "ocg").replacingOccurrences(of: "{code}", with: "class-a-drugs")
            guard filled.contains("{id}") else {
                let separator = filled.contains("?") ? "&" : "?"
                return [
                    filled, filled + separator + "q=Quillfeather&state=all&limit=200",
                    filled + separator + "q=Openhaven&format=csv",
                ]
            }
            let values: [String]
            switch access {
            case .readRecord(let kind), .updateRecord(let kind): values = ids[kind] ?? []
            case .registerInterest: values = ids["case"]!
            case .subjectInterest: values = ids["subject"]!
            case .obligation, .acknowledgeObligation: values = obligationIDs
            case .readPair, .decidePair: values = reviewIDs
            default: values = []
            }
            filled = filled.replacingOccurrences(of: "{id}", with: "ID")
            return values.map { filled.replacingOccurrences(of: "ID", with: $0) }
        }
        let routes =
            harness.operations.filter { $0.method == .get }.flatMap { op in paths(op.path, op.access).map { ($0, true) }
            }
            + harness.pages.filter { $0.method == .get && $0.path != "/logout" }.flatMap { page in
                paths(page.path, page.access).map { ($0, false) }
            }
        var tokens: [String: String] = [:]
        for user in data.users { tokens[user.username] = try await harness.token(user.username) }
        let issued = tokens
        let users = data.users
        let hiddenFrom = Dictionary(uniqueKeysWithValues: users.map { ($0.username, forbidden(to: $0)) })
        let counted = Counter()
        let leaks = LeakLog()

        try await harness.run { client in
            for user in users {
                let session = try await signIn(client, user.username)
                let hidden = hiddenFrom[user.username]!
                for (path, api) in routes {
                    do {
                        let headers: HTTPFields =
                            api ? bearer(issued[user.username]!, json: false) : [.cookie: session.cookie]
                        let response = try await client.execute(uri: path, method: .get, headers: headers)
                        await counted.add()
                        if response.status.code >= 500 {
                            Issue.record("\(path) as \(user.username) answered \(response.status.code)")
                        }
                        let body = response.text.lowercased()
                        for (token, what) in hidden where body.contains(token.lowercased()) {
                            await leaks.add("\(user.username) GET \(path) shows \(what)")
                        }
                    }
                }
            }
        }
        let found = await leaks.lines
        #expect(found.isEmpty, "\(found.count) leaks, the first: \(found.prefix(15).joined(separator: "\n"))")
        // The test has teeth: every user is kept from something, and thousands of bodies were read.
        #expect(users.allSatisfy { !hiddenFrom[$0.username]!.isEmpty })
        #expect(await counted.value > 3_000)
    }
}

actor LeakLog {
    private(set) var lines: [String] = []
    func add(_ line: String) { lines.append(line) }
}
