/// A phonetic key in the manner of Metaphone: names that sound alike in English get the same key, so
/// "Mohammed", "Muhamad" and "Mohamed" all key to `MHMT`, "Rasheed" and "Rashid" to `RXT`.
///
/// Works on folded ASCII (see ``TextNormaliser``); vowels count only at the start of a name.
public enum Phonetic {
    /// The key of one folded word, at most `maxLength` characters.
    /// - Complexity: O(n) in the length of `word`.
    public static func key(_ word: [UInt8], maxLength: Int = 6) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(maxLength)
        word.withUnsafeBufferPointer { appendKey($0, maxLength: maxLength, to: &out) }
        return out
    }

    /// Appends the key of one folded word to `out`.
    static func appendKey(_ word: UnsafeBufferPointer<UInt8>, maxLength: Int = 6, to out: inout [UInt8]) {
        let isLetter = { (c: UInt8) in c >= 0x61 && c <= 0x7A }
        if word.allSatisfy(isLetter) {
            appendKey(letters: word, maxLength: maxLength, to: &out)
        } else {
            word.filter(isLetter).withUnsafeBufferPointer { appendKey(letters: $0, maxLength: maxLength, to: &out) }
        }
    }

    private static func appendKey(letters: UnsafeBufferPointer<UInt8>, maxLength: Int, to out: inout [UInt8]) {
        guard !letters.isEmpty else { return }
        let start = out.count
        func at(_ i: Int) -> UInt8 { i >= 0 && i < letters.count ? letters[i] : 0 }
        func isVowel(_ c: UInt8) -> Bool { c == a || c == e || c == i_ || c == o || c == u || c == y }
        var i = 0
        // Silent or simplified first letters.
        switch (at(0), at(1)) {
        case (k, n), (g, n), (p, n), (w, r), (a, e): i = 1
        case (x, _):
            out.append(S)
            i = 1
        case (w, h):
            out.append(W)
            i = 2
        default: break
        }
        func emit(_ c: UInt8) { if out.count == start || out[out.count - 1] != c { out.append(c) } }
        while i < letters.count, out.count - start < maxLength {
            let c = letters[i]
            let next = at(i + 1)
            let previous = at(i - 1)
            if c == previous && c != cc {
                i += 1
                continue
            }
            switch c {
            case a, e, i_, o, u: if i == 0 { emit(A) }
            case y: if i == 0 && isVowel(next) { emit(Y) }
            case b: if !(previous == m && i == letters.count - 1) { emit(P) }
            case cc:
                if next == h {
                    emit(X)
                    i += 1
                } else if next == i_ || next == e || next == y {
                    emit(S)
                } else if next == k {
                    emit(K)
                    i += 1
                } else {
                    emit(K)
                }
            case d:
                if next == g && (at(i + 2) == e || at(i + 2) == i_ || at(i + 2) == y) {
                    emit(J)
                    i += 2
                } else {
                    emit(T)
                }
            case f, v: emit(F)
            case g:
                if next == h && !isVowel(at(i + 2)) && i + 2 < letters.count {
                    i += 1
                }  // "gh" before a consonant is silent
                else if next == h {
                    emit(K)
                    i += 1
                } else if next == n && i + 2 >= letters.count {
                }  // trailing "gn"
                else if next == i_ || next == e || next == y {
                    emit(J)
                } else {
                    emit(K)
                }
            case h:
                if isVowel(next) && !isVowel(previous) && previous != cc && previous != s && previous != p
                    && previous != t && previous != g
                {
                    emit(H)
                } else if isVowel(next) && isVowel(previous) {
                    emit(H)
                }
            case j: emit(J)
            case k, q: emit(K)
            case l: emit(L)
            case m: emit(M)
            case n: emit(N)
            case p:
                if next == h {
                    emit(F)
                    i += 1
                } else {
                    emit(P)
                }
            case r: emit(R)
            case s:
                if next == h {
                    emit(X)
                    i += 1
                } else if next == cc && at(i + 2) == h {
                    emit(S)
                    emit(K)
                    i += 2
                } else {
                    emit(S)
                }
            case t:
                if next == h {
                    emit(T)
                    i += 1
                } else if next == i_ && (at(i + 2) == o || at(i + 2) == a) {
                    emit(X)
                } else {
                    emit(T)
                }
            case w: if isVowel(next) { emit(W) }
            case x:
                emit(K)
                emit(S)
            case z: emit(S)
            default: break
            }
            i += 1
        }
        if out.count - start > maxLength { out.removeLast(out.count - start - maxLength) }
    }

    /// The key of a folded word as a string.
    public static func key(_ word: String) -> String {
        String(decoding: key(Array(TextNormaliser.compact(word).utf8)), as: UTF8.self)
    }

    // swift-format-ignore: AlwaysUseLowerCamelCase
    private static let a = UInt8(ascii: "a"), b = UInt8(ascii: "b"), cc = UInt8(ascii: "c"), d = UInt8(ascii: "d"),
        e = UInt8(ascii: "e"), f = UInt8(ascii: "f"), g = UInt8(ascii: "g"), h = UInt8(ascii: "h"),
        i_ = UInt8(ascii: "i"),
        j = UInt8(ascii: "j"), k = UInt8(ascii: "k"), l = UInt8(ascii: "l"), m = UInt8(ascii: "m"),
        n = UInt8(ascii: "n"),
        o = UInt8(ascii: "o"), p = UInt8(ascii: "p"), q = UInt8(ascii: "q"), r = UInt8(ascii: "r"),
        s = UInt8(ascii: "s"),
        t = UInt8(ascii: "t"), u = UInt8(ascii: "u"), v = UInt8(ascii: "v"), w = UInt8(ascii: "w"),
        x = UInt8(ascii: "x"),
        y = UInt8(ascii: "y"), z = UInt8(ascii: "z")
    // swift-format-ignore: AlwaysUseLowerCamelCase
    private static let A = UInt8(ascii: "A"), F = UInt8(ascii: "F"), H = UInt8(ascii: "H"), J = UInt8(ascii: "J"),
        K = UInt8(ascii: "K"), L = UInt8(ascii: "L"), M = UInt8(ascii: "M"), N = UInt8(ascii: "N"),
        P = UInt8(ascii: "P"),
        R = UInt8(ascii: "R"), S = UInt8(ascii: "S"), T = UInt8(ascii: "T"), W = UInt8(ascii: "W"),
        X = UInt8(ascii: "X"),
        Y = UInt8(ascii: "Y")
}
