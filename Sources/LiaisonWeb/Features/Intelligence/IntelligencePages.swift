import Foundation
import Hummingbird
import LiaisonCore

/// Intelligence in the pages: the reports list, the form to write one, a report with its grading, workflow,
/// sanitised versions and where it was sent (with the forms for the next step), and what was sent to the
/// user's agency.
struct IntelligencePages {
    let pages: PageRenderer
    let intelligence: IntelligenceService
    let directory: DirectoryService

    static func grading(_ form: FormData) -> IntelGrading? {
        guard let source = IntelGrading.Source(rawValue: form["gradeSource"]),
            let assessment = IntelGrading.Assessment(rawValue: form["gradeAssessment"]),
            let code = HandlingCode.Code(rawValue: form["handling"])
        else { return nil }
        return IntelGrading(
            source: source, assessment: assessment,
            handling: HandlingCode(code, conditions: form["conditions"].isEmpty ? nil : form["conditions"]))
    }

    func register(_ routes: inout RouteTable) {
        let this = self
        routes.page(.get, "/intelligence", access: .signedIn) { request, context in
            let user = try context.user()
            let canWrite = !Set(user.roles).isDisjoint(with: IntelligenceService.authorRoles)
            if request.uri.queryParameters["q"] != nil {
                do {
                    let query = try await IntelligenceAPI.query(request, directory: this.directory)
                    let result = try await this.intelligence.search(query, by: user, request: context.request)
                    let hits = result.items.map { h in
                        IntelListPage.Hit(
                            id: h.id.rawValue, date: displayBirth(h.infoDate), grade: h.grade, status: h.status,
                            snippet: h.snippet)
                    }
                    return this.pages.page(
                        IntelListPage(
                            q: query.text, search: .init(total: String(result.total), hits: hits), canWrite: canWrite),
                        title: "Intelligence search", identity: context.identity, section: "/intelligence")
                } catch let error as LiaisonError {
                    guard let problem = FormProblem(error) else { throw error }
                    return this.pages.page(
                        IntelListPage(
                            problem: problem,
                            q: request.uri.queryParameters["q"].map { $0.replacingOccurrences(of: "+", with: " ") }
                                ?? "",
                            search: .init(total: "0", hits: []), canWrite: canWrite),
                        title: "Intelligence search", identity: context.identity, section: "/intelligence",
                        status: .unprocessableContent)
                }
            }
            let found = try await this.intelligence.list(by: user, request: context.request)
            let items = found.map { r in
                IntelListPage.Item(
                    id: r.id.rawValue, date: displayBirth(r.infoDate), grade: r.gradeLabel, status: r.status,
                    text: String(r.text.prefix(140)))
            }
            return this.pages.page(
                IntelListPage(items: items, canWrite: canWrite), title: "Intelligence", identity: context.identity,
                section: "/intelligence")
        }
        routes.page(.get, "/intelligence/new", access: .roles(IntelligenceService.authorRoles)) { request, context in
            if Set(try context.user().roles).isDisjoint(with: IntelligenceService.authorRoles) {
                throw LiaisonError.forbidden(
                    reason:
                        "only intelligence officers, analysts, financial investigators and supervisors write reports")
            }
            // Opened from a person's, group's or case's page: the report is about that record.
            let about = ["subject", "ocg", "case"].compactMap { kind in
                request.uri.queryParameters[Substring(kind)].map {
                    "aboutKind=\(kind)&aboutID=\(urlEncode(String($0)))"
                }
            }.first
            return try await this.form(context: context, entered: about.map(FormData.init))
        }
        routes.page(.post, "/intelligence", access: .roles(IntelligenceService.authorRoles)) { request, context in
            let form = try await FormData.read(request)
            let user = try context.user()
            if Set(user.roles).isDisjoint(with: IntelligenceService.authorRoles) {
                throw LiaisonError.forbidden(
                    reason:
                        "only intelligence officers, analysts, financial investigators and supervisors write reports")
            }
            let about = form["aboutKind"].isEmpty ? [] : [IntelLink(kind: form["aboutKind"], value: form["aboutID"])]
            let links =
                about
                + form["links"].split(whereSeparator: \.isNewline).compactMap { line -> IntelLink? in
                    let parts = line.split(separator: ":", maxSplits: 1).map {
                        $0.trimmingCharacters(in: .whitespaces).lowercased()
                    }
                    return parts.count == 2
                        ? IntelLink(
                            kind: parts[0],
                            value: line.split(separator: ":", maxSplits: 1)[1].trimmingCharacters(in: .whitespaces))
                        : IntelLink(kind: "", value: String(line))
                }
            let input = IntelReportInput(
                text: form["text"], infoDate: form["infoDate"], place: form["place"].isEmpty ? nil : form["place"],
                source: IntelSource(
                    kind: form["sourceKind"], description: form["sourceDescription"],
                    covertReference: form["covertReference"].isEmpty ? nil : form["covertReference"]),
                links: links, grading: Self.grading(form),
                marking: Classification(rawValue: form["classification"]).map { ProtectiveMarking($0) })
            do {
                let made = try await this.intelligence.create(input, by: user, request: context.request)
                return Response.redirect(to: "/intelligence/\(made.id)?saved=1")
            } catch let error as LiaisonError {
                guard
                    let problem = FormProblem(
                        error, labels: ["infoDate": "Date of the information", "source": "Source"],
                        anchors: ["source": "sourceKind", "grading": "gradeSource", "marking": "classification"])
                else { throw error }
                return try await this.form(
                    context: context, problem: problem, entered: form, status: .unprocessableContent)
            }
        }
        routes.page(.get, "/intelligence/received", access: .signedIn) { request, context in
            let items = try await this.intelligence.received(by: try context.user(), request: context.request)
            let page = IntelReceivedPage(
                items: items.map { r in
                    .init(
                        id: r.reportID.rawValue, text: r.text, grade: r.grade, conditions: r.conditions?.nonEmpty,
                        date: displayBirth(r.infoDate), sentBy: r.dissemination.sentBy,
                        sentAt: displayTime(r.dissemination.sentAt), read: r.dissemination.readAt.map(displayTime),
                        marking: r.marking.classification.rawValue)
                }, csrf: context.identity?.csrfToken ?? "",
                notice: request.uri.queryParameters["read"] != nil ? "Marked as read." : nil)
            return this.pages.page(
                page, title: "Intelligence sent to your agency", identity: context.identity, section: "/intelligence")
        }
        routes.page(.get, "/intelligence/{id}", access: .readRecord("intel")) { request, context in
            try await this.show(
                try RequestReading.id(context), context: context,
                notice: request.uri.queryParameters["saved"] != nil ? "Saved." : nil)
        }
        routes.page(.post, "/intelligence/{id}/steps", access: .readRecord("intel")) { request, context in
            let form = try await FormData.read(request)
            let user = try context.user()
            let id: IntelReportID = try RequestReading.id(context)
            try await this.intelligence.checkRead(id, by: user)
            func text(_ name: String) -> String? { form[name].isEmpty ? nil : form[name] }
            let input = IntelStepInput(
                version: Int(form["version"]), action: text("action"), grading: Self.grading(form),
                reviewDate: text("reviewDate"),
                note: text("note"), sanitisedText: text("sanitisedText"),
                agencies: form.codes("agencies").isEmpty ? nil : form.codes("agencies"),
                sanitisedVersion: text("sanitisedVersion").flatMap(Int.init), conditions: text("sendConditions"))
            if input.action == "read" { throw LiaisonError.invalid("action", "is not a step of the report") }
            do {
                _ = try await this.intelligence.step(id, input, by: user, request: context.request)
            } catch let error as LiaisonError {
                guard let problem = FormProblem(error) else { throw error }
                return try await this.show(id, context: context, problem: problem, status: .unprocessableContent)
            }
            return Response.redirect(to: "/intelligence/\(id)?saved=1")
        }
        routes.page(.post, "/intelligence/{id}/read", access: .intelRecipient) { request, context in
            let id: IntelReportID = try RequestReading.id(context)
            _ = try await this.intelligence.step(
                id, IntelStepInput(version: nil, action: "read"), by: try context.user(), request: context.request)
            return Response.redirect(to: "/intelligence/received?read=1")
        }
    }

