import LiaisonCore

extension OpenAPIDocument {
    /// The interventions API's schemas; every answer the web tests see is checked against them.
    static let interventionsSchemas: [String: JSONValue] = [
        "InterventionTarget": object(
            ["kind": ["type": "string", "enum": ["ocg", "poi"]], "id": string(format: "uuid")],
            required: ["kind", "id"]),
        "InterventionInput": object(
            [
                "target": ref("InterventionTarget"),
                "category": ["type": "string", "enum": .array(FourP.allCases.map { .string($0.rawValue) })],
                "tactic": string(description: "A code from the intervention-tactic reference list"),
                "partners": array(string(description: "An agency code")),
                "owner": string(description: "A username; yourself when omitted"),
                "dueDate": string(format: "date"),
                "operation": string(max: 100, description: "The multi-agency operation it belongs to"),
                "description": string(max: 2000), "marking": ref("ProtectiveMarking"),
                "needToKnow": string(description: "The operation users must be briefed into to see it"),
            ], required: ["target", "category", "tactic", "dueDate", "description"]),
        "OutcomeInput": object(
            [
                "kind": string(description: "A code from the outcome-kind reference list"),
                "date": string(format: "date"),
                "quantity": ["type": "number", "exclusiveMinimum": 0], "unit": string(), "commodity": string(),
                "purity": ["type": "number", "minimum": 0, "maximum": 100],
                "place": string(), "route": string(),
                "impact": string(description: "A code from the impact-level reference list"),
                "narrative": string(max: 4000),
            ], required: ["kind", "date"]),
        "InterventionStepInput": object(
            [
                "version": ["type": "integer"],
                "status": ["type": "string", "enum": .array(Intervention.statuses.map { .string($0) })],
                "completedOn": string(format: "date"), "outcome": ref("OutcomeInput"),
            ], required: ["version"]),
        "Intervention": object(
            [
                "id": string(format: "uuid"), "meta": ref("RecordMeta"), "target": ref("InterventionTarget"),
                "category": string(), "tactic": string(),
                "partnerAgencies": array(string(format: "uuid")), "owner": string(), "dueDate": string(format: "date"),
                "status": string(),
                "completedOn": string(format: "date"), "operation": string(), "description": string(),
                "outcomes": array(
                    object(
                        [
                            "id": ["type": "integer"], "kind": string(), "date": string(format: "date"),
                            "quantity": ["type": "number"],
                            "unit": string(), "commodity": string(), "purity": ["type": "number"], "place": string(),
                            "route": string(),
                            "impact": string(), "narrative": string(), "recordedBy": string(),
                            "recordedAt": string(format: "date-time"),
                        ],
                        required: ["id", "kind", "date", "quantity", "narrative", "recordedBy", "recordedAt"])),
            ],
            required: [
                "id", "meta", "target", "category", "tactic", "partnerAgencies", "owner", "dueDate", "status",
                "description", "outcomes",
            ]),
        "TargetInterventions": object(
            [
                "items": array(ref("Intervention")),
                "subjectToAction": object(
                    [
                        "value": ["type": "boolean"], "from": string(format: "date"), "to": string(format: "date"),
                        "ruleVersion": ["type": "integer"],
                        "because": string(description: "The intervention that put it under action"),
                    ],
                    required: ["value", "from", "to", "ruleVersion"]),
            ], required: ["items", "subjectToAction"]),
        "Operation": object(
            [
                "name": string(), "description": string(), "leadAgency": string(format: "uuid"),
                "partnerAgencies": array(string(format: "uuid")),
                "startsOn": string(format: "date"), "endsOn": string(format: "date"), "createdBy": string(),
                "createdAt": string(format: "date-time"),
                "version": ["type": "integer"],
            ],
            required: [
                "name", "description", "leadAgency", "partnerAgencies", "startsOn", "createdBy", "createdAt", "version",
            ]),
        "OperationInput": object(
            [
                "name": string(description: "1–60 letters, digits, spaces or hyphens; kept in capitals"),
                "description": string(),
                "partners": array(string(description: "Agency code")), "startsOn": string(format: "date"),
                "endsOn": string(format: "date"),
            ], required: ["name", "description", "startsOn"]),
        "OperationList": object(["items": array(ref("Operation"))], required: ["items"]),
        "BriefingInput": object(
            ["username": string(), "briefed": ["type": "boolean", "description": "true to brief, false to withdraw"]],
            required: ["username", "briefed"]),
        "BriefedMember": object(
            ["username": string(), "displayName": string(), "agency": string(format: "uuid")],
            required: ["username", "displayName", "agency"]),
        "BriefedMemberList": object(["items": array(ref("BriefedMember"))], required: ["items"]),
        "OperationView": object(
            [
                "name": string(), "operation": ref("Operation"), "briefed": array(ref("BriefedMember")),
                "canBrief": ["type": "boolean"],
                "interventions": array(ref("Intervention")), "agencies": array(string(format: "uuid")),
                "totals": [
                    "type": "object", "additionalProperties": ["type": "number"],
                    "description": "Outcomes totalled by kind",
                ],
                "seizures": [
                    "type": "object", "additionalProperties": ["type": "number"],
                    "description": "Seizures totalled by commodity and unit",
                ],
            ], required: ["name", "canBrief", "interventions", "agencies", "totals", "seizures"]),
    ]
}
