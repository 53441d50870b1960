import Foundation

/// A milestone of a foreign national offender's deportation case, recorded as a dated event.
public enum CaseMilestone: String, Codable, Sendable, CaseIterable {
    case liabilityToDeport = "liability-to-deport"
    case decisionToDeport = "decision-to-deport"
    case decisionNotToDeport = "decision-not-to-deport"
    case notifiedOfIntention = "notified-of-intention"
    case representations
    /// The deportation order signed and served.
    case deportationOrder = "deportation-order"
    /// Notice of appeal received (First-tier or Upper Tribunal).
    case appealLodged = "appeal-lodged"
    case appealDetermined = "appeal-determined"
    case appealRightsExhausted = "appeal-rights-exhausted"
    case bailGranted = "bail-granted"
    case bailEnded = "bail-ended"
    case removalDirectionsSet = "removal-directions-set"
    case removed
    case closed

    /// The milestone in words, as caseworkers say it.
    public var label: String {
        switch self {
        case .liabilityToDeport: "Liable to deportation"
        case .decisionToDeport: "Decision to deport"
        case .decisionNotToDeport: "Decision not to deport"
        case .notifiedOfIntention: "Notified of the intention to deport"
        case .representations: "Representations received"
        case .deportationOrder: "Deportation order signed"
        case .appealLodged: "Appeal lodged"
        case .appealDetermined: "Appeal determined"
        case .appealRightsExhausted: "Appeal rights exhausted"
        case .bailGranted: "On immigration bail"
        case .bailEnded: "Bail ended"
        case .removalDirectionsSet: "Removal directions set"
        case .removed: "Removed"
        case .closed: "Closed"
        }
    }

    /// A stage's words, "New" before any milestone.
    public static func label(_ stage: CaseMilestone?) -> String { stage?.label ?? "New" }
}

/// Something that stops a removal until it is resolved.
public enum BarrierKind: String, Codable, Sendable, CaseIterable {
    case pendingAppeal = "pending-appeal"
    case asylumClaim = "asylum-claim"
    case humanRightsClaim = "human-rights-claim"
    case noTravelDocument = "no-travel-document"
    case judicialReview = "judicial-review"
    /// A Crown Court confiscation order, or proceedings, against the offender.
    case confiscation

    /// The barrier in words.
    public var label: String {
        switch self {
        case .pendingAppeal: "An appeal is pending"
        case .asylumClaim: "An asylum claim"
        case .humanRightsClaim: "A human rights claim"
        case .noTravelDocument: "No travel document"
        case .judicialReview: "A judicial review"
        case .confiscation: "Confiscation proceedings or order"
        }
    }
}

/// One step in a case's history: who did what, when and why.
public struct CaseEvent: Codable, Sendable, Equatable {
    /// A milestone's code, or `barrier-opened`, `barrier-resolved`, `barriers-process-started`.
    public var kind: String
    public var at: Date
    public var by: String
    public var reason: String
    /// What the step recorded: a removal's date, route and destination, a barrier's kind, an override.
    public var details: [String: String]

    public init(kind: String, at: Date, by: String, reason: String, details: [String: String] = [:]) {
        self.kind = kind
        self.at = at
        self.by = by
        self.reason = reason
        self.details = details
    }
}

public struct CaseBarrier: Codable, Sendable, Equatable, Identifiable {
    public var id: Int
    public var kind: BarrierKind
    public var openedAt: Date
    public var openedBy: String
    public var note: String
    public var resolvedAt: Date?
    public var resolvedBy: String?
    public var resolution: String?

    public var isOpen: Bool { resolvedAt == nil }
}

/// Where and when a removal is to happen.
public struct RemovalDirections: Codable, Sendable, Equatable {
    public var date: Date
    public var route: String
    public var destination: String

    public init(date: Date, route: String, destination: String) {
        self.date = date
        self.route = route
        self.destination = destination
    }
}

/// The workflow's state of one case: its stage (the last milestone that moves the case on), history, barriers
/// and removal directions.
public struct CaseProgress: Codable, Sendable, Equatable {
    public var stage: CaseMilestone?
    public var events: [CaseEvent]
    public var barriers: [CaseBarrier]
    public var removal: RemovalDirections?
    public var onBail: Bool

    public init() {
        stage = nil
        events = []
        barriers = []
        removal = nil
        onBail = false
    }

    public var openBarriers: [CaseBarrier] { barriers.filter(\.isOpen) }
}

