import Foundation

/// A typed identifier: an `ID<Subject>` can never be passed where an `ID<OCG>` is expected.
///
/// The raw value is a lowercase UUID string, which sorts and stores the same in every store.
public struct ID<Entity>: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// A fresh random identifier.
    public static func make() -> ID { ID(UUID().uuidString.lowercased()) }

    /// Parses a client-supplied identifier, returning nil unless it is a UUID.
    public init?(validating raw: String) {
        guard let uuid = UUID(uuidString: raw) else { return nil }
        self.rawValue = uuid.uuidString.lowercased()
    }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public static func < (lhs: ID, rhs: ID) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { rawValue }
}

public typealias AgencyID = ID<Agency>
public typealias UserID = ID<User>
public typealias SubjectID = ID<Subject>
public typealias OCGID = ID<OCG>
