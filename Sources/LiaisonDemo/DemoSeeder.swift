import LiaisonCore

/// Loads a demo dataset into a store, once: a store that already holds the demo agencies is left as it is.
public enum DemoSeeder {
    public struct Outcome: Sendable {
        public var seeded: Bool
        public var dataset: DemoDataset
    }

    /// - Parameter passwordHash: the hash of `DemoDataset.password`, computed once for every demo user.
    /// - Parameter casework: deportation cases and obligations to load too (see `DemoCasework`).
    public static func seed(
        _ dataset: DemoDataset, into store: any LiaisonStore, passwordHash: String,
        casework: DemoCasework.Output? = nil, management: DemoManagement.Output? = nil,
        batchSize: Int = 2_000
    ) async throws -> Outcome {
        if try await store.agency(code: dataset.agencies[0].code) != nil {
            return Outcome(seeded: false, dataset: dataset)
        }
        for agency in dataset.agencies { try await store.insertAgency(agency) }
        for user in dataset.users { try await store.insertUser(user, passwordHash: passwordHash) }
        var start = 0
        while start < dataset.subjects.count {
            let batch = dataset.subjects[start..<min(start + batchSize, dataset.subjects.count)]
            try await store.insertSubjects(batch.map { ($0, SearchKeys.subject($0.details)) })
            start += batchSize
        }
        start = 0
        while start < dataset.ocgs.count {
            let batch = dataset.ocgs[start..<min(start + batchSize, dataset.ocgs.count)]
            try await store.insertOCGs(batch.map { ($0, SearchKeys.ocg($0.details)) })
            start += batchSize
        }
        if let casework {
            var start = 0
            while start < casework.cases.count {
                let batch = casework.cases[start..<min(start + batchSize, casework.cases.count)]
                let ids = Set(batch.map(\.id))
                try await store.insertCases(
                    Array(batch), obligations: casework.obligations.filter { ids.contains($0.caseID) })
                start += batchSize
            }
        }
        for (poi, assessment) in management?.pois ?? [] {
            var first = poi
            first.meta.version = 1
            try await store.insertPOI(first)
            try await store.updatePOI(poi, expectedVersion: 1, assessment: assessment)
        }
        for intervention in management?.interventions ?? [] { try await store.insertIntervention(intervention) }
        if let operation = management?.operation { try await store.insertOperation(operation) }
        for order in management?.assets ?? [] { try await store.insertAssetOrder(order) }
        for alert in management?.alerts ?? [] { try await store.insertAlert(alert) }
        for (agency, sectors) in management?.audiences ?? [:] {
            try await store.setAlertAudience(agency, sectors: sectors)
        }
        for report in management?.intelligence ?? [] { try await store.insertIntelReport(report) }
        return Outcome(seeded: true, dataset: dataset)
    }
}
