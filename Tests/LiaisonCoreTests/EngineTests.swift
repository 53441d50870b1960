import Foundation
import LiaisonCore
import LiaisonDemo
import LiaisonGraph
import LiaisonMatching
import Testing

@Suite("Engines")
struct EngineTests {
    @Test(
        "folding handles scripts, diacritics and punctuation",
        arguments: [
            ("Łukasz Żółć", "lukasz zolc"), ("Иван Петров", "ivan petrov"), ("Al-Rashid", "al rashid"),
            ("O'Neill", "oneill"), ("  MÜLLER,  Jürgen ", "muller jurgen"), ("Παπαδόπουλος", "papadopoulos"),
            ("İbrahim Yılmaz", "ibrahim yilmaz"),
        ])
    func folding(input: String, expected: String) {
        #expect(TextNormaliser.fold(input) == expected)
    }

    @Test("search keys cover names, joined names, identifiers and the blocking keys of a name's sounds")
    func keys() {
        let keys = SearchKeys.subject(
            SubjectDetails(
                names: [PersonName(given: "Mohammed", family: "Al-Rashid")],
                identifiers: [PersonIdentifier(kind: "pnc", value: "98/123456A")]))
        // Without a date of birth the blocking keys pair the family name's sound (the last word, and all joined) with the given name's.
        #expect(
            keys == [
                "#ALRXT/MHMT~", "#RXT/MHMT~", "123456a", "98", "98123456a", "al", "alrashid", "mohammed", "rashid",
            ])
        #expect(SearchKeys.query("  Al-Rashid  MO ") == ["al", "rashid", "mo"])
    }

    @Test("neighbourhoods and shortest paths")
    func graph() {
        let graph = LinkGraph(nodeCount: 6, edges: [(0, 1), (1, 2), (2, 3), (0, 1), (4, 4)])
        #expect(graph.adjacency[1] == [0, 2])
        #expect(graph.neighbourhood(of: 0, depth: 2).map(\.node) == [0, 1, 2])
        #expect(graph.shortestPath(from: 0, to: 3) == [0, 1, 2, 3])
        #expect(graph.shortestPath(from: 0, to: 5) == nil)
        #expect(graph.neighbourhood(of: 9, depth: 1).isEmpty)
    }

    @Test("the access policy explains vetting, role and agency refusals")
    func policy() {
        let nca = AgencyID.make()
        let gmp = AgencyID.make()
        let analyst = User(
            username: "a", displayName: "A", email: "a@x.invalid", agencyID: nca, roles: [.analyst], vetting: .sc)
        let auditor = User(
            username: "b", displayName: "B", email: "b@x.invalid", agencyID: nca, roles: [.auditor], vetting: .bpss)
        let secret = RecordMeta(
            owningAgencyID: gmp, marking: ProtectiveMarking(.secret), createdAt: .distantPast, createdBy: analyst.id)
        let topSecret = RecordMeta(
            owningAgencyID: nca, marking: ProtectiveMarking(.topSecret), createdAt: .distantPast, createdBy: analyst.id)
        #expect(AccessPolicy.decide(analyst, .read, secret).allowed)
        #expect(AccessPolicy.decide(analyst, .update, secret).reasons == ["the record belongs to another agency"])
        #expect(AccessPolicy.decide(analyst, .read, topSecret).reasons == ["SC vetting does not reach TOP SECRET"])
        #expect(
            AccessPolicy.decide(auditor, .update, secret).reasons == [
                "BPSS vetting does not reach SECRET", "none of the user's roles may update records",
                "the record belongs to another agency",
            ])
    }

    @Test("deciding whether two records are one person needs both readable and a role that edits, not ownership")
    func linkPolicy() {
        let nca = AgencyID.make()
        let gmp = AgencyID.make()
        let analyst = User(
            username: "a", displayName: "A", email: "a@x.invalid", agencyID: nca, roles: [.analyst], vetting: .sc)
        let partner = User(
            username: "p", displayName: "P", email: "p@x.invalid", agencyID: nca, roles: [.partnerOfficer], vetting: .sc
        )
        let ours = RecordMeta(owningAgencyID: nca, marking: .official, createdAt: .distantPast, createdBy: analyst.id)
        let theirs = RecordMeta(owningAgencyID: gmp, marking: .official, createdAt: .distantPast, createdBy: analyst.id)
        let secret = RecordMeta(
            owningAgencyID: gmp, marking: ProtectiveMarking(.topSecret), createdAt: .distantPast, createdBy: analyst.id)
        #expect(AccessPolicy.decideLink(analyst, [ours, theirs], kind: "subject").allowed)
        #expect(!AccessPolicy.decide(analyst, .update, theirs).allowed)
        #expect(
            AccessPolicy.decideLink(partner, [ours, theirs], kind: "subject").reasons == [
                "none of the user's roles may decide whether records are one person"
            ])
        #expect(
            AccessPolicy.decideLink(analyst, [ours, secret], kind: "subject").reasons == [
                "SC vetting does not reach TOP SECRET"
            ])
    }

    @Test("demo data is deterministic and varied")
    func demo() {
        let a = DemoData.generate(seed: 3, subjects: 500, ocgs: 30)
        let b = DemoData.generate(seed: 3, subjects: 500, ocgs: 30)
        #expect(a.subjects == b.subjects)
        #expect(a.ocgs == b.ocgs)
        #expect(a.agencies.count >= 12)
        #expect(a.users.count >= 24)
        #expect(a.subjects.contains { $0.details.names.contains { $0.kind == .transliteration } })
        #expect(a.subjects.filter { !$0.details.aliases.isEmpty }.count > 100)
        #expect(a.ocgs.allSatisfy { !$0.members.isEmpty })
        // Every generated record passes the same validation a user's input does.
        for subject in a.subjects.prefix(200) {
            #expect(throws: Never.self) { try subject.details.validated(reference: .defaults, today: .now) }
        }
        for group in a.ocgs {
            #expect(throws: Never.self) { try group.details.validated(reference: .defaults) }
        }
    }
}

