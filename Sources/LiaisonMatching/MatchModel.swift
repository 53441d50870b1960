import Foundation

/// A Fellegi–Sunter model: for each field and level, m (how often true matches compare so) and u (how often
/// non-matches do), and the prior: the probability that two records drawn at random are one person (u being
/// measured on random pairs, the prior must be too). A pair's match weight is the sum of log₂(m/u) over its fields
/// plus the prior's log-odds.
public struct MatchModel: Sendable, Codable, Equatable {
    public var m: [[Double]]
    public var u: [[Double]]
    /// Prior probability that two records drawn at random are one person.
    public var prior: Double
    /// EM iterations run when trained.
    public var iterations: Int
    /// Reviewers' decisions by comparison pattern: how many pairs compared so they called one person, and how many
    /// two. A pattern's probability moves toward what they found (see ``matchWeight(_:)``).
    public var decisions: [UInt64: Decisions] = [:]
    /// u of the surname's levels among different people at one address (location level 1), where it is measured
    /// (see ``setSurnameAtAddress(candidates:outside:pairs:)``); index 0 unused. Family members share a home and a
    /// surname: nine in ten pairs of different people at one address share the surname, against one in a hundred
    /// or fewer of all pairs, so at one address a shared surname says next to nothing, and counting it as
    /// everywhere else counts the home twice.
    public var surnameAtAddress: [Double]? = nil

    public struct Decisions: Sendable, Codable, Equatable {
        public var same = 0, notSame = 0
        public init(same: Int = 0, notSame: Int = 0) {
            self.same = same
            self.notSame = notSame
        }
    }

    /// How many decisions the model's own probability counts as when decisions on a pattern are weighed with it.
    public static let decisionPrior = 5.0

    /// A pattern's weight moved toward its reviewers' decisions: the probability becomes (same + a·p) / (decided + a)
    /// for the model's p, a being ``decisionPrior``.
    func decided(_ weight: Double, pattern: UInt64) -> Double {
        guard let d = decisions[pattern], d.same + d.notSame > 0 else { return weight }
        let p =
            (Double(d.same) + Self.decisionPrior * Self.probability(weight: weight))
            / (Double(d.same + d.notSame) + Self.decisionPrior)
        let bounded = min(max(p, 1e-9), 1 - 1e-9)
        return log2(bounded / (1 - bounded))
    }

    /// The standard model: for each field, how often records of one person compare so (m) and how often records of
    /// two people do (u), as they are in a population the size of a country's records. Single queries score with it;
    /// batch runs start from it, measure u on random pairs of their own data and fit m to it.
    public static func initial(prior: Double = 0.2) -> MatchModel {
        var m: [[Double]] = []
        var u: [[Double]] = []
        for field in ComparisonField.allCases {
            let (mf, uf): ([Double], [Double]) =
                switch field {
                case .givenName: ([0, 0.85, 0.05, 0.05, 0.03, 0.02], [0, 0.01, 0.005, 0.02, 0.05, 0.915])
                case .surname: ([0, 0.88, 0.05, 0.03, 0.02, 0.02], [0, 0.003, 0.002, 0.01, 0.03, 0.955])
                case .dateOfBirth:
                    ([0, 0.85, 0.03, 0.07, 0.01, 0.03, 0.01], [0, 0.00005, 0.00002, 0.001, 0.002, 0.02, 0.97693])
                case .location:
                    (
                        [0, 0.6, 0.03, 0.02, 0.03, 0.05, 0.02, 0.25],
                        [0, 0.0001, 0.0004, 0.0003, 0.0002, 0.01, 0.01, 0.979]
                    )
                case .identifier: ([0, 0.9, 0.05, 0.0495, 0.0005], [0, 0.00001, 0.0001, 0.98989, 0.01])
                case .sex: ([0, 0.97, 0.03], [0, 0.5, 0.5])
                case .phone, .email: ([0, 0.7, 0.3], [0, 0.0001, 0.9999])
                case .nationality: ([0, 0.9, 0.1], [0, 0.3, 0.7])
                }
            m.append(mf)
            u.append(uf)
        }
        return MatchModel(m: m, u: u, prior: prior, iterations: 0)
    }

