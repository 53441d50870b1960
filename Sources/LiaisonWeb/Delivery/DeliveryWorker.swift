import Foundation
import LiaisonCore
import Logging
import ServiceLifecycle

/// Runs beside the web server: delivers what waits in the outbox every few seconds and sweeps obligations for
/// missed deadlines every minute, until the server shuts down gracefully.
public struct DeliveryWorker: Service {
    let dispatcher: OutboxDispatcher
    let obligations: ObligationService
    let logger: Logger
    let deliveryInterval: Duration
    let sweepEvery: Int

    public init(dispatcher: OutboxDispatcher, obligations: ObligationService, logger: Logger,
                deliveryInterval: Duration = .seconds(5), sweepEvery: Int = 12) {
        self.dispatcher = dispatcher
        self.obligations = obligations
        self.logger = logger
        self.deliveryInterval = deliveryInterval
        self.sweepEvery = sweepEvery
    }

    public func run() async throws {
        var round = 0
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                let delivered = try await dispatcher.deliverDue()
                if delivered != OutboxDispatcher.Round() {
                    logger.info("outbox", metadata: ["delivered": "\(delivered.delivered)", "retrying": "\(delivered.retrying)", "failed": "\(delivered.failed)"])
                }
                if round % sweepEvery == 0 {
                    let escalated = try await obligations.sweep()
                    if !escalated.isEmpty { logger.warning("obligations escalated", metadata: ["count": "\(escalated.count)"]) }
                }
            } catch {
                logger.error("delivery round failed", metadata: ["error": "\(error)"])
            }
            round += 1
            try? await Task.sleep(for: deliveryInterval)
        }
    }
}
