import ArgumentParser
import Foundation
import LiaisonCore
import LiaisonDemo
import LiaisonStore

/// The performance report over the scaled demo data: 200,000 subjects, 10,000 groups, Persons of Interest,
/// 1,000,000 interventions with their outcomes over two financial years, and asset records; timed national, for
/// one area, for one market, published, and as a local profile, on the embedded store. Target: under 1 s.
struct ReportBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Time the performance report and a local profile over scaled data.")

    @Option(help: "Subjects to seed.") var subjects = 200_000
    @Option(help: "Groups to seed.") var ocgs = 10_000
    @Option(help: "Persons of Interest to adopt.") var pois = 20_000
    @Option(help: "Interventions (each completed one has one or two outcomes).") var interventions = 1_000_000
    @Option(help: "Asset records.") var assets = 50_000
    @Option(help: "Timed runs of each measurement.") var runs = 10
    @Option(name: .customLong("data-dir"), help: "Folder for the store (must not hold one yet).") var dataDir: String

    func run() async throws {
        let store = try await freshStore(dataDir)
        let now = Date()
        let seedStart = ContinuousClock.now
        let data = DemoData.generate(seed: 2026, subjects: subjects, ocgs: ocgs)
        let management = DemoManagement.generate(data, pois: pois, interventions: 0, now: now)
        _ = try await DemoSeeder.seed(
            data, into: store, passwordHash: "bench",
            management: DemoManagement.Output(
                pois: management.pois, interventions: [],
                operation: nil, assets: []),
            batchSize: 5_000)
        print(
            String(
                format: "seed: %d subjects, %d groups, %d PoIs in %.1f s", data.subjects.count, data.ocgs.count,
                management.pois.count,
                seconds(ContinuousClock.now - seedStart)))

        // Interventions against groups and PoIs over the last two years, in batches.
        var rng = SeededRandom(seed: 7)
        let kinds = ["arrest", "charge", "conviction", "order", "safeguarded", "vehicle-removed"]
        let targets: [(InterventionTarget, RecordMeta)] =
            data.ocgs.map { (InterventionTarget(kind: "ocg", id: $0.id.rawValue), $0.meta) }
            + management.pois.map { (InterventionTarget(kind: "poi", id: $0.0.id.rawValue), $0.0.meta) }
        let insertStart = ContinuousClock.now
        var outcomes = 0
        var batch: [Intervention] = []
        for n in 0..<interventions {
            let (target, meta) = targets[n % targets.count]
            let due = now.addingTimeInterval(-Double(rng.int(0...730)) * 86_400)
            let day = InterventionService.day(due)
            let completed = rng.chance(0.7)
            var found: [InterventionOutcome] = []
            if completed {
                found.append(
                    rng.chance(0.4)
                        ? InterventionOutcome(
                            id: 1, kind: "seizure", date: day, quantity: Double(rng.int(1...80)) / 4, unit: "kg",
                            commodity: rng.pick(["cocaine", "heroin", "cannabis"]), purity: Double(rng.int(20...90)),
                            place: "Place \(rng.int(1...400))", route: "Route \(rng.int(1...60))",
                            impact: rng.pick(["major", "moderate", "minor"]),
                            narrative: "", recordedBy: "bench", recordedAt: due)
                        : InterventionOutcome(
                            id: 1, kind: rng.pick(kinds), date: day, quantity: Double(rng.int(1...5)), narrative: "",
                            recordedBy: "bench", recordedAt: due))
                if rng.chance(0.3) {
                    found.append(
                        InterventionOutcome(
                            id: 2, kind: "arrest", date: day, quantity: Double(rng.int(1...3)), narrative: "",
                            recordedBy: "bench", recordedAt: due))
                }
            }
            outcomes += found.count
            batch.append(
                Intervention(
                    id: rng.id(), meta: meta, target: target, category: rng.pick(FourP.allCases), tactic: "arrest",
                    partnerAgencies: [],
                    owner: "bench", dueDate: day, status: completed ? "completed" : rng.pick(["planned", "cancelled"]),
                    completedOn: completed ? day : nil, operation: nil, description: "Synthetic benchmark intervention",
                    outcomes: found))
            if batch.count == 5_000 {
                try await store.insertInterventions(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        try await store.insertInterventions(batch)
        var orders: [AssetOrder] = []
        for n in 0..<assets {
            let (poi, _) = management.pois[n % max(management.pois.count, 1)]
            let made = now.addingTimeInterval(-Double(rng.int(0...730)) * 86_400)
            let power = AssetPower.allCases[n % AssetPower.allCases.count]
            let amount = Double(rng.int(1...400)) * 250
            var order = AssetOrder(
                id: rng.id(), meta: poi.meta, target: AssetTarget(kind: "subject", id: poi.subjectID.rawValue),
                subjectID: poi.subjectID,
                power: power, court: "Bench Crown Court", reference: "", madeOn: InterventionService.day(made),
                amount: amount, confiscation: nil,
                agencies: [], status: power.initialStatus, events: [])
            if power == .cashSeizure || power == .accountFreezing {
                order.events.append(
                    AssetEvent(
                        id: 1, kind: "forfeited", date: InterventionService.day(made), amount: amount,
                        recordedBy: "bench", recordedAt: made))
            }
            orders.append(order)
            if orders.count == 5_000 {
                try await store.insertAssetOrders(orders)
                orders.removeAll(keepingCapacity: true)
            }
        }
        try await store.insertAssetOrders(orders)
        print(
            String(
                format: "seed: %d interventions with %d outcomes and %d asset records in %.1f s", interventions,
                outcomes, assets,
                seconds(ContinuousClock.now - insertStart)))

        let clock = SystemClock()
        let reports = LiaisonServices(store: store, clock: clock).reports
        guard let analyst = try await store.credentials(username: "nca.analyst")?.user,
            let partner = try await store.credentials(username: "gmp.intel")?.user
        else { throw ValidationError("no demo users") }
        let year = reports.currentYear()
        func time(_ label: String, _ body: () async throws -> Int) async throws {
            let (samples, measures) = try await timed(runs) { _ in try await body() }
            print("\(label): \(runs) runs, \(summary(samples, target: 1000)), \(measures.last ?? 0) measures")
        }
        let national = try await reports.scope(period: year, area: nil, market: nil)
        let report = try await reports.performance(national, published: false, by: analyst)
        let known = report.measures.first { $0.code == "known-criminals" }?.current ?? 0
        let under = report.measures.first { $0.code == "under-action" }?.current ?? 0
        print(
            String(
                format: "report %@: %.0f known organised criminals, %.0f subject to action; %.0f arrests", year, known,
                under,
                report.measures.first { $0.code == "arrests" }?.current ?? 0))
        try await time("performance report, national (\(year) and the year before)") {
            try await reports.performance(national, published: false, by: analyst).measures.count
        }
        try await time("performance report, national, published") {
            try await reports.performance(national, published: true, by: analyst).measures.count
        }
        try await time("performance report, national, as a partner officer") {
            try await reports.performance(national, published: false, by: partner).measures.count
        }
        let area = try await reports.scope(period: year, area: "north-west", market: nil)
        try await time("performance report, north-west") {
            try await reports.performance(area, published: false, by: analyst).measures.count
        }
        let market = try await reports.scope(period: year, area: nil, market: "class-a-drugs")
        try await time("performance report, Class A drugs") {
            try await reports.performance(market, published: false, by: analyst).measures.count
        }
        try await time("local profile, north-west") {
            try await reports.profile(area, by: analyst).report.measures.count
        }
        print(String(format: "peak RSS %.0f MB", peakMemoryMB()))
        await store.close()
    }
}
