/// What a user asks to do with a record.
public enum Action: String, Sendable, CaseIterable {
    case read, create, update
    /// Passing the record on to another agency (dissemination), which its handling code governs.
    case share
}

/// The access policy's answer, with the reasons a person can read, and the fields it withholds.
public struct AccessDecision: Sendable, Equatable, Codable {
    public var allowed: Bool
    public var reasons: [String]
    /// Fields the user may not see even though the record is allowed, with why.
    public var withheld: [WithheldField]

    public init(allowed: Bool, reasons: [String], withheld: [WithheldField] = []) {
        self.allowed = allowed
        self.reasons = reasons
        self.withheld = withheld
    }
}

public struct WithheldField: Sendable, Equatable, Codable {
    public var field: String
    public var reason: String

    public init(field: String, reason: String) {
        self.field = field
        self.reason = reason
    }
}

/// Who is asking, as far as any list or search is concerned: what the storage query filters on.
public struct Viewer: Sendable, Equatable {
    public var agencyID: AgencyID
    public var maximumClassification: Classification
    public var briefings: [String]
    /// A private-sector user: every list of records is empty to them.
    public var confinedToAlerts: Bool = false

    public init(_ user: User) {
        agencyID = user.agencyID
        maximumClassification = user.vetting.maximumClassification
        briefings = user.briefings
        confinedToAlerts = user.confinedToAlerts
    }

    /// An agency's view bounded by another's clearance (a GAIN answer: only what the requester could be told of).
    init(agencyID: AgencyID, maximumClassification: Classification, briefings: [String]) {
        self.agencyID = agencyID
        self.maximumClassification = maximumClassification
        self.briefings = briefings
    }
}

/// The one function that decides every access to a record: (user, action, record) → allow or deny, with reasons.
///
/// It weighs, in order: the account being active; vetting against the protective marking; the record's sharing
/// (owner, named agencies, or all); need-to-know (being briefed into the record's operation or case); and, for
/// changes, the user's roles and agency. An allowed read may still withhold protected fields.
public enum AccessPolicy {
    /// Roles that may create and edit subjects and groups.
    public static let editorRoles: Set<Role> = [
        .caseworker, .caseOwner, .seniorCaseworker, .intelligenceOfficer, .analyst, .supervisor, .administrator,
    ]

    /// Fields of a record kind that only the owning agency sees, with the reason shown to others.
    public static let protectedFields: [String: [(field: String, reason: String)]] = [
        "subject": [
            ("details.addresses", "addresses are shown only to the agency that holds the record"),
            ("details.phones", "phone numbers are shown only to the agency that holds the record"),
        ],
        "intel": [
            ("source.covertReference", "a covert source's identity is shown only to the agency that holds the report")
        ],
    ]

    /// Why a private-sector user is refused everything but industry alerts.
    public static let confinement = "private-sector users see industry alerts only"

    public static func decide(_ user: User, _ action: Action, _ meta: RecordMeta, kind: String = "") -> AccessDecision {
        var reasons: [String] = []
        if !user.active { reasons.append("the account is disabled") }
        if user.confinedToAlerts { reasons.append(Self.confinement) }
        if meta.marking.classification > user.vetting.maximumClassification {
            reasons.append("\(user.vetting.rawValue) vetting does not reach \(meta.marking.classification.rawValue)")
        }
        let owner = meta.owningAgencyID == user.agencyID
        if !owner && !meta.sharing.withAll && !meta.sharing.agencies.contains(user.agencyID) {
            reasons.append("the record is not shared with the user's agency")
        }
        if let operation = meta.needToKnow, !user.briefings.contains(operation) {
            reasons.append("need-to-know: the user is not briefed into \(operation)")
        }
        if action == .share, let handling = meta.handling, handling.code == .c, !owner {
            let conditions = handling.conditions.map { " (conditions: \($0))" } ?? ""
            reasons.append("handling code C: onward sharing needs the originating agency's agreement\(conditions)")
        }
        if action == .create || action == .update {
            if Set(user.roles).isDisjoint(with: editorRoles) {
                reasons.append("none of the user's roles may \(action.rawValue) records")
            }
            if !owner && !user.has(.administrator) {
                reasons.append("the record belongs to another agency")
            }
        }
        guard reasons.isEmpty else { return AccessDecision(allowed: false, reasons: reasons) }
        let withheld =
            owner ? [] : (protectedFields[kind] ?? []).map { WithheldField(field: $0.field, reason: $0.reason) }
        var why = ["\(action.rawValue) allowed: vetting reaches the marking"]
        why.append(owner ? "the user's agency holds the record" : "the record is shared with the user's agency")
        if let operation = meta.needToKnow { why.append("the user is briefed into \(operation)") }
        return AccessDecision(allowed: true, reasons: why, withheld: withheld)
    }

