import Foundation
import LiaisonCore

/// A value bound into or read out of SQL. Both stores use only these column types.
public enum SQLValue: Sendable, Equatable {
    case null
    case int(Int64)
    case double(Double)
    case text(String)

    public init(_ value: String?) { self = value.map(SQLValue.text) ?? .null }
    public init(_ value: Int?) { self = value.map { .int(Int64($0)) } ?? .null }
    public init(_ value: Bool) { self = .int(value ? 1 : 0) }
    /// Times are stored as whole milliseconds since 1970 in both stores.
    /// Text as both stores keep it: PostgreSQL refuses a NUL in text and SQLite's C strings end at one, so a NUL
    /// is written as U+FFFD on either, and both hold and compare the same text.
    static func storable(_ text: String) -> String {
        text.utf8.contains(0) ? text.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}") : text
    }

    public init(_ value: Date?) {
        self = value.map { .int(Int64(($0.timeIntervalSince1970 * 1000).rounded())) } ?? .null
    }
}

/// One result row, read by column name.
public struct SQLRow: Sendable {
    var values: [String: SQLValue]

    public init(values: [String: SQLValue]) { self.values = values }

    public func string(_ column: String) throws -> String {
        guard case .text(let value)? = values[column] else { throw StoreError.badColumn(column) }
        return value
    }

    public func optionalString(_ column: String) -> String? {
        if case .text(let value)? = values[column] { return value }
        return nil
    }

    public func int(_ column: String) throws -> Int {
        switch values[column] {
        case .int(let value)?: return Int(value)
        case .double(let value)?: return Int(value)
        case .text(let value)?: if let number = Int(value) { return number }
        default: break
        }
        throw StoreError.badColumn(column)
    }

    public func optionalInt(_ column: String) -> Int? { try? int(column) }

    /// A number, whichever numeric type the store returned; absent (NULL) is 0.
    public func double(_ column: String) -> Double {
        switch values[column] {
        case .int(let value)?: Double(value)
        case .double(let value)?: value
        case .text(let value)?: Double(value) ?? 0
        default: 0
        }
    }

    public func bool(_ column: String) throws -> Bool { try int(column) != 0 }

    public func date(_ column: String) throws -> Date { Date(timeIntervalSince1970: Double(try int(column)) / 1000) }

    public func optionalDate(_ column: String) -> Date? { try? date(column) }

    /// Decodes a JSON text column.
    public func json<T: Decodable>(_ column: String, as type: T.Type) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(try string(column).utf8))
    }
}

public enum StoreError: Error, CustomStringConvertible {
    case badColumn(String)
    case unsupportedURL(String)
    case connection(String)

    public var description: String {
        switch self {
        case .badColumn(let column): "unexpected value in column \(column)"
        case .unsupportedURL(let url):
            "unsupported database URL '\(url)': use postgres://user:password@host:port/database"
        case .connection(let reason): "cannot connect to the database: \(reason)"
        }
    }
}

/// The SQL dialect: both stores take the same statements with `?` placeholders, but a few types differ.
public enum SQLDialect: Sendable {
    case sqlite, postgres
}

/// A statement run inside a transaction.
public protocol SQLTransaction: Sendable {
    func query(_ sql: String, _ binds: [SQLValue]) async throws -> [SQLRow]
    func execute(_ sql: String, _ binds: [SQLValue]) async throws
}

/// The few things the SQL store needs from a database: reads, and transactions with async bodies.
public protocol SQLDatabase: Sendable {
    var dialect: SQLDialect { get }
    func query(_ sql: String, _ binds: [SQLValue]) async throws -> [SQLRow]
    func transaction<T: Sendable>(_ body: @Sendable (any SQLTransaction) async throws -> T) async throws -> T
    /// The database's background work (PostgreSQL's connection pool) while a service group runs it: returns when
    /// graceful shutdown begins or the task is cancelled.
    func run() async
    func close() async
}

extension SQLDatabase {
    func execute(_ sql: String, _ binds: [SQLValue] = []) async throws {
        try await transaction { try await $0.execute(sql, binds) }
    }
}
