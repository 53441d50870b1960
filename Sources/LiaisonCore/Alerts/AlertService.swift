import Foundation

/// What the Alert service reads and writes: only these stores.
public typealias AlertServiceStore = AlertStore & IntelStore & AgencyStore & UserStore & ReferenceStore

/// Industry alerts: agency staff write sanitised alerts for private-sector partners, a supervisor of the issuing
/// agency publishes (or withdraws) them, and private-sector users see the live alerts for their sectors, acknowledge
/// them and send feedback. The feed serves the same alerts as JSON and as a STIX 2.1 bundle.
public struct AlertService: Sendable {
    public static let kind = "alert"
    /// Who writes alerts.
    public static let authorRoles: Set<Role> = [.intelligenceOfficer, .analyst, .supervisor, .financialInvestigator]
    /// The markings an alert may carry: what private-sector partners may hold.
    public static let markings: [Classification] = [.official, .officialSensitive]
    let store: any AlertServiceStore
    let clock: any LiaisonClock
    let auditor: Auditor

    public init(store: any AlertServiceStore, clock: any LiaisonClock, audit: AuditLog) {
        self.store = store
        self.clock = clock
        auditor = Auditor(log: audit)
    }

    var today: String { InterventionService.day(clock.now()) }

    /// The service's time.
    public func now() -> Date { clock.now() }

    /// The access decision for one alert, with the user's organisation's sectors looked up.
    func decide(_ user: User, _ alert: IndustryAlert) async throws -> AccessDecision {
        let sectors = user.confinedToAlerts ? (try await store.alertAudiences()[user.agencyID] ?? []) : []
        return AccessPolicy.decideAlert(user, alert, sectors: sectors, today: today)
    }

    /// Whether the user may publish or withdraw the alert: a supervisor (or administrator) of the issuing agency.
    public static func mayPublish(_ user: User, _ alert: IndustryAlert) -> Bool {
        user.active && alert.issuer == user.agencyID && (user.has(.supervisor) || user.has(.administrator))
    }

    /// The alerts the user may see: for private-sector users the live ones for their sectors, for agency staff the
    /// latest published, withdrawn and own-agency drafts.
    public func list(by user: User, request: RequestInfo = .none) async throws -> [AlertView] {
        try await auditor.run(user, "alert.list", kind: Self.kind, request: request, touched: { $0.map(\.id.rawValue) })
        {
            try await visible(to: user, liveOnly: user.confinedToAlerts)
        }
    }

    func visible(to user: User, liveOnly: Bool) async throws -> [AlertView] {
        let sectors = user.confinedToAlerts ? (try await store.alertAudiences()[user.agencyID] ?? []) : []
        let day = today
        return try await store.alerts(liveOn: liveOnly ? day : nil, limit: 500)
            .filter { AccessPolicy.decideAlert(user, $0, sectors: sectors, today: day).allowed }
            .map { AlertView($0, for: user) }
    }

    /// The live alerts the user may see, as the feed serves them.
    public func feed(by user: User, request: RequestInfo = .none) async throws -> [AlertView] {
        try await auditor.run(user, "alert.feed", kind: Self.kind, request: request, touched: { $0.map(\.id.rawValue) })
        {
            try await visible(to: user, liveOnly: true)
        }
    }

    /// The live alerts the user may see as a STIX 2.1 bundle.
    public func stix(by user: User, request: RequestInfo = .none) async throws -> STIXBundle.Bundle {
        try await auditor.run(
            user, "alert.feed.stix", kind: Self.kind, request: request,
            touched: { $0.objects.filter { $0.type == "report" }.map(\.id) }
        ) {
            let sectors = user.confinedToAlerts ? (try await store.alertAudiences()[user.agencyID] ?? []) : []
            let day = today
            let alerts = try await store.alerts(liveOn: day, limit: 500).filter {
                AccessPolicy.decideAlert(user, $0, sectors: sectors, today: day).allowed
            }
            let agencies = Dictionary(uniqueKeysWithValues: try await store.agencies().map { ($0.id, $0) })
            return STIXBundle.make(alerts, agencies: agencies, now: clock.now())
        }
    }

