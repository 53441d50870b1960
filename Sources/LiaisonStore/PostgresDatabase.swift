import Foundation
import Logging
import PostgresNIO
import ServiceLifecycle

/// The deployment store: PostgreSQL through a PostgresNIO connection pool.
///
/// The server runs the pool as a service of its service group (`run()`, through ``SQLStore``), so it stops after
/// the server and the delivery worker have finished with it. A command or a test, which has no service group, opens
/// the database `standalone`: the pool then runs in a task owned by this object until `close()`.
public final class PostgresDatabase: SQLDatabase {
    public let dialect = SQLDialect.postgres
    let client: PostgresClient
    /// The task running the pool of a standalone database.
    let runner: Task<Void, Never>?
    let logger: Logger

    /// Connects to `url` (`postgres://user:password@host:port/database?sslmode=disable|require`) and checks the
    /// connection within `timeout`, reporting the server's own error rather than waiting for the pool to give up.
    ///
    /// - Parameter schema: when given, the schema is created if missing and every connection works inside it
    ///   (tests use one schema each so they can run side by side).
    public static func connect(
        url: String, schema: String? = nil, timeout: Duration = .seconds(10),
        logger: Logger = Logger(label: "liaison.postgres"), standalone: Bool = true
    ) async throws -> PostgresDatabase {
        var parsed = try PostgresURL(url)
        parsed.schema = schema
        let target = parsed
        // A direct connection first: it fails fast with the real reason (wrong password, no such database…).
        do {
            let connection = try await withTimeout(timeout) {
                try await PostgresConnection.connect(
                    configuration: target.connectionConfiguration(), id: 0, logger: logger)
            }
            if let schema {
                try await connection.query(
                    PostgresQuery(unsafeSQL: "CREATE SCHEMA IF NOT EXISTS \"\(schema)\""), logger: logger)
            }
            try await connection.close()
        } catch let error as PSQLError {
            throw StoreError.connection(error.serverInfo?[.message] ?? "\(error.code)")
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.connection("\(error)")
        }
        // The pool's own chatter (such as a lease asked for in the instant before `run()` starts) stays below errors.
        var background = logger
        background.logLevel = .error
        return PostgresDatabase(
            client: PostgresClient(configuration: target.clientConfiguration(), backgroundLogger: background),
            logger: logger, standalone: standalone)
    }

    init(client: PostgresClient, logger: Logger, standalone: Bool) {
        self.client = client
        self.logger = logger
        self.runner = standalone ? Task { await client.run() } : nil
    }

    public func run() async {
        // A standalone database's pool is already running in its own task.
        if runner != nil { try? await gracefulShutdown() } else { await client.run() }
    }

    public func query(_ sql: String, _ binds: [SQLValue]) async throws -> [SQLRow] {
        try await Self.rows(client.query(Self.query(sql, binds), logger: logger))
    }

    public func transaction<T: Sendable>(_ body: @Sendable (any SQLTransaction) async throws -> T) async throws -> T {
        try await client.withConnection { connection in
            try await connection.query("BEGIN", logger: logger)
            do {
                let result = try await body(Transaction(connection: connection, logger: logger))
                try await connection.query("COMMIT", logger: logger)
                return result
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw error
            }
        }
    }

    public func close() async {
        runner?.cancel()
        _ = await runner?.result
    }

    struct Transaction: SQLTransaction {
        let connection: PostgresConnection
        let logger: Logger

        func query(_ sql: String, _ binds: [SQLValue]) async throws -> [SQLRow] {
            try await PostgresDatabase.rows(connection.query(PostgresDatabase.query(sql, binds), logger: logger))
        }

        func execute(_ sql: String, _ binds: [SQLValue]) async throws {
            _ = try await connection.query(PostgresDatabase.query(sql, binds), logger: logger)
        }
    }

