import Foundation

/// One factor of a scoring matrix: its weight and what each level (0 up) means.
public struct ScoringFactor: Codable, Sendable, Equatable {
    public var code: String
    public var label: String
    public var weight: Int
    /// The described levels, lowest first; a rating is an index into them.
    public var levels: [String]

    public init(code: String, label: String, weight: Int, levels: [String]) {
        self.code = code
        self.label = label
        self.weight = weight
        self.levels = levels
    }
}

/// A band (or tier) reached by a score of at least `minimum`, and how soon it is reassessed.
public struct ScoreBand: Codable, Sendable, Equatable {
    public var code: String
    public var minimum: Int
    public var reviewEveryDays: Int

    public init(code: String, minimum: Int, reviewEveryDays: Int) {
        self.code = code
        self.minimum = minimum
        self.reviewEveryDays = reviewEveryDays
    }
}

/// A configurable scoring matrix, kept as data with a version and effective date: weighted factors with described
/// levels give a score from 0 to 100, and the score a band. The same approach scores organised crime groups
/// (threat) and Persons of Interest (risk).
public struct ScoringMatrix: Codable, Sendable, Equatable {
    public var kind: String
    public var version: Int
    public var effectiveFrom: String
    public var factors: [ScoringFactor]
    /// Highest minimum first.
    public var bands: [ScoreBand]

    static let fiveLevels = ["none known", "low", "moderate", "high", "very high"]

    public static let ocgStandard = ScoringMatrix(
        kind: "ocg", version: 1, effectiveFrom: "2026-01-01",
        factors: [
            ScoringFactor(code: "intent", label: "Intent", weight: 2, levels: fiveLevels),
            ScoringFactor(code: "capability", label: "Capability", weight: 3, levels: fiveLevels),
            ScoringFactor(
                code: "criminality", label: "Criminality (seriousness of offending)", weight: 3, levels: fiveLevels),
            ScoringFactor(code: "harm", label: "Harm to people and communities", weight: 4, levels: fiveLevels),
            ScoringFactor(
                code: "reach", label: "Reach (local, regional, national, international)", weight: 2,
                levels: ["local", "several areas", "regional", "national", "international"]),
            ScoringFactor(code: "network", label: "Network and links to other groups", weight: 1, levels: fiveLevels),
        ],
        bands: [
            ScoreBand(code: "1a", minimum: 85, reviewEveryDays: 90),
            ScoreBand(code: "1b", minimum: 75, reviewEveryDays: 90),
            ScoreBand(code: "1c", minimum: 65, reviewEveryDays: 90),
            ScoreBand(code: "2a", minimum: 55, reviewEveryDays: 180),
            ScoreBand(code: "2b", minimum: 45, reviewEveryDays: 180),
            ScoreBand(code: "2c", minimum: 35, reviewEveryDays: 180),
            ScoreBand(code: "3a", minimum: 25, reviewEveryDays: 365),
            ScoreBand(code: "3b", minimum: 15, reviewEveryDays: 365),
            ScoreBand(code: "3c", minimum: 0, reviewEveryDays: 365),
        ])

    public static let poiStandard = ScoringMatrix(
        kind: "poi", version: 1, effectiveFrom: "2026-01-01",
        factors: [
            ScoringFactor(code: "harm", label: "Harm caused or threatened", weight: 4, levels: fiveLevels),
            ScoringFactor(
                code: "criminality", label: "Seriousness and persistence of offending", weight: 3, levels: fiveLevels),
            ScoringFactor(code: "capability", label: "Capability and resources", weight: 2, levels: fiveLevels),
            ScoringFactor(code: "influence", label: "Influence within groups", weight: 2, levels: fiveLevels),
            ScoringFactor(
                code: "exploitation", label: "Exploitation of vulnerable people", weight: 3, levels: fiveLevels),
        ],
        bands: [
            ScoreBand(code: "tier-1", minimum: 60, reviewEveryDays: 90),
            ScoreBand(code: "tier-2", minimum: 35, reviewEveryDays: 180),
            ScoreBand(code: "tier-3", minimum: 0, reviewEveryDays: 365),
        ])

