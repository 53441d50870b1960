import Foundation
import Hummingbird
import LiaisonCore
import Logging

/// The one place errors become HTTP responses.
///
/// API paths get a JSON body `{"error": code, "message": text, "fields": [{field, reason}], "requestId": id}`;
/// pages get an HTML error page. Unexpected errors are logged with the request ID and answered with a plain 500
/// that carries no detail, SQL or record content.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = LiaisonRequestContext
    let pages: PageRenderer

    struct Body: Encodable {
        var error: String
        var message: String
        var fields: [FieldError]?
        var requestId: String
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            let mapped = Self.map(error)
            if mapped.status == .internalServerError {
                context.logger.error(
                    "unhandled error",
                    metadata: [
                        "error_type": .string(String(describing: type(of: error))),
                        "error": .string(Self.redacted(String(describing: error))),
                    ])
            }
            if request.uri.path.hasPrefix("/api/") || request.uri.path == "/metrics" {
                var response = try jsonResponse(
                    Body(
                        error: mapped.code, message: mapped.message, fields: mapped.fields,
                        requestId: context.requestID), status: mapped.status)
                if mapped.status == .unauthorized { response.headers[.wwwAuthenticate] = "Bearer realm=\"liaison\"" }
                return response
            }
            if mapped.status == .unauthorized { return Response.redirect(to: "/login") }
            return pages.page(
                ErrorPage(heading: mapped.heading, message: mapped.message, requestID: context.requestID.nonEmpty),
                title: mapped.heading, identity: context.identity, status: mapped.status)
        }
    }

    struct Mapped {
        var status: HTTPResponse.Status
        var code: String
        var message: String
        var fields: [FieldError]? = nil
        var heading: String
    }

    /// An unexpected error's text for the log: quoted values and URL passwords (where personal data or secrets
    /// would appear) replaced by `…`, and at most 500 characters.
    static func redacted(_ text: String) -> String {
        var result = text.replacing(/:\/\/([^:\/@\s]+):[^@\s]+@/) { "://\($0.output.1):…@" }
        result = result.replacing(/'[^']*'/) { _ in "'…'" }
        result = result.replacing(/"[^"]*"/) { _ in "\"…\"" }
        return String(result.prefix(500))
    }

    static func map(_ error: any Error) -> Mapped {
        switch error {
        case let refusal as PolicyRefusal:
            return map(refusal.shown)
        case let error as LiaisonError:
            switch error {
            case .invalid(let fields):
                return Mapped(
                    status: .unprocessableContent, code: "invalid",
                    message: fields.map { "\($0.field) \($0.reason)" }.joined(separator: "; "), fields: fields,
                    heading: "There is a problem with the request")
            case .notFound(let kind, _):
                return Mapped(
                    status: .notFound, code: "not_found", message: "No such \(kind), or you may not see it.",
                    heading: "Page not found")
            case .staleVersion(let kind, _, let expected, let current):
                return Mapped(
                    status: .conflict, code: "stale_version",
                    message:
                        "This \(kind) was changed by someone else (you edited version \(expected), it is now version \(current)). Reload it and make your change again.",
                    fields: [FieldError("version", "is \(expected) but the record is now at version \(current)")],
                    heading: "Someone else changed this record")
            case .conflict(let field, let reason):
                return Mapped(
                    status: .conflict, code: "conflict", message: "\(field) \(reason)",
                    fields: [FieldError(field, reason)], heading: "That conflicts with an existing record")
            case .unauthenticated:
                return Mapped(
                    status: .unauthorized, code: "unauthenticated", message: "Sign in, or send a valid bearer token.",
                    heading: "Sign in")
            case .forbidden(let reason):
                return Mapped(
                    status: .forbidden, code: "forbidden", message: "Not allowed: \(reason).",
                    heading: "You cannot do that")
            }
        case let error as DecodingError:
            let (field, reason) = describe(error)
            return Mapped(
                status: .badRequest, code: "invalid_body", message: "\(field) \(reason)",
                fields: [FieldError(field, reason)],
                heading: "There is a problem with the request")
        case let error as HTTPError:
            let message = error.body ?? error.status.reasonPhrase
            let heading = error.status == .notFound ? "Page not found" : error.status.reasonPhrase
            return Mapped(
                status: error.status, code: error.status == .notFound ? "not_found" : "http_\(error.status.code)",
                message: error.status == .notFound ? "There is nothing at this address." : message, heading: heading)
        case let error as any HTTPResponseError:
            return Mapped(
                status: error.status, code: "http_\(error.status.code)", message: error.status.reasonPhrase,
                heading: error.status.reasonPhrase)
        default:
            return Mapped(
                status: .internalServerError, code: "internal",
                message:
                    "Something went wrong on our side. The request was not completed; quote the request ID if you report it.",
                heading: "Sorry, there is a problem with the service")
        }
    }

    /// The field path (`details.names[0].family`) and a plain reason for a decoding error.
    static func describe(_ error: DecodingError) -> (String, String) {
        func path(_ keys: [any CodingKey]) -> String {
            var text = ""
            for key in keys {
                if let index = key.intValue {
                    text += "[\(index)]"
                } else {
                    text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
                }
            }
            return text.isEmpty ? "body" : text
        }
        switch error {
        case .typeMismatch(let type, let context):
            return (path(context.codingPath), "must be \(typeName(type))")
        case .valueNotFound(let type, let context):
            return (path(context.codingPath), "must be \(typeName(type)), not null")
        case .keyNotFound(let key, let context):
            return (path(context.codingPath + [key]), "is required")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return ("body", "is not valid JSON") }
            return (path(context.codingPath), "has a value that is not allowed")
        @unknown default:
            return ("body", "could not be read")
        }
    }

    static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type: "a whole number"
        case is Double.Type: "a number"
        case is Bool.Type: "true or false"
        default: String(describing: type).contains("Array") ? "an array" : "an object"
        }
    }
}

/// Encodes a value as a JSON response with sorted keys and ISO 8601 dates.
func jsonResponse(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
    let data = try JSONCoding.encoder.encode(value)
    return Response(
        status: status, headers: [.contentType: "application/json; charset=utf-8"],
        body: .init(byteBuffer: ByteBuffer(bytes: data)))
}

/// A 201 with the new resource as JSON and its address in `Location`.
func createdResponse(_ value: some Encodable, at location: String) throws -> Response {
    var response = try jsonResponse(value, status: .created)
    response.headers[.location] = location
    return response
}

/// An error in words, with the request's reference for the service desk.
struct ErrorPage: PageModel {
    var template: String { "error" }
    let heading: String
    let message: String
    let requestID: String?
}
