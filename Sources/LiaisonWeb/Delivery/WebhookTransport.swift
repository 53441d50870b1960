import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import LiaisonCore

/// Posts a message's JSON to the agency's webhook, signed with HMAC-SHA256 (`Liaison-Signature`) and carrying its
/// idempotency key; any 2xx answer is the receipt, anything else a failure to retry.
public struct WebhookTransport: MessageTransport {
    let timeout: TimeInterval

    public init(timeout: TimeInterval = 10) { self.timeout = timeout }

    public func send(_ message: OutboxMessage, secret: String?) async throws -> String {
        guard let url = URL(string: message.destination) else { throw DeliveryError("the webhook URL cannot be used") }
        guard let secret, !secret.isEmpty else { throw DeliveryError("the agency has no webhook secret to sign with") }
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.httpBody = Data(message.body.utf8)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue(message.id, forHTTPHeaderField: "Idempotency-Key")
        request.setValue(WebhookSignature.sign(body: message.body, secret: secret, timestamp: Int(Date().timeIntervalSince1970)),
                         forHTTPHeaderField: "Liaison-Signature")
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        let text = String(decoding: data.prefix(200), as: UTF8.self)
        guard (200..<300).contains(status) else { throw DeliveryError("HTTP \(status) \(text)") }
        return "HTTP \(status) \(text)"
    }
}

/// Why a delivery attempt failed, kept on the message.
public struct DeliveryError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
