import ArgumentParser
import Foundation
import LiaisonCore
import LiaisonDemo
import LiaisonMatching
import LiaisonStore
import LiaisonWeb
import Logging

/// Benchmarks that print figures. Build with `-c release`; the README's Benchmarks section lists the scripts that run them
/// side by side with load generators and peers.
@main
struct LiaisonBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "liaison-bench", abstract: "Measure Liaison's speed and memory.",
        subcommands: [
            Seed.self, Search.self, AuditOverhead.self, BaselineServer.self, JaroWinklerKernel.self, ResolveQuery.self,
            ObligationSweep.self, ReportBench.self, IntelSearchBench.self, GAINBench.self,
        ])
}

/// Peak resident memory of this process, from /proc (Linux).
func peakMemoryMB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
        let kb = Double(line.split(separator: " ").dropFirst().first ?? "")
    else { return 0 }
    return kb / 1024
}

/// A new embedded store in `dataDir`, refusing a folder that already holds one.
/// The store in `dataDir`, and whether it was already there: a benchmark given `reuse` measures a store it seeded
/// before instead of seeding again.
func benchStore(_ dataDir: String, reuse: Bool) async throws -> (store: SQLStore, existing: Bool) {
    let existing = FileManager.default.fileExists(atPath: StoreFactory.sqlitePath(dataDir: dataDir))
    if existing && !reuse {
        throw ValidationError("\(dataDir) already holds a store; give an empty folder, or --reuse to measure it again")
    }
    return (try await StoreFactory.open(databaseURL: nil, dataDir: dataDir), existing)
}

func freshStore(_ dataDir: String) async throws -> SQLStore {
    if FileManager.default.fileExists(atPath: StoreFactory.sqlitePath(dataDir: dataDir)) {
        throw ValidationError("\(dataDir) already holds a store; give an empty folder")
    }
    return try await StoreFactory.open(databaseURL: nil, dataDir: dataDir)
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// Runs `body` `runs` times (passing the run's number) and returns the durations in milliseconds, sorted, with
/// each run's result.
func timed<T>(_ runs: Int, _ body: (Int) async throws -> T) async rethrows -> (samples: [Double], results: [T]) {
    var samples: [Double] = []
    var results: [T] = []
    for n in 0..<runs {
        let start = ContinuousClock.now
        results.append(try await body(n))
        samples.append(seconds(ContinuousClock.now - start) * 1000)
    }
    return (samples.sorted(), results)
}

/// "p50 …, p95 …, max …", and whether p95 is under the target.
func summary(_ sorted: [Double], target: Double) -> String {
    String(
        format: "p50 %.2f ms, p95 %.2f ms, max %.2f ms (target < %.0f ms at p95: %@)", percentile(sorted, 0.5),
        percentile(sorted, 0.95),
        sorted.last ?? 0, target, percentile(sorted, 0.95) < target ? "met" : "NOT met")
}

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    guard !sorted.isEmpty else { return 0 }
    return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
}

struct Seed: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Seed synthetic subjects into a fresh embedded store and time it.")

    @Option(help: "Subjects to seed.") var subjects = 100_000
    @Option(help: "Groups to seed.") var ocgs = 2_000
    @Option(name: .customLong("data-dir"), help: "Folder for the store (must not hold one yet).") var dataDir: String

    func run() async throws {
        let store = try await freshStore(dataDir)
        let generateStart = ContinuousClock.now
        let data = DemoData.generate(seed: 2026, subjects: subjects, ocgs: ocgs)
        let generated = ContinuousClock.now - generateStart
        let hash = try await PasswordHasher().hash(DemoDataset.password)
        let start = ContinuousClock.now
        _ = try await DemoSeeder.seed(data, into: store, passwordHash: hash)
        let elapsed = seconds(ContinuousClock.now - start)
        let count = try await store.subjectCount()
        await store.close()
        let size =
            (try? FileManager.default.attributesOfItem(atPath: StoreFactory.sqlitePath(dataDir: dataDir))[.size] as? Int)
            ?? 0
        print(
            String(
                format:
                    "seed: %d subjects + %d groups in %.2f s (%.0f subjects/s; generation %.2f s); store %.1f MB; peak RSS %.0f MB",
                count, ocgs, elapsed, Double(count) / elapsed, seconds(generated), Double(size) / 1_048_576,
                peakMemoryMB()))
    }
}

