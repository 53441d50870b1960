import Foundation

/// The keys that decide which pairs are compared at all: two people become a candidate pair only if they share a
/// key. Several rules, so one typo cannot hide a match; rare keys count for more than common ones.
public enum BlockingRule: String, CaseIterable, Sendable, Codable {
    case namesSound = "names-sound"
    case surnameSoundGivenInitial = "surname-sound+given-initial"
    case givenSoundSurnameInitial = "given-sound+surname-initial"
    case dateOfBirth = "date-of-birth"
    case identifier
    case birthYearPostcodeDistrict = "birth-year+postcode-district"
    case surnameSoundBirthYear = "surname-sound+birth-year"
    case givenSoundBirthDayMonth = "given-sound+birth-day-month"
    case postcodeGivenInitial = "postcode+given-initial"
    case phone
    case email

    /// The keys of a person under this rule (one per name variant where names are involved).
    func keys(_ p: PersonView, into out: inout [UInt64]) {
        let tag = UInt64(Self.tags[self]!)
        /// The key of these parts, or none if any is empty.
        func add<A: Collection<UInt8>, B: Collection<UInt8>>(_ a: A, _ b: B) {
            if a.isEmpty || b.isEmpty { return }
            var h = KeyHash(tag)
            h.add(a)
            h.add(b)
            out.append(h.value)
        }
        func add<A: Collection<UInt8>>(_ a: A) {
            if a.isEmpty { return }
            var h = KeyHash(tag)
            h.add(a)
            out.append(h.value)
        }
        let dob = p.dateOfBirth
        switch self {
        case .namesSound:
            // Both names' sounds in either order, so a given name and surname swapped still meet.
            for n in 0..<p.nameCount {
                let given = p.givenKey(n), surname = p.surnameKey(n)
                if given.isEmpty || surname.isEmpty { continue }
                if given.lexicographicallyPrecedes(surname) { add(given, surname) } else { add(surname, given) }
            }
        case .surnameSoundGivenInitial:
            for n in 0..<p.nameCount where !p.given(n).isEmpty { add(p.surnameKey(n), CollectionOfOne(p.given(n)[0])) }
        case .givenSoundSurnameInitial:
            for n in 0..<p.nameCount where !p.surname(n).isEmpty { add(p.givenKey(n), CollectionOfOne(p.surname(n)[0])) }
        case .dateOfBirth:
            if let y = dob?.year, let m = dob?.month, let d = dob?.day { add(digits(y * 10_000 + m * 100 + d)) }
        case .identifier:
            for k in 0..<p.identifierCount { add(p.identifier(k)) }
        case .birthYearPostcodeDistrict:
            if let y = dob?.year { add(digits(y), p.postcodeOutward) }
        case .surnameSoundBirthYear:
            if let y = dob?.year { for n in 0..<p.nameCount { add(p.surnameKey(n), digits(y)) } }
        case .givenSoundBirthDayMonth:
            if let m = dob?.month, let d = dob?.day { for n in 0..<p.nameCount { add(p.givenKey(n), digits(m * 100 + d)) } }
        case .postcodeGivenInitial:
            for n in 0..<p.nameCount where !p.given(n).isEmpty { add(p.postcode, CollectionOfOne(p.given(n)[0])) }
        case .phone: add(p.phone)
        case .email: add(p.email)
        }
    }

    private func digits(_ n: Int) -> [UInt8] { Array(String(n).utf8) }

    private static let tags = Dictionary(uniqueKeysWithValues: allCases.enumerated().map { ($1, $0 + 1) })
}

/// FNV-1a, 64 bits, with a separator between parts.
struct KeyHash {
    var value: UInt64 = 0xcbf29ce484222325

    init(_ tag: UInt64) { mix(UInt8(truncatingIfNeeded: tag)) }

    mutating func mix(_ byte: UInt8) {
        value ^= UInt64(byte)
        value &*= 0x100000001b3
    }

    mutating func add<C: Collection<UInt8>>(_ bytes: C) {
        for b in bytes { mix(b) }
        mix(0xFF)
    }
}

/// How candidates are generated.
public struct BlockingConfiguration: Sendable, Equatable {
    public var rules: [BlockingRule]
    /// Blocks with more people than this are too common to say anything: they are not paired within.
    public var maxBlockSize: Int
    /// At most this many candidates per record, the ones sharing the rarest keys first.
    public var maxCandidatesPerRecord: Int
    /// A candidate must share keys worth at least this much (a key shared by k people is worth 1/log₂(k+1)): two
    /// ordinary keys, or one rare one. Strangers who happen to share one common key are never compared.
    public var minimumSharedWeight: Float

