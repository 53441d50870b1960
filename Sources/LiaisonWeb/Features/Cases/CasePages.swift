import Foundation
import Hummingbird
import LiaisonCore

/// Deportation cases for caseworkers: the cases they may see, and one case with its history, barriers and removal
/// directions, moved on by forms that offer only the steps the rules allow next.
struct CasePages {
    let pages: PageRenderer
    let cases: CaseService
    let subjects: SubjectService
    let obligations: ObligationService
    let guidance: GuidanceService
    let assets: AssetPages
    let directory: DirectoryService

    func register(_ routes: inout RouteTable) {
        let this = self
        routes.page(.get, "/cases", access: .signedIn) { request, context in try await this.list(request, context) }
        routes.page(.get, "/cases/new", access: .createRecord("case")) { request, context in
            let subject = request.uri.queryParameters["subject"].map(String.init)
            return try await this.newCase(
                NewCasePage.Values(subjectID: subject ?? ""), errors: FormErrors(), context: context)
        }
        routes.page(.post, "/cases/new", access: .createRecord("case")) { request, context in
            try await this.openCase(try await FormData.read(request), context: context)
        }
        routes.page(.get, "/cases/{id}", access: .readRecord("case")) { request, context in
            let c = try await this.cases.get(
                try RequestReading.id(context), by: try context.user(), request: context.request)
            return try await this.show(
                c, context: context, notice: request.uri.queryParameters["saved"] != nil ? "Recorded." : nil)
        }
        routes.page(.post, "/cases/{id}/steps", access: .updateRecord("case")) { request, context in
            let form = try await FormData.read(request)
            let user = try context.user()
            let id: CaseID = try RequestReading.id(context)
            try await this.cases.checkChange(id, by: user)
            func text(_ name: String) -> String? { form[name].isEmpty ? nil : form[name] }
            var removal: RemovalDirections?
            if let day = text("removalDate") {
                removal = RemovalDirections(
                    date: DateFormats.day(day) ?? .distantPast, route: form["route"],
                    destination: form["destination"])
            }
            let input = CaseStepInput(
                version: Int(form["version"]), milestone: text("milestone"), reason: text("reason"), removal: removal,
                override: text("override"), barrier: text("barrier"), barrierID: Int(form["barrierID"]),
                note: text("note"),
                allocateTo: text("allocateTo"), consult: text("consult").map { _ in true },
                minuteSheet: text("minuteSheet"),
                bailConditions: text("bailConditions"), fileLocation: text("fileLocation"))
            // A barrier is resolved from its own row of the case page.
            let anchors = ["resolution": "resolution-\(form["barrierID"])", "note": "resolution-\(form["barrierID"])"]
            return try await this.attempt(id, context: context, anchors: anchors) {
                try await this.cases.step(id, input, by: user, request: context.request)
            }
        }
        routes.page(.post, "/cases/{id}/interests", access: .registerInterest) { request, context in
            let form = try await FormData.read(request)
            let user = try context.user()
            let id: CaseID = try RequestReading.id(context)
            try await this.cases.checkInterest(id, by: user)
            let input = InterestInput(
                version: Int(form["version"]), agencyCode: form["agencyCode"].isEmpty ? nil : form["agencyCode"],
                reason: form["reason"],
                confiscation: form["confiscation"], contact: form["contact"])
            return try await this.attempt(id, context: context) {
                try await this.cases.registerInterest(id, input, by: user, request: context.request)
            }
        }
    }

