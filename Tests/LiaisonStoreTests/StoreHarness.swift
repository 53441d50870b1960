import Foundation
import LiaisonCore
import LiaisonTestSupport
import Testing

@testable import LiaisonStore

/// The stores the contract suite runs against: SQLite always, PostgreSQL when `LIAISON_TEST_POSTGRES_URL` is set.
enum StoreKind: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite, postgres

    static var available: [StoreKind] {
        ProcessInfo.processInfo.environment["LIAISON_TEST_POSTGRES_URL"].map { !$0.isEmpty } == true
            ? [.sqlite, .postgres] : [.sqlite]
    }

    var testDescription: String { rawValue }

    /// A fresh, migrated, empty store of this kind, isolated from every other test.
    func open() async throws -> SQLStore {
        try await open(named: String(UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)))
    }

    /// The store of this kind named `token`, connected but neither migrated nor running: for a service group to run.
    func connect(named token: String) async throws -> SQLStore {
        switch self {
        case .sqlite: try await StoreFactory.connect(databaseURL: nil, dataDir: Self.directory(token))
        case .postgres:
            try await StoreFactory.connect(
                databaseURL: ProcessInfo.processInfo.environment["LIAISON_TEST_POSTGRES_URL"]!, dataDir: "",
                schema: "t_\(token)")
        }
    }

    static func directory(_ token: String) -> String { Scratch.path("store-\(token)") }

    /// The store of this kind named `token`: a new one the first time, the same data again after a restart.
    func open(named token: String) async throws -> SQLStore {
        switch self {
        case .sqlite:
            return try await StoreFactory.open(databaseURL: nil, dataDir: Self.directory(token))
        case .postgres:
            let url = ProcessInfo.processInfo.environment["LIAISON_TEST_POSTGRES_URL"]!
            let store = SQLStore(database: try await PostgresDatabase.connect(url: url, schema: "t_\(token)"))
            try await store.migrate()
            return store
        }
    }
}

/// Agencies, users and a clock that every store test starts from.
struct Fixture {
    let store: SQLStore
    let nca: Agency
    let gmp: Agency
    let analyst: User
    let partner: User
    let clock = FixedClock(Date(timeIntervalSince1970: 1_790_000_000))

    /// A fresh store of `kind`, or the one named `name` (to reopen it after a restart).
    init(_ kind: StoreKind, named name: String? = nil) async throws {
        if let name { store = try await kind.open(named: name) } else { store = try await kind.open() }
        (nca, gmp, analyst, partner) = try await Self.people(in: store)
    }

    /// Two agencies and a user of each, added to `store`.
    static func people(in store: some AgencyStore & UserStore) async throws -> (Agency, Agency, User, User) {
        let nca = Agency(code: "NCA", name: "National Crime Agency", type: "law-enforcement", jurisdiction: "uk")
        let gmp = Agency(
            code: "GMP", name: "Greater Manchester Police", type: "law-enforcement", jurisdiction: "england-wales")
        try await store.insertAgency(nca)
        try await store.insertAgency(gmp)
        let analyst = User(
            username: "nca.analyst", displayName: "Analyst", email: "a@nca.invalid", agencyID: nca.id,
            roles: [.analyst], vetting: .sc)
        let partner = User(
            username: "gmp.officer", displayName: "Officer", email: "o@gmp.invalid", agencyID: gmp.id,
            roles: [.partnerOfficer], vetting: .bpss)
        try await store.insertUser(analyst, passwordHash: "x")
        try await store.insertUser(partner, passwordHash: "y")
        return (nca, gmp, analyst, partner)
    }

    var audit: AuditLog { AuditLog(store: store, clock: clock) }
    var subjects: SubjectService { SubjectService(store: store, clock: clock, audit: audit) }
    var groups: OCGService { OCGService(store: store, clock: clock, audit: audit) }
}

/// Every store the contract suite runs against: the in-memory one, and the databases.
enum ContractStoreKind: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case memory, sqlite, postgres

    static var available: [ContractStoreKind] {
        [.memory] + StoreKind.available.compactMap { ContractStoreKind(rawValue: $0.rawValue) }
    }

    var testDescription: String { rawValue }

    /// The same database as `database`.
    init(_ database: StoreKind) { self = database == .sqlite ? .sqlite : .postgres }
}

/// ``Fixture`` on any of the stores, the in-memory one too, for every contract and service test that needs no restart.
struct ContractFixture {
    let store: any LiaisonStore
    /// The database behind `store`, to close; none for the in-memory store.
    let database: SQLStore?
    let nca: Agency
    let gmp: Agency
    let analyst: User
    let partner: User
    let clock = FixedClock(Date(timeIntervalSince1970: 1_790_000_000))

    /// A fresh store of `kind`; a database one named `name` when given (to reopen it after a restart).
    init(_ kind: ContractStoreKind, named name: String? = nil) async throws {
        switch (kind, name) {
        case (.memory, _): database = nil
        case (.sqlite, nil): database = try await StoreKind.sqlite.open()
        case (.postgres, nil): database = try await StoreKind.postgres.open()
        case (.sqlite, let name?): database = try await StoreKind.sqlite.open(named: name)
        case (.postgres, let name?): database = try await StoreKind.postgres.open(named: name)
        }
        let store: any LiaisonStore = database ?? MemoryStore()
        self.store = store
        (nca, gmp, analyst, partner) = try await Fixture.people(in: store)
    }

    var audit: AuditLog { AuditLog(store: store, clock: clock) }
    var subjects: SubjectService { SubjectService(store: store, clock: clock, audit: audit) }
    var groups: OCGService { OCGService(store: store, clock: clock, audit: audit) }

    func close() async { await database?.close() }
}
