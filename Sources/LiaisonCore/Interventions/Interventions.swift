import Foundation

/// The 4P framework's categories.
public enum FourP: String, Codable, Sendable, CaseIterable {
    case pursue, prevent, protect, prepare
}

/// What an intervention is aimed at: an organised crime group or a Person of Interest.
public struct InterventionTarget: Codable, Sendable, Equatable {
    /// `ocg` or `poi`.
    public var kind: String
    public var id: String

    public init(kind: String, id: String) {
        self.kind = kind
        self.id = id
    }
}

/// A result recorded against an intervention: an arrest, charge, conviction, seizure, order, prohibition notice,
/// vehicle removed or people safeguarded, with its quantity and, for seizures, commodity, purity, place and route;
/// and the disruption's impact level with a narrative.
public struct InterventionOutcome: Codable, Sendable, Equatable {
    public var id: Int
    /// Code from the `outcome-kind` reference list.
    public var kind: String
    /// yyyy-mm-dd.
    public var date: String
    public var quantity: Double
    public var unit: String?
    public var commodity: String?
    /// Percent, for drugs seized.
    public var purity: Double?
    public var place: String?
    public var route: String?
    /// Code from the `impact-level` reference list.
    public var impact: String?
    public var narrative: String
    public var recordedBy: String
    public var recordedAt: Date

    public init(
        id: Int, kind: String, date: String, quantity: Double, unit: String? = nil, commodity: String? = nil,
        purity: Double? = nil,
        place: String? = nil, route: String? = nil, impact: String? = nil, narrative: String, recordedBy: String,
        recordedAt: Date
    ) {
        self.id = id
        self.kind = kind
        self.date = date
        self.quantity = quantity
        self.unit = unit
        self.commodity = commodity
        self.purity = purity
        self.place = place
        self.route = route
        self.impact = impact
        self.narrative = narrative
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}

/// A planned intervention against a group or a Person of Interest under the 4P framework, with its outcomes.
public struct Intervention: Codable, Sendable, Identifiable {
    public static let statuses = ["planned", "in-progress", "completed", "cancelled"]

    public var id: InterventionID
    public var meta: RecordMeta
    public var target: InterventionTarget
    public var category: FourP
    /// Code from the `intervention-tactic` reference list.
    public var tactic: String
    public var partnerAgencies: [AgencyID]
    public var owner: String
    /// yyyy-mm-dd.
    public var dueDate: String
    public var status: String
    public var completedOn: String?
    /// The multi-agency operation it belongs to, by name.
    public var operation: String?
    public var description: String
    public var outcomes: [InterventionOutcome]

    public init(
        id: InterventionID = .make(), meta: RecordMeta, target: InterventionTarget, category: FourP, tactic: String,
        partnerAgencies: [AgencyID],
        owner: String, dueDate: String, status: String, completedOn: String? = nil, operation: String?,
        description: String,
        outcomes: [InterventionOutcome]
    ) {
        self.id = id
        self.meta = meta
        self.target = target
        self.category = category
        self.tactic = tactic
        self.partnerAgencies = partnerAgencies
        self.owner = owner
        self.dueDate = dueDate
        self.status = status
        self.completedOn = completedOn
        self.operation = operation
        self.description = description
        self.outcomes = outcomes
    }
}

public typealias InterventionID = ID<Intervention>

/// A new intervention.
public struct InterventionInput: Codable, Sendable {
    public var target: InterventionTarget
    public var category: String?
    public var tactic: String?
    /// Partner agencies by code.
    public var partners: [String]?
    public var owner: String?
    public var dueDate: String?
    public var operation: String?
    public var description: String?
    public var marking: ProtectiveMarking?
    /// The operation users must be briefed into to see it (need-to-know).
    public var needToKnow: String?

    public init(
        target: InterventionTarget, category: String?, tactic: String?, partners: [String]? = nil, owner: String? = nil,
        dueDate: String?, operation: String? = nil, description: String?, marking: ProtectiveMarking? = nil,
        needToKnow: String? = nil
    ) {
        self.needToKnow = needToKnow
        self.target = target
        self.category = category
        self.tactic = tactic
        self.partners = partners
        self.owner = owner
        self.dueDate = dueDate
        self.operation = operation
        self.description = description
        self.marking = marking
    }
}

/// An outcome as sent.
public struct OutcomeInput: Codable, Sendable {
    public var kind: String?
    public var date: String?
    public var quantity: Double?
    public var unit: String?
    public var commodity: String?
    public var purity: Double?
    public var place: String?
    public var route: String?
    public var impact: String?
    public var narrative: String?

