import Foundation

/// A reporting period: a financial year ("2025-26": 1 April 2025 to 31 March 2026), one of its quarters
/// ("2025-26-Q1"), or two dates ("2026-01-01..2026-03-31"). The previous period is the same length just before.
public struct ReportPeriod: Codable, Sendable, Equatable {
    public var name: String
    public var from: String
    public var to: String

    public init(name: String, from: String, to: String) {
        self.name = name
        self.from = from
        self.to = to
    }

    public static func parse(_ text: String) -> ReportPeriod? {
        let parts = text.split(separator: "..").map(String.init)
        if parts.count == 2, let a = AssetOrder.date(parts[0]), let b = AssetOrder.date(parts[1]), a <= b,
            AssetOrder.day(a) == parts[0], AssetOrder.day(b) == parts[1]
        {
            return ReportPeriod(name: text, from: parts[0], to: parts[1])
        }
        let pieces = text.split(separator: "-").map(String.init)
        guard pieces.count == 2 || pieces.count == 3, let start = Int(pieces[0]), (1990...2200).contains(start),
            pieces[0].count == 4,
            pieces[1].count == 2, Int(pieces[1]) == (start + 1) % 100
        else { return nil }
        if pieces.count == 2 { return ReportPeriod(name: text, from: "\(start)-04-01", to: "\(start + 1)-03-31") }
        let quarters = [
            "Q1": ("\(start)-04-01", "\(start)-06-30"), "Q2": ("\(start)-07-01", "\(start)-09-30"),
            "Q3": ("\(start)-10-01", "\(start)-12-31"), "Q4": ("\(start + 1)-01-01", "\(start + 1)-03-31"),
        ]
        guard let (from, to) = quarters[pieces[2].uppercased()] else { return nil }
        return ReportPeriod(name: text.uppercased(), from: from, to: to)
    }

    /// The period before: the financial year or quarter before, or the same number of days just before.
    public var previous: ReportPeriod {
        let pieces = name.split(separator: "-").map(String.init)
        if let year = Int(pieces.first ?? ""), pieces.count == 2 {
            return ReportPeriod.parse("\(year - 1)-\(String(format: "%02d", year % 100))")!
        }
        if let year = Int(pieces.first ?? ""), pieces.count == 3, let q = Int(pieces[2].dropFirst()) {
            return q == 1
                ? ReportPeriod.parse("\(year - 1)-\(String(format: "%02d", year % 100))-Q4")!
                : ReportPeriod.parse("\(pieces[0])-\(pieces[1])-Q\(q - 1)")!
        }
        let calendar = Calendar.utc
        let start = AssetOrder.date(from)!
        let end = AssetOrder.date(to)!
        let days = calendar.dateComponents([.day], from: start, to: end).day!
        let previousEnd = calendar.date(byAdding: .day, value: -1, to: start)!
        let previousStart = calendar.date(byAdding: .day, value: -days, to: previousEnd)!
        return ReportPeriod(
            name: "\(AssetOrder.day(previousStart))..\(AssetOrder.day(previousEnd))",
            from: AssetOrder.day(previousStart), to: AssetOrder.day(previousEnd))
    }
}

/// What the store counts for one period, within the access policy and the area and market asked for.
public struct PeriodFacts: Codable, Sendable, Equatable {
    /// Outcomes grouped by kind, impact, commodity, unit and month (yyyy-mm).
    public var outcomes: [OutcomeFact]
    /// Distinct routes on which seizures were made.
    public var routes: [String]
    /// Known organised criminals: distinct subjects who are active Persons of Interest or members of a group.
    public var knownCriminals: Int
    /// Of those, how many were subject to action in the period (their PoI record or their group).
    public var underAction: Int
    /// Asset records made in the period, by power: count and amount.
    public var ordersMade: [String: AmountFact]
    /// Asset events in the period, by kind (payment, forfeited, returned, recovered…): count and amount.
    public var assetEvents: [String: AmountFact]

