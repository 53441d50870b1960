import CLiaisonPrefetch
import Foundation

/// The person fields a source's columns can be mapped to.
public enum PersonField: String, CaseIterable, Sendable, Codable {
    case givenName = "given_name"
    case middleNames = "middle_names"
    case surname
    case fullName = "full_name"
    case alias
    case dateOfBirth = "date_of_birth"
    case sex, nationality, address, town, postcode, region, country, phone, email, identifier
    /// A previous address, compared as the address is: the best agreement of the two counts.
    case previousAddress = "previous_address"
    case previousTown = "previous_town"
    case previousPostcode = "previous_postcode"

    /// The field's place in ``allCases``.
    var ordinal: Int {
        switch self {
        case .givenName: 0
        case .middleNames: 1
        case .surname: 2
        case .fullName: 3
        case .alias: 4
        case .dateOfBirth: 5
        case .sex: 6
        case .nationality: 7
        case .address: 8
        case .town: 9
        case .postcode: 10
        case .region: 11
        case .country: 12
        case .phone: 13
        case .email: 14
        case .identifier: 15
        case .previousAddress: 16
        case .previousTown: 17
        case .previousPostcode: 18
        }
    }
}

/// One person as a source records them: an ID and raw values by field (a field may hold several, e.g. aliases).
public struct PersonRecord: Sendable, Equatable {
    public let id: String
    /// Each value with its field's ``PersonField/ordinal``, a field's values in order: read for every record of a
    /// batch, so kept in one array rather than hashed by field.
    private var entries: [(field: Int, value: String)] = []

    public init(id: String, values: [PersonField: [String]]) {
        self.id = id
        self.values = values
    }

    /// A record with no values yet, with room for `capacity` of them.
    init(id: String, capacity: Int) {
        self.id = id
        entries.reserveCapacity(capacity)
    }

    /// Adds a value to `field`, after those it has.
    mutating func append(_ field: PersonField, _ value: String) { entries.append((field.ordinal, value)) }

    /// The values of the fields that have any.
    public var values: [PersonField: [String]] {
        get { Dictionary(grouping: entries, by: { PersonField.allCases[$0.field] }).mapValues { $0.map(\.value) } }
        set { entries = PersonField.allCases.flatMap { field in (newValue[field] ?? []).map { (field.ordinal, $0) } } }
    }

    /// The values of `field`; setting them replaces the field's values.
    public subscript(field: PersonField) -> [String] {
        get { all(field, includingEmpty: true) }
        set {
            let n = field.ordinal
            entries.removeAll { $0.field == n }
            entries += newValue.map { (n, $0) }
        }
    }

    public func first(_ field: PersonField) -> String? {
        let n = field.ordinal
        return entries.first { $0.field == n && !$0.value.isEmpty }?.value
    }

    public func all(_ field: PersonField) -> [String] { all(field, includingEmpty: false) }

    private func all(_ field: PersonField, includingEmpty: Bool) -> [String] {
        let n = field.ordinal
        return entries.compactMap { $0.field == n && (includingEmpty || !$0.value.isEmpty) ? $0.value : nil }
    }

    public static func == (a: PersonRecord, b: PersonRecord) -> Bool { a.id == b.id && a.values == b.values }

    /// An identifier with its kind (a passport number, a PNC ID…), as a value of ``PersonField/identifier``.
    /// Identifiers of two kinds are not compared with each other: one agency's passport number and another's police
    /// reference are not "different identifiers". A value given without a kind is compared with every other.
    public static func identifier(_ value: String, kind: String) -> String {
        kind.isEmpty ? value : kind + "\u{1F}" + value
    }

    /// A whole address (street address, town and postcode), as a value of ``PersonField/address``, for a person
    /// known at more than one: every such place is compared, and the best agreement counts, so a probe at a previous
    /// address meets the record that lists it. The first stands for the person's address where the record gives no
    /// street address, town or postcode of its own.
    public static func place(line: String, town: String?, postcode: String?) -> String {
        line + "\u{1F}" + (town ?? "") + "\u{1F}" + (postcode ?? "")
    }