    public init(
        kind: String?, date: String?, quantity: Double? = nil, unit: String? = nil, commodity: String? = nil,
        purity: Double? = nil,
        place: String? = nil, route: String? = nil, impact: String? = nil, narrative: String?
    ) {
        self.kind = kind
        self.date = date
        self.quantity = quantity
        self.unit = unit
        self.commodity = commodity
        self.purity = purity
        self.place = place
        self.route = route
        self.impact = impact
        self.narrative = narrative
    }
}

/// A step on an intervention: a new status (with the completion date), or an outcome; `version` is the one seen.
public struct InterventionStepInput: Codable, Sendable {
    public var version: Int?
    public var status: String?
    public var completedOn: String?
    public var outcome: OutcomeInput?

    public init(version: Int?, status: String? = nil, completedOn: String? = nil, outcome: OutcomeInput? = nil) {
        self.version = version
        self.status = status
        self.completedOn = completedOn
        self.outcome = outcome
    }
}

/// The "subject to action" rule, kept as data with a version: a group or Person of Interest was subject to action in
/// a period if an intervention against it was completed in the period, or (when `outcomesCount`) an outcome against
/// it is dated in the period, in one of the categories counted.
public struct ActionRule: Codable, Sendable, Equatable {
    public var version: Int
    public var effectiveFrom: String
    public var periodDays: Int
    public var categories: [FourP]
    public var outcomesCount: Bool

    public static let standard = ActionRule(
        version: 1, effectiveFrom: "2026-01-01", periodDays: 365, categories: FourP.allCases, outcomesCount: true)

    /// Whether the interventions put their target under action between `from` and `to` (yyyy-mm-dd, inclusive),
    /// and the intervention that did.
    public func decide(_ interventions: [Intervention], from: String, to: String) -> (
        subjectToAction: Bool, because: Intervention?
    ) {
        for i in interventions where categories.contains(i.category) && i.status != "cancelled" {
            if i.status == "completed", let done = i.completedOn, done >= from, done <= to { return (true, i) }
            if outcomesCount, i.outcomes.contains(where: { $0.date >= from && $0.date <= to }) { return (true, i) }
        }
        return (false, nil)
    }
}

/// A multi-agency operation: interventions by several agencies on one day or over a period, led by one agency,
/// with its own briefed members. Its name is the need-to-know briefing that opens the records marked with it.
public struct JointOperation: Codable, Sendable, Equatable {
    public var name: String
    public var description: String
    public var leadAgency: AgencyID
    public var partnerAgencies: [AgencyID]
    /// yyyy-mm-dd; the end is absent while it runs.
    public var startsOn: String
    public var endsOn: String?
    public var createdBy: String
    public var createdAt: Date
    public var version: Int

    public init(
        name: String, description: String, leadAgency: AgencyID, partnerAgencies: [AgencyID], startsOn: String,
        endsOn: String?,
        createdBy: String, createdAt: Date, version: Int = 1
    ) {
        self.name = name
        self.description = description
        self.leadAgency = leadAgency
        self.partnerAgencies = partnerAgencies
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.version = version
    }
}

/// A new operation.
public struct OperationInput: Codable, Sendable {
    public var name: String?
    public var description: String?
    /// Partner agencies by code.
    public var partners: [String]?
    public var startsOn: String?
    public var endsOn: String?

    public init(
        name: String?, description: String?, partners: [String]? = nil, startsOn: String?, endsOn: String? = nil
    ) {
        self.name = name
        self.description = description
        self.partners = partners
        self.startsOn = startsOn
        self.endsOn = endsOn
    }
}

/// Briefing a user into an operation, or withdrawing the briefing.
public struct BriefingInput: Codable, Sendable {
    public var username: String?
    public var briefed: Bool?

    public init(username: String?, briefed: Bool?) {
        self.username = username
        self.briefed = briefed
    }
}

/// One member briefed into an operation.
public struct BriefedMember: Codable, Sendable, Equatable {
    public var username: String
    public var displayName: String
    public var agency: AgencyID
}
