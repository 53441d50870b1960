import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import LiaisonCore
import Logging
import NIOCore
import NIOSSL
import Prometheus
import ServiceLifecycle

/// How the server listens and treats cookies.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Mark cookies Secure and send HSTS: set when Liaison is served over HTTPS (directly or behind a proxy).
    public var secureTransport: Bool
    public var passwordCost: UInt8
    /// PEM files of the certificate (chain) and private key, to serve HTTPS directly.
    public var tls: (certificate: String, key: String)?
    /// The SMTP relay notices are emailed through, if any.
    public var smtp: (host: String, port: Int, from: String)?
    /// The internal hosts webhooks may reach (none by default).
    public var webhookHosts: WebhookHosts
    /// Who may read `/metrics`.
    public var metrics: MetricsAccess
    /// Seals and opens the agencies' webhook secrets.
    public var secrets: SecretBox

    /// Who may read the Prometheus metrics: nobody (the default; `/metrics` answers 404), a scraper presenting a
    /// bearer token, or anyone who can reach the port (for a port that only the monitoring network reaches).
    public enum MetricsAccess: Sendable, Equatable {
        case off
        case token(String)
        case open
    }

    public init(
        host: String = "127.0.0.1", port: Int = 8080, secureTransport: Bool = false, passwordCost: UInt8 = 12,
        tls: (certificate: String, key: String)? = nil, smtp: (host: String, port: Int, from: String)? = nil,
        webhookHosts: WebhookHosts = WebhookHosts(), metrics: MetricsAccess = .off, secrets: SecretBox = .process
    ) {
        self.smtp = smtp
        self.secrets = secrets
        self.webhookHosts = webhookHosts
        self.metrics = metrics
        self.host = host
        self.port = port
        self.secureTransport = secureTransport || tls != nil
        self.passwordCost = passwordCost
        self.tls = tls
    }

    /// Checks the TLS files can be read, so a bad path is reported before the server starts.
    public func checkTLSFiles() throws { _ = try tlsConfiguration() }

    /// The server's TLS settings from the PEM files, or a clear error naming the file that cannot be used.
    func tlsConfiguration() throws -> TLSConfiguration? {
        guard let tls else { return nil }
        let chain: [NIOSSLCertificate]
        do { chain = try NIOSSLCertificate.fromPEMFile(tls.certificate) } catch {
            throw ConfigurationError("cannot read the TLS certificate at \(tls.certificate): \(error)")
        }
        let key: NIOSSLPrivateKey
        do { key = try NIOSSLPrivateKey(file: tls.key, format: .pem) } catch {
            throw ConfigurationError("cannot read the TLS private key at \(tls.key): \(error)")
        }
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        configuration.minimumTLSVersion = .tlsv12
        return configuration
    }
}

/// A setting that stops the server from starting, with what to fix.
public struct ConfigurationError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

