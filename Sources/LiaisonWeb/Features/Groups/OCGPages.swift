import Foundation
import Hummingbird
import LiaisonCore

/// Organised crime group pages: filtered list, view, create and edit; the Lead Responsible Officer and threat
/// assessments posted from the group's page.
struct OCGPages {
    let pages: PageRenderer
    let groups: OCGService
    let scoring: ScoringService
    let interventions: InterventionPages
    let assets: AssetPages
    let directory: DirectoryService

    func register(_ routes: inout RouteTable) {
        let this = self
        routes.page(.get, "/ocgs", access: .signedIn) { request, context in try await this.list(request, context) }
        routes.page(.get, "/ocgs/new", access: .createRecord("ocg")) { _, context in
            try AccessPolicy.enforceCreate(try context.user())
            let reference = try await this.directory.reference()
            return try await this.form(
                OCGFormValues(), reference: reference, errors: FormErrors(), identity: try context.signedIn(), id: nil)
        }
        routes.page(.post, "/ocgs/new", access: .createRecord("ocg")) { request, context in
            try await this.save(request, context, id: nil)
        }
        routes.page(.get, "/ocgs/{id}", access: .readRecord("ocg")) { request, context in
            try await this.show(request, context)
        }
        routes.page(.post, "/ocgs/{id}/lead", access: .updateRecord("ocg")) { request, context in
            try await this.change(request, context, problemKey: "leadProblem", done: "saved") { form, user, id in
                _ = try await this.groups.appointLead(
                    id, username: form["lead"], version: Int(form["version"]), by: user, request: context.request)
            }
        }
        routes.page(.post, "/ocgs/{id}/assessments", access: .updateRecord("ocg")) { request, context in
            try await this.change(request, context, problemKey: "problem", done: "assessed") { form, user, id in
                let matrix = try await this.scoring.current(OCGService.kind)
                _ = try await this.groups.assess(
                    id, POIPages.assessment(form, matrix: matrix), by: user, request: context.request)
            }
        }
        routes.page(.get, "/ocgs/{id}/edit", access: .updateRecord("ocg")) { _, context in
            let user = try context.user()
            let ocg = try await this.groups.get(try RequestReading.id(context), by: user, request: context.request)
            try AccessPolicy.enforce(user, .update, ocg.meta, kind: OCGService.kind, id: ocg.id.rawValue)
            let reference = try await this.directory.reference()
            return try await this.form(
                OCGFormValues(ocg), reference: reference, errors: FormErrors(), identity: try context.signedIn(),
                id: ocg.id)
        }
        routes.page(.post, "/ocgs/{id}/edit", access: .updateRecord("ocg")) { request, context in
            try await this.save(request, context, id: try RequestReading.id(context))
        }
    }

    /// A form posted from the group's page: the group is read and its update allowed before `change` runs; then
    /// back to the page, with `done=1`, or with the refusal under `problemKey` beside the form that caused it.
    private func change(
        _ request: Request, _ context: LiaisonRequestContext, problemKey: String, done: String,
        _ change: (FormData, User, OCGID) async throws -> Void
    ) async throws -> Response {
        let form = try await FormData.read(request)
        let user = try context.user()
        let id: OCGID = try RequestReading.id(context)
        let current = try await groups.get(id, by: user, request: context.request)
        try AccessPolicy.enforce(user, .update, current.meta, kind: OCGService.kind, id: id.rawValue)
        do {
            try await change(form, user, id)
        } catch let error as LiaisonError {
            guard let problem = FormProblem(error) else { throw error }
            return Response.redirect(to: "/ocgs/\(id)?" + problem.query(problemKey))
        }
        return Response.redirect(to: "/ocgs/\(id)?\(done)=1")
    }

    static func statusClass(_ status: String) -> String {
        switch status {
        case "active": "tag--red"
        case "dormant": "tag--yellow"
        default: "tag--grey"
        }
    }

