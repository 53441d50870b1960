import Foundation
import LiaisonCore

/// A deterministic synthetic dataset: agencies, users, subjects with realistic name variation, and OCGs.
///
/// Every name is assembled at random from common given names and surnames; no record describes a real person.
public struct DemoDataset: Sendable {
    public var agencies: [Agency]
    public var users: [User]
    public var subjects: [Subject]
    public var ocgs: [OCG]
    /// The people recorded twice on purpose (see `DemoData.recordedTwice`): each the original's ID and its copy's.
    /// Any other two subjects are two people.
    public var recordedTwice: [(original: SubjectID, copy: SubjectID)] = []

    /// The password every demo user signs in with.
    public static let password = "liaison-demo"
}

public enum DemoData {
    /// A name in a source script with its usual Latin spelling and common variant spellings.
    struct NameForm {
        let latin: String
        let native: String?
        let variants: [String]
        init(_ latin: String, _ native: String? = nil, _ variants: [String] = []) {
            self.latin = latin
            self.native = native
            self.variants = variants
        }
    }

    struct Culture {
        let nationality: String
        let given: [NameForm]
        let family: [NameForm]
        let weight: Int
    }

    static let cultures: [Culture] = [
        Culture(
            nationality: "GBR",
            given: [
                "James", "Daniel", "Thomas", "Ryan", "Liam", "Sophie", "Emma", "Chloe", "Jack", "Connor", "Kyle",
                "Jade", "Lewis", "Callum", "Megan",
            ].map { NameForm($0) },
            family: [
                "Smith", "Jones", "Taylor", "Brown", "Wilson", "Evans", "Walker", "Wright", "Robinson", "Thompson",
                "Hughes", "Clarke", "Kelly", "Doyle", "McGrath", "O'Neill", "Fletcher", "Barker",
            ].map { NameForm($0) }, weight: 30),
        Culture(
            nationality: "ALB",
            given: [
                NameForm("Arben"), NameForm("Besnik"), NameForm("Dritan"), NameForm("Ermal"), NameForm("Gentian"),
                NameForm("Klodian"), NameForm("Elira"), NameForm("Blerina"),
            ],
            family: [
                NameForm("Hoxha"), NameForm("Krasniqi"), NameForm("Gashi"), NameForm("Berisha", nil, ["Berishaj"]),
                NameForm("Shehu"), NameForm("Dervishi"), NameForm("Kola"), NameForm("Leka"),
            ], weight: 10),
        Culture(
            nationality: "RUS",
            given: [
                NameForm("Ivan", "Иван"), NameForm("Dmitri", "Дмитрий", ["Dmitriy", "Dmitry"]),
                NameForm("Sergei", "Сергей", ["Sergey"]), NameForm("Olga", "Ольга"),
                NameForm("Yelena", "Елена", ["Elena"]),
                NameForm("Aleksandr", "Александр", ["Alexander", "Aleksander"]),
            ],
            family: [
                NameForm("Petrov", "Петров"), NameForm("Volkov", "Волков"), NameForm("Sokolov", "Соколов"),
                NameForm("Kuznetsov", "Кузнецов", ["Kouznetsov"]), NameForm("Morozov", "Морозов"),
                NameForm("Fedorov", "Федоров", ["Fyodorov"]),
            ], weight: 6),
        Culture(
            nationality: "UKR",
            given: [
                NameForm("Oleksandr", "Олександр"), NameForm("Mykola", "Микола"), NameForm("Yuliia", "Юлія", ["Yulia"]),
                NameForm("Andriy", "Андрій", ["Andrii"]),
            ],
            family: [
                NameForm("Shevchenko", "Шевченко"), NameForm("Kovalenko", "Коваленко"),
                NameForm("Bondarenko", "Бондаренко"), NameForm("Tkachenko", "Ткаченко"),
            ], weight: 4),
        Culture(
            nationality: "GRC",
            given: [
                NameForm("Georgios", "Γεώργιος", ["Giorgos"]), NameForm("Dimitrios", "Δημήτριος"),
                NameForm("Nikolaos", "Νικόλαος", ["Nikos"]), NameForm("Eleni", "Ελένη"),
            ],
            family: [
                NameForm("Papadopoulos", "Παπαδόπουλος"), NameForm("Georgiou", "Γεωργίου"),
                NameForm("Nikolaidis", "Νικολαΐδης"), NameForm("Karagiannis", "Καραγιάννης"),
            ], weight: 3),
        Culture(
            nationality: "IRQ",
            given: [
                NameForm("Mohammed", "محمد", ["Muhammad", "Mohamed", "Mohammad"]), NameForm("Ahmed", "أحمد", ["Ahmad"]),
                NameForm("Omar", "عمر", ["Umar"]), NameForm("Hassan", "حسن", ["Hasan"]),
                NameForm("Youssef", "يوسف", ["Yusuf", "Yousef"]), NameForm("Fatima", "فاطمة", ["Fatimah"]),
            ],
            family: [
                NameForm("Al-Rashid", "الرشيد", ["Alrashid", "Al Rashid", "Rashid"]),
                NameForm("Hussein", "حسين", ["Hussain", "Husein"]), NameForm("Al-Amin", "الأمين", ["Alamin"]),
                NameForm("Khalil", "خليل"), NameForm("Mansour", "منصور", ["Mansur"]),
            ], weight: 7),
        Culture(
            nationality: "VNM",
            given: [
                NameForm("Van Minh"), NameForm("Thi Lan"), NameForm("Duc Anh"), NameForm("Quang"), NameForm("Hoang"),
            ],
            family: [
                NameForm("Nguyen", nil, ["Nguyễn"]), NameForm("Tran", nil, ["Trần"]), NameForm("Le", nil, ["Lê"]),
                NameForm("Pham", nil, ["Phạm"]), NameForm("Hoang", nil, ["Huynh"]),
            ], weight: 6),
        Culture(
            nationality: "POL",
            given: [
                NameForm("Łukasz", nil, ["Lukasz"]), NameForm("Paweł", nil, ["Pawel"]), NameForm("Krzysztof"),
                NameForm("Agnieszka"), NameForm("Tomasz"),
            ],
            family: [
                NameForm("Kowalski"), NameForm("Wiśniewski", nil, ["Wisniewski"]),
                NameForm("Zieliński", nil, ["Zielinski"]), NameForm("Żółć", nil, ["Zolc"]), NameForm("Nowak"),
            ], weight: 6),
        Culture(
            nationality: "ROU",
            given: [
                NameForm("Ionuț", nil, ["Ionut"]), NameForm("Andrei"), NameForm("Florin"), NameForm("Mihaela"),
                NameForm("Gheorghe"),
            ],
            family: [
                NameForm("Popescu"), NameForm("Ionescu"), NameForm("Stănescu", nil, ["Stanescu"]), NameForm("Dumitru"),
                NameForm("Constantin"),
            ], weight: 5),
        Culture(
            nationality: "NGA",
            given: [
                NameForm("Chinedu"), NameForm("Oluwaseun", nil, ["Seun"]), NameForm("Emeka"), NameForm("Ngozi"),
                NameForm("Babatunde", nil, ["Tunde"]),
            ],
            family: [
                NameForm("Okafor"), NameForm("Adeyemi"), NameForm("Okonkwo"), NameForm("Balogun"), NameForm("Eze"),
            ], weight: 5),
        Culture(
            nationality: "TUR",
            given: [
                NameForm("Mehmet", nil, ["Mehmed"]), NameForm("Emre"), NameForm("Serkan"),
                NameForm("Ayşe", nil, ["Ayse"]), NameForm("İbrahim", nil, ["Ibrahim"]),
            ],
            family: [
                NameForm("Yılmaz", nil, ["Yilmaz"]), NameForm("Kaya"), NameForm("Demir"),
                NameForm("Şahin", nil, ["Sahin"]), NameForm("Öztürk", nil, ["Ozturk"]),
            ], weight: 5),
    ]