    public init(
        outcomes: [OutcomeFact] = [], routes: [String] = [], knownCriminals: Int = 0, underAction: Int = 0,
        ordersMade: [String: AmountFact] = [:], assetEvents: [String: AmountFact] = [:]
    ) {
        self.outcomes = outcomes
        self.routes = routes
        self.knownCriminals = knownCriminals
        self.underAction = underAction
        self.ordersMade = ordersMade
        self.assetEvents = assetEvents
    }
}

public struct OutcomeFact: Codable, Sendable, Equatable {
    public var kind: String
    public var impact: String?
    public var commodity: String?
    public var unit: String?
    public var month: String
    public var count: Int
    public var quantity: Double
    /// Sum of quantity × purity over the outcomes with a purity, and the quantity they cover: the weighted mean.
    public var purityWeighted: Double
    public var purityQuantity: Double

    public init(
        kind: String, impact: String? = nil, commodity: String? = nil, unit: String? = nil, month: String, count: Int,
        quantity: Double,
        purityWeighted: Double = 0, purityQuantity: Double = 0
    ) {
        self.kind = kind
        self.impact = impact
        self.commodity = commodity
        self.unit = unit
        self.month = month
        self.count = count
        self.quantity = quantity
        self.purityWeighted = purityWeighted
        self.purityQuantity = purityQuantity
    }
}

public struct AmountFact: Codable, Sendable, Equatable {
    public var count: Int
    public var amount: Double

    public init(count: Int, amount: Double) {
        self.count = count
        self.amount = amount
    }
}

/// What the report is asked for.
public struct ReportScope: Codable, Sendable, Equatable {
    public var period: ReportPeriod
    /// An `area` reference code (force area or region), or every area.
    public var area: String?
    /// A `criminal-market` code (the priority), or every market.
    public var market: String?

    public init(period: ReportPeriod, area: String? = nil, market: String? = nil) {
        self.period = period
        self.area = area
        self.market = market
    }
}

/// One measure of the performance report, with the previous period beside it.
public struct Measure: Codable, Sendable, Equatable {
    public var code: String
    public var label: String
    public var group: String
    /// count, percent, GBP, or a seizure's unit.
    public var unit: String
    public var current: Double
    public var previous: Double
    public var publishable: Bool
}

/// A trend or breakdown to draw: named series of labelled values.
public struct ChartData: Codable, Sendable, Equatable {
    public struct Series: Codable, Sendable, Equatable {
        public var name: String
        public var values: [Double]
    }

    public var code: String
    public var title: String
    public var description: String
    public var kind: String
    public var labels: [String]
    public var series: [Series]
    public var unit: String
    public var publishable: Bool
}

/// The performance report the board reads.
public struct PerformanceReport: Codable, Sendable, Equatable {
    public var scope: ReportScope
    public var previous: ReportPeriod
    public var published: Bool
    public var measures: [Measure]
    public var charts: [ChartData]
    public var routesDisrupted: [String]
    /// In a published version: how many restricted measures and charts were left out.
    public var restrictedOmitted: Int

    /// Which measures may be published; the rest are restricted. Kept as data beside the report.
    public static let publishable: Set<String> = [
        "known-criminals", "under-action", "under-action-share", "assets-restrained", "assets-confiscated",
        "assets-forfeited", "assets-collected",
        "arrests", "charges", "convictions", "people-safeguarded", "orders", "disruptions-major",
        "disruptions-moderate", "disruptions-minor",
        "seizures-by-commodity", "outputs",
    ]

    /// Seizures by commodity may be published like the listed measures; their purity and the routes may not.
    public static func isPublishable(_ code: String) -> Bool { publishable.contains(code) || code.hasPrefix("seized-") }

    static let outputs: [(code: String, kind: String, label: String)] = [
        ("arrests", "arrest", "Arrests"), ("charges", "charge", "Charges"),
        ("convictions", "conviction", "Convictions"),
        ("sentences", "sentence", "Months of sentence"), ("orders", "order", "Orders made"),
        ("prohibition-notices", "prohibition-notice", "Prohibition notices"),
        ("vehicles-removed", "vehicle-removed", "Vehicles removed"),
        ("people-safeguarded", "safeguarded", "People safeguarded"),
    ]

