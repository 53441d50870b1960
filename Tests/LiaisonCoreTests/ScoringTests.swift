import Foundation
import Testing

@testable import LiaisonCore

/// The scoring matrices: weighted factors with described levels give a score from 0 to 100 and a band; every
/// factor must be rated within its levels.
@Suite("Scoring")
struct ScoringTests {
    @Test("a group's score is its weighted ratings over the most they could reach, banded by the minimums")
    func ocgScore() throws {
        let matrix = ScoringMatrix.ocgStandard
        let top = Dictionary(uniqueKeysWithValues: matrix.factors.map { ($0.code, 4) })
        #expect(try matrix.score(top).score == 100 && matrix.score(top).band.code == "1a")
        let none = Dictionary(uniqueKeysWithValues: matrix.factors.map { ($0.code, 0) })
        #expect(try matrix.score(none).score == 0 && matrix.score(none).band.code == "3c")
        // Weights 2,3,3,4,2,1 (sum 15, most 60): harm 4 and capability 3 alone reach (16 + 9) / 60 = 41.7 → 42, band 2c.
        var some = none
        some["harm"] = 4
        some["capability"] = 3
        let (score, band) = try matrix.score(some)
        #expect(score == 42 && band.code == "2c" && band.reviewEveryDays == 180)
    }

    @Test("every factor must be rated within its levels, and unknown factors are named")
    func validation() {
        #expect(
            throws: LiaisonError.invalid([
                FieldError("ratings.harm", "must be from 0 to 4"),
                FieldError("ratings.capability", "must be rated"),
                FieldError("ratings.influence", "must be rated"),
                FieldError("ratings.exploitation", "must be rated"),
                FieldError("ratings.luck", "is not a factor of this matrix"),
            ])
        ) {
            try ScoringMatrix.poiStandard.score(["harm": 7, "criminality": 1, "luck": 2])
        }
    }

    @Test("a Person of Interest's tier sets the next review: tier 1 in 90 days, tier 3 in a year")
    func poiTiers() throws {
        let user = User(
            username: "u", displayName: "U", email: "u@x.invalid", agencyID: .make(), roles: [.analyst], vetting: .sc)
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        let high = try Assessment.make(
            kind: "poi", recordID: "p",
            ratings: ["harm": 4, "criminality": 4, "capability": 3, "influence": 3, "exploitation": 2],
            rationale: "violent and prolific", matrix: .poiStandard, by: user, at: now)
        #expect(high.band == "tier-1" && high.nextReviewDue == now.addingTimeInterval(90 * 86_400))
        let low = try Assessment.make(
            kind: "poi", recordID: "p",
            ratings: ["harm": 1, "criminality": 1, "capability": 0, "influence": 0, "exploitation": 0],
            rationale: "peripheral", matrix: .poiStandard, by: user, at: now)
        #expect(low.band == "tier-3" && low.nextReviewDue == now.addingTimeInterval(365 * 86_400))
        #expect(throws: LiaisonError.invalid("rationale", "must say why")) {
            try Assessment.make(
                kind: "poi", recordID: "p", ratings: [:], rationale: " ", matrix: .poiStandard, by: user, at: now)
        }
    }
}

/// The "subject to action" rule: a completed intervention or a dated outcome in the period, in a counted category.
@Suite("Subject to action")
struct ActionRuleTests {
    func intervention(_ category: FourP, status: String, completedOn: String? = nil, outcomeOn: String? = nil)
        -> Intervention
    {
        var i = Intervention(
            meta: RecordMeta(owningAgencyID: .make(), marking: .official, createdAt: Date(), createdBy: .make()),
            target: InterventionTarget(kind: "ocg", id: "g"), category: category, tactic: "arrest", partnerAgencies: [],
            owner: "o",
            dueDate: "2026-01-01", status: status, completedOn: completedOn, operation: nil, description: "d",
            outcomes: [])
        if let outcomeOn {
            i.outcomes = [
                InterventionOutcome(
                    id: 1, kind: "arrest", date: outcomeOn, quantity: 1, narrative: "", recordedBy: "o",
                    recordedAt: Date())
            ]
        }
        return i
    }

    @Test("completed in the period, or an outcome in it, counts; planned, cancelled or outside the period does not")
    func decide() {
        let rule = ActionRule.standard
        #expect(
            rule.decide(
                [intervention(.pursue, status: "completed", completedOn: "2026-03-01")], from: "2026-01-01",
                to: "2026-12-31"
            ).subjectToAction)
        #expect(
            !rule.decide(
                [intervention(.pursue, status: "completed", completedOn: "2025-12-31")], from: "2026-01-01",
                to: "2026-12-31"
            ).subjectToAction)
        #expect(
            !rule.decide([intervention(.pursue, status: "planned")], from: "2026-01-01", to: "2026-12-31")
                .subjectToAction)
        #expect(
            rule.decide(
                [intervention(.protect, status: "in-progress", outcomeOn: "2026-06-01")], from: "2026-01-01",
                to: "2026-12-31"
            ).subjectToAction)
        #expect(
            !rule.decide(
                [intervention(.protect, status: "cancelled", outcomeOn: "2026-06-01")], from: "2026-01-01",
                to: "2026-12-31"
            ).subjectToAction)
        var pursueOnly = rule
        pursueOnly.categories = [.pursue]
        #expect(
            !pursueOnly.decide(
                [intervention(.prevent, status: "completed", completedOn: "2026-03-01")], from: "2026-01-01",
                to: "2026-12-31"
            ).subjectToAction)
    }
}
