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
    /// The component schema of the success response.
    var response: String
    var status: Int = 200
    /// Whether the caller must be signed in.
    var authenticated = true

    /// The path in the router's form, e.g. `/api/v1/subjects/:id`.
    var routerPath: String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { part in
            part.hasPrefix("{") && part.hasSuffix("}") ? ":" + part.dropFirst().dropLast() : String(part)
        }.joined(separator: "/")
    }

    var pathParameters: [String] {
        path.split(separator: "/").filter { $0.hasPrefix("{") }.map { String($0.dropFirst().dropLast()) }
    }
}

/// Registers API operations on the router and remembers them for the OpenAPI document.
struct APIRoutes {
    let router: Router<LiaisonRequestContext>
    private(set) var operations: [APIOperation] = []

    init(router: Router<LiaisonRequestContext>) { self.router = router }

    mutating func add(_ operation: APIOperation,
                      _ handler: @escaping @Sendable (Request, LiaisonRequestContext) async throws -> Response) {
        operations.append(operation)
        router.on(RouterPath(operation.routerPath), method: operation.method) { request, context in
            try await handler(request, context)
        }
    }
}

/// A JSON value for hand-built documents such as the OpenAPI description.
enum JSONValue: Sendable, Encodable, Equatable, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral {
    case string(String)
    case number(Int)
    case bool(Bool)
    case array([JSONValue])
    case object([String: JSONValue])

    init(stringLiteral value: String) { self = .string(value) }
    init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(Dictionary(elements, uniquingKeysWith: { $1 })) }
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