    static let agencySpecs: [(code: String, name: String, type: String, jurisdiction: String)] = [
        ("NCA", "National Crime Agency", "law-enforcement", "uk"),
        ("HOCC", "Home Office Criminal Casework", "government-department", "uk"),
        ("NWROCU", "North West Regional Organised Crime Unit", "law-enforcement", "england-wales"),
        ("SEROCU", "South East Regional Organised Crime Unit", "law-enforcement", "england-wales"),
        ("MPS", "Metropolitan Police Service", "law-enforcement", "england-wales"),
        ("GMP", "Greater Manchester Police", "law-enforcement", "england-wales"),
        ("PSOS", "Police Scotland", "law-enforcement", "scotland"),
        ("PSNI", "Police Service of Northern Ireland", "law-enforcement", "northern-ireland"),
        ("HMRC", "HM Revenue and Customs", "government-department", "uk"),
        ("BF", "Border Force", "government-department", "uk"),
        ("GLAA", "Gangmasters and Labour Abuse Authority", "regulator", "england-wales"),
        ("MCC", "Manchester City Council", "local-authority", "england-wales"),
        ("NTS", "National Trading Standards", "regulator", "england-wales"),
        ("EXBANK", "Example Bank plc", "private-sector", "uk"),
    ]

    static let userSpecs: [(agency: String, handle: String, roles: [Role], vetting: Vetting)] = [
        ("NCA", "admin", [.administrator], .sc), ("NCA", "analyst", [.analyst], .dv),
        ("NCA", "intel", [.intelligenceOfficer], .sc), ("NCA", "officer", [.partnerOfficer], .sc),
        ("NCA", "finance", [.financialInvestigator], .sc), ("NCA", "auditor", [.auditor], .sc),
        ("NCA", "supervisor", [.supervisor, .intelligenceOfficer], .dv),
        ("HOCC", "workflow", [.caseworker], .bpss), ("HOCC", "owner", [.caseOwner], .sc),
        ("HOCC", "owner2", [.caseOwner], .sc), ("HOCC", "senior", [.seniorCaseworker], .sc),
        ("HOCC", "process", [.seniorCaseworker, .supervisor], .sc),
        ("NWROCU", "analyst", [.analyst], .sc), ("NWROCU", "lro", [.intelligenceOfficer], .sc),
        ("SEROCU", "analyst", [.analyst], .sc), ("SEROCU", "lro", [.intelligenceOfficer], .sc),
        ("MPS", "intel", [.intelligenceOfficer], .sc), ("MPS", "officer", [.partnerOfficer], .bpss),
        ("GMP", "intel", [.intelligenceOfficer], .sc), ("GMP", "officer", [.partnerOfficer], .bpss),
        ("PSOS", "intel", [.intelligenceOfficer], .sc), ("PSNI", "intel", [.intelligenceOfficer], .sc),
        ("HMRC", "finance", [.financialInvestigator], .sc), ("HMRC", "officer", [.partnerOfficer], .sc),
        ("BF", "officer", [.partnerOfficer], .sc), ("GLAA", "officer", [.partnerOfficer], .bpss),
        ("MCC", "officer", [.partnerOfficer], .bpss), ("NTS", "officer", [.partnerOfficer], .bpss),
        ("EXBANK", "alerts", [.industryPartner], .bpss), ("NCA", "bpss", [.analyst], .bpss),
    ]

