/// The fields a pair of people is compared on, and for each the comparison levels from best to worst.
/// Level 0 always means "missing on one side or both": it carries little evidence, at most two bits either way (see
/// ``MatchModel/weight(_:level:)``).
public enum ComparisonField: Int, CaseIterable, Sendable, Codable {
    case givenName, surname, dateOfBirth, location, identifier, sex, phone, email, nationality

    public var name: String {
        switch self {
        case .givenName: "given name"
        case .surname: "surname"
        case .dateOfBirth: "date of birth"
        case .location: "address"
        case .identifier: "identifier"
        case .sex: "sex"
        case .phone: "phone"
        case .email: "email"
        case .nationality: "nationality"
        }
    }

    /// The level names, index 0 being "missing".
    public var levels: [String] { Self.levelNames[rawValue] }

    /// Every field's level names, made once: models read how many levels a field has for every pattern they score.
    private static let levelNames = allCases.map(\.describedLevels)

    private var describedLevels: [String] {
        switch self {
        case .givenName:
            [
                "missing", "exact or same name", "Jaro–Winkler ≥ 0.92",
                "Jaro–Winkler ≥ 0.85, sounds alike or one slip apart", "one is an initial, and it agrees", "different",
            ]
        case .surname:
            [
                "missing", "exact", "Jaro–Winkler ≥ 0.92", "Jaro–Winkler ≥ 0.85, sounds alike or one slip apart",
                "Jaro–Winkler ≥ 0.70", "different",
            ]
        case .dateOfBirth:
            [
                "missing", "exact", "day and month transposed", "one part a slip away",
                "two of three parts agree, or partial date agrees", "within a year", "different",
            ]
        case .location:
            [
                "missing", "same address", "same street, another number", "same number and street, unconfirmed",
                "same postcode or street address", "same district or town", "town or address alike", "different",
            ]
        case .identifier: ["missing", "exact", "one character off", "different", "different in two kinds or more"]
        case .sex, .phone, .email, .nationality: ["missing", "exact", "different"]
        }
    }
}

/// How two people compare: a level per field, and notes on how the names were matched.
public struct ComparisonVector: Sendable, Equatable, Hashable {
    /// The levels packed four bits a field (field `f` at bits 4f…4f+3): also the key for counting patterns.
    public var pattern: UInt64 = 0
    /// The names agreed only with given name and surname swapped.
    public var swappedNames = false
    /// The best name agreement used an alias on either side.
    public var usedAlias = false
    /// The best agreement of addresses was at a place either records besides its address (a previous home).
    public var otherAddress = false
    /// Both names agreed exactly, but only swapped (graded as close agreement: see ``Comparator``).
    public var swappedExactly = false

    /// The pattern batch resolution counts and weighs (see ``Resolver``): names swapped but each exact count as the
    /// names agreeing exactly, and are weighed by how common the names are, as exact names are. Counted as close
    /// agreement, a file's swaps (up to a tenth of its true pairs) would teach a fitted model that close names go with
    /// a match far more often than they do, and exact names less often.
    public var resolutionPattern: UInt64 {
        guard swappedExactly else { return pattern }
        var counted = self
        counted[.givenName] = 1
        counted[.surname] = 1
        return counted.pattern
    }

    public var levels: [UInt8] { Self.levels(of: pattern) }

    public subscript(field: ComparisonField) -> UInt8 {
        get { UInt8((pattern >> UInt64(4 * field.rawValue)) & 0xF) }
        set {
            pattern =
                pattern & ~(0xF << UInt64(4 * field.rawValue)) | UInt64(newValue & 0xF) << UInt64(4 * field.rawValue)
        }
    }

    /// The pattern of a list of levels, one per field.
    public static func pattern(of levels: [UInt8]) -> UInt64 {
        var pattern: UInt64 = 0
        for (field, level) in levels.enumerated() { pattern |= UInt64(level & 0xF) << UInt64(4 * field) }
        return pattern
    }

