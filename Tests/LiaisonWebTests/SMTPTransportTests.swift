import Foundation
import LiaisonTestSupport
import NIOCore
import NIOPosix
import NIOSSL
import Synchronization
import Testing

@testable import LiaisonCore
@testable import LiaisonWeb

/// Email delivery against relays written for the test: one that offers STARTTLS (the session is encrypted before
/// the notice is sent, and the relay's certificate checked), and one that takes the connection and never answers.
@Suite("SMTP transport")
struct SMTPTransportTests {
    final class Transcript: Sendable {
        let lines = Mutex<[String]>([])
        let encryptedFrom = Mutex<Int?>(nil)
        func add(_ line: String) { lines.withLock { $0.append(line) } }
    }

    static func message() -> OutboxMessage {
        OutboxMessage(
            id: "obl-7:email", obligationID: "obl-7", agencyID: AgencyID("agency-nca"), channel: .email,
            destination: "desk@nca.invalid",
            subject: "Liaison notice: bail-granted",
            body:
                #"{"obligationID":"obl-7","caseID":"c","agency":"NCA","event":"bail-granted","summary":"Case B1: bail","dueBy":"2026-01-01T00:00:00Z"}"#,
            status: .pending, attempts: 0, nextAttemptAt: Date())
    }

    /// A relay that offers STARTTLS and, once asked, speaks TLS with `context`.
    static func startTLSRelay(_ transcript: Transcript, context: NIOSSLContext) async throws -> (
        port: Int, task: Task<Void, any Error>
    ) {
        try await rawServer { input, output, channel in
            try await output.write(ByteBuffer(string: "220 relay.invalid ESMTP\r\n"))
            var pending = ""
            var inData = false
            var secure = false
            for try await var chunk in input {
                pending += chunk.readString(length: chunk.readableBytes) ?? ""
                while let end = pending.range(of: "\r\n") {
                    let line = String(pending[..<end.lowerBound])
                    pending = String(pending[end.upperBound...])
                    transcript.add(line)
                    if inData {
                        if line == "." {
                            inData = false
                            try await output.write(ByteBuffer(string: "250 2.0.0 queued as S1\r\n"))
                        }
                    } else if line.hasPrefix("EHLO") {
                        try await output.write(
                            ByteBuffer(
                                string: secure
                                    ? "250-relay.invalid\r\n250 8BITMIME\r\n"
                                    : "250-relay.invalid\r\n250-STARTTLS\r\n250 8BITMIME\r\n"))
                    } else if line == "STARTTLS" {
                        try await output.write(ByteBuffer(string: "220 2.0.0 ready to start TLS\r\n"))
                        let pipeline = channel.pipeline
                        try await channel.eventLoop.submit {
                            try pipeline.syncOperations.addHandler(
                                NIOSSLServerHandler(context: context), position: .first)
                        }.get()
                        secure = true
                        transcript.encryptedFrom.withLock { $0 = transcript.lines.withLock { $0.count } }
                    } else if line == "DATA" {
                        inData = true
                        try await output.write(ByteBuffer(string: "354 go ahead\r\n"))
                    } else if line == "QUIT" {
                        try await output.write(ByteBuffer(string: "221 bye\r\n"))
                        return
                    } else {
                        try await output.write(ByteBuffer(string: "250 ok\r\n"))
                    }
                }
            }
        }
    }

    @Test(
        "a relay that offers STARTTLS gets the notice over TLS, its certificate checked; an untrusted one gets nothing")
    func startTLS() async throws {
        let dir = Scratch.path("smtp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let files = try TLSTests.selfSigned(in: dir)
        let certificate = try NIOSSLCertificate.fromPEMFile(files.certificate)
        let context = try NIOSSLContext(
            configuration: .makeServerConfiguration(
                certificateChain: certificate.map { .certificate($0) },
                privateKey: .privateKey(try NIOSSLPrivateKey(file: files.key, format: .pem))))
        let transcript = Transcript()
        let (port, task) = try await Self.startTLSRelay(transcript, context: context)
        defer { task.cancel() }
        // The system's trust roots do not include the relay's certificate made a moment ago: nothing is sent.
        await #expect(throws: (any Error).self) {
            try await SMTPTransport(host: "localhost", port: port, from: "liaison@hocc.invalid", timeout: 60).send(
                Self.message(), secret: nil)
        }
        #expect(!transcript.lines.withLock { $0 }.contains { $0.hasPrefix("RCPT") })
        var trusting = TLSConfiguration.makeClientConfiguration()
        trusting.trustRoots = .certificates(certificate)
        let receipt = try await SMTPTransport(
            host: "localhost", port: port, from: "liaison@hocc.invalid", timeout: 60, tls: trusting
        )
        .send(Self.message(), secret: nil)
        #expect(receipt == "SMTP 250 2.0.0 queued as S1")
        // Everything after STARTTLS, the recipient and the notice included, went over TLS.
        let lines = transcript.lines.withLock { $0 }
        let secureFrom = try #require(transcript.encryptedFrom.withLock { $0 })
        let rcpt = try #require(lines.lastIndex { $0.hasPrefix("RCPT TO:<desk@nca.invalid>") })
        #expect(rcpt >= secureFrom && lines.contains("Case B1: bail"))
    }

    @Test("a relay that takes the connection and never answers costs the deadline, not the worker")
    func silentRelay() async throws {
        let (port, task) = try await rawServer { input, _, _ in for try await _ in input {} }
        defer { task.cancel() }
        let started = ContinuousClock.now
        do {
            _ = try await SMTPTransport(host: "127.0.0.1", port: port, from: "liaison@hocc.invalid", timeout: 0.5).send(
                Self.message(), secret: nil)
            Issue.record("a relay that never answered was taken as delivered")
        } catch let error as DeliveryError {
            #expect(error.description.contains("no answer within"), "\(error)")
        }
        // The relay never answers, so only the deadline ends the call; the bound is loose for a loaded machine.
        #expect(ContinuousClock.now - started < .seconds(20))
    }
}
