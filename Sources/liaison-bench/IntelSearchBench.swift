import ArgumentParser
import Foundation
import LiaisonCore
import LiaisonDemo
import LiaisonStore

/// Full-text search over 1,000,000 synthetic intelligence reports on the embedded store, through the access
/// policy and the audit chain: names, vehicle registrations and places, as an analyst and as a partner agency's
/// officer. Target: under 50 ms at p95.
struct IntelSearchBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intel-search", abstract: "Time full-text search over scaled intelligence reports.")

    @Option(help: "Reports to write.") var reports = 1_000_000
    @Option(help: "Searches of each kind to time.") var queries = 200
    @Option(name: .customLong("data-dir"), help: "Folder for the store (must not hold one yet, unless --reuse).")
    var dataDir: String
    @Flag(help: "Measure the store already in --data-dir, written by an earlier run with the same --reports.")
    var reuse = false

    func run() async throws {
        let (store, existing) = try await benchStore(dataDir, reuse: reuse)
        let data = DemoData.generate(seed: 2026, subjects: 1_000, ocgs: 20)
        _ = try await DemoSeeder.seed(data, into: store, passwordHash: "bench")
        var rng = SeededRandom(seed: 99)
        let syllables = [
            "ka", "ro", "vel", "min", "dra", "sto", "lek", "par", "zu", "ten", "bor", "ash", "qui", "mon", "rei", "tal",
            "gor", "vin", "sel", "dun",
        ]
        func word(_ parts: Int) -> String { (0..<parts).map { _ in rng.pick(syllables) }.joined().capitalized }
        let surnames = (0..<3_000).map { _ in word(3) }
        let given = (0..<400).map { _ in word(2) }
        let places = (0..<800).map { _ in word(2) + " " + rng.pick(["Road", "Street", "Lane", "Estate", "Docks"]) }
        let activities = [
            "collects cash from", "stores drugs at", "meets couriers at", "runs a phone line from",
            "launders money through a business on",
            "recruits young people near", "keeps a firearm at", "moves people through",
        ]
        func plate() -> String {
            let letters = Array("ABCDEFGHJKLMNOPRSTUVWXY")
            return
                "\(rng.pick(letters))\(rng.pick(letters))\(rng.int(10...99)) \(rng.pick(letters))\(rng.pick(letters))\(rng.pick(letters))"
        }
        let authors = data.users.filter { !Set($0.roles).isDisjoint(with: IntelligenceService.authorRoles) }
        let start = ContinuousClock.now
        var plates: [String] = []
        var names: [String] = []
        var placesUsed: [String] = []
        var batch: [IntelReport] = []
        let now = Date()
        for n in 0..<reports {
            let author = rng.pick(authors)
            let name = "\(rng.pick(given)) \(rng.pick(surnames))"
            let other = "\(rng.pick(given)) \(rng.pick(surnames))"
            let place = rng.pick(places)
            let vehicle = plate()
            if n % 5_000 == 0 {
                plates.append(vehicle)
                names.append(name)
                placesUsed.append(place)
            }
            let classification: Classification =
                rng.chance(0.8) ? .official : rng.chance(0.7) ? .officialSensitive : .secret
            let meta = RecordMeta(
                owningAgencyID: author.agencyID, marking: ProtectiveMarking(classification),
                sharing: rng.chance(0.3) ? .all : Sharing(withAll: false), createdAt: now, createdBy: author.id)
            let text = "\(name) \(rng.pick(activities)) \(place), driving \(vehicle). Seen with \(other)."
            batch.append(
                IntelReport(
                    id: rng.id(), meta: meta, text: text,
                    infoDate: InterventionService.day(now.addingTimeInterval(-Double(rng.int(0...1_500)) * 86_400)),
                    place: place,
                    source: IntelSource(kind: rng.pick(["agency", "partner"]), description: "Bench source"),
                    links: [IntelLink(kind: "vehicle", value: vehicle)],
                    grading: IntelGrading(
                        source: rng.pick(IntelGrading.Source.allCases),
                        assessment: rng.pick(IntelGrading.Assessment.allCases),
                        handling: HandlingCode(.p)),
                    legacyGrading: nil, status: "recorded", reviewDate: nil, sanitised: [], disseminations: [],
                    history: [], withheld: []))
            if batch.count == 5_000 {
                if !existing { try await store.insertIntelReports(batch) }
                batch.removeAll(keepingCapacity: true)
            }
        }
        if !existing { try await store.insertIntelReports(batch) }
        print(
            String(
                format: "seed: %d reports in %.1f s%@", reports, seconds(ContinuousClock.now - start),
                existing ? " (already written: generated only)" : ""))

        let clock = SystemClock()
        let service = LiaisonServices(store: store, clock: clock).intelligence
        guard let analyst = try await store.credentials(username: "nca.analyst")?.user,
            let partner = try await store.credentials(username: "gmp.intel")?.user
        else { throw ValidationError("no demo users") }
        func time(_ label: String, _ terms: [String], as user: User) async throws {
            let (samples, totals) = try await timed(queries) { n in
                try await service.search(IntelSearchQuery(text: terms[n % terms.count]), by: user).total
            }
            print(
                String(
                    format: "%@: %d searches, %@, %.1f matches on average", label, queries,
                    summary(samples, target: 50),
                    Double(totals.reduce(0, +)) / Double(queries)))
        }
        try await time("vehicle registration, as an analyst", plates, as: analyst)
        try await time("full name, as an analyst", names, as: analyst)
        try await time("place, as an analyst", placesUsed, as: analyst)
        try await time("full name, as a partner agency's officer", names, as: partner)
        try await time(
            "surname and activity, as an analyst",
            names.map { ($0.split(separator: " ").last.map(String.init) ?? $0) + " firearm" }, as: analyst)
        print(String(format: "peak RSS %.0f MB", peakMemoryMB()))
        await store.close()
    }
}
