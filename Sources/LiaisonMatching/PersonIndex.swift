/// "Do we hold this person?": people indexed once by their blocking keys, queried one record at a time with a
/// fitted model. The building block of duplicate warnings on write and of partner hit/no-hit checks.
public struct PersonIndex: Sendable {
    public let people: [PreparedPerson]
    public let model: MatchModel
    let blocks: BlockIndex

    public init(
        _ people: [PreparedPerson], model: MatchModel, blocking: BlockingConfiguration = BlockingConfiguration()
    ) {
        self.people = people
        self.model = model
        blocks = BlockIndex(people, configuration: blocking)
    }

    /// One indexed person compared with the query.
    public struct Match: Sendable {
        public var index: Int
        public var person: PreparedPerson
        public var explanation: MatchExplanation
        public var probability: Double { explanation.probability }
    }

    /// The indexed people most likely to be `person`, at or above `threshold`, strongest first.
    /// - Complexity: O(c) comparisons for c candidates (bounded by the blocking cap).
    public func query(_ person: PreparedPerson, threshold: Double = 0.5, limit: Int = 10) -> [Match] {
        var scratch = CandidateScratch()
        var matches: [Match] = []
        for j in blocks.candidates(for: person, scratch: &scratch) {
            let explanation = MatchExplanation(Comparator.compare(person, people[Int(j)]), model: model)
            if explanation.probability >= threshold {
                matches.append(Match(index: Int(j), person: people[Int(j)], explanation: explanation))
            }
        }
        matches.sort { $0.explanation.totalWeight > $1.explanation.totalWeight }
        return Array(matches.prefix(limit))
    }
}
