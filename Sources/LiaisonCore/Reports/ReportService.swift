import Foundation

/// What the Report service reads and writes: only these stores.
public typealias ReportServiceStore = ReportStore & AgencyStore & ReferenceStore & RecordLookupStore

/// The performance report the board reads, and local serious and organised crime profiles. Both are counted
/// inside the store within what the reader may see, so two readers may get different figures, and neither sees
/// a count of records hidden from them.
public struct ReportService: Sendable {
    public static let kind = "report"
    let store: any ReportServiceStore
    let clock: any LiaisonClock
    let auditor: Auditor
    public var rule: ActionRule

    public init(store: any ReportServiceStore, clock: any LiaisonClock, audit: AuditLog, rule: ActionRule = .standard) {
        self.store = store
        self.clock = clock
        auditor = Auditor(log: audit)
        self.rule = rule
    }

    /// The scope from what was asked, checked: a period ("2025-26", "2025-26-Q3" or "2026-01-01..2026-03-31"), an
    /// area and a market from the reference lists.
    public func scope(period: String?, area: String?, market: String?) async throws -> ReportScope {
        let reference = ReferenceData(entries: try await store.referenceEntries())
        var v = Validator()
        let parsed = ReportPeriod.parse(period ?? "")
        if parsed == nil {
            v.fail(
                "period",
                "must be a financial year such as 2025-26, a quarter such as 2025-26-Q1, or dates as 2026-01-01..2026-03-31"
            )
        }
        if let area, !area.isEmpty, !reference.contains(area, in: "area") { v.fail("area", "is not in the area list") }
        if let market, !market.isEmpty, !reference.contains(market, in: "criminal-market") {
            v.fail("market", "is not in the criminal-market list")
        }
        try v.check()
        return ReportScope(period: parsed!, area: area?.nonEmpty, market: market?.nonEmpty)
    }

    /// The financial year that today falls in, as "2025-26".
    public func currentYear() -> String {
        let day = InterventionService.day(clock.now())
        let year = Int(day.prefix(4))!
        let start = day >= "\(year)-04-01" ? year : year - 1
        return "\(start)-\(String(format: "%02d", (start + 1) % 100))"
    }

    public func performance(_ scope: ReportScope, published: Bool, by user: User, request: RequestInfo = .none)
        async throws -> PerformanceReport
    {
        try await auditor.run(
            user, "report.performance", kind: Self.kind, request: request,
            detail: Self.describe(scope, published: published)
        ) {
            let facts = try await store.reportFacts(scope, viewer: Viewer(user), rule: rule)
            return PerformanceReport.build(
                scope: scope, current: facts.current, previous: facts.previous, published: published)
        }
    }

    /// A local profile: the groups active in the area, the report's measures there, what partners contributed,
    /// the places where people were safeguarded or seizures made, and the people exploited by the groups.
    public struct Profile: Codable, Sendable {
        public var scope: ReportScope
        public var groups: [OCG]
        public var groupsTruncated: Bool
        public var report: PerformanceReport
        public var contributions: [AgencyContribution]
        public var places: [PlaceCount]
        public var exploitedPeople: Int
        public var personsOfInterest: Int
    }

    public func profile(_ scope: ReportScope, by user: User, request: RequestInfo = .none) async throws -> Profile {
        try await auditor.run(
            user, "report.profile", kind: Self.kind, request: request, detail: Self.describe(scope, published: false)
        ) {
            let viewer = Viewer(user)
            let groups = try await store.ocgs(
                matching: OCGQuery(
                    status: "active", market: scope.market, area: scope.area, viewer: viewer,
                    page: PageRequest(limit: 200)))
            async let facts = store.reportFacts(scope, viewer: viewer, rule: rule)
            async let contributions = store.contributions(scope, viewer: viewer)
            async let places = store.places(scope, viewer: viewer, limit: 20)
            async let exploited = store.exploitedPeople(scope, viewer: viewer)
            async let managed = store.personsOfInterest(scope, viewer: viewer)
            let shown = try await References(store: store).shown(
                groups.items.filter { AccessPolicy.decide(user, .read, $0.meta).allowed },
                to: user)
            return Profile(
                scope: scope, groups: shown, groupsTruncated: groups.nextCursor != nil,
                report: PerformanceReport.build(
                    scope: scope, current: try await facts.current, previous: try await facts.previous, published: false
                ),
                contributions: try await contributions, places: try await places, exploitedPeople: try await exploited,
                personsOfInterest: try await managed)
        }
    }

    static func describe(_ scope: ReportScope, published: Bool) -> String {
        [
            scope.period.name, scope.area.map { "area \($0)" }, scope.market.map { "market \($0)" },
            published ? "published" : nil,
        ].compactMap { $0 }.joined(separator: ", ")
    }
}

extension ReportService {
    /// A profile as CSV: sections of rows, each row naming its section.
    public static func profileCSV(_ profile: Profile) -> String {
        var out = CSVWriter(header: ["section", "name", "detail", "value"])
        func row(_ fields: [String]) { out.row(fields) }
        for g in profile.groups {
            row([
                "group", g.details.name,
                ([g.details.band.map { "band \($0)" }] + g.details.markets.map { Optional($0) }).compactMap { $0 }
                    .joined(separator: "; "), g.details.status,
            ])
        }
        for m in profile.report.measures { row(["measure", m.label, m.unit, PerformanceReport.number(m.current)]) }
        for c in profile.contributions {
            row(["contribution", c.agency.rawValue, "interventions", String(c.interventions)])
            row(["contribution", c.agency.rawValue, "outcomes", String(c.outcomes)])
            row([
                "contribution", c.agency.rawValue, "assets collected (GBP)",
                PerformanceReport.number(c.assetsCollected),
            ])
        }
        for p in profile.places { row(["place", p.place, p.kind, String(p.count)]) }
        row(["vulnerability", "exploited people", "members recorded as exploited", String(profile.exploitedPeople)])
        row(["people", "Persons of Interest", "active, managed by the agencies", String(profile.personsOfInterest)])
        return out.text
    }
}