    public func get(_ id: String, by user: User, request: RequestInfo = .none) async throws -> AlertView {
        try await auditor.run(user, "alert.read", kind: Self.kind, ids: [id], request: request) {
            AlertView(try await readable(id, by: user), for: user)
        }
    }

    /// Whether the user may publish or withdraw the alert `id` (which they may read).
    public func mayPublish(_ id: IndustryAlertID, by user: User) async throws -> Bool {
        try await store.alert(id).map { Self.mayPublish(user, $0) } ?? false
    }

    /// The alert, if the user may read it; otherwise not found, so a refusal looks like absence.
    func readable(_ id: String, by user: User) async throws -> IndustryAlert {
        guard let alertID = IndustryAlertID(validating: id), let alert = try await store.alert(alertID) else {
            throw LiaisonError.notFound(kind: Self.kind, id: id)
        }
        let decision = try await decide(user, alert)
        guard decision.allowed else {
            throw PolicyRefusal(reasons: decision.reasons, shown: .notFound(kind: Self.kind, id: id))
        }
        return alert
    }

    /// Writes a draft alert for the user's agency.
    public func create(_ input: AlertInput, by user: User, request: RequestInfo = .none) async throws -> AlertView {
        try await auditor.run(user, "alert.create", kind: Self.kind, request: request, touched: { [$0.id.rawValue] }) {
            if !user.active || Set(user.roles).isDisjoint(with: Self.authorRoles) {
                throw PolicyRefusal.roles(
                    "only intelligence officers, analysts, financial investigators and supervisors write industry alerts"
                )
            }
            var v = Validator()
            let reference = ReferenceData(entries: try await store.referenceEntries())
            let title = v.text(input.title, "title", required: true, max: 200) ?? ""
            v.code(input.category, "category", in: "alert-category", reference: reference, required: true)
            let summary = v.text(input.summary, "summary", required: true, max: 10_000) ?? ""
            let guidance = v.text(input.guidance, "guidance", max: 4_000) ?? ""
            let sectors = Array(Set(input.sectors ?? [])).sorted()
            if sectors.isEmpty { v.fail("sectors", "name at least one sector the alert is for") }
            for sector in sectors where !reference.contains(sector, in: "industry-sector") {
                v.fail("sectors", "\(Validator.quoted(sector)) is not in the industry-sector list")
            }
            let marking = input.marking ?? .official
            if !Self.markings.contains(marking.classification) {
                v.fail(
                    "marking",
                    "an alert goes to private-sector partners, so it may be marked only OFFICIAL or OFFICIAL-SENSITIVE")
            } else if marking.classification > user.vetting.maximumClassification {
                v.fail("marking", "is above your vetting")
            }
            let expires = input.expiresOn ?? ""
            let latest = InterventionService.day(clock.now().addingTimeInterval(366 * 86_400))
            if !InterventionService.isDay(expires) || expires <= today || expires > latest {
                v.fail("expiresOn", "must be a date as yyyy-mm-dd after today and within a year")
            }
            let indicators = (input.indicators ?? []).map {
                AlertIndicator(
                    kind: $0.kind, value: $0.value.trimmingCharacters(in: .whitespaces), note: $0.note?.nonEmpty)
            }
            v.count(indicators, "indicators", max: 100)
            for (n, indicator) in indicators.enumerated() {
                if let problem = AlertIndicator.problem(kind: indicator.kind, value: indicator.value) {
                    v.fail("indicators[\(n)]", problem)
                }
            }
            var source: IntelReportID?
            if let raw = input.sourceIntel?.nonEmpty {
                source = IntelReportID(validating: raw)
                let report = try await source.asyncFlatMap { try await store.intelReport($0) }
                if let report, AccessPolicy.decide(user, .read, report.meta, kind: IntelligenceService.kind).allowed {
                    // An alert passes intelligence on to the private sector: the report's handling code governs it.
                    let share = AccessPolicy.decide(user, .share, report.meta, kind: IntelligenceService.kind)
                    if !share.allowed { v.fail("sourceIntel", share.reasons.joined(separator: "; ")) }
                } else {
                    v.fail("sourceIntel", "is not an intelligence report you may see")
                }
            }
            try v.check()
            let agency = try await store.agency(user.agencyID)
            let alert = IndustryAlert(
                id: .make(), issuer: user.agencyID, issuerCode: agency?.code ?? "", title: title,
                category: input.category!, summary: summary,
                guidance: guidance, indicators: indicators, sectors: sectors, marking: marking, expiresOn: expires,
                sourceIntel: source,
                createdBy: user.username, createdAt: clock.now())
            try await store.insertAlert(alert)
            return AlertView(alert, for: user)
        }
    }

