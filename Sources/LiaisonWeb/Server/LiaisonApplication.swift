import Foundation
import Hummingbird
import LiaisonCore
import Logging
import Prometheus

/// How the server listens and treats cookies.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Mark cookies Secure and send HSTS: set when Liaison is served over HTTPS (directly or behind a proxy).
    public var secureTransport: Bool
    public var passwordCost: UInt8

    public init(host: String = "127.0.0.1", port: Int = 8080, secureTransport: Bool = false, passwordCost: UInt8 = 12) {
        self.host = host
        self.port = port
        self.secureTransport = secureTransport
        self.passwordCost = passwordCost
    }
}

/// The composition root: builds every service and controller once and injects them explicitly.
public enum LiaisonApplication {
    /// The router with every page and API route, and the documented API operations.
    static func router(store: any LiaisonStore, clock: any LiaisonClock = SystemClock(),
                              configuration: ServerConfiguration = ServerConfiguration(),
                              registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) throws
        -> (router: Router<LiaisonRequestContext>, routes: RouteTable) {
        let pages = try PageRenderer()
        let audit = AuditLog(store: store, clock: clock)
        let authenticator = Authenticator(store: store, clock: clock, hasher: PasswordHasher(cost: configuration.passwordCost),
                                          audit: audit, secureCookies: configuration.secureTransport)
        let subjects = SubjectService(store: store, clock: clock, audit: audit)
        let groups = OCGService(store: store, clock: clock, audit: audit)

        let router = Router(context: LiaisonRequestContext.self)
        router.add(middleware: RequestLogMiddleware())
        router.add(middleware: MetricsMiddleware(registry: registry))
        router.add(middleware: SecurityHeadersMiddleware(tls: configuration.secureTransport))
        router.add(middleware: ErrorMiddleware(pages: pages))
        router.add(middleware: AuthMiddleware(authenticator: authenticator))

        var routes = RouteTable(router: router)
        SystemRoutes(store: store, registry: registry).register(&routes)
        DirectoryAPI(store: store, audit: audit).register(&routes)
        SubjectsAPI(subjects: subjects, groups: groups).register(&routes)
        OCGsAPI(groups: groups).register(&routes, store: store)
        AuditAPI(store: store, audit: audit).register(&routes)
        AccessAPI(store: store, audit: audit).register(&routes)
        HomePages(pages: pages, authenticator: authenticator).register(&routes)
        SubjectPages(pages: pages, subjects: subjects, groups: groups, store: store).register(&routes)
        OCGPages(pages: pages, groups: groups, store: store).register(&routes)
        AuditPages(pages: pages, store: store, audit: audit).register(&routes)
        AdminPages(pages: pages, store: store, admin: UserAdministration(store: store, audit: audit), authenticator: authenticator).register(&routes)
        // The document describes every operation, itself included.
        let documentOperation = SystemRoutes.openAPIOperation
        let document = try JSONCoding.encoder.encode(OpenAPIDocument.build(routes.operations + [documentOperation]))
        routes.add(documentOperation) { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: document)))
        }
        return (router, routes)
    }

    /// The whole application, ready to `runService()`.
    public static func build(store: any LiaisonStore, clock: any LiaisonClock = SystemClock(),
                             configuration: ServerConfiguration = ServerConfiguration(),
                             registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry(),
                             logger: Logger = Logger(label: "liaison")) throws -> some ApplicationProtocol {
        let (router, _) = try router(store: store, clock: clock, configuration: configuration, registry: registry)
        return Application(router: router, configuration: .init(address: .hostname(configuration.host, port: configuration.port),
                                                                serverName: "Liaison"),
                           logger: logger)
    }
}

/// `/healthz`, `/metrics`, the stylesheet, and the OpenAPI document's own entry.
struct SystemRoutes {
    let store: any LiaisonStore
    let registry: PrometheusCollectorRegistry

    static let openAPIOperation = APIOperation(method: .get, path: "/api/openapi.json", operationID: "getOpenAPI",
                                               summary: "This OpenAPI document", tag: "System", response: "OpenAPI", access: .anyone)

    struct Health: Encodable, Sendable {
        var status: String
        var database: String
        var migrations: [String]
    }

    func register(_ routes: inout RouteTable) {
        let store = self.store, registry = self.registry
        routes.add(APIOperation(method: .get, path: "/healthz", operationID: "health", summary: "Liveness and database reachability",
                             tag: "System", response: "Health", access: .anyone)) { _, _ in
            do {
                return try jsonResponse(Health(status: "ok", database: "ok", migrations: try await store.appliedMigrations()))
            } catch {
                return try jsonResponse(Health(status: "degraded", database: "unreachable", migrations: []), status: .serviceUnavailable)
            }
        }
        routes.add(APIOperation(method: .get, path: "/metrics", operationID: "metrics", summary: "Prometheus metrics",
                             tag: "System", response: "Metrics", access: .anyone)) { _, _ in
            var buffer = [UInt8]()
            registry.emit(into: &buffer)
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4"], body: .init(byteBuffer: ByteBuffer(bytes: buffer)))
        }
        routes.page(.get, "/assets/liaison.css", access: .anyone) { _, _ in
            var response = Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8"],
                                    body: .init(byteBuffer: ByteBuffer(string: Stylesheet.css)))
            response.headers[.cacheControl] = "public, max-age=3600"
            return response
        }
        routes.page(.get, "/favicon.ico", access: .anyone) { _, _ in Response(status: .noContent) }
    }
}
