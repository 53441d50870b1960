/// One entry of an editable reference list (OCG bands, member roles, markets, identifier kinds…).
public struct ReferenceEntry: Codable, Sendable, Equatable {
    public var list: String
    public var code: String
    public var label: String
    public var sortOrder: Int
    public var active: Bool

    public init(list: String, code: String, label: String, sortOrder: Int, active: Bool = true) {
        self.list = list
        self.code = code
        self.label = label
        self.sortOrder = sortOrder
        self.active = active
    }
}

/// The reference lists Liaison starts with. Every list is editable data; these are only defaults.
public enum ReferenceDefaults {
    public static let lists: [String: [(code: String, label: String)]] = [
        "agency-type": [
            ("law-enforcement", "Law enforcement"), ("government-department", "Government department"),
            ("regulator", "Regulator"), ("local-authority", "Local authority"), ("private-sector", "Private sector"),
        ],
        "jurisdiction": [
            ("england-wales", "England and Wales"), ("scotland", "Scotland"), ("northern-ireland", "Northern Ireland"),
            ("uk", "United Kingdom"),
        ],
        "identifier-kind": [
            ("ho-reference", "Home Office reference"), ("pnc", "PNC ID"), ("cro", "CRO number"),
            ("passport", "Passport number"), ("ni-number", "National Insurance number"),
            ("driving-licence", "Driving licence number"), ("national-id", "National identity card"),
        ],
        "sex": [("female", "Female"), ("male", "Male"), ("unknown", "Not known")],
        "ocg-status": [("active", "Active"), ("dormant", "Dormant"), ("archived", "Archived")],
        "intervention-tactic": [
            ("arrest", "Arrest and prosecution"), ("cash-seizure", "Cash seizure"), ("restraint", "Restraint order"),
            ("scpo", "Serious Crime Prevention Order"), ("licensing", "Licensing and regulatory action"),
            ("immigration", "Immigration action"), ("vehicle-seizure", "Vehicle seizure"),
            ("tenancy", "Tenancy action"),
            ("safeguarding", "Safeguarding of exploited people"),
            ("prevent-young-people", "Prevent intervention with young people at risk"),
        ],
        "outcome-kind": [
            ("arrest", "Arrest"), ("charge", "Charge"), ("conviction", "Conviction"), ("sentence", "Sentence (months)"),
            ("seizure", "Seizure"), ("order", "Order made"), ("prohibition-notice", "Prohibition notice"),
            ("vehicle-removed", "Vehicle removed"), ("safeguarded", "People safeguarded"),
        ],
        "industry-sector": [
            ("banking", "Banking"), ("building-society", "Building societies"),
            ("money-services", "Money service businesses"),
            ("payments", "Payment and e-money firms"), ("crypto-assets", "Crypto-asset firms"),
            ("insurance", "Insurance"),
            ("accountancy", "Accountancy"), ("legal", "Legal services"), ("estate-agency", "Estate agency"),
            ("telecoms", "Telecommunications"), ("retail", "Retail"), ("logistics", "Freight and logistics"),
        ],
        "alert-category": [
            ("typology", "Typology"), ("suspicious-financial-activity", "Suspicious financial activity"),
            ("forged-identity-documents", "Forged identity documents"), ("fraud-threat", "Fraud threat"),
        ],
        "impact-level": [("major", "Major"), ("moderate", "Moderate"), ("minor", "Minor")],
        "country": CountryCodes.all,
        // The teams that may hold a Home Office file; the workflow team attaches minute sheets itself.
        "casework-team": [
            ("workflow", "Criminal casework workflow team"), ("croydon", "Casework team, Croydon"),
            ("sheffield", "Casework team, Sheffield"), ("liverpool-removals", "Removals team, Liverpool"),
            ("leeds-tribunal", "Tribunal team, Leeds"), ("glasgow", "Casework team, Glasgow"),
            ("detained-casework", "Detained casework team"), ("appeals-litigation", "Appeals and litigation team"),
        ],
        "ocg-role": [
            ("principal", "Principal"), ("significant", "Significant member"), ("member", "Member"),
            ("facilitator", "Facilitator"), ("associate", "Associate"), ("exploited", "Exploited person"),
        ],
        "ocg-band": [
            ("1a", "Band 1A"), ("1b", "Band 1B"), ("1c", "Band 1C"), ("2a", "Band 2A"), ("2b", "Band 2B"),
            ("2c", "Band 2C"), ("3a", "Band 3A"), ("3b", "Band 3B"), ("3c", "Band 3C"),
        ],
        "criminal-market": [
            ("class-a-drugs", "Class A drugs"), ("county-lines", "County lines"),
            ("organised-immigration-crime", "Organised immigration crime"),
            ("human-trafficking", "Human trafficking and modern slavery"), ("firearms", "Firearms"),
            ("fraud", "Fraud"), ("cyber-crime", "Cyber crime"), ("money-laundering", "Money laundering"),
            ("counterfeiting", "Counterfeiting"), ("acquisitive-crime", "Organised acquisitive crime"),
            ("child-sexual-exploitation", "Child sexual exploitation"), ("excise-fraud", "Excise fraud"),
        ],
        "area": [
            ("north-east", "North East"), ("north-west", "North West"), ("yorkshire", "Yorkshire and the Humber"),
            ("east-midlands", "East Midlands"), ("west-midlands", "West Midlands"), ("eastern", "Eastern"),
            ("london", "London"), ("south-east", "South East"), ("south-west", "South West"), ("wales", "Wales"),
            ("scotland", "Scotland"), ("northern-ireland", "Northern Ireland"), ("overseas", "Overseas links"),
        ],
    ]

    /// Every default entry, in list order.
    public static var entries: [ReferenceEntry] {
        lists.keys.sorted().flatMap { list in
            lists[list, default: []].enumerated().map { index, item in
                ReferenceEntry(list: list, code: item.code, label: item.label, sortOrder: (index + 1) * 10)
            }
        }
    }
}

/// A snapshot of the reference lists, used to validate codes and show labels.
public struct ReferenceData: Sendable {
    public let entries: [ReferenceEntry]
    private let index: [String: [String: ReferenceEntry]]

    public init(entries: [ReferenceEntry]) {
        self.entries = entries.sorted { ($0.list, $0.sortOrder, $0.code) < ($1.list, $1.sortOrder, $1.code) }
        var index: [String: [String: ReferenceEntry]] = [:]
        for entry in entries { index[entry.list, default: [:]][entry.code] = entry }
        self.index = index
    }

    public static let defaults = ReferenceData(entries: ReferenceDefaults.entries)

    /// Active entries of one list, in display order.
    public func list(_ name: String) -> [ReferenceEntry] { entries.filter { $0.list == name && $0.active } }

    public func contains(_ code: String, in list: String) -> Bool { index[list]?[code]?.active == true }

    public func label(_ code: String, in list: String) -> String { index[list]?[code]?.label ?? code }

    public var listNames: [String] { Array(Set(entries.map(\.list))).sorted() }
}
