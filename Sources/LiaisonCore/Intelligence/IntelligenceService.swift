import Foundation

/// What the Intelligence service reads and writes: only these stores.
public typealias IntelligenceServiceStore = IntelStore & AgencyStore & UserStore & ReferenceStore & RecordLookupStore

/// Intelligence reports: written as drafts, graded under the 3x5x2 model (a report cannot be submitted
/// ungraded), assessed by a supervisor onto the record, sanitised for wider audiences, and sent to partner
/// agencies under their handling conditions. The handling code is the record's, so the access policy refuses
/// onward sharing of a C-coded report by anyone but its originator, and says why.
public struct IntelligenceService: Sendable {
    public static let kind = "intel"
    /// Who writes reports.
    public static let authorRoles: Set<Role> = [.intelligenceOfficer, .analyst, .supervisor, .financialInvestigator]
    let store: any IntelligenceServiceStore
    let clock: any LiaisonClock
    let auditor: Auditor

    public init(store: any IntelligenceServiceStore, clock: any LiaisonClock, audit: AuditLog) {
        self.store = store
        self.clock = clock
        auditor = Auditor(log: audit)
    }

    /// Searches report text, places, links and linked names. The store counts and quotes only what the user may
    /// see, so neither the total nor a snippet tells them anything of a report hidden from them.
    public func search(_ query: IntelSearchQuery, by user: User, request: RequestInfo = .none) async throws
        -> IntelSearchResult
    {
        try await auditor.run(
            user, "intel.search", kind: Self.kind, request: request, detail: String(query.text.prefix(200)),
            touched: { $0.items.map(\.id.rawValue) }
        ) {
            var v = Validator()
            let text = query.text.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty || text.count > 200 || !text.contains(where: { $0.isLetter || $0.isNumber }) {
                v.fail("q", "must be 1 to 200 characters with a word to search for")
            }
            if let grade = query.grade, grade.count > 12 { v.fail("grade", "must be a grade such as 1B or 1BC") }
            for (field, day) in [("from", query.from), ("to", query.to)]
            where day != nil && !InterventionService.isDay(day!) { v.fail(field, "must be a date as yyyy-mm-dd") }
            try v.check()
            var checked = query
            checked.text = text
            return try await store.searchIntel(checked, viewer: Viewer(user))
        }
    }

    /// Checks the report's content; the problems are named by field.
    func checked(_ input: IntelReportInput, by user: User, into v: inout Validator) async throws -> (
        text: String, source: IntelSource, links: [IntelLink]
    ) {
        let text = input.text?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if text.isEmpty || text.count > 20_000 { v.fail("text", "must be 1 to 20000 characters") }
        let day = input.infoDate ?? ""
        if !InterventionService.isDay(day) || day > InterventionService.day(clock.now()) {
            v.fail("infoDate", "must be a date as yyyy-mm-dd, not in the future")
        }
        var source = input.source ?? IntelSource(kind: "", description: "")
        source.description = source.description.trimmingCharacters(in: .whitespacesAndNewlines)
        if !IntelSource.kinds.contains(source.kind) {
            v.fail("source.kind", "must be one of " + IntelSource.kinds.joined(separator: ", "))
        }
        if source.description.isEmpty || source.description.count > 500 {
            v.fail("source.description", "must describe the source in 1 to 500 characters")
        }
        if source.kind == "covert", (source.covertReference ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            v.fail("source.covertReference", "a covert source needs its reference (shown only to your agency)")
        }
        if source.kind != "covert" { source.covertReference = nil }
        var links: [IntelLink] = []
        for (n, link) in (input.links ?? []).enumerated() {
            let value = link.value.trimmingCharacters(in: .whitespaces)
            guard IntelLink.kinds.contains(link.kind), !value.isEmpty, value.count <= 200 else {
                v.fail(
                    "links[\(n)]",
                    "must be a kind (" + IntelLink.kinds.joined(separator: ", ")
                        + ") with a value of 1 to 200 characters")
                continue
            }
            var visible = true
            switch link.kind {
            case "subject":
                visible =
                    try await SubjectID(validating: value).asyncFlatMap { try await store.subject($0) }.map {
                        AccessPolicy.decide(user, .read, $0.meta).allowed
                    } ?? false
            case "ocg":
                visible =
                    try await OCGID(validating: value).asyncFlatMap { try await store.ocg($0) }.map {
                        AccessPolicy.decide(user, .read, $0.meta).allowed
                    } ?? false
            case "case":
                visible =
                    try await CaseID(validating: value).asyncFlatMap { try await store.deportationCase($0) }.map {
                        AccessPolicy.decide(user, .read, $0.meta, kind: "case").allowed
                    } ?? false
            default: break
            }
            if !visible { v.fail("links[\(n)]", "is not a \(link.kind) you may see") }
            links.append(IntelLink(kind: link.kind, value: value))
        }
        if let grading = input.grading { Self.check(grading, field: "grading", into: &v) }
        if let legacy = input.legacyGrading, !legacy.valid {
            v.fail("legacyGrading", "must be a 5x5x5 grade: source A–E, intelligence 1–5, handling 1–5")
        }
        if input.grading != nil && input.legacyGrading != nil {
            v.fail("legacyGrading", "give the current grading or an imported legacy one, not both")
        }
        return (text, source, links)
    }

