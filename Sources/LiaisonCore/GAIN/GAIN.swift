import Foundation

/// A GAIN hit/no-hit request: a coordinator asks named partner agencies whether they hold anything on a
/// person, a vehicle or a company, with a stated purpose. Each agency's answer is hit or no hit and nothing more; a holding agency is
/// told who asked and why, and may choose to share.
public struct GAINRequest: Codable, Sendable, Equatable {
    public var id: GAINRequestID
    public var requesterAgency: AgencyID
    public var requester: String
    public var purpose: String
    /// The person asked about; or the vehicle (its registration), or the company (its name or number).
    public var person: SubjectDetails?
    public var vehicle: String?
    public var company: String?
    public var askedAt: Date
    public var answers: [GAINAnswer]

    public init(
        id: GAINRequestID, requesterAgency: AgencyID, requester: String, purpose: String, person: SubjectDetails?,
        vehicle: String? = nil, company: String? = nil, askedAt: Date, answers: [GAINAnswer]
    ) {
        self.id = id
        self.requesterAgency = requesterAgency
        self.requester = requester
        self.purpose = purpose
        self.person = person
        self.vehicle = vehicle
        self.company = company
        self.askedAt = askedAt
        self.answers = answers
    }
}

public typealias GAINRequestID = ID<GAINRequest>

/// One agency's answer. The matched records stay with the holding agency: the requester sees `hit` and, if the
/// holder chooses, what it shares.
public struct GAINAnswer: Codable, Sendable, Equatable {
    public var agencyID: AgencyID
    public var agencyCode: String
    public var hit: Bool
    /// The holding agency's own records that matched (never shown to the requester): subjects, for a person;
    /// intelligence reports linking the vehicle or company.
    public var matched: [SubjectID]
    public var reports: [IntelReportID]?
    public var shared: String?
    public var sharedBy: String?
    public var sharedAt: Date?
}

/// A request as sent.
public struct GAINRequestInput: Codable, Sendable {
    public var purpose: String?
    /// What is asked about: one of a person, a vehicle's registration, or a company's name or number.
    public var person: SubjectDetails?
    public var vehicle: String?
    public var company: String?
    /// Agency codes to ask.
    public var agencies: [String]?

    public init(
        purpose: String?, person: SubjectDetails? = nil, vehicle: String? = nil, company: String? = nil,
        agencies: [String]?
    ) {
        self.purpose = purpose
        self.person = person
        self.vehicle = vehicle
        self.company = company
        self.agencies = agencies
    }
}

/// A holding agency's decision to share with the requester after a hit.
public struct GAINShareInput: Codable, Sendable {
    public var requestID: String?
    public var message: String?

    public init(requestID: String?, message: String?) {
        self.requestID = requestID
        self.message = message
    }
}

/// A request as the requester sees it: hit or no hit per agency, and anything shared.
public struct GAINRequestView: Codable, Sendable, Equatable {
    public struct Answer: Codable, Sendable, Equatable {
        public var agencyCode: String
        public var result: String
        public var shared: String?

        public init(agencyCode: String, result: String, shared: String?) {
            self.agencyCode = agencyCode
            self.result = result
            self.shared = shared
        }
    }

    public var id: GAINRequestID
    /// What was asked about, as words: "person: Mohammed Al-Rashid, born 1985-07-03", "vehicle: MX19 ABC".
    public var about: String
    public var purpose: String
    public var askedAt: Date
    public var requester: String
    public var answers: [Answer]

    public init(_ request: GAINRequest) {
        id = request.id
        about = request.about
        purpose = request.purpose
        askedAt = request.askedAt
        requester = request.requester
        answers = request.answers.map {
            Answer(agencyCode: $0.agencyCode, result: $0.hit ? "hit" : "no hit", shared: $0.shared)
        }
    }
}

/// A hit as the holding agency sees it: who asked, why, and which of its own records matched.
public struct GAINHitView: Codable, Sendable, Equatable {
    public var requestID: GAINRequestID
    public var requesterAgencyCode: String
    public var requester: String
    public var about: String
    public var purpose: String
    public var askedAt: Date
    public var matched: [SubjectID]
    public var reports: [IntelReportID]
    public var shared: String?

    public init(_ request: GAINRequest, answer: GAINAnswer, requesterAgencyCode: String) {
        requestID = request.id
        self.requesterAgencyCode = requesterAgencyCode
        requester = request.requester
        about = request.about
        purpose = request.purpose
        askedAt = request.askedAt
        matched = answer.matched
        reports = answer.reports ?? []
        shared = answer.shared
    }
}

extension GAINRequest {
    /// What was asked about, as words.
    public var about: String {
        if let vehicle { return "vehicle: \(vehicle)" }
        if let company { return "company: \(company)" }
        guard let person, let name = person.primaryName else { return "person" }
        return "person: \(name.full)" + (person.datesOfBirth.first.map { ", born \($0)" } ?? "")
    }
}
