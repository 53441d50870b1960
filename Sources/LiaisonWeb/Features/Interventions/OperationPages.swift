import Foundation
import Hummingbird
import LiaisonCore

/// Operations in the pages: the list with a form to set one up, and one operation with its record, briefed
/// members (with the forms to brief and withdraw) and joint results.
struct OperationPages {
    let pages: PageRenderer
    let operations: OperationService
    let interventions: InterventionPages
    let directory: DirectoryService

    static func path(_ name: String) -> String {
        name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? name
    }

    func register(_ routes: inout RouteTable) {
        let this = self
        routes.page(.get, "/operations", access: .signedIn) { request, context in
            // Partners may come prefilled, e.g. from the agencies that answered a GAIN request with a hit.
            try await this.list(
                context: context, form: ["partners": request.uri.queryParameters["partners"].map(String.init) ?? ""])
        }
        routes.page(.post, "/operations", access: .roles(OperationService.plannerRoles)) { request, context in
            let form = try await FormData.read(request)
            let user = try context.user()
            if user.roles.allSatisfy({ !OperationService.plannerRoles.contains($0) }) {
                throw LiaisonError.forbidden(
                    reason: "only supervisors, intelligence officers, analysts and administrators set up operations")
            }
            let input = OperationInput(
                name: form["name"], description: form["description"],
                partners: form.codes("partners").filter { !$0.isEmpty },
                startsOn: form["startsOn"], endsOn: form["endsOn"])
            do {
                let made = try await this.operations.create(input, by: user, request: context.request)
                return Response.redirect(to: "/operations/\(Self.path(made.name))?saved=1")
            } catch let error as LiaisonError {
                guard let problem = FormProblem(error) else { throw error }
                let entered = [
                    "name": form["name"], "description": form["description"],
                    "partners": form.codes("partners").joined(separator: ","),
                    "startsOn-day": form["startsOn-day"], "startsOn-month": form["startsOn-month"],
                    "startsOn-year": form["startsOn-year"], "endsOn-day": form["endsOn-day"],
                    "endsOn-month": form["endsOn-month"], "endsOn-year": form["endsOn-year"],
                ]
                return try await this.list(
                    context: context, problem: problem, form: entered, status: .unprocessableContent)
            }
        }
        routes.page(.get, "/operations/{name}", access: .signedIn) { request, context in
            try await this.show(
                try InterventionsAPI.operationName(context), context: context,
                notice: request.uri.queryParameters["saved"] != nil ? "Saved." : nil)
        }
        routes.page(.post, "/operations/{name}/briefings", access: .briefOperation) { request, context in
            let form = try await FormData.read(request)
            let user = try context.user()
            let name = try InterventionsAPI.operationName(context)
            try await this.operations.checkBrief(name, by: user)
            let input = BriefingInput(
                username: form["username"], briefed: ["true": true, "false": false][form["briefed"]])
            do {
                _ = try await this.operations.brief(name, input, by: user, request: context.request)
            } catch let error as LiaisonError {
                guard let problem = FormProblem(error) else { throw error }
                return try await this.show(name, context: context, problem: problem, status: .unprocessableContent)
            }
            return Response.redirect(to: "/operations/\(Self.path(name))?saved=1")
        }
    }

    func list(
        context: LiaisonRequestContext, problem: FormProblem? = nil, form: [String: String] = [:],
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let user = try context.user()
        let found = try await operations.list(by: user, request: context.request)
        let agencies = Dictionary(uniqueKeysWithValues: try await directory.agencies().map { ($0.id, $0.name) })
        let page = OperationListPage(
            items: found.map {
                .init(
                    name: $0.name, path: Self.path($0.name), lead: agencies[$0.leadAgency] ?? "",
                    startsOn: displayBirth($0.startsOn), endsOn: $0.endsOn.map(displayBirth) ?? "running")
            },
            canCreate: !user.roles.allSatisfy { !OperationService.plannerRoles.contains($0) },
            csrf: context.identity?.csrfToken ?? "", problem: problem, form: form,
            partnerChoices: agencyChoices(
                try await directory.partnerAgencies(),
                selected: (form["partners"] ?? "").split(separator: ",").map(String.init)))
        return pages.page(page, title: "Operations", identity: context.identity, section: "/operations", status: status)
    }

