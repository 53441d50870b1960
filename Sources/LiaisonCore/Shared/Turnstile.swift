import Synchronization

/// One holder at a time, the rest queued in order of arrival: entering a free turnstile takes it at once (no
/// suspension), and leaving hands it straight to the first waiter. Waiters are whatever the caller needs to wake them.
public final class Turnstile<Waiter: Sendable>: Sendable {
    private let state = Mutex<(held: Bool, waiting: [Waiter])>((false, []))

    public init() {}

    /// Takes the turnstile if it is free; otherwise queues `waiter`, if given, and returns false.
    public func enter(orQueue waiter: Waiter?) -> Bool {
        state.withLock { state in
            if !state.held {
                state.held = true
                return true
            }
            if let waiter { state.waiting.append(waiter) }
            return false
        }
    }

    /// Leaves: the first waiter, now the holder, to be woken; nil if none waited and the turnstile is free.
    public func leave() -> Waiter? {
        state.withLock { state in
            if state.waiting.isEmpty {
                state.held = false
                return nil
            }
            return state.waiting.removeFirst()
        }
    }

    /// Takes every waiter out of the queue (the holder serves them itself).
    public func takeWaiting() -> [Waiter] {
        state.withLock { state in
            defer { state.waiting = [] }
            return state.waiting
        }
    }
}
