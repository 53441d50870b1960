import LiaisonCore

extension OpenAPIDocument {
    /// The reviews API's schemas; every answer the web tests see is checked against them.
    static let reviewsSchemas: [String: JSONValue] = [
        "MatchDecision": object(
            [
                "status": [
                    "type": "string", "enum": ["pending", "same", "not-same", "unsure"],
                    "description": "pending marks an undo",
                ],
                "by": string(description: "Username, or liaison for an automatic link"),
                "at": string(format: "date-time"),
                "note": string(max: 500), "automatic": ["type": "boolean"],
            ], required: ["status", "by", "at", "automatic"]),
        "MatchReview": object(
            [
                "id": string(format: "uuid"), "leftID": string(format: "uuid"), "rightID": string(format: "uuid"),
                "probability": ["type": "number", "minimum": 0, "maximum": 1], "explanation": ref("MatchExplanation"),
                "foundAt": string(format: "date-time"),
                "status": ["type": "string", "enum": ["pending", "same", "not-same", "unsure"]],
                "decisions": array(ref("MatchDecision")), "version": ["type": "integer"],
            ],
            required: [
                "id", "leftID", "rightID", "probability", "explanation", "foundAt", "status", "decisions", "version",
            ]),
        "MatchReviewItem": object(
            ["review": ref("MatchReview"), "left": ref("Subject"), "right": ref("Subject")],
            required: ["review", "left", "right"]),
        "MatchReviewList": object(["items": array(ref("MatchReviewItem"))], required: ["items"]),
        "MatchDecisionInput": object(
            [
                "decision": ["type": "string", "enum": ["same", "not-same", "unsure"]], "note": string(max: 500),
            ], required: ["decision"]),
        "DuplicateSearchResult": object(
            [
                "subjects": ["type": "integer"], "candidatePairs": ["type": "integer"], "queued": ["type": "integer"],
                "linked": ["type": "integer"],
            ], required: ["subjects", "candidatePairs", "queued", "linked"]),
    ]
}
