import Foundation
import Hummingbird
import HummingbirdBcrypt
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

    let store: any UserStore & AgencyStore
    let clock: any LiaisonClock
    let hasher: PasswordHasher
    let audit: AuditLog
    let lockout = LockoutRule()
    /// A bcrypt hash of a random password at the same cost, checked against when the username is unknown.
    let decoyHash: String
    let sessionLifetime: TimeInterval
    let idleTimeout: TimeInterval
    let secureCookies: Bool

    public init(
        store: any UserStore & AgencyStore, clock: any LiaisonClock, hasher: PasswordHasher, audit: AuditLog,
        sessionLifetime: TimeInterval = 8 * 3600, idleTimeout: TimeInterval = 30 * 60, secureCookies: Bool = false
    ) {
        self.store = store
        self.clock = clock
        self.hasher = hasher
        self.audit = audit
        self.decoyHash = Bcrypt.hash(Secrets.token(), cost: hasher.cost)
        self.sessionLifetime = sessionLifetime
        self.idleTimeout = idleTimeout
        self.secureCookies = secureCookies
    }

    public enum SignIn: Sendable {
        case signedIn(User, Cookie)
        case refused
        case locked(until: Date)
    }

    /// Checks a username and password; on success starts a new session (a new token every time) and returns its
    /// cookie. Repeated failures lock the account for a while. Every attempt lands in the audit log.
    /// - Parameter replacing: the session token the browser held when it signed in, if any: it is ended, so a
    ///   session planted in a browser before sign-in never becomes a signed-in one.
    public func signIn(username: String, password: String, replacing previous: String? = nil, request: RequestInfo)
        async throws -> SignIn
    {
        let now = clock.now()
        let name = String(username.prefix(64))
        func record(_ outcome: AuditOutcome, _ action: String, user: User? = nil, detail: String? = nil) async throws {
            try await audit.record(
                AuditDraft(
                    actorID: user?.id.rawValue, actorName: name, agencyID: user?.agencyID.rawValue,
                    action: action, objectKind: "user", objectIDs: user.map { [$0.id.rawValue] } ?? [],
                    detail: detail, requestID: request.requestID, outcome: outcome))
        }
        let attempts = try await store.loginAttempts(username: name)
        if let until = lockout.lockedUntil(attempts, now: now) {
            try await record(.denied, "auth.sign-in", detail: "account locked")
            return .locked(until: until)
        }
        let found = try await store.credentials(username: name)
        // A missing user still costs a hash check, so timing does not reveal which usernames exist.
        let matches = try await hasher.verify(password, hash: found?.passwordHash ?? decoyHash)
        guard let found, found.user.active, matches else {
            let (next, locked) = lockout.afterFailure(attempts, now: now)
            try await store.saveLoginAttempts(username: name, next)
            try await record(
                .denied, "auth.sign-in", user: found?.user,
                detail: found?.user.active == false ? "account disabled" : "wrong username or password")
            if locked, let until = next.lockedUntil {
                try await record(.denied, "auth.lockout", user: found?.user, detail: "\(next.failures) failed sign-ins")
                return .locked(until: until)
            }
            return .refused
        }
        if attempts != nil { try await store.saveLoginAttempts(username: name, nil) }
        if let previous, !previous.isEmpty { try await store.deleteSession(tokenHash: Secrets.hash(previous)) }
        let token = Secrets.token()
        try await store.insertSession(
            SessionRecord(
                tokenHash: Secrets.hash(token), userID: found.user.id, csrfToken: Secrets.token(),
                createdAt: now, lastSeenAt: now, expiresAt: now.addingTimeInterval(sessionLifetime)))
        try await record(.allowed, "auth.sign-in", user: found.user)
        return .signedIn(found.user, cookie(value: token, maxAge: Int(sessionLifetime)))
    }

    public func signOut(_ request: Request, identity: Identity?, info: RequestInfo) async throws -> Cookie {
        if let token = request.cookies[Self.cookieName]?.value {
            try await store.deleteSession(tokenHash: Secrets.hash(token))
        }
        if let user = identity?.user {
            try await audit.record(
                AuditDraft(user, "auth.sign-out", kind: "user", ids: [user.id.rawValue], request: info))
        }
        return cookie(value: "", maxAge: 0)
    }

    /// The cookie that carries the sign-in form's anti-forgery token, set with the form.
    public static let signInCookieName = "liaison_signin"

    /// A new sign-in form token and its cookie (strict: only sent back to Liaison's own pages).
    func signInToken() -> (token: String, cookie: Cookie) {
        let token = Secrets.token()
        return (
            token,
            Cookie(
                name: Self.signInCookieName, value: token, maxAge: 3600, path: "/login", secure: secureCookies,
                httpOnly: true,
                sameSite: .strict)
        )
    }

    func cookie(value: String, maxAge: Int) -> Cookie {
        Cookie(
            name: Self.cookieName, value: value, maxAge: maxAge, path: "/", secure: secureCookies, httpOnly: true,
            sameSite: .lax)
    }

    /// The identity behind a request's bearer token or session cookie, or nil when there is none or it has lapsed.
    public func identify(_ request: Request) async throws -> Identity? {
        if let header = request.headers[.authorization] {
            guard header.hasPrefix("Bearer ") else { return nil }
            let token = String(header.dropFirst("Bearer ".count)).trimmingCharacters(in: .whitespaces)
            guard let record = try await store.token(hash: Secrets.hash(token)), record.revokedAt == nil,
                clock.now() < record.expiresAt,
                let user = try await store.user(record.userID), user.active
            else { return nil }
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
        return Identity(
            user: user, agency: try await store.agency(user.agencyID), method: .session, csrfToken: session.csrfToken)
    }

    /// Issues a new API token for a user; the token is shown once and only its hash is kept.
    /// - Parameter actor: who issued it, for the audit log (an administrator's username, or "command-line").
    /// - Parameter days: how long the token works, 1 to 366 days (90 by default).
    public func issueToken(for user: User, name: String, by actor: String, days: Int = 90, request: RequestInfo = .none)
        async throws -> String
    {
        guard (1...366).contains(days) else { throw LiaisonError.invalid("days", "must be from 1 to 366") }
        let token = Secrets.token(prefix: "lsn_")
        let id = UUID().uuidString.lowercased()
        let now = clock.now()
        let expires = now.addingTimeInterval(Double(days) * 86_400)
        try await store.insertToken(
            APITokenRecord(
                id: id, name: name, tokenHash: Secrets.hash(token), userID: user.id, createdAt: now,
                expiresAt: expires))
        try await audit.record(
            AuditDraft(
                actorID: nil, actorName: actor, agencyID: nil, action: "token.issue", objectKind: "token",
                objectIDs: [id, user.id.rawValue], detail: "for \(user.username): \(name), for \(days) days",
                requestID: request.requestID, outcome: .allowed))
        return token
    }

    /// Revokes a token at once; requests carrying it are refused from then on.
    public func revokeToken(id: String, by actor: String, request: RequestInfo = .none) async throws -> Bool {
        let revoked = try await store.revokeToken(id: id, at: clock.now())
        try await audit.record(
            AuditDraft(
                actorID: nil, actorName: actor, agencyID: nil, action: "token.revoke", objectKind: "token",
                objectIDs: [id], requestID: request.requestID, outcome: revoked ? .allowed : .failed))
        return revoked
    }
}