    /// The page that opens a case for one person: the Home Office reference and the team holding the file.
    func newCase(
        _ values: NewCasePage.Values, errors: FormErrors, context: LiaisonRequestContext,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let user = try context.user()
        try AccessPolicy.enforceCreate(user)
        var subjectName: String?
        if let id = SubjectID(validating: values.subjectID) {
            subjectName = try await subjects.get(id, by: user, request: context.request).displayName
        }
        let reference = try await directory.reference()
        let holder = values.fileLocation.isEmpty ? CaseService.workflowTeam : values.fileLocation
        let model = NewCasePage(
            csrf: context.identity?.csrfToken ?? "", subjectID: subjectName == nil ? nil : values.subjectID,
            subjectName: subjectName, homeOfficeReference: values.homeOfficeReference,
            teams: reference.list(CaseService.teamList).map {
                .init(code: $0.code, label: $0.label, selected: $0.code == holder)
            },
            errors: errors.list, referenceError: errors["homeOfficeReference"],
            fileLocationError: errors["fileLocation"], subjectError: errors["subjectID"], hasErrors: !errors.isEmpty)
        return pages.page(
            model, title: "Open a deportation case", identity: context.identity, section: "/cases", status: status)
    }

    /// Opens the case, or shows the page again with each problem by its field.
    func openCase(_ form: FormData, context: LiaisonRequestContext) async throws -> Response {
        let user = try context.user()
        try AccessPolicy.enforceCreate(user)
        let values = NewCasePage.Values(
            subjectID: form["subjectID"], homeOfficeReference: form["homeOfficeReference"],
            fileLocation: form["fileLocation"])
        var errors = FormErrors()
        guard let subjectID = SubjectID(validating: values.subjectID) else {
            errors.add("subjectID", "Choose the person from their subject page first")
            return try await newCase(values, errors: errors, context: context, status: .unprocessableContent)
        }
        do {
            let created = try await cases.create(
                CaseInput(
                    subjectID: subjectID, homeOfficeReference: values.homeOfficeReference,
                    fileLocation: values.fileLocation.isEmpty ? nil : values.fileLocation),
                by: user, request: context.request)
            return Response.redirect(to: "/cases/\(created.id)?saved=1")
        } catch LiaisonError.invalid(let fields) {
            errors.add(fields) { field in
                switch field {
                case "homeOfficeReference": ("homeOfficeReference", "Home Office reference")
                case "fileLocation": ("fileLocation", "Team holding the file")
                default: ("subjectID", "Person")
                }
            }
            return try await newCase(values, errors: errors, context: context, status: .unprocessableContent)
        } catch LiaisonError.conflict(_, let reason) {
            errors.add("homeOfficeReference", "Home Office reference: \(reason)")
            return try await newCase(values, errors: errors, context: context, status: .unprocessableContent)
        }
    }

    /// A case event's details in words, without the record IDs kept for machines.
    static func words(_ details: [String: String], teams: (String) -> String) -> String {
        let labels: [(key: String, label: String)] = [
            ("agencyCode", "Agency"), ("team", "Team"), ("barrier", "Barrier"), ("obligation", "Notice"),
            ("date", "Removal"), ("route", "Route"), ("destination", "Destination"), ("override", "Override"),
        ]
        return labels.compactMap { key, label -> String? in
            guard let value = details[key], !value.isEmpty, UUID(uuidString: value) == nil else { return nil }
            switch key {
            case "team": return "\(label): \(teams(value))"
            case "date": return "\(label): \(DateFormats.instant(value).map(displayTime) ?? value)"
            case "barrier":
                return Int(value) == nil ? "\(label): \(value.replacingOccurrences(of: "-", with: " "))" : nil
            case "obligation": return "\(label): \(CaseMilestone(rawValue: value)?.label ?? value)"
            default: return "\(label): \(value)"
            }
        }
        .joined(separator: "; ")
    }

