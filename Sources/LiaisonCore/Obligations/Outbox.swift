import Crypto
import Foundation

/// How an agency wants to be told, besides its in-app inbox: an email address and a signed webhook.
public struct DeliveryChannels: Codable, Sendable, Equatable {
    public var agencyID: AgencyID
    public var email: String?
    public var webhookURL: String?
    /// The shared secret the webhook's HMAC-SHA256 signature is made with.
    public var webhookSecret: String?
    public var version: Int

    public init(
        agencyID: AgencyID, email: String? = nil, webhookURL: String? = nil, webhookSecret: String? = nil,
        version: Int = 1
    ) {
        self.agencyID = agencyID
        self.email = email
        self.webhookURL = webhookURL
        self.webhookSecret = webhookSecret
        self.version = version
    }
}

/// One message in the outbox: an obligation on its way to an agency through one channel. Written in the same
/// transaction as the change that caused it, so a restart loses nothing; its ID is the idempotency key the receiver
/// sees on every retry.
public struct OutboxMessage: Codable, Sendable, Equatable, Identifiable {
    public enum Channel: String, Codable, Sendable, CaseIterable { case inbox, email, webhook }
    public enum Status: String, Codable, Sendable { case pending, delivered, failed }

    public var id: String
    public var obligationID: String
    public var agencyID: AgencyID
    public var channel: Channel
    /// The email address or webhook URL, as set when the message was written.
    public var destination: String
    public var subject: String
    /// The JSON document delivered (an obligation's notice).
    public var body: String
    public var status: Status
    public var attempts: Int
    public var nextAttemptAt: Date
    public var lastError: String?
    public var deliveredAt: Date?
    /// What the receiving end answered: an HTTP status and body, an SMTP server's reply, or the inbox's receipt.
    public var receipt: String?

    /// The messages for a new obligation: the inbox at once, and email and webhook where the agency has set them up.
    public static func messages(for obligation: Obligation, channels: DeliveryChannels?, at time: Date) throws
        -> [OutboxMessage]
    {
        let notice = Notice(
            obligationID: obligation.id, caseID: obligation.caseID.rawValue, agency: obligation.agencyCode,
            event: obligation.event,
            summary: obligation.summary, dueBy: obligation.dueBy)
        let body = String(decoding: try JSONCoding.encoder.encode(notice), as: UTF8.self)
        let subject = "Liaison notice: \(obligation.event)"
        func message(_ channel: Channel, _ destination: String) -> OutboxMessage {
            OutboxMessage(
                id: "\(obligation.id):\(channel.rawValue)", obligationID: obligation.id, agencyID: obligation.agencyID,
                channel: channel,
                destination: destination, subject: subject, body: body, status: .pending, attempts: 0,
                nextAttemptAt: time)
        }
        var inbox = message(.inbox, obligation.agencyCode)
        inbox.status = .delivered
        inbox.attempts = 1
        inbox.deliveredAt = time
        inbox.receipt = "in the \(obligation.agencyCode) inbox"
        var all = [inbox]
        if let email = channels?.email, !email.isEmpty { all.append(message(.email, email)) }
        if let url = channels?.webhookURL, !url.isEmpty { all.append(message(.webhook, url)) }
        return all
    }

    /// The message after a failed attempt: retried with exponential backoff (30 s doubling, at most an hour apart),
    /// and given up after `maximumAttempts`.
    public func failed(_ error: String, at time: Date, maximumAttempts: Int = 12) -> OutboxMessage {
        var next = self
        next.attempts += 1
        next.lastError = String(error.prefix(500))
        next.nextAttemptAt = time.addingTimeInterval(min(3600, 30 * pow(2, Double(next.attempts - 1))))
        if next.attempts >= maximumAttempts { next.status = .failed }
        return next
    }

    public func delivered(receipt: String, at time: Date) -> OutboxMessage {
        var next = self
        next.attempts += 1
        next.status = .delivered
        next.deliveredAt = time
        next.receipt = String(receipt.prefix(500))
        next.lastError = nil
        return next
    }
}

/// The document an agency receives about an obligation.
public struct Notice: Codable, Sendable, Equatable {
    public var obligationID: String
    public var caseID: String
    public var agency: String
    public var event: String
    public var summary: String
    public var dueBy: Date
}

/// Signs webhook deliveries: HMAC-SHA256 over the timestamp, a full stop and the body, sent as
/// `Liaison-Signature: t=TIMESTAMP,v1=HEX`, so the receiver can check both origin and freshness.
public enum WebhookSignature {
    public static func sign(body: String, secret: String, timestamp: Int) -> String {
        let mac = HMAC<SHA256>.authenticationCode(
            for: Data("\(timestamp).\(body)".utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return "t=\(timestamp),v1=" + mac.map { String(format: "%02x", $0) }.joined()
    }

    /// How far a signature's time may be from the receiver's clock, either way, before it is refused as stale.
    public static let tolerance = 300

    /// Whether `header` signs `body` with `secret` at a time within `tolerance` seconds of `now` (Unix seconds),
    /// compared in constant time, so a replayed or forged delivery is refused.
    public static func verify(header: String, body: String, secret: String, now: Int) -> Bool {
        let parts = Dictionary(
            header.split(separator: ",").compactMap { part -> (String, String)? in
                let pair = part.split(separator: "=", maxSplits: 1)
                return pair.count == 2 ? (String(pair[0]), String(pair[1])) : nil
            }, uniquingKeysWith: { first, _ in first })
        guard let t = parts["t"].flatMap(Int.init), abs(now - t) <= tolerance else { return false }
        let expected = Array(sign(body: body, secret: secret, timestamp: t).utf8)
        let sent = Array(header.utf8)
        guard expected.count == sent.count else { return false }
        return zip(expected, sent).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// Sends outbox messages over one channel and returns the receiving end's receipt; throws when it did not take it.
public protocol MessageTransport: Sendable {
    func send(_ message: OutboxMessage, secret: String?) async throws -> String
}
