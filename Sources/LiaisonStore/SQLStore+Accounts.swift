import Foundation
import LiaisonCore
import LiaisonMatching

/// Agencies, users, sessions, API tokens and login attempts.
extension SQLStore {
    public func insertAgency(_ agency: Agency) async throws {
        try await db.execute(
            "INSERT INTO agencies (id, code, name, type, jurisdiction) VALUES (?, ?, ?, ?, ?)",
            [
                .text(agency.id.rawValue), .text(agency.code), .text(agency.name), .text(agency.type),
                .text(agency.jurisdiction),
            ])
    }

    public func agencies() async throws -> [Agency] {
        try await db.query("SELECT * FROM agencies ORDER BY name", []).map(Self.agency)
    }

    public func agency(_ id: AgencyID) async throws -> Agency? {
        try await db.query("SELECT * FROM agencies WHERE id = ?", [.text(id.rawValue)]).first.map(Self.agency)
    }

    public func agency(code: String) async throws -> Agency? {
        try await db.query("SELECT * FROM agencies WHERE code = ?", [.text(code)]).first.map(Self.agency)
    }

    static func agency(_ row: SQLRow) throws -> Agency {
        Agency(
            id: AgencyID(try row.string("id")), code: try row.string("code"), name: try row.string("name"),
            type: try row.string("type"), jurisdiction: try row.string("jurisdiction"))
    }

    // MARK: Users, sessions, tokens

