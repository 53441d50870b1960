import Foundation
import Hummingbird
import LiaisonCore

/// Persons of Interest for analysts and officers: the list (with overdue reviews), one PoI with its assessments,
/// adoption from a subject's page; the scoring matrices, the groups due a reassessment, and the assessment panel
/// and form reading shared with the group page.
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
            let page = POIListPage(
                overdue: overdue,
                items: found.map { p in
                    .init(
                        id: p.id.rawValue, subject: p.subjectName ?? "", tier: p.tier ?? "not yet assessed",
                        score: p.score.map(String.init), owner: people.name(p.owner), review: displayTime(p.reviewDue),
                        late: p.reviewDue < now, lifetime: p.lifetimeManagement)
                })
            return this.pages.page(
                page, title: overdue ? "Persons of Interest: reviews overdue" : "Persons of Interest",
                identity: context.identity, section: "/pois")
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
            let page = ReassessmentsPage(
                items: due.map { ocg, a in
                    .init(
                        id: ocg.id.rawValue, name: ocg.details.name, band: a.band.uppercased(), score: String(a.score),
                        assessed: displayTime(a.at), due: displayTime(a.nextReviewDue))
                })
            return this.pages.page(
                page, title: "Groups due for reassessment", identity: context.identity, section: "/ocgs")
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
                return Response.redirect(to: "/subjects/\(subjectID)?" + problem.query("poiProblem"))
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
    }

    /// An assessment from a form: one `rating.FACTOR` field per factor, the rationale, and the version seen.
    static func assessment(_ form: FormData, matrix: ScoringMatrix) -> AssessmentInput {
        var ratings: [String: Int] = [:]
        for factor in matrix.factors {
            if let level = Int(form["rating.\(factor.code)"]) { ratings[factor.code] = level }
        }
        return AssessmentInput(version: Int(form["version"]), ratings: ratings, rationale: form["rationale"])
    }

    /// The assessment panel: the score's history, and a form with a choice of level per factor.
    static func assessmentPanel(
        _ history: [Assessment], matrix: ScoringMatrix, canAssess: Bool, action: String, version: Int, csrf: String,
        people: People, late: Bool
    ) -> AssessmentPanel {
        AssessmentPanel(
            history: history.map { a in
                .init(
                    at: displayTime(a.at), by: people.name(a.by), score: String(a.score), band: a.band,
                    rationale: a.rationale, next: displayTime(a.nextReviewDue),
                    ratings: matrix.factors.map { "\($0.label): \(a.ratings[$0.code] ?? 0)" }.joined(separator: "; "))
            },
            canAssess: canAssess, assessAction: action, assessVersion: String(version), csrf: csrf,
            matrixVersion: String(matrix.version),
            factors: matrix.factors.map { f in
                .init(
                    code: f.code, label: f.label, weight: String(f.weight),
                    options: f.levels.enumerated().map {
                        .init(value: String($0.offset), label: "\($0.offset): \($0.element)")
                    })
            },
            late: late)
    }

    func scoringPage(
        _ context: LiaisonRequestContext, notice: String? = nil, problem: FormProblem? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let user = try context.user()
        let canPublish = user.active && !Set(user.roles).isDisjoint(with: ScoringService.editorRoles)
        var matrices: [ScoringPage.Matrix] = []
        for (kind, title) in [("ocg", "Organised crime groups: threat"), ("poi", "Persons of Interest: risk")] {
            let current = try await scoring.current(kind)
            let versions = try await scoring.versions(kind)
            var next = current
            next.version = (versions.first?.version ?? current.version) + 1
            let encoder = JSONCoding.encoder
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            matrices.append(
                .init(
                    kind: kind, title: title, version: String(current.version),
                    effectiveFrom: displayBirth(current.effectiveFrom),
                    factors: current.factors.map {
                        .init(
                            label: $0.label, weight: String($0.weight),
                            levels: $0.levels.enumerated().map { "\($0.offset): \($0.element)" }.joined(separator: "; ")
                        )
                    },
                    bands: current.bands.map {
                        .init(
                            code: $0.code.uppercased(), minimum: String($0.minimum), review: String($0.reviewEveryDays))
                    },
                    versions: versions.map(\.version).map(String.init).joined(separator: ", "),
                    draft: String(decoding: try encoder.encode(next), as: UTF8.self)))
        }
        return pages.page(
            ScoringPage(
                matrices: matrices, canPublish: canPublish, csrf: context.identity?.csrfToken ?? "", notice: notice,
                problem: problem),
            title: "Scoring matrices", identity: context.identity, section: "/pois", status: status)
    }

    func show(
        _ id: POIID, context: LiaisonRequestContext, notice: String? = nil, problem: FormProblem? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let user = try context.user()
        let poi = try await pois.get(id, by: user, request: context.request)
        let history = try await pois.assessments(id, by: user, request: context.request)
        let canAssess = AccessPolicy.decide(user, .update, poi.meta, kind: POIService.kind).allowed
        let now = directory.now()
        let page = POIPage(
            id: poi.id.rawValue, subjectID: poi.subjectID.rawValue, subject: poi.subjectName ?? "",
            owner: try await directory.user(username: poi.owner)?.displayName ?? poi.owner,
            tier: poi.tier ?? "Not yet assessed", score: poi.score.map(String.init), review: displayTime(poi.reviewDue),
            late: poi.reviewDue < now, lifetime: poi.lifetimeManagement,
            agency: try await directory.agency(poi.meta.owningAgencyID)?.name ?? "", version: String(poi.meta.version),
            notice: notice, problem: problem, canAssess: canAssess,
            assessment: Self.assessmentPanel(
                history, matrix: try await scoring.current(POIService.kind), canAssess: canAssess,
                action: "/pois/\(poi.id)/assessments", version: poi.meta.version,
                csrf: context.identity?.csrfToken ?? "", people: try await directory.people(),
                late: poi.reviewDue < now),
            interventionPanel: try await interventions.panel(
                InterventionTarget(kind: "poi", id: poi.id.rawValue), context: context, problem: nil
            ).view,
            marking: MarkingTag(poi.meta.marking))
        return pages.page(
            page, title: "Person of Interest: \(poi.subjectName ?? "")", identity: context.identity, section: "/pois",
            status: status)
    }
}

