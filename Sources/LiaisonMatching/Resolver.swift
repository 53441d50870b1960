import Foundation

/// A compared pair: indices into the inputs, the comparison pattern and the match weight.
public struct ScoredPair: Sendable, Equatable {
    public var left: Int32
    public var right: Int32
    public var pattern: UInt64
    public var weight: Double
    public var probability: Double { MatchModel.probability(weight: weight) }
}

/// What a batch run found.
public struct Resolution: Sendable {
    public var model: MatchModel
    /// Pairs compared after blocking.
    public var candidatePairs: Int
    /// Pairs at or above the threshold, strongest first.
    public var matches: [ScoredPair]
}

/// Entity resolution over prepared people: blocking, comparison, a Fellegi–Sunter model fitted by EM to the data
/// itself, and scoring. Pure: no I/O; work is spread over the machine's cores.
public struct Resolver: Sendable {
    public var blocking: BlockingConfiguration
    /// Pairs with a match probability at or above this are matches.
    public var threshold: Double
    /// Random pairs compared to estimate u.
    public var randomPairs: Int
    public var seed: UInt64

    public init(blocking: BlockingConfiguration = BlockingConfiguration(), threshold: Double = 0.9, randomPairs: Int = 100_000, seed: UInt64 = 7) {
        self.blocking = blocking
        self.threshold = threshold
        self.randomPairs = randomPairs
        self.seed = seed
    }

    /// Finds the pairs within one source that are the same person.
    public func dedupe(_ people: [PreparedPerson], labelled: [(pattern: UInt64, match: Bool)] = []) async -> Resolution {
        let index = await BlockIndex.building(people, configuration: blocking)
        return await run(left: people, right: people, index: index, dedupe: true, labelled: labelled)
    }

    /// Finds the pairs across two sources that are the same person (left index into `left`, right into `right`).
    public func link(_ left: [PreparedPerson], _ right: [PreparedPerson], labelled: [(pattern: UInt64, match: Bool)] = []) async -> Resolution {
        let index = await BlockIndex.building(right, configuration: blocking)
        return await run(left: left, right: right, index: index, dedupe: false, labelled: labelled)
    }

    private func run(left: [PreparedPerson], right: [PreparedPerson], index: BlockIndex, dedupe: Bool,
                     labelled: [(pattern: UInt64, match: Bool)]) async -> Resolution {
        let pairs = await Self.candidatePairs(left: left, right: right, index: index, dedupe: dedupe)
        var model = MatchModel.initial()
        model.estimateU(randomPatterns: await Self.randomPatterns(left: left, right: right, count: randomPairs, seed: seed))
        let counts = await Parallel.chunks(count: pairs.count) { range in
            range.reduce(into: [UInt64: Int]()) { counts, n in counts[pairs[n].pattern, default: 0] += 1 }
        }.reduce(into: [UInt64: Int]()) { total, part in total.merge(part, uniquingKeysWith: +) }
        // EM needs duplicates to learn from. With few evident ones (exact name and date of birth), the standard
        // weights are kept, with u from the data, and the prior set from what evidence there is.
        let evident = MatchModel.evidentMatches(patterns: counts)
        let anchor = min(0.5, Double(max(1, evident)) / Double(max(1, pairs.count)))
        model.prior = anchor
        if evident >= max(Self.minimumEvidentMatches, left.count / 1_000) || !labelled.isEmpty {
            model.trainEM(patterns: counts, labelled: labelled, priorBounds: (anchor / 3)...min(0.5, anchor * 3))
        }
        // The weight of each pattern that makes a match; pairs are then picked out in parallel.
        var matching: [UInt64: Double] = [:]
        for pattern in counts.keys {
            let weight = model.matchWeight(ComparisonVector.levels(of: pattern))
            if MatchModel.probability(weight: weight) >= threshold { matching[pattern] = weight }
        }
        let accepted = matching
        var matches = await Parallel.chunks(count: pairs.count) { range in
            range.compactMap { n -> ScoredPair? in
                let pair = pairs[n]
                return accepted[pair.pattern].map { ScoredPair(left: pair.left, right: pair.right, pattern: pair.pattern, weight: $0) }
            }
        }.flatMap { $0 }
        matches.sort { $0.weight != $1.weight ? $0.weight > $1.weight : ($0.left, $0.right) < ($1.left, $1.right) }
        return Resolution(model: model, candidatePairs: pairs.count, matches: matches)
    }

