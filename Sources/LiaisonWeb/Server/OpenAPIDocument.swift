import LiaisonCore

/// The OpenAPI 3.1 description of the JSON API, built from the registered operations.
enum OpenAPIDocument {
    static func build(_ operations: [APIOperation]) -> JSONValue {
        var paths: [String: [String: JSONValue]] = [:]
        for operation in operations {
            paths[operation.path, default: [:]][operation.method.rawValue.lowercased()] = describe(operation)
        }
        return [
            "openapi": "3.1.0",
            "info": [
                "title": "Liaison API",
                "version": "1.0.0",
                "description":
                    "Shared casework and intelligence for the agencies tackling serious and organised crime. Every call needs a bearer API token or a session cookie (cookie writes also need the X-CSRF-Token header). Lists are keyset-paginated: pass nextCursor back as cursor.",
            ],
            "servers": [["url": "/"]],
            "security": [["bearer": []], ["session": []]],
            "tags": .array(Set(operations.map(\.tag)).sorted().map { ["name": .string($0)] }),
            "paths": .object(paths.mapValues { .object($0) }),
            "webhooks": ["notice": ["post": webhook]],
            "components": [
                "securitySchemes": [
                    "bearer": [
                        "type": "http", "scheme": "bearer",
                        "description": "An API token issued with `liaison users token`.",
                    ],
                    "session": ["type": "apiKey", "in": "cookie", "name": .string(Authenticator.cookieName)],
                ],
                "schemas": .object(schemas),
                "responses": .object(
                    Dictionary(
                        uniqueKeysWithValues: errorResponses.map { status, description in
                            (
                                status,
                                [
                                    "description": .string(description),
                                    "content": ["application/json": ["schema": ref("Error")]],
                                ]
                            )
                        })),
            ],
        ]
    }

    /// What Liaison posts to an agency's webhook for each notice it is owed: the request a receiver must accept.
    static let webhook: JSONValue = [
        "summary": "A notice owed to your agency (sent to the webhook your administrator set)",
        "description": .string(
            """
            Liaison posts each notice to the agency's webhook over HTTP/1.1, straight to the URL's host, within 10 seconds. \
            Any 2xx answer is the receipt (only the status and a digest of the answer are kept); anything else, a redirect \
            included, is retried with doubling backoff from 30 s to an hour, 12 attempts. The same notice may arrive more \
            than once: `Idempotency-Key` is the same on every retry. Check `Liaison-Signature` before trusting the body: \
            `t=TIMESTAMP,v1=HEX`, where HEX is the HMAC-SHA256, with the agency's webhook secret, of TIMESTAMP, a full \
            stop and the raw body; compare in constant time and refuse a TIMESTAMP more than 300 seconds from your clock. \
            Acknowledge the notice with POST /api/v1/obligations/{obligationID}/acknowledgement; GET /api/v1/inbox \
            (state=open by default, a page at a time) lists what is still open.
            """),
        "parameters": [
            [
                "name": "Liaison-Signature", "in": "header", "required": true,
                "description": "t=TIMESTAMP,v1=HEX: HMAC-SHA256 of TIMESTAMP.BODY with the agency's webhook secret",
                "schema": ["type": "string"], "example": "t=1790000000,v1=5f0c…",
            ],
            [
                "name": "Idempotency-Key", "in": "header", "required": true,
                "description": "The same on every retry of one notice",
                "schema": ["type": "string"], "example": "c0a8…:3:decision-to-deport:NCA:webhook",
            ],
        ],
        "requestBody": [
            "required": true,
            "content": [
                "application/json": [
                    "schema": ref("Notice"),
                    "example": [
                        "obligationID": "c0a8…:3:bail-granted:NCA", "caseID": "c0a8…", "agency": "NCA",
                        "event": "bail-granted",
                        "summary":
                            "Case B1234567: SURNAME, Given\nMilestone: bail-granted\nBail conditions and restrictions: reside at a fixed address; report weekly\nReason: tribunal decision",
                        "dueBy": "2026-12-05T09:00:00Z",
                    ],
                ]
            ],
        ],
        "responses": [
            "200": ["description": "Taken: any 2xx is the receipt"],
            "503": ["description": "Not taken: retried later"],
        ],
        "security": [],
    ]

