import Foundation
import LiaisonMatching

/// What the MatchReview service reads and writes: only these stores.
public typealias MatchReviewServiceStore = MatchReviewStore & SubjectStore & AgencyStore

/// A review and the two subjects it pairs, as the reader may see them.
public struct MatchReviewItem: Codable, Sendable {
    public var review: MatchReview
    public var left: Subject
    public var right: Subject
}

/// What a search for duplicates found.
public struct DuplicateSearchResult: Codable, Sendable, Equatable {
    /// Subjects the search covered: those the user may see.
    public var subjects: Int
    /// Pairs the engine compared after blocking.
    public var candidatePairs: Int
    /// New pairs waiting for review.
    public var queued: Int
    /// New pairs linked automatically (reversible, like any decision).
    public var linked: Int
}

/// The engine's run over the subjects a user may see, with reviewers' decisions among them.
public struct SubjectResolution: Sendable {
    /// The subjects, as prepared for matching (each with its subject ID).
    public var people: [PreparedPerson]
    public var resolution: Resolution
    /// Pairs decided to be one person (by a reviewer, or linked by the engine and not undone), as positions in `people`.
    public var same: [(Int, Int)]
    /// Pairs a reviewer decided are two people.
    public var notSame: [(Int, Int)]

    /// The pairs found at or above the threshold, strongest first, but for those a reviewer decided are two people.
    public var matches: [ScoredPair] {
        let refused = Set(notSame.map { Self.key($0.0, $0.1) })
        return resolution.matches.filter { !refused.contains(Self.key(Int($0.left), Int($0.right))) }
    }

    /// A cluster number per subject (the position of the first of its person): the pairs found joined, and those
    /// decided one person, never two a reviewer decided are not.
    public var clusters: [Int] {
        Clustering.clusters(
            count: people.count, pairs: matches.map { (Int($0.left), Int($0.right)) } + same, notSame: notSame)
    }

    private static func key(_ a: Int, _ b: Int) -> UInt64 { UInt64(min(a, b)) << 32 | UInt64(max(a, b)) }
}

/// The review queue of entity resolution: a batch run over the subjects a user may see puts likely pairs in the
/// queue (pairs above `automaticLink` are linked at once); reviewers decide same, not the same, or unsure; any
/// decision can be undone. Decisions never change the subjects, are kept with who and when, feed back into the
/// model as labelled pairs on the next run (a person's, not the engine's own links), and a pair once decided is never
/// queued again.
public struct MatchReviewService: Sendable {
    let store: any MatchReviewServiceStore
    let clock: any LiaisonClock
    let auditor: Auditor
    public var reviewFrom: Double
    public var automaticLink: Double

    public static let kind = "match"

    public init(
        store: any MatchReviewServiceStore, clock: any LiaisonClock, audit: AuditLog, reviewFrom: Double = 0.5,
        automaticLink: Double = 0.99
    ) {
        self.store = store
        self.clock = clock
        auditor = Auditor(log: audit)
        self.reviewFrom = reviewFrom
        self.automaticLink = automaticLink
    }

    /// Runs the engine over every subject the user may see and queues the likely pairs not yet held; with
    /// `createdSince`, only pairs in which at least one subject was created since then (after an import, say).
    public func findDuplicates(by user: User, createdSince: Date? = nil, request: RequestInfo = .none) async throws
        -> DuplicateSearchResult
    {
        try await auditor.run(
            user, "match.find", kind: Self.kind, request: request,
            detail: createdSince.map { "pairs with a subject created since \($0)" }, touched: { _ in [] }
        ) {
            let (visible, run) = try await resolveVisible(by: user, threshold: reviewFrom)
            let (people, resolution) = (run.people, run.resolution)
            let now = clock.now()
            var reviews: [MatchReview] = []
            let recent = createdSince.map { since in
                Set(visible.filter { $0.meta.createdAt >= since }.map(\.id.rawValue))
            }
            for pair in resolution.matches {
                let left = people[Int(pair.left)]
                let right = people[Int(pair.right)]
                if let recent, !recent.contains(left.id), !recent.contains(right.id) { continue }
                let explanation = MatchExplanation(
                    Comparator.compare(left, right), scored: pair, model: resolution.model)
                let automatic = pair.probability >= automaticLink
                reviews.append(
                    MatchReview(
                        pair: (SubjectID(left.id), SubjectID(right.id)), probability: pair.probability,
                        explanation: explanation, foundAt: now,
                        decisions: automatic
                            ? [
                                .init(
                                    status: .same, by: "liaison", at: now, note: "linked automatically", automatic: true
                                )
                            ] : []))
            }
            let held = Set(
                try await store.matchReviews(status: nil, limit: 100_000).map {
                    "\($0.leftID.rawValue) \($0.rightID.rawValue)"
                })
            let new = reviews.filter { !held.contains("\($0.leftID.rawValue) \($0.rightID.rawValue)") }
            try await store.insertMatchReviews(new)
            let newLinked = new.filter { $0.status == .same }.count
            return DuplicateSearchResult(
                subjects: people.count, candidatePairs: resolution.candidatePairs,
                queued: new.count - newLinked, linked: newLinked)
        }
    }

