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

    static func listing(_ service: InterventionService, _ target: InterventionTarget, _ context: LiaisonRequestContext)
        async throws -> TargetInterventions
    {
        let user = try context.user()
        let items = try await service.list(target: target, by: user, request: context.request)
        let (value, because, from, to) = try await service.subjectToAction(target, by: user, request: context.request)
        return TargetInterventions(
            items: items,
            subjectToAction: SubjectToAction(
                value: value, from: from, to: to, ruleVersion: service.rule.version,
                because: because?.id.rawValue))
    }

    func register(_ api: inout RouteTable) {
        let interventions = self.interventions
        api.add(
            APIOperation(
                method: .post, path: "/api/v1/interventions", operationID: "planIntervention",
                summary: "Plan a 4P intervention against a group or Person of Interest you may see",
                tag: "Interventions",
                requestBody: "InterventionInput", response: "Intervention", status: 201,
                access: .createRecord("intervention"))
        ) { request, context in
            let user = try context.user()
            try AccessPolicy.enforceCreate(user)
            let input = try await RequestReading.json(InterventionInput.self, from: request, context: context)
            let planned = try await interventions.plan(input, by: user, request: context.request)
            return try createdResponse(planned, at: "/api/v1/interventions/\(planned.id)")
        }
        api.add(
            APIOperation(
                method: .get, path: "/api/v1/interventions/{id}", operationID: "getIntervention",
                summary: "One intervention with its outcomes",
                tag: "Interventions", response: "Intervention", access: .readRecord("intervention"))
        ) { _, context in
            try jsonResponse(
                try await interventions.get(
                    try RequestReading.id(context), by: try context.user(), request: context.request))
        }
        api.add(
            APIOperation(
                method: .post, path: "/api/v1/interventions/{id}/steps", operationID: "stepIntervention",
                summary: "Move an intervention to a new status, or record an outcome; send the version you saw",
                tag: "Interventions",
                requestBody: "InterventionStepInput", response: "Intervention", access: .updateRecord("intervention"))
        ) { request, context in
            let user = try context.user()
            let id: InterventionID = try RequestReading.id(context)
            try await interventions.checkChange(id, by: user)
            let input = try await RequestReading.json(InterventionStepInput.self, from: request, context: context)
            return try jsonResponse(try await interventions.step(id, input, by: user, request: context.request))
        }
        for (kind, path) in [("ocg", "ocgs"), ("poi", "pois")] {
            api.add(
                APIOperation(
                    method: .get, path: "/api/v1/\(path)/{id}/interventions", operationID: "\(kind)Interventions",
                    summary:
                        "Interventions against this \(kind == "ocg" ? "group" : "Person of Interest"), and whether it was subject to action in the rule's period",
                    tag: "Interventions", response: "TargetInterventions", access: .readRecord(kind))
            ) { _, context in
                guard let id = context.parameters.get("id") else { throw LiaisonError.invalid("id", "is missing") }
                return try jsonResponse(
                    try await Self.listing(interventions, InterventionTarget(kind: kind, id: id.lowercased()), context))
            }
        }
    }

    /// The operation name from the path.
    static func operationName(_ context: LiaisonRequestContext) throws -> String {
        guard let raw = context.parameters.get("name"), !raw.isEmpty, raw.count <= 100 else {
            throw LiaisonError.invalid("name", "must be 1 to 100 characters")
        }
        return raw.removingPercentEncoding ?? raw
    }
}

/// `/api/v1/operations`: multi-agency operations, their briefed members and joint results.
struct OperationsAPI {
    let operations: OperationService

    struct OperationList: Encodable, Sendable { var items: [JointOperation] }

    func register(_ api: inout RouteTable) {
        let operations = self.operations
        api.add(
            APIOperation(
                method: .get, path: "/api/v1/operations", operationID: "listOperations",
                summary: "The operations you may see, latest start first",
                tag: "Operations", response: "OperationList")
        ) { _, context in
            try jsonResponse(
                OperationList(items: try await operations.list(by: try context.user(), request: context.request)))
        }
        api.add(
            APIOperation(
                method: .post, path: "/api/v1/operations", operationID: "createOperation",
                summary: "Set up a multi-agency operation led by your agency", tag: "Operations",
                requestBody: "OperationInput",
                response: "Operation", status: 201, access: .roles(OperationService.plannerRoles))
        ) { request, context in
            let user = try context.user()
            if user.roles.allSatisfy({ !OperationService.plannerRoles.contains($0) }) {
                throw LiaisonError.forbidden(
                    reason: "only supervisors, intelligence officers, analysts and administrators set up operations")
            }
            let input = try await RequestReading.json(OperationInput.self, from: request, context: context)
            let made = try await operations.create(input, by: user, request: context.request)
            return try createdResponse(
                made,
                at:
                    "/api/v1/operations/\(made.name.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? made.name)"
            )
        }
        api.add(
            APIOperation(
                method: .get, path: "/api/v1/operations/{name}", operationID: "getOperation",
                summary:
                    "An operation: its record and briefed members where you may see them, and the joint results of the interventions you may see",
                tag: "Operations", response: "OperationView")
        ) { _, context in
            try jsonResponse(
                try await operations.view(
                    try InterventionsAPI.operationName(context), by: try context.user(), request: context.request))
        }
        api.add(
            APIOperation(
                method: .post, path: "/api/v1/operations/{name}/briefings", operationID: "briefOperation",
                summary: "Brief a member into the operation (need-to-know), or withdraw their briefing",
                tag: "Operations",
                requestBody: "BriefingInput", response: "BriefedMemberList", access: .briefOperation)
        ) { request, context in
            let user = try context.user()
            let name = try InterventionsAPI.operationName(context)
            try await operations.checkBrief(name, by: user)
            let input = try await RequestReading.json(BriefingInput.self, from: request, context: context)
            return try jsonResponse(
                BriefedMemberList(items: try await operations.brief(name, input, by: user, request: context.request)))
        }
    }

    struct BriefedMemberList: Encodable, Sendable { var items: [BriefedMember] }
}
