import Foundation
import Hummingbird
import LiaisonCore

/// Asset recovery in the pages: the panel on a subject's, group's or case's page, the form to record an order or
/// seizure, one record with its events, the form for the next event and each receipt's split, and the
/// incentivisation scheme with the administrators' form to publish a new version.
struct AssetPages {
    let pages: PageRenderer
    let assets: AssetService
    let directory: DirectoryService

    static func money(_ value: Double) -> String {
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.minimumFractionDigits = value == value.rounded() ? 0 : 2
        formatter.maximumFractionDigits = 2
        formatter.locale = Locale(identifier: "en_GB")
        return "£" + (formatter.string(from: NSNumber(value: value)) ?? String(value))
    }

    static func href(_ target: AssetTarget) -> String {
        switch target.kind {
        case "ocg": "/ocgs/\(target.id)"
        case "case": "/cases/\(target.id)"
        default: "/subjects/\(target.id)"
        }
    }

    /// The panel: the records the user may see against the target, and a link to record one.
    func panel(_ target: AssetTarget, context: LiaisonRequestContext) async throws -> AssetPanel {
        let user = try context.user()
        let found = try await assets.list(target: target, by: user, request: context.request)
        return AssetPanel(
            assets: found.map { o in
                .init(
                    id: o.id.rawValue, power: o.power.label, court: o.court, madeOn: displayBirth(o.madeOn),
                    amount: Self.money(o.amount), status: o.status,
                    collected: o.collected > 0 ? Self.money(o.collected) : "")
            }, assetTargetKind: target.kind, assetTargetID: target.id,
            canRecordAsset: AccessPolicy.decideCreate(user, marking: .official).allowed)
    }

