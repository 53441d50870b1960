import Foundation

/// The body of a create or update request for a subject.
public struct SubjectInput: Codable, Sendable, Equatable {
    public var details: SubjectDetails
    public var marking: ProtectiveMarking?
    /// Who may see it besides the owner; all agencies when not given on create.
    public var sharing: Sharing?
    /// The operation or case a user must be briefed into to see it.
    public var needToKnow: String?
    /// Required on update: the version the editor started from.
    public var version: Int?

    public init(
        details: SubjectDetails, marking: ProtectiveMarking? = nil, sharing: Sharing? = nil, needToKnow: String? = nil,
        version: Int? = nil
    ) {
        self.details = details
        self.marking = marking
        self.sharing = sharing
        self.needToKnow = needToKnow
        self.version = version
    }
}

/// The body of a create or update request for an OCG.
public struct OCGInput: Codable, Sendable, Equatable {
    public var details: OCGDetails
    public var members: [OCGMember]?
    public var marking: ProtectiveMarking?
    public var sharing: Sharing?
    public var needToKnow: String?
    public var version: Int?

    public init(
        details: OCGDetails, members: [OCGMember]? = nil, marking: ProtectiveMarking? = nil, sharing: Sharing? = nil,
        needToKnow: String? = nil, version: Int? = nil
    ) {
        self.details = details
        self.members = members
        self.marking = marking
        self.sharing = sharing
        self.needToKnow = needToKnow
        self.version = version
    }
}

extension SubjectDetails {
    /// Checks and tidies the details: trims text, canonicalises identifiers and postcodes, and reports every problem.
    public func validated(reference: ReferenceData, today: Date, field prefix: String = "details") throws
        -> SubjectDetails
    {
        var v = Validator()
        var clean = self
        if names.isEmpty { v.fail("\(prefix).names", "must have at least one name") }
        v.count(names, "\(prefix).names", max: 50)
        clean.names = names.enumerated().map { index, name in
            let path = "\(prefix).names[\(index)]"
            var n = name
            n.given = v.text(name.given, "\(path).given", max: 100) ?? ""
            n.middle = v.text(name.middle, "\(path).middle", max: 100)
            n.family = v.text(name.family, "\(path).family", max: 100) ?? ""
            if n.given.isEmpty && n.family.isEmpty { v.fail("\(path).family", "is needed when there is no given name") }
            return n
        }
        if !clean.names.isEmpty && !clean.names.contains(where: { $0.kind == .primary }) {
            clean.names[0].kind = .primary
        }
        if clean.names.filter({ $0.kind == .primary }).count > 1 {
            v.fail("\(prefix).names", "only one name may be the primary name")
        }
        v.count(datesOfBirth, "\(prefix).datesOfBirth", max: 10)
        clean.datesOfBirth = datesOfBirth.enumerated().compactMap { index, raw in
            let value = raw.trimmingCharacters(in: .whitespaces)
            v.partialDate(value, "\(prefix).datesOfBirth[\(index)]", today: today)
            return value
        }
        clean.sex = v.text(sex, "\(prefix).sex", max: 20)
        v.code(clean.sex, "\(prefix).sex", in: "sex", reference: reference)
        v.count(nationalities, "\(prefix).nationalities", max: 10)
        clean.nationalities = nationalities.enumerated().map { index, raw in
            let code = raw.trimmingCharacters(in: .whitespaces).uppercased()
            if code.count != 3 || !code.allSatisfy({ $0.isASCII && $0.isLetter }) {
                v.fail("\(prefix).nationalities[\(index)]", "must be an ISO 3166 alpha-3 code such as GBR")
            } else if !reference.contains(code.lowercased(), in: "country") {
                v.fail(
                    "\(prefix).nationalities[\(index)]",
                    "\(code) is not a country code in the reference list (ISO 3166 alpha-3, such as GBR)")
            }
            return code
        }
        v.count(identifiers, "\(prefix).identifiers", max: 50)
        clean.identifiers = identifiers.enumerated().map { index, identifier in
            let path = "\(prefix).identifiers[\(index)]"
            var id = identifier
            v.code(identifier.kind, "\(path).kind", in: "identifier-kind", reference: reference, required: true)
            if let canonical = IdentifierFormat.canonical(identifier.value, kind: identifier.kind) {
                id.value = canonical
            } else {
                v.fail(
                    "\(path).value",
                    "is not a valid \(reference.label(identifier.kind, in: "identifier-kind")): expected \(IdentifierFormat.hint(kind: identifier.kind))"
                )
            }
            id.issuer = v.text(identifier.issuer, "\(path).issuer", max: 3)?.uppercased()
            if let issuer = id.issuer, !reference.contains(issuer.lowercased(), in: "country") {
                v.fail(
                    "\(path).issuer",
                    "\(issuer) is not a country code in the reference list (ISO 3166 alpha-3, such as GBR)")
            }
            return id
        }
        v.count(addresses, "\(prefix).addresses", max: 50)
        clean.addresses = addresses.enumerated().map { index, address in
            let path = "\(prefix).addresses[\(index)]"
            var a = address
            a.line = v.text(address.line, "\(path).line", required: true, max: 300) ?? ""
            a.town = v.text(address.town, "\(path).town", max: 100)
            a.country = v.text(address.country, "\(path).country", max: 3)?.uppercased()
            if let country = a.country, !reference.contains(country.lowercased(), in: "country") {
                v.fail(
                    "\(path).country",
                    "\(country) is not a country code in the reference list (ISO 3166 alpha-3, such as GBR)")
            }
            if let raw = v.text(address.postcode, "\(path).postcode", max: 10) {
                if a.country == nil || a.country == "GBR" {
                    if let postcode = Postcode.normalised(raw) {
                        a.postcode = postcode
                    } else {
                        v.fail("\(path).postcode", "is not a valid UK postcode")
                    }
                } else {
                    a.postcode = raw
                }
            }
            return a
        }
        v.count(phones, "\(prefix).phones", max: 50)
        clean.phones = phones.enumerated().map { index, raw in
            let phone = v.text(raw, "\(prefix).phones[\(index)]", required: true, max: 30) ?? ""
            if !phone.isEmpty && !phone.allSatisfy({ $0.isNumber || " +-()".contains($0) }) {
                v.fail("\(prefix).phones[\(index)]", "may hold only digits, spaces and + - ( )")
            }
            return phone
        }
        clean.notes = v.text(notes, "\(prefix).notes", max: 4000)
        try v.check()
        return clean
    }
}