struct Search: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Time list pages and name searches against a seeded store, in process (no HTTP).")

    @Option(name: .customLong("data-dir"), help: "A folder seeded by `liaison-bench seed`.") var dataDir: String
    @Option(help: "Queries of each kind.") var queries = 2_000

    func run() async throws {
        let store = try await StoreFactory.open(databaseURL: nil, dataDir: dataDir)
        guard let analyst = try await store.credentials(username: "nca.analyst")?.user else {
            throw ValidationError("seed the store first")
        }
        let service = LiaisonServices(store: store, clock: SystemClock()).subjects
        let data = DemoData.generate(seed: 2026, subjects: min(try await store.subjectCount(), 20_000), ocgs: 0)
        var rng = SeededRandom(seed: 99)
        let terms: [(String, String?)] = (0..<queries).map { _ in
            let subject = rng.pick(data.subjects)
            let name = subject.details.primaryName!
            return rng.chance(0.5) ? ("surname", name.family) : ("full name", "\(name.given) \(name.family)")
        }
        for (label, make) in [
            ("list page (50)", { (_: Int) -> String? in nil }), ("name search", { (i: Int) -> String? in terms[i].1 }),
        ] {
            var samples: [Double] = []
            for i in 0..<queries {
                let start = ContinuousClock.now
                _ = try await service.search(make(i), page: PageRequest(limit: 50), by: analyst)
                samples.append(seconds(ContinuousClock.now - start) * 1000)
            }
            samples.sort()
            print(
                String(
                    format: "%@: %d queries, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms", label, queries,
                    percentile(samples, 0.5), percentile(samples, 0.95), percentile(samples, 0.99)))
        }
        await store.close()
    }
}

/// An audit store that seals entries and throws them away: the baseline for measuring what auditing costs.
struct DiscardingAuditStore: AuditStore {
    func appendAudit(_ drafts: [AuditDraft], at time: Date) async throws -> [AuditEntry] {
        drafts.enumerated().map {
            AuditChain.seal($1, sequence: Int64($0 + 1), time: time, previousHash: AuditChain.genesis)
        }
    }
    func auditEntries(after sequence: Int64, limit: Int) async throws -> [AuditEntry] { [] }
    func searchAudit(_ query: AuditQuery) async throws -> [AuditEntry] { [] }
}