    /// Builds the report from the facts of the period and the one before. Pure: the same facts give the same report.
    public static func build(scope: ReportScope, current: PeriodFacts, previous: PeriodFacts, published: Bool)
        -> PerformanceReport
    {
        var measures: [Measure] = []
        func add(_ code: String, _ label: String, _ group: String, _ unit: String, _ value: (PeriodFacts) -> Double) {
            measures.append(
                Measure(
                    code: code, label: label, group: group, unit: unit, current: value(current),
                    previous: value(previous),
                    publishable: isPublishable(code)))
        }
        add("known-criminals", "Known organised criminals (PoIs and group members)", "Subject to action", "count") {
            Double($0.knownCriminals)
        }
        add("under-action", "Known organised criminals subject to action", "Subject to action", "count") {
            Double($0.underAction)
        }
        add(
            "under-action-share", "Share of known organised criminals subject to action", "Subject to action", "percent"
        ) {
            $0.knownCriminals == 0 ? 0 : (Double($0.underAction) * 1000 / Double($0.knownCriminals)).rounded() / 10
        }
        add("assets-restrained", "Assets restrained", "Assets", "GBP") {
            $0.ordersMade[AssetPower.restraint.rawValue]?.amount ?? 0
        }
        add("assets-confiscated", "Confiscation orders made (recoverable amount)", "Assets", "GBP") {
            $0.ordersMade[AssetPower.confiscation.rawValue]?.amount ?? 0
        }
        add("cash-seized", "Cash seized", "Assets", "GBP") {
            $0.ordersMade[AssetPower.cashSeizure.rawValue]?.amount ?? 0
        }
        add("accounts-frozen", "Balances frozen", "Assets", "GBP") {
            $0.ordersMade[AssetPower.accountFreezing.rawValue]?.amount ?? 0
        }
        add("assets-forfeited", "Assets forfeited (cash and accounts)", "Assets", "GBP") {
            $0.assetEvents["forfeited"]?.amount ?? 0
        }
        add(
            "assets-collected", "Assets collected (confiscation payments, forfeitures, civil recovery)", "Assets", "GBP"
        ) { facts in
            AssetReceipt.kinds.map { facts.assetEvents[$0]?.amount ?? 0 }.reduce(0, +)
        }
        add("cash-returned", "Cash returned", "Assets", "GBP") { $0.assetEvents["returned"]?.amount ?? 0 }
        for output in outputs {
            add(output.code, output.label, "Outputs", "count") { facts in
                facts.outcomes.filter { $0.kind == output.kind }.map(\.quantity).reduce(0, +)
            }
        }
        for level in ["major", "moderate", "minor"] {
            add("disruptions-\(level)", "Disruptions of \(level) impact", "Outputs", "count") { facts in
                Double(facts.outcomes.filter { $0.impact == level }.map(\.count).reduce(0, +))
            }
        }
        add("routes-disrupted", "Routes on which seizures were made", "Criminal markets", "count") {
            Double($0.routes.count)
        }
        // Seizures by commodity and unit, with the quantity-weighted mean purity.
        let commodities = Set(
            (current.outcomes + previous.outcomes).filter { $0.kind == "seizure" }.map {
                "\($0.commodity ?? "?")|\($0.unit ?? "?")"
            }
        ).sorted()
        for key in commodities {
            let parts = key.split(separator: "|").map(String.init)
            func seized(_ facts: PeriodFacts) -> [OutcomeFact] {
                facts.outcomes.filter { $0.kind == "seizure" && $0.commodity == parts[0] && $0.unit == parts[1] }
            }
            add("seized-\(parts[0])-\(parts[1])", "\(parts[0].capitalized) seized", "Criminal markets", parts[1]) {
                seized($0).map(\.quantity).reduce(0, +)
            }
            add("purity-\(parts[0])-\(parts[1])", "\(parts[0].capitalized): mean purity", "Criminal markets", "percent")
            { facts in
                let rows = seized(facts)
                let weight = rows.map(\.purityQuantity).reduce(0, +)
                return weight == 0 ? 0 : (rows.map(\.purityWeighted).reduce(0, +) * 10 / weight).rounded() / 10
            }
        }

        // Charts: seizures by commodity per month, outputs beside the previous period, disruptions by impact.
        let months = monthsBetween(scope.period.from, scope.period.to)
        var charts: [ChartData] = []
        let seizures = current.outcomes.filter { $0.kind == "seizure" }
        let seizureKeys = Set(seizures.map { "\($0.commodity ?? "?") (\($0.unit ?? "?"))" }).sorted()
        charts.append(
            ChartData(
                code: "seizures-by-commodity", title: "Seizures by commodity, month by month",
                description: "Quantity seized each month of \(scope.period.name), one line per commodity and unit.",
                kind: "line",
                labels: months,
                series: seizureKeys.map { key in
                    .init(
                        name: key,
                        values: months.map { month in
                            seizures.filter { "\($0.commodity ?? "?") (\($0.unit ?? "?"))" == key && $0.month == month }
                                .map(\.quantity).reduce(0, +)
                        })
                }, unit: "quantity", publishable: publishable.contains("seizures-by-commodity")))
        let outputMeasures = measures.filter { $0.group == "Outputs" && !$0.code.hasPrefix("disruptions") }
        charts.append(
            ChartData(
                code: "outputs", title: "Outputs against the previous period",
                description:
                    "Arrests, charges, convictions, orders and people safeguarded in \(scope.period.name) and \(scope.period.previousName).",
                kind: "bar", labels: outputMeasures.map(\.label),
                series: [
                    .init(name: scope.period.name, values: outputMeasures.map(\.current)),
                    .init(name: scope.period.previousName, values: outputMeasures.map(\.previous)),
                ],
                unit: "count", publishable: publishable.contains("outputs")))
        let disruptions = measures.filter { $0.code.hasPrefix("disruptions-") }
        charts.append(
            ChartData(
                code: "disruptions", title: "Disruptions by impact level",
                description:
                    "Outcomes recorded with an impact level in \(scope.period.name) and \(scope.period.previousName).",
                kind: "bar",
                labels: disruptions.map { String($0.code.dropFirst("disruptions-".count)).capitalized },
                series: [
                    .init(name: scope.period.name, values: disruptions.map(\.current)),
                    .init(name: scope.period.previousName, values: disruptions.map(\.previous)),
                ],
                unit: "count", publishable: true))
        let assets = measures.filter { $0.group == "Assets" }
        charts.append(
            ChartData(
                code: "assets", title: "Assets restrained, confiscated, forfeited and collected",
                description: "Pounds in \(scope.period.name) and \(scope.period.previousName).", kind: "bar",
                labels: assets.map(\.label),
                series: [
                    .init(name: scope.period.name, values: assets.map(\.current)),
                    .init(name: scope.period.previousName, values: assets.map(\.previous)),
                ],
                unit: "GBP", publishable: false))

        var report = PerformanceReport(
            scope: scope, previous: scope.period.previous, published: published, measures: measures, charts: charts,
            routesDisrupted: current.routes, restrictedOmitted: 0)
        if published {
            let before = report.measures.count + report.charts.count
            report.measures.removeAll { !$0.publishable }
            report.charts.removeAll { !$0.publishable }
            report.routesDisrupted = []
            report.restrictedOmitted = before - report.measures.count - report.charts.count
        }
        return report
    }

    /// yyyy-mm for each month the period touches.
    static func monthsBetween(_ from: String, _ to: String) -> [String] {
        var months: [String] = []
        var year = Int(from.prefix(4))!
        var month = Int(from.dropFirst(5).prefix(2))!
        let last = String(to.prefix(7))
        while months.count < 240 {
            let label = String(format: "%04d-%02d", year, month)
            months.append(label)
            if label >= last { break }
            month += 1
            if month > 12 {
                month = 1
                year += 1
            }
        }
        return months
    }

    /// The report as CSV: one row per measure.
    public var csv: String {
        var out = CSVWriter(header: [
            "group", "code", "measure", "unit", scope.period.name, previous.name, "publishable",
        ])
        for m in measures {
            out.row([
                m.group, m.code, m.label, m.unit, Self.number(m.current), Self.number(m.previous),
                m.publishable ? "yes" : "no",
            ])
        }
        return out.text
    }

    public static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(format: "%.2f", value)
    }

}

extension ReportPeriod {
    var previousName: String { previous.name }
}
