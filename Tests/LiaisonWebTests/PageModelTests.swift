import Foundation
import LiaisonCore
import Testing

@testable import LiaisonWeb

/// A typed page model's template may only name what the model holds: a misspelt or computed name (Mustache sees
/// stored properties only) would render as nothing, silently.
@Suite("Typed page models")
struct PageModelTests {
    /// One of each typed model, with every optional set and every list non-empty, so every name it can hold is seen.
    static var samples: [any PageModel] {
        [
            LayoutModel(
                title: "t", content: "c", hasErrors: true,
                user: .init(
                    displayName: "d", agencyName: "a", csrf: "x", nav: [.init(href: "/", label: "Home", current: true)])
            ),
            NewCasePage(
                csrf: "x", subjectID: "s", subjectName: "n", homeOfficeReference: "B1234567",
                teams: [.init(code: "c", label: "l", selected: true)],
                errors: [FormError(anchor: "a", message: "m")], referenceError: "e", fileLocationError: "e",
                subjectError: "e", hasErrors: true),
            CaseStepPage(
                heading: "h", caption: "c", back: "/b", action: "/a", submit: "s", csrf: "x", version: "1", intro: "i",
                fields: [
                    .text("t", "T", value: "v", hint: "h", error: "e"), .textarea("a", "A", value: "v"),
                    .select("s", "S", choices: [("c", "l")], selected: "c"),
                    .date("d", "D", value: DateAnswer(day: "1", month: "2", year: "2027"), hint: "h", error: "e"),
                ], errors: [FormError(anchor: "t", message: "m")], hasErrors: true),
            AlertListPage(
                notice: "n", confined: true, canWrite: true, isAdmin: true,
                items: [
                    .init(
                        id: "i", title: "t", category: "c", issuer: "NCA", sectors: "s", expires: "e", status: "s",
                        marking: "m", published: "p", acknowledged: "a", summary: "s")
                ], hasItems: true),
            CaseCheckPage(
                caption: "c", back: "/b", action: "/a", csrf: "x", version: "1",
                rows: [.init(label: "l", value: "v")], hidden: [.init(name: "n", value: "v")], warning: "w"),
            AlertFormPage(
                csrf: "x", problem: Self.problem, form: ["title": "t"],
                categories: [Option(code: "c", label: "l", selected: true)],
                sectors: [Tick(code: "c", label: "l", checked: true)],
                classifications: [Option(code: "OFFICIAL", label: "OFFICIAL", selected: true)]),
            AlertAudiencesPage(
                csrf: "x", notice: "n", problem: Self.problem,
                items: [.init(code: "c", name: "n", sectors: [.init(org: "o", code: "c", label: "l", checked: true)])],
                hasItems: true),
            AlertPage(
                id: "i", csrf: "x", notice: "n", problem: Self.problem, version: "1", title: "t", category: "c",
                issuer: "NCA", summary: "s", guidance: "g", sectors: "s", expires: "e", status: "s", published: "p",
                withdrawnReason: "w", indicators: [.init(kind: "k", value: "v", note: "n")], hasIndicators: true,
                sourceIntel: "s", confined: true, acknowledged: "a",
                acknowledgements: [.init(agency: "a", by: "b", at: "t")], hasAcknowledgements: true,
                feedback: [.init(agency: "a", by: "b", at: "t", rating: "r", text: "t")], hasFeedback: true,
                ratings: [.init(code: "c", label: "l")], canPublish: true, canWithdraw: true,
                marking: MarkingTag(ProtectiveMarking(.secret))),
            LoginPage(
                csrf: "x", next: "/",
                fields: [
                    fieldView("u", "U", value: "v", hint: "h", error: "e", autocomplete: "username"),
                    fieldView("t", "T", value: "v", textarea: true), Self.select,
                ], errors: [FormError(anchor: "a", message: "m")]),
            HomePage(
                displayName: "d", agencyName: "a", canCreate: true, roles: "r", vetting: "v",
                escalated: [
                    .init(caseID: "c", reference: "r", agency: "a", event: "e", due: "d", level: "l", since: "s")
                ]),
            FeedbackPage(csrf: "x", thanks: true, problem: "p", text: "t"),
            ErrorPage(heading: "h", message: "m", requestID: "r"),
            AccessPage(
                errors: [FormError(anchor: "a", message: "m")], fields: [fieldView("u", "U", value: "v"), Self.select],
                answer: .init(
                    allowed: true, verdict: "v", user: "u", action: "a", kind: "k", reasons: ["r"],
                    withheld: [WithheldField(field: "f", reason: "r")], hasWithheld: true)),
            AuditLogPage(
                errors: [FormError(anchor: "a", message: "m")], fields: [fieldView("u", "U", value: "v")],
                dateFields: [.date("d", "D", value: DateAnswer(day: "1", month: "2", year: "2027"))],
                outcomes: [Option(code: "c", label: "l", selected: true)],
                items: [
                    .init(
                        sequence: "1", time: "t", actor: "a", action: "a", objects: [.init(title: "t", href: "/h")],
                        more: "m", purpose: "p", detail: "d", outcome: "o", outcomeClass: "c")
                ], nextLink: "/n", exportLink: "/e"),
            ImportListPage(items: [Self.importRow]),
            ImportJobPage(
                job: Self.importRow, startedBy: "s", errors: [.init(row: "1", field: "f", reason: "r")],
                moreErrors: true, failure: "f", possibleDuplicates: "2"),
            GAINPage(
                canAsk: true, csrf: "x", notice: "n", problem: Self.problem,
                agencyChoices: [Option(code: "c", label: "l", selected: true)],
                asked: [
                    .init(
                        about: "a", purpose: "p", at: "t", by: "b",
                        answers: [.init(agency: "a", hit: true, result: "hit", shared: "s")], operationHref: "/o")
                ],
                hits: [
                    .init(
                        id: "i", agency: "a", by: "b", about: "a", purpose: "p", at: "t",
                        matched: [.init(id: "i", name: "n")], reports: [.init(id: "i", n: "1")], shared: "s")
                ]),
            InterventionPage(
                intervention: Self.interventionRow, targetHref: "/t", targetLabel: "t", lead: "l", partners: "p",
                version: "1", csrf: "x", notice: "n", problem: Self.problem, canChange: true,
                nextStatuses: [Option(code: "c", label: "l", selected: false)],
                outcomeKinds: [Option(code: "c", label: "l", selected: false)],
                impacts: [Option(code: "c", label: "l", selected: false)],
                outcomeRows: [
                    .init(
                        kind: "k", date: "d", quantity: "1", unit: "u", commodity: "c", purity: "p", place: "p",
                        route: "r", impact: "i", narrative: "n", by: "b")
                ], marking: MarkingTag(ProtectiveMarking(.secret))),
            OperationListPage(
                items: [.init(name: "n", path: "p", lead: "l", startsOn: "s", endsOn: "e")], canCreate: true, csrf: "x",
                problem: Self.problem, form: ["name": "n"],
                partnerChoices: [Option(code: "c", label: "l", selected: true)]
            ),
            OperationPage(
                name: "n", path: "p", notice: "n", problem: Self.problem, csrf: "x",
                record: .init(description: "d", lead: "l", partners: "p", startsOn: "s", endsOn: "e", createdBy: "c"),
                showBriefed: true, briefChoices: [Option(code: "c", label: "l", selected: true)], canBrief: true,
                briefed: [.init(username: "u", displayName: "d", agency: "a")], agencies: "a",
                items: [Self.interventionRow], totals: [.init(label: "l", value: "1")],
                seizures: [.init(label: "l", value: "1")]),
            MatchListPage(
                notice: "n", csrf: "x", statuses: [.init(code: "c", label: "l", current: true)], statusLabel: "s",
                items: [.init(id: "i", left: "l", right: "r", percent: "9", summary: "s")]),
            MatchPage(
                errors: [FormError(anchor: "a", message: "m")], id: "i", notice: "n", percent: "9", statusLabel: "s",
                decided: true, leftID: "l", rightID: "r", leftName: "l", rightName: "r", leftMarking: "m",
                rightMarking: "m", rows: [.init(label: "l", left: "l", right: "r", same: true)],
                parts: [MatchPart(comparison: "c", counts: "c")], notes: ["n"],
                history: [.init(status: "s", by: "b", at: "a", note: "n")], canDecide: true, csrf: "x",
                choices: [Tick(code: "c", label: "l", checked: true)], decisionError: "e", noteError: "e", note: "n"),
            PerformancePage(
                problem: Self.problem, published: true, choices: Self.reportChoices,
                report: .init(
                    periodName: "p", from: "f", to: "t", previousName: "p", groups: [Self.measureGroup],
                    charts: [
                        .init(
                            title: "t", svg: "<svg/>", seriesNames: ["s"], rows: [.init(label: "l", cells: ["1"])],
                            restricted: true)
                    ], routes: "r", restrictedOmitted: "1", csvHref: "/c", jsonHref: "/j", publishedHref: "/p",
                    fullHref: "/f", profileHref: "/p")),
            ProfilePage(
                problem: Self.problem, choices: Self.reportChoices,
                report: .init(
                    periodName: "p", areaName: "a", marketName: "m",
                    groupRows: [.init(id: "i", name: "n", band: "b", markets: "m", members: "1")],
                    groupsTruncated: true, groups: [Self.measureGroup],
                    contributions: [.init(agency: "a", interventions: "1", outcomes: "1", assets: "£1")],
                    places: [.init(place: "p", kind: "k", count: "1")], exploited: "1", pois: "1", csvHref: "/c",
                    jsonHref: "/j")),
            ObligationsPage(
                tallies: [.init(team: "t", agency: "a", due: "1", overdue: "1", escalated: "1")],
                sheets: [.init(caseID: "c", reference: "r", from: "f", at: "a")], listTitle: "l",
                states: [Tab(code: "c", label: "l", current: true)], items: [Self.obligationRow]),
            InboxPage(
                agency: "a", notice: "n", csrf: "x", states: [Tab(code: "c", label: "l", current: true)],
                items: [Self.obligationRow], next: "/n"),
            InboxNoticePage(
                notice: Self.obligationRow, csrf: "x", problem: Self.problem, reply: "r", mayAcknowledge: true),
            GuidanceListPage(items: [.init(slug: "s", title: "t", version: "1", validFrom: "v")]),
            GuidanceArticlePage(
                slug: "s", title: "t", body: "b", version: "1", validFrom: "v",
                history: [.init(version: "1", validFrom: "v", editedBy: "e", changeNote: "c")], canEdit: true,
                latest: "1", csrf: "x", notice: "n", problem: Self.problem),
            AdminUsersPage(
                users: [
                    .init(
                        id: "i", username: "u", name: "n", agency: "a", roles: "r", vetting: "v", briefings: "b",
                        active: true)
                ]),
            AdminUserFormPage(
                errors: [FormError(anchor: "a", message: "m")], csrf: "x", fields: [fieldView("u", "U", value: "v")],
                agencyError: "e", agencies: [Option(code: "c", label: "l", selected: true)], rolesError: "e",
                roles: [Tick(code: "c", label: "l", checked: true)], vettingError: "e",
                vettings: [Option(code: "c", label: "l", selected: true)]),
            AdminUserPage(
                errors: [FormError(anchor: "a", message: "m")], id: "i", username: "u", name: "n", email: "e",
                agency: "a", roles: "r", vetting: "v", briefings: "b", active: true, csrf: "x", notice: "n",
                newToken: "t", briefingsError: "e", nameError: "e",
                tokens: [
                    .init(id: "i", userID: "u", name: "n", created: "c", revoked: "r", expires: "e", expired: true)
                ]),
            AdminDeliveryPage(
                agency: "a", code: "c", notice: "n", problem: Self.problem, newSecret: "s", csrf: "x", version: "1",
                email: "e", webhookURL: "w", secretSet: true),
            AdminReferencePage(
                notice: "n", problem: Self.problem, csrf: "x",
                lists: [
                    .init(list: "l", entries: [.init(code: "c", label: "l", order: "1", active: true)], next: "2")
                ]),
            AssetFormPage(
                targetKind: "subject", targetID: "i", back: "/b", csrf: "x", problem: Self.problem,
                form: ["court": "c"],
                prosecutionChoices: [Option(code: "c", label: "l", selected: true)],
                enforcementChoices: [Option(code: "c", label: "l", selected: true)],
                powers: [Option(code: "c", label: "l", selected: true)]),
            AssetPage(
                id: "i", power: "p", court: "c", reference: "r", madeOn: "m", amountLabel: "a", amount: "£1",
                status: "s", collected: "£1", outstanding: "£0", detentionLimit: "d", targetHref: "/t",
                targetLabel: "t",
                agencies: [.init(agency: "a", role: "r")],
                confiscation: .init(
                    benefit: "£1", available: "£1", compensation: "£1", timeToPay: "t", defaultSentence: "d"),
                events: [.init(kind: "k", date: "d", amount: "£1", until: "u", note: "n", by: "b")],
                receipts: [.init(date: "d", amount: "£1", shares: [.init(part: "p", agency: "a", amount: "£1")])],
                nextEvents: [Option(code: "c", label: "l", selected: false)], canChange: true, version: "1", csrf: "x",
                notice: "n", problem: Self.problem, marking: MarkingTag(ProtectiveMarking(.secret))),
            SchemePage(
                versions: [
                    .init(version: "1", effectiveFrom: "e", current: true, shares: [.init(part: "p", percent: "1")])
                ], canPublish: true, next: "2", parts: [.init(part: "p", percent: "1")], csrf: "x", notice: "n",
                problem: Self.problem),
            IntelListPage(
                problem: Self.problem, q: "q",
                search: .init(
                    total: "1", hits: [.init(id: "i", date: "d", grade: "g", status: "s", snippet: "s")]),
                items: [.init(id: "i", date: "d", grade: "g", status: "s", text: "t")], canWrite: true),
            IntelFormPage(
                csrf: "x", problem: Self.problem, form: ["text": "t"], sourceKinds: [Self.option],
                classifications: [Self.option], grading: GradingChoices(FormData("gradeSource=A"))),
            IntelReportPage(
                id: "i", text: "t", date: "d", place: "p", status: "s", grade: "g", gradeDetail: "d", legacy: true,
                sourceKind: "k", sourceDescription: "d", covertReference: "c", covertWithheld: true,
                links: [.init(kind: "k", value: "v", href: "/h")], linkedNames: "n", reviewDate: "r",
                sanitised: [.init(n: "1", text: "t", by: "b")],
                sent: [.init(agency: "a", version: "v", conditions: "c", at: "a", by: "b", read: "r")],
                history: [.init(status: "s", by: "b", at: "a", note: "n")], canSubmit: true, canAssess: true,
                canSanitise: true, canSend: true, sendRefused: "r", agencyChoices: [Self.option], version: "1",
                csrf: "x", notice: "n", problem: Self.problem, grading: GradingChoices(nil),
                marking: MarkingTag(ProtectiveMarking(.secret))),
            POIListPage(
                overdue: true,
                items: [
                    .init(
                        id: "i", subject: "s", tier: "t", score: "1", owner: "o", review: "r", late: true,
                        lifetime: true)
                ]),
            ReassessmentsPage(
                items: [.init(id: "i", name: "n", band: "b", score: "1", assessed: "a", due: "d")]),
            ScoringPage(
                matrices: [
                    .init(
                        kind: "poi", title: "t", version: "1", effectiveFrom: "e",
                        factors: [.init(label: "l", weight: "1", levels: "0: none")],
                        bands: [.init(code: "A", minimum: "0", review: "90")], versions: "1", draft: "{}")
                ], canPublish: true, csrf: "x", notice: "n", problem: Self.problem),
            POIPage(
                id: "i", subjectID: "s", subject: "s", owner: "o", tier: "t", score: "1", review: "r", late: true,
                lifetime: true, agency: "a", version: "1", notice: "n", problem: Self.problem, canAssess: true,
                assessment: Self.assessmentPanel, interventionPanel: Self.interventionPanel,
                marking: MarkingTag(ProtectiveMarking(.secret))),
            OCGListPage(
                query: "q", leadChoices: [Self.option],
                filters: [.init(name: "status", label: "Status", options: [Self.option])],
                items: [
                    .init(
                        id: "i", name: "n", operations: "o", markets: "m", areas: "a", band: "b", status: "s",
                        statusClass: "c", memberCount: "1", marking: MarkingTag(ProtectiveMarking(.secret)))
                ], canCreate: true, nextLink: "/n", firstLink: "/f"),
            OCGPage(
                id: "i", name: "n", operations: "o", markets: "m", areas: "a", band: "b", score: "1", status: "s",
                statusClass: "c", lead: "l", summary: "s", plan: "p", agency: "a", version: "1", updatedAt: "u",
                canEdit: true, notice: "n", members: [.init(id: "i", name: "n", role: "r", from: "f", to: "t")],
                hasMembers: true, assessProblem: Self.problem,
                leadHistory: [.init(who: "w", agency: "a", from: "f", to: "t", by: "b")], csrf: "x",
                leadProblem: Self.problem, officerChoices: [Self.option], assessment: Self.assessmentPanel,
                interventionPanel: Self.interventionPanel, assetPanel: Self.assetPanel,
                timeline: [.init(day: "d", what: "w")], marking: MarkingTag(ProtectiveMarking(.secret))),
            OCGFormPage(
                errors: [FormError(anchor: "a", message: "m")], heading: "h", action: "/a", cancel: "/c", csrf: "x",
                version: "1", fields: [Self.select],
                selects: [
                    .init(
                        name: "n", label: "l", multiple: true, blank: true, error: "e", hint: "h",
                        options: [Self.option])
                ],
                memberRows: [
                    .init(index: "0", id: "i", from: "f", to: "t", name: "n", removed: true, roles: [Self.option])
                ], membersError: "e"),
            CaseListPage(
                filters: [Self.caseLink], stages: [Self.caseLink],
                items: [
                    .init(
                        id: "i", reference: "r", subject: "s", stage: "s", owner: "o", barriers: "1", updated: "u",
                        interests: "i")
                ]),
            CasePage(
                id: "i", reference: "r", version: "1", csrf: "x", subjectID: "s", subject: "s", stage: "s", owner: "o",
                fileLocation: "f", onBail: true, removal: .init(date: "d", route: "r", destination: "d"), notice: "n",
                problem: Self.problem, canChange: true,
                events: [.init(kind: "k", at: "a", by: "b", reason: "r", details: "d")],
                barriers: [
                    .init(barrierID: "1", kindLabel: "k", open: true, opened: "o", note: "n", resolution: "r")
                ],
                interests: [
                    .init(agency: "a", reason: "r", confiscation: "c", contact: "c", at: "a", by: "b", via: "v")
                ], canRegister: true,
                obligations: [.init(agency: "a", event: "e", due: "d", reply: "r", late: true, state: "s")],
                minuteSheet: "m", minuteSheetStep: "attach", minuteSheetAction: "a",
                guidance: [.init(slug: "s", title: "t", body: "b", version: "1", validFrom: "v")], hasNext: true,
                assetPanel: Self.assetPanel, marking: MarkingTag(ProtectiveMarking(.secret))),
            SubjectListPage(
                query: "q",
                items: [
                    .init(
                        id: "i", name: "n", aliases: "a", dob: "d", nationalities: "n", identifiers: "i",
                        marking: MarkingTag(ProtectiveMarking(.secret)))
                ], caption: "c", canCreate: true, nextLink: "/n", firstLink: "/f"),
            SubjectPage(
                id: "i", name: "n", names: [.init(full: "f", kind: "k")], dobs: "d", sex: "s", nationalities: "n",
                identifiers: [.init(label: "l", value: "v", issuer: "i")], addresses: ["a"], addressesWithheld: "w",
                phonesWithheld: "w", phones: "p", notes: "n", sharing: "s", needToKnow: "n", agency: "a", version: "1",
                updatedAt: "u", canEdit: true, canCreate: true, canWriteIntel: true, notice: "n",
                groups: [.init(id: "i", name: "n", role: "r", from: "f", status: "s")],
                sameAs: [.init(id: "i", name: "n", review: "r", by: "b", at: "a")],
                interests: [.init(agency: "a", reason: "r", confiscation: "c", contact: "c", at: "a", by: "b")],
                canRegister: true, csrf: "x", canOpenCase: true, pois: [.init(id: "i", agency: "a", tier: "t")],
                canAdopt: true, officers: [Self.option], poiProblem: Self.problem, agencyChoices: [Self.option],
                problem: Self.problem, assetPanel: Self.assetPanel, marking: MarkingTag(ProtectiveMarking(.secret))),
            SubjectFormPage(
                errors: [FormError(anchor: "a", message: "m")],
                matches: [
                    .init(
                        id: "i", name: "n", percent: "90", summary: "s",
                        parts: [MatchPart(comparison: "c", counts: "1")],
                        notes: ["n"])
                ], heading: "h", action: "/a", cancel: "/c", csrf: "x", version: "1", nameFields: [Self.select],
                aliasField: Self.select, dobField: Self.select, detailFields: [Self.select],
                identifierRows: [.init(index: "0", number: "1", value: "v", error: "e", kinds: [Self.option])],
                fields: [Self.select], sharingOptions: [Self.option], named: ["a"], sexError: "e",
                sexes: [Self.option], markingError: "e", classifications: [Self.option]),
            IntelReceivedPage(
                items: [
                    .init(
                        id: "i", text: "t", grade: "g", conditions: "c", date: "d", sentBy: "s", sentAt: "a", read: "r",
                        marking: "m")
                ], csrf: "x", notice: "n"),
        ]
    }

