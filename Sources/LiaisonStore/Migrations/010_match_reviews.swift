import LiaisonCore

extension Migration {
    /// Pairs of subjects likely to be one person, and reviewers' decisions about them.
    static let m010MatchReviews = Migration(name: "010_match_reviews") { _ in
        [
            """
            CREATE TABLE match_reviews (
                id TEXT PRIMARY KEY, left_id TEXT NOT NULL, right_id TEXT NOT NULL, status TEXT NOT NULL,
                probability DOUBLE PRECISION NOT NULL, version BIGINT NOT NULL, details TEXT NOT NULL, UNIQUE (left_id, right_id))
            """,
            "CREATE INDEX match_reviews_by_status ON match_reviews (status, probability)",
            "CREATE INDEX match_reviews_by_right ON match_reviews (right_id)",
        ]
    }
}
