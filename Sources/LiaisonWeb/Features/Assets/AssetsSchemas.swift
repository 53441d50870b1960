import LiaisonCore

extension OpenAPIDocument {
    /// The assets API's schemas; every answer the web tests see is checked against them.
    static let assetsSchemas: [String: JSONValue] = [
        "AssetOrderInput": object(
            [
                "target": object(
                    ["kind": ["type": "string", "enum": ["subject", "ocg", "case"]], "id": string(format: "uuid")],
                    required: ["kind", "id"]),
                "power": [
                    "type": "string",
                    "enum": ["restraint", "confiscation", "cash-seizure", "account-freezing", "civil-recovery"],
                ],
                "court": string(max: 200), "reference": string(max: 100), "madeOn": string(format: "date"),
                "amount": ["type": "number", "description": "Pounds"],
                "confiscation": ref("ConfiscationTerms"), "marking": ref("ProtectiveMarking"),
                "agencies": array(
                    object(
                        [
                            "agency": string(description: "Agency code"),
                            "role": ["type": "string", "enum": ["investigation", "prosecution", "enforcement"]],
                        ],
                        required: ["agency", "role"])),
            ], required: ["target", "power", "court", "madeOn", "amount"]),
        "ConfiscationTerms": object(
            [
                "benefit": ["type": "number"], "available": ["type": "number"], "compensation": ["type": "number"],
                "timeToPay": string(format: "date"),
                "defaultSentenceMonths": ["type": "integer"],
            ], required: ["benefit", "available", "compensation", "timeToPay", "defaultSentenceMonths"]),
        "AssetEventInput": object(
            [
                "version": ["type": "integer"],
                "kind": string(
                    description:
                        "varied, discharged, payment, default, detention, extension, forfeited, returned, released, recovered or discontinued, as the record's status allows"
                ),
                "date": string(format: "date"), "amount": ["type": "number"],
                "until": string(format: "date", description: "For a detention or extension"), "note": string(),
            ], required: ["version", "kind", "date"]),
        "AssetOrder": object(
            [
                "id": string(format: "uuid"), "meta": ref("RecordMeta"),
                "target": object(["kind": string(), "id": string(format: "uuid")], required: ["kind", "id"]),
                "subjectID": string(format: "uuid"),
                "power": string(), "court": string(), "reference": string(), "madeOn": string(format: "date"),
                "amount": ["type": "number"],
                "confiscation": ref("ConfiscationTerms"),
                "agencies": array(
                    object(["agency": string(format: "uuid"), "role": string()], required: ["agency", "role"])),
                "status": string(),
                "events": array(
                    object(
                        [
                            "id": ["type": "integer"], "kind": string(), "date": string(format: "date"),
                            "amount": ["type": "number"], "until": string(format: "date"),
                            "note": string(), "recordedBy": string(), "recordedAt": string(format: "date-time"),
                        ],
                        required: ["id", "kind", "date", "note", "recordedBy", "recordedAt"])),
            ],
            required: [
                "id", "meta", "target", "power", "court", "reference", "madeOn", "amount", "agencies", "status",
                "events",
            ]),
        "ReceiptShare": object(
            ["part": string(), "agency": string(format: "uuid"), "amount": ["type": "number"]],
            required: ["part", "amount"]),
        "AssetView": object(
            [
                "order": ref("AssetOrder"), "collected": ["type": "number"], "outstanding": ["type": "number"],
                "receipts": array(
                    object(
                        [
                            "eventID": ["type": "integer"], "date": string(format: "date"),
                            "amount": ["type": "number"], "shares": array(ref("ReceiptShare")),
                        ],
                        required: ["eventID", "date", "amount", "shares"])),
            ], required: ["order", "collected", "receipts"]),
        "AssetList": object(["items": array(ref("AssetOrder"))], required: ["items"]),
        "IncentiveScheme": object(
            [
                "version": ["type": "integer"], "effectiveFrom": string(format: "date"),
                "shares": [
                    "type": "object", "additionalProperties": ["type": "number"],
                    "description":
                        "Percent for home-office, investigation, prosecution and enforcement, adding up to 100",
                ],
            ], required: ["version", "effectiveFrom", "shares"]),
        "SchemeList": object(["items": array(ref("IncentiveScheme"))], required: ["items"]),
    ]
}
