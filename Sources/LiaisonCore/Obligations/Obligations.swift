import Foundation

/// A partner agency's registered interest in a case, shown on the case as a special condition.
public struct CaseInterest: Codable, Sendable, Equatable, Identifiable {
    /// How the interest reached Liaison: the partner registered it itself, or a caseworker recorded an email.
    public enum Channel: String, Codable, Sendable { case api, email }

    public var id: Int
    public var agencyID: AgencyID
    public var agencyCode: String
    public var reason: String
    /// Confiscation proceedings or an order the partner holds against the offender, if any.
    public var confiscation: String?
    /// The partner's contact point for the case.
    public var contact: String
    public var via: Channel
    public var registeredAt: Date
    public var registeredBy: String
    public var withdrawnAt: Date?

    public init(
        id: Int, agencyID: AgencyID, agencyCode: String, reason: String, confiscation: String? = nil, contact: String,
        via: Channel,
        registeredAt: Date, registeredBy: String, withdrawnAt: Date? = nil
    ) {
        self.id = id
        self.agencyID = agencyID
        self.agencyCode = agencyCode
        self.reason = reason
        self.confiscation = confiscation
        self.contact = contact
        self.via = via
        self.registeredAt = registeredAt
        self.registeredBy = registeredBy
        self.withdrawnAt = withdrawnAt
    }

    public var isActive: Bool { withdrawnAt == nil }
}

/// A partner agency's interest in a person: it becomes a special condition on every case for them, open or to come.
public struct SubjectInterest: Codable, Sendable, Equatable {
    public var subjectID: SubjectID
    public var agencyID: AgencyID
    public var agencyCode: String
    public var reason: String
    public var confiscation: String?
    public var contact: String
    public var via: CaseInterest.Channel
    public var registeredAt: Date
    public var registeredBy: String
}

/// Minute sheet ICD.4353 on the Home Office file: attached by the workflow team, or requested from the team holding
/// the file and tracked until that team confirms it is attached.
public struct MinuteSheet: Codable, Sendable, Equatable {
    public enum State: String, Codable, Sendable { case attached, requested }
    public var state: State
    /// The team asked to attach it, when the file is elsewhere.
    public var requestedFrom: String?
    public var requestedAt: Date?
    public var attachedAt: Date?
    public var by: String
}

/// A new interest: which agency (by code; your own when you register for yourself), why, any confiscation
/// proceedings, and the contact point.
public struct InterestInput: Codable, Sendable {
    public var version: Int?
    public var agencyCode: String?
    public var reason: String?
    public var confiscation: String?
    public var contact: String?

    public init(
        version: Int?, agencyCode: String? = nil, reason: String? = nil, confiscation: String? = nil,
        contact: String? = nil
    ) {
        self.version = version
        self.agencyCode = agencyCode
        self.reason = reason
        self.confiscation = confiscation
        self.contact = contact
    }
}

/// A duty to tell an interested agency about something that happened on a case, by a time. It is met when the
/// agency acknowledges it (a consultation, when the agency answers); until then it can become overdue and escalate.
public struct Obligation: Codable, Sendable, Equatable, Identifiable {
    /// `superseded`: overtaken before it was met (removal details replaced by new removal directions); it no longer
    /// falls due or escalates.
    public enum Status: String, Codable, Sendable, CaseIterable { case open, acknowledged, superseded }

    public var id: String
    public var caseID: CaseID
    /// The case's Home Office reference.
    public var reference: String
    public var agencyID: AgencyID
    public var agencyCode: String
    /// What happened: a milestone's code, `case-owner-details`, `removal-details` or `consultation`.
    public var event: String
    /// The message sent: what happened, and what the agency needs to know.
    public var summary: String
    public var createdAt: Date
    public var dueBy: Date
    public var status: Status
    /// The case owner, or nil while the workflow team holds the case: the team the obligation belongs to.
    public var owner: String?
    public var acknowledgedAt: Date?
    public var acknowledgedBy: String?
    public var reply: String?
    /// 0 while on time; 1 once escalated to a senior caseworker; 2 once escalated to the criminal casework process team.
    public var escalation: Int
    public var escalatedAt: Date?
    public var rulesVersion: Int

