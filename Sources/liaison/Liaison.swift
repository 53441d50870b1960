import ArgumentParser
import Foundation
import LiaisonCore
import LiaisonDemo
import LiaisonStore
import LiaisonWeb
import Logging
import Metrics
import Prometheus

@main
struct Liaison: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "liaison",
        abstract: "Shared casework and intelligence for the agencies tackling serious and organised crime.",
        subcommands: [
            Serve.self, Migrate.self, Demo.self, Users.self, Audit.self, Access.self, Resolve.self, Matches.self,
            Import.self, Obligations.self, POI.self, OCGCommand.self, OperationCommand.self, ReportCommand.self,
            AlertCommand.self, GAINCommand.self,
        ])

    /// Runs the command asked for. A refusal goes to standard error as ArgumentParser words it, with its control
    /// characters made visible: it may quote a file's header or value, which must not act on the terminal.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? any AsyncParsableCommand { try await command.run() } else { try command.run() }
        } catch {
            let code = exitCode(for: error)
            if code == .success { exit(withError: error) }
            FileHandle.standardError.write(Data((ControlPictures.forTerminal(fullMessage(for: error)) + "\n").utf8))
            Foundation.exit(code.rawValue)
        }
    }
}

/// Where the store is: the same options, with the same environment variables, on every command that touches it.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .customLong("data-dir"),
        help: "Folder for the embedded SQLite store (env LIAISON_DATA_DIR; default ./liaison-data).")
    var dataDir: String?

    @Option(
        name: .customLong("database"),
        help:
            "PostgreSQL URL, postgres://user:password@host:port/db (env LIAISON_DATABASE_URL). Without it the embedded store is used."
    )
    var database: String?

    var resolvedDataDir: String { dataDir ?? ProcessInfo.processInfo.environment["LIAISON_DATA_DIR"] ?? "liaison-data" }
    var resolvedDatabase: String? { database ?? ProcessInfo.processInfo.environment["LIAISON_DATABASE_URL"] }

    /// The key that seals webhook secrets: LIAISON_SECRET_KEY, or `secret.key` in the data folder (made on first use).
    /// Every node sharing one PostgreSQL database needs the same key.
    func secrets() throws -> SecretBox {
        do {
            return try SecretBox.load(
                environmentKey: ProcessInfo.processInfo.environment["LIAISON_SECRET_KEY"],
                file: (resolvedDataDir as NSString).appendingPathComponent("secret.key"))
        } catch let error as LiaisonError {
            throw CommandFailure("\(error)")
        }
    }

    var describe: String {
        resolvedDatabase.map { url in "PostgreSQL at \(URLComponents(string: url)?.host ?? "?")" }
            ?? "SQLite at \(StoreFactory.sqlitePath(dataDir: resolvedDataDir))"
    }

    func open() async throws -> SQLStore {
        do {
            return try await StoreFactory.open(databaseURL: resolvedDatabase, dataDir: resolvedDataDir)
        } catch let error as StoreError {
            throw CommandFailure(error.description)
        }
    }

    /// The store, migrated already, for the server to run as one of its services.
    func connect() async throws -> SQLStore {
        do {
            return try await StoreFactory.connect(databaseURL: resolvedDatabase, dataDir: resolvedDataDir)
        } catch let error as StoreError {
            throw CommandFailure(error.description)
        }
    }
}

