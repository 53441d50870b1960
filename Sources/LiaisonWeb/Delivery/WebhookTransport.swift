import Crypto
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
    let hosts: WebhookHosts

    /// - Parameters:
    ///   - timeout: seconds for the whole exchange, connecting included.
    ///   - tls: how `https` webhooks are reached; by default the system's trust roots and full verification.
    ///   - hosts: which internal hosts webhooks may reach (none by default): the address connected to is checked,
    ///     so a name that resolves to an internal address is refused too.
    public init(
        timeout: TimeInterval = 10, tls: TLSConfiguration = .makeClientConfiguration(),
        hosts: WebhookHosts = WebhookHosts()
    ) {
        self.timeout = timeout
        self.tls = tls
        self.hosts = hosts
    }

    public func send(_ message: OutboxMessage, secret: String?) async throws -> String {
        guard let target = Target(message.destination) else { throw DeliveryError("the webhook URL cannot be used") }
        guard let secret, !secret.isEmpty else { throw DeliveryError("the agency has no webhook secret to sign with") }
        if let refusal = hosts.refusal(host: target.host) { throw DeliveryError("the webhook host \(refusal)") }
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
                            try channel.pipeline.syncOperations.addHandler(
                                NIOSSLClientHandler(context: context, serverHostname: name))
                        }
                        try channel.pipeline.syncOperations.addHTTPClientHandlers()
                        return try NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>(
                            wrappingChannelSynchronously: channel)
                    }
                }
        } catch {
            throw DeliveryError("cannot connect to \(target.host):\(target.port): \(error)")
        }
        // The address actually connected to decides, whatever the name resolved to.
        if let remote = channel.channel.remoteAddress,
            let refusal = Self.refusal(remote, host: target.host, hosts: hosts)
        {
            try? await channel.channel.close()
            throw DeliveryError("the webhook host \(target.host) \(refusal)")
        }
        let deadline = ExchangeDeadline(closing: channel.channel, after: limit)
        defer { deadline.cancel() }
        var headers = HTTPHeaders()
        headers.add(name: "Host", value: target.hostHeader)
        headers.add(name: "Content-Type", value: "application/json")
        headers.add(name: "Content-Length", value: String(message.body.utf8.count))
        headers.add(name: "Idempotency-Key", value: message.id)
        headers.add(
            name: "Liaison-Signature",
            value: WebhookSignature.sign(
                body: message.body, secret: secret, timestamp: Int(Date().timeIntervalSince1970)))
        headers.add(name: "Connection", value: "close")
        // The receiver's answer decides: once a status has been read, an error after it (the receiver closing the
        // connection as it answers, say) does not turn an accepted delivery into a failed one.
        var status: Int?
        var digest = SHA256()
        var failure: (any Error)?
        let connection = channel.channel
        let head = HTTPRequestHead(version: .http1_1, method: .POST, uri: target.path, headers: headers)
        do {
            try await channel.executeThenClose { inbound, outbound in
                // The request is written while the answer is read: a receiver may answer and close before reading
                // all of the request, and its answer must be read before the closed connection discards it.
                async let written: (any Error)? = {
                    do {
                        try await outbound.write(.head(head))
                        try await outbound.write(.body(.byteBuffer(ByteBuffer(string: message.body))))
                        try await outbound.write(.end(nil))
                        return nil
                    } catch {
                        return error
                    }
                }()
                do {
                    reading: for try await part in inbound {
                        switch part {
                        case .head(let head): status = Int(head.status.code)
                        case .body(let buffer): digest.update(data: Data(buffer.readableBytesView))
                        case .end: break reading
                        }
                    }
                } catch {
                    failure = error
                }
                // The answer is in (or never will be): a request still being written is cut off.
                connection.close(promise: nil)
                let writeFailure = await written
                failure = failure ?? writeFailure
            }
        } catch {
            failure = failure ?? error
        }
        guard let status else {
            // Cut off at the time limit, a request still being written fails too: the limit is the reason given.
            if let failure, !deadline.passed {
                throw DeliveryError("the webhook at \(target.host):\(target.port) failed: \(failure)")
            }
            throw DeliveryError("the webhook at \(target.host):\(target.port) gave no answer within \(Int(timeout)) s")
        }
        // Only the status and a digest of what the receiver said are kept: its words are not shown to anyone.
        let receipt = "HTTP \(status), answer sha256:" + AuditChain.hex(digest.finalize()).prefix(16)
        guard (200..<300).contains(status) else { throw DeliveryError(receipt) }
        return receipt
    }

    /// Why the connected address may not be reached, or nil.
    static func refusal(_ address: SocketAddress, host: String, hosts: WebhookHosts) -> String? {
        guard let text = address.ipAddress, let bytes = WebhookHosts.parse(text) else { return nil }
        return hosts.refusal(address: bytes, host: host, text: text)
    }

    /// Where a webhook URL points: `http` or `https`, a host, a port (80 or 443 unless given) and the path and query
    /// as written.
    struct Target {
        let secure: Bool
        let host: String
        let port: Int
        let path: String

        init?(_ url: String) {
            guard let parts = URLComponents(string: url), let scheme = parts.scheme?.lowercased(),
                scheme == "http" || scheme == "https",
                let host = parts.host, !host.isEmpty, parts.user == nil, parts.password == nil
            else { return nil }
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
