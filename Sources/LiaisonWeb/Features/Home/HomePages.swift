import Foundation
import Hummingbird
import LiaisonCore

/// Sign in, sign out and the start page.
struct HomePages {
    let pages: PageRenderer
    let authenticator: Authenticator
    let obligations: ObligationService

    func register(_ routes: inout RouteTable) {
        let pages = self.pages
        let authenticator = self.authenticator
        let obligations = self.obligations
        routes.page(.get, "/login", access: .anyone) { request, context in
            if context.identity != nil { return Response.redirect(to: "/") }
            return Self.loginPage(
                pages, authenticator: authenticator,
                next: Self.safeNext(request.uri.queryParameters["next"].map(String.init)),
                username: "", errors: FormErrors())
        }
        routes.page(.post, "/login", access: .anyone) { request, context in
            let form = try await FormData.read(request)
            let username = form["username"].trimmingCharacters(in: .whitespaces)
            var errors = FormErrors()
            if username.isEmpty { errors.add("username", "Enter your username") }
            if form["password"].isEmpty { errors.add("password", "Enter your password") }
            if errors.isEmpty {
                switch try await authenticator.signIn(
                    username: username, password: form["password"],
                    replacing: request.cookies[Authenticator.cookieName]?.value, request: context.request)
                {
                case .signedIn(_, let cookie):
                    var response = Response.redirect(to: Self.safeNext(form["next"]))
                    response.setCookie(cookie)
                    return response
                case .refused:
                    errors.add("username", "Enter a correct username and password")
                case .locked(let until):
                    let minutes = max(1, Int((until.timeIntervalSince(authenticator.clock.now()) / 60).rounded(.up)))
                    errors.add(
                        "username",
                        "This account is locked after repeated failed sign-ins. Try again in \(minutes) minute\(minutes == 1 ? "" : "s"), or ask your administrator"
                    )
                }
            }
            context.logger.notice("failed sign-in", metadata: ["username": .string(String(username.prefix(64)))])
            return Self.loginPage(
                pages, authenticator: authenticator, next: Self.safeNext(form["next"]), username: username,
                errors: errors,
                status: .unauthorized)
        }
        routes.page(.post, "/logout", access: .signedIn) { request, context in
            var response = Response.redirect(to: "/login")
            response.setCookie(
                try await authenticator.signOut(request, identity: context.identity, info: context.request))
            return response
        }
        // Feedback on the service, kept in the audit chain (action feedback.sent) for the service team.
        routes.page(.get, "/feedback", access: .signedIn) { request, context in
            pages.page(
                FeedbackPage(
                    csrf: context.identity?.csrfToken ?? "", thanks: request.uri.queryParameters["sent"] != nil,
                    problem: nil, text: ""),
                title: "Feedback", identity: context.identity)
        }
        routes.page(.post, "/feedback", access: .signedIn) { request, context in
            let form = try await FormData.read(request)
            let text = form["text"].trimmingCharacters(in: .whitespacesAndNewlines)
            guard (1...2_000).contains(text.count) else {
                let problem = text.isEmpty ? "Enter your feedback" : "Feedback must be 2,000 characters or fewer"
                return pages.page(
                    FeedbackPage(csrf: context.identity?.csrfToken ?? "", thanks: false, problem: problem, text: text),
                    title: "Feedback", identity: context.identity, status: .unprocessableContent)
            }
            try await Auditor(log: authenticator.audit).run(
                try context.user(), "feedback.sent", kind: "feedback", request: context.request, detail: text
            ) {}
            return Response.redirect(to: "/feedback?sent=1")
        }
        routes.page(.get, "/", access: .signedIn) { _, context in
            let identity = try context.signedIn()
            // A private-sector user's Liaison is the industry alerts.
            if identity.user.confinedToAlerts { return Response.redirect(to: "/alerts") }
            try await Auditor(log: authenticator.audit).run(
                identity.user, "page.view", kind: "page", ids: ["/"], request: context.request
            ) {}
            // Senior caseworkers and the process team see first what has been escalated to them.
            let escalated = try await obligations.escalatedTo(identity.user, request: context.request)
            let user = identity.user
            return pages.page(
                HomePage(
                    displayName: user.displayName, agencyName: identity.agency?.name ?? "",
                    canCreate: AccessPolicy.decideCreate(user, marking: .official).allowed,
                    roles: user.roles.map { $0.rawValue.replacingOccurrences(of: "-", with: " ") }.joined(
                        separator: ", "),
                    vetting: user.vetting.rawValue,
                    escalated: escalated.map { o in
                        HomePage.Escalated(
                            caseID: o.caseID.rawValue, reference: o.reference, agency: o.agencyCode,
                            event: Obligation.eventName(o.event), due: displayTime(o.dueBy),
                            level: Obligation.escalationTargets[o.escalation], since: o.escalatedAt.map(displayTime))
                    }),
                title: "Home", identity: identity, section: "/")
        }
    }

