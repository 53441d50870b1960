import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LiaisonCore
import LiaisonWeb
import Logging
import NIOCore
import NIOPosix
import Testing

@testable import LiaisonStore

/// The outbox against real receiving ends on every store: a webhook server that fails, then recovers, while Liaison
/// restarts in between; and an SMTP server taking an emailed notice.
@Suite("Outbox delivery")
struct DeliveryTests {
    /// What the webhook server saw, and how many more requests it will refuse.
    actor Receiver {
        var refusalsLeft: Int
        var calls: [(key: String, signed: Bool, body: String)] = []
        init(refusals: Int) { refusalsLeft = refusals }

        func take(key: String, signature: String, body: String, secret: String) -> Bool {
            calls.append(
                (
                    key,
                    WebhookSignature.verify(
                        header: signature, body: body, secret: secret, now: Int(Date().timeIntervalSince1970)), body
                ))
            if refusalsLeft > 0 {
                refusalsLeft -= 1
                return false
            }
            return true
        }
    }

    @Test(
        "a webhook that fails, then recovers, receives the signed notice once back, across a restart",
        arguments: StoreKind.available)
    func webhookRecovers(kind: StoreKind) async throws {
        let name = String(UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12))
        let world = try await ObligationTests.World(ContractStoreKind(kind), named: name)
        let secret = "a-shared-secret-of-some-length"
        let receiver = Receiver(refusals: 2)
        let router = Router()
        router.post("/hook") { request, _ -> Response in
            let body = String(buffer: try await request.body.collect(upTo: 1 << 20))
            let accepted = await receiver.take(
                key: request.headers[HTTPField.Name("Idempotency-Key")!] ?? "",
                signature: request.headers[HTTPField.Name("Liaison-Signature")!] ?? "", body: body, secret: secret)
            return accepted
                ? Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "received")))
                : Response(
                    status: .serviceUnavailable, body: .init(byteBuffer: ByteBuffer(string: "down for maintenance")))
        }
        try await Application(router: router).test(.live) { client in
            var w = world
            let port = try #require(client.port)
            try await w.f.store.saveDeliveryChannels(
                DeliveryChannels(
                    agencyID: w.f.nca.id, webhookURL: "http://127.0.0.1:\(port)/hook",
                    webhookSecret: secret), expectedVersion: nil)
            try await w.interest(
                { InterestInput(version: $0, reason: "investigation", contact: "desk") }, by: w.ncaOfficer)
            try await w.step { CaseStepInput(version: $0, allocateTo: "hocc.owner") }
            let obligation = try #require(try await w.owed().first)
            #expect(try await w.f.store.messages(obligation: obligation.id).map(\.channel) == [.inbox, .webhook])

            let dispatcher = OutboxDispatcher(
                store: w.f.store, clock: w.clock, audit: AuditLog(store: w.f.store, clock: w.clock),
                transports: [.webhook: WebhookTransport(timeout: 60, hosts: WebhookHosts(allowed: ["127.0.0.1"]))])
            #expect(try await dispatcher.deliverDue().retrying == 1)
            var hook = try #require(
                try await w.f.store.messages(obligation: obligation.id).first { $0.channel == .webhook })
            #expect(hook.status == .pending && hook.attempts == 1 && hook.lastError?.contains("HTTP 503") == true)
            #expect(hook.nextAttemptAt == w.clock.now().addingTimeInterval(30))
            #expect(try await dispatcher.deliverDue() == OutboxDispatcher.Round(), "nothing is retried before its time")

            // Liaison restarts with the message still in the outbox.
            await w.f.close()
            let reopened = try await kind.open(named: name)
            let again = OutboxDispatcher(
                store: reopened, clock: w.clock, audit: AuditLog(store: reopened, clock: w.clock),
                transports: [.webhook: WebhookTransport(timeout: 60, hosts: WebhookHosts(allowed: ["127.0.0.1"]))])
            w.clock.advance(31)
            #expect(try await again.deliverDue().retrying == 1)
            w.clock.advance(61)
            #expect(try await again.deliverDue().delivered == 1)
            hook = try #require(try await reopened.messages(obligation: obligation.id).first { $0.channel == .webhook })
            #expect(
                hook.status == .delivered && hook.attempts == 3
                    && hook.receipt == "HTTP 200, answer sha256:"
                        + AuditChain.hex(SHA256.hash(data: Data("received".utf8))).prefix(16)
            )
            let calls = await receiver.calls
            #expect(calls.count == 3 && calls.allSatisfy { $0.key == hook.id && $0.signed })
            let notice = try JSONCoding.decoder.decode(Notice.self, from: Data(calls[2].body.utf8))
            #expect(
                notice.obligationID == obligation.id && notice.event == "case-owner-details" && notice.agency == "NCA")
            let audited = try await reopened.searchAudit(AuditQuery(action: "outbox.deliver", limit: 10))
            #expect(audited.map(\.outcome) == [.allowed, .failed, .failed])
            await reopened.close()
        }
    }

    /// A one-connection-at-a-time SMTP server that keeps what it is sent.
    actor Mailbox {
        var messages: [String] = []
        func keep(_ message: String) { messages.append(message) }
    }

    static func smtpServer(_ mailbox: Mailbox) async throws -> (port: Int, task: Task<Void, any Error>) {
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        let port = try #require(server.channel.localAddress?.port)
        let task = Task {
            try await server.executeThenClose { connections in
                for try await connection in connections {
                    try await connection.executeThenClose { input, output in
                        try await output.write(ByteBuffer(string: "220 test.invalid ESMTP\r\n"))
                        var pending = ""
                        var data: [String]? = nil
                        for try await var chunk in input {
                            pending += chunk.readString(length: chunk.readableBytes) ?? ""
                            while let end = pending.range(of: "\r\n") {
                                let line = String(pending[..<end.lowerBound])
                                pending = String(pending[end.upperBound...])
                                if var lines = data {
                                    if line == "." {
                                        await mailbox.keep(lines.joined(separator: "\n"))
                                        data = nil
                                        try await output.write(ByteBuffer(string: "250 2.0.0 queued as T1\r\n"))
                                    } else {
                                        lines.append(line)
                                        data = lines
                                    }
                                } else if line.hasPrefix("DATA") {
                                    data = []
                                    try await output.write(ByteBuffer(string: "354 go ahead\r\n"))
                                } else if line.hasPrefix("QUIT") {
                                    try await output.write(ByteBuffer(string: "221 bye\r\n"))
                                    return
                                } else {
                                    try await output.write(
                                        ByteBuffer(
                                            string: line.hasPrefix("EHLO")
                                                ? "250-test.invalid\r\n250 8BITMIME\r\n" : "250 ok\r\n"))
                                }
                            }
                        }
                    }
                }
            }
        }
        return (port, task)
    }

    @Test(
        "an agency with an email address gets the notice through the SMTP relay, with the relay's receipt",
        arguments: ContractStoreKind.available)
    func email(kind: ContractStoreKind) async throws {
        var w = try await ObligationTests.World(kind)
        let mailbox = Mailbox()
        let (port, server) = try await Self.smtpServer(mailbox)
        defer { server.cancel() }
        try await w.f.store.saveDeliveryChannels(
            DeliveryChannels(agencyID: w.f.nca.id, email: "cases@nca.invalid"), expectedVersion: nil)
        try await w.interest({ InterestInput(version: $0, reason: "investigation", contact: "desk") }, by: w.ncaOfficer)
        try await w.step { CaseStepInput(version: $0, allocateTo: "hocc.owner") }
        let dispatcher = OutboxDispatcher(
            store: w.f.store, clock: w.clock, audit: AuditLog(store: w.f.store, clock: w.clock),
            transports: [.email: SMTPTransport(host: "127.0.0.1", port: port, from: "liaison@hocc.invalid")])
        #expect(try await dispatcher.deliverDue().delivered == 1)
        let obligation = try #require(try await w.owed().first)
        let email = try #require(try await w.f.store.messages(obligation: obligation.id).first { $0.channel == .email })
        #expect(email.status == .delivered && email.receipt == "SMTP 250 2.0.0 queued as T1")
        let sent = try #require(await mailbox.messages.first)
        #expect(
            sent.contains("To: <cases@nca.invalid>") && sent.contains("Subject: Liaison notice: case-owner-details"))
        #expect(sent.contains("X-Liaison-Idempotency-Key: \(email.id)") && sent.contains("Case B1234567"))
        await w.f.close()
    }

    /// A relay that takes a message and never answers.
    struct Hanging: MessageTransport {
        func send(_ message: OutboxMessage, secret: String?) async throws -> String {
            try await Task.sleep(for: .seconds(3_600))
            return "never"
        }
    }

    @Test(
        "a delivery that hangs does not hold up the deadline sweep: escalation goes on beside it",
        arguments: ContractStoreKind.available)
    func sweepBesideHungDelivery(kind: ContractStoreKind) async throws {
        var w = try await ObligationTests.World(kind)
        try await w.f.store.saveDeliveryChannels(
            DeliveryChannels(agencyID: w.f.nca.id, email: "cases@nca.invalid"), expectedVersion: nil)
        try await w.interest({ InterestInput(version: $0, reason: "investigation", contact: "desk") }, by: w.ncaOfficer)
        try await w.step { CaseStepInput(version: $0, allocateTo: "hocc.owner") }
        let obligation = try #require(try await w.owed().first)
        w.clock.advance(2 * 86_400)
        let audit = AuditLog(store: w.f.store, clock: w.clock)
        let worker = DeliveryWorker(
            dispatcher: OutboxDispatcher(
                store: w.f.store, clock: w.clock, audit: audit, transports: [.email: Hanging()]),
            obligations: ObligationService(store: w.f.store, clock: w.clock, audit: audit),
            logger: Logger(label: "test"), deliveryInterval: .milliseconds(10), sweepInterval: .milliseconds(10))
        let running = Task { try await worker.run() }
        var escalated = 0
        for _ in 0..<200 where escalated == 0 {
            try await Task.sleep(for: .milliseconds(25))
            escalated = try await w.f.store.obligation(obligation.id)?.escalation ?? 0
        }
        running.cancel()
        _ = await running.result
        #expect(escalated > 0, "the sweep escalated the overdue notice while the email hung")
        await w.f.close()
    }
}
