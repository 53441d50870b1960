import LiaisonCore

extension Migration {
    /// The login attempts.
    static let m005LoginAttempts = Migration(name: "005_login_attempts") { _ in
        [
            "CREATE TABLE login_attempts (username TEXT PRIMARY KEY, failures BIGINT NOT NULL, window_start BIGINT NOT NULL, locked_until BIGINT)",
            "CREATE INDEX api_tokens_by_user ON api_tokens (user_id)",
        ]
    }
}
