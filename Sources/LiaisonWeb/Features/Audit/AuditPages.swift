import Foundation
import Hummingbird
import LiaisonCore

/// The auditor's page: search the log, page through it, download what matches as CSV.
struct AuditPages {
    let pages: PageRenderer
    let audit: AuditService

    func register(_ routes: inout RouteTable) {
        let this = self
        routes.page(.get, "/access", access: .roles(AccessAPI.explainers)) { request, context in
            let user = try context.user()
            guard !Set(user.roles).isDisjoint(with: AccessAPI.explainers) else {
                throw LiaisonError.forbidden(
                    reason: "only administrators and auditors may ask the policy about other users")
            }
            let asked = request.uri.queryParameters["user"] != nil || request.uri.queryParameters["record"] != nil
            var errors = FormErrors()
            var answer: AuditService.Explanation?
            if asked {
                do {
                    answer = try await AccessAPI.explain(request, context: context, audit: this.audit)
                } catch LiaisonError.invalid(let problems) {
                    errors.add(problems) { field in
                        (field, field == "user" ? "Username" : field == "record" ? "Record ID" : "Action")
                    }
                }
            }
            let page = AccessPage(
                errors: errors.list,
                fields: [
                    fieldView(
                        "user", "Username", value: request.uri.queryParameters["user"].map(String.init),
                        error: errors["user"]),
                    fieldView(
                        "record", "Record ID", value: request.uri.queryParameters["record"].map(String.init),
                        hint: "The ID of a subject or organised crime group, from its page address",
                        error: errors["record"]),
                ], answer: answer.map(AccessPage.Answer.init))
            return this.pages.page(
                page, title: "Why can't they see this?", identity: context.identity, section: "/audit",
                status: errors.isEmpty ? .ok : .unprocessableContent)
        }
        routes.page(.get, "/audit", access: .roles(AuditAPI.readers)) { request, context in
            // The filters as the form sends them: dates in day, month and year boxes, read as one date each.
            let asked = FormData(request.uri.query ?? "")
            let user = try context.user()
            var errors = FormErrors()
            var entries: [AuditEntry] = []
            var limit = 0
            do {
                let (_, query) = try AuditAPI.query(user: user) { asked[$0].isEmpty ? nil : asked[$0] }
                entries = try await this.audit.search(
                    query, by: user, request: context.request, detail: AuditAPI.describe(query))
                limit = query.limit
            } catch LiaisonError.invalid(let problems) {
                errors.add(problems) { field in
                    (
                        field,
                        ["actor": "User", "object": "Record", "action": "Action"][field] ?? FormProblem.words(field)
                    )
                }
            }
            let filters = ["actor", "object", "action", "outcome", "from", "to"]
            let values = Dictionary(uniqueKeysWithValues: filters.map { ($0, asked[$0]) })
            let base = filters.compactMap { name in
                values[name].flatMap { $0.isEmpty ? nil : "\(name)=\(urlEncode($0))" }
            }.joined(separator: "&")
            // Who and what in words: people by name, records by title where the reader may read them; each record
            // links to the entries about it.
            let (people, titles) = try await this.audit.words(for: entries, by: user)
            func inWords(_ text: String?) -> String? {
                text.map { text in
                    AuditService.uuids(in: text).reduce(text) { text, id in
                        text.replacingOccurrences(of: id, with: titles[id].map { "“\($0)”" } ?? "a record")
                    }
                }
            }
            let items = entries.map { e in
                let kind =
                    Self.kindWords[e.objectKind ?? ""]
                    ?? (e.objectKind ?? "record").replacingOccurrences(
                        of: "-", with: " ")
                return AuditLogPage.Entry(
                    sequence: String(e.sequence), time: displayTime(e.time), actor: people.name(e.actorName),
                    action: e.action,
                    objects: e.objectIDs.prefix(3).map { id in
                        id == AuditService.withheld
                            ? .init(title: "a \(kind) withheld from you", href: nil)
                            : .init(title: titles[id] ?? "a \(kind)", href: "/audit?object=\(urlEncode(id))")
                    },
                    more: e.objectIDs.count > 3 ? "and \(e.objectIDs.count - 3) more" : nil,
                    purpose: inWords(e.purpose)?.nonEmpty, detail: inWords(e.detail) ?? "", outcome: e.outcome.rawValue,
                    outcomeClass: e.outcome == .allowed
                        ? "tag--green" : e.outcome == .denied ? "tag--red" : "tag--yellow")
            }
            let page = AuditLogPage(
                errors: errors.list,
                fields: [
                    fieldView("actor", "Username", value: values["actor"], error: errors["actor"]),
                    fieldView("object", "Record ID", value: values["object"]),
                    fieldView(
                        "action", "Action", value: values["action"], hint: "e.g. subject.read, or subject. for all"),
                ],
                dateFields: [
                    FormField.date("from", "From", value: DateAnswer(asked, "from"), error: errors["from"]),
                    FormField.date("to", "To", value: DateAnswer(asked, "to"), error: errors["to"]),
                ],
                outcomes: ["allowed", "denied", "failed"].map {
                    Option(code: $0, label: $0, selected: values["outcome"] == $0)
                },
                items: items,
                nextLink: entries.count == limit && limit > 0
                    ? entries.last.map { "/audit?\(base)\(base.isEmpty ? "" : "&")before=\($0.sequence)" } : nil,
                exportLink: "/api/v1/audit/export?\(base)\(base.isEmpty ? "" : "&")limit=1000")
            return this.pages.page(
                page, title: "Audit log", identity: context.identity, section: "/audit",
                status: errors.isEmpty ? .ok : .unprocessableContent)
        }
    }

