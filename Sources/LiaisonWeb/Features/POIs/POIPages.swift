import Foundation
import Hummingbird
import LiaisonCore

/// Persons of Interest for analysts and officers: the list (with overdue reviews), one PoI with its assessments,
/// adoption from a subject's page; and the assessment panel shared with the group page.
struct POIPages {
    let pages: PageRenderer
    let pois: POIService
    let groups: OCGService
    let scoring: ScoringService
    let interventions: InterventionPages
    let directory: DirectoryService

    func register(_ routes: inout RouteTable) {
        let this = self
        routes.page(.get, "/pois", access: .signedIn) { request, context in
            let user = try context.user()
            let overdue = try RequestReading.flag(request, "overdue")
            let found = try await this.pois.list(overdue: overdue, by: user, request: context.request)
            let now = this.directory.now()
            let people = try await this.directory.people()
            return this.pages.page(
                "pois", title: overdue ? "Persons of Interest: reviews overdue" : "Persons of Interest",
                context: view([
                    "overdue": overdue, "hasItems": !found.isEmpty,
                    "items": found.map { p in
                        view([
                            "id": p.id.rawValue, "subject": p.subjectName ?? "", "tier": p.tier ?? "not yet assessed",
                            "score": p.score.map(String.init), "owner": people.name(p.owner),
                            "review": displayTime(p.reviewDue),
                            "late": p.reviewDue < now,
                            "lifetime": p.lifetimeManagement,
                        ])
                    },
                ]), identity: context.identity, section: "/pois")
        }
        routes.page(.get, "/scoring", access: .signedIn) { request, context in
            try await this.scoringPage(
                context, notice: request.uri.queryParameters["saved"] != nil ? "Published." : nil)
        }
        routes.page(.post, "/scoring/{kind}", access: .roles(ScoringService.editorRoles)) { request, context in
            let form = try await FormData.read(request)
            let user = try context.user()
            guard user.active, !Set(user.roles).isDisjoint(with: ScoringService.editorRoles) else {
                throw LiaisonError.forbidden(reason: "only supervisors and administrators may publish a scoring matrix")
            }
            guard let kind = context.parameters.get("kind") else {
                throw LiaisonError.invalid("kind", "must be ocg or poi")
            }
            do {
                guard var matrix = try? JSONCoding.decoder.decode(ScoringMatrix.self, from: Data(form["matrix"].utf8))
                else {
                    throw LiaisonError.invalid(
                        "matrix", "is not a scoring matrix in JSON (see the current one for its shape)")
                }
                matrix.kind = kind
                _ = try await this.scoring.publish(matrix, by: user, request: context.request)
            } catch let error as LiaisonError {
                guard let problem = FormProblem(error) else { throw error }
                return try await this.scoringPage(context, problem: problem, status: .unprocessableContent)
            }
            return Response.redirect(to: "/scoring?saved=1")
        }
        routes.page(.get, "/assessments/due", access: .signedIn) { _, context in
            let due = try await this.groups.reassessmentsDue(by: try context.user(), request: context.request)
            return this.pages.page(
                "reassessments", title: "Groups due for reassessment",
                context: view([
                    "items": due.map { ocg, a in
                        view([
                            "id": ocg.id.rawValue, "name": ocg.details.name, "band": a.band.uppercased(),
                            "score": String(a.score),
                            "assessed": displayTime(a.at), "due": displayTime(a.nextReviewDue),
                        ])
                    },
                    "hasItems": !due.isEmpty,
                ]), identity: context.identity, section: "/ocgs")
        }
        routes.page(.post, "/pois", access: .createRecord("poi")) { request, context in
            let form = try await FormData.read(request)
            let user = try context.user()
            try AccessPolicy.enforceCreate(user)
            guard let subjectID = SubjectID(validating: form["subjectID"]) else {
                throw LiaisonError.invalid("subjectID", "is not a subject's identifier")
            }
            do {
                let poi = try await this.pois.adopt(
                    POIInput(
                        subjectID: subjectID, owner: form["owner"].isEmpty ? nil : form["owner"],
                        lifetimeManagement: form["lifetimeManagement"] == "1"), by: user, request: context.request)
                return Response.redirect(to: "/pois/\(poi.id)?saved=1")
            } catch let error as LiaisonError {
                guard
                    let problem = FormProblem(
                        error, labels: ["owner": "Managing officer"], anchors: ["owner": "poiOwner"])
                else { throw error }
                return Response.redirect(to: "/subjects/\(subjectID)?poiProblem=\(problem.query)")
            }
        }
        routes.page(.get, "/pois/{id}", access: .readRecord("poi")) { request, context in
            try await this.show(
                try RequestReading.id(context), context: context,
                notice: request.uri.queryParameters["saved"] != nil ? "Saved." : nil)
        }
        routes.page(.post, "/pois/{id}/assessments", access: .updateRecord("poi")) { request, context in
            let form = try await FormData.read(request)
            let user = try context.user()
            let id: POIID = try RequestReading.id(context)
            try await this.pois.checkChange(id, by: user)
            do {
                _ = try await this.pois.assess(
                    id, Self.assessment(form, matrix: try await this.scoring.current(POIService.kind)), by: user,
                    request: context.request)
            } catch let error as LiaisonError {
                guard let problem = FormProblem(error) else { throw error }
                return try await this.show(id, context: context, problem: problem, status: .unprocessableContent)
            }
            return Response.redirect(to: "/pois/\(id)?saved=1")
        }
        routes.page(.post, "/ocgs/{id}/assessments", access: .updateRecord("ocg")) { request, context in
            let form = try await FormData.read(request)
            let user = try context.user()
            let id: OCGID = try RequestReading.id(context)
            let current = try await this.groups.get(id, by: user, request: context.request)
            try AccessPolicy.enforce(user, .update, current.meta, kind: OCGService.kind, id: id.rawValue)
            do {
                _ = try await this.groups.assess(
                    id, Self.assessment(form, matrix: try await this.scoring.current(OCGService.kind)), by: user,
                    request: context.request)
            } catch let error as LiaisonError {
                guard let problem = FormProblem(error) else { throw error }
                return Response.redirect(
                    to: "/ocgs/\(id)?problem="
                        + problem.query)
            }
            return Response.redirect(to: "/ocgs/\(id)?assessed=1")
        }
    }

