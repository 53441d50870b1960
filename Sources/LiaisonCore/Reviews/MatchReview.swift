import Foundation
import LiaisonMatching

/// A pair of subjects the entity-resolution engine found likely to be one person, and what reviewers decided.
/// A decision never changes either subject: "the same person" links them, and an undo unlinks them again.
public struct MatchReview: Codable, Sendable, Equatable, Identifiable {
    public enum Status: String, Codable, Sendable, CaseIterable {
        /// Waiting for a reviewer (also where an undone decision returns).
        case pending
        case same
        case notSame = "not-same"
        case unsure

        public var label: String {
            switch self {
            case .pending: "Waiting for review"
            case .same: "The same person"
            case .notSame: "Not the same person"
            case .unsure: "Unsure"
            }
        }
    }

    /// One step in the pair's history: who set which status, when and why. An undo sets `pending`.
    public struct Decision: Codable, Sendable, Equatable {
        public var status: Status
        public var by: String
        public var at: Date
        public var note: String?
        /// Taken by the engine, not a person: a pair scored above the automatic-link threshold.
        public var automatic: Bool

        public init(status: Status, by: String, at: Date, note: String? = nil, automatic: Bool = false) {
            self.status = status
            self.by = by
            self.at = at
            self.note = note
            self.automatic = automatic
        }
    }

    public var id: String
    /// The pair, in ID order, so one pair has one review.
    public var leftID: SubjectID
    public var rightID: SubjectID
    public var probability: Double
    public var explanation: MatchExplanation
    public var foundAt: Date
    public var status: Status
    public var decisions: [Decision]
    public var version: Int

    public init(
        id: String = UUID().uuidString.lowercased(), pair: (SubjectID, SubjectID), probability: Double,
        explanation: MatchExplanation, foundAt: Date, decisions: [Decision] = []
    ) {
        self.id = id
        (leftID, rightID) = pair.0.rawValue <= pair.1.rawValue ? pair : (pair.1, pair.0)
        self.probability = probability
        self.explanation = explanation
        self.foundAt = foundAt
        self.status = decisions.last?.status ?? .pending
        self.decisions = decisions
        self.version = 1
    }

    /// The review after one more step in its history.
    func recording(_ decision: Decision) -> MatchReview {
        var next = self
        next.decisions.append(decision)
        next.status = decision.status
        next.version += 1
        return next
    }
}