    static let streets = [
        "High Street", "Station Road", "Church Lane", "Victoria Road", "Park Avenue", "Mill Lane", "Queens Road",
        "Canal Street", "Albert Terrace", "Market Place", "Dock Road", "Granby Row",
    ]
    static let towns: [(town: String, area: String, outward: [String])] = [
        ("Manchester", "north-west", ["M1", "M4", "M8", "M14"]), ("Liverpool", "north-west", ["L1", "L8", "L15"]),
        ("London", "london", ["E1", "N17", "SE15", "SW9", "NW10"]),
        ("Birmingham", "west-midlands", ["B5", "B10", "B21"]),
        ("Leeds", "yorkshire", ["LS6", "LS9"]), ("Bristol", "south-west", ["BS1", "BS5"]),
        ("Glasgow", "scotland", ["G1", "G31"]), ("Belfast", "northern-ireland", ["BT1", "BT12"]),
        ("Dover", "south-east", ["CT16", "CT17"]), ("Cardiff", "wales", ["CF10", "CF24"]),
        ("Nottingham", "east-midlands", ["NG1", "NG7"]), ("Newcastle upon Tyne", "north-east", ["NE1", "NE4"]),
    ]
    static let groupWords = (
        [
            "Harbour", "Northern", "Crown", "Granite", "Eastside", "Riverside", "Falcon", "Iron", "Silver", "Canal",
            "Viaduct", "Red Brick", "Anchor", "Marsh", "Copper", "Lantern",
        ],
        ["Crew", "Network", "Firm", "Syndicate", "Line", "Group", "Brothers", "Collective", "Cartel", "Organisation"]
    )
    /// Operations some records are compartmented under (need-to-know), and who is briefed into them.
    static let operations = ["OPERATION GRANITE", "OPERATION FLINT"]
    static let briefings: [String: [String]] = [
        "nca.analyst": operations, "nca.supervisor": ["OPERATION GRANITE"], "gmp.intel": ["OPERATION FLINT"],
    ]
    static let operationWords = [
        "SLATE", "GRANITE", "FLINT", "QUARTZ", "BASALT", "MARBLE", "CHALK", "OBSIDIAN", "JASPER", "ONYX", "SHALE",
        "COBALT", "NICKEL", "ZINC", "PEWTER", "TALC",
    ]

