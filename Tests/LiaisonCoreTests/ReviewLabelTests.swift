import Foundation
import Testing

@testable import LiaisonCore
@testable import LiaisonMatching

@Suite("Reviewers' decisions as labels")
struct ReviewLabelTests {
    @Test("the engine's own links teach the model nothing; a person's decisions do, on pairs it linked too")
    func onlyPeopleTeach() async {
        func record(_ id: String, _ given: String, _ family: String, _ born: String) -> PersonRecord {
            PersonRecord(id: id, values: [.givenName: [given], .surname: [family], .dateOfBirth: [born]])
        }
        let people = await PreparedPerson.prepareAll([
            record("a", "Viktor", "Petrenko", "1979-11-02"), record("b", "Viktor", "Petrenko", "1979-11-02"),
            record("c", "Mohammed", "Al-Rashid", "1985-07-03"), record("d", "Muhamad", "Alrashid", "1985-07-03"),
            record("e", "Arben", "Hoxha", "1960-01-10"), record("f", "Arben", "Hoxha", "1960-01-10"),
        ])
        let at = Date(timeIntervalSince1970: 1_800_000_000)
        let model = MatchModel.initial()
        func review(_ l: Int, _ r: Int, _ decisions: [MatchReview.Decision]) -> MatchReview {
            MatchReview(
                pair: (SubjectID(people[l].id), SubjectID(people[r].id)), probability: 0.995,
                explanation: MatchExplanation(Comparator.compare(people[l], people[r]), model: model), foundAt: at,
                decisions: decisions)
        }
        let linked = MatchReview.Decision(status: .same, by: "liaison", at: at, automatic: true)
        let reviews = [
            // Linked by the engine and left so.
            review(0, 1, [linked]),
            // Linked by the engine, then found to be two people by a reviewer.
            review(4, 5, [linked, .init(status: .notSame, by: "nca.analyst", at: at)]),
            // Queued, then decided the same by a reviewer.
            review(2, 3, [.init(status: .same, by: "nca.analyst", at: at)]),
        ]
        let labels = MatchReviewService.labels(reviews, among: people)
        let expected = [
            (Comparator.compare(people[4], people[5]).resolutionPattern, false),
            (Comparator.compare(people[2], people[3]).resolutionPattern, true),
        ]
        #expect(labels.map(\.pattern) == expected.map(\.0))
        #expect(labels.map(\.match) == expected.map(\.1))
        // Nothing a person decided: nothing to learn.
        #expect(MatchReviewService.labels([review(0, 1, [linked])], among: people).isEmpty)
        // Pairs whose subjects are out of view teach nothing either.
        #expect(MatchReviewService.labels(reviews, among: Array(people.prefix(2))).isEmpty)
    }
}