    /// log₂(m/u) of a field at a level. Missing counts where random pairs show it (u) and the fit finds duplicates
    /// lacking a value more or less often than strangers (m), at most ``missingLimit`` either way; 0 in a model with
    /// no u for it, as the standard one. Agreeing exactly never counts against a match and
    /// disagreeing outright never counts for one, whatever a fit on unusual data came to.
    /// Levels run from best to worst, so no level weighs more than a better one (a fit can find near agreement
    /// rarer among strangers than exact agreement, which says nothing more about one person): neighbouring levels
    /// out of order are weighed as one level, log₂(Σm/Σu) over them (pool-adjacent-violators), so a level that
    /// almost never occurs moves its neighbours' weights only as far as its share of them. Names are the
    /// exception: exact agreement on a name is weighed again by how common that name is (see `NameFrequencies`), so
    /// its weight here is only an average over common and rare names, and a near agreement is weighed on its own.
    public func weight(_ field: ComparisonField, level: UInt8) -> Double {
        let row = field.rawValue
        if level == 0 {
            guard m[row][0] > 0, u[row][0] > 0 else { return 0 }
            return min(Self.missingLimit, max(-Self.missingLimit, log2(m[row][0] / u[row][0])))
        }
        let last = field.levels.count - 1
        func bounded(_ w: Double, _ l: Int) -> Double { l == 1 ? max(0, w) : l == last ? min(0, w) : w }
        func ratio(_ m: Double, _ u: Double) -> Double { log2(max(m, 1e-9) / max(u, 1e-9)) }
        if field == .givenName || field == .surname {
            return bounded(ratio(m[row][Int(level)], u[row][Int(level)]), Int(level))
        }
        var pools: [(m: Double, u: Double, last: Int)] = []
        for l in 1...last {
            var pool = (m: m[row][l], u: u[row][l], last: l)
            while let before = pools.last, ratio(pool.m, pool.u) > ratio(before.m, before.u) {
                pool = (before.m + pool.m, before.u + pool.u, l)
                pools.removeLast()
            }
            pools.append(pool)
        }
        let pool = pools.first { $0.last >= Int(level) }!
        return bounded(ratio(pool.m, pool.u), Int(level))
    }

    /// How far a missing value moves a weight, either way: whether a field was recorded says little of who the person
    /// is, and a fit on the few pairs missing a field could make it say much. Two bits, not one: where one person's
    /// records lack a date of birth three times as often as strangers' do, one bit left the pairs lacking it scored
    /// lower than the share of them that are one person.
    public static let missingLimit = 2.0

    /// Whether a comparison contradicts itself as one person: given names that disagree outright (not a variant,
    /// an initial, a sound-alike or a swap), dates of birth that do (not one part wrong, nor day and month
    /// transposed), or identifiers of two kinds or more that do (another passport number and another PNC ID, none
    /// one character off), with no identifier, phone number or email address in common. Family members sharing a surname and a home, twins among them,
    /// agree on everything else; only these tell them apart.
    public static func contradicts(_ levels: [UInt8]) -> Bool {
        let given = levels[ComparisonField.givenName.rawValue]
        let born = levels[ComparisonField.dateOfBirth.rawValue]
        let vouched = [ComparisonField.identifier, .phone, .email].contains { levels[$0.rawValue] == 1 }
        return !vouched && (given == 5 || born >= 5 || levels[ComparisonField.identifier.rawValue] == 4)
    }

    /// The match weight of a contradiction (see ``contradicts(_:)``): a probability of about one in a thousand.
    public static let contradictionWeight = -10.0

    /// Fields whose agreement a name's agreement already says: the same surname, or the same given name, is most
    /// often the same nationality, as names go with where people come from. Weighed as if independent, every two
    /// strangers of one origin sharing a name gain it too (in the demonstration data 2.5 to 3 bits), and with a date
    /// of birth alike that was enough for a fit with few duplicates to take namesakes for one person. So it counts
    /// for a match only where neither name agrees exactly, and against one wherever it differs. (Sex implied by the
    /// given name was tried too: on the benchmark's generators, one of which gives sex regardless of the name, it
    /// cost recall and calibration.)
    public static let impliedAgreement: [(field: ComparisonField, by: [ComparisonField])] = [
        (.nationality, [.surname, .givenName])
    ]

    /// Whether `field` agrees exactly where a name that implies it does too (see ``impliedAgreement``), and so
    /// weighs nothing; `agreeing` are fields known to agree exactly whatever their levels say (a training
    /// session's own, masked).
    static func implied(_ field: ComparisonField, in levels: [UInt8], agreeing: Set<ComparisonField> = []) -> Bool {
        guard levels[field.rawValue] == 1, let names = impliedAgreement.first(where: { $0.field == field })?.by
        else { return false }
        return names.contains { levels[$0.rawValue] == 1 || agreeing.contains($0) }
    }

    /// A field's weight within a whole comparison: ``weight(_:level:)``, but for the surname of a pair at one
    /// address, weighed by how often different people at one address agree so (see ``surnameAtAddress``), and
    /// nothing for an agreement a name's already says (see ``impliedAgreement``).
    public func weight(_ field: ComparisonField, in levels: [UInt8]) -> Double {
        let level = levels[field.rawValue]
        if Self.implied(field, in: levels) { return 0 }
        guard field == .surname, level > 0, levels[ComparisonField.location.rawValue] == 1,
            let atAddress = surnameAtAddress
        else { return weight(field, level: level) }
        return surnameWeight(level: level, atAddress: atAddress)
    }

