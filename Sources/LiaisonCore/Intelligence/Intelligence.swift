import Foundation
import LiaisonMatching

/// The current 3x5x2 grading of an intelligence report: how reliable the source is, how the information is
/// known, and whether (and on what terms) it may be shared. The handling code is the record's own, so the
/// access policy applies it to every later use.
public struct IntelGrading: Codable, Sendable, Equatable {
    public enum Source: String, Codable, Sendable, CaseIterable {
        case reliable = "1"
        case untested = "2"
        case notReliable = "3"
        public var label: String { ["1": "reliable", "2": "untested", "3": "not reliable"][rawValue]! }
    }

    public enum Assessment: String, Codable, Sendable, CaseIterable {
        case a = "A"
        case b = "B"
        case c = "C"
        case d = "D"
        case e = "E"
        public var label: String {
            [
                "A": "known directly", "B": "known indirectly, corroborated", "C": "known indirectly", "D": "not known",
                "E": "suspected false",
            ][rawValue]!
        }
    }

    public var source: Source
    public var assessment: Assessment
    public var handling: HandlingCode

    public init(source: Source, assessment: Assessment, handling: HandlingCode) {
        self.source = source
        self.assessment = assessment
        self.handling = handling
    }

    /// As officers write it, e.g. "1BP" or "2CC".
    public var code: String { source.rawValue + assessment.rawValue + handling.code.rawValue }
}

/// A grade under the old 5x5x5 model, imported as it was and shown as such: never translated silently.
public struct LegacyGrading: Codable, Sendable, Equatable {
    /// A–E, 1–5 and 1–5.
    public var source: String
    public var intelligence: String
    public var handling: String

    public init(source: String, intelligence: String, handling: String) {
        self.source = source
        self.intelligence = intelligence
        self.handling = handling
    }

    public var code: String { "\(source)\(intelligence)\(handling) (5x5x5)" }

    public var valid: Bool {
        ["A", "B", "C", "D", "E"].contains(source) && ["1", "2", "3", "4", "5"].contains(intelligence)
            && ["1", "2", "3", "4", "5"].contains(handling)
    }
}

/// Where the information came from. A covert source's reference is a protected field.
public struct IntelSource: Codable, Sendable, Equatable {
    /// agency, partner or covert.
    public var kind: String
    public var description: String
    public var covertReference: String?

    public init(kind: String, description: String, covertReference: String? = nil) {
        self.kind = kind
        self.description = description
        self.covertReference = covertReference
    }

    public static let kinds = ["agency", "partner", "covert"]
}

/// Something the report is about: a record (subject, group, case) by ID, or an address, phone, vehicle or
/// account by its value.
public struct IntelLink: Codable, Sendable, Equatable {
    public var kind: String
    public var value: String

    public init(kind: String, value: String) {
        self.kind = kind
        self.value = value
    }

    /// What a kind of link is called on pages: "Person", "Vehicle"…
    public static func kindLabel(_ kind: String) -> String {
        ["subject": "Person", "ocg": "Group", "case": "Case"][kind] ?? kind.prefix(1).uppercased() + kind.dropFirst()
    }

    public static let kinds = ["subject", "ocg", "case", "address", "phone", "vehicle", "account", "company"]
    /// The kinds found by their value (a GAIN request about a vehicle or a company), and the key each is kept under.
    public static let keyedKinds: Set<String> = ["vehicle", "company", "phone", "account"]

    /// The form a value is compared in: a registration, phone or account number without spaces or punctuation,
    /// in lower case ("MX19 ABC" → "mx19abc"); a company's name without its legal form ("Acme Trading Ltd" and
    /// "ACME TRADING LIMITED" → "acmetrading"), or its registered number as it is. Nil when nothing is left.
    public static func key(kind: String, value: String) -> String? {
        var words = TextNormaliser.tokens(value)
        if kind == "company" {
            while words.count > 1, let last = words.last, companySuffixes.contains(last) { words.removeLast() }
        }
        let key = words.joined()
        return key.isEmpty ? nil : String(key.prefix(120))
    }

    static let companySuffixes: Set<String> = [
        "ltd", "limited", "plc", "llp", "lp", "cic", "inc", "co", "company", "uk", "the",
    ]
}

/// A version of the report written for a wider audience; the original stays protected.
public struct SanitisedVersion: Codable, Sendable, Equatable {
    public var id: Int
    public var text: String
    public var writtenBy: String
    public var writtenAt: Date
}

/// A report sent to an agency: which version, under which conditions, and when it was received and read.
public struct Dissemination: Codable, Sendable, Equatable {
    public var id: Int
    public var agencyID: AgencyID
    public var agencyCode: String
    /// The sanitised version sent, or nil for the original.
    public var sanitisedVersion: Int?
    public var conditions: String?
    public var sentBy: String
    public var sentAt: Date
    public var readBy: String?
    public var readAt: Date?
}

/// One step of the report's workflow.
public struct IntelStep: Codable, Sendable, Equatable {
    public var status: String
    public var by: String
    public var at: Date
    public var note: String

    public init(status: String, by: String, at: Date, note: String) {
        self.status = status
        self.by = by
        self.at = at
        self.note = note
    }
}

