/// How often each key occurs, in an open-addressing table: comparison patterns (few, hundreds, over millions of pairs)
/// and names (many). Hashing each into a Dictionary cost more than the table's multiply and mask. Keys are below
/// 2⁶³ (comparison patterns use 44 bits).
struct CountTable: Sendable {
    /// Key + 1 per slot (0: empty; keys are below 2⁶³, so + 1 cannot overflow).
    private var keys: [UInt64]
    private var values: [Int]
    private var used = 0

    /// A table with room for `capacity` keys before it grows.
    init(capacity: Int = 512) {
        var slots = 1_024
        while slots < 2 * capacity { slots *= 2 }
        keys = [UInt64](repeating: 0, count: slots)
        values = [Int](repeating: 0, count: slots)
    }

    @inline(__always)
    private static func home(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    mutating func add(_ key: UInt64, count: Int = 1) {
        add(contentsOf: CollectionOfOne(key), count: count)
    }

    /// Counts each of `keys` (`count` times), over the table's memory in place; the table grows between keys when
    /// it is half full.
    mutating func add<C: Collection<UInt64>>(contentsOf added: C, count: Int = 1) {
        var next = added.startIndex
        while next != added.endIndex {
            if (used + 1) * 2 > keys.count { grow() }
            // New keys that fit before the table is half full.
            var room = keys.count / 2 - used
            keys.withUnsafeMutableBufferPointer { keys in
                values.withUnsafeMutableBufferPointer { values in
                    let mask = keys.count - 1
                    while next != added.endIndex && room > 0 {
                        let key = added[next] &+ 1
                        var slot = Self.home(key, mask)
                        while keys[slot] != key && keys[slot] != 0 { slot = (slot + 1) & mask }
                        if keys[slot] == key {
                            values[slot] += count
                        } else {
                            keys[slot] = key
                            values[slot] = count
                            room -= 1
                        }
                        added.formIndex(after: &next)
                    }
                }
            }
            used = keys.count / 2 - room
        }
    }

    mutating func merge(_ other: CountTable) {
        for slot in other.keys.indices where other.keys[slot] != 0 {
            add(other.keys[slot] &- 1, count: other.values[slot])
        }
    }

    /// The slot holding `key`, which must be in the table.
    @inline(__always)
    func slot(of key: UInt64) -> Int {
        let key = key &+ 1
        let mask = keys.count - 1
        var slot = Self.home(key, mask)
        while keys[slot] != key { slot = (slot + 1) & mask }
        return slot
    }

    /// How often `key` was counted (0 if never).
    func count(of key: UInt64) -> Int {
        let key = key &+ 1
        let mask = keys.count - 1
        var slot = Self.home(key, mask)
        while keys[slot] != key && keys[slot] != 0 { slot = (slot + 1) & mask }
        return keys[slot] == key ? values[slot] : 0
    }

    /// A value per slot, worked out once per key held (NaN for empty slots).
    func slotValues(_ value: (UInt64) -> Double) -> [Double] {
        keys.map { $0 == 0 ? .nan : value($0 &- 1) }
    }

    var counts: [UInt64: Int] {
        var out: [UInt64: Int] = [:]
        for slot in keys.indices where keys[slot] != 0 { out[keys[slot] &- 1] = values[slot] }
        return out
    }

    private mutating func grow() {
        let old = zip(keys, values).filter { $0.0 != 0 }
        self = CountTable(capacity: keys.count)
        for (key, value) in old { add(key &- 1, count: value) }
    }
}