    public init(rules: [BlockingRule] = BlockingRule.allCases, maxBlockSize: Int = 200, maxCandidatesPerRecord: Int = 8,
                minimumSharedWeight: Float = 0) {
        self.rules = rules
        self.maxBlockSize = maxBlockSize
        self.maxCandidatesPerRecord = maxCandidatesPerRecord
        self.minimumSharedWeight = minimumSharedWeight
    }

    /// Every key of a person once, in ascending order.
    func uniqueKeys(_ p: PreparedPerson) -> [UInt64] {
        var out: [UInt64] = []
        out.reserveCapacity(16)
        p.withView { view in for rule in rules { rule.keys(view, into: &out) } }
        out.sort()
        var unique = 0
        for i in out.indices where unique == 0 || out[unique - 1] != out[i] {
            out[unique] = out[i]
            unique += 1
        }
        out.removeLast(out.count - unique)
        return out
    }
}

/// People grouped by blocking key, stored compactly: the unique keys, for each a run of member indices (ascending),
/// an open-addressing table from key to block (the keys are hashes already), and each person's own keys.
public struct BlockIndex: Sendable {
    let keys: [UInt64]
    let starts: [Int32]
    let members: [Int32]
    /// Slot → block number + 1 (0: empty); capacity a power of two at least twice the number of keys.
    let slots: [Int32]
    /// Person i's blocks (one a key) are `personBlocks[personStarts[i]..<personStarts[i + 1]]`, so an indexed
    /// person's candidates are found without looking its keys up again.
    let personBlocks: [Int32]
    let personStarts: [Int32]
    public let configuration: BlockingConfiguration

    /// Indexes `people` by every key of the configuration, without sorting: count per key, then place.
    /// - Complexity: O(k·n) for n people with k keys each.
    public init(_ people: [PreparedPerson], configuration: BlockingConfiguration) {
        self.init(keyed: [people.map(configuration.uniqueKeys)], configuration: configuration)
    }

    /// The same index, each person's keys worked out in parallel over the machine's cores.
    public static func building(_ people: [PreparedPerson], configuration: BlockingConfiguration) async -> BlockIndex {
        BlockIndex(keyed: await Parallel.chunks(count: people.count) { range in range.map { configuration.uniqueKeys(people[$0]) } },
                   configuration: configuration)
    }

    /// Indexes people given each one's keys, in runs of consecutive people.
    private init(keyed runs: [[[UInt64]]], configuration: BlockingConfiguration) {
        self.configuration = configuration
        var personKeys: [UInt64] = [], personStarts: [Int32] = [0]
        let count = runs.reduce(0) { $0 + $1.count }
        personKeys.reserveCapacity(count * 10)
        personStarts.reserveCapacity(count + 1)
        for run in runs {
            for keys in run {
                personKeys += keys
                personStarts.append(Int32(personKeys.count))
            }
        }
        var capacity = 16
        while capacity < personKeys.count * 2 { capacity <<= 1 }
        let mask = capacity - 1
        var slots = [Int32](repeating: 0, count: capacity)
        var keys: [UInt64] = [], counts: [Int32] = []
        var entryBlock = [Int32](repeating: 0, count: personKeys.count)
        for (e, key) in personKeys.enumerated() {
            var slot = Int(Self.mix(key) & UInt64(mask))
            while true {
                let n = Int(slots[slot])
                if n == 0 {
                    keys.append(key)
                    counts.append(0)
                    slots[slot] = Int32(keys.count)
                    entryBlock[e] = Int32(keys.count - 1)
                    break
                }
                if keys[n - 1] == key { entryBlock[e] = Int32(n - 1); break }
                slot = (slot + 1) & mask
            }
            counts[Int(entryBlock[e])] += 1
        }
        var starts = [Int32](repeating: 0, count: keys.count + 1)
        for b in 0..<keys.count { starts[b + 1] = starts[b] + counts[b] }
        var cursor = starts
        var members = [Int32](repeating: 0, count: personKeys.count)
        for i in 0..<count {
            for e in Int(personStarts[i])..<Int(personStarts[i + 1]) {
                let b = Int(entryBlock[e])
                members[Int(cursor[b])] = Int32(i)
                cursor[b] += 1
            }
        }
        self.keys = keys
        self.starts = starts
        self.members = members
        self.slots = slots
        self.personBlocks = entryBlock
        self.personStarts = personStarts
    }

    /// Spreads a key's bits (FNV's low bits are weak for short inputs).
    static func mix(_ key: UInt64) -> UInt64 {
        var z = key &* 0x9E3779B97F4A7C15
        z ^= z >> 29
        return z
    }

