import Foundation
import LiaisonCore
import Logging
import ServiceLifecycle
import Testing

@testable import LiaisonStore

/// The store run as a service, as the server runs it: its connection pool starts with the service group and stops
/// when the group shuts down gracefully.
@Suite struct StoreServiceTests {
    @Test(arguments: StoreKind.available)
    func storeServesQueriesWhileItsGroupRunsAndStopsWithIt(kind: StoreKind) async throws {
        let token = String(UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12))
        // The schema is made first, as `liaison serve` does before it starts its services.
        let migrated = try await kind.open(named: token)
        await migrated.close()

        let store = try await kind.connect(named: token)
        var logger = Logger(label: "liaison-test")
        logger.logLevel = .error
        let group = ServiceGroup(services: [store], gracefulShutdownSignals: [], logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            let agency = Agency(code: "NCA", name: "National Crime Agency", type: "law-enforcement", jurisdiction: "uk")
            try await store.insertAgency(agency)
            #expect(try await store.agencies().map(\.code) == ["NCA"])
            #expect(try await store.appliedMigrations().last == Migrations.all.last?.name)
            await group.triggerGracefulShutdown()
            // The group ends once the store's service has returned.
            try await tasks.waitForAll()
        }

        // What was written while the group ran is there for the next process.
        let reopened = try await kind.open(named: token)
        #expect(try await reopened.agencies().map(\.code) == ["NCA"])
        await reopened.close()
    }
}

/// Every file in `Migrations/` is applied, in the order of its number, under the name of its file: a migration
/// written but not listed in `Migrations.all`, or listed out of order, fails here rather than in a deployment.
@Suite struct MigrationListTests {
    @Test func everyMigrationFileIsListedInOrder() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/LiaisonStore/Migrations").standardized
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".swift") }.map { String($0.dropLast(".swift".count)) }.sorted()
        #expect(files.count >= 31)
        #expect(Migrations.all.map(\.name) == files)
    }
}