    /// Runs `body` over the record's non-empty values as bytes.
    func withValues<R>(_ body: (RecordValues) -> R) -> R {
        var bytes: [UInt8] = []
        var spans: [RecordValues.Span] = []
        let address = PersonField.address.ordinal
        for entry in entries where !entry.value.isEmpty {
            let start = bytes.count
            bytes += entry.value.utf8
            let isPlace = entry.field == address && bytes[start...].contains(RecordValues.placeSeparator)
            spans.append(
                RecordValues.Span(
                    field: isPlace ? RecordValues.placeField : entry.field, start: start, end: bytes.count))
        }
        return bytes.withUnsafeBufferPointer { b in
            spans.withUnsafeBufferPointer { body(RecordValues(bytes: b, spans: $0)) }
        }
    }
}

/// `text` without leading and trailing spaces and tabs.
func trimmed(_ text: String) -> String {
    let bytes = text.utf8
    guard let first = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return "" }
    let last = bytes.lastIndex(where: { $0 != 0x20 && $0 != 0x09 })!
    if first == bytes.startIndex && last == bytes.index(before: bytes.endIndex) { return text }
    return String(text[first...last])
}

/// A date of birth that may be partial: any part may be unknown.
public struct PartialDateOfBirth: Sendable, Equatable, Hashable {
    public var year: Int?
    public var month: Int?
    public var day: Int?

    public init(year: Int?, month: Int?, day: Int?) {
        self.year = year
        self.month = month
        self.day = day
    }

    public var isEmpty: Bool { year == nil && month == nil && day == nil }

    /// Parses `text` with a pattern such as `yyyyMMdd` or `dd/MM/yyyy` (letters y, M, d in either case, as forms write
    /// `DD/MM/YYYY`; anything else is a literal separator), or, without one, the common forms: ISO `1985-07-03`,
    /// `03/07/1985` (day first, as in the UK), `19850703`, `07/1985`, `1985`. Zero or `?` parts count as unknown.
    public static func parse(_ text: String, format: String? = nil) -> PartialDateOfBirth? {
        if format == nil, let iso = text.utf8.withContiguousStorageIfAvailable(isoDate), let iso { return iso }
        let raw = trimmed(text)
        if raw.isEmpty { return nil }
        if let format { return parse(raw, pattern: format) }
        let parts = raw.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." || $0 == " " }).map(String.init)
        switch parts.count {
        case 3 where parts[0].count == 4: return make(parts[0], parts[1], parts[2])
        case 3: return make(parts[2], parts[1], parts[0])
        case 2 where parts[1].count == 4: return make(parts[1], parts[0], nil)
        case 2 where parts[0].count == 4: return make(parts[0], parts[1], nil)
        case 1 where raw.count == 8: return parse(raw, pattern: "yyyyMMdd")
        case 1 where raw.count == 4: return make(raw, nil, nil)
        default: return nil
        }
    }

