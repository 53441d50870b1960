import Foundation

/// How common each person's given name and surname are in the data at hand: two records agreeing on a rare surname
/// are strong evidence of one person, on "Smith" weak. An exact agreement's weight is adjusted by log₂(u / f) for a
/// name held by a share f of the records, u being how often random pairs agree exactly on that field (splink's
/// term-frequency adjustment).
///
/// The share is of the records besides the pair's two, which hold the name whoever they are: it says how often
/// another person has the name. Counted with them, a name held by a few records, one person's among them, seems
/// several times as common among others as it is (a name held by five records, two of them the pair's, by five
/// in place of three).
///
/// A name is counted wherever it is written, given name or surname: records with the two swapped ("Fitzgerald
/// Richard") hold common names, not rare ones. Both names agreeing are adjusted by each name's share, not by the
/// share of the whole name: a whole name held by two records is most often one person's two records, so its own
/// count says more about duplicates than about how rare it is among other people.
///
/// But a whole name can be far more common than its two names' shares predict: given names and surnames go together
/// by where families come from ("Mohammed Khan", "Yiorgos Alrashid"). Where at least ``minimumOthers`` records other
/// than the pair's two hold a person's whole name, the pair's two names weigh as the given name's share among the
/// other records with that surname (the given name's share of all records counting as ``surnameRecordsPrior``
/// records), when that is the higher: never the other way, so a whole name held by a few records, most often one
/// person's, weighs as its two names do.
struct NameFrequencies: Sendable {
    /// For each person of the left side, the share of the records besides a pair's two holding their (first) given
    /// name, and surname.
    private let given: [Float], surname: [Float]
    /// For each person of the left side, how many bits more common their whole name is than its names' shares say.
    private let together: [Float]
    /// How many records the shares are of.
    private let records: Float

    /// Below this many records shares are too coarse to say a name is rare: no adjustment is made.
    static let minimumRecords = 1_000
    /// No adjustment moves a weight further than this, either way.
    static let limit = 6.0
    /// A name held by this many records besides a pair's two, or fewer, may be one person's records only: it makes a
    /// weight no weaker.
    static let ownRecords: Float = 3
    /// Records other than a pair's two that must hold a whole name before it is weighed as more common than its parts.
    static let minimumOthers = 4
    /// How many records the given name's share of all records counts as among a surname's records.
    static let surnameRecordsPrior: Float = 20

    init(left: PersonTable, right: PersonTable, dedupe: Bool) {
        let total = left.count + (dedupe ? 0 : right.count)
        guard total >= Self.minimumRecords else {
            (given, surname, together, records) = ([], [], [], 0)
            return
        }
        func keys(_ table: PersonTable) -> [(UInt64, UInt64)] {
            table.withViews { views in
                (0..<table.count).map { i in
                    let person = views[i]
                    return person.nameCount == 0 ? (0, 0) : (Self.key(person.given(0)), Self.key(person.surname(0)))
                }
            }
        }
        let leftKeys = keys(left)
        let allKeys = dedupe ? leftKeys : leftKeys + keys(right)
        // Each name (given or surname), each whole name, and the surname of each whole name, gathered to be counted
        // in one pass each. Names are far fewer than records: their tables start small and grow, so they stay in
        // the cache while every record looks its names up.
        var names: [UInt64] = []
        var wholes: [UInt64] = []
        var wholeSurnames: [UInt64] = []
        names.reserveCapacity(2 * allKeys.count)
        wholes.reserveCapacity(allKeys.count)
        wholeSurnames.reserveCapacity(allKeys.count)
        for (g, s) in allKeys {
            if g != 0 { names.append(g) }
            if s != 0 { names.append(s) }
            if g != 0 && s != 0 {
                wholes.append(Self.key(whole: g, s))
                wholeSurnames.append(s)
            }
        }
        var counts = CountTable()
        counts.add(contentsOf: names)
        let n = Float(total)
        records = n
        // The share of the records besides a pair's two, and never below one record.
        func share(_ key: UInt64) -> Float { Float(max(1, counts.count(of: key) - 2)) / n }
        given = leftKeys.map { share($0.0) }
        surname = leftKeys.map { share($0.1) }
        var wholeNames = CountTable(capacity: total / 2)
        wholeNames.add(contentsOf: wholes)
        var surnames = CountTable()
        surnames.add(contentsOf: wholeSurnames)
        together = zip(leftKeys, given).map { keys, givenShare in
            let (g, s) = keys
            guard g != 0 && s != 0 else { return 0 }
            let others = wholeNames.count(of: Self.key(whole: g, s)) - 2
            guard others >= Self.minimumOthers else { return 0 }
            let prior = Self.surnameRecordsPrior
            let within = (Float(others) + prior * givenShare) / (Float(surnames.count(of: s) - 2) + prior)
            return min(Float(Self.limit), max(0, log2(within / givenShare)))
        }
    }

    /// The adjustment when both names agree exactly, u being how often random pairs agree exactly on each: the two
    /// names' adjustments together.
    func adjustment(full person: Int, uGiven: Double, uSurname: Double) -> Double {
        let together = person < self.together.count ? Double(self.together[person]) : 0
        return adjustment(given: person, u: uGiven) + adjustment(surname: person, u: uSurname) - together
    }

    func adjustment(given person: Int, u: Double) -> Double { adjustment(given, person, u) }

    func adjustment(surname person: Int, u: Double) -> Double { adjustment(surname, person, u) }

    private func adjustment(_ shares: [Float], _ person: Int, _ u: Double) -> Double {
        guard person < shares.count else { return 0 }
        return bounded(log2(u / Double(shares[person])), share: shares[person])
    }

    /// An adjustment within ±``limit``, and not below 0 for a name so rare its records may all be one person's.
    private func bounded(_ adjustment: Double, share: Float) -> Double {
        let floor = share * records <= Self.ownRecords ? 0 : -Self.limit
        return min(Self.limit, max(floor, adjustment))
    }

    /// A whole name's key from its two names' keys, below 2⁶³ for a ``CountTable``.
    private static func key(whole given: UInt64, _ surname: UInt64) -> UInt64 {
        ((given &* 0x9E37_79B9_7F4A_7C15) ^ surname) >> 1 | 1
    }

    /// FNV-1a of a name's bytes, below 2⁶³ for a ``CountTable`` (0 for no name).
    private static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        if bytes.isEmpty { return 0 }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash >> 1 | 1
    }
}