    static let obligationRow = ObligationRow(
        id: "i", path: "p", caseID: "c", reference: "r", agency: "a", event: "e", team: "t", due: "d", state: "s",
        late: true, summary: "s", open: true, acknowledged: "a")
    static let reportChoices = ReportChoices(
        period: "2026-27", areas: [Option(code: "c", label: "l", selected: true)],
        markets: [Option(code: "c", label: "l", selected: true)])
    static let measureGroup = MeasureGroup(
        group: "g", measures: [.init(label: "l", current: "1", previous: "0", change: "new", restricted: true)])

    /// Models of partials shown inside a page that is still a dictionary, each with its template.
    static var partials: [(template: String, model: Any)] {
        [
            ("interventionPanel", Self.interventionPanel),
            ("assessmentPanel", Self.assessmentPanel),
            (
                "assetPanel",
                Self.assetPanel
            ),
        ]
    }

    /// A select among the fields, so the `formField` partial's option names are seen.
    static let select = FormField.select("s", "S", choices: [("c", "l")], selected: "c")
    static let importRow = ImportRow(
        id: "i", source: "s", fileName: "f", status: "s", statusClass: "c", percent: "5", rowsRead: "1",
        rowsLoaded: "1", rowsFailed: "0", started: "s", updated: "u", running: true)
    static let interventionRow = InterventionRow(
        id: "i", category: "c", tactic: "t", owner: "o", due: "d", status: "s", completedOn: "c", operation: "o",
        outcomes: "1", description: "d")