    /// Record kinds in words, where the code is not already a word.
    static let kindWords = [
        "ocg": "group", "poi": "Person of Interest", "intel": "intelligence report", "gain": "GAIN request",
        "match": "pair of records", "case": "case",
    ]
}

/// "Why can't they see this?": the access policy's answer about a user and a record.
struct AccessPage: PageModel {
    var template: String { "access" }
    let errors: [FormError]
    let hasErrors: Bool
    let fields: [FormField]
    let answer: Answer?

    /// The policy's verdict and its reasons, never the record's content.
    struct Answer {
        let allowed: Bool
        let verdict: String
        let user: String
        let action: String
        let kind: String
        let reasons: [String]
        let withheld: [WithheldField]
        let hasWithheld: Bool
    }

    init(errors: [FormError], fields: [FormField], answer: Answer?) {
        self.errors = errors
        hasErrors = !errors.isEmpty
        self.fields = fields
        self.answer = answer
    }
}

/// The audit log: filters, a page of entries newest first, the link to older ones and to the CSV.
struct AuditLogPage: PageModel {
    var template: String { "audit" }
    let errors: [FormError]
    let hasErrors: Bool
    let fields: [FormField]
    let dateFields: [FormField]
    let outcomes: [Option]
    let items: [Entry]
    let hasItems: Bool
    let nextLink: String?
    let exportLink: String

    /// One entry, its people and records in words.
    struct Entry {
        let sequence: String
        let time: String
        let actor: String
        let action: String
        let objects: [Object]
        let more: String?
        let purpose: String?
        let detail: String
        let outcome: String
        let outcomeClass: String
    }

    /// A record an entry is about: its title and a link to the entries about it, or words saying it is withheld.
    struct Object {
        let title: String
        let href: String?
    }

    init(
        errors: [FormError], fields: [FormField], dateFields: [FormField], outcomes: [Option], items: [Entry],
        nextLink: String?, exportLink: String
    ) {
        self.errors = errors
        hasErrors = !errors.isEmpty
        self.fields = fields
        self.dateFields = dateFields
        self.outcomes = outcomes
        self.items = items
        hasItems = !items.isEmpty
        self.nextLink = nextLink
        self.exportLink = exportLink
    }
}

extension AccessPage.Answer {
    init(_ answer: AuditService.Explanation) {
        allowed = answer.allowed
        verdict = answer.allowed ? "Allowed" : "Not allowed"
        user = answer.user
        action = answer.action
        kind = answer.kind
        reasons = answer.reasons
        withheld = answer.withheld
        hasWithheld = !answer.withheld.isEmpty
    }
}