/// The composition root: builds every service and controller once and injects them explicitly.
public enum LiaisonApplication {
    /// The router with every page and API route, and the documented API operations.
    /// - Parameter auditStore: where audit entries go; the store itself unless a benchmark measures the cost of auditing.
    static func router(
        store: any LiaisonStore, clock: any LiaisonClock = SystemClock(),
        configuration: ServerConfiguration = ServerConfiguration(),
        registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry(),
        auditStore: (any AuditStore)? = nil, audit shared: AuditLog? = nil
    ) throws
        -> (router: Router<LiaisonRequestContext>, routes: RouteTable)
    {
        let pages = try PageRenderer()
        let audit = shared ?? AuditLog(store: auditStore ?? store, clock: clock)
        let authenticator = Authenticator(
            store: store, clock: clock, hasher: PasswordHasher(cost: configuration.passwordCost),
            audit: audit, secureCookies: configuration.secureTransport)
        let services = LiaisonServices(
            store: store, clock: clock, audit: audit, webhookHosts: configuration.webhookHosts,
            secrets: configuration.secrets)
        let subjects = services.subjects
        let groups = services.groups
        let matching = services.matching
        let reviews = services.reviews
        let cases = services.cases
        let imports = services.imports
        let obligations = services.obligations
        let guidance = services.guidance
        let pois = services.pois
        let interventions = services.interventions
        let scoring = services.scoring
        let operations = services.operations
        let assets = services.assets
        let reports = services.reports
        let intelligence = services.intelligence
        let gain = services.gain
        let alerts = services.alerts
        let directory = services.directory
        let reference = services.reference
        let auditing = services.auditing
        let assetPages = AssetPages(pages: pages, assets: assets, directory: directory)
        let interventionPages = InterventionPages(pages: pages, interventions: interventions, directory: directory)

        let router = Router(context: LiaisonRequestContext.self)
        router.add(middleware: RequestLogMiddleware())
        router.add(middleware: FormQueryMiddleware())
        router.add(middleware: RouteMetricsMiddleware(registry: registry))
        // Hummingbird's own request metrics, through whatever `MetricsSystem` was bootstrapped with.
        router.add(middleware: MetricsMiddleware())
        router.add(middleware: SecurityHeadersMiddleware(tls: configuration.secureTransport))
        router.add(middleware: ErrorMiddleware(pages: pages))
        router.add(middleware: AuthMiddleware(authenticator: authenticator))

        var routes = RouteTable(router: router, audit: audit)
        SystemRoutes(directory: directory, registry: registry, metrics: configuration.metrics).register(&routes)
        DirectoryAPI(directory: directory, reference: reference, audit: audit).register(&routes)
        SubjectsAPI(subjects: subjects, groups: groups, matching: matching, reviews: reviews, cases: cases).register(
            &routes)
        OCGsAPI(groups: groups).register(&routes, directory: directory)
        MatchesAPI(reviews: reviews).register(&routes)
        ImportsAPI(imports: imports).register(&routes)
        CasesAPI(cases: cases, obligations: obligations).register(&routes)
        ObligationsAPI(obligations: obligations, guidance: guidance).register(&routes)
        POIsAPI(pois: pois, groups: groups, scoring: scoring).register(&routes)
        InterventionsAPI(interventions: interventions).register(&routes)
        OperationsAPI(operations: operations).register(&routes)
        AssetsAPI(assets: assets).register(&routes)
        ReportsAPI(reports: reports).register(&routes)
        IntelligenceAPI(intelligence: intelligence, directory: directory).register(&routes)
        GAINAPI(gain: gain).register(&routes)
        AlertsAPI(alerts: alerts).register(&routes)
        AuditAPI(audit: auditing).register(&routes)
        AccessAPI(audit: auditing).register(&routes)
        HomePages(pages: pages, authenticator: authenticator, obligations: obligations).register(&routes)
        SubjectPages(
            pages: pages, subjects: subjects, matching: matching, groups: groups, reviews: reviews, cases: cases,
            pois: pois, assets: assetPages, directory: directory
        ).register(&routes)
        OCGPages(
            pages: pages, groups: groups, scoring: scoring, interventions: interventionPages, assets: assetPages,
            directory: directory
        ).register(&routes)
        MatchPages(pages: pages, reviews: reviews, directory: directory).register(&routes)
        ImportPages(pages: pages, imports: imports, directory: directory).register(&routes)
        CaseStepPages(pages: pages, cases: cases, directory: directory).register(&routes)
        CasePages(
            pages: pages, cases: cases, subjects: subjects, obligations: obligations, guidance: guidance,
            assets: assetPages,
            directory: directory
        ).register(&routes)
        ObligationPages(pages: pages, obligations: obligations, guidance: guidance, directory: directory).register(
            &routes)
        POIPages(
            pages: pages, pois: pois, groups: groups, scoring: scoring, interventions: interventionPages,
            directory: directory
        ).register(&routes)
        interventionPages.register(&routes)
        OperationPages(pages: pages, operations: operations, interventions: interventionPages, directory: directory)
            .register(&routes)
        assetPages.register(&routes)
        ReportPages(pages: pages, reports: reports, directory: directory).register(&routes)
        IntelligencePages(pages: pages, intelligence: intelligence, directory: directory).register(&routes)
        GAINPages(pages: pages, gain: gain, directory: directory).register(&routes)
        AlertPages(pages: pages, alerts: alerts, directory: directory).register(&routes)
        AuditPages(pages: pages, audit: auditing).register(&routes)
        AdminPages(
            pages: pages, directory: directory, admin: services.accounts, reference: reference,
            authenticator: authenticator, obligations: obligations
        ).register(&routes)
        // The document describes every operation, itself included.
        let documentOperation = SystemRoutes.openAPIOperation
        let document = try JSONCoding.encoder.encode(OpenAPIDocument.build(routes.operations + [documentOperation]))
        routes.add(documentOperation) { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(bytes: document)))
        }
        return (router, routes)
    }

    /// The outbox's transports: webhooks always; email when an SMTP relay is configured.
    public static func transports(_ configuration: ServerConfiguration) -> [OutboxMessage.Channel: any MessageTransport]
    {
        var transports: [OutboxMessage.Channel: any MessageTransport] = [
            .webhook: WebhookTransport(hosts: configuration.webhookHosts)
        ]
        if let smtp = configuration.smtp {
            transports[.email] = SMTPTransport(host: smtp.host, port: smtp.port, from: smtp.from)
        }
        return transports
    }

    /// The whole application, ready to `runService()`: the web server, and the worker delivering the outbox and
    /// watching deadlines.
    /// - Parameters:
    ///   - services: run before the worker and the server and stopped after them, such as the store itself (its
    ///     PostgreSQL connection pool).
    ///   - listening: called once the server is listening on its address.
    public static func build(
        store: any LiaisonStore, clock: any LiaisonClock = SystemClock(),
        configuration: ServerConfiguration = ServerConfiguration(),
        registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry(),
        logger: Logger = Logger(label: "liaison"), auditStore: (any AuditStore)? = nil,
        deliveryWorker: Bool = true, services: [any Service] = [],
        listening: @escaping @Sendable () async -> Void = {}
    ) throws -> some ApplicationProtocol {
        let audit = AuditLog(store: auditStore ?? store, clock: clock)
        let (router, _) = try router(
            store: store, clock: clock, configuration: configuration, registry: registry, audit: audit)
        let server: HTTPServerBuilder =
            try configuration.tlsConfiguration().map { try .tls(.http1(), tlsConfiguration: $0) } ?? .http1()
        let worker = DeliveryWorker(
            dispatcher: OutboxDispatcher(
                store: store, clock: clock, audit: audit, transports: transports(configuration),
                secrets: configuration.secrets),
            obligations: LiaisonServices(
                store: store, clock: clock, audit: audit, webhookHosts: configuration.webhookHosts,
                secrets: configuration.secrets
            ).obligations,
            logger: logger)
        return Application(
            router: router, server: server,
            configuration: .init(
                address: .hostname(configuration.host, port: configuration.port), serverName: "Liaison"),
            services: services + (deliveryWorker ? [worker] : []), onServerRunning: { _ in await listening() },
            logger: logger)
    }

    /// Whether `error` is the server's address already being listened on by another.
    public static func addressInUse(_ error: any Error) -> Bool { (error as? IOError)?.errnoCode == EADDRINUSE }
}

