import Foundation

/// An organised crime group.
public struct OCG: Codable, Sendable, Equatable, Identifiable {
    public var id: OCGID
    public var meta: RecordMeta
    public var details: OCGDetails
    public var members: [OCGMember]

    public init(id: OCGID = .make(), meta: RecordMeta, details: OCGDetails, members: [OCGMember] = []) {
        self.id = id
        self.meta = meta
        self.details = details
        self.members = members
    }
}

/// The editable description of a group.
public struct OCGDetails: Codable, Sendable, Equatable {
    public var name: String
    /// Operation names the group has been worked under.
    public var operationNames: [String]
    /// Codes from the `criminal-market` reference list.
    public var markets: [String]
    /// Force areas or regions (codes from the `area` reference list).
    public var areas: [String]
    /// Code from the `ocg-status` reference list.
    public var status: String
    /// Code from the `ocg-band` reference list, once assessed.
    public var band: String?
    public var threatScore: Int?
    /// The Lead Responsible Officer, if one is appointed.
    public var leadOfficer: UserID?
    public var summary: String?
    /// The plan against the group: what the agencies intend and by when.
    public var plan: String?
    /// Every Lead Responsible Officer the group has had, kept by Liaison (what a client sends here is ignored).
    public var leadHistory: [LeadAppointment]?
    /// Every status the group has had and since when, kept by Liaison (what a client sends here is ignored).
    public var statusHistory: [StatusChange]?

    public init(
        name: String, operationNames: [String] = [], markets: [String] = [], areas: [String] = [],
        status: String = "active", band: String? = nil, threatScore: Int? = nil,
        leadOfficer: UserID? = nil, summary: String? = nil, plan: String? = nil
    ) {
        self.plan = plan
        self.name = name
        self.operationNames = operationNames
        self.markets = markets
        self.areas = areas
        self.status = status
        self.band = band
        self.threatScore = threatScore
        self.leadOfficer = leadOfficer
        self.summary = summary
    }
}

/// A Lead Responsible Officer's appointment to a group: who, of which agency, from when to when, and who appointed them.
public struct LeadAppointment: Codable, Sendable, Equatable {
    public var officer: UserID
    public var username: String
    public var agencyID: AgencyID
    public var from: Date
    public var to: Date?
    public var appointedBy: String

    public init(officer: UserID, username: String, agencyID: AgencyID, from: Date, to: Date? = nil, appointedBy: String)
    {
        self.officer = officer
        self.username = username
        self.agencyID = agencyID
        self.from = from
        self.to = to
        self.appointedBy = appointedBy
    }
}

/// A group's status from a date, and who recorded it.
public struct StatusChange: Codable, Sendable, Equatable {
    public var status: String
    public var from: Date
    public var by: String

    public init(status: String, from: Date, by: String) {
        self.status = status
        self.from = from
        self.by = by
    }
}

/// A subject's membership of a group.
public struct OCGMember: Codable, Sendable, Equatable {
    public var subjectID: SubjectID
    /// Code from the `ocg-role` reference list.
    public var role: String
    /// ISO dates (`yyyy-MM-dd`).
    public var from: String?
    public var to: String?

    public init(subjectID: SubjectID, role: String, from: String? = nil, to: String? = nil) {
        self.subjectID = subjectID
        self.role = role
        self.from = from
        self.to = to
    }
}
