import Foundation
import LiaisonCore
import Testing

@testable import LiaisonWeb

/// A typed page model's template may only name what the model holds: a misspelt or computed name (Mustache sees
/// stored properties only) would render as nothing, silently.
@Suite("Typed page models")
struct PageModelTests {
    /// One of each typed model, with every optional set and every list non-empty, so every name it can hold is seen.
    static var samples: [any PageModel] {
        [
            LayoutModel(
                title: "t", content: "c", hasErrors: true,
                user: .init(
                    displayName: "d", agencyName: "a", csrf: "x", nav: [.init(href: "/", label: "Home", current: true)])
            ),
            NewCasePage(
                csrf: "x", subjectID: "s", subjectName: "n", homeOfficeReference: "B1234567",
                teams: [.init(code: "c", label: "l", selected: true)],
                errors: [FormError(anchor: "a", message: "m")], referenceError: "e", fileLocationError: "e",
                subjectError: "e", hasErrors: true),
            CaseStepPage(
                heading: "h", caption: "c", back: "/b", action: "/a", submit: "s", csrf: "x", version: "1", intro: "i",
                fields: [
                    .text("t", "T", value: "v", hint: "h", error: "e"), .textarea("a", "A", value: "v"),
                    .select("s", "S", choices: [("c", "l")], selected: "c"),
                    .date("d", "D", value: DateAnswer(day: "1", month: "2", year: "2027"), hint: "h", error: "e"),
                ], errors: [FormError(anchor: "t", message: "m")], hasErrors: true),
            AlertListPage(
                notice: "n", confined: true, canWrite: true, isAdmin: true,
                items: [
                    .init(
                        id: "i", title: "t", category: "c", issuer: "NCA", sectors: "s", expires: "e", status: "s",
                        marking: "m", published: "p", acknowledged: "a", summary: "s")
                ], hasItems: true),
            CaseCheckPage(
                caption: "c", back: "/b", action: "/a", csrf: "x", version: "1",
                rows: [.init(label: "l", value: "v")], hidden: [.init(name: "n", value: "v")], warning: "w"),
            AlertFormPage(
                csrf: "x", problem: Self.problem, form: ["title": "t"],
                categories: [Option(code: "c", label: "l", selected: true)],
                sectors: [Tick(code: "c", label: "l", checked: true)],
                classifications: [Option(code: "OFFICIAL", label: "OFFICIAL", selected: true)]),
            AlertAudiencesPage(
                csrf: "x", notice: "n", problem: Self.problem,
                items: [.init(code: "c", name: "n", sectors: [.init(org: "o", code: "c", label: "l", checked: true)])],
                hasItems: true),
            AlertPage(
                id: "i", csrf: "x", notice: "n", problem: Self.problem, version: "1", title: "t", category: "c",
                issuer: "NCA", summary: "s", guidance: "g", sectors: "s", expires: "e", status: "s", published: "p",
                withdrawnReason: "w", indicators: [.init(kind: "k", value: "v", note: "n")], hasIndicators: true,
                sourceIntel: "s", confined: true, acknowledged: "a",
                acknowledgements: [.init(agency: "a", by: "b", at: "t")], hasAcknowledgements: true,
                feedback: [.init(agency: "a", by: "b", at: "t", rating: "r", text: "t")], hasFeedback: true,
                ratings: [.init(code: "c", label: "l")], canPublish: true, canWithdraw: true,
                marking: MarkingTag(ProtectiveMarking(.secret))),
        ]
    }

    static let problem = FormProblem(items: [.init(anchor: "a", message: "m")])

