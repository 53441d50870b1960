import Foundation
import Hummingbird
import LiaisonCore

/// Obligations for the workflow team, case owners and senior caseworkers (the dashboard and lists), the partner's
/// inbox with acknowledgements, and the casework guidance pages with their history and edits.
struct ObligationPages {
    let pages: PageRenderer
    let obligations: ObligationService
    let guidance: GuidanceService
    let directory: DirectoryService

    func register(_ routes: inout RouteTable) {
        let this = self
        routes.page(.get, "/obligations", access: .roles(ObligationService.caseworkRoles)) { request, context in
            let user = try context.user()
            let state = try ObligationsAPI.selection(request)
            let dashboard = try await this.obligations.dashboard(by: user, request: context.request)
            let people = try await this.directory.people()
            let items = try await this.obligations.list(state, by: user, request: context.request)
            return this.pages.page(
                "obligations", title: "Obligations",
                context: view([
                    "tallies": dashboard.tallies.map { t in
                        view([
                            "team": t.team.isEmpty ? "Workflow team" : people.name(t.team), "agency": t.agency,
                            "due": String(t.due),
                            "overdue": String(t.overdue),
                            "escalated": String(t.escalated),
                        ])
                    },
                    "hasTallies": !dashboard.tallies.isEmpty,
                    "sheets": dashboard.minuteSheetsAwaiting.map {
                        view([
                            "caseID": $0.caseID.rawValue, "reference": $0.reference, "from": $0.requestedFrom,
                            "at": displayTime($0.requestedAt),
                        ])
                    },
                    "hasSheets": !dashboard.minuteSheetsAwaiting.isEmpty,
                    "listTitle": "Obligations: \(state.rawValue)",
                    "states": ObligationService.Selection.allCases.map {
                        view(["code": $0.rawValue, "current": $0 == state])
                    },
                    "items": items.map { this.row($0, at: dashboard.at, people: people) }, "hasItems": !items.isEmpty,
                ]), identity: context.identity, section: "/obligations")
        }
        routes.page(.get, "/inbox", access: .signedIn) { request, context in
            try await this.inbox(
                request, context, notice: request.uri.queryParameters["saved"] != nil ? "Acknowledged." : nil)
        }
        routes.page(.get, "/inbox/{id}", access: .obligation) { _, context in
            try await this.notice(try ObligationsAPI.obligationID(context), context: context)
        }
        routes.page(.post, "/inbox/{id}/acknowledge", access: .acknowledgeObligation) { request, context in
            let form = try await FormData.read(request)
            let user = try context.user()
            let id = try ObligationsAPI.obligationID(context)
            try await this.obligations.checkAcknowledge(id, by: user)
            do {
                _ = try await this.obligations.acknowledge(
                    id, AcknowledgementInput(reply: form["reply"]), by: user, request: context.request)
            } catch let error as LiaisonError {
                return try await this.notice(
                    id, context: context, problem: FormProblem(error) ?? { throw error }(), reply: form["reply"],
                    status: .unprocessableContent)
            }
            return Response.redirect(to: "/inbox?saved=1")
        }
        routes.page(.get, "/guidance", access: .signedIn) { _, context in
            let items = try await this.guidance.list(by: try context.user(), request: context.request)
            return this.pages.page(
                "guidanceList", title: "Casework guidance",
                context: view([
                    "items": items.map {
                        view([
                            "slug": $0.slug, "title": $0.title, "version": String($0.version),
                            "validFrom": displayDay($0.validFrom),
                        ])
                    }
                ]), identity: context.identity, section: "/cases")
        }
        routes.page(.get, "/guidance/{slug}", access: .signedIn) { request, context in
            try await this.guidancePage(
                try ObligationsAPI.slug(context), context: context,
                notice: request.uri.queryParameters["saved"] != nil ? "Published." : nil)
        }
        routes.page(.post, "/guidance/{slug}", access: .roles(GuidanceService.editorRoles)) { request, context in
            let form = try await FormData.read(request)
            let user = try context.user()
            guard !Set(user.roles).isDisjoint(with: GuidanceService.editorRoles) else {
                throw LiaisonError.forbidden(
                    reason: "only supervisors, senior caseworkers and administrators may edit guidance")
            }
            let slug = try ObligationsAPI.slug(context)
            let input = GuidanceInput(
                version: Int(form["version"]), validFrom: form["validFrom"].isEmpty ? nil : form["validFrom"],
                title: form["title"],
                body: form["body"], changeNote: form["changeNote"])
            do {
                _ = try await this.guidance.edit(slug, input, by: user, request: context.request)
            } catch let error as LiaisonError {
                return try await this.guidancePage(
                    slug, context: context, problem: FormProblem(error) ?? { throw error }(),
                    status: .unprocessableContent)
            }
            return Response.redirect(to: "/guidance/\(slug)?saved=1")
        }
    }

