import NIOCore
import Synchronization

/// The time limit on one exchange with a receiver. When it passes, the connection is closed, which ends whatever
/// reading or writing is under way; `passed` then tells the transport that the limit, not the failure the closing
/// caused, is the reason to give.
final class ExchangeDeadline: Sendable {
    private final class Flag: Sendable {
        let value = Mutex(false)
    }

    private let flag = Flag()
    private let scheduled: Scheduled<Void>

    /// Closes `channel` after `limit` unless cancelled first.
    init(closing channel: any Channel, after limit: TimeAmount) {
        let flag = self.flag
        scheduled = channel.eventLoop.scheduleTask(in: limit) {
            flag.value.withLock { $0 = true }
            channel.close(promise: nil)
        }
    }

    /// Whether the limit passed and the connection was closed for it.
    var passed: Bool { flag.value.withLock { $0 } }

    func cancel() { scheduled.cancel() }
}
