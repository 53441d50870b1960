import Foundation
import Hummingbird
import LiaisonCore

/// `/api/v1/matches`: the entity-resolution review queue. Find likely duplicates among the subjects you may see,
/// list and read pairs with the engine's reasons, decide same / not the same / unsure, and undo a decision.
struct MatchesAPI {
    let reviews: MatchReviewService

    struct DecisionInput: Codable, Sendable {
        var decision: String?
        var note: String?
    }

    /// A status from a request: `same`, `not-same` or `unsure` (and `pending` where a filter allows it).
    static func status(_ raw: String?, field: String, allowPending: Bool) throws -> MatchReview.Status? {
        guard let raw else { return nil }
        guard let status = MatchReview.Status(rawValue: raw), allowPending || status != .pending else {
            throw LiaisonError.invalid(
                field, allowPending ? "must be pending, same, not-same or unsure" : "must be same, not-same or unsure")
        }
        return status
    }

    func register(_ api: inout RouteTable) {
        let reviews = self.reviews
        api.add(
            APIOperation(
                method: .post, path: "/api/v1/matches/find", operationID: "findDuplicates",
                summary: "Run the matching engine over the subjects you may see and queue the likely pairs for review",
                tag: "Matches", response: "DuplicateSearchResult")
        ) { _, context in
            try jsonResponse(try await reviews.findDuplicates(by: try context.user(), request: context.request))
        }
        api.add(
            APIOperation(
                method: .get, path: "/api/v1/matches", operationID: "listMatches",
                summary:
                    "Pairs of subjects likely to be one person, most likely first (only pairs whose subjects you may both see)",
                tag: "Matches",
                query: [
                    .init(name: "status", description: "pending (the default), same, not-same or unsure")
                ], response: "MatchReviewList")
        ) { request, context in
            let status =
                try Self.status(
                    try RequestReading.text("status", request, max: 10), field: "status", allowPending: true)
                ?? .pending
            return try jsonResponse([
                "items": try await reviews.list(status: status, by: try context.user(), request: context.request)
            ])
        }
        api.add(
            APIOperation(
                method: .get, path: "/api/v1/matches/{id}", operationID: "getMatch",
                summary: "One pair side by side, with every field's comparison and weight, and its history",
                tag: "Matches", response: "MatchReviewItem", access: .readPair)
        ) { _, context in
            try jsonResponse(
                try await reviews.get(try Self.id(context), by: try context.user(), request: context.request))
        }
        api.add(
            APIOperation(
                method: .post, path: "/api/v1/matches/{id}/decision", operationID: "decideMatch",
                summary:
                    "Decide whether the pair is one person: same, not-same or unsure (you must see both subjects and hold a role that may change records)",
                tag: "Matches", requestBody: "MatchDecisionInput", response: "MatchReviewItem", access: .decidePair)
        ) { request, context in
            let id = try Self.id(context)
            let input = try await RequestReading.json(DecisionInput.self, from: request, context: context)
            return try jsonResponse(
                try await reviews.decide(
                    id, input.decision, note: input.note, by: try context.user(), request: context.request))
        }
        api.add(
            APIOperation(
                method: .post, path: "/api/v1/matches/{id}/undo", operationID: "undoMatchDecision",
                summary:
                    "Undo the pair's current decision: it returns to the queue, and the undo is kept in its history",
                tag: "Matches", response: "MatchReviewItem", access: .decidePair)
        ) { _, context in
            try jsonResponse(
                try await reviews.undo(try Self.id(context), by: try context.user(), request: context.request))
        }
    }

    /// A review's ID from the path: a UUID, or the review is simply not found.
    static func id(_ context: LiaisonRequestContext) throws -> String {
        guard let raw = context.parameters.get("id"), UUID(uuidString: raw) != nil else {
            throw LiaisonError.notFound(kind: MatchReviewService.kind, id: context.parameters.get("id") ?? "")
        }
        return raw.lowercased()
    }
}