    func list(_ request: Request, _ context: LiaisonRequestContext) async throws -> Response {
        let user = try context.user()
        let reference = try await directory.reference()
        let query = try await OCGsAPI.query(request, reference: reference, user: user, directory: directory)
        let page = try await groups.list(query, by: user, request: context.request)
        let selected = Dictionary(
            uniqueKeysWithValues: OCGsAPI.filters.compactMap { f in
                request.uri.queryParameters[Substring(f.name)].map { (f.name, String($0)) }
            })
        let filterLabels = ["status": "Status", "market": "Criminal market", "area": "Area", "band": "Band"]
        var base = "/ocgs?"
        if let q = try RequestReading.text("q", request) { base += "q=\(urlEncode(q))&" }
        for (name, value) in selected.sorted(by: { $0.key < $1.key }) where !value.isEmpty {
            base += "\(name)=\(urlEncode(value))&"
        }
        let lead = try RequestReading.text("lead", request, max: 100)
        if let lead { base += "lead=\(urlEncode(lead))&" }
        let items = page.items.map { ocg in
            OCGListPage.Item(
                id: ocg.id.rawValue, name: ocg.details.name,
                operations: ocg.details.operationNames.joined(separator: ", ").nonEmpty,
                markets: ocg.details.markets.map { reference.label($0, in: "criminal-market") }.joined(separator: ", "),
                areas: ocg.details.areas.map { reference.label($0, in: "area") }.joined(separator: ", "),
                band: ocg.details.band.map { reference.label($0, in: "ocg-band") } ?? "",
                status: reference.label(ocg.details.status, in: "ocg-status"),
                statusClass: Self.statusClass(ocg.details.status), memberCount: String(ocg.members.count),
                marking: MarkingTag(ocg.meta.marking))
        }
        let filters = OCGsAPI.filters.map { f in
            OCGListPage.Filter(
                name: f.name, label: filterLabels[f.name] ?? f.name,
                options: reference.list(f.list).map {
                    Option(code: $0.code, label: $0.label, selected: selected[f.name] == $0.code)
                })
        }
        let leadChoices = officerChoices(
            try await directory.officers(), agencies: try await directory.agencyNames(codes: true), selected: lead)
        let model = OCGListPage(
            query: try RequestReading.text("q", request) ?? "", leadChoices: leadChoices, filters: filters,
            items: items,
            canCreate: AccessPolicy.decideCreate(user, marking: .official).allowed,
            nextLink: page.nextCursor.map { base + "cursor=\(urlEncode($0))" },
            firstLink: request.uri.queryParameters["cursor"] != nil ? String(base.dropLast()) : nil)
        return pages.page(model, title: "Organised crime groups", identity: context.identity, section: "/ocgs")
    }

    func show(_ request: Request, _ context: LiaisonRequestContext) async throws -> Response {
        let people = try await directory.people()
        let user = try context.user()
        let ocg = try await groups.get(try RequestReading.id(context), by: user, request: context.request)
        let reference = try await directory.reference()
        let visible = try await groups.memberSubjects(ocg, by: user)
        let lead = try await ocg.details.leadOfficer.asyncMap { try await directory.user($0) } ?? nil
        let d = ocg.details
        let agencyCodes = Dictionary(uniqueKeysWithValues: try await directory.agencies().map { ($0.id, $0.code) })
        let assessments = try await groups.assessments(ocg.id, by: user, request: context.request)
        let canEdit = AccessPolicy.decide(user, .update, ocg.meta).allowed
        let csrf = context.identity?.csrfToken ?? ""
        let panel = try await interventions.panel(
            InterventionTarget(kind: "ocg", id: ocg.id.rawValue), context: context,
            problem: FormProblem(query: request.uri.queryParameters[values: "interventionProblem"]))
        let notice =
            request.uri.queryParameters["assessed"] != nil
            ? "Assessment recorded." : request.uri.queryParameters["saved"] != nil ? "Group saved." : nil
        let members = ocg.members.compactMap { m -> OCGPage.Member? in
            guard let subject = visible[m.subjectID] else { return nil }
            return OCGPage.Member(
                id: m.subjectID.rawValue, name: subject.displayName, role: reference.label(m.role, in: "ocg-role"),
                from: displayDay(m.from), to: displayDay(m.to))
        }
        let leads = (d.leadHistory ?? []).reversed().map { a in
            OCGPage.Lead(
                who: people.name(a.username), agency: agencyCodes[a.agencyID] ?? "", from: displayTime(a.from),
                to: a.to.map(displayTime), by: people.name(a.appointedBy))
        }
        let officers = officerChoices(
            try await directory.officers(), agencies: try await directory.agencyNames(codes: true),
            selected: d.leadHistory?.last(where: { $0.to == nil })?.username)
        let assessment = POIPages.assessmentPanel(
            assessments, matrix: try await scoring.current(OCGService.kind), canAssess: canEdit,
            action: "/ocgs/\(ocg.id)/assessments", version: ocg.meta.version, csrf: csrf, people: people, late: false)
        let page = OCGPage(
            id: ocg.id.rawValue, name: d.name, operations: d.operationNames.joined(separator: ", ").nonEmpty,
            markets: d.markets.map { reference.label($0, in: "criminal-market") }.joined(separator: ", ").nonEmpty,
            areas: d.areas.map { reference.label($0, in: "area") }.joined(separator: ", ").nonEmpty,
            band: d.band.map { reference.label($0, in: "ocg-band") }, score: d.threatScore.map(String.init),
            status: reference.label(d.status, in: "ocg-status"), statusClass: Self.statusClass(d.status),
            lead: lead?.displayName, summary: d.summary?.nonEmpty, plan: d.plan?.nonEmpty,
            agency: try await directory.agency(ocg.meta.owningAgencyID)?.name ?? "",
            version: String(ocg.meta.version), updatedAt: displayTime(ocg.meta.updatedAt), canEdit: canEdit,
            notice: notice, members: members, hasMembers: !ocg.members.isEmpty,
            assessProblem: FormProblem(query: request.uri.queryParameters[values: "problem"]), leadHistory: leads,
            csrf: csrf, leadProblem: FormProblem(query: request.uri.queryParameters[values: "leadProblem"]),
            officerChoices: officers, assessment: assessment, interventionPanel: panel.view,
            assetPanel: try await assets.panel(AssetTarget(kind: "ocg", id: ocg.id.rawValue), context: context),
            timeline: Self.timeline(
                ocg, visible: visible, assessments: assessments, interventions: panel.found, reference: reference,
                people: people),
            marking: MarkingTag(ocg.meta.marking))
        return pages.page(page, title: d.name, identity: context.identity, section: "/ocgs")
    }