    /// The sign-in form, with a fresh anti-forgery token in the form and in a cookie scoped to `/login`.
    static func loginPage(
        _ pages: PageRenderer, authenticator: Authenticator, next: String, username: String, errors: FormErrors,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        let (token, cookie) = authenticator.signInToken()
        let page = LoginPage(
            csrf: token, next: next,
            fields: [
                fieldView("username", "Username", value: username, error: errors["username"], autocomplete: "username"),
                fieldView(
                    "password", "Password", value: "", error: errors["password"], type: "password",
                    autocomplete: "current-password"),
            ], errors: errors.list)
        var response = pages.page(page, title: "Sign in", identity: nil, status: status)
        response.setCookie(cookie)
        return response
    }

    /// Only local paths are followed after sign-in, never another site: a path of printable characters without
    /// backslashes that starts with one slash. (Browsers drop tabs and line breaks, so "/\t/evil.example" would
    /// become "//evil.example".)
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), next.count < 500,
            !next.unicodeScalars.contains(where: {
                $0.value <= 0x20 || $0.value == 0x7F || $0 == "\\" || $0.properties.isWhitespace
            })
        else { return "/" }
        return next
    }
}

/// The sign-in form.
struct LoginPage: PageModel {
    var template: String { "login" }
    let csrf: String
    /// Where to go once signed in.
    let next: String
    let fields: [FormField]
    let errors: [FormError]
    let hasErrors: Bool

    init(csrf: String, next: String, fields: [FormField], errors: [FormError]) {
        self.csrf = csrf
        self.next = next
        self.fields = fields
        self.errors = errors
        hasErrors = !errors.isEmpty
    }
}

/// The start page: what has been escalated to the user, search, and their account.
struct HomePage: PageModel {
    var template: String { "home" }
    let displayName: String
    let agencyName: String
    let canCreate: Bool
    let roles: String
    let vetting: String
    let escalated: [Escalated]
    let hasEscalated: Bool
    let escalatedCount: String

    /// An obligation escalated to the user.
    struct Escalated {
        let caseID: String
        let reference: String
        let agency: String
        let event: String
        let due: String
        let level: String
        let since: String?
    }

    init(
        displayName: String, agencyName: String, canCreate: Bool, roles: String, vetting: String,
        escalated: [Escalated]
    ) {
        self.displayName = displayName
        self.agencyName = agencyName
        self.canCreate = canCreate
        self.roles = roles
        self.vetting = vetting
        self.escalated = escalated
        hasEscalated = !escalated.isEmpty
        escalatedCount = String(escalated.count)
    }
}

/// Feedback on the service.
struct FeedbackPage: PageModel {
    var template: String { "feedback" }
    let csrf: String
    /// Whether feedback was just sent.
    let thanks: Bool
    let problem: String?
    let text: String
}
