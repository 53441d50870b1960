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

    func choices(_ entered: [String: String]) async throws -> [String: Any] {
        let reference = try await directory.reference()
        return [
            "areas": reference.list("area").map {
                view(["code": $0.code, "label": $0.label, "selected": entered["area"] == $0.code ? true : nil])
            },
            "markets": reference.list("criminal-market").map {
                view(["code": $0.code, "label": $0.label, "selected": entered["market"] == $0.code ? true : nil])
            },
            "period": entered["period"] ?? "",
        ]
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

    static func measureGroups(_ measures: [Measure]) -> [[String: Any]] {
        var order: [String] = []
        for m in measures where !order.contains(m.group) { order.append(m.group) }
        return order.map { group in
            [
                "group": group,
                "measures": measures.filter { $0.group == group }.map { m in
                    view([
                        "label": m.label, "current": value(m.current, unit: m.unit),
                        "previous": value(m.previous, unit: m.unit), "change": change(m),
                        "restricted": m.publishable ? nil : true,
                    ])
                },
            ] as [String: Any]
        }
    }

    static func charts(_ charts: [ChartData]) -> [[String: Any]] {
        charts.map { c in
            [
                "code": c.code, "title": c.title, "svg": Charts.svg(c),
                "seriesNames": c.series.map { ["name": $0.name] },
                "rows": c.labels.enumerated().map { i, label in
                    [
                        "label": label,
                        "cells": c.series.map {
                            ["value": value(i < $0.values.count ? $0.values[i] : 0, unit: c.unit)]
                        },
                    ] as [String: Any]
                },
                "restricted": !c.publishable,
            ] as [String: Any]
        }
    }

    func performance(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let (scope, problem, entered) = try await scope(request)
        let published = try RequestReading.flag(request, "published")
        var page = try await choices(entered)
        page["problem"] = problem
        page["published"] = published ? true : nil
        if let scope {
            let report = try await reports.performance(
                scope, published: published, by: try context.user(), request: context.request)
            switch request.uri.queryParameters["format"] {
            case "csv": return ReportsAPI.csv(report.csv, name: "liaison-performance-\(scope.period.name)")
            case "json": return try jsonResponse(report)
            default: break
            }
            page.merge(
                view([
                    "report": true, "periodName": scope.period.name, "from": displayDay(scope.period.from),
                    "to": displayDay(scope.period.to),
                    "previousName": report.previous.name,
                    "groups": Self.measureGroups(report.measures), "charts": Self.charts(report.charts),
                    "routes": report.routesDisrupted.joined(separator: ", "),
                    "restrictedOmitted": report.restrictedOmitted > 0 ? String(report.restrictedOmitted) : nil,
                    "csvHref": "/reports?"
                        + Self.query(scope, extra: (published ? "&published=1" : "") + "&format=csv"),
                    "jsonHref": "/reports?"
                        + Self.query(scope, extra: (published ? "&published=1" : "") + "&format=json"),
                    "publishedHref": "/reports?" + Self.query(scope, extra: "&published=1"),
                    "fullHref": "/reports?" + Self.query(scope),
                    "profileHref": "/reports/profile?" + Self.query(scope),
                ])
            ) { $1 }
        }
        return pages.page(
            "performance", title: published ? "Performance report (published version)" : "Performance report",
            context: page,
            identity: context.identity, section: "/reports", status: problem == nil ? .ok : .unprocessableContent)
    }

    func profile(_ request: Request, context: LiaisonRequestContext) async throws -> Response {
        let (scope, problem, entered) = try await scope(request)
        var page = try await choices(entered)
        page["problem"] = problem
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
            page.merge(
                view([
                    "report": true, "periodName": scope.period.name,
                    "areaName": scope.area.map { reference.label($0, in: "area") } ?? "All areas",
                    "marketName": scope.market.map { reference.label($0, in: "criminal-market") },
                    "groupRows": profile.groups.map { g in
                        view([
                            "id": g.id.rawValue, "name": g.details.name, "band": g.details.band?.uppercased(),
                            "markets": g.details.markets.map { reference.label($0, in: "criminal-market") }.joined(
                                separator: ", "),
                            "members": String(g.members.count),
                        ])
                    },
                    "hasGroups": !profile.groups.isEmpty, "groupsTruncated": profile.groupsTruncated ? true : nil,
                    "groups": Self.measureGroups(
                        profile.report.measures.filter { $0.current != 0 || $0.previous != 0 }),
                    "contributions": profile.contributions.map { c in
                        [
                            "agency": agencies[c.agency] ?? c.agency.rawValue, "interventions": String(c.interventions),
                            "outcomes": String(c.outcomes),
                            "assets": AssetPages.money(c.assetsCollected),
                        ]
                    },
                    "hasContributions": !profile.contributions.isEmpty,
                    "places": profile.places.map {
                        [
                            "place": $0.place, "kind": reference.label($0.kind, in: "outcome-kind"),
                            "count": String($0.count),
                        ]
                    },
                    "hasPlaces": !profile.places.isEmpty, "exploited": String(profile.exploitedPeople),
                    "pois": String(profile.personsOfInterest),
                    "csvHref": "/reports/profile?" + Self.query(scope, extra: "&format=csv"),
                    "jsonHref": "/reports/profile?" + Self.query(scope, extra: "&format=json"),
                ])
            ) { $1 }
        }
        return pages.page(
            "profile", title: "Local profile", context: page, identity: context.identity, section: "/reports",
            status: problem == nil ? .ok : .unprocessableContent)
    }
}