    public init(
        id: String, caseID: CaseID, agencyID: AgencyID, agencyCode: String, event: String, summary: String,
        createdAt: Date, dueBy: Date,
        status: Status, owner: String?, acknowledgedAt: Date? = nil, acknowledgedBy: String? = nil,
        reply: String? = nil,
        escalation: Int, escalatedAt: Date? = nil, rulesVersion: Int, reference: String = ""
    ) {
        self.id = id
        self.caseID = caseID
        self.reference = reference
        self.agencyID = agencyID
        self.agencyCode = agencyCode
        self.event = event
        self.summary = summary
        self.createdAt = createdAt
        self.dueBy = dueBy
        self.status = status
        self.owner = owner
        self.acknowledgedAt = acknowledgedAt
        self.acknowledgedBy = acknowledgedBy
        self.reply = reply
        self.escalation = escalation
        self.escalatedAt = escalatedAt
        self.rulesVersion = rulesVersion
    }

    public func isOverdue(at time: Date) -> Bool { status == .open && dueBy < time }

    public static let escalationTargets = ["", "senior caseworker", "criminal casework process team"]

    /// What a notice is about, in words: "case-owner-details" is "Case owner's details".
    public static func eventName(_ event: String) -> String {
        switch event {
        case "case-owner-details": "Case owner's details"
        case "removal-details": "Removal details"
        case "consultation": "Consultation before a decision not to deport"
        default: event.prefix(1).uppercased() + event.dropFirst().replacingOccurrences(of: "-", with: " ")
        }
    }
}

/// What an interested agency sends back: an acknowledgement, and optionally what it holds (identity or nationality
/// documents, confiscation order details), which lands on the case.
public struct AcknowledgementInput: Codable, Sendable {
    public var reply: String?
    public init(reply: String? = nil) { self.reply = reply }
}

/// One rule: when `on` happens on a case with interest, tell each interested agency `send`, due within
/// `dueWithinHours` (and, for a removal, at least `beforeRemovalHours` before the removal date).
public struct ObligationRule: Codable, Sendable, Equatable {
    /// A milestone's code, `allocated`, `interest-registered` or `consultation-requested`.
    public var on: String
    public var send: String
    public var dueWithinHours: Int
    public var beforeRemovalHours: Int?
    /// Only once the case has an owner (whose details are sent).
    public var needsOwner: Bool

    public init(on: String, send: String, dueWithinHours: Int, beforeRemovalHours: Int? = nil, needsOwner: Bool = false)
    {
        self.on = on
        self.send = send
        self.dueWithinHours = dueWithinHours
        self.beforeRemovalHours = beforeRemovalHours
        self.needsOwner = needsOwner
    }
}

/// The notification rules, kept as data with a version and the date they take effect.
public struct ObligationRules: Codable, Sendable, Equatable {
    public var version: Int
    public var effectiveFrom: String
    public var rules: [ObligationRule]
    /// Hours after the due time at which an open obligation escalates to each level (senior caseworker, then the
    /// criminal casework process team).
    public var escalateAfterHours: [Int]

    public static let standard: ObligationRules = {
        var rules = CaseMilestone.allCases.filter { $0 != .removalDirectionsSet }.map {
            ObligationRule(on: $0.rawValue, send: $0.rawValue, dueWithinHours: 24)
        }
        rules.append(
            ObligationRule(
                on: CaseMilestone.removalDirectionsSet.rawValue, send: "removal-details", dueWithinHours: 24,
                beforeRemovalHours: 72))
        rules.append(ObligationRule(on: "allocated", send: "case-owner-details", dueWithinHours: 1))
        rules.append(
            ObligationRule(on: "interest-registered", send: "case-owner-details", dueWithinHours: 1, needsOwner: true))
        rules.append(ObligationRule(on: "consultation-requested", send: "consultation", dueWithinHours: 120))
        return ObligationRules(version: 1, effectiveFrom: "2026-01-01", rules: rules, escalateAfterHours: [0, 24])
    }()
}

/// Turns what happened on a case into obligations, and watches them: pure, no I/O.
public enum ObligationEngine {
    /// The obligations that `events` (the last recorded on `deportationCase`) give rise to, one per rule and interested
    /// agency. An event naming an `agency` in its details concerns that agency only.
    public static func derive(
        _ events: [CaseEvent], on deportationCase: DeportationCase, subjectName: String, ownerContact: String?,
        rules: ObligationRules = .standard
    ) -> [Obligation] {
        let interests = deportationCase.interests.filter(\.isActive)
        guard !interests.isEmpty else { return [] }
        var made: [Obligation] = []
        // Events are the last ones recorded on the case: their position there makes each obligation's ID unique.
        let first = deportationCase.progress.events.count - events.count
        for (offset, event) in events.enumerated() {
            for rule in rules.rules where rule.on == event.kind {
                if rule.needsOwner && deportationCase.owner == nil { continue }
                var due = event.at.addingTimeInterval(Double(rule.dueWithinHours) * 3600)
                if let before = rule.beforeRemovalHours, let removal = deportationCase.progress.removal {
                    due = max(event.at, min(due, removal.date.addingTimeInterval(-Double(before) * 3600)))
                }
                for interest in interests
                where event.details["agency"].map({ $0 == interest.agencyID.rawValue }) ?? true {
                    made.append(
                        Obligation(
                            id: "\(deportationCase.id.rawValue):\(first + offset):\(rule.send):\(interest.agencyCode)",
                            caseID: deportationCase.id, agencyID: interest.agencyID, agencyCode: interest.agencyCode,
                            event: rule.send,
                            summary: summary(
                                rule.send, event: event, on: deportationCase, subjectName: subjectName,
                                ownerContact: ownerContact),
                            createdAt: event.at, dueBy: due, status: .open, owner: deportationCase.owner, escalation: 0,
                            rulesVersion: rules.version,
                            reference: deportationCase.homeOfficeReference))
                }
            }
        }
        return made
    }

