import LiaisonCore

extension OpenAPIDocument {
    /// The reports API's schemas; every answer the web tests see is checked against them.
    static let reportsSchemas: [String: JSONValue] = [
        "ReportScope": object(
            [
                "period": object(
                    ["name": string(), "from": string(format: "date"), "to": string(format: "date")],
                    required: ["name", "from", "to"]),
                "area": string(), "market": string(),
            ], required: ["period"]),
        "PerformanceReport": object(
            [
                "scope": ref("ReportScope"),
                "previous": object(
                    ["name": string(), "from": string(format: "date"), "to": string(format: "date")],
                    required: ["name", "from", "to"]),
                "published": ["type": "boolean"],
                "measures": array(
                    object(
                        [
                            "code": string(), "label": string(), "group": string(), "unit": string(),
                            "current": ["type": "number"],
                            "previous": ["type": "number"], "publishable": ["type": "boolean"],
                        ],
                        required: ["code", "label", "group", "unit", "current", "previous", "publishable"])),
                "charts": array(
                    object(
                        [
                            "code": string(), "title": string(), "description": string(), "kind": string(),
                            "labels": array(string()),
                            "series": array(
                                object(
                                    ["name": string(), "values": array(["type": "number"])],
                                    required: ["name", "values"])),
                            "unit": string(), "publishable": ["type": "boolean"],
                        ],
                        required: ["code", "title", "description", "kind", "labels", "series", "unit", "publishable"])),
                "routesDisrupted": array(string()),
                "restrictedOmitted": [
                    "type": "integer",
                    "description": "In a published version, how many restricted measures and charts were left out",
                ],
            ],
            required: ["scope", "previous", "published", "measures", "charts", "routesDisrupted", "restrictedOmitted"]),
        "LocalProfile": object(
            [
                "scope": ref("ReportScope"), "groups": array(ref("OCG")), "groupsTruncated": ["type": "boolean"],
                "report": ref("PerformanceReport"),
                "contributions": array(
                    object(
                        [
                            "agency": string(format: "uuid"), "interventions": ["type": "integer"],
                            "outcomes": ["type": "integer"],
                            "assetsCollected": ["type": "number"],
                        ], required: ["agency", "interventions", "outcomes", "assetsCollected"])),
                "places": array(
                    object(
                        [
                            "place": string(), "kind": string(), "count": ["type": "integer"],
                            "quantity": ["type": "number"],
                        ],
                        required: ["place", "kind", "count", "quantity"])),
                "exploitedPeople": ["type": "integer"], "personsOfInterest": ["type": "integer"],
            ],
            required: [
                "scope", "groups", "groupsTruncated", "report", "contributions", "places", "exploitedPeople",
                "personsOfInterest",
            ]),
    ]
}
