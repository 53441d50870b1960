import Foundation
import Hummingbird
import LiaisonCore

/// The casework journeys, one thing per page: a milestone (checked before it is recorded, since it notifies
/// partners and cannot be taken back), a barrier, an allocation, where the file is, an agency's interest. Each page
/// has a back link to the case, and its errors are summarised, linked to their fields and shown beside them.
struct CaseStepPages {
    let pages: PageRenderer
    let cases: CaseService
    let directory: DirectoryService

    func register(_ routes: inout RouteTable) {
        let this = self
        for step in Step.allCases {
            routes.page(.get, "/cases/{id}/\(step.rawValue)", access: step.access) { _, context in
                try await this.show(step, context: context)
            }
            routes.page(.post, "/cases/{id}/\(step.rawValue)", access: step.access) { request, context in
                try await this.submit(step, form: try await FormData.read(request), context: context)
            }
        }
    }

    /// The journeys, by the last part of their path.
    enum Step: String, CaseIterable {
        case milestone, barrier, allocation, file, interest

        var access: RouteAccess { self == .interest ? .registerInterest : .updateRecord("case") }

        var heading: String {
            switch self {
            case .milestone: "Record the next step"
            case .barrier: "Open a barrier to removal"
            case .allocation: "Allocate the case to a case owner"
            case .file: "Record where the Home Office file is"
            case .interest: "Register an agency's interest"
            }
        }

        var submit: String {
            switch self {
            case .milestone: "Continue"
            case .barrier: "Open barrier"
            case .allocation: "Allocate"
            case .file: "Record the move"
            case .interest: "Register interest"
            }
        }
    }

    /// The case, checked for the step: only those who may change it (or, for interest, register one) get a page.
    func load(_ step: Step, context: LiaisonRequestContext) async throws -> DeportationCase {
        let user = try context.user()
        let id: CaseID = try RequestReading.id(context)
        if step == .interest {
            _ = try await cases.checkInterest(id, by: user)
        } else {
            try await cases.checkChange(id, by: user)
        }
        return try await cases.get(id, by: user, request: context.request)
    }

    func show(
        _ step: Step, context: LiaisonRequestContext, form: FormData = FormData(""), errors: FormErrors = FormErrors(),
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let c = try await load(step, context: context)
        let user = try context.user()
        func error(_ field: String) -> String? { errors[field] }
        var intro: String?
        let fields: [FormField]
        switch step {
        case .milestone:
            let next = CaseRules.standard.allowed(after: c.progress.stage)
            intro = next.isEmpty ? "No further milestone can follow \(CaseMilestone.label(c.progress.stage))." : nil
            fields = [
                .select(
                    "milestone", "Milestone", choices: next.map { ($0.rawValue, $0.label) },
                    selected: form["milestone"],
                    hint: "Only the steps that may follow \(CaseMilestone.label(c.progress.stage)).",
                    error: error("milestone")),
                .textarea("reason", "Why", value: form["reason"], error: error("reason")),
                .date(
                    "removalDate", "Removal date", value: DateAnswer(form, "removalDate"),
                    hint: "For removal directions only. For example, 27 3 2027", error: error("removalDate")),
                .text(
                    "route", "Route", value: form["route"], hint: "For removal directions: the flight or crossing",
                    error: error("route")),
                .text(
                    "destination", "Destination", value: form["destination"], hint: "For removal directions",
                    error: error("destination")),
                .text(
                    "override", "Override", value: form["override"],
                    hint: "Senior caseworkers only: removal with less than 72 hours' notice to partners, and why",
                    error: error("override")),
                .text(
                    "bailConditions", "Bail conditions and restrictions", value: form["bailConditions"],
                    hint: "For bail granted", error: error("bailConditions")),
            ]
        case .barrier:
            fields = [
                .select(
                    "barrier", "Barrier", choices: BarrierKind.allCases.map { ($0.rawValue, $0.label) },
                    selected: form["barrier"], error: error("barrier")),
                .textarea(
                    "note", "Note", value: form["note"], hint: "What it is and what is awaited", error: error("note")),
            ]
        case .allocation:
            let owners = try await cases.allocatable()
            fields = [
                .select(
                    "allocateTo", "Case owner", choices: owners.map { ($0.username, $0.displayName) },
                    selected: form["allocateTo"].isEmpty ? (c.owner ?? "") : form["allocateTo"],
                    hint: "Case owners and senior caseworkers", error: error("allocateTo"))
            ]
        case .file:
            let reference = try await directory.reference()
            let holder =
                form["fileLocation"].isEmpty ? (c.fileLocation ?? CaseService.workflowTeam) : form["fileLocation"]
            fields = [
                .select(
                    "fileLocation", "The Home Office file is now with",
                    choices: reference.list(CaseService.teamList).map { ($0.code, $0.label) }, selected: holder,
                    error: error("fileLocation"))
            ]
        case .interest:
            let caseworker = AccessPolicy.decide(user, .update, c.meta, kind: CaseService.kind).allowed
            fields =
                (caseworker
                    ? [
                        .select(
                            "agencyCode", "Agency",
                            choices: [("", "Your own agency")]
                                + (try await directory.partnerAgencies()).map { ($0.code, $0.name) },
                            selected: form["agencyCode"], hint: "The agency whose email you are recording",
                            error: error("agencyCode"))
                    ] : [])
                + [
                    .textarea("reason", "Why the agency is interested", value: form["reason"], error: error("reason")),
                    .text(
                        "confiscation", "Confiscation proceedings or order", value: form["confiscation"],
                        hint: "If any", error: error("confiscation")),
                    .text(
                        "contact", "Contact point", value: form["contact"], hint: "An email address or desk",
                        error: error("contact")),
                ]
        }
        let model = CaseStepPage(
            heading: step.heading, caption: "Case \(c.homeOfficeReference) · \(c.subjectName ?? "subject withheld")",
            back: "/cases/\(c.id)", action: "/cases/\(c.id)/\(step.rawValue)", submit: step.submit,
            csrf: context.identity?.csrfToken ?? "", version: String(c.meta.version), intro: intro, fields: fields,
            errors: errors.list, hasErrors: !errors.isEmpty)
        return pages.page(model, title: step.heading, identity: context.identity, section: "/cases", status: status)
    }

