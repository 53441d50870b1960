import LiaisonCore

extension OpenAPIDocument {
    /// The groups API's schemas; every answer the web tests see is checked against them.
    static let groupsSchemas: [String: JSONValue] = [
        "LeadInput": object(
            [
                "version": ["type": "integer"],
                "lead": string(description: "The officer's username; null or omitted to stand the current one down"),
            ],
            required: ["version"]),
        "ScoringMatrix": object(
            [
                "kind": ["type": "string", "enum": ["ocg", "poi"]], "version": ["type": "integer"],
                "effectiveFrom": string(format: "date"),
                "factors": array(
                    object(
                        [
                            "code": string(), "label": string(), "weight": ["type": "integer"],
                            "levels": array(string()),
                        ],
                        required: ["code", "label", "weight", "levels"])),
                "bands": array(
                    object(
                        ["code": string(), "minimum": ["type": "integer"], "reviewEveryDays": ["type": "integer"]],
                        required: ["code", "minimum", "reviewEveryDays"])),
            ], required: ["kind", "version", "effectiveFrom", "factors", "bands"]),
        "ScoringMatrixList": object(["items": array(ref("ScoringMatrix"))], required: ["items"]),
        "AssessmentInput": object(
            [
                "version": ["type": "integer", "description": "The record version you assessed"],
                "ratings": [
                    "type": "object", "additionalProperties": ["type": "integer", "minimum": 0],
                    "description": "A level for every factor of the matrix, by factor code",
                ],
                "rationale": string(max: 2000),
            ], required: ["version", "ratings", "rationale"]),
        "Assessment": object(
            [
                "id": string(), "recordKind": ["type": "string", "enum": ["ocg", "poi"]],
                "recordID": string(format: "uuid"), "matrixVersion": ["type": "integer"],
                "ratings": ["type": "object", "additionalProperties": ["type": "integer"]],
                "score": ["type": "integer", "minimum": 0, "maximum": 100],
                "band": string(), "rationale": string(), "by": string(), "at": string(format: "date-time"),
                "nextReviewDue": string(format: "date-time"),
            ],
            required: [
                "id", "recordKind", "recordID", "matrixVersion", "ratings", "score", "band", "rationale", "by", "at",
                "nextReviewDue",
            ]),
        "AssessmentList": object(["items": array(ref("Assessment"))], required: ["items"]),
        "AssessedOCG": object(
            ["record": ref("OCG"), "assessment": ref("Assessment")], required: ["record", "assessment"]),
        "ReassessmentsDue": object(["items": array(ref("AssessedOCG"))], required: ["items"]),
        "OCGMember": object(
            [
                "subjectID": string(format: "uuid"), "role": string(description: "A code from the ocg-role list"),
                "from": partialDate, "to": partialDate,
            ], required: ["subjectID", "role"]),
        "OCGDetails": object(
            [
                "name": string(max: 120), "operationNames": array(string(max: 80), max: 20),
                "markets": array(string(description: "criminal-market codes")),
                "areas": array(string(description: "area codes")),
                "status": string(description: "An ocg-status code"), "band": string(description: "An ocg-band code"),
                "threatScore": ["type": "integer", "minimum": 0, "maximum": 1000],
                "leadOfficer": string(format: "uuid"), "summary": string(max: 4000),
                "plan": string(max: 8000),
                "leadHistory": array(
                    object(
                        [
                            "officer": string(format: "uuid"), "username": string(), "agencyID": string(format: "uuid"),
                            "from": string(format: "date-time"), "to": string(format: "date-time"),
                            "appointedBy": string(),
                        ],
                        required: ["officer", "username", "agencyID", "from", "appointedBy"])),
                "statusHistory": array(
                    object(
                        ["status": string(), "from": string(format: "date-time"), "by": string()],
                        required: ["status", "from", "by"])),
            ], required: ["name", "operationNames", "markets", "areas", "status"]),
        "OCG": object(
            [
                "id": string(format: "uuid"), "meta": ref("RecordMeta"), "details": ref("OCGDetails"),
                "members": array(ref("OCGMember")),
            ], required: ["id", "meta", "details", "members"]),
        "OCGInput": object(
            [
                "details": ref("OCGDetails"), "members": array(ref("OCGMember"), max: 500),
                "marking": ref("ProtectiveMarking"), "sharing": ref("Sharing"), "needToKnow": string(max: 60),
                "version": ["type": "integer"],
            ], required: ["details"]),
        "OCGPage": page(of: "OCG"),
        "OCGList": object(["items": array(ref("OCG"))], required: ["items"]),
    ]
}
