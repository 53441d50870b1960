import Foundation

/// A Fellegi–Sunter model: for each field and level, m (how often true matches compare so) and u (how often
/// non-matches do), and the prior share of matches among candidate pairs. A pair's match weight is the sum of
/// log₂(m/u) over its fields plus the prior's log-odds.
public struct MatchModel: Sendable, Codable, Equatable {
    public var m: [[Double]]
    public var u: [[Double]]
    /// Prior probability that a candidate pair is a match.
    public var prior: Double
    /// EM iterations run when trained.
    public var iterations: Int

    /// A starting model: agreement likely among matches, levels spread evenly among non-matches.
    public static func initial(prior: Double = 0.2) -> MatchModel {
        let m = ComparisonField.allCases.map { field -> [Double] in
            let k = field.levels.count - 1
            // 0.9 on the best level, halving down the rest; index 0 (missing) is unused.
            var values = [0.0] + (0..<k).map { i in i == 0 ? 0.9 : 0.1 / pow(2, Double(i - 1)) }
            let total = values.dropFirst().reduce(0, +)
            for i in 1...k { values[i] /= total }
            return values
        }
        let u = ComparisonField.allCases.map { field -> [Double] in
            let k = field.levels.count - 1
            return [0.0] + (0..<k).map { i in i == k - 1 ? 0.9 : 0.1 / Double(max(1, k - 1)) }
        }
        return MatchModel(m: m, u: u, prior: prior, iterations: 0)
    }

    /// log₂(m/u) of a field at a level; 0 when missing. Agreeing exactly never counts against a match and
    /// disagreeing outright never counts for one, whatever a fit on unusual data came to.
    public func weight(_ field: ComparisonField, level: UInt8) -> Double {
        if level == 0 { return 0 }
        let l = Int(level)
        let w = log2(max(m[field.rawValue][l], 1e-9) / max(u[field.rawValue][l], 1e-9))
        if l == 1 { return max(0, w) }
        if l == field.levels.count - 1 { return min(0, w) }
        return w
    }

    /// The total match weight of a comparison, the prior included.
    public func matchWeight(_ levels: [UInt8]) -> Double {
        var total = log2(prior / (1 - prior))
        for field in ComparisonField.allCases { total += weight(field, level: levels[field.rawValue]) }
        return total
    }

    /// ``matchWeight(_:)`` of many patterns, each field's weight at each level worked out once.
    func matchWeights(_ patterns: some Sequence<[UInt8]>) -> [Double] {
        let fields = ComparisonField.allCases
        let table = fields.map { field in (0..<field.levels.count).map { weight(field, level: UInt8($0)) } }
        let priorWeight = log2(prior / (1 - prior))
        return patterns.map { levels in
            var total = priorWeight
            for field in fields { total += table[field.rawValue][Int(levels[field.rawValue])] }
            return total
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

    /// Estimates u from the level frequencies of random pairs (almost all of them non-matches), smoothed.
    public mutating func estimateU(randomPatterns: [UInt64: Int]) {
        for field in ComparisonField.allCases {
            let k = field.levels.count
            var counts = [Double](repeating: 1, count: k) // add-one smoothing
            counts[0] = 0
            for (pattern, n) in randomPatterns {
                let level = Int((pattern >> UInt64(4 * field.rawValue)) & 0xF)
                if level > 0 { counts[level] += Double(n) }
            }
            let total = counts.reduce(0, +)
            u[field.rawValue] = counts.map { $0 / total }
        }
    }

    /// Fits m, u and the prior by expectation–maximisation over the candidate pairs' comparison patterns, starting
    /// from u as estimated from random pairs. u is refitted because non-matches that share a blocking key agree
    /// more often than random pairs do. Optional labelled patterns (reviewers' decisions) are counted with
    /// certainty: `true` a match, `false` not.
    /// - Complexity: O(iterations · distinct patterns · fields).
    /// - Parameter priorBounds: the range the share of matches may take. EM alone can settle on a wrong split
    ///   (say, "same given name") when true matches are rare; bounding the prior around an estimate from pairs that
    ///   agree exactly on name and date of birth keeps it to the split that matters.
    public mutating func trainEM(patterns: [UInt64: Int], labelled: [(pattern: UInt64, match: Bool)] = [],
                                 priorBounds: ClosedRange<Double> = 1e-6...(1 - 1e-6),
                                 maxIterations: Int = 40, tolerance: Double = 1e-5) {
        let rows = patterns.map { (levels: ComparisonVector.levels(of: $0.key), count: Double($0.value)) }
        let labels = labelled.map { (levels: ComparisonVector.levels(of: $0.pattern), p: $0.match ? 1.0 : 0.0) }
        guard !rows.isEmpty else { return }
        var iteration = 0
        while iteration < maxIterations {
            iteration += 1
            var mCounts = ComparisonField.allCases.map { [Double](repeating: 0, count: $0.levels.count) }
            var uCounts = mCounts
            var matchTotal = 0.0, total = 0.0
            func add(_ levels: [UInt8], _ p: Double, _ count: Double) {
                matchTotal += p * count
                total += count
                for field in ComparisonField.allCases where levels[field.rawValue] > 0 {
                    mCounts[field.rawValue][Int(levels[field.rawValue])] += p * count
                    uCounts[field.rawValue][Int(levels[field.rawValue])] += (1 - p) * count
                }
            }
            for (row, weight) in zip(rows, matchWeights(rows.lazy.map(\.levels))) { add(row.levels, Self.probability(weight: weight), row.count) }
            for label in labels { add(label.levels, label.p, 1) }
            var change = 0.0
            func refit(_ counts: [[Double]], into table: inout [[Double]]) {
                for field in ComparisonField.allCases {
                    var row = counts[field.rawValue]
                    for l in 1..<row.count { row[l] += 1e-3 } // keep every level possible
                    let sum = row.dropFirst().reduce(0, +)
                    for l in 1..<row.count {
                        let value = row[l] / sum
                        change = max(change, abs(value - table[field.rawValue][l]))
                        table[field.rawValue][l] = value
                    }
                }
            }
            refit(mCounts, into: &m)
            refit(uCounts, into: &u)
            let newPrior = min(max(matchTotal / total, priorBounds.lowerBound), priorBounds.upperBound)
            change = max(change, abs(newPrior - prior))
            prior = newPrior
            if change < tolerance { break }
        }
        iterations = iteration
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
            return level == 0 ? nil : Part(field: field.name, level: field.levels[Int(level)], weight: model.weight(field, level: level))
        }
        priorWeight = log2(model.prior / (1 - model.prior))
        totalWeight = model.matchWeight(vector.levels)
        probability = MatchModel.probability(weight: totalWeight)
        notes = (vector.swappedNames ? ["given name and surname swapped"] : []) + (vector.usedAlias ? ["matched on an alias"] : [])
    }
}