    /// The surname's weight at one address: m of the level among the surname's recorded levels, over u at one
    /// address; as for every name, exact agreement never counts against and outright disagreement never for.
    func surnameWeight(level: UInt8, atAddress: [Double]) -> Double {
        let row = ComparisonField.surname.rawValue
        let l = Int(level)
        let last = ComparisonField.surname.levels.count - 1
        let m = self.m[row][l] / max(1e-9, 1 - self.m[row][0])
        let w = log2(max(m, 1e-9) / max(atAddress[l], 1e-9))
        return l == 1 ? max(0, w) : l == last ? min(0, w) : w
    }

    /// Whether a comparison's surname is weighed as at one address (see ``weight(_:in:)``).
    public func surnameWeighedAtAddress(_ levels: [UInt8]) -> Bool {
        surnameAtAddress != nil && levels[ComparisonField.surname.rawValue] > 0
            && levels[ComparisonField.location.rawValue] == 1
    }

    /// Sets ``surnameAtAddress`` from the pairs at one address: the candidates (almost every such pair is one, a
    /// blocking rule pairing people at one address), and the share of the random pairs outside them, less the pairs
    /// of one person the model expects among them, with the surname's u over every pair as if seen in
    /// ``addressPriorPairs`` pairs, so a file with few homes shared keeps close to it.
    /// - Parameters:
    ///   - outside: random pairs outside the candidates, and how many pairs are outside.
    ///   - pairs: every pair of the input.
    mutating func setSurnameAtAddress(
        candidates: [UInt64: Int], outside: (sample: [UInt64: Int], pairs: Double), pairs: Double
    ) {
        let row = ComparisonField.surname.rawValue
        let levels = ComparisonField.surname.levels.count
        func level(_ pattern: UInt64, _ field: ComparisonField) -> Int {
            Int((pattern >> UInt64(4 * field.rawValue)) & 0xF)
        }
        var counted = [Double](repeating: 0, count: levels)
        for (pattern, n) in candidates where level(pattern, .location) == 1 {
            counted[level(pattern, .surname)] += Double(n)
        }
        let sampled = Double(outside.sample.values.reduce(0, +))
        if sampled > 0 {
            // Counted whole first, so the sum does not depend on the order the patterns come in.
            var drawn = [Int](repeating: 0, count: levels)
            for (pattern, n) in outside.sample where level(pattern, .location) == 1 {
                drawn[level(pattern, .surname)] += n
            }
            for l in 0..<levels { counted[l] += outside.pairs * Double(drawn[l]) / sampled }
        }
        let matches = prior * pairs * m[ComparisonField.location.rawValue][1]
        let present = max(1e-9, 1 - u[row][0])
        var apart = [Double](repeating: 0, count: levels)
        for l in 1..<levels { apart[l] = max(0, counted[l] - matches * m[row][l]) }
        let total = apart.reduce(0, +)
        surnameAtAddress = (0..<levels).map { l in
            l == 0 ? 0 : (apart[l] + Self.addressPriorPairs * u[row][l] / present) / (total + Self.addressPriorPairs)
        }
    }

    /// How many pairs the surname's u over every pair counts as among the pairs at one address (see
    /// ``setSurnameAtAddress(candidates:outside:pairs:)``).
    public static let addressPriorPairs = 100.0

    /// The total match weight of a comparison, the prior included.
    public func matchWeight(_ levels: [UInt8]) -> Double {
        var total = log2(prior / (1 - prior))
        for field in ComparisonField.allCases { total += weight(field, in: levels) }
        let weight = Self.contradicts(levels) ? min(total, Self.contradictionWeight) : total
        return decisions.isEmpty ? weight : decided(weight, pattern: ComparisonVector.pattern(of: levels))
    }

    /// ``matchWeight(_:)`` of many patterns, each field's weight at each level worked out once.
    func matchWeights(_ patterns: some Sequence<[UInt8]>, ignoring: Set<ComparisonField> = []) -> [Double] {
        let fields = ComparisonField.allCases
        let table = fields.map { field in
            (0..<field.levels.count).map { ignoring.contains(field) ? 0 : weight(field, level: UInt8($0)) }
        }
        let atAddress = surnameAtAddress.map { atAddress in
            (0..<ComparisonField.surname.levels.count).map {
                ignoring.contains(.surname) || $0 == 0 ? 0 : surnameWeight(level: UInt8($0), atAddress: atAddress)
            }
        }
        let priorWeight = log2(prior / (1 - prior))
        let (surname, location) = (ComparisonField.surname.rawValue, ComparisonField.location.rawValue)
        return patterns.map { levels in
            var total = priorWeight
            for field in fields { total += table[field.rawValue][Int(levels[field.rawValue])] }
            if let atAddress, levels[location] == 1, levels[surname] > 0 {
                total += atAddress[Int(levels[surname])] - table[surname][Int(levels[surname])]
            }
            for (field, _) in Self.impliedAgreement where Self.implied(field, in: levels, agreeing: ignoring) {
                total -= table[field.rawValue][1]
            }
            let weight = Self.contradicts(levels) ? min(total, Self.contradictionWeight) : total
            return decisions.isEmpty ? weight : decided(weight, pattern: ComparisonVector.pattern(of: levels))
        }
    }

