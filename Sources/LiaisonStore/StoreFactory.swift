import Foundation
import LiaisonCore
import Logging

/// Opens the store a command asked for: PostgreSQL when a URL is given, otherwise the embedded SQLite file.
public enum StoreFactory {
    /// The SQLite file inside a data folder.
    public static func sqlitePath(dataDir: String) -> String {
        (dataDir as NSString).appendingPathComponent("liaison.sqlite")
    }

    /// Opens and migrates the store.
    /// - Parameters:
    ///   - databaseURL: a `postgres://` URL, or nil for the embedded store.
    ///   - dataDir: the folder for the embedded store's file; created if missing.
    ///   - schema: on PostgreSQL, the schema to keep the tables in (created if missing); the default search path when nil.
    public static func open(
        databaseURL: String?, dataDir: String, schema: String? = nil,
        logger: Logger = Logger(label: "liaison.store")
    ) async throws -> SQLStore {
        let database: any SQLDatabase
        if let url = databaseURL, !url.isEmpty {
            database = try await PostgresDatabase.connect(url: url, schema: schema, logger: logger)
        } else {
            try FileManager.default.createDirectory(atPath: dataDir, withIntermediateDirectories: true)
            database = try SQLiteDatabase(path: sqlitePath(dataDir: dataDir))
        }
        let store = SQLStore(database: database)
        do {
            try await store.migrate()
        } catch {
            await store.close()
            throw error
        }
        return store
    }
}
