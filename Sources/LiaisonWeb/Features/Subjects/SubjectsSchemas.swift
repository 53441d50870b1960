import LiaisonCore

extension OpenAPIDocument {
    /// The subjects API's schemas; every answer the web tests see is checked against them.
    static let subjectsSchemas: [String: JSONValue] = [
        "PersonName": object(
            [
                "kind": ["type": "string", "enum": .array(PersonName.Kind.allCases.map { .string($0.rawValue) })],
                "given": string(max: 100), "middle": string(max: 100), "family": string(max: 100),
            ], required: ["kind", "given", "family"]),
        "PersonIdentifier": object(
            [
                "kind": string(description: "A code from the identifier-kind reference list"),
                "value": string(max: 40), "issuer": string(max: 3),
            ], required: ["kind", "value"]),
        "PostalAddress": object(
            [
                "line": string(max: 300), "town": string(max: 100), "postcode": string(max: 10),
                "country": string(max: 3),
            ], required: ["line"]),
        "SubjectDetails": object(
            [
                "names": array(ref("PersonName"), max: 50), "datesOfBirth": array(partialDate, max: 10),
                "sex": string(description: "A code from the sex reference list"),
                "nationalities": array(string(max: 3, description: "ISO 3166-1 alpha-3"), max: 10),
                "identifiers": array(ref("PersonIdentifier"), max: 50),
                "addresses": array(ref("PostalAddress"), max: 50),
                "phones": array(string(max: 30), max: 50), "notes": string(max: 4000),
            ], required: ["names"], description: "Lists left out are empty; answers always carry every list"),
        "Subject": object(
            [
                "id": string(format: "uuid"), "meta": ref("RecordMeta"), "details": ref("SubjectDetails"),
                "withheld": array(
                    string(description: "A field the access policy withheld from you, e.g. details.addresses")),
            ],
            required: ["id", "meta", "details", "withheld"]),
        "SubjectInput": object(
            [
                "details": ref("SubjectDetails"), "marking": ref("ProtectiveMarking"), "sharing": ref("Sharing"),
                "needToKnow": string(max: 60),
                "version": ["type": "integer", "description": "Required on update: the version being edited."],
            ], required: ["details"]),
        "SubjectPage": page(of: "Subject"),
        "MatchExplanation": object(
            [
                "parts": array(
                    object(
                        [
                            "field": string(), "level": string(),
                            "weight": ["type": "number", "description": "log₂(m/u), in bits"],
                        ],
                        required: ["field", "level", "weight"])),
                "priorWeight": ["type": "number"], "totalWeight": ["type": "number"],
                "probability": ["type": "number", "minimum": 0, "maximum": 1],
                "notes": array(string(description: "e.g. given name and surname swapped; matched on an alias")),
            ], required: ["parts", "priorWeight", "totalWeight", "probability", "notes"]),
        "SubjectMatch": object(
            [
                "subject": ref("Subject"), "probability": ["type": "number", "minimum": 0, "maximum": 1],
                "explanation": ref("MatchExplanation"),
            ], required: ["subject", "probability", "explanation"]),
        "SubjectMatchList": object(["items": array(ref("SubjectMatch"))], required: ["items"]),
    ]
}
