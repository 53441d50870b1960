import Foundation

/// Where the time comes from; tests inject a fixed or movable clock.
public protocol LiaisonClock: Sendable {
    func now() -> Date
}

public struct SystemClock: LiaisonClock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock that stays where it is set.
public struct FixedClock: LiaisonClock {
    public let date: Date
    public init(_ date: Date) { self.date = date }
    public func now() -> Date { date }
}
