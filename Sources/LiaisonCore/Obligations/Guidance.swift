import Foundation

/// Guidance for one step of the casework, kept with a version, the date it applies from and its change history, as
/// the Home Office's own guidance is. `slug` names the step: a milestone's code, `interest`, `minute-sheet`,
/// `consultation`, `barrier` or `obligations`.
public struct GuidancePage: Codable, Sendable, Equatable {
    public var slug: String
    public var version: Int
    /// The first day (yyyy-mm-dd) the version applies.
    public var validFrom: String
    public var title: String
    public var body: String
    public var changeNote: String
    public var editedBy: String
    public var editedAt: Date

    public init(
        slug: String, version: Int, validFrom: String, title: String, body: String, changeNote: String,
        editedBy: String, editedAt: Date
    ) {
        self.slug = slug
        self.version = version
        self.validFrom = validFrom
        self.title = title
        self.body = body
        self.changeNote = changeNote
        self.editedBy = editedBy
        self.editedAt = editedAt
    }

    /// The guidance Liaison starts with (version 0), until someone edits it.
    public static let builtIn: [GuidancePage] = {
        let pages: [(String, String, String)] = [
            (
                "interest", "Recording partner interest",
                "When a partner agency (most often the NCA) tells you it has an interest in a foreign national offender, record it on the case with the reason, any confiscation proceedings and the partner's contact point. The interest shows on the case as a special condition. If the case is allocated, the case owner's details go to the partner at once."
            ),
            (
                "minute-sheet", "Minute sheet ICD.4353",
                "The workflow team attaches minute sheet ICD.4353 to the Home Office file. If the file is held by another team, record a request to that team; the request stays open on the dashboard until that team confirms the minute sheet is attached."
            ),
            (
                "consultation", "Consulting the interested agency",
                "A decision not to deport cannot be finalised while an agency with interest has not been consulted. Request a consultation; the decision may be recorded once every interested agency has answered or the consultation deadline has passed. Either is recorded on the decision."
            ),
            (
                "barrier", "Barriers to removal",
                "An open barrier (pending appeal, asylum or human rights claim, no travel document, judicial review, confiscation proceedings) stops removal directions being set. Opening a confiscation barrier starts the barriers process: contact the agency holding the confiscation order before proposing removal."
            ),
            (
                "obligations", "Obligations to partners",
                "Every milestone on a case with interest is notified to the interested agency, which acknowledges it. An obligation not acknowledged by its due time is overdue and escalates to a senior caseworker, then to the criminal casework process team."
            ),
            (
                CaseMilestone.removalDirectionsSet.rawValue, "Setting removal directions",
                "Removal details must reach interested agencies at least 3 days (72 hours) before the removal date. Setting removal directions with less notice needs a senior caseworker's override, recorded with a reason."
            ),
            (
                "allocated-case", "Cases already allocated to a case owner",
                "When a partner agency registers interest in a case already allocated to a case owner, the case owner's details go "
                    + "to the agency at once, so it may liaise directly: the case owner's name, telephone number and email address, the "
                    + "offender's full name and Home Office reference, and an update on how the case is progressing (Liaison sends these "
                    + "within the hour). The case owner then tells the agency when: a decision is taken to proceed to deportation; a "
                    + "decision not to deport is being considered (consult the agency first: it may hold information that changes the "
                    + "decision); the offender is notified of the intention to deport; notice of an appeal is received; the appeal "
                    + "result is known; immigration bail is granted, with its restrictions; a deportation order is served; and as soon "
                    + "as removal details are known, at least 3 days before removal, so the agency can warn its contacts in the "
                    + "receiving country."
            ),
            (
                "contact", "Contact and escalation",
                "For help with liaison with a partner agency, ask your senior caseworker or line manager first. If they cannot answer, "
                    + "ask the criminal casework process team (operational process and policy). A notice not acknowledged in time "
                    + "escalates on its own: to the senior caseworker when it falls due, then to the criminal casework process team a "
                    + "day later. Changes to this guidance are made by its editors (supervisors, senior caseworkers and "
                    + "administrators), each version with a change note."
            ),
            (
                CaseMilestone.decisionNotToDeport.rawValue, "Decision not to deport",
                "Before finalising, make sure each interested agency has been consulted and has answered, or the consultation deadline has passed."
            ),
        ]
        return pages.map {
            GuidancePage(
                slug: $0.0, version: 0, validFrom: "2026-01-01", title: $0.1, body: $0.2,
                changeNote: "Built-in guidance",
                editedBy: "liaison", editedAt: Date(timeIntervalSince1970: 1_767_225_600))
        }
    }()
}

/// An edit to a guidance page: the version it was made on (0 for built-in guidance), the new text and why it changed.
public struct GuidanceInput: Codable, Sendable {
    public var version: Int?
    public var validFrom: String?
    public var title: String?
    public var body: String?
    public var changeNote: String?

    public init(
        version: Int?, validFrom: String? = nil, title: String? = nil, body: String? = nil, changeNote: String? = nil
    ) {
        self.version = version
        self.validFrom = validFrom
        self.title = title
        self.body = body
        self.changeNote = changeNote
    }
}