    /// Generates the dataset. The same seed and sizes always give the same records, identifiers included.
    public static func generate(
        seed: UInt64 = 2026, subjects subjectCount: Int = 5_000, ocgs ocgCount: Int = 300,
        now: Date = Date(timeIntervalSince1970: 1_790_000_000)
    ) -> DemoDataset {
        var rng = SeededRandom(seed: seed)
        let agencies = agencySpecs.map { spec in
            Agency(id: rng.id(), code: spec.code, name: spec.name, type: spec.type, jurisdiction: spec.jurisdiction)
        }
        let agencyByCode = Dictionary(uniqueKeysWithValues: agencies.map { ($0.code, $0) })
        let users = userSpecs.enumerated().map { index, spec in
            User(
                id: rng.id(), username: "\(spec.agency.lowercased()).\(spec.handle)",
                displayName: "\(spec.handle.capitalized) (\(spec.agency) demo)",
                email: "\(spec.handle)@\(spec.agency.lowercased()).demo.invalid",
                agencyID: agencyByCode[spec.agency]!.id, roles: spec.roles, vetting: spec.vetting,
                briefings: briefings["\(spec.agency.lowercased()).\(spec.handle)"] ?? [],
                // Ofcom's range for drama: never a real number.
                phone: "01632 960" + String(format: "%03d", index))
        }
        let holders = agencies.filter { $0.type != "private-sector" }
        let creators = Dictionary(grouping: users, by: \.agencyID)
        let totalWeight = cultures.map(\.weight).reduce(0, +)

        var subjects: [Subject] = []
        subjects.reserveCapacity(subjectCount)
        // The people first, then one in forty of them recorded again by another agency: `subjectCount` records in all.
        var originals = subjectCount
        while originals > 0 && originals + recordedAgain(originals) > subjectCount { originals -= 1 }
        for index in 0..<originals {
            var roll = rng.int(0...(totalWeight - 1))
            var culture = cultures[0]
            for c in cultures {
                if roll < c.weight {
                    culture = c
                    break
                }
                roll -= c.weight
            }
            let given = rng.pick(culture.given)
            let family = rng.pick(culture.family)
            var names = [PersonName(kind: .primary, given: given.latin, family: family.latin)]
            if let g = given.native ?? (family.native != nil ? given.latin : nil), let f = family.native,
                rng.chance(0.6)
            {
                names.append(PersonName(kind: .transliteration, given: given.native ?? g, family: f))
            }
            let aliasCount = rng.chance(0.45) ? rng.int(1...3) : 0
            for _ in 0..<aliasCount {
                names.append(alias(given: given, family: family, culture: culture, rng: &rng))
            }
            let year = rng.int(1962...2005)
            let month = rng.int(1...12)
            let day = rng.int(1...28)
            var dobs = [String(format: "%04d-%02d-%02d", year, month, day)]
            if rng.chance(0.08) && day <= 12 && day != month {
                dobs.append(String(format: "%04d-%02d-%02d", year, day, month))
            }
            if rng.chance(0.05) { dobs.append(String(format: "%04d", year + rng.int(-1...1))) }
            var identifiers: [PersonIdentifier] = []
            if culture.nationality != "GBR" || rng.chance(0.1) {
                identifiers.append(
                    PersonIdentifier(
                        kind: "ho-reference",
                        value: "\(rng.pick(Array("ABDFGHKMRST")))\(rng.int(1_000_000...9_999_999))"))
                if rng.chance(0.6) {
                    identifiers.append(
                        PersonIdentifier(
                            kind: "passport",
                            value:
                                "\(rng.pick(Array("ABCDEFGHJKLMNPRSTUVWXYZ")))\(rng.pick(Array("ABCDEFGHJKLMNPRSTUVWXYZ")))\(rng.int(1_000_000...9_999_999))",
                            issuer: culture.nationality))
                }
            }
            if rng.chance(0.55) {
                let pncYear = String(format: "%02d", (year + rng.int(16...20)) % 100)
                let pncNumber = String(format: "%06d", rng.int(1...999_999))
                identifiers.append(
                    PersonIdentifier(
                        kind: "pnc", value: "\(pncYear)/\(pncNumber)\(rng.pick(Array("ABCDEFGHJKLMNPQRTUVWXYZ")))"))
            }
            if rng.chance(0.4) {
                var ni = ""
                repeat {
                    ni =
                        "\(rng.pick(Array("ABCEGHJKLMNPRSTWXYZ")))\(rng.pick(Array("ABCEGHJKLMNPRSTWXYZ")))\(rng.int(100_000...999_999))\(rng.pick(Array("ABCD")))"
                } while IdentifierFormat.canonical(ni, kind: "ni-number") == nil
                identifiers.append(PersonIdentifier(kind: "ni-number", value: ni))
            }
            let town = rng.pick(towns)
            var addresses: [PostalAddress] = []
            for _ in 0..<(rng.chance(0.8) ? rng.int(1...2) : 0) {
                let postcode =
                    "\(rng.pick(town.outward)) \(rng.int(1...9))\(rng.pick(Array("ABDEFGHJLNPQRSTUWXYZ")))\(rng.pick(Array("ABDEFGHJLNPQRSTUWXYZ")))"
                addresses.append(
                    PostalAddress(
                        line: "\(rng.int(1...240)) \(rng.pick(streets))", town: town.town, postcode: postcode,
                        country: "GBR"))
            }
            let phones = rng.chance(0.6) ? ["07\(rng.int(100_000_000...999_999_999))"] : []
            var nationalities = [culture.nationality]
            if culture.nationality != "GBR" && rng.chance(0.15) { nationalities.append("GBR") }
            let owner = index % 5 == 0 ? agencyByCode["NCA"]! : rng.pick(holders)
            let creator = creators[owner.id]?.first ?? users[0]
            let markingRoll = rng.int(0...99)
            let marking: ProtectiveMarking =
                markingRoll < 70
                ? .official
                : markingRoll < 95
                    ? ProtectiveMarking(.officialSensitive, descriptors: ["PERSONAL"])
                    : ProtectiveMarking(.secret, caveats: ["UK EYES ONLY"])
            let created = now.addingTimeInterval(-Double(rng.int(0...(4 * 365 * 86_400))))
            let sharingRoll = rng.int(0...99)
            let sharing: Sharing =
                sharingRoll < 75
                ? .all
                : sharingRoll < 90
                    ? .ownerOnly
                    : Sharing(
                        withAll: false,
                        agencies: [rng.pick(holders).id, rng.pick(holders).id].filter { $0 != owner.id })
            let needToKnow: String? = rng.chance(0.02) ? rng.pick(operations) : nil
            subjects.append(
                Subject(
                    id: rng.id(),
                    meta: RecordMeta(
                        owningAgencyID: owner.id, marking: marking, sharing: sharing, needToKnow: needToKnow,
                        createdAt: created, createdBy: creator.id),
                    details: SubjectDetails(
                        names: names, datesOfBirth: dobs,
                        sex: given.latin == "Sophie"
                            || [
                                "Emma", "Chloe", "Jade", "Megan", "Elira", "Blerina", "Olga", "Yelena", "Yuliia",
                                "Eleni", "Fatima", "Thi Lan", "Agnieszka", "Mihaela", "Ngozi", "Ayşe",
                            ].contains(given.latin) ? "female" : "male",
                        nationalities: nationalities, identifiers: identifiers, addresses: addresses, phones: phones)))
        }

        var ocgs: [OCG] = []
        let lawEnforcement = agencies.filter { $0.type == "law-enforcement" }
        let markets = ReferenceDefaults.lists["criminal-market"]!.map(\.code)
        let roles = ["principal", "significant", "member", "member", "member", "facilitator", "associate"]
        for index in 0..<ocgCount where !subjects.isEmpty {
            let town = rng.pick(towns)
            let name = "\(rng.pick(groupWords.0)) \(rng.pick(groupWords.1)) (\(town.town))"
            let owner = rng.pick(lawEnforcement)
            let lead = creators[owner.id]?.first { $0.has(.intelligenceOfficer) } ?? creators[owner.id]?.first
            var members: [OCGMember] = []
            var used = Set<SubjectID>()
            for memberIndex in 0..<rng.int(3...12) {
                let subject = subjects[rng.int(0...(subjects.count - 1))]
                guard used.insert(subject.id).inserted else { continue }
                members.append(
                    OCGMember(
                        subjectID: subject.id, role: memberIndex == 0 ? "principal" : rng.pick(roles),
                        from: String(format: "%04d-%02d-01", rng.int(2015...2025), rng.int(1...12))))
            }
            let score = rng.int(40...980)
            let band = score > 700 ? "1" : score > 400 ? "2" : "3"
            let details = OCGDetails(
                name: name, operationNames: rng.chance(0.6) ? ["\(rng.pick(operationWords)) \(index + 1)"] : [],
                markets: Array(Set((0..<rng.int(1...3)).map { _ in rng.pick(markets) })).sorted(),
                areas: Array(
                    Set(
                        [town.area] + (rng.chance(0.3) ? [rng.pick(towns).area] : [])
                            + (rng.chance(0.15) ? ["overseas"] : []))
                ).sorted(),
                status: rng.chance(0.8) ? "active" : rng.chance(0.5) ? "dormant" : "archived",
                band: band + rng.pick(["a", "b", "c"]), threatScore: score, leadOfficer: lead?.id,
                summary: "Synthetic demo group operating around \(town.town).")
            let marking: ProtectiveMarking =
                rng.chance(0.85) ? ProtectiveMarking(.officialSensitive) : ProtectiveMarking(.secret)
            ocgs.append(
                OCG(
                    id: rng.id(),
                    meta: RecordMeta(
                        owningAgencyID: owner.id, marking: marking,
                        createdAt: now.addingTimeInterval(-Double(rng.int(0...(3 * 365 * 86_400)))),
                        createdBy: lead?.id ?? users[0].id),
                    details: details, members: members))
        }
        let copies = recordedTwice(subjects, holders: holders, creators: creators, now: now, rng: &rng).prefix(
            subjectCount - subjects.count)
        subjects += copies.map(\.copy)
        return DemoDataset(
            agencies: agencies, users: users, subjects: subjects, ocgs: ocgs,
            recordedTwice: copies.map { ($0.original, $0.copy.id) })
    }

