import Foundation
import Hummingbird
import HummingbirdTesting
import LiaisonCore
import LiaisonMatching
import Testing

@testable import LiaisonWeb

/// Every route in the route table — API and pages — called by nobody and by every demo user (every role, agency and
/// vetting level) against records of every marking, sharing and need-to-know, and each answer checked against the
/// access policy. A route added to the application is in the table, so it cannot escape this test.
@Suite("Authorisation matrix")
struct AuthorizationMatrixTests {
    /// A request's outcome, reduced to what access control decides.
    enum Outcome: Equatable, CustomStringConvertible {
        case ok, signInNeeded, forbidden, hidden
        case other(Int)
        var description: String {
            switch self {
            case .ok: "ok"
            case .signInNeeded: "sign-in needed"
            case .forbidden: "forbidden"
            case .hidden: "not found"
            case .other(let code): "status \(code)"
            }
        }
    }

    static func outcome(_ response: TestResponse) -> Outcome {
        let code = Int(response.status.code)
        if code == 401 {
            // JSON 401: the API wants credentials. An HTML 401 is the sign-in form refusing a password: it answered.
            return response.headers[.contentType]?.hasPrefix("application/json") == true ? .signInNeeded : .ok
        }
        if code == 303, response.headers[.location]?.hasPrefix("/login") == true { return .signInNeeded }
        switch code {
        // 422: allowed in, but the (deliberately minimal) input was refused; 409: allowed in, but the record's state
        // refused the change (an undo of a pair another caller had already undone).
        case 200..<400, 409, 422: return .ok
        case 403: return .forbidden
        case 404: return .hidden
        default: return .other(code)
        }
    }

