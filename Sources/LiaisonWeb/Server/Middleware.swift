import Foundation
import HTTPTypes
import Hummingbird
import LiaisonCore
import Logging
import Prometheus

/// Adds the security headers every response carries: a strict Content-Security-Policy with no scripts at all,
/// no framing, no MIME sniffing, no referrer leakage, and HSTS when served over TLS.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = LiaisonRequestContext
    let tls: Bool

    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self'; form-action 'self'; "
        + "frame-ancestors 'none'; base-uri 'none'"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.xFrameOptions] = "DENY"
        response.headers[.referrerPolicy] = "no-referrer"
        response.headers[.permissionsPolicy] = "camera=(), microphone=(), geolocation=()"
        response.headers[.crossOriginOpenerPolicy] = "same-origin"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        if tls { response.headers[.strictTransportSecurity] = "max-age=31536000; includeSubDomains" }
        return response
    }
}

/// Reads a page's query string as a browser's GET form sends it (`application/x-www-form-urlencoded`), where a
/// `+` is a space and a real plus arrives as `%2B`: "?q=MX19+ABC" searches for "MX19 ABC". The JSON API keeps
/// RFC 3986 query strings, where `+` is itself.
struct FormQueryMiddleware: RouterMiddleware {
    typealias Context = LiaisonRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard let path = request.head.path, let mark = path.firstIndex(of: "?"), path[mark...].contains("+"),
            !path.hasPrefix("/api/")
        else { return try await next(request, context) }
        var head = request.head
        head.path = String(path[..<mark]) + path[mark...].replacingOccurrences(of: "+", with: "%20")
        return try await next(Request(head: head, body: request.body), context)
    }
}

/// Gives every request an ID (the caller's `X-Request-ID` when it is sane), puts it in the logger's
/// metadata and the response headers, and logs one line per request with its status and duration.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = LiaisonRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var context = context
        let supplied = request.headers[.xRequestID]
        let id =
            supplied.flatMap { $0.count <= 64 && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" } ? $0 : nil }
            ?? Self.newID()
        context.logger[metadataKey: "request_id"] = .string(id)
        context.requestID = id
        let purpose = request.headers[.xLiaisonPurpose] ?? request.uri.queryParameters["purpose"].map(String.init)
        context.purpose = purpose.map { String($0.trimmingCharacters(in: .whitespacesAndNewlines).prefix(500)) }.flatMap
        { $0.isEmpty ? nil : $0 }
        let start = ContinuousClock.now
        var response = try await next(request, context)
        response.headers[.xRequestID] = id
        let elapsed = ContinuousClock.now - start
        context.logger.info(
            "\(request.method) \(request.uri.path) \(response.status.code)",
            metadata: [
                "duration_ms": .stringConvertible(
                    Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
            ])
        return response
    }

    /// A request ID that says nothing of how many requests came before it: 64 random bits in hexadecimal.
    static func newID() -> String {
        let n = UInt64.random(in: .min ... .max)
        let digits = String(n, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

/// Counts requests and records their latency in the Prometheus registry, labelled by route pattern
/// (never the raw path, which would carry identifiers), method and status.
struct RouteMetricsMiddleware: RouterMiddleware {
    typealias Context = LiaisonRequestContext
    let registry: PrometheusCollectorRegistry

    static var requests: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "liaison", subsystem: "http", metricName: "requests", unitName: "total",
            helpText: "HTTP requests by route pattern, method and status")
    }
    static var duration: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "liaison", subsystem: "http", metricName: "request_duration", unitName: "seconds",
            helpText: "How long requests took, by route pattern and method")
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let route = context.endpointPath ?? "unmatched"
        let labels = [("method", request.method.rawValue), ("route", route), ("status", String(response.status.code))]
        registry.makeCounter(descriptor: Self.requests, labels: labels).increment()
        registry.makeDurationHistogram(
            descriptor: Self.duration,
            labels: [("method", request.method.rawValue), ("route", route)],
            buckets: [
                .milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
                .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(5),
            ]
        ).recordNanoseconds(
            Int64(
                (ContinuousClock.now - start).components.attoseconds / 1_000_000_000
                    + (ContinuousClock.now - start).components.seconds * 1_000_000_000))
        return response
    }
}

