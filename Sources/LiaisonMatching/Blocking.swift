import CLiaisonPrefetch
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
    case postcodeInitial = "postcode+initial"
    case phone
    case email
    case addressInitial = "address+initial"

    /// The keys of a person under this rule (one per name variant where names are involved).
    func keys(_ p: PersonView, into out: inout [UInt64]) {
        let tag = self.tag
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
                let given = p.givenKey(n)
                let surname = p.surnameKey(n)
                if given.isEmpty || surname.isEmpty { continue }
                if given.lexicographicallyPrecedes(surname) { add(given, surname) } else { add(surname, given) }
            }
        case .surnameSoundGivenInitial:
            for n in 0..<p.nameCount where !p.given(n).isEmpty { add(p.surnameKey(n), CollectionOfOne(p.given(n)[0])) }
        case .givenSoundSurnameInitial:
            for n in 0..<p.nameCount where !p.surname(n).isEmpty {
                add(p.givenKey(n), CollectionOfOne(p.surname(n)[0]))
            }
        case .dateOfBirth:
            if let y = dob?.year, let m = dob?.month, let d = dob?.day { add(digits(y * 10_000 + m * 100 + d)) }
        case .identifier:
            for k in 0..<p.identifierCount { add(p.identifier(k)) }
        case .birthYearPostcodeDistrict:
            if let y = dob?.year { add(digits(y), p.postcodeOutward) }
        case .surnameSoundBirthYear:
            if let y = dob?.year { for n in 0..<p.nameCount { add(p.surnameKey(n), digits(y)) } }
        case .givenSoundBirthDayMonth:
            if let m = dob?.month, let d = dob?.day {
                for n in 0..<p.nameCount { add(p.givenKey(n), digits(m * 100 + d)) }
            }
        case .postcodeInitial, .addressInitial:
            // The initial of either name, in one set of keys: one initial mistyped, or the names swapped, still meet.
            // With the street address too, where a postcode is missing or mistyped; at every place the person is
            // recorded, so someone met at a previous home is found there.
            let postcode = self == .postcodeInitial
            func initials(_ place: UnsafeBufferPointer<UInt8>) {
                for n in 0..<p.nameCount {
                    if let initial = p.given(n).first { add(place, CollectionOfOne(initial)) }
                    if let initial = p.surname(n).first { add(place, CollectionOfOne(initial)) }
                }
            }
            initials(postcode ? p.postcode : p.address)
            if !p.otherPlaces.isEmpty { p.forEachOtherPlace { initials(postcode ? $0.postcode : $0.address) } }
        case .phone: add(p.phone)
        case .email: add(p.email)
        }
    }

    private func digits(_ n: Int) -> DecimalDigits { DecimalDigits(n) }

    /// The rule's mark in its keys' hashes (its place in ``allCases`` + 1), so two rules' keys never meet.
    private var tag: UInt64 {
        switch self {
        case .namesSound: 1
        case .surnameSoundGivenInitial: 2
        case .givenSoundSurnameInitial: 3
        case .dateOfBirth: 4
        case .identifier: 5
        case .birthYearPostcodeDistrict: 6
        case .surnameSoundBirthYear: 7
        case .givenSoundBirthDayMonth: 8
        case .postcodeInitial: 9
        case .phone: 10
        case .email: 11
        case .addressInitial: 12
        }
    }
}

/// The decimal digits of a number at least 0, as bytes, without making a string: worked out once, last first.
struct DecimalDigits: RandomAccessCollection {
    private var reversed = InlineArray<20, UInt8>(repeating: 0)
    let count: Int

    init(_ value: Int) {
        var count = 0
        var rest = value
        repeat {
            reversed[count] = UInt8(0x30 + rest % 10)
            rest /= 10
            count += 1
        } while rest > 0
        self.count = count
    }

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    subscript(i: Int) -> UInt8 { reversed[count - 1 - i] }
}

/// FNV-1a, 64 bits, with a separator between parts.
struct KeyHash {
    var value: UInt64 = 0xcbf2_9ce4_8422_2325

    init(_ tag: UInt64) { mix(UInt8(truncatingIfNeeded: tag)) }

