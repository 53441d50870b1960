import Foundation
import LiaisonCore
import Testing

@testable import LiaisonStore

/// Asset recovery and the performance report on every store: each power's lifecycle and its checks, receipts
/// shared under the incentivisation scheme, a confiscation order showing on the person's deportation case, and
/// every measure of the report against figures worked out by hand, national and for one area, as two readers
/// with different clearance see them, and as published.
@Suite("Asset recovery and the performance report")
struct AssetAndReportTests {
    /// The data every test here works over (all dates in the 2025-26 financial year unless said; the clock is 2026-09-21).
    struct World {
        let f: ContractFixture
        let assets: AssetService
        let reports: ReportService
        let s1: Subject, s4: Subject
        let north: OCG, london: OCG
        let confiscation: AssetOrder

        static func make(_ kind: ContractStoreKind) async throws -> World {
            let f = try await ContractFixture(kind)
            let assets = AssetService(store: f.store, clock: f.clock, audit: f.audit)
            let reports = ReportService(store: f.store, clock: f.clock, audit: f.audit)
            func person(_ given: String, _ family: String) async throws -> Subject {
                try await f.subjects.create(
                    SubjectInput(details: SubjectDetails(names: [PersonName(given: given, family: family)])),
                    by: f.analyst)
            }
            let s1 = try await person("Arben", "Hoxha")
            let s2 = try await person("Liam", "Doyle")
            let s3 = try await person("Sara", "Okafor")
            let s4 = try await person("Dmitri", "Volkov")
            // Two groups: S1 and S2 in the north-west (county lines), S3 in London (fraud).
            let north = try await f.groups.create(
                OCGInput(
                    details: OCGDetails(name: "Granite Line", markets: ["county-lines"], areas: ["north-west"]),
                    members: [
                        OCGMember(subjectID: s1.id, role: "principal"), OCGMember(subjectID: s2.id, role: "member"),
                    ]), by: f.analyst)
            let london = try await f.groups.create(
                OCGInput(
                    details: OCGDetails(name: "Thames Ledger", markets: ["fraud"], areas: ["london"]),
                    members: [OCGMember(subjectID: s3.id, role: "principal")]), by: f.analyst)
            // S4 is a Person of Interest only, adopted in 2024.
            var meta = s4.meta
            meta.createdAt = AssetOrder.date("2024-06-01")!
            let poi = PersonOfInterest(
                meta: meta, subjectID: s4.id, owner: "nca.analyst", reviewDue: f.clock.now(), lifetimeManagement: false)
            try await f.store.insertPOI(poi)

            // Interventions: the north-west group completed in 2025-26 with two seizures and three arrests; the PoI in 2024-25.
            func intervention(_ target: InterventionTarget, completed: String?, outcomes: [InterventionOutcome])
                -> Intervention
            {
                Intervention(
                    id: .make(),
                    meta: RecordMeta(
                        owningAgencyID: f.nca.id, marking: .official, sharing: .all, needToKnow: nil,
                        createdAt: f.clock.now(), createdBy: f.analyst.id),
                    target: target, category: .pursue, tactic: "arrest", partnerAgencies: [f.gmp.id],
                    owner: "nca.analyst",
                    dueDate: completed ?? "2026-10-01", status: completed == nil ? "planned" : "completed",
                    completedOn: completed, operation: nil,
                    description: "x", outcomes: outcomes)
            }
            func outcome(
                _ id: Int, _ kind: String, _ date: String, _ quantity: Double, commodity: String? = nil,
                purity: Double? = nil, route: String? = nil,
                impact: String? = nil, place: String? = nil
            ) -> InterventionOutcome {
                InterventionOutcome(
                    id: id, kind: kind, date: date, quantity: quantity, unit: commodity == nil ? nil : "kg",
                    commodity: commodity, purity: purity,
                    place: place, route: route, impact: impact, narrative: "", recordedBy: "nca.analyst",
                    recordedAt: f.clock.now())
            }
            for made in [
                intervention(
                    InterventionTarget(kind: "ocg", id: north.id.rawValue), completed: "2025-07-01",
                    outcomes: [
                        outcome(
                            1, "seizure", "2025-06-10", 2, commodity: "cocaine", purity: 60, route: "M62",
                            impact: "major", place: "Salford"),
                        outcome(2, "seizure", "2025-07-01", 1, commodity: "cocaine", purity: 90),
                        outcome(3, "arrest", "2025-06-10", 3),
                    ]),
                intervention(
                    InterventionTarget(kind: "poi", id: poi.id.rawValue), completed: "2024-12-01",
                    outcomes: [outcome(1, "arrest", "2024-12-01", 1)]),
                intervention(InterventionTarget(kind: "ocg", id: london.id.rawValue), completed: nil, outcomes: []),
            ] { try await f.store.insertIntervention(made) }

            // Assets: restraint and a SECRET confiscation order on S1; cash seized from the London group and forfeited.
            let madeOn = "2025-05-01"
            _ = try await assets.record(
                AssetOrderInput(
                    target: AssetTarget(kind: "subject", id: s1.id.rawValue), power: "restraint",
                    court: "Manchester Crown Court",
                    reference: "R-1", madeOn: madeOn, amount: 100_000), by: f.analyst)
            var order = try await assets.record(
                AssetOrderInput(
                    target: AssetTarget(kind: "subject", id: s1.id.rawValue), power: "confiscation",
                    court: "Manchester Crown Court", reference: "T20257001", madeOn: "2025-09-01", amount: 50_000,
                    confiscation: ConfiscationTerms(
                        benefit: 240_000, available: 50_000, compensation: 5_000,
                        timeToPay: "2025-12-01", defaultSentenceMonths: 18),
                    agencies: [AgencyPartInput(agency: "GMP", role: "prosecution")],
                    marking: ProtectiveMarking(.secret)), by: f.analyst)
            order = try await assets.step(
                order.id, AssetEventInput(version: 1, kind: "payment", date: "2025-10-01", amount: 20_000),
                by: f.analyst)
            let confiscation = order
            var cash = try await assets.record(
                AssetOrderInput(
                    target: AssetTarget(kind: "ocg", id: london.id.rawValue), power: "cash-seizure",
                    court: "Westminster Magistrates' Court", reference: "", madeOn: "2025-04-15", amount: 10_000),
                by: f.analyst)
            cash = try await assets.step(
                cash.id, AssetEventInput(version: 1, kind: "detention", date: "2025-04-16", until: "2025-07-15"),
                by: f.analyst)
            _ = try await assets.step(
                cash.id, AssetEventInput(version: 2, kind: "forfeited", date: "2025-07-10", amount: 10_000),
                by: f.analyst)
            return World(
                f: f, assets: assets, reports: reports, s1: s1, s4: s4, north: north, london: london,
                confiscation: confiscation)
        }
    }

