import Foundation
import LiaisonCore
import Testing

@testable import LiaisonStore

/// Interventions on every store: planned against a group or PoI, moved through their statuses, outcomes recorded
/// and checked, "subject to action" decided by the rule as the clock moves, and an operation's joint results
/// respecting need-to-know.
@Suite("Interventions and outcomes")
struct InterventionTests {
    @Test(
        "an intervention is planned, completed and its outcomes recorded; the group becomes subject to action for a year",
        arguments: ContractStoreKind.available)
    func lifecycle(kind: ContractStoreKind) async throws {
        let f = try await ContractFixture(kind)
        let clock = MovableClock(f.clock.now())
        let audit = AuditLog(store: f.store, clock: clock)
        let groups = OCGService(store: f.store, clock: clock, audit: audit)
        let service = InterventionService(store: f.store, clock: clock, audit: audit)
        let group = try await groups.create(
            OCGInput(details: OCGDetails(name: "Granite Line", markets: ["county-lines"], areas: ["north-west"])),
            by: f.analyst)
        let target = InterventionTarget(kind: "ocg", id: group.id.rawValue)
        let day = InterventionService.day(clock.now())

        await #expect(
            throws: LiaisonError.invalid([
                FieldError("category", "must be one of pursue, prevent, protect, prepare"),
                FieldError("tactic", "is not in the intervention-tactic list"),
                FieldError("dueDate", "must be a date as yyyy-mm-dd"),
            ])
        ) {
            try await service.plan(
                InterventionInput(
                    target: target, category: "punish", tactic: "shouting", dueDate: "2026-02-30", description: "x"),
                by: f.analyst)
        }
        var i = try await service.plan(
            InterventionInput(
                target: target, category: "pursue", tactic: "arrest", partners: ["GMP"], dueDate: day,
                operation: "OPERATION SLATE", description: "Warrants at three addresses"), by: f.analyst)
        #expect(i.status == "planned" && i.partnerAgencies == [f.gmp.id])
        #expect(try await service.subjectToAction(target, by: f.analyst).0 == false)