    /// The group's timeline, newest first: members joining and leaving, assessments, interventions planned and
    /// completed, and outcomes.
    static func timeline(
        _ ocg: OCG, visible: [SubjectID: Subject], assessments: [Assessment], interventions: [Intervention],
        reference: ReferenceData, people: People
    ) -> [OCGPage.Event] {
        var events: [(day: String, what: String)] = [(InterventionService.day(ocg.meta.createdAt), "Group recorded")]
        for change in ocg.details.statusHistory ?? [] {
            events.append(
                (
                    InterventionService.day(change.from),
                    "Status: \(reference.label(change.status, in: "ocg-status")) (recorded by \(people.name(change.by)))"
                ))
        }
        for a in ocg.details.leadHistory ?? [] {
            events.append((InterventionService.day(a.from), "Lead Responsible Officer: \(people.name(a.username))"))
        }
        for m in ocg.members {
            let who = visible[m.subjectID]?.displayName ?? "A subject you cannot see"
            if let from = m.from {
                events.append((from, "\(who) joined as \(reference.label(m.role, in: "ocg-role"))"))
            }
            if let to = m.to { events.append((to, "\(who) left")) }
        }
        for a in assessments {
            events.append(
                (
                    InterventionService.day(a.at),
                    "Assessed by \(people.name(a.by)): score \(a.score), band \(a.band.uppercased())"
                ))
        }
        for i in interventions {
            let tactic = reference.label(i.tactic, in: "intervention-tactic")
            events.append(
                (
                    InterventionService.day(i.meta.createdAt),
                    "\(i.category.rawValue.capitalized) intervention planned: \(tactic)"
                ))
            if let done = i.completedOn {
                events.append((done, "\(i.category.rawValue.capitalized) intervention completed: \(tactic)"))
            }
            for o in i.outcomes {
                events.append(
                    (
                        o.date,
                        "Outcome: \(reference.label(o.kind, in: "outcome-kind")) \(InterventionPages.number(o.quantity))\(o.unit.map { " " + $0 } ?? "")\(o.commodity.map { " of " + $0 } ?? "")"
                    ))
            }
        }
        return events.sorted { $0.day > $1.day }.map { OCGPage.Event(day: displayBirth($0.day), what: $0.what) }
    }