    /// Every name a template uses (`{{x}}`, `{{#x}}`, `{{^x}}`, `{{{x}}}`), its partials' included.
    static func names(in template: String) -> Set<String> {
        guard let text = Templates.all[template] else { return [] }
        var names = Set<String>()
        for match in text.matches(of: /\{\{\{?\s*([#^\/&>]?)\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}?\}\}/) {
            if match.output.1 == ">" {
                names.formUnion(Self.names(in: String(match.output.2)))
            } else if match.output.1 != "/" {
                names.insert(String(match.output.2))
            }
        }
        return names
    }

    /// Every stored property name in `value` and in the values it holds.
    static func labels(_ value: Any) -> Set<String> {
        var result = Set<String>()
        for child in Mirror(reflecting: value).children {
            if let label = child.label { result.insert(label) }
            result.formUnion(labels(child.value))
        }
        return result
    }

    @Test("every name each model's template uses is a stored property of the model")
    func templatesNameOnlyWhatTheModelHolds() {
        for sample in Self.samples {
            let template = sample.template
            let missing = Self.names(in: template).subtracting(Self.labels(sample))
            #expect(missing.isEmpty, "\(template) names \(missing.sorted()), which \(type(of: sample)) does not hold")
        }
    }

    @Test("the check finds a name the model lacks")
    func theCheckCanFail() {
        // The error summary partial reads `hasErrors`; a model without it as a stored property is caught.
        struct Computed: PageModel {
            var template: String { "caseNew" }
            let csrf: String
        }
        let missing = Self.names(in: Computed(csrf: "x").template).subtracting(Self.labels(Computed(csrf: "x")))
        #expect(missing.contains("hasErrors") && missing.contains("homeOfficeReference"))
    }
}

/// Dates typed in GOV.UK date inputs (three boxes) reach the handlers as one yyyy-mm-dd value.
@Suite("Date inputs")
struct DateInputTests {
    @Test("three boxes are read as one date; empty boxes as none; anything else as typed, for the date check")
    func boxes() {
        let form = FormData(
            "madeOn-day=1&madeOn-month=6&madeOn-year=2026&until-day=&until-month=&until-year="
                + "&dob-day=3&dob-month=&dob-year=1985&kept=2027-01-01&kept-day=9&kept-month=9&kept-year=2029")
        #expect(form["madeOn"] == "2026-06-01")
        #expect(form["until"] == "")
        #expect(form["dob"] == "3//1985")
        #expect(form["kept"] == "2027-01-01")  // a field sent whole wins over its boxes
        #expect(DateInputTests.problem(DateAnswer(day: "31", month: "2", year: "2027")) == "Date must be a real date")
        #expect(
            DateInputTests.problem(DateAnswer(day: "3", month: "", year: "")) == "Date must include a month and a year")
        #expect(DateInputTests.problem(DateAnswer(day: "27", month: "3", year: "2027")) == nil)
    }

    @Test("agencies ticked in checkboxes and agencies typed with commas read as one list of codes")
    func codes() {
        let form = FormData("agencies=NCA&agencies=HMRC&partners=GMP%2C+BF&partners=&none=")
        #expect(form.codes("agencies") == ["NCA", "HMRC"])
        #expect(form.codes("partners") == ["GMP", "BF"])
        #expect(form.codes("none").isEmpty && form.codes("absent").isEmpty)
    }

    static func problem(_ answer: DateAnswer) -> String? {
        if case .failure(let problem) = answer.date("Date") { return problem.message }
        return nil
    }
}

/// A refused form in words, each field's error linked to its input.
@Suite("Form problems")
struct FormProblemTests {
    @Test(
        "fields read in words and link to their inputs; dates typed in boxes are asked to be real; other reasons stay sentences"
    )
    func words() throws {
        let refused = try #require(
            FormProblem(
                .invalid([
                    FieldError("changeNote", "must say what changed and why"),
                    FieldError("validFrom", "must be a date as yyyy-mm-dd"),
                    FieldError("indicators[2].value", "is empty"),
                    FieldError("source.kind", "must be one of covert, open"),
                ]), labels: ["indicators": "Indicators"], anchors: ["source": "sourceKind"]))
        #expect(refused.items.map(\.anchor) == ["changeNote", "validFrom", "indicators", "sourceKind"])
        #expect(
            refused.items.map(\.message) == [
                "Change note must say what changed and why", "Valid from must be a real date", "Indicators is empty",
                "Source must be one of covert, open",
            ])
        let conflict = try #require(FormProblem(.conflict(field: "code", reason: "that code is taken")))
        #expect(conflict.items.map(\.anchor) == [nil] && conflict.items.map(\.message) == ["That code is taken"])
        #expect(FormProblem(.unauthenticated) == nil)
        // Carried through a redirect's query and read back, links included.
        let query = try #require(refused.query.removingPercentEncoding)
        let back = try #require(FormProblem(query: Substring(query)))
        #expect(back.items.map(\.anchor) == refused.items.map(\.anchor))
        #expect(back.items.map(\.message) == refused.items.map(\.message))
    }
}
