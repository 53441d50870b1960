import Foundation
import Hummingbird
import LiaisonCore

/// Reading request input strictly: bodies, path identifiers and query parameters, each failure naming the field.
enum RequestReading {
    /// A yes-or-no query parameter: `true`, `1`, `yes` or `on`; `false`, `0`, `no`, `off` or absent. Anything else
    /// is refused naming the parameter, never silently taken as no.
    static func flag(_ request: Request, _ name: String) throws -> Bool {
        guard let value = request.uri.queryParameters[name[...]].map({ String($0).lowercased() }) else { return false }
        switch value {
        case "true", "1", "yes", "on": return true
        case "false", "0", "no", "off", "": return false
        default: throw LiaisonError.invalid(name, "must be true or false")
        }
    }

    /// Decodes a JSON body into `T`, refusing malformed JSON, wrong types and fields `T` does not know.
    static func json<T: Codable>(_ type: T.Type, from request: Request, context: LiaisonRequestContext) async throws
        -> T
    {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        let data = Data(buffer: buffer)
        let raw: Any
        do {
            raw = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "not JSON"))
        }
        let value = try JSONCoding.decoder.decode(T.self, from: data)
        let known = try JSONSerialization.jsonObject(
            with: JSONCoding.encoder.encode(value), options: [.fragmentsAllowed])
        if let unknown = firstUnknownField(raw, known, path: "") {
            throw LiaisonError.invalid(unknown, "is not a field this endpoint accepts")
        }
        return value
    }

    /// The path of the first key in `raw` (with a non-null value) that `known` lacks.
    static func firstUnknownField(_ raw: Any, _ known: Any, path: String) -> String? {
        if let rawObject = raw as? [String: Any] {
            let knownObject = known as? [String: Any] ?? [:]
            for key in rawObject.keys.sorted() {
                let child = path.isEmpty ? key : "\(path).\(key)"
                guard let value = rawObject[key], !(value is NSNull) else { continue }
                guard let knownValue = knownObject[key] else { return child }
                if let found = firstUnknownField(value, knownValue, path: child) { return found }
            }
        } else if let rawArray = raw as? [Any], let knownArray = known as? [Any] {
            for (index, value) in rawArray.enumerated() where index < knownArray.count {
                if let found = firstUnknownField(value, knownArray[index], path: "\(path)[\(index)]") { return found }
            }
        }
        return nil
    }

    /// A typed identifier from the path; a malformed one is reported, not treated as a server error.
    static func id<T>(_ context: LiaisonRequestContext, name: String = "id") throws -> ID<T> {
        guard let raw = context.parameters.get(name), let id = ID<T>(validating: raw) else {
            throw LiaisonError.invalid(name, "is not a valid identifier (expected a UUID)")
        }
        return id
    }

    /// `limit` and `cursor` from the query string, with the hard maximum enforced.
    static func page(_ request: Request) throws -> PageRequest {
        let query = request.uri.queryParameters
        var limit = PageRequest.defaultLimit
        if let raw = query["limit"] {
            guard let value = Int(String(raw)), (1...PageRequest.maximumLimit).contains(value) else {
                throw LiaisonError.invalid("limit", "must be a whole number from 1 to \(PageRequest.maximumLimit)")
            }
            limit = value
        }
        let cursor = query["cursor"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        if let cursor, cursor.count > 512 { throw LiaisonError.invalid("cursor", "is not a cursor this server issued") }
        return PageRequest(limit: limit, cursor: cursor)
    }

    /// An optional text query parameter, trimmed, at most `max` characters.
    /// The case list's filters: allocation (mine or unallocated) and stage.
    static func caseQuery(_ request: Request, limit: Int = 100) throws -> CaseQuery {
        var allocation: CaseQuery.Allocation?
        if let given = try text("allocation", request, max: 20) {
            guard let known = CaseQuery.Allocation(rawValue: given) else {
                throw LiaisonError.invalid("allocation", "must be mine or unallocated")
            }
            allocation = known
        }
        return CaseQuery(
            reference: try text("reference", request, max: 20), allocation: allocation,
            stage: try text("stage", request, max: 40),
            limit: limit, cursor: try text("cursor", request, max: 20))
    }

    static func text(_ name: String, _ request: Request, max: Int = 200) throws -> String? {
        guard let raw = request.uri.queryParameters[Substring(name)] else { return nil }
        let value = String(raw).trimmingCharacters(in: .whitespacesAndNewlines)
        if value.count > max { throw LiaisonError.invalid(name, "must be at most \(max) characters") }
        return value.isEmpty ? nil : value
    }
}

/// The JSON shape of one page of a list.
/// A record with the assessment just made of it: a group's threat or a Person of Interest's risk.
struct Assessed<Record: Encodable & Sendable>: Encodable, Sendable {
    var record: Record
    var assessment: Assessment
}

struct PageBody<Item: Encodable & Sendable>: Encodable {
    var items: [Item]
    var nextCursor: String?
}
