import LiaisonCore

extension OpenAPIDocument {
    /// The audit API's schemas; every answer the web tests see is checked against them.
    static let auditSchemas: [String: JSONValue] = [
        "AuditEntry": object(
            [
                "sequence": ["type": "integer"],
                "timeMillis": ["type": "integer", "description": "Milliseconds since 1970 (UTC)"],
                "actorID": string(format: "uuid"), "actorName": string(), "agencyID": string(format: "uuid"),
                "action": string(),
                "objectKind": string(), "objectIDs": array(string()), "purpose": string(), "detail": string(),
                "requestID": string(),
                "outcome": ["type": "string", "enum": ["allowed", "denied", "failed"]],
                "previousHash": string(description: "SHA-256 of the previous entry"),
                "hash": string(description: "SHA-256 of this entry and previousHash"),
            ],
            required: ["sequence", "timeMillis", "actorName", "action", "objectIDs", "outcome", "previousHash", "hash"]),
        "AuditPage": object(
            [
                "items": array(ref("AuditEntry")),
                "nextCursor": string(description: "Pass as `before` for older entries"),
            ], required: ["items"]),
    ]
}
