import ArgumentParser
import Foundation
import LiaisonCore
import LiaisonStore
import LiaisonWeb

/// Benchmarks that print figures. Build with `-c release`; see `bench/README.md` for the scripts that run them
/// side by side with load generators and peers.
@main
struct LiaisonBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "liaison-bench", abstract: "Measure Liaison's speed and memory.",
        subcommands: [Seed.self, Search.self])
}

/// Peak resident memory of this process, from /proc (Linux).
func peakMemoryMB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
    return kb / 1024
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    guard !sorted.isEmpty else { return 0 }
    return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
}

struct Seed: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Seed synthetic subjects into a fresh embedded store and time it.")

    @Option(help: "Subjects to seed.") var subjects = 100_000
    @Option(help: "Groups to seed.") var ocgs = 2_000
    @Option(name: .customLong("data-dir"), help: "Folder for the store (must not hold one yet).") var dataDir: String

    func run() async throws {
        if FileManager.default.fileExists(atPath: StoreFactory.sqlitePath(dataDir: dataDir)) {
            throw ValidationError("\(dataDir) already holds a store; give an empty folder")
        }
        let store = try await StoreFactory.open(databaseURL: nil, dataDir: dataDir)
        let generateStart = ContinuousClock.now
        let data = DemoData.generate(seed: 2026, subjects: subjects, ocgs: ocgs)
        let generated = ContinuousClock.now - generateStart
        let hash = try await PasswordHasher().hash(DemoDataset.password)
        let start = ContinuousClock.now
        _ = try await DemoSeeder.seed(data, into: store, passwordHash: hash)
        let elapsed = seconds(ContinuousClock.now - start)
        let count = try await store.subjectCount()
        await store.close()
        let size = (try? FileManager.default.attributesOfItem(atPath: StoreFactory.sqlitePath(dataDir: dataDir))[.size] as? Int) ?? 0
        print(String(format: "seed: %d subjects + %d groups in %.2f s (%.0f subjects/s; generation %.2f s); store %.1f MB; peak RSS %.0f MB",
                     count, ocgs, elapsed, Double(count) / elapsed, seconds(generated), Double(size) / 1_048_576, peakMemoryMB()))
    }
}

struct Search: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Time list pages and name searches against a seeded store, in process (no HTTP).")

    @Option(name: .customLong("data-dir"), help: "A folder seeded by `liaison-bench seed`.") var dataDir: String
    @Option(help: "Queries of each kind.") var queries = 2_000

    func run() async throws {
        let store = try await StoreFactory.open(databaseURL: nil, dataDir: dataDir)
        guard let analyst = try await store.credentials(username: "nca.analyst")?.user else { throw ValidationError("seed the store first") }
        let service = SubjectService(store: store, clock: SystemClock(), audit: AuditLog(store: store, clock: SystemClock()))
        let data = DemoData.generate(seed: 2026, subjects: min(try await store.subjectCount(), 20_000), ocgs: 0)
        var rng = SeededRandom(seed: 99)
        let terms: [(String, String?)] = (0..<queries).map { _ in
            let subject = rng.pick(data.subjects)
            let name = subject.details.primaryName!
            return rng.chance(0.5) ? ("surname", name.family) : ("full name", "\(name.given) \(name.family)")
        }
        for (label, make) in [("list page (50)", { (_: Int) -> String? in nil }), ("name search", { (i: Int) -> String? in terms[i].1 })] {
            var samples: [Double] = []
            for i in 0..<queries {
                let start = ContinuousClock.now
                _ = try await service.search(make(i), page: PageRequest(limit: 50), by: analyst)
                samples.append(seconds(ContinuousClock.now - start) * 1000)
            }
            samples.sort()
            print(String(format: "%@: %d queries, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms", label, queries,
                         percentile(samples, 0.5), percentile(samples, 0.95), percentile(samples, 0.99)))
        }
        await store.close()
    }
}
