import LiaisonCore

extension OpenAPIDocument {
    /// The alerts API's schemas; every answer the web tests see is checked against them.
    static let alertsSchemas: [String: JSONValue] = [
        "AlertIndicator": object(
            [
                "kind": ["type": "string", "enum": .array(AlertIndicator.kinds.map { .string($0) })],
                "value": string(max: 500), "note": string(),
            ],
            required: ["kind", "value"]),
        "AlertInput": object(
            [
                "title": string(max: 200), "category": string(description: "Code from the alert-category list"),
                "summary": string(max: 10000, description: "Sanitised content"),
                "guidance": string(max: 4000, description: "What recipients should do"),
                "indicators": array(ref("AlertIndicator"), max: 100),
                "sectors": array(string(description: "Code from the industry-sector list")),
                "marking": ref("ProtectiveMarking"),
                "expiresOn": string(format: "date"),
                "sourceIntel": string(format: "uuid", description: "The intelligence report it was drawn from"),
            ], required: ["title", "category", "summary", "sectors", "expiresOn"]),
        "AlertStepInput": object(
            [
                "version": ["type": "integer"], "action": ["type": "string", "enum": ["publish", "withdraw"]],
                "reason": string(description: "Why it is withdrawn"),
            ], required: ["version", "action"]),
        "AlertFeedbackInput": object(
            [
                "rating": ["type": "string", "enum": .array(AlertFeedback.ratings.map { .string($0) })],
                "text": string(max: 4000),
            ],
            required: ["rating", "text"]),
        "AlertView": object(
            [
                "id": string(format: "uuid"), "issuer": string(), "title": string(), "category": string(),
                "summary": string(), "guidance": string(),
                "indicators": array(ref("AlertIndicator")), "sectors": array(string()),
                "marking": ref("ProtectiveMarking"), "expiresOn": string(format: "date"),
                "status": ["type": "string", "enum": ["draft", "published", "withdrawn"]],
                "publishedAt": string(format: "date-time"), "withdrawnReason": string(),
                "sourceIntel": string(format: "uuid", description: "Shown to the issuing agency only"),
                "acknowledgements": array(
                    object(
                        [
                            "agencyID": string(format: "uuid"), "agencyCode": string(), "by": string(),
                            "at": string(format: "date-time"),
                        ],
                        required: ["agencyID", "agencyCode", "by", "at"])),
                "feedback": array(
                    object(
                        [
                            "agencyID": string(format: "uuid"), "agencyCode": string(), "by": string(),
                            "at": string(format: "date-time"),
                            "rating": string(), "text": string(),
                        ], required: ["agencyID", "agencyCode", "by", "at", "rating", "text"])),
                "version": ["type": "integer"],
            ],
            required: [
                "id", "issuer", "title", "category", "summary", "guidance", "indicators", "sectors", "marking",
                "expiresOn", "status",
                "acknowledgements", "feedback", "version",
            ]),
        "AlertList": object(["items": array(ref("AlertView"))], required: ["items"]),
        "AlertFeed": object(
            ["generatedAt": string(format: "date-time"), "items": array(ref("AlertView"))],
            required: ["generatedAt", "items"]),
        "STIXBundle": object(
            ["type": ["type": "string", "enum": ["bundle"]], "id": string(), "objects": array(["type": "object"])],
            required: ["type", "id", "objects"], closed: false, description: "A STIX 2.1 bundle"),
        "AlertAudience": object(
            [
                "agencyID": string(format: "uuid"), "agencyCode": string(), "agencyName": string(),
                "sectors": array(string()),
            ],
            required: ["agencyID", "agencyCode", "agencyName", "sectors"]),
        "AlertAudienceList": object(["items": array(ref("AlertAudience"))], required: ["items"]),
        "AlertAudienceInput": object(
            ["sectors": array(string(description: "Code from the industry-sector list"))], required: ["sectors"]),
    ]
}