struct AuditOverhead: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract:
            "Throughput of read operations with the audit chain on, against the same reads with audit entries discarded."
    )

    @Option(name: .customLong("data-dir"), help: "A folder seeded by `liaison-bench seed`.") var dataDir: String
    @Option(help: "Reads per round.") var reads = 20_000
    @Option(help: "Concurrent readers.") var concurrency = 16
    @Option(help: "Rounds of each (alternating), to even out machine noise.") var rounds = 3

    func run() async throws {
        let store = try await StoreFactory.open(databaseURL: nil, dataDir: dataDir)
        guard let analyst = try await store.credentials(username: "nca.analyst")?.user else {
            throw ValidationError("seed the store first")
        }
        let ids = try await store.subjects(
            matching: SubjectQuery(viewer: Viewer(analyst), page: PageRequest(limit: 200))
        ).items.map(\.id)
        let audited = LiaisonServices(store: store, clock: SystemClock()).subjects
        let baseline = LiaisonServices(
            store: store, audit: AuditLog(store: DiscardingAuditStore(), clock: SystemClock())
        ).subjects

        func measure(_ service: SubjectService, search: Bool) async throws -> Double {
            let perTask = reads / concurrency
            let start = ContinuousClock.now
            try await withThrowingTaskGroup(of: Void.self) { group in
                for t in 0..<concurrency {
                    group.addTask {
                        for i in 0..<perTask {
                            if search {
                                _ = try await service.search(nil, page: PageRequest(limit: 20), by: analyst)
                            } else {
                                _ = try await service.get(ids[(t * perTask + i) % ids.count], by: analyst)
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            return Double(perTask * concurrency) / seconds(ContinuousClock.now - start)
        }
        for (label, search) in [("read one subject", false), ("list a page of 20", true)] {
            var on: [Double] = []
            var off: [Double] = []
            for _ in 0..<rounds {
                off.append(try await measure(baseline, search: search))
                on.append(try await measure(audited, search: search))
            }
            let best = (on: on.max()!, off: off.max()!)
            print(
                String(
                    format:
                        "%@: audit discarded %.0f ops/s, audit chain on %.0f ops/s: overhead %.1f%% (best of %d, %d concurrent)",
                    label, best.off, best.on, (1 - best.on / best.off) * 100, rounds, concurrency))
        }
        let verify = ContinuousClock.now
        let result = try await LiaisonServices(store: store).audit.verify()
        print(
            String(
                format: "audit verify: %lld entries in %.2f s, %@", result.entries,
                seconds(ContinuousClock.now - verify),
                result.breaks.first.map { "BROKEN: \($0)" } ?? "intact"))
        await store.close()
    }
}

/// The real server with audit entries discarded: the baseline an HTTP benchmark compares the real one against.
/// Only for measuring; `liaison serve` always audits.
struct BaselineServer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve-without-audit",
        abstract: "Serve a seeded store with audit entries discarded (benchmark baseline only).")

    @Option(name: .customLong("data-dir"), help: "A folder seeded by `liaison-bench seed`.") var dataDir: String
    @Option(help: "Port to listen on.") var port = 18091

    func run() async throws {
        let store = try await StoreFactory.open(databaseURL: nil, dataDir: dataDir)
        // The same logger as `liaison serve` (a line per request), so that the audit chain is the only difference.
        var logger = Logger(label: "liaison")
        logger.logLevel = .info
        let app = try LiaisonApplication.build(
            store: store, configuration: ServerConfiguration(port: port), logger: logger,
            auditStore: DiscardingAuditStore())
        try await app.runService()
    }
}

/// Single-thread throughput of the Jaro–Winkler kernel over name pairs from a file (one pair per line: `a,b`).
struct JaroWinklerKernel: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jaro-winkler", abstract: "Jaro–Winkler pairs per second, one thread.")
    @Option(help: "A file of name pairs, one 'a,b' per line (already folded).") var pairs: String
    @Option(help: "Passes over the pairs.") var passes = 5

    func run() throws {
        let lines = try String(contentsOfFile: pairs, encoding: .utf8).split(separator: "\n")
        let input = lines.compactMap { line -> ([UInt8], [UInt8])? in
            let parts = line.split(separator: ",", maxSplits: 1)
            return parts.count == 2 ? (Array(parts[0].utf8), Array(parts[1].utf8)) : nil
        }
        var checksum = 0.0
        var best = Double.infinity
        for _ in 0..<passes {
            let start = ContinuousClock.now
            for (a, b) in input { checksum += StringSimilarity.jaroWinkler(a, b) }
            best = min(best, seconds(ContinuousClock.now - start))
        }
        print(
            String(
                format: "liaison jaro-winkler: %.0f pairs/s (best of %d passes over %d pairs; checksum %.3f)",
                Double(input.count) / best, passes, input.count, checksum / Double(passes)))
    }
}

/// "Do we hold this person?": single-record queries against an index of everyone in a file.
struct ResolveQuery: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve-query",
        abstract: "Latency of single-record queries against an index of a whole file.")
    @Option(help: "CSV of people (as for `liaison resolve`).") var input: String
    @Option(help: "The ID column.") var id = "id"
    @Option(name: .customLong("map"), help: "FIELD=COLUMN[,COLUMN…]; repeatable.") var map: [String] = []
    @Option(help: "Queries to time.") var queries = 10_000
    @Option(help: "Records used to fit the model.") var training = 100_000

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: input) else {
            throw ValidationError("cannot read \(input)")
        }
        let people = try await PersonFile.prepare(csv: data, idColumn: id, map: map)
        let built = ContinuousClock.now
        let model = await Resolver().dedupe(Array(people.prefix(training))).model
        let index = PersonIndex(people, model: model)
        print(
            String(
                format: "index of %d people built in %.2f s (model fitted on %d), peak memory %.0f MB",
                people.count, seconds(ContinuousClock.now - built), min(training, people.count), peakMemoryMB()))
        var rng = SplitMix64(seed: 11)
        var samples: [Double] = []
        var hits = 0
        for _ in 0..<queries {
            let probe = people[Int(rng.next() % UInt64(people.count))]
            let start = ContinuousClock.now
            let found = index.query(probe, threshold: 0.5, limit: 10)
            samples.append(seconds(ContinuousClock.now - start) * 1000)
            if found.contains(where: { $0.person.id == probe.id }) { hits += 1 }
        }
        samples.sort()
        print(
            String(
                format:
                    "liaison query: %d queries against %d people, p50 %.3f ms, p95 %.3f ms, p99 %.3f ms; found itself %d/%d",
                queries, people.count, percentile(samples, 0.5), percentile(samples, 0.95), percentile(samples, 0.99),
                hits, queries))
    }
}

