import Foundation
import Hummingbird
import LiaisonCore

/// Sign in, sign out and the start page.
struct HomePages {
    let pages: PageRenderer
    let authenticator: Authenticator

    func register(_ routes: inout RouteTable) {
        let pages = self.pages, authenticator = self.authenticator
        routes.page(.get, "/login", access: .anyone) { request, context in
            if context.identity != nil { return Response.redirect(to: "/") }
            return Self.loginPage(pages, next: Self.safeNext(request.uri.queryParameters["next"].map(String.init)), username: "", errors: FormErrors())
        }
        routes.page(.post, "/login", access: .anyone) { request, context in
            let form = try await FormData.read(request)
            let username = form["username"].trimmingCharacters(in: .whitespaces)
            var errors = FormErrors()
            if username.isEmpty { errors.add("username", "Enter your username") }
            if form["password"].isEmpty { errors.add("password", "Enter your password") }
            if errors.isEmpty {
                switch try await authenticator.signIn(username: username, password: form["password"], request: context.request) {
                case .signedIn(_, let cookie):
                    var response = Response.redirect(to: Self.safeNext(form["next"]))
                    response.setCookie(cookie)
                    return response
                case .refused:
                    errors.add("username", "Enter a correct username and password")
                case .locked(let until):
                    let minutes = max(1, Int((until.timeIntervalSinceNow / 60).rounded(.up)))
                    errors.add("username", "This account is locked after repeated failed sign-ins. Try again in \(minutes) minute\(minutes == 1 ? "" : "s"), or ask your administrator")
                }
            }
            context.logger.notice("failed sign-in", metadata: ["username": .string(String(username.prefix(64)))])
            return Self.loginPage(pages, next: Self.safeNext(form["next"]), username: username, errors: errors, status: .unauthorized)
        }
        routes.page(.post, "/logout", access: .signedIn) { request, context in
            let form = try await FormData.read(request)
            try form.checkCSRF(context.identity)
            var response = Response.redirect(to: "/login")
            response.setCookie(try await authenticator.signOut(request, identity: context.identity, info: context.request))
            return response
        }
        routes.page(.get, "/", access: .signedIn) { _, context in
            let identity = context.identity!
            // A private-sector user's Liaison is the industry alerts.
            if identity.user.confinedToAlerts { return Response.redirect(to: "/alerts") }
            try await Auditor(log: authenticator.audit).run(identity.user, "page.view", kind: "page", ids: ["/"], request: context.request) {}
            return pages.page("home", title: "Home", context: view([
                "displayName": identity.user.displayName, "agencyName": identity.agency?.name,
                "roles": identity.user.roles.map { $0.rawValue.replacingOccurrences(of: "-", with: " ") }.joined(separator: ", "),
                "vetting": identity.user.vetting.rawValue,
            ]), identity: identity, section: "/")
        }
    }

    static func loginPage(_ pages: PageRenderer, next: String, username: String, errors: FormErrors,
                          status: HTTPResponse.Status = .ok) -> Response {
        var context = errors.view
        context["next"] = next
        context["fields"] = [
            fieldView("username", "Username", value: username, error: errors["username"], autocomplete: "username"),
            fieldView("password", "Password", value: "", error: errors["password"], type: "password", autocomplete: "current-password"),
        ]
        return pages.page("login", title: "Sign in", context: context, identity: nil, status: status)
    }

    /// Only local paths are followed after sign-in, never another site.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"), next.count < 500 else { return "/" }
        return next
    }
}