    mutating func mix(_ byte: UInt8) {
        value ^= UInt64(byte)
        value &*= 0x100_0000_01b3
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

    public init(
        rules: [BlockingRule] = BlockingRule.allCases, maxBlockSize: Int = 200, maxCandidatesPerRecord: Int = 8,
        minimumSharedWeight: Float = 0
    ) {
        self.rules = rules
        self.maxBlockSize = maxBlockSize
        self.maxCandidatesPerRecord = maxCandidatesPerRecord
        self.minimumSharedWeight = minimumSharedWeight
    }

    /// Every key of a person once, in ascending order.
    func uniqueKeys(_ p: PreparedPerson) -> [UInt64] { p.withView(uniqueKeys) }

    func uniqueKeys(_ view: PersonView) -> [UInt64] {
        var out: [UInt64] = []
        out.reserveCapacity(16)
        appendUniqueKeys(view, to: &out)
        return out
    }

    /// Appends every key of a person once, in ascending order, after what `out` holds.
    func appendUniqueKeys(_ view: PersonView, to out: inout [UInt64]) {
        let start = out.count
        for rule in rules { rule.keys(view, into: &out) }
        Self.sortUnique(&out, from: start)
    }

    /// Sorts what `out` holds from `start` on, and keeps each key there once.
    static func sortUnique(_ out: inout [UInt64], from start: Int) {
        out[start...].sort()
        var unique = start
        for i in start..<out.count where unique == start || out[unique - 1] != out[i] {
            out[unique] = out[i]
            unique += 1
        }
        out.removeLast(out.count - unique)
    }
}

/// People grouped by blocking key, stored compactly: the unique keys, for each a run of member indices (ascending),
/// an open-addressing table from key to block (the keys are hashes already), and for each person where the later
/// members of the blocks it shares with later people lie.
///
/// Blocks are numbered in the order people first bring their keys, so the blocks of people near each other in the
/// input sit near each other in memory: finding candidates person by person then reads memory mostly in order.
public struct BlockIndex: Sendable {
    let keys: [UInt64]
    let starts: [Int32]
    let members: [Int32]
    /// Slot → block number + 1 (0: empty); capacity a power of two at least twice the number of keys.
    let slots: [Int32]
    /// For person i, `later[3k…3k+2]` for k in `laterStarts[i]..<laterStarts[i + 1]`: the members after i of one
    /// of its blocks, as the range `members[from..<end]`, and the block's size; one for each of its keys shared with
    /// a later person, in the order of its keys, leaving out blocks over the size limit. So a person's candidates
    /// among those after it (each pair once) are found without looking its keys up, or reading blocks that hold
    /// none of them.
    let later: [Int32]
    let laterStarts: [Int32]
    /// Copies of one person where their date of birth's or an identifier's block is over the size limit (see
    /// ``copiesWindow``): each whole name with date of birth, and each identifier (``copyKeys(_:into:)``), held
    /// there, with its people in ascending order.
    let copies: [UInt64: [Int32]]
    /// Person → the next people after it with the same whole name and date of birth or the same identifier, at most
    /// ``copiesWindow`` of each.
    let copyNext: [Int32: [Int32]]
    public let configuration: BlockingConfiguration

    /// Past the size limit, only copies of one person are still paired, each with the next this many. A date of
    /// birth shared by hundreds of records, most of them under one name, or an identifier shared by hundreds, is most
    /// often one person recorded again and again (someone arrested, stopped or reported many times), the person a
    /// system must not miss; every other key such a person has is as common, so without this none of their records
    /// would be compared. Records with the same whole name there, or the same identifier, are copies: each paired
    /// with the next two is a chain that joins them all in one cluster, and holds where one link is judged two
    /// people. A query or the other side of a link meets the first two.
    public static let copiesWindow = 2

    /// The keys of a person's copies: each of their whole names as spelt with their whole date of birth, and each of
    /// their identifiers.
    static func copyKeys(_ p: PersonView, into out: inout [UInt64]) {
        let start = out.count
        if let dob = p.dateOfBirth, let y = dob.year, let m = dob.month, let d = dob.day {
            let date = DecimalDigits(y * 10_000 + m * 100 + d)
            for n in 0..<p.nameCount where !p.given(n).isEmpty && !p.surname(n).isEmpty {
                var h = KeyHash(0)
                h.add(p.given(n))
                h.add(p.surname(n))
                h.add(date)
                out.append(h.value)
            }
        }
        BlockingRule.identifier.keys(p, into: &out)
        BlockingConfiguration.sortUnique(&out, from: start)
    }

