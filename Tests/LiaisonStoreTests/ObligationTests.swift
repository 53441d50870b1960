import Foundation
import LiaisonCore
import Testing

@testable import LiaisonStore

/// Casework with partner interest on every store: interest registered by the partner or from its email, the case
/// owner's details sent on allocation, an obligation for every milestone, the 3-day removal rule, the consultation
/// before a decision not to deport, confiscation barriers, and escalation when a deadline is missed. The clock moves.
@Suite("Obligations to partners")
struct ObligationTests {
    /// A Home Office casework agency with its workflow team, a case owner and a senior caseworker; the NCA and GMP as
    /// partners; a subject and a case.
    struct World {
        let f: ContractFixture
        let clock: MovableClock
        let hocc: Agency
        let caseworker: User
        let owner: User
        let senior: User
        let ncaOfficer: User
        let cases: CaseService
        let obligations: ObligationService
        var deportationCase: DeportationCase

        init(_ kind: ContractStoreKind, reference: String = "B1234567", named name: String? = nil) async throws {
            f = try await ContractFixture(kind, named: name)
            clock = MovableClock(f.clock.now())
            hocc = Agency(code: "HOCC", name: "Home Office Criminal Casework", type: "government", jurisdiction: "uk")
            try await f.store.insertAgency(hocc)
            caseworker = User(
                username: "hocc.workflow", displayName: "Workflow Caseworker", email: "workflow@hocc.invalid",
                agencyID: hocc.id,
                roles: [.caseworker], vetting: .sc)
            owner = User(
                username: "hocc.owner", displayName: "Casey Owner", email: "owner@hocc.invalid", agencyID: hocc.id,
                roles: [.caseOwner], vetting: .sc, phone: "01632 960123")
            senior = User(
                username: "hocc.senior", displayName: "Senior", email: "senior@hocc.invalid", agencyID: hocc.id,
                roles: [.seniorCaseworker], vetting: .sc)
            ncaOfficer = User(
                username: "nca.partner", displayName: "NCA Partner", email: "partner@nca.invalid", agencyID: f.nca.id,
                roles: [.partnerOfficer], vetting: .sc)
            for user in [caseworker, owner, senior, ncaOfficer] {
                try await f.store.insertUser(user, passwordHash: "x")
            }
            let audit = AuditLog(store: f.store, clock: clock)
            cases = CaseService(store: f.store, clock: clock, audit: audit)
            obligations = ObligationService(store: f.store, clock: clock, audit: audit)
            let subject = try await SubjectService(store: f.store, clock: clock, audit: audit)
                .create(
                    SubjectInput(details: SubjectDetails(names: [PersonName(given: "Arben", family: "Hoxha")])),
                    by: caseworker)
            // The Home Office shares the case with the NCA, which may then register its interest in it.
            deportationCase = try await cases.create(
                CaseInput(
                    subjectID: subject.id, homeOfficeReference: reference,
                    sharing: Sharing(withAll: false, agencies: [f.nca.id])), by: caseworker)
        }

        mutating func step(_ input: (Int) -> CaseStepInput, by user: User? = nil) async throws {
            deportationCase = try await cases.step(
                deportationCase.id, input(deportationCase.meta.version), by: user ?? caseworker)
        }

        mutating func interest(_ input: (Int) -> InterestInput, by user: User) async throws {
            deportationCase = try await cases.registerInterest(
                deportationCase.id, input(deportationCase.meta.version), by: user)
        }

        func owed() async throws -> [Obligation] {
            try await f.store.obligations(ObligationQuery(caseID: deportationCase.id))
        }
    }

    @Test(
        "interest registered by the partner or from its email; the case owner's details go out on allocation",
        arguments: ContractStoreKind.available)
    func interestAndAllocation(kind: ContractStoreKind) async throws {
        var w = try await World(kind)
        try await w.interest(
            { InterestInput(version: $0, reason: "Subject of an NCA investigation", contact: "desk@nca.invalid") },
            by: w.ncaOfficer)
        #expect(
            w.deportationCase.activeInterests.map(\.agencyCode) == ["NCA"] && w.deportationCase.interests[0].via == .api
        )
        #expect(try await w.owed().isEmpty, "nothing is owed while the case is unallocated")