    /// The cases the user may see, filtered to their own, the unallocated or one stage, each filter with its count.
    func list(_ request: Request, _ context: LiaisonRequestContext) async throws -> Response {
        let user = try context.user()
        let query = try RequestReading.caseQuery(request, limit: 200)
        let found = try await cases.page(query, by: user, request: context.request).items
        let counts = try await cases.counts(by: user, request: context.request)
        var names: [String: String] = [:]
        for owner in Set(found.compactMap(\.owner)) {
            names[owner] = try await directory.user(username: owner)?.displayName
        }
        func link(_ label: String, _ count: Int, allocation: CaseQuery.Allocation? = nil, stage: String? = nil)
            -> CaseListPage.Link
        {
            let parameters = [allocation.map { "allocation=\($0.rawValue)" }, stage.map { "stage=\($0)" }].compactMap {
                $0
            }
            return CaseListPage.Link(
                label: label, count: String(count),
                href: "/cases" + (parameters.isEmpty ? "" : "?" + parameters.joined(separator: "&")),
                current: query.allocation == allocation && query.stage == stage)
        }
        let stages = (["new"] + CaseMilestone.allCases.map(\.rawValue)).compactMap { code -> CaseListPage.Link? in
            guard let n = counts.stages[code], n > 0 else { return nil }
            return link(CaseMilestone.label(CaseMilestone(rawValue: code)), n, stage: code)
        }
        let page = CaseListPage(
            filters: [
                link("All", counts.all), link("Mine", counts.mine, allocation: .mine),
                link("Unallocated", counts.unallocated, allocation: .unallocated),
            ], stages: stages,
            items: found.map { c in
                .init(
                    id: c.id.rawValue, reference: c.homeOfficeReference, subject: c.subjectName ?? "Subject withheld",
                    stage: CaseMilestone.label(c.progress.stage),
                    owner: c.owner.map { names[$0] ?? $0 } ?? "Unallocated (workflow team)",
                    barriers: String(c.progress.openBarriers.count), updated: displayTime(c.meta.updatedAt),
                    interests: c.activeInterests.map(\.agencyCode).joined(separator: ", "))
            })
        return pages.page(page, title: "Deportation cases", identity: context.identity, section: "/cases")
    }

    /// Runs a change from a form: back to the case on success, or the case as it stands with the refusal explained.
    func attempt(
        _ id: CaseID, context: LiaisonRequestContext, anchors: [String: String] = [:],
        _ change: () async throws -> DeportationCase
    ) async throws -> Response {
        do {
            _ = try await change()
        } catch let error as LiaisonError {
            guard let problem = FormProblem(error, anchors: anchors) else { throw error }
            let current = try await cases.get(id, by: try context.user(), request: context.request)
            return try await show(current, context: context, problem: problem, status: .unprocessableContent)
        }
        return Response.redirect(to: "/cases/\(id)?saved=1")
    }

