import Foundation
import LiaisonCore

/// Match reviews: the pair, status and likelihood as columns for the queue's queries; the whole review as JSON.
extension SQLStore {
    public func insertMatchReviews(_ reviews: [MatchReview]) async throws {
        guard !reviews.isEmpty else { return }
        try await db.transaction { tx in
            try await Self.insertRows(
                tx, table: "match_reviews",
                columns: ["id", "left_id", "right_id", "status", "probability", "version", "details"],
                rows: try reviews.map { r in
                    [
                        .text(r.id), .text(r.leftID.rawValue), .text(r.rightID.rawValue), .text(r.status.rawValue),
                        .double(r.probability), SQLValue(r.version), .text(try Self.json(r)),
                    ]
                }, conflict: " ON CONFLICT DO NOTHING")
        }
    }

    public func matchReview(_ id: String) async throws -> MatchReview? {
        try await db.query("SELECT details FROM match_reviews WHERE id = ?", [.text(id)]).first.map(Self.matchReview)
    }

    public func matchReviews(status: MatchReview.Status?, limit: Int) async throws -> [MatchReview] {
        let filter = status == nil ? "" : " WHERE status = ?"
        return try await db.query(
            "SELECT details FROM match_reviews\(filter) ORDER BY probability DESC, id LIMIT ?",
            (status.map { [SQLValue.text($0.rawValue)] } ?? []) + [SQLValue(limit)]
        ).map(Self.matchReview)
    }

    public func matchReviews(involving subject: SubjectID) async throws -> [MatchReview] {
        try await db.query(
            "SELECT details FROM match_reviews WHERE left_id = ? OR right_id = ? ORDER BY probability DESC, id",
            [.text(subject.rawValue), .text(subject.rawValue)]
        ).map(Self.matchReview)
    }

    public func updateMatchReview(_ review: MatchReview, expectedVersion: Int) async throws {
        try await db.transaction { tx in
            let updated = try await tx.query(
                "UPDATE match_reviews SET status = ?, version = ?, details = ? WHERE id = ? AND version = ? RETURNING id",
                [
                    .text(review.status.rawValue), SQLValue(review.version), .text(try Self.json(review)),
                    .text(review.id), SQLValue(expectedVersion),
                ])
            if updated.isEmpty {
                guard
                    let current = try await tx.query(
                        "SELECT version FROM match_reviews WHERE id = ?", [.text(review.id)]
                    ).first
                else {
                    throw LiaisonError.notFound(kind: "match", id: review.id)
                }
                throw LiaisonError.staleVersion(
                    kind: "match", id: review.id, expected: expectedVersion, current: try current.int("version"))
            }
        }
    }

    static func matchReview(_ row: SQLRow) throws -> MatchReview { try row.json("details", as: MatchReview.self) }
}
