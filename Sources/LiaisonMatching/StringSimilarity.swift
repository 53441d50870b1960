/// String comparison kernels over folded ASCII bytes (see ``TextNormaliser``).
public enum StringSimilarity {
    /// Jaro similarity in 0...1: the share of matching characters within a window, discounted for transpositions.
    /// - Complexity: O(n·w) for lengths n and window w (half the longer length).
    public static func jaro(_ a: [UInt8], _ b: [UInt8]) -> Double {
        a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in jaro(a, b) } }
    }

    /// Jaro similarity of bytes in place.
    static func jaro(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Double {
        if a.isEmpty || b.isEmpty { return a.isEmpty && b.isEmpty ? 1 : 0 }
        if same(a, b) { return 1 }
        // Names and addresses are short: match flags fit in one 64-bit word each; longer input is truncated.
        let n = min(a.count, 64), m = min(b.count, 64)
        let window = max(0, max(n, m) / 2 - 1)
        var matchedA: UInt64 = 0, matchedB: UInt64 = 0
        var matches = 0
        for i in 0..<n {
            let lo = max(0, i - window), hi = min(m - 1, i + window)
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
        if matches == 0 { return 0 }
        var transpositions = 0
        var restA = matchedA, restB = matchedB
        while restA != 0 {
            let i = restA.trailingZeroBitCount, j = restB.trailingZeroBitCount
            if a[i] != b[j] { transpositions += 1 }
            restA &= restA - 1
            restB &= restB - 1
        }
        let mm = Double(matches)
        return (mm / Double(n) + mm / Double(m) + (mm - Double(transpositions / 2)) / mm) / 3
    }

    /// The most Jaro–Winkler can be for strings of these lengths (every character of the shorter one matching).
    static func jaroWinklerBound(_ n: Int, _ m: Int) -> Double {
        if n == 0 || m == 0 { return 0 }
        let jaro = (1 + Double(min(n, m)) / Double(max(n, m)) + 1) / 3
        return jaro + 0.4 * (1 - jaro)
    }

    /// Jaro–Winkler similarity: Jaro, raised for a common prefix of up to four characters (scaling 0.1).
    /// - Complexity: O(n·m).
    public static func jaroWinkler(_ a: [UInt8], _ b: [UInt8]) -> Double {
        a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in jaroWinkler(a, b) } }
    }

    /// Jaro–Winkler similarity of bytes in place.
    static func jaroWinkler(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Double {
        let j = jaro(a, b)
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
