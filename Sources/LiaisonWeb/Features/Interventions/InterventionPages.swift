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
                return Response.redirect(
                    to: back + "?interventionProblem="
                        + problem.query)
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

    func row(_ i: Intervention, reference: ReferenceData, people: People) -> [String: Any] {
        view([
            "id": i.id.rawValue, "category": i.category.rawValue.capitalized,
            "tactic": reference.label(i.tactic, in: "intervention-tactic"),
            "owner": people.name(i.owner), "due": displayDay(i.dueDate), "status": i.status,
            "completedOn": displayDay(i.completedOn),
            "operation": i.operation,
            "outcomes": String(i.outcomes.count), "description": i.description,
        ])
    }

    /// The panel on a group's or Person of Interest's page.
    func panel(_ target: InterventionTarget, context: LiaisonRequestContext, problem: FormProblem?) async throws -> (
        view: [String: Any], found: [Intervention]
    ) {
        let user = try context.user()
        let found = try await interventions.list(target: target, by: user, request: context.request)
        let (value, because, from, to) = try await interventions.subjectToAction(
            target, by: user, request: context.request)
        let reference = try await directory.reference()
        let people = try await directory.people()
        let partners = agencyChoices(try await directory.partnerAgencies())
        return (
            view([
                "agencyChoices": partners,
                "interventions": found.map { row($0, reference: reference, people: people) },
                "hasInterventions": !found.isEmpty,
                "subjectToAction": value
                    ? "Yes: subject to action between \(displayBirth(from)) and \(displayBirth(to))"
                        + (because.map { " (\(reference.label($0.tactic, in: "intervention-tactic")), \($0.status))" }
                            ?? "")
                    : "No: no completed intervention or outcome between \(displayBirth(from)) and \(displayBirth(to))",
                "actionRule": String(interventions.rule.version), "targetKind": target.kind, "targetID": target.id,
                "canPlan": AccessPolicy.decideCreate(user, marking: .official).allowed, "interventionProblem": problem,
                "categories": FourP.allCases.map { ["code": $0.rawValue, "label": $0.rawValue.capitalized] },
                "tactics": reference.list("intervention-tactic").map { ["code": $0.code, "label": $0.label] },
            ]), found
        )
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
        var page = row(i, reference: reference, people: people)
        let next: [String: [String]] = [
            "planned": ["in-progress", "completed", "cancelled"], "in-progress": ["completed", "cancelled"],
        ]
        page.merge(
            view([
                "targetHref": i.target.kind == "ocg" ? "/ocgs/\(i.target.id)" : "/pois/\(i.target.id)",
                "targetLabel": i.target.kind == "ocg" ? "the group" : "the Person of Interest",
                "lead": agencies[i.meta.owningAgencyID],
                "partners": i.partnerAgencies.map { agencies[$0] ?? $0.rawValue }.joined(separator: ", "),
                "version": String(i.meta.version), "csrf": context.identity?.csrfToken ?? "", "notice": notice,
                "problem": problem,
                "canChange": AccessPolicy.decide(user, .update, i.meta, kind: InterventionService.kind).allowed,
                "nextStatuses": (next[i.status] ?? []).map { ["code": $0] }, "hasNext": next[i.status] != nil,
                "outcomeKinds": reference.list("outcome-kind").map { ["code": $0.code, "label": $0.label] },
                "impacts": reference.list("impact-level").map { ["code": $0.code, "label": $0.label] },
                "outcomeRows": i.outcomes.map { o in
                    view([
                        "kind": reference.label(o.kind, in: "outcome-kind"), "date": displayDay(o.date),
                        "quantity": Self.number(o.quantity), "unit": o.unit,
                        "commodity": o.commodity, "purity": o.purity.map { Self.number($0) + "%" }, "place": o.place,
                        "route": o.route,
                        "impact": o.impact.map { reference.label($0, in: "impact-level") }, "narrative": o.narrative,
                        "by": people.name(o.recordedBy),
                    ])
                },
                "hasOutcomes": !i.outcomes.isEmpty,
            ])
        ) { $1 }
        page.merge(markingView(i.meta.marking)) { $1 }
        return pages.page(
            "intervention",
            title: "\(i.category.rawValue.capitalized): \(reference.label(i.tactic, in: "intervention-tactic"))",
            context: page, identity: context.identity, section: "/ocgs", status: status)
    }
}
