/// Government Security Classification of a record.
public enum Classification: String, Codable, Sendable, CaseIterable, Comparable {
    case official = "OFFICIAL"
    case officialSensitive = "OFFICIAL-SENSITIVE"
    case secret = "SECRET"
    case topSecret = "TOP SECRET"

    public var rank: Int {
        switch self {
        case .official: 0
        case .officialSensitive: 1
        case .secret: 2
        case .topSecret: 3
        }
    }

    public static func < (lhs: Classification, rhs: Classification) -> Bool { lhs.rank < rhs.rank }
}

/// A protective marking: the classification plus descriptors (e.g. PERSONAL) and caveats (e.g. UK EYES ONLY).
public struct ProtectiveMarking: Codable, Sendable, Equatable {
    public var classification: Classification
    public var descriptors: [String]
    public var caveats: [String]

    public init(_ classification: Classification = .official, descriptors: [String] = [], caveats: [String] = []) {
        self.classification = classification
        self.descriptors = descriptors
        self.caveats = caveats
    }

    public static let official = ProtectiveMarking(.official)

    /// The marking as printed on a page, e.g. "OFFICIAL-SENSITIVE PERSONAL UK EYES ONLY".
    public var label: String { ([classification.rawValue] + descriptors + caveats).joined(separator: " ") }
}

/// National security vetting levels, lowest first.
public enum Vetting: String, Codable, Sendable, CaseIterable, Comparable {
    case bpss = "BPSS"
    case sc = "SC"
    case dv = "DV"

    public var rank: Int {
        switch self {
        case .bpss: 0
        case .sc: 1
        case .dv: 2
        }
    }

    public static func < (lhs: Vetting, rhs: Vetting) -> Bool { lhs.rank < rhs.rank }

    /// The highest classification this vetting level ordinarily gives access to.
    public var maximumClassification: Classification {
        switch self {
        case .bpss: .officialSensitive
        case .sc: .secret
        case .dv: .topSecret
        }
    }
}

/// The handling code of the 3x5x2 intelligence grading: whether, and on what terms, the material may be passed on.
public struct HandlingCode: Codable, Sendable, Equatable {
    public enum Code: String, Codable, Sendable, CaseIterable {
        /// P: lawful sharing permitted.
        case p = "P"
        /// C: sharing permitted with conditions, recorded with the code.
        case c = "C"
    }

    public var code: Code
    /// The conditions that bind any further use (code C).
    public var conditions: String?

    public init(_ code: Code, conditions: String? = nil) {
        self.code = code
        self.conditions = conditions
    }
}
