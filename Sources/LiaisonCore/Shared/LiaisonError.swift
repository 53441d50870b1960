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

    public static func invalid(_ field: String, _ reason: String) -> LiaisonError {
        .invalid([FieldError(field, reason)])
    }
}

extension LiaisonError: CustomStringConvertible {
    /// The error in words, as the command line shows it.
    public var description: String {
        switch self {
        case .invalid(let problems): problems.map { "\($0.field) \($0.reason)" }.joined(separator: "; ")
        case .notFound(let kind, let id): "no \(kind) \(id) that you may see"
        case .staleVersion(let kind, let id, let expected, let current):
            "\(kind) \(id) has changed since version \(expected): it is now at version \(current)"
        case .conflict(let field, let reason): "\(field): \(reason)"
        case .unauthenticated: "sign in first"
        case .forbidden(let reason): "not allowed: \(reason)"
        }
    }
}
