import Foundation
import HTTPTypes
import HummingbirdTesting
import LiaisonCore
import NIOCore
import Synchronization
import Testing

@testable import LiaisonWeb

/// A JSON value as a strict client reads it: integers and fractions kept apart, null kept.
indirect enum JSON: Decodable, Equatable, CustomStringConvertible {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSON])
    case object([String: JSON])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSON].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSON].self))
        }
    }

    subscript(key: String) -> JSON? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    var description: String {
        switch self {
        case .null: "null"
        case .bool(let v): "\(v)"
        case .int(let v): "\(v)"
        case .double(let v): "\(v)"
        case .string(let v): "\"\(v.prefix(40))\""
        case .array(let v): "[\(v.count) items]"
        case .object(let v): "{\(v.keys.sorted().prefix(6).joined(separator: ", "))}"
        }
    }
}

/// Checks real responses against the OpenAPI document the server publishes, as a strict generated client would:
/// the status must be one the operation documents, and a JSON body must match that status's schema (types,
/// required properties, no undeclared properties where the schema is closed, enums, formats).
///
/// It reads the subset of JSON Schema the document uses: `$ref`, `type` (one or a list), `properties`,
/// `required`, `additionalProperties`, `items`, `enum`, `oneOf`/`anyOf`/`allOf`, `format` (uuid, date-time, date),
/// `maxLength`, `maxItems`, `minimum`, `maximum`.
struct OpenAPIValidator: Sendable {
    let document: JSON

    init(operations: [APIOperation]) throws {
        let data = try JSONCoding.encoder.encode(OpenAPIDocument.build(operations + [SystemRoutes.openAPIOperation]))
        document = try JSONDecoder().decode(JSON.self, from: data)
    }

    /// The documented operation for a request, with its path template.
    func operation(method: HTTPRequest.Method, path: String) -> (template: String, operation: JSON)? {
        guard case .object(let paths) = document["paths"] else { return nil }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        // Literal segments win over parameters (`/subjects/matches` before `/subjects/{id}`).
        let candidates = paths.keys.filter { template in
            let parts = template.split(separator: "/", omittingEmptySubsequences: false)
            return parts.count == segments.count
                && zip(parts, segments).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
        }
        .sorted { $0.filter { $0 == "{" }.count < $1.filter { $0 == "{" }.count }
        for template in candidates {
            if let operation = paths[template]?[method.rawValue.lowercased()] { return (template, operation) }
        }
        return nil
    }

    /// What is wrong with `body` as the answer to `method path` with `status`; empty when it matches.
    func problems(method: HTTPRequest.Method, path: String, status: Int, contentType: String?, body: Data) -> [String] {
        guard let (template, operation) = self.operation(method: method, path: path) else {
            // A path no operation has is answered 404 (or 405) with the error body.
            return [404, 405].contains(status) ? [] : ["\(method) \(path): no operation in the document"]
        }
        let name = "\(method) \(template) → \(status)"
        guard var response = operation["responses"]?[String(status)] ?? operation["responses"]?["default"] else {
            return ["\(name): status not documented"]
        }
        if let ref = response["$ref"]?.string { response = resolve(ref) ?? .null }
        guard case .object(let content) = response["content"] ?? .object([:]), !content.isEmpty else {
            return body.isEmpty ? [] : ["\(name): a body where the document declares none"]
        }
        guard let json = content["application/json"], contentType?.hasPrefix("application/json") == true else {
            return []  // text/csv, text/plain: not JSON Schema's to check.
        }
        let value: JSON
        do { value = try JSONDecoder().decode(JSON.self, from: body) } catch {
            return ["\(name): the body is not JSON"]
        }
        var errors: [String] = []
        validate(value, json["schema"] ?? .object([:]), at: "", errors: &errors)
        return errors.prefix(5).map { "\(name): \($0)" }
    }

    func resolve(_ ref: String) -> JSON? {
        var node: JSON? = document
        for part in ref.dropFirst(2).split(separator: "/") { node = node?[String(part)] }
        return node
    }

