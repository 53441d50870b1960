import ArgumentParser
import Foundation
import LiaisonCore
import LiaisonStore

/// `liaison report …`: the performance report and local profiles, counted within what one user may see.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "The performance report and local profiles.",
        subcommands: [Performance.self, Profile.self])

    struct Scope: ParsableArguments {
        @OptionGroup var store: StoreOptions
        @Option(
            name: .customLong("as"),
            help: "The user the report is for: it counts only what they may see (env LIAISON_USER).") var username:
            String?
        @Option(
            help:
                "A financial year (2025-26), a quarter (2025-26-Q1) or dates (2026-01-01..2026-03-31); the current financial year if absent."
        )
        var period: String?
        @Option(help: "An area code (force area or region).") var area: String?
        @Option(help: "A criminal-market code (the priority).") var market: String?
        @Option(help: "text (default), csv or json.") var format: String = "text"

        func validate() throws {
            guard ["text", "csv", "json"].contains(format) else {
                throw ValidationError("--format must be text, csv or json")
            }
            guard resolvedUser != nil else {
                throw ValidationError(
                    "give --as USER (or set LIAISON_USER): the report counts only what that user may see")
            }
        }

        var resolvedUser: String? { username ?? ProcessInfo.processInfo.environment["LIAISON_USER"] }

        func run(_ body: @escaping (ReportService, ReportScope, User) async throws -> Void) async throws {
            try await withStore(store) { store in
                let clock = SystemClock()
                let reports = LiaisonServices(store: store, clock: clock).reports
                let user = try await account(store, resolvedUser!)
                do {
                    let scope = try await reports.scope(
                        period: period ?? reports.currentYear(), area: area, market: market)
                    try await body(reports, scope, user)
                } catch let error as LiaisonError {
                    throw CommandFailure(error.description)
                }
            }
        }
    }

    static func json(_ value: some Encodable) throws -> String {
        String(decoding: try JSONCoding.encoder.encode(value), as: UTF8.self)
    }

    static func table(_ report: PerformanceReport) -> String {
        var lines = [
            "\(report.scope.period.name) (\(report.scope.period.from) to \(report.scope.period.to))"
                + (report.scope.area.map { ", area \($0)" } ?? "")
                + (report.scope.market.map { ", market \($0)" } ?? "")
                + (report.published ? ", published version" : "")
        ]
        var group = ""
        for m in report.measures {
            if m.group != group {
                group = m.group
                lines.append("")
                lines.append(
                    group.uppercased().padding(toLength: 62, withPad: " ", startingAt: 0)
                        + report.scope.period.name.leftPadded(14) + report.previous.name.leftPadded(14))
            }
            lines.append(
                (m.label + (m.publishable ? "" : " [restricted]")).padding(toLength: 62, withPad: " ", startingAt: 0)
                    + PerformanceReport.number(m.current).leftPadded(14)
                    + PerformanceReport.number(m.previous).leftPadded(14))
        }
        if report.restrictedOmitted > 0 {
            lines += [
                "", "This published version leaves out \(report.restrictedOmitted) restricted measures and charts.",
            ]
        }
        if !report.routesDisrupted.isEmpty {
            lines += ["", "Routes on which seizures were made: " + report.routesDisrupted.joined(separator: ", ")]
        }
        return lines.joined(separator: "\n")
    }

    struct Performance: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "performance", abstract: "The performance report: each measure beside the previous period.")
        @OptionGroup var scope: Scope
        @Flag(help: "The published version: restricted measures left out.") var published = false

        func run() async throws {
            let format = scope.format
            let published = published
            try await scope.run { reports, scope, user in
                let report = try await reports.performance(scope, published: published, by: user)
                print(
                    format == "csv"
                        ? report.csv : format == "json" ? try ReportCommand.json(report) : ReportCommand.table(report),
                    terminator: format == "csv" ? "" : "\n")
            }
        }
    }

    struct Profile: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "profile",
            abstract: "A local profile: groups active in the area, measures, partners' contributions, places.")
        @OptionGroup var scope: Scope

        func run() async throws {
            let format = scope.format
            try await scope.run { reports, scope, user in
                let profile = try await reports.profile(scope, by: user)
                switch format {
                case "csv": print(ReportService.profileCSV(profile), terminator: "")
                case "json": print(try ReportCommand.json(profile))
                default:
                    print("Groups active: \(profile.groups.count)\(profile.groupsTruncated ? "+" : "")")
                    for g in profile.groups.prefix(20) {
                        print(
                            "  \(g.details.name)  band \(g.details.band ?? "-")  \(g.details.markets.joined(separator: ", "))"
                        )
                    }
                    print("People recorded as exploited: \(profile.exploitedPeople)")
                    print(ReportCommand.table(profile.report))
                }
            }
        }
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