    /// The probability that a pair with this weight is a match.
    public static func probability(weight: Double) -> Double { 1 / (1 + pow(2, -weight)) }

    /// The candidate pairs agreeing exactly on given name, surname and date of birth: evident duplicates.
    public static func evidentMatches(patterns: [UInt64: Int]) -> Int {
        patterns.reduce(0) { total, entry in
            let v = ComparisonVector(pattern: entry.key)
            return total + (v[.givenName] == 1 && v[.surname] == 1 && v[.dateOfBirth] == 1 ? entry.value : 0)
        }
    }

    /// Estimates u from the level frequencies of random pairs (almost all of them non-matches), each field's levels
    /// starting from the standard model's as if seen in ``uPriorPairs`` pairs: a large input's own frequencies
    /// decide, while a small one, or a field rarely present, keeps sensible values.
    ///
    /// With `candidates` (the patterns of every candidate pair, out of `pairs` in all) the estimate is over every
    /// pair in two parts: the candidates, all of them compared, as they are, and the rest from random pairs drawn
    /// among the rest (`randomPatterns` then holds only those). The rare agreements (the same address, a shared
    /// surname) lie mostly among the candidates, so their u is counted rather than met a few times in a sample.
    public mutating func estimateU(randomPatterns: [UInt64: Int], candidates: [UInt64: Int] = [:], pairs: Double = 0) {
        let standard = MatchModel.initial().u
        let candidatePairs = Double(candidates.values.reduce(0, +))
        let outside = pairs > 0 ? max(0, 1 - candidatePairs / pairs) : 1
        for field in ComparisonField.allCases {
            let k = field.levels.count
            func level(_ pattern: UInt64) -> Int { Int((pattern >> UInt64(4 * field.rawValue)) & 0xF) }
            // Pairs are counted whole before any division, so the estimate does not depend on the order the patterns
            // come in.
            var drawn = [Int](repeating: 0, count: k)
            for (pattern, n) in randomPatterns where level(pattern) < k { drawn[level(pattern)] += n }
            var counts = standard[field.rawValue].enumerated().map {
                $0.element * Self.uPriorPairs + Double(drawn[$0.offset])
            }
            counts[0] = Double(drawn[0])
            let total = counts.reduce(0, +)
            var shares = counts.map { $0 / total * outside }
            if pairs > 0 {
                var compared = [Int](repeating: 0, count: k)
                for (pattern, n) in candidates where level(pattern) < k { compared[level(pattern)] += n }
                for l in 0..<k { shares[l] += Double(compared[l]) / pairs }
            }
            u[field.rawValue] = shares
        }
    }

    /// How many random pairs the standard u counts as (see ``estimateU(randomPatterns:)``).
    public static let uPriorPairs = 1_000.0

    /// Sets u of some of a field's levels from pairs counted over the whole input (`counted`: level → pairs, out of
    /// `pairs`), with the standard u as if seen in ``uPriorPairs`` pairs as ``estimateU(randomPatterns:)`` does; the
    /// field's other levels keep their proportions and share what is left.
    mutating func setU(_ field: ComparisonField, counted: [Int: Double], pairs: Double) {
        let row = field.rawValue
        let standard = MatchModel.initial().u[row]
        var values = u[row]
        for (level, n) in counted {
            values[level] = (n + standard[level] * Self.uPriorPairs) / (pairs + Self.uPriorPairs)
        }
        let fixed = counted.keys.reduce(0) { $0 + values[$1] }
        let rest = values.indices.filter { counted[$0] == nil }
        let restTotal = rest.reduce(0) { $0 + u[row][$1] }
        guard restTotal > 0, fixed < 1 else { return }
        for level in rest { values[level] = u[row][level] / restTotal * (1 - fixed) }
        u[row] = values
    }

