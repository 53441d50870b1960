/// A person known to one or more agencies: a Person of Interest, a nominal, or an FNO.
public struct Subject: Codable, Sendable, Equatable, Identifiable {
    public var id: SubjectID
    public var meta: RecordMeta
    public var details: SubjectDetails
    /// Fields the access policy withheld from this copy (e.g. `details.addresses`); empty when nothing was.
    public var withheld: [String]

    public init(id: SubjectID = .make(), meta: RecordMeta, details: SubjectDetails, withheld: [String] = []) {
        self.id = id
        self.meta = meta
        self.details = details
        self.withheld = withheld
    }

    /// A copy with the named fields emptied and listed as withheld.
    public func withholding(_ fields: [String]) -> Subject {
        guard !fields.isEmpty else { return self }
        var copy = self
        for field in fields {
            switch field {
            case "details.addresses": copy.details.addresses = []
            case "details.phones": copy.details.phones = []
            default: break
            }
        }
        copy.withheld = fields
        return copy
    }

    /// "Family, Given Middle" of the primary name, for lists.
    public var displayName: String { details.primaryName?.display ?? "(no name)" }
}

/// The descriptive part of a subject: everything a user may edit.
public struct SubjectDetails: Codable, Sendable, Equatable {
    public var names: [PersonName]
    /// Full (`1985-07-03`) or partial (`1985-07`, `1985`) dates of birth.
    public var datesOfBirth: [String]
    /// Code from the `sex` reference list.
    public var sex: String?
    /// ISO 3166-1 alpha-3 codes.
    public var nationalities: [String]
    public var identifiers: [PersonIdentifier]
    public var addresses: [PostalAddress]
    public var phones: [String]
    public var notes: String?

    public init(
        names: [PersonName], datesOfBirth: [String] = [], sex: String? = nil, nationalities: [String] = [],
        identifiers: [PersonIdentifier] = [], addresses: [PostalAddress] = [], phones: [String] = [],
        notes: String? = nil
    ) {
        self.names = names
        self.datesOfBirth = datesOfBirth
        self.sex = sex
        self.nationalities = nationalities
        self.identifiers = identifiers
        self.addresses = addresses
        self.phones = phones
        self.notes = notes
    }

    private enum CodingKeys: String, CodingKey {
        case names, datesOfBirth, sex, nationalities, identifiers, addresses, phones, notes
    }

    /// Any list left out is empty: a caller who knows only a name and a date of birth sends only those.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            names: try c.decodeIfPresent([PersonName].self, forKey: .names) ?? [],
            datesOfBirth: try c.decodeIfPresent([String].self, forKey: .datesOfBirth) ?? [],
            sex: try c.decodeIfPresent(String.self, forKey: .sex),
            nationalities: try c.decodeIfPresent([String].self, forKey: .nationalities) ?? [],
            identifiers: try c.decodeIfPresent([PersonIdentifier].self, forKey: .identifiers) ?? [],
            addresses: try c.decodeIfPresent([PostalAddress].self, forKey: .addresses) ?? [],
            phones: try c.decodeIfPresent([String].self, forKey: .phones) ?? [],
            notes: try c.decodeIfPresent(String.self, forKey: .notes))
    }

    public var primaryName: PersonName? { names.first { $0.kind == .primary } ?? names.first }
    public var aliases: [PersonName] { names.filter { $0.kind != .primary } }
}

/// One name a person is known by, in any script.
public struct PersonName: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case primary, alias, birth, transliteration
    }

    public var kind: Kind
    public var given: String
    public var middle: String?
    public var family: String

    public init(kind: Kind = .primary, given: String, middle: String? = nil, family: String) {
        self.kind = kind
        self.given = given
        self.middle = middle
        self.family = family
    }

    /// "FAMILY, Given Middle" as caseworkers write names.
    public var display: String {
        let forenames = [given, middle ?? ""].filter { !$0.isEmpty }.joined(separator: " ")
        if family.isEmpty { return forenames }
        return forenames.isEmpty ? family.uppercased() : "\(family.uppercased()), \(forenames)"
    }

    public var full: String { [given, middle ?? "", family].filter { !$0.isEmpty }.joined(separator: " ") }
}

/// An identifier such as a Home Office reference, PNC ID, passport or NI number.
public struct PersonIdentifier: Codable, Sendable, Equatable {
    /// Code from the `identifier-kind` reference list.
    public var kind: String
    public var value: String
    /// Issuing country (ISO alpha-3) where it matters, e.g. for passports.
    public var issuer: String?

    public init(kind: String, value: String, issuer: String? = nil) {
        self.kind = kind
        self.value = value
        self.issuer = issuer
    }
}

/// A postal address; `postcode` is kept normalised (upper case, one space).
public struct PostalAddress: Codable, Sendable, Equatable {
    public var line: String
    public var town: String?
    public var postcode: String?
    public var country: String?

    public init(line: String, town: String? = nil, postcode: String? = nil, country: String? = nil) {
        self.line = line
        self.town = town
        self.postcode = postcode
        self.country = country
    }

    public var display: String {
        [line, town ?? "", postcode ?? "", country ?? ""].filter { !$0.isEmpty }.joined(separator: ", ")
    }
}
