import Foundation

/// Failed sign-ins counted for one username.
public struct LoginAttempts: Sendable, Equatable {
    public var failures: Int
    public var windowStart: Date
    public var lockedUntil: Date?

    public init(failures: Int, windowStart: Date, lockedUntil: Date? = nil) {
        self.failures = failures
        self.windowStart = windowStart
        self.lockedUntil = lockedUntil
    }
}

/// Throttling of password guessing: after `maxFailures` failed sign-ins within `window`, the account is locked
/// for `lockout`, during which even the right password is refused.
public struct LockoutRule: Sendable {
    public var maxFailures = 5
    public var window: TimeInterval = 15 * 60
    public var lockout: TimeInterval = 15 * 60

    public init() {}

    /// When the account is locked at `now`, the time it unlocks.
    public func lockedUntil(_ attempts: LoginAttempts?, now: Date) -> Date? {
        guard let until = attempts?.lockedUntil, until > now else { return nil }
        return until
    }

    /// The attempts after one more failure at `now`, and whether that failure locked the account.
    public func afterFailure(_ attempts: LoginAttempts?, now: Date) -> (attempts: LoginAttempts, locked: Bool) {
        var next = attempts ?? LoginAttempts(failures: 0, windowStart: now)
        if now.timeIntervalSince(next.windowStart) > window || (next.lockedUntil.map { $0 <= now } ?? false) {
            next = LoginAttempts(failures: 0, windowStart: now)
        }
        next.failures += 1
        if next.failures >= maxFailures {
            next.lockedUntil = now.addingTimeInterval(lockout)
            return (next, true)
        }
        return (next, false)
    }
}
