import Foundation
import LiaisonDemo
import Testing

@testable import LiaisonCore
@testable import LiaisonMatching

@Suite("Entity resolution engine")
struct MatchingTests {
    func person(
        _ id: String, given: String? = nil, surname: String? = nil, full: String? = nil, aliases: [String] = [],
        dob: String? = nil, postcode: String? = nil, identifier: String? = nil, address: String? = nil,
        town: String? = nil
    ) -> PreparedPerson {
        var values: [PersonField: [String]] = [:]
        values[.givenName] = given.map { [$0] }
        values[.surname] = surname.map { [$0] }
        values[.fullName] = full.map { [$0] }
        values[.alias] = aliases
        values[.dateOfBirth] = dob.map { [$0] }
        values[.postcode] = postcode.map { [$0] }
        values[.identifier] = identifier.map { [$0] }
        values[.address] = address.map { [$0] }
        values[.town] = town.map { [$0] }
        return PreparedPerson(PersonRecord(id: id, values: values))
    }

    @Test(
        "Jaro–Winkler agrees with the published reference values",
        arguments: [
            ("martha", "marhta", 0.9611), ("dwayne", "duane", 0.84), ("dixon", "dicksonx", 0.8133), ("abc", "abc", 1.0),
            ("abc", "xyz", 0.0),
        ])
    func jaroWinkler(a: String, b: String, expected: Double) {
        #expect(abs(StringSimilarity.jaroWinkler(Array(a.utf8), Array(b.utf8)) - expected) < 0.0005)
    }

    @Test(
        "Jaro–Winkler asked for a floor gives the full value whenever it reaches the floor, however close to it, with or without a side's places worked out"
    )
    func jaroWinklerFloor() {
        var rng = SplitMix64(seed: 11)
        let alphabet = Array("aeinorst lm".utf8)
        var places = [UInt64](repeating: 0, count: 64)
        var reached = 0
        var skipped = 0
        for n in 0..<40_000 {
            let a = (0..<(1 + Int(rng.next() % 14))).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
            // Most pairs a slip or two apart, sharing a prefix or not, so many fall just either side of a floor.
            var b = a
            for _ in 0..<(n % 4) {
                let at = Int(rng.next() % UInt64(b.count + 1))
                let letter = alphabet[Int(rng.next() % UInt64(alphabet.count))]
                switch rng.next() % 3 {
                case 0 where at < b.count: b[at] = letter
                case 1 where at < b.count && b.count > 1: b.remove(at: at)
                default: b.insert(letter, at: at)
                }
            }
            let full = StringSimilarity.jaroWinkler(a, b)
            let floor = [0.7, 0.85, 0.88, 0.92, 0.95][n % 5]
            a.withUnsafeBufferPointer { pa in
                b.withUnsafeBufferPointer { pb in
                    let (x, y) = (StringSimilarity.characterSet(pa), StringSimilarity.characterSet(pb))
                    let cut = StringSimilarity.jaroWinkler(pa, x, pb, y, atLeast: floor)
                    let withPlaces = places.withUnsafeMutableBufferPointer { table in
                        _ = StringSimilarity.fillPlaces(pa, into: table.baseAddress!)
                        defer { StringSimilarity.clearPlaces(pa, in: table.baseAddress!) }
                        return StringSimilarity.jaroWinkler(
                            pa, x, pb, y, places: UnsafePointer(table.baseAddress!), atLeast: floor)
                    }
                    let shown = "\(String(decoding: a, as: UTF8.self)) / \(String(decoding: b, as: UTF8.self))"
                    if full >= floor {
                        reached += 1
                        #expect(cut == full, "\(shown) at \(floor)")
                        #expect(withPlaces == full, "\(shown) at \(floor)")
                    } else {
                        #expect(cut == 0 || cut == full, "\(shown) at \(floor)")
                        if cut == 0 { skipped += 1 }
                    }
                }
            }
        }
        // Both sides of the floor are exercised: many pairs reach it, and many below it are not worked out.
        #expect(reached > 5_000)
        #expect(skipped > 5_000)
    }

