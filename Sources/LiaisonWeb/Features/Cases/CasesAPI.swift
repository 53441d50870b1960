import Hummingbird
import LiaisonCore

/// `/api/v1/cases`: deportation cases for foreign national offenders. Open a case for a subject, read and list cases,
/// and move a case on one step at a time: a milestone, or a barrier to removal opened or resolved; register a partner
/// agency's interest in the case and read the obligations it owes.
struct CasesAPI {
    let cases: CaseService
    let obligations: ObligationService

    func register(_ api: inout RouteTable) {
        let cases = self.cases
        let obligations = self.obligations
        api.add(
            APIOperation(
                method: .post, path: "/api/v1/cases", operationID: "createCase",
                summary: "Open a deportation case for a subject you may see", tag: "Cases",
                requestBody: "CaseInput", response: "DeportationCase", status: 201, access: .createRecord("case"))
        ) { request, context in
            let user = try context.user()
            try AccessPolicy.enforceCreate(user)
            let input = try await RequestReading.json(CaseInput.self, from: request, context: context)
            let created = try await cases.create(input, by: user, request: context.request)
            return try createdResponse(created, at: "/api/v1/cases/\(created.id)")
        }
        api.add(
            APIOperation(
                method: .get, path: "/api/v1/cases", operationID: "listCases",
                summary:
                    "The cases you may see, most recently changed first, a page at a time; or the case with a Home Office reference",
                tag: "Cases",
                query: [
                    .init(name: "reference", description: "A Home Office reference, e.g. B1234567: only that case"),
                    .init(
                        name: "allocation", description: "mine (cases you own) or unallocated (no case owner yet)",
                        schema: ["type": "string", "enum": ["mine", "unallocated"]]),
                    .init(
                        name: "stage",
                        description: "Only cases at this stage: new, or a milestone such as appeal-rights-exhausted"),
                    .init(
                        name: "limit", description: "Cases per page (1-200, default 100)",
                        schema: ["type": "integer", "minimum": 1, "maximum": 200]),
                    .init(name: "cursor", description: "The nextCursor of the previous page"),
                ],
                response: "DeportationCaseList")
        ) { request, context in
            let limit = try RequestReading.text("limit", request, max: 5).map { Int($0) ?? 0 } ?? 100
            let query = try RequestReading.caseQuery(request, limit: limit)
            let page = try await cases.page(query, by: try context.user(), request: context.request)
            return try jsonResponse(PageBody(items: page.items, nextCursor: page.nextCursor))
        }
        api.add(
            APIOperation(
                method: .get, path: "/api/v1/cases/{id}", operationID: "getCase",
                summary: "One case with its milestones, barriers and removal directions", tag: "Cases",
                response: "DeportationCase", access: .readRecord("case"))
        ) { _, context in
            let id: CaseID = try RequestReading.id(context)
            return try jsonResponse(try await cases.get(id, by: try context.user(), request: context.request))
        }
        api.add(
            APIOperation(
                method: .post, path: "/api/v1/cases/{id}/steps", operationID: "stepCase",
                summary:
                    "Record a milestone, open a barrier or resolve one; send the case version you decided on (a stale one gets 409)",
                tag: "Cases", requestBody: "CaseStepInput", response: "DeportationCase", access: .updateRecord("case"))
        ) { request, context in
            let user = try context.user()
            let id: CaseID = try RequestReading.id(context)
            try await cases.checkChange(id, by: user)
            let input = try await RequestReading.json(CaseStepInput.self, from: request, context: context)
            return try jsonResponse(try await cases.step(id, input, by: user, request: context.request))
        }
        api.add(
            APIOperation(
                method: .post, path: "/api/v1/cases/{id}/interests", operationID: "registerInterest",
                summary:
                    "Register a partner agency's interest in a case (a special condition): your own agency's, or, as one of the case's caseworkers, another agency's from its email",
                tag: "Obligations", requestBody: "InterestInput", response: "DeportationCase", status: 201,
                access: .registerInterest)
        ) { request, context in
            let user = try context.user()
            let id: CaseID = try RequestReading.id(context)
            try await cases.checkInterest(id, by: user)
            let input = try await RequestReading.json(InterestInput.self, from: request, context: context)
            let updated = try await cases.registerInterest(id, input, by: user, request: context.request)
            return try createdResponse(updated, at: "/api/v1/cases/\(id)")
        }
        api.add(
            APIOperation(
                method: .get, path: "/api/v1/cases/{id}/obligations", operationID: "caseObligations",
                summary: "The obligations on one case, soonest due first", tag: "Obligations",
                response: "ObligationList",
                access: .readRecord("case"))
        ) { _, context in
            let user = try context.user()
            let id: CaseID = try RequestReading.id(context)
            _ = try await cases.get(id, by: user, request: context.request)
            return try jsonResponse([
                "items": try await obligations.list(.all, caseID: id, by: user, request: context.request)
            ])
        }
    }
}
