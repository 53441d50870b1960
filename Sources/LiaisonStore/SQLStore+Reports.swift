import Foundation
import LiaisonCore

/// The sums reports are built from. Every query keeps to what the viewer may see (each fact row carries its
/// record's access columns) and to the scope's area and market, which are the groups' tags: a group is in scope
/// by its own tags, a Person of Interest, an asset record or an intervention against a person through the groups
/// the person belongs to.
extension SQLStore {
    /// The viewer's access conditions as one SQL condition, with its binds.
    static func visible(_ viewer: Viewer) -> (sql: String, binds: [SQLValue]) {
        let (conditions, binds) = visibility(viewer)
        return ("(" + conditions.joined(separator: " AND ") + ")", binds)
    }

    /// The groups in scope (all the viewer may see when no area or market is given), and their members in the period.
    static func scopeTables(_ scope: ReportScope, period: ReportPeriod, viewer: Viewer) -> (
        sql: String, binds: [SQLValue]
    ) {
        let vis = Self.visible(viewer)
        var conditions = [vis.sql]
        var binds = vis.binds
        for (kind, code) in [("area", scope.area), ("market", scope.market)] {
            guard let code else { continue }
            conditions.append("id IN (SELECT ocg_id FROM ocg_tags WHERE kind = ? AND code = ?)")
            binds += [.text(kind), .text(code)]
        }
        let sql = """
            g AS (SELECT id FROM ocgs WHERE \(conditions.joined(separator: " AND "))),
            members AS (SELECT subject_id, ocg_id FROM ocg_members WHERE ocg_id IN (SELECT id FROM g)
                        AND (from_date IS NULL OR from_date <= ?) AND (to_date IS NULL OR to_date >= ?))
            """
        return (sql, binds + [.text(period.to), .text(period.from)])
    }

    /// Whether the scope narrows anything: without an area or market every visible record counts.
    static func scoped(_ scope: ReportScope) -> Bool { scope.area != nil || scope.market != nil }

    /// The condition keeping fact rows (with target_id, and subject_id when they have one) to the scope.
    static func inScope(_ scope: ReportScope, subjectColumn: String? = nil) -> String {
        guard scoped(scope) else { return "1 = 1" }
        let viaPerson = "target_id IN (SELECT id FROM pois WHERE subject_id IN (SELECT subject_id FROM members))"
        let direct = subjectColumn.map { " OR \($0) IN (SELECT subject_id FROM members)" } ?? ""
        return "(target_id IN (SELECT id FROM g) OR \(viaPerson)\(direct))"
    }

    public func reportFacts(_ scope: ReportScope, viewer: Viewer, rule: ActionRule) async throws -> (
        current: PeriodFacts, previous: PeriodFacts
    ) {
        let current = scope.period
        let previous = scope.period.previous
        // The two periods' people and assets, and one pass over both periods' outcomes, side by side.
        async let sums = outcomeSums(scope, from: previous.from, to: current.to, viewer: viewer)
        async let routes = seizureRoutes(scope, current: current, previous: previous, viewer: viewer)
        async let peopleNow = people(scope, period: current, viewer: viewer, rule: rule)
        async let peopleBefore = people(scope, period: previous, viewer: viewer, rule: rule)
        async let assetsNow = assetFacts(scope, period: current, viewer: viewer)
        async let assetsBefore = assetFacts(scope, period: previous, viewer: viewer)
        let (outcomes, seized) = (try await sums, try await routes)
        var facts = [PeriodFacts(), PeriodFacts()]
        for (n, period) in [current, previous].enumerated() {
            facts[n].outcomes = Self.monthly(outcomes, from: period.from, to: period.to)
            facts[n].routes = seized[n]
        }
        (facts[0].knownCriminals, facts[0].underAction) = try await peopleNow
        (facts[1].knownCriminals, facts[1].underAction) = try await peopleBefore
        (facts[0].ordersMade, facts[0].assetEvents) = try await assetsNow
        (facts[1].ordersMade, facts[1].assetEvents) = try await assetsBefore
        return (facts[0], facts[1])
    }

