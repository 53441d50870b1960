import Foundation
import Hummingbird
import LiaisonCore

/// `/api/v1/imports`: a partner system sends its file of people as the request body (CSV or JSON Lines, streamed in
/// constant memory) and gets the finished job back; progress and refused rows can be read while and after it runs.
struct ImportsAPI {
    let imports: ImportService

    /// The largest file one request may carry. It is read as it arrives, never held whole.
    static let maximumFileSize = 2 * 1024 * 1024 * 1024

    static let parameters: [APIOperation.Parameter] = [
        .init(
            name: "source",
            description: "The partner or system the file comes from; its mapping is saved under this name (required)"),
        .init(name: "format", description: "csv or jsonl (default: the source's saved format, else csv)"),
        .init(name: "map", description: "FIELD=COLUMN[,COLUMN…], repeated; omit to use the source's saved mapping"),
        .init(name: "id", description: "The column with the partner's own record ID"),
        .init(name: "dateFormat", description: "Pattern of dates of birth, e.g. dd/MM/yyyy"),
        .init(name: "fileName", description: "The file's name, for the record"),
    ]

    /// An import's ID from the path: a UUID, or the import is simply not found.
    static func id(_ context: LiaisonRequestContext) throws -> String {
        guard let raw = context.parameters.get("id"), UUID(uuidString: raw) != nil else {
            throw LiaisonError.notFound(kind: ImportService.kind, id: context.parameters.get("id") ?? "")
        }
        return raw.lowercased()
    }

    func register(_ api: inout RouteTable) {
        let imports = self.imports
        api.add(
            APIOperation(
                method: .post, path: "/api/v1/imports", operationID: "importSubjects",
                summary:
                    "Load a file of people as subjects of your agency: the body is the file; answers with the finished job",
                tag: "Imports", query: Self.parameters, requestBody: "ImportFile",
                bodyTypes: ["text/csv", "application/x-ndjson"],
                response: "ImportJob", status: 201,
                access: .createRecord("subject"))
        ) { request, context in
            let user = try context.user()
            try AccessPolicy.enforceCreate(user)
            guard let source = try RequestReading.text("source", request, max: 60) else {
                throw LiaisonError.invalid("source", "is required")
            }
            let format = try RequestReading.text("format", request, max: 10)
            if let format, ImportSource.Format(rawValue: format) == nil {
                throw LiaisonError.invalid("format", "must be csv or jsonl")
            }
            let length = request.headers[.contentLength].flatMap { Int($0) }
            if let length, length > Self.maximumFileSize { throw LiaisonError.invalid("body", "must be at most 2 GiB") }
            let importRequest = ImportService.Request(
                source: source, format: format.flatMap(ImportSource.Format.init(rawValue:)),
                mapping: request.uri.queryParameters.getAll("map").map { String($0) },
                idColumn: try RequestReading.text("id", request, max: 100),
                dateFormat: try RequestReading.text("dateFormat", request, max: 20),
                fileName: try RequestReading.text("fileName", request, max: 200) ?? "upload", fileSize: length)
            let body = request.body.map { Array($0.readableBytesView) }
            let job = try await imports.start(importRequest, chunks: body, by: user, info: context.request)
            return try createdResponse(job, at: "/api/v1/imports/\(job.id)")
        }
        api.add(
            APIOperation(
                method: .get, path: "/api/v1/imports", operationID: "listImports",
                summary: "Your agency's imports, most recent first, with their progress", tag: "Imports",
                response: "ImportJobList")
        ) { _, context in
            try jsonResponse(["items": try await imports.jobs(by: try context.user(), info: context.request)])
        }
        api.add(
            APIOperation(
                method: .get, path: "/api/v1/imports/{id}", operationID: "getImport",
                summary: "One import and how far it has got", tag: "Imports", response: "ImportJob",
                access: .agencyRecord("import"))
        ) { _, context in
            try jsonResponse(try await imports.job(try Self.id(context), by: try context.user(), info: context.request))
        }
        api.add(
            APIOperation(
                method: .get, path: "/api/v1/imports/{id}/errors", operationID: "getImportErrors",
                summary: "The rows an import refused, as CSV: row, field, reason", tag: "Imports", response: "CSV",
                access: .agencyRecord("import"))
        ) { _, context in
            let id = try Self.id(context)
            let errors = try await imports.errors(id, by: try context.user(), info: context.request)
            var response = Response(
                status: .ok, headers: [.contentType: "text/csv; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: ImportReport.csv(errors))))
            response.headers[.contentDisposition] = "attachment; filename=\"import-\(id)-errors.csv\""
            return response
        }
    }
}