    @Test("every route × every user × every kind of record answers as the policy decides")
    func matrix() async throws {
        let harness = try await WebHarness()
        let data = harness.data
        // Records covering every classification × sharing combination, and need-to-know.
        var chosen: [Subject] = []
        for classification in [Classification.official, .officialSensitive, .secret] {
            for sharing in ["all", "owner", "named"] {
                if let s = data.subjects.first(where: { s in
                    s.meta.marking.classification == classification && s.meta.needToKnow == nil
                        && (sharing == "all"
                            ? s.meta.sharing.withAll
                            : sharing == "owner"
                                ? (!s.meta.sharing.withAll && s.meta.sharing.agencies.isEmpty)
                                : !s.meta.sharing.agencies.isEmpty)
                }) {
                    chosen.append(s)
                }
            }
        }
        if let compartmented = data.subjects.first(where: { $0.meta.needToKnow != nil }) {
            chosen.append(compartmented)
        }
        let subjects = chosen
        #expect(subjects.count >= 7)
        let groups = [Classification.officialSensitive, .secret].compactMap { c in
            data.ocgs.first { $0.meta.marking.classification == c }
        }
        #expect(groups.count == 2)

        // Match reviews pairing the first subject with each of the others, so the review routes meet every combination.
        let anchor = subjects[0]
        let reviews = subjects.dropFirst().map { other in
            MatchReview(
                pair: (anchor.id, other.id), probability: 0.7,
                explanation: MatchExplanation(
                    Comparator.compare(
                        PreparedPerson(SubjectMatching.record(id: anchor.id.rawValue, anchor.details)),
                        PreparedPerson(SubjectMatching.record(id: other.id.rawValue, other.details))),
                    model: SubjectMatching.model),
                foundAt: Date())
        }
        try await harness.store.insertMatchReviews(reviews)
        let pairs = reviews.map { review in
            (id: review.id, metas: [review.leftID, review.rightID].map { id in subjects.first { $0.id == id }!.meta })
        }

        // An import job of the first subject's agency: only that agency's users see it.
        let importJob = ImportJob(
            source: "matrix", fileName: "matrix.csv", fileSize: nil, header: [], agencyID: anchor.meta.owningAgencyID,
            startedBy: "matrix", at: Date())
        try await harness.store.insertImportJob(importJob)

        // A deportation case for each chosen subject, marked and shared as the subject is.
        var caseFixtures: [(id: String, meta: RecordMeta)] = []
        for (n, subject) in subjects.enumerated() {
            let fixture = DeportationCase(
                meta: subject.meta, subjectID: subject.id, homeOfficeReference: String(format: "M%07d", n), owner: nil,
                fileLocation: nil)
            try await harness.store.insertCase(fixture)
            caseFixtures.append((fixture.id.rawValue, fixture.meta))
        }
        let cases = caseFixtures

        // A Person of Interest for each chosen subject, held and marked as the subject is.
        var poiFixtures: [(id: String, meta: RecordMeta)] = []
        for subject in subjects {
            let fixture = PersonOfInterest(
                meta: subject.meta, subjectID: subject.id, owner: "matrix", reviewDue: Date(), lifetimeManagement: false
            )
            try await harness.store.insertPOI(fixture)
            poiFixtures.append((fixture.id.rawValue, fixture.meta))
        }
        let pois = poiFixtures

        // An intervention against each PoI, held and marked as its subject is.
        var interventionFixtures: [(id: String, meta: RecordMeta)] = []
        for (n, subject) in subjects.enumerated() {
            let fixture = Intervention(
                id: .make(), meta: subject.meta, target: InterventionTarget(kind: "poi", id: poiFixtures[n].id),
                category: .pursue,
                tactic: "arrest", partnerAgencies: [], owner: "matrix", dueDate: "2026-12-01", status: "planned",
                operation: "OPERATION-MATRIX", description: "matrix", outcomes: [])
            try await harness.store.insertIntervention(fixture)
            interventionFixtures.append((fixture.id.rawValue, fixture.meta))
        }
        let interventions = interventionFixtures

        // A restraint order against each chosen subject, held and marked as the subject is.
        var assetFixtures: [(id: String, meta: RecordMeta)] = []
        for subject in subjects {
            let fixture = AssetOrder(
                id: .make(), meta: subject.meta, target: AssetTarget(kind: "subject", id: subject.id.rawValue),
                subjectID: subject.id,
                power: .restraint, court: "matrix", reference: "", madeOn: "2026-01-01", amount: 1_000,
                confiscation: nil,
                agencies: [], status: "in-force", events: [])
            try await harness.store.insertAssetOrder(fixture)
            assetFixtures.append((fixture.id.rawValue, fixture.meta))
        }
        let assets = assetFixtures

        // An intelligence report about each chosen subject, held and marked as the subject is (sent nowhere).
        var intelFixtures: [(id: String, meta: RecordMeta)] = []
        for subject in subjects {
            let fixture = IntelReport(
                id: .make(), meta: subject.meta, text: "matrix", infoDate: "2026-01-01", place: nil,
                source: IntelSource(kind: "covert", description: "matrix", covertReference: "CHIS-1"),
                links: [IntelLink(kind: "subject", value: subject.id.rawValue)],
                grading: IntelGrading(source: .reliable, assessment: .b, handling: HandlingCode(.p)),
                legacyGrading: nil, status: "draft",
                reviewDate: nil, sanitised: [], disseminations: [], history: [], withheld: [])
            try await harness.store.insertIntelReport(fixture)
            intelFixtures.append((fixture.id.rawValue, fixture.meta))
        }
        let intel = intelFixtures

        // An obligation to the NCA on each case: the NCA's users see theirs; others see them only through the case.
        let nca = data.agencies.first { $0.code == "NCA" }!
        let obligationFixtures = caseFixtures.map { fixture in
            Obligation(
                id: "matrix:\(fixture.id)", caseID: CaseID(fixture.id), agencyID: nca.id, agencyCode: nca.code,
                event: "decision-to-deport",
                summary: "Case: matrix", createdAt: Date(), dueBy: Date().addingTimeInterval(86_400), status: .open,
                owner: nil, escalation: 0,
                rulesVersion: 1)
        }
        try await harness.store.commitCaseWork(CaseWork(newObligations: obligationFixtures))
        // The operation the interventions are planned under, led by the NCA.
        let operation = JointOperation(
            name: "OPERATION-MATRIX", description: "matrix", leadAgency: nca.id, partnerAgencies: [],
            startsOn: "2026-01-01",
            endsOn: nil, createdBy: "matrix", createdAt: Date())
        try await harness.store.insertOperation(operation)
        // Industry alerts in every state, the demo bank receiving banking alerts: drafts, live, expired, for another
        // sector, withdrawn, and marked OFFICIAL-SENSITIVE.
        let bank = data.agencies.first { $0.type == "private-sector" }!
        try await harness.store.setAlertAudience(bank.id, sectors: ["banking"])
        var alertFixtures: [IndustryAlert] = []
        for (n, spec) in [
            (AlertStatus.draft, "2099-01-01", "banking", Classification.official),
            (.published, "2099-01-01", "banking", .official),
            (.published, "2020-01-01", "banking", .official), (.published, "2099-01-01", "insurance", .official),
            (.withdrawn, "2099-01-01", "banking", .official), (.published, "2099-01-01", "banking", .officialSensitive),
        ].enumerated() {
            let fixture = IndustryAlert(
                id: .make(), issuer: nca.id, issuerCode: nca.code, title: "Matrix \(n)", category: "typology",
                summary: "matrix", guidance: "",
                indicators: [], sectors: [spec.2], marking: ProtectiveMarking(spec.3), expiresOn: spec.1,
                status: spec.0,
                createdBy: "matrix", createdAt: Date())
            try await harness.store.insertAlert(fixture)
            alertFixtures.append(fixture)
        }
        let alerts = alertFixtures
        let today = String(
            ISO8601DateFormatter.string(
                from: Date(), timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate]))
        @Sendable func readsAlert(_ user: User, _ alert: IndustryAlert) -> Bool {
            AccessPolicy.decideAlert(user, alert, sectors: user.agencyID == bank.id ? ["banking"] : [], today: today)
                .allowed
        }
        let owed = zip(obligationFixtures, caseFixtures).map { (id: $0.id, agency: $0.agencyID, caseMeta: $1.meta) }

