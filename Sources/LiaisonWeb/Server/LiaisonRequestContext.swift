import Hummingbird
import LiaisonCore

/// The per-request context: Hummingbird's core storage plus the caller's identity once known.
public struct LiaisonRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var identity: Identity?
    /// The request's ID: the caller's `X-Request-ID` when sane, otherwise one made here.
    public var requestID: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        identity = nil
        requestID = ""
        requestID = id
    }

    /// Request bodies above this size are refused with 413.
    public var maxUploadSize: Int { 1024 * 1024 }

    /// The request's ID and stated purpose, for the audit log.
    public var request: RequestInfo { RequestInfo(requestID: requestID, purpose: purpose) }

    /// The purpose the caller stated: the `X-Liaison-Purpose` header (API) or the `purpose` query parameter (pages).
    public var purpose: String?

    /// The signed-in user, or `unauthenticated`.
    public func user() throws -> User {
        try signedIn().user
    }

    /// The signed-in user's identity, or `unauthenticated`.
    public func signedIn() throws -> Identity {
        guard let identity else { throw LiaisonError.unauthenticated }
        return identity
    }
}