    func validate(_ value: JSON, _ schema: JSON, at pointer: String, errors: inout [String]) {
        if let ref = schema["$ref"]?.string {
            guard let target = resolve(ref) else { return errors.append("\(pointer): unresolved \(ref)") }
            return validate(value, target, at: pointer, errors: &errors)
        }
        let here = pointer.isEmpty ? "/" : pointer
        if case .array(let all) = schema["allOf"] ?? .array([]) {
            for part in all { validate(value, part, at: pointer, errors: &errors) }
        }
        for keyword in ["oneOf", "anyOf"] {
            guard case .array(let options) = schema[keyword] ?? .null else { continue }
            let passing = options.filter { option in
                var scratch: [String] = []
                validate(value, option, at: pointer, errors: &scratch)
                return scratch.isEmpty
            }
            .count
            if passing == 0 || (keyword == "oneOf" && passing > 1) {
                errors.append("\(here): \(value) matches \(passing) of the \(keyword) choices")
            }
        }
        if let types = typeNames(schema["type"]), !types.contains(where: { Self.has(value, type: $0) }) {
            return errors.append("\(here): \(value) is not \(types.joined(separator: " or "))")
        }
        if case .array(let allowed) = schema["enum"] ?? .null, !allowed.contains(value) {
            errors.append("\(here): \(value) is not one of \(allowed)")
        }
        switch value {
        case .string(let text):
            if case .int(let max) = schema["maxLength"] ?? .null, text.count > max {
                errors.append("\(here): longer than \(max)")
            }
            if let format = schema["format"]?.string, !Self.matches(text, format: format) {
                errors.append("\(here): \(value) is not a \(format)")
            }
        case .int, .double:
            let number: Double =
                if case .int(let i) = value { Double(i) } else if case .double(let d) = value { d } else { 0 }
            if let minimum = Self.number(schema["minimum"]), number < minimum {
                errors.append("\(here): below \(minimum)")
            }
            if let maximum = Self.number(schema["maximum"]), number > maximum {
                errors.append("\(here): above \(maximum)")
            }
        case .array(let items):
            if case .int(let max) = schema["maxItems"] ?? .null, items.count > max {
                errors.append("\(here): more than \(max) items")
            }
            if let itemSchema = schema["items"] {
                for (index, item) in items.enumerated() {
                    validate(item, itemSchema, at: "\(pointer)/\(index)", errors: &errors)
                }
            }
        case .object(let object):
            let properties: [String: JSON] = if case .object(let p) = schema["properties"] ?? .null { p } else { [:] }
            if case .array(let required) = schema["required"] ?? .null {
                for case .string(let key) in required where object[key] == nil {
                    errors.append("\(here): lacks required \(key)")
                }
            }
            for (key, child) in object {
                if let property = properties[key] {
                    validate(child, property, at: "\(pointer)/\(key)", errors: &errors)
                } else if let extra = schema["additionalProperties"] {
                    if extra == .bool(false) {
                        errors.append("\(here): \(key) is not declared (additionalProperties: false)")
                    } else if case .object = extra {
                        validate(child, extra, at: "\(pointer)/\(key)", errors: &errors)
                    }
                }
            }
        case .null, .bool: break
        }
    }

    func typeNames(_ type: JSON?) -> [String]? {
        switch type {
        case .string(let name): [name]
        case .array(let names): names.compactMap(\.string)
        default: nil
        }
    }

    static func has(_ value: JSON, type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object): true
        case ("integer", .int), ("number", .int), ("number", .double): true
        case ("integer", .double(let d)): d.rounded() == d
        default: false
        }
    }

    static func number(_ value: JSON?) -> Double? {
        switch value {
        case .int(let i): Double(i)
        case .double(let d): d
        default: nil
        }
    }

    static func matches(_ text: String, format: String) -> Bool {
        switch format {
        case "uuid": UUID(uuidString: text) != nil
        case "date-time":
            (try? Date.ISO8601FormatStyle().parse(text)) != nil
                || (try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text)) != nil
        case "date": (try? Date.ISO8601FormatStyle().year().month().day().parse(text)) != nil
        default: true
        }
    }
}

/// A test client that checks every API answer against the document as it passes, so every test that calls the
/// API also checks the document tells the truth. What it finds is recorded as a test issue at once.
struct ValidatingClient: TestClientProtocol {
    let inner: any TestClientProtocol
    let validator: OpenAPIValidator
    let checked: Checked

    /// The operations answered so far, and how many answers each had checked (for the sweep's own count).
    final class Checked: Sendable {
        let operations = Mutex<[String: Int]>([:])
    }

    var port: Int? { inner.port }

    func executeRequest(uri: String, method: HTTPRequest.Method, headers: HTTPFields, body: ByteBuffer?)
        async throws -> TestResponse
    {
        let response = try await inner.executeRequest(uri: uri, method: method, headers: headers, body: body)
        let path = String(uri.prefix { $0 != "?" })
        guard path.hasPrefix("/api/") || path == "/healthz" || path == "/metrics" else { return response }
        let problems = validator.problems(
            method: method, path: path, status: Int(response.status.code),
            contentType: response.headers[.contentType], body: Data(buffer: response.body))
        for problem in problems { Issue.record(Comment(rawValue: "The API answered unlike its document: \(problem)")) }
        if let (template, _) = validator.operation(method: method, path: path) {
            checked.operations.withLock { $0["\(method) \(template)", default: 0] += 1 }
        }
        return response
    }
}
