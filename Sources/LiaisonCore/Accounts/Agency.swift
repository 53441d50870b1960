/// An organisation that shares information through Liaison.
public struct Agency: Codable, Sendable, Equatable, Identifiable {
    public var id: AgencyID
    /// Short unique code, e.g. "NCA", "HOCC", "MPS".
    public var code: String
    public var name: String
    /// Code from the `agency-type` reference list.
    public var type: String
    /// Code from the `jurisdiction` reference list.
    public var jurisdiction: String

    public init(id: AgencyID = .make(), code: String, name: String, type: String, jurisdiction: String) {
        self.id = id
        self.code = code
        self.name = name
        self.type = type
        self.jurisdiction = jurisdiction
    }
}

/// What a user may do is decided by roles; the access policy weighs them per action.
public enum Role: String, Codable, Sendable, CaseIterable {
    case caseworker
    case caseOwner = "case-owner"
    case seniorCaseworker = "senior-caseworker"
    case intelligenceOfficer = "intelligence-officer"
    case analyst
    case financialInvestigator = "financial-investigator"
    case partnerOfficer = "partner-officer"
    case supervisor
    case auditor
    case administrator
    /// A private-sector partner (a bank, a money service business…): sees industry alerts and nothing else.
    case industryPartner = "industry-partner"
}

/// A person who signs in to Liaison. Belongs to exactly one agency.
public struct User: Codable, Sendable, Equatable, Identifiable {
    public var id: UserID
    public var username: String
    public var displayName: String
    public var email: String
    /// A work phone number, given to partners as the case owner's contact.
    public var phone: String
    public var agencyID: AgencyID
    public var roles: [Role]
    public var vetting: Vetting
    /// Operations or cases the user is briefed into (need-to-know).
    public var briefings: [String]
    public var active: Bool
    public var version: Int

    public init(
        id: UserID = .make(), username: String, displayName: String, email: String, agencyID: AgencyID,
        roles: [Role], vetting: Vetting, briefings: [String] = [], active: Bool = true, version: Int = 1,
        phone: String = ""
    ) {
        self.phone = phone
        self.briefings = briefings
        self.id = id
        self.username = username
        self.displayName = displayName
        self.email = email
        self.agencyID = agencyID
        self.roles = roles
        self.vetting = vetting
        self.active = active
        self.version = version
    }

    public func has(_ role: Role) -> Bool { roles.contains(role) }

    /// A private-sector user, whom the access policy confines to industry alerts everywhere.
    public var confinedToAlerts: Bool { roles.contains(.industryPartner) }
}
