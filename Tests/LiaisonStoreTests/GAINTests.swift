import Foundation
import LiaisonCore
import Testing

@testable import LiaisonStore

/// GAIN hit/no-hit on every store: each agency answers from its own records, hit or no hit and nothing else; a
/// record the requester could not be told of looks exactly like no record; the holder sees who asked and why,
/// and may share; both sides are audited.
@Suite("GAIN hit/no-hit")
struct GAINTests {
    @Test(
        "an agency holding the person answers hit; one without, or holding it above the requester's vetting, answers no hit",
        arguments: ContractStoreKind.available)
    func hitAndNoHit(kind: ContractStoreKind) async throws {
        let f = try await ContractFixture(kind)
        let hmrc = Agency(code: "HMRC", name: "HM Revenue and Customs", type: "partner", jurisdiction: "uk")
        let bf = Agency(code: "BF", name: "Border Force", type: "partner", jurisdiction: "uk")
        try await f.store.insertAgency(hmrc)
        try await f.store.insertAgency(bf)
        let gmpIntel = User(
            username: "gmp.intel", displayName: "GMP intel", email: "i@gmp.invalid", agencyID: f.gmp.id,
            roles: [.intelligenceOfficer], vetting: .sc)
        let bfOfficer = User(
            username: "bf.intel", displayName: "BF intel", email: "i@bf.invalid", agencyID: bf.id,
            roles: [.intelligenceOfficer], vetting: .dv)
        let requester = User(
            username: "nca.intel", displayName: "NCA intel", email: "n@nca.invalid", agencyID: f.nca.id,
            roles: [.intelligenceOfficer], vetting: .sc)
        for user in [gmpIntel, bfOfficer, requester] { try await f.store.insertUser(user, passwordHash: "x") }
        let subjects = SubjectService(store: f.store, clock: f.clock, audit: f.audit)
        let person = SubjectDetails(
            names: [PersonName(given: "Mohammed", family: "Al-Rashid")], datesOfBirth: ["1985-07-03"])
        // GMP holds him (OFFICIAL, not shared with anyone); Border Force holds him TOP SECRET; HMRC holds no one.
        let held = try await subjects.create(
            SubjectInput(
                details: SubjectDetails(
                    names: [PersonName(given: "Muhamad", family: "Al Rashid")], datesOfBirth: ["1985-07-03"]),
                sharing: Sharing(withAll: false)), by: gmpIntel)
        _ = try await subjects.create(
            SubjectInput(details: person, marking: ProtectiveMarking(.topSecret), sharing: Sharing(withAll: false)),
            by: bfOfficer)
        _ = try await subjects.create(
            SubjectInput(
                details: SubjectDetails(
                    names: [PersonName(given: "Sara", family: "Okafor")], datesOfBirth: ["1990-01-01"])), by: gmpIntel)
        let gain = GAINService(store: f.store, clock: f.clock, audit: f.audit)

        await #expect(
            throws: LiaisonError.invalid([
                FieldError("purpose", "must state why you ask, in 10 to 1000 characters"),
                FieldError(
                    "person.names", "must give at least the person's name (or ask about a vehicle or a company instead)"
                ), FieldError("agencies", "name the agencies to ask"),
            ])
        ) {
            try await gain.ask(GAINRequestInput(purpose: "why", person: nil, agencies: []), by: requester)
        }
        await #expect(
            throws: LiaisonError.forbidden(
                reason:
                    "only intelligence officers, analysts, financial investigators and supervisors make GAIN requests")
        ) {
            try await gain.ask(
                GAINRequestInput(purpose: "Deportation case B1234567: is he known?", person: person, agencies: ["GMP"]),
                by: f.partner)
        }
        let asked = try await gain.ask(
            GAINRequestInput(
                purpose: "Deportation case B1234567: is he known to partners?", person: person,
                agencies: ["GMP", "HMRC", "BF"]),
            by: requester)
        #expect(asked.answers.map(\.agencyCode) == ["GMP", "HMRC", "BF"])
        #expect(asked.answers.map(\.result) == ["hit", "no hit", "no hit"])
        // The answer reveals nothing else: the TOP SECRET record and no record at all look the same.
        #expect(asked.answers[1] == GAINRequestView.Answer(agencyCode: "HMRC", result: "no hit", shared: nil))
        #expect(asked.answers[2] == GAINRequestView.Answer(agencyCode: "BF", result: "no hit", shared: nil))
        let encoded = String(decoding: try JSONCoding.encoder.encode(asked), as: UTF8.self)
        #expect(!encoded.contains(held.id.rawValue) && !encoded.contains("Muhamad"))

        // GMP sees who asked and why, and which of its records matched; Border Force has no hit to see.
        let hits = try await gain.hits(by: gmpIntel)
        #expect(
            hits.count == 1 && hits[0].requester == "nca.intel" && hits[0].requesterAgencyCode == "NCA"
                && hits[0].matched == [held.id])
        #expect(hits[0].purpose == "Deportation case B1234567: is he known to partners?")
        #expect(try await gain.hits(by: bfOfficer).isEmpty)
        await #expect(throws: LiaisonError.notFound(kind: "gain", id: asked.id.rawValue)) {
            try await gain.share(GAINShareInput(requestID: asked.id.rawValue, message: "x"), by: bfOfficer)
        }
        _ = try await gain.share(
            GAINShareInput(
                requestID: asked.id.rawValue, message: "Known to GMP: call the intelligence desk on 0161 000 0000"),
            by: gmpIntel)
        let mine = try await gain.requests(by: requester)
        #expect(
            mine.count == 1 && mine[0].answers[0].shared == "Known to GMP: call the intelligence desk on 0161 000 0000")
        // Audited on both sides: the request by the requester, and the hit against GMP's record.
        #expect(
            try await f.store.searchAudit(AuditQuery(action: "gain.request", limit: 5)).filter {
                $0.outcome == .allowed
            }.count == 1)
        let hitEntries = try await f.store.searchAudit(
            AuditQuery(objectID: held.id.rawValue, action: "gain.hit", limit: 5))
        #expect(hitEntries.count == 1 && hitEntries[0].actorName == "nca.intel")
        await f.close()
    }

    @Test(
        "candidates come by blocking keys: the same family name's sound with a date, among many namesakes; a store's older subjects get the keys by migration",
        arguments: StoreKind.available)
    func blockingKeys(kind: StoreKind) async throws {
        let f = try await Fixture(kind)
        let intel = User(
            username: "nca.intel", displayName: "NCA intel", email: "n@nca.invalid", agencyID: f.nca.id,
            roles: [.intelligenceOfficer], vetting: .sc)
        try await f.store.insertUser(intel, passwordHash: "x")
        let details = SubjectDetails(
            names: [PersonName(given: "Muhamad", family: "Al Rashid")], datesOfBirth: ["1985-07-03"])
        #expect(
            SearchKeys.blocking(details) == [
                "#ALRXT/MHMT~1985", "#ALRXT=19850703", "#ALRXT~1985", "#RXT/MHMT~1985", "#RXT=19850703", "#RXT~1985",
            ])
        // 300 namesakes of GMP's, born in other years, and the person himself, stored as before blocking keys existed.
        var held: [(subject: Subject, keys: [String])] = []
        for n in 0..<301 {
            let person =
                n == 300
                ? details
                : SubjectDetails(
                    names: [PersonName(given: "Mohammed", family: "Al-Rashid")],
                    datesOfBirth: ["\(1900 + n % 80)-01-0\(1 + n % 9)"])
            let subject = Subject(
                id: .make(),
                meta: RecordMeta(
                    owningAgencyID: f.gmp.id, marking: .official, createdAt: f.clock.now(), createdBy: f.analyst.id),
                details: person)
            held.append((subject, SearchKeys.subject(person).filter { !$0.hasPrefix("#") }))
        }
        try await f.store.insertSubjects(held)
        let gain = GAINService(store: f.store, clock: f.clock, audit: f.audit)
        let probe = GAINRequestInput(
            purpose: "Is he known to GMP at this date of birth?",
            person: SubjectDetails(
                names: [PersonName(given: "Mohammed", family: "Al-Rashid")], datesOfBirth: ["1985-07-03"]),
            agencies: ["GMP"])
        // Without its keys no search reaches him (by name alone he would sort after 300 Mohammeds, beyond any page): no hit.
        #expect(try await gain.ask(probe, by: intel).answers.map(\.result) == ["no hit"])
        // The migration gives every stored subject its blocking keys; the date then finds him among them all.
        try await f.store.db.transaction { tx in
            try await Migrations.all.first { $0.name == "026_subject_blocking_keys" }!.backfill!(tx, f.store.db.dialect)
        }
        #expect(try await gain.ask(probe, by: intel).answers.map(\.result) == ["hit"])
        await f.store.close()
    }

    @Test(
        "about a vehicle or a company, an agency with a report linking it answers hit, however it was written; drafts and reports above the requester's vetting do not",
        arguments: StoreKind.available)
    func vehiclesAndCompanies(kind: StoreKind) async throws {
        let f = try await Fixture(kind)
        let bf = Agency(code: "BF", name: "Border Force", type: "partner", jurisdiction: "uk")
        try await f.store.insertAgency(bf)
        let gmpIntel = User(
            username: "gmp.intel", displayName: "GMP intel", email: "i@gmp.invalid", agencyID: f.gmp.id,
            roles: [.intelligenceOfficer], vetting: .sc)
        let bfOfficer = User(
            username: "bf.intel", displayName: "BF intel", email: "i@bf.invalid", agencyID: bf.id,
            roles: [.intelligenceOfficer], vetting: .dv)
        let requester = User(
            username: "nca.intel", displayName: "NCA intel", email: "n@nca.invalid", agencyID: f.nca.id,
            roles: [.intelligenceOfficer], vetting: .sc)
        for user in [gmpIntel, bfOfficer, requester] { try await f.store.insertUser(user, passwordHash: "x") }
        let intel = IntelligenceService(store: f.store, clock: f.clock, audit: f.audit)
        let grading = IntelGrading(source: .reliable, assessment: .b, handling: HandlingCode(.p))
        func report(_ links: [IntelLink], by user: User, marking: ProtectiveMarking = .official, submit: Bool = true)
            async throws -> IntelReport
        {
            let made = try await intel.create(
                IntelReportInput(
                    text: "Seen at the car wash on Cheetham Hill Road.", infoDate: "2026-08-01",
                    source: IntelSource(kind: "agency", description: "Patrol"), links: links, marking: marking),
                by: user)
            return submit
                ? try await intel.step(
                    made.id, IntelStepInput(version: 1, action: "submit", grading: grading), by: user) : made
        }
        // GMP's submitted report links the car and the company, written its own way; its draft links another car;
        // Border Force holds the same car TOP SECRET, above the requester's vetting.
        let gmpReport = try await report(
            [IntelLink(kind: "vehicle", value: "mx19abc"), IntelLink(kind: "company", value: "Acme Trading Limited")],
            by: gmpIntel)
        _ = try await report([IntelLink(kind: "vehicle", value: "KX70 DEF")], by: gmpIntel, submit: false)
        _ = try await report(
            [IntelLink(kind: "vehicle", value: "MX19 ABC")], by: bfOfficer, marking: ProtectiveMarking(.topSecret))
        let gain = GAINService(store: f.store, clock: f.clock, audit: f.audit)
        func ask(vehicle: String? = nil, company: String? = nil) async throws -> [String] {
            try await gain.ask(
                GAINRequestInput(
                    purpose: "Operation Kestrel: who knows this?", vehicle: vehicle, company: company,
                    agencies: ["GMP", "BF"]),
                by: requester
            ).answers.map(\.result)
        }

        #expect(try await ask(vehicle: "MX19 ABC") == ["hit", "no hit"])
        #expect(try await ask(company: "ACME TRADING LTD") == ["hit", "no hit"])
        #expect(try await ask(vehicle: "KX70DEF") == ["no hit", "no hit"])
        #expect(try await ask(company: "Acme Logistics Ltd") == ["no hit", "no hit"])
        await #expect(
            throws: LiaisonError.invalid([
                FieldError("person", "ask about one thing at a time: a person, a vehicle or a company"),
                FieldError("vehicle", "must be a registration of 2 to 8 letters and digits"),
            ])
        ) {
            try await gain.ask(
                GAINRequestInput(
                    purpose: "Operation Kestrel: who knows this?",
                    person: SubjectDetails(names: [PersonName(given: "A", family: "B")]),
                    vehicle: "X", agencies: ["GMP"]), by: requester)
        }

        // GMP sees what was asked about and which of its reports matched; the requester sees hit and what was asked.
        let hits = try await gain.hits(by: gmpIntel)
        #expect(Set(hits.map(\.about)) == ["company: ACME TRADING LTD", "vehicle: MX19 ABC"] && hits.count == 2)
        #expect(hits.allSatisfy { $0.reports == [gmpReport.id] && $0.matched.isEmpty })
        #expect(try await gain.requests(by: requester).map(\.about).contains("vehicle: KX70DEF"))
        let audited = try await f.store.searchAudit(
            AuditQuery(objectID: gmpReport.id.rawValue, action: "gain.hit", limit: 5))
        #expect(audited.count == 2 && audited.allSatisfy { $0.actorName == "nca.intel" && $0.objectKind == "intel" })

        // A store's older reports get their keyed links by migration.
        try await f.store.db.execute("DELETE FROM intel_links WHERE kind IN ('vehicle', 'company')", [])
        #expect(try await ask(vehicle: "MX19 ABC") == ["no hit", "no hit"])
        try await f.store.db.transaction { tx in
            try await Migrations.all.first { $0.name == "027_intel_index_rebuilt" }!.backfill!(tx, f.store.db.dialect)
        }
        #expect(try await ask(vehicle: "MX19 ABC") == ["hit", "no hit"])
        await f.store.close()
    }
}