    /// Indexes `people` by every key of the configuration, without sorting: count per key, then place.
    /// - Complexity: O(k·n) for n people with k keys each.
    public init(_ people: [PreparedPerson], configuration: BlockingConfiguration) {
        self.init(people, runs: [KeyRun(people, 0..<people.count, configuration)], configuration: configuration)
    }

    /// The same index, each person's keys worked out in parallel over the machine's cores.
    public static func building(_ people: [PreparedPerson], configuration: BlockingConfiguration) async -> BlockIndex {
        await building(people, configuration: configuration) {}.index
    }

    /// The same index, and the result of `meanwhile`, which runs while the index is put together from the keys:
    /// that is one core's work, so other work can have the rest.
    static func building<T: Sendable>(
        _ people: [PreparedPerson], configuration: BlockingConfiguration,
        meanwhile: @escaping @Sendable () async -> T
    ) async -> (index: BlockIndex, meanwhile: T) {
        let runs = await Parallel.chunks(count: people.count) { range in KeyRun(people, range, configuration) }
        async let other = meanwhile()
        let index = BlockIndex(people, runs: runs, configuration: configuration)
        return (index, await other)
    }

    /// The keys of a run of consecutive people, end to end.
    private struct KeyRun: Sendable {
        var keys: [UInt64] = []
        /// The run's i-th person's keys end at `ends[i]`.
        var ends: [Int32] = []
        /// Where among `keys` the keys of the date of birth and of the identifiers are, in ascending order: a
        /// block of theirs over the size limit may hold copies of one person (see ``BlockIndex/copiesWindow``).
        var watched: [Int32] = []

        init(_ people: [PreparedPerson], _ range: Range<Int>, _ configuration: BlockingConfiguration) {
            keys.reserveCapacity(range.count * 12)
            ends.reserveCapacity(range.count)
            let rules = [BlockingRule.dateOfBirth, .identifier].filter(configuration.rules.contains)
            var own: [UInt64] = []
            for i in range {
                let start = keys.count
                own.removeAll(keepingCapacity: true)
                people[i].withView { view in
                    configuration.appendUniqueKeys(view, to: &keys)
                    for rule in rules { rule.keys(view, into: &own) }
                }
                let first = watched.count
                for key in own { if let at = keys[start...].firstIndex(of: key) { watched.append(Int32(at)) } }
                watched[first...].sort()
                ends.append(Int32(keys.count))
            }
        }
    }