/// Runs `body` with an open store and always closes it.
func withStore<T>(_ options: StoreOptions, _ body: (SQLStore) async throws -> T) async throws -> T {
    let store = try await options.open()
    do {
        let result = try await body(store)
        await store.close()
        return result
    } catch {
        await store.close()
        throw error
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Start the web server and JSON API.")

    @OptionGroup var store: StoreOptions
    @Option(help: "Address to listen on (env LIAISON_HOST).") var host: String?
    @Option(help: "Port to listen on (env LIAISON_PORT).") var port: Int?
    @Flag(help: "Load the synthetic demo dataset and demo users first (skipped if already loaded).") var demo = false
    @Flag(
        name: .customLong("secure-cookies"),
        help: "Mark cookies Secure and send HSTS: use when served over HTTPS behind a proxy.") var secureCookies = false
    @Option(
        name: .customLong("tls-certificate"),
        help: "PEM certificate (chain) file: serve HTTPS directly (with --tls-key).") var tlsCertificate: String?
    @Option(name: .customLong("tls-key"), help: "PEM private key file for --tls-certificate.") var tlsKey: String?
    @Option(help: "SMTP relay for emailed notices, HOST:PORT (env LIAISON_SMTP).") var smtp: String?
    @Option(name: .customLong("smtp-from"), help: "The sender address of emailed notices (env LIAISON_SMTP_FROM).")
    var smtpFrom: String?
    @Option(
        name: .customLong("allow-webhook-host"),
        help:
            "An internal host (name or address) partners' webhooks may reach; repeatable (env LIAISON_WEBHOOK_ALLOW, comma-separated). Loopback, private and link-local hosts are refused otherwise."
    )
    var webhookHosts: [String] = []
    @Option(
        name: .customLong("metrics-token"),
        help: "Serve /metrics to scrapers presenting this bearer token (env LIAISON_METRICS_TOKEN; 16+ characters).")
    var metricsToken: String?
    @Flag(
        name: .customLong("public-metrics"),
        help: "Serve /metrics to anyone who can reach the port. Without this or --metrics-token, /metrics is off.")
    var publicMetrics = false

    func validate() throws {
        if (tlsCertificate == nil) != (tlsKey == nil) {
            throw ValidationError("give both --tls-certificate and --tls-key, or neither")
        }
        _ = try relay()
        _ = try metrics()
    }

    /// Who may read /metrics, from --metrics-token, LIAISON_METRICS_TOKEN and --public-metrics.
    func metrics() throws -> ServerConfiguration.MetricsAccess {
        let token = metricsToken ?? ProcessInfo.processInfo.environment["LIAISON_METRICS_TOKEN"]
        if let token, !token.isEmpty {
            if publicMetrics { throw ValidationError("give --metrics-token or --public-metrics, not both") }
            if token.count < 16 { throw ValidationError("--metrics-token must be at least 16 characters") }
            return .token(token)
        }
        return publicMetrics ? .open : .off
    }

    /// The internal hosts webhooks may reach, from --allow-webhook-host and LIAISON_WEBHOOK_ALLOW.
    func allowedWebhookHosts() -> WebhookHosts {
        let fromEnvironment = (ProcessInfo.processInfo.environment["LIAISON_WEBHOOK_ALLOW"] ?? "").split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return WebhookHosts(allowed: webhookHosts + fromEnvironment)
    }

    /// The SMTP relay from --smtp or LIAISON_SMTP, checked.
    func relay() throws -> (host: String, port: Int, from: String)? {
        let environment = ProcessInfo.processInfo.environment
        guard let raw = smtp ?? environment["LIAISON_SMTP"], !raw.isEmpty else { return nil }
        let parts = raw.split(separator: ":")
        guard parts.count == 2, let port = Int(parts[1]), (1...65535).contains(port) else {
            throw ValidationError("--smtp must be HOST:PORT")
        }
        let from = smtpFrom ?? environment["LIAISON_SMTP_FROM"] ?? "liaison@localhost"
        return (String(parts[0]), port, from)
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let level = try Self.logLevel(environment["LIAISON_LOG_LEVEL"])
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "liaison")
        // One registry for Liaison's own metrics and those of the libraries it uses (Hummingbird, PostgresNIO).
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        let host = self.host ?? environment["LIAISON_HOST"] ?? "127.0.0.1"
        let port = self.port ?? environment["LIAISON_PORT"].flatMap(Int.init) ?? 8080
        let tls = tlsCertificate.map { (certificate: $0, key: tlsKey!) }
        let configuration = ServerConfiguration(
            host: host, port: port, secureTransport: secureCookies, tls: tls, smtp: try relay(),
            webhookHosts: allowedWebhookHosts(), metrics: try metrics(), secrets: try self.store.secrets())
        do { try configuration.checkTLSFiles() } catch let error as ConfigurationError {
            throw CommandFailure(error.description)
        }
        // The schema is brought up to date (and demo data added) first; then the store is connected again as a
        // service of the application, which starts its connection pool before the worker and the server and stops
        // it after them.
        try await withStore(store) { store in
            if demo { try await DemoCommand.seed(store, subjects: 5_000, ocgs: 300, seed: 2026, print: true) }
        }
        let store = try await self.store.connect()
        let address = "\(tls == nil ? "http" : "https")://\(host):\(port)"
        let described = self.store.describe
        let app = try LiaisonApplication.build(
            store: store, configuration: configuration, registry: registry, logger: logger, services: [store]
        ) {
            // Said once the server listens. Written to a file or a pipe, standard output is held in a buffer: the
            // logins and the address are needed now, not when the server stops.
            print("Liaison is serving on \(address) (store: \(described))")
            fflush(nil)
        }
        fflush(nil)
        do { try await app.runService() } catch  where LiaisonApplication.addressInUse(error) {
            throw CommandFailure("\(host):\(port) is in use: another server, perhaps another Liaison, listens there")
        }
    }

    /// The log level from `LIAISON_LOG_LEVEL` (trace, debug, info, notice, warning, error, critical); info if unset.
    static func logLevel(_ text: String?) throws -> Logger.Level {
        guard let text, !text.isEmpty else { return .info }
        guard let level = Logger.Level(rawValue: text.lowercased()) else {
            throw CommandFailure(
                "LIAISON_LOG_LEVEL must be one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")), not '\(text)'"
            )
        }
        return level
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Create or upgrade the store's schema, then list the applied migrations.")

    @OptionGroup var store: StoreOptions

    func run() async throws {
        try await withStore(store) { store in
            print("Store: \(self.store.describe)")
            for name in try await store.appliedMigrations() { print("applied \(name)") }
        }
    }
}

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Synthetic demonstration data.", subcommands: [DemoCommand.self])
}

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed", abstract: "Load the deterministic synthetic demo dataset and print the demo logins.")

    @OptionGroup var store: StoreOptions
    @Option(help: "How many subjects to generate.") var subjects = 5_000
    @Option(help: "How many organised crime groups to generate.") var ocgs = 300
    @Option(help: "The random seed; the same seed always gives the same data.") var seed: UInt64 = 2026

    func validate() throws {
        guard (1...2_000_000).contains(subjects) else {
            throw ValidationError("--subjects must be between 1 and 2000000")
        }
        guard (0...200_000).contains(ocgs) else { throw ValidationError("--ocgs must be between 0 and 200000") }
    }

    func run() async throws {
        try await withStore(store) { store in
            try await Self.seed(store, subjects: subjects, ocgs: ocgs, seed: seed, print: true)
        }
    }

    static func seed(_ store: SQLStore, subjects: Int, ocgs: Int, seed: UInt64, print shouldPrint: Bool) async throws {
        let start = ContinuousClock.now
        let data = DemoData.generate(seed: seed, subjects: subjects, ocgs: ocgs)
        let hash = try await PasswordHasher().hash(DemoDataset.password)
        let casework = DemoCasework.generate(
            data, cases: max(1, subjects / 25), interests: max(1, subjects / 80), now: Date())
        let management = DemoManagement.generate(
            data, pois: max(1, subjects / 50), interventions: max(1, ocgs / 3), now: Date())
        let outcome = try await DemoSeeder.seed(
            data, into: store, passwordHash: hash, casework: casework, management: management)
        guard shouldPrint else { return }
        if outcome.seeded {
            print(
                "Loaded \(data.agencies.count) agencies, \(data.users.count) users, \(data.subjects.count) subjects, \(data.ocgs.count) groups, \(casework.cases.count) deportation cases, \(casework.obligations.count) obligations, \(management.pois.count) Persons of Interest and \(management.interventions.count) interventions in \(ContinuousClock.now - start)."
            )
        } else {
            print("The demo dataset is already loaded; nothing changed.")
        }
        print("Demo logins (password for all: \(DemoDataset.password)):")
        let agencies = Dictionary(uniqueKeysWithValues: data.agencies.map { ($0.id, $0.code) })
        for user in data.users {
            let roles = user.roles.map(\.rawValue).joined(separator: ",")
            print(
                "  \(user.username.padding(toLength: 20, withPad: " ", startingAt: 0)) \(agencies[user.agencyID] ?? "?") \(user.vetting.rawValue) \(roles)"
            )
        }
    }
}

