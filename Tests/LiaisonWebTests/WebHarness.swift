import Foundation
import Hummingbird
import HummingbirdTesting
import LiaisonCore
import LiaisonDemo
import LiaisonStore
import LiaisonTestSupport
import Logging
import NIOCore
import NIOPosix
import Prometheus
import Testing

@testable import LiaisonWeb

/// A server over a fresh SQLite store holding a small demo dataset, driven through Hummingbird's test client.
struct WebHarness {
    let store: SQLStore
    let data: DemoDataset
    let registry = PrometheusCollectorRegistry()
    let operations: [APIOperation]
    let pages: [PageRoute]
    let application: Application<RouterResponder<LiaisonRequestContext>>
    /// Checks every API answer against the published OpenAPI document.
    let validator: OpenAPIValidator
    /// The operations whose answers were checked so far.
    let checked = ValidatingClient.Checked()

    static let password = DemoDataset.password

    /// The stores a web test can run on: SQLite always, PostgreSQL when `LIAISON_TEST_POSTGRES_URL` is set.
    enum Backing: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case sqlite, postgres

        static var available: [Backing] {
            ProcessInfo.processInfo.environment["LIAISON_TEST_POSTGRES_URL"].map { !$0.isEmpty } == true
                ? [.sqlite, .postgres] : [.sqlite]
        }

        var testDescription: String { rawValue }
    }

    init(
        clock: any LiaisonClock = SystemClock(), on backing: Backing = .sqlite,
        configuration: ServerConfiguration = ServerConfiguration(passwordCost: 4)
    ) async throws {
        let token = String(UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12))
        let dir = Scratch.path("web-\(token)")
        store = try await StoreFactory.open(
            databaseURL: backing == .postgres ? ProcessInfo.processInfo.environment["LIAISON_TEST_POSTGRES_URL"] : nil,
            dataDir: dir, schema: backing == .postgres ? "w_\(token)" : nil)
        data = DemoData.generate(seed: 5, subjects: 150, ocgs: 12)
        _ = try await DemoSeeder.seed(
            data, into: store, passwordHash: try await PasswordHasher(cost: 4).hash(Self.password))
        let built = try LiaisonApplication.router(
            store: store, clock: clock, configuration: configuration, registry: registry)
        operations = built.routes.operations
        pages = built.routes.pages
        validator = try OpenAPIValidator(operations: operations)
        var quiet = Logger(label: "liaison-test")
        quiet.logLevel = .error
        application = Application(router: built.router, logger: quiet)
    }

    func user(_ username: String) -> User { data.users.first { $0.username == username }! }

    /// The first demo subject `username` may read that also meets `condition`.
    func readable(by username: String, where condition: (Subject) -> Bool = { _ in true }) -> Subject {
        data.subjects.first { AccessPolicy.decide(user(username), .read, $0.meta).allowed && condition($0) }!
    }

    func token(_ username: String, days: Int = 90, clock: any LiaisonClock = SystemClock()) async throws -> String {
        try await Authenticator(
            store: store, clock: clock, hasher: PasswordHasher(cost: 4), audit: AuditLog(store: store, clock: clock)
        )
        .issueToken(for: user(username), name: "test", by: "test", days: days)
    }

    func run(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let validator = self.validator
        let checked = self.checked
        try await application.test(.router) { client in
            try await body(ValidatingClient(inner: client, validator: validator, checked: checked))
        }
        await store.close()
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    func json() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any])
    }

    /// The `field` of each entry in an error body's `fields`.
    func errorFields() throws -> [String] {
        (try json()["fields"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
    }
}

func bearer(_ token: String, json: Bool = true) -> HTTPFields {
    var headers: HTTPFields = [.authorization: "Bearer \(token)"]
    if json { headers[.contentType] = "application/json" }
    return headers
}

/// The sign-in form's anti-forgery token and the cookie that carries it, as a browser gets them with the form.
func signInForm(_ client: any TestClientProtocol) async throws -> (cookie: String, csrf: String) {
    let page = try await client.execute(uri: "/login", method: .get)
    let setCookie = try #require(page.headers[.setCookie])
    let marker = "name=\"_csrf\" value=\""
    let start = try #require(page.text.range(of: marker))
    return (String(setCookie.split(separator: ";")[0]), String(page.text[start.upperBound...].prefix { $0 != "\"" }))
}

/// Posts the sign-in form as a browser would: with the token and cookie its page gave, and `extraCookie` beside it.
func postSignIn(_ client: any TestClientProtocol, _ body: String, extraCookie: String? = nil) async throws
    -> TestResponse
{
    let form = try await signInForm(client)
    let cookie = [form.cookie, extraCookie].compactMap { $0 }.joined(separator: "; ")
    return try await client.execute(
        uri: "/login", method: .post,
        headers: [.contentType: "application/x-www-form-urlencoded", .cookie: cookie],
        body: ByteBuffer(string: "_csrf=\(form.csrf)&" + body))
}

/// Signs in through the login form; returns the session cookie header value and the page's CSRF token.
func signIn(_ client: any TestClientProtocol, _ username: String, password: String = WebHarness.password) async throws
    -> (cookie: String, csrf: String)
{
    let response = try await postSignIn(client, "username=\(username)&password=\(password)&next=%2F")
    #expect(response.status == .seeOther)
    let setCookie = try #require(response.headers[.setCookie])
    let cookie = String(setCookie.split(separator: ";")[0])
    var home = try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie])
    // A private-sector user's home is the alerts page.
    if home.status == .seeOther, let location = home.headers[.location] {
        home = try await client.execute(uri: location, method: .get, headers: [.cookie: cookie])
    }
    let html = home.text
    let marker = "name=\"_csrf\" value=\""
    let start = try #require(html.range(of: marker))
    let csrf = String(html[start.upperBound...].prefix { $0 != "\"" })
    return (cookie, csrf)
}

/// A raw TCP server on loopback for protocol tests (an SMTP relay, an HTTP receiver that misbehaves): each
/// connection is handed to `handle` with its input, output and channel; a connection that fails ends alone.
func rawServer(
    _ handle:
        @escaping @Sendable (
            NIOAsyncChannelInboundStream<ByteBuffer>, NIOAsyncChannelOutboundWriter<ByteBuffer>,
            any Channel
        ) async throws -> Void
) async throws -> (port: Int, task: Task<Void, any Error>) {
    let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
        .bind(host: "127.0.0.1", port: 0) { channel in
            channel.eventLoop.makeCompletedFuture {
                try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
            }
        }
    let port = try #require(server.channel.localAddress?.port)
    let task = Task {
        try await server.executeThenClose { connections in
            for try await connection in connections {
                try? await connection.executeThenClose { input, output in
                    try await handle(input, output, connection.channel)
                }
            }
        }
    }
    return (port, task)
}
