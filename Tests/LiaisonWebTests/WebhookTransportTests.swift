import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTLS
import HummingbirdTesting
import LiaisonTestSupport
import NIOCore
import NIOPosix
import NIOSSL
import Testing

@testable import LiaisonCore
@testable import LiaisonWeb

@Suite("Webhook transport")
struct WebhookTransportTests {
    /// What the receiving end saw.
    actor Seen {
        var calls: [(key: String, signed: Bool, body: String)] = []
        func add(_ key: String, _ signed: Bool, _ body: String) { calls.append((key, signed, body)) }
    }

    static func message(to url: String) -> OutboxMessage {
        OutboxMessage(
            id: "obl-1:webhook", obligationID: "obl-1", agencyID: AgencyID("agency-nca"), channel: .webhook,
            destination: url, subject: "Removal date", body: #"{"event":"removal-date","agency":"NCA"}"#,
            status: .pending,
            attempts: 0, nextAttemptAt: Date())
    }

    /// A time limit no exchange on this machine reaches, however busy it is, where the limit is not what is tested.
    static let patient: TimeInterval = 60

    /// This machine, allowed as a webhook host for these tests (it is refused by default).
    static let local = WebhookHosts(allowed: ["localhost", "127.0.0.1"])

    /// The receipt kept for an answer: the status and a digest of what the receiver said, never its words.
    static func receipt(_ status: Int, _ answer: String) -> String {
        "HTTP \(status), answer sha256:" + AuditChain.hex(SHA256.hash(data: Data(answer.utf8))).prefix(16)
    }