    /// An assessment from a form: one `rating.FACTOR` field per factor, the rationale, and the version seen.
    static func assessment(_ form: FormData, matrix: ScoringMatrix) -> AssessmentInput {
        var ratings: [String: Int] = [:]
        for factor in matrix.factors {
            if let level = Int(form["rating.\(factor.code)"]) { ratings[factor.code] = level }
        }
        return AssessmentInput(version: Int(form["version"]), ratings: ratings, rationale: form["rationale"])
    }

    /// The assessment panel's view: the score's history, and a form with a choice of level per factor.
    static func assessmentView(
        _ history: [Assessment], matrix: ScoringMatrix, canAssess: Bool, action: String, version: Int, csrf: String,
        people: People
    ) -> [String: Any] {
        view([
            "history": history.map { a in
                view([
                    "at": displayTime(a.at), "by": people.name(a.by), "score": String(a.score), "band": a.band,
                    "rationale": a.rationale,
                    "next": displayTime(a.nextReviewDue),
                    "ratings": matrix.factors.map { "\($0.label): \(a.ratings[$0.code] ?? 0)" }.joined(separator: "; "),
                ])
            },
            "hasHistory": !history.isEmpty, "canAssess": canAssess, "assessAction": action,
            "assessVersion": String(version), "csrf": csrf,
            "matrixVersion": String(matrix.version),
            "factors": matrix.factors.map { f in
                view([
                    "code": f.code, "label": f.label, "weight": String(f.weight),
                    "options": f.levels.enumerated().map {
                        ["value": String($0.offset), "label": "\($0.offset): \($0.element)"]
                    },
                ])
            },
        ])
    }

    func scoringPage(
        _ context: LiaisonRequestContext, notice: String? = nil, problem: FormProblem? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let user = try context.user()
        let canPublish = user.active && !Set(user.roles).isDisjoint(with: ScoringService.editorRoles)
        var matrices: [[String: Any]] = []
        for (kind, title) in [("ocg", "Organised crime groups: threat"), ("poi", "Persons of Interest: risk")] {
            let current = try await scoring.current(kind)
            var next = current
            next.version = try await scoring.versions(kind).first!.version + 1
            let encoder = JSONCoding.encoder
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            matrices.append(
                view([
                    "kind": kind, "title": title, "version": String(current.version),
                    "effectiveFrom": displayDay(current.effectiveFrom),
                    "factors": current.factors.map {
                        view([
                            "label": $0.label, "weight": String($0.weight),
                            "levels": $0.levels.enumerated().map { "\($0.offset): \($0.element)" }.joined(
                                separator: "; "),
                        ])
                    },
                    "bands": current.bands.map {
                        view([
                            "code": $0.code.uppercased(), "minimum": String($0.minimum),
                            "review": String($0.reviewEveryDays),
                        ])
                    },
                    "versions": try await scoring.versions(kind).map(\.version).map(String.init).joined(
                        separator: ", "),
                    "draft": String(decoding: try encoder.encode(next), as: UTF8.self),
                ]))
        }
        return pages.page(
            "scoring", title: "Scoring matrices",
            context: view([
                "matrices": matrices, "canPublish": canPublish, "csrf": context.identity?.csrfToken ?? "",
                "notice": notice, "problem": problem,
            ]), identity: context.identity, section: "/pois", status: status)
    }

    func show(
        _ id: POIID, context: LiaisonRequestContext, notice: String? = nil, problem: FormProblem? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let user = try context.user()
        let poi = try await pois.get(id, by: user, request: context.request)
        let history = try await pois.assessments(id, by: user, request: context.request)
        var page = view([
            "id": poi.id.rawValue, "subjectID": poi.subjectID.rawValue, "subject": poi.subjectName ?? "",
            "owner": try await directory.user(username: poi.owner)?.displayName ?? poi.owner,
            "tier": poi.tier ?? "Not yet assessed", "score": poi.score.map(String.init),
            "review": displayTime(poi.reviewDue),
            "late": poi.reviewDue < directory.now(), "lifetime": poi.lifetimeManagement,
            "agency": try await directory.agency(poi.meta.owningAgencyID)?.name,
            "version": String(poi.meta.version), "notice": notice, "problem": problem,
        ])
        page.merge(
            Self.assessmentView(
                history, matrix: try await scoring.current(POIService.kind),
                canAssess: AccessPolicy.decide(user, .update, poi.meta, kind: POIService.kind).allowed,
                action: "/pois/\(poi.id)/assessments", version: poi.meta.version,
                csrf: context.identity?.csrfToken ?? "", people: try await directory.people())
        ) { $1 }
        page["interventionPanel"] =
            try await interventions.panel(
                InterventionTarget(kind: "poi", id: poi.id.rawValue), context: context, problem: nil
            ).view
        page.merge(markingView(poi.meta.marking)) { $1 }
        return pages.page(
            "poi", title: "Person of Interest: \(poi.subjectName ?? "")", context: page, identity: context.identity,
            section: "/pois", status: status)
    }
}