/// Recognises the caller (session cookie or bearer token) and, for pages and API routes that need it,
/// refuses anonymous requests and form or API writes without the session's anti-forgery token.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = LiaisonRequestContext
    let authenticator: Authenticator

    static let publicPaths: Set<String> = [
        "/login", "/healthz", "/metrics", "/api/openapi.json", "/assets/liaison.css", "/favicon.ico",
    ]

    /// Whether a private-sector user may call `path`: the alerts (pages, API and feeds), who they are, and signing out.
    static func alertsOnly(_ path: String) -> Bool {
        ["/", "/logout", "/feedback", "/api/v1/me", "/alerts", "/api/v1/alerts"].contains(path)
            || path.hasPrefix("/alerts/")
            || path.hasPrefix("/api/v1/alerts/")
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        // A query parameter with a control character (a NUL, an escape) is nobody's search: refused, naming it.
        for (name, value) in request.uri.queryParameters
        where value.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\t" || $0.value == 0x7F }) {
            throw LiaisonError.invalid(String(name.prefix(40)), "must not contain control characters")
        }
        var context = context
        var request = request
        context.identity = try await authenticator.identify(request)
        let path = request.uri.path
        try await Self.checkForgery(&request, identity: context.identity)
        if Self.publicPaths.contains(path) { return try await next(request, context) }
        guard let identity = context.identity else {
            if path.hasPrefix("/api/") { throw LiaisonError.unauthenticated }
            let target = request.uri.description
            let next = target.hasPrefix("/") && !target.hasPrefix("//") ? target : "/"
            return Response.redirect(
                to: "/login?next=\(next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/")")
        }
        // Private-sector users reach the industry alerts and nothing else, whatever a route would otherwise allow.
        if identity.user.confinedToAlerts && !Self.alertsOnly(path) {
            throw LiaisonError.forbidden(reason: AccessPolicy.confinement)
        }
        return try await next(request, context)
    }

    static let forged = "the form has expired or did not come from Liaison; go back, reload the page and try again"

    /// Anti-forgery, in one place, for every request that changes something and that a browser could be tricked
    /// into sending: one from another site (its `Origin` or `Sec-Fetch-Site` says so) is refused; a
    /// cookie-authenticated API call must carry the session's token in `X-CSRF-Token`; a cookie-authenticated form
    /// must carry it as `_csrf`; and the sign-in form must carry the token of the sign-in cookie its page set, so
    /// no other site can sign a browser in. Requests with a bearer token are not ambient and need none of this.
    static func checkForgery(_ request: inout Request, identity: Identity?) async throws {
        guard ![.get, .head, .options].contains(request.method), identity?.method != .token else { return }
        let path = request.uri.path
        let signingIn = path == "/login"
        guard identity?.method == .session || signingIn else { return }
        if request.headers[.secFetchSite] == "cross-site" { throw LiaisonError.forbidden(reason: forged) }
        if let origin = request.headers[.origin], origin != "null", let host = request.head.authority,
            URLComponents(string: origin).map({
                [$0.host, $0.port.map(String.init)].compactMap { $0 }.joined(separator: ":")
            }) != host
        {
            throw LiaisonError.forbidden(reason: forged)
        }
        if path.hasPrefix("/api/") {
            guard let sent = request.headers[.xCSRFToken], let expected = identity?.csrfToken,
                Secrets.constantTimeEquals(sent, expected)
            else {
                throw LiaisonError.forbidden(reason: "missing or wrong X-CSRF-Token header")
            }
            return
        }
        let form = FormData(String(buffer: try await request.collectBody(upTo: FormData.maximumBytes)))
        let expected = signingIn ? request.cookies[Authenticator.signInCookieName]?.value : identity?.csrfToken
        guard let expected, !expected.isEmpty, Secrets.constantTimeEquals(form["_csrf"], expected) else {
            throw LiaisonError.forbidden(reason: forged)
        }
    }
}

extension HTTPField.Name {
    static let xRequestID = Self("X-Request-ID")!
    static let xCSRFToken = Self("X-CSRF-Token")!
    static let secFetchSite = Self("Sec-Fetch-Site")!
    static let xLiaisonPurpose = Self("X-Liaison-Purpose")!
    static let xFrameOptions = Self("X-Frame-Options")!
    static let referrerPolicy = Self("Referrer-Policy")!
    static let permissionsPolicy = Self("Permissions-Policy")!
    static let crossOriginOpenerPolicy = Self("Cross-Origin-Opener-Policy")!
}