        // A matrix naming a version already taken: allowed callers get 409, as the policy lets them in.
        var stale = ScoringMatrix.ocgStandard
        stale.version = 1
        let staleMatrix = String(decoding: try JSONCoding.encoder.encode(stale), as: UTF8.self)

        var issued: [String: String] = [:]
        for user in data.users { issued[user.username] = try await harness.token(user.username) }
        let tokens = issued
        let operations = harness.operations
        // Sign-out ends the session, so it runs last.
        let pages = harness.pages.sorted { a, _ in a.path != "/logout" }
        let store = harness.store
        let counted = Counter()

        try await harness.run { client in
            var sessions: [String: (cookie: String, csrf: String)] = [:]
            for user in data.users { sessions[user.username] = try await signIn(client, user.username) }

            func records(_ kind: String) -> [(id: String, meta: RecordMeta)] {
                kind == "subject"
                    ? subjects.map { ($0.id.rawValue, $0.meta) }
                    : kind == "case"
                        ? cases
                        : kind == "poi"
                            ? pois
                            : kind == "intervention"
                                ? interventions
                                : kind == "asset"
                                    ? assets : kind == "intel" ? intel : groups.map { ($0.id.rawValue, $0.meta) }
            }
            func currentVersion(_ kind: String, _ id: String) async throws -> Int {
                switch kind {
                case "subject": try await store.subject(SubjectID(id))!.meta.version
                case "case": try await store.deportationCase(CaseID(id))!.meta.version
                case "poi": try await store.poi(POIID(id))!.meta.version
                case "intervention": try await store.intervention(InterventionID(id))!.meta.version
                case "asset": try await store.assetOrder(AssetOrderID(id))!.meta.version
                case "intel": try await store.intelReport(IntelReportID(id))!.meta.version
                default: try await store.ocg(OCGID(id))!.meta.version
                }
            }
            func jsonBody(_ kind: String, version: Int?) -> String {
                let v = version.map { ",\"version\":\($0)" } ?? ""
                if kind == "case" {
                    return version.map { #"{"version":\#($0),"barrier":"no-travel-document","note":"matrix"}"# }
                        ?? #"{"subjectID":"\#(anchor.id.rawValue)","homeOfficeReference":"Z1234567"}"#
                }
                return kind == "subject"
                    ? #"{"details":{"names":[{"kind":"primary","given":"Matrix","family":"Test"}],"datesOfBirth":[],"nationalities":[],"identifiers":[],"addresses":[],"phones":[]}\#(v)}"#
                    : #"{"details":{"name":"Matrix Crew","operationNames":[],"markets":[],"areas":[],"status":"active"}\#(v)}"#
            }
            func formBody(_ kind: String, csrf: String, version: Int?, meta: RecordMeta?) -> String {
                var fields = ["_csrf=\(csrf)"]
                if let version { fields.append("version=\(version)") }
                if kind == "subject" {
                    fields += [
                        "given=Matrix", "family=Test",
                        "classification=\(urlEncode(meta?.marking.classification.rawValue ?? "OFFICIAL"))",
                    ]
                    if let meta {
                        fields.append(
                            "sharing="
                                + (meta.sharing.withAll ? "all" : meta.sharing.agencies.isEmpty ? "owner" : "named"))
                        fields += meta.sharing.agencies.map { "named=\($0)" }
                        if let ntk = meta.needToKnow { fields.append("needToKnow=\(urlEncode(ntk))") }
                    }
                } else {
                    fields += ["name=Matrix+Crew", "status=active"]
                }
                return fields.joined(separator: "&")
            }

            /// Calls one route as one caller (nil: anonymous) and checks the outcome.
            func check(_ method: HTTPRequest.Method, _ template: String, api: Bool, access: RouteAccess, user: User?)
                async throws
            {
                var targets: [(path: String, record: (id: String, meta: RecordMeta)?, pair: [RecordMeta]?)] = []
                let kind: String? =
                    switch access {
                    case .readRecord(let k), .updateRecord(let k), .createRecord(let k): k
                    case .registerInterest: "case"
                    case .subjectInterest: "subject"
                    default: nil
                    }
                if template.contains("{id}"), let kind {
                    targets = records(kind).map { (template.replacingOccurrences(of: "{id}", with: $0.id), $0, nil) }
                } else if case .agencyRecord = access {
                    targets = [(template.replacingOccurrences(of: "{id}", with: importJob.id), nil, nil)]
                } else if access == .obligation || access == .acknowledgeObligation {
                    targets = owed.map {
                        (template.replacingOccurrences(of: "{id}", with: $0.id), (id: $0.id, meta: $0.caseMeta), nil)
                    }
                } else if access == .readAlert || access == .publishAlert || access == .answerAlert {
                    targets = alerts.map {
                        (
                            template.replacingOccurrences(of: "{id}", with: $0.id.rawValue),
                            (
                                id: $0.id.rawValue,
                                meta: RecordMeta(
                                    owningAgencyID: $0.issuer, marking: $0.marking, createdAt: $0.createdAt,
                                    createdBy: UserID("matrix"))
                            ), nil
                        )
                    }
                } else if access == .intelRecipient {
                    targets = intel.map { (template.replacingOccurrences(of: "{id}", with: $0.id), nil, nil) }
                } else if access == .readPair || access == .decidePair {
                    targets = pairs.map { (template.replacingOccurrences(of: "{id}", with: $0.id), nil, $0.metas) }
                } else {
                    targets = [
                        (
                            template.replacingOccurrences(of: "{list}", with: "criminal-market").replacingOccurrences(
                                of: "{code}", with: "matrix-test"
                            )
                            .replacingOccurrences(of: "{agency}", with: "NCA").replacingOccurrences(
                                of: "{slug}", with: "consultation"
                            ).replacingOccurrences(of: "{name}", with: "OPERATION-MATRIX").replacingOccurrences(
                                of: "{kind}", with: "ocg"), nil, nil
                        )
                    ]
                }
                for target in targets {
                    var headers: HTTPFields = [:]
                    var body: String?
                    let version =
                        kind == nil ? nil : try await target.record.asyncMap { try await currentVersion(kind!, $0.id) }
                    if let user {
                        if api {
                            headers = bearer(tokens[user.username]!)
                        } else {
                            headers[.cookie] = sessions[user.username]!.cookie
                        }
                    } else if api {
                        headers[.contentType] = "application/json"
                    }
                    if method == .post || method == .put {
                        if api {
                            body =
                                template.hasPrefix("/api/v1/reference")
                                ? #"{"label":"Matrix","sortOrder":1,"active":true}"#
                                : template.hasSuffix("/decision")
                                    ? #"{"decision":"unsure"}"#
                                    : template.hasSuffix("/interests")
                                        ? #"{"version":\#(version ?? 0),"reason":"matrix","contact":"desk"}"#
                                        : template.hasSuffix("/acknowledgement")
                                            ? "{}"
                                            : template.hasSuffix("/assessments")
                                                ? #"{"version":\#(version ?? 0),"ratings":{},"rationale":"matrix"}"#
                                                : template == "/api/v1/pois"
                                                    ? #"{"subjectID":"\#(anchor.id.rawValue)"}"#
                                                    : template == "/api/v1/interventions"
                                                        ? #"{"target":{"kind":"poi","id":"\#(pois[0].id)"},"category":"pursue","tactic":"arrest","dueDate":"2026-12-01","description":"matrix"}"#
                                                        : template.hasPrefix("/api/v1/scoring/")
                                                            ? staleMatrix
                                                            : template == "/api/v1/assets"
                                                                ? #"{"target":{"kind":"subject","id":"\#(anchor.id.rawValue)"},"power":"restraint","court":"matrix","madeOn":"2026-01-01","amount":100}"#
                                                                : template == "/api/v1/asset-recovery/scheme"
                                                                    ? #"{"version":1,"effectiveFrom":"2026-01-01","shares":{"home-office":50,"investigation":18.75,"prosecution":18.75,"enforcement":12.5}}"#
                                                                    : template.hasSuffix("/events")
                                                                        ? #"{"version":\#(version ?? 0),"kind":"varied","date":"2026-01-02","amount":900}"#
                                                                        : template.hasPrefix("/api/v1/interventions/")
                                                                            ? #"{"version":\#(version ?? 0),"status":"in-progress"}"#
                                                                            : template.hasSuffix("/delivery")
                                                                                ? #"{"version":0,"email":"desk@example.invalid"}"#
                                                                                : template.hasPrefix("/api/v1/guidance")
                                                                                    ? #"{"version":0,"title":"Matrix","body":"Matrix","changeNote":"matrix"}"#
                                                                                    : jsonBody(
                                                                                        kind ?? "subject",
                                                                                        version: version)
                        } else {
                            headers[.contentType] = "application/x-www-form-urlencoded"
                            let csrf = user.map { sessions[$0.username]!.csrf } ?? ""
                            body =
                                template == "/login"
                                ? "username=matrix-nobody&password=wrong"
                                : formBody(kind ?? "subject", csrf: csrf, version: version, meta: target.record?.meta)
                        }
                    }
                    if template == "/login" && method == .post {
                        // The sign-in form carries the token its page set in a cookie.
                        let form = try await signInForm(client)
                        headers[.cookie] = [form.cookie, headers[.cookie]].compactMap { $0 }.joined(separator: "; ")
                        body = "_csrf=\(form.csrf)&username=matrix-nobody&password=wrong"
                    }
                    let response = try await client.execute(
                        uri: target.path, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
                    var got = Self.outcome(response)
                    // Signing out succeeds by sending the user to the sign-in page.
                    if template == "/logout", user != nil, got == .signInNeeded { got = .ok }
                    let expected: Outcome
                    if template == "/metrics" {
                        // Off unless the server is started with a metrics token, which the harness is not.
                        expected = .hidden
                    } else if user == nil {
                        expected = access == .anyone ? (got == .signInNeeded ? .ok : got) : .signInNeeded
                    } else if user!.confinedToAlerts && access != .anyone && !Self.alertsOnly(template) {
                        // Private-sector users reach the alerts and nothing else.
                        expected = .forbidden
                    } else {
                        let user = user!
                        let alert = alerts.first { target.path.contains($0.id.rawValue) }
                        switch access {
                        case .readAlert: expected = readsAlert(user, alert!) ? .ok : .hidden
                        case .publishAlert:
                            expected =
                                !readsAlert(user, alert!)
                                ? .hidden : AlertService.mayPublish(user, alert!) ? .ok : .forbidden
                        case .answerAlert:
                            expected = !readsAlert(user, alert!) ? .hidden : user.confinedToAlerts ? .ok : .forbidden
                        case .anyone, .signedIn: expected = .ok
                        case .roles(let roles): expected = Set(user.roles).isDisjoint(with: roles) ? .forbidden : .ok
                        case .readRecord(let k):
                            expected =
                                AccessPolicy.decide(user, .read, target.record!.meta, kind: k).allowed ? .ok : .hidden
                        case .updateRecord(let k):
                            expected =
                                !AccessPolicy.decide(user, .read, target.record!.meta, kind: k).allowed
                                ? .hidden
                                : AccessPolicy.decide(user, .update, target.record!.meta, kind: k).allowed
                                    ? .ok : .forbidden
                        case .createRecord:
                            expected = AccessPolicy.decideCreate(user, marking: .official).allowed ? .ok : .forbidden
                        case .agencyRecord:
                            expected = user.agencyID == importJob.agencyID ? .ok : .hidden
                        case .readPair:
                            expected =
                                target.pair!.allSatisfy {
                                    AccessPolicy.decide(user, .read, $0, kind: "subject").allowed
                                } ? .ok : .hidden
                        case .decidePair:
                            expected =
                                !target.pair!.allSatisfy({
                                    AccessPolicy.decide(user, .read, $0, kind: "subject").allowed
                                })
                                ? .hidden
                                : AccessPolicy.decideLink(user, target.pair!, kind: "subject").allowed
                                    ? .ok : .forbidden
                        case .registerInterest:
                            let meta = target.record!.meta
                            expected =
                                !AccessPolicy.decide(user, .read, meta, kind: "case").allowed
                                ? .hidden
                                : AccessPolicy.decide(user, .update, meta, kind: "case").allowed
                                    || !Set(user.roles).isDisjoint(with: CaseService.interestRoles)
                                    ? .ok
                                    : .forbidden
                        case .subjectInterest:
                            let meta = target.record!.meta
                            expected =
                                !AccessPolicy.decide(user, .read, meta, kind: "subject").allowed
                                ? .hidden
                                : Set(user.roles).isDisjoint(
                                    with: CaseService.interestRoles.union(ObligationService.caseworkRoles))
                                    ? .forbidden : .ok
                        case .obligation:
                            let meta = target.record!.meta
                            expected =
                                AccessPolicy.decideNotice(user, addressedTo: nca.id, caseMeta: meta, subjectMeta: meta)
                                    .allowed
                                    || AccessPolicy.decide(user, .read, meta, kind: "case").allowed ? .ok : .hidden
                        case .intelRecipient:
                            expected = .hidden  // the fixtures were sent nowhere
                        case .briefOperation:
                            expected =
                                !OperationService.mayRead(user, operation)
                                ? .hidden : OperationService.mayBrief(user, operation) ? .ok : .forbidden
                        case .acknowledgeObligation:
                            let meta = target.record!.meta
                            expected =
                                AccessPolicy.decideNotice(user, addressedTo: nca.id, caseMeta: meta, subjectMeta: meta)
                                    .allowed
                                ? .ok
                                : AccessPolicy.decide(user, .read, meta, kind: "case").allowed ? .forbidden : .hidden
                        }
                    }
                    #expect(
                        got == expected,
                        "\(method) \(target.path) as \(user?.username ?? "anonymous"): expected \(expected), got \(got) (\(response.status.code))"
                    )
                    if case .other = got { Issue.record("\(method) \(target.path) answered \(response.status.code)") }
                    await counted.add()
                }
            }

            for operation in operations {
                try await check(operation.method, operation.path, api: true, access: operation.access, user: nil)
                for user in data.users {
                    try await check(operation.method, operation.path, api: true, access: operation.access, user: user)
                }
            }
            for page in pages {
                try await check(page.method, page.path, api: false, access: page.access, user: nil)
                for user in data.users {
                    try await check(page.method, page.path, api: false, access: page.access, user: user)
                }
            }
        }
        let total = await counted.value
        #expect(harness.operations.count + harness.pages.count > 30)
        #expect(total > 1_000)
        // Every API answer above passed the harness's check against the OpenAPI document; every documented
        // operation was among them.
        let checked = harness.checked.operations.withLock { Set($0.keys) }
        let unchecked = Set(harness.operations.map { "\($0.method) \($0.path)" }).subtracting(checked)
        #expect(unchecked.isEmpty, "operations whose answers were never checked: \(unchecked.sorted())")
    }
}

extension AuthorizationMatrixTests {
    /// The routes a private-sector user may call: the alerts, who they are, the home page (which sends them to the
    /// alerts), feedback on the service (the banner on every page offers it) and signing out.
    static func alertsOnly(_ template: String) -> Bool {
        ["/", "/logout", "/feedback", "/api/v1/me"].contains(template) || template.hasPrefix("/alerts")
            || template.hasPrefix("/api/v1/alerts")
    }
}

actor Counter {
    private(set) var value = 0
    func add() { value += 1 }
}