    /// Outcomes summed by kind, impact, commodity, unit and day, in the order of the index that holds them.
    func outcomeSums(_ scope: ReportScope, from: String, to: String, viewer: Viewer) async throws -> [(
        day: String, fact: OutcomeFact
    )] {
        let vis = Self.visible(viewer)
        let tables = Self.scopeTables(scope, period: ReportPeriod(name: "", from: from, to: to), viewer: viewer)
        return try await db.query(
            """
            WITH \(tables.sql)
            SELECT kind, impact, commodity, unit, date, COUNT(*) AS n, SUM(quantity) AS q,
                   SUM(CASE WHEN purity IS NULL THEN 0 ELSE quantity * purity END) AS pw, SUM(CASE WHEN purity IS NULL THEN 0 ELSE quantity END) AS pq
            FROM intervention_outcomes WHERE date BETWEEN ? AND ? AND \(vis.sql) AND \(Self.inScope(scope))
            GROUP BY kind, impact, commodity, unit, date
            """, tables.binds + [.text(from), .text(to)] + vis.binds
        ).map { row in
            let day = try row.string("date")
            return (
                day,
                OutcomeFact(
                    kind: try row.string("kind"), impact: row.optionalString("impact"),
                    commodity: row.optionalString("commodity"),
                    unit: row.optionalString("unit"), month: String(day.prefix(7)), count: try row.int("n"),
                    quantity: row.double("q"),
                    purityWeighted: row.double("pw"), purityQuantity: row.double("pq"))
            )
        }
    }

    /// Daily sums within a period, added up by month.
    static func monthly(_ sums: [(day: String, fact: OutcomeFact)], from: String, to: String) -> [OutcomeFact] {
        struct Key: Hashable { var kind: String, impact: String?, commodity: String?, unit: String?, month: String }
        var merged: [Key: OutcomeFact] = [:]
        for (day, fact) in sums where day >= from && day <= to {
            let key = Key(
                kind: fact.kind, impact: fact.impact, commodity: fact.commodity, unit: fact.unit, month: fact.month)
            if var found = merged[key] {
                found.count += fact.count
                found.quantity += fact.quantity
                found.purityWeighted += fact.purityWeighted
                found.purityQuantity += fact.purityQuantity
                merged[key] = found
            } else {
                merged[key] = fact
            }
        }
        return merged.values.sorted {
            ($0.month, $0.kind, $0.commodity ?? "") < ($1.month, $1.kind, $1.commodity ?? "")
        }
    }

    /// The routes on which seizures were made in each period.
    func seizureRoutes(_ scope: ReportScope, current: ReportPeriod, previous: ReportPeriod, viewer: Viewer) async throws
        -> [[String]]
    {
        let vis = Self.visible(viewer)
        let tables = Self.scopeTables(
            scope, period: ReportPeriod(name: "", from: previous.from, to: current.to), viewer: viewer)
        var found: [[String]] = [[], []]
        for row in try await db.query(
            """
            WITH \(tables.sql)
            SELECT DISTINCT route, CASE WHEN date >= ? THEN 0 ELSE 1 END AS period FROM intervention_outcomes
            WHERE kind = 'seizure' AND route IS NOT NULL AND date BETWEEN ? AND ? AND \(vis.sql) AND \(Self.inScope(scope))
            """, tables.binds + [.text(current.from), .text(previous.from), .text(current.to)] + vis.binds)
        {
            let period = try row.int("period")
            found[period].append(try row.string("route"))
        }
        return found.map { $0.sorted() }
    }

