import Foundation

/// A GAIN hit/no-hit request: a coordinator asks named partner agencies whether they hold anything on a
/// person, with a stated purpose. Each agency's answer is hit or no hit and nothing more; a holding agency is
/// told who asked and why, and may choose to share.
public struct GAINRequest: Codable, Sendable, Equatable {
    public var id: GAINRequestID
    public var requesterAgency: AgencyID
    public var requester: String
    public var purpose: String
    /// The person asked about.
    public var person: SubjectDetails
    public var askedAt: Date
    public var answers: [GAINAnswer]

    public init(id: GAINRequestID, requesterAgency: AgencyID, requester: String, purpose: String, person: SubjectDetails, askedAt: Date, answers: [GAINAnswer]) {
        self.id = id
        self.requesterAgency = requesterAgency
        self.requester = requester
        self.purpose = purpose
        self.person = person
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
    /// The holding agency's own records that matched (never shown to the requester).
    public var matched: [SubjectID]
    public var shared: String?
    public var sharedBy: String?
    public var sharedAt: Date?
}

/// A request as sent.
public struct GAINRequestInput: Codable, Sendable {
    public var purpose: String?
    public var person: SubjectDetails?
    /// Agency codes to ask.
    public var agencies: [String]?

    public init(purpose: String?, person: SubjectDetails?, agencies: [String]?) {
        self.purpose = purpose
        self.person = person
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
    public var purpose: String
    public var askedAt: Date
    public var requester: String
    public var answers: [Answer]

    public init(_ request: GAINRequest) {
        id = request.id
        purpose = request.purpose
        askedAt = request.askedAt
        requester = request.requester
        answers = request.answers.map { Answer(agencyCode: $0.agencyCode, result: $0.hit ? "hit" : "no hit", shared: $0.shared) }
    }
}

/// A hit as the holding agency sees it: who asked, why, and which of its own records matched.
public struct GAINHitView: Codable, Sendable, Equatable {
    public var requestID: GAINRequestID
    public var requesterAgencyCode: String
    public var requester: String
    public var purpose: String
    public var askedAt: Date
    public var matched: [SubjectID]
    public var shared: String?
}