    /// Indexes people given their keys, in runs of consecutive people.
    private init(_ people: [PreparedPerson], runs: [KeyRun], configuration: BlockingConfiguration) {
        self.configuration = configuration
        var personStarts: [Int32] = [0]
        personStarts.reserveCapacity(runs.reduce(1) { $0 + $1.ends.count })
        var watched: [Int32] = []
        var total = 0
        for run in runs {
            let base = Int32(total)
            personStarts += run.ends.lazy.map { base + $0 }
            watched += run.watched.lazy.map { base + $0 }
            total += run.keys.count
        }
        // People share keys, so the keys are fewer than the people's keys together (a third of them at a million
        // records): the table starts with room for half as many and doubles when half full. A smaller table is looked
        // up with fewer of its reads missing the cache.
        var capacity = 16
        while capacity < total { capacity <<= 1 }
        var mask = capacity - 1
        var slots = [Int32](repeating: 0, count: capacity)
        var keys: [UInt64] = []
        var counts: [Int32] = []
        var entryBlock = [Int32](repeating: 0, count: total)
        var e = 0
        // Each key's slot is asked for some keys ahead of its turn, so the table's loads from memory overlap.
        let ahead = 16
        for run in runs {
            for (q, key) in run.keys.enumerated() {
                if q + ahead < run.keys.count {
                    let early = Int(Self.mix(run.keys[q + ahead]) & UInt64(mask))
                    slots.withUnsafeBufferPointer { liaison_prefetch($0.baseAddress! + early) }
                }
                var slot = Int(Self.mix(key) & UInt64(mask))
                while true {
                    let n = Int(slots[slot])
                    if n == 0 {
                        keys.append(key)
                        counts.append(1)
                        slots[slot] = Int32(keys.count)
                        entryBlock[e] = Int32(keys.count - 1)
                        if keys.count * 2 > slots.count {
                            slots = Self.slots(of: keys, capacity: 2 * slots.count)
                            mask = slots.count - 1
                        }
                        break
                    }
                    if keys[n - 1] == key {
                        counts[n - 1] += 1
                        entryBlock[e] = Int32(n - 1)
                        break
                    }
                    slot = (slot + 1) & mask
                }
                e += 1
            }
        }
        var starts = [Int32](repeating: 0, count: keys.count + 1)
        for b in 0..<keys.count { starts[b + 1] = starts[b] + counts[b] }
        // People are placed in order, so the members of a block after person i are those placed after it. One core
        // does this while the others compare random pairs, so it works in place, with room for every run made first.
        // Each block's next place, end and size sit together, so placing a person in a block reads one place in memory.
        let limit = Int32(clamping: configuration.maxBlockSize)
        // People whose date of birth's or an identifier's block is over the limit, in ascending order.
        var crowded: [Int32] = []
        var w = 0
        let block = UnsafeMutableBufferPointer<Int32>.allocate(capacity: 3 * keys.count)
        defer { block.deallocate() }
        for b in 0..<keys.count {
            block.initializeElement(at: 3 * b, to: starts[b])
            block.initializeElement(at: 3 * b + 1, to: starts[b + 1])
            block.initializeElement(at: 3 * b + 2, to: counts[b])
        }
        var later: [Int32] = []
        var laterStarts: [Int32] = []
        let members = [Int32](unsafeUninitializedCapacity: total) { members, placed in
            laterStarts = [Int32](unsafeUninitializedCapacity: people.count + 1) { laterStarts, counted in
                later = [Int32](unsafeUninitializedCapacity: 3 * total) { later, written in
                    var n = 0
                    laterStarts[0] = 0
                    for i in 0..<people.count {
                        for e in Int(personStarts[i])..<Int(personStarts[i + 1]) {
                            if e + ahead < total {
                                liaison_prefetch(block.baseAddress! + 3 * Int(entryBlock[e + ahead]))
                            }
                            let b = 3 * Int(entryBlock[e])
                            let at = block[b]
                            let end = block[b + 1]
                            let size = block[b + 2]
                            members[Int(at)] = Int32(i)
                            block[b] = at + 1
                            if w < watched.count && Int(watched[w]) == e {
                                w += 1
                                if size > limit && crowded.last != Int32(i) { crowded.append(Int32(i)) }
                            }
                            if at + 1 < end && size <= limit {
                                later[n] = at + 1
                                later[n + 1] = end
                                later[n + 2] = size
                                n += 3
                            }
                        }
                        laterStarts[i + 1] = Int32(n / 3)
                    }
                    written = n
                }
                counted = people.count + 1
            }
            placed = total
        }
        self.keys = keys
        self.starts = starts
        self.members = members
        self.slots = slots
        self.later = later
        self.laterStarts = laterStarts
        (copies, copyNext) = Self.copies(of: crowded, in: people)
    }

    /// The copies among `crowded` people, by whole name and date of birth and by identifier, and each one's next few
    /// (see ``copiesWindow``); the groups in order of their first person, so every run pairs them alike.
    private static func copies(of crowded: [Int32], in people: [PreparedPerson]) -> (
        [UInt64: [Int32]], [Int32: [Int32]]
    ) {
        var groups: [UInt64: [Int32]] = [:]
        var keys: [UInt64] = []
        for i in crowded {
            keys.removeAll(keepingCapacity: true)
            people[Int(i)].withView { copyKeys($0, into: &keys) }
            for key in keys { groups[key, default: []].append(i) }
        }
        var next: [Int32: [Int32]] = [:]
        let ordered = groups.sorted { ($0.value[0], $0.key) < ($1.value[0], $1.key) }
        for (_, group) in ordered where group.count > 1 {
            for (k, i) in group.enumerated() {
                next[i, default: []] += group[(k + 1)..<min(group.count, k + 1 + copiesWindow)]
            }
        }
        return (groups, next)
    }

