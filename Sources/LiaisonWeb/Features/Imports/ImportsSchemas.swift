import LiaisonCore

extension OpenAPIDocument {
    /// The imports API's schemas; every answer the web tests see is checked against them.
    static let importsSchemas: [String: JSONValue] = [
        "ImportFile": [
            "type": "string",
            "description": "The file itself: CSV with a header row, or JSON Lines (one object per line)",
        ],
        "ImportJob": object(
            [
                "id": string(format: "uuid"), "source": string(), "fileName": string(), "fileSize": ["type": "integer"],
                "status": ["type": "string", "enum": ["running", "completed", "failed", "interrupted"]],
                "rowsRead": ["type": "integer"], "rowsLoaded": ["type": "integer"], "rowsFailed": ["type": "integer"],
                "offset": [
                    "type": "integer", "description": "Bytes of the file consumed: where a resumed import continues",
                ],
                "header": array(string()), "agencyID": string(format: "uuid"), "startedBy": string(),
                "startedAt": string(format: "date-time"), "updatedAt": string(format: "date-time"), "failure": string(),
                "possibleDuplicates": [
                    "type": "integer",
                    "description": "Pairs involving the loaded subjects queued for review as likely one person",
                ],
            ],
            required: [
                "id", "source", "fileName", "status", "rowsRead", "rowsLoaded", "rowsFailed", "offset", "header",
                "agencyID", "startedBy", "startedAt", "updatedAt",
            ]),
        "ImportJobList": object(["items": array(ref("ImportJob"))], required: ["items"]),
    ]
}