    /// Evident duplicates needed before a model is fitted to the data.
    public static let minimumEvidentMatches = 20

    typealias Candidate = (left: Int32, right: Int32, pattern: UInt64)

    /// Every candidate pair with its comparison pattern, computed in parallel over chunks of the left side.
    static func candidatePairs(left: [PreparedPerson], right: [PreparedPerson], index: BlockIndex, dedupe: Bool) async -> [Candidate] {
        await Parallel.chunks(count: left.count) { range in
            var out: [Candidate] = []
            var scratch = CandidateScratch()
            for i in range {
                let me = Int32(i), person = left[i]
                let found = dedupe ? index.candidates(forIndexed: i, minimum: me + 1, scratch: &scratch) : index.candidates(for: person, scratch: &scratch)
                for j in found {
                    out.append((me, j, Comparator.compare(person, right[Int(j)]).pattern))
                }
            }
            return out
        }.flatMap { $0 }
    }

    /// Comparison patterns of random pairs (almost all non-matches), for u.
    static func randomPatterns(left: [PreparedPerson], right: [PreparedPerson], count: Int, seed: UInt64) async -> [UInt64: Int] {
        guard !left.isEmpty, !right.isEmpty, left.count + right.count > 2 else { return [:] }
        // Beyond one draw per possible pair, more draws of a small input add work, not information.
        let parts = await Parallel.chunks(count: min(count, left.count * right.count)) { range in
            var rng = SplitMix64(seed: seed &+ UInt64(range.lowerBound))
            var counts: [UInt64: Int] = [:]
            for _ in range {
                let a = left[Int(rng.next() % UInt64(left.count))], b = right[Int(rng.next() % UInt64(right.count))]
                if a === b { continue }
                counts[Comparator.compare(a, b).pattern, default: 0] += 1
            }
            return counts
        }
        return parts.reduce(into: [:]) { total, part in total.merge(part, uniquingKeysWith: +) }
    }
}

/// A small, fast, seeded generator (SplitMix64).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}

/// Groups matched pairs into persons, never joining two records a reviewer said are not the same person.
public enum Clustering {
    /// A cluster number per record (the smallest record index in its cluster).
    /// - Parameters:
    ///   - pairs: matched pairs, strongest first (the order decides which link wins a conflict).
    ///   - notSame: pairs that must not end in one cluster.
    /// - Complexity: about O(p·α(n)) plus the conflict checks, for p pairs over n records.
    public static func clusters(count: Int, pairs: [(Int, Int)], notSame: [(Int, Int)] = []) -> [Int] {
        var parent = Array(0..<count)
        var forbidden: [Int: Set<Int>] = [:] // root → roots it may not join
        for (a, b) in notSame where a != b {
            forbidden[a, default: []].insert(b)
            forbidden[b, default: []].insert(a)
        }
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x {
                parent[x] = parent[parent[x]]
                x = parent[x]
            }
            return x
        }
        for (a, b) in pairs {
            let ra = find(a), rb = find(b)
            if ra == rb { continue }
            let fa = forbidden[ra] ?? [], fb = forbidden[rb] ?? []
            if fa.contains(rb) || fb.contains(ra) { continue }
            let (root, child) = ra < rb ? (ra, rb) : (rb, ra)
            parent[child] = root
            if !fa.isEmpty || !fb.isEmpty {
                // The joined cluster inherits both sides' refusals; refusals naming the old root now name the new one.
                let merged = fa.union(fb)
                forbidden[root] = merged
                forbidden[child] = nil
                for other in merged { forbidden[other]?.remove(child); forbidden[other]?.insert(root) }
            }
        }
        return (0..<count).map(find)
    }
}
