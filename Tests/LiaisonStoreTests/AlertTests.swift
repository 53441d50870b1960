import Foundation
import LiaisonCore
import Testing

@testable import LiaisonStore

/// Industry alerts on every store: only their audience sees them (private-sector organisations of the sectors
/// named, once published, until expiry); private-sector users see nothing else anywhere; acknowledgements and
/// feedback reach the issuing agency; the STIX bundle carries what STIX can express.
@Suite("Industry alerts")
struct AlertTests {
    struct People {
        let bank: Agency, insurer: Agency
        let intel: User, supervisor: User, admin: User, banker: User, underwriter: User
    }

    static func people(_ f: ContractFixture) async throws -> People {
        let bank = Agency(code: "BANK", name: "Example Bank plc", type: "private-sector", jurisdiction: "uk")
        let insurer = Agency(code: "INSURE", name: "Example Insurance Ltd", type: "private-sector", jurisdiction: "uk")
        for agency in [bank, insurer] { try await f.store.insertAgency(agency) }
        let p = People(
            bank: bank, insurer: insurer,
            intel: User(
                username: "nca.intel", displayName: "Intel", email: "i@nca.invalid", agencyID: f.nca.id,
                roles: [.intelligenceOfficer], vetting: .sc),
            supervisor: User(
                username: "nca.supervisor", displayName: "Supervisor", email: "s@nca.invalid", agencyID: f.nca.id,
                roles: [.supervisor], vetting: .sc),
            admin: User(
                username: "nca.admin", displayName: "Admin", email: "a@nca.invalid", agencyID: f.nca.id,
                roles: [.administrator], vetting: .sc),
            banker: User(
                username: "bank.alerts", displayName: "Bank", email: "b@bank.invalid", agencyID: bank.id,
                roles: [.industryPartner], vetting: .bpss),
            underwriter: User(
                username: "insure.alerts", displayName: "Insurer", email: "u@insure.invalid", agencyID: insurer.id,
                roles: [.industryPartner], vetting: .bpss))
        for user in [p.intel, p.supervisor, p.admin, p.banker, p.underwriter] {
            try await f.store.insertUser(user, passwordHash: "x")
        }
        return p
    }

    static let mules = AlertInput(
        title: "Money mule accounts", category: "suspicious-financial-activity",
        summary: "New accounts receive many small transfers from unrelated payers, then forward round sums.",
        guidance: "Report suspicion citing this alert.",
        indicators: [
            AlertIndicator(kind: "email", value: "jobs-desk@example.net"),
            AlertIndicator(kind: "ipv4", value: "192.0.2.44"),
            AlertIndicator(kind: "phone", value: "07700 900418", note: "recruiter"),
        ],
        sectors: ["banking"], marking: ProtectiveMarking(.officialSensitive), expiresOn: "2026-12-31")