    /// What a caller needs of an alert before its input is read.
    public enum Need: String, Sendable {
        case publish, answer
    }

    /// Refuses, as the policy would, a user who may not see the alert (not found) or may not do `need` with it
    /// (forbidden); the refusal is audited.
    public func require(_ id: String, _ need: Need, by user: User, request: RequestInfo = .none) async throws {
        do {
            let alert = try await readable(id, by: user)
            switch need {
            case .publish where !Self.mayPublish(user, alert):
                throw PolicyRefusal.roles("only a supervisor of the issuing agency publishes or withdraws its alerts")
            case .answer where !user.confinedToAlerts:
                throw PolicyRefusal.roles(
                    "only the private-sector recipients of an alert acknowledge it or send feedback")
            default: break
            }
        } catch let refusal as PolicyRefusal {
            try await auditor.log.record(
                AuditDraft(
                    user, "alert.\(need.rawValue)", kind: Self.kind, ids: [id], request: request,
                    detail: refusal.reasons.joined(separator: "; "), outcome: .denied))
            throw refusal
        }
    }

    /// Publishes a draft, or withdraws a published alert with a reason.
    public func step(_ id: String, _ input: AlertStepInput, by user: User, request: RequestInfo = .none) async throws
        -> AlertView
    {
        try await auditor.run(user, "alert.\(input.action ?? "step")", kind: Self.kind, ids: [id], request: request) {
            var alert = try await readable(id, by: user)
            if !Self.mayPublish(user, alert) {
                throw PolicyRefusal.roles("only a supervisor of the issuing agency publishes or withdraws its alerts")
            }
            guard let version = input.version else {
                throw LiaisonError.invalid("version", "must be the version you read")
            }
            switch input.action {
            case "publish":
                if alert.status != .draft {
                    throw LiaisonError.conflict(
                        field: "action", reason: "only a draft can be published; this alert is \(alert.status.rawValue)"
                    )
                }
                if alert.expiresOn <= today { throw LiaisonError.invalid("expiresOn", "the alert has already expired") }
                alert.status = .published
                alert.publishedBy = user.username
                alert.publishedAt = clock.now()
            case "withdraw":
                if alert.status == .withdrawn {
                    throw LiaisonError.conflict(field: "action", reason: "the alert is already withdrawn")
                }
                let reason = input.reason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
                if reason.isEmpty || reason.count > 1_000 {
                    throw LiaisonError.invalid("reason", "must say why the alert is withdrawn, in 1 to 1000 characters")
                }
                alert.status = .withdrawn
                alert.withdrawnReason = reason
            default:
                throw LiaisonError.invalid("action", "must be publish or withdraw")
            }
            try await store.updateAlert(alert, expectedVersion: version)
            alert.version = version + 1
            return AlertView(alert, for: user)
        }
    }