    static let interventionPanel = InterventionPanel(
        csrf: "x", agencyChoices: [Option(code: "c", label: "l", selected: true)],
        interventions: [Self.interventionRow], subjectToAction: "s", actionRule: "1", targetKind: "poi",
        targetID: "i", canPlan: true, interventionProblem: Self.problem,
        categories: [Option(code: "c", label: "l", selected: false)],
        tactics: [Option(code: "c", label: "l", selected: false)])
    static let assessmentPanel = AssessmentPanel(
        history: [.init(at: "a", by: "b", score: "1", band: "b", rationale: "r", next: "n", ratings: "r")],
        canAssess: true, assessAction: "/a", assessVersion: "1", csrf: "x", matrixVersion: "1",
        factors: [.init(code: "c", label: "l", weight: "1", options: [.init(value: "0", label: "l")])], late: true)
    static let assetPanel = AssetPanel(
        assets: [
            .init(
                id: "i", power: "p", court: "c", madeOn: "m", amount: "£1", status: "s", collected: "£1")
        ], assetTargetKind: "subject", assetTargetID: "i", canRecordAsset: true)
    static let caseLink = CaseListPage.Link(label: "l", count: "1", href: "/h", current: true)
    static let option = Option(code: "c", label: "l", selected: true)
    static let problem = FormProblem(items: [.init(anchor: "a", message: "m")])