    func form(
        context: LiaisonRequestContext, problem: FormProblem? = nil, entered: FormData? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        var values: [String: String] = [:]
        for field in [
            "text", "infoDate-day", "infoDate-month", "infoDate-year", "place", "sourceDescription", "covertReference",
            "links", "conditions", "aboutKind", "aboutID",
        ] {
            values[field] = entered?[field]
        }
        // The record the report is about, by its name; one the user may not read is not offered.
        if let kind = values["aboutKind"], let id = values["aboutID"], !kind.isEmpty,
            let title = try await intelligence.title(kind: kind, id: id, by: try context.user())
        {
            values["aboutTitle"] = title
        } else {
            values["aboutKind"] = nil
            values["aboutID"] = nil
        }
        let page = IntelFormPage(
            csrf: context.identity?.csrfToken ?? "", problem: problem, form: values,
            sourceKinds: IntelFormPage.sourceKinds.map {
                Option(code: $0, label: $1, selected: $0 == entered?["sourceKind"])
            },
            classifications: markingOptions(for: context.identity?.user, selected: entered?["classification"]),
            grading: GradingChoices(entered))
        return pages.page(
            page, title: "Write an intelligence report", identity: context.identity, section: "/intelligence",
            status: status)
    }

    func show(
        _ id: IntelReportID, context: LiaisonRequestContext, notice: String? = nil, problem: FormProblem? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let people = try await directory.people()
        let user = try context.user()
        let r = try await intelligence.get(id, by: user, request: context.request)
        let titles = try await intelligence.linkTitles(r, by: user)
        let canChange = AccessPolicy.decide(user, .update, r.meta, kind: IntelligenceService.kind).allowed
        let supervisor = user.roles.contains(.supervisor) && user.agencyID == r.meta.owningAgencyID
        let share = AccessPolicy.decide(user, .share, r.meta, kind: IntelligenceService.kind)
        let names = Dictionary(try await directory.agencies().map { ($0.code, $0.name) }) { first, _ in first }
        let partners = try await directory.partnerAgencies().filter { $0.id != user.agencyID }
        let page = IntelReportPage(
            id: r.id.rawValue, text: r.text, date: displayBirth(r.infoDate), place: r.place?.nonEmpty, status: r.status,
            grade: r.gradeLabel,
            gradeDetail: r.grading.map {
                "source \($0.source.label); \($0.assessment.label); handling \($0.handling.code.rawValue)"
                    + ($0.handling.conditions.map { " (\($0))" } ?? "")
            },
            legacy: r.legacyGrading != nil, sourceKind: r.source.kind, sourceDescription: r.source.description,
            covertReference: r.source.covertReference?.nonEmpty,
            covertWithheld: r.withheld.contains("source.covertReference") && r.source.kind == "covert",
            links: r.links.map { link in
                .init(
                    kind: IntelLink.kindLabel(link.kind), value: titles[link.value] ?? link.value,
                    href: ["subject": "/subjects/", "ocg": "/ocgs/", "case": "/cases/"][link.kind].map {
                        $0 + link.value
                    })
            },
            linkedNames: r.linkedNames.joined(separator: ", ").nonEmpty, reviewDate: displayDay(r.reviewDate),
            sanitised: r.sanitised.map { .init(n: String($0.id), text: $0.text, by: people.name($0.writtenBy)) },
            sent: r.disseminations.map { d in
                .init(
                    agency: names[d.agencyCode] ?? d.agencyCode,
                    version: d.sanitisedVersion.map { "sanitised version \($0)" } ?? "original",
                    conditions: d.conditions?.nonEmpty, at: displayTime(d.sentAt), by: people.name(d.sentBy),
                    read: d.readAt.map { "read \(displayTime($0)) by \(people.name(d.readBy ?? ""))" })
            },
            history: r.history.reversed().map {
                .init(status: $0.status, by: people.name($0.by), at: displayTime($0.at), note: $0.note.nonEmpty)
            },
            canSubmit: canChange && r.status == "draft", canAssess: supervisor && r.status == "submitted",
            canSanitise: canChange && r.status != "draft", canSend: r.status == "recorded" && share.allowed,
            sendRefused: r.status == "recorded" && !share.allowed ? share.reasons.joined(separator: "; ") : nil,
            agencyChoices: agencyChoices(partners), version: String(r.meta.version),
            csrf: context.identity?.csrfToken ?? "", notice: notice, problem: problem, grading: GradingChoices(nil),
            marking: MarkingTag(r.meta.marking))
        return pages.page(
            page, title: "Intelligence report \(r.gradeLabel)", identity: context.identity, section: "/intelligence",
            status: status)
    }
}

