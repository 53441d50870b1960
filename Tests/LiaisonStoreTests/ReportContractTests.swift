import Foundation
import LiaisonCore
import LiaisonDemo
import Testing

@testable import LiaisonStore

/// The report's sums counted two ways: by the databases' queries over their fact tables, and by the in-memory store
/// straight from the records. The same demo records go into both; every distinct viewer of the demo, for the whole
/// country and each area and market, for a year and a quarter, must get the same figures from each.
@Suite("Report contract")
struct ReportContractTests {
    @Test(
        "memory and the database count the same report from the same records, for every viewer and scope",
        arguments: StoreKind.available)
    func sameSums(kind: StoreKind) async throws {
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        var data = DemoData.generate(seed: 5, subjects: 600, ocgs: 60)
        let casework = DemoCasework.generate(data, cases: 20, interests: 5, now: now)
        var management = DemoManagement.generate(data, pois: 40, interventions: 40, now: now)
        Self.widen(&data, &management)
        let memory = MemoryStore()
        let database = try await kind.open()
        for store in [memory, database] as [any LiaisonStore] {
            _ = try await DemoSeeder.seed(
                data, into: store, passwordHash: "x", casework: casework, management: management)
        }
        var viewers: [Viewer] = []
        for user in data.users where !viewers.contains(Viewer(user)) { viewers.append(Viewer(user)) }
        let areas = Set(data.ocgs.flatMap(\.details.areas)).sorted().prefix(3)
        let markets = Set(data.ocgs.flatMap(\.details.markets)).sorted().prefix(3)
        let periods = ["2026-27", "2026-27-Q2"].compactMap(ReportPeriod.parse)
        let scopes = periods.flatMap { period in
            [ReportScope(period: period)] + areas.map { ReportScope(period: period, area: $0) }
                + markets.map { ReportScope(period: period, market: $0) }
        }
        var counted = (outcomes: 0, known: 0, under: 0, orders: 0, places: 0, contributions: 0)
        for viewer in viewers {
            for scope in scopes {
                let label = "\(viewer.agencyID) \(viewer.maximumClassification) \(viewer.briefings) \(scope)"
                let a = try await memory.reportFacts(scope, viewer: viewer, rule: .standard)
                let b = try await database.reportFacts(scope, viewer: viewer, rule: .standard)
                #expect(Self.rounded(a.current) == Self.rounded(b.current), "\(label)")
                #expect(Self.rounded(a.previous) == Self.rounded(b.previous), "\(label), the period before")
                let ca = try await memory.contributions(scope, viewer: viewer)
                let cb = try await database.contributions(scope, viewer: viewer)
                #expect(ca.map(Self.rounded) == cb.map(Self.rounded), "\(label)")
                let pa = try await memory.places(scope, viewer: viewer, limit: 1_000)
                let pb = try await database.places(scope, viewer: viewer, limit: 1_000)
                #expect(Self.sorted(pa) == Self.sorted(pb), "\(label)")
                #expect(
                    try await memory.exploitedPeople(scope, viewer: viewer)
                        == database.exploitedPeople(scope, viewer: viewer), "\(label)")
                #expect(
                    try await memory.personsOfInterest(scope, viewer: viewer)
                        == database.personsOfInterest(scope, viewer: viewer), "\(label)")
                counted.outcomes += b.current.outcomes.count
                counted.known += b.current.knownCriminals
                counted.under += b.current.underAction
                counted.orders += b.current.ordersMade.count + b.previous.ordersMade.count
                counted.places += pb.count
                counted.contributions += cb.count
            }
        }
        // The comparison is over figures, not over empty reports.
        #expect(viewers.count >= 4)
        #expect(counted.outcomes > 0 && counted.known > 0 && counted.under > 0, "\(counted)")
        #expect(counted.orders > 0 && counted.places > 0 && counted.contributions > 0, "\(counted)")
        await database.close()
    }

    /// What the demo lacks and the report must count right: members who joined or left during the periods, and
    /// interventions against Persons of Interest, completed, cancelled and planned, with outcomes either side of the
    /// periods' edges.
    static func widen(_ data: inout DemoDataset, _ management: inout DemoManagement.Output) {
        var rng = SeededRandom(seed: 3)
        let days = ["2026-03-31", "2026-04-01", "2026-06-30", "2026-07-01", "2026-09-30", "2026-10-01", "2027-03-31"]
        for g in data.ocgs.indices {
            for m in data.ocgs[g].members.indices where rng.chance(0.3) {
                if rng.chance(0.5) {
                    data.ocgs[g].members[m].from = rng.pick(days)
                } else {
                    data.ocgs[g].members[m].to = rng.pick(days)
                }
            }
            let recruit = rng.pick(data.subjects).id
            if rng.chance(0.3), !data.ocgs[g].members.contains(where: { $0.subjectID == recruit }) {
                data.ocgs[g].members.append(OCGMember(subjectID: recruit, role: "exploited", from: rng.pick(days)))
            }
        }
        for (n, (poi, _)) in management.pois.enumerated() {
            let status = rng.pick(["completed", "cancelled", "planned"])
            let day = rng.pick(days)
            var i = Intervention(
                id: rng.id(), meta: poi.meta, target: InterventionTarget(kind: "poi", id: poi.id.rawValue),
                category: rng.pick(FourP.allCases), tactic: "arrest", partnerAgencies: [], owner: poi.owner,
                dueDate: day, status: status, operation: nil, description: "Against a Person of Interest", outcomes: [])
            i.completedOn = status == "completed" ? day : nil
            if status != "planned" {
                for k in 1...rng.int(1...3) {
                    i.outcomes.append(
                        InterventionOutcome(
                            id: k, kind: rng.pick(["arrest", "seizure", "safeguarded"]), date: rng.pick(days),
                            quantity: Double(rng.int(1...9)) / 3, unit: "kg",
                            commodity: rng.pick(["heroin", "cannabis"]),
                            purity: rng.chance(0.5) ? Double(rng.int(10...90)) : nil,
                            place: rng.pick(["Leeds", "Hull"]),
                            route: rng.pick(["M62", "M1"]), impact: rng.pick(["major", "minor"]), narrative: "",
                            recordedBy: poi.owner, recordedAt: Date(timeIntervalSince1970: 1_780_000_000 + Double(n))))
                }
            }
            management.interventions.append(i)
        }
    }

    static func round(_ value: Double) -> Double { (value * 1_000_000).rounded() / 1_000_000 }

    /// Facts in one order, sums rounded: the two add the same numbers in different orders.
    static func rounded(_ facts: PeriodFacts) -> PeriodFacts {
        var facts = facts
        facts.outcomes = facts.outcomes.map { o in
            var o = o
            (o.quantity, o.purityWeighted, o.purityQuantity) = (
                round(o.quantity), round(o.purityWeighted), round(o.purityQuantity)
            )
            return o
        }
        .sorted {
            [$0.month, $0.kind, $0.impact ?? "", $0.commodity ?? "", $0.unit ?? ""].lexicographicallyPrecedes(
                [$1.month, $1.kind, $1.impact ?? "", $1.commodity ?? "", $1.unit ?? ""])
        }
        facts.ordersMade = facts.ordersMade.mapValues { AmountFact(count: $0.count, amount: round($0.amount)) }
        facts.assetEvents = facts.assetEvents.mapValues { AmountFact(count: $0.count, amount: round($0.amount)) }
        return facts
    }

    static func rounded(_ c: AgencyContribution) -> AgencyContribution {
        var c = c
        c.assetsCollected = round(c.assetsCollected)
        return c
    }

    static func sorted(_ places: [PlaceCount]) -> [PlaceCount] {
        places.map { PlaceCount(place: $0.place, kind: $0.kind, count: $0.count, quantity: round($0.quantity)) }
            .sorted { ($0.place, $0.kind) < ($1.place, $1.kind) }
    }
}
