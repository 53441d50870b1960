import Foundation

/// What the Outbox reads and writes: only these stores.
public typealias OutboxStore = ObligationStore & AgencyStore

/// Delivers what waits in the outbox through each channel's transport: a message due for an attempt is sent, marked
/// delivered with the receiving end's receipt, or kept for a retry with backoff. Because messages are written with
/// the change that caused them and only marked after the receiving end answered, a restart resends rather than loses
/// (receivers see the same idempotency key).
public struct OutboxDispatcher: Sendable {
    let store: any OutboxStore
    let clock: any LiaisonClock
    let audit: AuditLog
    let transports: [OutboxMessage.Channel: any MessageTransport]
    /// Opens the agencies' webhook secrets, which the store keeps sealed.
    let secrets: SecretBox

    public init(
        store: any OutboxStore, clock: any LiaisonClock, audit: AuditLog,
        transports: [OutboxMessage.Channel: any MessageTransport],
        secrets: SecretBox = .process
    ) {
        self.store = store
        self.clock = clock
        self.audit = audit
        self.transports = transports
        self.secrets = secrets
    }

    public struct Round: Sendable, Equatable {
        public var delivered = 0
        public var retrying = 0
        public var failed = 0
        public init() {}
    }

    /// One round over the messages due now.
    @discardableResult
    public func deliverDue(limit: Int = 100) async throws -> Round {
        var round = Round()
        for message in try await store.pendingMessages(dueAt: clock.now(), limit: limit) {
            var next: OutboxMessage
            if let transport = transports[message.channel] {
                let secret =
                    message.channel == .webhook
                    ? try await store.deliveryChannels(message.agencyID)?.webhookSecret.flatMap(secrets.open) : nil
                do {
                    let receipt = try await transport.send(message, secret: secret)
                    next = message.delivered(receipt: receipt, at: clock.now())
                } catch {
                    next = message.failed(String(describing: error), at: clock.now())
                }
            } else {
                next = message.failed("no \(message.channel.rawValue) transport is configured", at: clock.now())
            }
            try await store.updateMessage(next)
            switch next.status {
            case .delivered: round.delivered += 1
            case .pending: round.retrying += 1
            case .failed: round.failed += 1
            }
            let detail =
                next.status == .delivered
                ? "delivered by \(next.channel.rawValue): \(next.receipt ?? "")"
                : "\(next.channel.rawValue) attempt \(next.attempts) failed: \(next.lastError ?? "")"
                    + (next.status == .failed ? "; given up" : "")
            _ = try await audit.record(
                AuditDraft(
                    actorID: nil, actorName: "liaison", agencyID: nil, action: "outbox.deliver", objectKind: "outbox",
                    objectIDs: [next.id, next.obligationID], detail: String(detail.prefix(300)),
                    outcome: next.status == .delivered ? .allowed : .failed))
        }
        return round
    }
}
