import Foundation
import Hummingbird
import LiaisonCore
import LiaisonMatching

/// The review queue's pages: pairs likely to be one person, each side by side with the engine's reasons, and the
/// reviewer's decision (same, not the same, unsure) with its history and undo.
struct MatchPages {
    let pages: PageRenderer
    let reviews: MatchReviewService
    let directory: DirectoryService

    func register(_ routes: inout RouteTable) {
        let this = self
        routes.page(.get, "/matches", access: .signedIn) { request, context in try await this.list(request, context) }
        routes.page(.post, "/matches/find", access: .signedIn) { request, context in
            let found = try await this.reviews.findDuplicates(by: try context.user(), request: context.request)
            return Response.redirect(
                to: "/matches?checked=\(found.subjects)&queued=\(found.queued)&linked=\(found.linked)")
        }
        routes.page(.get, "/matches/{id}", access: .readPair) { request, context in
            let item = try await this.reviews.get(
                try MatchesAPI.id(context), by: try context.user(), request: context.request)
            return try await this.show(
                item, context: context, notice: request.uri.queryParameters["saved"] != nil ? "Decision recorded." : nil
            )
        }
        routes.page(.post, "/matches/{id}/decision", access: .decidePair) { request, context in
            let id = try MatchesAPI.id(context)
            let form = try await FormData.read(request)
            let user = try context.user()
            do {
                _ = try await this.reviews.decide(
                    id, form["decision"].isEmpty ? nil : form["decision"], note: form["note"], by: user,
                    request: context.request)
            } catch LiaisonError.invalid(let problems) {
                var errors = FormErrors()
                errors.add(problems) { field in field == "note" ? ("note", "Note") : ("decision", "Decision") }
                let item = try await this.reviews.get(id, by: user, request: context.request)
                return try await this.show(
                    item, context: context, errors: errors, note: form["note"], status: .unprocessableContent)
            }
            return Response.redirect(to: "/matches/\(id)?saved=1")
        }
        routes.page(.post, "/matches/{id}/undo", access: .decidePair) { request, context in
            let id = try MatchesAPI.id(context)
            do {
                _ = try await this.reviews.undo(id, by: try context.user(), request: context.request)
            } catch LiaisonError.conflict {
                // Someone undid it first: the page shows where it stands now.
            }
            return Response.redirect(to: "/matches/\(id)?saved=1")
        }
    }

    func list(_ request: Request, _ context: LiaisonRequestContext) async throws -> Response {
        let user = try context.user()
        let status =
            try MatchesAPI.status(
                try RequestReading.text("status", request, max: 10), field: "status", allowPending: true) ?? .pending
        let items = try await reviews.list(status: status, by: user, request: context.request)
        let q = request.uri.queryParameters
        let notice = q["checked"].map { checked in
            "Checked \(checked) subjects: \(q["queued"] ?? "0") new pairs to review, \(q["linked"] ?? "0") linked automatically."
        }
        return pages.page(
            "matches", title: "Possible duplicates",
            context: view([
                "notice": notice, "csrf": context.identity?.csrfToken ?? "",
                "statuses": MatchReview.Status.allCases.map { s in
                    ["code": s.rawValue, "label": s.label, "current": s == status]
                },
                "statusLabel": status.label,
                "items": items.map { item in
                    [
                        "id": item.review.id, "left": item.left.displayName, "right": item.right.displayName,
                        "percent": String(format: "%.0f", item.review.probability * 100),
                        "summary": Self.summary(item.review),
                    ]
                },
                "hasItems": !items.isEmpty,
            ]), identity: context.identity, section: "/matches")
    }

    /// The reasons that count, in words, strongest first.
    static func summary(_ review: MatchReview) -> String { MatchWords.summary(review.explanation.parts) }

    /// Each field's comparison in words, with how much it counts.
    static func parts(_ explanation: MatchExplanation) -> [[String: String]] {
        explanation.parts.map {
            [
                "comparison": MatchWords.describe(field: $0.field, level: $0.level),
                "counts": MatchWords.strength($0.weight),
            ]
        }
    }

    func show(
        _ item: MatchReviewItem, context: LiaisonRequestContext, notice: String? = nil,
        errors: FormErrors = FormErrors(),
        note: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let user = try context.user()
        let reference = try await directory.reference()
        let people = try await directory.people()
        let review = item.review
        func column(_ s: Subject) -> [String] {
            let d = s.details
            func withheld(_ field: String) -> String? {
                s.withheld.contains(field)
                    ? "Withheld: "
                        + (AccessPolicy.protectedFields["subject"]?.first { $0.field == field }?.reason ?? "") : nil
            }
            return [
                d.names.map(\.full).joined(separator: "; "), displayBirths(d.datesOfBirth),
                d.sex.map { reference.label($0, in: "sex") } ?? "", countries(d.nationalities, reference),
                d.identifiers.map { "\(reference.label($0.kind, in: "identifier-kind")) \($0.value)" }.joined(
                    separator: "; "),
                withheld("details.addresses") ?? d.addresses.map(\.display).joined(separator: "; "),
                withheld("details.phones") ?? d.phones.joined(separator: ", "),
            ]
        }
        let labels = [
            "Names and aliases", "Dates of birth", "Sex", "Nationalities", "Identifiers", "Addresses", "Phones",
        ]
        let left = column(item.left)
        let right = column(item.right)
        let canDecide = AccessPolicy.decideLink(user, [item.left.meta, item.right.meta], kind: SubjectService.kind)
            .allowed
        var page = errors.view
        page.merge(
            view([
                "id": review.id, "notice": notice, "percent": String(format: "%.0f", review.probability * 100),
                "statusLabel": review.status.label, "decided": review.status != .pending,
                "leftID": item.left.id.rawValue, "rightID": item.right.id.rawValue,
                "leftName": item.left.displayName, "rightName": item.right.displayName,
                "leftMarking": item.left.meta.marking.label, "rightMarking": item.right.meta.marking.label,
                // Two withheld fields are not the same value: only what both sides show is marked the same.
                "rows": labels.indices.map { i in
                    view([
                        "label": labels[i], "left": left[i].isEmpty ? "—" : left[i],
                        "right": right[i].isEmpty ? "—" : right[i],
                        "same": !left[i].isEmpty && left[i] == right[i] && !left[i].hasPrefix("Withheld"),
                    ])
                },
                "parts": Self.parts(review.explanation),
                "notes": review.explanation.notes,
                "history": review.decisions.reversed().map { d in
                    view([
                        "status": d.status == .pending ? "Decision undone" : d.status.label,
                        "by": d.automatic ? "Liaison (automatic)" : people.name(d.by),
                        "at": displayTime(d.at), "note": d.note,
                    ])
                },
                "hasHistory": !review.decisions.isEmpty,
                "canDecide": canDecide, "csrf": context.identity?.csrfToken ?? "",
                "choices": [MatchReview.Status.same, .notSame, .unsure].map { s in
                    ["code": s.rawValue, "label": s.label, "checked": s == review.status]
                },
                "decisionError": errors["decision"], "noteError": errors["note"], "note": note,
            ])
        ) { $1 }
        return pages.page(
            "match", title: "\(item.left.displayName) and \(item.right.displayName)", context: page,
            identity: context.identity, section: "/matches", status: status)
    }
}