extension OCGDetails {
    /// Checks and tidies an OCG's details against the reference lists.
    public func validated(reference: ReferenceData, field prefix: String = "details") throws -> OCGDetails {
        var v = Validator()
        var clean = self
        clean.name = v.text(name, "\(prefix).name", required: true, max: 120) ?? ""
        v.count(operationNames, "\(prefix).operationNames", max: 20)
        clean.operationNames = operationNames.enumerated().compactMap { index, raw in
            v.text(raw, "\(prefix).operationNames[\(index)]", required: true, max: 80)
        }
        for (index, market) in markets.enumerated() {
            v.code(market, "\(prefix).markets[\(index)]", in: "criminal-market", reference: reference, required: true)
        }
        for (index, area) in areas.enumerated() {
            v.code(area, "\(prefix).areas[\(index)]", in: "area", reference: reference, required: true)
        }
        v.code(status, "\(prefix).status", in: "ocg-status", reference: reference, required: true)
        v.code(band, "\(prefix).band", in: "ocg-band", reference: reference)
        if let score = threatScore, !(0...1000).contains(score) {
            v.fail("\(prefix).threatScore", "must be between 0 and 1000")
        }
        clean.summary = v.text(summary, "\(prefix).summary", max: 4000)
        clean.plan = v.text(plan, "\(prefix).plan", max: 8000)
        try v.check()
        return clean
    }
}

extension ProtectiveMarking {
    func validated(field: String) throws -> ProtectiveMarking {
        var v = Validator()
        var clean = self
        clean.descriptors = descriptors.enumerated().compactMap {
            v.text($1, "\(field).descriptors[\($0)]", required: true, max: 40)?.uppercased()
        }
        clean.caveats = caveats.enumerated().compactMap {
            v.text($1, "\(field).caveats[\($0)]", required: true, max: 40)?.uppercased()
        }
        try v.check()
        return clean
    }
}
