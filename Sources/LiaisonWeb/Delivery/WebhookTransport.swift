import Foundation
import LiaisonCore
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// Posts a message's JSON to the agency's webhook, signed with HMAC-SHA256 (`Liaison-Signature`) and carrying its
/// idempotency key; any 2xx answer is the receipt, anything else (a redirect included) a failure to retry.
///
/// One HTTP/1.1 request on its own connection, straight to the webhook's host (no proxy), over TLS for `https`
/// with the certificate checked against the trust roots and the URL's host name (or, for an address, the address).
public struct WebhookTransport: MessageTransport {
    let timeout: TimeInterval
    let tls: TLSConfiguration

    /// - Parameters:
    ///   - timeout: seconds for the whole exchange, connecting included.
    ///   - tls: how `https` webhooks are reached; by default the system's trust roots and full verification.
    public init(timeout: TimeInterval = 10, tls: TLSConfiguration = .makeClientConfiguration()) {
        self.timeout = timeout
        self.tls = tls
    }

    public func send(_ message: OutboxMessage, secret: String?) async throws -> String {
        guard let target = Target(message.destination) else { throw DeliveryError("the webhook URL cannot be used") }
        guard let secret, !secret.isEmpty else { throw DeliveryError("the agency has no webhook secret to sign with") }
        let context = try target.secure ? NIOSSLContext(configuration: tls) : nil
        let limit = TimeAmount.milliseconds(Int64(timeout * 1000))
        let channel: NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>
        do {
            channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(limit)
                .connect(host: target.host, port: target.port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        if let context {
                            // A name is sent for the server to pick its certificate by, and checked against it; an
                            // address is checked against the certificate's addresses.
                            let name = target.hostIsAddress ? nil : target.host
                            try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: context, serverHostname: name))
                        }
                        try channel.pipeline.syncOperations.addHTTPClientHandlers()
                        return try NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>(wrappingChannelSynchronously: channel)
                    }
                }
        } catch {
            throw DeliveryError("cannot connect to \(target.host):\(target.port): \(error)")
        }
        // The exchange is cut off at the time limit by closing the connection, which ends the reading below.
        let deadline = channel.channel.eventLoop.scheduleTask(in: limit) { channel.channel.close(promise: nil) }
        defer { deadline.cancel() }
        var headers = HTTPHeaders()
        headers.add(name: "Host", value: target.hostHeader)
        headers.add(name: "Content-Type", value: "application/json")
        headers.add(name: "Content-Length", value: String(message.body.utf8.count))
        headers.add(name: "Idempotency-Key", value: message.id)
        headers.add(name: "Liaison-Signature", value: WebhookSignature.sign(body: message.body, secret: secret, timestamp: Int(Date().timeIntervalSince1970)))
        headers.add(name: "Connection", value: "close")
        let (status, text): (Int?, String)
        do {
            (status, text) = try await channel.executeThenClose { inbound, outbound in
                try await outbound.write(.head(HTTPRequestHead(version: .http1_1, method: .POST, uri: target.path, headers: headers)))
                try await outbound.write(.body(.byteBuffer(ByteBuffer(string: message.body))))
                try await outbound.write(.end(nil))
                var status: Int?, text = ""
                reading: for try await part in inbound {
                    switch part {
                    case .head(let head): status = Int(head.status.code)
                    case .body(var buffer): if text.utf8.count < 200 { text += buffer.readString(length: buffer.readableBytes) ?? "" }
                    case .end: break reading
                    }
                }
                return (status, String(decoding: text.utf8.prefix(200), as: UTF8.self))
            }
        } catch {
            throw DeliveryError("the webhook at \(target.host):\(target.port) failed: \(error)")
        }
        guard let status else { throw DeliveryError("the webhook at \(target.host):\(target.port) gave no answer within \(Int(timeout)) s") }
        guard (200..<300).contains(status) else { throw DeliveryError("HTTP \(status) \(text)") }
        return "HTTP \(status) \(text)"
    }

    /// Where a webhook URL points: `http` or `https`, a host, a port (80 or 443 unless given) and the path and query
    /// as written.
    struct Target {
        let secure: Bool
        let host: String
        let port: Int
        let path: String

        init?(_ url: String) {
            guard let parts = URLComponents(string: url), let scheme = parts.scheme?.lowercased(), scheme == "http" || scheme == "https",
                  let host = parts.host, !host.isEmpty, parts.user == nil, parts.password == nil else { return nil }
            secure = scheme == "https"
            // An IPv6 address is written in brackets in a URL, and connected to without them.
            self.host = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
            let port = parts.port ?? (secure ? 443 : 80)
            guard (1...65_535).contains(port) else { return nil }
            self.port = port
            let query = parts.percentEncodedQuery.map { "?" + $0 } ?? ""
            path = (parts.percentEncodedPath.isEmpty ? "/" : parts.percentEncodedPath) + query
        }

        /// Whether the host is an IP address rather than a name.
        var hostIsAddress: Bool { (try? SocketAddress(ipAddress: host, port: port)) != nil }

        /// The Host header: the host, with the port where it is not the scheme's own.
        var hostHeader: String {
            let name = host.contains(":") ? "[\(host)]" : host
            return port == (secure ? 443 : 80) ? name : "\(name):\(port)"
        }
    }
}

/// Why a delivery attempt failed, kept on the message.
public struct DeliveryError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
