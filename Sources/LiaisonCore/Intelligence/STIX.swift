import Crypto
import Foundation

/// Industry alerts as a STIX 2.1 bundle, for institutions that consume threat intelligence.
///
/// Each alert becomes a `report` created by an `identity` (the issuing agency) and marked with a statement
/// `marking-definition` carrying its protective marking. Email addresses, web addresses, domains and IPv4 addresses
/// become `indicator`s with STIX patterns valid until the alert expires; the other indicators (phones, accounts,
/// documents) have no STIX object of their own and are listed in the report's description. Object identifiers
/// are derived from the alert's, so the same alert always has the same STIX identifiers.
public enum STIXBundle {
    /// One STIX object. Properties STIX does not need for a type stay nil and are left out. The property names are
    /// STIX's own.
    // swift-format-ignore: AlwaysUseLowerCamelCase
    public struct Object: Codable, Sendable, Equatable {
        public var type: String
        public var spec_version: String = "2.1"
        public var id: String
        public var created: String
        public var modified: String?
        public var name: String?
        public var description: String?
        public var identity_class: String?
        public var sectors: [String]?
        public var definition_type: String?
        public var definition: [String: String]?
        public var report_types: [String]?
        public var published: String?
        public var object_refs: [String]?
        public var indicator_types: [String]?
        public var pattern: String?
        public var pattern_type: String?
        public var valid_from: String?
        public var valid_until: String?
        public var labels: [String]?
        public var created_by_ref: String?
        public var object_marking_refs: [String]?
    }

    public struct Bundle: Codable, Sendable, Equatable {
        public var type = "bundle"
        public var id: String
        public var objects: [Object]
    }

    /// The bundle of `alerts`, issued by `agencies`.
    /// - Complexity: O(n) in the alerts and their indicators.
    public static func make(_ alerts: [IndustryAlert], agencies: [AgencyID: Agency], now: Date) -> Bundle {
        var objects: [Object] = []
        var identities = Set<String>()
        var markings = Set<String>()
        for alert in alerts {
            let created = timestamp(alert.createdAt)
            let published = timestamp(alert.publishedAt ?? alert.createdAt)
            let identity = "identity--" + uuid("identity:" + alert.issuer.rawValue)
            if identities.insert(identity).inserted {
                objects.append(
                    Object(
                        type: "identity", id: identity, created: created, modified: created,
                        name: agencies[alert.issuer]?.name ?? alert.issuerCode, identity_class: "organization",
                        sectors: ["government-national"]))
            }
            let marking = "marking-definition--" + uuid("marking:" + alert.marking.label)
            if markings.insert(marking).inserted {
                objects.append(
                    Object(
                        type: "marking-definition", id: marking, created: "2026-01-01T00:00:00.000Z",
                        name: alert.marking.label, definition_type: "statement",
                        definition: [
                            "statement":
                                "\(alert.marking.label): Government Security Classifications. Handle and share only as this marking allows."
                        ]))
            }
            var refs: [String] = []
            let validUntil = alert.expiresOn + "T23:59:59.999Z"
            for (n, indicator) in alert.indicators.enumerated() {
                guard let pattern = pattern(indicator) else { continue }
                let id = "indicator--" + uuid("indicator:\(alert.id.rawValue):\(n)")
                refs.append(id)
                objects.append(
                    Object(
                        type: "indicator", id: id, created: created, modified: published,
                        name: "\(alert.title): \(indicator.kind) \(indicator.value)",
                        description: indicator.note
                            ?? "An indicator of the activity described in the alert \(alert.title).",
                        indicator_types: ["anomalous-activity"], pattern: pattern, pattern_type: "stix",
                        valid_from: published,
                        valid_until: validUntil, created_by_ref: identity, object_marking_refs: [marking]))
            }
            let others = alert.indicators.filter { pattern($0) == nil }
            var description = alert.summary
            if !alert.guidance.isEmpty { description += "\n\nWhat to do: " + alert.guidance }
            if !others.isEmpty {
                description +=
                    "\n\nOther indicators:\n"
                    + others.map { "- \($0.kind): \($0.value)" + ($0.note.map { " (\($0))" } ?? "") }.joined(
                        separator: "\n")
            }
            description += "\n\nApplies until \(alert.expiresOn)."
            objects.append(
                Object(
                    type: "report", id: "report--" + uuid("report:" + alert.id.rawValue), created: created,
                    modified: published,
                    name: alert.title, description: description, report_types: ["threat-report"], published: published,
                    object_refs: refs.isEmpty ? [identity] : refs,
                    labels: ["category:" + alert.category] + alert.sectors.map { "sector:" + $0 },
                    created_by_ref: identity, object_marking_refs: [marking]))
        }
        return Bundle(
            id: "bundle--" + uuid("bundle:" + timestamp(now) + alerts.map(\.id.rawValue).joined()), objects: objects)
    }

    /// The STIX pattern for an indicator that STIX can express, or nil.
    static func pattern(_ indicator: AlertIndicator) -> String? {
        let object =
            switch indicator.kind {
            case "email": "email-addr:value"
            case "url": "url:value"
            case "domain": "domain-name:value"
            case "ipv4": "ipv4-addr:value"
            default: ""
            }
        guard !object.isEmpty else { return nil }
        let escaped = indicator.value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
            of: "'", with: "\\'")
        return "[\(object) = '\(escaped)']"
    }

    /// A version-4-formatted UUID derived from `name`, so identifiers are stable across exports.
    static func uuid(_ name: String) -> String {
        var bytes = Array(SHA256.hash(data: Data(name.utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.map { String(format: "%02x", $0) }.joined()
        let i = hex.startIndex
        func part(_ from: Int, _ to: Int) -> Substring {
            hex[hex.index(i, offsetBy: from)..<hex.index(i, offsetBy: to)]
        }
        return "\(part(0, 8))-\(part(8, 12))-\(part(12, 16))-\(part(16, 20))-\(part(20, 32))"
    }

    /// A STIX timestamp: UTC with milliseconds.
    static func timestamp(_ date: Date) -> String {
        date.formatted(DateFormats.millisecondStyle)
    }
}