@Suite("Audit chain and lockout rules")
struct AuditRuleTests {
    let user = User(
        username: "u", displayName: "U", email: "u@x.invalid", agencyID: .make(), roles: [.analyst], vetting: .sc)

    @Test("sealed entries chain, and any change to any field breaks the hash")
    func chain() {
        let t = Date(timeIntervalSince1970: 1_790_000_000)
        let a = AuditChain.seal(
            AuditDraft(user, "subject.read", kind: "subject", ids: ["x"], request: .none), sequence: 1, time: t,
            previousHash: AuditChain.genesis)
        let b = AuditChain.seal(
            AuditDraft(user, "subject.update", kind: "subject", ids: ["x"], request: .none), sequence: 2, time: t,
            previousHash: a.hash)
        #expect(AuditChain.firstBreak([a, b]) == nil)
        #expect(a.hash.count == 64)
        var edited = b
        edited.detail = "hidden"
        #expect(AuditChain.firstBreak([a, edited]) == .alteredEntry(sequence: 2))
        // Moving text between adjacent fields changes the encoding, so the hash too.
        var shifted = a
        shifted.objectIDs = ["x", ""]
        #expect(AuditChain.hash(shifted) != a.hash)
        #expect(AuditChain.firstBreak([b]) == .brokenLink(sequence: 2, expectedSequence: 1))
    }

