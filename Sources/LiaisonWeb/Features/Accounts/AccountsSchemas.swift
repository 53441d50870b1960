import LiaisonCore

extension OpenAPIDocument {
    /// The accounts API's schemas; every answer the web tests see is checked against them.
    static let accountsSchemas: [String: JSONValue] = [
        "Agency": object(
            [
                "id": string(format: "uuid"), "code": string(), "name": string(), "type": string(),
                "jurisdiction": string(),
            ], required: ["id", "code", "name", "type", "jurisdiction"]),
        "AgencyList": object(["items": array(ref("Agency"))], required: ["items"]),
        "Me": object(
            [
                "id": string(format: "uuid"), "username": string(), "displayName": string(), "email": string(),
                "agency": ref("Agency"), "roles": array(string()), "vetting": string(), "briefings": array(string()),
            ], required: ["id", "username", "displayName", "roles", "vetting"]),
        "ReferenceEntry": object(
            [
                "list": string(), "code": string(max: 60), "label": string(max: 120), "sortOrder": ["type": "integer"],
                "active": ["type": "boolean"],
            ], required: ["list", "code", "label", "sortOrder", "active"]),
        "ReferenceEntryInput": object(
            ["label": string(max: 120), "sortOrder": ["type": "integer"], "active": ["type": "boolean"]],
            required: ["label", "sortOrder", "active"]),
        "ReferenceList": object(["items": array(ref("ReferenceEntry"))], required: ["items"]),
    ]
}