    func show(
        _ c: DeportationCase, context: LiaisonRequestContext, notice: String? = nil, problem: FormProblem? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let people = try await directory.people()
        let user = try context.user()
        let canChange = AccessPolicy.decide(user, .update, c.meta, kind: CaseService.kind).allowed
        let owed = try await obligations.list(.all, caseID: c.id, by: user, request: context.request)
        let now = obligations.now()
        let next = CaseRules.standard.allowed(after: c.progress.stage)
        let guides = try await guidance.current()
        let relevant =
            (next.map(\.rawValue) + ["barrier", "interest", "minute-sheet", "consultation"]
            + (c.owner == nil ? [] : ["allocated-case"]) + ["contact"]).compactMap { guides[$0] }
        let sheet: String =
            switch c.minuteSheet?.state {
            case .attached?: "Attached \(c.minuteSheet?.attachedAt.map(displayTime) ?? "")"
            case .requested?:
                "Requested from \(c.minuteSheet?.requestedFrom ?? "the team holding the file") on \(c.minuteSheet?.requestedAt.map(displayTime) ?? ""), awaiting confirmation"
            case nil: "Not yet attached"
            }
        let reference = try await directory.reference()
        let teams = { (code: String) in reference.label(code, in: CaseService.teamList) }
        let events = c.progress.events.reversed().map { e in
            CasePage.Event(
                kind: CaseMilestone(rawValue: e.kind)?.label ?? e.kind.prefix(1).uppercased()
                    + e.kind.dropFirst().replacingOccurrences(of: "-", with: " "),
                at: displayTime(e.at), by: people.name(e.by), reason: e.reason.nonEmpty,
                details: Self.words(e.details, teams: teams))
        }
        let barriers = c.progress.barriers.map { b in
            CasePage.Barrier(
                barrierID: String(b.id), kindLabel: b.kind.label, open: b.isOpen, opened: displayTime(b.openedAt),
                note: b.note.nonEmpty, resolution: b.resolution?.nonEmpty)
        }
        let interests = c.activeInterests.map { i in
            CasePage.Interest(
                agency: i.agencyCode, reason: i.reason, confiscation: i.confiscation?.nonEmpty, contact: i.contact,
                at: displayTime(i.registeredAt), by: people.name(i.registeredBy),
                via: i.via == .api ? "registered by the agency" : "recorded from the agency's email")
        }
        let obligations = owed.map { o in
            CasePage.Owed(
                agency: o.agencyCode, event: Obligation.eventName(o.event), due: displayTime(o.dueBy),
                reply: o.reply?.nonEmpty, late: o.isOverdue(at: now),
                state: o.status == .acknowledged
                    ? "acknowledged"
                    : o.status == .superseded
                        ? "superseded" : o.escalation > 0 ? "escalated" : o.isOverdue(at: now) ? "overdue" : "due")
        }
        let page = CasePage(
            id: c.id.rawValue, reference: c.homeOfficeReference, version: String(c.meta.version),
            csrf: context.identity?.csrfToken ?? "", subjectID: c.subjectName == nil ? nil : c.subjectID.rawValue,
            subject: c.subjectName ?? "Withheld: \(References.withheldSubject)",
            stage: CaseMilestone.label(c.progress.stage),
            owner: c.owner.map(people.name) ?? "Unallocated (held by the workflow team)",
            fileLocation: c.fileLocation.map(teams), onBail: c.progress.onBail,
            removal: c.progress.removal.map {
                .init(date: displayTime($0.date), route: $0.route, destination: $0.destination)
            }, notice: notice, problem: problem, canChange: canChange, events: events, barriers: barriers,
            interests: interests,
            canRegister: canChange || !Set(user.roles).isDisjoint(with: CaseService.interestRoles),
            obligations: obligations, minuteSheet: sheet,
            minuteSheetStep: c.minuteSheet?.state == .requested ? "confirm" : "attach",
            minuteSheetAction: c.minuteSheet == nil
                ? "Attach minute sheet ICD.4353"
                : c.minuteSheet?.state == .requested ? "Confirm minute sheet attached" : nil,
            guidance: relevant.map { g in
                .init(
                    slug: g.slug, title: g.title, body: g.body, version: String(g.version),
                    validFrom: displayBirth(g.validFrom))
            }, hasNext: !next.isEmpty,
            assetPanel: try await assets.panel(AssetTarget(kind: "case", id: c.id.rawValue), context: context),
            marking: MarkingTag(c.meta.marking))
        return pages.page(
            page, title: "Case \(c.homeOfficeReference)", identity: context.identity, section: "/cases",
            status: status)
    }
}

/// The cases the user may see, with filters by allocation and stage, each with its count.
struct CaseListPage: PageModel {
    var template: String { "cases" }
    let filters: [Link]
    let stages: [Link]
    let hasStages: Bool
    let items: [Item]
    let hasItems: Bool

    struct Link {
        let label: String
        let count: String
        let href: String
        let current: Bool
    }

    struct Item {
        let id: String
        let reference: String
        let subject: String
        let stage: String
        let owner: String
        let barriers: String
        let updated: String
        let interests: String
    }

    init(filters: [Link], stages: [Link], items: [Item]) {
        self.filters = filters
        self.stages = stages
        hasStages = !stages.isEmpty
        self.items = items
        hasItems = !items.isEmpty
    }
}

