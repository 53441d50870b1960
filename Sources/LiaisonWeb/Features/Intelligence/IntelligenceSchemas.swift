import LiaisonCore

extension OpenAPIDocument {
    /// The intelligence API's schemas; every answer the web tests see is checked against them.
    static let intelligenceSchemas: [String: JSONValue] = [
        "IntelGrading": object(
            [
                "source": [
                    "type": "string", "enum": ["1", "2", "3"], "description": "1 reliable, 2 untested, 3 not reliable",
                ],
                "assessment": [
                    "type": "string", "enum": ["A", "B", "C", "D", "E"],
                    "description": "A known directly … E suspected false",
                ],
                "handling": object(
                    [
                        "code": ["type": "string", "enum": ["P", "C"]],
                        "conditions": string(description: "Required for C"),
                    ], required: ["code"]),
            ], required: ["source", "assessment", "handling"]),
        "LegacyGrading": object(
            ["source": string(), "intelligence": string(), "handling": string()],
            required: ["source", "intelligence", "handling"]),
        "IntelSource": object(
            [
                "kind": ["type": "string", "enum": ["agency", "partner", "covert"]], "description": string(),
                "covertReference": string(description: "Protected: shown only to the holding agency"),
            ], required: ["kind", "description"]),
        "IntelLink": object(
            ["kind": ["type": "string", "enum": .array(IntelLink.kinds.map { .string($0) })], "value": string()],
            required: ["kind", "value"]),
        "IntelReportInput": object(
            [
                "version": ["type": "integer"], "text": string(max: 20000), "infoDate": string(format: "date"),
                "place": string(), "source": ref("IntelSource"),
                "links": array(ref("IntelLink")), "grading": ref("IntelGrading"), "legacyGrading": ref("LegacyGrading"),
                "marking": ref("ProtectiveMarking"),
                "sharing": ref("Sharing"), "needToKnow": string(),
            ], required: ["text", "infoDate", "source"]),
        "IntelStepInput": object(
            [
                "version": ["type": "integer"],
                "action": ["type": "string", "enum": ["submit", "assess", "return", "sanitise", "disseminate"]],
                "grading": ref("IntelGrading"), "reviewDate": string(format: "date"), "note": string(),
                "sanitisedText": string(),
                "agencies": array(string(description: "Agency code")), "sanitisedVersion": ["type": "integer"],
                "conditions": string(),
            ], required: ["version", "action"]),
        "Dissemination": object(
            [
                "id": ["type": "integer"], "agencyID": string(format: "uuid"), "agencyCode": string(),
                "sanitisedVersion": ["type": "integer"],
                "conditions": string(), "sentBy": string(), "sentAt": string(format: "date-time"), "readBy": string(),
                "readAt": string(format: "date-time"),
            ], required: ["id", "agencyID", "agencyCode", "sentBy", "sentAt"]),
        "IntelReport": object(
            [
                "id": string(format: "uuid"), "meta": ref("RecordMeta"), "text": string(),
                "infoDate": string(format: "date"), "place": string(),
                "source": ref("IntelSource"), "links": array(ref("IntelLink")), "grading": ref("IntelGrading"),
                "legacyGrading": ref("LegacyGrading"),
                "status": ["type": "string", "enum": ["draft", "submitted", "recorded"]],
                "reviewDate": string(format: "date"),
                "sanitised": array(
                    object(
                        [
                            "id": ["type": "integer"], "text": string(), "writtenBy": string(),
                            "writtenAt": string(format: "date-time"),
                        ],
                        required: ["id", "text", "writtenBy", "writtenAt"])),
                "disseminations": array(ref("Dissemination")),
                "history": array(
                    object(
                        ["status": string(), "by": string(), "at": string(format: "date-time"), "note": string()],
                        required: ["status", "by", "at", "note"])),
                "withheld": array(string()),
                "linkedNames": array(string(), description: "The names of the linked subjects and groups you may read"),
            ],
            required: [
                "id", "meta", "text", "infoDate", "source", "links", "status", "sanitised", "disseminations", "history",
                "withheld",
            ]),
        "IntelReportList": object(["items": array(ref("IntelReport"))], required: ["items"]),
        "IntelSearchResult": object(
            [
                "total": ["type": "integer", "description": "Matches you may see"],
                "items": array(
                    object(
                        [
                            "id": string(format: "uuid"), "infoDate": string(format: "date"), "grade": string(),
                            "status": string(),
                            "snippet": string(description: "The matching passage, matches between [ and ]"),
                        ], required: ["id", "infoDate", "grade", "status", "snippet"])),
            ], required: ["total", "items"]),
        "ReceivedIntelList": object(
            [
                "items": array(
                    object(
                        [
                            "reportID": string(format: "uuid"), "dissemination": ref("Dissemination"), "text": string(),
                            "grade": string(), "conditions": string(),
                            "infoDate": string(format: "date"), "marking": ref("ProtectiveMarking"),
                        ], required: ["reportID", "dissemination", "text", "grade", "infoDate", "marking"]))
            ], required: ["items"]),
    ]
}