    static func summary(
        _ send: String, event: CaseEvent, on c: DeportationCase, subjectName: String, ownerContact: String?
    ) -> String {
        var lines = ["Case \(c.homeOfficeReference): \(subjectName)"]
        switch send {
        case "case-owner-details":
            lines.append("Case owner: \(ownerContact ?? "unallocated (held by the workflow team)")")
            lines.append(
                "Progress: stage \(c.progress.stage?.rawValue ?? "new"), \(c.progress.openBarriers.count) open barrier(s)"
            )
        case "removal-details":
            if let removal = c.progress.removal {
                lines.append(
                    "Removal on \(DateFormats.instant(removal.date)) by \(removal.route) to \(removal.destination)"
                )
            }
        case "consultation":
            lines.append("A decision not to deport is being considered. Tell us what you hold before the deadline.")
        default:
            lines.append("Milestone: \(event.kind)")
            // The facts the milestone is about: bail conditions and restrictions, a removal's date, route and
            // destination, a short-notice override. Other agencies' consultation answers are theirs, not shared.
            for (key, value) in event.details.sorted(by: { $0.key < $1.key }) where !key.hasPrefix("consultation.") {
                lines.append("\(Self.factLabels[key] ?? key): \(value)")
            }
        }
        if !event.reason.isEmpty { lines.append("Reason: \(event.reason)") }
        return lines.joined(separator: "\n")
    }

    /// How a milestone's recorded facts are named in a notice.
    static let factLabels = [
        "conditions": "Bail conditions and restrictions", "date": "Removal date", "route": "Route",
        "destination": "Destination",
        "override": "Short-notice override",
    ]

    /// A notice's text without the subject's name, for a reader of the case who may not read the subject: its first
    /// line, `Case REF: Name`, becomes `Case REF`.
    public static func withoutSubject(_ text: String, reference: String) -> String {
        let head = "Case \(reference): "
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(head) ? "Case \(reference)" : String($0) }.joined(separator: "\n")
    }

    /// Whether a decision not to deport may be finalised: every agency with interest has been consulted and has
    /// answered, or its deadline has passed. Returns what to record either way, or the agencies still awaited.
    public static func consultation(of deportationCase: DeportationCase, obligations: [Obligation], at time: Date)
        -> (ready: Bool, record: [String: String], awaiting: [String])
    {
        var record: [String: String] = [:]
        var awaiting: [String] = []
        for interest in deportationCase.interests where interest.isActive {
            let asked = obligations.filter { $0.event == "consultation" && $0.agencyID == interest.agencyID }
            if let answered = asked.first(where: { $0.status == .acknowledged }) {
                record["consultation.\(interest.agencyCode)"] = "answered: \(answered.reply ?? "acknowledged")"
            } else if let lapsed = asked.first(where: { $0.dueBy <= time }) {
                record["consultation.\(interest.agencyCode)"] =
                    "no answer by the deadline \(DateFormats.instant(lapsed.dueBy))"
            } else {
                awaiting.append(
                    interest.agencyCode + (asked.isEmpty ? " (not yet consulted)" : " (awaiting an answer)"))
            }
        }
        return (awaiting.isEmpty, record, awaiting)
    }

    /// The escalation level an open obligation should be at, at `time`.
    public static func escalationLevel(of obligation: Obligation, at time: Date, rules: ObligationRules = .standard)
        -> Int
    {
        guard obligation.status == .open else { return obligation.escalation }
        let late = time.timeIntervalSince(obligation.dueBy) / 3600
        guard late > 0 else { return obligation.escalation }
        let reached = rules.escalateAfterHours.filter { Double($0) <= late }.count
        return max(obligation.escalation, min(reached, Obligation.escalationTargets.count - 1))
    }
}
