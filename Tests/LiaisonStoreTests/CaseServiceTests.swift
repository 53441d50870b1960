import Foundation
import LiaisonCore
import Testing

@testable import LiaisonStore

/// Deportation cases on every store: opened for a visible subject, moved on step by step through the workflow's
/// rules with the version the user saw, hidden from those the policy keeps out, and audited.
@Suite("Deportation cases")
struct CaseServiceTests {
    @Test(
        "a case is opened, moved on, refused out-of-order or stale steps, and seen only as the policy allows",
        arguments: ContractStoreKind.available)
    func lifecycle(kind: ContractStoreKind) async throws {
        let f = try await ContractFixture(kind)
        let subject = try await f.subjects.create(
            SubjectInput(details: SubjectDetails(names: [PersonName(given: "Arben", family: "Hoxha")])), by: f.analyst)
        let service = CaseService(store: f.store, clock: f.clock, audit: f.audit)
        var c = try await service.create(
            CaseInput(
                subjectID: subject.id, homeOfficeReference: "b1234567", fileLocation: "Casework team, Croydon",
                sharing: Sharing(withAll: false, agencies: [f.gmp.id])), by: f.analyst)
        #expect(c.subjectName == subject.displayName && c.withheld == nil)
        #expect(c.fileLocation == "croydon")
        #expect(c.homeOfficeReference == "B1234567" && c.owner == nil && c.progress.stage == nil && c.meta.version == 1)
        await #expect(
            throws: LiaisonError.conflict(
                field: "homeOfficeReference", reason: "another case already has Home Office reference B1234567")
        ) {
            try await service.create(CaseInput(subjectID: subject.id, homeOfficeReference: "B1234567"), by: f.analyst)
        }
        await #expect(
            throws: LiaisonError.invalid("homeOfficeReference", "must be a letter and 5 to 9 digits, e.g. B1234567")
        ) {
            try await service.create(CaseInput(subjectID: subject.id, homeOfficeReference: "12"), by: f.analyst)
        }

        for milestone in ["liability-to-deport", "decision-to-deport", "deportation-order", "appeal-rights-exhausted"] {
            c = try await service.step(
                c.id, CaseStepInput(version: c.meta.version, milestone: milestone, reason: "as the file shows"),
                by: f.analyst)
        }
        #expect(c.progress.stage == .appealRightsExhausted && c.meta.version == 5)
        await #expect(throws: LiaisonError.staleVersion(kind: "case", id: c.id.rawValue, expected: 4, current: 5)) {
            try await service.step(c.id, CaseStepInput(version: 4, milestone: "removed", reason: "x"), by: f.analyst)
        }
        c = try await service.step(
            c.id, CaseStepInput(version: c.meta.version, barrier: "confiscation", note: "Crown Court proceedings"),
            by: f.analyst)
        let removal = RemovalDirections(
            date: f.clock.now().addingTimeInterval(10 * 86_400), route: "LHR", destination: "Tirana")
        await #expect(
            throws: LiaisonError.conflict(
                field: "barriers", reason: "removal directions cannot be set while a barrier is open: confiscation")
        ) {
            try await service.step(
                c.id,
                CaseStepInput(
                    version: c.meta.version, milestone: "removal-directions-set", reason: "flight", removal: removal),
                by: f.analyst)
        }
        c = try await service.step(
            c.id, CaseStepInput(version: c.meta.version, barrierID: 1, note: "order satisfied"), by: f.analyst)
        c = try await service.step(
            c.id,
            CaseStepInput(
                version: c.meta.version, milestone: "removal-directions-set", reason: "flight", removal: removal),
            by: f.analyst)
        let stored = try #require(try await f.store.deportationCase(c.id))
        #expect(
            stored.progress == c.progress && stored.meta.version == c.meta.version && stored.progress.removal == removal
        )
        #expect(
            stored.progress.events.map(\.kind).suffix(4) == [
                "barrier-opened", "barriers-process-started", "barrier-resolved", "removal-directions-set",
            ])

        // Allocation to a case owner, recorded with who and when; an analyst is not a case owner.
        await #expect(throws: LiaisonError.invalid("allocateTo", "is not an active case owner or senior caseworker")) {
            try await service.step(
                c.id, CaseStepInput(version: c.meta.version, allocateTo: "nca.analyst"), by: f.analyst)
        }
        let owner = User(
            username: "hocc.owner", displayName: "Owner", email: "o@hocc.invalid", agencyID: f.nca.id,
            roles: [.caseOwner], vetting: .sc)
        try await f.store.insertUser(owner, passwordHash: "x")
        c = try await service.step(
            c.id,
            CaseStepInput(version: c.meta.version, note: "allocated by the workflow team", allocateTo: "hocc.owner"),
            by: f.analyst)
        #expect(
            c.owner == "hocc.owner" && c.progress.events.last?.kind == "allocated"
                && c.progress.events.last?.details == ["owner": "hocc.owner"])

        // Another agency's partner officer may read a case shared with their agency, but not move it on.
        #expect(try await service.list(by: f.partner).map(\.id) == [c.id])
        // By default a case is shared with no agency but the one that opened it (until agencies register interest).
        let unshared = try await service.create(
            CaseInput(subjectID: subject.id, homeOfficeReference: "D1112223"), by: f.analyst)
        #expect(unshared.meta.sharing == .ownerOnly && unshared.meta.marking.classification == .official)
        await #expect(throws: LiaisonError.notFound(kind: "case", id: unshared.id.rawValue)) {
            try await service.get(unshared.id, by: f.partner)
        }
        await #expect(throws: LiaisonError.self) {
            try await service.step(
                c.id, CaseStepInput(version: c.meta.version, milestone: "removed", reason: "x"), by: f.partner)
        }
        let secret = try await service.create(
            CaseInput(
                subjectID: subject.id, homeOfficeReference: "C7654321", marking: ProtectiveMarking(.secret),
                sharing: .all), by: f.analyst)
        await #expect(throws: LiaisonError.notFound(kind: "case", id: secret.id.rawValue)) {
            try await service.get(secret.id, by: f.partner)
        }
        #expect(try await service.list(by: f.partner).map(\.id) == [c.id])
        // A case opened on a SECRET subject is SECRET unless its opener says otherwise.
        let secretSubject = try await f.subjects.create(
            SubjectInput(
                details: SubjectDetails(names: [PersonName(given: "Sami", family: "Kral")]),
                marking: ProtectiveMarking(.secret)), by: f.analyst)
        let derived = try await service.create(
            CaseInput(subjectID: secretSubject.id, homeOfficeReference: "E7654321", sharing: .all), by: f.analyst)
        #expect(derived.meta.marking.classification == .secret)
        #expect(try await service.list(by: f.partner).map(\.id) == [c.id])

        let entries = try await f.store.searchAudit(AuditQuery(objectID: c.id.rawValue, limit: 100))
        let milestones = entries.filter { $0.action == "case.milestone" }
        #expect(milestones.filter { $0.outcome == .allowed }.count == 5)
        // The stale step, and removal past an open barrier.
        #expect(milestones.filter { $0.outcome == .failed }.count == 2)
        #expect(milestones.filter { $0.outcome == .denied }.map(\.actorName) == ["gmp.officer"])
        #expect(
            entries.contains { $0.action == "case.barrier-open" }
                && entries.contains { $0.action == "case.barrier-resolve" })
        await f.close()
    }
}
