/// What a user asks to do with a record.
public enum Action: String, Sendable, CaseIterable {
    case read, create, update
}

/// The access policy's answer, with the reasons a person can read.
public struct AccessDecision: Sendable, Equatable {
    public var allowed: Bool
    public var reasons: [String]

    public static func allow(_ reason: String) -> AccessDecision { AccessDecision(allowed: true, reasons: [reason]) }
    public static func deny(_ reasons: [String]) -> AccessDecision { AccessDecision(allowed: false, reasons: reasons) }
}

/// The one function that decides every access to a record: (user, action, record) → allow or deny, with reasons.
///
/// It weighs the user's vetting against the record's protective marking, the roles that may write
/// shared records, and whether the user's agency owns the record.
public enum AccessPolicy {
    /// Roles that may create and edit subjects and groups.
    public static let editorRoles: Set<Role> = [
        .caseworker, .caseOwner, .seniorCaseworker, .intelligenceOfficer, .analyst, .supervisor, .administrator,
    ]

    public static func decide(_ user: User, _ action: Action, _ meta: RecordMeta) -> AccessDecision {
        var reasons: [String] = []
        if !user.active { reasons.append("the account is disabled") }
        if meta.marking.classification > user.vetting.maximumClassification {
            reasons.append("\(user.vetting.rawValue) vetting does not reach \(meta.marking.classification.rawValue)")
        }
        if action != .read {
            if Set(user.roles).isDisjoint(with: editorRoles) {
                reasons.append("none of the user's roles may \(action.rawValue) records")
            }
            if meta.owningAgencyID != user.agencyID && !user.has(.administrator) {
                reasons.append("the record belongs to another agency")
            }
        }
        return reasons.isEmpty ? .allow("\(action.rawValue) allowed: vetting, roles and agency permit it") : .deny(reasons)
    }

    /// Whether the user may create records marked `marking` for their own agency.
    public static func decideCreate(_ user: User, marking: ProtectiveMarking) -> AccessDecision {
        let meta = RecordMeta(owningAgencyID: user.agencyID, marking: marking, createdAt: .distantPast, createdBy: user.id)
        return decide(user, .create, meta)
    }

    /// Throws a `PolicyRefusal` showing `notFound` for a refused read (so a refusal looks like absence)
    /// and `forbidden` for a refused write.
    public static func enforce(_ user: User, _ action: Action, _ meta: RecordMeta, kind: String, id: String) throws {
        let decision = decide(user, action, meta)
        guard !decision.allowed else { return }
        let shown: LiaisonError = action == .read
            ? .notFound(kind: kind, id: id) : .forbidden(reason: decision.reasons.joined(separator: "; "))
        throw PolicyRefusal(reasons: decision.reasons, shown: shown)
    }
}