    public static func levels(of pattern: UInt64) -> [UInt8] {
        ComparisonField.allCases.map { UInt8((pattern >> UInt64(4 * $0.rawValue)) & 0xF) }
    }
}

/// Compares prepared people field by field. Pure and allocation-light: the inner loop of every use.
public enum Comparator {
    /// Compares two people on every ``ComparisonField``.
    /// - Complexity: O(a·b) in the number of names each has (usually one or two), times the name lengths.
    public static func compare(_ a: PreparedPerson, _ b: PreparedPerson) -> ComparisonVector {
        a.withView { x in b.withView { y in compare(x, y) } }
    }

    /// Compares two people; with `subject`, where the characters of `a`'s address, town and names occur, worked
    /// out once for comparing `a` with many others (see ``Subjects``).
    static func compare(_ a: PersonView, _ b: PersonView, subject: Subject? = nil) -> ComparisonVector {
        var v = ComparisonVector()
        var swapped = false
        var swappedExactly = false
        var alias = false
        if a.nameCount > 0 && b.nameCount > 0 {
            var best: (given: UInt8, surname: UInt8) = (255, 255)
            for i in 0..<a.nameCount {
                let xg = Name(a.given(i), a.givenKey(i), a.givenCharacters(i), subject?.places(Subject.given(i)))
                let xs = Name(
                    a.surname(i), a.surnameKey(i), a.surnameCharacters(i), subject?.places(Subject.surname(i)))
                for j in 0..<b.nameCount {
                    let yg = Name(b.given(j), b.givenKey(j), b.givenCharacters(j))
                    let ys = Name(b.surname(j), b.surnameKey(j), b.surnameCharacters(j))
                    let direct = (givenLevel(xg, yg), surnameLevel(xs, ys))
                    if rank(direct) < rank(best) {
                        best = direct
                        swapped = false
                        alias = i > 0 || j > 0
                    }
                    // A swap only counts when both parts are present, each agrees at least by sound, and together they
                    // agree better than the best reading so far (which cannot be beaten once both parts are exact).
                    guard rank(best) > 2, !xg.text.isEmpty, !yg.text.isEmpty else { continue }
                    let acrossGiven = givenLevel(xg, ys)
                    guard acrossGiven <= 3 else { continue }
                    let across = (acrossGiven, surnameLevel(xs, yg))
                    if across.1 <= 3, rank(across) < rank(best) {
                        best = across
                        swapped = true
                        alias = i > 0 || j > 0
                    }
                }
            }
            // Agreement found only by swapping is weaker: many names serve as given name and surname alike (Ryan,
            // Thomas), so a swapped exact agreement counts as a close one (batch resolution, which weighs names by how
            // common they are, counts it as exact: see ``ComparisonVector/resolutionPattern``).
            v[.givenName] = swapped && best.given == 1 ? 2 : best.given
            v[.surname] = swapped && best.surname == 1 ? 2 : best.surname
            swappedExactly = swapped && best.given == 1 && best.surname == 1
        }
        v[.dateOfBirth] = dateLevel(a, b)
        let location = Self.location(a, b, subject: subject)
        v[.location] = location.level
        v[.identifier] = identifierLevel(a, b)
        if let x = a.sex, let y = b.sex { v[.sex] = x == y ? 1 : 2 }
        v[.phone] = anyExact(a.phone, a.otherPhones, b.phone, b.otherPhones)
        v[.email] = exact(a.email, b.email)
        v[.nationality] = anyExact(a.nationality, a.otherNationalities, b.nationality, b.otherNationalities)
        v.swappedNames = swapped
        v.swappedExactly = swappedExactly
        v.usedAlias = alias
        v.otherAddress = location.elsewhere
        return v
    }

    static let addressBands: InlineArray<3, Double> = [0.95, 0.85, 0.70],
        townBands: InlineArray<2, Double> = [1.0, 0.88]