    func register(_ routes: inout RouteTable) {
        let this = self
        routes.page(.get, "/assets/new", access: .createRecord("asset")) { request, context in
            try AccessPolicy.enforceCreate(try context.user())
            let q = request.uri.queryParameters
            return try await this.form(
                target: AssetTarget(
                    kind: q["targetKind"].map(String.init) ?? "subject", id: q["targetID"].map(String.init) ?? ""),
                context: context)
        }
        routes.page(.post, "/assets", access: .createRecord("asset")) { request, context in
            let form = try await FormData.read(request)
            let user = try context.user()
            try AccessPolicy.enforceCreate(user)
            func number(_ name: String) -> Double? {
                Double(form[name].replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "£", with: ""))
            }
            let target = AssetTarget(kind: form["targetKind"], id: form["targetID"])
            let terms =
                form["power"] == "confiscation"
                ? ConfiscationTerms(
                    benefit: number("benefit") ?? -1, available: number("available") ?? -1,
                    compensation: number("compensation") ?? 0,
                    timeToPay: form["timeToPay"], defaultSentenceMonths: Int(form["defaultSentenceMonths"]) ?? -1)
                : nil
            let parts = [("prosecution", form["prosecution"]), ("enforcement", form["enforcement"])].filter {
                !$0.1.isEmpty
            }
            .map { AgencyPartInput(agency: $0.1, role: $0.0) }
            let input = AssetOrderInput(
                target: target, power: form["power"], court: form["court"], reference: form["reference"],
                madeOn: form["madeOn"],
                amount: number("amount"), confiscation: terms, agencies: parts,
                marking: form["classification"].isEmpty
                    ? nil : Classification(rawValue: form["classification"]).map { ProtectiveMarking($0) })
            do {
                let made = try await this.assets.record(input, by: user, request: context.request)
                return Response.redirect(to: "/assets/\(made.id)?saved=1")
            } catch let error as LiaisonError {
                guard let problem = FormProblem(error, labels: Self.labels, anchors: Self.anchors) else { throw error }
                return try await this.form(
                    target: target, context: context, problem: problem, entered: form, status: .unprocessableContent)
            }
        }
        routes.page(.get, "/assets/{id}", access: .readRecord("asset")) { request, context in
            try await this.show(
                try RequestReading.id(context), context: context,
                notice: request.uri.queryParameters["saved"] != nil ? "Saved." : nil)
        }
        routes.page(.post, "/assets/{id}/events", access: .updateRecord("asset")) { request, context in
            let form = try await FormData.read(request)
            let user = try context.user()
            let id: AssetOrderID = try RequestReading.id(context)
            try await this.assets.checkChange(id, by: user)
            func text(_ name: String) -> String? { form[name].isEmpty ? nil : form[name] }
            let input = AssetEventInput(
                version: Int(form["version"]), kind: text("kind"), date: text("date"),
                amount: text("amount").flatMap { Double($0.replacingOccurrences(of: ",", with: "")) },
                until: text("until"), note: text("note"))
            do {
                _ = try await this.assets.step(id, input, by: user, request: context.request)
            } catch let error as LiaisonError {
                guard let problem = FormProblem(error) else { throw error }
                return try await this.show(id, context: context, problem: problem, status: .unprocessableContent)
            }
            return Response.redirect(to: "/assets/\(id)?saved=1")
        }
        routes.page(.get, "/asset-recovery/scheme", access: .signedIn) { request, context in
            try await this.scheme(
                context: context, notice: request.uri.queryParameters["saved"] != nil ? "Published." : nil)
        }
        routes.page(.post, "/asset-recovery/scheme", access: .roles(AssetService.schemeEditors)) { request, context in
            let form = try await FormData.read(request)
            let user = try context.user()
            if Set(user.roles).isDisjoint(with: AssetService.schemeEditors) {
                throw LiaisonError.forbidden(reason: "only administrators publish the incentivisation scheme")
            }
            let shares = Dictionary(uniqueKeysWithValues: IncentiveScheme.parts.map { ($0, Double(form[$0]) ?? -1) })
            do {
                _ = try await this.assets.publish(
                    IncentiveScheme(
                        version: Int(form["version"]) ?? 0, effectiveFrom: form["effectiveFrom"], shares: shares),
                    by: user, request: context.request)
            } catch let error as LiaisonError {
                guard let problem = FormProblem(error) else { throw error }
                return try await this.scheme(context: context, problem: problem, status: .unprocessableContent)
            }
            return Response.redirect(to: "/asset-recovery/scheme?saved=1")
        }
    }

    /// The order form's fields in words, by the service's field paths.
    static let labels = [
        "madeOn": "Made or seized on", "amount": "Amount", "confiscation": "The order's",
        "confiscation.compensation": "Compensation to victims", "confiscation.timeToPay": "Time to pay",
        "confiscation.defaultSentenceMonths": "Default sentence", "agencies": "The agencies",
        "reference": "Reference", "power": "Power",
    ]

    /// The inputs the order form's field paths are typed into.
    static let anchors = [
        "confiscation": "benefit", "confiscation.compensation": "compensation", "confiscation.timeToPay": "timeToPay",
        "confiscation.defaultSentenceMonths": "defaultSentenceMonths", "agencies": "prosecution", "target": "power",
    ]

    func form(
        target: AssetTarget, context: LiaisonRequestContext, problem: FormProblem? = nil, entered: FormData? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let fields = [
            "power", "court", "reference", "madeOn-day", "madeOn-month", "madeOn-year", "amount", "benefit",
            "available",
            "compensation", "timeToPay-day", "timeToPay-month", "timeToPay-year",
            "defaultSentenceMonths",
            "prosecution", "enforcement",
        ]
        var values: [String: String] = [:]
        for field in fields { values[field] = entered?[field] }
        let partners = try await directory.partnerAgencies()
        let page = AssetFormPage(
            targetKind: target.kind, targetID: target.id, back: Self.href(target),
            csrf: context.identity?.csrfToken ?? "", problem: problem, form: values,
            prosecutionChoices: agencyChoices(partners, selected: [values["prosecution"] ?? ""]),
            enforcementChoices: agencyChoices(partners, selected: [values["enforcement"] ?? ""]),
            powers: AssetPower.allCases.map {
                Option(code: $0.rawValue, label: $0.label, selected: values["power"] == $0.rawValue)
            })
        return pages.page(
            page, title: "Record an order or seizure", identity: context.identity, section: "/reports", status: status)
    }

    func show(
        _ id: AssetOrderID, context: LiaisonRequestContext, notice: String? = nil, problem: FormProblem? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let people = try await directory.people()
        let user = try context.user()
        let o = try await assets.get(id, by: user, request: context.request)
        let agencies = Dictionary(uniqueKeysWithValues: try await directory.agencies().map { ($0.id, $0.name) })
        let receipts = try await assets.shares(of: o)
        let page = AssetPage(
            id: o.id.rawValue, power: o.power.label, court: o.court, reference: o.reference,
            madeOn: displayBirth(o.madeOn), amountLabel: o.power.amountLabel, amount: Self.money(o.amount),
            status: o.status, collected: Self.money(o.collected), outstanding: o.outstanding.map(Self.money),
            detentionLimit: o.detentionLimit?.nonEmpty, targetHref: Self.href(o.target),
            targetLabel: o.target.kind == "ocg" ? "the group" : o.target.kind == "case" ? "the case" : "the subject",
            agencies: o.agencies.map { .init(agency: agencies[$0.agency] ?? $0.agency.rawValue, role: $0.role) },
            confiscation: o.confiscation.map { t in
                .init(
                    benefit: Self.money(t.benefit), available: Self.money(t.available),
                    compensation: Self.money(t.compensation), timeToPay: displayDay(t.timeToPay) ?? "",
                    defaultSentence: "\(t.defaultSentenceMonths) months")
            },
            events: o.events.map { e in
                .init(
                    kind: e.kind, date: displayBirth(e.date), amount: e.amount.map(Self.money) ?? "",
                    until: displayDay(e.until) ?? "", note: e.note, by: people.name(e.recordedBy))
            },
            receipts: receipts.map { r in
                .init(
                    date: displayBirth(r.event.date), amount: Self.money(r.event.amount ?? 0),
                    shares: r.shares.map { s in
                        .init(
                            part: s.part,
                            agency: s.agency.flatMap { agencies[$0] }
                                ?? (s.part == "victims" ? "Victims (compensation)" : "Home Office"),
                            amount: Self.money(s.amount))
                    })
            },
            nextEvents: (o.power.steps[o.status] ?? []).map { Option(code: $0, label: $0, selected: false) },
            canChange: AccessPolicy.decide(user, .update, o.meta, kind: AssetService.kind).allowed,
            version: String(o.meta.version), csrf: context.identity?.csrfToken ?? "", notice: notice,
            problem: problem, marking: MarkingTag(o.meta.marking))
        return pages.page(
            page, title: "\(o.power.label) \(o.reference)", identity: context.identity, section: "/reports",
            status: status)
    }

    func scheme(
        context: LiaisonRequestContext, notice: String? = nil, problem: FormProblem? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let user = try context.user()
        let schemes = try await assets.schemes()
        let current = IncentiveScheme.inForce(schemes, on: InterventionService.day(directory.now()))
        func shares(_ scheme: IncentiveScheme) -> [SchemePage.Share] {
            IncentiveScheme.parts.map { .init(part: $0, percent: PerformanceReport.number(scheme.shares[$0] ?? 0)) }
        }
        let page = SchemePage(
            versions: schemes.map { s in
                .init(
                    version: String(s.version), effectiveFrom: displayBirth(s.effectiveFrom), current: s == current,
                    shares: shares(s))
            },
            canPublish: !Set(user.roles).isDisjoint(with: AssetService.schemeEditors),
            next: String((schemes.map(\.version).max() ?? 1) + 1), parts: shares(current),
            csrf: context.identity?.csrfToken ?? "", notice: notice, problem: problem)
        return pages.page(
            page, title: "Asset recovery incentivisation scheme", identity: context.identity, section: "/reports",
            status: status)
    }
}

