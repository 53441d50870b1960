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
    static func scopeTables(_ scope: ReportScope, period: ReportPeriod, viewer: Viewer) -> (sql: String, binds: [SQLValue]) {
        let vis = Self.visible(viewer)
        var conditions = [vis.sql], binds = vis.binds
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

    public func periodFacts(_ scope: ReportScope, period: ReportPeriod, viewer: Viewer, rule: ActionRule) async throws -> PeriodFacts {
        let vis = Self.visible(viewer)
        let tables = Self.scopeTables(scope, period: period, viewer: viewer)
        let range: [SQLValue] = [.text(period.from), .text(period.to)]
        var facts = PeriodFacts()

        facts.outcomes = try await db.query("""
            WITH \(tables.sql)
            SELECT kind, impact, commodity, unit, substr(date, 1, 7) AS month, COUNT(*) AS n, SUM(quantity) AS q,
                   SUM(CASE WHEN purity IS NULL THEN 0 ELSE quantity * purity END) AS pw, SUM(CASE WHEN purity IS NULL THEN 0 ELSE quantity END) AS pq
            FROM intervention_outcomes WHERE date BETWEEN ? AND ? AND \(vis.sql) AND \(Self.inScope(scope))
            GROUP BY kind, impact, commodity, unit, substr(date, 1, 7)
            """, tables.binds + range + vis.binds).map { row in
            OutcomeFact(kind: try row.string("kind"), impact: row.optionalString("impact"), commodity: row.optionalString("commodity"), unit: row.optionalString("unit"),
                        month: try row.string("month"), count: try row.int("n"), quantity: row.double("q"), purityWeighted: row.double("pw"), purityQuantity: row.double("pq"))
        }
        facts.routes = try await db.query("""
            WITH \(tables.sql)
            SELECT DISTINCT route FROM intervention_outcomes
            WHERE kind = 'seizure' AND route IS NOT NULL AND date BETWEEN ? AND ? AND \(vis.sql) AND \(Self.inScope(scope)) ORDER BY route
            """, tables.binds + range + vis.binds).map { try $0.string("route") }

        // Subject to action, by the rule: an intervention in one of its categories completed in the period, or
        // (when outcomes count) an outcome dated in it, on a PoI or on a group the person belongs to.
        let categories = rule.categories.map { SQLValue.text($0.rawValue) }
        let marks = Array(repeating: "?", count: max(categories.count, 1)).joined(separator: ", ")
        let outcomeTargets = rule.outcomesCount ? """
             UNION SELECT target_id FROM intervention_outcomes WHERE date BETWEEN ? AND ? AND \(vis.sql)
                AND id IN (SELECT id FROM interventions WHERE status <> 'cancelled' AND category IN (\(marks)))
            """ : ""
        let poiScope = Self.scoped(scope) ? " AND subject_id IN (SELECT subject_id FROM members)" : ""
        let end = AssetOrder.dateEnd(period.to)
        let counted = try await db.query("""
            WITH \(tables.sql),
            people AS (SELECT id, subject_id FROM pois WHERE status = 'active' AND created_at <= ? AND \(vis.sql)\(poiScope)),
            acted AS (SELECT target_id FROM interventions WHERE status = 'completed' AND completed_on BETWEEN ? AND ? AND category IN (\(marks)) AND \(vis.sql)
                      \(outcomeTargets)),
            known AS (SELECT subject_id FROM members UNION SELECT subject_id FROM people)
            SELECT (SELECT COUNT(*) FROM known) AS known,
                   (SELECT COUNT(*) FROM (SELECT subject_id FROM members WHERE ocg_id IN (SELECT target_id FROM acted)
                                          UNION SELECT subject_id FROM people WHERE id IN (SELECT target_id FROM acted)) x) AS under
            """, tables.binds + [SQLValue(end)] + vis.binds + range + categories + vis.binds
                + (rule.outcomesCount ? range + vis.binds + categories : []))
        facts.knownCriminals = try counted.first?.int("known") ?? 0
        facts.underAction = try counted.first?.int("under") ?? 0

        for row in try await db.query("""
            WITH \(tables.sql)
            SELECT kind, COUNT(*) AS n, SUM(amount) AS total FROM asset_events
            WHERE date BETWEEN ? AND ? AND \(vis.sql) AND \(Self.inScope(scope, subjectColumn: "subject_id")) GROUP BY kind
            """, tables.binds + range + vis.binds) {
            let kind = try row.string("kind"), fact = AmountFact(count: try row.int("n"), amount: row.double("total"))
            if kind.hasPrefix("made:") { facts.ordersMade[String(kind.dropFirst(5))] = fact } else { facts.assetEvents[kind] = fact }
        }
        return facts
    }

    public func contributions(_ scope: ReportScope, viewer: Viewer) async throws -> [AgencyContribution] {
        let vis = Self.visible(viewer)
        let tables = Self.scopeTables(scope, period: scope.period, viewer: viewer)
        let range: [SQLValue] = [.text(scope.period.from), .text(scope.period.to)]
        var found: [AgencyID: AgencyContribution] = [:]
        func entry(_ id: String) -> AgencyID { AgencyID(id) }
        for row in try await db.query("""
            WITH \(tables.sql)
            SELECT owner_agency_id, COUNT(*) AS n FROM interventions
            WHERE (due_date BETWEEN ? AND ? OR completed_on BETWEEN ? AND ?) AND \(vis.sql) AND \(Self.inScope(scope)) GROUP BY owner_agency_id
            """, tables.binds + range + range + vis.binds) {
            let agency = entry(try row.string("owner_agency_id"))
            found[agency, default: AgencyContribution(agency: agency, interventions: 0, outcomes: 0, assetsCollected: 0)].interventions = try row.int("n")
        }
        for row in try await db.query("""
            WITH \(tables.sql)
            SELECT owner_agency_id, COUNT(*) AS n FROM intervention_outcomes
            WHERE date BETWEEN ? AND ? AND \(vis.sql) AND \(Self.inScope(scope)) GROUP BY owner_agency_id
            """, tables.binds + range + vis.binds) {
            let agency = entry(try row.string("owner_agency_id"))
            found[agency, default: AgencyContribution(agency: agency, interventions: 0, outcomes: 0, assetsCollected: 0)].outcomes = try row.int("n")
        }
        let receipts = AssetReceipt.kinds.sorted().map { SQLValue.text($0) }
        for row in try await db.query("""
            WITH \(tables.sql)
            SELECT owner_agency_id, SUM(amount) AS total FROM asset_events
            WHERE kind IN (?, ?, ?) AND date BETWEEN ? AND ? AND \(vis.sql) AND \(Self.inScope(scope, subjectColumn: "subject_id")) GROUP BY owner_agency_id
            """, tables.binds + receipts + range + vis.binds) {
            let agency = entry(try row.string("owner_agency_id"))
            found[agency, default: AgencyContribution(agency: agency, interventions: 0, outcomes: 0, assetsCollected: 0)].assetsCollected = row.double("total")
        }
        return found.values.sorted { ($0.interventions, $0.outcomes, $0.agency.rawValue) > ($1.interventions, $1.outcomes, $1.agency.rawValue) }
    }

    public func places(_ scope: ReportScope, viewer: Viewer, limit: Int) async throws -> [PlaceCount] {
        let vis = Self.visible(viewer)
        let tables = Self.scopeTables(scope, period: scope.period, viewer: viewer)
        return try await db.query("""
            WITH \(tables.sql)
            SELECT place, kind, COUNT(*) AS n, SUM(quantity) AS q FROM intervention_outcomes
            WHERE kind IN ('safeguarded', 'seizure') AND place IS NOT NULL AND date BETWEEN ? AND ? AND \(vis.sql) AND \(Self.inScope(scope))
            GROUP BY place, kind ORDER BY COUNT(*) DESC, place LIMIT ?
            """, tables.binds + [.text(scope.period.from), .text(scope.period.to)] + vis.binds + [SQLValue(limit)]).map { row in
            PlaceCount(place: try row.string("place"), kind: try row.string("kind"), count: try row.int("n"), quantity: row.double("q"))
        }
    }

    public func exploitedPeople(_ scope: ReportScope, viewer: Viewer) async throws -> Int {
        let tables = Self.scopeTables(scope, period: scope.period, viewer: viewer)
        return try await db.query("""
            WITH \(tables.sql)
            SELECT COUNT(DISTINCT subject_id) AS n FROM ocg_members WHERE role = 'exploited' AND ocg_id IN (SELECT ocg_id FROM members)
            """, tables.binds).first?.int("n") ?? 0
    }
}