    func value(_ report: PerformanceReport, _ code: String) -> (Double, Double)? {
        report.measures.first { $0.code == code }.map { ($0.current, $0.previous) }
    }

    @Test(
        "every measure matches the figures worked out by hand, nationally and for one area",
        arguments: ContractStoreKind.available)
    func arithmetic(kind: ContractStoreKind) async throws {
        let w = try await World.make(kind)
        let national = try await w.reports.performance(
            try await w.reports.scope(period: "2025-26", area: nil, market: nil), published: false, by: w.f.analyst)
        #expect(national.previous.name == "2024-25")
        // Known: S1, S2, S3 (members) and S4 (PoI since 2024). Under action: S1 and S2 this year; S4 last year.
        #expect(value(national, "known-criminals")! == (4, 4))
        #expect(value(national, "under-action")! == (2, 1))
        #expect(value(national, "under-action-share")! == (50, 25))
        #expect(value(national, "arrests")! == (3, 1))
        #expect(value(national, "seized-cocaine-kg")! == (3, 0))
        #expect(value(national, "purity-cocaine-kg")! == (70, 0))  // (2 × 60 + 1 × 90) / 3
        #expect(value(national, "disruptions-major")! == (1, 0))
        #expect(national.routesDisrupted == ["M62"])
        #expect(value(national, "assets-restrained")! == (100_000, 0))
        #expect(value(national, "assets-confiscated")! == (50_000, 0))
        #expect(value(national, "cash-seized")! == (10_000, 0))
        #expect(value(national, "assets-forfeited")! == (10_000, 0))
        #expect(value(national, "assets-collected")! == (30_000, 0))  // £20,000 paid + £10,000 forfeited
        let chart = national.charts.first { $0.code == "seizures-by-commodity" }!
        #expect(
            chart.labels.count == 12 && chart.labels.first == "2025-04" && chart.series.map(\.name) == ["cocaine (kg)"])
        #expect(chart.series[0].values[2] == 2 && chart.series[0].values[3] == 1)  // June and July

