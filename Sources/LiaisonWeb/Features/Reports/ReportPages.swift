import Foundation
import Hummingbird
import LiaisonCore

/// The performance report and local profiles in the pages: a form for the period, area and market; measures
/// beside the previous period; charts drawn as SVG with a table of the same figures beside each; CSV and JSON
/// exports; a page that prints cleanly.
struct ReportPages {
    let pages: PageRenderer
    let reports: ReportService
    let directory: DirectoryService

    func register(_ routes: inout RouteTable) {
        let this = self
        routes.page(.get, "/reports", access: .signedIn) { request, context in
            try await this.performance(request, context: context)
        }
        routes.page(.get, "/reports/profile", access: .signedIn) { request, context in
            try await this.profile(request, context: context)
        }
    }

    /// The scope asked for in the query, or the problem with it.
    func scope(_ request: Request) async throws -> (ReportScope?, FormProblem?, [String: String]) {
        let q = request.uri.queryParameters
        let entered = [
            "period": q["period"].map(String.init) ?? reports.currentYear(), "area": q["area"].map(String.init) ?? "",
            "market": q["market"].map(String.init) ?? "",
        ]
        do {
            return (
                try await reports.scope(period: entered["period"], area: entered["area"], market: entered["market"]),
                nil, entered
            )
        } catch let error as LiaisonError {
            return (nil, FormProblem(error), entered)
        }
    }

    func choices(_ entered: [String: String]) async throws -> ReportChoices {
        let reference = try await directory.reference()
        func options(_ list: String, _ field: String) -> [Option] {
            reference.list(list).map { Option(code: $0.code, label: $0.label, selected: entered[field] == $0.code) }
        }
        return ReportChoices(
            period: entered["period"] ?? "", areas: options("area", "area"),
            markets: options("criminal-market", "market"))
    }

    static func query(_ scope: ReportScope, extra: String = "") -> String {
        var parts = ["period=\(scope.period.name)"]
        if let area = scope.area { parts.append("area=\(area)") }
        if let market = scope.market { parts.append("market=\(market)") }
        return parts.joined(separator: "&") + extra
    }

    static func change(_ m: Measure) -> String {
        guard m.previous != 0 else { return m.current == 0 ? "no change" : "new" }
        let percent = (m.current - m.previous) / abs(m.previous) * 100
        return (percent >= 0 ? "+" : "") + String(format: "%.0f%%", percent)
    }

    static func value(_ v: Double, unit: String) -> String {
        unit == "GBP"
            ? AssetPages.money(v)
            : unit == "percent"
                ? PerformanceReport.number(v) + "%"
                : PerformanceReport.number(v) + (["count", "quantity"].contains(unit) ? "" : " " + unit)
    }

    static func measureGroups(_ measures: [Measure]) -> [MeasureGroup] {
        var order: [String] = []
        for m in measures where !order.contains(m.group) { order.append(m.group) }
        return order.map { group in
            MeasureGroup(
                group: group,
                measures: measures.filter { $0.group == group }.map { m in
                    .init(
                        label: m.label, current: value(m.current, unit: m.unit),
                        previous: value(m.previous, unit: m.unit), change: change(m), restricted: !m.publishable)
                })
        }
    }

    static func charts(_ charts: [ChartData]) -> [PerformancePage.Chart] {
        charts.map { c in
            .init(
                title: c.title, svg: Charts.svg(c), seriesNames: c.series.map(\.name),
                rows: c.labels.enumerated().map { i, label in
                    .init(
                        label: label,
                        cells: c.series.map { value(i < $0.values.count ? $0.values[i] : 0, unit: c.unit) })
                }, restricted: !c.publishable)
        }
    }

    func performance(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let (scope, problem, entered) = try await scope(request)
        let published = try RequestReading.flag(request, "published")
        var shown: PerformancePage.Report?
        if let scope {
            let report = try await reports.performance(
                scope, published: published, by: try context.user(), request: context.request)
            switch request.uri.queryParameters["format"] {
            case "csv": return ReportsAPI.csv(report.csv, name: "liaison-performance-\(scope.period.name)")
            case "json": return try jsonResponse(report)
            default: break
            }
            let published = published ? "&published=1" : ""
            shown = .init(
                periodName: scope.period.name, from: displayDay(scope.period.from) ?? "",
                to: displayDay(scope.period.to) ?? "", previousName: report.previous.name,
                groups: Self.measureGroups(report.measures), charts: Self.charts(report.charts),
                routes: report.routesDisrupted.joined(separator: ", ").nonEmpty,
                restrictedOmitted: report.restrictedOmitted > 0 ? String(report.restrictedOmitted) : nil,
                csvHref: "/reports?" + Self.query(scope, extra: published + "&format=csv"),
                jsonHref: "/reports?" + Self.query(scope, extra: published + "&format=json"),
                publishedHref: "/reports?" + Self.query(scope, extra: "&published=1"),
                fullHref: "/reports?" + Self.query(scope), profileHref: "/reports/profile?" + Self.query(scope))
        }
        let page = PerformancePage(
            problem: problem, published: published, choices: try await choices(entered), report: shown)
        return pages.page(
            page, title: published ? "Performance report (published version)" : "Performance report",
            identity: context.identity, section: "/reports", status: problem == nil ? .ok : .unprocessableContent)
    }

