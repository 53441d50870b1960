import Foundation

/// Honorifics to drop, surname particles to set aside, and nicknames or spelling variants that stand for one
/// canonical given name ("Bill" → "william", "Mo" → "mohammed"). The list is data: ``parsing(_:)`` reads an
/// edited copy, one canonical name per line followed by its variants.
public struct NameVariants: Sendable {
    /// Variant (folded) → canonical (folded).
    public private(set) var canonical: [String: String]
    public var honorifics: Set<String> { didSet { listed = WordFilter(self) } }
    public var particles: Set<String> { didSet { listed = WordFilter(self) } }
    /// Every word of the lists, so most words of a record are ruled out without making a String of them.
    private var listed = WordFilter()

    public init(
        groups: [String: [String]], honorifics: Set<String> = NameVariants.defaultHonorifics,
        particles: Set<String> = NameVariants.defaultParticles
    ) {
        var canonical: [String: String] = [:]
        for (name, variants) in groups {
            let key = TextNormaliser.compact(name)
            for variant in variants { canonical[TextNormaliser.compact(variant)] = key }
        }
        self.canonical = canonical
        self.honorifics = honorifics
        self.particles = particles
        listed = WordFilter(self)
    }

    /// Whether a folded word is an honorific.
    func isHonorific(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        listed.mayHold(word) && honorifics.contains(String(decoding: word, as: UTF8.self))
    }

    /// Whether a folded word is a surname particle.
    func isParticle(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        listed.mayHold(word) && particles.contains(String(decoding: word, as: UTF8.self))
    }

    /// The canonical form of a folded given name that is a listed variant.
    func canonical(of word: UnsafeBufferPointer<UInt8>) -> String? {
        listed.mayHold(word) ? canonical[String(decoding: word, as: UTF8.self)] : nil
    }

    /// A bit per hash of every listed word: a word whose bit is clear is in no list.
    private struct WordFilter: Sendable {
        private var bits = [UInt64](repeating: 0, count: 64)

        init() {}

        init(_ lists: NameVariants) {
            for word in [Array(lists.canonical.keys), Array(lists.honorifics), Array(lists.particles)].joined() {
                var word = word
                word.withUTF8 { bits[Self.bit($0) >> 6] |= 1 << UInt64(Self.bit($0) & 63) }
            }
        }

        func mayHold(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
            let bit = Self.bit(word)
            return bits[bit >> 6] >> UInt64(bit & 63) & 1 == 1
        }

        private static func bit(_ word: UnsafeBufferPointer<UInt8>) -> Int {
            var h = KeyHash(0)
            h.add(word)
            return Int(truncatingIfNeeded: h.value >> 52)
        }
    }

    /// The canonical form of a folded given name.
    public func canonicalGiven(_ name: String) -> String { canonical[name] ?? name }

