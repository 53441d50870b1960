import Hummingbird
import LiaisonCore

/// `/api/v1/subjects`: list and search, create, read, update, and a subject's groups.
struct SubjectsAPI {
    let subjects: SubjectService
    let groups: OCGService

    func register(_ api: inout APIRoutes) {
        let subjects = self.subjects, groups = self.groups
        api.add(APIOperation(method: .get, path: "/api/v1/subjects", operationID: "listSubjects",
                             summary: "List subjects in name order, or search names, aliases (any script) and identifiers",
                             tag: "Subjects", query: [
                                 .init(name: "q", description: "Words that must each start a name, alias or identifier"),
                                 .init(name: "limit", description: "Items per page (1–200, default 50)", schema: ["type": "integer", "minimum": 1, "maximum": 200]),
                                 .init(name: "cursor", description: "nextCursor from the previous page"),
                             ], response: "SubjectPage")) { request, context in
            let page = try await subjects.search(try RequestReading.text("q", request), page: try RequestReading.page(request), by: try context.user())
            return try jsonResponse(PageBody(items: page.items, nextCursor: page.nextCursor))
        }
        api.add(APIOperation(method: .post, path: "/api/v1/subjects", operationID: "createSubject", summary: "Record a subject for your agency",
                             tag: "Subjects", requestBody: "SubjectInput", response: "Subject", status: 201)) { request, context in
            let input = try await RequestReading.json(SubjectInput.self, from: request, context: context)
            if input.version != nil { throw LiaisonError.invalid("version", "must not be sent when creating a record") }
            let created = try await subjects.create(input, by: try context.user())
            var response = try jsonResponse(created, status: .created)
            response.headers[.location] = "/api/v1/subjects/\(created.id)"
            return response
        }
        api.add(APIOperation(method: .get, path: "/api/v1/subjects/{id}", operationID: "getSubject", summary: "Read one subject",
                             tag: "Subjects", response: "Subject")) { _, context in
            try jsonResponse(try await subjects.get(try RequestReading.id(context), by: try context.user()))
        }
        api.add(APIOperation(method: .put, path: "/api/v1/subjects/{id}", operationID: "updateSubject",
                             summary: "Replace a subject's details; send the version you edited", tag: "Subjects",
                             requestBody: "SubjectInput", response: "Subject")) { request, context in
            let id: SubjectID = try RequestReading.id(context)
            let input = try await RequestReading.json(SubjectInput.self, from: request, context: context)
            return try jsonResponse(try await subjects.update(id, input, by: try context.user()))
        }
        api.add(APIOperation(method: .get, path: "/api/v1/subjects/{id}/ocgs", operationID: "listSubjectGroups",
                             summary: "The organised crime groups a subject belongs to", tag: "Subjects", response: "OCGList")) { _, context in
            let user = try context.user()
            let subject = try await subjects.get(try RequestReading.id(context), by: user)
            return try jsonResponse(["items": try await groups.groups(of: subject.id, by: user)])
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
                        maximumClassification: user.vetting.maximumClassification, page: try RequestReading.page(request))
    }

    func register(_ api: inout APIRoutes, store: any LiaisonStore) {
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
            let page = try await groups.list(try Self.query(request, reference: reference, user: user), by: user)
            return try jsonResponse(PageBody(items: page.items, nextCursor: page.nextCursor))
        }
        api.add(APIOperation(method: .post, path: "/api/v1/ocgs", operationID: "createOCG", summary: "Record an organised crime group",
                             tag: "OCGs", requestBody: "OCGInput", response: "OCG", status: 201)) { request, context in
            let input = try await RequestReading.json(OCGInput.self, from: request, context: context)
            if input.version != nil { throw LiaisonError.invalid("version", "must not be sent when creating a record") }
            let created = try await groups.create(input, by: try context.user())
            var response = try jsonResponse(created, status: .created)
            response.headers[.location] = "/api/v1/ocgs/\(created.id)"
            return response
        }
        api.add(APIOperation(method: .get, path: "/api/v1/ocgs/{id}", operationID: "getOCG", summary: "Read one group with its members",
                             tag: "OCGs", response: "OCG")) { _, context in
            try jsonResponse(try await groups.get(try RequestReading.id(context), by: try context.user()))
        }
        api.add(APIOperation(method: .put, path: "/api/v1/ocgs/{id}", operationID: "updateOCG",
                             summary: "Replace a group's details (and members, when sent); send the version you edited",
                             tag: "OCGs", requestBody: "OCGInput", response: "OCG")) { request, context in
            let id: OCGID = try RequestReading.id(context)
            let input = try await RequestReading.json(OCGInput.self, from: request, context: context)
            return try jsonResponse(try await groups.update(id, input, by: try context.user()))
        }
    }
}
