import Foundation
import LiaisonCore
import Testing
@testable import LiaisonStore

/// GAIN hit/no-hit on every store: each agency answers from its own records, hit or no hit and nothing else; a
/// record the requester could not be told of looks exactly like no record; the holder sees who asked and why,
/// and may share; both sides are audited.
@Suite("GAIN hit/no-hit")
struct GAINTests {
    @Test("an agency holding the person answers hit; one without, or holding it above the requester's vetting, answers no hit", arguments: StoreKind.available)
    func hitAndNoHit(kind: StoreKind) async throws {
        let f = try await Fixture(kind)
        let hmrc = Agency(code: "HMRC", name: "HM Revenue and Customs", type: "partner", jurisdiction: "uk")
        let bf = Agency(code: "BF", name: "Border Force", type: "partner", jurisdiction: "uk")
        try await f.store.insertAgency(hmrc)
        try await f.store.insertAgency(bf)
        let gmpIntel = User(username: "gmp.intel", displayName: "GMP intel", email: "i@gmp.invalid", agencyID: f.gmp.id, roles: [.intelligenceOfficer], vetting: .sc)
        let bfOfficer = User(username: "bf.intel", displayName: "BF intel", email: "i@bf.invalid", agencyID: bf.id, roles: [.intelligenceOfficer], vetting: .dv)
        let requester = User(username: "nca.intel", displayName: "NCA intel", email: "n@nca.invalid", agencyID: f.nca.id, roles: [.intelligenceOfficer], vetting: .sc)
        for user in [gmpIntel, bfOfficer, requester] { try await f.store.insertUser(user, passwordHash: "x") }
        let subjects = SubjectService(store: f.store, clock: f.clock, audit: f.audit)
        let person = SubjectDetails(names: [PersonName(given: "Mohammed", family: "Al-Rashid")], datesOfBirth: ["1985-07-03"])
        // GMP holds him (OFFICIAL, not shared with anyone); Border Force holds him TOP SECRET; HMRC holds no one.
        let held = try await subjects.create(SubjectInput(details: SubjectDetails(names: [PersonName(given: "Muhamad", family: "Al Rashid")], datesOfBirth: ["1985-07-03"]),
                                                          sharing: Sharing(withAll: false)), by: gmpIntel)
        _ = try await subjects.create(SubjectInput(details: person, marking: ProtectiveMarking(.topSecret), sharing: Sharing(withAll: false)), by: bfOfficer)
        _ = try await subjects.create(SubjectInput(details: SubjectDetails(names: [PersonName(given: "Sara", family: "Okafor")], datesOfBirth: ["1990-01-01"])), by: gmpIntel)
        let gain = GAINService(store: f.store, clock: f.clock, audit: f.audit)

        await #expect(throws: LiaisonError.invalid([FieldError("purpose", "must state why you ask, in 10 to 1000 characters"),
                                                    FieldError("person.names", "must give at least the person's name"), FieldError("agencies", "name the agencies to ask")])) {
            try await gain.ask(GAINRequestInput(purpose: "why", person: nil, agencies: []), by: requester)
        }
        await #expect(throws: LiaisonError.forbidden(reason: "only intelligence officers, analysts, financial investigators and supervisors make GAIN requests")) {
            try await gain.ask(GAINRequestInput(purpose: "Deportation case B1234567: is he known?", person: person, agencies: ["GMP"]), by: f.partner)
        }
        let asked = try await gain.ask(GAINRequestInput(purpose: "Deportation case B1234567: is he known to partners?", person: person, agencies: ["GMP", "HMRC", "BF"]),
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
        #expect(hits.count == 1 && hits[0].requester == "nca.intel" && hits[0].requesterAgencyCode == "NCA" && hits[0].matched == [held.id])
        #expect(hits[0].purpose == "Deportation case B1234567: is he known to partners?")
        #expect(try await gain.hits(by: bfOfficer).isEmpty)
        await #expect(throws: LiaisonError.notFound(kind: "gain", id: asked.id.rawValue)) {
            try await gain.share(GAINShareInput(requestID: asked.id.rawValue, message: "x"), by: bfOfficer)
        }
        _ = try await gain.share(GAINShareInput(requestID: asked.id.rawValue, message: "Known to GMP: call the intelligence desk on 0161 000 0000"), by: gmpIntel)
        let mine = try await gain.requests(by: requester)
        #expect(mine.count == 1 && mine[0].answers[0].shared == "Known to GMP: call the intelligence desk on 0161 000 0000")
        // Audited on both sides: the request by the requester, and the hit against GMP's record.
        #expect(try await f.store.searchAudit(AuditQuery(action: "gain.request", limit: 5)).filter { $0.outcome == .allowed }.count == 1)
        let hitEntries = try await f.store.searchAudit(AuditQuery(objectID: held.id.rawValue, action: "gain.hit", limit: 5))
        #expect(hitEntries.count == 1 && hitEntries[0].actorName == "nca.intel")
        await f.store.close()
    }
}
