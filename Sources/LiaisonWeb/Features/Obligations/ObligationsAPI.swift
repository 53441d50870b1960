import Hummingbird
import LiaisonCore

/// Obligations and their delivery: `/api/v1/obligations` and the dashboard, the partner's `/api/v1/inbox` and
/// acknowledgements, agencies' delivery channels, and casework guidance. Interests are registered on the case
/// (`CasesAPI`) or the person (`SubjectsAPI`).
struct ObligationsAPI {
    let obligations: ObligationService
    let guidance: GuidanceService

    struct ObligationDetail: Encodable, Sendable {
        var obligation: Obligation
        var messages: [OutboxMessage]
    }

    struct GuidanceDetail: Encodable, Sendable {
        var current: GuidancePage
        var history: [GuidancePage]
    }

    func register(_ api: inout RouteTable) {
        let obligations = self.obligations
        let guidance = self.guidance
        api.add(
            APIOperation(
                method: .get, path: "/api/v1/obligations", operationID: "listObligations",
                summary:
                    "Obligations you may see, a page at a time: state=open, due (open, on time; the default), overdue, escalated or all",
                tag: "Obligations", query: Self.pageParameters, response: "ObligationList")
        ) { request, context in
            let state = try Self.selection(request)
            let (limit, cursor) = try Self.paging(request)
            let page = try await obligations.page(
                state, by: try context.user(), limit: limit, cursor: cursor, request: context.request)
            return try jsonResponse(PageBody(items: page.items, nextCursor: page.nextCursor))
        }
        api.add(
            APIOperation(
                method: .get, path: "/api/v1/obligations/dashboard", operationID: "obligationsDashboard",
                summary:
                    "Open obligations due, overdue and escalated, by team and agency; minute sheets awaiting confirmation",
                tag: "Obligations", response: "ObligationsDashboard", access: .roles(ObligationService.caseworkRoles))
        ) { _, context in
            try jsonResponse(try await obligations.dashboard(by: try context.user(), request: context.request))
        }
        api.add(
            APIOperation(
                method: .get, path: "/api/v1/obligations/{id}", operationID: "getObligation",
                summary: "One obligation with its messages, their delivery attempts and receipts", tag: "Obligations",
                response: "ObligationDetail", access: .obligation)
        ) { _, context in
            let (found, messages) = try await obligations.get(
                try Self.obligationID(context), by: try context.user(), request: context.request)
            return try jsonResponse(ObligationDetail(obligation: found, messages: messages))
        }
        api.add(
            APIOperation(
                method: .post, path: "/api/v1/obligations/{id}/acknowledgement", operationID: "acknowledgeObligation",
                summary:
                    "Acknowledge an obligation addressed to your agency, optionally replying with what you hold (it lands on the case)",
                tag: "Obligations", requestBody: "AcknowledgementInput", response: "Obligation",
                access: .acknowledgeObligation)
        ) { request, context in
            let user = try context.user()
            let id = try Self.obligationID(context)
            try await obligations.checkAcknowledge(id, by: user)
            let input = try await RequestReading.json(AcknowledgementInput.self, from: request, context: context)
            return try jsonResponse(try await obligations.acknowledge(id, input, by: user, request: context.request))
        }
        api.add(
            APIOperation(
                method: .get, path: "/api/v1/inbox", operationID: "inbox",
                summary:
                    "Notices addressed to your agency, soonest due first, a page at a time: state=open (the default), due, overdue, escalated or all",
                tag: "Obligations", query: Self.pageParameters, response: "ObligationList")
        ) { request, context in
            let state = request.uri.queryParameters["state"] == nil ? .open : try Self.selection(request)
            let (limit, cursor) = try Self.paging(request)
            let page = try await obligations.page(
                state, inbox: true, by: try context.user(), limit: limit, cursor: cursor, request: context.request)
            return try jsonResponse(PageBody(items: page.items, nextCursor: page.nextCursor))
        }
        api.add(
            APIOperation(
                method: .get, path: "/api/v1/agencies/{agency}/delivery", operationID: "getDeliveryChannels",
                summary:
                    "An agency's email and webhook for notices (administrators); the webhook secret shows only as set",
                tag: "Obligations", response: "DeliveryChannels", access: .roles([.administrator]))
        ) { _, context in
            try jsonResponse(
                try await obligations.channels(
                    agencyCode: try Self.agency(context), by: try context.user(), request: context.request))
        }
        api.add(
            APIOperation(
                method: .put, path: "/api/v1/agencies/{agency}/delivery", operationID: "setDeliveryChannels",
                summary: "Set an agency's email and signed webhook; send the version you saw (0 the first time)",
                tag: "Obligations", requestBody: "DeliveryChannels", response: "DeliveryChannels",
                access: .roles([.administrator]))
        ) { request, context in
            let user = try context.user()
            guard user.has(.administrator) else {
                throw LiaisonError.forbidden(reason: "only an administrator may set an agency's delivery channels")
            }
            let agency = try Self.agency(context)
            let input = try await RequestReading.json(ChannelsInput.self, from: request, context: context)
            let channels = DeliveryChannels(
                agencyID: AgencyID(""), email: input.email, webhookURL: input.webhookURL,
                webhookSecret: input.webhookSecret,
                version: input.version ?? 0)
            return try jsonResponse(
                try await obligations.setChannels(agencyCode: agency, channels, by: user, request: context.request))
        }
        api.add(
            APIOperation(
                method: .post, path: "/api/v1/agencies/{agency}/delivery/secret", operationID: "newWebhookSecret",
                summary: "Make a new webhook signing secret for your agency: shown in this answer only, stored sealed",
                tag: "Obligations", response: "WebhookSecret", access: .roles([.administrator]))
        ) { _, context in
            let made = try await obligations.newWebhookSecret(
                agencyCode: try Self.agency(context), by: try context.user(), request: context.request)
            return try jsonResponse(["webhookSecret": made.secret, "version": String(made.version)])
        }
        api.add(
            APIOperation(
                method: .get, path: "/api/v1/guidance", operationID: "listGuidance",
                summary: "Casework guidance in force today, one page per step", tag: "Guidance",
                response: "GuidanceList")
        ) { _, context in
            try jsonResponse(["items": try await guidance.list(by: try context.user(), request: context.request)])
        }
        api.add(
            APIOperation(
                method: .get, path: "/api/v1/guidance/{slug}", operationID: "getGuidance",
                summary: "One guidance page in force today, with every version", tag: "Guidance",
                response: "GuidanceDetail")
        ) { _, context in
            let (current, history) = try await guidance.get(
                try Self.slug(context), by: try context.user(), request: context.request)
            return try jsonResponse(GuidanceDetail(current: current, history: history))
        }
        api.add(
            APIOperation(
                method: .post, path: "/api/v1/guidance/{slug}", operationID: "editGuidance",
                summary:
                    "A new version of a guidance page (supervisors, senior caseworkers, administrators); send the latest version you saw",
                tag: "Guidance", requestBody: "GuidanceInput", response: "GuidancePage", status: 201,
                access: .roles(GuidanceService.editorRoles))
        ) { request, context in
            let user = try context.user()
            guard !Set(user.roles).isDisjoint(with: GuidanceService.editorRoles) else {
                throw LiaisonError.forbidden(
                    reason: "only supervisors, senior caseworkers and administrators may edit guidance")
            }
            let slug = try Self.slug(context)
            let input = try await RequestReading.json(GuidanceInput.self, from: request, context: context)
            let page = try await guidance.edit(slug, input, by: user, request: context.request)
            return try createdResponse(page, at: "/api/v1/guidance/\(slug)")
        }
    }