/// The asset recovery panel on a subject's, group's or case's page: its orders and seizures, and a link to record one.
struct AssetPanel {
    let assets: [Row]
    let hasAssets: Bool
    let assetTargetKind: String
    let assetTargetID: String
    let canRecordAsset: Bool

    struct Row {
        let id: String
        let power: String
        let court: String
        let madeOn: String
        let amount: String
        let status: String
        let collected: String
    }

    init(assets: [Row], assetTargetKind: String, assetTargetID: String, canRecordAsset: Bool) {
        self.assets = assets
        hasAssets = !assets.isEmpty
        self.assetTargetKind = assetTargetKind
        self.assetTargetID = assetTargetID
        self.canRecordAsset = canRecordAsset
    }
}

/// The form to record an order or seizure against a subject, group or case.
struct AssetFormPage: PageModel {
    var template: String { "assetForm" }
    let targetKind: String
    let targetID: String
    let back: String
    let csrf: String
    let problem: FormProblem?
    /// What was typed, when the form is shown again.
    let form: [String: String]
    let prosecutionChoices: [Option]
    let enforcementChoices: [Option]
    let powers: [Option]
}

/// An order or seizure: its terms, its events, its receipts and how each was shared, and the next event's form.
struct AssetPage: PageModel {
    var template: String { "asset" }
    let id: String
    let power: String
    let court: String
    let reference: String
    let madeOn: String
    let amountLabel: String
    let amount: String
    let status: String
    let collected: String
    let outstanding: String?
    let detentionLimit: String?
    let targetHref: String
    let targetLabel: String
    let agencies: [Agency]
    let confiscation: Confiscation?
    let events: [Event]
    let hasEvents: Bool
    let receipts: [Receipt]
    let hasReceipts: Bool
    let nextEvents: [Option]
    let hasNext: Bool
    let canChange: Bool
    let version: String
    let csrf: String
    let notice: String?
    let problem: FormProblem?
    let marking: MarkingTag

