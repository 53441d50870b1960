import LiaisonCore

extension Migration {
    /// The directory.
    static let m001Directory = Migration(name: "001_directory") { _ in
        [
            """
            CREATE TABLE agencies (
                id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
                type TEXT NOT NULL, jurisdiction TEXT NOT NULL)
            """,
            """
            CREATE TABLE users (
                id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL,
                email TEXT NOT NULL, agency_id TEXT NOT NULL REFERENCES agencies(id),
                roles TEXT NOT NULL, vetting TEXT NOT NULL, password_hash TEXT NOT NULL,
                active BIGINT NOT NULL, version BIGINT NOT NULL CHECK (version >= 1))
            """,
            "CREATE INDEX users_by_agency ON users (agency_id)",
            """
            CREATE TABLE sessions (
                token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                csrf_token TEXT NOT NULL, created_at BIGINT NOT NULL, last_seen_at BIGINT NOT NULL,
                expires_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE api_tokens (
                id TEXT PRIMARY KEY, name TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE,
                user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                created_at BIGINT NOT NULL, revoked_at BIGINT)
            """,
            """
            CREATE TABLE reference_entries (
                list TEXT NOT NULL, code TEXT NOT NULL, label TEXT NOT NULL,
                sort_order BIGINT NOT NULL, active BIGINT NOT NULL, PRIMARY KEY (list, code))
            """,
        ]
    }
}
