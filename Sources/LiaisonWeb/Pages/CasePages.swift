import Foundation
import Hummingbird
import LiaisonCore

/// Deportation cases for caseworkers: the cases they may see, and one case with its history, barriers and removal
/// directions, moved on by forms that offer only the steps the rules allow next.
struct CasePages {
    let pages: PageRenderer
    let cases: CaseService
    let store: any LiaisonStore

    func register(_ routes: inout RouteTable) {
        let this = self
        routes.page(.get, "/cases", access: .signedIn) { _, context in
            let user = try context.user()
            let found = try await this.cases.list(by: user, request: context.request)
            let names = Dictionary(uniqueKeysWithValues: try await this.store.subjects(ids: found.map(\.subjectID)).map { ($0.id, $0.displayName) })
            return this.pages.page("cases", title: "Deportation cases", context: view([
                "items": found.map { c in
                    view(["id": c.id.rawValue, "reference": c.homeOfficeReference, "subject": names[c.subjectID] ?? "(a subject)",
                          "stage": c.progress.stage?.rawValue ?? "new", "owner": c.owner ?? "Unallocated (workflow team)",
                          "barriers": String(c.progress.openBarriers.count), "updated": displayTime(c.meta.updatedAt)])
                },
                "hasItems": !found.isEmpty,
            ]), identity: context.identity, section: "/cases")
        }
        routes.page(.get, "/cases/{id}", access: .readRecord("case")) { request, context in
            let c = try await this.cases.get(try RequestReading.id(context), by: try context.user(), request: context.request)
            return try await this.show(c, context: context, notice: request.uri.queryParameters["saved"] != nil ? "Recorded." : nil)
        }
        routes.page(.post, "/cases/{id}/steps", access: .updateRecord("case")) { request, context in
            let form = try await FormData.read(request)
            try form.checkCSRF(context.identity)
            let user = try context.user()
            let id: CaseID = try RequestReading.id(context)
            try await this.cases.checkChange(id, by: user)
            func text(_ name: String) -> String? { form[name].isEmpty ? nil : form[name] }
            var removal: RemovalDirections?
            if let day = text("removalDate") {
                let formatter = ISO8601DateFormatter()
                formatter.formatOptions = [.withFullDate]
                removal = RemovalDirections(date: formatter.date(from: day) ?? .distantPast, route: form["route"], destination: form["destination"])
            }
            let input = CaseStepInput(version: Int(form["version"]), milestone: text("milestone"), reason: text("reason"), removal: removal,
                                      override: text("override"), barrier: text("barrier"), barrierID: Int(form["barrierID"]), note: text("note"),
                                      allocateTo: text("allocateTo"))
            do {
                _ = try await this.cases.step(id, input, by: user, request: context.request)
            } catch let error as LiaisonError {
                let problem: String = switch error {
                case .invalid(let fields): fields.map { "\($0.field) \($0.reason)" }.joined(separator: "; ")
                case .conflict(_, let reason): reason
                case .staleVersion: "someone else moved the case on meanwhile: here it is as it stands now"
                default: throw error
                }
                let current = try await this.cases.get(id, by: user, request: context.request)
                return try await this.show(current, context: context, problem: problem, status: .unprocessableContent)
            }
            return Response.redirect(to: "/cases/\(id)?saved=1")
        }
    }

    func show(_ c: DeportationCase, context: LiaisonRequestContext, notice: String? = nil, problem: String? = nil,
              status: HTTPResponse.Status = .ok) async throws -> Response {
        let user = try context.user()
        let subject = try await store.subject(c.subjectID)
        let canChange = AccessPolicy.decide(user, .update, c.meta, kind: CaseService.kind).allowed
        var page = view([
            "id": c.id.rawValue, "reference": c.homeOfficeReference, "version": String(c.meta.version), "csrf": context.identity?.csrfToken ?? "",
            "subjectID": c.subjectID.rawValue, "subject": subject.map(\.displayName) ?? "(a subject)",
            "stage": c.progress.stage?.rawValue ?? "new", "owner": c.owner ?? "Unallocated (held by the workflow team)",
            "fileLocation": c.fileLocation, "onBail": c.progress.onBail, "notice": notice, "problem": problem, "canChange": canChange,
            "events": c.progress.events.reversed().map { e in
                view(["kind": e.kind, "at": displayTime(e.at), "by": e.by, "reason": e.reason,
                      "details": e.details.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "; ")])
            },
            "barriers": c.progress.barriers.map { b in
                view(["barrierID": String(b.id), "kind": b.kind.rawValue, "open": b.isOpen, "opened": displayTime(b.openedAt), "note": b.note,
                      "resolution": b.resolution])
            },
            "hasBarriers": !c.progress.barriers.isEmpty,
            "next": CaseRules.standard.allowed(after: c.progress.stage).map { ["code": $0.rawValue] },
            "barrierKinds": BarrierKind.allCases.map { ["code": $0.rawValue] },
        ])
        if let removal = c.progress.removal {
            page["removal"] = ["date": displayTime(removal.date), "route": removal.route, "destination": removal.destination]
        }
        page.merge(markingView(c.meta.marking)) { $1 }
        return pages.page("case", title: "Case \(c.homeOfficeReference)", context: page, identity: context.identity, section: "/cases", status: status)
    }
}