    private static func rank(_ pair: (UInt8, UInt8)) -> Int {
        // Missing (0) ranks between agreement and disagreement.
        func r(_ l: UInt8) -> Int { l == 0 ? 3 : Int(l) }
        return r(pair.0) + r(pair.1)
    }

    typealias Bytes = UnsafeBufferPointer<UInt8>

    /// A name part as compared: its text, phonetic key and character set, and where its characters occur if that
    /// was worked out.
    struct Name {
        let text: Bytes, key: Bytes, characters: UInt64
        let places: UnsafePointer<UInt64>?
        init(_ text: Bytes, _ key: Bytes, _ characters: UInt64, _ places: UnsafePointer<UInt64>? = nil) {
            (self.text, self.key, self.characters, self.places) = (text, key, characters, places)
        }
    }

    /// Where each character of one person's address, town, given names and surnames occurs (64 words a field, see
    /// ``StringSimilarity/fillPlaces(_:into:)``), so comparing the person with many others walks only theirs.
    struct Subject {
        let words: UnsafePointer<UInt64>
        /// Bit k: field k's places are worked out.
        let filled: UInt64

        static let address = 0, town = 1, fields = 64
        static func given(_ name: Int) -> Int { 2 + 2 * name }
        static func surname(_ name: Int) -> Int { 3 + 2 * name }

        @inline(__always)
        func places(_ field: Int) -> UnsafePointer<UInt64>? {
            field < Self.fields && filled >> UInt64(field) & 1 == 1 ? words + 64 * field : nil
        }
    }

    /// Working space for ``Subject``s, reused from person to person: only the words a person set are cleared.
    struct Subjects {
        private var words = [UInt64](repeating: 0, count: 64 * Subject.fields)

        /// Runs `body` with `person`'s subject.
        mutating func with<R>(_ person: PersonView, _ body: (Subject) -> R) -> R {
            words.withUnsafeMutableBufferPointer { words in
                let base = words.baseAddress!
                var filled: UInt64 = 0
                func each(_ visit: (Bytes, Int) -> Void) {
                    visit(person.address, Subject.address)
                    visit(person.town, Subject.town)
                    for n in 0..<person.nameCount where Subject.surname(n) < Subject.fields {
                        visit(person.given(n), Subject.given(n))
                        visit(person.surname(n), Subject.surname(n))
                    }
                }
                each { text, field in
                    if !text.isEmpty && StringSimilarity.fillPlaces(text, into: base + 64 * field) {
                        filled |= 1 << UInt64(field)
                    }
                }
                let result = body(Subject(words: base, filled: filled))
                each { text, field in
                    if filled >> UInt64(field) & 1 == 1 { StringSimilarity.clearPlaces(text, in: base + 64 * field) }
                }
                return result
            }
        }
    }

    static func givenLevel(_ x: Name, _ y: Name) -> UInt8 {
        let a = x.text
        let b = y.text
        if a.isEmpty || b.isEmpty { return 0 }
        if same(a, b) { return 1 }
        if a.count == 1 || b.count == 1 { return a[0] == b[0] ? 4 : 5 }
        let jw = StringSimilarity.jaroWinkler(a, x.characters, b, y.characters, places: x.places, atLeast: 0.85)
        if jw >= 0.92 { return 2 }
        if jw >= 0.85 || (!x.key.isEmpty && same(x.key, y.key)) || StringSimilarity.oneEditApart(a, b) { return 3 }
        // Two full names that only begin alike (Scarlett, Simran) are different names: an initial agrees only when
        // one side is an initial.
        return 5
    }

    static func surnameLevel(_ x: Name, _ y: Name) -> UInt8 {
        let a = x.text
        let b = y.text
        if a.isEmpty || b.isEmpty { return 0 }
        if same(a, b) { return 1 }
        let jw = StringSimilarity.jaroWinkler(a, x.characters, b, y.characters, places: x.places, atLeast: 0.7)
        if jw >= 0.92 { return 2 }
        if jw >= 0.85 || (!x.key.isEmpty && same(x.key, y.key)) || StringSimilarity.oneEditApart(a, b) { return 3 }
        return jw >= 0.7 ? 4 : 5
    }

