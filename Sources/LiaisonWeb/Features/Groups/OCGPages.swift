import Foundation
import Hummingbird
import LiaisonCore

/// Organised crime group pages: filtered list, view, create and edit.
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
            let form = try await FormData.read(request)
            let user = try context.user()
            let id: OCGID = try RequestReading.id(context)
            let current = try await this.groups.get(id, by: user, request: context.request)
            try AccessPolicy.enforce(user, .update, current.meta, kind: OCGService.kind, id: id.rawValue)
            do {
                _ = try await this.groups.appointLead(
                    id, username: form["lead"], version: Int(form["version"]), by: user, request: context.request)
            } catch let error as LiaisonError {
                guard let problem = FormProblem(error) else { throw error }
                return Response.redirect(
                    to: "/ocgs/\(id)?leadProblem="
                        + problem.query)
            }
            return Response.redirect(to: "/ocgs/\(id)?saved=1")
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
        let items = page.items.map { ocg -> [String: Any] in
            var row = view([
                "id": ocg.id.rawValue, "name": ocg.details.name,
                "operations": ocg.details.operationNames.joined(separator: ", "),
                "markets": ocg.details.markets.map { reference.label($0, in: "criminal-market") }.joined(
                    separator: ", "),
                "areas": ocg.details.areas.map { reference.label($0, in: "area") }.joined(separator: ", "),
                "band": ocg.details.band.map { reference.label($0, in: "ocg-band") },
                "status": reference.label(ocg.details.status, in: "ocg-status"),
                "statusClass": Self.statusClass(ocg.details.status),
                "memberCount": String(ocg.members.count),
            ])
            row.merge(markingView(ocg.meta.marking)) { $1 }
            return row
        }
        return pages.page(
            "ocgs", title: "Organised crime groups",
            context: view([
                "query": try RequestReading.text("q", request), "lead": lead,
                "leadChoices": officerChoices(
                    try await directory.officers(), agencies: try await directory.agencyNames(codes: true),
                    selected: lead),
                "filters": OCGsAPI.filters.map { f -> [String: Any] in
                    [
                        "name": f.name, "label": filterLabels[f.name] ?? f.name,
                        "options": reference.list(f.list).map {
                            ["code": $0.code, "label": $0.label, "selected": selected[f.name] == $0.code]
                        },
                    ]
                },
                "items": items, "hasItems": !items.isEmpty, "caption": "Groups you can see, by name",
                "canCreate": AccessPolicy.decideCreate(user, marking: .official).allowed,
                "nextLink": page.nextCursor.map { base + "cursor=\(urlEncode($0))" },
                "firstLink": request.uri.queryParameters["cursor"] != nil ? String(base.dropLast()) : nil,
            ]), identity: context.identity, section: "/ocgs")
    }

    func show(_ request: Request, _ context: LiaisonRequestContext) async throws -> Response {
        let people = try await directory.people()
        let user = try context.user()
        let ocg = try await groups.get(try RequestReading.id(context), by: user, request: context.request)
        let reference = try await directory.reference()
        let visible = try await groups.memberSubjects(ocg, by: user)
        let lead = try await ocg.details.leadOfficer.asyncMap { try await directory.user($0) } ?? nil
        let d = ocg.details
        var page = view([
            "id": ocg.id.rawValue, "name": d.name, "operations": d.operationNames.joined(separator: ", "),
            "markets": d.markets.map { reference.label($0, in: "criminal-market") }.joined(separator: ", "),
            "areas": d.areas.map { reference.label($0, in: "area") }.joined(separator: ", "),
            "band": d.band.map { reference.label($0, in: "ocg-band") }, "score": d.threatScore.map(String.init),
            "status": reference.label(d.status, in: "ocg-status"), "statusClass": Self.statusClass(d.status),
            "lead": lead.map { "\($0.displayName)" }, "summary": d.summary, "plan": d.plan,
            "agency": try await directory.agency(ocg.meta.owningAgencyID)?.name,
            "version": String(ocg.meta.version), "updatedAt": displayTime(ocg.meta.updatedAt),
            "canEdit": AccessPolicy.decide(user, .update, ocg.meta).allowed,
            "notice": request.uri.queryParameters["saved"] != nil ? "Group saved." : nil,
            "members": ocg.members.compactMap { m -> [String: Any]? in
                guard let subject = visible[m.subjectID] else { return nil }
                return view([
                    "id": m.subjectID.rawValue, "name": subject.displayName,
                    "role": reference.label(m.role, in: "ocg-role"), "from": displayDay(m.from), "to": displayDay(m.to),
                ])
            },
            "hasMembers": !ocg.members.isEmpty,
        ])
        page["notice"] = request.uri.queryParameters["assessed"] != nil ? "Assessment recorded." : page["notice"]
        page["assessProblem"] = FormProblem(query: request.uri.queryParameters["problem"])
        let agencyNames = Dictionary(uniqueKeysWithValues: try await directory.agencies().map { ($0.id, $0.code) })
        page["leadHistory"] = (d.leadHistory ?? []).reversed().map { a in
            view([
                "who": people.name(a.username), "agency": agencyNames[a.agencyID] ?? "", "from": displayTime(a.from),
                "to": a.to.map(displayTime), "by": people.name(a.appointedBy),
            ])
        }
        page["hasLeadHistory"] = !(d.leadHistory ?? []).isEmpty
        page["csrf"] = context.identity?.csrfToken ?? ""
        page["leadProblem"] = FormProblem(query: request.uri.queryParameters["leadProblem"])
        page["officerChoices"] = officerChoices(
            try await directory.officers(), agencies: try await directory.agencyNames(codes: true),
            selected: d.leadHistory?.last(where: { $0.to == nil })?.username)
        let assessments = try await groups.assessments(ocg.id, by: user, request: context.request)
        page["assessment"] = POIPages.assessmentPanel(
            assessments, matrix: try await scoring.current(OCGService.kind),
            canAssess: AccessPolicy.decide(user, .update, ocg.meta).allowed, action: "/ocgs/\(ocg.id)/assessments",
            version: ocg.meta.version, csrf: context.identity?.csrfToken ?? "", people: people, late: false)
        let panel = try await interventions.panel(
            InterventionTarget(kind: "ocg", id: ocg.id.rawValue), context: context,
            problem: FormProblem(query: request.uri.queryParameters["interventionProblem"]))
        page["interventionPanel"] = panel.view
        page["assetPanel"] = try await assets.panel(AssetTarget(kind: "ocg", id: ocg.id.rawValue), context: context)
        page["timeline"] = Self.timeline(
            ocg, visible: visible, assessments: assessments, interventions: panel.found, reference: reference,
            people: people)
        page.merge(markingView(ocg.meta.marking)) { $1 }
        return pages.page("ocg", title: d.name, context: page, identity: context.identity, section: "/ocgs")
    }

    /// The group's timeline, newest first: members joining and leaving, assessments, interventions planned and
    /// completed, and outcomes.
    static func timeline(
        _ ocg: OCG, visible: [SubjectID: Subject], assessments: [Assessment], interventions: [Intervention],
        reference: ReferenceData, people: People
    ) -> [[String: String]] {
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
        return events.sorted { $0.day > $1.day }.map { ["day": displayBirth($0.day), "what": $0.what] }
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
        var context = errors.view
        context["heading"] = id == nil ? "Add an organised crime group" : "Edit organised crime group"
        context["action"] = id.map { "/ocgs/\($0)/edit" } ?? "/ocgs/new"
        context["cancel"] = id.map { "/ocgs/\($0)" } ?? "/ocgs"
        context["csrf"] = identity.csrfToken ?? ""
        context["version"] = values.version
        context["fields"] = [
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
        context["memberCount"] = String(values.memberRows.count)
        context["memberRows"] = values.memberRows.enumerated().map { index, row -> [String: Any] in
            view([
                "index": String(index), "id": row.subjectID.rawValue, "from": row.from, "to": row.to,
                "name": names[row.subjectID]?.displayName, "removed": row.removed,
                "roles": roleChoices.map { ["code": $0.code, "label": $0.label, "selected": $0.code == row.role] },
            ])
        }
        context["hasMemberRows"] = !values.memberRows.isEmpty
        context["membersError"] = errors["members"]
        func select(
            _ name: String, _ label: String, list: String, selected: [String], multiple: Bool = false,
            blank: Bool = false, hint: String? = nil
        ) -> [String: Any] {
            view([
                "name": name, "label": label, "multiple": multiple, "blank": blank, "error": errors[name], "hint": hint,
                "options": reference.list(list).map {
                    ["code": $0.code, "label": $0.label, "selected": selected.contains($0.code)]
                },
            ])
        }
        context["selects"] = [
            select("status", "Status", list: "ocg-status", selected: [values.status]),
            select(
                "markets", "Criminal markets", list: "criminal-market", selected: values.markets, multiple: true,
                hint: "Hold Ctrl (or Cmd) to choose several"),
            select(
                "areas", "Areas", list: "area", selected: values.areas, multiple: true,
                hint: "Hold Ctrl (or Cmd) to choose several"),
            select("band", "Band", list: "ocg-band", selected: [values.band], blank: true),
        ]
        return pages.page(
            "ocgForm", title: id == nil ? "Add a group" : "Edit group", context: context, identity: identity,
            section: "/ocgs", status: status)
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
        memberRows = (0..<min(Int(form["memberCount"]) ?? 0, 10_000)).map { i in
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
