import Foundation
import Hummingbird
import LiaisonCore

/// `/api/v1/reports`: the performance report and local profiles, as JSON or CSV.
struct ReportsAPI {
    let reports: ReportService

    static let parameters: [APIOperation.Parameter] = [
        .init(
            name: "period",
            description:
                "A financial year (2025-26), a quarter (2025-26-Q1) or dates (2026-01-01..2026-03-31); the current financial year if absent"
        ),
        .init(name: "area", description: "An area code (force area or region)"),
        .init(name: "market", description: "A criminal-market code (the priority)"),
        .init(
            name: "format", description: "json (default) or csv", schema: ["type": "string", "enum": ["json", "csv"]]),
    ]

    static func scope(_ request: Request, _ reports: ReportService) async throws -> ReportScope {
        let q = request.uri.queryParameters
        return try await reports.scope(
            period: q["period"].map(String.init) ?? reports.currentYear(), area: q["area"].map(String.init),
            market: q["market"].map(String.init))
    }

    static func format(_ request: Request) throws -> String {
        let format = request.uri.queryParameters["format"].map(String.init) ?? "json"
        guard ["json", "csv"].contains(format) else { throw LiaisonError.invalid("format", "must be json or csv") }
        return format
    }

    static func csv(_ text: String, name: String) -> Response {
        var response = Response(
            status: .ok, headers: [.contentType: "text/csv; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
        response.headers[.contentDisposition] = "attachment; filename=\"\(name).csv\""
        return response
    }

    func register(_ api: inout RouteTable) {
        let reports = self.reports
        api.add(
            APIOperation(
                method: .get, path: "/api/v1/reports/performance", operationID: "performanceReport",
                summary:
                    "The performance report for a period, area and market, each measure beside the previous period; published=true leaves out restricted measures",
                tag: "Reports",
                query: Self.parameters + [
                    .init(name: "published", description: "true for the published version", schema: ["type": "boolean"])
                ],
                response: "PerformanceReport")
        ) { request, context in
            let format = try Self.format(request)
            let published = try RequestReading.flag(request, "published")
            let report = try await reports.performance(
                try await Self.scope(request, reports), published: published, by: try context.user(),
                request: context.request)
            return format == "csv"
                ? Self.csv(report.csv, name: "liaison-performance-\(report.scope.period.name)")
                : try jsonResponse(report)
        }
        api.add(
            APIOperation(
                method: .get, path: "/api/v1/reports/profile", operationID: "localProfile",
                summary:
                    "A local serious and organised crime profile for an area and period: groups, measures, partners' contributions, places",
                tag: "Reports", query: Self.parameters, response: "LocalProfile")
        ) { request, context in
            let format = try Self.format(request)
            let profile = try await reports.profile(
                try await Self.scope(request, reports), by: try context.user(), request: context.request)
            return format == "csv"
                ? Self.csv(
                    ReportService.profileCSV(profile),
                    name: "liaison-profile-\(profile.scope.area ?? "all")-\(profile.scope.period.name)")
                : try jsonResponse(profile)
        }
    }
}