    /// Dates of birth compared part by part (0 is an unknown part). Two parts agreeing and the third a slip away (see
    /// ``slip(_:_:digits:)``) is a typing error far more often than two people: strangers sharing a birthday are
    /// mostly born years apart.
    /// Where either records more than one date, the best agreement of any two.
    static func dateLevel(_ a: PersonView, _ b: PersonView) -> UInt8 {
        let best = dateLevel((a.year, a.month, a.day), (b.year, b.month, b.day))
        let (others, theirs) = (a.otherDates, b.otherDates)
        if best == 1 || (others.isEmpty && theirs.isEmpty) { return best }
        func date(_ bytes: UnsafeBufferPointer<UInt8>, _ k: Int) -> (Int, Int, Int) {
            (Int(bytes[4 * k]) | Int(bytes[4 * k + 1]) << 8, Int(bytes[4 * k + 2]), Int(bytes[4 * k + 3]))
        }
        let mine = [(a.year, a.month, a.day)] + (0..<(others.count / 4)).map { date(others, $0) }
        let yours = [(b.year, b.month, b.day)] + (0..<(theirs.count / 4)).map { date(theirs, $0) }
        var level = best
        for x in mine {
            for y in yours {
                let l = dateLevel(x, y)
                if l != 0 && (level == 0 || l < level) { level = l }
            }
        }
        return level
    }

    static func dateLevel(_ a: (year: Int, month: Int, day: Int), _ b: (year: Int, month: Int, day: Int)) -> UInt8 {
        let (ya, ma, da) = a
        let (yb, mb, db) = b
        if ya == 0 || yb == 0 { return 0 }
        if ma != 0 && mb != 0 && da != 0 && db != 0 {
            if ya == yb && ma == mb && da == db { return 1 }
            if ya == yb && ma == db && da == mb { return 2 }
            let agreeing = (ya == yb ? 1 : 0) + (ma == mb ? 1 : 0) + (da == db ? 1 : 0)
            if agreeing == 2 {
                let slipped =
                    ya != yb ? slip(ya, yb, digits: 4) : ma != mb ? slip(ma, mb, digits: 2) : slip(da, db, digits: 2)
                return slipped ? 3 : 4
            }
        } else if ya == yb && (ma == 0 || mb == 0 || ma == mb) {
            return 4
        }
        return abs(ya - yb) <= 1 ? 5 : 6
    }

    /// Whether two numbers written with `digits` decimal digits are one slip apart: one off, one digit different, or
    /// two neighbouring digits swapped (1969 and 1968, 1979 or 1996; 12 and 21).
    static func slip(_ a: Int, _ b: Int, digits: Int) -> Bool {
        if abs(a - b) == 1 { return true }
        var (x, y) = (a, b)
        var differing: [Int] = []
        var pair: [(Int, Int)] = []
        for place in 0..<digits {
            let (p, q) = (x % 10, y % 10)
            if p != q {
                differing.append(place)
                pair.append((p, q))
            }
            (x, y) = (x / 10, y / 10)
        }
        if x != y { return false }
        if differing.count == 1 { return true }
        return differing.count == 2 && differing[1] == differing[0] + 1 && pair[0].0 == pair[1].1
            && pair[0].1 == pair[1].0
    }

