import Foundation
import Synchronization

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

/// A clock that tests move forward, to watch deadlines pass.
public final class MovableClock: LiaisonClock {
    private let date: Mutex<Date>

    public init(_ date: Date) { self.date = Mutex(date) }

    public func now() -> Date { date.withLock { $0 } }

    /// Moves the clock on by `seconds`.
    public func advance(_ seconds: TimeInterval) { date.withLock { $0 = $0.addingTimeInterval(seconds) } }
}