    static let errorResponses: [(String, String)] = [
        ("BadRequest", "The body is not valid JSON or has a value of the wrong type; `fields` names it."),
        ("Unauthenticated", "No valid session or bearer token."),
        ("Forbidden", "The access policy refuses the action; the message says why."),
        ("NotFound", "No such record, or one the caller may not see (the two look the same)."),
        ("Conflict", "The record changed since the version the caller edited, or a unique value is taken."),
        ("Invalid", "The input breaks a rule; `fields` names every field and reason."),
        ("TooLarge", "The request body is larger than 1 MiB."),
    ]

    static func describe(_ operation: APIOperation) -> JSONValue {
        var parameters: [JSONValue] = operation.pathParameters.map { name in
            [
                "name": .string(name), "in": "path", "required": true,
                "schema": pathParameterSchema(name, in: operation.path),
            ]
        }
        parameters += operation.query.map { p in
            [
                "name": .string(p.name), "in": "query", "required": false, "description": .string(p.description),
                "schema": .object(p.schema),
            ]
        }
        var responses: [String: JSONValue] = [
            String(operation.status): [
                "description": "Success",
                "content": [
                    ["Metrics": "text/plain", "CSV": "text/csv"][operation.response] ?? "application/json": [
                        "schema": ref(operation.response)
                    ]
                ],
            ]
        ]
        if operation.authenticated {
            responses["401"] = ref(response: "Unauthenticated")
            responses["403"] = ref(response: "Forbidden")
        }
        if !operation.pathParameters.isEmpty || !operation.query.isEmpty { responses["422"] = ref(response: "Invalid") }
        if !operation.pathParameters.isEmpty { responses["404"] = ref(response: "NotFound") }
        if operation.response == "Metrics" {
            // Off (404) unless the server is started with a metrics token or open metrics; a wrong token is 401.
            responses["401"] = ref(response: "Unauthenticated")
            responses["404"] = ref(response: "NotFound")
        }
        // A write can meet a record changed meanwhile, or a step its state no longer allows.
        if operation.method != .get { responses["409"] = ref(response: "Conflict") }
        var result: [String: JSONValue] = [
            "operationId": .string(operation.operationID), "summary": .string(operation.summary),
            "tags": [.string(operation.tag)], "responses": .object(responses),
        ]
        if !parameters.isEmpty { result["parameters"] = .array(parameters) }
        if let body = operation.requestBody {
            result["requestBody"] = [
                "required": true,
                "content": .object(
                    Dictionary(uniqueKeysWithValues: operation.bodyTypes.map { ($0, ["schema": ref(body)]) })),
            ]
            responses["400"] = ref(response: "BadRequest")
            responses["413"] = ref(response: "TooLarge")
            responses["422"] = ref(response: "Invalid")
            result["responses"] = .object(responses)
        }
        if !operation.authenticated { result["security"] = [] }
        return .object(result)
    }

    /// A path parameter as it is: record IDs are UUIDs; obligations have composite IDs; agencies,
    /// guidance pages, operations and reference entries are named by code, slug or name.
    static func pathParameterSchema(_ name: String, in path: String) -> JSONValue {
        switch name {
        case "id" where path.hasPrefix("/api/v1/obligations/"):
            string(description: "The obligation: case ID, milestone sequence, event and agency code, joined by colons")
        case "id": string(format: "uuid")
        case "agency": string(max: 16, description: "An agency's code, e.g. NCA")
        case "slug": string(max: 100, description: "A guidance page's slug, e.g. minute-sheet")
        case "name": string(max: 100, description: "An operation's name")
        case "list": string(max: 50, description: "A reference list, e.g. country")
        case "code": string(max: 50, description: "An entry's code within the list")
        case "kind": string(description: "ocg or person")
        default: string()
        }
    }

