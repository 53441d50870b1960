/// A refusal by the access policy, carrying its reasons for the audit log and the error the caller is shown
/// (`notFound` for reads, so a refusal looks like absence; `forbidden` for writes).
public struct PolicyRefusal: Error, Sendable, Equatable {
    public var reasons: [String]
    public var shown: LiaisonError

    public init(reasons: [String], shown: LiaisonError) {
        self.reasons = reasons
        self.shown = shown
    }

    /// A refusal of something only some roles may do.
    public static func roles(_ reason: String) -> PolicyRefusal {
        PolicyRefusal(reasons: [reason], shown: .forbidden(reason: reason))
    }
}

/// Runs a use-case step and records its outcome in the audit log: allowed, with the records it touched;
/// denied, with the policy's reasons; or failed, with the error's kind.
public struct Auditor: Sendable {
    public let log: AuditLog

    public init(log: AuditLog) { self.log = log }

    public func run<T>(
        _ user: User, _ action: String, kind: String, ids: [String] = [], request: RequestInfo,
        detail: String? = nil, touched: (T) -> [String] = { _ in [] },
        _ body: () async throws -> T
    ) async throws -> T {
        do {
            let result = try await body()
            try await log.record(
                AuditDraft(user, action, kind: kind, ids: ids + touched(result), request: request, detail: detail))
            return result
        } catch let refusal as PolicyRefusal {
            let reasons = refusal.reasons.joined(separator: "; ")
            try await log.record(
                AuditDraft(
                    user, action, kind: kind, ids: ids, request: request,
                    detail: [detail, reasons].compactMap { $0 }.joined(separator: " | "), outcome: .denied))
            throw refusal.shown
        } catch {
            try await log.record(
                AuditDraft(
                    user, action, kind: kind, ids: ids, request: request,
                    detail: [detail, Self.describe(error)].compactMap { $0 }.joined(separator: " | "), outcome: .failed)
            )
            throw error
        }
    }

    /// A description of a failure safe to keep in the log: the kind of error and the fields at fault, never values.
    static func describe(_ error: any Error) -> String {
        switch error {
        case LiaisonError.invalid(let fields): "invalid: " + fields.map(\.field).joined(separator: ", ")
        case LiaisonError.notFound: "not found"
        case LiaisonError.staleVersion(_, _, let expected, let current): "stale version \(expected), current \(current)"
        case LiaisonError.conflict(let field, _): "conflict on \(field)"
        case LiaisonError.forbidden(let reason): "forbidden: \(reason)"
        case LiaisonError.unauthenticated: "unauthenticated"
        default: "error \(String(describing: type(of: error)))"
        }
    }
}
