import Foundation

/// Pairs of subjects found likely to be one person, with reviewers' decisions.
public protocol MatchReviewStore: Sendable {
    /// Adds reviews for pairs not yet held; a pair already held (whatever its status) is left as it is.
    func insertMatchReviews(_ reviews: [MatchReview]) async throws
    func matchReview(_ id: String) async throws -> MatchReview?
    /// Reviews with this status (or any), most likely first, at most `limit`.
    func matchReviews(status: MatchReview.Status?, limit: Int) async throws -> [MatchReview]
    /// Reviews naming this subject on either side.
    func matchReviews(involving subject: SubjectID) async throws -> [MatchReview]
    /// Saves a review if it still has `expectedVersion`; otherwise throws `staleVersion`.
    func updateMatchReview(_ review: MatchReview, expectedVersion: Int) async throws
}