struct Users: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users", abstract: "Manage user accounts and API tokens.",
        subcommands: [
            AddUser.self, ListUsers.self, SetActive.self, Brief.self, IssueToken.self, ListTokens.self,
            RevokeToken.self,
        ])
}

struct AddUser: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Create a user. The password is read from LIAISON_PASSWORD or standard input.")

    @OptionGroup var store: StoreOptions
    @Option(help: "Sign-in name, e.g. nca.jsmith.") var username: String
    @Option(help: "Name shown on pages.") var name: String
    @Option(help: "Email address.") var email: String
    @Option(help: "Agency code, e.g. NCA.") var agency: String
    @Option(
        name: .customLong("role"),
        help: "A role (repeatable): \(Role.allCases.map(\.rawValue).joined(separator: ", ")).") var roles: [String]
    @Option(help: "Vetting level: BPSS, SC or DV.") var vetting: String

    func run() async throws {
        let password = ProcessInfo.processInfo.environment["LIAISON_PASSWORD"] ?? readLine(strippingNewline: true) ?? ""
        try await withStore(store) { store in
            let input = NewUser(
                username: username, displayName: name, email: email, agencyCode: agency, roles: roles, vetting: vetting,
                password: password)
            do {
                let user = try await LiaisonServices(store: store).accounts
                    .create(input, hash: { try await PasswordHasher().hash($0) }, by: commandLineActor)
                print(
                    "Created \(user.username) (\(agency.uppercased()), \(user.vetting.rawValue), \(user.roles.map(\.rawValue).joined(separator: ", ")))"
                )
            } catch LiaisonError.invalid(let problems) {
                throw CommandFailure(
                    problems.map {
                        "--\($0.field == "displayName" ? "name" : $0.field == "roles" ? "role" : $0.field) \($0.reason)"
                    }.joined(separator: "; "))
            }
        }
    }
}

