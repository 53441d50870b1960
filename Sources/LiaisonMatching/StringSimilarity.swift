/// String comparison kernels over folded ASCII bytes (see ``TextNormaliser``).
public enum StringSimilarity {
    /// Jaro similarity in 0...1: the share of matching characters within a window, discounted for transpositions.
    /// - Complexity: O(n·w) for lengths n and window w (half the longer length).
    public static func jaro(_ a: [UInt8], _ b: [UInt8]) -> Double {
        a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in jaro(a, b) } }
    }

    /// Jaro similarity of bytes in place, bit-parallel: each character of `a` finds where it occurs in `b` as a bit
    /// mask in a few word operations instead of a scan of its window, with no branch to mispredict. A `b` of up to
    /// 16 bytes (most names, towns and short addresses) is compared eight bytes a word; a longer one of folded text
    /// (letters, digits, spaces) through a table of where each character occurs; other bytes take the scan. Every
    /// path gives the same matches as the scan.
    static func jaro(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Double {
        if a.isEmpty || b.isEmpty { return a.isEmpty && b.isEmpty ? 1 : 0 }
        if same(a, b) { return 1 }
        // Names and addresses are short: match flags fit in one 64-bit word each; longer input is truncated.
        let n = min(a.count, 64)
        let m = min(b.count, 64)
        let window = max(0, max(n, m) / 2 - 1)
        if m <= 16 { return jaroWords(a, b, n: n, m: m, window: window) }
        var occurs = InlineArray<38, UInt64>(repeating: 0)
        for j in 0..<m {
            let slot = foldedSlot(b[j])
            if slot == 37 { return jaroScanning(a, b, n: n, m: m, window: window) }
            occurs[slot] |= 1 << UInt64(j)
        }
        var matchedA: UInt64 = 0
        var matchedB: UInt64 = 0
        var matches = 0
        for i in 0..<n {
            let lo = max(0, i - window)
            let hi = min(m - 1, i + window)
            if lo > hi { continue }
            let width = hi - lo + 1
            let inWindow: UInt64 = width == 64 ? ~0 : ((1 << UInt64(width)) - 1) << UInt64(lo)
            let free = occurs[foldedSlot(a[i])] & inWindow & ~matchedB
            if free != 0 {
                matchedA |= 1 << UInt64(i)
                matchedB |= free & (0 &- free)
                matches += 1
            }
        }
        return jaroScore(a, b, n: n, m: m, matches: matches, matchedA: matchedA, matchedB: matchedB)
    }

    /// Jaro for a `b` of at most 16 bytes, held in two words: a character's places in `b` are the zero bytes of
    /// the words XORed with it, gathered into a 16-bit mask.
    @inline(__always)
    static func jaroWords(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, n: Int, m: Int, window: Int)
        -> Double
    {
        // Loaded as overlapping words, never past the end of `b`.
        let base = UnsafeRawPointer(b.baseAddress!)
        var low: UInt64 = 0
        var high: UInt64 = 0
        if m >= 8 {
            low = UInt64(littleEndian: base.loadUnaligned(as: UInt64.self))
            high =
                UInt64(littleEndian: base.loadUnaligned(fromByteOffset: m - 8, as: UInt64.self)) >> UInt64(8 * (16 - m))
        } else if m >= 4 {
            low =
                UInt64(UInt32(littleEndian: base.loadUnaligned(as: UInt32.self)))
                | UInt64(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: m - 4, as: UInt32.self)))
                << UInt64(8 * (m - 4))
        } else {
            for j in 0..<m { low |= UInt64(b[j]) << UInt64(8 * j) }
        }
        var matching = WindowMatching(otherLength: m, window: window)
        if m <= 8 {
            for i in 0..<n { matching.step(i, zeroBytes(low ^ (UInt64(a[i]) &* 0x0101_0101_0101_0101))) }
        } else {
            for i in 0..<n {
                let c = UInt64(a[i]) &* 0x0101_0101_0101_0101
                matching.step(i, zeroBytes(low ^ c) | zeroBytes(high ^ c) &<< 8)
            }
        }
        return jaroScore(a, b, n: n, m: m, matches: matching.count, matchedA: matching.walked, matchedB: matching.other)
    }

    /// Jaro's matching walked along one side: each character takes the first free place, among the places of the
    /// other side holding the same character, within its window; places are bits (the first 64).
    struct WindowMatching {
        /// Matched places of the side walked along, and of the other side; how many.
        var walked: UInt64 = 0, other: UInt64 = 0, count = 0
        /// Places of the other side still free (none past its end), and the window of the i-th character slid
        /// along: [0, i + window] at first, then [i − window, i + window].
        private var free: UInt64, reach: UInt64
        private let window: Int

        @inline(__always)
        init(otherLength: Int, window: Int) {
            free = otherLength >= 64 ? ~0 : (1 &<< UInt64(otherLength)) &- 1
            reach = (2 &<< UInt64(window)) &- 1
            self.window = window
        }

        /// The i-th character, found at `places` of the other side.
        @inline(__always)
        mutating func step(_ i: Int, _ places: UInt64) {
            let open = places & reach & free
            let first = open & (0 &- open)
            free ^= first
            other |= first
            let found = first == 0 ? 0 : 1
            walked |= UInt64(found) &<< UInt64(i)
            count &+= found
            reach = reach &<< 1 | (i < window ? 1 : 0)
        }
    }

    /// One bit per zero byte of `x` (bit k for byte k), exactly: no carries between bytes.
    @inline(__always)
    static func zeroBytes(_ x: UInt64) -> UInt64 {
        let high = ~(((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | x) & 0x8080_8080_8080_8080
        return ((high >> 7) &* 0x0102_0408_1020_4080) >> 56
    }

    /// A folded byte's slot: letters 0–25, digits 26–35, space 36; anything else 37 (never set for `b`).
    @inline(__always)
    static func foldedSlot(_ byte: UInt8) -> Int {
        switch byte {
        case 0x61...0x7A: Int(byte - 0x61)
        case 0x30...0x39: 26 + Int(byte - 0x30)
        case 0x20: 36
        default: 37
        }
    }

    /// Jaro by scanning each character's window: the reference the bit-parallel paths agree with, used for a long `b`
    /// of other bytes.
    @inline(__always)
    static func jaroScanning(
        _ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, n: Int, m: Int, window: Int
    ) -> Double {
        var matchedA: UInt64 = 0
        var matchedB: UInt64 = 0
        var matches = 0
        for i in 0..<n {
            let lo = max(0, i - window)
            let hi = min(m - 1, i + window)
            if lo > hi { continue }
            let c = a[i]
            var j = lo
            while j <= hi {
                if b[j] == c && matchedB & (1 << UInt64(j)) == 0 {
                    matchedA |= 1 << UInt64(i)
                    matchedB |= 1 << UInt64(j)
                    matches += 1
                    break
                }
                j += 1
            }
        }
        return jaroScore(a, b, n: n, m: m, matches: matches, matchedA: matchedA, matchedB: matchedB)
    }

    /// Jaro from the matched characters of each side, counting transpositions among them in order.
    @inline(__always)
    static func jaroScore(
        _ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, n: Int, m: Int,
        matches: Int, matchedA: UInt64, matchedB: UInt64
    ) -> Double {
        if matches == 0 { return 0 }
        var transpositions = 0
        var restA = matchedA
        var restB = matchedB
        while restA != 0 {
            let i = restA.trailingZeroBitCount
            let j = restB.trailingZeroBitCount
            if a[i] != b[j] { transpositions += 1 }
            restA &= restA - 1
            restB &= restB - 1
        }
        let mm = Double(matches)
        return (mm / Double(n) + mm / Double(m) + (mm - Double(transpositions / 2)) / mm) / 3
    }

    /// Jaro–Winkler of bytes in place when it may reach `floor`, and 0 when it certainly cannot, decided first
    /// from the lengths, then from the two sides' ``characterSet(_:)``s: a character one side has and the other
    /// lacks can match nothing, so each side's count of such distinct characters caps the matches. Most pairs
    /// of different names or addresses are settled so, without the comparison.
    /// With `places` of `a` (see ``fillPlaces(_:into:)``), the comparison walks only `b`.
    static func jaroWinkler(
        _ a: UnsafeBufferPointer<UInt8>, _ x: UInt64, _ b: UnsafeBufferPointer<UInt8>, _ y: UInt64,
        places: UnsafePointer<UInt64>? = nil, atLeast floor: Double
    ) -> Double {
        let n = min(a.count, 64)
        let m = min(b.count, 64)
        // With a common prefix of p (up to 4) bytes, Jaro–Winkler is at most Jaro + 0.1·p·(1 − Jaro), so it reaches
        // the floor only if Jaro is at least (floor − 0.1·p) / (1 − 0.1·p); Jaro with k matches is at most
        // (k/n + k/m + 1)/3, so k·(n + m) must be at least (3·that − 1)·n·m. A hair is taken off, so rounding cannot
        // drop a pair.
        var prefix = 0
        while prefix < 4, prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        let boost = 0.1 * Double(prefix)
        let needed = (3 * (floor - boost) / (1 - boost) - 1) * Double(n * m) * (1 - 1e-9)
        let matches = min(n - (x & ~y).nonzeroBitCount, m - (y & ~x).nonzeroBitCount)
        if Double(matches * (n + m)) < needed { return 0 }
        guard let places else { return jaroWinkler(a, b) }
        return winkler(jaro(a, places: places, b), a, b)
    }

    /// A bit for each character among the first 64 bytes (as many as Jaro compares), at its ``slot(_:)``: letters,
    /// digits and space each their own; other bytes may share one, which only loosens the cap drawn from it.
    static func characterSet(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var set: UInt64 = 0
        for c in bytes.prefix(64) { set |= 1 &<< UInt64(slot(c)) }
        return set
    }

    /// A byte's place among 64: space 0, digits 16–25, lowercase letters 33–58, each its own.
    @inline(__always)
    static func slot(_ c: UInt8) -> Int { Int(c & 31 | (c & 0x40) >> 1) }

    /// Whether `c` is the only byte with its ``slot(_:)`` that counts: space, digits, lowercase letters and some
    /// punctuation are; capitals, control and non-ASCII bytes, which share slots with those, are not.
    @inline(__always)
    static func ownsSlot(_ c: UInt8) -> Bool {
        let s = c & 31 | (c & 0x40) >> 1
        return (s == 0 ? 0x20 : s < 32 ? s + 0x20 : s + 0x40) == c
    }

    /// Where each character of one string occurs, for comparing it with many others: word ``slot(_:)`` of `places`
    /// gets bit i where the string's i-th byte (of the first 64) is that character. False, and nothing written, if
    /// a byte does not own its slot (see ``ownsSlot(_:)``).
    static func fillPlaces(_ a: UnsafeBufferPointer<UInt8>, into places: UnsafeMutablePointer<UInt64>) -> Bool {
        let n = min(a.count, 64)
        for i in 0..<n where !ownsSlot(a[i]) { return false }
        for i in 0..<n { places[slot(a[i])] |= 1 &<< UInt64(i) }
        return true
    }

    /// Sets back to zero what ``fillPlaces(_:into:)`` wrote for `a`.
    static func clearPlaces(_ a: UnsafeBufferPointer<UInt8>, in places: UnsafeMutablePointer<UInt64>) {
        for i in 0..<min(a.count, 64) { places[slot(a[i])] = 0 }
    }

    /// Jaro of `a`, where each of its characters occurs being in `places` (see ``fillPlaces(_:into:)``), and `b`.
    /// Jaro is symmetric, so the matches are found walking `b`: each character takes the first free place of the
    /// same character of `a` within the window, in a few word operations.
    static func jaro(_ a: UnsafeBufferPointer<UInt8>, places: UnsafePointer<UInt64>, _ b: UnsafeBufferPointer<UInt8>)
        -> Double
    {
        if a.isEmpty || b.isEmpty { return a.isEmpty && b.isEmpty ? 1 : 0 }
        if same(a, b) { return 1 }
        let n = min(a.count, 64)
        let m = min(b.count, 64)
        let window = max(0, max(n, m) / 2 - 1)
        var matching = WindowMatching(otherLength: n, window: window)
        for j in 0..<m {
            // A byte of `b` that does not own its slot is in no place of `a`, whose bytes all do.
            let c = b[j]
            matching.step(j, places[slot(c)] & (ownsSlot(c) ? ~0 : 0))
        }
        return jaroScore(a, b, n: n, m: m, matches: matching.count, matchedA: matching.other, matchedB: matching.walked)
    }

    /// Jaro–Winkler similarity: Jaro, raised for a common prefix of up to four characters (scaling 0.1).
    /// - Complexity: O(n·m).
    public static func jaroWinkler(_ a: [UInt8], _ b: [UInt8]) -> Double {
        a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in jaroWinkler(a, b) } }
    }

    /// Jaro–Winkler similarity of bytes in place.
    static func jaroWinkler(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Double {
        winkler(jaro(a, b), a, b)
    }

    /// Jaro `j` of `a` and `b` raised for their common prefix.
    @inline(__always)
    static func winkler(_ j: Double, _ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Double {
        if j <= 0.7 { return j }
        var prefix = 0
        while prefix < 4, prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        return j + Double(prefix) * 0.1 * (1 - j)
    }

    /// Jaro–Winkler of two strings after folding.
    public static func jaroWinkler(_ a: String, _ b: String) -> Double {
        jaroWinkler(Array(TextNormaliser.fold(a).utf8), Array(TextNormaliser.fold(b).utf8))
    }

    /// Levenshtein edit distance (insertions, deletions, substitutions).
    /// - Complexity: O(n·m) time, O(m) memory.
    /// Whether two different strings are one typing slip apart: one character changed, added or dropped, or two
    /// neighbours swapped. O(n), no allocation.
    static func oneEditApart(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        if long.count - short.count > 1 { return false }
        var i = 0
        while i < short.count && short[i] == long[i] { i += 1 }
        if i == short.count { return long.count > short.count }
        if short.count == long.count {
            // A changed character, or a swap of it and the next.
            if short[(i + 1)...].elementsEqual(long[(i + 1)...]) { return true }
            return i + 1 < short.count && short[i] == long[i + 1] && short[i + 1] == long[i]
                && short[(i + 2)...].elementsEqual(long[(i + 2)...])
        }
        return short[i...].elementsEqual(long[(i + 1)...])
    }

    public static func levenshtein(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