    func save(_ request: Request, _ context: LiaisonRequestContext, id: OCGID?) async throws -> Response {
        let reference = try await directory.reference()
        let recordForm = RecordForm(
            service: groups, path: "/ocgs", noun: "group", staleField: "name",
            read: OCGFormValues.init, input: { $0.input(errors: &$1) }, map: OCGFormValues.formField)
        return try await recordForm.save(request, context, id: id) { values, errors in
            try await form(
                values, reference: reference, errors: errors, identity: try context.signedIn(), id: id,
                status: .unprocessableContent)
        }
    }

    func form(
        _ values: OCGFormValues, reference: ReferenceData, errors: FormErrors, identity: Identity, id: OCGID?,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let fields = [
            fieldView("name", "Name", value: values.name, error: errors["name"]),
            fieldView(
                "operations", "Operation names", value: values.operations, hint: "One a line",
                error: errors["operations"], textarea: true),
            fieldView(
                "threatScore", "Threat score", value: values.threatScore, hint: "0 to 1000, from the scoring matrix",
                error: errors["threatScore"]),
            fieldView("summary", "Summary", value: values.summary, error: errors["summary"], textarea: true),
            fieldView(
                "plan", "Plan", value: values.plan, hint: "What the agencies intend against the group, and by when",
                error: errors["plan"], textarea: true),
        ]
        let names = try await groups.memberSubjects(values.memberRows.map(\.subjectID), by: identity.user)
        let roleChoices = reference.list("ocg-role")
        let memberRows = values.memberRows.enumerated().map { index, row in
            OCGFormPage.MemberRow(
                index: String(index), id: row.subjectID.rawValue, from: row.from, to: row.to,
                name: names[row.subjectID]?.displayName, removed: row.removed,
                roles: roleChoices.map { Option(code: $0.code, label: $0.label, selected: $0.code == row.role) })
        }
        func select(
            _ name: String, _ label: String, list: String, selected: [String], multiple: Bool = false,
            blank: Bool = false, hint: String? = nil
        ) -> OCGFormPage.Select {
            OCGFormPage.Select(
                name: name, label: label, multiple: multiple, blank: blank, error: errors[name], hint: hint,
                options: reference.list(list).map {
                    Option(code: $0.code, label: $0.label, selected: selected.contains($0.code))
                })
        }
        let selects = [
            select("status", "Status", list: "ocg-status", selected: [values.status]),
            select(
                "markets", "Criminal markets", list: "criminal-market", selected: values.markets, multiple: true,
                hint: "Hold Ctrl (or Cmd) to choose several"),
            select(
                "areas", "Areas", list: "area", selected: values.areas, multiple: true,
                hint: "Hold Ctrl (or Cmd) to choose several"),
            select("band", "Band", list: "ocg-band", selected: [values.band], blank: true),
        ]
        let page = OCGFormPage(
            errors: errors.list, heading: id == nil ? "Add an organised crime group" : "Edit organised crime group",
            action: id.map { "/ocgs/\($0)/edit" } ?? "/ocgs/new", cancel: id.map { "/ocgs/\($0)" } ?? "/ocgs",
            csrf: identity.csrfToken ?? "", version: values.version, fields: fields, selects: selects,
            memberRows: memberRows, membersError: errors["members"])
        return pages.page(
            page, title: id == nil ? "Add a group" : "Edit group", identity: identity, section: "/ocgs", status: status)
    }
}

/// Groups the user may see, filtered, a page at a time.
struct OCGListPage: PageModel {
    var template: String { "ocgs" }
    let query: String
    let leadChoices: [Option]
    let filters: [Filter]
    let items: [Item]
    let hasItems: Bool
    let caption: String
    let canCreate: Bool
    let nextLink: String?
    let firstLink: String?

    struct Filter {
        let name: String
        let label: String
        let options: [Option]
    }

    struct Item {
        let id: String
        let name: String
        let operations: String?
        let markets: String
        let areas: String
        let band: String
        let status: String
        let statusClass: String
        let memberCount: String
        let marking: MarkingTag
    }

    init(
        query: String, leadChoices: [Option], filters: [Filter], items: [Item], canCreate: Bool, nextLink: String?,
        firstLink: String?
    ) {
        self.query = query
        self.leadChoices = leadChoices
        self.filters = filters
        self.items = items
        hasItems = !items.isEmpty
        caption = "Groups you can see, by name"
        self.canCreate = canCreate
        self.nextLink = nextLink
        self.firstLink = firstLink
    }
}

