import Foundation

/// Synthetic risk management over a demo dataset: Persons of Interest adopted by the agencies holding their
/// subjects, each assessed against the PoI matrix (some now overdue), and 4P interventions against groups with
/// outcomes, several in one multi-agency operation. Deterministic from the seed.
public enum DemoManagement {
    public struct Output: Sendable {
        public var pois: [(PersonOfInterest, Assessment)]
        public var interventions: [Intervention]
        /// The multi-agency operation several interventions are planned under, led by the NCA with a dozen partners.
        public var operation: JointOperation?
        /// Restraint, confiscation and cash seizures against the people managed, with payments and forfeitures.
        public var assets: [AssetOrder] = []

        public init(pois: [(PersonOfInterest, Assessment)], interventions: [Intervention], operation: JointOperation?, assets: [AssetOrder]) {
            self.pois = pois
            self.interventions = interventions
            self.operation = operation
            self.assets = assets
        }
    }

    public static let operation = "OPERATION SLATE"

    public static func generate(_ data: DemoDataset, pois count: Int, interventions: Int, seed: UInt64 = 11, now: Date) -> Output {
        var rng = SeededRandom(seed: seed)
        let officers = Dictionary(grouping: data.users.filter { !Set($0.roles).isDisjoint(with: [.intelligenceOfficer, .analyst, .supervisor]) }, by: \.agencyID)
        var pois: [(PersonOfInterest, Assessment)] = []
        for subject in data.subjects where pois.count < count {
            guard let officer = officers[subject.meta.owningAgencyID].map({ rng.pick($0) }), rng.chance(0.3) else { continue }
            let assessedAt = now.addingTimeInterval(-Double(rng.int(1...300)) * 86_400)
            let ratings = Dictionary(uniqueKeysWithValues: ScoringMatrix.poiStandard.factors.map { ($0.code, rng.int(0...4)) })
            let id: POIID = rng.id()
            guard var assessment = try? Assessment.make(kind: "poi", recordID: id.rawValue, ratings: ratings, rationale: "Assessed from the intelligence picture",
                                                      matrix: .poiStandard, by: officer, at: assessedAt) else { continue }
            let assessmentID: POIID = rng.id()
            assessment.id = assessmentID.rawValue
            let lifetime = rng.chance(0.1)
            if lifetime { assessment.nextReviewDue = min(assessment.nextReviewDue, assessedAt.addingTimeInterval(90 * 86_400)) }
            var meta = subject.meta
            meta.createdAt = assessedAt
            meta.updatedAt = assessedAt
            meta.createdBy = officer.id
            meta.updatedBy = officer.id
            meta.version = 2
            let poi = PersonOfInterest(id: id, meta: meta, subjectID: subject.id, owner: officer.username, tier: assessment.band, score: assessment.score,
                                       reviewDue: assessment.nextReviewDue, lifetimeManagement: lifetime)
            pois.append((poi, assessment))
        }
        let places = ["Salford", "Oldham", "Toxteth", "Moss Side", "Bootle", "Wythenshawe", "Hull docks", "Dover"]
        let routes = ["M62 corridor", "M6 north", "Liverpool–Bristol line", "Hull ferry", "Dover RoRo"]
        let tactics = ["arrest", "cash-seizure", "restraint", "scpo", "licensing", "immigration", "vehicle-seizure", "tenancy", "safeguarding", "prevent-young-people"]
        var made: [Intervention] = []
        for (n, group) in data.ocgs.prefix(interventions).enumerated() {
            guard let officer = officers[group.meta.owningAgencyID].map({ rng.pick($0) }) else { continue }
            let due = now.addingTimeInterval(Double(rng.int(-200...60)) * 86_400)
            let day = InterventionService.day(due)
            let category = rng.pick(FourP.allCases)
            let interventionID: InterventionID = rng.id()
            var i = Intervention(id: interventionID, meta: group.meta, target: InterventionTarget(kind: "ocg", id: group.id.rawValue),
                                 category: category, tactic: rng.pick(tactics),
                                 partnerAgencies: Array(Set((0..<rng.int(0...3)).map { _ in rng.pick(data.agencies).id })).sorted(),
                                 owner: officer.username, dueDate: day, status: "planned", operation: n % 4 == 0 ? operation : nil,
                                 description: "Synthetic demo intervention", outcomes: [])
            i.meta.createdBy = officer.id
            if due < now {
                i.status = rng.chance(0.8) ? "completed" : "cancelled"
                if i.status == "completed" {
                    i.completedOn = day
                    i.outcomes.append(InterventionOutcome(id: 1, kind: "arrest", date: day, quantity: Double(rng.int(1...6)), narrative: "",
                                                          recordedBy: officer.username, recordedAt: due))
                    if rng.chance(0.5) {
                        i.outcomes.append(InterventionOutcome(id: 2, kind: "seizure", date: day, quantity: Double(rng.int(1...40)) / 4, unit: "kg",
                                                              commodity: rng.pick(["cocaine", "heroin", "cannabis"]), purity: Double(rng.int(20...90)),
                                                              place: rng.pick(places), route: rng.pick(routes),
                                                              impact: rng.pick(["major", "moderate", "minor"]), narrative: "Found at a stash address",
                                                              recordedBy: officer.username, recordedAt: due))
                    }
                    if rng.chance(0.2) {
                        i.outcomes.append(InterventionOutcome(id: 3, kind: "safeguarded", date: day, quantity: Double(rng.int(1...4)), place: rng.pick(places),
                                                              narrative: "Exploited young people referred for support", recordedBy: officer.username, recordedAt: due))
                    }
                }
            }
            made.append(i)
        }
        let lead = data.agencies.first { $0.code == "NCA" } ?? data.agencies[0]
        let record = JointOperation(name: operation, description: "Coordinated day of action against county lines supply into the north-west, through GAIN",
                               leadAgency: lead.id, partnerAgencies: data.agencies.filter { $0.id != lead.id }.prefix(12).map(\.id).sorted(),
                               startsOn: InterventionService.day(now.addingTimeInterval(-200 * 86_400)), endsOn: nil,
                               createdBy: data.users.first { $0.agencyID == lead.id && $0.roles.contains(.supervisor) }?.username ?? "admin", createdAt: now)
        var assets: [AssetOrder] = []
        for (n, (poi, _)) in pois.prefix(max(pois.count / 2, 0)).enumerated() {
            guard let officer = officers[poi.meta.owningAgencyID].map({ rng.pick($0) }) else { continue }
            let made = now.addingTimeInterval(-Double(rng.int(30...400)) * 86_400)
            let day = InterventionService.day(made)
            var meta = poi.meta
            meta.createdAt = made
            meta.createdBy = officer.id
            meta.version = 1
            let power = [AssetPower.restraint, .confiscation, .cashSeizure, .accountFreezing][n % 4]
            let amount = Double(rng.int(2...400)) * 500
            let orderID: AssetOrderID = rng.id()
            var order = AssetOrder(id: orderID, meta: meta, target: AssetTarget(kind: "subject", id: poi.subjectID.rawValue), subjectID: poi.subjectID, power: power,
                                   court: rng.pick(["Manchester Crown Court", "Liverpool Crown Court", "Southwark Crown Court", "Westminster Magistrates' Court"]),
                                   reference: power == .confiscation ? "T\(2025_0000 + n)" : "", madeOn: day, amount: amount,
                                   confiscation: power == .confiscation ? ConfiscationTerms(benefit: amount * 3, available: amount, compensation: amount / 10,
                                                                                             timeToPay: InterventionService.day(made.addingTimeInterval(90 * 86_400)),
                                                                                             defaultSentenceMonths: 18) : nil,
                                   agencies: [AgencyPart(agency: poi.meta.owningAgencyID, role: "investigation")], status: power.initialStatus, events: [])
            let later = InterventionService.day(made.addingTimeInterval(20 * 86_400))
            switch power {
            case .confiscation:
                order.events.append(AssetEvent(id: 1, kind: "payment", date: later, amount: (amount / 2).rounded(), recordedBy: officer.username, recordedAt: made))
            case .cashSeizure:
                order.events.append(AssetEvent(id: 1, kind: "detention", date: day, until: InterventionService.day(made.addingTimeInterval(90 * 86_400)),
                                               recordedBy: officer.username, recordedAt: made))
                order.events.append(AssetEvent(id: 2, kind: "forfeited", date: later, amount: amount, recordedBy: officer.username, recordedAt: made))
                order.status = "forfeited"
            case .accountFreezing:
                order.events.append(AssetEvent(id: 1, kind: "forfeited", date: later, amount: amount, recordedBy: officer.username, recordedAt: made))
                order.status = "forfeited"
            default: break
            }
            assets.append(order)
        }
        return Output(pois: pois, interventions: made, operation: record, assets: assets)
    }
}