    /// How many of `originals` people are recorded twice.
    static func recordedAgain(_ originals: Int) -> Int { originals > 7 ? (originals - 7 + 39) / 40 : 0 }

    /// One person in forty recorded again by another agency, as agencies do: a slip in the surname or a variant of
    /// the given name, the day and month of birth sometimes swapped, some identifiers, sometimes another address.
    /// These are what the possible-duplicates queue and "do we hold this person?" are for.
    static func recordedTwice(
        _ subjects: [Subject], holders: [Agency], creators: [AgencyID: [User]], now: Date,
        rng: inout SeededRandom
    ) -> [(original: SubjectID, copy: Subject)] {
        stride(from: 7, to: subjects.count, by: 40).compactMap { index -> (original: SubjectID, copy: Subject)? in
            let original = subjects[index]
            guard let name = original.details.primaryName, let dob = original.details.datesOfBirth.first,
                case let others = holders.filter({ $0.id != original.meta.owningAgencyID }), !others.isEmpty,
                case let agency = rng.pick(others),
                let creator = creators[agency.id]?.first
            else { return nil }
            var given = name.given
            var family = name.family
            switch rng.int(0...2) {
            case 0 where family.count > 3:
                var letters = Array(family)
                let i = rng.int(1...(letters.count - 2))
                letters.swapAt(i, i + 1)
                family = String(letters)
            case 1: given = original.details.aliases.first?.given ?? given
            default: break
            }
            var birth = dob
            let parts = dob.split(separator: "-")
            if parts.count == 3, let day = Int(parts[2]), day <= 12, rng.chance(0.2) {
                birth = "\(parts[0])-\(parts[2])-\(parts[1])"
            }
            var addresses = original.details.addresses
            if rng.chance(0.4) {
                let town = rng.pick(towns)
                addresses = [
                    PostalAddress(
                        line: "\(rng.int(1...240)) \(rng.pick(streets))", town: town.town,
                        postcode:
                            "\(rng.pick(town.outward)) \(rng.int(1...9))\(rng.pick(Array("ABDEFGHJLNPQRSTUWXYZ")))\(rng.pick(Array("ABDEFGHJLNPQRSTUWXYZ")))",
                        country: "GBR")
                ]
            }
            var identifiers = original.details.identifiers.filter { _ in rng.chance(0.5) }
            // Each agency also has its own references: a police force's record of someone it has arrested carries a
            // PNC ID, casework's a Home Office reference, whether or not the first record had one. (Drawn apart from
            // the rest, so the rest of the dataset is as it was.)
            var own = SeededRandom(seed: 0x5EED_0000 &+ UInt64(index))
            let kind = agency.type == "law-enforcement" ? "pnc" : agency.code == "HOCC" ? "ho-reference" : nil
            if let kind, !original.details.identifiers.contains(where: { $0.kind == kind }), own.chance(0.5) {
                identifiers.append(
                    kind == "pnc"
                        ? PersonIdentifier(
                            kind: kind,
                            value: String(
                                format: "%02d/%06d", ((Int(parts[0]) ?? 1990) + own.int(16...20)) % 100,
                                own.int(1...999_999)) + String(own.pick(Array("ABCDEFGHJKLMNPQRTUVWXYZ"))))
                        : PersonIdentifier(
                            kind: kind, value: "\(own.pick(Array("ABDFGHKMRST")))\(own.int(1_000_000...9_999_999))"))
            }
            let details = SubjectDetails(
                names: [PersonName(kind: .primary, given: given, family: family)], datesOfBirth: [birth],
                sex: original.details.sex,
                nationalities: original.details.nationalities,
                identifiers: identifiers, addresses: addresses,
                phones: rng.chance(0.5) ? original.details.phones : [])
            let meta = RecordMeta(
                owningAgencyID: agency.id, marking: .official, sharing: .all,
                createdAt: now.addingTimeInterval(-Double(rng.int(0...(365 * 86_400)))), createdBy: creator.id)
            return (original.id, Subject(id: rng.id(), meta: meta, details: details))
        }
    }