/// The rules of the workflow, kept as data with a version and the date they take effect: which milestone may follow
/// which, which may happen at any stage, and how much notice a removal needs.
public struct CaseRules: Codable, Sendable, Equatable {
    public var version: Int
    public var effectiveFrom: String
    /// The milestones allowed next, by the case's stage (`new` for a case with none yet).
    public var next: [String: [CaseMilestone]]
    /// Milestones allowed at any stage until the case is removed or closed, leaving its stage as it is.
    public var anytime: [CaseMilestone]
    /// Hours of notice a removal needs; less needs a senior caseworker's recorded override.
    public var removalNoticeHours: Int
    /// Milestones that may be recorded only once one of the listed milestones is on the case's history, whatever
    /// path led to the current stage.
    public var requires: [String: [CaseMilestone]]
    /// What changed from the previous version of the rules, and why.
    public var changeNote: String

    public static let standard = CaseRules(
        version: 2, effectiveFrom: "2026-12-04",
        next: [
            "new": [.liabilityToDeport],
            CaseMilestone.liabilityToDeport.rawValue: [.decisionToDeport, .decisionNotToDeport, .notifiedOfIntention],
            CaseMilestone.notifiedOfIntention.rawValue: [
                .representations, .decisionToDeport, .decisionNotToDeport, .deportationOrder,
                .appealLodged,
            ],
            CaseMilestone.representations.rawValue: [.decisionToDeport, .decisionNotToDeport],
            CaseMilestone.decisionToDeport.rawValue: [.notifiedOfIntention, .deportationOrder, .appealLodged],
            CaseMilestone.deportationOrder.rawValue: [.appealLodged, .appealRightsExhausted, .removalDirectionsSet],
            CaseMilestone.appealLodged.rawValue: [.appealDetermined],
            CaseMilestone.appealDetermined.rawValue: [
                .appealLodged, .appealRightsExhausted, .deportationOrder, .decisionNotToDeport,
            ],
            CaseMilestone.appealRightsExhausted.rawValue: [.deportationOrder, .removalDirectionsSet],
            CaseMilestone.removalDirectionsSet.rawValue: [.removed, .removalDirectionsSet, .appealLodged],
            CaseMilestone.decisionNotToDeport.rawValue: [.closed],
            CaseMilestone.removed.rawValue: [.closed],
        ],
        anytime: [.bailGranted, .bailEnded],
        removalNoticeHours: 72,
        requires: [
            CaseMilestone.deportationOrder.rawValue: [.decisionToDeport],
            CaseMilestone.appealLodged.rawValue: [.decisionToDeport],
        ],
        changeNote:
            "Version 2: the offender may be notified of the intention to deport before the decision (the liability "
            + "letter, which invites representations) or after it, as the Liaison with the NCA guidance lists the milestones; "
            + "both orders occur in practice. A deportation order and an appeal still need a decision to deport on the case."
    )

    /// What may be recorded next on a case at this stage.
    public func allowed(after stage: CaseMilestone?) -> [CaseMilestone] {
        let ended = stage == .removed || stage == .closed
        return (next[stage?.rawValue ?? "new"] ?? []) + (ended ? [] : anytime)
    }
}