/// One group: its details, lead officers, members, assessments, interventions, assets and timeline.
struct OCGPage: PageModel {
    var template: String { "ocg" }
    let id: String
    let name: String
    let operations: String?
    let markets: String?
    let areas: String?
    let band: String?
    let score: String?
    let status: String
    let statusClass: String
    let lead: String?
    let summary: String?
    let plan: String?
    let agency: String
    let version: String
    let updatedAt: String
    let canEdit: Bool
    let notice: String?
    let members: [Member]
    /// Whether the group has members, seen or not (members the user may not see are left out of `members`).
    let hasMembers: Bool
    let assessProblem: FormProblem?
    let leadHistory: [Lead]
    let hasLeadHistory: Bool
    let csrf: String
    let leadProblem: FormProblem?
    let officerChoices: [Option]
    let assessment: AssessmentPanel
    let interventionPanel: InterventionPanel
    let assetPanel: AssetPanel
    let timeline: [Event]
    let marking: MarkingTag

    struct Member {
        let id: String
        let name: String
        let role: String
        let from: String?
        let to: String?
    }

    struct Lead {
        let who: String
        let agency: String
        let from: String
        let to: String?
        let by: String
    }

    struct Event {
        let day: String
        let what: String
    }

    init(
        id: String, name: String, operations: String?, markets: String?, areas: String?, band: String?,
        score: String?, status: String, statusClass: String, lead: String?, summary: String?, plan: String?,
        agency: String, version: String, updatedAt: String, canEdit: Bool, notice: String?, members: [Member],
        hasMembers: Bool, assessProblem: FormProblem?, leadHistory: [Lead], csrf: String, leadProblem: FormProblem?,
        officerChoices: [Option], assessment: AssessmentPanel, interventionPanel: InterventionPanel,
        assetPanel: AssetPanel, timeline: [Event], marking: MarkingTag
    ) {
        self.id = id
        self.name = name
        self.operations = operations
        self.markets = markets
        self.areas = areas
        self.band = band
        self.score = score
        self.status = status
        self.statusClass = statusClass
        self.lead = lead
        self.summary = summary
        self.plan = plan
        self.agency = agency
        self.version = version
        self.updatedAt = updatedAt
        self.canEdit = canEdit
        self.notice = notice
        self.members = members
        self.hasMembers = hasMembers
        self.assessProblem = assessProblem
        self.leadHistory = leadHistory
        hasLeadHistory = !leadHistory.isEmpty
        self.csrf = csrf
        self.leadProblem = leadProblem
        self.officerChoices = officerChoices
        self.assessment = assessment
        self.interventionPanel = interventionPanel
        self.assetPanel = assetPanel
        self.timeline = timeline
        self.marking = marking
    }
}

/// The form to add or edit a group, with what was typed and each problem beside its field.
struct OCGFormPage: PageModel {
    var template: String { "ocgForm" }
    let errors: [FormError]
    let hasErrors: Bool
    let heading: String
    let action: String
    let cancel: String
    let csrf: String
    let version: String
    let fields: [FormField]
    let selects: [Select]
    let memberCount: String
    let memberRows: [MemberRow]
    let hasMemberRows: Bool
    let membersError: String?

    /// A choice of one or several from a reference list.
    struct Select {
        let name: String
        let label: String
        let multiple: Bool
        /// A first option meaning none.
        let blank: Bool
        let error: String?
        let hint: String?
        let options: [Option]
    }

    /// A member as the form lists them: the role can change and the member can be removed.
    struct MemberRow {
        let index: String
        let id: String
        let from: String
        let to: String
        /// The member's name; nil when the user may not see their record.
        let name: String?
        let removed: Bool
        let roles: [Option]
    }

    init(
        errors: [FormError], heading: String, action: String, cancel: String, csrf: String, version: String,
        fields: [FormField], selects: [Select], memberRows: [MemberRow], membersError: String?
    ) {
        self.errors = errors
        hasErrors = !errors.isEmpty
        self.heading = heading
        self.action = action
        self.cancel = cancel
        self.csrf = csrf
        self.version = version
        self.fields = fields
        self.selects = selects
        memberCount = String(memberRows.count)
        self.memberRows = memberRows
        hasMemberRows = !memberRows.isEmpty
        self.membersError = membersError
    }
}