    /// An open-addressing table from `keys` to block number + 1 (0: empty), `capacity` a power of two.
    private static func slots(of keys: [UInt64], capacity: Int) -> [Int32] {
        var slots = [Int32](repeating: 0, count: capacity)
        let mask = capacity - 1
        for (b, key) in keys.enumerated() {
            var slot = Int(mix(key) & UInt64(mask))
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(b + 1)
        }
        return slots
    }

    /// Spreads a key's bits (FNV's low bits are weak for short inputs).
    static func mix(_ key: UInt64) -> UInt64 {
        var z = key &* 0x9E37_79B9_7F4A_7C15
        z ^= z >> 29
        return z
    }

    /// Candidates for an outside person (a query, or the other side of a link).
    func candidates(for person: PreparedPerson, minimum: Int32 = 0, scratch: inout CandidateScratch) -> [Int32] {
        var out: [Int32] = []
        person.withView { view in
            withReader { $0.candidates(for: view, minimum: minimum, scratch: &scratch, into: &out) }
        }
        return out
    }

    /// Candidates for indexed person `i` among the people indexed after it.
    func candidates(after i: Int, scratch: inout CandidateScratch) -> [Int32] {
        var out: [Int32] = []
        withReader { $0.candidates(after: i, scratch: &scratch, into: &out) }
        return out
    }

    /// Runs `body` with the index readable in place, for many lookups without reference counting.
    func withReader<R>(_ body: (Reader) -> R) -> R {
        keys.withUnsafeBufferPointer { keys in
            slots.withUnsafeBufferPointer { slots in
                starts.withUnsafeBufferPointer { starts in
                    members.withUnsafeBufferPointer { members in
                        later.withUnsafeBufferPointer { later in
                            laterStarts.withUnsafeBufferPointer { laterStarts in
                                body(
                                    Reader(
                                        keys: keys, slots: slots, starts: starts, members: members, later: later,
                                        laterStarts: laterStarts, copies: copies, copyNext: copyNext,
                                        configuration: configuration))
                            }
                        }
                    }
                }
            }
        }
    }

    /// The index read in place (see ``withReader(_:)``).
    struct Reader {
        let keys: UnsafeBufferPointer<UInt64>, slots: UnsafeBufferPointer<Int32>
        let starts: UnsafeBufferPointer<Int32>, members: UnsafeBufferPointer<Int32>
        let later: UnsafeBufferPointer<Int32>, laterStarts: UnsafeBufferPointer<Int32>
        let copies: [UInt64: [Int32]], copyNext: [Int32: [Int32]]
        let configuration: BlockingConfiguration

        /// The block of `key`, if any person has it.
        func block(_ key: UInt64) -> Int? {
            let mask = slots.count - 1
            var slot = Int(BlockIndex.mix(key) & UInt64(mask))
            while true {
                let n = Int(slots[slot])
                if n == 0 { return nil }
                if keys[n - 1] == key { return n - 1 }
                slot = (slot + 1) & mask
            }
        }

        /// Candidates for an outside person, into `out` (see ``gather(_:_:_:)`` and ``CandidateScratch/best(_:atLeast:into:)``).
        func candidates(
            for person: PersonView, minimum: Int32, scratch: inout CandidateScratch, into out: inout [Int32]
        ) {
            scratch.reset()
            gather(configuration.uniqueKeys(person).lazy.compactMap(block), minimum, &scratch)
            if !copies.isEmpty {
                var keys: [UInt64] = []
                BlockIndex.copyKeys(person, into: &keys)
                for key in keys {
                    guard let group = copies[key] else { continue }
                    let later = group.lazy.filter { $0 >= minimum }.prefix(BlockIndex.copiesWindow)
                    Array(later).withUnsafeBufferPointer { scratch.add($0, BlockIndex.copyWeight) }
                }
            }
            scratch.best(
                configuration.maxCandidatesPerRecord, atLeast: UInt32(configuration.minimumSharedWeight * 1000),
                into: &out)
        }