/// The deportation case workflow: pure rules over a case's progress, no I/O. Every step checks the allowed
/// transitions, records who, when and why, and enforces the removal rules: no removal directions while a barrier is
/// open, and at least the rules' notice before the removal date unless a senior caseworker records an override.
public enum CaseWorkflow {
    /// Records a milestone. `removal` is required for removal directions; `override` (a reason) for short notice.
    public static func record(
        _ milestone: CaseMilestone, on progress: CaseProgress, at time: Date, by user: User, reason: String,
        removal: RemovalDirections? = nil, override: String? = nil, recording extra: [String: String] = [:],
        rules: CaseRules = .standard
    ) throws -> CaseProgress {
        let allowed = rules.allowed(after: progress.stage)
        guard allowed.contains(milestone) else {
            let after = progress.stage.map { "after \($0.rawValue)" } ?? "as a case's first milestone"
            let options =
                allowed.isEmpty
                ? "nothing more may be recorded" : "allowed: " + allowed.map(\.rawValue).joined(separator: ", ")
            throw LiaisonError.invalid("milestone", "\(milestone.rawValue) cannot be recorded \(after) (\(options))")
        }
        if let needed = rules.requires[milestone.rawValue],
            !progress.events.contains(where: { e in needed.contains { $0.rawValue == e.kind } })
        {
            throw LiaisonError.invalid(
                "milestone",
                "\(milestone.rawValue) needs \(needed.map(\.rawValue).joined(separator: " or ")) on the case first")
        }
        var v = Validator()
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if why.isEmpty { v.fail("reason", "must say why") }
        if milestone == .bailGranted && progress.onBail { v.fail("milestone", "bail is already granted") }
        if milestone == .bailEnded && !progress.onBail { v.fail("milestone", "bail has not been granted") }
        var details = extra
        if milestone == .removalDirectionsSet {
            guard let removal else {
                throw LiaisonError.invalid("removal", "removal directions need a date, route and destination")
            }
            if removal.route.isEmpty { v.fail("removal.route", "must not be empty") }
            if removal.destination.isEmpty { v.fail("removal.destination", "must not be empty") }
            if removal.date <= time { v.fail("removal.date", "must be in the future") }
            try v.check()
            let open = progress.openBarriers
            if !open.isEmpty {
                throw LiaisonError.conflict(
                    field: "barriers",
                    reason: "removal directions cannot be set while a barrier is open: "
                        + open.map(\.kind.rawValue).joined(separator: ", "))
            }
            let notice = removal.date.timeIntervalSince(time) / 3600
            if notice < Double(rules.removalNoticeHours) {
                guard let override = override?.trimmingCharacters(in: .whitespacesAndNewlines), !override.isEmpty else {
                    throw LiaisonError.invalid(
                        "override",
                        "the removal is \(Int(notice)) hours away, less than \(rules.removalNoticeHours): a senior caseworker must record an override with a reason"
                    )
                }
                guard user.has(.seniorCaseworker) else {
                    throw LiaisonError.forbidden(
                        reason:
                            "only a senior caseworker may override the \(rules.removalNoticeHours)-hour notice for a removal"
                    )
                }
                details["override"] = override
            }
            details["date"] = DateFormats.instant(removal.date)
            details["route"] = removal.route
            details["destination"] = removal.destination
        }
        try v.check()
        var next = progress
        next.events.append(
            CaseEvent(kind: milestone.rawValue, at: time, by: user.username, reason: why, details: details))
        switch milestone {
        case .bailGranted: next.onBail = true
        case .bailEnded: next.onBail = false
        default: next.stage = milestone
        }
        if milestone == .removalDirectionsSet { next.removal = removal }
        return next
    }

    /// Opens a barrier to removal. A confiscation barrier also starts the barriers process.
    public static func openBarrier(
        _ kind: BarrierKind, on progress: CaseProgress, at time: Date, by user: User, note: String
    ) throws -> CaseProgress {
        if progress.stage == .removed || progress.stage == .closed {
            throw LiaisonError.invalid("barrier", "the case has ended (\(progress.stage!.rawValue))")
        }
        if progress.openBarriers.contains(where: { $0.kind == kind }) {
            throw LiaisonError.conflict(field: "barrier", reason: "a \(kind.rawValue) barrier is already open")
        }
        var next = progress
        let id = (progress.barriers.map(\.id).max() ?? 0) + 1
        next.barriers.append(CaseBarrier(id: id, kind: kind, openedAt: time, openedBy: user.username, note: note))
        next.events.append(
            CaseEvent(
                kind: "barrier-opened", at: time, by: user.username, reason: note,
                details: ["barrier": kind.rawValue, "id": String(id)]))
        if kind == .confiscation {
            next.events.append(
                CaseEvent(
                    kind: "barriers-process-started", at: time, by: user.username,
                    reason: "confiscation proceedings stop removal until they are resolved",
                    details: ["barrier": String(id)]))
        }
        return next
    }

    /// Resolves an open barrier, with how it was resolved.
    public static func resolveBarrier(
        _ id: Int, on progress: CaseProgress, at time: Date, by user: User, resolution: String
    ) throws -> CaseProgress {
        guard let index = progress.barriers.firstIndex(where: { $0.id == id }) else {
            throw LiaisonError.notFound(kind: "barrier", id: String(id))
        }
        guard progress.barriers[index].isOpen else {
            throw LiaisonError.conflict(field: "barrier", reason: "barrier \(id) is already resolved")
        }
        let why = resolution.trimmingCharacters(in: .whitespacesAndNewlines)
        if why.isEmpty { throw LiaisonError.invalid("resolution", "must say how the barrier was resolved") }
        var next = progress
        next.barriers[index].resolvedAt = time
        next.barriers[index].resolvedBy = user.username
        next.barriers[index].resolution = why
        next.events.append(
            CaseEvent(
                kind: "barrier-resolved", at: time, by: user.username, reason: why,
                details: ["barrier": progress.barriers[index].kind.rawValue, "id": String(id)]))
        return next
    }
}
