import Foundation
import LiaisonCore
import LiaisonMatching
import Testing

@testable import LiaisonStore

/// The review queue on every store: duplicates found among what a user may see, decisions with who and when,
/// undo, no re-queuing of decided pairs, and pairs hidden or refused exactly as their subjects are.
@Suite("Match review queue")
struct MatchReviewTests {
    struct People {
        var variant: (Subject, Subject)
        var exact: (Subject, Subject)
        var secret: Subject
    }

    /// Thirty distinct people, a pair spelled differently, a pair recorded identically, and a SECRET copy of one.
    static func seed(_ f: ContractFixture) async throws -> People {
        func add(
            _ given: String, _ family: String, dob: String, passport: String? = nil,
            marking: ProtectiveMarking = .official
        ) async throws -> Subject {
            try await f.subjects.create(
                SubjectInput(
                    details: SubjectDetails(
                        names: [PersonName(given: given, family: family)], datesOfBirth: [dob], sex: "male",
                        identifiers: passport.map { [PersonIdentifier(kind: "passport", value: $0)] } ?? []),
                    marking: marking), by: f.analyst)
        }
        let given = ["Arben", "Tomasz", "Kwame", "Dmitri", "Luca", "Oskar", "Rafael", "Yusuf", "Piotr", "Emeka"]
        let family = ["Hoxha", "Nowak", "Mensah"]
        for (i, name) in given.enumerated() {
            for (j, surname) in family.enumerated() {
                _ = try await add(name, surname, dob: String(format: "19%02d-%02d-%02d", 60 + i, 1 + j, 10 + i))
            }
        }
        let variant = (
            try await add("Mohammed", "Al-Rashid", dob: "1985-07-03"),
            try await add("Muhamad", "Alrashid", dob: "1985-07-03")
        )
        let exact = (
            try await add("Viktor", "Petrenko", dob: "1979-11-02", passport: "UA1234567"),
            try await add("Viktor", "Petrenko", dob: "1979-11-02", passport: "UA1234567")
        )
        let secret = try await add(
            "Viktor", "Petrenko", dob: "1979-11-02", passport: "UA1234567", marking: ProtectiveMarking(.secret))
        return People(variant: variant, exact: exact, secret: secret)
    }

    /// A store seeded with ``seed(_:)`` whose duplicates the analyst has searched for, and every review queued.
    static func queued(_ kind: ContractStoreKind) async throws -> (
        ContractFixture, People, MatchReviewService, [MatchReview]
    ) {
        let f = try await ContractFixture(kind)
        let people = try await seed(f)
        let service = MatchReviewService(store: f.store, clock: f.clock, audit: f.audit)
        _ = try await service.findDuplicates(by: f.analyst)
        return (f, people, service, try await f.store.matchReviews(status: nil, limit: 100))
    }

    static func review(_ reviews: [MatchReview], _ a: Subject, _ b: Subject) -> MatchReview? {
        reviews.first { Set([$0.leftID, $0.rightID]) == Set([a.id, b.id]) }
    }

