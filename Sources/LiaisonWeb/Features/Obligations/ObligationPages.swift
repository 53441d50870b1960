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
            let page = ObligationsPage(
                tallies: dashboard.tallies.map { t in
                    .init(
                        team: t.team.isEmpty ? "Workflow team" : people.name(t.team), agency: t.agency,
                        due: String(t.due), overdue: String(t.overdue), escalated: String(t.escalated))
                },
                sheets: dashboard.minuteSheetsAwaiting.map {
                    .init(
                        caseID: $0.caseID.rawValue, reference: $0.reference, from: $0.requestedFrom,
                        at: displayTime($0.requestedAt))
                },
                listTitle: "Obligations: \(state.rawValue)",
                states: ObligationService.Selection.allCases.map {
                    Tab(code: $0.rawValue, label: $0.rawValue, current: $0 == state)
                },
                items: items.map { ObligationRow($0, at: dashboard.at, people: people) })
            return this.pages.page(page, title: "Obligations", identity: context.identity, section: "/obligations")
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
            let page = GuidanceListPage(
                items: items.map {
                    .init(
                        slug: $0.slug, title: $0.title, version: String($0.version),
                        validFrom: displayBirth($0.validFrom))
                })
            return this.pages.page(page, title: "Casework guidance", identity: context.identity, section: "/cases")
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
        let page = InboxPage(
            agency: agency?.name ?? "your agency", notice: notice, csrf: context.identity?.csrfToken ?? "",
            states: [("open", "Open"), ("overdue", "Overdue"), ("all", "All")].map { code, label in
                Tab(code: code, label: label, current: code == state.rawValue)
            },
            items: found.items.map { ObligationRow($0, at: now, people: people) },
            next: found.nextCursor.map { "/inbox?state=\(state.rawValue)&cursor=\($0)" })
        return pages.page(page, title: "Inbox", identity: context.identity, section: "/inbox")
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
        let page = InboxNoticePage(
            notice: ObligationRow(o, at: obligations.now(), people: try await directory.people()),
            csrf: context.identity?.csrfToken ?? "", problem: problem, reply: (reply ?? o.reply)?.nonEmpty,
            mayAcknowledge: o.status == .open && o.agencyID == user.agencyID)
        return pages.page(
            page, title: Obligation.eventName(o.event), identity: context.identity, section: "/inbox", status: status)
    }

    func guidancePage(
        _ slug: String, context: LiaisonRequestContext, notice: String? = nil, problem: FormProblem? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let user = try context.user()
        let (current, history) = try await guidance.get(slug, by: user, request: context.request)
        let page = GuidanceArticlePage(
            slug: slug, title: current.title, body: current.body, version: String(current.version),
            validFrom: displayBirth(current.validFrom),
            history: history.map {
                .init(
                    version: String($0.version), validFrom: displayBirth($0.validFrom), editedBy: $0.editedBy,
                    changeNote: $0.changeNote)
            },
            canEdit: user.active && !Set(user.roles).isDisjoint(with: GuidanceService.editorRoles),
            latest: String(history.first?.version ?? 0), csrf: context.identity?.csrfToken ?? "", notice: notice,
            problem: problem)
        return pages.page(page, title: current.title, identity: context.identity, section: "/cases", status: status)
    }
}

/// A tab of a list: one state to show.
struct Tab {
    let code: String
    let label: String
    let current: Bool
}

/// An obligation as a list row and as the head of its notice: the case, the agency owed, when, and its state.
struct ObligationRow {
    let id: String
    let path: String
    let caseID: String
    let reference: String
    let agency: String
    let event: String
    let team: String
    let due: String
    let state: String
    let late: Bool
    let summary: String
    let open: Bool
    let acknowledged: String?
}

extension ObligationRow {
    init(_ o: Obligation, at now: Date, people: People) {
        id = o.id
        path = o.id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? o.id
        caseID = o.caseID.rawValue
        reference = o.reference
        agency = o.agencyCode
        event = Obligation.eventName(o.event)
        team = o.owner.map(people.name) ?? "Workflow team"
        due = displayTime(o.dueBy)
        state =
            o.status == .acknowledged
            ? "acknowledged"
            : o.status == .superseded
                ? "superseded by new removal directions"
                : o.escalation > 0
                    ? "escalated to \(Obligation.escalationTargets[o.escalation])"
                    : o.isOverdue(at: now) ? "overdue" : "due"
        late = o.isOverdue(at: now)
        summary = o.summary
        open = o.status == .open
        acknowledged = o.acknowledgedAt.map(displayTime)
    }
}

/// The obligations dashboard: open ones tallied by team and agency, minute sheets awaited, and a list by state.
struct ObligationsPage: PageModel {
    var template: String { "obligations" }
    let tallies: [Tally]
    let hasTallies: Bool
    let sheets: [Sheet]
    let hasSheets: Bool
    let listTitle: String
    let states: [Tab]
    let items: [ObligationRow]
    let hasItems: Bool

    struct Tally {
        let team: String
        let agency: String
        let due: String
        let overdue: String
        let escalated: String
    }

    /// A minute sheet a case awaits from another agency.
    struct Sheet {
        let caseID: String
        let reference: String
        let from: String
        let at: String
    }

    init(tallies: [Tally], sheets: [Sheet], listTitle: String, states: [Tab], items: [ObligationRow]) {
        self.tallies = tallies
        hasTallies = !tallies.isEmpty
        self.sheets = sheets
        hasSheets = !sheets.isEmpty
        self.listTitle = listTitle
        self.states = states
        self.items = items
        hasItems = !items.isEmpty
    }
}

/// A partner agency's inbox: the notices owed to it, a page at a time.
struct InboxPage: PageModel {
    var template: String { "inbox" }
    let agency: String
    let notice: String?
    let csrf: String
    let states: [Tab]
    let items: [ObligationRow]
    let hasItems: Bool
    let next: String?

    init(agency: String, notice: String?, csrf: String, states: [Tab], items: [ObligationRow], next: String?) {
        self.agency = agency
        self.notice = notice
        self.csrf = csrf
        self.states = states
        self.items = items
        hasItems = !items.isEmpty
        self.next = next
    }
}

/// One notice in full, with the form to acknowledge it with a reply.
struct InboxNoticePage: PageModel {
    var template: String { "inboxNotice" }
    let notice: ObligationRow
    let csrf: String
    let problem: FormProblem?
    /// The reply typed, or the one given.
    let reply: String?
    let mayAcknowledge: Bool
}

/// The casework guidance pages, newest version first.
struct GuidanceListPage: PageModel {
    var template: String { "guidanceList" }
    let items: [Item]

    struct Item {
        let slug: String
        let title: String
        let version: String
        let validFrom: String
    }
}

/// One guidance page: its text, every version, and the form to publish a new one.
struct GuidanceArticlePage: PageModel {
    var template: String { "guidancePage" }
    let slug: String
    let title: String
    let body: String
    let version: String
    let validFrom: String
    let history: [Version]
    let canEdit: Bool
    let latest: String
    let csrf: String
    let notice: String?
    let problem: FormProblem?

    struct Version {
        let version: String
        let validFrom: String
        let editedBy: String
        let changeNote: String
    }
}
