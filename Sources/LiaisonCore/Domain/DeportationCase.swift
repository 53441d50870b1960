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

    public init(id: CaseID = .make(), meta: RecordMeta, subjectID: SubjectID, homeOfficeReference: String, owner: String?,
                fileLocation: String?, progress: CaseProgress = CaseProgress(), rulesVersion: Int = CaseRules.standard.version) {
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
}

public typealias CaseID = ID<DeportationCase>

/// A new case: the subject it concerns, the Home Office reference, and optionally its owner, file location and marking.
public struct CaseInput: Codable, Sendable {
    public var subjectID: SubjectID
    public var homeOfficeReference: String
    public var owner: String?
    public var fileLocation: String?
    public var marking: ProtectiveMarking?

    public init(subjectID: SubjectID, homeOfficeReference: String, owner: String? = nil, fileLocation: String? = nil, marking: ProtectiveMarking? = nil) {
        self.subjectID = subjectID
        self.homeOfficeReference = homeOfficeReference
        self.owner = owner
        self.fileLocation = fileLocation
        self.marking = marking
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

    public init(version: Int?, milestone: String? = nil, reason: String? = nil, removal: RemovalDirections? = nil, override: String? = nil,
                barrier: String? = nil, barrierID: Int? = nil, note: String? = nil, allocateTo: String? = nil,
                consult: Bool? = nil, minuteSheet: String? = nil, bailConditions: String? = nil, fileLocation: String? = nil) {
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