    /// Known organised criminals in the period, and how many were subject to action by the rule: an intervention
    /// in one of its categories completed in the period, or (when outcomes count) an outcome dated in it, on
    /// their Person of Interest record or on a group they belong to. Each group and person is one probe.
    func people(_ scope: ReportScope, period: ReportPeriod, viewer: Viewer, rule: ActionRule) async throws -> (
        known: Int, under: Int
    ) {
        let vis = Self.visible(viewer)
        let tables = Self.scopeTables(scope, period: period, viewer: viewer)
        let range: [SQLValue] = [.text(period.from), .text(period.to)]
        let categories = rule.categories.map { SQLValue.text($0.rawValue) }
        let marks = Array(repeating: "?", count: max(categories.count, 1)).joined(separator: ", ")
        let categoryBinds = categories.isEmpty ? [SQLValue.text("")] : categories
        let outcomeProbe =
            rule.outcomesCount
            ? """
             OR EXISTS (SELECT 1 FROM intervention_outcomes WHERE target_id = t.id AND date BETWEEN ? AND ? AND status <> 'cancelled'
                        AND category IN (\(marks)) AND \(vis.sql))
            """ : ""
        let poiScope = Self.scoped(scope) ? " AND subject_id IN (SELECT subject_id FROM members)" : ""
        let counted = try await db.query(
            """
            WITH \(tables.sql),
            people AS (SELECT id, subject_id FROM pois WHERE status = 'active' AND created_at <= ? AND \(vis.sql)\(poiScope)),
            acted AS (SELECT t.id AS target_id FROM (SELECT ocg_id AS id FROM members UNION SELECT id FROM people) t
                      WHERE EXISTS (SELECT 1 FROM interventions WHERE target_id = t.id AND status = 'completed' AND completed_on BETWEEN ? AND ?
                                    AND category IN (\(marks)) AND \(vis.sql))\(outcomeProbe)),
            known AS (SELECT subject_id FROM members UNION SELECT subject_id FROM people)
            SELECT (SELECT COUNT(*) FROM known) AS known,
                   (SELECT COUNT(*) FROM (SELECT subject_id FROM members WHERE ocg_id IN (SELECT target_id FROM acted)
                                          UNION SELECT subject_id FROM people WHERE id IN (SELECT target_id FROM acted)) x) AS under
            """,
            tables.binds + [SQLValue(AssetOrder.dateEnd(period.to))] + vis.binds + range + categoryBinds + vis.binds
                + (rule.outcomesCount ? range + categoryBinds + vis.binds : []))
        return (try counted.first?.int("known") ?? 0, try counted.first?.int("under") ?? 0)
    }

    /// Asset records made in the period by power, and their events in it by kind.
    func assetFacts(_ scope: ReportScope, period: ReportPeriod, viewer: Viewer) async throws -> (
        [String: AmountFact], [String: AmountFact]
    ) {
        let vis = Self.visible(viewer)
        let tables = Self.scopeTables(scope, period: period, viewer: viewer)
        var made: [String: AmountFact] = [:]
        var events: [String: AmountFact] = [:]
        for row in try await db.query(
            """
            WITH \(tables.sql)
            SELECT kind, COUNT(*) AS n, SUM(amount) AS total FROM asset_events
            WHERE date BETWEEN ? AND ? AND \(vis.sql) AND \(Self.inScope(scope, subjectColumn: "subject_id")) GROUP BY kind
            """, tables.binds + [.text(period.from), .text(period.to)] + vis.binds)
        {
            let kind = try row.string("kind")
            let fact = AmountFact(count: try row.int("n"), amount: row.double("total"))
            if kind.hasPrefix("made:") { made[String(kind.dropFirst(5))] = fact } else { events[kind] = fact }
        }
        return (made, events)
    }

