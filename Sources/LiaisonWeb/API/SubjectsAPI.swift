import Hummingbird
import LiaisonCore

/// `/api/v1/subjects`: list and search, create, read, update, and a subject's groups.
struct SubjectsAPI {
    let subjects: SubjectService
    let groups: OCGService

    func register(_ api: inout RouteTable) {
        let subjects = self.subjects, groups = self.groups
        api.add(APIOperation(method: .get, path: "/api/v1/subjects", operationID: "listSubjects",
                             summary: "List subjects in name order, or search names, aliases (any script) and identifiers",
                             tag: "Subjects", query: [
                                 .init(name: "q", description: "Words that must each start a name, alias or identifier"),
                                 .init(name: "limit", description: "Items per page (1–200, default 50)", schema: ["type": "integer", "minimum": 1, "maximum": 200]),
                                 .init(name: "cursor", description: "nextCursor from the previous page"),
                             ], response: "SubjectPage")) { request, context in
            let page = try await subjects.search(try RequestReading.text("q", request), page: try RequestReading.page(request), by: try context.user(), request: context.request)
            return try jsonResponse(PageBody(items: page.items, nextCursor: page.nextCursor))
        }
        RecordRoutes(service: subjects, path: "/api/v1/subjects", schema: "Subject", tag: "Subjects").register(&api)
        api.add(APIOperation(method: .get, path: "/api/v1/subjects/{id}/ocgs", operationID: "listSubjectGroups",
                             summary: "The organised crime groups a subject belongs to", tag: "Subjects", response: "OCGList", access: .readRecord("subject"))) { _, context in
            let user = try context.user()
            let subject = try await subjects.get(try RequestReading.id(context), by: user, request: context.request)
            return try jsonResponse(["items": try await groups.groups(of: subject.id, by: user, request: context.request)])
        }
    }
}

/// `/api/v1/ocgs`: list with filters, create, read, update.
struct OCGsAPI {
    let groups: OCGService

    static let filters: [(name: String, list: String)] = [("status", "ocg-status"), ("market", "criminal-market"), ("area", "area"), ("band", "ocg-band")]

    /// Reads the list filters from the query string; each must be a code of its reference list.
    static func query(_ request: Request, reference: ReferenceData, user: User) throws -> OCGQuery {
        var values: [String: String] = [:]
        var validator = Validator()
        for filter in filters {
            guard let value = try RequestReading.text(filter.name, request, max: 60) else { continue }
            validator.code(value, filter.name, in: filter.list, reference: reference)
            values[filter.name] = value
        }
        try validator.check()
        return OCGQuery(nameTokens: SearchKeys.query(try RequestReading.text("q", request)), status: values["status"],
                        market: values["market"], area: values["area"], band: values["band"],
                        viewer: Viewer(user), page: try RequestReading.page(request))
    }

    func register(_ api: inout RouteTable, store: any LiaisonStore) {
        let groups = self.groups
        api.add(APIOperation(method: .get, path: "/api/v1/ocgs", operationID: "listOCGs",
                             summary: "List organised crime groups by name, filtered by status, market, area and band", tag: "OCGs",
                             query: [.init(name: "q", description: "Words of the name or an operation name")]
                                 + Self.filters.map { .init(name: $0.name, description: "A code from the \($0.list) reference list") }
                                 + [.init(name: "limit", description: "Items per page (1–200, default 50)", schema: ["type": "integer", "minimum": 1, "maximum": 200]),
                                    .init(name: "cursor", description: "nextCursor from the previous page")],
                             response: "OCGPage")) { request, context in
            let user = try context.user()
            let reference = ReferenceData(entries: try await store.referenceEntries())
            let page = try await groups.list(try Self.query(request, reference: reference, user: user), by: user, request: context.request)
            return try jsonResponse(PageBody(items: page.items, nextCursor: page.nextCursor))
        }
        RecordRoutes(service: groups, path: "/api/v1/ocgs", schema: "OCG", tag: "OCGs").register(&api)
    }
}

/// Create, read and update for any kind of record, served and documented the same way.
struct RecordRoutes<Service: RecordService> {
    let service: Service
    /// The collection path, e.g. `/api/v1/subjects`.
    let path: String
    /// The component schema of the record; its input is `\(schema)Input`.
    let schema: String
    let tag: String

    func register(_ api: inout RouteTable) {
        let service = self.service, path = self.path
        let kind = Service.kind
        api.add(APIOperation(method: .post, path: path, operationID: "create\(schema)", summary: "Record a new \(kind) for your agency",
                             tag: tag, requestBody: "\(schema)Input", response: schema, status: 201, access: .createRecord(kind))) { request, context in
            let input = try await RequestReading.json(Service.Input.self, from: request, context: context)
            if input.version != nil { throw LiaisonError.invalid("version", "must not be sent when creating a record") }
            let created = try await service.create(input, by: try context.user(), request: context.request)
            var response = try jsonResponse(created, status: .created)
            response.headers[.location] = "\(path)/\(created.id)"
            return response
        }
        api.add(APIOperation(method: .get, path: "\(path)/{id}", operationID: "get\(schema)", summary: "Read one \(kind)",
                             tag: tag, response: schema, access: .readRecord(kind))) { _, context in
            let id: Service.Record.ID = try RequestReading.id(context)
            return try jsonResponse(try await service.get(id, by: try context.user(), request: context.request))
        }
        api.add(APIOperation(method: .put, path: "\(path)/{id}", operationID: "update\(schema)",
                             summary: "Replace a \(kind)'s details; send the version you edited (a stale one gets 409)",
                             tag: tag, requestBody: "\(schema)Input", response: schema, access: .updateRecord(kind))) { request, context in
            let id: Service.Record.ID = try RequestReading.id(context)
            let input = try await RequestReading.json(Service.Input.self, from: request, context: context)
            return try jsonResponse(try await service.update(id, input, by: try context.user(), request: context.request))
        }
    }
}