    /// Rewrites `?` placeholders (outside quotes) as `$1, $2…` and binds the values.
    static func query(_ sql: String, _ binds: [SQLValue]) -> PostgresQuery {
        var text = ""
        text.reserveCapacity(sql.utf8.count + binds.count * 2)
        var index = 0
        var inQuote = false
        for character in sql {
            if character == "'" { inQuote.toggle() }
            if character == "?" && !inQuote {
                index += 1
                text += "$\(index)"
            } else {
                text.append(character)
            }
        }
        var bindings = PostgresBindings(capacity: binds.count)
        for value in binds {
            switch value {
            case .null: bindings.appendNull()
            case .int(let v): bindings.append(v)
            case .double(let v): bindings.append(v)
            case .text(let v): bindings.append(SQLValue.storable(v))
            }
        }
        return PostgresQuery(unsafeSQL: text, binds: bindings)
    }

    static func rows(_ sequence: PostgresRowSequence) async throws -> [SQLRow] {
        var result: [SQLRow] = []
        for try await row in sequence {
            var values: [String: SQLValue] = [:]
            for cell in row {
                guard cell.bytes != nil else {
                    values[cell.columnName] = .null
                    continue
                }
                switch cell.dataType {
                case .int8, .int4, .int2: values[cell.columnName] = .int(try cell.decode(Int64.self))
                case .float8, .float4: values[cell.columnName] = .double(try cell.decode(Double.self))
                case .bool: values[cell.columnName] = .int(try cell.decode(Bool.self) ? 1 : 0)
                case .numeric: values[cell.columnName] = .int(Int64(try cell.decode(Decimal.self).description) ?? 0)
                default: values[cell.columnName] = .text(try cell.decode(String.self))
                }
            }
            result.append(SQLRow(values: values))
        }
        return result
    }
}

/// The parts of a `postgres://user:password@host:port/database?sslmode=…` URL.
struct PostgresURL {
    var host: String
    var port: Int
    var username: String
    var password: String?
    var database: String?
    var sslmode: String
    var schema: String?

    init(_ url: String) throws {
        guard let components = URLComponents(string: url),
            ["postgres", "postgresql"].contains(components.scheme ?? ""),
            let host = components.host, !host.isEmpty
        else { throw StoreError.unsupportedURL(Self.redacted(url)) }
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        self.host = host
        self.port = components.port ?? 5432
        self.username = components.user ?? "postgres"
        self.password = components.password
        self.database = path.isEmpty ? nil : path
        // Off this machine, the connection is encrypted unless the URL says otherwise.
        self.sslmode =
            components.queryItems?.first { $0.name == "sslmode" }?.value
            ?? (Self.isLoopback(host) ? "prefer" : "require")
    }

    /// Whether `host` names this machine.
    static func isLoopback(_ host: String) -> Bool {
        ["localhost", "::1", "[::1]"].contains(host.lowercased()) || host.hasPrefix("127.")
    }

    /// The URL with any password replaced by `***`, for messages and logs; it need not parse.
    static func redacted(_ url: String) -> String {
        guard let scheme = url.range(of: "://") else { return url }
        let rest = url[scheme.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") else {
            return url
        }
        return String(url[..<url.index(after: colon)]) + "***" + String(url[at...])
    }

    func clientConfiguration() -> PostgresClient.Configuration {
        let tls: PostgresClient.Configuration.TLS =
            switch sslmode {
            case "disable": .disable
            case "require", "verify-ca", "verify-full": .require(.makeClientConfiguration())
            default: .prefer(.makeClientConfiguration())
            }
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: username, password: password,
            database: database, tls: tls)
        configuration.options.maximumConnections = 10
        if let schema { configuration.options.additionalStartupParameters = [("search_path", schema)] }
        return configuration
    }

    func connectionConfiguration() throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS =
            switch sslmode {
            case "disable": .disable
            case "require", "verify-ca", "verify-full": .require(try .init(configuration: .makeClientConfiguration()))
            default: .prefer(try .init(configuration: .makeClientConfiguration()))
            }
        return PostgresConnection.Configuration(
            host: host, port: port, username: username, password: password,
            database: database, tls: tls)
    }
}

/// Runs `operation`, failing with a timeout error if it takes longer than `limit`.
func withTimeout<T: Sendable>(_ limit: Duration, _ operation: @escaping @Sendable () async throws -> T) async throws
    -> T
{
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await Task.sleep(for: limit)
            throw StoreError.connection("timed out after \(limit)")
        }
        let first = try await group.next()!
        group.cancelAll()
        return first
    }
}