    /// ``parse(_:format:)`` of UTF-8 bytes.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, format: String?) -> PartialDateOfBirth? {
        if format == nil, let iso = isoDate(bytes) { return iso }
        return parse(String(decoding: bytes, as: UTF8.self), format: format)
    }

    /// The common case read straight from the bytes: `yyyy-mm-dd` with every part known and in range; anything
    /// else (zeros, question marks, other forms) is left to the general reading.
    private static func isoDate(_ b: UnsafeBufferPointer<UInt8>) -> PartialDateOfBirth? {
        guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                guard b[i] >= 0x30 && b[i] <= 0x39 else { return nil }
                value = value * 10 + Int(b[i] - 0x30)
            }
            return value
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10),
            (100...9999).contains(y), (1...12).contains(m), (1...31).contains(d)
        else { return nil }
        return PartialDateOfBirth(year: y, month: m, day: d)
    }

    /// What is wrong with a pattern for ``parse(_:format:)``, or nil: it must have a year, and no letter but y, M
    /// and d (in either case), so a mistyped one is refused rather than every date going unread.
    public static func problem(pattern: String) -> String? {
        if pattern.trimmingCharacters(in: .whitespaces).isEmpty { return "is empty; give one such as dd/MM/yyyy" }
        if let letter = pattern.first(where: { $0.isLetter && !"yYmMdD".contains($0) }) {
            return "'\(letter)' is not a date letter: y is the year, M the month and d the day (e.g. dd/MM/yyyy)"
        }
        if !pattern.contains(where: { $0 == "y" || $0 == "Y" }) { return "has no year (y), e.g. dd/MM/yyyy" }
        return nil
    }

    private static func parse(_ text: String, pattern: String) -> PartialDateOfBirth? {
        var year = ""
        var month = ""
        var day = ""
        let chars = Array(text)
        let letters = Array(pattern)
        guard chars.count == letters.count else { return nil }
        for (c, p) in zip(chars, letters) {
            switch p {
            case "y", "Y": year.append(c)
            case "M", "m": month.append(c)
            case "d", "D": day.append(c)
            default: if c != p { return nil }
            }
        }
        return make(year.isEmpty ? nil : year, month.isEmpty ? nil : month, day.isEmpty ? nil : day)
    }

    private static func make(_ y: String?, _ m: String?, _ d: String?) -> PartialDateOfBirth? {
        func number(_ s: String?, _ range: ClosedRange<Int>) -> (ok: Bool, value: Int?) {
            guard let s, !s.isEmpty, !s.allSatisfy({ $0 == "?" || $0 == "x" || $0 == "X" }) else { return (true, nil) }
            guard let v = Int(s) else { return (false, nil) }
            if v == 0 { return (true, nil) }
            return (range.contains(v), v)
        }
        var (okY, year) = number(y, 1...9999)
        if let y = year, y < 100, let s = y2(y) { year = s }  // two-digit years: 00–29 → 2000s, else 1900s
        let (okM, month) = number(m, 1...12)
        let (okD, day) = number(d, 1...31)
        guard okY, okM, okD else { return nil }
        let date = PartialDateOfBirth(year: year, month: month, day: day)
        return date.isEmpty ? nil : date
        func y2(_ v: Int) -> Int? { v < 30 ? 2000 + v : 1900 + v }
    }
}

/// A person prepared for comparison: every field folded, keyed and ready; built once per record, then shared.
///
/// The byte fields live in one allocation (see ``PersonView``), so comparing two people reads two blocks of
/// memory rather than a dozen scattered arrays: batch resolution compares millions of pairs and waits on memory.
public final class PreparedPerson: Sendable {
    /// One way the person is named: the primary name or an alias.
    public struct Name: Sendable, Equatable {
        public var given: [UInt8]
        public var surname: [UInt8]
        public var givenKey: [UInt8]
        public var surnameKey: [UInt8]
    }

    public let id: String
    /// Every field but the ID, packed: see ``PersonView`` for the layout.
    let packed: [UInt8]

    public var dateOfBirth: PartialDateOfBirth? { withView(\.dateOfBirth) }
    public var sex: UInt8? { withView(\.sex) }

    /// At most this many names (primary and aliases) and identifiers are kept, each field at most 255 bytes.
    static let maximumNames = 32, maximumIdentifiers = 32, maximumFieldBytes = 255
    /// At most this many dates of birth are kept besides the first.
    static let maximumOtherDates = 8

    /// Prepares a record. Given and surname come from their fields, or are split from a full name ("Surname,
    /// Given" or "Given … Surname"); honorifics are dropped, particles set aside, nicknames made canonical.
    public convenience init(_ record: PersonRecord, variants: NameVariants = .standard, dateFormat: String? = nil) {
        var packer = PersonPacker(variants: variants, dateFormat: dateFormat)
        self.init(id: record.id, packed: record.withValues { packer.pack($0) })
    }

    init(id: String, packed: [UInt8]) {
        self.id = id
        self.packed = packed
    }

    /// Runs `body` over the person's fields in place.
    @inline(__always)
    func withView<R>(_ body: (PersonView) -> R) -> R {
        packed.withUnsafeBufferPointer { body(PersonView(bytes: $0)) }
    }