        /// Asks for the block members ``candidates(after:scratch:into:)`` will read for person `i` to be brought into
        /// the cache, without waiting for them: every cache line of each block's later members.
        func prefetchCandidates(after i: Int) {
            guard let base = members.baseAddress else { return }
            for k in Int(laterStarts[i])..<Int(laterStarts[i + 1]) {
                for at in stride(from: Int(later[3 * k]), to: Int(later[3 * k + 1]), by: 16) {
                    liaison_prefetch(base + at)
                }
            }
        }

        /// Candidates for indexed person `i` among the people indexed after it, from the blocks' later members
        /// recorded when the index was built: the same as ``candidates(for:minimum:scratch:into:)`` with `minimum`
        /// i + 1.
        func candidates(after i: Int, scratch: inout CandidateScratch, into out: inout [Int32]) {
            scratch.reset()
            let runs = Int(laterStarts[i])..<Int(laterStarts[i + 1])
            // First the start of each run is read, so their loads from memory overlap; then the members.
            var read: Int32 = 0
            for k in runs { read &+= members[Int(later[3 * k])] }
            BlockIndex.keep(read)
            for k in runs {
                let from = Int(later[3 * k])
                let end = Int(later[3 * k + 1])
                scratch.add(
                    UnsafeBufferPointer(rebasing: members[from..<end]),
                    BlockIndex.weight(ofBlockOf: Int(later[3 * k + 2])))
            }
            if !copyNext.isEmpty, let next = copyNext[Int32(i)] {
                next.withUnsafeBufferPointer { scratch.add($0, BlockIndex.copyWeight) }
            }
            scratch.best(
                configuration.maxCandidatesPerRecord, atLeast: UInt32(configuration.minimumSharedWeight * 1000),
                into: &out)
        }

        /// Adds the blocks' members with an index of at least `minimum`, each weighted by its block's rarity (a key
        /// shared by k people is worth 1/log₂(k+1)); blocks over the size limit are skipped.
        private func gather(_ blocks: some Sequence<Int>, _ minimum: Int32, _ scratch: inout CandidateScratch) {
            // First each block's bounds and last member are read, so their loads from memory overlap; then the members.
            var read: Int32 = 0
            for b in blocks {
                let end = Int(starts[b + 1])
                read &+= starts[b] &+ (end > 0 ? members[end - 1] : 0)
            }
            BlockIndex.keep(read)
            for b in blocks {
                let start = Int(starts[b])
                let end = Int(starts[b + 1])
                if end == start || end - start > configuration.maxBlockSize || members[end - 1] < minimum { continue }
                // Members are in ascending order: those below `minimum` are skipped, counted in a small block (with no
                // branch to mispredict), found by a binary search in a larger one.
                var low = start
                if end - start <= 16 {
                    for k in start..<end { low &+= members[k] < minimum ? 1 : 0 }
                } else {
                    var high = end
                    while low < high {
                        let mid = (low + high) / 2
                        if members[mid] < minimum { low = mid + 1 } else { high = mid }
                    }
                }
                scratch.add(
                    UnsafeBufferPointer(rebasing: members[low..<end]), BlockIndex.weight(ofBlockOf: end - start))
            }
        }
    }

    /// What sharing a key with `size` people is worth, in thousandths: 1/log₂(size + 1).
    @inline(__always)
    static func weight(ofBlockOf size: Int) -> UInt32 {
        size < blockWeights.count ? blockWeights[size] : UInt32(1000 / log2(Double(size) + 1))
    }

    /// What being a copy's next few is worth: as much as a key held by those few and the copy.
    static let copyWeight = weight(ofBlockOf: copiesWindow + 1)

    private static let blockWeights = (0..<1024).map { $0 == 0 ? 0 : UInt32(1000 / log2(Double($0) + 1)) }