    public func insertUser(_ user: User, passwordHash: String) async throws {
        do {
            try await db.execute(
                "INSERT INTO users (id, username, display_name, email, agency_id, roles, vetting, briefings, password_hash, active, version, phone) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    .text(user.id.rawValue), .text(user.username), .text(user.displayName), .text(user.email),
                    .text(user.agencyID.rawValue),
                    .text(user.roles.map(\.rawValue).joined(separator: ",")), .text(user.vetting.rawValue),
                    .text(user.briefings.joined(separator: ",")), .text(passwordHash), SQLValue(user.active),
                    SQLValue(user.version), .text(user.phone),
                ])
        } catch {
            if try await credentials(username: user.username) != nil {
                throw LiaisonError.conflict(field: "username", reason: "is already taken")
            }
            throw error
        }
    }

    public func user(_ id: UserID) async throws -> User? {
        try await db.query("SELECT * FROM users WHERE id = ?", [.text(id.rawValue)]).first.map(Self.user)
    }

    public func credentials(username: String) async throws -> (user: User, passwordHash: String)? {
        guard let row = try await db.query("SELECT * FROM users WHERE username = ?", [.text(username)]).first else {
            return nil
        }
        return (try Self.user(row), try row.string("password_hash"))
    }

    public func users() async throws -> [User] {
        try await db.query("SELECT * FROM users ORDER BY username", []).map(Self.user)
    }

    public func updateUser(_ user: User, expectedVersion: Int) async throws {
        try await db.transaction { tx in
            let updated = try await tx.query(
                "UPDATE users SET display_name = ?, email = ?, phone = ?, roles = ?, vetting = ?, briefings = ?, active = ?, version = ? WHERE id = ? AND version = ? RETURNING id",
                [
                    .text(user.displayName), .text(user.email), .text(user.phone),
                    .text(user.roles.map(\.rawValue).joined(separator: ",")), .text(user.vetting.rawValue),
                    .text(user.briefings.joined(separator: ",")), SQLValue(user.active), SQLValue(expectedVersion + 1),
                    .text(user.id.rawValue), SQLValue(expectedVersion),
                ])
            if updated.isEmpty {
                guard
                    let current = try await tx.query(
                        "SELECT version FROM users WHERE id = ?", [.text(user.id.rawValue)]
                    ).first
                else {
                    throw LiaisonError.notFound(kind: "user", id: user.id.rawValue)
                }
                throw LiaisonError.staleVersion(
                    kind: "user", id: user.id.rawValue, expected: expectedVersion, current: try current.int("version"))
            }
        }
    }

    static func user(_ row: SQLRow) throws -> User {
        User(
            id: UserID(try row.string("id")), username: try row.string("username"),
            displayName: try row.string("display_name"),
            email: try row.string("email"), agencyID: AgencyID(try row.string("agency_id")),
            roles: try row.string("roles").split(separator: ",").compactMap { Role(rawValue: String($0)) },
            vetting: Vetting(rawValue: try row.string("vetting")) ?? .bpss,
            briefings: try row.string("briefings").split(separator: ",").map(String.init),
            active: try row.bool("active"),
            version: try row.int("version"), phone: try row.string("phone"))
    }

    public func insertSession(_ session: SessionRecord) async throws {
        try await db.execute(
            "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
            [
                .text(session.tokenHash), .text(session.userID.rawValue), .text(session.csrfToken),
                SQLValue(session.createdAt),
                SQLValue(session.lastSeenAt), SQLValue(session.expiresAt),
            ])
    }

    public func session(tokenHash: String) async throws -> SessionRecord? {
        guard let row = try await db.query("SELECT * FROM sessions WHERE token_hash = ?", [.text(tokenHash)]).first
        else { return nil }
        return SessionRecord(
            tokenHash: try row.string("token_hash"), userID: UserID(try row.string("user_id")),
            csrfToken: try row.string("csrf_token"), createdAt: try row.date("created_at"),
            lastSeenAt: try row.date("last_seen_at"), expiresAt: try row.date("expires_at"))
    }

    public func touchSession(tokenHash: String, at time: Date) async throws {
        try await db.execute(
            "UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?", [SQLValue(time), .text(tokenHash)])
    }

    public func deleteSession(tokenHash: String) async throws {
        try await db.execute("DELETE FROM sessions WHERE token_hash = ?", [.text(tokenHash)])
    }

    public func insertToken(_ token: APITokenRecord) async throws {
        try await db.execute(
            "INSERT INTO api_tokens (id, name, token_hash, user_id, created_at, revoked_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                .text(token.id), .text(token.name), .text(token.tokenHash), .text(token.userID.rawValue),
                SQLValue(token.createdAt),
                SQLValue(token.revokedAt), SQLValue(token.expiresAt),
            ])
    }

    public func token(hash: String) async throws -> APITokenRecord? {
        try await db.query("SELECT * FROM api_tokens WHERE token_hash = ?", [.text(hash)]).first.map(Self.token)
    }

    public func tokens(of user: UserID) async throws -> [APITokenRecord] {
        try await db.query("SELECT * FROM api_tokens WHERE user_id = ? ORDER BY created_at", [.text(user.rawValue)])
            .map(Self.token)
    }

    public func revokeToken(id: String, at time: Date) async throws -> Bool {
        try await db.transaction { tx in
            !(try await tx.query(
                "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL RETURNING id",
                [SQLValue(time), .text(id)])).isEmpty
        }
    }

    static func token(_ row: SQLRow) throws -> APITokenRecord {
        APITokenRecord(
            id: try row.string("id"), name: try row.string("name"), tokenHash: try row.string("token_hash"),
            userID: UserID(try row.string("user_id")), createdAt: try row.date("created_at"),
            revokedAt: row.optionalDate("revoked_at"), expiresAt: try row.date("expires_at"))
    }

    public func loginAttempts(username: String) async throws -> LoginAttempts? {
        guard let row = try await db.query("SELECT * FROM login_attempts WHERE username = ?", [.text(username)]).first
        else { return nil }
        return LoginAttempts(
            failures: try row.int("failures"), windowStart: try row.date("window_start"),
            lockedUntil: row.optionalDate("locked_until"))
    }

    public func saveLoginAttempts(username: String, _ attempts: LoginAttempts?) async throws {
        guard let attempts else {
            try await db.execute("DELETE FROM login_attempts WHERE username = ?", [.text(username)])
            return
        }
        try await db.execute(
            """
            INSERT INTO login_attempts (username, failures, window_start, locked_until) VALUES (?, ?, ?, ?)
            ON CONFLICT (username) DO UPDATE SET failures = excluded.failures, window_start = excluded.window_start, locked_until = excluded.locked_until
            """,
            [
                .text(username), SQLValue(attempts.failures), SQLValue(attempts.windowStart),
                SQLValue(attempts.lockedUntil),
            ])
    }
}
