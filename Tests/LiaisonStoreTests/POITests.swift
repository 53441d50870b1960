import Foundation
import LiaisonCore
import Testing

@testable import LiaisonStore

/// Persons of Interest and group assessments on every store: adoption, risk assessment setting the tier and the
/// review date, overdue reviews as the clock moves, lifetime management, and each group's score history.
@Suite("Persons of Interest and assessments")
struct POITests {
    static let ratings = ["harm": 4, "criminality": 3, "capability": 3, "influence": 2, "exploitation": 1]

    @Test(
        "a subject is adopted, assessed into a tier, and listed when its review is overdue",
        arguments: ContractStoreKind.available)
    func personOfInterest(kind: ContractStoreKind) async throws {
        let f = try await ContractFixture(kind)
        let clock = MovableClock(f.clock.now())
        let audit = AuditLog(store: f.store, clock: clock)
        let service = POIService(store: f.store, clock: clock, audit: audit)
        let subject = try await SubjectService(store: f.store, clock: clock, audit: audit)
            .create(
                SubjectInput(details: SubjectDetails(names: [PersonName(given: "Dritan", family: "Kola")])),
                by: f.analyst)
        let lead = User(
            username: "nca.lead", displayName: "Lead", email: "l@nca.invalid", agencyID: f.nca.id,
            roles: [.intelligenceOfficer], vetting: .sc)
        try await f.store.insertUser(lead, passwordHash: "x")

        await #expect(throws: LiaisonError.invalid("owner", "is not an active officer of your agency")) {
            try await service.adopt(POIInput(subjectID: subject.id, owner: "gmp.officer"), by: f.analyst)
        }
        var poi = try await service.adopt(POIInput(subjectID: subject.id, owner: "nca.lead"), by: f.analyst)
        #expect(poi.owner == "nca.lead" && poi.tier == nil && poi.reviewDue == clock.now())
        await #expect(
            throws: LiaisonError.conflict(
                field: "subjectID", reason: "your agency already manages this subject as a Person of Interest")
        ) {
            try await service.adopt(POIInput(subjectID: subject.id), by: f.analyst)
        }
        clock.advance(60)
        #expect(
            try await service.list(overdue: true, by: f.analyst).map(\.id) == [poi.id],
            "a new PoI is due its first assessment")

        let assessed = try await service.assess(
            poi.id, AssessmentInput(version: 1, ratings: Self.ratings, rationale: "supplies firearms"), by: f.analyst)
        poi = assessed.0
        // Weights 4,3,2,2,3 (most 56): (16 + 9 + 6 + 4 + 3) / 56 = 67.9 → 68, tier 1, reviewed in 90 days.
        #expect(
            assessed.1.score == 68 && poi.tier == "tier-1"
                && poi.reviewDue == clock.now().addingTimeInterval(90 * 86_400))
        #expect(try await service.list(overdue: true, by: f.analyst).isEmpty)
        await #expect(throws: LiaisonError.staleVersion(kind: "poi", id: poi.id.rawValue, expected: 1, current: 2)) {
            try await service.assess(
                poi.id, AssessmentInput(version: 1, ratings: Self.ratings, rationale: "again"), by: f.analyst)
        }
        // The partner (another agency, the record not shared beyond all) sees it but may not assess it.
        await #expect(throws: LiaisonError.self) {
            try await service.assess(
                poi.id, AssessmentInput(version: 2, ratings: Self.ratings, rationale: "x"), by: f.partner)
        }
        clock.advance(91 * 86_400)
        #expect(try await service.list(overdue: true, by: f.analyst).map(\.id) == [poi.id])
        let lower = ["harm": 1, "criminality": 1, "capability": 1, "influence": 0, "exploitation": 0]
        poi = try await service.assess(
            poi.id, AssessmentInput(version: 2, ratings: lower, rationale: "in prison"), by: f.analyst
        ).0
        #expect(poi.tier == "tier-3" && poi.reviewDue == clock.now().addingTimeInterval(365 * 86_400))
        #expect(
            try await service.assessments(poi.id, by: f.analyst).map(\.rationale) == ["in prison", "supplies firearms"])

        // Lifetime management keeps even a low tier under review every 90 days.
        let career = try await SubjectService(store: f.store, clock: clock, audit: audit)
            .create(
                SubjectInput(details: SubjectDetails(names: [PersonName(given: "Viktor", family: "Marek")])),
                by: f.analyst)
        let managed = try await service.adopt(POIInput(subjectID: career.id, lifetimeManagement: true), by: f.analyst)
        let kept = try await service.assess(
            managed.id, AssessmentInput(version: 1, ratings: lower, rationale: "released"), by: f.analyst
        ).0
        #expect(kept.tier == "tier-3" && kept.reviewDue == clock.now().addingTimeInterval(90 * 86_400))
        await f.close()
    }

    @Test(
        "a group's assessments set its score and band and are kept as its history",
        arguments: ContractStoreKind.available)
    func groupAssessment(kind: ContractStoreKind) async throws {
        let f = try await ContractFixture(kind)
        let clock = MovableClock(f.clock.now())
        let groups = OCGService(store: f.store, clock: clock, audit: AuditLog(store: f.store, clock: clock))
        var group = try await groups.create(
            OCGInput(details: OCGDetails(name: "Harbour Crew", markets: ["class-a-drugs"], areas: ["north-west"])),
            by: f.analyst)
        let high = Dictionary(uniqueKeysWithValues: ScoringMatrix.ocgStandard.factors.map { ($0.code, 4) })
        group = try await groups.assess(
            group.id, AssessmentInput(version: 1, ratings: high, rationale: "firearms and exploitation"), by: f.analyst
        ).0
        #expect(group.details.threatScore == 100 && group.details.band == "1a" && group.meta.version == 2)
        let stored = try #require(try await f.store.ocg(group.id))
        #expect(stored.details.band == "1a")
        let lower = Dictionary(uniqueKeysWithValues: ScoringMatrix.ocgStandard.factors.map { ($0.code, 2) })
        clock.advance(86_400)
        group = try await groups.assess(
            group.id, AssessmentInput(version: 2, ratings: lower, rationale: "principal arrested"), by: f.analyst
        ).0
        #expect(group.details.threatScore == 50 && group.details.band == "2b")
        let history = try await groups.assessments(group.id, by: f.analyst)
        #expect(history.map(\.score) == [50, 100] && history.map(\.by) == ["nca.analyst", "nca.analyst"])
        #expect(
            try await f.groups.list(OCGQuery(band: "2b", viewer: Viewer(f.analyst)), by: f.analyst).items.map(\.id) == [
                group.id
            ])
        // Band 2 is reassessed after 180 days; only the latest assessment counts.
        clock.advance(179 * 86_400)
        #expect(try await groups.reassessmentsDue(by: f.analyst).isEmpty)
        clock.advance(2 * 86_400)
        #expect(try await groups.reassessmentsDue(by: f.analyst).map { $0.1.score } == [50])
        await f.close()
    }

    @Test(
        "Lead Responsible Officers are appointed with history, and groups are listed by their LRO",
        arguments: ContractStoreKind.available)
    func leadOfficers(kind: ContractStoreKind) async throws {
        let f = try await ContractFixture(kind)
        let clock = MovableClock(f.clock.now())
        let groups = OCGService(store: f.store, clock: clock, audit: AuditLog(store: f.store, clock: clock))
        let lro = User(
            username: "nca.lro", displayName: "LRO", email: "lro@nca.invalid", agencyID: f.nca.id,
            roles: [.intelligenceOfficer], vetting: .sc)
        try await f.store.insertUser(lro, passwordHash: "x")
        var group = try await groups.create(
            OCGInput(details: OCGDetails(name: "Copper Network", plan: "Disrupt supply by March")), by: f.analyst)
        #expect(group.details.plan == "Disrupt supply by March" && group.details.leadHistory == nil)
        group = try await groups.appointLead(group.id, username: "nca.lro", version: 1, by: f.analyst)
        clock.advance(86_400)
        await #expect(throws: LiaisonError.invalid("lead", "is already the group's Lead Responsible Officer")) {
            try await groups.appointLead(group.id, username: "nca.lro", version: 2, by: f.analyst)
        }
        group = try await groups.appointLead(group.id, username: "nca.analyst", version: 2, by: f.analyst)
        let history = try #require(group.details.leadHistory)
        #expect(
            history.map(\.username) == ["nca.lro", "nca.analyst"] && history[0].to == clock.now()
                && history[1].to == nil)
        #expect(history.allSatisfy { $0.agencyID == f.nca.id && $0.appointedBy == "nca.analyst" })
        let led = try await groups.list(OCGQuery(lead: f.analyst.id, viewer: Viewer(f.analyst)), by: f.analyst).items
            .map(\.id)
        #expect(led == [group.id])
        #expect(try await groups.list(OCGQuery(lead: lro.id, viewer: Viewer(f.analyst)), by: f.analyst).items.isEmpty)
        // An edit that sends its own history keeps Liaison's.
        var input = OCGInput(details: group.details, version: 3)
        input.details.leadHistory = []
        input.details.summary = "edited"
        group = try await groups.update(group.id, input, by: f.analyst)
        #expect(group.details.leadHistory?.count == 2 && group.details.summary == "edited")
        clock.advance(86_400)
        input = OCGInput(details: group.details, version: 4)
        input.details.status = "dormant"
        group = try await groups.update(group.id, input, by: f.analyst)
        #expect(
            group.details.statusHistory?.map(\.status) == ["active", "dormant"]
                && group.details.statusHistory?.last?.from == clock.now())
        await f.close()
    }

    @Test(
        "a supervisor publishes a new version of a matrix; assessments from its effective date use it",
        arguments: ContractStoreKind.available)
    func publishMatrix(kind: ContractStoreKind) async throws {
        let f = try await ContractFixture(kind)
        let clock = MovableClock(f.clock.now())
        let audit = AuditLog(store: f.store, clock: clock)
        let scoring = ScoringService(store: f.store, clock: clock, audit: audit)
        let groups = OCGService(store: f.store, clock: clock, audit: audit)
        let supervisor = User(
            username: "nca.supervisor", displayName: "S", email: "s@nca.invalid", agencyID: f.nca.id,
            roles: [.supervisor], vetting: .sc)
        try await f.store.insertUser(supervisor, passwordHash: "x")
        var next = ScoringMatrix.ocgStandard
        next.version = 2
        next.effectiveFrom = InterventionService.day(clock.now().addingTimeInterval(86_400))
        next.factors[3].weight = 10  // harm counts for more
        await #expect(
            throws: LiaisonError.forbidden(reason: "only supervisors and administrators may publish a scoring matrix")
        ) {
            try await scoring.publish(next, by: f.analyst)
        }
        var broken = next
        broken.bands.removeLast()
        broken.factors[0].weight = 0
        await #expect(
            throws: LiaisonError.invalid([
                FieldError("factors[0].weight", "must be from 1 to 10"),
                FieldError("bands", "one band must start at 0, so every score has a band"),
            ])
        ) {
            try await scoring.publish(broken, by: supervisor)
        }
        _ = try await scoring.publish(next, by: supervisor)
        await #expect(throws: LiaisonError.staleVersion(kind: "scoring matrix", id: "ocg", expected: 1, current: 2)) {
            try await scoring.publish(next, by: supervisor)
        }
        #expect(try await scoring.current("ocg").version == 1, "not in force before its effective date")
        #expect(try await scoring.versions("ocg").map(\.version) == [2, 1])
        clock.advance(86_400)
        let group = try await groups.create(OCGInput(details: OCGDetails(name: "Lantern Firm")), by: f.analyst)
        var ratings = Dictionary(uniqueKeysWithValues: ScoringMatrix.ocgStandard.factors.map { ($0.code, 0) })
        ratings["harm"] = 4
        let assessment = try await groups.assess(
            group.id, AssessmentInput(version: 1, ratings: ratings, rationale: "harm only"), by: f.analyst
        ).1
        // Weights 2,3,3,10,2,1 (most 84): 40 / 84 = 47.6 → 48, band 2b.
        #expect(assessment.matrixVersion == 2 && assessment.score == 48 && assessment.band == "2b")
        await f.close()
    }
}