    /// Uses a value, so the memory reads that made it are not optimised away.
    @_optimize(none)
    static func keep(_ value: Int32) {}
}

/// Working space for finding one record's candidates, reused from record to record: the weight each member shares
/// with the record, summed in a small open-addressing table that is cleared slot by slot. No sorting of hits.
/// Its arrays keep their sizes between records and are written in place, so adding a hit checks no capacity.
struct CandidateScratch: Sendable {
    private var members = [Int32](repeating: -1, count: 1024)
    private var sums = [UInt32](repeating: 0, count: 1024)
    /// The slots in use, the first `usedCount` of them: fewer than half the table's, which ``add(_:_:)`` keeps so.
    private var used = [Int32](repeating: 0, count: 512)
    private var usedCount = 0
    /// The best candidates so far, largest first: the first `cap` of them, and one more place for shifting.
    private var best: [UInt64] = []

    init() {}

    mutating func reset() {
        let count = usedCount
        members.withUnsafeMutableBufferPointer { m in
            used.withUnsafeBufferPointer { u in for k in 0..<count { m[Int(u[k])] = -1 } }
        }
        usedCount = 0
    }

    /// Adds `weight` to each of `block`'s members.
    mutating func add(_ block: UnsafeBufferPointer<Int32>, _ weight: UInt32) {
        while (usedCount + block.count) * 2 >= members.count { grow() }
        let mask = members.count - 1
        var count = usedCount
        members.withUnsafeMutableBufferPointer { members in
            sums.withUnsafeMutableBufferPointer { sums in
                used.withUnsafeMutableBufferPointer { used in
                    for member in block {
                        var slot =
                            Int(truncatingIfNeeded: (UInt64(UInt32(bitPattern: member)) &* 0x9E37_79B9_7F4A_7C15) >> 32)
                            & mask
                        while true {
                            let m = members[slot]
                            if m == member {
                                sums[slot] &+= weight
                                break
                            }
                            if m == -1 {
                                members[slot] = member
                                sums[slot] = weight
                                used[count] = Int32(slot)
                                count += 1
                                break
                            }
                            slot = (slot + 1) & mask
                        }
                    }
                }
            }
        }
        usedCount = count
    }

    /// The members whose sums reach `floor`, at most `cap` of them: when more qualify, the largest sums (the
    /// rarest shared keys) first and, between equals, the earlier member; otherwise in the order first met.
    mutating func best(_ cap: Int, atLeast floor: UInt32, into out: inout [Int32]) {
        out.removeAll(keepingCapacity: true)
        guard cap > 0 else { return }
        if best.count != cap + 1 { best = [UInt64](repeating: 0, count: cap + 1) }
        // Ranked as (sum << 32 | ~member), so the largest value is the best candidate.
        var qualifying = 0
        var kept = 0
        let count = usedCount
        members.withUnsafeBufferPointer { members in
            sums.withUnsafeBufferPointer { sums in
                used.withUnsafeBufferPointer { used in
                    best.withUnsafeMutableBufferPointer { top in
                        for k in 0..<count {
                            let slot = Int(used[k])
                            guard sums[slot] >= floor else { continue }
                            qualifying += 1
                            let value = UInt64(sums[slot]) << 32 | UInt64(~UInt32(bitPattern: members[slot]))
                            if qualifying <= cap { out.append(members[slot]) }
                            if kept == cap && value <= top[cap - 1] { continue }
                            var at = kept
                            while at > 0 && top[at - 1] < value {
                                top[at] = top[at - 1]
                                at -= 1
                            }
                            top[at] = value
                            if kept < cap { kept += 1 }
                        }
                    }
                }
            }
        }
        if qualifying > cap {
            out.removeAll(keepingCapacity: true)
            for value in best[0..<cap] { out.append(Int32(bitPattern: ~UInt32(value & 0xFFFF_FFFF))) }
        }
    }

    private mutating func grow() {
        let entries = (0..<usedCount).map { (members[Int(used[$0])], sums[Int(used[$0])]) }
        members = [Int32](repeating: -1, count: members.count * 2)
        sums = [UInt32](repeating: 0, count: members.count)
        used = [Int32](repeating: 0, count: members.count / 2)
        usedCount = 0
        for (member, sum) in entries { add(member, sum) }
    }

    private mutating func add(_ member: Int32, _ sum: UInt32) {
        withUnsafePointer(to: member) { add(UnsafeBufferPointer(start: $0, count: 1), sum) }
    }
}
