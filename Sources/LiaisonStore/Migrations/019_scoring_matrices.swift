import LiaisonCore

extension Migration {
    /// Scoring matrices published after the built-in ones, every version kept.
    static let m019ScoringMatrices = Migration(name: "019_scoring_matrices") { _ in
        [
            "CREATE TABLE scoring_matrices (kind TEXT NOT NULL, version BIGINT NOT NULL, details TEXT NOT NULL, PRIMARY KEY (kind, version))"
        ]
    }
}
