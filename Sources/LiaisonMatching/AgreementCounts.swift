/// How many pairs of the input share a whole date of birth, have one with day and month transposed, or share an
/// identifier, counted over every pair from how often each value occurs. These are the rarest levels of agreement
/// and the strongest evidence: a date of birth is shared by about one pair in thirty thousand, so a million random
/// pairs meet it a few dozen times, and a sample that small moves its weight by a bit either way from one draw to
/// the next. Counted, their u is what the random pairs would show if there were no end of them.
struct AgreementCounts: Sendable {
    /// Pairs of the input: every pair of one side for a dedupe, left by right for a link.
    var pairs: Double
    var sameDate: Double
    var transposedDate: Double
    var sameIdentifier: Double

    init(pairs: Double, sameDate: Double, transposedDate: Double, sameIdentifier: Double) {
        (self.pairs, self.sameDate, self.transposedDate, self.sameIdentifier) =
            (pairs, sameDate, transposedDate, sameIdentifier)
    }

    init(left: PersonTable, right: PersonTable, dedupe: Bool) {
        let leftDates = Self.dates(left)
        let leftIdentifiers = Self.identifiers(left)
        let rightDates = dedupe ? leftDates : Self.dates(right)
        let rightIdentifiers = dedupe ? leftIdentifiers : Self.identifiers(right)
        let (l, r) = (Double(left.count), Double(right.count))
        pairs = dedupe ? l * (l - 1) / 2 : l * r
        // Each shared value: n·(n − 1)/2 pairs within one side, n·m across two; a key with its lowest bit clear
        // (a set of an even number of identifiers) is taken away.
        func shared(_ a: [UInt64: Int], _ b: [UInt64: Int], signed: Bool = false) -> Double {
            a.reduce(0) { total, entry in
                let n = Double(entry.value)
                let pairs = dedupe ? n * (n - 1) / 2 : n * Double(b[entry.key] ?? 0)
                return total + (signed && entry.key & 1 == 0 ? -pairs : pairs)
            }
        }
        sameDate = shared(leftDates, rightDates)
        sameIdentifier = shared(leftIdentifiers, rightIdentifiers, signed: true)
        // A date with day and month transposed is another date: each pair is met from both ends within one side.
        transposedDate = leftDates.reduce(0) { total, entry in
            guard let other = Self.transposed(entry.key) else { return total }
            return total + Double(entry.value) * Double(rightDates[other] ?? 0) / (dedupe ? 2 : 1)
        }
    }

    /// A whole date as a key: year, month and day (only whole dates reach levels 1 and 2).
    static func key(year: Int, month: Int, day: Int) -> UInt64 { UInt64(year * 10_000 + month * 100 + day) }

    /// The date with day and month swapped, if that is a different date.
    static func transposed(_ key: UInt64) -> UInt64? {
        let (year, month, day) = (Int(key) / 10_000, Int(key) / 100 % 100, Int(key) % 100)
        guard day != month, day <= 12 else { return nil }
        return Self.key(year: year, month: day, day: month)
    }

    private static func dates(_ table: PersonTable) -> [UInt64: Int] {
        var counts = CountTable(capacity: table.count)
        table.withViews { views in
            for i in 0..<table.count {
                let person = views[i]
                let (year, month, day) = (person.year, person.month, person.day)
                if year != 0 && month != 0 && day != 0 { counts.add(key(year: year, month: month, day: day)) }
            }
        }
        return counts.counts
    }

    /// How many people hold each set of identifiers in common, for pairs sharing at least one identifier by
    /// inclusion and exclusion: a set of k identifiers is counted with its sign, (−1)^(k+1), in the key's lowest bit
    /// (see ``shared``). Of a person's identifiers the first six are taken.
    private static func identifiers(_ table: PersonTable) -> [UInt64: Int] {
        var counts = CountTable(capacity: table.count)
        var own: [UInt64] = []
        table.withViews { views in
            for i in 0..<table.count {
                let person = views[i]
                own.removeAll(keepingCapacity: true)
                for k in 0..<person.identifierCount {
                    var hash = KeyHash(0)
                    hash.add(person.identifier(k))
                    if !own.contains(hash.value) && own.count < 6 { own.append(hash.value) }
                }
                own.sort()
                for subset in 1..<(1 << own.count) {
                    var key: UInt64 = 0
                    for (k, value) in own.enumerated() where subset >> k & 1 == 1 {
                        key = (key ^ value) &* 0x9E37_79B9_7F4A_7C15
                    }
                    counts.add((key >> 2) << 1 | UInt64(subset.nonzeroBitCount & 1))
                }
            }
        }
        return counts.counts
    }
}