    static func check(_ grading: IntelGrading, field: String, into v: inout Validator) {
        if grading.handling.code == .c, (grading.handling.conditions ?? "").trimmingCharacters(in: .whitespaces).isEmpty
        {
            v.fail("\(field).handling.conditions", "handling code C needs its conditions recorded")
        }
    }

    /// Writes a draft, held by the user's agency and shared with no other until sent.
    public func create(_ input: IntelReportInput, by user: User, request: RequestInfo = .none) async throws
        -> IntelReport
    {
        try await auditor.run(user, "intel.create", kind: Self.kind, request: request, touched: { [$0.id.rawValue] }) {
            if Set(user.roles).isDisjoint(with: Self.authorRoles) {
                throw PolicyRefusal.roles(
                    "only intelligence officers, analysts, financial investigators and supervisors write reports")
            }
            var v = Validator()
            let content = try await checked(input, by: user, into: &v)
            try v.check()
            let now = clock.now()
            // Intelligence stays with its agency until it is sent: shared with no one unless the author says so.
            var shared = input
            shared.sharing = input.sharing ?? Sharing(withAll: false)
            var meta = try RecordEditing.newMeta(shared, by: user, at: now)
            meta.handling = input.grading?.handling
            let report = IntelReport(
                id: .make(), meta: meta, text: content.text, infoDate: input.infoDate!, place: input.place?.nonEmpty,
                source: content.source,
                links: content.links, grading: input.grading, legacyGrading: input.legacyGrading, status: "draft",
                reviewDate: nil,
                sanitised: [], disseminations: [],
                history: [IntelStep(status: "draft", by: user.username, at: now, note: "")], withheld: [])
            try await store.insertIntelReport(report)
            return try await References(store: store).shown(report, to: user)
        }
    }

    /// A report as the user may see it: the covert source's reference withheld outside the holding agency.
    public func get(_ id: IntelReportID, by user: User, request: RequestInfo = .none) async throws -> IntelReport {
        try await auditor.run(user, "intel.read", kind: Self.kind, ids: [id.rawValue], request: request) {
            let (found, decision) = try RecordEditing.read(
                try await store.intelReport(id), meta: \.meta, by: user, kind: Self.kind, id: id.rawValue)
            return try await References(store: store).shown(
                Self.redacted(found, decision.withheld.map(\.field)), to: user)
        }
    }

    static func redacted(_ report: IntelReport, _ withheld: [String]) -> IntelReport {
        var shown = report
        if withheld.contains("source.covertReference") { shown.source.covertReference = nil }
        shown.withheld = withheld
        return shown
    }

    /// The reports the user may see, newest first.
    public func list(by user: User, limit: Int = 100, request: RequestInfo = .none) async throws -> [IntelReport] {
        try await auditor.run(user, "intel.list", kind: Self.kind, request: request, touched: { $0.map(\.id.rawValue) })
        {
            var shown: [IntelReport] = []
            for report in try await store.intelReports(viewer: Viewer(user), limit: min(max(limit, 1), 200)) {
                let decision = AccessPolicy.decide(user, .read, report.meta, kind: Self.kind)
                if decision.allowed {
                    shown.append(
                        try await References(store: store).shown(
                            Self.redacted(report, decision.withheld.map(\.field)), to: user))
                }
            }
            return shown
        }
    }

    /// What was sent to a partner, as the recipient sees it: the version meant for them, with the grading and the
    /// conditions that bind its use.
    public struct Received: Codable, Sendable {
        public var reportID: IntelReportID
        public var dissemination: Dissemination
        public var text: String
        public var grade: String
        public var conditions: String?
        public var infoDate: String
        public var marking: ProtectiveMarking
    }