    static func ref(_ schema: String, description: String? = nil) -> JSONValue {
        var r: [String: JSONValue] = ["$ref": .string("#/components/schemas/\(schema)")]
        if let description { r["description"] = .string(description) }
        return .object(r)
    }
    static func ref(response: String) -> JSONValue { ["$ref": .string("#/components/responses/\(response)")] }

    static func string(max: Int? = nil, format: String? = nil, description: String? = nil) -> JSONValue {
        var s: [String: JSONValue] = ["type": "string"]
        if let max { s["maxLength"] = .number(max) }
        if let format { s["format"] = .string(format) }
        if let description { s["description"] = .string(description) }
        return .object(s)
    }

    static func array(_ items: JSONValue, max: Int? = nil, description: String? = nil) -> JSONValue {
        var a: [String: JSONValue] = ["type": "array", "items": items]
        if let max { a["maxItems"] = .number(max) }
        if let description { a["description"] = .string(description) }
        return .object(a)
    }

    static func object(
        _ properties: [String: JSONValue], required: [String] = [], closed: Bool = true, description: String? = nil
    ) -> JSONValue {
        var o: [String: JSONValue] = ["type": "object", "properties": .object(properties)]
        if !required.isEmpty { o["required"] = .array(required.map { .string($0) }) }
        if closed { o["additionalProperties"] = false }
        if let description { o["description"] = .string(description) }
        return .object(o)
    }

    static func page(of item: String) -> JSONValue {
        object(
            [
                "items": array(ref(item)),
                "nextCursor": string(description: "Pass as `cursor` for the next page; absent on the last page."),
            ], required: ["items"])
    }

    static let partialDate = string(max: 10, description: "yyyy-MM-dd, yyyy-MM or yyyy")

