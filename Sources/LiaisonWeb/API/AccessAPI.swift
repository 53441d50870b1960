import Foundation
import Hummingbird
import LiaisonCore

/// "Why can't I see this?": the access policy's answer for a named user and record, for administrators and auditors.
struct AccessAPI {
    let store: any LiaisonStore
    let audit: AuditLog

    struct Explanation: Encodable, Sendable {
        var user: String
        var record: String
        var kind: String
        var action: String
        var allowed: Bool
        var reasons: [String]
        var withheld: [WithheldField]
    }

    static let explainers: Set<Role> = [.administrator, .auditor]

    /// Reads `user`, `record` and `action` from the query and asks the policy. The answer names no record content.
    static func explain(_ request: Request, context: LiaisonRequestContext, store: any LiaisonStore, audit: AuditLog) async throws -> Explanation {
        let asker = try context.user()
        guard !Set(asker.roles).isDisjoint(with: explainers) else {
            throw LiaisonError.forbidden(reason: "only administrators and auditors may ask the policy about other users")
        }
        var v = Validator()
        let username = try RequestReading.text("user", request, max: 64)
        let recordID = try RequestReading.text("record", request, max: 64)
        let actionName = try RequestReading.text("action", request, max: 10) ?? "read"
        if username == nil { v.fail("user", "must not be empty") }
        if recordID == nil { v.fail("record", "must not be empty") }
        let action = Action(rawValue: actionName)
        if action == nil { v.fail("action", "must be read or update") }
        try v.check()
        return try await Auditor(log: audit).run(asker, "access.explain", kind: "record", ids: [recordID!], request: context.request,
                                                 detail: "for \(username!), \(actionName)") {
            guard let target = try await store.credentials(username: username!)?.user else {
                throw LiaisonError.invalid("user", "is not a known username")
            }
            let found = try await store.recordMeta(id: recordID!)
            guard let found else { throw LiaisonError.invalid("record", "is not the ID of a subject or group") }
            let decision = AccessPolicy.decide(target, action!, found.meta, kind: found.kind)
            return Explanation(user: target.username, record: recordID!, kind: found.kind, action: actionName,
                               allowed: decision.allowed, reasons: decision.reasons, withheld: decision.withheld)
        }
    }

    func register(_ api: inout RouteTable) {
        let store = self.store, audit = self.audit
        api.add(APIOperation(method: .get, path: "/api/v1/access/explain", operationID: "explainAccess",
                             summary: "Why a user may or may not see or change a record (administrators and auditors)", tag: "Access",
                             query: [.init(name: "user", description: "Username"), .init(name: "record", description: "A subject's or group's ID"),
                                     .init(name: "action", description: "read (default) or update")],
                             response: "AccessExplanation", access: .roles(Self.explainers))) { request, context in
            try jsonResponse(try await Self.explain(request, context: context, store: store, audit: audit))
        }
    }
}
