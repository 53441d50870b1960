import Hummingbird
import LiaisonCore

/// `/api/v1/pois`: Persons of Interest, adopted, listed (with overdue reviews) and assessed; the scoring
/// matrices for groups and Persons of Interest at `/api/v1/scoring`, and the groups due a reassessment.
struct POIsAPI {
    let pois: POIService
    let groups: OCGService
    let scoring: ScoringService

    func register(_ api: inout RouteTable) {
        let pois = self.pois
        let groups = self.groups
        let scoring = self.scoring
        api.add(
            APIOperation(
                method: .get, path: "/api/v1/scoring", operationID: "scoringMatrices",
                summary: "The scoring matrices in force: groups' threat and Persons of Interest's risk",
                tag: "Persons of Interest",
                response: "ScoringMatrixList")
        ) { _, _ in
            try jsonResponse(["items": [try await scoring.current("ocg"), try await scoring.current("poi")]])
        }
        api.add(
            APIOperation(
                method: .get, path: "/api/v1/scoring/{kind}", operationID: "scoringVersions",
                summary: "Every version of one kind's scoring matrix (ocg or poi), newest first",
                tag: "Persons of Interest",
                response: "ScoringMatrixList")
        ) { _, context in
            guard let kind = context.parameters.get("kind") else {
                throw LiaisonError.invalid("kind", "must be ocg or poi")
            }
            return try jsonResponse(["items": try await scoring.versions(kind)])
        }
        api.add(
            APIOperation(
                method: .post, path: "/api/v1/scoring/{kind}", operationID: "publishScoringMatrix",
                summary:
                    "Publish a new version of a scoring matrix (supervisors, administrators); its version must follow the latest",
                tag: "Persons of Interest", requestBody: "ScoringMatrix", response: "ScoringMatrix", status: 201,
                access: .roles(ScoringService.editorRoles))
        ) { request, context in
            let user = try context.user()
            guard user.active, !Set(user.roles).isDisjoint(with: ScoringService.editorRoles) else {
                throw LiaisonError.forbidden(reason: "only supervisors and administrators may publish a scoring matrix")
            }
            guard let kind = context.parameters.get("kind") else {
                throw LiaisonError.invalid("kind", "must be ocg or poi")
            }
            var matrix = try await RequestReading.json(ScoringMatrix.self, from: request, context: context)
            matrix.kind = kind
            let published = try await scoring.publish(matrix, by: user, request: context.request)
            return try createdResponse(published, at: "/api/v1/scoring/\(kind)")
        }
        api.add(
            APIOperation(
                method: .get, path: "/api/v1/assessments/due", operationID: "reassessmentsDue",
                summary:
                    "Groups you may see whose reassessment is overdue, most overdue first, each with its latest assessment",
                tag: "Persons of Interest", response: "ReassessmentsDue")
        ) { _, context in
            let due = try await groups.reassessmentsDue(by: try context.user(), request: context.request)
            return try jsonResponse(["items": due.map { Assessed(record: $0.0, assessment: $0.1) }])
        }
        api.add(
            APIOperation(
                method: .post, path: "/api/v1/pois", operationID: "adoptPOI",
                summary: "Adopt a subject you may see as a Person of Interest of your agency",
                tag: "Persons of Interest",
                requestBody: "POIInput", response: "PersonOfInterest", status: 201, access: .createRecord("poi"))
        ) { request, context in
            let user = try context.user()
            try AccessPolicy.enforceCreate(user)
            let input = try await RequestReading.json(POIInput.self, from: request, context: context)
            let poi = try await pois.adopt(input, by: user, request: context.request)
            return try createdResponse(poi, at: "/api/v1/pois/\(poi.id)")
        }
        api.add(
            APIOperation(
                method: .get, path: "/api/v1/pois", operationID: "listPOIs",
                summary:
                    "Active Persons of Interest you may see, soonest review first; overdue=true keeps those past their review",
                tag: "Persons of Interest", response: "POIList")
        ) { request, context in
            let overdue = try RequestReading.flag(request, "overdue")
            return try jsonResponse([
                "items": try await pois.list(overdue: overdue, by: try context.user(), request: context.request)
            ])
        }
        api.add(
            APIOperation(
                method: .get, path: "/api/v1/pois/{id}", operationID: "getPOI", summary: "One Person of Interest",
                tag: "Persons of Interest", response: "PersonOfInterest", access: .readRecord("poi"))
        ) { _, context in
            try jsonResponse(
                try await pois.get(try RequestReading.id(context), by: try context.user(), request: context.request))
        }
        api.add(
            APIOperation(
                method: .post, path: "/api/v1/pois/{id}/assessments", operationID: "assessPOI",
                summary:
                    "Assess a Person of Interest's risk; the score sets the tier and next review; send the version you assessed",
                tag: "Persons of Interest", requestBody: "AssessmentInput", response: "AssessedPOI", status: 201,
                access: .updateRecord("poi"))
        ) { request, context in
            let user = try context.user()
            let id: POIID = try RequestReading.id(context)
            try await pois.checkChange(id, by: user)
            let input = try await RequestReading.json(AssessmentInput.self, from: request, context: context)
            let (poi, assessment) = try await pois.assess(id, input, by: user, request: context.request)
            return try createdResponse(
                Assessed(record: poi, assessment: assessment), at: "/api/v1/pois/\(id)/assessments")
        }
        api.add(
            APIOperation(
                method: .get, path: "/api/v1/pois/{id}/assessments", operationID: "poiAssessments",
                summary: "A Person of Interest's assessments, newest first", tag: "Persons of Interest",
                response: "AssessmentList", access: .readRecord("poi"))
        ) { _, context in
            try jsonResponse([
                "items": try await pois.assessments(
                    try RequestReading.id(context), by: try context.user(), request: context.request)
            ])
        }
    }
}