    @Test(
        "an alert reaches only its sectors' organisations, once published and until it expires; they acknowledge and give feedback",
        arguments: ContractStoreKind.available)
    func audience(kind: ContractStoreKind) async throws {
        let f = try await ContractFixture(kind)
        let p = try await Self.people(f)
        let alerts = AlertService(store: f.store, clock: f.clock, audit: f.audit)

        // Who receives alerts is set by administrators, for private-sector organisations only.
        await #expect(throws: LiaisonError.forbidden(reason: "only administrators set who receives industry alerts")) {
            try await alerts.setAudience("BANK", AlertAudienceInput(sectors: ["banking"]), by: p.intel)
        }
        await #expect(
            throws: LiaisonError.invalid([
                FieldError("agency", "GMP is not a private-sector organisation"),
                FieldError("sectors", "'shipping' is not in the industry-sector list"),
            ])
        ) {
            try await alerts.setAudience("GMP", AlertAudienceInput(sectors: ["shipping"]), by: p.admin)
        }
        _ = try await alerts.setAudience("BANK", AlertAudienceInput(sectors: ["banking", "payments"]), by: p.admin)
        _ = try await alerts.setAudience("INSURE", AlertAudienceInput(sectors: ["insurance"]), by: p.admin)
        #expect(try await alerts.audiences(by: p.admin).map(\.sectors) == [["banking", "payments"], ["insurance"]])

        // Every problem is named by field.
        do {
            _ = try await alerts.create(
                AlertInput(
                    title: "", category: "gossip", summary: "x",
                    indicators: [AlertIndicator(kind: "email", value: "not-an-address")],
                    sectors: [], marking: ProtectiveMarking(.secret), expiresOn: "2026-01-01"), by: p.intel)
            Issue.record("an alert with every field wrong was accepted")
        } catch let LiaisonError.invalid(fields) {
            #expect(fields.map(\.field) == ["title", "category", "sectors", "marking", "expiresOn", "indicators[0]"])
            #expect(
                fields.first { $0.field == "marking" }?.reason
                    == "an alert goes to private-sector partners, so it may be marked only OFFICIAL or OFFICIAL-SENSITIVE"
            )
        }
        await #expect(
            throws: LiaisonError.forbidden(
                reason:
                    "only intelligence officers, analysts, financial investigators and supervisors write industry alerts"
            )
        ) {
            try await alerts.create(Self.mules, by: p.banker)
        }
        let draft = try await alerts.create(Self.mules, by: p.intel)
        #expect(draft.status == .draft && draft.issuer == "NCA" && draft.sectors == ["banking"])

        // A draft is seen by its agency only.
        #expect(try await alerts.list(by: p.banker).isEmpty)
        await #expect(throws: LiaisonError.notFound(kind: "alert", id: draft.id.rawValue)) {
            try await alerts.get(draft.id.rawValue, by: p.banker)
        }
        await #expect(throws: LiaisonError.notFound(kind: "alert", id: draft.id.rawValue)) {
            try await alerts.get(draft.id.rawValue, by: f.partner)
        }

        // A supervisor of the issuing agency publishes it.
        await #expect(
            throws: LiaisonError.forbidden(
                reason: "only a supervisor of the issuing agency publishes or withdraws its alerts")
        ) {
            try await alerts.step(draft.id.rawValue, AlertStepInput(version: 1, action: "publish"), by: p.intel)
        }
        let published = try await alerts.step(
            draft.id.rawValue, AlertStepInput(version: 1, action: "publish"), by: p.supervisor)
        #expect(published.status == .published && published.version == 2)

        // The bank (banking) sees it; the insurer (insurance) does not, and cannot answer it.
        #expect(try await alerts.list(by: p.banker).map(\.id) == [draft.id])
        #expect(try await alerts.list(by: p.underwriter).isEmpty)
        await #expect(throws: LiaisonError.notFound(kind: "alert", id: draft.id.rawValue)) {
            try await alerts.acknowledge(draft.id.rawValue, by: p.underwriter)
        }

        // Acknowledging is once per organisation; feedback is checked, then kept.
        _ = try await alerts.acknowledge(draft.id.rawValue, by: p.banker)
        let twice = try await alerts.acknowledge(draft.id.rawValue, by: p.banker)
        #expect(twice.acknowledgements.map(\.agencyCode) == ["BANK"])
        await #expect(
            throws: LiaisonError.invalid([
                FieldError("rating", "must be one of useful, not-useful, acted-on"),
                FieldError("text", "must not be empty"),
            ])
        ) {
            try await alerts.feedback(draft.id.rawValue, AlertFeedbackInput(rating: "great", text: " "), by: p.banker)
        }
        _ = try await alerts.feedback(
            draft.id.rawValue, AlertFeedbackInput(rating: "acted-on", text: "Two accounts closed and reported."),
            by: p.banker)
        await #expect(
            throws: LiaisonError.forbidden(reason: "only the private-sector recipients of an alert acknowledge it")
        ) {
            try await alerts.acknowledge(draft.id.rawValue, by: p.intel)
        }

        // The issuing agency sees every answer; another agency sees the alert but not who answered.
        let issuerView = try await alerts.get(draft.id.rawValue, by: p.intel)
        #expect(
            issuerView.acknowledgements.count == 1
                && issuerView.feedback.map(\.text) == ["Two accounts closed and reported."])
        let partnerView = try await alerts.get(draft.id.rawValue, by: f.partner)
        #expect(
            partnerView.acknowledgements.isEmpty && partnerView.feedback.isEmpty
                && partnerView.summary == Self.mules.summary)

        // After its expiry the bank no longer sees it.
        let later = AlertService(
            store: f.store, clock: FixedClock(f.clock.date.addingTimeInterval(120 * 86_400)), audit: f.audit)
        #expect(try await later.list(by: p.banker).isEmpty)
        #expect(try await later.stix(by: p.banker).objects.isEmpty)

        // Withdrawn, with a reason, it is gone for the bank at once.
        await #expect(
            throws: LiaisonError.invalid("reason", "must say why the alert is withdrawn, in 1 to 1000 characters")
        ) {
            try await alerts.step(draft.id.rawValue, AlertStepInput(version: 4, action: "withdraw"), by: p.supervisor)
        }
        _ = try await alerts.step(
            draft.id.rawValue, AlertStepInput(version: 4, action: "withdraw", reason: "superseded"), by: p.supervisor)
        #expect(try await alerts.list(by: p.banker).isEmpty)

        // Each step is audited, refusals included.
        #expect(
            try await f.store.searchAudit(AuditQuery(action: "alert.publish", limit: 5)).map(\.outcome).sorted {
                $0.rawValue < $1.rawValue
            } == [.allowed, .denied])
        #expect(
            try await f.store.searchAudit(AuditQuery(action: "alert.feedback", limit: 5)).filter {
                $0.outcome == .allowed
            }.count == 1)
    }

    @Test(
        "private-sector users see nothing but alerts: records, lists and accounts",
        arguments: ContractStoreKind.available)
    func confinement(kind: ContractStoreKind) async throws {
        let f = try await ContractFixture(kind)
        let p = try await Self.people(f)
        let open = try await f.subjects.create(
            SubjectInput(details: SubjectDetails(names: [PersonName(given: "Sara", family: "Okafor")])), by: f.analyst)
        #expect(open.meta.sharing.withAll)
        #expect(
            AccessPolicy.decide(p.banker, .read, open.meta).reasons == ["private-sector users see industry alerts only"]
        )
        await #expect(throws: LiaisonError.notFound(kind: "subject", id: open.id.rawValue)) {
            try await f.subjects.get(open.id, by: p.banker)
        }
        #expect(try await f.subjects.search(nil, page: PageRequest(limit: 50), by: p.banker).items.isEmpty)
        #expect(
            try await f.subjects.search(nil, page: PageRequest(limit: 50), by: f.partner).items.map(\.id) == [open.id])

        // Accounts: a private-sector organisation's users hold the industry-partner role alone, and only they do.
        let admin = UserAdministration(store: f.store, audit: f.audit)
        await #expect(
            throws: LiaisonError.invalid(
                "roles", "users of a private-sector organisation hold only the industry-partner role")
        ) {
            try await admin.validate(
                NewUser(
                    username: "bank.analyst", displayName: "B", email: "b@bank.invalid", agencyCode: "BANK",
                    roles: ["analyst"],
                    vetting: "BPSS", password: "correct horse battery"))
        }
        await #expect(
            throws: LiaisonError.invalid(
                "roles", "the industry-partner role is for users of private-sector organisations")
        ) {
            try await admin.validate(
                NewUser(
                    username: "gmp.bank", displayName: "G", email: "g@gmp.invalid", agencyCode: "GMP",
                    roles: ["industry-partner"],
                    vetting: "BPSS", password: "correct horse battery"))
        }
    }

    @Test(
        "an alert drawn from intelligence obeys its handling code: another agency's C-coded report cannot go to industry",
        arguments: ContractStoreKind.available)
    func handlingCode(kind: ContractStoreKind) async throws {
        let f = try await ContractFixture(kind)
        let p = try await Self.people(f)
        let gmpIntel = User(
            username: "gmp.intel", displayName: "GMP intel", email: "i@gmp.invalid", agencyID: f.gmp.id,
            roles: [.intelligenceOfficer], vetting: .sc)
        try await f.store.insertUser(gmpIntel, passwordHash: "x")
        let intelligence = IntelligenceService(store: f.store, clock: f.clock, audit: f.audit)
        let report = try await intelligence.create(
            IntelReportInput(
                text: "Mule herders recruit through a payroll site.", infoDate: "2026-09-01",
                source: IntelSource(kind: "agency", description: "GMP financial unit"),
                grading: IntelGrading(
                    source: .reliable, assessment: .b, handling: HandlingCode(.c, conditions: "not for industry")),
                sharing: Sharing(withAll: true)), by: gmpIntel)
        let alerts = AlertService(store: f.store, clock: f.clock, audit: f.audit)
        var input = Self.mules
        input.sourceIntel = report.id.rawValue
        await #expect(
            throws: LiaisonError.invalid(
                "sourceIntel",
                "handling code C: onward sharing needs the originating agency's agreement (conditions: not for industry)"
            )
        ) {
            try await alerts.create(input, by: p.intel)
        }
        // The originating agency may draw on its own report; the link shows only to the issuing agency.
        let own = try await alerts.create(input, by: gmpIntel)
        #expect(own.sourceIntel == report.id)
        let gmpSupervisor = User(
            username: "gmp.supervisor", displayName: "GMP supervisor", email: "s@gmp.invalid", agencyID: f.gmp.id,
            roles: [.supervisor], vetting: .sc)
        try await f.store.insertUser(gmpSupervisor, passwordHash: "x")
        _ = try await alerts.step(own.id.rawValue, AlertStepInput(version: 1, action: "publish"), by: gmpSupervisor)
        #expect(try await alerts.get(own.id.rawValue, by: p.intel).sourceIntel == nil)
        #expect(try await alerts.get(own.id.rawValue, by: f.partner).sourceIntel == report.id)
    }

    @Test(
        "the STIX bundle: a report per alert with an identity and a marking; indicators for what STIX patterns express; stable identifiers"
    )
    func stix() throws {
        let nca = Agency(code: "NCA", name: "National Crime Agency", type: "law-enforcement", jurisdiction: "uk")
        let at = Date(timeIntervalSince1970: 1_790_000_000)
        let alert = IndustryAlert(
            id: IndustryAlertID("0b1c2d3e-4f50-4a61-8b72-93a4b5c6d7e8"), issuer: nca.id, issuerCode: "NCA",
            title: "Mules", category: "typology",
            summary: "Summary", guidance: "Report it",
            indicators: Self.mules.indicators! + [AlertIndicator(kind: "url", value: "https://x.example.com/o'k")],
            sectors: ["banking"], marking: ProtectiveMarking(.officialSensitive), expiresOn: "2026-12-31",
            status: .published,
            createdBy: "nca.intel", createdAt: at, publishedBy: "nca.supervisor", publishedAt: at)
        let bundle = STIXBundle.make([alert], agencies: [nca.id: nca], now: at)
        #expect(
            bundle.objects.map(\.type) == [
                "identity", "marking-definition", "indicator", "indicator", "indicator", "report",
            ])
        let indicators = bundle.objects.filter { $0.type == "indicator" }
        #expect(
            indicators.map(\.pattern) == [
                "[email-addr:value = 'jobs-desk@example.net']", "[ipv4-addr:value = '192.0.2.44']",
                "[url:value = 'https://x.example.com/o\\'k']",
            ])
        #expect(
            indicators.allSatisfy {
                $0.valid_until == "2026-12-31T23:59:59.999Z" && $0.valid_from == "2026-09-21T14:13:20.000Z"
            })
        let report = bundle.objects.last!
        #expect(report.object_refs == indicators.map(\.id))
        #expect(report.description?.contains("- phone: 07700 900418 (recruiter)") == true)
        #expect(
            report.object_marking_refs == [bundle.objects[1].id]
                && bundle.objects[1].definition?["statement"]?.hasPrefix("OFFICIAL-SENSITIVE") == true)
        // Identifiers are type--UUIDv4 and the same on every export.
        let pattern = /^[a-z-]+--[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
        #expect(bundle.objects.allSatisfy { $0.id.wholeMatch(of: pattern) != nil && $0.id.hasPrefix($0.type + "--") })
        #expect(
            STIXBundle.make([alert], agencies: [nca.id: nca], now: at.addingTimeInterval(60)).objects == bundle.objects)
    }
}
