import Foundation
import LiaisonCore
import Logging
import ServiceLifecycle

/// Runs beside the web server: delivers what waits in the outbox every few seconds, and sweeps obligations for missed
/// deadlines every minute, in two loops of their own, so a relay or webhook that hangs never holds up escalation.
/// Both stop when the server shuts down gracefully.
public struct DeliveryWorker: Service {
    let dispatcher: OutboxDispatcher
    let obligations: ObligationService
    let logger: Logger
    let deliveryInterval: Duration
    let sweepInterval: Duration

    public init(
        dispatcher: OutboxDispatcher, obligations: ObligationService, logger: Logger,
        deliveryInterval: Duration = .seconds(5), sweepInterval: Duration = .seconds(60)
    ) {
        self.dispatcher = dispatcher
        self.obligations = obligations
        self.logger = logger
        self.deliveryInterval = deliveryInterval
        self.sweepInterval = sweepInterval
    }

    public func run() async throws {
        let dispatcher = self.dispatcher
        let obligations = self.obligations
        let logger = self.logger
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                await Self.every(deliveryInterval, logger: logger, what: "delivery round") {
                    let delivered = try await dispatcher.deliverDue()
                    if delivered != OutboxDispatcher.Round() {
                        logger.info(
                            "outbox",
                            metadata: [
                                "delivered": "\(delivered.delivered)", "retrying": "\(delivered.retrying)",
                                "failed": "\(delivered.failed)",
                            ])
                    }
                }
            }
            group.addTask {
                await Self.every(sweepInterval, logger: logger, what: "deadline sweep") {
                    let escalated = try await obligations.sweep()
                    if !escalated.isEmpty {
                        logger.warning("obligations escalated", metadata: ["count": "\(escalated.count)"])
                    }
                }
            }
        }
    }

    /// Runs `work` now and then every `interval` until shutdown; a failed round is logged and the next one runs.
    static func every(_ interval: Duration, logger: Logger, what: String, _ work: @Sendable () async throws -> Void)
        async
    {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                try await work()
            } catch is CancellationError {
                return
            } catch {
                logger.error("\(what) failed", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: interval)
        }
    }
}
