import Foundation
import LiaisonCore
import Logging

/// Opens the store a command asked for: PostgreSQL when a URL is given, otherwise the embedded SQLite file.
public enum StoreFactory {
    /// The SQLite file inside a data folder.
    public static func sqlitePath(dataDir: String) -> String {
        (dataDir as NSString).appendingPathComponent("liaison.sqlite")
    }

    /// Opens and migrates the store, for a command or a test: on PostgreSQL its pool runs until `close()`.
    /// - Parameters:
    ///   - databaseURL: a `postgres://` URL, or nil for the embedded store.
    ///   - dataDir: the folder for the embedded store's file; created if missing.
    ///   - schema: on PostgreSQL, the schema to keep the tables in (created if missing); the default search path when nil.
    public static func open(
        databaseURL: String?, dataDir: String, schema: String? = nil,
        logger: Logger = Logger(label: "liaison.store")
    ) async throws -> SQLStore {
        let store = try await connect(
            databaseURL: databaseURL, dataDir: dataDir, schema: schema, logger: logger, standalone: true)
        do {
            try await store.migrate()
        } catch {
            await store.close()
            throw error
        }
        return store
    }

    /// Connects to the store without migrating it. Unless `standalone`, the store is to be run as a service (see
    /// ``SQLStore/run()``): the server's service group then starts its PostgreSQL pool and stops it last.
    public static func connect(
        databaseURL: String?, dataDir: String, schema: String? = nil,
        logger: Logger = Logger(label: "liaison.store"), standalone: Bool = false
    ) async throws -> SQLStore {
        let database: any SQLDatabase
        if let url = databaseURL, !url.isEmpty {
            database = try await PostgresDatabase.connect(
                url: url, schema: schema, logger: logger, standalone: standalone)
        } else {
            try FileManager.default.createDirectory(atPath: dataDir, withIntermediateDirectories: true)
            database = try SQLiteDatabase(path: sqlitePath(dataDir: dataDir))
        }
        return SQLStore(database: database)
    }
}
