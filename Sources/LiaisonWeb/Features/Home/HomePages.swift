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
                "feedback", title: "Feedback",
                context: view([
                    "csrf": context.identity?.csrfToken, "thanks": request.uri.queryParameters["sent"] != nil,
                ]),
                identity: context.identity)
        }
        routes.page(.post, "/feedback", access: .signedIn) { request, context in
            let form = try await FormData.read(request)
            let text = form["text"].trimmingCharacters(in: .whitespacesAndNewlines)
            guard (1...2_000).contains(text.count) else {
                let problem = text.isEmpty ? "Enter your feedback" : "Feedback must be 2,000 characters or fewer"
                return pages.page(
                    "feedback", title: "Feedback",
                    context: view(["csrf": context.identity?.csrfToken, "problem": problem, "text": text]),
                    identity: context.identity, status: .unprocessableContent)
            }
            try await Auditor(log: authenticator.audit).run(
                try context.user(), "feedback.sent", kind: "feedback", request: context.request, detail: text
            ) {}
            return Response.redirect(to: "/feedback?sent=1")
        }
        routes.page(.get, "/", access: .signedIn) { _, context in
            let identity = context.identity!
            // A private-sector user's Liaison is the industry alerts.
            if identity.user.confinedToAlerts { return Response.redirect(to: "/alerts") }
            try await Auditor(log: authenticator.audit).run(
                identity.user, "page.view", kind: "page", ids: ["/"], request: context.request
            ) {}
            // Senior caseworkers and the process team see first what has been escalated to them.
            let escalated = try await obligations.escalatedTo(identity.user, request: context.request)
            let now = obligations.now()
            return pages.page(
                "home", title: "Home",
                context: view([
                    "escalated": escalated.map { o in
                        view([
                            "caseID": o.caseID.rawValue, "reference": o.reference, "agency": o.agencyCode,
                            "event": Obligation.eventName(o.event),
                            "due": displayTime(o.dueBy), "level": Obligation.escalationTargets[o.escalation],
                            "since": o.escalatedAt.map(displayTime), "late": o.isOverdue(at: now),
                        ])
                    },
                    "hasEscalated": !escalated.isEmpty, "escalatedCount": String(escalated.count),
                    "displayName": identity.user.displayName, "agencyName": identity.agency?.name,
                    "canCreate": AccessPolicy.decideCreate(identity.user, marking: .official).allowed,
                    "roles": identity.user.roles.map { $0.rawValue.replacingOccurrences(of: "-", with: " ") }.joined(
                        separator: ", "),
                    "vetting": identity.user.vetting.rawValue,
                ]), identity: identity, section: "/")
        }
    }

    /// The sign-in form, with a fresh anti-forgery token in the form and in a cookie scoped to `/login`.
    static func loginPage(
        _ pages: PageRenderer, authenticator: Authenticator, next: String, username: String, errors: FormErrors,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        var context = errors.view
        let (token, cookie) = authenticator.signInToken()
        context["next"] = next
        context["csrf"] = token
        context["fields"] = [
            fieldView("username", "Username", value: username, error: errors["username"], autocomplete: "username"),
            fieldView(
                "password", "Password", value: "", error: errors["password"], type: "password",
                autocomplete: "current-password"),
        ]
        var response = pages.page("login", title: "Sign in", context: context, identity: nil, status: status)
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
