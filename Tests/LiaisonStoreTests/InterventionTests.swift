import Foundation
import LiaisonCore
import Testing
@testable import LiaisonStore

/// Interventions on every store: planned against a group or PoI, moved through their statuses, outcomes recorded
/// and checked, "subject to action" decided by the rule as the clock moves, and an operation's joint results
/// respecting need-to-know.
@Suite("Interventions and outcomes")
struct InterventionTests {
    @Test("an intervention is planned, completed and its outcomes recorded; the group becomes subject to action for a year", arguments: StoreKind.available)
    func lifecycle(kind: StoreKind) async throws {
        let f = try await Fixture(kind)
        let clock = MovableClock(f.clock.now())
        let audit = AuditLog(store: f.store, clock: clock)
        let groups = OCGService(store: f.store, clock: clock, audit: audit)
        let service = InterventionService(store: f.store, clock: clock, audit: audit)
        let group = try await groups.create(OCGInput(details: OCGDetails(name: "Granite Line", markets: ["county-lines"], areas: ["north-west"])), by: f.analyst)
        let target = InterventionTarget(kind: "ocg", id: group.id.rawValue)
        let day = InterventionService.day(clock.now())

        await #expect(throws: LiaisonError.invalid([FieldError("category", "must be one of pursue, prevent, protect, prepare"),
                                                    FieldError("tactic", "is not in the intervention-tactic list"),
                                                    FieldError("dueDate", "must be a date as yyyy-mm-dd")])) {
            try await service.plan(InterventionInput(target: target, category: "punish", tactic: "shouting", dueDate: "2026-02-30", description: "x"), by: f.analyst)
        }
        var i = try await service.plan(InterventionInput(target: target, category: "pursue", tactic: "arrest", partners: ["GMP"], dueDate: day,
                                                         operation: "OPERATION SLATE", description: "Warrants at three addresses"), by: f.analyst)
        #expect(i.status == "planned" && i.partnerAgencies == [f.gmp.id])
        #expect(try await service.subjectToAction(target, by: f.analyst).0 == false)

        i = try await service.step(i.id, InterventionStepInput(version: 1, status: "in-progress"), by: f.analyst)
        await #expect(throws: LiaisonError.invalid("status", "planned cannot follow in-progress (allowed: completed, cancelled)")) {
            try await service.step(i.id, InterventionStepInput(version: 2, status: "planned"), by: f.analyst)
        }
        await #expect(throws: LiaisonError.invalid([FieldError("outcome.commodity", "a seizure must say what was seized"),
                                                    FieldError("outcome.unit", "a seizure must give its unit (kg, GBP, items…)")])) {
            try await service.step(i.id, InterventionStepInput(version: 2, outcome: OutcomeInput(kind: "seizure", date: day, quantity: 2, narrative: "")), by: f.analyst)
        }
        i = try await service.step(i.id, InterventionStepInput(version: 2, outcome: OutcomeInput(kind: "seizure", date: day, quantity: 1.5, unit: "kg",
                                                                                                 commodity: "cocaine", purity: 72, place: "Salford", route: "M62",
                                                                                                 impact: "major", narrative: "stash house")), by: f.analyst)
        i = try await service.step(i.id, InterventionStepInput(version: 3, outcome: OutcomeInput(kind: "arrest", date: day, quantity: 3, narrative: "")), by: f.analyst)
        i = try await service.step(i.id, InterventionStepInput(version: 4, status: "completed"), by: f.analyst)
        #expect(i.status == "completed" && i.completedOn == day && i.outcomes.map(\.kind) == ["seizure", "arrest"])
        let (under, because, _, _) = try await service.subjectToAction(target, by: f.analyst)
        #expect(under && because?.id == i.id)

        // The partner sees the intervention (shared with all) but may not change it; the operation totals its outcomes.
        await #expect(throws: LiaisonError.self) { try await service.step(i.id, InterventionStepInput(version: 5, status: "cancelled"), by: f.partner) }
        let results = try await service.operation("OPERATION SLATE", by: f.partner)
        #expect(results.totals == ["seizure": 1.5, "arrest": 3] && results.seizures == ["cocaine (kg)": 1.5])
        #expect(Set(results.agencies) == [f.nca.id, f.gmp.id])

        // A year and a day later the group is no longer subject to action.
        clock.advance(366 * 86_400)
        #expect(try await service.subjectToAction(target, by: f.analyst).0 == false)
        await f.store.close()
    }

    @Test("an operation's interventions under need-to-know are seen only by those briefed", arguments: StoreKind.available)
    func needToKnow(kind: StoreKind) async throws {
        let f = try await Fixture(kind)
        let briefed = User(username: "nca.briefed", displayName: "B", email: "b@nca.invalid", agencyID: f.nca.id, roles: [.intelligenceOfficer],
                           vetting: .sc, briefings: ["OPERATION FLINT"])
        try await f.store.insertUser(briefed, passwordHash: "x")
        let service = InterventionService(store: f.store, clock: f.clock, audit: f.audit)
        let group = try await f.groups.create(OCGInput(details: OCGDetails(name: "Flint Crew")), by: f.analyst)
        _ = try await service.plan(InterventionInput(target: InterventionTarget(kind: "ocg", id: group.id.rawValue), category: "prevent",
                                                     tactic: "prevent-young-people", dueDate: "2026-12-01", operation: "OPERATION FLINT",
                                                     description: "school visits", needToKnow: "OPERATION FLINT"), by: briefed)
        #expect(try await service.operation("OPERATION FLINT", by: briefed).interventions.count == 1)
        #expect(try await service.operation("OPERATION FLINT", by: f.analyst).interventions.isEmpty)
        await f.store.close()
    }
}