    @Test(
        "the bit-parallel Jaro (a short side in words, a long one through a table, or one side's places worked out beforehand) finds the same matches as scanning each window, for folded text and any other bytes"
    )
    func jaroPaths() {
        var rng = SplitMix64(seed: 3)
        // Capitals and the bytes of "é" share slots with lowercase letters: they must never be taken for them.
        let folded = Array("abcdeilmnorst 0123".utf8)
        let other = Array("-éKA'".utf8)
        var places = [UInt64](repeating: 0, count: 64)
        for n in 0..<20_000 {
            func word() -> [UInt8] {
                let alphabet = n % 5 == 0 ? folded + other : folded
                // Half the words short enough to be held in two words, half up to past the 64 bytes compared.
                return (0..<(1 + Int(rng.next() % (n % 2 == 0 ? 16 : 70)))).map { _ in
                    alphabet[Int(rng.next() % UInt64(alphabet.count))]
                }
            }
            let a = word()
            let b = n % 3 == 0 ? Array(a.shuffled(using: &rng).prefix(a.count - a.count / 4)) : word()
            let fast = StringSimilarity.jaro(a, b)
            let scanned = a.withUnsafeBufferPointer { pa in
                b.withUnsafeBufferPointer { pb -> Double in
                    let na = min(a.count, 64)
                    let nb = min(b.count, 64)
                    return a == b
                        ? 1 : StringSimilarity.jaroScanning(pa, pb, n: na, m: nb, window: max(0, max(na, nb) / 2 - 1))
                }
            }
            #expect(fast == scanned, "\(String(decoding: a, as: UTF8.self)) / \(String(decoding: b, as: UTF8.self))")
            // Either side's places (Jaro is symmetric), where every byte of that side owns its slot.
            for (x, y) in [(a, b), (b, a)] {
                x.withUnsafeBufferPointer { px in
                    y.withUnsafeBufferPointer { py in
                        places.withUnsafeMutableBufferPointer { table in
                            let filled = StringSimilarity.fillPlaces(px, into: table.baseAddress!)
                            #expect(
                                filled == x.prefix(64).allSatisfy { folded.contains($0) || $0 == 0x2D || $0 == 0x27 })
                            if filled {
                                #expect(StringSimilarity.jaro(px, places: table.baseAddress!, py) == scanned)
                                StringSimilarity.clearPlaces(px, in: table.baseAddress!)
                            }
                            #expect(table.allSatisfy { $0 == 0 })
                        }
                    }
                }
            }
        }
    }

    @Test(
        "a person compared with its characters' places worked out once gets the same levels as compared afresh, aliases and swapped names included"
    )
    func comparisonSubject() {
        var rng = SplitMix64(seed: 9)
        func pick(_ options: [String]) -> String { options[Int(rng.next() % UInt64(options.count))] }
        let given = ["Mohammed", "Muhamad", "Jack", "Jak", "Sophie", "Sofie", "Taylor"]
        let surnames = ["Al-Rashid", "Alrashid", "Taylor", "Tailor", "O'Neil", "Żółć", "Jack"]
        let streets = [
            "12 High Street", "12 High St", "48 Church Lane", "4 Church Ln", "Flat 3, 221b Long Road Upper Norwood",
        ]
        let people = (0..<120).map { i in
            person(
                "p\(i)", given: pick(given), surname: pick(surnames),
                full: i % 4 == 0 ? "\(pick(surnames)), \(pick(given))" : nil,
                aliases: i % 3 == 0 ? ["\(pick(given)) \(pick(surnames))"] : [],
                dob: "19\(50 + i % 40)-0\(1 + i % 9)-1\(i % 9)",
                postcode: i % 2 == 0 ? "LS1 4AB" : "L1 8JQ", address: pick(streets))
        }
        var subjects = Comparator.Subjects()
        var compared = 0
        for a in people {
            a.withView { x in
                subjects.with(x) { subject in
                    for b in people.prefix(40) {
                        b.withView { y in
                            #expect(
                                Comparator.compare(x, y, subject: subject) == Comparator.compare(x, y),
                                "\(a.id) / \(b.id)")
                            compared += 1
                        }
                    }
                }
            }
        }
        #expect(compared == 120 * 40)
    }

    @Test("Levenshtein counts edits")
    func levenshtein() {
        #expect(StringSimilarity.levenshtein(Array("kitten".utf8), Array("sitting".utf8)) == 3)
        #expect(StringSimilarity.levenshtein([], Array("abc".utf8)) == 3)
    }

    @Test(
        "names that sound alike share a phonetic key",
        arguments: [
            ("Mohammed", "Muhamad"), ("Mohamed", "Mohammed"), ("Rashid", "Rasheed"), ("Thomas", "Tomas"),
            ("Philip", "Filip"), ("Catherine", "Kathryn"),
        ])
    func phonetic(a: String, b: String) {
        #expect(Phonetic.key(a) == Phonetic.key(b))
        #expect(!Phonetic.key(a).isEmpty)
    }

    @Test("different names get different phonetic keys")
    func phoneticDistinct() {
        #expect(Phonetic.key("Smith") != Phonetic.key("Jones"))
        #expect(Phonetic.key("Rashid") != Phonetic.key("Richards"))
    }

    @Test("dates of birth parse whole, partial, day-first and by pattern")
    func dates() {
        #expect(PartialDateOfBirth.parse("1985-07-03") == PartialDateOfBirth(year: 1985, month: 7, day: 3))
        #expect(PartialDateOfBirth.parse("03/07/1985") == PartialDateOfBirth(year: 1985, month: 7, day: 3))
        #expect(PartialDateOfBirth.parse("19850703") == PartialDateOfBirth(year: 1985, month: 7, day: 3))
        #expect(PartialDateOfBirth.parse("00/07/1985") == PartialDateOfBirth(year: 1985, month: 7, day: nil))
        #expect(PartialDateOfBirth.parse("1985") == PartialDateOfBirth(year: 1985, month: nil, day: nil))
        #expect(
            PartialDateOfBirth.parse("07031985", format: "MMddyyyy") == PartialDateOfBirth(year: 1985, month: 7, day: 3)
        )
        #expect(PartialDateOfBirth.parse("1985-13-03") == nil)
        // The ISO fast path and the general reading agree on what only the general one handles.
        #expect(PartialDateOfBirth.parse("1985-07-03") == PartialDateOfBirth(year: 1985, month: 7, day: 3))
        #expect(PartialDateOfBirth.parse("1985-00-03") == PartialDateOfBirth(year: 1985, month: nil, day: 3))
        #expect(PartialDateOfBirth.parse("0085-07-03") == PartialDateOfBirth(year: 1985, month: 7, day: 3))
        #expect(PartialDateOfBirth.parse(" 1985-07-03 ") == PartialDateOfBirth(year: 1985, month: 7, day: 3))
        #expect(PartialDateOfBirth.parse("yesterday") == nil)
        // A pattern's letters in either case, as forms write DD/MM/YYYY; a pattern that could read no date is named.
        #expect(
            PartialDateOfBirth.parse("03/07/1985", format: "DD/MM/YYYY")
                == PartialDateOfBirth(year: 1985, month: 7, day: 3))
        #expect(
            PartialDateOfBirth.parse("1985-07", format: "yyyy-mm") == PartialDateOfBirth(year: 1985, month: 7, day: nil)
        )
        #expect(PartialDateOfBirth.problem(pattern: "dd/MM/yyyy") == nil)
        #expect(PartialDateOfBirth.problem(pattern: "DD.MM.YYYY") == nil)
        #expect(PartialDateOfBirth.problem(pattern: " ") == "is empty; give one such as dd/MM/yyyy")
        #expect(
            PartialDateOfBirth.problem(pattern: "yyyy-qq-dd")
                == "'q' is not a date letter: y is the year, M the month and d the day (e.g. dd/MM/yyyy)")
        #expect(PartialDateOfBirth.problem(pattern: "dd/MM") == "has no year (y), e.g. dd/MM/yyyy")
    }

    @Test("a prepared person's fields are packed in one block and read back whole; oversized input is bounded")
    func packing() {
        let record = PersonRecord(
            id: "x",
            values: [
                .givenName: ["Anna"], .surname: ["Kowalska"], .alias: ["Ania Kowal", "Anna K Nowak"],
                .dateOfBirth: ["1990-02-01"], .sex: ["F"],
                .postcode: ["SW1A 1AA"], .address: ["10 Downing Street"], .town: ["London"],
                .identifier: ["AB 12 34 56 C", "P1234567"],
                .phone: ["+44 7700 900123"], .email: [" Anna@Example.org "], .nationality: ["POL"],
            ])
        let p = PreparedPerson(record)
        #expect(
            p.names.map {
                String(decoding: $0.given, as: UTF8.self) + " " + String(decoding: $0.surname, as: UTF8.self)
            }
                == ["anna kowalska", "ania kowal", "anna nowak"])
        #expect(
            p.names.allSatisfy { $0.givenKey == Phonetic.key($0.given) && $0.surnameKey == Phonetic.key($0.surname) })
        #expect(p.identifiers.map { String(decoding: $0, as: UTF8.self) } == ["ab123456c", "p1234567"])
        #expect(
            [p.postcode, p.address, p.town, p.phone, p.email, p.nationality].map { String(decoding: $0, as: UTF8.self) }
                == ["sw1a1aa", "10 downing street", "london", "7700900123", "anna@example.org", "pol"])
        // Compared with itself, every field present agrees exactly.
        #expect(Comparator.compare(p, p).levels == [1, 1, 1, 1, 1, 1, 1, 1, 1])

        let huge = PreparedPerson(
            PersonRecord(
                id: "y",
                values: [
                    .surname: ["Smith"], .alias: (0..<40).map { "Alias\($0) Person" },
                    .address: [String(repeating: "long road ", count: 40)],
                ]))
        #expect(
            huge.names.count == PreparedPerson.maximumNames && huge.address.count == PreparedPerson.maximumFieldBytes)
    }

    @Test("preparation drops honorifics, sets particles aside, makes nicknames canonical and splits full names")
    func preparation() {
        let a = person("a", full: "Dr Mohammed Al-Rashid")
        #expect(a.names.first.map { String(decoding: $0.given, as: UTF8.self) } == "mohammed")
        #expect(a.names.first.map { String(decoding: $0.surname, as: UTF8.self) } == "rashid")
        let b = person("b", full: "RASHID, Mo")
        #expect(b.names.first.map { String(decoding: $0.given, as: UTF8.self) } == "mohammed")
        let c = person("c", full: "Мухаммед Рашид")
        #expect(c.names.first.map { String(decoding: $0.surname, as: UTF8.self) } == "rasid")
    }

    @Test(
        "a date of birth with one part a slip away (a digit, two digits swapped, one off) is graded apart from one part far off",
        arguments: [
            ("1969-11-20", "1969-01-20", 3), ("1975-10-04", "1975-10-14", 3), ("1969-07-18", "1996-07-18", 3),
            ("1984-01-06", "1983-01-06", 3), ("2008-05-28", "2008-05-27", 3), ("1990-03-12", "1990-03-21", 3),
            ("2007-07-18", "1969-07-18", 4), ("2004-03-02", "2004-03-11", 4), ("1961-12-25", "1961-12-02", 4),
            ("1969-02-20", "1969-11-20", 4), ("1980", "1980-04-02", 4), ("1980-04-02", "1981-06-09", 5),
            ("1980-04-02", "1985-06-09", 6), ("1980-04-02", "1980-04-02", 1), ("1980-04-02", "1980-02-04", 2),
        ])
    func dateSlips(left: String, right: String, level: Int) {
        let v = Comparator.compare(person("a", given: "Ann", dob: left), person("b", given: "Ann", dob: right))
        #expect(Int(v.levels[ComparisonField.dateOfBirth.rawValue]) == level, "\(left) and \(right)")
        #expect(MatchModel.contradicts(v.levels) == (level >= 5))
    }

    @Test("the comparator grades each field and notices swapped names and aliases")
    func comparator() {
        let a = person("a", given: "Mohammed", surname: "Al-Rashid", dob: "1985-07-03", postcode: "M1 4BT")
        let b = person("b", full: "Rashid Muhamad", dob: "07/03/1985", postcode: "M1 4XX")
        let v = Comparator.compare(a, b)
        #expect(v.swappedNames)
        #expect(v.levels[ComparisonField.dateOfBirth.rawValue] == 2)  // day and month transposed
        #expect(v.levels[ComparisonField.location.rawValue] == 5)  // same outward code: the same district
        // A surname with its particle written in the given name's place is the same name swapped; "Al" alone is a
        // given name.
        let particleFirst = person("p", given: "al-rashid", surname: "mohammed", dob: "1985-07-03")
        #expect(Comparator.compare(a, particleFirst).swappedNames)
        #expect(particleFirst.names.first.map { String(decoding: $0.given, as: UTF8.self) } == "rashid")
        #expect(person("al", given: "Al", surname: "Jones").names.first?.given == Array("al".utf8))
        // Postcode, street address and town are one place: one comparison, not three.
        func place(_ a: PreparedPerson, _ b: PreparedPerson) -> UInt8 {
            Comparator.compare(a, b).levels[ComparisonField.location.rawValue]
        }
        let home = person("h", given: "Ann", surname: "Lee", postcode: "M1 4BT", address: "12 High Street")
        #expect(place(home, person("h2", given: "Ann", surname: "Lee", postcode: "M14BT", address: "12 High St")) == 1)
        #expect(
            place(home, person("h3", given: "Ann", surname: "Lee", postcode: "LS6 2AB", address: "3 Hope Road")) == 7)
        #expect(place(home, person("h4", given: "Ann", surname: "Lee")) == 0)
        // A town merely alike is a level of its own, weaker than the same town or district: "town12" and "town312"
        // are alike as text and may be far apart.
        let town = person("t", given: "Ann", surname: "Lee", address: "12 High Street", town: "town12")
        #expect(place(town, person("t2", given: "Ann", surname: "Lee", address: "3 Hope Road", town: "town12")) == 5)
        #expect(place(town, person("t3", given: "Ann", surname: "Lee", address: "3 Hope Road", town: "town312")) == 6)
        // Next door is not home: another house or flat number on the same street is a level of its own (a
        // neighbour, or a slip) where a postcode or the town confirms the street. The same number and street but
        // for a slip in the street's name, another postcode, or nothing but the street to go on (a bare "12 High
        // Street" is in many towns) is a level of its own too; two parts differing is weaker.
        let location = ComparisonField.location.rawValue
        for (postcode, address, level) in [
            ("M1 4BT", "14 High Street", 2), (nil, "14 High Street", 4), (nil, "12 Hihg Street", 3),
            ("M1 4BT", "Flat 2, 12 High Street", 4), ("M1 4BT", nil, 1), ("M1 4BT", "3 Hope Road", 4),
            ("LS6 2AB", "12 High Street", 3), (nil, "12 Hiigh Str", 3), ("LS6 2AB", "12 High St", 4),
            ("LS6 2AB", "14 High Street", 4),
        ] as [(String?, String?, UInt8)] {
            let other = person("n", given: "Ann", surname: "Lee", postcode: postcode, address: address)
            #expect(Comparator.compare(home, other).levels[location] == level, "\(address ?? "no address")")
        }
        // Only the same town confirms a street without a postcode; a town merely alike does not.
        let inLeeds = person("t", given: "Ann", surname: "Lee", address: "12 High Street", town: "Leeds")
        for (town, address, level) in [
            ("Leeds", "12 Hihg Street", 1), ("Leeds", "14 High Street", 2), ("Leeds City", "12 High Street", 3),
            ("Leeds City", "14 High Street", 4), ("Liverpool", "12 High Street", 3),
        ] as [(String, String, UInt8)] {
            let other = person("u", given: "Ann", surname: "Lee", address: address, town: town)
            #expect(Comparator.compare(inLeeds, other).levels[location] == level, "\(address), \(town)")
        }
        func sameNumbers(_ a: String, _ b: String) -> Bool {
            Array(a.utf8).withUnsafeBufferPointer { x in
                Array(b.utf8).withUnsafeBufferPointer { y in Comparator.sameNumbers(x, y) }
            }
        }
        #expect(sameNumbers("flat 2, 10 high st", "flat 2 10 high street"))
        #expect(!sameNumbers("12 high st", "21 high st"))
        #expect(!sameNumbers("12 high st", "12a high st 3"))
        // A surname badly misspelt is partly alike, a level above different.
        let surname = ComparisonField.surname.rawValue
        for (other, level) in [("Onlibi", 1), ("Onlibl", 2), ("Okligi", 4), ("Okafor", 5)] as [(String, UInt8)] {
            let x = person("x", given: "Niamh", surname: "Onlibi")
            #expect(
                Comparator.compare(x, person("y", given: "Niamh", surname: other)).levels[surname] == level, "\(other)")
        }
        let c = person("c", full: "John Smith", aliases: ["Mo Rashid"], dob: "1985-07-03")
        let w = Comparator.compare(a, c)
        #expect(w.usedAlias)
        #expect(w.levels[ComparisonField.givenName.rawValue] == 1)
        #expect(w.levels[ComparisonField.identifier.rawValue] == 0)  // missing on both sides
    }

    @Test(
        "the place compared only as closely as its level needs is the place graded from every part in full, with or without places worked out beforehand"
    )
    func placeComparedLazily() {
        var rng = SplitMix64(seed: 17)
        func pick(_ options: [String]) -> String { options[Int(rng.next() % UInt64(options.count))] }
        let postcodes = ["LS1 4AB", "LS1 4AD", "LS6 2XY", "L1 8JQ", "M1 4BT", ""]
        let streets = [
            "12 High Street", "12 High St", "12 Hihg Street", "21 High Street", "48 Church Lane", "4 Church Ln",
            "Flat 3, 221b Long Road", "Flat 3 221 Long Rd", "",
        ]
        let towns = ["Leeds", "Leeds City", "Leds", "Liverpool", "Manchester", ""]
        let people = (0..<150).map { i in
            PreparedPerson(
                PersonRecord(
                    id: "p\(i)",
                    values: [
                        .givenName: ["Ann"], .surname: ["Lee"], .postcode: [pick(postcodes)], .address: [pick(streets)],
                        .town: [pick(towns)],
                    ].filter { !$0.value[0].isEmpty }))
        }
        // Every part graded in full, then the levels as the place comparison defines them.
        func graded(_ a: Place, _ b: Place) -> UInt8 {
            let postcode = Comparator.postcodeLevel(a, b)
            let address = Comparator.banded(
                a.address, a.addressCharacters, b.address, b.addressCharacters, Comparator.addressBands)
            let numbers = Comparator.sameNumbers(a.address, b.address)
            let town = Comparator.banded(a.town, a.townCharacters, b.town, b.townCharacters, Comparator.townBands)
            if postcode == 0 && address == 0 && town == 0 { return 0 }
            if postcode == 1 && address == 0 { return 1 }
            let alongside = (postcode == 0 || postcode == 2) && town != 3
            if (postcode == 1 && address <= 2) || (address == 1 && alongside && (postcode == 2 || town == 1)) {
                return numbers ? 1 : 2
            }
            if numbers && (address == 1 || (address == 2 && alongside)) { return 3 }
            if postcode == 1 || address == 1 || address == 2 { return 4 }
            if postcode == 2 || town == 1 { return 5 }
            if town == 2 || address == 3 { return 6 }
            return 7
        }
        var subjects = Comparator.Subjects()
        var levels = Set<UInt8>()
        for a in people {
            a.withView { x in
                subjects.with(x) { subject in
                    for b in people.prefix(60) {
                        b.withView { y in
                            let expected = graded(x.place, y.place)
                            levels.insert(expected)
                            #expect(Comparator.locationLevel(x, y, subject: nil) == expected, "\(a.id) / \(b.id)")
                            #expect(Comparator.locationLevel(x, y, subject: subject) == expected, "\(a.id) / \(b.id)")
                        }
                    }
                }
            }
        }
        #expect(levels == [0, 1, 2, 3, 4, 5, 6, 7])
    }

    @Test("EM fits a model that separates planted duplicates from strangers, and explains each pair")
    func resolver() async throws {
        var rng = SplitMix64(seed: 42)
        let given = [
            "james", "mary", "ahmed", "olga", "peter", "fatima", "li", "sean", "anna", "omar", "grace", "ivan",
        ]
        let surnames = [
            "smith", "khan", "novak", "okafor", "walsh", "chen", "patel", "jones", "silva", "kowalski", "murphy", "ali",
            "brown", "evans",
        ]
        var people: [PreparedPerson] = []
        var truth = Set<String>()
        for i in 0..<400 {
            let g = given[Int(rng.next() % UInt64(given.count))]
            let s = surnames[Int(rng.next() % UInt64(surnames.count))]
            let dob = String(
                format: "%04d-%02d-%02d", 1950 + Int(rng.next() % 50), 1 + Int(rng.next() % 12),
                1 + Int(rng.next() % 28))
            let postcode = "M\(rng.next() % 9 + 1) \(rng.next() % 9)AB"
            people.append(person("p\(i)", given: g, surname: s, dob: dob, postcode: postcode))
            if i % 4 == 0 {  // a duplicate: every other one exact, the rest with a typo in the surname
                let surname = i % 8 == 0 ? s.uppercased() : String(s.dropLast()) + "e"
                people.append(person("d\(i)", given: g.capitalized, surname: surname, dob: dob, postcode: postcode))
                truth.insert("p\(i)|d\(i)")
            }
        }
        let resolution = await Resolver(threshold: 0.9).dedupe(people)
        let found = Set(
            resolution.matches.map { pair -> String in
                let ids = [people[Int(pair.left)].id, people[Int(pair.right)].id].sorted {
                    $0.hasPrefix("p") && !$1.hasPrefix("p") || ($0.hasPrefix("p") == $1.hasPrefix("p") && $0 < $1)
                }
                return ids.joined(separator: "|")
            })
        let truePositives = found.intersection(truth).count
        let precision = Double(truePositives) / Double(max(1, found.count))
        let recall = Double(truePositives) / Double(truth.count)
        #expect(precision >= 0.95, "precision \(precision)")
        #expect(recall >= 0.95, "recall \(recall)")
        #expect(resolution.model.iterations > 0)
        let pair = try #require(resolution.matches.first)
        let explanation = MatchExplanation(
            Comparator.compare(people[Int(pair.left)], people[Int(pair.right)]), model: resolution.model)
        #expect(abs(explanation.totalWeight - pair.weight) < 1e-9)
        #expect(explanation.parts.contains { $0.field == "date of birth" && $0.level == "exact" && $0.weight > 0 })

        // PAIRS.csv, the command line's contract: the header, then one row per match in order, scores with four decimals.
        let rows = String(decoding: await PersonFile.pairsCSV(resolution, left: people, right: people), as: UTF8.self)
            .split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
        #expect(rows.first == ["left_id", "right_id", "score"] && rows.count == resolution.matches.count + 1)
        #expect(
            rows[1] == [
                people[Int(pair.left)].id, people[Int(pair.right)].id, String(format: "%.4f", pair.probability),
            ])
        // With --explain, a fourth column says why, in words, each part with its weight.
        let explained = try CSV.parse(await PersonFile.pairsCSV(resolution, left: people, right: people, explain: true))
        #expect(explained.first == ["left_id", "right_id", "score", "explanation"])
        #expect(explained.count == resolution.matches.count + 1 && explained[1].prefix(3) == rows[1].prefix(3))
        let line = MatchExplanation(
            Comparator.compare(people[Int(pair.left)], people[Int(pair.right)]), scored: pair, model: resolution.model
        ).line
        #expect(explained[1].last == line && line.hasPrefix("prior (-") && line.contains("same date of birth (+"))
        for n in 0...2_000 {
            let value = Double(n) / 1_999.3
            #expect(PersonFile.fixed4(min(value, 1)) == String(format: "%.4f", min(value, 1)))
        }
    }

    @Test("a batch pair's explanation comes to its score, with how common its names are a part of its own")
    func explanationsComeToTheScore() async throws {
        // Enough records for names to be counted (``NameFrequencies/minimumRecords``), some names rare, some common.
        var rng = SplitMix64(seed: 9)
        var people: [PreparedPerson] = []
        for i in 0..<1_200 {
            let given = ["james", "mary", "ahmed", "olga", "peter", "fatima"][Int(rng.next() % 6)]
            let surname = i % 3 == 0 ? "smith" : "surname\(Int(rng.next() % 400))"
            let dob = String(format: "%04d-%02d-%02d", 1950 + i % 50, 1 + i % 12, 1 + i % 28)
            let postcode = "M\(i % 90 + 1) \(i % 9)AB"
            people.append(person("p\(i)", given: given, surname: surname, dob: dob, postcode: postcode))
            if i % 5 == 0 {
                people.append(person("d\(i)", given: given, surname: surname, dob: dob, postcode: "LS\(i % 7) 1AA"))
            }
        }
        let resolution = await Resolver(threshold: 0.5).dedupe(people)
        #expect(resolution.matches.count >= 200)
        var counted = 0
        for pair in resolution.matches {
            let explained = MatchExplanation(
                Comparator.compare(people[Int(pair.left)], people[Int(pair.right)]), scored: pair,
                model: resolution.model)
            let sum = explained.priorWeight + explained.parts.reduce(0) { $0 + $1.weight }
            #expect(abs(sum - pair.weight) < 1e-9 && explained.probability == pair.probability)
            if let part = explained.parts.first(where: { $0.field == MatchExplanation.nameCounts }) {
                counted += 1
                // Said in words where it weighs a twentieth of a bit or more.
                #expect(explained.line.contains("how common the shared names are (") == (abs(part.weight) >= 0.05))
            }
        }
        #expect(counted >= 100, "\(counted) pairs with the names' counts")
    }

    @Test(
        "EM in sessions learns each field's m from pairs not chosen for agreeing on it, where one fit on every candidate does not"
    )
    func sessionsAvoidBlockingBias() {
        // Candidates are found by agreeing on the date of birth, or on both names. True matches agree exactly on the
        // given name 85% of the time, the surname 80% and the date of birth 60%, each on its own, and nearly
        // otherwise; the others compare as strangers do. Counts are the expected ones: nothing depends on a draw.
        let given: [(UInt8, Double)] = [(1, 0.85), (2, 0.05), (3, 0.05), (4, 0.05)]
        let surname: [(UInt8, Double)] = [(1, 0.8), (2, 0.05), (3, 0.05), (4, 0.05), (5, 0.05)]
        let born: [(UInt8, Double)] = [(1, 0.6), (2, 0.15), (3, 0.25)]
        var model = MatchModel.initial()
        model.u[ComparisonField.givenName.rawValue] = [0, 0.01, 0.005, 0.005, 0.005, 0.975]
        model.u[ComparisonField.surname.rawValue] = [0, 0.005, 0.005, 0.005, 0.01, 0.975]
        model.u[ComparisonField.dateOfBirth.rawValue] = [0, 0.001, 0.001, 0.001, 0.002, 0.02, 0.975]
        func pattern(_ g: UInt8, _ s: UInt8, _ d: UInt8) -> UInt64 {
            var levels = [UInt8](repeating: 0, count: ComparisonField.allCases.count)
            levels[ComparisonField.givenName.rawValue] = g
            levels[ComparisonField.surname.rawValue] = s
            levels[ComparisonField.dateOfBirth.rawValue] = d
            return ComparisonVector.pattern(of: levels)
        }
        var counts: [UInt64: Int] = [:]
        for (g, pg) in given {
            for (s, ps) in surname {
                for (d, pd) in born where d == 1 || (g == 1 && s == 1) {
                    counts[pattern(g, s, d), default: 0] += Int((20_000 * pg * ps * pd).rounded())
                }
            }
        }
        // Strangers sharing a date of birth, and strangers sharing both names.
        for (g, pg) in [(UInt8(1), 0.01), (5, 0.99)] {
            for (s, ps) in [(UInt8(1), 0.005), (5, 0.995)] {
                counts[pattern(g, s, 1), default: 0] += Int((50_000 * pg * ps).rounded())
            }
        }
        for (d, pd) in [(UInt8(1), 0.001), (6, 0.999)] {
            counts[pattern(1, 1, d), default: 0] += Int((50_000 * pd).rounded())
        }

        var sessions = model
        sessions.trainInSessions(patterns: counts, pairs: 1e9)
        var together = model
        together.trainEM(patterns: counts, pairs: 1e9)
        let bornExact = sessions.m[ComparisonField.dateOfBirth.rawValue][1]
        let surnameExact = sessions.m[ComparisonField.surname.rawValue][1]
        #expect(abs(bornExact - 0.6) < 0.02, "date of birth m \(bornExact)")
        #expect(abs(surnameExact - 0.8) < 0.02, "surname m \(surnameExact)")
        // Fitted on every candidate, the date of birth is learnt mostly from pairs found by agreeing on it.
        let togetherBorn = together.m[ComparisonField.dateOfBirth.rawValue][1]
        #expect(togetherBorn > 0.63, "date of birth m fitted on every candidate \(togetherBorn)")
        // The prior is then fitted over every candidate: within a tenth of the 17,440 true matches among them, over all pairs (the
        // faintest true matches, an initial and a different surname, count as strangers).
        #expect(abs(sessions.prior * 1e9 - 17_440) < 1_744, "prior \(sessions.prior)")
    }

    @Test("a session's share of matches is over every pair agreeing on its fields, not only the candidates")
    func sessionsCountPairsOutsideCandidates() {
        func pattern(given: UInt8, surname: UInt8, born: UInt8, location: UInt8, sex: UInt8) -> UInt64 {
            var levels = [UInt8](repeating: 0, count: ComparisonField.allCases.count)
            levels[ComparisonField.givenName.rawValue] = given
            levels[ComparisonField.surname.rawValue] = surname
            levels[ComparisonField.dateOfBirth.rawValue] = born
            levels[ComparisonField.location.rawValue] = location
            levels[ComparisonField.sex.rawValue] = sex
            return ComparisonVector.pattern(of: levels)
        }
        // 10,000 duplicates whose fields agree as the standard m says, and 3,000 strangers born on the same day who
        // became candidates only because a blocking rule also wanted their given names to agree: nearly a quarter of
        // the candidates sharing a date of birth, while over the million pairs sharing one strangers are nearly all.
        let standard = MatchModel.initial().m
        var candidates: [UInt64: Int] = [:]
        for (g, pg) in standard[ComparisonField.givenName.rawValue].enumerated().dropFirst() {
            for (s, ps) in standard[ComparisonField.surname.rawValue].enumerated().dropFirst() {
                for (l, pl) in standard[ComparisonField.location.rawValue].enumerated().dropFirst() {
                    for (x, px) in standard[ComparisonField.sex.rawValue].enumerated().dropFirst() {
                        let key = pattern(
                            given: UInt8(g), surname: UInt8(s), born: 1, location: UInt8(l), sex: UInt8(x))
                        candidates[key, default: 0] += Int((10_000 * pg * ps * pl * px).rounded())
                    }
                }
            }
        }
        candidates[pattern(given: 1, surname: 5, born: 1, location: 6, sex: 1), default: 0] += 3_000
        // Random pairs outside the candidates: one in a hundred agrees on the given name, one in ten on the town, half
        // on sex, one in a thousand on the date of birth.
        let sample: [UInt64: Int] = [
            pattern(given: 5, surname: 5, born: 6, location: 6, sex: 2): 4_500,
            pattern(given: 5, surname: 5, born: 6, location: 6, sex: 1): 4_400,
            pattern(given: 5, surname: 5, born: 6, location: 5, sex: 1): 1_000,
            pattern(given: 1, surname: 5, born: 6, location: 6, sex: 1): 99,
            pattern(given: 5, surname: 5, born: 1, location: 6, sex: 2): 10,
        ]
        // 11,800 duplicates in a billion pairs, 10,000 of them sharing a date of birth.
        var model = MatchModel.initial(prior: 1.18e-5)
        model.estimateU(randomPatterns: sample)
        var counted = model
        counted.trainInSessions(patterns: candidates, pairs: 1e9, outside: (sample, 1e9))
        var candidatesOnly = model
        candidatesOnly.trainInSessions(patterns: candidates, pairs: 1e9)
        let surname = ComparisonField.surname.rawValue
        // Over every pair sharing a date of birth, the strangers are strangers: a different surname stays as rare
        // among duplicates as it is (0.02). Among the candidates only, the session's share of matches is three in four
        // and the strangers are taken for duplicates.
        #expect(
            counted.m[surname][5] < 0.04, "m of a different surname, pairs outside counted: \(counted.m[surname][5])")
        #expect(
            candidatesOnly.m[surname][5] > 0.1,
            "m of a different surname, candidates only: \(candidatesOnly.m[surname][5])")
    }

    @Test(
        "a missing date of birth counts only as far as the data show it, and never more than two bits; the standard model and explanations agree"
    )
    func missingIsALevel() {
        func pattern(_ g: UInt8, _ s: UInt8, _ d: UInt8) -> UInt64 {
            var levels = [UInt8](repeating: 0, count: ComparisonField.allCases.count)
            levels[ComparisonField.givenName.rawValue] = g
            levels[ComparisonField.surname.rawValue] = s
            levels[ComparisonField.dateOfBirth.rawValue] = d
            return ComparisonVector.pattern(of: levels)
        }
        // Strangers drawn at random: one in ten lacks a date of birth on one side.
        let random: [UInt64: Int] = [
            pattern(5, 5, 6): 89_000, pattern(5, 5, 0): 9_900, pattern(1, 5, 6): 900, pattern(5, 1, 6): 200,
        ]
        /// The fitted model when `missing` of the true matches lack a date of birth.
        func fitted(missing: Double) -> MatchModel {
            let matches = 10_000.0
            let candidates: [UInt64: Int] = [
                pattern(1, 1, 1): Int(matches * (1 - missing)), pattern(1, 1, 0): Int(matches * missing) + 2_000,
                pattern(1, 1, 6): 18_000, pattern(5, 5, 1): 20_000, pattern(2, 1, 1): 3_000,
            ]
            var model = MatchModel.initial()
            model.estimateU(randomPatterns: random)
            model.trainInSessions(patterns: candidates, pairs: 1e9)
            return model
        }
        let dob = ComparisonField.dateOfBirth
        // Duplicates lack it four times as often as strangers: evidence for one person, held to two bits.
        let telling = fitted(missing: 0.4)
        #expect(abs(telling.u[dob.rawValue][0] - 0.099) < 0.002, "u \(telling.u[dob.rawValue][0])")
        #expect(telling.m[dob.rawValue][0] > 0.3, "m \(telling.m[dob.rawValue][0])")
        #expect(telling.weight(dob, level: 0) == MatchModel.missingLimit)
        #expect(telling.weight(dob, level: 0) == 2, "four times as often counts as two bits, not one")
        // As often as strangers: it says nothing.
        let silent = fitted(missing: 0.1)
        #expect(abs(silent.weight(dob, level: 0)) < 0.3, "weight \(silent.weight(dob, level: 0))")
        // A field no record has says next to nothing (its other levels keep the standard u, as if seen in a thousand
        // pairs); no field of the standard model, used for single queries, counts a missing value at all.
        #expect(abs(telling.weight(.phone, level: 0)) < 0.05)
        for field in ComparisonField.allCases { #expect(MatchModel.initial().weight(field, level: 0) == 0) }
        // The weight is in the explanation and the model's summary.
        let vector = ComparisonVector(pattern: pattern(1, 1, 0))
        let explanation = MatchExplanation(vector, model: telling)
        #expect(
            explanation.parts.contains {
                $0.field == dob.name && $0.level == "missing" && $0.weight == MatchModel.missingLimit
            })
        #expect(abs(explanation.totalWeight - telling.matchWeight(vector.levels)) < 1e-9)
        let summary = MatchModelSummary(telling)
        #expect(summary.fields[dob.name]?.first?.level == "missing")
        #expect(MatchWords.describe(field: dob.name, level: "missing") == "no date of birth on one side or both")
    }

    @Test("a near agreement on a name weighs what its own m and u say; other fields' levels out of order weigh as one")
    func nearNamesWeighOnTheirOwn() {
        var model = MatchModel.initial()
        let (given, surname, location) = (
            ComparisonField.givenName.rawValue, ComparisonField.surname.rawValue, ComparisonField.location.rawValue
        )
        // As fitted on an independent population: one slip of a name is rarer among strangers than the same name,
        // whose weight is an average over common names and rare ones, each adjusted again by its own count.
        (model.m[given][1], model.u[given][1]) = (0.54, 0.0038)
        (model.m[given][2], model.u[given][2]) = (0.28, 0.0007)
        (model.m[surname][1], model.u[surname][1]) = (0.74, 0.006)
        (model.m[surname][2], model.u[surname][2]) = (0.18, 0.00067)
        #expect(abs(model.weight(.givenName, level: 2) - log2(0.28 / 0.0007)) < 1e-9)
        #expect(model.weight(.givenName, level: 2) > model.weight(.givenName, level: 1) + 1)
        #expect(abs(model.weight(.surname, level: 2) - log2(0.18 / 0.00067)) < 1e-9)
        // The same town fitted as better evidence than the same postcode: the two levels weigh as one, by their
        // pooled m and u.
        (model.m[location][4], model.u[location][4]) = (0.0015, 0.005)
        (model.m[location][5], model.u[location][5]) = (0.055, 0.097)
        (model.m[location][6], model.u[location][6]) = (0.03, 0.1)
        let pooled = log2((0.0015 + 0.055) / (0.005 + 0.097))
        #expect(abs(model.weight(.location, level: 4) - pooled) < 1e-9)
        #expect(abs(model.weight(.location, level: 5) - pooled) < 1e-9)
        #expect(abs(model.weight(.location, level: 6) - log2(0.03 / 0.1)) < 1e-9)
        #expect(abs(model.weight(.location, level: 7) - log2(0.25 / 0.979)) < 1e-9)
        // A level duplicates never reach (a street address elsewhere, on a file where nobody's town has a slip) moves
        // the worse levels only by its share of them, not down to its own weight.
        (model.m[location][3], model.u[location][3]) = (0, 0.000013)
        #expect(abs(model.weight(.location, level: 3) - log2(0.0565 / 0.102013)) < 1e-9)
        #expect(abs(model.weight(.location, level: 5) - model.weight(.location, level: 3)) < 1e-9)
        #expect(abs(model.weight(.location, level: 6) - log2(0.03 / 0.1)) < 1e-9)
        #expect(abs(model.weight(.location, level: 7) - log2(0.25 / 0.979)) < 1e-9)
    }

    @Test("linking two sources pairs each record with its counterpart on the other side, never within a side")
    func link() async {
        var rng = SplitMix64(seed: 17)
        let given = [
            "james", "mary", "ahmed", "olga", "peter", "fatima", "li", "sean", "anna", "omar", "grace", "ivan",
        ]
        let surnames = [
            "smith", "khan", "novak", "okafor", "walsh", "chen", "patel", "jones", "silva", "kowalski", "murphy", "ali",
        ]
        var left: [PreparedPerson] = []
        var right: [PreparedPerson] = []
        for i in 0..<300 {
            let g = given[Int(rng.next() % 12)]
            let s = surnames[Int(rng.next() % 12)]
            let (y, m, d) = (1950 + Int(rng.next() % 50), 1 + Int(rng.next() % 12), 1 + Int(rng.next() % 28))
            let postcode = "M\(rng.next() % 9 + 1) \(rng.next() % 9)AB"
            left.append(
                person(
                    "l\(i)", given: g, surname: s, dob: String(format: "%04d-%02d-%02d", y, m, d), postcode: postcode))
            // Half the left side is also held on the right, written the other agency's way: full name, day-first date.
            if i % 2 == 0 {
                right.append(
                    person(
                        "r\(i)", full: "\(g.capitalized) \(s.uppercased())",
                        dob: String(format: "%02d/%02d/%04d", d, m, y), postcode: postcode))
            }
        }
        // The same people twice on the left must not be paired with each other: only across.
        left.append(person("l-copy", given: "james", surname: "smith", dob: "1970-01-01", postcode: "M1 1AB"))
        left.append(person("l-copy2", given: "james", surname: "smith", dob: "1970-01-01", postcode: "M1 1AB"))
        let resolution = await Resolver(threshold: 0.9).link(left, right)
        let found = Set(resolution.matches.map { "\(left[Int($0.left)].id)|\(right[Int($0.right)].id)" })
        let truth = Set((0..<300).filter { $0 % 2 == 0 }.map { "l\($0)|r\($0)" })
        let hits = found.intersection(truth).count
        #expect(Double(hits) / Double(truth.count) >= 0.95, "recall \(hits)/\(truth.count)")
        #expect(Double(hits) / Double(max(1, found.count)) >= 0.95, "precision \(hits)/\(found.count)")
        #expect(resolution.matches.allSatisfy { Int($0.left) < left.count && Int($0.right) < right.count })
        #expect(!found.contains { $0.hasPrefix("l-copy") })
    }

    @Test("reviewers' decisions move the model: pairs they call not the same weigh less on the next run")
    func decisionsTeachTheModel() async throws {
        var rng = SplitMix64(seed: 9)
        let given = ["james", "mary", "ahmed", "olga", "peter", "fatima", "li", "sean", "anna", "omar"]
        let surnames = ["smith", "khan", "novak", "okafor", "walsh", "chen", "patel", "jones", "silva", "kowalski"]
        var people: [PreparedPerson] = []
        var typoPairs: [(Int, Int)] = []
        for i in 0..<400 {
            let g = given[Int(rng.next() % 10)]
            let s = surnames[Int(rng.next() % 10)]
            let dob = String(
                format: "%04d-%02d-%02d", 1950 + Int(rng.next() % 50), 1 + Int(rng.next() % 12),
                1 + Int(rng.next() % 28))
            people.append(person("p\(i)", given: g, surname: s, dob: dob, postcode: "M1 1AB"))
            if i % 4 == 0 {
                people.append(
                    person(
                        "d\(i)", given: g, surname: i % 8 == 0 ? s : String(s.dropLast()) + "e", dob: dob,
                        postcode: "M1 1AB"))
                if i % 8 != 0 { typoPairs.append((people.count - 2, people.count - 1)) }
            }
        }
        let pattern = Comparator.compare(people[typoPairs[0].0], people[typoPairs[0].1]).pattern
        let before = await Resolver(threshold: 0.5).dedupe(people)
        // Reviewers looked at pairs of this kind (up to thirty) and said each was two different people.
        let labels = typoPairs.map { (pattern: Comparator.compare(people[$0.0], people[$0.1]).pattern, match: false) }
            .filter { $0.pattern == pattern }.prefix(30).map { $0 }
        #expect(labels.count >= 10)
        let after = await Resolver(threshold: 0.5).dedupe(people, labelled: labels)
        let levels = ComparisonVector.levels(of: pattern)
        #expect(after.model.matchWeight(levels) < before.model.matchWeight(levels) - 1)
        // The same decisions the other way make such pairs more certain.
        let confirmed = await Resolver(threshold: 0.5).dedupe(
            people, labelled: labels.map { (pattern: $0.pattern, match: true) })
        #expect(confirmed.model.matchWeight(levels) > after.model.matchWeight(levels))
    }

    /// The rows of `text` fed to one reader `size` bytes at a time, each with the offset just past it.
    static func read(_ text: [UInt8], inPiecesOf size: Int) throws -> [(fields: [String], end: Int)] {
        var reader = CSV.Reader()
        var rows: [(fields: [String], end: Int)] = []
        for start in stride(from: 0, to: text.count, by: size) {
            rows += try reader.feed(text[start..<min(start + size, text.count)])
        }
        return rows + (try reader.finish())
    }

    @Test("CSV read in pieces of any size gives the rows, and offsets to continue from, that a whole read gives")
    func csvStream() throws {
        let text = Array(
            "id,name,note\r\n1,\"Smith, John\",\"said \"\"hi\"\"\nthere\"\r\n\n2,Ann,\r\n3,\"Lee\",x\n4,Bo,end".utf8)
        let whole = try CSV.parse(text)
        #expect(whole.count == 5)
        for size in [1, 2, 3, 7, 64] {
            let rows = try Self.read(text, inPiecesOf: size)
            #expect(rows.map(\.fields) == whole, "pieces of \(size)")
            // Starting again just past any row reads exactly the rows after it.
            for (index, row) in rows.enumerated() {
                var again = CSV.Reader(offset: row.end)
                let rest = try again.feed(text[row.end...]) + (try again.finish())
                #expect(rest.map(\.fields) == Array(whole[(index + 1)...]))
            }
        }
        // Rows before a fault are still read; the fault is reported next.
        var reader = CSV.Reader()
        let read = try reader.feed(Array("a,b\n1,2\n\"x\"y,3\n".utf8))
        #expect(read.map(\.fields) == [["a", "b"], ["1", "2"]])
        #expect(throws: CSV.ParseError(row: 3, reason: "text after a closing quote")) { try reader.finish() }
        // A row longer than the limit is a fault naming it, however the text arrives.
        let long = Array("a,b\n1,2\n0123456789,x\n3,4\n".utf8)
        for size in [1, 5, 64] {
            var limited = CSV.Reader(maximumRowBytes: 10)
            var rows: [[String]] = []
            let fault = #expect(throws: CSV.ParseError.self) {
                for start in stride(from: 0, to: long.count, by: size) {
                    rows += try limited.feed(long[start..<min(start + size, long.count)]).map(\.fields)
                }
                rows += try limited.finish().map(\.fields)
            }
            #expect(fault?.row == 3 && rows == [["a", "b"], ["1", "2"]], "pieces of \(size)")
        }
    }

    @Test(
        "a byte-order mark before the header, as spreadsheet programs write, is not part of the first column's name"
    )
    func byteOrderMark() async throws {
        let mark: [UInt8] = [0xEF, 0xBB, 0xBF]
        let body = Array("id,last,dob\r\n1,Smith,1985-07-03\r\n2,\"Jones\",03/07/1985\r\n".utf8)
        let whole = try CSV.parse(body)
        #expect(try CSV.parse(mark + body) == whole)
        #expect(try await CSV.parseInParallel(mark + body, pieceBytes: 8) == whole)
        // However the text arrives, the mark is skipped and counted in the offsets to continue from.
        let plainEnds = try Self.read(body, inPiecesOf: body.count).map(\.end)
        for size in [1, 2, 4, 64] {
            let rows = try Self.read(mark + body, inPiecesOf: size)
            #expect(rows.map(\.fields) == whole, "pieces of \(size)")
            #expect(rows.map(\.end) == plainEnds.map { $0 + 3 })
        }
        // Only a whole mark at the very start: part of one is the first field's, and a later row keeps its own.
        #expect(
            try CSV.parse([0xEF, 0xBB] + Array("x,y\n".utf8)) == [
                [String(decoding: [0xEF, 0xBB, 0x78], as: UTF8.self), "y"]
            ])
        #expect(try CSV.parse(Array("a\n".utf8) + mark + Array("b\n".utf8)) == [["a"], ["\u{FEFF}b"]])
        let people = try await PersonFile.prepare(
            csv: mark + body, idColumn: "id", map: ["surname=last", "date_of_birth=dob"])
        #expect(people.map(\.id) == ["1", "2"])
        #expect(people[0].dateOfBirth == people[1].dateOfBirth && people[0].dateOfBirth?.year == 1985)
    }

    @Test("the counting table counts as a Dictionary does, through growth, merging and keys up to 2⁶³ − 1")
    func countTable() {
        var rng = SplitMix64(seed: 11)
        var expected: [UInt64: Int] = [:]
        var halves = (CountTable(), CountTable(capacity: 10))
        for i in 0..<50_000 {
            // Many repeats of a few keys, and many keys seen once, some at the top of the range.
            let key = i % 3 == 0 ? rng.next() % 40 : (i % 7 == 0 ? UInt64(Int64.max) - rng.next() % 3 : rng.next() >> 1)
            expected[key, default: 0] += 1
            if i % 2 == 0 { halves.0.add(key) } else { halves.1.add(key) }
        }
        var table = halves.0
        table.merge(halves.1)
        #expect(table.counts == expected)
        #expect(expected.allSatisfy { table.count(of: $0.key) == $0.value })
        #expect(table.count(of: 1 << 62 + 12_345) == 0)
    }

    @Test("the rarest agreements are counted over every pair, as the comparator grades each pair")
    func agreementCounts() {
        // Dates drawn from a few years, days and months, so whole dates and transposed ones recur; some partial or
        // missing; identifiers from a small pool, some people holding two.
        var rng = SplitMix64(seed: 11)
        func draw(_ n: Int) -> Int { Int(rng.next() % UInt64(n)) }
        func people(_ prefix: String, _ count: Int) -> [PreparedPerson] {
            (0..<count).map { i in
                let dob: String? =
                    switch draw(6) {
                    case 0: nil
                    case 1: "\(1980 + draw(2))"
                    default: String(format: "%04d-%02d-%02d", 1980 + draw(2), 1 + draw(3), 1 + draw(3))
                    }
                var values: [PersonField: [String]] = [.givenName: ["ann"], .surname: ["lee"]]
                values[.dateOfBirth] = dob.map { [$0] }
                values[.identifier] = (0..<draw(3)).map { _ in "AB\(100 + draw(8))" }
                return PreparedPerson(PersonRecord(id: "\(prefix)\(i)", values: values))
            }
        }
        func graded(_ left: [PreparedPerson], _ right: [PreparedPerson], dedupe: Bool) -> (Double, Double, Double) {
            var (same, transposed, identifier) = (0.0, 0.0, 0.0)
            for (i, a) in left.enumerated() {
                for (j, b) in right.enumerated() where !dedupe || j > i {
                    let v = Comparator.compare(a, b)
                    if v[.dateOfBirth] == 1 { same += 1 }
                    if v[.dateOfBirth] == 2 { transposed += 1 }
                    if v[.identifier] == 1 { identifier += 1 }
                }
            }
            return (same, transposed, identifier)
        }
        let left = people("l", 300)
        let right = people("r", 200)
        let one = AgreementCounts(left: PersonTable(left), right: PersonTable(left), dedupe: true)
        let (same, transposed, identifier) = graded(left, left, dedupe: true)
        #expect(one.pairs == 300 * 299 / 2)
        #expect(same > 0 && transposed > 0 && identifier > 0)
        #expect((one.sameDate, one.transposedDate, one.sameIdentifier) == (same, transposed, identifier))
        let two = AgreementCounts(left: PersonTable(left), right: PersonTable(right), dedupe: false)
        let across = graded(left, right, dedupe: false)
        #expect(two.pairs == 300 * 200)
        #expect((two.sameDate, two.transposedDate, two.sameIdentifier) == across)
    }

    @Test(
        "the same patterns fit the same model to the last bit, whatever order their table gives them in, so every run of a file scores it alike"
    )
    func modelIndependentOfOrder() {
        var rng = SplitMix64(seed: 17)
        func pattern() -> UInt64 {
            ComparisonVector.pattern(
                of: ComparisonField.allCases.map { UInt8(rng.next() % UInt64($0.levels.count)) })
        }
        // Candidates, with a few hundred pairs agreeing on everything, and random pairs.
        var candidates: [UInt64: Int] = [:]
        for _ in 0..<3_000 { candidates[pattern(), default: 0] += 1 + Int(rng.next() % 100_000) }
        candidates[ComparisonVector.pattern(of: [1, 1, 1, 1, 0, 1, 0, 0, 0]), default: 0] += 400
        var random: [UInt64: Int] = [:]
        for _ in 0..<3_000 { random[pattern(), default: 0] += 1 + Int(rng.next() % 1_000) }
        // The same counts in tables of other sizes, which hand their entries over in another order.
        func relaid(_ counts: [UInt64: Int]) -> [UInt64: Int] {
            var other: [UInt64: Int] = [:]
            other.reserveCapacity(counts.count * 5)
            for (key, value) in counts.sorted(by: { $0.key > $1.key }) { other[key] = value }
            return other
        }
        #expect(Array(candidates.keys) != Array(relaid(candidates).keys))
        func fit(_ candidates: [UInt64: Int], _ random: [UInt64: Int]) -> MatchModel {
            let pairs = 4_999_950_001.0
            let outside = (sample: random, pairs: pairs - 1_234_567)
            var model = MatchModel.initial(prior: 1e-5)
            model.estimateU(randomPatterns: random, candidates: candidates, pairs: pairs)
            model.setSurnameAtAddress(candidates: candidates, outside: outside, pairs: pairs)
            model.trainInSessions(patterns: candidates, pairs: pairs, outside: outside)
            return model
        }
        let one = fit(candidates, random)
        let other = fit(relaid(candidates), relaid(random))
        #expect(one.iterations > 0)
        #expect(one.m == other.m)
        #expect(one.u == other.u)
        #expect(one.prior == other.prior)
        #expect(one.surnameAtAddress == other.surnameAtAddress)
    }

    @Test("u is over every pair: the candidates as counted, the rest from random pairs drawn outside them")
    func uOverEveryPair() {
        func pattern(surname: UInt8) -> UInt64 {
            var v = ComparisonVector()
            v[.surname] = surname
            return v.pattern
        }
        // 1,000,000 pairs: 1,000 candidates, 600 of them with the same surname; 9,000 random pairs outside them,
        // 90 with the same surname.
        var model = MatchModel.initial()
        model.estimateU(
            randomPatterns: [pattern(surname: 1): 90, pattern(surname: 5): 8_910],
            candidates: [pattern(surname: 1): 600, pattern(surname: 5): 400], pairs: 1e6)
        let row = ComparisonField.surname.rawValue
        let standard = MatchModel.initial().u[row]
        let prior = MatchModel.uPriorPairs
        let outside = (1e6 - 1_000) / 1e6
        let drawn = 9_000 + prior * (1 - standard[0])
        #expect(abs(model.u[row][1] - (600 / 1e6 + outside * (90 + standard[1] * prior) / drawn)) < 1e-12)
        #expect(abs(model.u[row][5] - (400 / 1e6 + outside * (8_910 + standard[5] * prior) / drawn)) < 1e-12)
        #expect(abs(model.u[row].reduce(0, +) - 1) < 1e-12)
        // Without candidates, the random pairs alone, as before.
        var sampled = MatchModel.initial()
        sampled.estimateU(randomPatterns: [pattern(surname: 1): 90, pattern(surname: 5): 8_910])
        #expect(abs(sampled.u[row][1] - (90 + standard[1] * prior) / drawn) < 1e-12)
    }

    @Test("random pairs that are also candidates are left out of the sample of the pairs outside them")
    func drawsOutsideCandidates() async {
        // Left person 0's candidates are 3 and 5, person 2's is 4 (in two parts); for a dedupe a pair is found
        // from its earlier person.
        let parts: [[Resolver.Candidate]] = [[(0, 3, 11), (0, 5, 12)], [], [(2, 4, 13)]]
        let drawn: [[Resolver.Candidate]] = [[(5, 0, 21), (0, 4, 22), (4, 2, 23)], [(1, 3, 24), (2, 4, 25)]]
        #expect(await Resolver.outsideCandidates(drawn, parts: parts, count: 6, dedupe: true) == [22: 1, 24: 1])
        // For a link, left and right are not exchanged: (5, 0) and (4, 2) are outside.
        #expect(
            await Resolver.outsideCandidates(drawn, parts: parts, count: 6, dedupe: false) == [
                21: 1, 22: 1, 23: 1, 24: 1,
            ]
        )
    }

    @Test("counted u replaces the sampled one at its levels, the field's others sharing the rest as before")
    func countedU() {
        var model = MatchModel.initial(prior: 0.001)
        let row = ComparisonField.dateOfBirth.rawValue
        model.u[row] = [0.5, 0.01, 0.01, 0.05, 0.03, 0.1, 0.3]
        model.m[row] = [0.1, 0.8, 0.05, 0.02, 0.01, 0.01, 0.01]
        // A million pairs, a thousand of them one person's as the prior says: 800 of those share the date.
        let counts = AgreementCounts(pairs: 1e6, sameDate: 2_800, transposedDate: 50, sameIdentifier: 0)
        model.setU(counts)
        let u = model.u[row]
        let prior = MatchModel.uPriorPairs
        let standard = MatchModel.initial().u[row]
        let others = 1e6 - 1_000
        #expect(abs(u[1] - (2_000 + standard[1] * prior) / (others + prior)) < 1e-12)
        #expect(abs(u[2] - (0 + standard[2] * prior) / (others + prior)) < 1e-12)
        #expect(abs(u.reduce(0, +) - 1) < 1e-12)
        // Missing, a slip, partial, within a year and different keep their proportions to one another.
        #expect(abs(u[0] / u[6] - 0.5 / 0.3) < 1e-9)
        #expect(abs(u[3] / u[5] - 0.05 / 0.1) < 1e-9)
        #expect(abs(u[4] / u[5] - 0.03 / 0.1) < 1e-9)
    }

    @Test("u is of different people: the pairs of one person the model expects are taken out of every level")
    func uOfDifferentPeople() {
        var model = MatchModel.initial(prior: 0.001)
        let row = ComparisonField.location.rawValue
        model.m[row] = [0.05, 0.9, 0.01, 0.01, 0.01, 0.005, 0.005, 0.01]
        // A million pairs, a thousand of them one person's as the prior says; 1,000 pairs share an address, 900 of
        // them one person's by m; 5 share a street with another number, where m expects 10.
        var overall = model.u
        overall[row] = [0.1, 1_000 / 1e6, 5 / 1e6, 20 / 1e6, 0.002, 0.1, 0.2]
        overall[row].append(1 - overall[row].reduce(0, +))
        model.setU(overall: overall, pairs: 1e6)
        let u = model.u[row]
        let (prior, others) = (MatchModel.uPriorPairs, 1e6 - 1_000)
        let standard = MatchModel.initial().u[row]
        func apart(_ level: Int) -> Double {
            (max(0, overall[row][level] * 1e6 - 1_000 * model.m[row][level]) + standard[level] * prior)
                / (others + prior)
        }
        let total = overall[row][0] + (1..<8).reduce(0) { $0 + apart($1) }
        #expect(abs(u.reduce(0, +) - 1) < 1e-12)
        #expect(abs(u[1] - apart(1) / total) < 1e-15)
        // The same address: 100 pairs of different people, not 1,000; far rarer than over every pair.
        #expect(abs(u[1] * total - (100 + standard[1] * prior) / (others + prior)) < 1e-15)
        #expect(u[1] < overall[row][1] / 5)
        // More expected than met: nothing is left but the standard model's share.
        #expect(abs(u[2] * total - standard[2] * prior / (others + prior)) < 1e-15)
        // Missing is kept as it was, but for the normalising; the common levels barely move.
        #expect(abs(u[0] * total - overall[row][0]) < 1e-15)
        #expect(abs(u[7] / overall[row][7] - 1) < 0.01)
    }

    @Test("a shared rare name weighs more than a shared common one, by how many records hold each")
    func nameFrequencies() {
        func word(_ n: Int) -> String {
            var n = n
            var letters = "zq"
            repeat {
                letters.append(Character(UnicodeScalar(UInt8(97 + n % 26))))
                n /= 26
            } while n > 0
            return letters
        }
        var people: [PreparedPerson] = []
        for i in 0..<1_200 {
            let (given, surname) = i < 400 ? ("john", "smith") : (word(i % 600), word(10_000 + i))
            people.append(person("n\(i)", given: given, surname: surname, dob: "1980-01-01", postcode: "L1 1AB"))
        }
        let table = PersonTable(people)
        let names = NameFrequencies(left: table, right: table, dedupe: true)
        // With u = 0.1 for each part: "john smith" is held by a third of the records, person 1,000's name by one,
        // their given name by two (persons 400 and 1,000). A pair agreeing on a name holds two of its records: the
        // name is as common as the records besides those two, and at least one.
        // Both agreeing: each name's adjustment, the rare names' held to the limit.
        let common = names.adjustment(full: 0, uGiven: 0.1, uSurname: 0.1)
        let rare = names.adjustment(full: 1_000, uGiven: 0.1, uSurname: 0.1)
        // John always goes with Smith: 398 of Smith's 398 other records are John, against 398 of the 1,200.
        let share = 398.0 / 1_200
        let together = log2(
            (398 + Double(NameFrequencies.surnameRecordsPrior) * share)
                / (398 + Double(NameFrequencies.surnameRecordsPrior)) / share)
        #expect(abs(common - (2 * log2(0.1 / share) - together)) < 1e-3)
        #expect(abs(rare - 2 * NameFrequencies.limit) < 1e-3)
        #expect(abs(names.adjustment(surname: 0, u: 0.1) - log2(0.1 / share)) < 1e-3)
        #expect(abs(names.adjustment(given: 1_000, u: 0.001) - log2(0.001 / (1.0 / 1_200))) < 1e-3)
    }

    @Test(
        "a whole name more common than its two names predict weighs as common as it is; one held by a few records as its names"
    )
    func wholeNamesTogether() {
        // 1,000 records whose given names and surnames go together at random, and 200 whose go together by where
        // their families come from: "yiorgos" and "eleni" with "alrashid" and "papadakis", half of them Yiorgos
        // Alrashid. One rare name is held by two records, one person's.
        var people: [PreparedPerson] = []
        for i in 0..<1_200 {
            let (given, surname): (String, String)
            if i < 1_000 {
                (given, surname) = (["amy", "ben", "cara", "dev", "ed"][i % 5] + "\(i % 40)", "s\((i * 7) % 500)")
            } else {
                let k = i - 1_000
                (given, surname) = k < 100 ? ("yiorgos", "alrashid") : (k % 2 == 0 ? "eleni" : "yiorgos", "papadakis")
            }
            people.append(person("w\(i)", given: given, surname: surname, dob: "1980-01-01", postcode: "L1 1AB"))
        }
        people.append(person("twice-a", given: "quillan", surname: "marrowby", dob: "1990-02-03", postcode: "L2 2AB"))
        people.append(person("twice-b", given: "quillan", surname: "marrowby", dob: "1990-02-03", postcode: "L2 2AB"))
        let table = PersonTable(people)
        let names = NameFrequencies(left: table, right: table, dedupe: true)
        let u = (given: 0.01, surname: 0.01)
        func apart(_ person: Int) -> Double {
            names.adjustment(given: person, u: u.given) + names.adjustment(surname: person, u: u.surname)
        }
        // Yiorgos is 148 of 1,202 records besides the pair's two, but 98 of Alrashid's 98 other records.
        let yiorgos = 148.0 / 1_202
        let prior = Double(NameFrequencies.surnameRecordsPrior)
        let expected = log2((98 + prior * yiorgos) / (98 + prior) / yiorgos)
        let whole = names.adjustment(full: 1_000, uGiven: u.given, uSurname: u.surname)
        #expect(abs(apart(1_000) - whole - expected) < 1e-3, "\(apart(1_000)) − \(whole)")
        // Held by two records only: weighed as its two names are.
        #expect(names.adjustment(full: 1_200, uGiven: u.given, uSurname: u.surname) == apart(1_200))
        // A whole name no more common than its names predict is weighed as they are.
        #expect(names.adjustment(full: 3, uGiven: u.given, uSurname: u.surname) == apart(3))
    }

    @Test("a name is as common as the records holding it, given name or surname: a swapped name is not a rare one")
    func namesCountedInEitherPlace() {
        // 300 records with the surname "fitzgerald", and one with it written as the given name.
        var people: [PreparedPerson] = []
        for i in 0..<1_200 {
            let (given, surname) = i == 1_199 ? ("fitzgerald", "richard") : ("g\(i)", i < 300 ? "fitzgerald" : "s\(i)")
            people.append(person("f\(i)", given: given, surname: surname, dob: "1980-01-01", postcode: "L1 1AB"))
        }
        let table = PersonTable(people)
        let names = NameFrequencies(left: table, right: table, dedupe: true)
        #expect(abs(names.adjustment(given: 1_199, u: 0.01) - log2(0.01 / (299.0 / 1_200))) < 1e-3)
        #expect(abs(names.adjustment(surname: 0, u: 0.01) - log2(0.01 / (299.0 / 1_200))) < 1e-3)
    }

    @Test("given name and surname swapped weigh as the same names unswapped do, common or rare, never more")
    func swapsWeighAsTheirNames() async {
        // 1,200 strangers, 300 of them John Smith; then, each pair born on one day at one address, John Smith twice,
        // John Smith and Smith John, a rare name twice, and another rare name with its parts swapped.
        var people: [PreparedPerson] = []
        for i in 0..<1_200 {
            let (given, surname) = i < 300 ? ("john", "smith") : ("g\(i)", "s\(i)")
            let dob = String(format: "%04d-%02d-%02d", 1940 + i % 60, 1 + i % 12, 1 + i % 28)
            people.append(person("b\(i)", given: given, surname: surname, dob: dob, postcode: "B\(i % 90) \(i % 7)AA"))
        }
        let pairs: [(String, String, String, String)] = [
            ("john", "smith", "john", "smith"), ("john", "smith", "smith", "john"),
            ("qarwen", "tilsby", "qarwen", "tilsby"), ("ormady", "pexton", "pexton", "ormady"),
        ]
        for (k, pair) in pairs.enumerated() {
            let (dob, postcode) = ("1930-0\(k + 1)-1\(k)", "Z\(k) 9ZZ")
            people.append(person("p\(k)a", given: pair.0, surname: pair.1, dob: dob, postcode: postcode))
            people.append(person("p\(k)b", given: pair.2, surname: pair.3, dob: dob, postcode: postcode))
        }
        let found = await Resolver(threshold: 0).dedupe(people).matches
        func weight(_ k: Int) -> Double? {
            found.first { Int($0.left) == 1_200 + 2 * k && Int($0.right) == 1_201 + 2 * k }?.weight
        }
        guard let john = weight(0), let swappedJohn = weight(1), let rare = weight(2), let swappedRare = weight(3)
        else {
            Issue.record("a pair was not compared")
            return
        }
        #expect(abs(swappedJohn - john) < 1e-9, "John Smith \(john), swapped \(swappedJohn)")
        #expect(abs(swappedRare - rare) < 1e-9, "rare \(rare), swapped \(swappedRare)")
        // The names' counts decide: a shared common name weighs less than a shared rare one.
        #expect(john < rare - 4, "John Smith \(john), rare \(rare)")
    }

    @Test("names swapped but each exact teach a fitted model what exact names do, not what close ones do")
    func swapsCountedAsExact() async throws {
        // On its own a swap is graded close agreement on both names; batch resolution counts it as exact.
        let ikenna = person("a", given: "Ikenna", surname: "Okafor", dob: "1980-01-02")
        let swapped = Comparator.compare(ikenna, person("b", given: "Okafor", surname: "Ikenna", dob: "1980-01-02"))
        #expect(swapped.swappedExactly && swapped[.givenName] == 2 && swapped[.surname] == 2)
        let counted = ComparisonVector(pattern: swapped.resolutionPattern)
        #expect(counted[.givenName] == 1 && counted[.surname] == 1 && counted[.dateOfBirth] == 1)
        let slip = Comparator.compare(ikenna, person("c", given: "Okafr", surname: "Ikenna", dob: "1980-01-02"))
        #expect(slip.swappedNames && !slip.swappedExactly && slip.resolutionPattern == slip.pattern)
        // 1,200 strangers and 300 people recorded twice, a third of them with their names swapped the second time;
        // and the same file with no swaps. Both fits find near names as rare among one person's records.
        func people(swapping: Bool) -> [PreparedPerson] {
            var out: [PreparedPerson] = []
            for i in 0..<1_500 {
                let dob = String(format: "%04d-%02d-%02d", 1940 + i % 60, 1 + i % 12, 1 + i % 28)
                let postcode = "B\(i % 90) \(i % 7)AA"
                out.append(person("p\(i)", given: "g\(i)x", surname: "s\(i)y", dob: dob, postcode: postcode))
                guard i < 300 else { continue }
                let (given, surname) = swapping && i % 3 == 0 ? ("s\(i)y", "g\(i)x") : ("g\(i)x", "s\(i)y")
                out.append(person("d\(i)", given: given, surname: surname, dob: dob, postcode: postcode))
            }
            return out
        }
        let withSwaps = await Resolver().dedupe(people(swapping: true)).model
        let without = await Resolver().dedupe(people(swapping: false)).model
        for field in [ComparisonField.givenName, .surname] {
            let (near, plainNear) = (withSwaps.m[field.rawValue][2], without.m[field.rawValue][2])
            let (exact, plainExact) = (withSwaps.m[field.rawValue][1], without.m[field.rawValue][1])
            #expect(abs(near - plainNear) < 0.01, "\(field.name): near \(near) against \(plainNear)")
            #expect(abs(exact - plainExact) < 0.01, "\(field.name): exact \(exact) against \(plainExact)")
        }
    }

    @Test("strangers who share common names are not matched, even with nothing to fit a model to")
    func noDuplicates() async {
        var rng = SplitMix64(seed: 3)
        let given = ["jack", "sophie", "liam", "megan"]
        let surnames = ["taylor", "thompson", "walker", "wright"]
        var people: [PreparedPerson] = []
        for i in 0..<300 {
            let g = given[Int(rng.next() % 4)]
            let s = surnames[Int(rng.next() % 4)]
            let year: Int = 1950 + i / 6
            let month: Int = 1 + i % 12
            let day: Int = 1 + i % 28
            let district = Int(rng.next() % 9) + 1
            people.append(
                person(
                    "s\(i)", given: g, surname: s, dob: String(format: "%04d-%02d-%02d", year, month, day),
                    postcode: "L\(district) 1AB"))
        }
        let resolution = await Resolver().dedupe(people)
        #expect(resolution.candidatePairs > 0)
        #expect(resolution.matches.count == 0)
    }

    @Test("the block index built on every core is the one built on one core; keys spell numbers as their digits")
    func blockIndexParallel() async {
        var rng = SplitMix64(seed: 5)
        let given = ["jack", "sophie", "liam", "megan", "yusuf"]
        let surnames = ["taylor", "demir", "walker", "wright"]
        let people = (0..<2_000).map { i in
            person(
                "p\(i)", given: given[Int(rng.next() % 5)], surname: surnames[Int(rng.next() % 4)],
                dob: String(
                    format: "%04d-%02d-%02d", 1950 + Int(rng.next() % 40), 1 + Int(rng.next() % 12),
                    1 + Int(rng.next() % 28)),
                postcode: "L\(Int(rng.next() % 9) + 1) 1AB")
        }
        let one = BlockIndex(people, configuration: BlockingConfiguration())
        let every = await BlockIndex.building(people, configuration: BlockingConfiguration())
        #expect(one.keys == every.keys && one.starts == every.starts && one.members == every.members)
        #expect(one.slots == every.slots && one.later == every.later && one.laterStarts == every.laterStarts)
        #expect(one.keys.count > 100)
        for n in [0, 7, 10, 99, 1985, 1231, 123_456_789] { #expect(Array(DecimalDigits(n)) == Array(String(n).utf8)) }
    }

    @Test(
        "every key of every person leads to a block holding them, whether the keys are mostly shared or mostly each one's own (the key table then grows)"
    )
    func blockIndexLookups() {
        var rng = SplitMix64(seed: 13)
        func word() -> String {
            String((0..<8).map { _ in Character(UnicodeScalar(UInt8(97 + rng.next() % 26))) })
        }
        for shared in [true, false] {
            let people = (0..<3_000).map { i in
                // Shared: few names and dates; own: every name, date and postcode different.
                shared
                    ? person(
                        "p\(i)", given: ["ada", "bo", "cy"][Int(rng.next() % 3)], surname: "lee",
                        dob: "1980-01-0\(1 + Int(rng.next() % 3))", postcode: "L1 1AB")
                    : person(
                        "p\(i)", given: word(), surname: word(),
                        dob: String(
                            format: "%04d-%02d-%02d", 1900 + Int(rng.next() % 100), 1 + Int(rng.next() % 12),
                            1 + Int(rng.next() % 28)),
                        postcode: "\(word().prefix(2).uppercased())\(i) 1AB", identifier: "ID\(i)")
            }
            let index = BlockIndex(people, configuration: BlockingConfiguration())
            #expect(index.slots.count.nonzeroBitCount == 1 && index.keys.count * 2 <= index.slots.count)
            var found = 0
            index.withReader { reader in
                for (i, p) in people.enumerated() {
                    for key in index.configuration.uniqueKeys(p) {
                        guard let b = reader.block(key) else {
                            Issue.record("person \(i): key \(key) has no block")
                            continue
                        }
                        #expect(index.keys[b] == key)
                        #expect(index.members[Int(index.starts[b])..<Int(index.starts[b + 1])].contains(Int32(i)))
                        found += 1
                    }
                }
            }
            #expect(found == people.reduce(0) { $0 + index.configuration.uniqueKeys($1).count })
            #expect(found > 3 * people.count)
            // Mostly each one's own keys: the table, first as large as the people's keys together, has grown.
            var first = 16
            while first < found { first <<= 1 }
            #expect(shared ? index.slots.count == first : index.slots.count > first)
        }
    }

    @Test(
        "at one postcode or street address, a mistyped initial or names swapped with a slip still meet; other initials do not"
    )
    func placeInitials() {
        let people = [
            person("sebastian", given: "Sebastian", surname: "Kinmer", dob: "1982-01-26", postcode: "LE18 7SZ"),
            person("ebastian", given: "Ebastian", surname: "Kinmer", postcode: "LE18 7SZ"),
            person("emeka", given: "Emeka", surname: "Yaveac", postcode: "N6 9RQ"),
            person("swapped", given: "Yvaeac", surname: "Emeka", dob: "1952-09-27", postcode: "N6 9RQ"),
            person("neighbour", given: "Isla", surname: "Jones", dob: "2006-12-14", postcode: "LE18 7SZ"),
            // No postcode on one side: the street address stands in for it.
            person(
                "ciara", given: "Ciara", surname: "Hussain", dob: "1941-05-20", postcode: "LS9 3ZD",
                address: "197 Bridge Lane"),
            person("iara", given: "Iara", surname: "Husssain", address: "197 Bridge Lane"),
            person("next door", given: "Tom", surname: "Wood", address: "197 Bridge Lane"),
        ]
        func pairs(_ rules: [BlockingRule]) -> Set<[Int]> {
            let index = BlockIndex(people, configuration: BlockingConfiguration(rules: rules))
            var scratch = CandidateScratch()
            return Set(
                people.indices.flatMap { i in index.candidates(after: i, scratch: &scratch).map { [i, Int($0)] } })
        }
        let all = BlockingRule.allCases
        #expect(pairs(all) == [[0, 1], [2, 3], [5, 6]])
        // Each pair meets through these rules alone.
        #expect(pairs(all.filter { $0 != .addressInitial }) == [[0, 1], [2, 3]])
        #expect(pairs(all.filter { $0 != .addressInitial && $0 != .postcodeInitial }).isEmpty)
    }

    @Test(
        "an indexed person's candidates after it, from the runs recorded at indexing, are those its keys find after it")
    func candidatesAfter() {
        var rng = SplitMix64(seed: 11)
        let given = ["jack", "sophie", "liam", "megan", "yusuf", "j"]
        let surnames = ["taylor", "demir", "walker", "wright", "o"]
        let people = (0..<1_500).map { i in
            person(
                "p\(i)", given: given[Int(rng.next() % 6)], surname: surnames[Int(rng.next() % 5)],
                dob: String(
                    format: "%04d-%02d-%02d", 1950 + Int(rng.next() % 30), 1 + Int(rng.next() % 12),
                    1 + Int(rng.next() % 28)),
                postcode: "L\(Int(rng.next() % 9) + 1) \(Int(rng.next() % 3))AB")
        }
        // Small limits, so blocks over the size limit and people beyond the cap are common.
        for configuration in [
            BlockingConfiguration(), BlockingConfiguration(maxBlockSize: 12, maxCandidatesPerRecord: 3),
        ] {
            let index = BlockIndex(people, configuration: configuration)
            var scratch = CandidateScratch()
            var found = 0
            for i in people.indices {
                let after = index.candidates(after: i, scratch: &scratch)
                #expect(
                    after == index.candidates(for: people[i], minimum: Int32(i + 1), scratch: &scratch), "person \(i)")
                found += after.count
            }
            #expect(found > people.count)
        }
    }

    @Test("clusters join matched pairs but never across a 'not the same' decision")
    func clustering() {
        // 0–1–2 chain; 3–4; a reviewer said 0 and 2 are not the same person.
        let pairs = [(0, 1), (3, 4), (1, 2)]
        #expect(Clustering.clusters(count: 5, pairs: pairs) == [0, 0, 0, 3, 3])
        let split = Clustering.clusters(count: 5, pairs: pairs, notSame: [(0, 2)])
        #expect(split[0] == split[1])
        #expect(split[2] != split[0])
        #expect(split[3] == split[4])
    }

    @Test("the person index answers 'do we hold this person?' with the best match first")
    func index() async {
        let held = [
            person("h1", given: "Yusuf", surname: "Demir", dob: "1979-02-11", identifier: "AB123456C"),
            person("h2", given: "Joseph", surname: "Dempsey", dob: "1981-05-30"),
            person("h3", given: "Maria", surname: "Santos", dob: "1990-12-01"),
        ]
        let index = PersonIndex(held, model: MatchModel.initial())
        let hits = index.query(person("q", full: "Joseph DEMIR", dob: "11/02/1979"))
        #expect(hits.first?.person.id == "h1")
        #expect(index.query(person("q2", given: "Nobody", surname: "Known", dob: "2001-01-01")).isEmpty)
    }

    @Test(
        "CSV cut into pieces at row starts and read on every core gives the rows, and the first fault, of a whole read")
    func csvParallel() async throws {
        let text = Array(
            "id,name,note\r\n1,\"Smith, John\",\"said \"\"hi\"\"\nthere\"\r\n\n2,Ann,\r\n3,\"Lee\",x\n4,\"a\n\nb\",end\n5,Bo,\"\"\n6,Cy,z"
                .utf8)
        let whole = try CSV.parse(text)
        for size in [1, 2, 5, 9, 30, 1_000] {
            #expect(try await CSV.parseInParallel(text, pieceBytes: size) == whole, "pieces of about \(size) bytes")
        }
        // A line break inside quotes is never a cut: every cut starts a row of the whole read.
        let starts = CSV.rowStarts(text, every: 1)
        #expect(starts.count == 8 && starts.allSatisfy { $0.offset == 0 || text[$0.offset - 1] == 0x0A })
        // The first fault is reported, with its row, whichever piece holds it; rows after it do not matter.
        let faulty = Array("a,b\n1,2\n\"x\"y,3\n4,5\n\"open".utf8)
        for size in [1, 4, 100] {
            await #expect(throws: CSV.ParseError(row: 3, reason: "text after a closing quote")) {
                try await CSV.parseInParallel(faulty, pieceBytes: size)
            }
        }
        // Text without quotes is cut by jumping between line breaks, at the same places with the same row counts.
        let plain = Array("id,name\r\n1,Ann\n\n2,Bo\r\n3,Cy\n4,Di,x\n5,Ed".utf8)
        for (size, from) in [(1, 0), (3, 0), (7, 9), (12, 0), (100, 0)] {
            let quick = CSV.quoteFreeRowStarts(plain, from: from, rowsBefore: 0, every: size)
            #expect(quick != nil)
            #expect(
                quick?.map(\.offset)
                    == CSV.scanningRowStarts(plain, from: from, rowsBefore: 0, every: size).map(\.offset))
            #expect(
                quick?.map(\.rowsBefore)
                    == CSV.scanningRowStarts(plain, from: from, rowsBefore: 0, every: size).map(\.rowsBefore))
            #expect(try await CSV.parseInParallel(plain, pieceBytes: size) == (try CSV.parse(plain)))
        }
        #expect(CSV.quoteFreeRowStarts(text, from: 0, rowsBefore: 0, every: 5) == nil)
        // Line breaks are counted a word at a time: bytes one bit away from LF or CR are not counted.
        var rng = SplitMix64(seed: 11)
        let alphabet: [UInt8] = [0x0A, 0x0D, 0x8A, 0x8D, 0x0B, 0x0C, 0x2A, 0x4A, 0x41]
        for length in [0, 1, 7, 8, 9, 15, 16, 17, 63, 64, 200] {
            let bytes = (0..<length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
            let counted = bytes.withUnsafeBufferPointer { CSV.lineBreaks($0) }
            #expect(counted == bytes.filter { $0 == 0x0A || $0 == 0x0D }.count, "\(length) bytes")
        }
    }

    @Test("CSV parses quotes, embedded commas and line breaks, and names the row of a fault")
    func csv() throws {
        let rows = try CSV.parse(Array("id,name\n1,\"Smith, John\"\r\n2,\"said \"\"hi\"\"\nthere\"\n".utf8))
        #expect(rows == [["id", "name"], ["1", "Smith, John"], ["2", "said \"hi\"\nthere"]])
        #expect(throws: CSV.ParseError(row: 2, reason: "a quoted field is never closed")) {
            try CSV.parse(Array("id\n\"open".utf8))
        }
        #expect(CSV.line(["a,b", "c"]) == "\"a,b\",c\n")
    }

    @Test("a column mapping names unknown fields and missing columns")
    func mapping() throws {
        #expect(throws: ColumnMapping.MappingError.self) {
            try ColumnMapping.parse(idColumn: "id", entries: ["shoe_size=x"], header: ["id", "x"])
        }
        #expect(throws: ColumnMapping.MappingError.self) {
            try ColumnMapping.parse(idColumn: "id", entries: ["surname=nope"], header: ["id"])
        }
        let mapping = try ColumnMapping.parse(
            idColumn: "id", entries: ["address=n,street", "surname=last"], header: ["id", "n", "street", "last"])
        let record = mapping.record(["7", "12", "High St", "Okafor"], header: ["id", "n", "street", "last"])
        #expect(record.values[.address] == ["12 High St"])
        #expect(record.first(.surname) == "Okafor")
    }

    @Test(
        "a person file is read, mapped and prepared; a missing or repeated ID, an unknown column or a bad quote is named"
    )
    func personFile() async throws {
        let good = "id,first,last,dob\n1,Mohammed,Al-Rashid,03/07/1985\n2,\"Muhamad\",Alrashid,1985-07-03\n"
        let people = try await PersonFile.prepare(
            csv: Array(good.utf8), idColumn: "id", map: ["given_name=first", "surname=last", "date_of_birth=dob"])
        #expect(people.map(\.id) == ["1", "2"])
        #expect(people[0].dateOfBirth == people[1].dateOfBirth)
        func problem(_ text: String, map: [String] = ["surname=last"]) async -> String? {
            do {
                _ = try await PersonFile.prepare(csv: Array(text.utf8), idColumn: "id", map: map)
                return nil
            } catch {
                return error.description
            }
        }
        #expect(await problem("id,last\n1,Smith\n,Jones\n") == "row 3: column 'id' is empty")
        #expect(await problem("id,last\n1,Smith\n1,Jones\n") == "row 3: ID '1' appears twice")
        // The first problem in file order: a repeat before a row without an ID, the empty ID before a later repeat.
        #expect(await problem("id,last\n1,Smith\n2,Ng\n2,Ng\n,Jones\n1,Lee\n") == "row 4: ID '2' appears twice")
        #expect(await problem("id,last\n1,Smith\n,Jones\n1,Lee\n") == "row 3: column 'id' is empty")
        #expect(await problem("id,surname\n1,Smith\n")?.contains("column 'last' is not in the file's header") == true)
        // A column in another case, or a file separated by something else than commas, is said so.
        #expect(
            await problem("ID,Last\n1,Smith\n", map: ["surname=Last"])
                == "column 'id' is not in the file's header (ID, Last); did you mean 'ID'?")
        #expect(
            await problem("id;last\n1;Smith\n")
                == "column 'id' is not in the file's header (id;last); the header is one column with semicolons in it: "
                + "save the file with commas between columns")
        #expect(
            await problem("id\tlast\n1\tSmith\n")?.hasSuffix(
                "one column with tabs in it: save the file with commas between columns") == true)
        #expect(await problem("id,last\n1,\"Smith\n") == "row 2: a quoted field is never closed")
        #expect(await problem("") == "the file is empty")
    }

    @Test("a file's previous address is compared as the address is: a person met at their earlier home agrees there")
    func previousAddressColumns() async throws {
        let text = """
            id,first,last,line1,line2,town,postcode,prev_line,prev_town,prev_postcode
            1,Siobhan,Marlowe,Flat 2,7 Hope Road,Leeds,LS6 2AB,3 Quay Street,Bristol,BS1 4DJ
            2,Siobhan,Marlowe,3 Quay Street,,Bristol,BS1 4DJ,,,
            3,Siobhan,Marlowe,Flat 2,7 Hope Road,Leeds,LS6 2AB,Flat 2 7 Hope Road,Leeds,LS6 2AB
            4,Siobhan,Marlowe,,,,,3 Quay Street,Bristol,BS1 4DJ

            """
        let map = [
            "given_name=first", "surname=last", "address=line1,line2", "town=town", "postcode=postcode",
            "previous_address=prev_line", "previous_town=prev_town", "previous_postcode=prev_postcode",
        ]
        let people = try await PersonFile.prepare(csv: Array(text.utf8), idColumn: "id", map: map)
        // Read in place, as `resolve` reads a file, and row by row, as imports and tests do: the same people.
        let header = try CSV.parse(Array(text.utf8))[0]
        let mapping = try ColumnMapping.parse(idColumn: "id", entries: map, header: header)
        let rows = try CSV.parse(Array(text.utf8)).dropFirst().filter { $0.count > 1 }
        #expect(rows.map { PreparedPerson(mapping.record($0, header: header)).packed } == people.map(\.packed))
        let moved = Comparator.compare(people[0], people[1])
        #expect(moved[.location] == 1 && moved.otherAddress)
        #expect(Comparator.compare(people[1], people[0])[.location] == 1)
        // A previous address the same as the present one is not another; one given alone is still compared.
        #expect(people[2].withView { $0.otherPlaces.isEmpty } && !people[0].withView { $0.otherPlaces.isEmpty })
        #expect(people[3].address.isEmpty && Comparator.compare(people[3], people[1])[.location] == 1)
        // Found there as well: a previous postcode or street address makes the keys the present one does.
        func keys(_ person: PreparedPerson, _ rule: BlockingRule) -> Set<UInt64> {
            var out: [UInt64] = []
            person.withView { rule.keys($0, into: &out) }
            return Set(out)
        }
        for rule in [BlockingRule.postcodeInitial, .addressInitial] {
            #expect(!keys(people[0], rule).isDisjoint(with: keys(people[1], rule)))
            #expect(keys(people[2], rule).isDisjoint(with: keys(people[1], rule)))
        }
        // Columns named as the fields are mapped without being asked.
        let named = try ColumnMapping.parse(
            idColumn: "id", entries: [], header: ["id", "surname", "previous_address", "previous_postcode"])
        #expect(named.fields[.previousAddress] == ["previous_address"] && named.fields[.previousPostcode] != nil)
    }

    @Test("dates of birth that cannot be read count as missing, and the file says how many and where the first is")
    func unreadDates() async throws {
        let text =
            "id,last,dob\n1,Smith,03/07/1985\n2,Jones,n/k\n3,Lee,\n4,Ng,   \n5,Okafor,1985-13-45\n6,Ali,1985\n"
        let contents = try await PersonFile.read(
            csv: Array(text.utf8), idColumn: "id", map: ["surname=last", "date_of_birth=dob"])
        #expect(contents.people.map { $0.dateOfBirth == nil } == [false, true, true, true, true, false])
        // Blank values are missing, not unread; the rest are counted over every piece of the file.
        #expect(contents.unreadDates == PersonFile.Unread(count: 2, firstRow: 3, firstValue: "n/k"))
        // A file large enough to be read in pieces on every core.
        let many =
            "id,dob\n" + (1...40_000).map { "\($0),\($0 % 10_000 == 0 ? "unknown" : "1990")" }.joined(separator: "\n")
        let counted = try await PersonFile.read(csv: Array(many.utf8), idColumn: "id", map: ["date_of_birth=dob"])
        #expect(counted.people.count == 40_000)
        #expect(counted.unreadDates == PersonFile.Unread(count: 4, firstRow: 10_001, firstValue: "unknown"))
        // Dates in another pattern than the one given are not read either.
        let wrongPattern = try await PersonFile.read(
            csv: Array("id,dob\n1,19850703\n".utf8), idColumn: "id", map: ["date_of_birth=dob"],
            dateFormat: "dd/MM/yyyy")
        #expect(wrongPattern.unreadDates?.count == 1 && wrongPattern.people[0].dateOfBirth == nil)
        let none = try await PersonFile.read(
            csv: Array("id,dob\n1,19850703\n".utf8), idColumn: "id", map: ["date_of_birth=dob"],
            dateFormat: "yyyyMMdd")
        #expect(none.unreadDates == nil && none.people[0].dateOfBirth?.year == 1985)
    }

    @Test("rows with more or fewer columns than the header are read, and the file says how many and where the first is")
    func raggedRows() async throws {
        let text = "id,last,dob\n1,Smith,1985-07-03\n2,Jones\n3,Lee,1990-01-02,extra\n4,Ng,1971-05-06\n"
        let contents = try await PersonFile.read(
            csv: Array(text.utf8), idColumn: "id", map: ["surname=last", "date_of_birth=dob"])
        // The short row's missing date counts as empty; the long row's extra column is not read.
        #expect(contents.people.map(\.id) == ["1", "2", "3", "4"])
        #expect(contents.people.map { $0.dateOfBirth?.year } == [1985, nil, 1990, 1971])
        #expect(contents.raggedRows == PersonFile.Ragged(count: 2, firstRow: 3, firstColumns: 2, columns: 3))
        #expect(contents.unreadDates == nil)
        // Counted over every piece of a file large enough to be read on every core.
        let many = "id,dob\n" + (1...40_000).map { $0 % 10_000 == 0 ? "\($0)" : "\($0),1990" }.joined(separator: "\n")
        let counted = try await PersonFile.read(csv: Array(many.utf8), idColumn: "id", map: ["date_of_birth=dob"])
        #expect(counted.raggedRows == PersonFile.Ragged(count: 4, firstRow: 10_001, firstColumns: 1, columns: 2))
        let even = try await PersonFile.read(csv: Array("id,dob\n1,1990\n".utf8), idColumn: "id", map: [])
        #expect(even.raggedRows == nil)
    }

    @Test(
        "every date of birth a record holds is compared: a date given with an alias is not a date that disagrees outright"
    )
    func otherDatesOfBirth() async throws {
        func held(_ dates: [String]) -> PreparedPerson {
            PreparedPerson(
                PersonRecord(
                    id: "x", values: [.givenName: ["Ilir"], .surname: ["Hoxha"], .dateOfBirth: dates]))
        }
        let both = held(["1990-04-12", "1986-11-03"])
        #expect(both.dateOfBirth == PartialDateOfBirth(year: 1990, month: 4, day: 12))
        #expect(Comparator.compare(both, held(["1986-11-03"]))[.dateOfBirth] == 1)
        #expect(Comparator.compare(held(["1986-11-03"]), both)[.dateOfBirth] == 1)
        #expect(Comparator.compare(both, held(["1986-03-11", "1971"]))[.dateOfBirth] == 2)
        #expect(Comparator.compare(both, held(["1990"]))[.dateOfBirth] == 4)
        #expect(Comparator.compare(both, held(["1970-01-01"]))[.dateOfBirth] == 6)
        #expect(Comparator.compare(both, held([]))[.dateOfBirth] == 0)
        // A date not read does not stand in for the first; the second read is the person's.
        #expect(held(["not known", "1986-11-03"]).dateOfBirth == PartialDateOfBirth(year: 1986, month: 11, day: 3))
        // In a file, each column mapped to the date of birth is one of its dates.
        let text = "id,given_name,surname,dob,dob2\n1,Ilir,Hoxha,1990-04-12,1986-11-03\n2,Ilir,Hoxha,1986-11-03,\n"
        let file = try await PersonFile.read(csv: Array(text.utf8), idColumn: "id", map: ["date_of_birth=dob,dob2"])
        #expect(Comparator.compare(file.people[0], file.people[1])[.dateOfBirth] == 1)
        // A subject's every date is compared: the one recorded with an alias finds the person, as the pages ask.
        let details = SubjectDetails(
            names: [PersonName(kind: .primary, given: "Ilir", family: "Hoxha")],
            datesOfBirth: ["1990-04-12", "1986-11-03"])
        let subject = PreparedPerson(SubjectMatching.record(id: "s", details))
        let explained = MatchExplanation(
            Comparator.compare(subject, held(["1986-11-03"])), model: SubjectMatching.model)
        #expect(explained.parts.first { $0.field == "date of birth" }?.level == "exact")
        #expect(!MatchModel.contradicts(Comparator.compare(subject, held(["1986-11-03"])).levels))
    }

    @Test("every phone number and nationality a record holds is compared: a dual national's second agrees as the first")
    func otherPhonesAndNationalities() {
        func held(phones: [String] = [], nationalities: [String] = []) -> PreparedPerson {
            PreparedPerson(
                SubjectMatching.record(
                    id: "x",
                    SubjectDetails(
                        names: [PersonName(kind: .primary, given: "Chidi", family: "Obi")],
                        nationalities: nationalities,
                        phones: phones)))
        }
        let subject = held(phones: ["07700 900123", "+44 7700 900456"], nationalities: ["GBR", "NGA"])
        #expect(subject.phone == Array("7700900123".utf8))
        #expect(Comparator.compare(subject, held(phones: ["07700900456"]))[.phone] == 1)
        #expect(Comparator.compare(held(phones: ["07700900456"]), subject)[.phone] == 1)
        #expect(Comparator.compare(subject, held(phones: ["07700900999", "07700 900 123"]))[.phone] == 1)
        #expect(Comparator.compare(subject, held(phones: ["07700900999"]))[.phone] == 2)
        #expect(Comparator.compare(subject, held())[.phone] == 0)
        #expect(Comparator.compare(subject, held(nationalities: ["NGA", "GBR"]))[.nationality] == 1)
        #expect(Comparator.compare(subject, held(nationalities: ["NGA"]))[.nationality] == 1)
        #expect(Comparator.compare(subject, held(nationalities: ["ALB"]))[.nationality] == 2)
        // A value given twice, or with no digits, is not another.
        let repeated = held(phones: ["n/a", "07700 900123", "07700900123"], nationalities: ["GBR", "gbr"])
        #expect(repeated.phone == Array("7700900123".utf8))
        #expect(repeated.withView { $0.otherPhones.isEmpty && $0.otherNationalities.isEmpty })
        // However many are recorded, the others are kept only while they fit their field, each whole.
        let many = held(phones: (0..<60).map { "077009\(String(format: "%05d", $0))" })
        #expect(Comparator.compare(many, held(phones: ["07700900022"]))[.phone] == 1)
        #expect(Comparator.compare(many, held(phones: ["07700900059"]))[.phone] == 2)
        #expect(many.withView { $0.otherPhones.count } == 23 * 11)
    }

    @Test(
        "identifiers are compared only with those of their own kind: a passport number and a police reference are not different identifiers"
    )
    func identifierKinds() async throws {
        func held(_ identifiers: [(kind: String, value: String)]) -> PreparedPerson {
            PreparedPerson(
                PersonRecord(
                    id: "x",
                    values: [
                        .givenName: ["Arben"], .surname: ["Krasniqi"],
                        .identifier: identifiers.map { PersonRecord.identifier($0.value, kind: $0.kind) },
                    ]))
        }
        let office = held([("ho-reference", "K1234567"), ("passport", "AB1234567")])
        func level(_ other: [(kind: String, value: String)]) -> UInt8 {
            Comparator.compare(office, held(other))[.identifier]
        }
        #expect(level([("pnc", "16/123456A")]) == 0)
        #expect(level([("passport", "XY7654321")]) == 3)
        #expect(level([("passport", "AB1234568")]) == 2)
        #expect(level([("pnc", "16/123456A"), ("passport", "XY7654321")]) == 3)
        // Two kinds both held and both wholly different: not one person's (unless a phone or email says otherwise).
        #expect(level([("ho-reference", "M7654321"), ("passport", "XY7654321")]) == 4)
        #expect(level([("ho-reference", "M7654321"), ("passport", "AB1234568")]) == 2)
        #expect(level([("", "M7654321"), ("passport", "XY7654321")]) == 3)
        var twoKinds = ComparisonVector()
        twoKinds[.identifier] = 4
        #expect(MatchModel.contradicts(twoKinds.levels))
        twoKinds[.phone] = 1
        #expect(!MatchModel.contradicts(twoKinds.levels))
        // The same value is the same identifier whatever kind each side gave it; a value with no kind is compared with
        // every other.
        #expect(level([("pnc", "AB1234567")]) == 1)
        #expect(level([("", "16/123456A")]) == 3)
        // The kind is not part of the identifier: the same value under either kind's name (in capitals or not).
        #expect(office.identifiers == [Array("k1234567".utf8), Array("ab1234567".utf8)])
        #expect(level([("Passport", "XY7654321")]) == 3)

        // In a file, each of several identifier columns is its own kind; one column's values are all of one.
        let text = "id,passport,ni\n1,AB1234567,\n2,,QQ123456C\n3,XY7654321,\n"
        let two = try await PersonFile.read(csv: Array(text.utf8), idColumn: "id", map: ["identifier=passport,ni"])
        #expect(
            try PersonFile.mapping(csv: Array(text.utf8), idColumn: "id", map: ["identifier=passport,ni"]).summary
                == "id ← id; identifier ← passport (passport), ni (ni)")
        #expect(Comparator.compare(two.people[0], two.people[1])[.identifier] == 0)
        #expect(Comparator.compare(two.people[0], two.people[2])[.identifier] == 3)
        let records = ColumnMapping(idColumn: "id", fields: [.identifier: ["passport", "ni"]])
            .compile(header: ["id", "passport", "ni"])
        #expect(
            Comparator.compare(
                PreparedPerson(records.record(["1", "AB1234567", ""])),
                PreparedPerson(records.record(["2", "", "QQ123456C"])))[.identifier] == 0)
        let one = try await PersonFile.read(csv: Array(text.utf8), idColumn: "id", map: ["identifier=passport"])
        #expect(one.people[0].identifiers == [Array("ab1234567".utf8)])
        #expect(Comparator.compare(one.people[0], one.people[2])[.identifier] == 3)
        // A kind named in the mapping is the kind, whatever the column is called: another agency's file, its columns
        // named its own way, is compared kind with kind.
        let theirs = "ref,Passport Number,NINO\nB1,XY7654321,\nB2,,QQ123456D\n"
        let named = try await PersonFile.read(
            csv: Array(theirs.utf8), idColumn: "ref",
            map: ["identifier.passport=Passport Number", "identifier.ni=NINO"])
        #expect(
            try PersonFile.mapping(
                csv: Array(theirs.utf8), idColumn: "ref",
                map: ["identifier.passport=Passport Number", "identifier.ni=NINO"]
            ).summary == "id ← ref; identifier ← Passport Number (passport), NINO (ni)")
        #expect(Comparator.compare(two.people[0], named.people[0])[.identifier] == 3)
        #expect(Comparator.compare(two.people[1], named.people[1])[.identifier] == 2)
        #expect(Comparator.compare(two.people[0], named.people[1])[.identifier] == 0)
        #expect(throws: PersonFile.Problem.self) {
            try PersonFile.mapping(csv: Array(theirs.utf8), idColumn: "ref", map: ["identifier.=NINO"])
        }
    }

    @Test(
        "a file written with a space after every comma, as FEBRL is published, maps by its names and reads its values whole"
    )
    func spacedFile() async throws {
        let spaced =
            "rec_id, given_name, surname, date_of_birth\nrec-1-org, michaela, neumann, 19151111\nrec-1-dup-0, michaela , neumann, 19151111\n"
        let mapping = try PersonFile.mapping(csv: Array(spaced.utf8), idColumn: "rec_id", map: [])
        #expect(
            mapping.summary == "id ← rec_id; given_name ← given_name; surname ← surname; date_of_birth ← date_of_birth")
        let people = try await PersonFile.prepare(
            csv: Array(spaced.utf8), idColumn: "rec_id", map: [], dateFormat: "yyyyMMdd")
        #expect(people.map(\.id) == ["rec-1-org", "rec-1-dup-0"])
        #expect(people[0].dateOfBirth?.year == 1915 && people[0].dateOfBirth == people[1].dateOfBirth)
        #expect(Comparator.compare(people[0], people[1]).levels.prefix(3) == [1, 1, 1])
    }

    @Test("rows read in place from a person file are prepared exactly as the same rows made into records")
    func inPlacePreparation() async throws {
        let header = [
            "id", "first", "middle", "last", "full", "aka", "dob", "sex", "pc", "house", "street", "town", "passport",
            "ni", "tel", "mail", "nat",
        ]
        let text =
            header.joined(separator: ",") + "\n"
            + [
                "1,Mohammed,,Al-Rashid,,\"Mo Rashid\",03/07/1985,m,sw1a 1aa,10,Downing St,London,P123,AB 12 34 56 C,+44 (0)7700-900123, Mo@Example.org ,GBR",
                "2,Mr,John,van der Berg,\"Berg, Jan\",,1985-7-3,F,,,\"Flat 2, \"\"The Towers\"\"\",,,,,,",
                "3,Łukasz,,Żółć,Иван Петров,\"Dr Ivan Petrov\",1985,x,M1 1AE,,,Łódź,,,,,pol",
                "4,,,,,,,,,,,,,,,,",
                "5,O'Neil,,de la Cruz,,,19850703,,E1,\"\",–,Tower Hamlets,98/123456A,98 123456 a,0,a@b.c,",
            ].joined(separator: "\n") + "\n"
        let map = [
            "given_name=first", "middle_names=middle", "surname=last", "full_name=full", "alias=aka",
            "date_of_birth=dob", "sex=sex",
            "postcode=pc", "address=house,street", "town=town", "identifier=passport,ni", "phone=tel", "email=mail",
            "nationality=nat",
        ]
        let people = try await PersonFile.prepare(csv: Array(text.utf8), idColumn: "id", map: map)
        let mapping = try ColumnMapping.parse(idColumn: "id", entries: map, header: header)
        let rows = try CSV.parse(Array(text.utf8)).dropFirst()
        #expect(people.count == 5 && rows.count == 5)
        for (person, row) in zip(people, rows) {
            let expected = PreparedPerson(mapping.record(row, header: header))
            #expect(person.id == expected.id && person.packed == expected.packed, "row \(person.id)")
        }
        #expect(people[1].names.map { String(decoding: $0.given, as: UTF8.self) } == ["john", "john"])
        #expect(people[2].names.map { String(decoding: $0.surname, as: UTF8.self) } == ["zolc", "petrov", "petrov"])
        #expect(String(decoding: people[1].address, as: UTF8.self) == "flat 2 the towers")
    }

    @Test("an edited variant list is read, and a bad line named")
    func variants() throws {
        let variants = try NameVariants.parsing("# mine\nrobert: bob, bobby\n")
        #expect(variants.canonicalGiven("bob") == "robert")
        #expect(throws: NameVariants.LineError(line: 2, reason: "expected 'name: variant, variant'")) {
            try NameVariants.parsing("a: b\nbroken")
        }
    }

    @Test("every listed word is found from its bytes, also after the lists are changed")
    func listedWords() {
        var variants = NameVariants.standard
        func bytes<R>(_ word: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
            var word = word
            return word.withUTF8(body)
        }
        for (variant, canonical) in variants.canonical {
            #expect(bytes(variant) { variants.canonical(of: $0) } == canonical, "\(variant)")
        }
        for word in variants.honorifics { #expect(bytes(word) { variants.isHonorific($0) }, "\(word)") }
        for word in variants.particles { #expect(bytes(word) { variants.isParticle($0) }, "\(word)") }
        for word in ["niamh", "smith", "rashid", "x", "drs", "alx"] {
            #expect(
                bytes(word) {
                    !variants.isHonorific($0) && !variants.isParticle($0) && variants.canonical(of: $0) == nil
                }, "\(word)")
        }
        variants.honorifics.insert("capt")
        variants.particles.insert("ap")
        #expect(bytes("capt") { variants.isHonorific($0) } && bytes("ap") { variants.isParticle($0) })
        let p = PreparedPerson(
            PersonRecord(id: "p", values: [.givenName: ["Capt Rhys"], .surname: ["ap Gruffydd"]]), variants: variants)
        #expect(p.names.first.map { String(decoding: $0.given, as: UTF8.self) } == "rhys")
        #expect(p.names.first.map { String(decoding: $0.surname, as: UTF8.self) } == "gruffydd")
    }

    @Test(
        "where records of one person are rare and strangers share names (the demonstration data), strangers are not taken for one person",
        arguments: [0, 1_200])
    func rareDuplicatesAmongNamesakes(partnerRecords: Int) async {
        // A handful of names to each origin, aliases drawn from them, and one person in forty recorded again by
        // another agency: the generator says which, so the truth is not the engine's. Then, as the browser check
        // imports, a partner's file of other people with only names and dates of birth.
        let demo = DemoData.generate(seed: 2026, subjects: 5_000, ocgs: 0)
        var partner: [PersonRecord] = []
        for i in stride(from: 1, through: partnerRecords, by: 1) {
            let born = String(format: "%04d-%02d-%02d", 1950 + i % 50, 1 + i % 12, 1 + i % 28)
            let values: [PersonField: [String]] = [
                .givenName: ["Given\(i % 17)"], .surname: ["Family\(i)"], .dateOfBirth: [born],
            ]
            partner.append(PersonRecord(id: "B\(i)", values: values))
        }
        let people = await PreparedPerson.prepareAll(
            demo.subjects.map { SubjectMatching.record(id: $0.id.rawValue, $0.details) } + partner)
        func key(_ a: String, _ b: String) -> String { a < b ? "\(a) \(b)" : "\(b) \(a)" }
        let truth = Set(demo.recordedTwice.map { key($0.original.rawValue, $0.copy.rawValue) })
        #expect(truth.count > 100)
        let scored = await Resolver(threshold: 0.5).dedupe(people).matches.map {
            (probability: $0.probability, same: truth.contains(key(people[Int($0.left)].id, people[Int($0.right)].id)))
        }
        let sure = scored.filter { $0.probability >= 0.9 }
        let right = sure.filter(\.same).count
        #expect(Double(right) >= 0.97 * Double(sure.count), "precision from 0.9: \(right) of \(sure.count)")
        #expect(Double(right) >= 0.9 * Double(truth.count), "recall from 0.9: \(right) of \(truth.count)")
        // Below certainty, about as many pairs are one person as their scores say: a fit that takes namesakes for
        // one person scores a hundred strangers 0.7 to 0.99 here.
        let unsure = scored.filter { $0.probability < 0.99 }
        let expected = unsure.map(\.probability).reduce(0, +)
        let observed = Double(unsure.filter(\.same).count)
        #expect(
            abs(expected - observed) <= max(5, 0.1 * Double(unsure.count)),
            "\(unsure.count) pairs from 0.5 to 0.99: scores add to \(expected), \(observed) are one person")
    }

    @Test(
        "a nationality agreeing counts only where neither name agrees exactly: names already say where people come from"
    )
    func nationalitySaidByNames() {
        func record(_ id: String, _ given: String, _ family: String, _ nationality: String) -> PreparedPerson {
            PreparedPerson(
                PersonRecord(
                    id: id,
                    values: [
                        .givenName: [given], .surname: [family], .dateOfBirth: ["1979-05-25"],
                        .nationality: [nationality], .identifier: [id],
                    ]))
        }
        let model = MatchModel.initial(prior: 1e-4)
        let agrees = model.weight(.nationality, level: 1)
        #expect(agrees > 1)
        // Two women of one origin with the same given name and birthday, other surnames and other passports.
        let namesakes = Comparator.compare(
            record("S7279418", "Agnieszka", "Wisniewska", "POL"), record("H7341435", "Agnieszka", "Zielinska", "POL"))
        #expect(namesakes.levels[ComparisonField.givenName.rawValue] == 1)
        #expect(namesakes.levels[ComparisonField.nationality.rawValue] == 1)
        #expect(model.weight(.nationality, in: namesakes.levels) == 0)
        // The same surname says it too; with neither name the same, the nationality counts.
        let family = Comparator.compare(
            record("A1", "Marta", "Nowak", "POL"), record("A2", "Agnieszka", "Nowak", "POL"))
        #expect(model.weight(.nationality, in: family.levels) == 0)
        let strangers = Comparator.compare(
            record("B1", "Marta", "Nowak", "POL"), record("B2", "Agnieszka", "Zielinska", "POL"))
        #expect(model.weight(.nationality, in: strangers.levels) == agrees)
        // A nationality that differs counts against whatever the names say.
        let apart = Comparator.compare(
            record("C1", "Agnieszka", "Nowak", "POL"), record("C2", "Agnieszka", "Nowak", "LTU"))
        #expect(model.weight(.nationality, in: apart.levels) < 0)
        // The explanation says why it counts for nothing.
        let note = "the same nationality counts for nothing where a name is the same: the name already says it"
        #expect(MatchExplanation(namesakes, model: model).notes.contains(note))
        #expect(MatchExplanation(family, model: model).notes.contains(note))
        #expect(!MatchExplanation(strangers, model: model).notes.contains(note))
        // The batch path, which weighs each pattern once, weighs them alike.
        for v in [namesakes, family, strangers, apart] {
            #expect(model.matchWeights([v.levels]) == [model.matchWeight(v.levels)])
        }
    }
}