    /// Sets u to that of pairs of different people, from u over every pair (`overall`, as
    /// ``estimateU(randomPatterns:candidates:pairs:)`` gives it, out of `pairs`): each level's pairs less those of one
    /// person the model expects among them (the prior's share of the pairs, times m). Where most pairs agreeing are
    /// one person's, as at one address, u over every pair is mostly theirs, and an address a person's records share
    /// would say little more than a town. Missing (level 0) is kept as it is.
    mutating func setU(overall: [[Double]], pairs: Double) {
        let matches = prior * pairs
        let others = pairs - matches
        guard others > 0 else { return }
        let standard = MatchModel.initial().u
        for field in ComparisonField.allCases {
            let row = field.rawValue
            var values = overall[row]
            for level in values.indices.dropFirst() {
                let apart = max(0, overall[row][level] * pairs - matches * m[row][level])
                values[level] = (apart + standard[row][level] * Self.uPriorPairs) / (others + Self.uPriorPairs)
            }
            let total = values.reduce(0, +)
            guard total > 0 else { continue }
            u[row] = values.map { $0 / total }
        }
    }

    /// Sets u of the rarest levels (the same whole date of birth, or transposed; the same identifier) to what is
    /// counted over every pair (see ``AgreementCounts``), less the pairs of one person the model expects among them:
    /// u is of pairs of different people, and of two records sharing an identifier most are one person's.
    mutating func setU(_ counts: AgreementCounts) {
        let matches = prior * counts.pairs
        let others = counts.pairs - matches
        func apart(_ field: ComparisonField, _ level: Int, _ n: Double) -> Double {
            max(0, n - matches * m[field.rawValue][level])
        }
        setU(
            .dateOfBirth,
            counted: [1: apart(.dateOfBirth, 1, counts.sameDate), 2: apart(.dateOfBirth, 2, counts.transposedDate)],
            pairs: others)
        setU(.identifier, counted: [1: apart(.identifier, 1, counts.sameIdentifier)], pairs: others)
    }

    /// How much the standard model's m counts in a fit: as much as this many pairs of one person, added to those the
    /// fit finds (a Dirichlet prior on each field's m, of which the fit is then the most likely value). Where records
    /// of one person are plentiful it is lost among them. Where they are rare and strangers share names (a handful
    /// of names to each origin, one person in forty recorded twice, as in the demonstration data), a fit without it
    /// took strangers with the same name and a date of birth agreeing in two parts of three for one person: it made
    /// that level as common among one person's records as exact agreement, and such pairs scored 0.8 to 0.99 when
    /// none was one person.
    public static let standardPairs = 50.0

    /// The standard model's m (see ``initial(prior:)``), the centre of ``standardPairs``.
    static let standardM = initial().m

    /// Fits m and the prior by expectation–maximisation over the candidate pairs' comparison patterns, u held as
    /// estimated from random pairs: refitted on candidates, chosen for agreeing, u would learn that non-matches agree
    /// and m that matches disagree (a family at one address taken for one person). Optional labelled patterns (reviewers' decisions) are counted with
    /// certainty: `true` a match, `false` not.
    /// - Complexity: O(iterations · distinct patterns · fields).
    /// - Parameter pairs: how many pairs the candidates were drawn from (every pair of the input): the prior is
    ///   the expected number of matches among the candidates over it, all other pairs taken as non-matches.
    public mutating func trainEM(
        patterns: [UInt64: Int], labelled: [(pattern: UInt64, match: Bool)] = [], pairs: Double,
        holding held: Set<ComparisonField> = [], masked: Set<ComparisonField> = [], maxPrior: Double = 0.5,
        maxIterations: Int = 40,
        tolerance: Double = 1e-5
    ) {
        // In the patterns' order, so every run sums the same way and fits the same model to the last bit.
        let rows = patterns.sorted { $0.key < $1.key }.map {
            (levels: ComparisonVector.levels(of: $0.key), count: Double($0.value))
        }
        let labels = labelled.map { (levels: ComparisonVector.levels(of: $0.pattern), p: $0.match ? 1.0 : 0.0) }
        guard !rows.isEmpty else { return }
        // Missing is a level like the others where random pairs show it: m starts where u is, saying nothing.
        for field in ComparisonField.allCases where m[field.rawValue][0] == 0 && u[field.rawValue][0] > 0 {
            let missing = u[field.rawValue][0]
            m[field.rawValue] = m[field.rawValue].enumerated().map {
                $0.offset == 0 ? missing : $0.element * (1 - missing)
            }
        }
        var iteration = 0
        while iteration < maxIterations {
            iteration += 1
            var mCounts = ComparisonField.allCases.map { [Double](repeating: 0, count: $0.levels.count) }
            var matchTotal = 0.0
            func add(_ levels: [UInt8], _ p: Double, _ count: Double) {
                matchTotal += p * count
                for field in ComparisonField.allCases {
                    mCounts[field.rawValue][Int(levels[field.rawValue])] += p * count
                }
            }
            for (row, weight) in zip(rows, matchWeights(rows.lazy.map(\.levels), ignoring: masked)) {
                add(row.levels, Self.probability(weight: weight), row.count)
            }
            for label in labels { add(label.levels, label.p, 1) }
            var change = 0.0
            func refit(_ counts: [[Double]], into table: inout [[Double]]) {
                for field in ComparisonField.allCases where !held.contains(field) {
                    var row = counts[field.rawValue]
                    let first = u[field.rawValue][0] > 0 ? 0 : 1
                    if first == 1 { row[0] = 0 }
                    // The standard m counted as `standardPairs` pairs of one person; every level stays possible.
                    for l in first..<row.count {
                        row[l] += 1e-3 + Self.standardPairs * Self.standardM[field.rawValue][l]
                    }
                    let sum = row.reduce(0, +)
                    for l in first..<row.count {
                        let value = row[l] / sum
                        change = max(change, abs(value - table[field.rawValue][l]))
                        table[field.rawValue][l] = value
                    }
                }
            }
            refit(mCounts, into: &m)
            let newPrior = min(max(matchTotal / max(pairs, 1), 1e-12), maxPrior)
            change = max(change, abs(newPrior - prior) / prior)
            prior = newPrior
            if change < tolerance { break }
        }
        iterations = iteration
    }
}

