import Foundation

/// What the Directory reads and writes: only these stores.
public typealias DirectoryStore = AgencyStore & UserStore & ReferenceStore & SchemaStore

/// What every signed-in user may look up to read a page: the agencies, the reference lists (labels for codes), and
/// the names of users (for "appointed by", "case owner"), and the time. None of it is a record under the access policy; pages and
/// API handlers read it here rather than from the store.
public struct DirectoryService: Sendable {
    let store: any DirectoryStore
    let clock: any LiaisonClock

    public init(store: any DirectoryStore, clock: any LiaisonClock) {
        self.store = store
        self.clock = clock
    }

    /// The service's time, for showing what is late or in force.
    public func now() -> Date { clock.now() }

    public func agencies() async throws -> [Agency] { try await store.agencies() }

    public func agency(_ id: AgencyID) async throws -> Agency? { try await store.agency(id) }

    public func agency(code: String) async throws -> Agency? { try await store.agency(code: code.uppercased()) }

    /// Agency names (or codes) by ID, for tables.
    public func agencyNames(codes: Bool = false) async throws -> [AgencyID: String] {
        Dictionary(
            try await store.agencies().map { ($0.id, codes ? $0.code : $0.name) }, uniquingKeysWith: { a, _ in a })
    }

    public func referenceEntries() async throws -> [ReferenceEntry] { try await store.referenceEntries() }

    /// The reference lists, for labels and choices.
    public func reference() async throws -> ReferenceData { ReferenceData(entries: try await store.referenceEntries()) }

    /// A user's public face (name, agency), by ID.
    public func user(_ id: UserID) async throws -> User? { try await store.user(id) }

    /// A user by username.
    public func user(username: String) async throws -> User? { try await store.credentials(username: username)?.user }

    /// The migrations the store has applied (for the health check).
    public func appliedMigrations() async throws -> [String] { try await store.appliedMigrations() }

    /// The agencies that work cases and intelligence together (not the private sector's), by name.
    public func partnerAgencies() async throws -> [Agency] {
        try await store.agencies().filter { $0.type != "private-sector" }.sorted { $0.name < $1.name }
    }

    /// Every active officer of those agencies, by name: whom a group or an operation can name.
    public func officers() async throws -> [User] {
        try await store.users().filter { $0.active && !$0.confinedToAlerts }.sorted { $0.displayName < $1.displayName }
    }

    /// The active users of `user`'s agency, by name: whom work can be given to.
    public func colleagues(of user: User) async throws -> [User] {
        try await store.users().filter { $0.agencyID == user.agencyID && $0.active && !$0.confinedToAlerts }
            .sorted { $0.displayName < $1.displayName }
    }

    /// Every user's name as pages show it, by username.
    public func people() async throws -> People {
        People(names: Dictionary(try await store.users().map { ($0.username, $0.displayName) }) { first, _ in first })
    }
}

/// Users' names as people know them, by username: pages say who did what by name, not by account.
public struct People: Sendable {
    let names: [String: String]

    /// The user's name; a name that is no account's (a system actor such as "command-line") as it is.
    public func name(_ username: String) -> String { names[username] ?? username }
}
