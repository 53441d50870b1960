import Foundation
import LiaisonCore

@testable import LiaisonStore

/// The report sums counted in memory, straight from the records, with no fact tables: a second formulation of what
/// the databases' report queries count. The contract test that seeds the same records into both and compares what
/// they count (`ReportContractTests`) checks one against the other.
extension MemoryStore: ReportStore {
    /// The groups in scope the viewer may see, and their members in the period (subject, group).
    private struct Scope {
        var groups: Set<String>
        var members: [(subject: SubjectID, group: String)]
        var memberSubjects: Set<SubjectID>
        /// Persons of Interest on a member: a fact against them is in scope through the person's groups.
        var memberPOIs: Set<String>
        var narrowed: Bool

        /// Whether a fact against `target` (about `subject`, when it names one) counts in this scope.
        func holds(target: String, subject: SubjectID? = nil) -> Bool {
            guard narrowed else { return true }
            return groups.contains(target) || memberPOIs.contains(target)
                || subject.map(memberSubjects.contains) == true
        }
    }

    private func scope(_ scope: ReportScope, from: String, to: String, viewer: Viewer) -> Scope {
        let groups = ocgsByID.values.map(\.record).filter { group in
            Self.lists(group.meta, to: viewer)
                && scope.area.map(group.details.areas.contains) ?? true
                && scope.market.map(group.details.markets.contains) ?? true
        }
        let members = groups.flatMap { group in
            group.members.filter { m in m.from.map { $0 <= to } ?? true && m.to.map { $0 >= from } ?? true }
                .map { (subject: $0.subjectID, group: group.id.rawValue) }
        }
        let subjects = Set(members.map(\.subject))
        return Scope(
            groups: Set(groups.map(\.id.rawValue)), members: members, memberSubjects: subjects,
            memberPOIs: Set(poisByID.values.filter { subjects.contains($0.subjectID) }.map(\.id.rawValue)),
            narrowed: scope.area != nil || scope.market != nil)
    }

    /// Each visible outcome of each visible intervention, with the intervention it belongs to.
    private func outcomes(viewer: Viewer) -> [(intervention: Intervention, outcome: InterventionOutcome)] {
        interventionsByID.values.filter { Self.lists($0.meta, to: viewer) }
            .flatMap { i in i.outcomes.map { (i, $0) } }
    }

    /// Each visible asset record as the fact of its making (`made:<power>`) and one fact per event.
    private func assetFacts(viewer: Viewer) -> [(order: AssetOrder, kind: String, date: String, amount: Double?)] {
        assetOrdersByID.values.filter { Self.lists($0.meta, to: viewer) }
            .flatMap { o in
                [(o, "made:\(o.power.rawValue)", o.madeOn, Optional(o.amount))]
                    + o.events.map { (o, $0.kind, $0.date, $0.amount) }
            }
    }

    func reportFacts(_ scope: ReportScope, viewer: Viewer, rule: ActionRule) async throws -> (
        current: PeriodFacts, previous: PeriodFacts
    ) {
        let periods = [scope.period, scope.period.previous]
        let span = self.scope(scope, from: periods[1].from, to: periods[0].to, viewer: viewer)
        let outcomes = outcomes(viewer: viewer).filter { span.holds(target: $0.intervention.target.id) }
        var facts = [PeriodFacts(), PeriodFacts()]
        for (n, period) in periods.enumerated() {
            let inPeriod = outcomes.filter { $0.outcome.date >= period.from && $0.outcome.date <= period.to }
            facts[n].outcomes = Self.monthly(inPeriod.map(\.outcome))
            facts[n].routes = Set(inPeriod.filter { $0.outcome.kind == "seizure" }.compactMap(\.outcome.route)).sorted()
            (facts[n].knownCriminals, facts[n].underAction) = people(scope, period: period, viewer: viewer, rule: rule)
            let local = self.scope(scope, from: period.from, to: period.to, viewer: viewer)
            for fact in assetFacts(viewer: viewer)
            where fact.date >= period.from && fact.date <= period.to
                && local.holds(target: fact.order.target.id, subject: fact.order.subjectID)
            {
                let made = fact.kind.hasPrefix("made:")
                let key = made ? String(fact.kind.dropFirst(5)) : fact.kind
                var sum =
                    (made ? facts[n].ordersMade[key] : facts[n].assetEvents[key]) ?? AmountFact(count: 0, amount: 0)
                sum.count += 1
                sum.amount += fact.amount ?? 0
                if made { facts[n].ordersMade[key] = sum } else { facts[n].assetEvents[key] = sum }
            }
        }
        return (facts[0], facts[1])
    }

    /// Outcomes added up by kind, impact, commodity, unit and month.
    private static func monthly(_ outcomes: [InterventionOutcome]) -> [OutcomeFact] {
        let groups = Dictionary(grouping: outcomes) { o in
            [o.kind, o.impact ?? "\u{0}", o.commodity ?? "\u{0}", o.unit ?? "\u{0}", String(o.date.prefix(7))]
        }
        return groups.values.map { group in
            let o = group[0]
            let pure = group.filter { $0.purity != nil }
            return OutcomeFact(
                kind: o.kind, impact: o.impact, commodity: o.commodity, unit: o.unit, month: String(o.date.prefix(7)),
                count: group.count, quantity: group.map(\.quantity).reduce(0, +),
                purityWeighted: pure.map { $0.quantity * $0.purity! }.reduce(0, +),
                purityQuantity: pure.map(\.quantity).reduce(0, +))
        }
        .sorted { ($0.month, $0.kind, $0.commodity ?? "") < ($1.month, $1.kind, $1.commodity ?? "") }
    }