extension MatchModel {
    /// The fields each training session holds (see ``trainInSessions(patterns:labelled:pairs:outside:)``): its pairs all
    /// agree exactly on them, so it learns every other field's m and none of its own.
    public static let trainingSessions: [[ComparisonField]] = [[.givenName, .surname], [.dateOfBirth], [.location]]

    /// Fits m by expectation–maximisation in sessions, then the prior over every candidate. Each session takes the
    /// candidates agreeing exactly on its fields, sets those fields aside (they agree on every pair it holds, so they
    /// say nothing there) and fits the other fields' m and its own share of matches. A field's m is the mean of the
    /// sessions that fitted it, so no field is learnt from pairs chosen for agreeing on it. The prior is then fitted
    /// over all the candidates with m and u held. A field no session could fit keeps the m it had.
    ///
    /// A session's share of matches is over every pair agreeing on its fields, not only the candidates among them:
    /// the candidates sharing a date of birth are mostly strangers a blocking rule picked for looking alike in other
    /// ways, and taken as the whole, half of them could be fitted as one person with their other fields changed.
    /// - Parameters:
    ///   - pairs: as for ``trainEM(patterns:labelled:pairs:holding:maxPrior:maxIterations:tolerance:)``.
    ///   - outside: random pairs drawn outside the candidates, and how many pairs are outside: the share of the sample
    ///     agreeing on a session's fields counts the pairs outside that agree, all taken as strangers. Without it a
    ///     session is its candidates alone.
    public mutating func trainInSessions(
        patterns: [UInt64: Int], labelled: [(pattern: UInt64, match: Bool)] = [], pairs: Double,
        outside: (sample: [UInt64: Int], pairs: Double)? = nil
    ) {
        let sampled = Double(outside?.sample.values.reduce(0, +) ?? 0)
        let fields = ComparisonField.allCases
        var sums = fields.map { [Double](repeating: 0, count: $0.levels.count) }
        var fitted = [Int](repeating: 0, count: fields.count)
        for held in Self.trainingSessions {
            func chosen(_ pattern: UInt64) -> UInt64? {
                var masked = pattern
                for field in held {
                    let shift = UInt64(4 * field.rawValue)
                    guard (pattern >> shift) & 0xF == 1 else { return nil }
                    masked &= ~(0xF << shift)
                }
                return masked
            }
            var session: [UInt64: Int] = [:]
            for (pattern, count) in patterns {
                if let masked = chosen(pattern) { session[masked, default: 0] += count }
            }
            let labels = labelled.compactMap { label in chosen(label.pattern).map { (pattern: $0, match: label.match) }
            }
            let size = session.values.reduce(0, +)
            guard size >= Self.minimumSessionPairs else { continue }
            var agreeingOutside = 0.0
            if let outside, sampled > 0 {
                let agreeing = outside.sample.reduce(0) { $0 + (chosen($1.key) == nil ? 0 : $1.value) }
                agreeingOutside = outside.pairs * Double(agreeing) / sampled
            }
            var model = self
            model.prior = 0.5
            model.trainEM(
                patterns: session, labelled: labels, pairs: Double(size) + agreeingOutside, holding: Set(held),
                masked: Set(held), maxPrior: 1 - 1e-6)
            for field in fields where !held.contains(field) {
                for level in 0..<field.levels.count { sums[field.rawValue][level] += model.m[field.rawValue][level] }
                fitted[field.rawValue] += 1
            }
        }
        for field in fields where fitted[field.rawValue] > 0 {
            for level in 0..<field.levels.count {
                m[field.rawValue][level] = sums[field.rawValue][level] / Double(fitted[field.rawValue])
            }
        }
        trainEM(patterns: patterns, labelled: labelled, pairs: pairs, holding: Set(fields))
    }

