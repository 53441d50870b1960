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

    /// Every schema: the shared ones here, each feature's beside its API controller (`Features/<Feature>/`).
    static let schemas: [String: JSONValue] = [
        sharedSchemas, subjectsSchemas, reviewsSchemas, casesSchemas, obligationsSchemas, groupsSchemas, poiSchemas,
        interventionsSchemas, assetsSchemas, reportsSchemas, intelligenceSchemas, gainSchemas, alertsSchemas,
        importsSchemas, accountsSchemas, auditSchemas,
    ].reduce(into: [:]) { all, set in all.merge(set) { _, _ in preconditionFailure("two schemas share a name") } }

    static let sharedSchemas: [String: JSONValue] = [
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
