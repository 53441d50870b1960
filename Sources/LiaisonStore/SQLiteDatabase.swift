import Foundation
import GRDB
import LiaisonCore
import ServiceLifecycle
import Synchronization

/// The embedded store: one SQLite file in WAL mode, read through a pool of readers, written by one writer.
///
/// Transactions take an async gate so that statements of two transactions never interleave on the writer.
public final class SQLiteDatabase: SQLDatabase {
    public let dialect = SQLDialect.sqlite
    let pool: DatabasePool
    let gate = WriteGate()

    /// Opens (creating if needed) the database file at `path`, and the audit chain's file beside it.
    public init(path: String) throws {
        let auditPath = Self.auditPath(for: path)
        var configuration = Configuration()
        configuration.allowsUnsafeTransactions = true
        configuration.busyMode = .timeout(10)
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // Every connection reads the file through one shared memory map rather than copying pages into its
            // own small cache, so a search touching a thousand scattered pages costs no system calls once the
            // operating system holds them.
            try db.execute(sql: "PRAGMA main.mmap_size = 2147418112")
            // The audit chain lives in its own file, so that appending to it leaves readers' caches of everything
            // else warm. The writer opens it first and puts it in WAL mode, so readers never wait for appends.
            try db.execute(sql: "ATTACH DATABASE ? AS audit", arguments: [auditPath])
            if !db.configuration.readonly {
                try db.execute(sql: "PRAGMA audit.journal_mode = WAL")
                try db.execute(sql: "PRAGMA audit.synchronous = NORMAL")
            }
        }
        pool = try DatabasePool(path: path, configuration: configuration)
    }

    /// The audit chain's file for the database at `path`: `liaison.sqlite` → `liaison-audit.sqlite`.
    public static func auditPath(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let ext = url.pathExtension.isEmpty ? "" : "." + url.pathExtension
        return url.deletingPathExtension().path + "-audit" + ext
    }

    public func query(_ sql: String, _ binds: [SQLValue]) async throws -> [SQLRow] {
        try Self.read(pool, sql, binds)
    }

    // Statements take microseconds on pages already in memory: they run on the calling thread (GRDB's synchronous
    // API), which costs far less than handing each one to a connection's own queue and back.
    private static func read(_ pool: DatabasePool, _ sql: String, _ binds: [SQLValue]) throws -> [SQLRow] {
        try pool.read { db in try rows(db, sql, binds) }
    }

    fileprivate static func write<T>(_ pool: DatabasePool, _ body: (Database) throws -> T) throws -> T {
        try pool.writeWithoutTransaction(body)
    }

    public func transaction<T: Sendable>(_ body: @Sendable (any SQLTransaction) async throws -> T) async throws -> T {
        await gate.acquire()
        let transaction = Transaction(pool: pool)
        do {
            let result = try await body(transaction)
            try await transaction.commit()
            gate.release()
            return result
        } catch {
            await transaction.rollback()
            gate.release()
            throw error
        }
    }

    /// SQLite has no background work: this waits for graceful shutdown, then the service group closes the file.
    public func run() async {
        try? await gracefulShutdown()
    }

    public func close() async {
        try? pool.close()
    }

    /// A write transaction on the single writer connection. Statements that return nothing are queued and sent
    /// with the next query or the commit, so a transaction costs a trip to the writer per query, not per statement.
    final class Transaction: SQLTransaction {
        let pool: DatabasePool
        private let pending = Mutex<[(sql: String, binds: [SQLValue])]>([("BEGIN IMMEDIATE", [])])

        init(pool: DatabasePool) { self.pool = pool }

        private func takePending() -> [(sql: String, binds: [SQLValue])] {
            pending.withLock { queued in
                defer { queued = [] }
                return queued
            }
        }

        private static func run(_ db: Database, _ statements: [(sql: String, binds: [SQLValue])]) throws {
            for statement in statements {
                try db.cachedStatement(sql: statement.sql).execute(arguments: SQLiteDatabase.arguments(statement.binds))
            }
        }

        func query(_ sql: String, _ binds: [SQLValue]) async throws -> [SQLRow] {
            let queued = takePending()
            return try SQLiteDatabase.write(pool) { db in
                try Self.run(db, queued)
                return try SQLiteDatabase.rows(db, sql, binds)
            }
        }

        func execute(_ sql: String, _ binds: [SQLValue]) async throws {
            pending.withLock { $0.append((sql, binds)) }
        }

        /// Commits on the writer connection's own thread: a commit may wait for the disk, and the caller's thread is one
        /// of the few that serve requests.
        func commit() async throws {
            let queued = takePending() + [("COMMIT", [])]
            try await pool.writeWithoutTransaction { db in try Self.run(db, queued) }
        }

        func rollback() async {
            let began = pending.withLock { queued in
                defer { queued = [] }
                return queued.first?.sql != "BEGIN IMMEDIATE"
            }
            guard began else { return }
            try? SQLiteDatabase.write(pool) { db in
                if !db.isInsideTransaction { return }
                try db.execute(sql: "ROLLBACK")
            }
        }
    }

    static func arguments(_ binds: [SQLValue]) -> StatementArguments {
        StatementArguments(
            binds.map { value -> (any DatabaseValueConvertible)? in
                switch value {
                case .null: nil
                case .int(let v): v
                case .double(let v): v
                case .text(let v): SQLValue.storable(v)
                }
            })
    }

    static func rows(_ db: Database, _ sql: String, _ binds: [SQLValue]) throws -> [SQLRow] {
        // Prepared statements are cached per connection: the same SQL text is parsed once.
        let rows = try Row.fetchAll(try db.cachedStatement(sql: sql), arguments: arguments(binds))
        return rows.map { row in
            var values: [String: SQLValue] = [:]
            for (column, dbValue) in row {
                switch dbValue.storage {
                case .null: values[column] = .null
                case .int64(let v): values[column] = .int(v)
                case .double(let v): values[column] = .double(v)
                case .string(let v): values[column] = .text(v)
                case .blob(let v): values[column] = .text(String(decoding: v, as: UTF8.self))
                }
            }
            return SQLRow(values: values)
        }
    }
}

/// A mutual-exclusion gate for async callers: one holder at a time, waiters resumed in order. Taking a free gate
/// does not suspend, so an uncontended transaction runs straight through on the caller's thread.
struct WriteGate: Sendable {
    private let turnstile = Turnstile<CheckedContinuation<Void, Never>>()

    func acquire() async {
        if turnstile.enter(orQueue: nil) { return }
        await withCheckedContinuation { waiter in
            if turnstile.enter(orQueue: waiter) { waiter.resume() }
        }
    }

    func release() { turnstile.leave()?.resume() }
}
