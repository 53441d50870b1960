import LiaisonCore

extension OpenAPIDocument {
    /// The cases API's schemas; every answer the web tests see is checked against them.
    static let casesSchemas: [String: JSONValue] = [
        "CaseInput": object(
            [
                "subjectID": string(format: "uuid"),
                "homeOfficeReference": string(max: 10, description: "A letter and 5–9 digits, e.g. B1234567"),
                "owner": string(description: "The case owner's username; omit while the workflow team holds it"),
                "fileLocation": string(
                    description:
                        "The casework team holding the Home Office file: a code (or name) from the casework-team reference list; omit while the workflow team holds it"
                ),
                "marking": ref("ProtectiveMarking", description: "The subject's marking when omitted"),
                "sharing": ref(
                    "Sharing",
                    description:
                        "The agencies besides yours that see the case; when omitted, none until agencies register interest"
                ),
                "needToKnow": string(
                    max: 60, description: "An operation to compartment the case under; the subject's when omitted"),
            ], required: ["subjectID", "homeOfficeReference"]),
        "CaseStepInput": object(
            [
                "version": ["type": "integer", "description": "The case version the step was decided on"],
                "milestone": ["type": "string", "enum": .array(CaseMilestone.allCases.map { .string($0.rawValue) })],
                "reason": string(max: 2000),
                "removal": object(
                    ["date": string(format: "date-time"), "route": string(), "destination": string()],
                    required: ["date", "route", "destination"]),
                "override": string(
                    description: "A senior caseworker's reason for less than 72 hours' notice of removal"),
                "barrier": ["type": "string", "enum": .array(BarrierKind.allCases.map { .string($0.rawValue) })],
                "barrierID": ["type": "integer", "description": "The barrier to resolve"], "note": string(max: 2000),
                "allocateTo": string(description: "A case owner's username to allocate the case to"),
                "consult": [
                    "type": "boolean",
                    "description": "Ask every interested agency for its view before a decision not to deport",
                ],
                "minuteSheet": [
                    "type": "string", "enum": ["attach", "confirm"],
                    "description":
                        "Minute sheet ICD.4353: attach (or request it from the team holding the file), or confirm that team attached it",
                ],
                "bailConditions": string(
                    max: 2000, description: "With bail-granted: the bail conditions and restrictions"),
                "fileLocation": string(
                    description:
                        "The casework team the Home Office file has moved to: a code (or name) from the casework-team reference list"
                ),
            ], required: ["version"]),
        "DeportationCase": object(
            [
                "id": string(format: "uuid"), "meta": ref("RecordMeta"),
                "subjectID": string(
                    format: "uuid", description: "Left out when the subject's record is not available to you"),
                "subjectName": string(description: "The subject's name, when you may read the subject"),
                "withheld": array(ref("WithheldField")), "homeOfficeReference": string(),
                "owner": string(), "fileLocation": string(), "rulesVersion": ["type": "integer"],
                "interests": array(
                    object(
                        [
                            "id": ["type": "integer"], "agencyID": string(format: "uuid"), "agencyCode": string(),
                            "reason": string(),
                            "confiscation": string(), "contact": string(),
                            "via": ["type": "string", "enum": ["api", "email"]],
                            "registeredAt": string(format: "date-time"), "registeredBy": string(),
                            "withdrawnAt": string(format: "date-time"),
                        ],
                        required: [
                            "id", "agencyID", "agencyCode", "reason", "contact", "via", "registeredAt", "registeredBy",
                        ])),
                "minuteSheet": object(
                    [
                        "state": ["type": "string", "enum": ["attached", "requested"]], "requestedFrom": string(),
                        "requestedAt": string(format: "date-time"), "attachedAt": string(format: "date-time"),
                        "by": string(),
                    ], required: ["state", "by"]),
                "progress": object(
                    [
                        "stage": string(), "onBail": ["type": "boolean"],
                        "events": array(
                            object(
                                [
                                    "kind": string(), "at": string(format: "date-time"), "by": string(),
                                    "reason": string(),
                                    "details": ["type": "object", "additionalProperties": ["type": "string"]],
                                ], required: ["kind", "at", "by", "reason", "details"])),
                        "barriers": array(
                            object(
                                [
                                    "id": ["type": "integer"], "kind": string(),
                                    "openedAt": string(format: "date-time"), "openedBy": string(), "note": string(),
                                    "resolvedAt": string(format: "date-time"), "resolvedBy": string(),
                                    "resolution": string(),
                                ],
                                required: ["id", "kind", "openedAt", "openedBy", "note"])),
                        "removal": object(
                            ["date": string(format: "date-time"), "route": string(), "destination": string()],
                            required: ["date", "route", "destination"]),
                    ], required: ["events", "barriers", "onBail"]),
            ], required: ["id", "meta", "homeOfficeReference", "progress", "rulesVersion", "interests"]),
        "DeportationCaseList": object(
            ["items": array(ref("DeportationCase")), "nextCursor": string()], required: ["items"]),
    ]
}
