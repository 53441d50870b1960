import Foundation
import Hummingbird
import LiaisonCore

/// "Why can't I see this?": the access policy's answer for a named user and record, for administrators and auditors,
/// about records the asker may read themselves (`AuditService.explain`).
struct AccessAPI {
    let audit: AuditService

    static let explainers = AuditService.explainers

    /// Reads `user`, `record` and `action` from the query and asks the policy. The answer names no record content.
    static func explain(_ request: Request, context: LiaisonRequestContext, audit: AuditService) async throws
        -> AuditService.Explanation
    {
        try await audit.explain(
            username: try RequestReading.text("user", request, max: 64),
            recordID: try RequestReading.text("record", request, max: 64),
            action: try RequestReading.text("action", request, max: 10) ?? "read", by: try context.user(),
            request: context.request)
    }

    func register(_ api: inout RouteTable) {
        let audit = self.audit
        api.add(
            APIOperation(
                method: .get, path: "/api/v1/access/explain", operationID: "explainAccess",
                summary: "Why a user may or may not see or change a record you may read (administrators and auditors)",
                tag: "Access",
                query: [
                    .init(name: "user", description: "Username"), .init(name: "record", description: "A record's ID"),
                    .init(name: "action", description: "read (default), update or share"),
                ],
                response: "AccessExplanation", access: .roles(Self.explainers))
        ) { request, context in
            try jsonResponse(try await Self.explain(request, context: context, audit: audit))
        }
    }
}