    /// The members sharing `key`, or an empty slice.
    func block(_ key: UInt64) -> ArraySlice<Int32> {
        let mask = slots.count - 1
        var slot = Int(Self.mix(key) & UInt64(mask))
        while true {
            let n = Int(slots[slot])
            if n == 0 { return [] }
            if keys[n - 1] == key { return members(ofBlock: n - 1) }
            slot = (slot + 1) & mask
        }
    }

    /// The members of block `b`.
    @inline(__always)
    func members(ofBlock b: Int) -> ArraySlice<Int32> { members[Int(starts[b])..<Int(starts[b + 1])] }

    /// Candidates for an outside person (a query, or the other side of a link).
    func candidates(for person: PreparedPerson, minimum: Int32 = 0, scratch: inout CandidateScratch) -> [Int32] {
        candidates(blocks: configuration.uniqueKeys(person).lazy.map(block), minimum: minimum, scratch: &scratch)
    }

    /// Candidates for indexed person `i` among the indexed people.
    func candidates(forIndexed i: Int, minimum: Int32 = 0, scratch: inout CandidateScratch) -> [Int32] {
        candidates(blocks: personBlocks[Int(personStarts[i])..<Int(personStarts[i + 1])].lazy.map { members(ofBlock: Int($0)) },
                   minimum: minimum, scratch: &scratch)
    }

    /// Members with an index of at least `minimum` sharing any of the blocks, best first: each block weighted by
    /// its rarity, blocks over the size limit skipped, at most `maxCandidatesPerRecord`.
    private func candidates(blocks: some Sequence<ArraySlice<Int32>>, minimum: Int32, scratch: inout CandidateScratch) -> [Int32] {
        scratch.reset()
        for members in blocks {
            if members.isEmpty || members.count > configuration.maxBlockSize { continue }
            let weight = UInt32(1000 / log2(Double(members.count) + 1))
            // Members are in ascending order: those below `minimum` are skipped by a binary search.
            var low = members.startIndex, high = members.endIndex
            while low < high {
                let mid = (low + high) / 2
                if members[mid] < minimum { low = mid + 1 } else { high = mid }
            }
            for j in members[low...] { scratch.add(j, weight) }
        }
        // Rank as (weight << 32 | ~member), so the largest put the rarest shared keys first and, between equals,
        // the earlier member; only the best `maxCandidatesPerRecord` are kept, in that order.
        let floor = UInt32(configuration.minimumSharedWeight * 1000)
        var ranked = scratch.totals(atLeast: floor)
        let cap = configuration.maxCandidatesPerRecord
        if ranked.count > cap {
            var best: [UInt64] = []
            best.reserveCapacity(cap + 1)
            for value in ranked where best.count < cap || value > best[cap - 1] {
                var at = best.count
                while at > 0 && best[at - 1] < value { at -= 1 }
                best.insert(value, at: at)
                if best.count > cap { best.removeLast() }
            }
            ranked = best
        }
        return ranked.map { Int32(bitPattern: ~UInt32($0 & 0xFFFF_FFFF)) }
    }
}

/// Working space for finding one record's candidates, reused from record to record: the weight each member shares
/// with the record, summed in a small open-addressing table that is cleared slot by slot. No sorting of hits.
struct CandidateScratch: Sendable {
    private var members = [Int32](repeating: -1, count: 1024)
    private var sums = [UInt32](repeating: 0, count: 1024)
    private var used: [Int] = []

    init() {}

    mutating func reset() {
        for slot in used { members[slot] = -1 }
        used.removeAll(keepingCapacity: true)
    }

    mutating func add(_ member: Int32, _ weight: UInt32) {
        if used.count * 2 >= members.count { grow() }
        let mask = members.count - 1
        var slot = Int(truncatingIfNeeded: (UInt64(UInt32(bitPattern: member)) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        while true {
            let m = members[slot]
            if m == member { sums[slot] &+= weight; return }
            if m == -1 {
                members[slot] = member
                sums[slot] = weight
                used.append(slot)
                return
            }
            slot = (slot + 1) & mask
        }
    }

    /// Every member whose sum reaches `floor`, as (sum << 32 | ~member).
    func totals(atLeast floor: UInt32) -> [UInt64] {
        used.compactMap { slot in sums[slot] >= floor ? UInt64(sums[slot]) << 32 | UInt64(~UInt32(bitPattern: members[slot])) : nil }
    }

    private mutating func grow() {
        let entries = used.map { (members[$0], sums[$0]) }
        members = [Int32](repeating: -1, count: members.count * 2)
        sums = [UInt32](repeating: 0, count: members.count)
        used.removeAll(keepingCapacity: true)
        for (member, sum) in entries { add(member, sum) }
    }
}

