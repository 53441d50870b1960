import Foundation
import Hummingbird
import LiaisonCore

/// Reading the audit log: search by user, record, action, outcome and time, and export as CSV.
/// Only auditors and administrators may; every search of the log is itself logged.
struct AuditAPI {
    let audit: AuditService

    static let readers = AuditService.readers

    static let parameters: [APIOperation.Parameter] = [
        .init(name: "actor", description: "Username"), .init(name: "object", description: "A record's ID"),
        .init(
            name: "action", description: "An action such as subject.read, or a prefix ending in '.' such as subject."),
        .init(name: "outcome", description: "allowed, denied or failed"),
        .init(
            name: "from", description: "From this date (yyyy-MM-dd, UTC), inclusive",
            schema: ["type": "string", "format": "date"]),
        .init(
            name: "to", description: "Up to this date (yyyy-MM-dd, UTC), inclusive",
            schema: ["type": "string", "format": "date"]),
        .init(
            name: "before", description: "Only entries before this sequence number (nextCursor)",
            schema: ["type": "integer"]),
        .init(
            name: "limit", description: "Entries per page (1–1000, default 100)",
            schema: ["type": "integer", "minimum": 1, "maximum": 1000]),
    ]

    /// Reads and checks the filters; the caller must be an auditor or administrator.
    static func query(_ request: Request, context: LiaisonRequestContext) throws -> (User, AuditQuery) {
        try query(user: try context.user()) { request.uri.queryParameters[Substring($0)].map(String.init) }
    }

    /// The search asked for by `parameter` (a query parameter's value by name, as sent).
    static func query(user: User, _ parameter: (String) -> String?) throws -> (User, AuditQuery) {
        guard !Set(user.roles).isDisjoint(with: readers) else {
            throw LiaisonError.forbidden(reason: "only auditors and administrators may read the audit log")
        }
        func text(_ name: String, max: Int) throws -> String? {
            guard let raw = parameter(name) else { return nil }
            let value = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if value.count > max { throw LiaisonError.invalid(name, "must be at most \(max) characters") }
            return value.isEmpty ? nil : value
        }
        var v = Validator()
        func date(_ name: String, endOfDay: Bool) -> Date? {
            guard let raw = try? text(name, max: 10) else { return nil }
            let parts = raw.split(separator: "-").compactMap { Int($0) }
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            guard parts.count == 3, raw.count == 10,
                let day = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])),
                calendar.component(.day, from: day) == parts[2]
            else {
                v.fail(name, "must be a date as yyyy-MM-dd")
                return nil
            }
            return endOfDay ? day.addingTimeInterval(86_400) : day
        }
        let outcome = try text("outcome", max: 10)
        if let outcome, AuditOutcome(rawValue: outcome) == nil {
            v.fail("outcome", "must be allowed, denied or failed")
        }
        var limit = 100
        if let raw = try text("limit", max: 5) {
            if let n = Int(raw), (1...1000).contains(n) {
                limit = n
            } else {
                v.fail("limit", "must be a whole number from 1 to 1000")
            }
        }
        var before: Int64?
        if let raw = try text("before", max: 20) {
            if let n = Int64(raw), n > 0 { before = n } else { v.fail("before", "must be a positive whole number") }
        }
        let query = AuditQuery(
            actorName: try text("actor", max: 64),
            objectID: try text("object", max: 64),
            action: try text("action", max: 64),
            outcome: outcome.flatMap(AuditOutcome.init(rawValue:)),
            from: date("from", endOfDay: false), to: date("to", endOfDay: true), before: before, limit: limit)
        try v.check()
        return (user, query)
    }

    static func describe(_ q: AuditQuery) -> String {
        [
            ("actor", q.actorName), ("object", q.objectID), ("action", q.action), ("outcome", q.outcome?.rawValue),
            ("from", q.from.map { "\($0)" }), ("to", q.to.map { "\($0)" }), ("before", q.before.map(String.init)),
        ]
        .compactMap { name, value in value.map { "\(name)=\($0)" } }.joined(separator: " ")
    }

    static func csv(_ entries: [AuditEntry]) -> String {
        var out = CSVWriter(header: [
            "sequence", "time", "actor", "agency_id", "action", "object_kind", "object_ids", "purpose", "detail",
            "request_id", "outcome", "previous_hash", "hash",
        ])
        for e in entries {
            out.row([
                String(e.sequence), DateFormats.instant(e.time), e.actorName, e.agencyID ?? "", e.action,
                e.objectKind ?? "",
                e.objectIDs.joined(separator: " "), e.purpose ?? "", e.detail ?? "", e.requestID ?? "",
                e.outcome.rawValue,
                e.previousHash, e.hash,
            ])
        }
        return out.text
    }

    func register(_ api: inout RouteTable) {
        let audit = self.audit
        api.add(
            APIOperation(
                method: .get, path: "/api/v1/audit", operationID: "searchAudit",
                summary: "Search the audit log, newest first (auditors and administrators)", tag: "Audit",
                query: Self.parameters, response: "AuditPage", access: .roles(Self.readers))
        ) { request, context in
            let (user, query) = try Self.query(request, context: context)
            let entries = try await audit.search(
                query, by: user, request: context.request, detail: Self.describe(query))
            let next = entries.count == query.limit ? entries.last.map { String($0.sequence) } : nil
            return try jsonResponse(AuditPage(items: entries, nextCursor: next))
        }
        api.add(
            APIOperation(
                method: .get, path: "/api/v1/audit/export", operationID: "exportAudit",
                summary: "Export matching audit entries as CSV (auditors and administrators)", tag: "Audit",
                query: Self.parameters, response: "CSV", access: .roles(Self.readers))
        ) { request, context in
            let (user, query) = try Self.query(request, context: context)
            let entries = try await audit.search(
                query, by: user, request: context.request, action: "audit.export", detail: Self.describe(query))
            var response = Response(
                status: .ok, headers: [.contentType: "text/csv; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: Self.csv(entries))))
            response.headers[.contentDisposition] = "attachment; filename=\"liaison-audit.csv\""
            return response
        }
    }

    struct AuditPage: Encodable, Sendable {
        var items: [AuditEntry]
        var nextCursor: String?
    }
}