    /// Fewest candidate pairs a training session needs to fit anything.
    public static let minimumSessionPairs = 100
}

/// A fitted model as people read it: for each field and level, m, u and the weight they give, and the prior.
public struct MatchModelSummary: Codable, Sendable {
    public struct Level: Codable, Sendable {
        public var level: String
        public var m: Double, u: Double, weight: Double
    }

    public var prior: Double
    public var priorWeight: Double
    public var iterations: Int
    public var fields: [String: [Level]]
    /// The surname's levels at one address, u among different people there (see ``MatchModel/surnameAtAddress``).
    public var surnameAtAddress: [Level]?

    public init(_ model: MatchModel) {
        prior = model.prior
        priorWeight = log2(model.prior / (1 - model.prior))
        iterations = model.iterations
        fields = Dictionary(
            uniqueKeysWithValues: ComparisonField.allCases.map { field in
                (
                    field.name,
                    ((model.u[field.rawValue][0] > 0 ? 0 : 1)..<field.levels.count).map { l in
                        Level(
                            level: field.levels[l], m: model.m[field.rawValue][l], u: model.u[field.rawValue][l],
                            weight: model.weight(field, level: UInt8(l)))
                    }
                )
            })
        surnameAtAddress = model.surnameAtAddress.map { atAddress in
            let row = ComparisonField.surname.rawValue
            return (1..<ComparisonField.surname.levels.count).map { l in
                Level(
                    level: ComparisonField.surname.levels[l], m: model.m[row][l], u: atAddress[l],
                    weight: model.surnameWeight(level: UInt8(l), atAddress: atAddress))
            }
        }
    }
}

/// Why a pair scored as it did: each field's level and weight.
public struct MatchExplanation: Sendable, Equatable, Codable {
    public struct Part: Sendable, Equatable, Codable {
        public var field: String
        public var level: String
        public var weight: Double
    }

    public var parts: [Part]
    public var priorWeight: Double
    public var totalWeight: Double
    public var probability: Double
    public var notes: [String]

    public init(_ vector: ComparisonVector, model: MatchModel) {
        parts = ComparisonField.allCases.compactMap { field in
            let level = vector.levels[field.rawValue]
            let weight = model.weight(field, in: vector.levels)
            return level == 0 && weight == 0
                ? nil
                : Part(field: field.name, level: field.levels[Int(level)], weight: weight)
        }
        priorWeight = log2(model.prior / (1 - model.prior))
        totalWeight = model.matchWeight(vector.levels)
        probability = MatchModel.probability(weight: totalWeight)
        notes =
            (vector.swappedNames ? [Self.swappedNames] : [])
            + (vector.usedAlias ? [Self.alias] : [])
            + (vector.otherAddress ? [Self.otherAddress] : [])
            + (model.surnameWeighedAtAddress(vector.levels)
                ? ["at one address the surname is weighed as family members share it"] : [])
            + MatchModel.impliedAgreement.filter { MatchModel.implied($0.field, in: vector.levels) }.map {
                "the same \($0.field.name) counts for nothing where a name is the same: the name already says it"
            }
            + (MatchModel.contradicts(vector.levels)
                ? [
                    "given names, dates of birth or identifiers of two kinds disagree outright, and no identifier, phone or email agrees: not one person"
                ] : [])
    }
}

extension MatchExplanation {
    /// The explanation of a pair a batch run scored: its comparison (with how the names were matched) at the levels
    /// the run weighed, and, where the run also weighed the names by how common they are, that as a part of its own
    /// ("name counts"), so the explanation comes to the pair's score.
    public init(_ vector: ComparisonVector, scored pair: ScoredPair, model: MatchModel) {
        var weighed = vector
        weighed.pattern = pair.pattern
        self.init(weighed, model: model)
        let counts = pair.weight - totalWeight
        guard abs(counts) > 1e-9 else { return }
        parts.append(Part(field: Self.nameCounts, level: "how common the names agreeing exactly are", weight: counts))
        totalWeight = pair.weight
        probability = pair.probability
    }

    /// The part that weighs the names a pair agrees on by how many records hold them.
    public static let nameCounts = "name counts"

    /// The notes saying the names were not compared as written: read swapped, or one side's alias.
    public static let swappedNames = "given name and surname swapped", alias = "matched on an alias"
    /// The note saying the addresses agreed at a place one side records besides its address.
    public static let otherAddress = "the address that agrees is another one on record, such as a previous home"