struct ListUsers: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List user accounts.")

    @OptionGroup var store: StoreOptions

    func run() async throws {
        try await withStore(store) { store in
            let agencies = Dictionary(uniqueKeysWithValues: try await store.agencies().map { ($0.id, $0.code) })
            print("USERNAME             AGENCY   VETTING ACTIVE ROLES")
            for user in try await store.users() {
                print(
                    "\(user.username.padding(toLength: 20, withPad: " ", startingAt: 0)) \((agencies[user.agencyID] ?? "?").padding(toLength: 8, withPad: " ", startingAt: 0)) \(user.vetting.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)) \(user.active ? "yes   " : "no    ") \(user.roles.map(\.rawValue).joined(separator: ","))"
                )
            }
        }
    }
}

struct IssueToken: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Issue an API token for a user (shown once).")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The user the token acts as.") var username: String
    @Option(help: "What the token is for, e.g. the partner system's name.") var name = "api"
    @Option(help: "How many days the token works (1-366).") var days = 90

    func validate() throws {
        if !(1...366).contains(days) { throw ValidationError("--days must be from 1 to 366") }
    }

    func run() async throws {
        try await withStore(store) { store in
            guard let (user, _) = try await store.credentials(username: username) else {
                throw CommandFailure("no user named '\(username)'")
            }
            print(
                try await commandLineAuthenticator(store).issueToken(
                    for: user, name: name, by: "command-line", days: days))
        }
    }
}