    public var names: [Name] {
        withView { v in
            (0..<v.nameCount).map {
                Name(
                    given: Array(v.given($0)), surname: Array(v.surname($0)), givenKey: Array(v.givenKey($0)),
                    surnameKey: Array(v.surnameKey($0)))
            }
        }
    }
    public var postcode: [UInt8] { withView { Array($0.postcode) } }
    public var address: [UInt8] { withView { Array($0.address) } }
    public var town: [UInt8] { withView { Array($0.town) } }
    public var phone: [UInt8] { withView { Array($0.phone) } }
    public var email: [UInt8] { withView { Array($0.email) } }
    public var nationality: [UInt8] { withView { Array($0.nationality) } }
    public var identifiers: [[UInt8]] { withView { v in (0..<v.identifierCount).map { Array(v.identifier($0)) } } }

    /// A full name read as given name and surname: "Surname, Given", or "Given … Surname" with honorifics dropped and
    /// particles before the surname set aside ("Mohammed Al Rashid" → "Mohammed", "Rashid").
    static func split(full: String, variants: NameVariants) -> (given: String, surname: String)? {
        if let comma = full.firstIndex(of: ",") {
            return (String(full[full.index(after: comma)...]), String(full[..<comma]))
        }
        var tokens = TextNormaliser.tokens(full).filter { !variants.honorifics.contains($0) }
        guard let last = tokens.popLast() else { return nil }
        while let previous = tokens.last, variants.particles.contains(previous), tokens.count > 1 {
            tokens.removeLast()
        }
        return (tokens.joined(separator: " "), last)
    }

    /// Prepares many records, spread over the machine's cores; the order is kept.
    public static func prepareAll(
        _ records: [PersonRecord], variants: NameVariants = .standard, dateFormat: String? = nil
    ) async -> [PreparedPerson] {
        await prepareAll(count: records.count, variants: variants, dateFormat: dateFormat) { records[$0] }
    }

    /// Prepares `count` records made by `record(i)`, spread over the machine's cores; the order is kept.
    public static func prepareAll(
        count: Int, variants: NameVariants = .standard, dateFormat: String? = nil,
        record: @escaping @Sendable (Int) -> PersonRecord
    ) async -> [PreparedPerson] {
        await Parallel.chunks(count: count) { range in
            var packer = PersonPacker(variants: variants, dateFormat: dateFormat)
            return range.map { i in
                let record = record(i)
                return PreparedPerson(id: record.id, packed: record.withValues { packer.pack($0) })
            }
        }.flatMap { $0 }
    }

}

