import Foundation
import LiaisonMatching

/// A subject the user may see that is likely the person asked about, with the engine's reasons.
public struct SubjectMatch: Codable, Sendable {
    public var subject: Subject
    public var probability: Double
    public var explanation: MatchExplanation
}

/// "Do we hold this person?" over the subjects a user may see: the check shown before a subject is created,
/// and asked directly through the API. Candidates come from the store's name and identifier search (so the
/// access policy bounds them exactly as it bounds a search); the entity-resolution engine scores each.
public struct SubjectMatching: Sendable {
    let store: any LiaisonStore
    let auditor: Auditor
    /// The weights used for single queries (no batch to fit them to): agreement on a field is strong evidence,
    /// and only about one candidate in a hundred is the person.
    public static let model = MatchModel.initial(prior: 0.01)

    public init(store: any LiaisonStore, audit: AuditLog) {
        self.store = store
        auditor = Auditor(log: audit)
    }

    /// Subjects likely to be the person described, most likely first, at or above `threshold`.
    /// The check and the subjects it returned are recorded in the audit log.
    public func likelyMatches(_ details: SubjectDetails, by user: User, threshold: Double = 0.5, limit: Int = 10,
                              request: RequestInfo = .none) async throws -> [SubjectMatch] {
        try await auditor.run(user, "subject.match", kind: SubjectService.kind, request: request,
                              detail: "names: \(details.names.count), identifiers: \(details.identifiers.count)",
                              touched: { $0.map(\.subject.id.rawValue) }) {
            let probe = PreparedPerson(Self.record(id: "", details))
            var candidates: [String: Subject] = [:]
            for tokens in Self.searches(details) {
                let page = try await store.subjects(matching: SubjectQuery(tokens: tokens, viewer: Viewer(user), page: PageRequest(limit: 200)))
                for subject in page.items { candidates[subject.id.rawValue] = subject }
            }
            var matches: [SubjectMatch] = []
            for subject in candidates.values {
                let decision = AccessPolicy.decide(user, .read, subject.meta, kind: SubjectService.kind)
                guard decision.allowed else { continue }
                let shown = subject.withholding(decision.withheld.map(\.field))
                let explanation = MatchExplanation(Comparator.compare(probe, PreparedPerson(Self.record(id: shown.id.rawValue, shown.details))),
                                                   model: Self.model)
                if explanation.probability >= threshold {
                    matches.append(SubjectMatch(subject: shown, probability: explanation.probability, explanation: explanation))
                }
            }
            matches.sort { $0.explanation.totalWeight != $1.explanation.totalWeight ? $0.explanation.totalWeight > $1.explanation.totalWeight
                : $0.subject.id.rawValue < $1.subject.id.rawValue }
            return Array(matches.prefix(limit))
        }
    }

    /// At most this many searches gather candidates for one check, however many names and identifiers it carries.
    static let maximumSearches = 12

    /// The searches that gather candidates: the first three letters of each family name (so spellings that differ
    /// later still meet) and each identifier whole; at most ``maximumSearches``, identifiers first.
    static func searches(_ details: SubjectDetails) -> [[String]] {
        var searches: [[String]] = []
        func add(_ word: String) { if !word.isEmpty, !searches.contains([word]) { searches.append([word]) } }
        for identifier in details.identifiers { add(TextNormaliser.compact(identifier.value)) }
        for name in details.names {
            let family = TextNormaliser.tokens(name.family).filter { !NameVariants.defaultParticles.contains($0) }
            if let word = family.last ?? TextNormaliser.tokens(name.given).first { add(String(word.prefix(3))) }
        }
        return Array(searches.prefix(maximumSearches))
    }

    /// A subject as the engine's person record.
    public static func record(id: String, _ details: SubjectDetails) -> PersonRecord {
        var values: [PersonField: [String]] = [:]
        if let primary = details.primaryName {
            values[.givenName] = [primary.given]
            values[.middleNames] = primary.middle.map { [$0] }
            values[.surname] = [primary.family]
        }
        values[.alias] = details.aliases.map { $0.full }
        values[.dateOfBirth] = Array(details.datesOfBirth.prefix(1))
        values[.sex] = details.sex.map { [$0] }
        values[.nationality] = Array(details.nationalities.prefix(1))
        values[.identifier] = details.identifiers.map(\.value)
        values[.phone] = Array(details.phones.prefix(1))
        if let address = details.addresses.first {
            values[.address] = [address.line]
            values[.town] = address.town.map { [$0] }
            values[.postcode] = address.postcode.map { [$0] }
        }
        return PersonRecord(id: id, values: values)
    }
}
