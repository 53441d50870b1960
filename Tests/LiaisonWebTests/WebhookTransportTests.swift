import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import HummingbirdTLS
@testable import LiaisonCore
import NIOCore
import NIOSSL
import Testing
@testable import LiaisonWeb

@Suite("Webhook transport")
struct WebhookTransportTests {
    /// What the receiving end saw.
    actor Seen {
        var calls: [(key: String, signed: Bool, body: String)] = []
        func add(_ key: String, _ signed: Bool, _ body: String) { calls.append((key, signed, body)) }
    }

    static func message(to url: String) -> OutboxMessage {
        OutboxMessage(id: "obl-1:webhook", obligationID: "obl-1", agencyID: AgencyID("agency-nca"), channel: .webhook,
                      destination: url, subject: "Removal date", body: #"{"event":"removal-date","agency":"NCA"}"#, status: .pending,
                      attempts: 0, nextAttemptAt: Date())
    }

    @Test("over HTTPS the webhook's certificate is checked: refused when not trusted, delivered and signed when it is, by name or by address")
    func https() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("liaison-webhook-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let files = try TLSTests.selfSigned(in: dir)
        let certificate = try NIOSSLCertificate.fromPEMFile(files.certificate)
        let server = TLSConfiguration.makeServerConfiguration(certificateChain: certificate.map { .certificate($0) },
                                                              privateKey: .privateKey(try NIOSSLPrivateKey(file: files.key, format: .pem)))
        let secret = "a-shared-secret-of-some-length"
        let seen = Seen()
        let router = Router()
        router.post("/hook") { request, _ -> Response in
            let body = String(buffer: try await request.body.collect(upTo: 1 << 20))
            await seen.add(request.headers[HTTPField.Name("Idempotency-Key")!] ?? "",
                           WebhookSignature.verify(header: request.headers[HTTPField.Name("Liaison-Signature")!] ?? "", body: body, secret: secret), body)
            return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "received")))
        }
        let app = Application(router: router, server: try .tls(.http1(), tlsConfiguration: server),
                              configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            // The system's trust roots do not include a certificate made a moment ago: nothing is sent.
            await #expect(throws: DeliveryError.self) {
                try await WebhookTransport(timeout: 5).send(Self.message(to: "https://localhost:\(port)/hook"), secret: secret)
            }
            #expect(await seen.calls.isEmpty)
            var trusting = TLSConfiguration.makeClientConfiguration()
            trusting.trustRoots = .certificates(certificate)
            let transport = WebhookTransport(timeout: 5, tls: trusting)
            for host in ["localhost", "127.0.0.1"] {
                let receipt = try await transport.send(Self.message(to: "https://\(host):\(port)/hook"), secret: secret)
                #expect(receipt == "HTTP 200 received")
            }
            let calls = await seen.calls
            #expect(calls.count == 2 && calls.allSatisfy { $0.key == "obl-1:webhook" && $0.signed && $0.body.contains("removal-date") })
        }
    }

    @Test("a webhook that takes the request but does not answer in time fails at the time limit")
    func silent() async throws {
        let router = Router()
        router.post("/hook") { _, _ -> Response in
            try await Task.sleep(for: .seconds(2))
            return Response(status: .ok)
        }
        try await Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0))).test(.live) { client in
            let port = try #require(client.port)
            let started = ContinuousClock.now
            do {
                _ = try await WebhookTransport(timeout: 0.5).send(Self.message(to: "http://127.0.0.1:\(port)/hook"), secret: "s")
                Issue.record("a webhook that did not answer was taken as delivered")
            } catch let error as DeliveryError {
                #expect(error.description.contains("no answer within"), "\(error)")
            }
            #expect(ContinuousClock.now - started < .seconds(1.5))
        }
    }

    @Test("a webhook URL is read into scheme, host, port and path; other schemes, credentials and bad ports are refused")
    func targets() throws {
        let plain = try #require(WebhookTransport.Target("http://partner.example/hooks/liaison?agency=NCA&v=2"))
        #expect(!plain.secure && plain.host == "partner.example" && plain.port == 80 && plain.path == "/hooks/liaison?agency=NCA&v=2")
        #expect(plain.hostHeader == "partner.example" && !plain.hostIsAddress)
        let v6 = try #require(WebhookTransport.Target("HTTPS://[::1]:8443"))
        #expect(v6.secure && v6.host == "::1" && v6.port == 8443 && v6.path == "/" && v6.hostHeader == "[::1]:8443" && v6.hostIsAddress)
        let escaped = try #require(WebhookTransport.Target("https://10.0.0.7/a%20b"))
        #expect(escaped.port == 443 && escaped.path == "/a%20b" && escaped.hostHeader == "10.0.0.7" && escaped.hostIsAddress)
        for bad in ["ftp://partner.example/x", "https://user:pass@partner.example/", "https:///nohost", "http://partner.example:0/", "not a url"] {
            #expect(WebhookTransport.Target(bad) == nil, "\(bad)")
        }
    }
}
