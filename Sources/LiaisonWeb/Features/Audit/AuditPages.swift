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
            var page = errors.view
            page["fields"] = [
                fieldView(
                    "user", "Username", value: request.uri.queryParameters["user"].map(String.init),
                    error: errors["user"]),
                fieldView(
                    "record", "Record ID", value: request.uri.queryParameters["record"].map(String.init),
                    hint: "The ID of a subject or organised crime group, from its page address", error: errors["record"]
                ),
            ]
            if let answer {
                page["answer"] = view([
                    "allowed": answer.allowed, "verdict": answer.allowed ? "Allowed" : "Not allowed",
                    "user": answer.user, "action": answer.action, "kind": answer.kind,
                    "reasons": answer.reasons,
                    "withheld": answer.withheld.map { ["field": $0.field, "reason": $0.reason] },
                    "hasWithheld": !answer.withheld.isEmpty,
                ])
            }
            return this.pages.page(
                "access", title: "Why can't they see this?", context: page, identity: context.identity,
                section: "/audit", status: errors.isEmpty ? .ok : .unprocessableContent)
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
            let items = entries.map { e -> [String: Any] in
                let kind =
                    Self.kindWords[e.objectKind ?? ""]
                    ?? (e.objectKind ?? "record").replacingOccurrences(
                        of: "-", with: " ")
                return view([
                    "sequence": String(e.sequence), "time": displayTime(e.time), "actor": people.name(e.actorName),
                    "action": e.action,
                    "objects": e.objectIDs.prefix(3).map { id -> [String: Any] in
                        id == AuditService.withheld
                            ? ["title": "a \(kind) withheld from you"]
                            : ["title": titles[id] ?? "a \(kind)", "href": "/audit?object=\(urlEncode(id))"]
                    },
                    "more": e.objectIDs.count > 3 ? "and \(e.objectIDs.count - 3) more" : nil,
                    "purpose": inWords(e.purpose), "detail": inWords(e.detail), "outcome": e.outcome.rawValue,
                    "outcomeClass": e.outcome == .allowed
                        ? "tag--green" : e.outcome == .denied ? "tag--red" : "tag--yellow",
                ])
            }
            return this.pages.page(
                "audit", title: "Audit log",
                context: view([
                    "hasErrors": !errors.isEmpty, "errors": errors.list.map(\.view),
                    "fields": [
                        fieldView("actor", "Username", value: values["actor"], error: errors["actor"]),
                        fieldView("object", "Record ID", value: values["object"]),
                        fieldView(
                            "action", "Action", value: values["action"], hint: "e.g. subject.read, or subject. for all"),
                    ],
                    "dateFields": [
                        FormField.date("from", "From", value: DateAnswer(asked, "from"), error: errors["from"]),
                        FormField.date("to", "To", value: DateAnswer(asked, "to"), error: errors["to"]),
                    ],
                    "outcomes": ["allowed", "denied", "failed"].map { (code: String) -> [String: Any] in
                        ["code": code, "selected": values["outcome"] == code]
                    },
                    "items": items, "hasItems": !items.isEmpty,
                    "nextLink": entries.count == limit && limit > 0
                        ? entries.last.map { "/audit?\(base)\(base.isEmpty ? "" : "&")before=\($0.sequence)" } : nil,
                    "exportLink": "/api/v1/audit/export?\(base)\(base.isEmpty ? "" : "&")limit=1000",
                ]), identity: context.identity, section: "/audit", status: errors.isEmpty ? .ok : .unprocessableContent)
        }
    }

    /// Record kinds in words, where the code is not already a word.
    static let kindWords = [
        "ocg": "group", "poi": "Person of Interest", "intel": "intelligence report", "gain": "GAIN request",
        "match": "pair of records", "case": "case",
    ]
}