    /// Reads lines `canonical: variant, variant…`; blank lines and lines starting with `#` are skipped.
    /// - Throws: ``LineError`` naming the first malformed line.
    public static func parsing(_ text: String) throws -> NameVariants {
        var groups: [String: [String]] = [:]
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, !parts[0].trimmingCharacters(in: .whitespaces).isEmpty else {
                throw LineError(line: number + 1, reason: "expected 'name: variant, variant'")
            }
            let variants = parts[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                !$0.isEmpty
            }
            groups[String(parts[0]), default: []] += variants
        }
        return NameVariants(groups: groups)
    }

    /// A problem on one line of an edited list.
    public struct LineError: Error, Sendable, Equatable, CustomStringConvertible {
        public var line: Int
        public var reason: String
        public var description: String { "line \(line): \(reason)" }
    }

    public static let defaultHonorifics: Set<String> = [
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "lord", "lady", "rev", "revd", "fr", "sheikh",
        "shaikh",
        "haji", "hajji", "hajj", "sayyid", "herr", "frau", "madame", "mme", "monsieur", "senor", "senora", "sr", "sra",
        "jr", "snr", "jnr",
    ]

    public static let defaultParticles: Set<String> = [
        "al", "el", "bin", "ibn", "bint", "abu", "van", "von", "der", "den", "de", "del", "della", "da", "di", "du",
        "la", "le", "dos", "das", "ter", "ten",
    ]

    /// A starting list of common English and transliterated given-name variants.
    public static let standard = NameVariants(groups: [
        "william": ["bill", "billy", "will", "willy", "willie", "liam", "wm"],
        "robert": ["bob", "bobby", "rob", "robbie", "bert", "robt"],
        "richard": ["dick", "rick", "ricky", "rich", "richie"],
        "james": ["jim", "jimmy", "jamie", "jas"],
        "john": ["jack", "johnny", "jon", "jonny", "ian", "ivan", "juan", "johann", "jan", "sean", "shaun"],
        "michael": ["mike", "mick", "micky", "mikey", "mikhail", "michal", "miguel"],
        "elizabeth": [
            "liz", "lizzie", "beth", "betty", "bette", "eliza", "libby", "elisabeth", "elisabet", "yelizaveta",
        ],
        "margaret": ["maggie", "meg", "peggy", "marge", "margarita", "margit"],
        "catherine": [
            "cathy", "kate", "katie", "kath", "katherine", "kathryn", "katharine", "caterina", "ekaterina",
            "yekaterina", "katya",
        ],
        "thomas": ["tom", "tommy", "tomas", "foma"],
        "anthony": ["tony", "antony", "antonio", "anton"],
        "joseph": ["joe", "joey", "jose", "josef", "yusuf", "yousef", "youssef", "iosif"],
        "edward": ["ed", "eddie", "ted", "teddy", "ned"],
        "alexander": [
            "alex", "sandy", "sasha", "aleksandr", "alexandr", "aleksander", "alexandre", "alessandro", "iskander",
            "iskandar",
        ],
        "christopher": ["chris", "kit", "christoph", "cristobal"],
        "daniel": ["dan", "danny", "daniil"],
        "david": ["dave", "davey", "davy", "dawid", "dawood", "dawud", "daud"],
        "matthew": ["matt", "matty", "matvei", "mateusz", "matteo"],
        "nicholas": ["nick", "nicky", "nikolai", "nikolay", "nicolas", "nikolaos"],
        "patrick": ["pat", "paddy", "padraig"],
        "stephen": ["steve", "steven", "stevie", "stefan", "stepan", "esteban"],
        "samuel": ["sam", "sammy"],
        "benjamin": ["ben", "benny", "benji"],
        "jennifer": ["jen", "jenny"],
        "susan": ["sue", "susie", "suzanne"],
        "deborah": ["debbie", "deb", "debra"],
        "rebecca": ["becky", "becca"],
        "victoria": ["vicky", "vikki", "tori", "viktoria"],
        "charles": ["charlie", "chuck", "chas", "carlos", "karl", "carl"],
        "frederick": ["fred", "freddie", "freddy"],
        "henry": ["harry", "hal", "hank", "heinrich", "henri", "enrique"],
        "andrew": ["andy", "drew", "andrei", "andrey", "andreas", "andrzej"],
        "peter": ["pete", "pyotr", "piotr", "pedro", "pierre"],
        "mohammed": [
            "mohammad", "muhammad", "mohamed", "muhammed", "mohamad", "muhamad", "mohamud", "mohd", "mo", "mehmet",
            "mamadou",
        ],
        "ahmed": ["ahmad", "ahmet"],
        "ibrahim": ["abraham", "ebrahim", "ibrahima"],
        "sulaiman": ["suleiman", "sulayman", "solomon", "suleyman"],
        "yaqub": ["yakub", "jacob", "yakov", "jakub"],
        "mustafa": ["mustapha", "moustafa", "mostafa"],
        "hussein": ["husain", "hussain", "husayn", "huseyin"],
        "abdullah": ["abdallah", "abdulla"],
        "olga": ["olha"],
        "sergei": ["sergey", "serhiy", "sergio", "serge"],
        "dmitri": ["dmitry", "dmitriy", "dimitri", "dimitrios"],
        "yuri": ["yury", "yuriy", "georgy", "george", "georgios", "jorge"],
        "konstantin": ["constantine", "konstantinos", "kostas"],
        "maria": ["mary", "marie", "mariya", "marija", "mariam", "maryam", "miriam", "molly", "polly"],
        "anna": ["ann", "anne", "annie", "hannah", "anya"],
        "helen": ["helena", "elena", "yelena", "ellen", "eleni"],
    ])
}
