import Foundation

/// A signed-in browser session. The cookie holds a random token; the store keeps only its hash.
public struct SessionRecord: Sendable, Equatable {
    public var tokenHash: String
    public var userID: UserID
    public var csrfToken: String
    public var createdAt: Date
    public var lastSeenAt: Date
    public var expiresAt: Date

    public init(
        tokenHash: String, userID: UserID, csrfToken: String, createdAt: Date, lastSeenAt: Date, expiresAt: Date
    ) {
        self.tokenHash = tokenHash
        self.userID = userID
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
        self.expiresAt = expiresAt
    }
}

/// A machine client's API token. The store keeps only the token's hash.
public struct APITokenRecord: Sendable, Equatable {
    public var id: String
    public var name: String
    public var tokenHash: String
    public var userID: UserID
    public var createdAt: Date
    public var revokedAt: Date?
    /// When the token stops working; a new token lives `APITokenRecord.lifetime` unless issued for less.
    public var expiresAt: Date

    /// How long a token lives by default: 90 days.
    public static let lifetime: TimeInterval = 90 * 86_400

    public init(
        id: String, name: String, tokenHash: String, userID: UserID, createdAt: Date, revokedAt: Date? = nil,
        expiresAt: Date? = nil
    ) {
        self.expiresAt = expiresAt ?? createdAt.addingTimeInterval(Self.lifetime)
        self.id = id
        self.name = name
        self.tokenHash = tokenHash
        self.userID = userID
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }
}

public protocol AgencyStore: Sendable {
    func insertAgency(_ agency: Agency) async throws
    func agencies() async throws -> [Agency]
    func agency(_ id: AgencyID) async throws -> Agency?
    func agency(code: String) async throws -> Agency?
}

public protocol UserStore: Sendable {
    func insertUser(_ user: User, passwordHash: String) async throws
    func user(_ id: UserID) async throws -> User?
    /// The user with this username and their password hash.
    func credentials(username: String) async throws -> (user: User, passwordHash: String)?
    func users() async throws -> [User]
    /// Saves an account's roles, vetting, briefings and active flag if it is still at `expectedVersion`.
    func updateUser(_ user: User, expectedVersion: Int) async throws

    func insertSession(_ session: SessionRecord) async throws
    func session(tokenHash: String) async throws -> SessionRecord?
    func touchSession(tokenHash: String, at time: Date) async throws
    func deleteSession(tokenHash: String) async throws

    func insertToken(_ token: APITokenRecord) async throws
    func token(hash: String) async throws -> APITokenRecord?
    func tokens(of user: UserID) async throws -> [APITokenRecord]
    func revokeToken(id: String, at time: Date) async throws -> Bool

    func loginAttempts(username: String) async throws -> LoginAttempts?
    func saveLoginAttempts(username: String, _ attempts: LoginAttempts?) async throws
}