    /// Postcode, street address and town compared as one place, since they move together: counting each would count
    /// one move, or one shared home, three times. Where either person has places recorded besides their address (a
    /// previous home), every two are compared and the best agreement counts; `elsewhere` says it was not the two
    /// addresses'.
    static func location(_ a: PersonView, _ b: PersonView, subject: Subject?) -> (level: UInt8, elsewhere: Bool) {
        let x = a.place
        let y = b.place
        let addressPlaces = subject?.places(Subject.address)
        let townPlaces = subject?.places(Subject.town)
        var level = placeLevel(x, y, addressPlaces: addressPlaces, townPlaces: townPlaces)
        guard level != 1, !a.otherPlaces.isEmpty || !b.otherPlaces.isEmpty else { return (level, false) }
        var elsewhere = false
        func consider(_ p: Place, _ q: Place, mine: Bool = false) {
            let l = placeLevel(
                p, q, addressPlaces: mine ? addressPlaces : nil, townPlaces: mine ? townPlaces : nil)
            if l != 0 && (level == 0 || l < level) {
                level = l
                elsewhere = true
            }
        }
        b.forEachOtherPlace { q in consider(x, q, mine: true) }
        a.forEachOtherPlace { p in
            consider(p, y)
            b.forEachOtherPlace { q in consider(p, q) }
        }
        return (level, elsewhere)
    }

    /// ``location(_:_:subject:)``'s level.
    static func locationLevel(_ a: PersonView, _ b: PersonView, subject: Subject?) -> UInt8 {
        location(a, b, subject: subject).level
    }

    /// Two places compared; with where the characters of `a`'s address and town occur, if worked out.
    static func placeLevel(
        _ a: Place, _ b: Place, addressPlaces: UnsafePointer<UInt64>?, townPlaces: UnsafePointer<UInt64>?
    ) -> UInt8 {
        // Levels: postcode 1 exact, 2 same outward code, 3 same area, 4 different; address 1–3 similar, 4 different;
        // town 1–2 same, 3 different; 0 missing throughout. The address, the costly part, is compared only as closely
        // as the answer needs: with the same postcode, or a place already in the same district or town, only whether
        // it is within its second band matters (a score below it comes back as 3).
        func address(bands: Int) -> UInt8 {
            banded(
                a.address, a.addressCharacters, b.address, b.addressCharacters, addressBands, upTo: bands,
                places: addressPlaces)
        }
        // Levels: 1 same address, 2 the same street but another house or flat number ("12 High Street" and "14 High
        // Street" are alike as text: a neighbour, or a slip), 3 the same number and street but for a slip in one part
        // (the street's name, or the town or postcode: or a street of that name elsewhere) or with nothing to confirm
        // it, 4 same postcode or a street address like it, 5 same district or town, 6 a town or street address only
        // alike ("Leeds" and "Leds", or "12 Mill Road" and "15 Hill Road": in many places), 7 different.
        let postcode = postcodeLevel(a, b)
        if postcode == 1 {
            // One postcode covers a street's few dozen homes: a slip in the street's name is still the same address.
            let level = address(bands: 2)
            if level == 0 { return 1 }
            return level <= 2 ? (sameNumbers(a.address, b.address) ? 1 : 2) : 4
        }
        let town = banded(
            a.town, a.townCharacters, b.town, b.townCharacters, townBands, places: townPlaces)
        let address = address(bands: postcode == 2 || town == 1 || town == 2 ? 2 : 3)
        if postcode == 0 && address == 0 && town == 0 { return 0 }
        if address == 1 || address == 2 {
            // Without the postcode, the street is confirmed by the same district or the same town; a town merely
            // alike, or none, leaves a bare "12 High Street", which is in many towns.
            let numbers = sameNumbers(a.address, b.address)
            let placeAgrees = postcode <= 2 && town != 3
            if address == 1 && placeAgrees && (postcode == 2 || town == 1) { return numbers ? 1 : 2 }
            return numbers && (address == 1 || placeAgrees) ? 3 : 4
        }
        if postcode == 2 || town == 1 { return 5 }
        if town == 2 || address == 3 { return 6 }
        return 7
    }

    /// Whether two texts hold the same digits in the same order ("flat 2, 10 high st" and "flat 2 10 high street"
    /// do; "12 high st" and "14 high st" do not).
    static func sameNumbers(_ a: Bytes, _ b: Bytes) -> Bool {
        var i = 0
        var j = 0
        while true {
            while i < a.count && !(48...57).contains(a[i]) { i += 1 }
            while j < b.count && !(48...57).contains(b[j]) { j += 1 }
            guard i < a.count, j < b.count else { return i == a.count && j == b.count }
            if a[i] != b[j] { return false }
            i += 1
            j += 1
        }
    }

