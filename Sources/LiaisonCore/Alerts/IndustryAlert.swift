import Foundation

/// An industry alert: sanitised content for private-sector partners (banks, money service businesses and others)
/// about a typology, suspicious financial activity or forged identity documents. It names the sectors it is for,
/// carries a marking they may hold (OFFICIAL or OFFICIAL-SENSITIVE) and expires. Private-sector users see the
/// published, unexpired alerts for their sectors and nothing else; they acknowledge them and send feedback.
public struct IndustryAlert: Codable, Sendable, Equatable {
    public var id: IndustryAlertID
    public var issuer: AgencyID
    public var issuerCode: String
    public var title: String
    /// Code from the `alert-category` reference list.
    public var category: String
    /// The sanitised content.
    public var summary: String
    /// What recipients should do: what to look for, how to report (e.g. a suspicious activity report citing the alert).
    public var guidance: String
    public var indicators: [AlertIndicator]
    /// Codes from the `industry-sector` reference list.
    public var sectors: [String]
    public var marking: ProtectiveMarking
    /// The last day the alert applies, as yyyy-mm-dd.
    public var expiresOn: String
    public var status: AlertStatus
    /// The intelligence report the alert was drawn from: shown to the issuing agency only.
    public var sourceIntel: IntelReportID?
    public var createdBy: String
    public var createdAt: Date
    public var publishedBy: String?
    public var publishedAt: Date?
    public var withdrawnReason: String?
    public var acknowledgements: [AlertAcknowledgement]
    public var feedback: [AlertFeedback]
    public var version: Int

    public init(
        id: IndustryAlertID, issuer: AgencyID, issuerCode: String, title: String, category: String, summary: String,
        guidance: String,
        indicators: [AlertIndicator], sectors: [String], marking: ProtectiveMarking, expiresOn: String,
        status: AlertStatus = .draft,
        sourceIntel: IntelReportID? = nil, createdBy: String, createdAt: Date, publishedBy: String? = nil,
        publishedAt: Date? = nil,
        withdrawnReason: String? = nil, acknowledgements: [AlertAcknowledgement] = [], feedback: [AlertFeedback] = [],
        version: Int = 1
    ) {
        self.id = id
        self.issuer = issuer
        self.issuerCode = issuerCode
        self.title = title
        self.category = category
        self.summary = summary
        self.guidance = guidance
        self.indicators = indicators
        self.sectors = sectors
        self.marking = marking
        self.expiresOn = expiresOn
        self.status = status
        self.sourceIntel = sourceIntel
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.publishedBy = publishedBy
        self.publishedAt = publishedAt
        self.withdrawnReason = withdrawnReason
        self.acknowledgements = acknowledgements
        self.feedback = feedback
        self.version = version
    }

    /// Whether the alert is live on `day` (yyyy-mm-dd): published and not past its expiry.
    public func live(on day: String) -> Bool { status == .published && expiresOn >= day }
}

public typealias IndustryAlertID = ID<IndustryAlert>

public enum AlertStatus: String, Codable, Sendable {
    case draft, published, withdrawn

    /// The status in words.
    public var label: String {
        switch self {
        case .draft: "Draft"
        case .published: "Published"
        case .withdrawn: "Withdrawn"
        }
    }
}

/// Something a recipient can look for: an email address, a web address, a domain, an IP address, a phone number,
/// an account, a document or a free description.
public struct AlertIndicator: Codable, Sendable, Equatable {
    public var kind: String
    public var value: String
    public var note: String?

    public init(kind: String, value: String, note: String? = nil) {
        self.kind = kind
        self.value = value
        self.note = note
    }

    public static let kinds = ["email", "url", "domain", "ipv4", "phone", "account", "document", "company", "text"]

    /// Why `value` is not a valid indicator of `kind`, or nil.
    public static func problem(kind: String, value: String) -> String? {
        guard kinds.contains(kind) else { return "kind must be one of " + kinds.joined(separator: ", ") }
        if value.isEmpty || value.count > 500 { return "value must be 1 to 500 characters" }
        switch kind {
        case "email":
            let parts = value.split(separator: "@", omittingEmptySubsequences: false)
            if parts.count != 2 || parts[0].isEmpty || !parts[1].contains(".") || value.contains(" ") {
                return "an email indicator must be an address such as name@example.com"
            }
        case "url":
            if !(value.hasPrefix("http://") || value.hasPrefix("https://")) || value.contains(" ")
                || URL(string: value)?.host == nil
            {
                return "a url indicator must start with http:// or https:// and name a host"
            }
        case "domain":
            let labels = value.split(separator: ".", omittingEmptySubsequences: false)
            if labels.count < 2
                || labels.contains(where: {
                    $0.isEmpty || !$0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
                })
            {
                return "a domain indicator must be a name such as example.com"
            }
        case "ipv4":
            let octets = value.split(separator: ".", omittingEmptySubsequences: false)
            if octets.count != 4 || octets.contains(where: { Int($0).map { !(0...255).contains($0) } ?? true }) {
                return "an ipv4 indicator must be four numbers 0–255 joined by dots"
            }
        default: break
        }
        return nil
    }
}