    /// Reports sent to the user's agency, newest first; marking still applies.
    public func received(by user: User, request: RequestInfo = .none) async throws -> [Received] {
        try await auditor.run(
            user, "intel.received", kind: Self.kind, request: request, touched: { $0.map(\.reportID.rawValue) }
        ) {
            try await store.intelReports(sentTo: user.agencyID).flatMap { report -> [Received] in
                guard report.meta.marking.classification <= user.vetting.maximumClassification else { return [] }
                return report.disseminations.filter { $0.agencyID == user.agencyID }.map { d in
                    let text =
                        d.sanitisedVersion.flatMap { n in report.sanitised.first { $0.id == n }?.text } ?? report.text
                    return Received(
                        reportID: report.id, dissemination: d, text: text, grade: report.gradeLabel,
                        conditions: d.conditions,
                        infoDate: report.infoDate, marking: report.meta.marking)
                }
            }.sorted { $0.dissemination.sentAt > $1.dissemination.sentAt }
        }
    }

    /// Refuses (as missing) a user who may not see the report, before anything they sent is read.
    public func checkRead(_ id: IntelReportID, by user: User) async throws {
        _ = try RecordEditing.read(
            try await store.intelReport(id), meta: \.meta, by: user, kind: Self.kind, id: id.rawValue)
    }