/// Persons of Interest the user may see, soonest review first, or only those whose review is overdue.
struct POIListPage: PageModel {
    var template: String { "pois" }
    let overdue: Bool
    let items: [Item]
    let hasItems: Bool

    struct Item {
        let id: String
        let subject: String
        let tier: String
        let score: String?
        let owner: String
        let review: String
        let late: Bool
        let lifetime: Bool
    }

    init(overdue: Bool, items: [Item]) {
        self.overdue = overdue
        self.items = items
        hasItems = !items.isEmpty
    }
}

/// Groups whose reassessment is overdue.
struct ReassessmentsPage: PageModel {
    var template: String { "reassessments" }
    let items: [Item]
    let hasItems: Bool

    struct Item {
        let id: String
        let name: String
        let band: String
        let score: String
        let assessed: String
        let due: String
    }

    init(items: [Item]) {
        self.items = items
        hasItems = !items.isEmpty
    }
}

/// The scoring matrices in force, their versions, and for supervisors a form to publish the next.
struct ScoringPage: PageModel {
    var template: String { "scoring" }
    let matrices: [Matrix]
    let canPublish: Bool
    let csrf: String
    let notice: String?
    let problem: FormProblem?

    struct Matrix {
        let kind: String
        let title: String
        let version: String
        let effectiveFrom: String
        let factors: [Factor]
        let bands: [Band]
        let versions: String
        /// The next version as JSON, to edit and publish.
        let draft: String
    }

    struct Factor {
        let label: String
        let weight: String
        let levels: String
    }

    struct Band {
        let code: String
        let minimum: String
        let review: String
    }
}

/// A group's or a Person of Interest's assessments, newest first, and the form for the next one.
struct AssessmentPanel {
    let history: [Entry]
    let hasHistory: Bool
    let canAssess: Bool
    let assessAction: String
    let assessVersion: String
    let csrf: String
    let matrixVersion: String
    let factors: [Factor]
    /// The review is overdue: the form starts open.
    let late: Bool

    struct Entry {
        let at: String
        let by: String
        let score: String
        let band: String
        let rationale: String
        let next: String
        let ratings: String
    }

    struct Factor {
        let code: String
        let label: String
        let weight: String
        let options: [Level]
    }

    struct Level {
        let value: String
        let label: String
    }

    init(
        history: [Entry], canAssess: Bool, assessAction: String, assessVersion: String, csrf: String,
        matrixVersion: String, factors: [Factor], late: Bool
    ) {
        self.history = history
        hasHistory = !history.isEmpty
        self.canAssess = canAssess
        self.assessAction = assessAction
        self.assessVersion = assessVersion
        self.csrf = csrf
        self.matrixVersion = matrixVersion
        self.factors = factors
        self.late = late
    }
}

/// One Person of Interest: tier, owner, review date, assessments and interventions.
struct POIPage: PageModel {
    var template: String { "poi" }
    let id: String
    let subjectID: String
    let subject: String
    let owner: String
    let tier: String
    let score: String?
    let review: String
    let late: Bool
    let lifetime: Bool
    let agency: String
    let version: String
    let notice: String?
    let problem: FormProblem?
    let canAssess: Bool
    let assessment: AssessmentPanel
    let interventionPanel: InterventionPanel
    let marking: MarkingTag
}