/// The authenticator as the command line uses it: token issue and revocation, recorded as by "command-line".
func commandLineAuthenticator(_ store: SQLStore) -> Authenticator {
    Authenticator(
        store: store, clock: SystemClock(), hasher: PasswordHasher(cost: 4),
        audit: LiaisonServices(store: store).audit)
}

struct ListTokens: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens", abstract: "List a user's API tokens (never the tokens themselves).")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The user whose tokens to list.") var username: String

    func run() async throws {
        try await withStore(store) { store in
            guard let (user, _) = try await store.credentials(username: username) else {
                throw CommandFailure("no user named '\(username)'")
            }
            print("ID                                   CREATED                  STATUS   NAME")
            for token in try await store.tokens(of: user.id) {
                print(
                    "\(token.id) \(DateFormats.instant(token.createdAt)) \(token.revokedAt == nil ? "active " : "revoked") \(token.name)"
                )
            }
        }
    }
}

struct RevokeToken: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke", abstract: "Revoke an API token by its ID: requests carrying it are refused at once.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The token's ID, from `liaison users tokens USERNAME`.") var id: String

    func run() async throws {
        try await withStore(store) { store in
            guard try await commandLineAuthenticator(store).revokeToken(id: id, by: "command-line") else {
                throw CommandFailure("no active token with ID '\(id)'")
            }
            print("Revoked token \(id)")
        }
    }
}

struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "The audit log: verify its hash chain, or list entries.",
        subcommands: [VerifyAudit.self, ListAudit.self])
}

struct VerifyAudit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the whole hash chain; name the first broken entry (every one with --all). Exits 1 if broken.")

    @OptionGroup var store: StoreOptions
    @Flag(
        name: .customLong("all"), help: "Go on past each break, from the broken entry's own hash, to find later ones.")
    var continuing = false

    func run() async throws {
        let result = try await withStore(store) { store in
            try await LiaisonServices(store: store).audit.verify(continuing: continuing)
        }
        for broken in result.breaks { print("BROKEN: \(broken)") }
        print(
            "head hash: \(result.headHash) (keep it elsewhere: an entry removed from the end shows as a different head)"
        )
        if !result.intact {
            let tail = continuing ? ", \(result.verified) of \(result.entries) entries verified in all" : ""
            print(
                "\(result.breaks.count) break\(result.breaks.count == 1 ? "" : "s") found; \(result.verifiedBeforeBreak) entries verified before the first\(tail)"
            )
            throw ExitCode(1)
        }
        print("OK: \(result.entries) entries, hash chain intact")
    }
}

struct ListAudit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List audit entries, newest first.")

    @OptionGroup var store: StoreOptions
    @Option(help: "Only this username.") var actor: String?
    @Option(help: "Only entries touching this record ID.") var object: String?
    @Option(help: "Only this action, or a prefix ending in '.'.") var action: String?
    @Option(help: "How many entries.") var limit = 50

    func run() async throws {
        try await withStore(store) { store in
            let entries = try await store.searchAudit(
                AuditQuery(actorName: actor, objectID: object, action: action, limit: limit))
            for e in entries {
                print(
                    "\(e.sequence)\t\(DateFormats.instant(e.time))\t\(e.actorName)\t\(e.action)\t\(e.outcome.rawValue)\t\(e.objectIDs.joined(separator: " "))\t\(e.detail ?? "")"
                )
            }
        }
    }
}

/// The command line acts as a built-in administrator, recorded in the audit log as "command-line".
let commandLineActor = User(
    id: UserID("00000000-0000-4000-a000-000000000000"), username: "command-line", displayName: "Command line",
    email: "", agencyID: AgencyID("00000000-0000-4000-a000-000000000000"), roles: [.administrator], vetting: .dv)

/// `--as USER` (or `LIAISON_USER`): the account a command acts as, so it sees and does only what that user may.
struct ActingUser: ParsableArguments {
    @OptionGroup var store: StoreOptions
    @Option(name: .customLong("as"), help: "The user acting: only what they may see and do (env LIAISON_USER).")
    var username: String?

    var resolvedUser: String? { username ?? ProcessInfo.processInfo.environment["LIAISON_USER"] }

