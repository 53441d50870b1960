import Foundation

/// Which hosts a webhook may be sent to. A webhook is a request Liaison makes on a partner's say-so, so by default it
/// may not reach this machine or the networks behind it: loopback, private (RFC 1918, unique-local), link-local,
/// shared (carrier-grade NAT), unspecified, multicast and reserved addresses are refused, as is `localhost`,
/// unless an administrator allows the host by name or address (`allowed`).
public struct WebhookHosts: Sendable, Equatable {
    /// Hosts (names or addresses, lower case) webhooks may reach even though they are internal.
    public var allowed: Set<String>

    public init(allowed: some Sequence<String> = []) {
        self.allowed = Set(allowed.map { $0.lowercased() })
    }

    /// Why `host` (as written in the URL) may not be used, or nil if it may. A name is checked again, by the
    /// address it resolves to, when a webhook is sent.
    public func refusal(host: String) -> String? {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        if allowed.contains(bare.lowercased()) { return nil }
        if bare.lowercased() == "localhost" || bare.lowercased().hasSuffix(".localhost") {
            return "points at this machine; an administrator must allow the host first"
        }
        return Self.parse(bare).flatMap(Self.refusal(address:))
    }

    /// Why a resolved address (its bytes: 4 for IPv4, 16 for IPv6) may not be reached, or nil if it may, unless
    /// `host` or the address's text is allowed.
    public func refusal(address: [UInt8], host: String, text: String) -> String? {
        if allowed.contains(host.lowercased()) || allowed.contains(text.lowercased()) { return nil }
        return Self.refusal(address: address)
    }

    static func refusal(address a: [UInt8]) -> String? {
        if a.count == 16 {
            // An IPv4-mapped address (::ffff:a.b.c.d) is judged as the IPv4 address it carries.
            if a[0..<10].allSatisfy({ $0 == 0 }) && a[10] == 0xFF && a[11] == 0xFF {
                return refusal(address: Array(a[12...]))
            }
            if a.allSatisfy({ $0 == 0 }) { return "is the unspecified address" }
            if a[0..<15].allSatisfy({ $0 == 0 }) && a[15] == 1 { return "is a loopback address (this machine)" }
            if a[0] & 0xFE == 0xFC { return "is a private (unique-local) address" }
            if a[0] == 0xFE && a[1] & 0xC0 == 0x80 { return "is a link-local address" }
            if a[0] == 0xFF { return "is a multicast address" }
            return nil
        }
        guard a.count == 4 else { return "is not an address" }
        switch (a[0], a[1]) {
        case (0, _): return "is an unspecified address"
        case (10, _), (172, 16...31), (192, 168): return "is a private address"
        case (127, _): return "is a loopback address (this machine)"
        case (169, 254): return "is a link-local address"
        case (100, 64...127): return "is a shared (carrier-grade NAT) address"
        case (224...255, _): return "is a multicast or reserved address"
        default: return nil
        }
    }

    /// The bytes of an IPv4 (dotted) or IPv6 address written as text, or nil for a name.
    /// - Complexity: O(n) in the length of the text.
    public static func parse(_ text: String) -> [UInt8]? {
        if !text.contains(":") {
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 4 else { return nil }
            var bytes: [UInt8] = []
            for part in parts {
                guard !part.isEmpty, part.count <= 3, part.allSatisfy(\.isASCII), let n = UInt8(part) else {
                    return nil
                }
                bytes.append(n)
            }
            return bytes
        }
        let address = text.split(separator: "%", maxSplits: 1).first.map(String.init) ?? text
        let halves = address.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func groups(_ s: String) -> [UInt8]? {
            if s.isEmpty { return [] }
            var out: [UInt8] = []
            let parts = s.split(separator: ":", omittingEmptySubsequences: false)
            for (n, part) in parts.enumerated() {
                if n == parts.count - 1, part.contains(".") {
                    guard let v4 = parse(String(part)) else { return nil }
                    out += v4
                } else {
                    guard !part.isEmpty, part.count <= 4, let v = UInt16(part, radix: 16) else { return nil }
                    out += [UInt8(v >> 8), UInt8(v & 0xFF)]
                }
            }
            return out
        }
        guard let head = groups(halves[0]) else { return nil }
        if halves.count == 1 { return head.count == 16 ? head : nil }
        guard let tail = groups(halves[1]), head.count + tail.count < 16 else { return nil }
        return head + [UInt8](repeating: 0, count: 16 - head.count - tail.count) + tail
    }
}
