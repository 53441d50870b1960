import Foundation
import LiaisonCore
import NIOCore
import NIOPosix
import NIOSSL
import Synchronization

/// Sends a notice by email through an SMTP relay. Where the relay offers STARTTLS the session is encrypted before
/// anything is sent, the relay's certificate checked against the trust roots and its name; a relay that does not
/// offer it is used in plain SMTP (relays inside a secure government network often are). The whole exchange has one
/// deadline, so a relay that stops answering costs at most `timeout`. The relay's final `250` reply — usually naming
/// its queue ID — is the receipt.
public struct SMTPTransport: MessageTransport {
    let host: String
    let port: Int
    let from: String
    let timeout: TimeInterval
    let tls: TLSConfiguration

    /// - Parameters:
    ///   - timeout: seconds for the whole exchange, connecting included.
    ///   - tls: how STARTTLS checks the relay; by default the system's trust roots and full verification.
    public init(
        host: String, port: Int = 25, from: String, timeout: TimeInterval = 30,
        tls: TLSConfiguration = .makeClientConfiguration()
    ) {
        self.host = host
        self.port = port
        self.from = from
        self.timeout = timeout
        self.tls = tls
    }

    public func send(_ message: OutboxMessage, secret: String?) async throws -> String {
        let limit = TimeAmount.milliseconds(Int64(timeout * 1000))
        let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>
        do {
            channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(limit)
                .connect(host: host, port: port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
        } catch {
            throw DeliveryError("SMTP: cannot connect to \(host):\(port): \(error)")
        }
        let deadline = ExchangeDeadline(closing: channel.channel, after: limit)
        defer { deadline.cancel() }
        let context = try NIOSSLContext(configuration: tls)
        do {
            return try await channel.executeThenClose { inbound, outbound in
                var replies = SMTPReplies(inbound.makeAsyncIterator())
                func expect(_ code: Int, after command: String?) async throws -> String {
                    if let command { try await outbound.write(ByteBuffer(string: command + "\r\n")) }
                    let (got, text) = try await replies.next()
                    guard got == code else {
                        throw DeliveryError(
                            "SMTP \(command?.split(separator: " ").first.map(String.init) ?? "greeting"): \(got) \(text)"
                        )
                    }
                    return text
                }
                _ = try await expect(220, after: nil)
                let offered = try await expect(250, after: "EHLO liaison")
                if offered.uppercased().split(separator: " ").contains("STARTTLS") {
                    _ = try await expect(220, after: "STARTTLS")
                    // From here the bytes pass through TLS, below the reading and writing above.
                    let name = (try? SocketAddress(ipAddress: host, port: port)) == nil ? host : nil
                    let pipeline = channel.channel.pipeline
                    try await channel.channel.eventLoop.submit {
                        try pipeline.syncOperations.addHandler(
                            try NIOSSLClientHandler(context: context, serverHostname: name), position: .first)
                    }.get()
                    _ = try await expect(250, after: "EHLO liaison")
                }
                _ = try await expect(250, after: "MAIL FROM:<\(from)>")
                _ = try await expect(250, after: "RCPT TO:<\(message.destination)>")
                _ = try await expect(354, after: "DATA")
                let receipt = try await expect(250, after: Self.format(message, from: from) + "\r\n.")
                try? await outbound.write(ByteBuffer(string: "QUIT\r\n"))
                return "SMTP 250 \(receipt)"
            }
        } catch {
            if deadline.passed {
                throw DeliveryError("SMTP: \(host):\(port) gave no answer within \(Int(timeout)) s")
            }
            throw error
        }
    }

    /// The message as sent: headers (the idempotency key as its Message-ID) and a plain-text body, dot-stuffed.
    static func format(_ message: OutboxMessage, from: String) -> String {
        let notice = try? JSONCoding.decoder.decode(Notice.self, from: Data(message.body.utf8))
        let safeID = message.id.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." ? String($0) : "." }.joined()
        let lines = [
            "From: Liaison <\(from)>", "To: <\(message.destination)>", "Subject: \(message.subject)",
            "Date: \(headerDate.withLock { $0.string(from: Date()) })",
            "Message-ID: <\(safeID)@liaison>", "X-Liaison-Idempotency-Key: \(message.id)",
            "Content-Type: text/plain; charset=utf-8", "",
            notice?.summary ?? "", "", "Due by: \(notice.map { DateFormats.instant($0.dueBy) } ?? "")",
            "Acknowledge in Liaison: obligation \(message.obligationID)",
        ]
        return lines.flatMap { $0.components(separatedBy: "\n") }.map { $0.hasPrefix(".") ? "." + $0 : $0 }.joined(
            separator: "\r\n")
    }
}

/// Reads SMTP replies (multi-line ones joined) from the connection.
struct SMTPReplies {
    var iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    var pending = ""

    init(_ iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator) { self.iterator = iterator }

    mutating func next() async throws -> (Int, String) {
        var text: [String] = []
        while true {
            while let end = pending.range(of: "\r\n") {
                let line = String(pending[..<end.lowerBound])
                pending = String(pending[end.upperBound...])
                guard line.count >= 3, let code = Int(line.prefix(3)) else {
                    throw DeliveryError("SMTP: unreadable reply \(line.prefix(80))")
                }
                text.append(String(line.dropFirst(4)))
                if line.count == 3 || line[line.index(line.startIndex, offsetBy: 3)] == " " {
                    return (code, text.joined(separator: " "))
                }
            }
            guard var buffer = try await iterator.next() else {
                throw DeliveryError("SMTP: the server closed the connection")
            }
            pending += buffer.readString(length: buffer.readableBytes) ?? ""
        }
    }
}

/// The one formatter for email `Date:` headers (RFC 5322).
private let headerDate = Mutex<DateFormatter>(
    {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter
    }())