    /// Runs the engine over every subject the user may see, taught by reviewers' decisions among them, and says
    /// which pairs a decision holds to be one person or two. Queues nothing: for reading the answer whole (`liaison
    /// resolve subjects`). The subjects read are kept in the audit entry.
    public func resolve(by user: User, threshold: Double = 0.9, request: RequestInfo = .none) async throws
        -> SubjectResolution
    {
        try await auditor.run(
            user, "match.resolve", kind: Self.kind, request: request, detail: "threshold \(threshold)",
            touched: { $0.people.map(\.id) }
        ) {
            try await resolveVisible(by: user, threshold: threshold).1
        }
    }

    /// The subjects the user may see, as the policy lets them be seen, and the engine's run over them.
    private func resolveVisible(by user: User, threshold: Double) async throws -> ([Subject], SubjectResolution) {
        var visible: [Subject] = []
        var cursor: String?
        repeat {
            let page = try await store.subjects(
                matching: SubjectQuery(
                    viewer: Viewer(user), page: PageRequest(limit: PageRequest.maximumLimit, cursor: cursor)))
            for subject in page.items {
                let decision = AccessPolicy.decide(user, .read, subject.meta, kind: SubjectService.kind)
                if decision.allowed { visible.append(subject.withholding(decision.withheld.map(\.field))) }
            }
            cursor = page.nextCursor
        } while cursor != nil
        let people = await PreparedPerson.prepareAll(
            visible.map { SubjectMatching.record(id: $0.id.rawValue, $0.details) })
        let decided = Self.decided(try await store.matchReviews(status: nil, limit: 100_000), among: people)
        let resolution = await Resolver(threshold: threshold).dedupe(people, labelled: decided.labelled)
        return (
            visible,
            SubjectResolution(people: people, resolution: resolution, same: decided.same, notSame: decided.notSame)
        )
    }

    /// What reviewers decided of pairs among `people`, as labelled comparisons that teach the model what a match looks
    /// like here. A pair the engine linked itself is not one: counted, each run would learn its own answers, and
    /// strangers compared as its links were would be pulled towards "the same" by them. A person's decision on
    /// such a pair counts.
    static func labels(_ reviews: [MatchReview], among people: [PreparedPerson]) -> [(pattern: UInt64, match: Bool)] {
        decided(reviews, among: people).labelled
    }

    /// Reviewers' decisions on pairs among `people`: the labels (see ``labels(_:among:)``), and the pairs decided one
    /// person (the engine's links too, until undone) and two, as positions in `people`.
    static func decided(_ reviews: [MatchReview], among people: [PreparedPerson]) -> (
        labelled: [(pattern: UInt64, match: Bool)], same: [(Int, Int)], notSame: [(Int, Int)]
    ) {
        let position = Dictionary(uniqueKeysWithValues: people.enumerated().map { ($1.id, $0) })
        var result: (labelled: [(pattern: UInt64, match: Bool)], same: [(Int, Int)], notSame: [(Int, Int)]) = (
            [], [], []
        )
        for review in reviews where review.status == .same || review.status == .notSame {
            guard let l = position[review.leftID.rawValue], let r = position[review.rightID.rawValue] else { continue }
            let same = review.status == .same
            if same { result.same.append((l, r)) } else { result.notSame.append((l, r)) }
            if review.decisions.last?.automatic != true {
                result.labelled.append((Comparator.compare(people[l], people[r]).resolutionPattern, same))
            }
        }
        return result
    }

    /// Reviews with this status (any if nil) whose two subjects the user may both see, most likely first.
    public func list(status: MatchReview.Status?, by user: User, limit: Int = 100, request: RequestInfo = .none)
        async throws -> [MatchReviewItem]
    {
        try await auditor.run(
            user, "match.list", kind: Self.kind, request: request, detail: status.map { "status=\($0.rawValue)" },
            touched: { $0.map(\.review.id) }
        ) {
            var items: [MatchReviewItem] = []
            for review in try await store.matchReviews(status: status, limit: 2_000) {
                if let item = try await visible(review, to: user) { items.append(item) }
                if items.count == limit { break }
            }
            return items
        }
    }

    /// One review with both subjects; a review of a subject the user may not see looks exactly like a missing one.
    public func get(_ id: String, by user: User, request: RequestInfo = .none) async throws -> MatchReviewItem {
        try await auditor.run(
            user, "match.read", kind: Self.kind, ids: [id], request: request,
            touched: { [$0.left.id.rawValue, $0.right.id.rawValue] }
        ) {
            try await readable(id, by: user)
        }
    }

