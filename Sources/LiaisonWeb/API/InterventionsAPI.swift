import Hummingbird
import LiaisonCore

/// `/api/v1/interventions`: 4P interventions against groups and Persons of Interest, their statuses and outcomes;
/// each target's interventions with whether it was subject to action; a multi-agency operation's joint results.
struct InterventionsAPI {
    let interventions: InterventionService

    struct TargetInterventions: Encodable, Sendable {
        var items: [Intervention]
        var subjectToAction: SubjectToAction
    }

    struct SubjectToAction: Encodable, Sendable {
        var value: Bool
        var from: String
        var to: String
        var ruleVersion: Int
        var because: String?
    }

    static func listing(_ service: InterventionService, _ target: InterventionTarget, _ context: LiaisonRequestContext) async throws -> TargetInterventions {
        let user = try context.user()
        let items = try await service.list(target: target, by: user, request: context.request)
        let (value, because, from, to) = try await service.subjectToAction(target, by: user, request: context.request)
        return TargetInterventions(items: items, subjectToAction: SubjectToAction(value: value, from: from, to: to, ruleVersion: service.rule.version,
                                                                                 because: because?.id.rawValue))
    }

    func register(_ api: inout RouteTable) {
        let interventions = self.interventions
        api.add(APIOperation(method: .post, path: "/api/v1/interventions", operationID: "planIntervention",
                             summary: "Plan a 4P intervention against a group or Person of Interest you may see", tag: "Interventions",
                             requestBody: "InterventionInput", response: "Intervention", status: 201, access: .createRecord("intervention"))) { request, context in
            let user = try context.user()
            try AccessPolicy.enforceCreate(user)
            let input = try await RequestReading.json(InterventionInput.self, from: request, context: context)
            let planned = try await interventions.plan(input, by: user, request: context.request)
            return try createdResponse(planned, at: "/api/v1/interventions/\(planned.id)")
        }
        api.add(APIOperation(method: .get, path: "/api/v1/interventions/{id}", operationID: "getIntervention", summary: "One intervention with its outcomes",
                             tag: "Interventions", response: "Intervention", access: .readRecord("intervention"))) { _, context in
            try jsonResponse(try await interventions.get(try RequestReading.id(context), by: try context.user(), request: context.request))
        }
        api.add(APIOperation(method: .post, path: "/api/v1/interventions/{id}/steps", operationID: "stepIntervention",
                             summary: "Move an intervention to a new status, or record an outcome; send the version you saw", tag: "Interventions",
                             requestBody: "InterventionStepInput", response: "Intervention", access: .updateRecord("intervention"))) { request, context in
            let user = try context.user()
            let id: InterventionID = try RequestReading.id(context)
            try await interventions.checkChange(id, by: user)
            let input = try await RequestReading.json(InterventionStepInput.self, from: request, context: context)
            return try jsonResponse(try await interventions.step(id, input, by: user, request: context.request))
        }
        for (kind, path) in [("ocg", "ocgs"), ("poi", "pois")] {
            api.add(APIOperation(method: .get, path: "/api/v1/\(path)/{id}/interventions", operationID: "\(kind)Interventions",
                                 summary: "Interventions against this \(kind == "ocg" ? "group" : "Person of Interest"), and whether it was subject to action in the rule's period",
                                 tag: "Interventions", response: "TargetInterventions", access: .readRecord(kind))) { _, context in
                guard let id = context.parameters.get("id") else { throw LiaisonError.invalid("id", "is missing") }
                return try jsonResponse(try await Self.listing(interventions, InterventionTarget(kind: kind, id: id.lowercased()), context))
            }
        }
        api.add(APIOperation(method: .get, path: "/api/v1/operations/{name}", operationID: "operationResults",
                             summary: "A multi-agency operation's joint results: the interventions you may see, the agencies, outcomes totalled",
                             tag: "Interventions", response: "OperationResults")) { _, context in
            guard let name = context.parameters.get("name"), !name.isEmpty, name.count <= 100 else { throw LiaisonError.invalid("name", "must be 1 to 100 characters") }
            return try jsonResponse(try await interventions.operation(name.removingPercentEncoding ?? name, by: try context.user(), request: context.request))
        }
    }
}
