import Hummingbird
import LiaisonCore

/// `/api/v1/ocgs`: list with filters, create, read, update; threat assessments and their history, and the Lead
/// Responsible Officer.
struct OCGsAPI {
    let groups: OCGService

    /// A Lead Responsible Officer appointment as sent.
    struct LeadInput: Codable, Sendable {
        var version: Int?
        var lead: String?
    }

    static let filters: [(name: String, list: String)] = [
        ("status", "ocg-status"), ("market", "criminal-market"), ("area", "area"), ("band", "ocg-band"),
    ]

    /// Reads the list filters from the query string; each must be a code of its reference list.
    static func query(_ request: Request, reference: ReferenceData, user: User, directory: DirectoryService)
        async throws -> OCGQuery
    {
        var values: [String: String] = [:]
        var validator = Validator()
        for filter in filters {
            guard let value = try RequestReading.text(filter.name, request, max: 60) else { continue }
            validator.code(value, filter.name, in: filter.list, reference: reference)
            values[filter.name] = value
        }
        var lead: UserID?
        if let username = try RequestReading.text("lead", request, max: 100) {
            lead = try await directory.user(username: username)?.id
            if lead == nil { validator.fail("lead", "is not a user") }
        }
        try validator.check()
        return OCGQuery(
            nameTokens: SearchKeys.query(try RequestReading.text("q", request)), status: values["status"],
            market: values["market"], area: values["area"], band: values["band"], lead: lead,
            viewer: Viewer(user), page: try RequestReading.page(request))
    }

    func register(_ api: inout RouteTable, directory: DirectoryService) {
        let groups = self.groups
        api.add(
            APIOperation(
                method: .get, path: "/api/v1/ocgs", operationID: "listOCGs",
                summary:
                    "List organised crime groups by name, filtered by status, market, area, band and Lead Responsible Officer",
                tag: "OCGs",
                query: [
                    .init(name: "q", description: "Words of the name or an operation name"),
                    .init(name: "lead", description: "The Lead Responsible Officer's username"),
                ]
                    + Self.filters.map {
                        .init(name: $0.name, description: "A code from the \($0.list) reference list")
                    }
                    + [
                        .init(
                            name: "limit", description: "Items per page (1–200, default 50)",
                            schema: ["type": "integer", "minimum": 1, "maximum": 200]),
                        .init(name: "cursor", description: "nextCursor from the previous page"),
                    ],
                response: "OCGPage")
        ) { request, context in
            let user = try context.user()
            let reference = try await directory.reference()
            let page = try await groups.list(
                try await Self.query(request, reference: reference, user: user, directory: directory), by: user,
                request: context.request)
            return try jsonResponse(PageBody(items: page.items, nextCursor: page.nextCursor))
        }
        RecordRoutes(service: groups, path: "/api/v1/ocgs", schema: "OCG", tag: "OCGs").register(&api)
        api.add(
            APIOperation(
                method: .post, path: "/api/v1/ocgs/{id}/assessments", operationID: "assessOCG",
                summary: "Assess a group's threat; the score sets its band; send the group version you assessed",
                tag: "Persons of Interest", requestBody: "AssessmentInput", response: "AssessedOCG", status: 201,
                access: .updateRecord("ocg"))
        ) { request, context in
            let user = try context.user()
            let id: OCGID = try RequestReading.id(context)
            let current = try await groups.get(id, by: user, request: context.request)
            try AccessPolicy.enforce(user, .update, current.meta, kind: OCGService.kind, id: id.rawValue)
            let input = try await RequestReading.json(AssessmentInput.self, from: request, context: context)
            let (ocg, assessment) = try await groups.assess(id, input, by: user, request: context.request)
            return try createdResponse(
                Assessed(record: ocg, assessment: assessment), at: "/api/v1/ocgs/\(id)/assessments")
        }
        api.add(
            APIOperation(
                method: .post, path: "/api/v1/ocgs/{id}/lead", operationID: "appointLead",
                summary:
                    "Appoint a group's Lead Responsible Officer (null to stand the current one down); the history is kept",
                tag: "OCGs", requestBody: "LeadInput", response: "OCG", access: .updateRecord("ocg"))
        ) { request, context in
            let user = try context.user()
            let id: OCGID = try RequestReading.id(context)
            let current = try await groups.get(id, by: user, request: context.request)
            try AccessPolicy.enforce(user, .update, current.meta, kind: OCGService.kind, id: id.rawValue)
            let input = try await RequestReading.json(LeadInput.self, from: request, context: context)
            return try jsonResponse(
                try await groups.appointLead(
                    id, username: input.lead, version: input.version, by: user, request: context.request))
        }
        api.add(
            APIOperation(
                method: .get, path: "/api/v1/ocgs/{id}/assessments", operationID: "ocgAssessments",
                summary: "A group's assessments, newest first: its score history", tag: "Persons of Interest",
                response: "AssessmentList", access: .readRecord("ocg"))
        ) { _, context in
            try jsonResponse([
                "items": try await groups.assessments(
                    try RequestReading.id(context), by: try context.user(), request: context.request)
            ])
        }
    }
}
