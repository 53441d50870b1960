import Foundation
import Testing

@testable import LiaisonCore
@testable import LiaisonMatching

/// The two errors that put one person's record on another's case, and their opposites: relatives at one address
/// (a parent and child, siblings, twins, a family of four) are different people; a person who moved, or who is
/// recorded without a date of birth but with the same phone, is one. Checked on a batch `resolve` among thousands of
/// strangers and on the single-record matching the pages and hit/no-hit use.
@Suite("Families, twins and people who moved")
struct FamilyAndMoverTests {
    struct Record {
        var id: String, given: String, surname: String, dob: String?, address: String, town: String, postcode: String
        var phone: String? = nil
        var identifier: String? = nil

        var prepared: PreparedPerson {
            var values: [PersonField: [String]] = [
                .givenName: [given], .surname: [surname], .address: [address], .town: [town], .postcode: [postcode],
            ]
            values[.dateOfBirth] = dob.map { [$0] }
            values[.phone] = phone.map { [$0] }
            values[.identifier] = identifier.map { [$0] }
            return PreparedPerson(PersonRecord(id: id, values: values))
        }
    }

    static let home = (address: "14 Mill Lane", town: "Manchester", postcode: "M14 5QT")

    static func atHome(_ id: String, _ given: String, _ surname: String, _ dob: String?) -> Record {
        Record(
            id: id, given: given, surname: surname, dob: dob, address: home.address, town: home.town,
            postcode: home.postcode)
    }

    /// Relatives: different people who share a surname and a home.
    static let relatives: [[Record]] = [
        // A parent and child with similar given names.
        [atHome("parent", "John", "Hartwell", "1961-03-04"), atHome("child", "Jon", "Hartwell", "1989-07-12")],
        // Siblings whose names differ by a letter's sound.
        [atHome("sister-1", "Kristina", "Vale", "1990-02-11"), atHome("sister-2", "Christina", "Vale", "1992-06-30")],
        // Twins: born the same day, different given names.
        [atHome("twin-1", "Daniel", "Okafor", "2001-05-05"), atHome("twin-2", "Grace", "Okafor", "2001-05-05")],
        // A family of four.
        [
            atHome("father", "Peter", "Lindqvist", "1970-01-19"), atHome("mother", "Maria", "Lindqvist", "1972-08-02"),
            atHome("son", "Erik", "Lindqvist", "2000-11-23"), atHome("daughter", "Anna", "Lindqvist", "2003-04-14"),
        ],
    ]

    /// One person each: records that must be found to be the same.
    static let samePeople: [[Record]] = [
        // Moved twice: the same name and date of birth at three addresses in three towns.
        [
            Record(
                id: "mover-1", given: "Siobhan", surname: "Marlowe", dob: "1984-09-21", address: "3 Quay Street",
                town: "Bristol", postcode: "BS1 4DJ"),
            Record(
                id: "mover-2", given: "Siobhan", surname: "Marlowe", dob: "1984-09-21", address: "88 Kingsway",
                town: "Cardiff", postcode: "CF10 3AN"),
            Record(
                id: "mover-3", given: "SIOBHAN", surname: "MARLOWE", dob: "21/09/1984", address: "Flat 2, 7 Hope Road",
                town: "Leeds", postcode: "LS6 2AB"),
        ],
        // No date of birth on one record, the same name and mobile phone, another address.
        [
            Record(
                id: "phone-1", given: "Tomasz", surname: "Wierzbicki", dob: "1979-12-01", address: "5 Elm Grove",
                town: "Luton", postcode: "LU2 7FQ",
                phone: "07700900123"),
            Record(
                id: "phone-2", given: "Tomasz", surname: "Wierzbicki", dob: nil, address: "61 Station Road",
                town: "Slough", postcode: "SL1 1XX",
                phone: "07700 900123"),
        ],
    ]