    func submit(_ step: Step, form: FormData, context: LiaisonRequestContext) async throws -> Response {
        let user = try context.user()
        let c = try await load(step, context: context)
        var errors = FormErrors()
        func text(_ name: String) -> String? { form[name].isEmpty ? nil : form[name] }
        let version = Int(form["version"])
        do {
            switch step {
            case .milestone:
                let removalDate = DateAnswer(form, "removalDate")
                var removal: RemovalDirections?
                if form["milestone"].isEmpty { errors.add("milestone", "Choose the milestone") }
                if form["reason"].trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    errors.add("reason", "Say why")
                }
                if !removalDate.isEmpty {
                    switch removalDate.date("Removal date") {
                    case .success(let day): removal = RemovalDirections(day: day, form: form)
                    case .failure(let problem): errors.add("removalDate", problem.message)
                    }
                }
                guard errors.isEmpty else {
                    return try await show(
                        step, context: context, form: form, errors: errors, status: .unprocessableContent)
                }
                guard form["confirm"] == "1" else { return try await check(c, form: form, context: context) }
                _ = try await cases.step(
                    c.id,
                    CaseStepInput(
                        version: version, milestone: text("milestone"), reason: text("reason"), removal: removal,
                        override: text("override"), bailConditions: text("bailConditions")),
                    by: user, request: context.request)
            case .barrier:
                _ = try await cases.step(
                    c.id, CaseStepInput(version: version, barrier: text("barrier"), note: text("note")), by: user,
                    request: context.request)
            case .allocation:
                _ = try await cases.step(
                    c.id, CaseStepInput(version: version, allocateTo: text("allocateTo")), by: user,
                    request: context.request)
            case .file:
                _ = try await cases.step(
                    c.id, CaseStepInput(version: version, fileLocation: text("fileLocation")), by: user,
                    request: context.request)
            case .interest:
                _ = try await cases.registerInterest(
                    c.id,
                    InterestInput(
                        version: version, agencyCode: text("agencyCode"), reason: form["reason"],
                        confiscation: form["confiscation"], contact: form["contact"]),
                    by: user, request: context.request)
            }
        } catch LiaisonError.invalid(let fields) {
            errors.add(fields) { field in
                switch field {
                case "removal.date", "removal": ("removalDate", "Removal date")
                case "removal.route": ("route", "Route")
                case "removal.destination": ("destination", "Destination")
                case "milestone": ("milestone", "Milestone")
                case "reason": ("reason", step == .interest ? "Why the agency is interested" : "Why")
                case "barrier": ("barrier", "Barrier")
                case "allocateTo": ("allocateTo", "Case owner")
                case "fileLocation": ("fileLocation", "Where the file is")
                case "agencyCode": ("agencyCode", "Agency")
                case "contact": ("contact", "Contact point")
                case "override": ("override", "Override")
                case "bailConditions": ("bailConditions", "Bail conditions")
                default: (Self.firstField(step), field)
                }
            }
            return try await show(step, context: context, form: form, errors: errors, status: .unprocessableContent)
        } catch LiaisonError.conflict(_, let reason) {
            errors.add(Self.firstField(step), reason.prefix(1).uppercased() + reason.dropFirst())
            return try await show(step, context: context, form: form, errors: errors, status: .unprocessableContent)
        } catch LiaisonError.staleVersion {
            errors.add(
                Self.firstField(step), "Someone else changed the case meanwhile: check it and try again")
            return try await show(step, context: context, form: form, errors: errors, status: .unprocessableContent)
        }
        return Response.redirect(to: "/cases/\(c.id)?saved=1")
    }

    /// The field an error that names no field is shown against.
    static func firstField(_ step: Step) -> String {
        switch step {
        case .milestone: "milestone"
        case .barrier: "barrier"
        case .allocation: "allocateTo"
        case .file: "fileLocation"
        case .interest: "reason"
        }
    }

    /// The milestone as it will be recorded, to check before it is: it notifies partners and cannot be undone.
    func check(_ c: DeportationCase, form: FormData, context: LiaisonRequestContext) async throws -> Response {
        let milestone = CaseMilestone(rawValue: form["milestone"])
        let removalDate = DateAnswer(form, "removalDate")
        var rows: [CaseCheckPage.Row] = [
            .init(label: "Milestone", value: milestone?.label ?? form["milestone"]),
            .init(label: "Why", value: form["reason"]),
        ]
        if case .success(let day) = removalDate.date("Removal date") {
            rows.append(
                .init(label: "Removal", value: "\(displayDay(day)), \(form["route"]) to \(form["destination"])"))
        }
        if !form["override"].isEmpty { rows.append(.init(label: "Override", value: form["override"])) }
        if !form["bailConditions"].isEmpty {
            rows.append(.init(label: "Bail conditions", value: form["bailConditions"]))
        }
        let hidden =
            ["milestone", "reason", "route", "destination", "override", "bailConditions"].map {
                CaseCheckPage.Hidden(name: $0, value: form[$0])
            } + removalDate.hidden("removalDate").map { CaseCheckPage.Hidden(name: $0.name, value: $0.value) }
        let model = CaseCheckPage(
            caption: "Case \(c.homeOfficeReference) · \(c.subjectName ?? "subject withheld")",
            back: "/cases/\(c.id)/milestone", action: "/cases/\(c.id)/milestone",
            csrf: context.identity?.csrfToken ?? "", version: form["version"], rows: rows, hidden: hidden,
            warning: c.activeInterests.isEmpty
                ? "Once recorded, the milestone stays in the case's history."
                : "Once recorded, the agencies with an interest (\(c.activeInterests.map(\.agencyCode).joined(separator: ", "))) are told at once, and it cannot be taken back."
        )
        return pages.page(
            model, title: "Check the milestone before recording it", identity: context.identity, section: "/cases")
    }
}

extension RemovalDirections {
    /// Removal directions for `day`, with the route and destination from the milestone form.
    init(day: Date, form: FormData) {
        self.init(date: day, route: form["route"], destination: form["destination"])
    }
}

/// A day as pages show it: "27 March 2027".
func displayDay(_ date: Date) -> String {
    date.formatted(.dateTime.day().month(.wide).year().locale(Locale(identifier: "en_GB")))
}

/// A casework journey's page: one question or a few that belong together.
struct CaseStepPage: PageModel {
    var template: String { "caseStep" }
    let heading: String
    let caption: String
    let back: String
    let action: String
    let submit: String
    let csrf: String
    let version: String
    let intro: String?
    let fields: [FormField]
    let errors: [FormError]
    let hasErrors: Bool
}

/// The answers to a costly step, to check before it is recorded.
struct CaseCheckPage: PageModel {
    var template: String { "caseCheck" }
    let caption: String
    let back: String
    let action: String
    let csrf: String
    let version: String
    let rows: [Row]
    let hidden: [Hidden]
    let warning: String

    struct Row {
        let label: String
        let value: String
    }

    struct Hidden {
        let name: String
        let value: String
    }
}
