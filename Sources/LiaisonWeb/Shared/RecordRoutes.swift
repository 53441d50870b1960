import Hummingbird
import LiaisonCore

/// Create, read and update for any kind of record, served and documented the same way.
struct RecordRoutes<Service: RecordService> {
    let service: Service
    /// The collection path, e.g. `/api/v1/subjects`.
    let path: String
    /// The component schema of the record; its input is `\(schema)Input`.
    let schema: String
    let tag: String

    func register(_ api: inout RouteTable) {
        let service = self.service
        let path = self.path
        let kind = Service.kind
        api.add(
            APIOperation(
                method: .post, path: path, operationID: "create\(schema)",
                summary: "Record a new \(kind) for your agency",
                tag: tag, requestBody: "\(schema)Input", response: schema, status: 201, access: .createRecord(kind))
        ) { request, context in
            let input = try await RequestReading.json(Service.Input.self, from: request, context: context)
            if input.version != nil { throw LiaisonError.invalid("version", "must not be sent when creating a record") }
            let created = try await service.create(input, by: try context.user(), request: context.request)
            return try createdResponse(created, at: "\(path)/\(created.id)")
        }
        api.add(
            APIOperation(
                method: .get, path: "\(path)/{id}", operationID: "get\(schema)", summary: "Read one \(kind)",
                tag: tag, response: schema, access: .readRecord(kind))
        ) { _, context in
            let id: Service.Record.ID = try RequestReading.id(context)
            return try jsonResponse(try await service.get(id, by: try context.user(), request: context.request))
        }
        api.add(
            APIOperation(
                method: .put, path: "\(path)/{id}", operationID: "update\(schema)",
                summary: "Replace a \(kind)'s details; send the version you edited (a stale one gets 409)",
                tag: tag, requestBody: "\(schema)Input", response: schema, access: .updateRecord(kind))
        ) { request, context in
            let id: Service.Record.ID = try RequestReading.id(context)
            let input = try await RequestReading.json(Service.Input.self, from: request, context: context)
            return try jsonResponse(
                try await service.update(id, input, by: try context.user(), request: context.request))
        }
    }
}