/// A prepared person's fields read in place, valid only while the bytes are (inside ``PreparedPerson/withView(_:)``
/// or ``PersonTable/withViews(_:)``). Fields 0–5 are postcode, address, town, phone, email and nationality; then
/// given name, surname and their phonetic keys for each name; then the identifiers, their kinds, and the dates of
/// birth, phone numbers, nationalities and places besides the first. The fields compared by
/// Jaro–Winkler (address, town, and each name's given name and surname) also have their character sets (see
/// ``StringSimilarity/characterSet(_:)``), read before any comparison is made.
struct PersonView {
    let bytes: UnsafeBufferPointer<UInt8>
    /// Read when the view is made, so making views of many people first starts all their memory loads together.
    let nameCount: Int
    /// Where the field starts begin, after the counts, date of birth, sex and character sets.
    let fieldTable: Int

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        nameCount = Int(bytes[0])
        fieldTable = Self.fieldTable(names: nameCount)
    }

    /// Where the character sets begin: address, town, then given name and surname of each name, eight bytes each.
    static let characterSets = 7

    static func fieldTable(names: Int) -> Int { characterSets + 8 * (2 + 2 * names) }

    @inline(__always)
    func characters(_ k: Int) -> UInt64 {
        UInt64(
            littleEndian: UnsafeRawPointer(bytes.baseAddress! + Self.characterSets + 8 * k).loadUnaligned(
                as: UInt64.self))
    }

    /// The person's address as one place.
    @inline(__always) var place: Place {
        Place(
            postcode: postcode, address: address, addressCharacters: characters(0), town: town,
            townCharacters: characters(1))
    }
    @inline(__always) func givenCharacters(_ n: Int) -> UInt64 { characters(2 + 2 * n) }
    @inline(__always) func surnameCharacters(_ n: Int) -> UInt64 { characters(3 + 2 * n) }

    var identifierCount: Int { Int(bytes[1]) }
    /// The date of birth's parts, 0 where unknown.
    var year: Int { Int(bytes[2]) | Int(bytes[3]) << 8 }
    var month: Int { Int(bytes[4]) }
    var day: Int { Int(bytes[5]) }
    var sex: UInt8? { bytes[6] == 0 ? nil : bytes[6] }
    var dateOfBirth: PartialDateOfBirth? {
        let y = year
        let m = month
        let d = day
        if y == 0 && m == 0 && d == 0 { return nil }
        return PartialDateOfBirth(year: y == 0 ? nil : y, month: m == 0 ? nil : m, day: d == 0 ? nil : d)
    }

    @inline(__always)
    func field(_ n: Int) -> UnsafeBufferPointer<UInt8> {
        let at = fieldTable + 2 * n
        let start = Int(bytes[at]) | Int(bytes[at + 1]) << 8
        let end = Int(bytes[at + 2]) | Int(bytes[at + 3]) << 8
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    @inline(__always) var postcode: UnsafeBufferPointer<UInt8> { field(0) }
    @inline(__always) var address: UnsafeBufferPointer<UInt8> { field(1) }
    @inline(__always) var town: UnsafeBufferPointer<UInt8> { field(2) }
    @inline(__always) var phone: UnsafeBufferPointer<UInt8> { field(3) }
    @inline(__always) var email: UnsafeBufferPointer<UInt8> { field(4) }
    @inline(__always) var nationality: UnsafeBufferPointer<UInt8> { field(5) }
    @inline(__always) func given(_ n: Int) -> UnsafeBufferPointer<UInt8> { field(6 + 4 * n) }
    @inline(__always) func surname(_ n: Int) -> UnsafeBufferPointer<UInt8> { field(7 + 4 * n) }
    @inline(__always) func givenKey(_ n: Int) -> UnsafeBufferPointer<UInt8> { field(8 + 4 * n) }
    @inline(__always) func surnameKey(_ n: Int) -> UnsafeBufferPointer<UInt8> { field(9 + 4 * n) }
    @inline(__always) func identifier(_ k: Int) -> UnsafeBufferPointer<UInt8> { field(6 + 4 * nameCount + k) }
    /// The dates of birth recorded besides the first, four bytes each (year in two, month, day; 0 where unknown).
    @inline(__always) var otherDates: UnsafeBufferPointer<UInt8> { field(6 + 4 * nameCount + 2 * identifierCount) }
    /// The phone numbers and nationalities recorded besides the first, each a length byte and its bytes.
    @inline(__always) var otherPhones: UnsafeBufferPointer<UInt8> { field(7 + 4 * nameCount + 2 * identifierCount) }
    @inline(__always) var otherNationalities: UnsafeBufferPointer<UInt8> {
        field(8 + 4 * nameCount + 2 * identifierCount)
    }
    /// The places recorded besides the first, each its postcode, street address and town, a length byte before each.
    @inline(__always) var otherPlaces: UnsafeBufferPointer<UInt8> { field(9 + 4 * nameCount + 2 * identifierCount) }

    /// Calls `body` with each place recorded besides the first.
    func forEachOtherPlace(_ body: (Place) -> Void) {
        let others = otherPlaces
        var at = 0
        func part() -> UnsafeBufferPointer<UInt8> {
            let n = Int(others[at])
            defer { at += 1 + n }
            return UnsafeBufferPointer(rebasing: others[(at + 1)..<(at + 1 + n)])
        }
        while at < others.count {
            let postcode = part()
            let address = part()
            let town = part()
            body(
                Place(
                    postcode: postcode, address: address, addressCharacters: StringSimilarity.characterSet(address),
                    town: town, townCharacters: StringSimilarity.characterSet(town)))
        }
    }
    /// The kind of identifier `k` (see ``IdentifierKind``), 0 where not known.
    @inline(__always) func identifierKind(_ k: Int) -> UInt16 {
        let kind = field(6 + 4 * nameCount + identifierCount + k)
        return kind.count == 2 ? UInt16(kind[0]) | UInt16(kind[1]) << 8 : 0
    }

    @inline(__always) var postcodeOutward: UnsafeBufferPointer<UInt8> { Place.outward(postcode) }
}

