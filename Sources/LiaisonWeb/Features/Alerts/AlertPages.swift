import Foundation
import Hummingbird
import LiaisonCore

/// Industry alerts in the pages. Private-sector users see the live alerts for their sectors, acknowledge them and
/// send feedback; agency staff write alerts, a supervisor of the issuing agency publishes or withdraws them and reads
/// the feedback; administrators set which sectors each private-sector organisation receives.
struct AlertPages {
    let pages: PageRenderer
    let alerts: AlertService
    let directory: DirectoryService

    func register(_ routes: inout RouteTable) {
        let this = self
        routes.page(.get, "/alerts", access: .signedIn) { request, context in
            try await this.list(context: context, notice: request.uri.queryParameters["saved"] != nil ? "Saved." : nil)
        }
        routes.page(.get, "/alerts/new", access: .roles(AlertService.authorRoles)) { _, context in
            try AlertsAPI.refuseUnlessAuthor(try context.user())
            return try await this.form(context: context)
        }
        routes.page(.post, "/alerts", access: .roles(AlertService.authorRoles)) { request, context in
            let form = try await FormData.read(request)
            let user = try context.user()
            try AlertsAPI.refuseUnlessAuthor(user)
            let indicators = form.lines("indicators").map { line -> AlertIndicator in
                let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                return parts.count == 2
                    ? AlertIndicator(kind: parts[0], value: parts[1]) : AlertIndicator(kind: "", value: line)
            }
            let classification = Classification(rawValue: form["classification"]) ?? .official
            let input = AlertInput(
                title: form["title"], category: form["category"], summary: form["summary"], guidance: form["guidance"],
                indicators: indicators,
                sectors: form.all("sectors"), marking: ProtectiveMarking(classification), expiresOn: form["expiresOn"],
                sourceIntel: form["sourceIntel"].isEmpty ? nil : form["sourceIntel"])
            do {
                let made = try await this.alerts.create(input, by: user, request: context.request)
                return Response.redirect(to: "/alerts/\(made.id)?saved=1")
            } catch let error as LiaisonError {
                guard
                    let problem = FormProblem(
                        error, labels: ["expiresOn": "Applies until", "sectors": "Sectors"],
                        anchors: ["sectors": "sectors"])
                else { throw error }
                return try await this.form(context: context, problem: problem, values: form)
            }
        }
        routes.page(.get, "/alerts/audiences", access: .roles([.administrator])) { request, context in
            try AlertsAPI.refuseUnlessAdministrator(try context.user())
            return try await this.audiences(
                context: context, notice: request.uri.queryParameters["saved"] != nil ? "Saved." : nil)
        }
        routes.page(.post, "/alerts/audiences", access: .roles([.administrator])) { request, context in
            let form = try await FormData.read(request)
            let user = try context.user()
            try AlertsAPI.refuseUnlessAdministrator(user)
            do {
                _ = try await this.alerts.setAudience(
                    form["agency"], AlertAudienceInput(sectors: form.all("sectors")), by: user, request: context.request
                )
            } catch let error as LiaisonError {
                guard let problem = FormProblem(error) else { throw error }
                return try await this.audiences(context: context, problem: problem)
            }
            return Response.redirect(to: "/alerts/audiences?saved=1")
        }
        routes.page(.get, "/alerts/{id}", access: .readAlert) { request, context in
            try await this.show(
                context.parameters.get("id") ?? "", context: context,
                notice: request.uri.queryParameters["saved"] != nil ? "Saved." : nil)
        }
        routes.page(.post, "/alerts/{id}/steps", access: .publishAlert) { request, context in
            try await this.act(request, context, need: .publish) { form, id, user in
                _ = try await this.alerts.step(
                    id, AlertStepInput(version: Int(form["version"]), action: form["action"], reason: form["reason"]),
                    by: user,
                    request: context.request)
            }
        }
        routes.page(.post, "/alerts/{id}/acknowledgement", access: .answerAlert) { request, context in
            try await this.act(request, context, need: .answer) { _, id, user in
                _ = try await this.alerts.acknowledge(id, by: user, request: context.request)
            }
        }
        routes.page(.post, "/alerts/{id}/feedback", access: .answerAlert) { request, context in
            try await this.act(request, context, need: .answer) { form, id, user in
                _ = try await this.alerts.feedback(
                    id, AlertFeedbackInput(rating: form["rating"], text: form["text"]), by: user,
                    request: context.request)
            }
        }
    }

