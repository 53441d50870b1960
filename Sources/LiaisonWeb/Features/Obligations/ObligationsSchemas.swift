import LiaisonCore

extension OpenAPIDocument {
    /// The obligations API's schemas; every answer the web tests see is checked against them.
    static let obligationsSchemas: [String: JSONValue] = [
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
    ]
}