    /// Known organised criminals in the period (members of groups in scope, and active Persons of Interest made by
    /// its end), and how many of them were subject to action by the rule through their group or their PoI record.
    private func people(_ scope: ReportScope, period: ReportPeriod, viewer: Viewer, rule: ActionRule) -> (Int, Int) {
        let local = self.scope(scope, from: period.from, to: period.to, viewer: viewer)
        let end = AssetOrder.dateEnd(period.to) ?? .distantPast
        let people = poisByID.values.filter { poi in
            poi.status == "active" && poi.meta.createdAt <= end && Self.lists(poi.meta, to: viewer)
                && (!local.narrowed || local.memberSubjects.contains(poi.subjectID))
        }
        let categories = Set(rule.categories)
        let inPeriod = { (day: String?) in day.map { $0 >= period.from && $0 <= period.to } ?? false }
        var acted = Set(
            interventionsByID.values.filter { i in
                i.status == "completed" && inPeriod(i.completedOn) && categories.contains(i.category)
                    && Self.lists(i.meta, to: viewer)
            }
            .map(\.target.id))
        if rule.outcomesCount {
            acted.formUnion(
                outcomes(viewer: viewer).filter { fact in
                    inPeriod(fact.outcome.date) && fact.intervention.status != "cancelled"
                        && categories.contains(fact.intervention.category)
                }
                .map(\.intervention.target.id))
        }
        let known = Set(local.members.map(\.subject)).union(people.map(\.subjectID))
        let under = Set(local.members.filter { acted.contains($0.group) }.map(\.subject))
            .union(people.filter { acted.contains($0.id.rawValue) }.map(\.subjectID))
        return (known.count, under.count)
    }

    func contributions(_ scope: ReportScope, viewer: Viewer) async throws -> [AgencyContribution] {
        let period = scope.period
        let local = self.scope(scope, from: period.from, to: period.to, viewer: viewer)
        let within = { (day: String?) in day.map { $0 >= period.from && $0 <= period.to } ?? false }
        var found: [AgencyID: AgencyContribution] = [:]
        func add(_ agency: AgencyID, _ change: (inout AgencyContribution) -> Void) {
            change(
                &found[
                    agency,
                    default: AgencyContribution(agency: agency, interventions: 0, outcomes: 0, assetsCollected: 0)])
        }
        for i in interventionsByID.values
        where i.status == "completed" && within(i.completedOn) && Self.lists(i.meta, to: viewer)
            && local.holds(target: i.target.id)
        {
            add(i.meta.owningAgencyID) { $0.interventions += 1 }
        }
        for fact in outcomes(viewer: viewer)
        where within(fact.outcome.date) && local.holds(target: fact.intervention.target.id) {
            add(fact.intervention.meta.owningAgencyID) { $0.outcomes += 1 }
        }
        for fact in assetFacts(viewer: viewer)
        where AssetReceipt.kinds.contains(fact.kind) && within(fact.date)
            && local.holds(target: fact.order.target.id, subject: fact.order.subjectID)
        {
            add(fact.order.meta.owningAgencyID) { $0.assetsCollected += fact.amount ?? 0 }
        }
        return found.values.sorted {
            ($0.interventions, $0.outcomes, $0.agency.rawValue) > ($1.interventions, $1.outcomes, $1.agency.rawValue)
        }
    }

    func places(_ scope: ReportScope, viewer: Viewer, limit: Int) async throws -> [PlaceCount] {
        let period = scope.period
        let local = self.scope(scope, from: period.from, to: period.to, viewer: viewer)
        let facts = outcomes(viewer: viewer).filter { fact in
            let o = fact.outcome
            return ["safeguarded", "seizure"].contains(o.kind) && o.place != nil && o.date >= period.from
                && o.date <= period.to && local.holds(target: fact.intervention.target.id)
        }
        let counted = Dictionary(grouping: facts.map(\.outcome)) { [$0.place ?? "", $0.kind] }
        return Array(
            counted.map { key, group in
                PlaceCount(
                    place: key[0], kind: key[1], count: group.count, quantity: group.map(\.quantity).reduce(0, +))
            }
            .sorted { ($1.count, $0.place, $0.kind) < ($0.count, $1.place, $1.kind) }
            .prefix(limit))
    }

    func exploitedPeople(_ scope: ReportScope, viewer: Viewer) async throws -> Int {
        let local = self.scope(scope, from: scope.period.from, to: scope.period.to, viewer: viewer)
        let active = Set(local.members.map(\.group))
        return Set(
            ocgsByID.values.map(\.record).filter { active.contains($0.id.rawValue) }
                .flatMap { $0.members.filter { $0.role == "exploited" }.map(\.subjectID) }
        ).count
    }

    func personsOfInterest(_ scope: ReportScope, viewer: Viewer) async throws -> Int {
        let local = self.scope(scope, from: scope.period.from, to: scope.period.to, viewer: viewer)
        return poisByID.values.filter { poi in
            poi.status == "active" && Self.lists(poi.meta, to: viewer)
                && (!local.narrowed || local.memberSubjects.contains(poi.subjectID))
        }.count
    }
}