    @Test("five failures within fifteen minutes lock the account for fifteen minutes")
    func lockout() {
        let rule = LockoutRule()
        let t0 = Date(timeIntervalSince1970: 1_790_000_000)
        var attempts: LoginAttempts?
        for i in 1...4 {
            let step = rule.afterFailure(attempts, now: t0.addingTimeInterval(Double(i) * 60))
            #expect(!step.locked)
            attempts = step.attempts
        }
        let fifth = rule.afterFailure(attempts, now: t0.addingTimeInterval(300))
        #expect(fifth.locked)
        #expect(rule.lockedUntil(fifth.attempts, now: t0.addingTimeInterval(301)) == t0.addingTimeInterval(300 + 900))
        #expect(rule.lockedUntil(fifth.attempts, now: t0.addingTimeInterval(300 + 901)) == nil)
        // Failures spread beyond the window never lock.
        var spread: LoginAttempts?
        for i in 0..<10 {
            let step = rule.afterFailure(spread, now: t0.addingTimeInterval(Double(i) * 1000))
            #expect(!step.locked)
            spread = step.attempts
        }
    }
}

@Suite("Access policy rules")
struct AccessPolicyRuleTests {
    let nca = AgencyID.make(), gmp = AgencyID.make(), hmrc = AgencyID.make()
    var analyst: User {
        User(
            username: "a", displayName: "A", email: "a@x.invalid", agencyID: nca, roles: [.analyst], vetting: .sc,
            briefings: ["OPERATION FLINT"])
    }
    var partner: User {
        User(
            username: "p", displayName: "P", email: "p@x.invalid", agencyID: gmp, roles: [.intelligenceOfficer],
            vetting: .sc)
    }

    func meta(owner: AgencyID, sharing: Sharing = .all, ntk: String? = nil, handling: HandlingCode? = nil) -> RecordMeta
    {
        RecordMeta(
            owningAgencyID: owner, marking: .official, sharing: sharing, needToKnow: ntk, handling: handling,
            createdAt: .distantPast, createdBy: .make())
    }

    @Test("sharing: all, owner only, and named agencies")
    func sharing() {
        #expect(AccessPolicy.decide(partner, .read, meta(owner: nca)).allowed)
        #expect(
            AccessPolicy.decide(partner, .read, meta(owner: nca, sharing: .ownerOnly)).reasons == [
                "the record is not shared with the user's agency"
            ])
        #expect(
            AccessPolicy.decide(partner, .read, meta(owner: nca, sharing: Sharing(withAll: false, agencies: [gmp])))
                .allowed)
        #expect(
            !AccessPolicy.decide(partner, .read, meta(owner: nca, sharing: Sharing(withAll: false, agencies: [hmrc])))
                .allowed)
        #expect(AccessPolicy.decide(analyst, .read, meta(owner: nca, sharing: .ownerOnly)).allowed)
    }

    @Test("need-to-know: only users briefed into the operation")
    func needToKnow() {
        #expect(AccessPolicy.decide(analyst, .read, meta(owner: gmp, ntk: "OPERATION FLINT")).allowed)
        #expect(
            AccessPolicy.decide(partner, .read, meta(owner: gmp, ntk: "OPERATION FLINT")).reasons == [
                "need-to-know: the user is not briefed into OPERATION FLINT"
            ])
    }

    @Test("protected fields are withheld from other agencies, not from the owner")
    func withholding() {
        let decision = AccessPolicy.decide(partner, .read, meta(owner: nca), kind: "subject")
        #expect(decision.allowed)
        #expect(decision.withheld.map(\.field) == ["details.addresses", "details.phones"])
        #expect(AccessPolicy.decide(analyst, .read, meta(owner: nca), kind: "subject").withheld.isEmpty)
    }

    @Test("handling code C refuses onward sharing by others and says why; P and the originator may share")
    func handlingCodes() {
        let conditional = meta(owner: nca, handling: HandlingCode(.c, conditions: "not for court use"))
        #expect(AccessPolicy.decide(partner, .read, conditional).allowed)
        #expect(
            AccessPolicy.decide(partner, .share, conditional).reasons
                == [
                    "handling code C: onward sharing needs the originating agency's agreement (conditions: not for court use)"
                ])
        #expect(AccessPolicy.decide(analyst, .share, conditional).allowed)
        #expect(AccessPolicy.decide(partner, .share, meta(owner: nca, handling: HandlingCode(.p))).allowed)
    }
}