    /// Thousands of strangers, with a tenth recorded twice with a slip, so that the batch has a population to measure
    /// and duplicates to learn from.
    static func population() -> [PreparedPerson] {
        var rng = SplitMix64(seed: 2026)
        func pick<T>(_ items: [T]) -> T { items[Int(rng.next() % UInt64(items.count))] }
        let given = [
            "james", "olivia", "mohammed", "amelia", "jack", "isla", "harry", "ava", "noah", "mia", "leo", "ella",
            "oscar",
            "sophie", "arthur", "grace", "aisha", "ryan", "chloe", "adam", "zara", "ethan", "lucy", "yusuf", "freya",
        ]
        let syllables = [
            "bar", "ton", "mor", "ley", "ash", "wick", "den", "ford", "hal", "ing", "rid", "son", "well", "by", "cot",
        ]
        let towns = [("Leeds", "LS"), ("Derby", "DE"), ("Hull", "HU"), ("Bath", "BA"), ("York", "YO"), ("Crewe", "CW")]
        var people: [PreparedPerson] = []
        for n in 0..<3_000 {
            let (town, area) = pick(towns)
            let record = Record(
                id: "p\(n)", given: pick(given), surname: pick(syllables) + pick(syllables) + pick(syllables),
                dob: String(
                    format: "%04d-%02d-%02d", 1940 + Int(rng.next() % 65), 1 + Int(rng.next() % 12),
                    1 + Int(rng.next() % 28)),
                address:
                    "\(1 + rng.next() % 200) \(pick(["High", "Church", "Park", "Mill"])) \(pick(["Street", "Road", "Lane"]))",
                town: town, postcode: "\(area)\(1 + rng.next() % 20) \(1 + rng.next() % 9)AB")
            people.append(record.prepared)
            if n % 10 == 0 {
                var copy = record
                copy.id += "-again"
                copy.surname = String(copy.surname.dropLast())
                people.append(copy.prepared)
            }
        }
        return people
    }

    func pairs(_ resolution: Resolution, _ people: [PreparedPerson]) -> Set<[String]> {
        Set(resolution.matches.map { [people[Int($0.left)].id, people[Int($0.right)].id].sorted() })
    }