public struct AlertAcknowledgement: Codable, Sendable, Equatable {
    public var agencyID: AgencyID
    public var agencyCode: String
    public var by: String
    public var at: Date
}

/// A recipient's answer to an alert: how useful it was and what they did.
public struct AlertFeedback: Codable, Sendable, Equatable {
    public var agencyID: AgencyID
    public var agencyCode: String
    public var by: String
    public var at: Date
    /// One of `ratings`.
    public var rating: String
    public var text: String

    public static let ratings = ["useful", "not-useful", "acted-on"]
}

/// A new alert as sent.
public struct AlertInput: Codable, Sendable {
    public var title: String?
    public var category: String?
    public var summary: String?
    public var guidance: String?
    public var indicators: [AlertIndicator]?
    public var sectors: [String]?
    public var marking: ProtectiveMarking?
    public var expiresOn: String?
    public var sourceIntel: String?

    public init(
        title: String?, category: String?, summary: String?, guidance: String? = nil,
        indicators: [AlertIndicator]? = nil, sectors: [String]?,
        marking: ProtectiveMarking? = nil, expiresOn: String?, sourceIntel: String? = nil
    ) {
        self.title = title
        self.category = category
        self.summary = summary
        self.guidance = guidance
        self.indicators = indicators
        self.sectors = sectors
        self.marking = marking
        self.expiresOn = expiresOn
        self.sourceIntel = sourceIntel
    }
}

/// Publishing or withdrawing an alert.
public struct AlertStepInput: Codable, Sendable {
    public var version: Int?
    /// `publish` or `withdraw`.
    public var action: String?
    public var reason: String?

    public init(version: Int?, action: String?, reason: String? = nil) {
        self.version = version
        self.action = action
        self.reason = reason
    }
}

public struct AlertFeedbackInput: Codable, Sendable {
    public var rating: String?
    public var text: String?

    public init(rating: String?, text: String?) {
        self.rating = rating
        self.text = text
    }
}

/// Which sectors a private-sector organisation belongs to: the alerts it receives.
public struct AlertAudience: Codable, Sendable, Equatable {
    public var agencyID: AgencyID
    public var agencyCode: String
    public var agencyName: String
    public var sectors: [String]
}

public struct AlertAudienceInput: Codable, Sendable {
    public var sectors: [String]?
    public init(sectors: [String]?) { self.sectors = sectors }
}

/// An alert as one user may see it. Private-sector users see their own organisation's acknowledgement and feedback
/// only; the issuing agency sees everyone's, and the intelligence it was drawn from.
public struct AlertView: Codable, Sendable, Equatable {
    public var id: IndustryAlertID
    public var issuer: String
    public var title: String
    public var category: String
    public var summary: String
    public var guidance: String
    public var indicators: [AlertIndicator]
    public var sectors: [String]
    public var marking: ProtectiveMarking
    public var expiresOn: String
    public var status: AlertStatus
    public var publishedAt: Date?
    public var withdrawnReason: String?
    public var sourceIntel: IntelReportID?
    public var acknowledgements: [AlertAcknowledgement]
    public var feedback: [AlertFeedback]
    public var version: Int

    public init(_ alert: IndustryAlert, for user: User) {
        let issuing = alert.issuer == user.agencyID
        id = alert.id
        issuer = alert.issuerCode
        title = alert.title
        category = alert.category
        summary = alert.summary
        guidance = alert.guidance
        indicators = alert.indicators
        sectors = alert.sectors
        marking = alert.marking
        expiresOn = alert.expiresOn
        status = alert.status
        publishedAt = alert.publishedAt
        withdrawnReason = alert.withdrawnReason
        sourceIntel = issuing ? alert.sourceIntel : nil
        acknowledgements =
            issuing ? alert.acknowledgements : alert.acknowledgements.filter { $0.agencyID == user.agencyID }
        feedback = issuing ? alert.feedback : alert.feedback.filter { $0.agencyID == user.agencyID }
        version = alert.version
    }
}