/// One address as compared: postcode, street address and town, folded, with the character sets of the two compared
/// by Jaro–Winkler.
struct Place {
    let postcode: UnsafeBufferPointer<UInt8>
    let address: UnsafeBufferPointer<UInt8>
    let addressCharacters: UInt64
    let town: UnsafeBufferPointer<UInt8>
    let townCharacters: UInt64

    /// The postcode's outward code (before the last three characters), e.g. `sw1a` of `sw1a1aa`.
    @inline(__always) var postcodeOutward: UnsafeBufferPointer<UInt8> { Self.outward(postcode) }

    /// The postcode's area (its leading letters), e.g. `sw`.
    @inline(__always)
    var postcodeArea: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: postcode.prefix { $0 >= 0x61 && $0 <= 0x7A })
    }

    @inline(__always)
    static func outward(_ postcode: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        postcode.count > 4 ? UnsafeBufferPointer(rebasing: postcode.dropLast(3)) : postcode
    }
}

/// Whether two byte strings are equal (short ones, most fields, compared in line rather than by a call).
@inline(__always)
func same(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard a.count == b.count else { return false }
    if a.count > 16 { return memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 }
    for i in 0..<a.count where a[i] != b[i] { return false }
    return true
}

/// Many prepared people's bytes laid end to end, for batch work: a pair of people is read from one block of memory
/// with no reference counting, which matters when millions of random pairs are compared and each waits on memory.
struct PersonTable: Sendable {
    private let bytes: [UInt8]
    /// Person i is `bytes[starts[i]..<starts[i + 1]]`.
    private let starts: [Int]

    init(_ people: [PreparedPerson]) {
        var starts = [Int]()
        starts.reserveCapacity(people.count + 1)
        starts.append(0)
        for person in people { starts.append(starts[starts.count - 1] + person.packed.count) }
        var bytes = [UInt8]()
        bytes.reserveCapacity(starts[starts.count - 1])
        for person in people { bytes += person.packed }
        self.bytes = bytes
        self.starts = starts
    }

    var count: Int { starts.count - 1 }

    /// Runs `body` with every person readable in place.
    func withViews<R>(_ body: (Views) -> R) -> R {
        bytes.withUnsafeBufferPointer { b in starts.withUnsafeBufferPointer { s in body(Views(bytes: b, starts: s)) } }
    }

    struct Views {
        let bytes: UnsafeBufferPointer<UInt8>
        let starts: UnsafeBufferPointer<Int>

        var count: Int { starts.count - 1 }

        @inline(__always)
        subscript(i: Int) -> PersonView {
            PersonView(bytes: UnsafeBufferPointer(rebasing: bytes[starts[i]..<starts[i + 1]]))
        }

        /// Asks for where person i's record lies to be brought into the cache, without waiting for it.
        @inline(__always)
        func prefetchPlace(_ i: Int) { liaison_prefetch(starts.baseAddress! + i) }

        /// Asks for person i's record to be brought into the cache, without waiting for it: its first, middle and last
        /// bytes, a record spanning two or three cache lines.
        @inline(__always)
        func prefetchRecord(_ i: Int) {
            let (start, end) = (starts[i], starts[i + 1])
            guard end > start, let base = bytes.baseAddress else { return }
            liaison_prefetch(base + start)
            liaison_prefetch(base + (start + end) / 2)
            liaison_prefetch(base + end - 1)
        }
    }
}