    @Test(
        "resolve: relatives at one address are never one person; a person who moved twice, or has the same phone and no date of birth, is"
    )
    func batch() async {
        let scenario = (Self.relatives + Self.samePeople).flatMap { $0 }.map(\.prepared)
        let people = Self.population() + scenario
        let resolution = await Resolver().dedupe(people)
        let found = pairs(resolution, people)
        // The population's own duplicates are found, so the model was fitted to something.
        #expect(found.filter { $0[0].hasSuffix("-again") || $0[1].hasSuffix("-again") }.count >= 250)
        for family in Self.relatives {
            let ids = Set(family.map(\.id))
            let joined = found.filter { ids.contains($0[0]) || ids.contains($0[1]) }
            #expect(joined.isEmpty, "\(joined)")
        }
        for person in Self.samePeople {
            let ids = person.map(\.id)
            for (i, a) in ids.enumerated() {
                for b in ids[(i + 1)...] { #expect(found.contains([a, b].sorted()), "\(a) and \(b) are one person") }
            }
        }
    }

    @Test(
        "resolve: at one address a shared surname counts for next to nothing, so a parent and child recorded by initial without dates of birth are not one person"
    )
    func surnameAtOneAddress() async throws {
        // The population, and 300 households of two to four relatives: different given names and dates of birth, one
        // surname and one home each; in a third of them one member is recorded twice.
        var rng = SplitMix64(seed: 11)
        var people = Self.population()
        let given = ["amir", "bethan", "callum", "dalia", "eoin", "fatima", "gareth", "hana", "idris", "joanna"]
        for h in 0..<300 {
            let surname = "hh\(h)" + ["stone", "field", "brook", "wood"][h % 4]
            for k in 0..<(2 + h % 3) {
                let record = Record(
                    id: "h\(h)-\(k)", given: given[(h + 3 * k) % given.count], surname: surname,
                    dob: String(format: "%04d-%02d-%02d", 1950 + Int(rng.next() % 55), 1 + k, 1 + h % 28),
                    address: "\(1 + h % 90) Rowan Court", town: "Crewe", postcode: "CW\(1 + h / 90) \(h % 9)RC")
                people.append(record.prepared)
                // A third of the households have one member recorded twice.
                if k == 0 && h % 3 == 0 {
                    var again = record
                    again.id += "-again"
                    people.append(again.prepared)
                }
            }
        }
        // A father and son at one home, one recorded by his initial, neither with a date of birth; and a person
        // recorded twice at that home with the same name, the second time without a date of birth.
        let home = { (id: String, given: String, dob: String?) in
            Record(
                id: id, given: given, surname: "Pellworth", dob: dob, address: "9 Tern Close", town: "Crewe",
                postcode: "CW9 9TC"
            ).prepared
        }
        people += [
            home("father", "Robert", nil), home("son", "R", nil), home("daughter", "Imogen", "2004-02-17"),
            home("daughter-again", "Imogen", nil),
        ]
        let resolution = await Resolver().dedupe(people)
        let model = resolution.model
        // Most pairs of different people at one address share the surname, and the model measured it so.
        let atAddress = try #require(model.surnameAtAddress)
        #expect(atAddress[1] > 0.5, "\(atAddress)")
        let exact: [UInt8] = [1, 1, 0, 1, 0, 0, 0, 0, 0]
        var elsewhere = exact
        elsewhere[ComparisonField.location.rawValue] = 7
        #expect(model.weight(.surname, in: exact) < 1)
        #expect(model.weight(.surname, in: elsewhere) > 5)
        let found = pairs(resolution, people)
        #expect(!found.contains(["father", "son"]), "a parent and child at one address taken for one person")
        #expect(found.contains(["daughter", "daughter-again"]))
        // The explanation says why the surname counted for little.
        let explained = MatchExplanation(
            Comparator.compare(people[people.count - 4], people[people.count - 3]), model: model)
        #expect(explained.notes.contains { $0.contains("family members share it") })
        #expect(explained.probability < 0.9)
    }

    @Test(
        "single records, as the pages and hit/no-hit check them: a relative is not offered as the person; the mover and the phone are"
    )
    func single() {
        let held = (Self.relatives + Self.samePeople).flatMap { $0 }
        let index = PersonIndex(held.map(\.prepared), model: SubjectMatching.model)
        for family in Self.relatives {
            for member in family {
                let hits = index.query(member.prepared, threshold: 0.5).map(\.person.id).filter { $0 != member.id }
                #expect(hits.isEmpty, "\(member.id) was offered \(hits)")
            }
        }
        for person in Self.samePeople {
            for record in person {
                let hits = Set(index.query(record.prepared, threshold: 0.9).map(\.person.id))
                #expect(hits == Set(person.map(\.id)), "\(record.id) found \(hits)")
            }
        }
        // The contradiction is explained.
        let twin = MatchExplanation(
            Comparator.compare(Self.relatives[2][0].prepared, Self.relatives[2][1].prepared),
            model: SubjectMatching.model)
        #expect(twin.probability < 0.01 && twin.notes.contains { $0.contains("disagree outright") })
    }

    @Test(
        "a person known at three addresses is found at any of them as the same address, and said so; a relative at an old home is still not them"
    )
    func previousAddresses() {
        let leeds = PostalAddress(line: "Flat 2, 7 Hope Road", town: "Leeds", postcode: "LS6 2AB")
        let cardiff = PostalAddress(line: "88 Kingsway", town: "Cardiff", postcode: "CF10 3AN")
        let bristol = PostalAddress(line: "3 Quay Street", town: "Bristol", postcode: "BS1 4DJ")
        let york = PostalAddress(line: "9 Gillygate", town: "York", postcode: "YO31 7EA")
        func record(_ id: String, _ given: String, _ dob: String?, _ addresses: [PostalAddress]) -> PreparedPerson {
            PreparedPerson(
                SubjectMatching.record(
                    id: id,
                    SubjectDetails(
                        names: [PersonName(kind: .primary, given: given, family: "Marlowe")],
                        datesOfBirth: dob.map { [$0] } ?? [], addresses: addresses)))
        }
        // Held with the current address first and two earlier ones; the probes come with no date of birth.
        let held = record("held", "Siobhan", "1984-09-21", [leeds, cardiff, bristol])
        #expect(held.address == Array("flat 2 7 hope road".utf8) && held.postcode == Array("ls62ab".utf8))
        for (address, elsewhere) in [(leeds, false), (cardiff, true), (bristol, true)] {
            let probe = record("probe", "Siobhan", nil, [address])
            for vector in [Comparator.compare(probe, held), Comparator.compare(held, probe)] {
                #expect(vector[.location] == 1 && vector.otherAddress == elsewhere, "\(address.town ?? "")")
            }
        }
        // Both sides' earlier addresses are compared with each other too.
        let moved = record("moved", "Siobhan", nil, [york, cardiff])
        #expect(Comparator.compare(moved, held)[.location] == 1)
        // Known only at the current address, the held record meets a probe at Bristol as another address.
        let probe = record("probe", "Siobhan", nil, [bristol])
        let current = record("current", "Siobhan", "1984-09-21", [leeds])
        #expect(Comparator.compare(probe, current)[.location] == 7)
        let known = MatchExplanation(Comparator.compare(probe, held), model: SubjectMatching.model)
        let unknown = MatchExplanation(Comparator.compare(probe, current), model: SubjectMatching.model)
        #expect(
            known.notes.contains(MatchExplanation.otherAddress)
                && !unknown.notes.contains(MatchExplanation.otherAddress))
        #expect(known.parts.first { $0.field == "address" }?.level == "same address")
        // In the reasons the pages list, the note comes first: beside the two current addresses, "same address" would
        // not otherwise read true.
        #expect(MatchWords.summary(known).hasPrefix(MatchExplanation.otherAddress + "; "))
        #expect(!MatchWords.summary(unknown).contains(MatchExplanation.otherAddress))
        #expect(known.probability > unknown.probability + 0.2, "\(known.probability) against \(unknown.probability)")
        // As the pages and hit/no-hit search: the same woman is found from her old home; her brother, who still lives
        // there, is not offered as her.
        let index = PersonIndex([held, record("other", "Aoife", "1990-02-02", [york])], model: SubjectMatching.model)
        #expect(
            index.query(record("probe", "Siobhan", "1984-09-21", [bristol]), threshold: 0.9).map(\.person.id) == [
                "held"
            ])
        #expect(index.query(record("brother", "Declan", "1987-01-30", [bristol]), threshold: 0.5).isEmpty)
        // Places past what the field holds are left out whole; those kept are still compared.
        let many = record(
            "many", "Siobhan", nil,
            [leeds] + (1...40).map { PostalAddress(line: "\($0) Long Street", town: "Hull", postcode: "HU1 \($0)AA") })
        #expect(many.withView { $0.otherPlaces.count } <= PreparedPerson.maximumFieldBytes)
        #expect(
            Comparator.compare(
                record("p", "Siobhan", nil, [PostalAddress(line: "2 Long Street", town: "Hull", postcode: "HU1 2AA")]),
                many)[.location] == 1)
    }

    @Test(
        "a person each agency knows by its own reference is found from the other's record, with nothing counted against; a namesake's other reference of the same kind counts against"
    )
    func referencesOfTwoKinds() {
        func record(_ identifiers: [PersonIdentifier], _ line: String, _ postcode: String) -> PreparedPerson {
            PreparedPerson(
                SubjectMatching.record(
                    id: line,
                    SubjectDetails(
                        names: [PersonName(kind: .primary, given: "Arben", family: "Krasniqi")],
                        datesOfBirth: ["1990-04-12"], sex: "male", nationalities: ["ALB"], identifiers: identifiers,
                        addresses: [PostalAddress(line: line, town: "Leeds", postcode: postcode, country: "GBR")])))
        }
        // Home Office casework holds its own reference and the passport; the police record, at a later address,
        // holds the PNC ID.
        let casework = record(
            [
                PersonIdentifier(kind: "ho-reference", value: "K1234567"),
                PersonIdentifier(kind: "passport", value: "AB1234567"),
            ],
            "14 Harehills Lane", "LS8 4EX")
        let police = record([PersonIdentifier(kind: "pnc", value: "16/123456A")], "3 Roundhay Road", "LS7 1AB")
        let same = MatchExplanation(Comparator.compare(casework, police), model: SubjectMatching.model)
        #expect(same.probability >= 0.9, "\(same.probability)")
        #expect(!same.parts.contains { $0.field == "identifier" && $0.level != "missing" })
        #expect(MatchWords.describe(field: "identifier", level: "missing") == "no identifiers to compare")
        // Another man of that name and birthday, on the police's records under another PNC ID.
        let namesake = record([PersonIdentifier(kind: "pnc", value: "11/654321B")], "27 Beeston Road", "LS11 6AB")
        let other = MatchExplanation(Comparator.compare(namesake, police), model: SubjectMatching.model)
        #expect(other.probability < same.probability)
        #expect(other.parts.first { $0.field == "identifier" }?.level == "different")
        // A namesake casework knows by another Home Office reference and passport is not one person: two kinds of
        // identifier both differ.
        let stranger = record(
            [
                PersonIdentifier(kind: "ho-reference", value: "M7654321"),
                PersonIdentifier(kind: "passport", value: "XY7654321"),
            ],
            "27 Beeston Road", "LS11 6AB")
        let apart = MatchExplanation(Comparator.compare(stranger, casework), model: SubjectMatching.model)
        #expect(apart.probability < 0.01 && apart.notes.contains { $0.contains("identifiers of two kinds disagree") })
    }

    /// One man arrested 250 times (more than a block holds: ``BlockingConfiguration/maxBlockSize``), each time at
    /// another address in another postcode district and under his PNC ID, so that every key his records share is shared by all 250. One record in
    /// five spells his given name another way, and one in seven has his birthday with day and month swapped: beyond
    /// crowded keys, those share only the PNC ID with the rest.
    static func recordedOften(_ times: Int = 250) -> [Record] {
        (0..<times).map { n in
            Record(
                id: "often-\(n)", given: n % 5 == 4 ? "Keiran" : "Kieran", surname: "Doyle",
                dob: n % 7 == 6 ? "1990-02-04" : "1990-04-02", address: "\(n + 1) Canal Street", town: "Town \(n)",
                postcode: "ZZ\(n) \(n % 10)AB", identifier: "14/123456X")
        }
    }

    @Test(
        "a person recorded more often than a block holds is still found: his records are one cluster in a batch, and a new record of him is a hit"
    )
    func recordedMoreOftenThanABlockHolds() async throws {
        let often = Self.recordedOften()
        #expect(often.count > BlockingConfiguration().maxBlockSize)
        let people = Self.population() + often.map(\.prepared)
        let resolution = await Resolver().dedupe(people)
        let indices = Dictionary(uniqueKeysWithValues: people.enumerated().map { ($0.element.id, $0.offset) })
        let clusters = Clustering.clusters(
            count: people.count, pairs: resolution.matches.map { (Int($0.left), Int($0.right)) })
        let his = Set(often.map { clusters[indices[$0.id]!] })
        #expect(his.count == 1, "his 250 records fell into \(his.count) clusters")
        // Nobody else joined him.
        let joined = people.indices.filter { his.contains(clusters[$0]) && !people[$0].id.hasPrefix("often-") }
        #expect(joined.isEmpty, "\(joined.map { people[$0].id })")

        // Do we hold him? A new record, at a new address, finds him among his own records only.
        var new = often[0]
        (new.id, new.address, new.town, new.postcode) = ("new", "4 Quay Road", "Hull", "HU1 4QQ")
        let index = PersonIndex(people, model: SubjectMatching.model)
        let hits = index.query(new.prepared, threshold: 0.9)
        #expect(!hits.isEmpty)
        #expect(hits.allSatisfy { $0.person.id.hasPrefix("often-") }, "\(hits.map(\.person.id))")

        // Linked from another agency's file, the record meets his.
        let linked = await Resolver().link([new.prepared] + Self.population().prefix(500), people)
        #expect(linked.matches.contains { $0.left == 0 && people[Int($0.right)].id.hasPrefix("often-") })
    }
}