    /// Records a reviewer's decision: `same`, `not-same` or `unsure`, if the policy lets the user link the two subjects.
    public func decide(_ id: String, _ decision: String?, note: String?, by user: User, request: RequestInfo = .none)
        async throws -> MatchReviewItem
    {
        try await auditor.run(
            user, "match.decide", kind: Self.kind, ids: [id], request: request,
            detail: decision.map { String($0.prefix(20)) },
            touched: { [$0.left.id.rawValue, $0.right.id.rawValue] }
        ) {
            let item = try await changeable(id, by: user)
            var v = Validator()
            let status = decision.flatMap(MatchReview.Status.init(rawValue:))
            if status == nil || status == .pending { v.fail("decision", "must be same, not-same or unsure") }
            let note = note?.trimmingCharacters(in: .whitespacesAndNewlines)
            if let note, note.count > 500 { v.fail("note", "must be at most 500 characters") }
            try v.check()
            return try await save(
                item,
                MatchReview.Decision(
                    status: status!, by: user.username, at: clock.now(), note: note?.isEmpty == false ? note : nil))
        }
    }

    /// Undoes the pair's current decision: it returns to the queue, and the undo is kept in its history.
    public func undo(_ id: String, by user: User, request: RequestInfo = .none) async throws -> MatchReviewItem {
        try await auditor.run(
            user, "match.undo", kind: Self.kind, ids: [id], request: request,
            touched: { [$0.left.id.rawValue, $0.right.id.rawValue] }
        ) {
            let item = try await changeable(id, by: user)
            if item.review.status == .pending {
                throw LiaisonError.conflict(field: "decision", reason: "there is no decision to undo")
            }
            return try await save(
                item,
                MatchReview.Decision(
                    status: .pending, by: user.username, at: clock.now(),
                    note: "undid \"\(item.review.status.label)\""))
        }
    }

    /// The pairs, among those the user may see, that reviewers (or the engine) decided make this subject and another
    /// one person: how a merge shows, since no record is ever rewritten.
    public func sameAs(_ subject: SubjectID, by user: User, request: RequestInfo = .none) async throws
        -> [MatchReviewItem]
    {
        try await auditor.run(
            user, "match.same-as", kind: Self.kind, ids: [subject.rawValue], request: request,
            touched: { $0.flatMap { [$0.review.id, $0.left.id.rawValue, $0.right.id.rawValue] } }
        ) {
            var items: [MatchReviewItem] = []
            for review in try await store.matchReviews(involving: subject) where review.status == .same {
                if let item = try await visible(review, to: user) { items.append(item) }
            }
            return items
        }
    }

    private func save(_ item: MatchReviewItem, _ decision: MatchReview.Decision) async throws -> MatchReviewItem {
        let next = item.review.recording(decision)
        try await store.updateMatchReview(next, expectedVersion: item.review.version)
        return MatchReviewItem(review: next, left: item.left, right: item.right)
    }

    /// A review the user may see and decide: hidden if either subject is hidden, refused unless the policy lets the user
    /// link records (`AccessPolicy.decideLink`).
    private func changeable(_ id: String, by user: User) async throws -> MatchReviewItem {
        let item = try await readable(id, by: user)
        let decision = AccessPolicy.decideLink(user, [item.left.meta, item.right.meta], kind: SubjectService.kind)
        guard decision.allowed else {
            throw PolicyRefusal(
                reasons: decision.reasons, shown: .forbidden(reason: decision.reasons.joined(separator: "; ")))
        }
        return item
    }

    private func readable(_ id: String, by user: User) async throws -> MatchReviewItem {
        guard let review = try await store.matchReview(id), let item = try await visible(review, to: user) else {
            throw LiaisonError.notFound(kind: Self.kind, id: id)
        }
        return item
    }

    /// The review with both subjects as the user may see them, or nil if either is hidden from the user.
    private func visible(_ review: MatchReview, to user: User) async throws -> MatchReviewItem? {
        let subjects = try await store.subjects(ids: [review.leftID, review.rightID])
        guard let left = subjects.first(where: { $0.id == review.leftID }),
            let right = subjects.first(where: { $0.id == review.rightID })
        else { return nil }
        let l = AccessPolicy.decide(user, .read, left.meta, kind: SubjectService.kind)
        let r = AccessPolicy.decide(user, .read, right.meta, kind: SubjectService.kind)
        guard l.allowed, r.allowed else { return nil }
        return MatchReviewItem(
            review: review, left: left.withholding(l.withheld.map(\.field)),
            right: right.withholding(r.withheld.map(\.field)))
    }
}