/// The three choices of a 3x5x2 grading, with what was chosen before kept.
struct GradingChoices {
    let sources: [Option]
    let assessments: [Option]
    let handlings: [Option]
    let conditions: String

    init(_ entered: FormData?) {
        sources = IntelGrading.Source.allCases.map {
            Option(
                code: $0.rawValue, label: "\($0.rawValue): \($0.label)",
                selected: $0.rawValue == entered?["gradeSource"])
        }
        assessments = IntelGrading.Assessment.allCases.map {
            Option(
                code: $0.rawValue, label: "\($0.rawValue): \($0.label)",
                selected: $0.rawValue == entered?["gradeAssessment"])
        }
        handlings = [("P", "P: lawful sharing permitted"), ("C", "C: sharing permitted with conditions")].map {
            Option(code: $0, label: $1, selected: $0 == entered?["handling"])
        }
        conditions = entered?["conditions"] ?? ""
    }
}

/// The form to write an intelligence report, with what was typed kept when it is refused.
struct IntelFormPage: PageModel {
    var template: String { "intelForm" }
    let csrf: String
    let problem: FormProblem?
    /// What was typed, by field name (and the record the report is about: `aboutKind`, `aboutID`, `aboutTitle`).
    let form: [String: String]
    let sourceKinds: [Option]
    let classifications: [Option]
    let grading: GradingChoices