    func row(_ o: Obligation, at now: Date, people: People) -> [String: Any] {
        let state =
            o.status == .acknowledged
            ? "acknowledged"
            : o.status == .superseded
                ? "superseded by new removal directions"
                : o.escalation > 0
                    ? "escalated to \(Obligation.escalationTargets[o.escalation])"
                    : o.isOverdue(at: now) ? "overdue" : "due"
        return view([
            "id": o.id, "caseID": o.caseID.rawValue, "reference": o.reference, "agency": o.agencyCode,
            "event": Obligation.eventName(o.event),
            "team": o.owner.map(people.name) ?? "Workflow team",
            "due": displayTime(o.dueBy), "state": state, "late": o.isOverdue(at: now), "reply": o.reply,
            "summary": o.summary,
            "open": o.status == .open, "acknowledged": o.acknowledgedAt.map(displayTime),
        ])
    }

    /// The agency's notices a page at a time, open ones by default, each acknowledged in one click or opened to reply.
    func inbox(_ request: Request, _ context: LiaisonRequestContext, notice: String? = nil) async throws -> Response {
        let user = try context.user()
        let people = try await directory.people()
        let state: ObligationService.Selection =
            request.uri.queryParameters["state"] == nil ? .open : try ObligationsAPI.selection(request)
        let cursor = try RequestReading.text("cursor", request, max: 20)
        let found = try await obligations.page(
            state, inbox: true, by: user, limit: Self.inboxPage, cursor: cursor, request: context.request)
        let agency = try await directory.agency(user.agencyID)
        let now = obligations.now()
        return pages.page(
            "inbox", title: "Inbox",
            context: view([
                "agency": agency?.name ?? "your agency", "notice": notice, "csrf": context.identity?.csrfToken ?? "",
                "states": [("open", "Open"), ("overdue", "Overdue"), ("all", "All")].map { code, label in
                    view(["code": code, "label": label, "current": code == state.rawValue])
                },
                "items": found.items.map { o in
                    var r = row(o, at: now, people: people)
                    r["csrf"] = context.identity?.csrfToken ?? ""
                    r["path"] = o.id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? o.id
                    return r
                },
                "hasItems": !found.items.isEmpty,
                "next": found.nextCursor.map { "/inbox?state=\(state.rawValue)&cursor=\($0)" },
            ]), identity: context.identity, section: "/inbox")
    }

    /// Notices on one page of the inbox.
    static let inboxPage = 25

    /// One notice in full, with the form to acknowledge it with a reply.
    func notice(
        _ id: String, context: LiaisonRequestContext, problem: FormProblem? = nil, reply: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let user = try context.user()
        let (o, _) = try await obligations.get(id, by: user, request: context.request)
        var page = row(o, at: obligations.now(), people: try await directory.people())
        page.merge(
            view([
                "csrf": context.identity?.csrfToken ?? "", "problem": problem, "reply": reply,
                "path": o.id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? o.id,
                "mayAcknowledge": o.status == .open && o.agencyID == user.agencyID,
            ])
        ) { $1 }
        return pages.page(
            "inboxNotice", title: Obligation.eventName(o.event), context: page, identity: context.identity,
            section: "/inbox", status: status)
    }

    func guidancePage(
        _ slug: String, context: LiaisonRequestContext, notice: String? = nil, problem: FormProblem? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let user = try context.user()
        let (current, history) = try await guidance.get(slug, by: user, request: context.request)
        return pages.page(
            "guidancePage", title: current.title,
            context: view([
                "slug": slug, "title": current.title, "body": current.body, "version": String(current.version),
                "validFrom": displayDay(current.validFrom),
                "history": history.map {
                    view([
                        "version": String($0.version), "validFrom": displayDay($0.validFrom), "editedBy": $0.editedBy,
                        "changeNote": $0.changeNote,
                    ])
                },
                "canEdit": user.active && !Set(user.roles).isDisjoint(with: GuidanceService.editorRoles),
                "latest": String(history.first?.version ?? 0),
                "csrf": context.identity?.csrfToken ?? "", "notice": notice,
                "problem": problem,
            ]), identity: context.identity, section: "/cases", status: status)
    }
}
