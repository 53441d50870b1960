import ArgumentParser
import Foundation
import LiaisonCore
import LiaisonDemo
import LiaisonStore

/// GAIN hit/no-hit over the demo agencies' subjects (1,000,000 by default): each request asks ten agencies about
/// a person taken from the data (with a spelling changed), through the access policy and the audit chain.
/// Target: under 50 ms at p95.
struct GAINBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gain", abstract: "Time GAIN hit/no-hit requests across ten agencies.")

    @Option(help: "Subjects to seed.") var subjects = 1_000_000
    @Option(help: "Requests to time.") var requests = 200
    @Option(name: .customLong("data-dir"), help: "Folder for the store (must not hold one yet, unless --reuse).")
    var dataDir: String
    @Flag(help: "Measure the store already in --data-dir, seeded by an earlier run with the same --subjects.")
    var reuse = false

    func run() async throws {
        let (store, _) = try await benchStore(dataDir, reuse: reuse)
        let start = ContinuousClock.now
        let data = DemoData.generate(seed: 2026, subjects: subjects, ocgs: 100)
        _ = try await DemoSeeder.seed(data, into: store, passwordHash: "bench", batchSize: 5_000)
        print(
            String(
                format: "seed: %d subjects held by %d agencies in %.1f s", data.subjects.count, data.agencies.count,
                seconds(ContinuousClock.now - start)))
        let clock = SystemClock()
        let gain = LiaisonServices(store: store, clock: clock).gain
        guard let requester = try await store.credentials(username: "nca.intel")?.user else {
            throw ValidationError("no demo users")
        }
        let agencies = Array(data.agencies.prefix(10).map(\.code))
        var rng = SeededRandom(seed: 5)
        let people = (0..<requests).map { _ -> SubjectDetails in
            var person = rng.pick(data.subjects).details
            if var name = person.names.first, name.given.count > 3 {
                name.given = String(name.given.dropLast())  // a spelling that differs
                person.names = [name]
            }
            return person
        }
        let (samples, hits) = try await timed(requests) { n in
            try await gain.ask(
                GAINRequestInput(
                    purpose: "Benchmark: is this person known to partners?", person: people[n], agencies: agencies),
                by: requester
            )
            .answers.filter { $0.result == "hit" }.count
        }
        print(
            String(
                format: "hit/no-hit across %d agencies: %d requests, %@, %.2f hits per request", agencies.count,
                requests, summary(samples, target: 50),
                Double(hits.reduce(0, +)) / Double(requests)))
        print(String(format: "peak RSS %.0f MB", peakMemoryMB()))
        await store.close()
    }
}