    /// An agency's channels as sent: the version seen, and the values to set.
    struct ChannelsInput: Codable, Sendable {
        var version: Int?
        var email: String?
        var webhookURL: String?
        var webhookSecret: String?
    }

    static func selection(_ request: Request) throws -> ObligationService.Selection {
        let raw = request.uri.queryParameters["state"].map(String.init) ?? "due"
        guard let state = ObligationService.Selection(rawValue: raw) else {
            throw LiaisonError.invalid(
                "state",
                "must be one of " + ObligationService.Selection.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return state
    }

    static let pageParameters: [APIOperation.Parameter] = [
        .init(
            name: "state", description: "open, due, overdue, escalated or all",
            schema: [
                "type": "string", "enum": .array(ObligationService.Selection.allCases.map { .string($0.rawValue) }),
            ]),
        .init(
            name: "limit", description: "Items per page (1-500, default 200)",
            schema: ["type": "integer", "minimum": 1, "maximum": 500]),
        .init(name: "cursor", description: "The nextCursor of the previous page"),
    ]

    /// The page size and cursor a list was asked for.
    static func paging(_ request: Request) throws -> (limit: Int, cursor: String?) {
        let limit = try RequestReading.text("limit", request, max: 6).map { Int($0) ?? 0 } ?? 200
        return (limit, try RequestReading.text("cursor", request, max: 20))
    }

    static func obligationID(_ context: LiaisonRequestContext) throws -> String {
        // Generated clients percent-encode path parameters, so an ID's colons may arrive as %3A.
        guard let raw = context.parameters.get("id"), raw.count <= 900, let id = raw.removingPercentEncoding,
            id.count <= 300
        else {
            throw LiaisonError.invalid("id", "is not an obligation's identifier")
        }
        return id
    }

    static func agency(_ context: LiaisonRequestContext) throws -> String {
        guard let code = context.parameters.get("agency"),
            code.range(of: #"^[A-Za-z0-9-]{1,20}$"#, options: .regularExpression) != nil
        else {
            throw LiaisonError.invalid("agency", "is not an agency code")
        }
        return code
    }

    static func slug(_ context: LiaisonRequestContext) throws -> String {
        guard let slug = context.parameters.get("slug"),
            slug.range(of: #"^[a-z][a-z0-9-]{1,60}$"#, options: .regularExpression) != nil
        else {
            throw LiaisonError.invalid("slug", "must be lower-case letters, digits and hyphens")
        }
        return slug
    }
}