/// `/healthz`, `/metrics`, the stylesheet, and the OpenAPI document's own entry.
struct SystemRoutes {
    let directory: DirectoryService
    let registry: PrometheusCollectorRegistry
    let metrics: ServerConfiguration.MetricsAccess

    static let openAPIOperation = APIOperation(
        method: .get, path: "/api/openapi.json", operationID: "getOpenAPI",
        summary: "This OpenAPI document", tag: "System", response: "OpenAPI", access: .anyone)

    struct Health: Encodable, Sendable {
        var status: String
        var database: String
        var migrations: [String]
    }

    func register(_ routes: inout RouteTable) {
        let directory = self.directory
        let registry = self.registry
        let metrics = self.metrics
        routes.add(
            APIOperation(
                method: .get, path: "/healthz", operationID: "health", summary: "Liveness and database reachability",
                tag: "System", response: "Health", access: .anyone)
        ) { _, _ in
            do {
                return try jsonResponse(
                    Health(status: "ok", database: "ok", migrations: try await directory.appliedMigrations()))
            } catch {
                return try jsonResponse(
                    Health(status: "degraded", database: "unreachable", migrations: []), status: .serviceUnavailable)
            }
        }
        routes.add(
            APIOperation(
                method: .get, path: "/metrics", operationID: "metrics", summary: "Prometheus metrics",
                tag: "System", response: "Metrics", access: .anyone)
        ) { request, _ in
            switch metrics {
            case .off: throw LiaisonError.notFound(kind: "page", id: "/metrics")
            case .token(let expected):
                let sent = request.headers[.authorization].map { String($0.dropFirst("Bearer ".count)) } ?? ""
                guard request.headers[.authorization]?.hasPrefix("Bearer ") == true,
                    Secrets.constantTimeEquals(sent, expected)
                else {
                    throw LiaisonError.unauthenticated
                }
            case .open: break
            }
            var buffer = [UInt8]()
            registry.emit(into: &buffer)
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
                body: .init(byteBuffer: ByteBuffer(bytes: buffer)))
        }
        routes.page(.get, "/assets/liaison.css", access: .anyone) { _, _ in
            var response = Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: Stylesheet.css)))
            response.headers[.cacheControl] = "public, max-age=3600"
            return response
        }
        routes.page(.get, "/favicon.ico", access: .anyone) { _, _ in Response(status: .noContent) }
    }
}