    /// Every name a template uses (`{{x}}`, `{{#x}}`, `{{^x}}`, `{{{x}}}`), its partials' included.
    static func names(in template: String) -> Set<String> {
        guard let text = Templates.all[template] else { return [] }
        var names = Set<String>()
        for match in text.matches(of: /\{\{\{?\s*([#^\/&>]?)\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}?\}\}/) {
            if match.output.1 == ">" {
                names.formUnion(Self.names(in: String(match.output.2)))
            } else if match.output.1 != "/" {
                names.insert(String(match.output.2))
            }
        }
        return names
    }

    /// Every stored property name in `value` and in the values it holds.
    static func labels(_ value: Any) -> Set<String> {
        var result = Set<String>()
        for child in Mirror(reflecting: value).children {
            if let label = child.label { result.insert(label) }
            result.formUnion(labels(child.value))
        }
        return result
    }

    @Test("every name each model's template uses is a stored property of the model")
    func templatesNameOnlyWhatTheModelHolds() {
        for sample in Self.samples {
            let template = sample.template
            let missing = Self.names(in: template).subtracting(Self.labels(sample))
            #expect(missing.isEmpty, "\(template) names \(missing.sorted()), which \(type(of: sample)) does not hold")
        }
    }

    @Test("every name a partial's template uses is a stored property of its model")
    func partialsNameOnlyWhatTheModelHolds() {
        for (template, model) in Self.partials {
            let missing = Self.names(in: template).subtracting(Self.labels(model))
            #expect(missing.isEmpty, "\(template) names \(missing.sorted()), which \(type(of: model)) does not hold")
        }
    }

    @Test("every template is a typed model's page or a partial one of them shows: no page is left a dictionary")
    func everyTemplateHasAModel() {
        var reached = Set(Self.samples.map(\.template) + Self.partials.map(\.template))
        var queue = Array(reached)
        while let name = queue.popLast() {
            for match in (Templates.all[name] ?? "").matches(of: /\{\{>\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/) {
                let partial = String(match.output.1)
                if reached.insert(partial).inserted { queue.append(partial) }
            }
        }
        let unreached = Set(Templates.all.keys).subtracting(reached)
        #expect(unreached.isEmpty, "templates without a typed model: \(unreached.sorted())")
    }

    @Test("the check finds a name the model lacks")
    func theCheckCanFail() {
        // The error summary partial reads `hasErrors`; a model without it as a stored property is caught.
        struct Computed: PageModel {
            var template: String { "caseNew" }
            let csrf: String
        }
        let missing = Self.names(in: Computed(csrf: "x").template).subtracting(Self.labels(Computed(csrf: "x")))
        #expect(missing.contains("hasErrors") && missing.contains("homeOfficeReference"))
    }
}

/// Dates typed in GOV.UK date inputs (three boxes) reach the handlers as one yyyy-mm-dd value.
@Suite("Date inputs")
struct DateInputTests {
    @Test("three boxes are read as one date; empty boxes as none; anything else as typed, for the date check")
    func boxes() {
        let form = FormData(
            "madeOn-day=1&madeOn-month=6&madeOn-year=2026&until-day=&until-month=&until-year="
                + "&dob-day=3&dob-month=&dob-year=1985&kept=2027-01-01&kept-day=9&kept-month=9&kept-year=2029")
        #expect(form["madeOn"] == "2026-06-01")
        #expect(form["until"] == "")
        #expect(form["dob"] == "3//1985")
        #expect(form["kept"] == "2027-01-01")  // a field sent whole wins over its boxes
        #expect(DateInputTests.problem(DateAnswer(day: "31", month: "2", year: "2027")) == "Date must be a real date")
        #expect(
            DateInputTests.problem(DateAnswer(day: "3", month: "", year: "")) == "Date must include a month and a year")
        #expect(DateInputTests.problem(DateAnswer(day: "27", month: "3", year: "2027")) == nil)
    }

    @Test("agencies ticked in checkboxes and agencies typed with commas read as one list of codes")
    func codes() {
        let form = FormData("agencies=NCA&agencies=HMRC&partners=GMP%2C+BF&partners=&none=")
        #expect(form.codes("agencies") == ["NCA", "HMRC"])
        #expect(form.codes("partners") == ["GMP", "BF"])
        #expect(form.codes("none").isEmpty && form.codes("absent").isEmpty)
    }

    static func problem(_ answer: DateAnswer) -> String? {
        if case .failure(let problem) = answer.date("Date") { return problem.message }
        return nil
    }
}

/// A refused form in words, each field's error linked to its input.
@Suite("Form problems")
struct FormProblemTests {
    @Test(
        "fields read in words and link to their inputs; dates typed in boxes are asked to be real; other reasons stay sentences"
    )
    func words() throws {
        let refused = try #require(
            FormProblem(
                .invalid([
                    FieldError("changeNote", "must say what changed and why"),
                    FieldError("validFrom", "must be a date as yyyy-mm-dd"),
                    FieldError("indicators[2].value", "is empty"),
                    FieldError("source.kind", "must be one of covert, open"),
                ]), labels: ["indicators": "Indicators"], anchors: ["source": "sourceKind"]))
        #expect(refused.items.map(\.anchor) == ["changeNote", "validFrom", "indicators", "sourceKind"])
        #expect(
            refused.items.map(\.message) == [
                "Change note must say what changed and why", "Valid from must be a real date", "Indicators is empty",
                "Source must be one of covert, open",
            ])
        let conflict = try #require(FormProblem(.conflict(field: "code", reason: "that code is taken")))
        #expect(conflict.items.map(\.anchor) == [nil] && conflict.items.map(\.message) == ["That code is taken"])
        #expect(FormProblem(.unauthenticated) == nil)
        // Carried through a redirect's query, a parameter an item with no line break, and read back, links included.
        let parameters = refused.query("problem").split(separator: "&")
        #expect(parameters.count == 4 && parameters.allSatisfy { $0.hasPrefix("problem=") })
        let values: [Substring] = parameters.compactMap { parameter in
            parameter.dropFirst("problem=".count).removingPercentEncoding.map { Substring($0) }
        }
        #expect(values.count == 4 && !values.contains { $0.contains("\n") })
        let back = try #require(FormProblem(query: values))
        #expect(back.items.map(\.anchor) == refused.items.map(\.anchor))
        #expect(back.items.map(\.message) == refused.items.map(\.message))
        #expect(FormProblem(query: []) == nil)
    }
}
