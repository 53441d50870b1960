import Foundation
import Hummingbird
import LiaisonCore

/// `/api/v1/intelligence`: graded intelligence reports, their workflow and sanitised versions, and what has been
/// sent to the caller's agency.
struct IntelligenceAPI {
    let intelligence: IntelligenceService
    let directory: DirectoryService

    struct ReportList: Encodable, Sendable { var items: [IntelReport] }

    static let searchParameters: [APIOperation.Parameter] = [
        .init(name: "q", description: "Words to find (all of them)"),
        .init(name: "grade", description: "A grade or its start: 1, 1B, 1BC"),
        .init(name: "classification", description: "OFFICIAL, OFFICIAL-SENSITIVE, SECRET or TOP SECRET"),
        .init(
            name: "from", description: "Information dated from (yyyy-mm-dd)",
            schema: ["type": "string", "format": "date"]),
        .init(
            name: "to", description: "Information dated up to (yyyy-mm-dd)",
            schema: ["type": "string", "format": "date"]),
        .init(name: "agency", description: "The holding agency's code"),
        .init(name: "subject", description: "A linked subject's ID"),
        .init(name: "ocg", description: "A linked group's ID"),
        .init(name: "limit", description: "1–100, default 20", schema: ["type": "integer"]),
    ]

    /// The search asked for in the query string, each bad parameter named.
    static func query(_ request: Request, directory: DirectoryService) async throws -> IntelSearchQuery {
        let q = request.uri.queryParameters
        func text(_ name: String) -> String? { q[Substring(name)].map(String.init).flatMap { $0.isEmpty ? nil : $0 } }
        var v = Validator()
        let classification = text("classification").map { Classification(rawValue: $0) }
        if classification == .some(nil) {
            v.fail("classification", "must be OFFICIAL, OFFICIAL-SENSITIVE, SECRET or TOP SECRET")
        }
        var agency: AgencyID?
        if let code = text("agency") {
            agency = try await directory.agency(code: code)?.id
            if agency == nil { v.fail("agency", "is not a known agency") }
        }
        let subject = text("subject").map { SubjectID(validating: $0.lowercased()) }
        let ocg = text("ocg").map { OCGID(validating: $0.lowercased()) }
        if subject == .some(nil) { v.fail("subject", "must be a subject's ID") }
        if ocg == .some(nil) { v.fail("ocg", "must be a group's ID") }
        let limit = text("limit").map { Int($0) }
        if let limit, limit == nil || !(1...100).contains(limit!) {
            v.fail("limit", "must be a whole number from 1 to 100")
        }
        try v.check()
        return IntelSearchQuery(
            text: text("q") ?? "", grade: text("grade")?.uppercased(), classification: classification ?? nil,
            from: text("from"), to: text("to"),
            agency: agency, subject: subject ?? nil, ocg: ocg ?? nil, limit: (limit ?? nil) ?? 20)
    }
    struct ReceivedList: Encodable, Sendable { var items: [IntelligenceService.Received] }

    func register(_ api: inout RouteTable) {
        let intelligence = self.intelligence
        api.add(
            APIOperation(
                method: .get, path: "/api/v1/intelligence", operationID: "listIntelligence",
                summary: "The intelligence reports you may see, newest first",
                tag: "Intelligence", response: "IntelReportList")
        ) { _, context in
            try jsonResponse(
                ReportList(items: try await intelligence.list(by: try context.user(), request: context.request)))
        }
        api.add(
            APIOperation(
                method: .post, path: "/api/v1/intelligence", operationID: "writeIntelligence",
                summary: "Write a draft intelligence report, held by your agency", tag: "Intelligence",
                requestBody: "IntelReportInput",
                response: "IntelReport", status: 201, access: .roles(IntelligenceService.authorRoles))
        ) { request, context in
            let user = try context.user()
            if Set(user.roles).isDisjoint(with: IntelligenceService.authorRoles) {
                throw LiaisonError.forbidden(
                    reason:
                        "only intelligence officers, analysts, financial investigators and supervisors write reports")
            }
            let input = try await RequestReading.json(IntelReportInput.self, from: request, context: context)
            let made = try await intelligence.create(input, by: user, request: context.request)
            return try createdResponse(made, at: "/api/v1/intelligence/\(made.id)")
        }
        api.add(
            APIOperation(
                method: .get, path: "/api/v1/intelligence/search", operationID: "searchIntelligence",
                summary:
                    "Full-text search over report text, places, links and linked names, within what you may see; matches in the snippet between [ and ]",
                tag: "Intelligence", query: Self.searchParameters, response: "IntelSearchResult")
        ) { request, context in
            let user = try context.user()
            return try jsonResponse(
                try await intelligence.search(
                    try await Self.query(request, directory: directory), by: user, request: context.request))
        }
        api.add(
            APIOperation(
                method: .get, path: "/api/v1/intelligence/received", operationID: "receivedIntelligence",
                summary:
                    "Reports sent to your agency: the version meant for you, its grading and the conditions that bind its use",
                tag: "Intelligence", response: "ReceivedIntelList")
        ) { _, context in
            try jsonResponse(
                ReceivedList(items: try await intelligence.received(by: try context.user(), request: context.request)))
        }
        api.add(
            APIOperation(
                method: .get, path: "/api/v1/intelligence/{id}", operationID: "getIntelligence",
                summary: "One report (a covert source's reference only to the holding agency)", tag: "Intelligence",
                response: "IntelReport",
                access: .readRecord("intel"))
        ) { _, context in
            try jsonResponse(
                try await intelligence.get(
                    try RequestReading.id(context), by: try context.user(), request: context.request))
        }
        api.add(
            APIOperation(
                method: .post, path: "/api/v1/intelligence/{id}/steps", operationID: "stepIntelligence",
                summary:
                    "submit (graded), assess or return (a supervisor), sanitise, or disseminate (as the handling code allows); send the version you saw",
                tag: "Intelligence", requestBody: "IntelStepInput", response: "IntelReport",
                access: .readRecord("intel"))
        ) { request, context in
            let user = try context.user()
            let id: IntelReportID = try RequestReading.id(context)
            try await intelligence.checkRead(id, by: user)
            let input = try await RequestReading.json(IntelStepInput.self, from: request, context: context)
            if input.action == "read" {
                throw LiaisonError.invalid("action", "acknowledge receipt with POST /api/v1/intelligence/{id}/read")
            }
            return try jsonResponse(try await intelligence.step(id, input, by: user, request: context.request))
        }
        api.add(
            APIOperation(
                method: .post, path: "/api/v1/intelligence/{id}/read", operationID: "readIntelligence",
                summary: "Acknowledge a report sent to your agency as read", tag: "Intelligence",
                response: "IntelReport",
                access: .intelRecipient)
        ) { _, context in
            let user = try context.user()
            let id: IntelReportID = try RequestReading.id(context)
            return try jsonResponse(
                try await intelligence.step(
                    id, IntelStepInput(version: nil, action: "read"), by: user, request: context.request))
        }
    }
}
