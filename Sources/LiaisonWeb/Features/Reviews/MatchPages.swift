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
        let page = MatchListPage(
            notice: notice, csrf: context.identity?.csrfToken ?? "",
            statuses: MatchReview.Status.allCases.map {
                .init(code: $0.rawValue, label: $0.label, current: $0 == status)
            },
            statusLabel: status.label,
            items: items.map { item in
                .init(
                    id: item.review.id, left: item.left.displayName, right: item.right.displayName,
                    percent: String(format: "%.0f", item.review.probability * 100), summary: Self.summary(item.review))
            })
        return pages.page(page, title: "Possible duplicates", identity: context.identity, section: "/matches")
    }

    /// The reasons that count, in words, strongest first.
    static func summary(_ review: MatchReview) -> String { MatchWords.summary(review.explanation) }

    /// Each field's comparison in words, with how much it counts.
    static func parts(_ explanation: MatchExplanation) -> [MatchPart] {
        explanation.parts.map {
            MatchPart(
                comparison: MatchWords.describe(field: $0.field, level: $0.level),
                counts: MatchWords.strength($0.weight))
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
        let page = MatchPage(
            errors: errors.list, id: review.id, notice: notice,
            percent: String(format: "%.0f", review.probability * 100), statusLabel: review.status.label,
            decided: review.status != .pending, leftID: item.left.id.rawValue, rightID: item.right.id.rawValue,
            leftName: item.left.displayName, rightName: item.right.displayName,
            leftMarking: item.left.meta.marking.label, rightMarking: item.right.meta.marking.label,
            // Two withheld fields are not the same value: only what both sides show is marked the same.
            rows: labels.indices.map { i in
                .init(
                    label: labels[i], left: left[i].isEmpty ? "—" : left[i], right: right[i].isEmpty ? "—" : right[i],
                    same: !left[i].isEmpty && left[i] == right[i] && !left[i].hasPrefix("Withheld"))
            },
            parts: Self.parts(review.explanation), notes: review.explanation.notes,
            history: review.decisions.reversed().map { d in
                .init(
                    status: d.status == .pending ? "Decision undone" : d.status.label,
                    by: d.automatic ? "Liaison (automatic)" : people.name(d.by), at: displayTime(d.at),
                    note: d.note?.nonEmpty)
            },
            canDecide: canDecide, csrf: context.identity?.csrfToken ?? "",
            choices: [MatchReview.Status.same, .notSame, .unsure].map {
                Tick(code: $0.rawValue, label: $0.label, checked: $0 == review.status)
            },
            decisionError: errors["decision"], noteError: errors["note"], note: note ?? "")
        return pages.page(
            page, title: "\(item.left.displayName) and \(item.right.displayName)", identity: context.identity,
            section: "/matches", status: status)
    }
}

/// One comparison the engine made between two records, in words, and how much it counts.
struct MatchPart {
    let comparison: String
    let counts: String
}

/// The pairs of subjects to review in one status, and a button to look for more.
struct MatchListPage: PageModel {
    var template: String { "matches" }
    let notice: String?
    let csrf: String
    let statuses: [Status]
    let statusLabel: String
    let items: [Item]
    let hasItems: Bool

    /// A tab: one status of review.
    struct Status {
        let code: String
        let label: String
        let current: Bool
    }

    struct Item {
        let id: String
        let left: String
        let right: String
        let percent: String
        let summary: String
    }

    init(notice: String?, csrf: String, statuses: [Status], statusLabel: String, items: [Item]) {
        self.notice = notice
        self.csrf = csrf
        self.statuses = statuses
        self.statusLabel = statusLabel
        self.items = items
        hasItems = !items.isEmpty
    }
}

/// A pair of subjects side by side, why the engine paired them, the decision form and the decisions so far.
struct MatchPage: PageModel {
    var template: String { "match" }
    let errors: [FormError]
    let hasErrors: Bool
    let id: String
    let notice: String?
    let percent: String
    let statusLabel: String
    let decided: Bool
    let leftID: String
    let rightID: String
    let leftName: String
    let rightName: String
    let leftMarking: String
    let rightMarking: String
    let rows: [Row]
    let parts: [MatchPart]
    let notes: [String]
    let history: [Decision]
    let hasHistory: Bool
    let canDecide: Bool
    let csrf: String
    let choices: [Tick]
    let decisionError: String?
    let noteError: String?
    let note: String

    /// A field of the two records side by side.
    struct Row {
        let label: String
        let left: String
        let right: String
        let same: Bool
    }

    struct Decision {
        let status: String
        let by: String
        let at: String
        let note: String?
    }

    init(
        errors: [FormError], id: String, notice: String?, percent: String, statusLabel: String, decided: Bool,
        leftID: String, rightID: String, leftName: String, rightName: String, leftMarking: String,
        rightMarking: String, rows: [Row], parts: [MatchPart], notes: [String], history: [Decision], canDecide: Bool,
        csrf: String, choices: [Tick], decisionError: String?, noteError: String?, note: String
    ) {
        self.errors = errors
        hasErrors = !errors.isEmpty
        self.id = id
        self.notice = notice
        self.percent = percent
        self.statusLabel = statusLabel
        self.decided = decided
        self.leftID = leftID
        self.rightID = rightID
        self.leftName = leftName
        self.rightName = rightName
        self.leftMarking = leftMarking
        self.rightMarking = rightMarking
        self.rows = rows
        self.parts = parts
        self.notes = notes
        self.history = history
        hasHistory = !history.isEmpty
        self.canDecide = canDecide
        self.csrf = csrf
        self.choices = choices
        self.decisionError = decisionError
        self.noteError = noteError
        self.note = note
    }
}