    /// A form post on one alert: the access check, then `body`; a refused input shows the alert again with the problem.
    func act(
        _ request: Request, _ context: LiaisonRequestContext, need: AlertService.Need,
        _ body: (FormData, String, User) async throws -> Void
    ) async throws -> Response {
        let form = try await FormData.read(request)
        let user = try context.user()
        let id = context.parameters.get("id") ?? ""
        try await alerts.require(id, need, by: user, request: context.request)
        do {
            try await body(form, id, user)
        } catch let error as LiaisonError {
            guard let problem = FormProblem(error) else { throw error }
            return try await show(id, context: context, problem: problem, status: .unprocessableContent)
        }
        return Response.redirect(to: "/alerts/\(id)?saved=1")
    }

    func list(context: LiaisonRequestContext, notice: String?) async throws -> Response {
        let user = try context.user()
        let found = try await alerts.list(by: user, request: context.request)
        let reference = try await directory.reference()
        let model = AlertListPage(
            notice: notice, confined: user.confinedToAlerts,
            canWrite: !Set(user.roles).isDisjoint(with: AlertService.authorRoles), isAdmin: user.has(.administrator),
            items: found.map { a in
                AlertListPage.Item(
                    id: a.id.rawValue, title: a.title, category: reference.label(a.category, in: "alert-category"),
                    issuer: a.issuer,
                    sectors: a.sectors.map { reference.label($0, in: "industry-sector") }.joined(separator: ", "),
                    expires: DateFormats.day(a.expiresOn).map(displayDay) ?? a.expiresOn, status: a.status.label,
                    marking: a.marking.label, published: a.publishedAt.map(displayTime),
                    acknowledged: a.acknowledgements.isEmpty
                        ? nil : (user.confinedToAlerts ? "Acknowledged" : "\(a.acknowledgements.count) acknowledged"),
                    summary: String(a.summary.prefix(300)))
            },
            hasItems: !found.isEmpty)
        return pages.page(model, title: "Industry alerts", identity: context.identity, section: "/alerts")
    }

    func form(context: LiaisonRequestContext, problem: FormProblem? = nil, values: FormData? = nil) async throws
        -> Response
    {
        let reference = try await directory.reference()
        let chosen = Set(values?.all("sectors") ?? [])
        let model = AlertFormPage(
            csrf: context.identity?.csrfToken ?? "", problem: problem,
            form: values.map { f in
                [
                    "title", "summary", "guidance", "indicators", "expiresOn-day", "expiresOn-month", "expiresOn-year",
                    "sourceIntel",
                ].reduce(into: [String: String]()) { $0[$1] = f[$1] }
            },
            categories: reference.list("alert-category").map {
                Option(code: $0.code, label: $0.label, selected: values?["category"] == $0.code)
            },
            sectors: reference.list("industry-sector").map {
                Tick(code: $0.code, label: $0.label, checked: chosen.contains($0.code))
            },
            classifications: markingOptions(for: context.identity?.user, among: AlertService.markings))
        return pages.page(
            model, title: "Write an industry alert", identity: context.identity, section: "/alerts",
            status: problem == nil ? .ok : .unprocessableContent)
    }

    func audiences(context: LiaisonRequestContext, notice: String? = nil, problem: FormProblem? = nil) async throws
        -> Response
    {
        let user = try context.user()
        let reference = try await directory.reference()
        let found = try await alerts.audiences(by: user, request: context.request)
        let model = AlertAudiencesPage(
            csrf: context.identity?.csrfToken ?? "", notice: notice, problem: problem,
            items: found.map { a in
                AlertAudiencesPage.Organisation(
                    code: a.agencyCode, name: a.agencyName,
                    sectors: reference.list("industry-sector").map {
                        AlertAudiencesPage.Sector(
                            org: a.agencyCode, code: $0.code, label: $0.label, checked: a.sectors.contains($0.code))
                    })
            },
            hasItems: !found.isEmpty)
        return pages.page(
            model, title: "Who receives industry alerts", identity: context.identity, section: "/alerts",
            status: problem == nil ? .ok : .unprocessableContent)
    }