    /// An alias: a variant spelling, a typing slip, a swapped name order, or a nickname.
    static func alias(given: NameForm, family: NameForm, culture: Culture, rng: inout SeededRandom) -> PersonName {
        switch rng.int(0...4) {
        case 0 where !given.variants.isEmpty || !family.variants.isEmpty:
            return PersonName(
                kind: .alias, given: given.variants.isEmpty ? given.latin : rng.pick(given.variants),
                family: family.variants.isEmpty ? family.latin : rng.pick(family.variants))
        case 1:
            return PersonName(kind: .alias, given: family.latin, family: given.latin)
        case 2:
            return PersonName(kind: .alias, given: misspell(given.latin, rng: &rng), family: family.latin)
        case 3:
            return PersonName(kind: .alias, given: given.latin, family: misspell(family.latin, rng: &rng))
        default:
            return PersonName(
                kind: .alias, given: rng.pick(culture.given).latin, family: family.variants.first ?? family.latin)
        }
    }

    /// A plausible keying error: a dropped, doubled or swapped letter.
    static func misspell(_ word: String, rng: inout SeededRandom) -> String {
        var chars = Array(word)
        guard chars.count > 3 else { return word }
        let i = rng.int(1...(chars.count - 2))
        switch rng.int(0...2) {
        case 0: chars.remove(at: i)
        case 1: chars.insert(chars[i], at: i)
        default: chars.swapAt(i, i + 1)
        }
        return String(chars)
    }
}
