import Hummingbird
import LiaisonCore

/// One documented API operation. Every API route is declared through one of these, so the OpenAPI document
/// and the router can never disagree.
struct APIOperation: Sendable {
    struct Parameter: Sendable {
        var name: String
        var description: String
        var schema: [String: JSONValue] = ["type": "string"]
    }

    var method: HTTPRequest.Method
    /// The path in OpenAPI form, e.g. `/api/v1/subjects/{id}`.
    var path: String
    var operationID: String
    var summary: String
    var tag: String
    var query: [Parameter] = []
    /// The component schema of the request body, if any.
    var requestBody: String? = nil
    /// The media types the body may come as.
    var bodyTypes: [String] = ["application/json"]
    /// The component schema of the success response.
    var response: String
    var status: Int = 200
    /// Who may call it: checked by the authorisation matrix test for every route.
    var access: RouteAccess = .signedIn

    /// Whether the caller must be signed in.
    var authenticated: Bool { access != .anyone }

    var pathParameters: [String] {
        path.split(separator: "/").filter { $0.hasPrefix("{") }.map { String($0.dropFirst().dropLast()) }
    }
}

/// Who may use a route. Every route declares one, and the authorisation matrix test checks each against
/// every kind of user and record.
enum RouteAccess: Sendable, Equatable {
    /// No sign-in needed.
    case anyone
    /// Any signed-in user.
    case signedIn
    /// Signed-in users holding one of these roles.
    case roles(Set<Role>)
    /// The record named by `{id}`, as the access policy decides for reading it.
    case readRecord(String)
    /// The record named by `{id}`, as the access policy decides for changing it.
    case updateRecord(String)
    /// A new record of this kind, as the access policy decides for creating one.
    case createRecord(String)
    /// A record named by `{id}` that only users of the agency that made it see (an import job).
    case agencyRecord(String)
    /// The match review named by `{id}`: reading both of its subjects, as the policy decides.
    case readPair
    /// The match review named by `{id}`: reading both of its subjects, then `AccessPolicy.decideLink`.
    case decidePair
    /// The case named by `{id}`: reading it, then either changing it or holding a partner role (`CaseService.interestRoles`).
    case registerInterest
    /// The subject named by `{id}`: reading it, then holding a partner or casework role.
    case subjectInterest
    /// The obligation named by `{id}`: addressed to the user's agency, or on a case the user may read.
    case obligation
    /// The obligation named by `{id}`, seen as `obligation`; then only the agency it is addressed to may acknowledge.
    case acknowledgeObligation
    /// The operation named by `{name}`: seeing it (`OperationService.mayRead`), then briefing into it (`mayBrief`).
    case briefOperation
    /// The intelligence report named by `{id}`: sent to the user's agency and not yet acknowledged.
    case intelRecipient
    /// The industry alert named by `{id}`, as `AccessPolicy.decideAlert` decides for reading it.
    case readAlert
    /// The alert named by `{id}`, seen as `readAlert`; then `AlertService.mayPublish`.
    case publishAlert
    /// The alert named by `{id}`, seen as `readAlert`; then only its private-sector recipients (acknowledgement, feedback).
    case answerAlert
}

/// A page route: what the authorisation matrix test needs to know of it.
struct PageRoute: Sendable {
    var method: HTTPRequest.Method
    /// In the same `{id}` form as API paths.
    var path: String
    var access: RouteAccess
}

/// Every route of the application, API and pages, registered in one place: the router is reachable only through
/// this table, so no route escapes the OpenAPI document or the authorisation matrix test, and each route's declared
/// access is enforced before its handler runs (`enforce`).
struct RouteTable {
    private let router: Router<LiaisonRequestContext>
    private let audit: AuditLog?
    private(set) var operations: [APIOperation] = []
    private(set) var pages: [PageRoute] = []

    init(router: Router<LiaisonRequestContext>, audit: AuditLog? = nil) {
        self.router = router
        self.audit = audit
    }

    /// Adds a documented API operation.
    mutating func add(
        _ operation: APIOperation,
        _ handler: @escaping @Sendable (Request, LiaisonRequestContext) async throws -> Response
    ) {
        operations.append(operation)
        let audit = self.audit
        let access = operation.access
        router.on(RouterPath(Self.routerPath(operation.path)), method: operation.method) { request, context in
            try await Self.enforce(access, context, audit: audit)
            return try await handler(request, context)
        }
    }

    /// Adds a page (or asset) route.
    mutating func page(
        _ method: HTTPRequest.Method, _ path: String, access: RouteAccess,
        _ handler: @escaping @Sendable (Request, LiaisonRequestContext) async throws -> Response
    ) {
        pages.append(PageRoute(method: method, path: path, access: access))
        let audit = self.audit
        router.on(RouterPath(Self.routerPath(path)), method: method) { request, context in
            try await Self.enforce(access, context, audit: audit)
            return try await handler(request, context)
        }
    }

    /// The part of a route's declared access that needs no record: a signed-in caller for every route but the
    /// public ones, and one of the roles for role routes. What a record decides (read, change, the obligation's
    /// agency…) is decided by the service the handler calls, through the access policy. A refusal here is audited.
    static func enforce(_ access: RouteAccess, _ context: LiaisonRequestContext, audit: AuditLog?) async throws {
        if access == .anyone { return }
        let user = try context.user()
        guard case .roles(let roles) = access else { return }
        if user.active && !Set(user.roles).isDisjoint(with: roles) { return }
        let reason =
            "this is for "
            + roles.map { $0.rawValue.replacingOccurrences(of: "-", with: " ") }.sorted().joined(separator: ", ")
        try await audit?.record(
            AuditDraft(
                user, "route.refused", kind: "route", ids: [context.endpointPath ?? ""], request: context.request,
                detail: reason, outcome: .denied))
        throw LiaisonError.forbidden(reason: reason)
    }

    /// `/subjects/{id}` in the router's form, `/subjects/:id`.
    static func routerPath(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { part in
            part.hasPrefix("{") && part.hasSuffix("}") ? ":" + part.dropFirst().dropLast() : String(part)
        }.joined(separator: "/")
    }
}

/// A JSON value for hand-built documents such as the OpenAPI description.
enum JSONValue: Sendable, Encodable, Equatable, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral
{
    case string(String)
    case number(Int)
    case bool(Bool)
    case array([JSONValue])
    case object([String: JSONValue])

    init(stringLiteral value: String) { self = .string(value) }
    init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { $1 }))
    }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(integerLiteral value: Int) { self = .number(value) }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let v): try container.encode(v)
        case .number(let v): try container.encode(v)
        case .bool(let v): try container.encode(v)
        case .array(let v): try container.encode(v)
        case .object(let v): try container.encode(v)
        }
    }

    subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }
}