        i = try await service.step(i.id, InterventionStepInput(version: 1, status: "in-progress"), by: f.analyst)
        await #expect(
            throws: LiaisonError.invalid("status", "planned cannot follow in-progress (allowed: completed, cancelled)")
        ) {
            try await service.step(i.id, InterventionStepInput(version: 2, status: "planned"), by: f.analyst)
        }
        await #expect(
            throws: LiaisonError.invalid([
                FieldError("outcome.commodity", "a seizure must say what was seized"),
                FieldError("outcome.unit", "a seizure must give its unit (kg, GBP, items…)"),
            ])
        ) {
            try await service.step(
                i.id,
                InterventionStepInput(
                    version: 2, outcome: OutcomeInput(kind: "seizure", date: day, quantity: 2, narrative: "")),
                by: f.analyst)
        }
        i = try await service.step(
            i.id,
            InterventionStepInput(
                version: 2,
                outcome: OutcomeInput(
                    kind: "seizure", date: day, quantity: 1.5, unit: "kg",
                    commodity: "cocaine", purity: 72, place: "Salford", route: "M62",
                    impact: "major", narrative: "stash house")), by: f.analyst)
        i = try await service.step(
            i.id,
            InterventionStepInput(
                version: 3, outcome: OutcomeInput(kind: "arrest", date: day, quantity: 3, narrative: "")), by: f.analyst
        )
        i = try await service.step(i.id, InterventionStepInput(version: 4, status: "completed"), by: f.analyst)
        #expect(i.status == "completed" && i.completedOn == day && i.outcomes.map(\.kind) == ["seizure", "arrest"])
        let (under, because, _, _) = try await service.subjectToAction(target, by: f.analyst)
        #expect(under && because?.id == i.id)

        // The partner sees the intervention (shared with all) but may not change it; the operation totals its outcomes.
        await #expect(throws: LiaisonError.self) {
            try await service.step(i.id, InterventionStepInput(version: 5, status: "cancelled"), by: f.partner)
        }
        let results = try await OperationService(store: f.store, clock: clock, audit: audit).view(
            "OPERATION SLATE", by: f.partner)
        #expect(results.totals == ["seizure": 1.5, "arrest": 3] && results.seizures == ["cocaine (kg)": 1.5])
        #expect(Set(results.agencies) == [f.nca.id, f.gmp.id])

        // A year and a day later the group is no longer subject to action.
        clock.advance(366 * 86_400)
        #expect(try await service.subjectToAction(target, by: f.analyst).0 == false)
        await f.close()
    }

    @Test(
        "an operation is set up, members are briefed and withdrawn, and only the briefed see its need-to-know interventions",
        arguments: ContractStoreKind.available)
    func operation(kind: ContractStoreKind) async throws {
        let f = try await ContractFixture(kind)
        let officer = User(
            username: "nca.officer", displayName: "Officer B", email: "b@nca.invalid", agencyID: f.nca.id,
            roles: [.intelligenceOfficer], vetting: .sc)
        let outsider = User(
            username: "gmp.supervisor", displayName: "Sup", email: "s@gmp.invalid", agencyID: f.gmp.id,
            roles: [.supervisor], vetting: .sc)
        try await f.store.insertUser(officer, passwordHash: "x")
        try await f.store.insertUser(outsider, passwordHash: "x")
        let operations = OperationService(store: f.store, clock: f.clock, audit: f.audit)
        let service = InterventionService(store: f.store, clock: f.clock, audit: f.audit)

        await #expect(
            throws: LiaisonError.invalid([
                FieldError("name", "must be 1–60 letters, digits, spaces or hyphens"),
                FieldError("description", "must be 1 to 2000 characters"),
                FieldError("endsOn", "must not be before startsOn"),
                FieldError("partners", "'XYZ' is not a known agency"),
            ])
        ) {
            try await operations.create(
                OperationInput(
                    name: "Op; drop", description: " ", partners: ["XYZ"], startsOn: "2026-12-01", endsOn: "2026-11-01"),
                by: f.analyst)
        }
        await #expect(
            throws: LiaisonError.forbidden(
                reason: "only supervisors, intelligence officers, analysts and administrators set up operations")
        ) {
            try await operations.create(
                OperationInput(name: "OPERATION X", description: "x", startsOn: "2026-12-01"), by: f.partner)
        }
        let made = try await operations.create(
            OperationInput(
                name: "operation flint", description: "Prevent work with young people at risk",
                startsOn: "2026-11-01"), by: f.analyst)
        #expect(made.name == "OPERATION FLINT" && made.leadAgency == f.nca.id && made.createdBy == "nca.analyst")
        await #expect(
            throws: LiaisonError.conflict(field: "name", reason: "there is already an operation called OPERATION FLINT")
        ) {
            try await operations.create(
                OperationInput(name: "OPERATION FLINT", description: "again", startsOn: "2026-11-01"), by: f.analyst)
        }
        // GMP is not in it: the record is hidden, and briefing refused as if it did not exist.
        #expect(try await operations.list(by: outsider).isEmpty)
        #expect(try await operations.view("OPERATION FLINT", by: outsider).operation == nil)
        await #expect(throws: LiaisonError.notFound(kind: "operation", id: "OPERATION FLINT")) {
            try await operations.brief(
                "OPERATION FLINT", BriefingInput(username: "gmp.supervisor", briefed: true), by: outsider)
        }
        // A fellow NCA officer sees it but may not brief; the officer who set it up may.
        await #expect(throws: LiaisonError.self) {
            try await operations.brief(
                "OPERATION FLINT", BriefingInput(username: "nca.officer", briefed: true), by: officer)
        }
        await #expect(
            throws: LiaisonError.invalid([
                FieldError("username", "is not a user"),
                FieldError("briefed", "is required: true to brief, false to withdraw"),
            ])
        ) {
            try await operations.brief(
                "OPERATION FLINT", BriefingInput(username: "nobody", briefed: nil), by: f.analyst)
        }
        #expect(
            try await operations.brief(
                "OPERATION FLINT", BriefingInput(username: "nca.analyst", briefed: true), by: f.analyst
            ).map(\.username) == ["nca.analyst"])
        let analyst = try await f.store.user(f.analyst.id)!
        _ = try await service.plan(
            InterventionInput(
                target: InterventionTarget(
                    kind: "ocg",
                    id: try await f.groups.create(OCGInput(details: OCGDetails(name: "Flint Crew")), by: analyst).id
                        .rawValue),
                category: "prevent", tactic: "prevent-young-people", dueDate: "2026-12-01",
                operation: "OPERATION FLINT",
                description: "school visits", needToKnow: "OPERATION FLINT"), by: analyst)
        let seen = try await operations.view("OPERATION FLINT", by: analyst)
        #expect(seen.interventions.count == 1 && seen.canBrief && seen.briefed?.map(\.username) == ["nca.analyst"])
        let unbriefed = try await operations.view("OPERATION FLINT", by: officer)
        #expect(
            unbriefed.operation == made && unbriefed.interventions.isEmpty && unbriefed.briefed == nil
                && !unbriefed.canBrief)

        // Briefing the officer opens the intervention to them; withdrawing closes it again.
        _ = try await operations.brief(
            "OPERATION FLINT", BriefingInput(username: "nca.officer", briefed: true), by: analyst)
        #expect(
            try await operations.view("OPERATION FLINT", by: try await f.store.user(officer.id)!).interventions.count
                == 1)
        #expect(
            try await operations.brief(
                "OPERATION FLINT", BriefingInput(username: "nca.officer", briefed: false), by: analyst
            ).map(\.username) == ["nca.analyst"])
        #expect(
            try await operations.view("OPERATION FLINT", by: try await f.store.user(officer.id)!).interventions.isEmpty)
        let trail = try await f.store.searchAudit(AuditQuery(action: "operation.brief", limit: 10))
        #expect(trail.count == 6 && trail.filter { $0.outcome == .allowed }.count == 3)
        await f.close()
    }
}
