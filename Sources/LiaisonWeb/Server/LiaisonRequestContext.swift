import Hummingbird
import LiaisonCore

/// The per-request context: Hummingbird's core storage plus the caller's identity once known.
public struct LiaisonRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var identity: Identity?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        identity = nil
    }

    /// Request bodies above this size are refused with 413.
    public var maxUploadSize: Int { 1024 * 1024 }

    /// The signed-in user, or `unauthenticated`.
    public func user() throws -> User {
        guard let identity else { throw LiaisonError.unauthenticated }
        return identity.user
    }
}