    func show(
        _ name: String, context: LiaisonRequestContext, notice: String? = nil, problem: FormProblem? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let seen = try await operations.view(name, by: try context.user(), request: context.request)
        let reference = try await directory.reference()
        let people = try await directory.people()
        let agencies = Dictionary(uniqueKeysWithValues: try await directory.agencies().map { ($0.id, $0.name) })
        let codes = Dictionary(uniqueKeysWithValues: try await directory.agencies().map { ($0.id, $0.code) })
        let briefed = seen.briefed ?? []
        let page = OperationPage(
            name: name, path: Self.path(name), notice: notice, problem: problem,
            csrf: context.identity?.csrfToken ?? "",
            record: seen.operation.map { o in
                OperationPage.Record(
                    description: o.description, lead: agencies[o.leadAgency] ?? "",
                    partners: o.partnerAgencies.map { agencies[$0] ?? $0.rawValue }.joined(separator: ", ").nonEmpty,
                    startsOn: displayBirth(o.startsOn), endsOn: displayDay(o.endsOn),
                    createdBy: people.name(o.createdBy))
            },
            showBriefed: seen.briefed != nil,
            briefChoices: officerChoices(
                try await directory.officers().filter { officer in
                    !briefed.contains { $0.username == officer.username }
                }, agencies: codes),
            canBrief: seen.canBrief,
            briefed: briefed.map {
                .init(username: $0.username, displayName: $0.displayName, agency: agencies[$0.agency] ?? "")
            },
            agencies: seen.agencies.map { agencies[$0] ?? $0.rawValue }.joined(separator: ", ").nonEmpty,
            items: seen.interventions.map { InterventionRow($0, reference: reference, people: people) },
            totals: seen.totals.sorted { $0.key < $1.key }.map {
                .init(label: reference.label($0.key, in: "outcome-kind"), value: InterventionPages.number($0.value))
            },
            seizures: seen.seizures.sorted { $0.key < $1.key }.map {
                .init(label: $0.key, value: InterventionPages.number($0.value))
            })
        return pages.page(page, title: name, identity: context.identity, section: "/operations", status: status)
    }
}

/// The operations the user can see, and the form to set one up.
struct OperationListPage: PageModel {
    var template: String { "operations" }
    let items: [Item]
    let hasItems: Bool
    let canCreate: Bool
    let csrf: String
    let problem: FormProblem?
    /// What was typed, when the form is shown again.
    let form: [String: String]
    let partnerChoices: [Option]

    struct Item {
        let name: String
        let path: String
        let lead: String
        let startsOn: String
        let endsOn: String
    }

    init(
        items: [Item], canCreate: Bool, csrf: String, problem: FormProblem?, form: [String: String],
        partnerChoices: [Option]
    ) {
        self.items = items
        hasItems = !items.isEmpty
        self.canCreate = canCreate
        self.csrf = csrf
        self.problem = problem
        self.form = form
        self.partnerChoices = partnerChoices
    }
}

/// One operation: its record, its briefed members, its joint results and its interventions.
struct OperationPage: PageModel {
    var template: String { "operation" }
    let name: String
    let path: String
    let notice: String?
    let problem: FormProblem?
    let csrf: String
    let record: Record?
    let showBriefed: Bool
    let briefChoices: [Option]
    let canBrief: Bool
    let briefed: [Member]
    let hasBriefed: Bool
    let agencies: String?
    let items: [InterventionRow]
    let hasItems: Bool
    let totals: [Total]
    let seizures: [Total]
    let hasSeizures: Bool

    /// The operation's own record, when the user may see it.
    struct Record {
        let description: String
        let lead: String
        let partners: String?
        let startsOn: String
        let endsOn: String?
        let createdBy: String
    }

    struct Member {
        let username: String
        let displayName: String
        let agency: String
    }

    /// An outcome kind, or a commodity seized, with its total.
    struct Total {
        let label: String
        let value: String
    }

    init(
        name: String, path: String, notice: String?, problem: FormProblem?, csrf: String, record: Record?,
        showBriefed: Bool, briefChoices: [Option], canBrief: Bool, briefed: [Member], agencies: String?,
        items: [InterventionRow], totals: [Total], seizures: [Total]
    ) {
        self.name = name
        self.path = path
        self.notice = notice
        self.problem = problem
        self.csrf = csrf
        self.record = record
        self.showBriefed = showBriefed
        self.briefChoices = briefChoices
        self.canBrief = canBrief
        self.briefed = briefed
        hasBriefed = !briefed.isEmpty
        self.agencies = agencies
        self.items = items
        hasItems = !items.isEmpty
        self.totals = totals
        self.seizures = seizures
        hasSeizures = !seizures.isEmpty
    }
}
