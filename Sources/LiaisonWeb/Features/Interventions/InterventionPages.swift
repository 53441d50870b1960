import Foundation
import Hummingbird
import LiaisonCore

/// Interventions in the pages: the panel on a group's or Person of Interest's page (subject to action, the
/// interventions, a form to plan one), and one intervention with its status and outcome forms.
struct InterventionPages {
    let pages: PageRenderer
    let interventions: InterventionService
    let directory: DirectoryService

    func register(_ routes: inout RouteTable) {
        let this = self
        routes.page(.post, "/interventions", access: .createRecord("intervention")) { request, context in
            let form = try await FormData.read(request)
            let user = try context.user()
            try AccessPolicy.enforceCreate(user)
            let target = InterventionTarget(kind: form["targetKind"], id: form["targetID"])
            let back = target.kind == "ocg" ? "/ocgs/\(target.id)" : "/pois/\(target.id)"
            let input = InterventionInput(
                target: target, category: form["category"], tactic: form["tactic"],
                partners: form.codes("partners").filter { !$0.isEmpty },
                dueDate: form["dueDate"], operation: form["operation"].isEmpty ? nil : form["operation"],
                description: form["description"])
            do {
                let planned = try await this.interventions.plan(input, by: user, request: context.request)
                return Response.redirect(to: "/interventions/\(planned.id)?saved=1")
            } catch let error as LiaisonError {
                guard let problem = FormProblem(error), ["ocg", "poi"].contains(target.kind),
                    UUID(uuidString: target.id) != nil
                else { throw error }
                return Response.redirect(to: back + "?" + problem.query("interventionProblem"))
            }
        }
        routes.page(.get, "/interventions/{id}", access: .readRecord("intervention")) { request, context in
            try await this.show(
                try RequestReading.id(context), context: context,
                notice: request.uri.queryParameters["saved"] != nil ? "Saved." : nil)
        }
        routes.page(.post, "/interventions/{id}/steps", access: .updateRecord("intervention")) { request, context in
            let form = try await FormData.read(request)
            let user = try context.user()
            let id: InterventionID = try RequestReading.id(context)
            try await this.interventions.checkChange(id, by: user)
            func text(_ name: String) -> String? { form[name].isEmpty ? nil : form[name] }
            let outcome = text("kind").map { kind in
                OutcomeInput(
                    kind: kind, date: text("date"), quantity: text("quantity").flatMap(Double.init), unit: text("unit"),
                    commodity: text("commodity"),
                    purity: text("purity").flatMap(Double.init), place: text("place"), route: text("route"),
                    impact: text("impact"),
                    narrative: text("narrative"))
            }
            let input = InterventionStepInput(
                version: Int(form["version"]), status: text("status"), completedOn: text("completedOn"),
                outcome: outcome)
            do {
                _ = try await this.interventions.step(id, input, by: user, request: context.request)
            } catch let error as LiaisonError {
                guard let problem = FormProblem(error) else { throw error }
                return try await this.show(id, context: context, problem: problem, status: .unprocessableContent)
            }
            return Response.redirect(to: "/interventions/\(id)?saved=1")
        }
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.2f", value)
    }

    /// The panel on a group's or Person of Interest's page.
    func panel(_ target: InterventionTarget, context: LiaisonRequestContext, problem: FormProblem?) async throws -> (
        view: InterventionPanel, found: [Intervention]
    ) {
        let user = try context.user()
        let found = try await interventions.list(target: target, by: user, request: context.request)
        let (value, because, from, to) = try await interventions.subjectToAction(
            target, by: user, request: context.request)
        let reference = try await directory.reference()
        let people = try await directory.people()
        let partners = agencyChoices(try await directory.partnerAgencies())
        let panel = InterventionPanel(
            csrf: context.identity?.csrfToken ?? "", agencyChoices: partners,
            interventions: found.map { InterventionRow($0, reference: reference, people: people) },
            subjectToAction: value
                ? "Yes: subject to action between \(displayBirth(from)) and \(displayBirth(to))"
                    + (because.map { " (\(reference.label($0.tactic, in: "intervention-tactic")), \($0.status))" } ?? "")
                : "No: no completed intervention or outcome between \(displayBirth(from)) and \(displayBirth(to))",
            actionRule: String(interventions.rule.version), targetKind: target.kind, targetID: target.id,
            canPlan: AccessPolicy.decideCreate(user, marking: .official).allowed, interventionProblem: problem,
            categories: FourP.allCases.map {
                Option(code: $0.rawValue, label: $0.rawValue.capitalized, selected: false)
            },
            tactics: reference.list("intervention-tactic").map {
                Option(code: $0.code, label: $0.label, selected: false)
            })
        return (panel, found)
    }

