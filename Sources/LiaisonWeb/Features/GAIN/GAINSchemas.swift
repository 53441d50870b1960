import LiaisonCore

extension OpenAPIDocument {
    /// The GAIN API's schemas; every answer the web tests see is checked against them.
    static let gainSchemas: [String: JSONValue] = [
        "GAINRequestInput": object(
            [
                "purpose": string(max: 1000, description: "Why you ask: shown to any agency with a hit"),
                "person": ref("SubjectDetails"),
                "vehicle": string(max: 20, description: "A registration, instead of a person"),
                "company": string(max: 200, description: "A company's name or registered number, instead of a person"),
                "agencies": array(string(description: "Agency code"), max: 20),
            ], required: ["purpose", "agencies"], description: "Give exactly one of person, vehicle and company"),
        "GAINRequestView": object(
            [
                "id": string(format: "uuid"), "about": string(description: "What was asked about"), "purpose": string(),
                "askedAt": string(format: "date-time"), "requester": string(),
                "answers": array(
                    object(
                        [
                            "agencyCode": string(), "result": ["type": "string", "enum": ["hit", "no hit"]],
                            "shared": string(),
                        ],
                        required: ["agencyCode", "result"])),
            ], required: ["id", "about", "purpose", "askedAt", "requester", "answers"]),
        "GAINRequestList": object(["items": array(ref("GAINRequestView"))], required: ["items"]),
        "GAINHitView": object(
            [
                "requestID": string(format: "uuid"), "requesterAgencyCode": string(), "requester": string(),
                "about": string(), "purpose": string(),
                "askedAt": string(format: "date-time"),
                "matched": array(string(format: "uuid", description: "One of your subjects that matched a person")),
                "reports": array(
                    string(
                        format: "uuid", description: "One of your intelligence reports linking the vehicle or company")),
                "shared": string(),
            ],
            required: [
                "requestID", "requesterAgencyCode", "requester", "about", "purpose", "askedAt", "matched", "reports",
            ]),
        "GAINHitList": object(["items": array(ref("GAINHitView"))], required: ["items"]),
        "GAINShareInput": object(
            ["requestID": string(format: "uuid"), "message": string(max: 4000)], required: ["requestID", "message"]),
    ]
}
