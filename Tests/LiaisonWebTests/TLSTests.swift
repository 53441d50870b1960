import Foundation
import Hummingbird
import HummingbirdTesting
import LiaisonCore
import LiaisonDemo
import LiaisonStore
import LiaisonTestSupport
import Testing

@testable import LiaisonWeb

@Suite("TLS")
struct TLSTests {
    /// Makes a throwaway self-signed certificate and key with the openssl command, for localhost and 127.0.0.1.
    static func selfSigned(in dir: String) throws -> (certificate: String, key: String) {
        let cert = dir + "/cert.pem"
        let key = dir + "/key.pem"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
            "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return (cert, key)
    }

    @Test("with a certificate Liaison serves HTTPS, sends HSTS and marks cookies Secure")
    func https() async throws {
        let dir = Scratch.path("tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let files = try Self.selfSigned(in: dir)
        let store = try await StoreFactory.open(databaseURL: nil, dataDir: dir)
        let data = DemoData.generate(seed: 1, subjects: 10, ocgs: 0)
        _ = try await DemoSeeder.seed(
            data, into: store, passwordHash: try await PasswordHasher(cost: 4).hash(DemoDataset.password))
        let configuration = ServerConfiguration(port: 0, passwordCost: 4, tls: files)
        #expect(configuration.secureTransport)
        let app = try LiaisonApplication.build(store: store, configuration: configuration)
        try await app.test(.ahc(.https)) { client in
            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.status == .ok)
            #expect(health.headers[.strictTransportSecurity] == "max-age=31536000; includeSubDomains")
        }
        // The session cookie the same configuration issues is Secure.
        let authenticator = Authenticator(
            store: store, clock: SystemClock(), hasher: PasswordHasher(cost: 4),
            audit: AuditLog(store: store, clock: SystemClock()), secureCookies: configuration.secureTransport)
        guard
            case .signedIn(_, let cookie) = try await authenticator.signIn(
                username: "nca.analyst", password: DemoDataset.password, request: .none)
        else {
            Issue.record("sign-in failed")
            return
        }
        #expect(cookie.secure)
        #expect(cookie.httpOnly)
        await store.close()
    }

    @Test("an unreadable certificate is reported with its path before the server starts")
    func badFiles() throws {
        let configuration = ServerConfiguration(
            tls: (certificate: "/nonexistent/cert.pem", key: "/nonexistent/key.pem"))
        #expect(throws: ConfigurationError.self) { try configuration.checkTLSFiles() }
        do { try configuration.checkTLSFiles() } catch { #expect("\(error)".contains("/nonexistent/cert.pem")) }
    }
}