/// An intelligence report: the text, when and where the information dates from, its source, what it links to,
/// its marking and grading, its workflow (draft → submitted → on the record, assessed by a supervisor), its
/// sanitised versions and where it has been sent.
public struct IntelReport: Codable, Sendable, Equatable {
    public var id: IntelReportID
    public var meta: RecordMeta
    public var text: String
    public var infoDate: String
    public var place: String?
    public var source: IntelSource
    public var links: [IntelLink]
    public var grading: IntelGrading?
    public var legacyGrading: LegacyGrading?
    /// draft, submitted or recorded.
    public var status: String
    public var reviewDate: String?
    public var sanitised: [SanitisedVersion]
    public var disseminations: [Dissemination]
    public var history: [IntelStep]
    /// Fields the reader may not see, left empty.
    public var withheld: [String]
    /// The names of the linked subjects and groups the reader may read, filled in when the report is read
    /// (`References`); never stored or searched.
    public var linkedNames: [String] = []

    public init(
        id: IntelReportID, meta: RecordMeta, text: String, infoDate: String, place: String?, source: IntelSource,
        links: [IntelLink],
        grading: IntelGrading?, legacyGrading: LegacyGrading?, status: String, reviewDate: String?,
        sanitised: [SanitisedVersion],
        disseminations: [Dissemination], history: [IntelStep], withheld: [String]
    ) {
        self.id = id
        self.meta = meta
        self.text = text
        self.infoDate = infoDate
        self.place = place
        self.source = source
        self.links = links
        self.grading = grading
        self.legacyGrading = legacyGrading
        self.status = status
        self.reviewDate = reviewDate
        self.sanitised = sanitised
        self.disseminations = disseminations
        self.history = history
        self.withheld = withheld
    }

    /// The grade as shown: the current one, or the legacy one marked as such.
    public var gradeLabel: String { grading?.code ?? legacyGrading?.code ?? "ungraded" }
}

public typealias IntelReportID = ID<IntelReport>

/// A new report, or a draft's new text.
public struct IntelReportInput: Codable, Sendable, RecordInput {
    public var version: Int?
    public var text: String?
    public var infoDate: String?
    public var place: String?
    public var source: IntelSource?
    public var links: [IntelLink]?
    public var grading: IntelGrading?
    public var legacyGrading: LegacyGrading?
    public var marking: ProtectiveMarking?
    public var sharing: Sharing?
    public var needToKnow: String?

    public init(
        version: Int? = nil, text: String?, infoDate: String?, place: String? = nil, source: IntelSource?,
        links: [IntelLink]? = nil,
        grading: IntelGrading? = nil, legacyGrading: LegacyGrading? = nil, marking: ProtectiveMarking? = nil,
        sharing: Sharing? = nil,
        needToKnow: String? = nil
    ) {
        self.version = version
        self.text = text
        self.infoDate = infoDate
        self.place = place
        self.source = source
        self.links = links
        self.grading = grading
        self.legacyGrading = legacyGrading
        self.marking = marking
        self.sharing = sharing
        self.needToKnow = needToKnow
    }
}

/// A full-text search over the reports, with filters. Only what the searcher may see is counted or shown.
public struct IntelSearchQuery: Codable, Sendable {
    public var text: String
    /// A grade such as "1B" or "1BC" (prefix), or "5x5x5" for legacy grades.
    public var grade: String?
    public var classification: Classification?
    public var from: String?
    public var to: String?
    /// The holding agency, by ID.
    public var agency: AgencyID?
    public var subject: SubjectID?
    public var ocg: OCGID?
    public var limit: Int

    public init(
        text: String, grade: String? = nil, classification: Classification? = nil, from: String? = nil,
        to: String? = nil,
        agency: AgencyID? = nil, subject: SubjectID? = nil, ocg: OCGID? = nil, limit: Int = 20
    ) {
        self.text = text
        self.grade = grade
        self.classification = classification
        self.from = from
        self.to = to
        self.agency = agency
        self.subject = subject
        self.ocg = ocg
        self.limit = limit
    }
}

public struct IntelSearchHit: Codable, Sendable, Equatable {
    public var id: IntelReportID
    public var infoDate: String
    public var grade: String
    public var status: String
    /// The matching passage, matches between [ and ].
    public var snippet: String

    public init(id: IntelReportID, infoDate: String, grade: String, status: String, snippet: String) {
        self.id = id
        self.infoDate = infoDate
        self.grade = grade
        self.status = status
        self.snippet = snippet
    }
}

public struct IntelSearchResult: Codable, Sendable, Equatable {
    public var total: Int
    public var items: [IntelSearchHit]

    public init(total: Int, items: [IntelSearchHit]) {
        self.total = total
        self.items = items
    }
}

/// A workflow step: submit, assess (correcting the grading, setting a review date), sanitise, or send.
public struct IntelStepInput: Codable, Sendable {
    public var version: Int?
    /// submit, assess, return, sanitise, disseminate or read.
    public var action: String?
    public var grading: IntelGrading?
    public var reviewDate: String?
    public var note: String?
    /// For sanitise: the text for a wider audience.
    public var sanitisedText: String?
    /// For disseminate: the agencies by code, the sanitised version (none: the original) and conditions.
    public var agencies: [String]?
    public var sanitisedVersion: Int?
    public var conditions: String?

    public init(
        version: Int?, action: String?, grading: IntelGrading? = nil, reviewDate: String? = nil, note: String? = nil,
        sanitisedText: String? = nil,
        agencies: [String]? = nil, sanitisedVersion: Int? = nil, conditions: String? = nil
    ) {
        self.version = version
        self.action = action
        self.grading = grading
        self.reviewDate = reviewDate
        self.note = note
        self.sanitisedText = sanitisedText
        self.agencies = agencies
        self.sanitisedVersion = sanitisedVersion
        self.conditions = conditions
    }
}