    func validate() throws {
        guard resolvedUser != nil else {
            throw ValidationError("give --as USER (or set LIAISON_USER): only what that user may see is shown")
        }
    }

    /// Runs `body` with a service made over the store and the user; a refusal or bad input is reported as the service words it.
    func run<Service>(
        _ service: any KeyPath<LiaisonServices, Service> & Sendable,
        _ body: @escaping (Service, User) async throws -> Void
    ) async throws {
        try await withStore(store) { store in
            let clock = SystemClock()
            let user = try await account(store, resolvedUser!)
            do { try await body(LiaisonServices(store: store, clock: clock)[keyPath: service], user) } catch let error
                as LiaisonError
            { throw CommandFailure(error.description) }
        }
    }
}

func account(_ store: SQLStore, _ username: String) async throws -> User {
    guard let (user, _) = try await store.credentials(username: username) else {
        throw CommandFailure("no user named '\(username)'")
    }
    return user
}

struct SetActive: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-active",
        abstract: "Disable or enable an account (a disabled account cannot sign in or use its tokens).")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The username.") var username: String
    @Argument(help: "yes to enable, no to disable.") var active: String

    func validate() throws {
        guard ["yes", "no"].contains(active) else { throw ValidationError("say yes or no") }
    }

    func run() async throws {
        try await withStore(store) { store in
            let user = try await account(store, username)
            _ = try await LiaisonServices(store: store).accounts
                .setActive(user.id, active: active == "yes", by: commandLineActor)
            print("\(username) is now \(active == "yes" ? "enabled" : "disabled")")
        }
    }
}

struct Brief: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brief", abstract: "Set the operations or cases a user is briefed into (need-to-know).")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The username.") var username: String
    @Argument(help: "Operation or case names; none to clear.") var operations: [String] = []

    func run() async throws {
        try await withStore(store) { store in
            let user = try await account(store, username)
            do {
                let updated = try await LiaisonServices(store: store).accounts
                    .setBriefings(user.id, briefings: operations, by: commandLineActor)
                print(
                    "\(username) is briefed into: \(updated.briefings.isEmpty ? "nothing" : updated.briefings.joined(separator: ", "))"
                )
            } catch LiaisonError.invalid(let problems) {
                throw CommandFailure(problems.map { "\($0.field) \($0.reason)" }.joined(separator: "; "))
            }
        }
    }
}

struct Access: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "access", abstract: "Ask the access policy about a user and a record.", subcommands: [Explain.self]
    )
}

struct Explain: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain", abstract: "Why a user may or may not see (or change) a subject or group.")

    @OptionGroup var store: StoreOptions
    @Option(help: "The username.") var user: String
    @Option(help: "The subject's or group's ID.") var record: String
    @Option(help: "read or update.") var action = "read"

    func run() async throws {
        guard let action = LiaisonCore.Action(rawValue: action) else {
            throw ValidationError("--action must be read or update")
        }
        try await withStore(store) { store in
            let target = try await account(store, user)
            let found = try await store.recordMeta(id: record)
            guard let (kind, meta) = found else { throw CommandFailure("no subject or group has ID '\(record)'") }
            let decision = AccessPolicy.decide(target, action, meta, kind: kind)
            try await LiaisonServices(store: store).audit.record(
                AuditDraft(
                    commandLineActor, "access.explain", kind: kind, ids: [record], request: .none,
                    detail: "for \(user), \(action.rawValue)"))
            print("\(decision.allowed ? "ALLOWED" : "NOT ALLOWED"): \(user) to \(action.rawValue) \(kind) \(record)")
            for reason in decision.reasons { print("  - \(reason)") }
            for field in decision.withheld { print("  withheld \(field.field): \(field.reason)") }
        }
    }
}

/// A command that could not do what it was asked (refused, not found, bad data, a store or file it cannot use):
/// printed as "Error: …" on standard error, exit status 1. A mistake in the command line itself is a
/// `ValidationError` (the usage is shown, exit status 64). Success is 0.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
