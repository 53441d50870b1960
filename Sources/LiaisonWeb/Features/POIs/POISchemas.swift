import LiaisonCore

extension OpenAPIDocument {
    /// The POIs API's schemas; every answer the web tests see is checked against them.
    static let poiSchemas: [String: JSONValue] = [
        "AssessedPOI": object(
            ["record": ref("PersonOfInterest"), "assessment": ref("Assessment")], required: ["record", "assessment"]),
        "POIInput": object(
            [
                "subjectID": string(format: "uuid"),
                "owner": string(description: "The managing officer's username; yourself when omitted"),
                "lifetimeManagement": ["type": "boolean"], "marking": ref("ProtectiveMarking"),
            ], required: ["subjectID"]),
        "PersonOfInterest": object(
            [
                "id": string(format: "uuid"), "meta": ref("RecordMeta"), "subjectID": string(format: "uuid"),
                "owner": string(),
                "tier": string(), "score": ["type": "integer"], "reviewDue": string(format: "date-time"),
                "lifetimeManagement": ["type": "boolean"],
                "status": string(), "subjectName": string(description: "The subject's name"),
            ], required: ["id", "meta", "subjectID", "owner", "reviewDue", "lifetimeManagement", "status"]),
        "POIList": object(["items": array(ref("PersonOfInterest"))], required: ["items"]),
    ]
}
