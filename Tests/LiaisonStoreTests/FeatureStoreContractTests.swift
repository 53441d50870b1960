import Foundation
import Testing

@testable import LiaisonCore
@testable import LiaisonMatching
@testable import LiaisonStore

/// The contract of the feature stores the in-memory store holds (alerts, GAIN requests, interventions and
/// operations, match reviews), on it and on the databases: what is saved is read back whole, lists come in their
/// order, a stale version is refused naming the current one, and a missing record is named.
@Suite("Feature store contract")
struct FeatureStoreContractTests {
    static func meta(_ f: ContractFixture, _ version: Int = 1) -> RecordMeta {
        RecordMeta(
            owningAgencyID: f.nca.id, marking: ProtectiveMarking(.official), createdAt: f.clock.now(),
            createdBy: f.analyst.id, version: version)
    }

    @Test(
        "industry alerts: read back whole, live ones newest first, versions checked, audiences kept per agency",
        arguments: ContractStoreKind.available)
    func alerts(kind: ContractStoreKind) async throws {
        let f = try await ContractFixture(kind)
        let store = f.store
        func alert(_ title: String, hoursAgo: Double, expires: String, status: AlertStatus) -> IndustryAlert {
            IndustryAlert(
                id: .make(), issuer: f.nca.id, issuerCode: "NCA", title: title, category: "fraud", summary: "s",
                guidance: "g", indicators: [AlertIndicator(kind: "email", value: "x@example.net")],
                sectors: ["banking"], marking: ProtectiveMarking(.official), expiresOn: expires, status: status,
                createdBy: "nca.intel", createdAt: f.clock.now().addingTimeInterval(-hoursAgo * 3_600))
        }
        let old = alert("Old", hoursAgo: 48, expires: "2026-12-31", status: .published)
        let new = alert("New", hoursAgo: 1, expires: "2027-06-30", status: .published)
        let lapsed = alert("Lapsed", hoursAgo: 24, expires: "2026-01-31", status: .published)
        let draft = alert("Draft", hoursAgo: 2, expires: "2027-01-31", status: .draft)
        for a in [old, new, lapsed, draft] { try await store.insertAlert(a) }

        let read = try #require(try await store.alert(new.id))
        #expect(read.title == "New" && read.indicators == new.indicators && read.version == 1)
        #expect(try await store.alert(.make()) == nil)
        #expect(try await store.alerts(liveOn: "2026-06-01", limit: 10).map(\.title) == ["New", "Old"])
        #expect(try await store.alerts(liveOn: nil, limit: 3).map(\.title) == ["New", "Draft", "Lapsed"])

        var withdrawn = read
        withdrawn.status = .withdrawn
        withdrawn.withdrawnReason = "superseded"
        try await store.updateAlert(withdrawn, expectedVersion: 1)
        let saved = try #require(try await store.alert(new.id))
        #expect(saved.status == .withdrawn && saved.withdrawnReason == "superseded" && saved.version == 2)
        await #expect(
            throws: LiaisonError.staleVersion(kind: "alert", id: new.id.rawValue, expected: 1, current: 2)
        ) { try await store.updateAlert(withdrawn, expectedVersion: 1) }
        let missing = alert("Missing", hoursAgo: 0, expires: "2027-01-01", status: .draft)
        await #expect(throws: LiaisonError.notFound(kind: "alert", id: missing.id.rawValue)) {
            try await store.updateAlert(missing, expectedVersion: 1)
        }
        #expect(try await store.alerts(liveOn: "2026-06-01", limit: 10).map(\.title) == ["Old"])

        try await store.setAlertAudience(f.gmp.id, sectors: ["banking", "payments"])
        try await store.setAlertAudience(f.gmp.id, sectors: ["insurance"])
        #expect(try await store.alertAudiences() == [f.gmp.id: ["insurance"]])
        await f.close()
    }

    @Test(
        "GAIN requests: read back whole, listed by who asked and by who answered hit when asked, newest first",
        arguments: ContractStoreKind.available)
    func gain(kind: ContractStoreKind) async throws {
        let f = try await ContractFixture(kind)
        let store = f.store
        func answer(_ agency: Agency, hit: Bool) -> GAINAnswer {
            GAINAnswer(agencyID: agency.id, agencyCode: agency.code, hit: hit, matched: [])
        }
        func request(_ purpose: String, minutesAgo: Double, by agency: Agency, _ answers: [GAINAnswer])
            -> GAINRequest
        {
            GAINRequest(
                id: .make(), requesterAgency: agency.id, requester: "someone", purpose: purpose, person: nil,
                vehicle: "AB12 CDE", askedAt: f.clock.now().addingTimeInterval(-minutesAgo * 60), answers: answers)
        }
        let first = request("first", minutesAgo: 30, by: f.nca, [answer(f.gmp, hit: true)])
        let second = request("second", minutesAgo: 10, by: f.nca, [answer(f.gmp, hit: false)])
        let theirs = request("theirs", minutesAgo: 20, by: f.gmp, [answer(f.nca, hit: true)])
        for r in [first, second, theirs] { try await store.insertGAINRequest(r) }

        #expect(try await store.gainRequest(first.id) == first)
        #expect(try await store.gainRequest(.make()) == nil)
        #expect(try await store.gainRequests(requester: f.nca.id).map(\.purpose) == ["second", "first"])
        #expect(try await store.gainRequests(hitting: f.gmp.id).map(\.purpose) == ["first"])
        #expect(try await store.gainRequests(hitting: f.nca.id).map(\.purpose) == ["theirs"])

        // What the holder shares later is kept; who was hit is what was answered when asked.
        var shared = second
        shared.answers[0].shared = "We hold a record; call the desk."
        try await store.updateGAINRequest(shared)
        #expect(try await store.gainRequest(second.id) == shared)
        #expect(try await store.gainRequests(hitting: f.gmp.id).map(\.purpose) == ["first"])
        await f.close()
    }

    @Test(
        "interventions and operations: read back whole, listed by target and operation in due order, versions checked",
        arguments: ContractStoreKind.available)
    func interventions(kind: ContractStoreKind) async throws {
        let f = try await ContractFixture(kind)
        let store = f.store
        let group = InterventionTarget(kind: "ocg", id: "group-1")
        func intervention(_ due: String, _ target: InterventionTarget, operation: String?) -> Intervention {
            Intervention(
                meta: Self.meta(f), target: target, category: .pursue, tactic: "arrest", partnerAgencies: [f.gmp.id],
                owner: "nca.analyst", dueDate: due, status: "planned", operation: operation,
                description: "Warrants", outcomes: [])
        }
        let later = intervention("2026-03-01", group, operation: "OPERATION SLATE")
        let sooner = intervention("2026-01-15", group, operation: nil)
        let elsewhere = intervention(
            "2026-02-01", InterventionTarget(kind: "poi", id: "poi-1"), operation: "OPERATION SLATE")
        for i in [later, sooner, elsewhere] { try await store.insertIntervention(i) }

        #expect(try await store.interventions(target: "group-1").map(\.dueDate) == ["2026-01-15", "2026-03-01"])
        #expect(
            try await store.interventions(operation: "OPERATION SLATE").map(\.dueDate) == ["2026-02-01", "2026-03-01"])
        #expect(try await store.interventions(target: "nobody").isEmpty)
        #expect(try await store.intervention(.make()) == nil)

        var done = try #require(try await store.intervention(sooner.id))
        #expect(done.partnerAgencies == [f.gmp.id] && done.meta.version == 1 && done.operation == nil)
        done.status = "completed"
        done.completedOn = "2026-01-15"
        done.meta.version = 2
        try await store.updateIntervention(done, expectedVersion: 1)
        let saved = try #require(try await store.intervention(sooner.id))
        #expect(saved.status == "completed" && saved.completedOn == "2026-01-15" && saved.meta.version == 2)
        await #expect(
            throws: LiaisonError.staleVersion(kind: "intervention", id: sooner.id.rawValue, expected: 1, current: 2)
        ) { try await store.updateIntervention(done, expectedVersion: 1) }
        let missing = intervention("2026-05-01", group, operation: nil)
        await #expect(throws: LiaisonError.notFound(kind: "intervention", id: missing.id.rawValue)) {
            try await store.updateIntervention(missing, expectedVersion: 1)
        }

        func operation(_ name: String, starts: String) -> JointOperation {
            JointOperation(
                name: name, description: "d", leadAgency: f.nca.id, partnerAgencies: [f.gmp.id], startsOn: starts,
                endsOn: nil, createdBy: "nca.analyst", createdAt: f.clock.now())
        }
        for o in [
            operation("OPERATION SLATE", starts: "2026-01-01"), operation("OPERATION AMBER", starts: "2026-04-01"),
        ] {
            try await store.insertOperation(o)
        }
        await #expect(
            throws: LiaisonError.conflict(field: "name", reason: "there is already an operation called OPERATION AMBER")
        ) { try await store.insertOperation(operation("OPERATION AMBER", starts: "2026-05-01")) }
        #expect(try await store.operations().map(\.name) == ["OPERATION AMBER", "OPERATION SLATE"])
        #expect(
            try await store.operation(name: "OPERATION SLATE") == operation("OPERATION SLATE", starts: "2026-01-01"))
        #expect(try await store.operation(name: "OPERATION NONE") == nil)
        await f.close()
    }

    @Test(
        "match reviews: a pair is queued once, listed likeliest first by status or person, versions checked",
        arguments: ContractStoreKind.available)
    func matchReviews(kind: ContractStoreKind) async throws {
        let f = try await ContractFixture(kind)
        let store = f.store
        let (a, b, c) = (SubjectID.make(), SubjectID.make(), SubjectID.make())
        let explanation = MatchExplanation(ComparisonVector(pattern: 0x111), model: .initial())
        func review(_ pair: (SubjectID, SubjectID), _ p: Double) -> MatchReview {
            MatchReview(pair: pair, probability: p, explanation: explanation, foundAt: f.clock.now())
        }
        let ab = review((a, b), 0.97)
        let bc = review((b, c), 0.91)
        let ac = review((c, a), 0.95)
        try await store.insertMatchReviews([ab, bc])
        // A pair already queued, the other way round or not, is not queued again.
        try await store.insertMatchReviews([review((b, a), 0.99), ac])
        try await store.insertMatchReviews([])

        #expect(try await store.matchReview(ab.id) == ab)
        #expect(try await store.matchReview("none") == nil)
        #expect(try await store.matchReviews(status: nil, limit: 10).map(\.probability) == [0.97, 0.95, 0.91])
        #expect(try await store.matchReviews(status: .pending, limit: 2).map(\.id) == [ab.id, ac.id])
        #expect(try await store.matchReviews(involving: c).map(\.id) == [ac.id, bc.id])

        let decided = ab.recording(.init(status: .same, by: "nca.analyst", at: f.clock.now()))
        try await store.updateMatchReview(decided, expectedVersion: 1)
        #expect(try await store.matchReview(ab.id) == decided)
        #expect(try await store.matchReviews(status: .same, limit: 10).map(\.id) == [ab.id])
        #expect(try await store.matchReviews(status: .pending, limit: 10).map(\.id) == [ac.id, bc.id])
        await #expect(throws: LiaisonError.staleVersion(kind: "match", id: ab.id, expected: 1, current: 2)) {
            try await store.updateMatchReview(decided, expectedVersion: 1)
        }
        let missing = review((a, SubjectID.make()), 0.5)
        await #expect(throws: LiaisonError.notFound(kind: "match", id: missing.id)) {
            try await store.updateMatchReview(missing, expectedVersion: 1)
        }
        await f.close()
    }
}