/// One deportation case: where it stands, who is interested, what is owed to them, its barriers and history, and
/// what the user may do next.
struct CasePage: PageModel {
    var template: String { "case" }
    let id: String
    let reference: String
    let version: String
    let csrf: String
    /// The subject, when the user may read them.
    let subjectID: String?
    let subject: String
    let stage: String
    let owner: String
    let fileLocation: String?
    let onBail: Bool
    let removal: Removal?
    let notice: String?
    let problem: FormProblem?
    let canChange: Bool
    let events: [Event]
    let barriers: [Barrier]
    let hasBarriers: Bool
    let interests: [Interest]
    let hasInterests: Bool
    let canRegister: Bool
    let obligations: [Owed]
    let hasObligations: Bool
    let minuteSheet: String
    let minuteSheetStep: String
    let minuteSheetAction: String?
    let guidance: [Guide]
    let hasNext: Bool
    let assetPanel: AssetPanel
    let marking: MarkingTag

    struct Removal {
        let date: String
        let route: String
        let destination: String
    }

    struct Event {
        let kind: String
        let at: String
        let by: String
        let reason: String?
        let details: String
    }

    struct Barrier {
        let barrierID: String
        let kindLabel: String
        let open: Bool
        let opened: String
        let note: String?
        let resolution: String?
    }

    struct Interest {
        let agency: String
        let reason: String
        let confiscation: String?
        let contact: String
        let at: String
        let by: String
        let via: String
    }

    /// A notice owed to an interested agency.
    struct Owed {
        let agency: String
        let event: String
        let due: String
        let reply: String?
        let late: Bool
        let state: String
    }

    struct Guide {
        let slug: String
        let title: String
        let body: String
        let version: String
        let validFrom: String
    }

    init(
        id: String, reference: String, version: String, csrf: String, subjectID: String?, subject: String,
        stage: String, owner: String, fileLocation: String?, onBail: Bool, removal: Removal?, notice: String?,
        problem: FormProblem?, canChange: Bool, events: [Event], barriers: [Barrier], interests: [Interest],
        canRegister: Bool, obligations: [Owed], minuteSheet: String, minuteSheetStep: String,
        minuteSheetAction: String?, guidance: [Guide], hasNext: Bool, assetPanel: AssetPanel, marking: MarkingTag
    ) {
        self.id = id
        self.reference = reference
        self.version = version
        self.csrf = csrf
        self.subjectID = subjectID
        self.subject = subject
        self.stage = stage
        self.owner = owner
        self.fileLocation = fileLocation
        self.onBail = onBail
        self.removal = removal
        self.notice = notice
        self.problem = problem
        self.canChange = canChange
        self.events = events
        self.barriers = barriers
        hasBarriers = !barriers.isEmpty
        self.interests = interests
        hasInterests = !interests.isEmpty
        self.canRegister = canRegister
        self.obligations = obligations
        hasObligations = !obligations.isEmpty
        self.minuteSheet = minuteSheet
        self.minuteSheetStep = minuteSheetStep
        self.minuteSheetAction = minuteSheetAction
        self.guidance = guidance
        self.hasNext = hasNext
        self.assetPanel = assetPanel
        self.marking = marking
    }
}

/// Opening a case for one person.
struct NewCasePage: PageModel {
    var template: String { "caseNew" }
    let csrf: String
    /// The person, when the page was opened from their subject page and the user may read them.
    let subjectID: String?
    let subjectName: String?
    let homeOfficeReference: String
    let teams: [Team]
    let errors: [FormError]
    let referenceError: String?
    let fileLocationError: String?
    let subjectError: String?
    let hasErrors: Bool

    struct Team {
        let code: String
        let label: String
        let selected: Bool
    }

    /// What the form holds, as typed.
    struct Values {
        var subjectID = ""
        var homeOfficeReference = ""
        var fileLocation = ""
    }
}