    @Test(
        "over HTTPS the webhook's certificate is checked: refused when not trusted, delivered and signed when it is, by name or by address"
    )
    func https() async throws {
        let dir = Scratch.path("webhook-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let files = try TLSTests.selfSigned(in: dir)
        let certificate = try NIOSSLCertificate.fromPEMFile(files.certificate)
        let server = TLSConfiguration.makeServerConfiguration(
            certificateChain: certificate.map { .certificate($0) },
            privateKey: .privateKey(try NIOSSLPrivateKey(file: files.key, format: .pem)))
        let secret = "a-shared-secret-of-some-length"
        let seen = Seen()
        let router = Router()
        router.post("/hook") { request, _ -> Response in
            let body = String(buffer: try await request.body.collect(upTo: 1 << 20))
            await seen.add(
                request.headers[HTTPField.Name("Idempotency-Key")!] ?? "",
                WebhookSignature.verify(
                    header: request.headers[HTTPField.Name("Liaison-Signature")!] ?? "", body: body, secret: secret,
                    now: Int(Date().timeIntervalSince1970)), body)
            return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "received")))
        }
        let app = Application(
            router: router, server: try .tls(.http1(), tlsConfiguration: server),
            configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            // The system's trust roots do not include a certificate made a moment ago: nothing is sent.
            await #expect(throws: DeliveryError.self) {
                try await WebhookTransport(timeout: Self.patient, hosts: Self.local).send(
                    Self.message(to: "https://localhost:\(port)/hook"), secret: secret)
            }
            #expect(await seen.calls.isEmpty)
            var trusting = TLSConfiguration.makeClientConfiguration()
            trusting.trustRoots = .certificates(certificate)
            let transport = WebhookTransport(timeout: Self.patient, tls: trusting, hosts: Self.local)
            for host in ["localhost", "127.0.0.1"] {
                let receipt = try await transport.send(Self.message(to: "https://\(host):\(port)/hook"), secret: secret)
                #expect(receipt == Self.receipt(200, "received"))
            }
            let calls = await seen.calls
            #expect(
                calls.count == 2
                    && calls.allSatisfy { $0.key == "obl-1:webhook" && $0.signed && $0.body.contains("removal-date") })
        }
    }

    @Test("a webhook that takes the request but does not answer in time fails at the time limit")
    func silent() async throws {
        let router = Router()
        router.post("/hook") { _, _ -> Response in
            // Answers long after the deadline: only the deadline can end the call with an error.
            try await Task.sleep(for: .seconds(5))
            return Response(status: .ok)
        }
        try await Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0))).test(
            .live
        ) { client in
            let port = try #require(client.port)
            do {
                _ = try await WebhookTransport(timeout: 0.5, hosts: Self.local).send(
                    Self.message(to: "http://127.0.0.1:\(port)/hook"), secret: "s")
                Issue.record("a webhook that did not answer was taken as delivered")
            } catch let error as DeliveryError {
                #expect(error.description.contains("no answer within"), "\(error)")
            }
        }
        // A receiver that takes the connection and reads nothing: the request is still being written when the time
        // limit cuts it off, and the limit, not the cut-off write, is the reason given.
        let (port, task) = try await rawServer { _, _, _ in try await Task.sleep(for: .seconds(600)) }
        defer { task.cancel() }
        do {
            _ = try await WebhookTransport(timeout: 0.5, hosts: Self.local).send(
                Self.largeMessage(port, megabytes: 32), secret: "s")
            Issue.record("a webhook that read nothing was taken as delivered")
        } catch let error as DeliveryError {
            #expect(error.description.contains("no answer within"), "\(error)")
        }
    }

    @Test(
        "a webhook URL is read into scheme, host, port and path; other schemes, credentials and bad ports are refused")
    func targets() throws {
        let plain = try #require(WebhookTransport.Target("http://partner.example/hooks/liaison?agency=NCA&v=2"))
        #expect(
            !plain.secure && plain.host == "partner.example" && plain.port == 80
                && plain.path == "/hooks/liaison?agency=NCA&v=2")
        #expect(plain.hostHeader == "partner.example" && !plain.hostIsAddress)
        let v6 = try #require(WebhookTransport.Target("HTTPS://[::1]:8443"))
        #expect(
            v6.secure && v6.host == "::1" && v6.port == 8443 && v6.path == "/" && v6.hostHeader == "[::1]:8443"
                && v6.hostIsAddress)
        let escaped = try #require(WebhookTransport.Target("https://10.0.0.7/a%20b"))
        #expect(
            escaped.port == 443 && escaped.path == "/a%20b" && escaped.hostHeader == "10.0.0.7" && escaped.hostIsAddress
        )
        for bad in [
            "ftp://partner.example/x", "https://user:pass@partner.example/", "https:///nohost",
            "http://partner.example:0/", "not a url",
        ] {
            #expect(WebhookTransport.Target(bad) == nil, "\(bad)")
        }
    }

    @Test(
        "internal hosts are refused unless allowed, by the URL's host and by the address connected to; nothing is sent")
    func internalHosts() async throws {
        let hosts = WebhookHosts()
        for url in [
            "http://localhost:9/x", "http://127.0.0.1:9/x", "http://[::1]:9/x", "http://10.1.2.3/x",
            "http://172.20.0.1/x",
            "http://192.168.1.1/x", "http://169.254.169.254/latest/meta-data", "http://[fe80::1]/x",
            "http://[fd00::1]/x",
            "http://[::ffff:127.0.0.1]/x", "http://0.0.0.0/x", "http://100.64.0.1/x",
        ] {
            await #expect(throws: DeliveryError.self, "\(url)") {
                try await WebhookTransport(timeout: 1, hosts: hosts).send(Self.message(to: url), secret: "s")
            }
        }
        // A name is judged by the address it reached: a partner's name that resolves to this machine is refused.
        let loopback = try SocketAddress(ipAddress: "127.0.0.1", port: 443)
        #expect(WebhookTransport.refusal(loopback, host: "hooks.partner.example", hosts: hosts) != nil)
        #expect(
            WebhookTransport.refusal(
                loopback, host: "hooks.partner.example", hosts: WebhookHosts(allowed: ["hooks.partner.example"])) == nil
        )
        #expect(
            WebhookTransport.refusal(
                try SocketAddress(ipAddress: "203.0.113.9", port: 443), host: "hooks.partner.example", hosts: hosts)
                == nil)
        #expect(
            WebhookTransport.refusal(
                try SocketAddress(ipAddress: "2001:db8::1", port: 443), host: "hooks.partner.example", hosts: hosts)
                == nil)
    }

    @Test("a receiver that answers 200 before reading the whole request has the notice delivered, every time")
    func answersEarly() async throws {
        // A raw HTTP server that answers on the first bytes of a request, then reads the rest before closing (as
        // HTTP servers do, so that their answer is not lost to a reset connection).
        let (port, task) = try await rawServer { input, output, _ in
            var answered = false
            for try await _ in input where !answered {
                try await output.write(
                    ByteBuffer(string: "HTTP/1.1 200 OK\r\nContent-Length: 8\r\nConnection: close\r\n\r\nreceived"))
                answered = true
            }
        }
        defer { task.cancel() }
        for _ in 0..<20 {
            let receipt = try await WebhookTransport(timeout: Self.patient, hosts: Self.local).send(
                Self.largeMessage(port), secret: "a-shared-secret-of-some-length")
            #expect(receipt == Self.receipt(200, "received"))
        }
    }

    @Test(
        "a receiver that answers 200 and closes at once, the request unread, has the notice delivered or kept to retry")
    func answersAndCloses() async throws {
        // A raw HTTP server: on the first bytes of a request it answers and closes, reading nothing more.
        let (port, task) = try await rawServer { input, output, _ in
            for try await _ in input {
                try await output.write(
                    ByteBuffer(string: "HTTP/1.1 200 OK\r\nContent-Length: 8\r\nConnection: close\r\n\r\nreceived"))
                return
            }
        }
        defer { task.cancel() }
        // Closing with the request unread resets the connection, and a reset can discard the answer before it is
        // read: then the attempt fails and the notice stays in the outbox, to be sent again under the same key.
        // What must never happen is the answer being read and the delivery still counted as failed.
        var delivered = 0
        for _ in 0..<20 {
            do {
                let receipt = try await WebhookTransport(timeout: Self.patient, hosts: Self.local).send(
                    Self.largeMessage(port), secret: "a-shared-secret-of-some-length")
                #expect(receipt == Self.receipt(200, "received"))
                delivered += 1
            } catch let error as DeliveryError {
                #expect(error.description.contains("failed"), "\(error)")
            }
        }
        #expect(delivered > 0)
    }

    /// A notice with a large body, so the receiver answers while the request is still being written.
    static func largeMessage(_ port: Int, megabytes: Int = 4) -> OutboxMessage {
        var message = Self.message(to: "http://127.0.0.1:\(port)/hook")
        message.body =
            #"{"event":"removal-date","padding":""# + String(repeating: "x", count: megabytes << 20) + #""}"#
        return message
    }
}