/// The OCG form's fields as text, to and from an `OCGInput`.
struct OCGFormValues {
    var name = "", operations = "", threatScore = "", summary = "", plan = "", status = "active", band = "",
        version = ""
    var markets: [String] = [], areas: [String] = []
    /// The members as the form lists them: each keeps its subject, dates and place; the role can change, and a
    /// member can be removed. People are added to a group from their own page.
    var memberRows: [MemberRow] = []
    var leadOfficer: UserID?

    struct MemberRow {
        var id: String
        var role: String
        var from: String
        var to: String
        var removed: Bool
        var subjectID: SubjectID { SubjectID(validating: id) ?? SubjectID(id) }
    }
    var marking = ProtectiveMarking.official
    private var form: FormData?

    init() {}

    init(_ form: FormData) {
        self.form = form
        name = form["name"]
        operations = form["operations"]
        threatScore = form["threatScore"]
        summary = form["summary"]
        plan = form["plan"]
        memberRows = (0..<form.rowCount("memberCount", limit: 10_000)).map { i in
            MemberRow(
                id: form["member-\(i)"], role: form["role-\(i)"], from: form["from-\(i)"], to: form["to-\(i)"],
                removed: form["remove-\(i)"] == "1")
        }
        status = form["status"]
        band = form["band"]
        version = form["version"]
        markets = form.all("markets")
        areas = form.all("areas")
    }

    init(_ ocg: OCG) {
        let d = ocg.details
        name = d.name
        operations = d.operationNames.joined(separator: "\n")
        threatScore = d.threatScore.map(String.init) ?? ""
        summary = d.summary ?? ""
        plan = d.plan ?? ""
        status = d.status
        band = d.band ?? ""
        markets = d.markets
        areas = d.areas
        memberRows = ocg.members.map {
            MemberRow(id: $0.subjectID.rawValue, role: $0.role, from: $0.from ?? "", to: $0.to ?? "", removed: false)
        }
        version = String(ocg.meta.version)
        leadOfficer = d.leadOfficer
        marking = ocg.meta.marking
    }

    func input(errors: inout FormErrors) -> OCGInput {
        let form = self.form ?? FormData("")
        var score: Int?
        if !threatScore.trimmingCharacters(in: .whitespaces).isEmpty {
            score = Int(threatScore.trimmingCharacters(in: .whitespaces))
            if score == nil { errors.add("threatScore", "Threat score must be a whole number from 0 to 1000") }
        }
        var memberList: [OCGMember] = []
        for (index, row) in memberRows.enumerated() where !row.removed {
            guard let id = SubjectID(validating: row.id) else {
                errors.add("members", "Member \(index + 1) is not a subject's record")
                continue
            }
            memberList.append(
                OCGMember(
                    subjectID: id, role: row.role, from: row.from.isEmpty ? nil : row.from,
                    to: row.to.isEmpty ? nil : row.to))
        }
        return OCGInput(
            details: OCGDetails(
                name: name, operationNames: form.lines("operations"), markets: markets, areas: areas,
                status: status, band: band.isEmpty ? nil : band, threatScore: score,
                leadOfficer: leadOfficer, summary: summary.isEmpty ? nil : summary, plan: plan.isEmpty ? nil : plan),
            members: memberList, version: version.isEmpty ? nil : Int(version))
    }

    static func formField(_ path: String) -> (field: String, label: String) {
        let n = pathIndex(path).map { " \($0 + 1)" } ?? ""
        switch path {
        case let p where p.hasPrefix("details.name"): return ("name", "Name")
        case let p where p.hasPrefix("details.operationNames"): return ("operations", "Operation name\(n)")
        case let p where p.hasPrefix("details.markets"): return ("markets", "Market\(n)")
        case let p where p.hasPrefix("details.areas"): return ("areas", "Area\(n)")
        case let p where p.hasPrefix("details.status"): return ("status", "Status")
        case let p where p.hasPrefix("details.band"): return ("band", "Band")
        case let p where p.hasPrefix("details.threatScore"): return ("threatScore", "Threat score")
        case let p where p.hasPrefix("details.summary"): return ("summary", "Summary")
        case let p where p.hasPrefix("details.plan"): return ("plan", "Plan")
        case let p where p.hasPrefix("members"): return ("members", "Member\(n)")
        default: return ("name", path)
        }
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