    /// The next step: submit (graded), assess or return (a supervisor of the holding agency), sanitise, send
    /// (as the handling code allows), or acknowledge as read (the recipient agency).
    public func step(_ id: IntelReportID, _ input: IntelStepInput, by user: User, request: RequestInfo = .none)
        async throws -> IntelReport
    {
        try await auditor.run(
            user, "intel.\(input.action ?? "step")", kind: Self.kind, ids: [id.rawValue], request: request,
            detail: input.agencies?.joined(separator: ", ")
        ) {
            guard var report = try await store.intelReport(id) else {
                throw LiaisonError.notFound(kind: Self.kind, id: id.rawValue)
            }
            let now = clock.now()
            let action = input.action ?? ""
            if action == "read" {
                // The recipient acknowledges; they need not see the record itself, only what was sent to them.
                guard
                    let n = report.disseminations.firstIndex(where: { $0.agencyID == user.agencyID && $0.readAt == nil }
                    )
                else {
                    throw LiaisonError.notFound(kind: Self.kind, id: id.rawValue)
                }
                report.disseminations[n].readAt = now
                report.disseminations[n].readBy = user.username
                try await store.updateIntelReport(report, expectedVersion: report.meta.version)
                return try await References(store: store).shown(
                    Self.redacted(report, ["source.covertReference"]), to: user)
            }
            let (_, decision) = try RecordEditing.read(report, meta: \.meta, by: user, kind: Self.kind, id: id.rawValue)
            let version = try RecordEditing.checkVersion(
                input.version, of: report.meta, kind: Self.kind, id: id.rawValue, sentAs: "the version you saw")
            let note = input.note?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            let supervisor = user.roles.contains(.supervisor) && user.agencyID == report.meta.owningAgencyID
            var v = Validator()
            switch action {
            case "submit":
                try AccessPolicy.enforce(user, .update, report.meta, kind: Self.kind, id: id.rawValue)
                guard report.status == "draft" else {
                    throw LiaisonError.invalid(
                        "action", "only a draft can be submitted (this report is \(report.status))")
                }
                if let grading = input.grading {
                    Self.check(grading, field: "grading", into: &v)
                    report.grading = grading
                    report.legacyGrading = nil
                }
                if report.grading == nil && report.legacyGrading == nil {
                    v.fail(
                        "grading",
                        "a report cannot be submitted ungraded: give the source evaluation (1–3), the intelligence assessment (A–E) and the handling code (P or C)"
                    )
                }
                try v.check()
                report.status = "submitted"
            case "assess", "return":
                guard supervisor else {
                    throw PolicyRefusal.roles("only a supervisor of the agency holding the report assesses it")
                }
                guard report.status == "submitted" else {
                    throw LiaisonError.invalid(
                        "action",
                        "only a submitted report can be assessed or returned (this report is \(report.status))")
                }
                if action == "return" {
                    if note.isEmpty { v.fail("note", "say why the report goes back to its author") }
                    try v.check()
                    report.status = "draft"
                } else {
                    if let grading = input.grading {
                        Self.check(grading, field: "grading", into: &v)
                        report.grading = grading
                        report.legacyGrading = nil
                    }
                    if let review = input.reviewDate,
                        !InterventionService.isDay(review) || review <= InterventionService.day(now)
                    {
                        v.fail("reviewDate", "must be a date as yyyy-mm-dd after today")
                    }
                    try v.check()
                    report.reviewDate = input.reviewDate ?? report.reviewDate
                    report.status = "recorded"
                }
            case "sanitise":
                try AccessPolicy.enforce(user, .update, report.meta, kind: Self.kind, id: id.rawValue)
                let text = input.sanitisedText?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
                if text.isEmpty || text.count > 20_000 { v.fail("sanitisedText", "must be 1 to 20000 characters") }
                if text == report.text {
                    v.fail(
                        "sanitisedText",
                        "is the original text: a sanitised version must leave out what the wider audience may not see")
                }
                try v.check()
                report.sanitised.append(
                    SanitisedVersion(
                        id: (report.sanitised.map(\.id).max() ?? 0) + 1, text: text, writtenBy: user.username,
                        writtenAt: now))
            case "disseminate":
                guard report.status == "recorded" else {
                    throw LiaisonError.invalid(
                        "action", "only a report on the record can be sent (this report is \(report.status))")
                }
                let share = AccessPolicy.decide(user, .share, report.meta, kind: Self.kind)
                if !share.allowed {
                    throw PolicyRefusal(
                        reasons: share.reasons, shown: .forbidden(reason: share.reasons.joined(separator: "; ")))
                }
                if let n = input.sanitisedVersion, !report.sanitised.contains(where: { $0.id == n }) {
                    v.fail("sanitisedVersion", "there is no sanitised version \(n)")
                }
                var agencies: [Agency] = []
                for code in input.agencies ?? [] {
                    if let agency = try await store.agency(code: code.uppercased()) {
                        agencies.append(agency)
                    } else {
                        v.fail("agencies", "\(Validator.quoted(code)) is not a known agency")
                    }
                }
                if agencies.isEmpty && (input.agencies ?? []).isEmpty {
                    v.fail("agencies", "name at least one agency to send to")
                }
                try v.check()
                let conditions = [
                    report.meta.handling?.code == .c ? report.meta.handling?.conditions : nil,
                    input.conditions?.nonEmpty,
                ].compactMap { $0 }
                for agency in agencies where agency.id != report.meta.owningAgencyID {
                    report.disseminations.append(
                        Dissemination(
                            id: (report.disseminations.map(\.id).max() ?? 0) + 1, agencyID: agency.id,
                            agencyCode: agency.code,
                            sanitisedVersion: input.sanitisedVersion,
                            conditions: conditions.isEmpty ? nil : conditions.joined(separator: "; "),
                            sentBy: user.username, sentAt: now))
                    // The original opens the record to the recipient; a sanitised version reaches them only as sent.
                    if input.sanitisedVersion == nil, !report.meta.sharing.withAll,
                        !report.meta.sharing.agencies.contains(agency.id)
                    {
                        report.meta.sharing.agencies.append(agency.id)
                    }
                }
            default:
                throw LiaisonError.invalid("action", "must be submit, assess, return, sanitise, disseminate or read")
            }
            report.history.append(IntelStep(status: action, by: user.username, at: now, note: note))
            report.meta.handling = report.grading?.handling ?? report.meta.handling
            report.meta = report.meta.touched(by: user.id, at: now)
            try await store.updateIntelReport(report, expectedVersion: version)
            return try await References(store: store).shown(
                Self.redacted(report, decision.withheld.map(\.field)), to: user)
        }
    }

    /// What a record a new report will be about is called (a person's or group's name, a case's reference), if the
    /// user may read it.
    public func title(kind: String, id: String, by user: User) async throws -> String? {
        try await References(store: store).titles([(kind, id)], readableBy: user)[id]
    }

    /// What the report's record links are called (a person's or group's name, a case's reference), for the records
    /// `user` may read.
    public func linkTitles(_ report: IntelReport, by user: User) async throws -> [String: String] {
        try await References(store: store).titles(report.links.map { ($0.kind, $0.value) }, readableBy: user)
    }
}

extension Optional where Wrapped: Sendable {
    func asyncFlatMap<T>(_ transform: (Wrapped) async throws -> T?) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