@Suite("Likely matches among held subjects")
struct SubjectMatchingTests {
    @Test("a check gathers candidates with a bounded number of searches, identifiers first, broad keys last")
    func boundedSearches() {
        // Forty names whose family names sound different from one another.
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        var names: [PersonName] = []
        for i in 0..<40 {
            let family = String([letters[i % 26], letters[i / 26]]) + "kovic"
            names.append(PersonName(kind: i == 0 ? .primary : .alias, given: "Given", family: family))
        }
        let many = SubjectMatching.searches(
            SubjectDetails(names: names, identifiers: [PersonIdentifier(kind: "pnc", value: "98/123456A")]))
        #expect(many.selective.count + many.broad.count == SubjectMatching.maximumSearches)
        #expect(many.selective.first == ["98123456a"])
        #expect(
            many.selective.dropFirst().allSatisfy {
                $0.count == 1 && $0[0].hasPrefix("#") && $0[0].hasSuffix("/\(Phonetic.key("given"))~")
            })

        // One name with a full date: the date and the given name's sound narrow first; the family and year alone come last.
        let one = SubjectMatching.searches(
            SubjectDetails(
                names: [PersonName(kind: .primary, given: "Anna", family: "Kowalski")],
                datesOfBirth: ["1990-02-01"]))
        let family = Phonetic.key("kowalski")
        let given = Phonetic.key("anna")
        #expect(one.selective == [["#\(family)=19900201"], ["#\(family)/\(given)~1990"]])
        #expect(one.broad == [["#\(family)~1990"]])
    }
}
