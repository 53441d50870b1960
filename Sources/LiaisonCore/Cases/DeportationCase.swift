import Foundation

/// A deportation case for a foreign national offender: the Home Office reference, who owns it (or the workflow
/// team, while unallocated), where the Home Office file is, and the workflow's progress.
public struct DeportationCase: Codable, Sendable, Identifiable {
    public var id: CaseID
    public var meta: RecordMeta
    public var subjectID: SubjectID
    public var homeOfficeReference: String
    /// The case owner's username; nil while the case is unallocated and held by the workflow team.
    public var owner: String?
    public var fileLocation: String?
    public var progress: CaseProgress
    /// The version of the rules the case follows.
    public var rulesVersion: Int
    /// Partner agencies' interest in the case: its special conditions.
    public var interests: [CaseInterest]
    /// Minute sheet ICD.4353 on the Home Office file, once the workflow team has dealt with it.
    public var minuteSheet: MinuteSheet?
    /// The subject's name as the reader may see it: filled in when the case is read (`References`), never stored.
    public var subjectName: String?
    /// What the reader may not see of the case (the subject, when the reader may not read the subject's record).
    public var withheld: [WithheldField]?

    public init(
        id: CaseID = .make(), meta: RecordMeta, subjectID: SubjectID, homeOfficeReference: String, owner: String?,
        fileLocation: String?, progress: CaseProgress = CaseProgress(), rulesVersion: Int = CaseRules.standard.version
    ) {
        self.id = id
        self.meta = meta
        self.subjectID = subjectID
        self.homeOfficeReference = homeOfficeReference
        self.owner = owner
        self.fileLocation = fileLocation
        self.progress = progress
        self.rulesVersion = rulesVersion
        interests = []
        minuteSheet = nil
    }

    public var activeInterests: [CaseInterest] { interests.filter(\.isActive) }

    enum CodingKeys: String, CodingKey {
        case id, meta, subjectID, homeOfficeReference, owner, fileLocation, progress, rulesVersion, interests,
            minuteSheet
        case subjectName, withheld
    }

    /// As synthesised, but a withheld subject (an empty ID) is left out rather than written as an empty string.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(meta, forKey: .meta)
        if !subjectID.rawValue.isEmpty { try c.encode(subjectID, forKey: .subjectID) }
        try c.encode(homeOfficeReference, forKey: .homeOfficeReference)
        try c.encodeIfPresent(owner, forKey: .owner)
        try c.encodeIfPresent(fileLocation, forKey: .fileLocation)
        try c.encode(progress, forKey: .progress)
        try c.encode(rulesVersion, forKey: .rulesVersion)
        try c.encode(interests, forKey: .interests)
        try c.encodeIfPresent(minuteSheet, forKey: .minuteSheet)
        try c.encodeIfPresent(subjectName, forKey: .subjectName)
        try c.encodeIfPresent(withheld, forKey: .withheld)
    }
}

public typealias CaseID = ID<DeportationCase>

/// Which cases to list: one page, or the case with a Home Office reference.
public struct CaseQuery: Sendable, Equatable {
    /// Whose cases: the asker's own (they are the case owner), or those no case owner holds yet.
    public enum Allocation: String, Sendable, CaseIterable { case mine, unallocated }

    public var reference: String?
    public var allocation: Allocation?
    /// Only cases at this stage (`new` for those with no milestone yet).
    public var stage: String?
    public var limit: Int
    /// Where the previous page ended (its `nextCursor`).
    public var cursor: String?

    public init(
        reference: String? = nil, allocation: Allocation? = nil, stage: String? = nil, limit: Int = 100,
        cursor: String? = nil
    ) {
        self.reference = reference
        self.allocation = allocation
        self.stage = stage
        self.limit = limit
        self.cursor = cursor
    }

    /// Whether a case is one this query asks for (the reference aside), for `username`.
    public func includes(_ c: DeportationCase, username: String) -> Bool {
        switch allocation {
        case .mine?: if c.owner != username { return false }
        case .unallocated?: if c.owner != nil { return false }
        case nil: break
        }
        if let stage, (c.progress.stage?.rawValue ?? "new") != stage { return false }
        return true
    }
}

/// How many of the cases a user may see are theirs, unallocated, and at each stage.
public struct CaseCounts: Codable, Sendable, Equatable {
    public var all = 0, mine = 0, unallocated = 0
    public var stages: [String: Int] = [:]
}

/// A new case: the subject it concerns, the Home Office reference, and optionally its owner, file location, marking
/// and sharing. Unless given, the marking and need-to-know are the subject's, and the case is shared with no agency
/// but the one that opens it until agencies register interest (each is given sight of it then).
public struct CaseInput: Codable, Sendable, RecordInput {
    public var subjectID: SubjectID
    public var homeOfficeReference: String
    public var owner: String?
    public var fileLocation: String?
    public var marking: ProtectiveMarking?
    public var sharing: Sharing?
    public var needToKnow: String?
    public var version: Int? { nil }

    public init(
        subjectID: SubjectID, homeOfficeReference: String, owner: String? = nil, fileLocation: String? = nil,
        marking: ProtectiveMarking? = nil, sharing: Sharing? = nil, needToKnow: String? = nil
    ) {
        self.subjectID = subjectID
        self.homeOfficeReference = homeOfficeReference
        self.owner = owner
        self.fileLocation = fileLocation
        self.marking = marking
        self.sharing = sharing
        self.needToKnow = needToKnow
    }

    enum CodingKeys: String, CodingKey {
        case subjectID, homeOfficeReference, owner, fileLocation, marking, sharing, needToKnow
    }
}

/// A step on a case: a milestone, a barrier opened or resolved, or an allocation to a case owner. `version` is the
/// case version it was decided on.
public struct CaseStepInput: Codable, Sendable {
    public var version: Int?
    public var milestone: String?
    public var reason: String?
    public var removal: RemovalDirections?
    public var override: String?
    public var barrier: String?
    public var barrierID: Int?
    public var note: String?
    /// A case owner's username to allocate the case to.
    public var allocateTo: String?
    /// Ask every interested agency for its view before a decision not to deport.
    public var consult: Bool?
    /// Minute sheet ICD.4353: `attach` (or request it from the team holding the file), or `confirm` that team attached it.
    public var minuteSheet: String?
    /// With `bail-granted`: the bail conditions and restrictions.
    public var bailConditions: String?
    /// The team or place the Home Office file has moved to.
    public var fileLocation: String?

    public init(
        version: Int?, milestone: String? = nil, reason: String? = nil, removal: RemovalDirections? = nil,
        override: String? = nil,
        barrier: String? = nil, barrierID: Int? = nil, note: String? = nil, allocateTo: String? = nil,
        consult: Bool? = nil, minuteSheet: String? = nil, bailConditions: String? = nil, fileLocation: String? = nil
    ) {
        self.version = version
        self.milestone = milestone
        self.reason = reason
        self.removal = removal
        self.override = override
        self.barrier = barrier
        self.barrierID = barrierID
        self.note = note
        self.allocateTo = allocateTo
        self.consult = consult
        self.minuteSheet = minuteSheet
        self.bailConditions = bailConditions
        self.fileLocation = fileLocation
    }
}