    /// A private-sector recipient confirms receipt; once per organisation.
    public func acknowledge(_ id: String, by user: User, request: RequestInfo = .none) async throws -> AlertView {
        try await auditor.run(user, "alert.acknowledge", kind: Self.kind, ids: [id], request: request) {
            var alert = try await readable(id, by: user)
            if !user.confinedToAlerts {
                throw PolicyRefusal.roles("only the private-sector recipients of an alert acknowledge it")
            }
            if !alert.acknowledgements.contains(where: { $0.agencyID == user.agencyID }) {
                let code = try await store.agency(user.agencyID)?.code ?? ""
                alert.acknowledgements.append(
                    AlertAcknowledgement(agencyID: user.agencyID, agencyCode: code, by: user.username, at: clock.now()))
                try await store.updateAlert(alert, expectedVersion: alert.version)
                alert.version += 1
            }
            return AlertView(alert, for: user)
        }
    }

    /// A private-sector recipient says how useful the alert was and what they did; the issuing agency sees it.
    public func feedback(_ id: String, _ input: AlertFeedbackInput, by user: User, request: RequestInfo = .none)
        async throws -> AlertView
    {
        try await auditor.run(user, "alert.feedback", kind: Self.kind, ids: [id], request: request) {
            var alert = try await readable(id, by: user)
            if !user.confinedToAlerts {
                throw PolicyRefusal.roles("only the private-sector recipients of an alert send feedback on it")
            }
            var v = Validator()
            if !AlertFeedback.ratings.contains(input.rating ?? "") {
                v.fail("rating", "must be one of " + AlertFeedback.ratings.joined(separator: ", "))
            }
            let text = v.text(input.text, "text", required: true, max: 4_000) ?? ""
            try v.check()
            let code = try await store.agency(user.agencyID)?.code ?? ""
            alert.feedback.append(
                AlertFeedback(
                    agencyID: user.agencyID, agencyCode: code, by: user.username, at: clock.now(),
                    rating: input.rating!, text: text))
            try await store.updateAlert(alert, expectedVersion: alert.version)
            alert.version += 1
            return AlertView(alert, for: user)
        }
    }

    /// The private-sector organisations and the sectors each receives alerts for.
    public func audiences(by user: User, request: RequestInfo = .none) async throws -> [AlertAudience] {
        try await auditor.run(user, "alert.audiences", kind: Self.kind, request: request) {
            if !user.active || !user.has(.administrator) {
                throw PolicyRefusal.roles("only administrators set who receives industry alerts")
            }
            let sectors = try await store.alertAudiences()
            return try await store.agencies().filter { $0.type == "private-sector" }.map {
                AlertAudience(agencyID: $0.id, agencyCode: $0.code, agencyName: $0.name, sectors: sectors[$0.id] ?? [])
            }
        }
    }

    /// Sets the sectors a private-sector organisation receives alerts for (administrators).
    public func setAudience(
        _ agencyCode: String, _ input: AlertAudienceInput, by user: User, request: RequestInfo = .none
    ) async throws -> AlertAudience {
        try await auditor.run(
            user, "alert.audience", kind: Self.kind, ids: [agencyCode], request: request,
            detail: (input.sectors ?? []).joined(separator: ",")
        ) {
            if !user.active || !user.has(.administrator) {
                throw PolicyRefusal.roles("only administrators set who receives industry alerts")
            }
            var v = Validator()
            let agency = try await store.agency(code: agencyCode.uppercased())
            if agency == nil { v.fail("agency", "is not a known agency") }
            if let agency, agency.type != "private-sector" {
                v.fail("agency", "\(agency.code) is not a private-sector organisation")
            }
            let reference = ReferenceData(entries: try await store.referenceEntries())
            let sectors = Array(Set(input.sectors ?? [])).sorted()
            for sector in sectors where !reference.contains(sector, in: "industry-sector") {
                v.fail("sectors", "\(Validator.quoted(sector)) is not in the industry-sector list")
            }
            try v.check()
            try await store.setAlertAudience(agency!.id, sectors: sectors)
            return AlertAudience(
                agencyID: agency!.id, agencyCode: agency!.code, agencyName: agency!.name, sectors: sectors)
        }
    }
}