    func profile(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let (scope, problem, entered) = try await scope(request)
        var shown: ProfilePage.Profile?
        if let scope {
            let profile = try await reports.profile(scope, by: try context.user(), request: context.request)
            switch request.uri.queryParameters["format"] {
            case "csv":
                return ReportsAPI.csv(
                    ReportService.profileCSV(profile),
                    name: "liaison-profile-\(scope.area ?? "all")-\(scope.period.name)")
            case "json": return try jsonResponse(profile)
            default: break
            }
            let reference = try await directory.reference()
            let agencies = Dictionary(uniqueKeysWithValues: try await directory.agencies().map { ($0.id, $0.name) })
            let groupRows = profile.groups.map { g in
                ProfilePage.Group(
                    id: g.id.rawValue, name: g.details.name, band: g.details.band?.uppercased() ?? "",
                    markets: g.details.markets.map { reference.label($0, in: "criminal-market") }.joined(
                        separator: ", "), members: String(g.members.count))
            }
            let contributions = profile.contributions.map { c in
                ProfilePage.Contribution(
                    agency: agencies[c.agency] ?? c.agency.rawValue, interventions: String(c.interventions),
                    outcomes: String(c.outcomes), assets: AssetPages.money(c.assetsCollected))
            }
            let places = profile.places.map {
                ProfilePage.Place(
                    place: $0.place, kind: reference.label($0.kind, in: "outcome-kind"), count: String($0.count))
            }
            let measures = profile.report.measures.filter { $0.current != 0 || $0.previous != 0 }
            let areaName: String = scope.area.map { reference.label($0, in: "area") } ?? "All areas"
            shown = ProfilePage.Profile(
                periodName: scope.period.name, areaName: areaName,
                marketName: scope.market.map { reference.label($0, in: "criminal-market") }, groupRows: groupRows,
                groupsTruncated: profile.groupsTruncated, groups: Self.measureGroups(measures),
                contributions: contributions, places: places, exploited: String(profile.exploitedPeople),
                pois: String(profile.personsOfInterest),
                csvHref: "/reports/profile?" + Self.query(scope, extra: "&format=csv"),
                jsonHref: "/reports/profile?" + Self.query(scope, extra: "&format=json"))
        }
        let page = ProfilePage(problem: problem, choices: try await choices(entered), report: shown)
        return pages.page(
            page, title: "Local profile", identity: context.identity, section: "/reports",
            status: problem == nil ? .ok : .unprocessableContent)
    }
}

/// The report form's choices: the period typed, the areas and markets with the one chosen.
struct ReportChoices {
    let period: String
    let areas: [Option]
    let markets: [Option]
}

/// Measures of one group (disruptions, assets…), each beside the previous period.
struct MeasureGroup {
    let group: String
    let measures: [Row]

    struct Row {
        let label: String
        let current: String
        let previous: String
        let change: String
        let restricted: Bool
    }
}

/// The performance report: measures beside the previous period, and charts with their figures as tables.
struct PerformancePage: PageModel {
    var template: String { "performance" }
    let problem: FormProblem?
    let published: Bool
    let choices: ReportChoices
    let report: Report?

    struct Report {
        let periodName: String
        let from: String
        let to: String
        let previousName: String
        let groups: [MeasureGroup]
        let charts: [Chart]
        let routes: String?
        let restrictedOmitted: String?
        let csvHref: String
        let jsonHref: String
        let publishedHref: String
        let fullHref: String
        let profileHref: String
    }

    /// A chart as SVG, and the same figures as a table.
    struct Chart {
        let title: String
        let svg: String
        let seriesNames: [String]
        let rows: [Row]
        let restricted: Bool

        struct Row {
            let label: String
            let cells: [String]
        }
    }
}

/// A local serious and organised crime profile: the groups active in an area, measures, vulnerabilities, and what
/// partners contributed.
struct ProfilePage: PageModel {
    var template: String { "profile" }
    let problem: FormProblem?
    let choices: ReportChoices
    let report: Profile?

    struct Profile {
        let periodName: String
        let areaName: String
        let marketName: String?
        let groupRows: [Group]
        let hasGroups: Bool
        let groupsTruncated: Bool
        let groups: [MeasureGroup]
        let contributions: [Contribution]
        let hasContributions: Bool
        let places: [Place]
        let hasPlaces: Bool
        let exploited: String
        let pois: String
        let csvHref: String
        let jsonHref: String

        init(
            periodName: String, areaName: String, marketName: String?, groupRows: [Group], groupsTruncated: Bool,
            groups: [MeasureGroup], contributions: [Contribution], places: [Place], exploited: String, pois: String,
            csvHref: String, jsonHref: String
        ) {
            self.periodName = periodName
            self.areaName = areaName
            self.marketName = marketName
            self.groupRows = groupRows
            hasGroups = !groupRows.isEmpty
            self.groupsTruncated = groupsTruncated
            self.groups = groups
            self.contributions = contributions
            hasContributions = !contributions.isEmpty
            self.places = places
            hasPlaces = !places.isEmpty
            self.exploited = exploited
            self.pois = pois
            self.csvHref = csvHref
            self.jsonHref = jsonHref
        }
    }

    struct Group {
        let id: String
        let name: String
        let band: String
        let markets: String
        let members: String
    }

    struct Contribution {
        let agency: String
        let interventions: String
        let outcomes: String
        let assets: String
    }

    struct Place {
        let place: String
        let kind: String
        let count: String
    }
}