    public func contributions(_ scope: ReportScope, viewer: Viewer) async throws -> [AgencyContribution] {
        let vis = Self.visible(viewer)
        let tables = Self.scopeTables(scope, period: scope.period, viewer: viewer)
        let range: [SQLValue] = [.text(scope.period.from), .text(scope.period.to)]
        var found: [AgencyID: AgencyContribution] = [:]
        func entry(_ id: String) -> AgencyID { AgencyID(id) }
        for row in try await db.query(
            """
            WITH \(tables.sql)
            SELECT owner_agency_id, COUNT(*) AS n FROM interventions
            WHERE status = 'completed' AND completed_on BETWEEN ? AND ? AND \(vis.sql) AND \(Self.inScope(scope)) GROUP BY owner_agency_id
            """, tables.binds + range + vis.binds)
        {
            let agency = entry(try row.string("owner_agency_id"))
            found[
                agency, default: AgencyContribution(agency: agency, interventions: 0, outcomes: 0, assetsCollected: 0)
            ].interventions = try row.int("n")
        }
        for row in try await db.query(
            """
            WITH \(tables.sql)
            SELECT owner_agency_id, COUNT(*) AS n FROM intervention_outcomes
            WHERE date BETWEEN ? AND ? AND \(vis.sql) AND \(Self.inScope(scope)) GROUP BY owner_agency_id
            """, tables.binds + range + vis.binds)
        {
            let agency = entry(try row.string("owner_agency_id"))
            found[
                agency, default: AgencyContribution(agency: agency, interventions: 0, outcomes: 0, assetsCollected: 0)
            ].outcomes = try row.int("n")
        }
        let receipts = AssetReceipt.kinds.sorted().map { SQLValue.text($0) }
        for row in try await db.query(
            """
            WITH \(tables.sql)
            SELECT owner_agency_id, SUM(amount) AS total FROM asset_events
            WHERE kind IN (?, ?, ?) AND date BETWEEN ? AND ? AND \(vis.sql) AND \(Self.inScope(scope, subjectColumn: "subject_id")) GROUP BY owner_agency_id
            """, tables.binds + receipts + range + vis.binds)
        {
            let agency = entry(try row.string("owner_agency_id"))
            found[
                agency, default: AgencyContribution(agency: agency, interventions: 0, outcomes: 0, assetsCollected: 0)
            ].assetsCollected = row.double("total")
        }
        return found.values.sorted {
            ($0.interventions, $0.outcomes, $0.agency.rawValue) > ($1.interventions, $1.outcomes, $1.agency.rawValue)
        }
    }

    public func places(_ scope: ReportScope, viewer: Viewer, limit: Int) async throws -> [PlaceCount] {
        let vis = Self.visible(viewer)
        let tables = Self.scopeTables(scope, period: scope.period, viewer: viewer)
        return try await db.query(
            """
            WITH \(tables.sql)
            SELECT place, kind, COUNT(*) AS n, SUM(quantity) AS q FROM intervention_outcomes
            WHERE kind IN ('safeguarded', 'seizure') AND place IS NOT NULL AND date BETWEEN ? AND ? AND \(vis.sql) AND \(Self.inScope(scope))
            GROUP BY place, kind ORDER BY COUNT(*) DESC, place LIMIT ?
            """, tables.binds + [.text(scope.period.from), .text(scope.period.to)] + vis.binds + [SQLValue(limit)]
        ).map { row in
            PlaceCount(
                place: try row.string("place"), kind: try row.string("kind"), count: try row.int("n"),
                quantity: row.double("q"))
        }
    }

    public func exploitedPeople(_ scope: ReportScope, viewer: Viewer) async throws -> Int {
        let tables = Self.scopeTables(scope, period: scope.period, viewer: viewer)
        return try await db.query(
            """
            WITH \(tables.sql)
            SELECT COUNT(DISTINCT subject_id) AS n FROM ocg_members WHERE role = 'exploited' AND ocg_id IN (SELECT ocg_id FROM members)
            """, tables.binds
        ).first?.int("n") ?? 0
    }

    public func personsOfInterest(_ scope: ReportScope, viewer: Viewer) async throws -> Int {
        let vis = Self.visible(viewer)
        let tables = Self.scopeTables(scope, period: scope.period, viewer: viewer)
        let poiScope = Self.scoped(scope) ? " AND subject_id IN (SELECT subject_id FROM members)" : ""
        return try await db.query(
            """
            WITH \(tables.sql)
            SELECT COUNT(*) AS n FROM pois WHERE status = 'active' AND \(vis.sql)\(poiScope)
            """, tables.binds + vis.binds
        ).first?.int("n") ?? 0
    }
}
