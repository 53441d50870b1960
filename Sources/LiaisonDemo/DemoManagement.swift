import Foundation
import LiaisonCore

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
        /// Published industry alerts, and the sectors each private-sector organisation receives.
        public var alerts: [IndustryAlert] = []
        public var audiences: [AgencyID: [String]] = [:]
        /// Graded intelligence reports about the managed people, linking their vehicles and businesses.
        public var intelligence: [IntelReport] = []

        public init(
            pois: [(PersonOfInterest, Assessment)], interventions: [Intervention], operation: JointOperation?,
            assets: [AssetOrder],
            alerts: [IndustryAlert] = [], audiences: [AgencyID: [String]] = [:]
        ) {
            self.pois = pois
            self.interventions = interventions
            self.operation = operation
            self.assets = assets
            self.alerts = alerts
            self.audiences = audiences
        }
    }

    public static let operation = "OPERATION SLATE"

    public static func generate(_ data: DemoDataset, pois count: Int, interventions: Int, seed: UInt64 = 11, now: Date)
        -> Output
    {
        var rng = SeededRandom(seed: seed)
        let officers = Dictionary(
            grouping: data.users.filter {
                !Set($0.roles).isDisjoint(with: [.intelligenceOfficer, .analyst, .supervisor])
            }, by: \.agencyID)
        var pois: [(PersonOfInterest, Assessment)] = []
        for subject in data.subjects where pois.count < count {
            guard let officer = officers[subject.meta.owningAgencyID].map({ rng.pick($0) }), rng.chance(0.3) else {
                continue
            }
            let assessedAt = now.addingTimeInterval(-Double(rng.int(1...300)) * 86_400)
            let ratings = Dictionary(
                uniqueKeysWithValues: ScoringMatrix.poiStandard.factors.map { ($0.code, rng.int(0...4)) })
            let id: POIID = rng.id()
            guard
                var assessment = try? Assessment.make(
                    kind: "poi", recordID: id.rawValue, ratings: ratings,
                    rationale: "Assessed from the intelligence picture",
                    matrix: .poiStandard, by: officer, at: assessedAt)
            else { continue }
            let assessmentID: POIID = rng.id()
            assessment.id = assessmentID.rawValue
            let lifetime = rng.chance(0.1)
            if lifetime {
                assessment.nextReviewDue = min(assessment.nextReviewDue, assessedAt.addingTimeInterval(90 * 86_400))
            }
            var meta = subject.meta
            meta.createdAt = assessedAt
            meta.updatedAt = assessedAt
            meta.createdBy = officer.id
            meta.updatedBy = officer.id
            meta.version = 2
            let poi = PersonOfInterest(
                id: id, meta: meta, subjectID: subject.id, owner: officer.username, tier: assessment.band,
                score: assessment.score,
                reviewDue: assessment.nextReviewDue, lifetimeManagement: lifetime)
            pois.append((poi, assessment))
        }
        let places = ["Salford", "Oldham", "Toxteth", "Moss Side", "Bootle", "Wythenshawe", "Hull docks", "Dover"]
        let routes = ["M62 corridor", "M6 north", "Liverpool–Bristol line", "Hull ferry", "Dover RoRo"]
        let tactics = [
            "arrest", "cash-seizure", "restraint", "scpo", "licensing", "immigration", "vehicle-seizure", "tenancy",
            "safeguarding", "prevent-young-people",
        ]
        var made: [Intervention] = []
        for (n, group) in data.ocgs.prefix(interventions).enumerated() {
            guard let officer = officers[group.meta.owningAgencyID].map({ rng.pick($0) }) else { continue }
            let due = now.addingTimeInterval(Double(rng.int(-200...60)) * 86_400)
            let day = InterventionService.day(due)
            let category = rng.pick(FourP.allCases)
            let interventionID: InterventionID = rng.id()
            var i = Intervention(
                id: interventionID, meta: group.meta, target: InterventionTarget(kind: "ocg", id: group.id.rawValue),
                category: category, tactic: rng.pick(tactics),
                partnerAgencies: Array(Set((0..<rng.int(0...3)).map { _ in rng.pick(data.agencies).id })).sorted(),
                owner: officer.username, dueDate: day, status: "planned", operation: n % 4 == 0 ? operation : nil,
                description: "Synthetic demo intervention", outcomes: [])
            i.meta.createdBy = officer.id
            if due < now {
                i.status = rng.chance(0.8) ? "completed" : "cancelled"
                if i.status == "completed" {
                    i.completedOn = day
                    i.outcomes.append(
                        InterventionOutcome(
                            id: 1, kind: "arrest", date: day, quantity: Double(rng.int(1...6)), narrative: "",
                            recordedBy: officer.username, recordedAt: due))
                    if rng.chance(0.5) {
                        i.outcomes.append(
                            InterventionOutcome(
                                id: 2, kind: "seizure", date: day, quantity: Double(rng.int(1...40)) / 4, unit: "kg",
                                commodity: rng.pick(["cocaine", "heroin", "cannabis"]),
                                purity: Double(rng.int(20...90)),
                                place: rng.pick(places), route: rng.pick(routes),
                                impact: rng.pick(["major", "moderate", "minor"]), narrative: "Found at a stash address",
                                recordedBy: officer.username, recordedAt: due))
                    }
                    if rng.chance(0.2) {
                        i.outcomes.append(
                            InterventionOutcome(
                                id: 3, kind: "safeguarded", date: day, quantity: Double(rng.int(1...4)),
                                place: rng.pick(places),
                                narrative: "Exploited young people referred for support", recordedBy: officer.username,
                                recordedAt: due))
                    }
                }
            }
            made.append(i)
        }
        let lead = data.agencies.first { $0.code == "NCA" } ?? data.agencies[0]
        let record = JointOperation(
            name: operation,
            description: "Coordinated day of action against county lines supply into the north-west, through GAIN",
            leadAgency: lead.id,
            partnerAgencies: data.agencies.filter { $0.id != lead.id }.prefix(12).map(\.id).sorted(),
            startsOn: InterventionService.day(now.addingTimeInterval(-200 * 86_400)), endsOn: nil,
            createdBy: data.users.first { $0.agencyID == lead.id && $0.roles.contains(.supervisor) }?.username
                ?? "admin", createdAt: now)
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
            var order = AssetOrder(
                id: orderID, meta: meta, target: AssetTarget(kind: "subject", id: poi.subjectID.rawValue),
                subjectID: poi.subjectID, power: power,
                court: rng.pick([
                    "Manchester Crown Court", "Liverpool Crown Court", "Southwark Crown Court",
                    "Westminster Magistrates' Court",
                ]),
                reference: power == .confiscation ? "T\(2025_0000 + n)" : "", madeOn: day, amount: amount,
                confiscation: power == .confiscation
                    ? ConfiscationTerms(
                        benefit: amount * 3, available: amount, compensation: amount / 10,
                        timeToPay: InterventionService.day(made.addingTimeInterval(90 * 86_400)),
                        defaultSentenceMonths: 18) : nil,
                agencies: [AgencyPart(agency: poi.meta.owningAgencyID, role: "investigation")],
                status: power.initialStatus, events: [])
            let later = InterventionService.day(made.addingTimeInterval(20 * 86_400))
            switch power {
            case .confiscation:
                order.events.append(
                    AssetEvent(
                        id: 1, kind: "payment", date: later, amount: (amount / 2).rounded(),
                        recordedBy: officer.username, recordedAt: made))
            case .cashSeizure:
                order.events.append(
                    AssetEvent(
                        id: 1, kind: "detention", date: day,
                        until: InterventionService.day(made.addingTimeInterval(90 * 86_400)),
                        recordedBy: officer.username, recordedAt: made))
                order.events.append(
                    AssetEvent(
                        id: 2, kind: "forfeited", date: later, amount: amount, recordedBy: officer.username,
                        recordedAt: made))
                order.status = "forfeited"
            case .accountFreezing:
                order.events.append(
                    AssetEvent(
                        id: 1, kind: "forfeited", date: later, amount: amount, recordedBy: officer.username,
                        recordedAt: made))
                order.status = "forfeited"
            default: break
            }
            assets.append(order)
        }
        let (alerts, audiences) = industryAlerts(data, now: now)
        var output = Output(
            pois: pois, interventions: made, operation: record, assets: assets, alerts: alerts, audiences: audiences)
        output.intelligence = intelligence(data, about: pois.map(\.0.subjectID), now: now)
        return output
    }

    /// A report on each of the first people managed (at most 40), written by an intelligence officer of the agency
    /// holding the subject, at its marking: graded, on the record or awaiting assessment, linking the subject, a
    /// vehicle (registrations in the current format, generated) and, for some, a business fronting for them.
    static func intelligence(_ data: DemoDataset, about subjectIDs: [SubjectID], now: Date) -> [IntelReport] {
        var rng = SeededRandom(seed: 23)
        let subjects = Dictionary(uniqueKeysWithValues: data.subjects.map { ($0.id, $0) })
        let activities = [
            "collects cash from an address in", "was seen meeting couriers in", "runs a phone line from",
            "moves cash through a business in",
            "recruits young people near the station in", "stores cannabis at a unit in",
        ]
        let letters = Array("ABCDEFGHJKLMNOPRSTUVWXY")
        var reports: [IntelReport] = []
        for id in subjectIDs.prefix(40) {
            guard let subject = subjects[id], let name = subject.details.primaryName,
                let author = data.users.first(where: {
                    $0.agencyID == subject.meta.owningAgencyID && $0.has(.intelligenceOfficer)
                })
                    ?? data.users.first(where: { $0.agencyID == subject.meta.owningAgencyID && $0.has(.analyst) })
            else { continue }
            let town = subject.details.addresses.first?.town ?? rng.pick(DemoData.towns).town
            let vehicle =
                "\(rng.pick(letters))\(rng.pick(letters))\(rng.int(51...74)) \(rng.pick(letters))\(rng.pick(letters))\(rng.pick(letters))"
            var links = [IntelLink(kind: "subject", value: id.rawValue), IntelLink(kind: "vehicle", value: vehicle)]
            var text = "\(name.full) \(rng.pick(activities)) \(town), driving \(vehicle)."
            if rng.chance(0.4) {
                let company =
                    "\(rng.pick(DemoData.groupWords.0)) \(rng.pick(["Hand Car Wash", "Vape and Phone Repairs", "Lettings", "Nail Bar", "Logistics"])) Ltd"
                links.append(IntelLink(kind: "company", value: company))
                text += " Cash is banked through \(company)."
            }
            let infoDate = InterventionService.day(now.addingTimeInterval(-Double(rng.int(5...300)) * 86_400))
            let recorded = rng.chance(0.7)
            let at = now.addingTimeInterval(-Double(rng.int(1...4)) * 86_400)
            let report = IntelReport(
                id: rng.id(),
                meta: RecordMeta(
                    owningAgencyID: subject.meta.owningAgencyID, marking: subject.meta.marking,
                    sharing: Sharing(withAll: false), needToKnow: subject.meta.needToKnow,
                    createdAt: at, createdBy: author.id),
                text: text, infoDate: infoDate, place: town,
                source: IntelSource(kind: rng.pick(["agency", "partner"]), description: "Surveillance log"),
                links: links,
                grading: IntelGrading(
                    source: rng.pick([.reliable, .untested]), assessment: rng.pick([.a, .b, .c]),
                    handling: HandlingCode(.p)),
                legacyGrading: nil, status: recorded ? "recorded" : "submitted", reviewDate: nil, sanitised: [],
                disseminations: [],
                history: [IntelStep(status: "submitted", by: author.username, at: at, note: "")], withheld: [])
            reports.append(report)
        }
        return reports
    }

    /// Two published alerts from the NCA for banks and payment firms, with indicators in ranges reserved for
    /// documentation (example domains, 192.0.2.0/24, Ofcom's drama numbers); the demo bank receives them.
    static func industryAlerts(_ data: DemoDataset, now: Date) -> (
        alerts: [IndustryAlert], audiences: [AgencyID: [String]]
    ) {
        guard let nca = data.agencies.first(where: { $0.code == "NCA" }) else { return ([], [:]) }
        var rng = SeededRandom(seed: 8)
        let expires = InterventionService.day(now.addingTimeInterval(120 * 86_400))
        let published = now.addingTimeInterval(-3 * 86_400)
        let mules = IndustryAlert(
            id: rng.id(), issuer: nca.id, issuerCode: nca.code,
            title: "Money mule accounts fed by rapid third-party transfers",
            category: "suspicious-financial-activity",
            summary:
                "Organised crime groups are recruiting students and recent arrivals to open current accounts that receive many small transfers from unrelated payers within hours of opening, then forward the funds in round sums to payment firms.",
            guidance:
                "Review new accounts with more than ten inbound payers in the first week. Report suspicion through a suspicious activity report citing this alert.",
            indicators: [
                AlertIndicator(kind: "email", value: "jobs-desk@example.net", note: "recruitment approach"),
                AlertIndicator(kind: "domain", value: "quick-payroll.example.org"),
                AlertIndicator(kind: "ipv4", value: "192.0.2.44"),
                AlertIndicator(kind: "phone", value: "07700 900418"),
            ],
            sectors: ["banking", "building-society", "payments"], marking: ProtectiveMarking(.officialSensitive),
            expiresOn: expires, status: .published,
            createdBy: "nca.intel", createdAt: published.addingTimeInterval(-86_400), publishedBy: "nca.supervisor",
            publishedAt: published)
        let documents = IndustryAlert(
            id: rng.id(), issuer: nca.id, issuerCode: nca.code, title: "Forged residence permits used to open accounts",
            category: "forged-identity-documents",
            summary:
                "High-quality forged biometric residence permits are being presented to open accounts remotely. The forgeries share a misaligned chip window and a repeated document number series.",
            guidance:
                "Ask for a second document when the permit number begins with the series below, and check the holder's image against the chip.",
            indicators: [
                AlertIndicator(kind: "document", value: "ZX9000000–ZX9009999", note: "permit number series"),
                AlertIndicator(kind: "url", value: "https://docs-verify.example.com/upload"),
            ],
            sectors: ["banking", "money-services"], marking: .official, expiresOn: expires, status: .published,
            createdBy: "nca.intel", createdAt: published, publishedBy: "nca.supervisor",
            publishedAt: published.addingTimeInterval(3_600))
        var audiences: [AgencyID: [String]] = [:]
        for agency in data.agencies where agency.type == "private-sector" {
            audiences[agency.id] = ["banking", "payments"]
        }
        return ([mules, documents], audiences)
    }
}
