import Hummingbird
import LiaisonCore

/// `/api/v1/subjects`: list and search, create, read, update, a subject's groups and same-person decisions, and
/// agencies' interest in the person.
struct SubjectsAPI {
    let subjects: SubjectService
    let groups: OCGService
    let matching: SubjectMatching
    let reviews: MatchReviewService
    let cases: CaseService

    func register(_ api: inout RouteTable) {
        let subjects = self.subjects
        let cases = self.cases
        let groups = self.groups
        let matching = self.matching
        let reviews = self.reviews
        api.add(
            APIOperation(
                method: .post, path: "/api/v1/subjects/matches", operationID: "matchSubject",
                summary:
                    "Do we hold this person? Send a subject as you would create it: the subjects you may see that are likely the same person, with the reasons",
                tag: "Subjects", requestBody: "SubjectInput", response: "SubjectMatchList")
        ) { request, context in
            let details = try await RequestReading.json(SubjectInput.self, from: request, context: context).details
            if details.names.isEmpty && details.identifiers.isEmpty {
                throw LiaisonError.invalid("names", "give at least one name or identifier")
            }
            let found = try await matching.likelyMatches(details, by: try context.user(), request: context.request)
            return try jsonResponse(["items": found])
        }
        api.add(
            APIOperation(
                method: .get, path: "/api/v1/subjects", operationID: "listSubjects",
                summary: "List subjects in name order, or search names, aliases (any script) and identifiers",
                tag: "Subjects",
                query: [
                    .init(name: "q", description: "Words that must each start a name, alias or identifier"),
                    .init(
                        name: "limit", description: "Items per page (1–200, default 50)",
                        schema: ["type": "integer", "minimum": 1, "maximum": 200]),
                    .init(name: "cursor", description: "nextCursor from the previous page"),
                ], response: "SubjectPage")
        ) { request, context in
            let page = try await subjects.search(
                try RequestReading.text("q", request), page: try RequestReading.page(request), by: try context.user(),
                request: context.request)
            return try jsonResponse(PageBody(items: page.items, nextCursor: page.nextCursor))
        }
        RecordRoutes(service: subjects, path: "/api/v1/subjects", schema: "Subject", tag: "Subjects").register(&api)
        api.add(
            APIOperation(
                method: .get, path: "/api/v1/subjects/{id}/ocgs", operationID: "listSubjectGroups",
                summary: "The organised crime groups a subject belongs to", tag: "Subjects", response: "OCGList",
                access: .readRecord("subject"))
        ) { _, context in
            let user = try context.user()
            let subject = try await subjects.get(try RequestReading.id(context), by: user, request: context.request)
            return try jsonResponse([
                "items": try await groups.groups(of: subject.id, by: user, request: context.request)
            ])
        }
        api.add(
            APIOperation(
                method: .get, path: "/api/v1/subjects/{id}/same-as", operationID: "listSubjectSameAs",
                summary: "Subjects reviewers decided are the same person as this one (each pair with its history)",
                tag: "Subjects", response: "MatchReviewList", access: .readRecord("subject"))
        ) { _, context in
            let user = try context.user()
            let subject = try await subjects.get(try RequestReading.id(context), by: user, request: context.request)
            return try jsonResponse(["items": try await reviews.sameAs(subject.id, by: user, request: context.request)])
        }
        api.add(
            APIOperation(
                method: .post, path: "/api/v1/subjects/{id}/interests", operationID: "registerSubjectInterest",
                summary:
                    "Register an agency's interest in a person: it applies to each of their cases, open now or opened later",
                tag: "Obligations", requestBody: "InterestInput", response: "SubjectInterest", status: 201,
                access: .subjectInterest)
        ) { request, context in
            let user = try context.user()
            let id: SubjectID = try RequestReading.id(context)
            try await cases.checkSubjectInterest(id, by: user)
            let input = try await RequestReading.json(InterestInput.self, from: request, context: context)
            let interest = try await cases.registerSubjectInterest(id, input, by: user, request: context.request)
            return try createdResponse(interest, at: "/api/v1/subjects/\(id)/interests")
        }
        api.add(
            APIOperation(
                method: .get, path: "/api/v1/subjects/{id}/interests", operationID: "subjectInterests",
                summary: "Agencies' interest in a person", tag: "Obligations", response: "SubjectInterestList",
                access: .readRecord("subject"))
        ) { _, context in
            let id: SubjectID = try RequestReading.id(context)
            return try jsonResponse([
                "items": try await cases.subjectInterests(id, by: try context.user(), request: context.request)
            ])
        }
    }
}
