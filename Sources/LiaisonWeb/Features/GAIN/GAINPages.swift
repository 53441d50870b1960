import Foundation
import Hummingbird
import LiaisonCore

/// GAIN in the pages: ask partner agencies about a person, a vehicle or a company, see each agency's hit or no hit and what they
/// share; and, for the hits on your agency's records, who asked and why, with a form to share.
struct GAINPages {
    let pages: PageRenderer
    let gain: GAINService
    let directory: DirectoryService

    func register(_ routes: inout RouteTable) {
        let this = self
        routes.page(.get, "/gain", access: .signedIn) { request, context in
            try await this.show(context: context, notice: request.uri.queryParameters["saved"] != nil ? "Saved." : nil)
        }
        routes.page(.post, "/gain", access: .roles(GAINService.coordinatorRoles)) { request, context in
            let form = try await FormData.read(request)
            let user = try context.user()
            try GAINAPI.refuseUnlessCoordinator(user)
            let names =
                form["given"].isEmpty && form["family"].isEmpty
                ? [] : [PersonName(given: form["given"], family: form["family"])]
            let person =
                names.isEmpty && form["dob"].isEmpty
                ? nil : SubjectDetails(names: names, datesOfBirth: form["dob"].isEmpty ? [] : [form["dob"]])
            let input = GAINRequestInput(
                purpose: form["purpose"], person: person, vehicle: form["vehicle"].isEmpty ? nil : form["vehicle"],
                company: form["company"].isEmpty ? nil : form["company"],
                agencies: form.codes("agencies").filter { !$0.isEmpty })
            do {
                _ = try await this.gain.ask(input, by: user, request: context.request)
            } catch let error as LiaisonError {
                guard let problem = FormProblem(error, labels: ["person": "The person"], anchors: ["person": "given"])
                else { throw error }
                return try await this.show(context: context, problem: problem, status: .unprocessableContent)
            }
            return Response.redirect(to: "/gain?saved=1")
        }
        routes.page(.post, "/gain/share", access: .roles(GAINService.coordinatorRoles)) { request, context in
            let form = try await FormData.read(request)
            let user = try context.user()
            try GAINAPI.refuseUnlessCoordinator(user)
            do {
                _ = try await this.gain.share(
                    GAINShareInput(requestID: form["requestID"], message: form["message"]), by: user,
                    request: context.request)
            } catch let error as LiaisonError {
                guard let problem = FormProblem(error) else { throw error }
                return try await this.show(context: context, problem: problem, status: .unprocessableContent)
            }
            return Response.redirect(to: "/gain?saved=1")
        }
    }

    func show(
        context: LiaisonRequestContext, notice: String? = nil, problem: FormProblem? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let people = try await directory.people()
        let user = try context.user()
        let asked = try await gain.requests(by: user, request: context.request)
        let hits = try await gain.hits(by: user, request: context.request)
        var names: [String: String] = [:]
        for hit in hits { names.merge(try await gain.matchedNames(hit, by: user)) { $1 } }
        let page = GAINPage(
            canAsk: !Set(user.roles).isDisjoint(with: GAINService.coordinatorRoles),
            csrf: context.identity?.csrfToken ?? "", notice: notice, problem: problem,
            agencyChoices: agencyChoices(try await directory.partnerAgencies()),
            asked: asked.map { r in
                let partners = r.answers.filter { $0.result == "hit" }.map(\.agencyCode).joined(separator: ",")
                return GAINPage.Asked(
                    about: r.about, purpose: r.purpose, at: displayTime(r.askedAt), by: people.name(r.requester),
                    answers: r.answers.map {
                        .init(
                            agency: $0.agencyCode, hit: $0.result == "hit", result: $0.result,
                            shared: $0.shared?.nonEmpty)
                    },
                    operationHref: partners.isEmpty ? nil : "/operations?partners=\(partners)")
            },
            hits: hits.map { h in
                GAINPage.Hit(
                    id: h.requestID.rawValue, agency: h.requesterAgencyCode, by: people.name(h.requester),
                    about: h.about,
                    purpose: h.purpose, at: displayTime(h.askedAt),
                    matched: h.matched.map { .init(id: $0.rawValue, name: names[$0.rawValue] ?? "a person you hold") },
                    reports: h.reports.enumerated().map { .init(id: $1.rawValue, n: String($0 + 1)) },
                    shared: h.shared?.nonEmpty)
            })
        return pages.page(
            page, title: "GAIN hit/no-hit", identity: context.identity, section: "/intelligence", status: status)
    }
}

/// GAIN: the form to ask partner agencies, the agency's requests with each answer, and the hits on its records.
struct GAINPage: PageModel {
    var template: String { "gain" }
    let canAsk: Bool
    let csrf: String
    let notice: String?
    let problem: FormProblem?
    let agencyChoices: [Option]
    let asked: [Asked]
    let hasAsked: Bool
    let hits: [Hit]
    let hasHits: Bool

    /// A request the agency made, and each agency's answer.
    struct Asked {
        let about: String
        let purpose: String
        let at: String
        let by: String
        let answers: [Answer]
        let operationHref: String?
    }

    /// One agency's hit or no hit, and what it shared.
    struct Answer {
        let agency: String
        let hit: Bool
        let result: String
        let shared: String?
    }

    /// A request that hit the agency's records: who asked, why, and which records.
    struct Hit {
        let id: String
        let agency: String
        let by: String
        let about: String
        let purpose: String
        let at: String
        let matched: [Link]
        let reports: [Report]
        let shared: String?
    }

    struct Link {
        let id: String
        let name: String
    }

    struct Report {
        let id: String
        let n: String
    }

    init(
        canAsk: Bool, csrf: String, notice: String?, problem: FormProblem?, agencyChoices: [Option], asked: [Asked],
        hits: [Hit]
    ) {
        self.canAsk = canAsk
        self.csrf = csrf
        self.notice = notice
        self.problem = problem
        self.agencyChoices = agencyChoices
        self.asked = asked
        hasAsked = !asked.isEmpty
        self.hits = hits
        hasHits = !hits.isEmpty
    }
}