    /// The score (0–100) and band for a rating of every factor, each failure naming `ratings.FACTOR`.
    public func score(_ ratings: [String: Int]) throws -> (score: Int, band: ScoreBand) {
        var v = Validator()
        for factor in factors {
            guard let level = ratings[factor.code] else {
                v.fail("ratings.\(factor.code)", "must be rated")
                continue
            }
            if !factor.levels.indices.contains(level) {
                v.fail("ratings.\(factor.code)", "must be from 0 to \(factor.levels.count - 1)")
            }
        }
        for code in ratings.keys.sorted() where !factors.contains(where: { $0.code == code }) {
            v.fail("ratings.\(code)", "is not a factor of this matrix")
        }
        try v.check()
        let reached = factors.reduce(0) { $0 + $1.weight * ratings[$1.code]! }
        let most = factors.reduce(0) { $0 + $1.weight * ($1.levels.count - 1) }
        let score = most == 0 ? 0 : Int((Double(reached) * 100 / Double(most)).rounded())
        return (score, bands.first { score >= $0.minimum } ?? bands.last!)
    }
}

/// One assessment of a group's threat or a person's risk, kept for ever: who, when, why, the ratings and what they gave.
public struct Assessment: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    /// `ocg` or `poi`.
    public var recordKind: String
    public var recordID: String
    public var matrixVersion: Int
    public var ratings: [String: Int]
    public var score: Int
    public var band: String
    public var rationale: String
    public var by: String
    public var at: Date
    public var nextReviewDue: Date

    /// Assesses against `matrix` at `time`.
    public static func make(
        kind: String, recordID: String, ratings: [String: Int], rationale: String, matrix: ScoringMatrix,
        by user: User, at time: Date
    ) throws -> Assessment {
        let why = rationale.trimmingCharacters(in: .whitespacesAndNewlines)
        if why.isEmpty { throw LiaisonError.invalid("rationale", "must say why") }
        let (score, band) = try matrix.score(ratings)
        return Assessment(
            id: UUID().uuidString.lowercased(), recordKind: kind, recordID: recordID, matrixVersion: matrix.version,
            ratings: ratings,
            score: score, band: band.code, rationale: why, by: user.username, at: time,
            nextReviewDue: time.addingTimeInterval(Double(band.reviewEveryDays) * 86_400))
    }
}

/// An assessment as sent: the ratings by factor code, why, and the version of the record it was made on.
public struct AssessmentInput: Codable, Sendable {
    public var version: Int?
    public var ratings: [String: Int]?
    public var rationale: String?

    public init(version: Int?, ratings: [String: Int]?, rationale: String?) {
        self.version = version
        self.ratings = ratings
        self.rationale = rationale
    }
}

/// A Person of Interest: a subject an agency manages on a risk basis, with its tier, owner, next review and, for
/// serious career criminals, lifetime management.
public struct PersonOfInterest: Codable, Sendable, Identifiable {
    public var id: POIID
    public var meta: RecordMeta
    public var subjectID: SubjectID
    /// The officer managing the person (a username).
    public var owner: String
    public var tier: String?
    public var score: Int?
    public var reviewDue: Date
    public var lifetimeManagement: Bool
    public var status: String
    /// The subject's name as the reader may see it: filled in when the PoI is read (`References`), never stored.
    public var subjectName: String?

    public init(
        id: POIID = .make(), meta: RecordMeta, subjectID: SubjectID, owner: String, tier: String? = nil,
        score: Int? = nil,
        reviewDue: Date, lifetimeManagement: Bool, status: String = "active"
    ) {
        self.id = id
        self.meta = meta
        self.subjectID = subjectID
        self.owner = owner
        self.tier = tier
        self.score = score
        self.reviewDue = reviewDue
        self.lifetimeManagement = lifetimeManagement
        self.status = status
    }
}

public typealias POIID = ID<PersonOfInterest>

/// Adopting a subject as a Person of Interest: the subject, the managing officer (yourself unless named), lifetime
/// management, and the record's marking.
public struct POIInput: Codable, Sendable {
    public var subjectID: SubjectID
    public var owner: String?
    public var lifetimeManagement: Bool?
    public var marking: ProtectiveMarking?

    public init(
        subjectID: SubjectID, owner: String? = nil, lifetimeManagement: Bool? = nil, marking: ProtectiveMarking? = nil
    ) {
        self.subjectID = subjectID
        self.owner = owner
        self.lifetimeManagement = lifetimeManagement
        self.marking = marking
    }
}
