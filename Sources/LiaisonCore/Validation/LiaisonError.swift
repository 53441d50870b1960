/// One problem with one field of the input, e.g. `names[0].family`: "must not be empty".
public struct FieldError: Codable, Sendable, Equatable, Error {
    public var field: String
    public var reason: String

    public init(_ field: String, _ reason: String) {
        self.field = field
        self.reason = reason
    }
}

/// The errors the core reports. The web layer maps each case to an HTTP status in one place.
public enum LiaisonError: Error, Sendable, Equatable {
    /// The input is wrong; every problem is listed.
    case invalid([FieldError])
    /// No such record, or one the caller may not know exists (the two look the same).
    case notFound(kind: String, id: String)
    /// The caller edited an older version than the one stored.
    case staleVersion(kind: String, id: String, expected: Int, current: Int)
    /// The change would break a uniqueness or reference rule.
    case conflict(field: String, reason: String)
    /// No signed-in user or token.
    case unauthenticated
    /// The user is known but the policy refuses the action.
    case forbidden(reason: String)

    public static func invalid(_ field: String, _ reason: String) -> LiaisonError { .invalid([FieldError(field, reason)]) }
}
