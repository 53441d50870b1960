import Foundation
import LiaisonMatching

/// What the SubjectMatching reads and writes: only these stores.
public typealias SubjectMatchingStore = SubjectStore

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
    let store: any SubjectMatchingStore
    let auditor: Auditor
    /// The weights used for single queries (no batch to fit them to): the standard model, and a prior of one in ten
    /// thousand that a record held is the person asked about (u being how often two records drawn at random agree,
    /// the prior is per record held, not per candidate found).
    public static let model = MatchModel.initial(prior: 1e-4)

    public init(store: any SubjectMatchingStore, audit: AuditLog) {
        self.store = store
        auditor = Auditor(log: audit)
    }

    /// Subjects likely to be the person described, most likely first, at or above `threshold`.
    /// The check and the subjects it returned are recorded in the audit log.
    public func likelyMatches(
        _ details: SubjectDetails, by user: User, threshold: Double = 0.5, limit: Int = 10,
        request: RequestInfo = .none
    ) async throws -> [SubjectMatch] {
        try await auditor.run(
            user, "subject.match", kind: SubjectService.kind, request: request,
            detail: "names: \(details.names.count), identifiers: \(details.identifiers.count)",
            touched: { $0.map(\.subject.id.rawValue) }
        ) {
            var matches = try await Self.gather(
                details,
                fetch: { tokens in
                    try await store.subjects(
                        matching: SubjectQuery(tokens: tokens, viewer: Viewer(user), page: PageRequest(limit: 200))
                    ).items
                },
                keep: { subject, probe -> SubjectMatch? in
                    let decision = AccessPolicy.decide(user, .read, subject.meta, kind: SubjectService.kind)
                    guard decision.allowed else { return nil }
                    let shown = subject.withholding(decision.withheld.map(\.field))
                    let explanation = MatchExplanation(
                        Comparator.compare(probe, PreparedPerson(Self.record(id: shown.id.rawValue, shown.details))),
                        model: Self.model)
                    return explanation.probability >= threshold
                        ? SubjectMatch(subject: shown, probability: explanation.probability, explanation: explanation)
                        : nil
                })
            matches.sort {
                $0.explanation.totalWeight != $1.explanation.totalWeight
                    ? $0.explanation.totalWeight > $1.explanation.totalWeight
                    : $0.subject.id.rawValue < $1.subject.id.rawValue
            }
            return Array(matches.prefix(limit))
        }
    }

    /// The candidates `keep` accepts, from the searches for `details` run through `fetch`, each subject offered
    /// once with the probe to compare it to. The broad searches run only when the selective ones kept no one.
    static func gather<Kept>(
        _ details: SubjectDetails, fetch: ([String]) async throws -> [Subject],
        keep: (Subject, PreparedPerson) -> Kept?
    ) async throws -> [Kept] {
        let probe = PreparedPerson(record(id: "", details))
        let tiers = searches(details)
        var seen = Set<SubjectID>()
        var kept: [Kept] = []
        for tier in [tiers.selective, tiers.broad] where kept.isEmpty {
            for tokens in tier {
                for subject in try await fetch(tokens) where seen.insert(subject.id).inserted {
                    if let item = keep(subject, probe) { kept.append(item) }
                }
            }
        }
        return kept
    }

    /// At most this many searches gather candidates for one check, however many names and identifiers it carries.
    static let maximumSearches = 12

    /// The searches that gather candidates, in two tiers; at most ``maximumSearches`` in all.
    ///
    /// The selective tier: each identifier whole, and the blocking keys (see `SearchKeys.blocking`) of a family
    /// name's sound with the full date of birth, and with the given name's sound and the year (or any year, without
    /// a date). The broad tier, asked only when the selective one finds no one likely: the family name's sound with
    /// the year (a given name spelt another way, a day and month mistyped), or, without a date, the first three
    /// letters of the family name.
    static func searches(_ details: SubjectDetails) -> (selective: [[String]], broad: [[String]]) {
        var selective: [[String]] = []
        var broad: [[String]] = []
        var seen = Set<String>()
        func add(_ word: String, to tier: inout [[String]]) {
            if !word.isEmpty, seen.insert(word).inserted { tier.append([word]) }
        }
        for identifier in details.identifiers { add(TextNormaliser.compact(identifier.value), to: &selective) }
        let dates = details.datesOfBirth.filter { $0.count >= 4 && $0.prefix(4).allSatisfy(\.isNumber) }
        for name in details.names {
            let given = SearchKeys.givenSound(name)
            for family in SearchKeys.familySounds(name) {
                if dates.isEmpty { add("#\(family)/\(given)~", to: &selective) }
                for date in dates {
                    if date.count == 10 { add("#\(family)=" + date.filter(\.isNumber), to: &selective) }
                    add("#\(family)/\(given)~\(date.prefix(4))", to: &selective)
                    add("#\(family)~\(date.prefix(4))", to: &broad)
                }
            }
            if dates.isEmpty {
                let family = TextNormaliser.tokens(name.family).filter { !NameVariants.defaultParticles.contains($0) }
                if let word = family.last ?? TextNormaliser.tokens(name.given).first {
                    add(String(word.prefix(3)), to: &broad)
                }
            }
        }
        selective = Array(selective.prefix(maximumSearches))
        return (selective, Array(broad.prefix(max(0, maximumSearches - selective.count))))
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
        values[.dateOfBirth] = details.datesOfBirth
        values[.sex] = details.sex.map { [$0] }
        values[.nationality] = details.nationalities
        values[.identifier] = details.identifiers.map { PersonRecord.identifier($0.value, kind: $0.kind) }
        values[.phone] = details.phones
        values[.address] = details.addresses.map {
            PersonRecord.place(line: $0.line, town: $0.town, postcode: $0.postcode)
        }
        return PersonRecord(id: id, values: values)
    }
}
