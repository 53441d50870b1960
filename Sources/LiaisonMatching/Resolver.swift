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
    /// At most this many random pairs compared to estimate u (fewer for a small input: see `drawRandomPairs`).
    public var randomPairs: Int
    public var seed: UInt64

    public init(
        blocking: BlockingConfiguration = BlockingConfiguration(), threshold: Double = 0.9,
        randomPairs: Int = 1_000_000, seed: UInt64 = 7
    ) {
        self.blocking = blocking
        self.threshold = threshold
        self.randomPairs = randomPairs
        self.seed = seed
    }

    /// Finds the pairs within one source that are the same person.
    public func dedupe(_ people: [PreparedPerson], labelled: [(pattern: UInt64, match: Bool)] = []) async -> Resolution
    {
        await run(
            tables: {
                let table = PersonTable(people)
                return (table, table)
            }, indexing: people, dedupe: true, labelled: labelled)
    }

    /// Finds the pairs across two sources that are the same person (left index into `left`, right into `right`).
    public func link(
        _ left: [PreparedPerson], _ right: [PreparedPerson], labelled: [(pattern: UInt64, match: Bool)] = []
    ) async -> Resolution {
        await run(
            tables: { (PersonTable(left), PersonTable(right)) }, indexing: right, dedupe: false, labelled: labelled)
    }

    /// Resolves with a block index of `indexing`, the people of the right side; `tables` lays both sides out.
    private func run(
        tables: @escaping @Sendable () -> (PersonTable, PersonTable), indexing: [PreparedPerson], dedupe: Bool,
        labelled: [(pattern: UInt64, match: Bool)]
    ) async -> Resolution {
        // The people are laid out end to end while their keys are worked out. Putting the index together from the keys
        // is one core's work; the rest compare random pairs for u, then count exact agreements and how common the
        // names are, none of which needs the index.
        let laidOut = Task { tables() }
        let (index, (random, agreed, names)) = await BlockIndex.building(indexing, configuration: blocking) {
            [randomPairs, seed] in
            let (left, right) = await laidOut.value
            let random = await Self.drawRandomPairs(
                left: left, right: right, dedupe: dedupe, count: randomPairs, seed: seed)
            async let agreed = AgreementCounts(left: left, right: right, dedupe: dedupe)
            async let names = NameFrequencies(left: left, right: right, dedupe: dedupe)
            return await (random, agreed, names)
        }
        let (left, right) = await laidOut.value
        let (parts, table) = await Self.candidatePairs(left: left, right: right, index: index, dedupe: dedupe)
        let pairCount = parts.reduce(0) { $0 + $1.count }
        let counts = table.counts
        // Every pair of the input is a pair the prior is over; those never compared are taken as non-matches.
        let pairs = dedupe ? Double(left.count) * Double(left.count - 1) / 2 : Double(left.count) * Double(right.count)
        var model = MatchModel.initial(
            prior: min(0.5, Double(max(1, MatchModel.evidentMatches(patterns: counts))) / max(1, pairs)))
        // Random pairs that are not candidates, and how many pairs are not.
        let outside = (
            sample: await Self.outsideCandidates(random, parts: parts, count: left.count, dedupe: dedupe),
            pairs: max(0, pairs - Double(pairCount))
        )
        model.estimateU(randomPatterns: outside.sample, candidates: counts, pairs: pairs)
        let overall = model.u
        model.setU(agreed)
        model.setSurnameAtAddress(candidates: counts, outside: outside, pairs: pairs)
        for label in labelled {
            if label.match {
                model.decisions[label.pattern, default: .init()].same += 1
            } else {
                model.decisions[label.pattern, default: .init()].notSame += 1
            }
        }
        // EM needs duplicates to learn from. With few evident ones (exact name and date of birth), the standard m
        // is kept, with u from the data and the prior from what evidence there is.
        if MatchModel.evidentMatches(patterns: counts) >= max(Self.minimumEvidentMatches, left.count / 1_000)
            || !labelled.isEmpty
        {
            model.trainInSessions(patterns: counts, labelled: labelled, pairs: pairs, outside: outside)
            // u of different people: the pairs of one person the fitted model expects taken out of every level, and
            // the rarest levels' u counted again, first with the standard m, now with the m fitted.
            model.setU(overall: overall, pairs: pairs)
            model.setU(agreed)
            model.setSurnameAtAddress(candidates: counts, outside: outside, pairs: pairs)
            model.trainInSessions(patterns: counts, labelled: labelled, pairs: pairs, outside: outside)
        }
        // Each pattern's weight, by its slot in the table; a pair's own weight adds how rare the names it agrees on
        // exactly are (not the surname at one address, which family members share however rare it is). Pairs are
        // then picked out in parallel.
        let weights = table.slotValues { model.matchWeight(ComparisonVector.levels(of: $0)) }
        let adjustable = table.slotValues { pattern -> Double in
            let levels = ComparisonVector.levels(of: pattern)
            return MatchModel.contradicts(levels) ? 0 : model.surnameWeighedAtAddress(levels) ? 2 : 1
        }
        let exactGiven = model.u[ComparisonField.givenName.rawValue][1]
        let exactSurname = model.u[ComparisonField.surname.rawValue][1]
        let cut = log2(threshold / (1 - threshold))
        var matches = await Parallel.chunks(count: parts.count) { range in
            range.flatMap { k in
                parts[k].compactMap { pair -> ScoredPair? in
                    let slot = table.slot(of: pair.pattern)
                    var weight = weights[slot]
                    if adjustable[slot] != 0 {
                        let l = Int(pair.left)
                        let given = pair.pattern & 0xF
                        let surname = adjustable[slot] == 2 ? 0 : (pair.pattern >> 4) & 0xF
                        if given == 1 && surname == 1 {
                            weight += names.adjustment(full: l, uGiven: exactGiven, uSurname: exactSurname)
                        } else if given == 1 {
                            weight += names.adjustment(given: l, u: exactGiven)
                        } else if surname == 1 {
                            weight += names.adjustment(surname: l, u: exactSurname)
                        }
                    }
                    return weight >= cut
                        ? ScoredPair(left: pair.left, right: pair.right, pattern: pair.pattern, weight: weight) : nil
                }
            }
        }.flatMap { $0 }
        matches.sort { $0.weight != $1.weight ? $0.weight > $1.weight : ($0.left, $0.right) < ($1.left, $1.right) }
        return Resolution(model: model, candidatePairs: pairCount, matches: matches)
    }

    /// Evident duplicates needed before a model is fitted to the data.
    public static let minimumEvidentMatches = 20

    typealias Candidate = (left: Int32, right: Int32, pattern: UInt64)

    /// Every candidate pair with its comparison pattern, in parts (by chunks of the left side, computed in
    /// parallel), and how often each pattern occurs.
    static func candidatePairs(left: PersonTable, right: PersonTable, index: BlockIndex, dedupe: Bool) async -> (
        [[Candidate]], CountTable
    ) {
        let parts = await Parallel.chunks(count: left.count) { range in
            var out: [Candidate] = []
            var patterns = CountTable()
            var scratch = CandidateScratch()
            var subjects = Comparator.Subjects()
            left.withViews { lefts in
                right.withViews { rights in
                    index.withReader { blocks in
                        // People are taken in a pipeline, so what each step reads from memory is on its way while
                        // earlier people are compared: three people ahead, the block members its candidates come from
                        // are asked for; two ahead, its candidates are found and where their records lie asked for;
                        // one ahead, the records themselves; then it is compared with them.
                        let end = range.upperBound
                        func find(_ i: Int, into found: inout [Int32]) {
                            found.removeAll(keepingCapacity: true)
                            guard i < end else { return }
                            if dedupe {
                                blocks.candidates(after: i, scratch: &scratch, into: &found)
                            } else {
                                blocks.candidates(for: lefts[i], minimum: 0, scratch: &scratch, into: &found)
                            }
                            for j in found { rights.prefetchPlace(Int(j)) }
                        }
                        var found: [Int32] = []
                        var next: [Int32] = []
                        var afterNext: [Int32] = []
                        var views: [PersonView] = []
                        if dedupe {
                            for i in range.prefix(3) { blocks.prefetchCandidates(after: i) }
                        }
                        find(range.lowerBound, into: &found)
                        find(range.lowerBound + 1, into: &next)
                        for j in found { rights.prefetchRecord(Int(j)) }
                        for i in range {
                            if dedupe && i + 3 < end { blocks.prefetchCandidates(after: i + 3) }
                            find(i + 2, into: &afterNext)
                            for j in next { rights.prefetchRecord(Int(j)) }
                            if !found.isEmpty {
                                let me = Int32(i)
                                let person = lefts[i]
                                views.removeAll(keepingCapacity: true)
                                for j in found { views.append(rights[Int(j)]) }
                                // The person's side of every string comparison is worked out once for all its
                                // candidates.
                                subjects.with(person) { subject in
                                    for (j, view) in zip(found, views) {
                                        let pattern = Comparator.compare(person, view, subject: subject)
                                            .resolutionPattern
                                        out.append((me, j, pattern))
                                    }
                                }
                            }
                            swap(&found, &next)
                            swap(&next, &afterNext)
                        }
                    }
                }
            }
            patterns.add(contentsOf: out.lazy.map(\.pattern))
            return (out, patterns)
        }
        var total = CountTable()
        for part in parts { total.merge(part.1) }
        return (parts.map(\.0), total)
    }

    /// Random pairs (almost all non-matches) with their comparison patterns, for u, in parts.
    static func drawRandomPairs(left: PersonTable, right: PersonTable, dedupe: Bool, count: Int, seed: UInt64) async
        -> [[Candidate]]
    {
        let (l, r) = (left.count, right.count)
        guard l > 0, r > 0, l + r > 2 else { return [] }
        // Beyond one draw per possible pair, more draws of a small input add work, not information; a file of a few
        // thousand is measured on 100,000 draws, larger ones on `drawsPerRecord` a record up to `count`.
        let draws = min(count, l * r, max(100_000, drawsPerRecord * (dedupe ? l : l + r)))
        // Draws come in fixed runs, each with its own seed, so the pairs drawn do not depend on how many cores share them.
        // Draw t pairs left person t·l/draws, spread evenly over the file, with a right person at random: every left
        // person is drawn about equally often, so the share of pairs agreeing is the same as for two random picks,
        // while the left side is read in order and its side of the string comparisons worked out once for all of its
        // draws.
        let run = 4_096
        return await Parallel.chunks(count: (draws + run - 1) / run) { runs in
            var drawn: [Candidate] = []
            drawn.reserveCapacity(runs.count * run)
            var subjects = Comparator.Subjects()
            // A run's right people are drawn first, one number each in turn as before, so each can be asked for from
            // memory some draws ahead of its comparison: where its record lies sixteen ahead, the record eight ahead.
            var picks = [Int](repeating: 0, count: run)
            left.withViews { lefts in
                right.withViews { rights in
                    for k in runs {
                        var rng = SplitMix64(seed: seed &+ UInt64(k))
                        let first = k * run
                        var t = first
                        let end = min(draws, (k + 1) * run)
                        for n in 0..<(end - first) { picks[n] = Int(rng.next() % UInt64(r)) }
                        func prefetch(_ n: Int) {
                            if n + 16 < end - first { rights.prefetchPlace(picks[n + 16]) }
                            if n + 8 < end - first { rights.prefetchRecord(picks[n + 8]) }
                        }
                        for n in 0..<min(8, end - first) { rights.prefetchRecord(picks[n]) }
                        for n in 0..<min(16, end - first) { rights.prefetchPlace(picks[n]) }
                        while t < end {
                            let a = t * l / draws
                            var next = t + 1
                            while next < end && next * l / draws == a { next += 1 }
                            let person = lefts[a]
                            func draw(_ subject: Comparator.Subject?) {
                                prefetch(t - first)
                                let b = picks[t - first]
                                t += 1
                                if dedupe && a == b { return }
                                let pattern = Comparator.compare(person, rights[b], subject: subject).resolutionPattern
                                drawn.append((Int32(a), Int32(b), pattern))
                            }
                            if next - t == 1 {
                                draw(nil)
                            } else {
                                subjects.with(person) { subject in for _ in t..<next { draw(subject) } }
                            }
                        }
                    }
                }
            }
            return drawn
        }
    }

    /// Random pairs drawn for u a record of the input (see ``drawRandomPairs(left:right:dedupe:count:seed:)``).
    static let drawsPerRecord = 1

    /// How often each pattern occurs among the random pairs that are not candidates (see
    /// ``MatchModel/estimateU(randomPatterns:candidates:pairs:)``): a drawn pair is looked for among its left
    /// person's candidates (for a dedupe, those of the earlier of the two).
    static func outsideCandidates(_ drawn: [[Candidate]], parts: [[Candidate]], count: Int, dedupe: Bool) async
        -> [UInt64: Int]
    {
        // Where each left person's candidates are: which part, and where in it.
        var part = [Int32](repeating: -1, count: count)
        var begin = [Int32](repeating: 0, count: count)
        var end = [Int32](repeating: 0, count: count)
        for (p, candidates) in parts.enumerated() {
            var k = 0
            while k < candidates.count {
                let i = Int(candidates[k].left)
                var e = k + 1
                while e < candidates.count && candidates[e].left == candidates[k].left { e += 1 }
                (part[i], begin[i], end[i]) = (Int32(p), Int32(k), Int32(e))
                k = e
            }
        }
        // The drawn pairs are looked up on every core, each part of them counted apart.
        let (home, first, last) = (part, begin, end)
        let counted = await Parallel.chunks(count: drawn.count) { range in
            var patterns = CountTable()
            for pair in drawn[range].joined() {
                let (x, y) =
                    dedupe ? (min(pair.left, pair.right), max(pair.left, pair.right)) : (pair.left, pair.right)
                let p = Int(home[Int(x)])
                if p >= 0 && parts[p][Int(first[Int(x)])..<Int(last[Int(x)])].contains(where: { $0.right == y }) {
                    continue
                }
                patterns.add(pair.pattern)
            }
            return patterns
        }
        var patterns = CountTable()
        for table in counted { patterns.merge(table) }
        return patterns.counts
    }
}

/// A small, fast, seeded generator (SplitMix64).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
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
        var forbidden: [Int: Set<Int>] = [:]  // root → roots it may not join
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
            let ra = find(a)
            let rb = find(b)
            if ra == rb { continue }
            let fa = forbidden[ra] ?? []
            let fb = forbidden[rb] ?? []
            if fa.contains(rb) || fb.contains(ra) { continue }
            let (root, child) = ra < rb ? (ra, rb) : (rb, ra)
            parent[child] = root
            if !fa.isEmpty || !fb.isEmpty {
                // The joined cluster inherits both sides' refusals; refusals naming the old root now name the new one.
                let merged = fa.union(fb)
                forbidden[root] = merged
                forbidden[child] = nil
                for other in merged {
                    forbidden[other]?.remove(child)
                    forbidden[other]?.insert(root)
                }
            }
        }
        return (0..<count).map(find)
    }
}