    func show(
        _ id: String, context: LiaisonRequestContext, notice: String? = nil, problem: FormProblem? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let people = try await directory.people()
        let user = try context.user()
        let a = try await alerts.get(id, by: user, request: context.request)
        let reference = try await directory.reference()
        let issuing = try await alerts.mayPublish(a.id, by: user)
        let model = AlertPage(
            id: a.id.rawValue, csrf: context.identity?.csrfToken ?? "", notice: notice, problem: problem,
            version: String(a.version), title: a.title, category: reference.label(a.category, in: "alert-category"),
            issuer: a.issuer, summary: a.summary, guidance: a.guidance.nonEmpty,
            sectors: a.sectors.map { reference.label($0, in: "industry-sector") }.joined(separator: ", "),
            expires: displayDay(a.expiresOn) ?? a.expiresOn, status: a.status.label,
            published: a.publishedAt.map(displayTime), withdrawnReason: a.withdrawnReason?.nonEmpty,
            indicators: a.indicators.map { .init(kind: $0.kind, value: $0.value, note: $0.note?.nonEmpty) },
            hasIndicators: !a.indicators.isEmpty, sourceIntel: a.sourceIntel?.rawValue,
            confined: user.confinedToAlerts,
            acknowledged: a.acknowledgements.first.map {
                "Acknowledged by \(people.name($0.by)), \(displayTime($0.at))"
            },
            acknowledgements: a.acknowledgements.map {
                .init(agency: $0.agencyCode, by: people.name($0.by), at: displayTime($0.at))
            },
            hasAcknowledgements: !a.acknowledgements.isEmpty,
            feedback: a.feedback.map {
                .init(
                    agency: $0.agencyCode, by: people.name($0.by), at: displayTime($0.at), rating: $0.rating,
                    text: $0.text)
            },
            hasFeedback: !a.feedback.isEmpty,
            ratings: AlertFeedback.ratings.map { .init(code: $0, label: $0.replacingOccurrences(of: "-", with: " ")) },
            canPublish: issuing && a.status == .draft, canWithdraw: issuing && a.status == .published,
            marking: MarkingTag(a.marking))
        return pages.page(model, title: a.title, identity: context.identity, section: "/alerts", status: status)
    }
}

/// The form for a new alert, or its refusal with what was typed.
struct AlertFormPage: PageModel {
    var template: String { "alertForm" }
    var hasErrors: Bool { problem != nil }
    let csrf: String
    let problem: FormProblem?
    /// What was typed, by input name (the date's boxes among them), when the form is shown again.
    let form: [String: String]?
    let categories: [Option]
    let sectors: [Tick]
    let classifications: [Option]
}

/// The private-sector organisations and the sectors each receives alerts for.
struct AlertAudiencesPage: PageModel {
    var template: String { "alertAudiences" }
    var hasErrors: Bool { problem != nil }
    let csrf: String
    let notice: String?
    let problem: FormProblem?
    let items: [Organisation]
    let hasItems: Bool

    struct Organisation {
        let code: String
        let name: String
        let sectors: [Sector]
    }

    struct Sector {
        /// The organisation's code, which makes each checkbox's ID unique on the page.
        let org: String
        let code: String
        let label: String
        let checked: Bool
    }
}

/// One alert: what it says, its indicators, and what the reader may do with it.
struct AlertPage: PageModel {
    var template: String { "alert" }
    var hasErrors: Bool { problem != nil }
    let id: String
    let csrf: String
    let notice: String?
    let problem: FormProblem?
    let version: String
    let title: String
    let category: String
    let issuer: String
    let summary: String
    let guidance: String?
    let sectors: String
    let expires: String
    let status: String
    let published: String?
    let withdrawnReason: String?
    let indicators: [Indicator]
    let hasIndicators: Bool
    let sourceIntel: String?
    /// The reader is a private-sector user, who acknowledges and gives feedback.
    let confined: Bool
    let acknowledged: String?
    let acknowledgements: [Acknowledgement]
    let hasAcknowledgements: Bool
    let feedback: [Feedback]
    let hasFeedback: Bool
    let ratings: [Rating]
    let canPublish: Bool
    let canWithdraw: Bool
    let marking: MarkingTag

    struct Indicator {
        let kind: String
        let value: String
        let note: String?
    }

    struct Acknowledgement {
        let agency: String
        let by: String
        let at: String
    }

    struct Feedback {
        let agency: String
        let by: String
        let at: String
        let rating: String
        let text: String
    }

    struct Rating {
        let code: String
        let label: String
    }
}

/// The alerts the user may see, newest first.
struct AlertListPage: PageModel {
    var template: String { "alerts" }
    let notice: String?
    let confined: Bool
    let canWrite: Bool
    let isAdmin: Bool
    let items: [Item]
    let hasItems: Bool

    struct Item {
        let id: String
        let title: String
        let category: String
        let issuer: String
        let sectors: String
        /// The last day the alert applies, in words.
        let expires: String
        let status: String
        let marking: String
        let published: String?
        let acknowledged: String?
        let summary: String
    }
}