    /// The explanation on one line, in words: the prior and each part with its weight in bits ("same surname
    /// (+6.9)"), leaving out fields missing, and the names' counts, where they weigh nothing, then the notes.
    public var line: String {
        func bits(_ weight: Double) -> String { (weight >= 0 ? "+" : "") + String(format: "%.1f", weight) }
        let shown = parts.filter { ($0.level != "missing" && $0.field != Self.nameCounts) || abs($0.weight) >= 0.05 }
        let weighed = shown.map {
            "\(MatchWords.describe(field: $0.field, level: $0.level)) (\(bits($0.weight)))"
        }
        return (["prior (\(bits(priorWeight)))"] + weighed + notes).joined(separator: "; ")
    }
}

/// A pair's comparison said in words for the people who decide it: "same surname", "first names differ except the
/// initial", and how much each counts. Works from the field and level names an explanation keeps, so explanations
/// stored before a level was renamed still read (as their level's own name).
public enum MatchWords {
    static let phrases: [String: [String: String]] = [
        "given name": [
            "exact or same name": "same first name", "Jaro–Winkler ≥ 0.92": "first names spelt almost alike",
            "Jaro–Winkler ≥ 0.85, sounds alike or one slip apart": "first names sound alike or differ by a slip",
            "one is an initial, and it agrees": "first names differ except the initial",
            "different": "first names differ",
        ],
        "surname": [
            "exact": "same surname", "Jaro–Winkler ≥ 0.92": "surnames spelt almost alike",
            "Jaro–Winkler ≥ 0.85, sounds alike or one slip apart": "surnames sound alike or differ by a slip",
            "Jaro–Winkler ≥ 0.70": "surnames partly alike", "different": "surnames differ",
        ],
        "date of birth": [
            "exact": "same date of birth", "day and month transposed": "dates of birth with day and month swapped",
            "one part a slip away": "dates of birth one slip apart: a digit, two digits swapped or one off",
            "two of three parts agree, or partial date agrees": "dates of birth differ in one part",
            "within a year": "born within a year of each other", "different": "dates of birth differ",
        ],
        "address": [
            "same address": "same address", "same street, another number": "same street, another house or flat",
            "same number and street, unconfirmed":
                "same house number and street, but a slip in the street, another town or postcode, or nothing to confirm it",
            "same postcode or street address": "same postcode or street",
            "same district or town": "same district or town",
            "town or address alike": "town or street address alike, no more", "different": "different addresses",
        ],
        "identifier": [
            "exact": "same identifier", "one character off": "identifiers one character apart",
            "different": "different identifiers",
            "different in two kinds or more": "different identifiers of two kinds or more",
        ],
        "sex": ["exact": "same sex", "different": "different sex"],
        "phone": ["exact": "same phone number", "different": "different phone numbers"],
        "email": ["exact": "same email address", "different": "different email addresses"],
        "nationality": ["exact": "same nationality", "different": "different nationalities"],
        MatchExplanation.nameCounts: ["how common the names agreeing exactly are": "how common the shared names are"],
    ]

    /// One field's comparison in words.
    public static func describe(field: String, level: String) -> String {
        if level == "missing" {
            // Identifiers are compared kind with kind: two records may both hold some and still have none to compare.
            return field == "identifier"
                ? "no identifiers to compare" : "no \(field) on one side or both"
        }
        return phrases[field]?[level] ?? "\(field): \(level)"
    }

    /// How much a weight counts, in words.
    public static func strength(_ weight: Double) -> String {
        switch weight {
        case 6...: "strongly for"
        case 1..<6: "for"
        case -1..<1: "little either way"
        case -6..<(-1): "against"
        default: "strongly against"
        }
    }

    /// The comparisons that count, strongest first, in one line: "same surname; same date of birth; first names
    /// differ except the initial; the shared names are common". Where the names were not compared as written, or the
    /// address agreeing is not the first, that comes first ("matched on an alias; same first name; …"): beside two
    /// records' own names, "same first name" would not otherwise read true.
    public static func summary(_ explanation: MatchExplanation) -> String {
        (nameNotes(explanation) + explanation.notes.filter { $0 == MatchExplanation.otherAddress }
            + explanation.parts.filter { abs($0.weight) >= 1 }.sorted { abs($0.weight) > abs($1.weight) }
            .map { part in
                // In a list without weights, which way the names' counts go has to be said.
                part.field == MatchExplanation.nameCounts
                    ? (part.weight > 0 ? "the shared names are rare" : "the shared names are common")
                    : describe(field: part.field, level: part.level)
            }).joined(separator: "; ")
    }

    /// The explanation's notes saying the names were not compared as written.
    public static func nameNotes(_ explanation: MatchExplanation) -> [String] {
        explanation.notes.filter { $0 == MatchExplanation.swappedNames || $0 == MatchExplanation.alias }
    }
}