/// The obligations sweep and dashboard over scaled casework on the embedded store: 100,000 cases, 20,000 with a
/// partner's interest, every obligation their histories owe. Target: under 100 ms each.
struct ObligationSweep: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "obligations", abstract: "Time the due/overdue sweep and the dashboard over scaled casework.")

    @Option(help: "Cases to open.") var cases = 100_000
    @Option(help: "Cases with a partner's interest.") var interests = 20_000
    @Option(help: "Subjects the cases concern.") var subjects = 20_000
    @Option(help: "Timed runs of each measurement.") var runs = 20
    @Option(name: .customLong("data-dir"), help: "Folder for the store (must not hold one yet).") var dataDir: String

    func run() async throws {
        let store = try await freshStore(dataDir)
        let data = DemoData.generate(seed: 2026, subjects: subjects, ocgs: 0)
        let casework = DemoCasework.generate(data, cases: cases, interests: interests, now: Date())
        let seedStart = ContinuousClock.now
        _ = try await DemoSeeder.seed(data, into: store, passwordHash: "bench", casework: casework, batchSize: 5_000)
        let open = casework.obligations.filter { $0.status == .open }.count
        print(
            String(
                format: "seed: %d cases, %d with interest, %d obligations (%d open) in %.1f s",
                casework.cases.count, interests, casework.obligations.count, open,
                seconds(ContinuousClock.now - seedStart)))
        let clock = SystemClock()
        let service = LiaisonServices(store: store, clock: clock).obligations
        guard let senior = try await store.credentials(username: "hocc.senior")?.user else {
            throw ValidationError("no senior caseworker in the demo users")
        }

        let first = ContinuousClock.now
        let escalated = try await service.sweep()
        print(
            String(
                format: "first sweep (escalating the backlog): %d escalated in %.1f ms", escalated.count,
                seconds(ContinuousClock.now - first) * 1000))

        func time(_ label: String, target: Double?, _ body: () async throws -> Int) async throws {
            var samples: [Double] = []
            var size = 0
            for _ in 0..<runs {
                let start = ContinuousClock.now
                size = try await body()
                samples.append(seconds(ContinuousClock.now - start) * 1000)
            }
            samples.sort()
            let verdict =
                target.map {
                    percentile(samples, 0.5) < $0
                        ? "  (target < \(Int($0)) ms: met)" : "  (target < \(Int($0)) ms: NOT met)"
                } ?? ""
            print(
                String(
                    format: "%@: %d runs, p50 %.2f ms, p95 %.2f ms, max %.2f ms, %d rows%@", label, runs,
                    percentile(samples, 0.5), percentile(samples, 0.95), samples.last ?? 0, size, verdict))
        }
        try await time("sweep (steady state)", target: 100) { try await service.sweep().count }
        try await time("dashboard", target: 100) { try await service.dashboard(by: senior).tallies.count }
        try await time("due list (200)", target: nil) { try await service.list(.due, by: senior).count }
        try await time("overdue list (200)", target: nil) { try await service.list(.overdue, by: senior).count }
        print(String(format: "peak RSS %.0f MB", peakMemoryMB()))
        await store.close()
    }
}
