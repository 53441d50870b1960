import Foundation
import Hummingbird
import LiaisonCore

/// Who is making a request, and how they proved it.
public struct Identity: Sendable {
    public enum Method: Sendable { case session, token }
    public var user: User
    public var agency: Agency?
    public var method: Method
    /// The session's anti-forgery token (cookie sessions only).
    public var csrfToken: String?
}

/// Signs users in and out and recognises them on later requests, by session cookie or bearer token.
public struct Authenticator: Sendable {
    public static let cookieName = "liaison_session"

    let store: any LiaisonStore
    let clock: any LiaisonClock
    let hasher: PasswordHasher
    let sessionLifetime: TimeInterval
    let idleTimeout: TimeInterval
    let secureCookies: Bool

    public init(store: any LiaisonStore, clock: any LiaisonClock, hasher: PasswordHasher,
                sessionLifetime: TimeInterval = 8 * 3600, idleTimeout: TimeInterval = 30 * 60, secureCookies: Bool = false) {
        self.store = store
        self.clock = clock
        self.hasher = hasher
        self.sessionLifetime = sessionLifetime
        self.idleTimeout = idleTimeout
        self.secureCookies = secureCookies
    }

    /// Checks a username and password; on success starts a new session and returns its cookie.
    public func signIn(username: String, password: String) async throws -> (User, Cookie)? {
        guard let found = try await store.credentials(username: username), found.user.active,
              try await hasher.verify(password, hash: found.passwordHash) else { return nil }
        let token = Secrets.token()
        let now = clock.now()
        try await store.insertSession(SessionRecord(tokenHash: Secrets.hash(token), userID: found.user.id, csrfToken: Secrets.token(),
                                                    createdAt: now, lastSeenAt: now, expiresAt: now.addingTimeInterval(sessionLifetime)))
        return (found.user, cookie(value: token, maxAge: Int(sessionLifetime)))
    }

    public func signOut(_ request: Request) async throws -> Cookie {
        if let token = request.cookies[Self.cookieName]?.value {
            try await store.deleteSession(tokenHash: Secrets.hash(token))
        }
        return cookie(value: "", maxAge: 0)
    }

    func cookie(value: String, maxAge: Int) -> Cookie {
        Cookie(name: Self.cookieName, value: value, maxAge: maxAge, path: "/", secure: secureCookies, httpOnly: true, sameSite: .lax)
    }

    /// The identity behind a request's bearer token or session cookie, or nil when there is none or it has lapsed.
    public func identify(_ request: Request) async throws -> Identity? {
        if let header = request.headers[.authorization] {
            guard header.hasPrefix("Bearer ") else { return nil }
            let token = String(header.dropFirst("Bearer ".count)).trimmingCharacters(in: .whitespaces)
            guard let record = try await store.token(hash: Secrets.hash(token)), record.revokedAt == nil,
                  let user = try await store.user(record.userID), user.active else { return nil }
            return Identity(user: user, agency: try await store.agency(user.agencyID), method: .token, csrfToken: nil)
        }
        guard let token = request.cookies[Self.cookieName]?.value, !token.isEmpty else { return nil }
        let hash = Secrets.hash(token)
        guard let session = try await store.session(tokenHash: hash) else { return nil }
        let now = clock.now()
        if now >= session.expiresAt || now.timeIntervalSince(session.lastSeenAt) > idleTimeout {
            try await store.deleteSession(tokenHash: hash)
            return nil
        }
        guard let user = try await store.user(session.userID), user.active else { return nil }
        if now.timeIntervalSince(session.lastSeenAt) > 60 { try await store.touchSession(tokenHash: hash, at: now) }
        return Identity(user: user, agency: try await store.agency(user.agencyID), method: .session, csrfToken: session.csrfToken)
    }

    /// Issues a new API token for a user; the token is shown once and only its hash is kept.
    public func issueToken(for user: User, name: String) async throws -> String {
        let token = Secrets.token(prefix: "lsn_")
        try await store.insertToken(APITokenRecord(id: UUID().uuidString.lowercased(), name: name, tokenHash: Secrets.hash(token),
                                                   userID: user.id, createdAt: clock.now()))
        return token
    }
}