    static func postcodeLevel(_ a: Place, _ b: Place) -> UInt8 {
        let x = a.postcode
        let y = b.postcode
        if x.isEmpty || y.isEmpty { return 0 }
        if same(x, y) { return 1 }
        if same(a.postcodeOutward, b.postcodeOutward) { return 2 }
        let area = a.postcodeArea
        if !area.isEmpty && same(area, b.postcodeArea) { return 3 }
        return 4
    }

    /// The band two texts' Jaro–Winkler falls in: 1 the same, i + 1 at least `bands[i]`, `upTo` + 1 below the last
    /// band asked for (all of them unless `upTo` says fewer), 0 missing.
    static func banded<let n: Int>(
        _ a: Bytes, _ x: UInt64, _ b: Bytes, _ y: UInt64, _ bands: InlineArray<n, Double>, upTo: Int = n,
        places: UnsafePointer<UInt64>? = nil
    ) -> UInt8 {
        if a.isEmpty || b.isEmpty { return 0 }
        if same(a, b) { return 1 }
        let jw = StringSimilarity.jaroWinkler(a, x, b, y, places: places, atLeast: bands[upTo - 1])
        for i in 0..<upTo where jw >= bands[i] { return UInt8(i + 1) }
        return UInt8(upTo + 1)
    }

    /// The same identifier on both (of whatever kind); one character apart, or different, among those of one kind
    /// (or of a kind not known), different in two known kinds or more (two passport numbers and two PNC IDs); missing
    /// when no two are of kinds that can be compared.
    static func identifierLevel(_ a: PersonView, _ b: PersonView) -> UInt8 {
        if a.identifierCount == 0 || b.identifierCount == 0 { return 0 }
        var level: UInt8 = 0
        // A known kind both hold and that differs (none yet: 0), and whether a second does.
        var differing: UInt16 = 0
        var differingTwice = false
        for i in 0..<a.identifierCount {
            let x = a.identifier(i)
            let kind = a.identifierKind(i)
            for j in 0..<b.identifierCount {
                let y = b.identifier(j)
                if same(x, y) { return 1 }
                let other = b.identifierKind(j)
                guard kind == 0 || other == 0 || kind == other else { continue }
                if level == 0 { level = 3 }
                if kind != 0 && kind == other {
                    if differing == 0 { differing = kind } else if differing != kind { differingTwice = true }
                }
                if x.count == y.count, zip(x, y).reduce(0, { $0 + ($1.0 == $1.1 ? 0 : 1) }) <= 1 {
                    level = 2
                } else if abs(x.count - y.count) == 1, StringSimilarity.levenshtein(Array(x), Array(y)) <= 1 {
                    level = 2
                }
            }
        }
        return level == 3 && differingTwice ? 4 : level
    }

    /// ``exact(_:_:)`` over every value each side records: its first, and the others (each a length byte and its
    /// bytes). A dual national's second nationality, or a second phone number, agrees as the first would.
    static func anyExact(_ a: Bytes, _ aOthers: Bytes, _ b: Bytes, _ bOthers: Bytes) -> UInt8 {
        let first = exact(a, b)
        if first != 2 || (aOthers.isEmpty && bOthers.isEmpty) { return first }
        func all(_ first: Bytes, _ others: Bytes) -> [Bytes] {
            var values = [first]
            var at = 0
            while at < others.count {
                let n = Int(others[at])
                values.append(Bytes(rebasing: others[(at + 1)..<(at + 1 + n)]))
                at += 1 + n
            }
            return values
        }
        let theirs = all(b, bOthers)
        return all(a, aOthers).contains { x in theirs.contains { same(x, $0) } } ? 1 : 2
    }

    static func exact(_ a: Bytes, _ b: Bytes) -> UInt8 {
        if a.isEmpty || b.isEmpty { return 0 }
        return same(a, b) ? 1 : 2
    }
}