    struct Agency {
        let agency: String
        let role: String
    }

    /// A confiscation order's terms.
    struct Confiscation {
        let benefit: String
        let available: String
        let compensation: String
        let timeToPay: String
        let defaultSentence: String
    }

    struct Event {
        let kind: String
        let date: String
        let amount: String
        let until: String
        let note: String
        let by: String
    }

    /// A sum received, and its split under the scheme in force on its date.
    struct Receipt {
        let date: String
        let amount: String
        let shares: [Share]
    }

    struct Share {
        let part: String
        let agency: String
        let amount: String
    }

    init(
        id: String, power: String, court: String, reference: String, madeOn: String, amountLabel: String,
        amount: String, status: String, collected: String, outstanding: String?, detentionLimit: String?,
        targetHref: String, targetLabel: String, agencies: [Agency], confiscation: Confiscation?, events: [Event],
        receipts: [Receipt], nextEvents: [Option], canChange: Bool, version: String, csrf: String, notice: String?,
        problem: FormProblem?, marking: MarkingTag
    ) {
        self.id = id
        self.power = power
        self.court = court
        self.reference = reference
        self.madeOn = madeOn
        self.amountLabel = amountLabel
        self.amount = amount
        self.status = status
        self.collected = collected
        self.outstanding = outstanding
        self.detentionLimit = detentionLimit
        self.targetHref = targetHref
        self.targetLabel = targetLabel
        self.agencies = agencies
        self.confiscation = confiscation
        self.events = events
        hasEvents = !events.isEmpty
        self.receipts = receipts
        hasReceipts = !receipts.isEmpty
        self.nextEvents = nextEvents
        hasNext = !nextEvents.isEmpty
        self.canChange = canChange
        self.version = version
        self.csrf = csrf
        self.notice = notice
        self.problem = problem
        self.marking = marking
    }
}

/// The incentivisation scheme: every version with its shares, and the form to publish the next.
struct SchemePage: PageModel {
    var template: String { "incentiveScheme" }
    let versions: [Version]
    let canPublish: Bool
    let next: String
    let parts: [Share]
    let csrf: String
    let notice: String?
    let problem: FormProblem?

    struct Version {
        let version: String
        let effectiveFrom: String
        let current: Bool
        let shares: [Share]
    }

    struct Share {
        let part: String
        let percent: String
    }
}
