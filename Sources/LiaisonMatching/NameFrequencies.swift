import Foundation

/// How common each person's given name and surname are in the data at hand: two records agreeing on a rare surname
/// are strong evidence of one person, on "Smith" weak. An exact agreement's weight is adjusted by log₂(u / f) for a
/// name held by a share f of the records, u being how often random pairs agree exactly on that field (splink's
/// term-frequency adjustment).
struct NameFrequencies: Sendable {
    /// For each person of the left side, the share of all records with their (first) given name and surname.
    private let given: [Float], surname: [Float]

    /// Below this many records shares are too coarse to say a name is rare: no adjustment is made.
    static let minimumRecords = 1_000
    /// No adjustment moves a weight further than this, either way.
    static let limit = 6.0

    init(left: PersonTable, right: PersonTable, dedupe: Bool) {
        let total = left.count + (dedupe ? 0 : right.count)
        guard total >= Self.minimumRecords else {
            (given, surname) = ([], [])
            return
        }
        var givenCounts: [UInt64: Int32] = [:], surnameCounts: [UInt64: Int32] = [:]
        func keys(_ table: PersonTable) -> [(UInt64, UInt64)] {
            table.withViews { views in
                (0..<table.count).map { i in
                    let person = views[i]
                    return person.nameCount == 0 ? (0, 0) : (Self.key(person.given(0)), Self.key(person.surname(0)))
                }
            }
        }
        let leftKeys = keys(left)
        for (g, s) in leftKeys + (dedupe ? [] : keys(right)) {
            if g != 0 { givenCounts[g, default: 0] += 1 }
            if s != 0 { surnameCounts[s, default: 0] += 1 }
        }
        let n = Float(total)
        given = leftKeys.map { Float(givenCounts[$0.0] ?? 1) / n }
        surname = leftKeys.map { Float(surnameCounts[$0.1] ?? 1) / n }
    }

    func adjustment(given person: Int, u: Double) -> Double { Self.adjustment(given, person, u) }

    func adjustment(surname person: Int, u: Double) -> Double { Self.adjustment(surname, person, u) }

    private static func adjustment(_ shares: [Float], _ person: Int, _ u: Double) -> Double {
        guard person < shares.count else { return 0 }
        return min(limit, max(-limit, log2(u / Double(shares[person]))))
    }

    /// FNV-1a of a name's bytes (0 for no name).
    private static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        if bytes.isEmpty { return 0 }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash | 1
    }
}