    /// The disclosure the liaison process intends: a notice on a case (an obligation: the offender's name, the case
    /// owner's contact, what happened) is read by the agency it is addressed to, whether or not the case or the
    /// subject is shared with that agency, by its users whose vetting reaches the markings of both the case and its
    /// subject and who are briefed into their compartments. The one rule for it; every read of a notice lands in the
    /// audit chain with the notice's ID.
    public static func decideNotice(
        _ user: User, addressedTo agency: AgencyID, caseMeta: RecordMeta,
        subjectMeta: RecordMeta?
    ) -> AccessDecision {
        var reasons: [String] = []
        if !user.active { reasons.append("the account is disabled") }
        if user.confinedToAlerts { reasons.append(Self.confinement) }
        if user.agencyID != agency { reasons.append("the notice is addressed to another agency") }
        let metas = [caseMeta, subjectMeta].compactMap { $0 }
        if metas.contains(where: { $0.marking.classification > user.vetting.maximumClassification }) {
            reasons.append("\(user.vetting.rawValue) vetting does not reach the notice's marking")
        }
        if metas.contains(where: { $0.needToKnow.map { !user.briefings.contains($0) } ?? false }) {
            reasons.append("need-to-know: the user is not briefed into the notice's compartment")
        }
        guard reasons.isEmpty else { return AccessDecision(allowed: false, reasons: reasons) }
        return AccessDecision(
            allowed: true, reasons: ["read allowed: a notice addressed to the user's agency, within the user's vetting"]
        )
    }

    /// Whether the user may read an industry alert. Private-sector users see it only once published, until it
    /// expires, if it is addressed to one of their organisation's `sectors`; agency users see published and
    /// withdrawn alerts, and drafts of their own agency's. Either way the marking must be within the user's vetting.
    public static func decideAlert(_ user: User, _ alert: IndustryAlert, sectors: [String], today: String)
        -> AccessDecision
    {
        var reasons: [String] = []
        if !user.active { reasons.append("the account is disabled") }
        if alert.marking.classification > user.vetting.maximumClassification {
            reasons.append("\(user.vetting.rawValue) vetting does not reach \(alert.marking.classification.rawValue)")
        }
        if user.confinedToAlerts {
            if alert.status != .published { reasons.append("the alert is not published") }
            if alert.expiresOn < today { reasons.append("the alert expired on \(alert.expiresOn)") }
            if Set(alert.sectors).isDisjoint(with: sectors) {
                reasons.append("the alert is not addressed to the organisation's sectors")
            }
        } else if alert.status == .draft && alert.issuer != user.agencyID {
            reasons.append("the alert is a draft of another agency")
        }
        guard reasons.isEmpty else { return AccessDecision(allowed: false, reasons: reasons) }
        return AccessDecision(
            allowed: true,
            reasons: [
                user.confinedToAlerts
                    ? "read allowed: a live alert addressed to the organisation's sectors"
                    : "read allowed: vetting reaches the marking"
            ])
    }

    /// Whether the user may decide that two records are, or are not, one person. A decision changes neither record,
    /// so it needs no ownership of either: the user must be able to read both and hold a role that may change records.
    public static func decideLink(_ user: User, _ metas: [RecordMeta], kind: String) -> AccessDecision {
        var reasons: [String] = []
        for meta in metas {
            let read = decide(user, .read, meta, kind: kind)
            if !read.allowed { reasons += read.reasons.filter { !reasons.contains($0) } }
        }
        if Set(user.roles).isDisjoint(with: editorRoles) {
            reasons.append("none of the user's roles may decide whether records are one person")
        }
        guard reasons.isEmpty else { return AccessDecision(allowed: false, reasons: reasons) }
        return AccessDecision(
            allowed: true,
            reasons: ["link allowed: the user may read both records and holds a role that may change records"])
    }

    /// Whether the user may create records marked `marking` for their own agency.
    public static func decideCreate(_ user: User, marking: ProtectiveMarking, needToKnow: String? = nil)
        -> AccessDecision
    {
        let meta = RecordMeta(
            owningAgencyID: user.agencyID, marking: marking, needToKnow: needToKnow, createdAt: .distantPast,
            createdBy: user.id)
        return decide(user, .create, meta)
    }

    /// Throws `forbidden` unless the user may create records (an editor role, an active account).
    public static func enforceCreate(_ user: User) throws {
        let decision = decideCreate(user, marking: .official)
        if !decision.allowed { throw LiaisonError.forbidden(reason: decision.reasons.joined(separator: "; ")) }
    }

    /// Throws a `PolicyRefusal` showing `notFound` for a refused read (so a refusal looks like absence)
    /// and `forbidden` for a refused write. Returns the decision (with any withheld fields) when allowed.
    @discardableResult
    public static func enforce(_ user: User, _ action: Action, _ meta: RecordMeta, kind: String, id: String) throws
        -> AccessDecision
    {
        let decision = decide(user, action, meta, kind: kind)
        guard !decision.allowed else { return decision }
        let shown: LiaisonError =
            action == .read
            ? .notFound(kind: kind, id: id) : .forbidden(reason: decision.reasons.joined(separator: "; "))
        throw PolicyRefusal(reasons: decision.reasons, shown: shown)
    }
}