@Suite("A comparison in words")
struct MatchWordsTests {
    @Test("each level reads as people say it, an initial is not called agreement, and how much it counts is named")
    func words() async {
        let initial = Comparator.compare(
            FamilyAndMoverTests.Record(
                id: "a", given: "J", surname: "Hartwell", dob: "1961-03-04", address: "1 A Road", town: "Leeds",
                postcode: "LS1 1AA"
            ).prepared,
            FamilyAndMoverTests.Record(
                id: "b", given: "John", surname: "Hartwell", dob: "1961-03-04", address: "1 A Road", town: "Leeds",
                postcode: "LS1 1AA"
            ).prepared)
        let explanation = MatchExplanation(initial, model: SubjectMatching.model)
        let summary = MatchWords.summary(explanation)
        #expect(
            summary.contains("same surname") && summary.contains("same date of birth")
                && summary.contains("same address"))
        #expect(MatchWords.nameNotes(explanation).isEmpty)
        // How common the names are says which way it counts.
        var counted = explanation
        counted.parts.append(.init(field: MatchExplanation.nameCounts, level: "", weight: -2.5))
        #expect(MatchWords.summary(counted).hasSuffix("; the shared names are common"))
        counted.parts[counted.parts.count - 1].weight = 4
        #expect(MatchWords.summary(counted).contains("; the shared names are rare"))
        // Names not compared as written say so first: beside "Clarke, Thomas" and "Clarke, Jade", "same first name"
        // is true only of the alias.
        let withAlias = await PreparedPerson.prepareAll([
            PersonRecord(
                id: "c", values: [.givenName: ["Thomas"], .surname: ["Clarke"], .alias: ["Jade Clarke"]]),
            PersonRecord(id: "d", values: [.givenName: ["Jade"], .surname: ["Clarke"]]),
        ])
        let alias = MatchExplanation(Comparator.compare(withAlias[0], withAlias[1]), model: SubjectMatching.model)
        #expect(MatchWords.summary(alias) == "matched on an alias; same surname; same first name")
        let swapped = await PreparedPerson.prepareAll([
            PersonRecord(id: "e", values: [.givenName: ["Hartwell"], .surname: ["Jonathan"]]),
            PersonRecord(id: "f", values: [.givenName: ["Jonathan"], .surname: ["Hartwell"]]),
        ])
        #expect(
            MatchWords.nameNotes(
                MatchExplanation(Comparator.compare(swapped[0], swapped[1]), model: SubjectMatching.model))
                == ["given name and surname swapped"])
        #expect(
            MatchWords.describe(field: "given name", level: "one is an initial, and it agrees")
                == "first names differ except the initial")
        #expect(
            MatchWords.strength(12) == "strongly for" && MatchWords.strength(-12) == "strongly against"
                && MatchWords.strength(0.2) == "little either way")
        // Every level of every field has words.
        for field in ComparisonField.allCases {
            for level in field.levels.dropFirst() {
                #expect(MatchWords.phrases[field.name]?[level] != nil, "\(field.name): \(level)")
            }
        }
    }
}
