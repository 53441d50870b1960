import Hummingbird
import LiaisonCore

/// `/api/v1/cases`: deportation cases for foreign national offenders. Open a case for a subject, read and list cases,
/// and move a case on one step at a time: a milestone, or a barrier to removal opened or resolved.
struct CasesAPI {
    let cases: CaseService

    func register(_ api: inout RouteTable) {
        let cases = self.cases
        api.add(APIOperation(method: .post, path: "/api/v1/cases", operationID: "createCase",
                             summary: "Open a deportation case for a subject you may see", tag: "Cases",
                             requestBody: "CaseInput", response: "DeportationCase", status: 201, access: .createRecord("case"))) { request, context in
            let user = try context.user()
            try AccessPolicy.enforceCreate(user)
            let input = try await RequestReading.json(CaseInput.self, from: request, context: context)
            let created = try await cases.create(input, by: user, request: context.request)
            return try createdResponse(created, at: "/api/v1/cases/\(created.id)")
        }
        api.add(APIOperation(method: .get, path: "/api/v1/cases", operationID: "listCases",
                             summary: "The cases you may see, most recently changed first", tag: "Cases", response: "DeportationCaseList")) { _, context in
            try jsonResponse(["items": try await cases.list(by: try context.user(), request: context.request)])
        }
        api.add(APIOperation(method: .get, path: "/api/v1/cases/{id}", operationID: "getCase",
                             summary: "One case with its milestones, barriers and removal directions", tag: "Cases",
                             response: "DeportationCase", access: .readRecord("case"))) { _, context in
            let id: CaseID = try RequestReading.id(context)
            return try jsonResponse(try await cases.get(id, by: try context.user(), request: context.request))
        }
        api.add(APIOperation(method: .post, path: "/api/v1/cases/{id}/steps", operationID: "stepCase",
                             summary: "Record a milestone, open a barrier or resolve one; send the case version you decided on (a stale one gets 409)",
                             tag: "Cases", requestBody: "CaseStepInput", response: "DeportationCase", access: .updateRecord("case"))) { request, context in
            let user = try context.user()
            let id: CaseID = try RequestReading.id(context)
            try await cases.checkChange(id, by: user)
            let input = try await RequestReading.json(CaseStepInput.self, from: request, context: context)
            return try jsonResponse(try await cases.step(id, input, by: user, request: context.request))
        }
    }
}