    @Test(
        "found, decided, undone and never queued twice; decisions are kept with who and when",
        arguments: ContractStoreKind.available)
    func workflow(kind: ContractStoreKind) async throws {
        let f = try await ContractFixture(kind)
        let people = try await Self.seed(f)
        let service = MatchReviewService(store: f.store, clock: f.clock, audit: f.audit)

        let found = try await service.findDuplicates(by: f.analyst)
        #expect(found.subjects == 35)
        let all = try await f.store.matchReviews(status: nil, limit: 100)
        #expect(all.count == found.queued + found.linked)
        // Every review is pending or, above the automatic threshold, linked by the engine.
        for review in all {
            #expect(review.status == (review.probability >= service.automaticLink ? .same : .pending))
            #expect(review.decisions.allSatisfy { $0.automatic })
        }
        let variant = try #require(Self.review(all, people.variant.0, people.variant.1))
        let exact = try #require(Self.review(all, people.exact.0, people.exact.1))
        #expect(Self.review(all, people.exact.0, people.secret) != nil)
        #expect(exact.status == .same)
        let initial = variant.decisions.map(\.status)
        #expect(variant.explanation.parts.contains { $0.field == "date of birth" || $0.field.contains("birth") })

        // Decide, undo, decide again: the subjects are untouched and every step is in the history.
        let before = try await f.store.subject(people.variant.0.id)
        var item = try await service.decide(variant.id, "same", note: "  same passport photo  ", by: f.analyst)
        #expect(item.review.status == .same)
        #expect(
            item.review.decisions.last
                == MatchReview.Decision(
                    status: .same, by: "nca.analyst",
                    at: f.clock.now(), note: "same passport photo"))
        #expect(try await service.sameAs(people.variant.0.id, by: f.analyst).map(\.review.id).contains(variant.id))
        item = try await service.undo(variant.id, by: f.analyst)
        #expect(item.review.status == .pending)
        #expect(item.review.decisions.map(\.status) == initial + [.same, .pending])
        await #expect(throws: LiaisonError.conflict(field: "decision", reason: "there is no decision to undo")) {
            try await service.undo(variant.id, by: f.analyst)
        }
        item = try await service.decide(variant.id, "not-same", note: nil, by: f.analyst)
        #expect(item.review.decisions.map(\.status) == initial + [.same, .pending, .notSame])
        #expect(try await f.store.subject(people.variant.0.id) == before)
        await #expect(throws: LiaisonError.invalid("decision", "must be same, not-same or unsure")) {
            try await service.decide(variant.id, "maybe", note: nil, by: f.analyst)
        }

        // Running again queues nothing new and keeps the decision.
        let again = try await service.findDuplicates(by: f.analyst)
        #expect(again.queued == 0 && again.linked == 0)
        #expect(try await f.store.matchReview(variant.id)?.status == .notSame)
        #expect(try await service.list(status: .notSame, by: f.analyst).map(\.review.id) == [variant.id])

        let actions = try await f.store.searchAudit(AuditQuery(action: "match.", limit: 100)).map(\.action)
        #expect(actions.filter { $0 == "match.find" }.count == 2)
        #expect(actions.contains("match.undo") && actions.contains("match.decide"))
        #expect(try await f.store.searchAudit(AuditQuery(objectID: variant.id, action: "match.decide")).count == 3)
        await f.close()
    }

    @Test(
        "a pair is hidden if either subject is, and only those who may change both decide it",
        arguments: ContractStoreKind.available)
    func access(kind: ContractStoreKind) async throws {
        let (f, people, service, all) = try await Self.queued(kind)
        let withSecret = try #require(Self.review(all, people.exact.0, people.secret))
        let variant = try #require(Self.review(all, people.variant.0, people.variant.1))

        // The partner officer (another agency, BPSS) sees the OFFICIAL pairs shared with all, never the SECRET one.
        let listed = Set(try await service.list(status: nil, by: f.partner).map(\.review.id))
        #expect(listed.contains(variant.id))
        #expect(!listed.contains(withSecret.id))
        await #expect(throws: LiaisonError.notFound(kind: "match", id: withSecret.id)) {
            try await service.get(withSecret.id, by: f.partner)
        }
        await #expect(throws: LiaisonError.notFound(kind: "match", id: withSecret.id)) {
            try await service.decide(withSecret.id, "same", note: nil, by: f.partner)
        }
        // Visible, but a partner officer's role does not decide: refused, and the refusal is audited with its reasons.
        await #expect(throws: LiaisonError.self) {
            try await service.decide(variant.id, "same", note: nil, by: f.partner)
        }
        #expect(try await f.store.matchReview(variant.id)?.status == variant.status)
        let denied = try await f.store.searchAudit(
            AuditQuery(actorName: "gmp.officer", action: "match.decide", outcome: .denied))
        #expect(denied.count == 1)
        #expect(denied.first?.detail?.contains("none of the user's roles may decide") == true)
        // An intelligence officer of another agency who sees both decides; neither record is touched, so owning them is not needed.
        let officer = User(
            username: "gmp.intel", displayName: "Intel", email: "i@gmp.invalid", agencyID: f.gmp.id,
            roles: [.intelligenceOfficer], vetting: .sc)
        try await f.store.insertUser(officer, passwordHash: "z")
        let decided = try await service.decide(variant.id, "unsure", note: "need the custody photos", by: officer)
        #expect(decided.review.status == .unsure && decided.review.decisions.last?.by == "gmp.intel")
        // The partner's own search covers only what it may see.
        let partnerFound = try await service.findDuplicates(by: f.partner)
        #expect(partnerFound.subjects == 35 - 1)
        await f.close()
    }

    @Test(
        "a run over the subjects keeps reviewers' decisions: two people are never one, one person is joined whatever the score",
        arguments: ContractStoreKind.available)
    func resolveWithDecisions(kind: ContractStoreKind) async throws {
        let (f, people, service, all) = try await Self.queued(kind)
        let variant = try #require(Self.review(all, people.variant.0, people.variant.1))
        func positions(_ run: SubjectResolution, _ a: Subject, _ b: Subject) throws -> (Int, Int) {
            let ids = run.people.map(\.id)
            return (
                try #require(ids.firstIndex(of: a.id.rawValue)), try #require(ids.firstIndex(of: b.id.rawValue))
            )
        }
        func pairs(_ matches: [ScoredPair]) -> Set<[Int]> {
            Set(matches.map { [Int($0.left), Int($0.right)].sorted() })
        }

        // Before any decision the engine finds the spelt-differently pair, and nothing is held apart.
        let before = try await service.resolve(by: f.analyst, threshold: service.reviewFrom)
        #expect(before.people.count == 35 && before.notSame.isEmpty)
        let (v0, v1) = try positions(before, people.variant.0, people.variant.1)
        #expect(pairs(before.matches).contains([v0, v1].sorted()))

        // Decided two people: left out of the pairs, never in one cluster, and a label for the model.
        _ = try await service.decide(variant.id, "not-same", note: nil, by: f.analyst)
        let apart = try await service.resolve(by: f.analyst, threshold: service.reviewFrom)
        let (a0, a1) = try positions(apart, people.variant.0, people.variant.1)
        #expect(apart.notSame.map { [$0.0, $0.1].sorted() } == [[a0, a1].sorted()])
        #expect(!pairs(apart.matches).contains([a0, a1].sorted()))
        #expect(apart.clusters[a0] != apart.clusters[a1])
        // The identical pair, linked by the engine, is one person.
        let (e0, e1) = try positions(apart, people.exact.0, people.exact.1)
        #expect(apart.clusters[e0] == apart.clusters[e1])

        // Decided one person: joined even where the run's threshold is above any score.
        _ = try await service.decide(variant.id, "same", note: nil, by: f.analyst)
        let joined = try await service.resolve(by: f.analyst, threshold: 1)
        let (j0, j1) = try positions(joined, people.variant.0, people.variant.1)
        #expect(!pairs(joined.matches).contains([j0, j1].sorted()))
        #expect(joined.clusters[j0] == joined.clusters[j1])

        // A partner officer's run covers what they may see: not the SECRET copy, nor the pairs decided with it.
        let partner = try await service.resolve(by: f.partner)
        #expect(partner.people.count == 34 && !partner.people.map(\.id).contains(people.secret.id.rawValue))
        let decidedSame = try await f.store.matchReviews(status: .same, limit: 100)
        let withSecret = decidedSame.filter { [$0.leftID, $0.rightID].contains(people.secret.id) }.count
        #expect(withSecret == 2 && joined.same.count == decidedSame.count)
        #expect(partner.same.count == decidedSame.count - withSecret)

        // Each run is audited with the subjects it read.
        let audited = try await f.store.searchAudit(
            AuditQuery(objectID: people.variant.0.id.rawValue, action: "match.resolve"))
        #expect(audited.count == 4)
        let secretRead = try await f.store.searchAudit(
            AuditQuery(objectID: people.secret.id.rawValue, action: "match.resolve"))
        #expect(secretRead.map(\.actorName) == ["nca.analyst", "nca.analyst", "nca.analyst"])
        await f.close()
    }
}
