import Hummingbird
import LiaisonCore

/// `/api/v1/ocgs`: list with filters, create, read, update.
struct OCGsAPI {
    let groups: OCGService

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
    }
}