    static let schemas: [String: JSONValue] = [
        "Error": object(
            [
                "error": string(
                    description:
                        "A stable code: invalid, invalid_body, not_found, stale_version, conflict, unauthenticated, forbidden, internal…"
                ),
                "message": string(), "requestId": string(),
                "fields": array(
                    object(
                        [
                            "field": string(description: "Path of the field, e.g. details.names[0].family"),
                            "reason": string(),
                        ], required: ["field", "reason"])),
            ], required: ["error", "message", "requestId"]),
        "Health": object(
            ["status": string(), "database": string(), "migrations": array(string())], required: ["status"]),
        "Metrics": string(description: "Prometheus text exposition format"),
        "OpenAPI": ["type": "object", "description": "This document."],
        "ProtectiveMarking": object(
            [
                "classification": [
                    "type": "string", "enum": .array(Classification.allCases.map { .string($0.rawValue) }),
                ],
                "descriptors": array(string(max: 40)), "caveats": array(string(max: 40)),
            ], required: ["classification", "descriptors", "caveats"]),
        "RecordMeta": object(
            [
                "owningAgencyID": string(format: "uuid"), "marking": ref("ProtectiveMarking"),
                "sharing": ref("Sharing"),
                "needToKnow": string(description: "The operation or case a user must be briefed into"),
                "createdAt": string(format: "date-time"), "createdBy": string(format: "uuid"),
                "updatedAt": string(format: "date-time"), "updatedBy": string(format: "uuid"),
                "version": [
                    "type": "integer", "minimum": 1,
                    "description": "Send it back on update; a stale version is refused with 409.",
                ],
            ],
            required: [
                "owningAgencyID", "marking", "sharing", "createdAt", "createdBy", "updatedAt", "updatedBy", "version",
            ]),
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
        "InterestInput": object(
            [
                "version": [
                    "type": "integer", "description": "Not needed: interest is added to the case as it stands",
                ],
                "agencyCode": string(max: 20, description: "The interested agency; omit for your own"),
                "reason": string(max: 2000),
                "confiscation": string(
                    max: 2000,
                    description:
                        "Confiscation proceedings or an order against the offender, if any (opens a confiscation barrier)"
                ),
                "contact": string(max: 500, description: "The agency's contact point for the case"),
            ], required: ["reason", "contact"]),
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
        "AssetOrderInput": object(
            [
                "target": object(
                    ["kind": ["type": "string", "enum": ["subject", "ocg", "case"]], "id": string(format: "uuid")],
                    required: ["kind", "id"]),
                "power": [
                    "type": "string",
                    "enum": ["restraint", "confiscation", "cash-seizure", "account-freezing", "civil-recovery"],
                ],
                "court": string(max: 200), "reference": string(max: 100), "madeOn": string(format: "date"),
                "amount": ["type": "number", "description": "Pounds"],
                "confiscation": ref("ConfiscationTerms"), "marking": ref("ProtectiveMarking"),
                "agencies": array(
                    object(
                        [
                            "agency": string(description: "Agency code"),
                            "role": ["type": "string", "enum": ["investigation", "prosecution", "enforcement"]],
                        ],
                        required: ["agency", "role"])),
            ], required: ["target", "power", "court", "madeOn", "amount"]),
        "ConfiscationTerms": object(
            [
                "benefit": ["type": "number"], "available": ["type": "number"], "compensation": ["type": "number"],
                "timeToPay": string(format: "date"),
                "defaultSentenceMonths": ["type": "integer"],
            ], required: ["benefit", "available", "compensation", "timeToPay", "defaultSentenceMonths"]),
        "AssetEventInput": object(
            [
                "version": ["type": "integer"],
                "kind": string(
                    description:
                        "varied, discharged, payment, default, detention, extension, forfeited, returned, released, recovered or discontinued, as the record's status allows"
                ),
                "date": string(format: "date"), "amount": ["type": "number"],
                "until": string(format: "date", description: "For a detention or extension"), "note": string(),
            ], required: ["version", "kind", "date"]),
        "AssetOrder": object(
            [
                "id": string(format: "uuid"), "meta": ref("RecordMeta"),
                "target": object(["kind": string(), "id": string(format: "uuid")], required: ["kind", "id"]),
                "subjectID": string(format: "uuid"),
                "power": string(), "court": string(), "reference": string(), "madeOn": string(format: "date"),
                "amount": ["type": "number"],
                "confiscation": ref("ConfiscationTerms"),
                "agencies": array(
                    object(["agency": string(format: "uuid"), "role": string()], required: ["agency", "role"])),
                "status": string(),
                "events": array(
                    object(
                        [
                            "id": ["type": "integer"], "kind": string(), "date": string(format: "date"),
                            "amount": ["type": "number"], "until": string(format: "date"),
                            "note": string(), "recordedBy": string(), "recordedAt": string(format: "date-time"),
                        ],
                        required: ["id", "kind", "date", "note", "recordedBy", "recordedAt"])),
            ],
            required: [
                "id", "meta", "target", "power", "court", "reference", "madeOn", "amount", "agencies", "status",
                "events",
            ]),
        "ReceiptShare": object(
            ["part": string(), "agency": string(format: "uuid"), "amount": ["type": "number"]],
            required: ["part", "amount"]),
        "AssetView": object(
            [
                "order": ref("AssetOrder"), "collected": ["type": "number"], "outstanding": ["type": "number"],
                "receipts": array(
                    object(
                        [
                            "eventID": ["type": "integer"], "date": string(format: "date"),
                            "amount": ["type": "number"], "shares": array(ref("ReceiptShare")),
                        ],
                        required: ["eventID", "date", "amount", "shares"])),
            ], required: ["order", "collected", "receipts"]),
        "AssetList": object(["items": array(ref("AssetOrder"))], required: ["items"]),
        "IncentiveScheme": object(
            [
                "version": ["type": "integer"], "effectiveFrom": string(format: "date"),
                "shares": [
                    "type": "object", "additionalProperties": ["type": "number"],
                    "description":
                        "Percent for home-office, investigation, prosecution and enforcement, adding up to 100",
                ],
            ], required: ["version", "effectiveFrom", "shares"]),
        "SchemeList": object(["items": array(ref("IncentiveScheme"))], required: ["items"]),
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
        "IntelGrading": object(
            [
                "source": [
                    "type": "string", "enum": ["1", "2", "3"], "description": "1 reliable, 2 untested, 3 not reliable",
                ],
                "assessment": [
                    "type": "string", "enum": ["A", "B", "C", "D", "E"],
                    "description": "A known directly … E suspected false",
                ],
                "handling": object(
                    [
                        "code": ["type": "string", "enum": ["P", "C"]],
                        "conditions": string(description: "Required for C"),
                    ], required: ["code"]),
            ], required: ["source", "assessment", "handling"]),
        "LegacyGrading": object(
            ["source": string(), "intelligence": string(), "handling": string()],
            required: ["source", "intelligence", "handling"]),
        "IntelSource": object(
            [
                "kind": ["type": "string", "enum": ["agency", "partner", "covert"]], "description": string(),
                "covertReference": string(description: "Protected: shown only to the holding agency"),
            ], required: ["kind", "description"]),
        "IntelLink": object(
            ["kind": ["type": "string", "enum": .array(IntelLink.kinds.map { .string($0) })], "value": string()],
            required: ["kind", "value"]),
        "IntelReportInput": object(
            [
                "version": ["type": "integer"], "text": string(max: 20000), "infoDate": string(format: "date"),
                "place": string(), "source": ref("IntelSource"),
                "links": array(ref("IntelLink")), "grading": ref("IntelGrading"), "legacyGrading": ref("LegacyGrading"),
                "marking": ref("ProtectiveMarking"),
                "sharing": ref("Sharing"), "needToKnow": string(),
            ], required: ["text", "infoDate", "source"]),
        "IntelStepInput": object(
            [
                "version": ["type": "integer"],
                "action": ["type": "string", "enum": ["submit", "assess", "return", "sanitise", "disseminate"]],
                "grading": ref("IntelGrading"), "reviewDate": string(format: "date"), "note": string(),
                "sanitisedText": string(),
                "agencies": array(string(description: "Agency code")), "sanitisedVersion": ["type": "integer"],
                "conditions": string(),
            ], required: ["version", "action"]),
        "Dissemination": object(
            [
                "id": ["type": "integer"], "agencyID": string(format: "uuid"), "agencyCode": string(),
                "sanitisedVersion": ["type": "integer"],
                "conditions": string(), "sentBy": string(), "sentAt": string(format: "date-time"), "readBy": string(),
                "readAt": string(format: "date-time"),
            ], required: ["id", "agencyID", "agencyCode", "sentBy", "sentAt"]),
        "IntelReport": object(
            [
                "id": string(format: "uuid"), "meta": ref("RecordMeta"), "text": string(),
                "infoDate": string(format: "date"), "place": string(),
                "source": ref("IntelSource"), "links": array(ref("IntelLink")), "grading": ref("IntelGrading"),
                "legacyGrading": ref("LegacyGrading"),
                "status": ["type": "string", "enum": ["draft", "submitted", "recorded"]],
                "reviewDate": string(format: "date"),
                "sanitised": array(
                    object(
                        [
                            "id": ["type": "integer"], "text": string(), "writtenBy": string(),
                            "writtenAt": string(format: "date-time"),
                        ],
                        required: ["id", "text", "writtenBy", "writtenAt"])),
                "disseminations": array(ref("Dissemination")),
                "history": array(
                    object(
                        ["status": string(), "by": string(), "at": string(format: "date-time"), "note": string()],
                        required: ["status", "by", "at", "note"])),
                "withheld": array(string()),
                "linkedNames": array(string(), description: "The names of the linked subjects and groups you may read"),
            ],
            required: [
                "id", "meta", "text", "infoDate", "source", "links", "status", "sanitised", "disseminations", "history",
                "withheld",
            ]),
        "IntelReportList": object(["items": array(ref("IntelReport"))], required: ["items"]),
        "IntelSearchResult": object(
            [
                "total": ["type": "integer", "description": "Matches you may see"],
                "items": array(
                    object(
                        [
                            "id": string(format: "uuid"), "infoDate": string(format: "date"), "grade": string(),
                            "status": string(),
                            "snippet": string(description: "The matching passage, matches between [ and ]"),
                        ], required: ["id", "infoDate", "grade", "status", "snippet"])),
            ], required: ["total", "items"]),
        "ReceivedIntelList": object(
            [
                "items": array(
                    object(
                        [
                            "reportID": string(format: "uuid"), "dissemination": ref("Dissemination"), "text": string(),
                            "grade": string(), "conditions": string(),
                            "infoDate": string(format: "date"), "marking": ref("ProtectiveMarking"),
                        ], required: ["reportID", "dissemination", "text", "grade", "infoDate", "marking"]))
            ], required: ["items"]),
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
        "AlertIndicator": object(
            [
                "kind": ["type": "string", "enum": .array(AlertIndicator.kinds.map { .string($0) })],
                "value": string(max: 500), "note": string(),
            ],
            required: ["kind", "value"]),
        "AlertInput": object(
            [
                "title": string(max: 200), "category": string(description: "Code from the alert-category list"),
                "summary": string(max: 10000, description: "Sanitised content"),
                "guidance": string(max: 4000, description: "What recipients should do"),
                "indicators": array(ref("AlertIndicator"), max: 100),
                "sectors": array(string(description: "Code from the industry-sector list")),
                "marking": ref("ProtectiveMarking"),
                "expiresOn": string(format: "date"),
                "sourceIntel": string(format: "uuid", description: "The intelligence report it was drawn from"),
            ], required: ["title", "category", "summary", "sectors", "expiresOn"]),
        "AlertStepInput": object(
            [
                "version": ["type": "integer"], "action": ["type": "string", "enum": ["publish", "withdraw"]],
                "reason": string(description: "Why it is withdrawn"),
            ], required: ["version", "action"]),
        "AlertFeedbackInput": object(
            [
                "rating": ["type": "string", "enum": .array(AlertFeedback.ratings.map { .string($0) })],
                "text": string(max: 4000),
            ],
            required: ["rating", "text"]),
        "AlertView": object(
            [
                "id": string(format: "uuid"), "issuer": string(), "title": string(), "category": string(),
                "summary": string(), "guidance": string(),
                "indicators": array(ref("AlertIndicator")), "sectors": array(string()),
                "marking": ref("ProtectiveMarking"), "expiresOn": string(format: "date"),
                "status": ["type": "string", "enum": ["draft", "published", "withdrawn"]],
                "publishedAt": string(format: "date-time"), "withdrawnReason": string(),
                "sourceIntel": string(format: "uuid", description: "Shown to the issuing agency only"),
                "acknowledgements": array(
                    object(
                        [
                            "agencyID": string(format: "uuid"), "agencyCode": string(), "by": string(),
                            "at": string(format: "date-time"),
                        ],
                        required: ["agencyID", "agencyCode", "by", "at"])),
                "feedback": array(
                    object(
                        [
                            "agencyID": string(format: "uuid"), "agencyCode": string(), "by": string(),
                            "at": string(format: "date-time"),
                            "rating": string(), "text": string(),
                        ], required: ["agencyID", "agencyCode", "by", "at", "rating", "text"])),
                "version": ["type": "integer"],
            ],
            required: [
                "id", "issuer", "title", "category", "summary", "guidance", "indicators", "sectors", "marking",
                "expiresOn", "status",
                "acknowledgements", "feedback", "version",
            ]),
        "AlertList": object(["items": array(ref("AlertView"))], required: ["items"]),
        "AlertFeed": object(
            ["generatedAt": string(format: "date-time"), "items": array(ref("AlertView"))],
            required: ["generatedAt", "items"]),
        "STIXBundle": object(
            ["type": ["type": "string", "enum": ["bundle"]], "id": string(), "objects": array(["type": "object"])],
            required: ["type", "id", "objects"], closed: false, description: "A STIX 2.1 bundle"),
        "AlertAudience": object(
            [
                "agencyID": string(format: "uuid"), "agencyCode": string(), "agencyName": string(),
                "sectors": array(string()),
            ],
            required: ["agencyID", "agencyCode", "agencyName", "sectors"]),
        "AlertAudienceList": object(["items": array(ref("AlertAudience"))], required: ["items"]),
        "AlertAudienceInput": object(
            ["sectors": array(string(description: "Code from the industry-sector list"))], required: ["sectors"]),
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
        "SubjectInterest": object(
            [
                "subjectID": string(format: "uuid"), "agencyID": string(format: "uuid"), "agencyCode": string(),
                "reason": string(), "confiscation": string(),
                "contact": string(), "via": ["type": "string", "enum": ["api", "email"]],
                "registeredAt": string(format: "date-time"), "registeredBy": string(),
            ],
            required: [
                "subjectID", "agencyID", "agencyCode", "reason", "contact", "via", "registeredAt", "registeredBy",
            ]),
        "SubjectInterestList": object(["items": array(ref("SubjectInterest"))], required: ["items"]),
        "Obligation": object(
            [
                "id": string(), "caseID": string(format: "uuid"),
                "reference": string(description: "The case's Home Office reference"),
                "agencyID": string(format: "uuid"), "agencyCode": string(),
                "event": string(description: "A milestone's code, case-owner-details, removal-details or consultation"),
                "summary": string(),
                "createdAt": string(format: "date-time"), "dueBy": string(format: "date-time"),
                "status": ["type": "string", "enum": ["open", "acknowledged", "superseded"]],
                "owner": string(), "acknowledgedAt": string(format: "date-time"), "acknowledgedBy": string(),
                "reply": string(),
                "escalation": [
                    "type": "integer",
                    "description":
                        "0 on time; 1 escalated to a senior caseworker; 2 to the criminal casework process team",
                ],
                "escalatedAt": string(format: "date-time"), "rulesVersion": ["type": "integer"],
            ],
            required: [
                "id", "caseID", "agencyID", "agencyCode", "event", "summary", "createdAt", "dueBy", "status",
                "escalation", "rulesVersion",
            ]),
        "ObligationList": object(["items": array(ref("Obligation")), "nextCursor": string()], required: ["items"]),
        "OutboxMessage": object(
            [
                "id": string(description: "Also the idempotency key receivers see"), "obligationID": string(),
                "agencyID": string(format: "uuid"),
                "channel": ["type": "string", "enum": ["inbox", "email", "webhook"]], "destination": string(),
                "subject": string(), "body": string(),
                "status": ["type": "string", "enum": ["pending", "delivered", "failed"]],
                "attempts": ["type": "integer"], "nextAttemptAt": string(format: "date-time"),
                "lastError": string(), "deliveredAt": string(format: "date-time"), "receipt": string(),
            ],
            required: [
                "id", "obligationID", "agencyID", "channel", "destination", "subject", "body", "status", "attempts",
                "nextAttemptAt",
            ]),
        "ObligationDetail": object(
            ["obligation": ref("Obligation"), "messages": array(ref("OutboxMessage"))],
            required: ["obligation", "messages"]),
        "AcknowledgementInput": object([
            "reply": string(
                max: 4000, description: "What you hold: identity or nationality documents, confiscation order details")
        ]),
        "ObligationsDashboard": object(
            [
                "at": string(format: "date-time"),
                "tallies": array(
                    object(
                        [
                            "team": string(description: "The case owner, or empty for the workflow team"),
                            "agency": string(),
                            "due": ["type": "integer"], "overdue": ["type": "integer"],
                            "escalated": ["type": "integer"],
                        ],
                        required: ["team", "agency", "due", "overdue", "escalated"])),
                "minuteSheetsAwaiting": array(
                    object(
                        [
                            "caseID": string(format: "uuid"), "reference": string(), "requestedFrom": string(),
                            "requestedAt": string(format: "date-time"),
                        ],
                        required: ["caseID", "reference", "requestedFrom", "requestedAt"])),
            ], required: ["at", "tallies", "minuteSheetsAwaiting"]),
        "DeliveryChannels": object([
            "agencyID": string(),
            "version": ["type": "integer", "description": "Send the version you saw: 0 the first time"],
            "email": string(max: 320), "webhookURL": string(max: 2000),
            "webhookSecret": string(description: "At least 16 characters; shown back only as (set)"),
        ]),
        "GuidancePage": object(
            [
                "slug": string(), "version": ["type": "integer"], "validFrom": string(format: "date"),
                "title": string(), "body": string(),
                "changeNote": string(), "editedBy": string(), "editedAt": string(format: "date-time"),
            ], required: ["slug", "version", "validFrom", "title", "body", "changeNote", "editedBy", "editedAt"]),
        "GuidanceList": object(["items": array(ref("GuidancePage"))], required: ["items"]),
        "GuidanceDetail": object(
            ["current": ref("GuidancePage"), "history": array(ref("GuidancePage"))], required: ["current", "history"]),
        "GuidanceInput": object(
            [
                "version": ["type": "integer", "description": "The latest version you saw (0 for built-in guidance)"],
                "validFrom": string(format: "date"), "title": string(max: 200), "body": string(max: 20000),
                "changeNote": string(max: 500),
            ], required: ["version", "title", "body", "changeNote"]),
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
        "WebhookSecret": object(
            [
                "webhookSecret": string(description: "Shown this once: keep it where your receiver checks signatures"),
                "version": string(description: "The delivery channels' new version"),
            ], required: ["webhookSecret", "version"]),
        "Notice": object(
            [
                "obligationID": string(description: "Acknowledge with this ID"), "caseID": string(format: "uuid"),
                "agency": string(description: "The agency the notice is addressed to"),
                "event": string(description: "A milestone's code, case-owner-details, removal-details or consultation"),
                "summary": string(
                    description: "What happened and what the agency needs to know, with the facts of the milestone"),
                "dueBy": string(format: "date-time", description: "When the acknowledgement is due"),
            ], required: ["obligationID", "caseID", "agency", "event", "summary", "dueBy"]),
        "DeportationCaseList": object(
            ["items": array(ref("DeportationCase")), "nextCursor": string()], required: ["items"]),
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
        "DuplicateSearchResult": object(
            [
                "subjects": ["type": "integer"], "candidatePairs": ["type": "integer"], "queued": ["type": "integer"],
                "linked": ["type": "integer"],
            ], required: ["subjects", "candidatePairs", "queued", "linked"]),
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
        "AuditEntry": object(
            [
                "sequence": ["type": "integer"],
                "timeMillis": ["type": "integer", "description": "Milliseconds since 1970 (UTC)"],
                "actorID": string(format: "uuid"), "actorName": string(), "agencyID": string(format: "uuid"),
                "action": string(),
                "objectKind": string(), "objectIDs": array(string()), "purpose": string(), "detail": string(),
                "requestID": string(),
                "outcome": ["type": "string", "enum": ["allowed", "denied", "failed"]],
                "previousHash": string(description: "SHA-256 of the previous entry"),
                "hash": string(description: "SHA-256 of this entry and previousHash"),
            ],
            required: ["sequence", "timeMillis", "actorName", "action", "objectIDs", "outcome", "previousHash", "hash"]),
        "AuditPage": object(
            [
                "items": array(ref("AuditEntry")),
                "nextCursor": string(description: "Pass as `before` for older entries"),
            ], required: ["items"]),
        "CSV": string(description: "Comma-separated values with a header row"),
        "WithheldField": object(["field": string(), "reason": string()], required: ["field", "reason"]),
        "AccessExplanation": object(
            [
                "user": string(), "record": string(format: "uuid"), "kind": string(), "action": string(),
                "allowed": ["type": "boolean"],
                "reasons": array(string()), "withheld": array(ref("WithheldField")),
            ], required: ["user", "record", "kind", "action", "allowed", "reasons", "withheld"]),
        "Sharing": object(
            ["withAll": ["type": "boolean"], "agencies": array(string(format: "uuid"))],
            required: ["withAll", "agencies"]),
    ]
}