    static let sourceKinds = [("agency", "An agency"), ("partner", "A partner"), ("covert", "A covert source")]
}

/// One intelligence report: its grading, source, links, sanitised versions, where it was sent and its history,
/// with the forms for the steps the user may take next.
struct IntelReportPage: PageModel {
    var template: String { "intelReport" }
    let id: String
    let text: String
    let date: String
    let place: String?
    let status: String
    let grade: String
    let gradeDetail: String?
    let legacy: Bool
    let sourceKind: String
    let sourceDescription: String
    let covertReference: String?
    let covertWithheld: Bool
    let links: [Link]
    let linkedNames: String?
    let reviewDate: String?
    let sanitised: [Sanitised]
    let hasSanitised: Bool
    let sent: [Sent]
    let hasSent: Bool
    let history: [Step]
    let canSubmit: Bool
    let canAssess: Bool
    let canSanitise: Bool
    let canSend: Bool
    let sendRefused: String?
    /// The partner agencies it can be sent to (not the user's own).
    let agencyChoices: [Option]
    let version: String
    let csrf: String
    let notice: String?
    let problem: FormProblem?
    let grading: GradingChoices
    let marking: MarkingTag

    struct Link {
        let kind: String
        let value: String
        let href: String?
    }

    struct Sanitised {
        let n: String
        let text: String
        let by: String
    }

    struct Sent {
        let agency: String
        let version: String
        let conditions: String?
        let at: String
        let by: String
        let read: String?
    }

    struct Step {
        let status: String
        let by: String
        let at: String
        let note: String?
    }

    init(
        id: String, text: String, date: String, place: String?, status: String, grade: String, gradeDetail: String?,
        legacy: Bool, sourceKind: String, sourceDescription: String, covertReference: String?, covertWithheld: Bool,
        links: [Link], linkedNames: String?, reviewDate: String?, sanitised: [Sanitised], sent: [Sent],
        history: [Step], canSubmit: Bool, canAssess: Bool, canSanitise: Bool, canSend: Bool, sendRefused: String?,
        agencyChoices: [Option], version: String, csrf: String, notice: String?, problem: FormProblem?,
        grading: GradingChoices, marking: MarkingTag
    ) {
        self.id = id
        self.text = text
        self.date = date
        self.place = place
        self.status = status
        self.grade = grade
        self.gradeDetail = gradeDetail
        self.legacy = legacy
        self.sourceKind = sourceKind
        self.sourceDescription = sourceDescription
        self.covertReference = covertReference
        self.covertWithheld = covertWithheld
        self.links = links
        self.linkedNames = linkedNames
        self.reviewDate = reviewDate
        self.sanitised = sanitised
        hasSanitised = !sanitised.isEmpty
        self.sent = sent
        hasSent = !sent.isEmpty
        self.history = history
        self.canSubmit = canSubmit
        self.canAssess = canAssess
        self.canSanitise = canSanitise
        self.canSend = canSend
        self.sendRefused = sendRefused
        self.agencyChoices = agencyChoices
        self.version = version
        self.csrf = csrf
        self.notice = notice
        self.problem = problem
        self.grading = grading
        self.marking = marking
    }
}

/// The intelligence reports the user may see, latest first, or those matching a search.
struct IntelListPage: PageModel {
    var template: String { "intelList" }
    let problem: FormProblem?
    let q: String
    /// Present when the user searched: the hits, snippets only.
    let search: Search?
    let items: [Item]
    let hasItems: Bool
    let canWrite: Bool

    struct Search {
        let total: String
        let hits: [Hit]
        let hasHits: Bool

        init(total: String, hits: [Hit]) {
            self.total = total
            self.hits = hits
            hasHits = !hits.isEmpty
        }
    }

    struct Hit {
        let id: String
        let date: String
        let grade: String
        let status: String
        let snippet: String
    }

    struct Item {
        let id: String
        let date: String
        let grade: String
        let status: String
        let text: String
    }

    init(
        problem: FormProblem? = nil, q: String = "", search: Search? = nil, items: [Item] = [], canWrite: Bool
    ) {
        self.problem = problem
        self.q = q
        self.search = search
        self.items = items
        hasItems = !items.isEmpty
        self.canWrite = canWrite
    }
}

/// Intelligence disseminated to the user's agency, with the conditions that bind its use.
struct IntelReceivedPage: PageModel {
    var template: String { "intelReceived" }
    let items: [Item]
    let hasItems: Bool
    let csrf: String
    let notice: String?

    struct Item {
        let id: String
        let text: String
        let grade: String
        let conditions: String?
        let date: String
        let sentBy: String
        let sentAt: String
        let read: String?
        let marking: String
    }

    init(items: [Item], csrf: String, notice: String?) {
        self.items = items
        hasItems = !items.isEmpty
        self.csrf = csrf
        self.notice = notice
    }
}
