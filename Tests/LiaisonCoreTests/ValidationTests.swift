import Foundation
import LiaisonCore
import Testing

@Suite("Validation")
struct ValidationTests {
    let today = Date(timeIntervalSince1970: 1_790_000_000)  // 2026-09-21

    @Test(
        "identifier formats by kind",
        arguments: [
            ("ho-reference", "b1234567", "B1234567"), ("pnc", "98/123456a", "98/123456A"),
            ("ni-number", "ab 12 34 56 c", "AB123456C"), ("passport", "ab1234567", "AB1234567"),
        ])
    func validIdentifiers(kind: String, raw: String, canonical: String) {
        #expect(IdentifierFormat.canonical(raw, kind: kind) == canonical)
    }

    @Test(
        "invalid identifiers are refused",
        arguments: [
            ("ho-reference", "1234567"), ("pnc", "98123456A"), ("ni-number", "DQ123456C"), ("ni-number", "QQ123456E"),
            ("passport", "ab!"), ("driving-licence", "SHORT"), ("other", "Ünïcode"),
        ])
    func invalidIdentifiers(kind: String, raw: String) {
        #expect(IdentifierFormat.canonical(raw, kind: kind) == nil)
    }

    @Test("partial dates of birth")
    func dates() {
        #expect(PartialDate.isValid("1985-07-03", notAfter: today))
        #expect(PartialDate.isValid("1985-07", notAfter: today))
        #expect(PartialDate.isValid("1985", notAfter: today))
        #expect(!PartialDate.isValid("1985-02-30", notAfter: today))
        #expect(!PartialDate.isValid("03/07/1985", notAfter: today))
        #expect(!PartialDate.isValid("2030-01-01", notAfter: today))
        #expect(!PartialDate.isValid("1985-13", notAfter: today))
    }

    @Test("postcodes are normalised and checked")
    func postcodes() {
        #expect(Postcode.normalised("m11ae") == "M1 1AE")
        #expect(Postcode.normalised("SW1A1AA") == "SW1A 1AA")
        #expect(Postcode.normalised("12345") == nil)
        #expect(Postcode.area("SW1A 1AA") == "SW")
    }

    @Test("every problem in a subject is reported with its field")
    func subjectErrors() throws {
        let details = SubjectDetails(
            names: [
                PersonName(given: "", family: ""),
                PersonName(kind: .alias, given: String(repeating: "x", count: 101), family: "Ok"),
            ],
            datesOfBirth: ["1985-02-30"], sex: "robot", nationalities: ["GB"],
            identifiers: [PersonIdentifier(kind: "pnc", value: "nope"), PersonIdentifier(kind: "tattoo", value: "x")],
            addresses: [PostalAddress(line: "", postcode: "XYZ")], phones: ["call me"])
        let error = #expect(throws: LiaisonError.self) {
            try details.validated(reference: .defaults, today: today)
        }
        guard case .invalid(let problems)? = error else {
            Issue.record("expected invalid, got \(String(describing: error))")
            return
        }
        let fields = Set(problems.map(\.field))
        #expect(
            fields == [
                "details.names[0].family", "details.names[1].given", "details.datesOfBirth[0]", "details.sex",
                "details.nationalities[0]", "details.identifiers[0].value", "details.identifiers[1].kind",
                "details.addresses[0].line", "details.addresses[0].postcode", "details.phones[0]",
            ])
        #expect(problems.first { $0.field == "details.identifiers[0].value" }?.reason.contains("PNC ID") == true)
    }

    @Test("a subject with no names, and control characters, are refused")
    func emptyAndControl() {
        #expect(throws: LiaisonError.invalid([FieldError("details.names", "must have at least one name")])) {
            try SubjectDetails(names: []).validated(reference: .defaults, today: today)
        }
        #expect(
            throws: LiaisonError.invalid([FieldError("details.names[0].given", "must not contain control characters")])
        ) {
            try SubjectDetails(names: [PersonName(given: "A\u{0007}b", family: "C")]).validated(
                reference: .defaults, today: today)
        }
    }

    @Test("a value a refusal quotes is cut to 40 characters and kept on one line")
    func quoted() {
        #expect(Validator.quoted("XYZ") == "'XYZ'")
        #expect(Validator.quoted(String(repeating: "a", count: 40)) == "'\(String(repeating: "a", count: 40))'")
        let long = Validator.quoted(String(repeating: "Z", count: 70_000))
        #expect(long == "'\(String(repeating: "Z", count: 39))…'" && long.count == 42)
        #expect(Validator.quoted("a\nb\u{0}c\td\u{1B}") == "'a␊b␀c␉d␛'")
    }

    @Test("OCG details are checked against the reference lists")
    func ocgErrors() {
        #expect(
            throws: LiaisonError.invalid([
                FieldError("details.name", "must not be empty"),
                FieldError("details.markets[0]", "'unicorns' is not in the criminal-market list"),
                FieldError("details.status", "'gone' is not in the ocg-status list"),
                FieldError("details.threatScore", "must be between 0 and 1000"),
            ])
        ) {
            try OCGDetails(name: " ", markets: ["unicorns"], status: "gone", threatScore: 5000).validated(
                reference: .defaults)
        }
    }
}