        // The north-west: only the Granite Line and its members; the cash seized in London is outside it.
        let north = try await w.reports.performance(
            try await w.reports.scope(period: "2025-26", area: "north-west", market: nil), published: false,
            by: w.f.analyst)
        #expect(value(north, "known-criminals")! == (2, 2))
        #expect(value(north, "under-action-share")! == (100, 0))
        #expect(value(north, "assets-collected")! == (20_000, 0))
        #expect(value(north, "cash-seized")! == (0, 0))
        #expect(value(north, "arrests")! == (3, 0))
        let fraud = try await w.reports.performance(
            try await w.reports.scope(period: "2025-26", area: nil, market: "fraud"), published: false, by: w.f.analyst)
        #expect(
            value(fraud, "known-criminals")! == (1, 1) && value(fraud, "assets-forfeited")! == (10_000, 0)
                && value(fraud, "arrests")! == (0, 0))

        // A quarter compares with the quarter before; bad scopes are refused by field.
        let q2 = try await w.reports.performance(
            try await w.reports.scope(period: "2025-26-Q2", area: nil, market: nil), published: false, by: w.f.analyst)
        #expect(
            q2.previous.name == "2025-26-Q1" && value(q2, "arrests")! == (0, 3)
                && value(q2, "seized-cocaine-kg")! == (1, 2))
        await #expect(
            throws: LiaisonError.invalid([
                FieldError(
                    "period",
                    "must be a financial year such as 2025-26, a quarter such as 2025-26-Q1, or dates as 2026-01-01..2026-03-31"
                ),
                FieldError("area", "is not in the area list"),
            ])
        ) {
            try await w.reports.scope(period: "2025-27", area: "atlantis", market: nil)
        }
        await w.f.close()
    }

    @Test(
        "a reader sees only what the policy allows; a published report leaves out the restricted measures and says so",
        arguments: ContractStoreKind.available)
    func policyAndPublication(kind: ContractStoreKind) async throws {
        let w = try await World.make(kind)
        let scope = try await w.reports.scope(period: "2025-26", area: nil, market: nil)
        // The partner officer (BPSS) cannot see the SECRET confiscation order: it is not counted for them.
        let partner = try await w.reports.performance(scope, published: false, by: w.f.partner)
        #expect(value(partner, "assets-confiscated")! == (0, 0))
        #expect(value(partner, "assets-collected")! == (10_000, 0))
        #expect(value(partner, "arrests")! == (3, 1))

        let published = try await w.reports.performance(scope, published: true, by: w.f.analyst)
        #expect(published.measures.allSatisfy(\.publishable) && published.charts.allSatisfy(\.publishable))
        #expect(published.measures.first { $0.code == "cash-seized" } == nil && published.routesDisrupted.isEmpty)
        let full = try await w.reports.performance(scope, published: false, by: w.f.analyst)
        #expect(
            published.restrictedOmitted == full.measures.filter { !$0.publishable }.count
                + full.charts.filter { !$0.publishable }.count)
        #expect(published.restrictedOmitted > 0)
        #expect(full.csv.split(separator: "\n").count == full.measures.count + 1)
        #expect(full.csv.hasPrefix("group,code,measure,unit,2025-26,2024-25,publishable\n"))

        // The local profile of the north-west: the group, what each agency contributed, where seizures were made.
        let profile = try await w.reports.profile(
            try await w.reports.scope(period: "2025-26", area: "north-west", market: nil), by: w.f.analyst)
        #expect(profile.groups.map(\.details.name) == ["Granite Line"])
        #expect(
            profile.contributions.map(\.agency) == [w.f.nca.id] && profile.contributions[0].outcomes == 3
                && profile.contributions[0].assetsCollected == 20_000)
        #expect(profile.places == [PlaceCount(place: "Salford", kind: "seizure", count: 1, quantity: 2)])
        #expect(profile.personsOfInterest == 0)  // the one PoI belongs to no group in the north-west
        #expect(
            try await w.reports.profile(
                try await w.reports.scope(period: "2025-26", area: nil, market: nil), by: w.f.analyst
            ).personsOfInterest == 1)
        await w.f.close()
    }

    @Test(
        "each power follows its lifecycle; receipts are shared under the scheme; a confiscation order is a barrier on the case",
        arguments: ContractStoreKind.available)
    func lifecycle(kind: ContractStoreKind) async throws {
        let w = try await World.make(kind)
        let order = w.confiscation
        #expect(order.status == "order-made" && order.outstanding == 30_000)
        await #expect(throws: LiaisonError.invalid("amount", "is more than the £30000.00 outstanding")) {
            try await w.assets.step(
                order.id, AssetEventInput(version: 2, kind: "payment", date: "2025-11-01", amount: 40_000),
                by: w.f.analyst)
        }
        await #expect(
            throws: LiaisonError.invalid([
                FieldError("kind", "detention cannot follow order-made (allowed: payment, default)"),
                FieldError("until", "must be a date as yyyy-mm-dd after the event"),
            ])
        ) {
            try await w.assets.step(
                order.id, AssetEventInput(version: 2, kind: "detention", date: "2025-11-01"), by: w.f.analyst)
        }
        let paid = try await w.assets.step(
            order.id, AssetEventInput(version: 2, kind: "payment", date: "2025-11-01", amount: 30_000), by: w.f.analyst)
        #expect(paid.status == "satisfied" && paid.outstanding == 0)
        // Compensation is paid to victims first; the rest is shared: 18.75% each to the investigating (NCA) and
        // prosecuting (GMP) agencies; the Home Office keeps its half and the enforcement share nobody holds.
        let shares = try await w.assets.shares(of: paid)
        #expect(
            shares[0].shares == [
                ReceiptShare(part: "victims", agency: nil, amount: 5_000),
                ReceiptShare(part: "home-office", agency: nil, amount: 9_375),
                ReceiptShare(part: "investigation", agency: w.f.nca.id, amount: 2_812.5),
                ReceiptShare(part: "prosecution", agency: w.f.gmp.id, amount: 2_812.5),
            ])
        #expect(
            shares[1].shares.map(\.amount).reduce(0, +) == 30_000 && !shares[1].shares.contains { $0.part == "victims" }
        )
        // A new scheme version from its effective date applies to receipts from then on.
        let admin = User(
            username: "nca.admin", displayName: "Admin", email: "admin@nca.invalid", agencyID: w.f.nca.id,
            roles: [.administrator], vetting: .sc)
        await #expect(throws: LiaisonError.invalid([FieldError("shares", "must add up to 100")])) {
            try await w.assets.publish(
                IncentiveScheme(
                    version: 2, effectiveFrom: "2025-10-15",
                    shares: ["home-office": 50, "investigation": 30, "prosecution": 10, "enforcement": 5]), by: admin)
        }
        await #expect(throws: LiaisonError.forbidden(reason: "only administrators publish the incentivisation scheme"))
        {
            try await w.assets.publish(
                IncentiveScheme(
                    version: 2, effectiveFrom: "2025-10-15",
                    shares: ["home-office": 40, "investigation": 30, "prosecution": 20, "enforcement": 10]),
                by: w.f.analyst)
        }
        _ = try await w.assets.publish(
            IncentiveScheme(
                version: 2, effectiveFrom: "2025-10-15",
                shares: ["home-office": 40, "investigation": 30, "prosecution": 20, "enforcement": 10]), by: admin)
        let later = try await w.assets.shares(of: paid)
        #expect(later[0].shares == shares[0].shares)
        #expect(later[1].shares.first { $0.part == "investigation" }?.amount == 9_000)

        // Cash: detention at most two years from seizure; the lifecycle ends at forfeiture.
        var cash = try await w.assets.record(
            AssetOrderInput(
                target: AssetTarget(kind: "subject", id: w.s4.id.rawValue), power: "cash-seizure",
                court: "Dover Magistrates' Court",
                reference: "", madeOn: "2025-01-10", amount: 4_000), by: w.f.analyst)
        await #expect(
            throws: LiaisonError.invalid(
                "until", "cash may be detained for at most two years from seizure: until 2027-01-10")
        ) {
            try await w.assets.step(
                cash.id, AssetEventInput(version: 1, kind: "detention", date: "2025-01-11", until: "2027-02-01"),
                by: w.f.analyst)
        }
        cash = try await w.assets.step(
            cash.id, AssetEventInput(version: 1, kind: "detention", date: "2025-01-11", until: "2025-04-10"),
            by: w.f.analyst)
        cash = try await w.assets.step(
            cash.id, AssetEventInput(version: 2, kind: "extension", date: "2025-04-09", until: "2025-10-10"),
            by: w.f.analyst)
        cash = try await w.assets.step(
            cash.id, AssetEventInput(version: 3, kind: "returned", date: "2025-09-01", amount: 4_000), by: w.f.analyst)
        await #expect(throws: LiaisonError.invalid("kind", "a cash seizure that is returned takes no further events")) {
            try await w.assets.step(
                cash.id, AssetEventInput(version: 4, kind: "forfeited", date: "2025-09-02", amount: 1), by: w.f.analyst)
        }
        await #expect(
            throws: LiaisonError.invalid([
                FieldError(
                    "court",
                    "must name the court (or, for a seizure, the magistrates' court to hear detention), 1–200 characters"
                ),
                FieldError("amount", "must be a sum in pounds, more than 0"),
                FieldError(
                    "confiscation",
                    "a confiscation order needs its benefit, available amount, compensation, time to pay and default sentence"
                ),
            ])
        ) {
            try await w.assets.record(
                AssetOrderInput(
                    target: AssetTarget(kind: "subject", id: w.s4.id.rawValue), power: "confiscation", court: "",
                    reference: nil,
                    madeOn: "2025-01-10", amount: 0), by: w.f.analyst)
        }

        // The person's deportation case, opened after the order, carries the NCA's interest and the confiscation barrier.
        let cases = CaseService(store: w.f.store, clock: w.f.clock, audit: w.f.audit)
        let opened = try await cases.create(
            CaseInput(subjectID: w.s1.id, homeOfficeReference: "B7654321"), by: w.f.analyst)
        let stored = try await w.f.store.deportationCase(opened.id)!
        #expect(stored.activeInterests.map(\.agencyCode) == ["NCA"])
        #expect(stored.activeInterests[0].confiscation?.contains("T20257001") == true)
        #expect(stored.progress.events.map(\.kind).contains("barrier-opened"))
        // Someone who cannot see the SECRET order does not learn of it.
        await #expect(throws: LiaisonError.notFound(kind: "asset", id: order.id.rawValue)) {
            try await w.assets.get(order.id, by: w.f.partner)
        }
        #expect(
            try await w.assets.list(target: AssetTarget(kind: "subject", id: w.s1.id.rawValue), by: w.f.partner).map(
                \.power) == [.restraint])
        await w.f.close()
    }
}