    func show(
        _ id: InterventionID, context: LiaisonRequestContext, notice: String? = nil, problem: FormProblem? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let people = try await directory.people()
        let user = try context.user()
        let i = try await interventions.get(id, by: user, request: context.request)
        let reference = try await directory.reference()
        let agencies = Dictionary(uniqueKeysWithValues: try await directory.agencies().map { ($0.id, $0.name) })
        let next: [String: [String]] = [
            "planned": ["in-progress", "completed", "cancelled"], "in-progress": ["completed", "cancelled"],
        ]
        func choices(_ list: String) -> [Option] {
            reference.list(list).map { Option(code: $0.code, label: $0.label, selected: false) }
        }
        let page = InterventionPage(
            intervention: InterventionRow(i, reference: reference, people: people),
            targetHref: i.target.kind == "ocg" ? "/ocgs/\(i.target.id)" : "/pois/\(i.target.id)",
            targetLabel: i.target.kind == "ocg" ? "the group" : "the Person of Interest",
            lead: agencies[i.meta.owningAgencyID] ?? "",
            partners: i.partnerAgencies.map { agencies[$0] ?? $0.rawValue }.joined(separator: ", ").nonEmpty,
            version: String(i.meta.version), csrf: context.identity?.csrfToken ?? "", notice: notice,
            problem: problem,
            canChange: AccessPolicy.decide(user, .update, i.meta, kind: InterventionService.kind).allowed,
            nextStatuses: (next[i.status] ?? []).map { Option(code: $0, label: $0, selected: false) },
            outcomeKinds: choices("outcome-kind"), impacts: choices("impact-level"),
            outcomeRows: i.outcomes.map { o in
                InterventionPage.OutcomeRow(
                    kind: reference.label(o.kind, in: "outcome-kind"), date: displayBirth(o.date),
                    quantity: Self.number(o.quantity), unit: o.unit ?? "", commodity: o.commodity ?? "",
                    purity: o.purity.map { Self.number($0) + "%" } ?? "", place: o.place ?? "", route: o.route ?? "",
                    impact: o.impact.map { reference.label($0, in: "impact-level") } ?? "",
                    narrative: o.narrative, by: people.name(o.recordedBy))
            },
            marking: MarkingTag(i.meta.marking))
        return pages.page(
            page, title: "\(i.category.rawValue.capitalized): \(reference.label(i.tactic, in: "intervention-tactic"))",
            identity: context.identity, section: "/ocgs", status: status)
    }
}

/// An intervention as a row of a panel, and as the head of its own page.
struct InterventionRow {
    let id: String
    let category: String
    let tactic: String
    let owner: String
    let due: String
    let status: String
    let completedOn: String?
    let operation: String?
    let outcomes: String
    let description: String
}

/// The interventions panel on a group's or Person of Interest's page: whether it is subject to action, its
/// interventions, and a form to plan one.
struct InterventionPanel {
    let csrf: String
    let agencyChoices: [Option]
    let interventions: [InterventionRow]
    let hasInterventions: Bool
    let subjectToAction: String
    let actionRule: String
    let targetKind: String
    let targetID: String
    let canPlan: Bool
    let interventionProblem: FormProblem?
    let categories: [Option]
    let tactics: [Option]

    init(
        csrf: String, agencyChoices: [Option], interventions: [InterventionRow], subjectToAction: String,
        actionRule: String, targetKind: String, targetID: String, canPlan: Bool, interventionProblem: FormProblem?,
        categories: [Option], tactics: [Option]
    ) {
        self.csrf = csrf
        self.agencyChoices = agencyChoices
        self.interventions = interventions
        hasInterventions = !interventions.isEmpty
        self.subjectToAction = subjectToAction
        self.actionRule = actionRule
        self.targetKind = targetKind
        self.targetID = targetID
        self.canPlan = canPlan
        self.interventionProblem = interventionProblem
        self.categories = categories
        self.tactics = tactics
    }
}

/// One intervention: what is planned, its status, its outcomes, and forms to move it on and record outcomes.
struct InterventionPage: PageModel {
    var template: String { "intervention" }
    let intervention: InterventionRow
    let targetHref: String
    let targetLabel: String
    let lead: String
    let partners: String?
    let version: String
    let csrf: String
    let notice: String?
    let problem: FormProblem?
    let canChange: Bool
    let nextStatuses: [Option]
    let hasNext: Bool
    let outcomeKinds: [Option]
    let impacts: [Option]
    let outcomeRows: [OutcomeRow]
    let hasOutcomes: Bool
    let marking: MarkingTag

    /// An outcome recorded against the intervention.
    struct OutcomeRow {
        let kind: String
        let date: String
        let quantity: String
        let unit: String
        let commodity: String
        let purity: String
        let place: String
        let route: String
        let impact: String
        let narrative: String
        let by: String
    }

    init(
        intervention: InterventionRow, targetHref: String, targetLabel: String, lead: String, partners: String?,
        version: String, csrf: String, notice: String?, problem: FormProblem?, canChange: Bool, nextStatuses: [Option],
        outcomeKinds: [Option], impacts: [Option], outcomeRows: [OutcomeRow], marking: MarkingTag
    ) {
        self.intervention = intervention
        self.targetHref = targetHref
        self.targetLabel = targetLabel
        self.lead = lead
        self.partners = partners
        self.version = version
        self.csrf = csrf
        self.notice = notice
        self.problem = problem
        self.canChange = canChange
        self.nextStatuses = nextStatuses
        hasNext = !nextStatuses.isEmpty
        self.outcomeKinds = outcomeKinds
        self.impacts = impacts
        self.outcomeRows = outcomeRows
        hasOutcomes = !outcomeRows.isEmpty
        self.marking = marking
    }
}

extension InterventionRow {
    init(_ i: Intervention, reference: ReferenceData, people: People) {
        id = i.id.rawValue
        category = i.category.rawValue.capitalized
        tactic = reference.label(i.tactic, in: "intervention-tactic")
        owner = people.name(i.owner)
        due = displayBirth(i.dueDate)
        status = i.status
        completedOn = displayDay(i.completedOn)?.nonEmpty
        operation = i.operation?.nonEmpty
        outcomes = String(i.outcomes.count)
        description = i.description
    }
}