        try await w.step { CaseStepInput(version: $0, note: "allocated", allocateTo: "hocc.owner") }
        let details = try #require(try await w.owed().first)
        #expect(details.event == "case-owner-details" && details.agencyCode == "NCA" && details.owner == "hocc.owner")
        #expect(details.dueBy == w.clock.now().addingTimeInterval(3600))
        for expected in ["B1234567", "HOXHA, Arben", "Casey Owner", "01632 960123", "owner@hocc.invalid"] {
            #expect(details.summary.localizedCaseInsensitiveContains(expected), "the notice names \(expected)")
        }
        let messages = try await w.f.store.messages(obligation: details.id)
        #expect(messages.map(\.channel) == [.inbox] && messages[0].status == .delivered)

        // A caseworker records GMP's interest from its email, with confiscation proceedings: a confiscation barrier
        // opens, and GMP alone is sent the owner's details at once.
        try await w.interest(
            {
                InterestInput(
                    version: $0, agencyCode: "gmp", reason: "Restraint order", confiscation: "Crown Court proceedings",
                    contact: "fi@gmp.invalid")
            }, by: w.caseworker)
        #expect(w.deportationCase.interests.last?.via == .email)
        #expect(w.deportationCase.progress.openBarriers.map(\.kind) == [.confiscation])
        #expect(
            w.deportationCase.progress.events.map(\.kind).suffix(3) == [
                "interest-registered", "barrier-opened", "barriers-process-started",
            ])
        #expect(try await w.owed().map(\.agencyCode).sorted() == ["GMP", "NCA"])
        #expect(w.deportationCase.meta.sharing.withAll || w.deportationCase.meta.sharing.agencies.contains(w.f.gmp.id))

        // A partner may register only its own agency's interest, and only once.
        await #expect(
            throws: LiaisonError.conflict(
                field: "agencyCode", reason: "NCA has already registered interest in this case")
        ) {
            try await w.interest({ InterestInput(version: $0, reason: "again", contact: "x") }, by: w.ncaOfficer)
        }
        await #expect(
            throws: LiaisonError.forbidden(
                reason: "only the case's own caseworkers may record another agency's interest")
        ) {
            try await w.interest(
                { InterestInput(version: $0, agencyCode: "HOCC", reason: "x", contact: "x") }, by: w.ncaOfficer)
        }
        await #expect(throws: LiaisonError.invalid("contact", "must give the agency's contact point")) {
            try await w.interest(
                { InterestInput(version: $0, agencyCode: "GMP", reason: "x", contact: " ") }, by: w.caseworker)
        }
        await w.f.close()
    }

    @Test(
        "every milestone is owed to each interested agency; removal details at least 72 hours ahead",
        arguments: ContractStoreKind.available)
    func everyMilestone(kind: ContractStoreKind) async throws {
        var w = try await World(kind)
        try await w.interest({ InterestInput(version: $0, reason: "investigation", contact: "desk") }, by: w.ncaOfficer)
        try await w.interest(
            { InterestInput(version: $0, agencyCode: "GMP", reason: "local offending", contact: "desk") },
            by: w.caseworker)
        let path: [CaseMilestone] = [
            .liabilityToDeport, .notifiedOfIntention, .representations, .decisionToDeport, .deportationOrder,
            .appealLodged,
            .appealDetermined, .appealRightsExhausted, .bailGranted, .bailEnded,
        ]
        await #expect(
            throws: LiaisonError.invalid(
                "bailConditions", "must list the bail conditions and restrictions (at most 2000 characters)")
        ) {
            try await w.step { CaseStepInput(version: $0, milestone: "bail-granted", reason: "tribunal") }
        }
        for milestone in path {
            try await w.step {
                CaseStepInput(
                    version: $0, milestone: milestone.rawValue, reason: "recorded",
                    bailConditions: milestone == .bailGranted ? "reside at a fixed address; report weekly" : nil)
            }
            w.clock.advance(3600)
        }
        // Removal 84 hours away: the details are due 72 hours before it, sooner than the usual 24 hours.
        let removal = RemovalDirections(
            date: w.clock.now().addingTimeInterval(84 * 3600), route: "LHR", destination: "Tirana")
        let setAt = w.clock.now()
        try await w.step {
            CaseStepInput(version: $0, milestone: "removal-directions-set", reason: "flight booked", removal: removal)
        }
        let owed = try await w.owed()
        for milestone in path {
            #expect(
                owed.filter { $0.event == milestone.rawValue }.map(\.agencyCode).sorted() == ["GMP", "NCA"],
                "\(milestone.rawValue) is owed to both")
            #expect(
                owed.filter { $0.event == milestone.rawValue }.allSatisfy {
                    $0.dueBy == $0.createdAt.addingTimeInterval(24 * 3600)
                })
        }
        let details = owed.filter { $0.event == "removal-details" }
        #expect(
            details.count == 2
                && details.allSatisfy {
                    $0.dueBy == removal.date.addingTimeInterval(-72 * 3600)
                        && $0.dueBy == setAt.addingTimeInterval(12 * 3600)
                })
        #expect(details[0].summary.contains("LHR") && details[0].summary.contains("Tirana"))
        #expect(
            w.deportationCase.progress.events.first { $0.kind == "bail-granted" }?.details["conditions"]
                == "reside at a fixed address; report weekly")
        // The notice carries the facts its milestone is about: the bail conditions and restrictions.
        let bail = try #require(owed.first { $0.event == "bail-granted" })
        #expect(bail.summary.contains("Bail conditions and restrictions: reside at a fixed address; report weekly"))

        // Less than 72 hours' notice needs a senior caseworker's override, and the details are due at once.
        w.clock.advance(3600)
        let soon = RemovalDirections(
            date: w.clock.now().addingTimeInterval(48 * 3600), route: "LGW", destination: "Tirana")
        await #expect(throws: LiaisonError.self) {
            try await w.step {
                CaseStepInput(version: $0, milestone: "removal-directions-set", reason: "earlier flight", removal: soon)
            }
        }
        await #expect(
            throws: LiaisonError.forbidden(
                reason: "only a senior caseworker may override the 72-hour notice for a removal")
        ) {
            try await w.step {
                CaseStepInput(
                    version: $0, milestone: "removal-directions-set", reason: "earlier flight", removal: soon,
                    override: "seat available")
            }
        }
        let overrideAt = w.clock.now()
        try await w.step(
            {
                CaseStepInput(
                    version: $0, milestone: "removal-directions-set", reason: "earlier flight", removal: soon,
                    override: "seat available")
            },
            by: w.senior)
        let urgent = try await w.owed().filter { $0.event == "removal-details" && $0.createdAt == overrideAt }
        #expect(urgent.count == 2 && urgent.allSatisfy { $0.dueBy == overrideAt && $0.status == .open })
        // The earlier removal's notices are superseded by the new directions: they no longer fall due or escalate.
        let replaced = try await w.owed().filter { $0.event == "removal-details" && $0.createdAt == setAt }
        #expect(replaced.count == 2 && replaced.allSatisfy { $0.status == .superseded })
        w.clock.advance(30 * 86_400)
        #expect(try await w.obligations.sweep().allSatisfy { $0.createdAt != setAt || $0.event != "removal-details" })
        for milestone in ["removed", "closed"] {
            try await w.step { CaseStepInput(version: $0, milestone: milestone, reason: "done") }
        }
        #expect(try await w.owed().filter { ["removed", "closed"].contains($0.event) }.count == 4)
        await w.f.close()
    }

    @Test(
        "a decision not to deport waits for the consultation: an answer, or the deadline passing, recorded either way",
        arguments: ContractStoreKind.available)
    func consultation(kind: ContractStoreKind) async throws {
        var w = try await World(kind)
        try await w.interest({ InterestInput(version: $0, reason: "investigation", contact: "desk") }, by: w.ncaOfficer)
        try await w.step {
            CaseStepInput(version: $0, milestone: "liability-to-deport", reason: "sentence over 12 months")
        }
        let notYet =
            "a decision not to deport cannot be finalised until every interested agency has answered or its consultation deadline has passed; awaiting "
        await #expect(throws: LiaisonError.conflict(field: "consultation", reason: notYet + "NCA (not yet consulted)"))
        {
            try await w.step { CaseStepInput(version: $0, milestone: "decision-not-to-deport", reason: "article 8") }
        }
        try await w.step { CaseStepInput(version: $0, note: "article 8 claim looks strong", consult: true) }
        let consultation = try #require(try await w.owed().first { $0.event == "consultation" })
        #expect(consultation.dueBy == w.clock.now().addingTimeInterval(120 * 3600))
        await #expect(throws: LiaisonError.conflict(field: "consultation", reason: notYet + "NCA (awaiting an answer)"))
        {
            try await w.step { CaseStepInput(version: $0, milestone: "decision-not-to-deport", reason: "article 8") }
        }
        // Only the NCA may answer; its reply lands on the case.
        await #expect(
            throws: LiaisonError.forbidden(reason: "only NCA, the agency it is addressed to, may acknowledge it")
        ) {
            try await w.obligations.acknowledge(consultation.id, AcknowledgementInput(reply: "x"), by: w.caseworker)
        }
        let answered = try await w.obligations.acknowledge(
            consultation.id, AcknowledgementInput(reply: "We hold his passport; no objection"), by: w.ncaOfficer)
        #expect(answered.status == .acknowledged && answered.acknowledgedBy == "nca.partner")
        await #expect(throws: LiaisonError.conflict(field: "status", reason: "the obligation is already acknowledged"))
        {
            try await w.obligations.acknowledge(consultation.id, AcknowledgementInput(), by: w.ncaOfficer)
        }
        w.deportationCase = try await w.cases.get(w.deportationCase.id, by: w.caseworker)
        #expect(
            w.deportationCase.progress.events.last?.kind == "partner-reply"
                && w.deportationCase.progress.events.last?.reason == "We hold his passport; no objection")
        try await w.step { CaseStepInput(version: $0, milestone: "decision-not-to-deport", reason: "article 8") }
        #expect(
            w.deportationCase.progress.events.last?.details["consultation.NCA"]
                == "answered: We hold his passport; no objection")

        // Another case: no answer, but the deadline passes.
        var other = try await World(kind, reference: "C7654321")
        try await other.interest(
            { InterestInput(version: $0, reason: "investigation", contact: "desk") }, by: other.ncaOfficer)
        try await other.step { CaseStepInput(version: $0, milestone: "liability-to-deport", reason: "sentence") }
        try await other.step { CaseStepInput(version: $0, consult: true) }
        other.clock.advance(121 * 3600)
        try await other.step { CaseStepInput(version: $0, milestone: "decision-not-to-deport", reason: "article 8") }
        #expect(
            other.deportationCase.progress.events.last?.details["consultation.NCA"]?.hasPrefix(
                "no answer by the deadline") == true)
        await w.f.close()
        await other.f.close()
    }

    @Test(
        "a missed deadline escalates to the senior caseworker, then the process team, each step audited",
        arguments: ContractStoreKind.available)
    func escalation(kind: ContractStoreKind) async throws {
        var w = try await World(kind)
        try await w.interest({ InterestInput(version: $0, reason: "investigation", contact: "desk") }, by: w.ncaOfficer)
        try await w.interest(
            { InterestInput(version: $0, agencyCode: "GMP", reason: "local", contact: "desk") }, by: w.caseworker)
        try await w.step { CaseStepInput(version: $0, milestone: "liability-to-deport", reason: "sentence") }
        let owed = try await w.owed()
        #expect(owed.count == 2)
        _ = try await w.obligations.acknowledge(
            try #require(owed.first { $0.agencyCode == "GMP" }).id, AcknowledgementInput(), by: w.f.partner)
        #expect(try await w.obligations.sweep().isEmpty, "nothing is late yet")
        #expect(try await w.obligations.list(.due, by: w.caseworker).map(\.agencyCode) == ["NCA"])

        w.clock.advance(25 * 3600)
        let first = try await w.obligations.sweep()
        #expect(first.map(\.agencyCode) == ["NCA"] && first[0].escalation == 1, "the acknowledged one never escalates")
        // The people it is escalated to are told by email: at level 1 every senior caseworker of the holding agency.
        let process = User(
            username: "hocc.process", displayName: "Process Team", email: "process@hocc.invalid", agencyID: w.hocc.id,
            roles: [.supervisor], vetting: .sc)
        try await w.f.store.insertUser(process, passwordHash: "x")
        func escalationEmails() async throws -> [OutboxMessage] {
            try await w.f.store.messages(obligation: first[0].id).filter { $0.id.contains(":escalation-") }
        }
        #expect(try await escalationEmails().map(\.destination) == ["senior@hocc.invalid"])
        #expect(
            try await escalationEmails().allSatisfy {
                $0.channel == .email && $0.subject.contains("overdue")
                    && $0.body.contains("Escalated to the senior caseworker")
            })
        // The partner sees its notice, not the Home Office's internal escalation; the senior caseworker sees both.
        #expect(
            try await w.obligations.get(first[0].id, by: w.ncaOfficer).1.allSatisfy { !$0.id.contains(":escalation-") })
        #expect(
            try await w.obligations.get(first[0].id, by: w.senior).1.contains {
                $0.id.contains(":escalation-1:hocc.senior")
            })
        #expect(try await w.obligations.list(.overdue, by: w.caseworker).map(\.escalation) == [1])
        #expect(try await w.obligations.list(.due, by: w.caseworker).isEmpty)
        #expect(
            try await w.f.store.obligationTallies(at: w.clock.now()) == [
                ObligationTally(team: "", agency: "NCA", due: 0, overdue: 1, escalated: 1)
            ])
        w.clock.advance(12 * 3600)
        #expect(try await w.obligations.sweep().isEmpty, "the next level waits 24 hours")
        w.clock.advance(13 * 3600)
        #expect(try await w.obligations.sweep().map(\.escalation) == [2])
        #expect(try await w.obligations.sweep().isEmpty)
        // At level 2 the criminal casework process team is told.
        #expect(
            try await escalationEmails().map(\.destination).sorted() == ["process@hocc.invalid", "senior@hocc.invalid"])
        #expect(
            try await escalationEmails().contains {
                $0.id.hasSuffix(":escalation-2:hocc.process") && $0.body.contains("criminal casework process team")
            })
        let audited = try await w.f.store.searchAudit(AuditQuery(action: "obligation.escalate", limit: 10))
        #expect(
            audited.map(\.detail).compactMap { $0 }.map { $0.components(separatedBy: "escalated to the ").last! }
                == ["criminal casework process team", "senior caseworker"])
        // The dashboard counts; the partner's inbox shows its own.
        let dashboard = try await w.obligations.dashboard(by: w.senior)
        #expect(dashboard.tallies == [ObligationTally(team: "", agency: "NCA", due: 0, overdue: 1, escalated: 1)])
        await #expect(throws: LiaisonError.self) { try await w.obligations.dashboard(by: w.ncaOfficer) }
        #expect(try await w.obligations.list(.all, inbox: true, by: w.ncaOfficer).map(\.agencyCode) == ["NCA"])
        await w.f.close()
    }

    @Test(
        "minute sheet ICD.4353: attached by the workflow team, or requested from the team holding the file until it confirms",
        arguments: ContractStoreKind.available)
    func minuteSheet(kind: ContractStoreKind) async throws {
        var w = try await World(kind)
        try await w.step { CaseStepInput(version: $0, minuteSheet: "attach") }
        #expect(w.deportationCase.minuteSheet?.state == .attached)
        try await w.step {
            CaseStepInput(version: $0, note: "sent for the appeal", fileLocation: "Tribunal team, Leeds")
        }
        #expect(
            w.deportationCase.fileLocation == "leeds-tribunal"
                && w.deportationCase.progress.events.last?.details["to"] == "leeds-tribunal")
        // The holder is a team from the reference list, named or coded, never free text.
        await #expect(
            throws: LiaisonError.invalid(
                "fileLocation",
                "is not a casework team; choose one of: workflow, croydon, sheffield, liverpool-removals, leeds-tribunal, glasgow, detained-casework, appeals-litigation"
            )
        ) {
            try await w.step { CaseStepInput(version: $0, fileLocation: "workflow team") }
        }
        await #expect(throws: LiaisonError.invalid("fileLocation", "the file is already with that team")) {
            try await w.step { CaseStepInput(version: $0, fileLocation: "LEEDS-TRIBUNAL") }
        }
        var away = try await World(kind, reference: "D1112223")
        away.deportationCase = try await away.cases.create(
            CaseInput(
                subjectID: away.deportationCase.subjectID, homeOfficeReference: "E1112223",
                fileLocation: "liverpool-removals"), by: away.caseworker)
        try await away.step { CaseStepInput(version: $0, minuteSheet: "attach") }
        #expect(
            away.deportationCase.minuteSheet?.state == .requested
                && away.deportationCase.minuteSheet?.requestedFrom == "Removals team, Liverpool")
        #expect(
            try await away.obligations.dashboard(by: away.caseworker).minuteSheetsAwaiting.map(\.reference) == [
                "E1112223"
            ])
        try await away.step { CaseStepInput(version: $0, note: "confirmed by phone", minuteSheet: "confirm") }
        #expect(away.deportationCase.minuteSheet?.state == .attached)
        #expect(try await away.obligations.dashboard(by: away.caseworker).minuteSheetsAwaiting.isEmpty)
        await #expect(
            throws: LiaisonError.invalid("minuteSheet", "no minute sheet request is waiting for confirmation")
        ) {
            try await away.step { CaseStepInput(version: $0, minuteSheet: "confirm") }
        }
        await w.f.close()
        await away.f.close()
    }

    @Test(
        "interest in a person applies to each of their cases, open now or opened later",
        arguments: ContractStoreKind.available)
    func subjectInterest(kind: ContractStoreKind) async throws {
        var w = try await World(kind)
        try await w.step { CaseStepInput(version: $0, allocateTo: "hocc.owner") }
        let subject = w.deportationCase.subjectID
        let interest = try await w.cases.registerSubjectInterest(
            subject,
            InterestInput(
                version: nil, reason: "NCA operation target",
                confiscation: "restraint order", contact: "desk"), by: w.ncaOfficer)
        #expect(interest.agencyCode == "NCA" && interest.via == .api)
        let open = try #require(try await w.f.store.deportationCase(w.deportationCase.id))
        #expect(
            open.activeInterests.map(\.agencyCode) == ["NCA"]
                && open.progress.openBarriers.map(\.kind) == [.confiscation])
        #expect(
            try await w.f.store.obligations(ObligationQuery(caseID: open.id)).map(\.event) == ["case-owner-details"],
            "the owner's details go at once")
        await #expect(
            throws: LiaisonError.conflict(
                field: "agencyCode", reason: "NCA has already registered interest in this person")
        ) {
            try await w.cases.registerSubjectInterest(
                subject, InterestInput(version: nil, reason: "again", contact: "desk"), by: w.ncaOfficer)
        }
        await #expect(throws: LiaisonError.forbidden(reason: "only caseworkers may record another agency's interest")) {
            try await w.cases.registerSubjectInterest(
                subject, InterestInput(version: nil, agencyCode: "GMP", reason: "x", contact: "desk"), by: w.ncaOfficer)
        }
        let later = try await w.cases.create(
            CaseInput(subjectID: subject, homeOfficeReference: "G1357913"), by: w.caseworker)
        #expect(later.activeInterests.map(\.agencyCode) == ["NCA"] && later.meta.version == 2)
        #expect(try await w.cases.subjectInterests(subject, by: w.caseworker).map(\.reason) == ["NCA operation target"])
        await w.f.close()
    }

    @Test(
        "the guidance's order is allowed: notified of the intention after the decision to deport, as well as before it",
        arguments: ContractStoreKind.available)
    func seedOrder(kind: ContractStoreKind) async throws {
        var w = try await World(kind)
        for milestone in ["liability-to-deport", "decision-to-deport", "notified-of-intention", "deportation-order"] {
            try await w.step { CaseStepInput(version: $0, milestone: milestone, reason: "as the file shows") }
        }
        #expect(w.deportationCase.progress.stage == .deportationOrder)
        #expect(CaseRules.standard.version == 2 && CaseRules.standard.changeNote.contains("before the decision"))
        // The other order still works, and a deportation order still needs a decision to deport first.
        var other = try await World(kind, reference: "C7654321")
        for milestone in ["liability-to-deport", "notified-of-intention"] {
            try await other.step { CaseStepInput(version: $0, milestone: milestone, reason: "as the file shows") }
        }
        await #expect(
            throws: LiaisonError.invalid("milestone", "deportation-order needs decision-to-deport on the case first")
        ) {
            try await other.step { CaseStepInput(version: $0, milestone: "deportation-order", reason: "x") }
        }
        try await other.step {
            CaseStepInput(version: $0, milestone: "decision-to-deport", reason: "as the file shows")
        }
        await w.f.close()
        await other.f.close()
    }

    @Test(
        "interest is an addition: no version needed, and a step landing first does not refuse it",
        arguments: ContractStoreKind.available)
    func interestWithoutVersion(kind: ContractStoreKind) async throws {
        var w = try await World(kind)
        let seen = w.deportationCase.meta.version
        try await w.step {
            CaseStepInput(version: $0, milestone: "liability-to-deport", reason: "sentence over 12 months")
        }
        let registered = try await w.cases.registerInterest(
            w.deportationCase.id, InterestInput(version: seen, reason: "investigation", contact: "desk"),
            by: w.ncaOfficer)
        #expect(
            registered.activeInterests.map(\.agencyCode) == ["NCA"] && registered.progress.stage == .liabilityToDeport)
        let again = try await w.cases.registerInterest(
            w.deportationCase.id, InterestInput(version: nil, agencyCode: "GMP", reason: "local", contact: "desk"),
            by: w.caseworker)
        #expect(again.activeInterests.map(\.agencyCode) == ["NCA", "GMP"])
        await w.f.close()
    }

    @Test(
        "what the sweep would do at a given time is seen without changing anything",
        arguments: ContractStoreKind.available)
    func sweepDryRun(kind: ContractStoreKind) async throws {
        var w = try await World(kind)
        try await w.interest({ InterestInput(version: $0, reason: "investigation", contact: "desk") }, by: w.ncaOfficer)
        try await w.step {
            CaseStepInput(version: $0, milestone: "liability-to-deport", reason: "sentence over 12 months")
        }
        let owed = try #require(try await w.owed().first)
        #expect(try await w.obligations.sweep(asOf: w.clock.now(), dryRun: true).isEmpty)
        let first = try await w.obligations.sweep(asOf: owed.dueBy.addingTimeInterval(60), dryRun: true)
        #expect(first.map(\.id) == [owed.id] && first[0].escalation == 1)
        let second = try await w.obligations.sweep(asOf: owed.dueBy.addingTimeInterval(25 * 3600), dryRun: true)
        #expect(second.map(\.escalation) == [2])
        #expect(try await w.f.store.obligation(owed.id)?.escalation == 0, "a dry run changes nothing")
        #expect(try await w.f.store.searchAudit(AuditQuery(action: "obligation.escalate")).isEmpty)
        await w.f.close()
    }

    @Test(
        "a case is found by its Home Office reference, and every case is reached a page at a time",
        arguments: ContractStoreKind.available)
    func caseLookup(kind: ContractStoreKind) async throws {
        let w = try await World(kind)
        let subject = w.deportationCase.subjectID
        for n in 1...4 {
            _ = try await w.cases.create(
                CaseInput(subjectID: subject, homeOfficeReference: "K\(1_000_000 + n)"), by: w.caseworker)
        }
        let found = try await w.cases.page(CaseQuery(reference: "b1234567"), by: w.caseworker)
        #expect(found.items.map(\.id) == [w.deportationCase.id] && found.nextCursor == nil)
        #expect(try await w.cases.page(CaseQuery(reference: "Z9999999"), by: w.caseworker).items.isEmpty)
        await #expect(throws: LiaisonError.invalid("reference", "must be a letter and 5 to 9 digits, e.g. B1234567")) {
            try await w.cases.page(CaseQuery(reference: "12"), by: w.caseworker)
        }
        var seen: [CaseID] = []
        var cursor: String?
        repeat {
            let page = try await w.cases.page(CaseQuery(limit: 2, cursor: cursor), by: w.caseworker)
            #expect(page.items.count <= 2)
            seen += page.items.map(\.id)
            cursor = page.nextCursor
        } while cursor != nil
        #expect(seen.count == 5 && Set(seen).count == 5)
        // Another agency's officer cannot find a case not shared with it by its reference.
        #expect(try await w.cases.page(CaseQuery(reference: "K1000001"), by: w.f.partner).items.isEmpty)
        await w.f.close()
    }
}
