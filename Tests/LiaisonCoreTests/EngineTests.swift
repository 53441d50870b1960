import LiaisonCore
import LiaisonGraph
import LiaisonMatching
import Testing

@Suite("Engines")
struct EngineTests {
    @Test("folding handles scripts, diacritics and punctuation", arguments: [
        ("Łukasz Żółć", "lukasz zolc"), ("Иван Петров", "ivan petrov"), ("Al-Rashid", "al rashid"),
        ("O'Neill", "oneill"), ("  MÜLLER,  Jürgen ", "muller jurgen"), ("Παπαδόπουλος", "papadopoulos"),
        ("İbrahim Yılmaz", "ibrahim yilmaz"),
    ])
    func folding(input: String, expected: String) {
        #expect(TextNormaliser.fold(input) == expected)
    }

    @Test("search keys cover names, joined names and identifiers")
    func keys() {
        let keys = SearchKeys.subject(SubjectDetails(
            names: [PersonName(given: "Mohammed", family: "Al-Rashid")],
            identifiers: [PersonIdentifier(kind: "pnc", value: "98/123456A")]))
        #expect(keys == ["123456a", "98", "98123456a", "al", "alrashid", "mohammed", "rashid"])
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
        let nca = AgencyID.make(), gmp = AgencyID.make()
        let analyst = User(username: "a", displayName: "A", email: "a@x.invalid", agencyID: nca, roles: [.analyst], vetting: .sc)
        let auditor = User(username: "b", displayName: "B", email: "b@x.invalid", agencyID: nca, roles: [.auditor], vetting: .bpss)
        let secret = RecordMeta(owningAgencyID: gmp, marking: ProtectiveMarking(.secret), createdAt: .distantPast, createdBy: analyst.id)
        let topSecret = RecordMeta(owningAgencyID: nca, marking: ProtectiveMarking(.topSecret), createdAt: .distantPast, createdBy: analyst.id)
        #expect(AccessPolicy.decide(analyst, .read, secret).allowed)
        #expect(AccessPolicy.decide(analyst, .update, secret).reasons == ["the record belongs to another agency"])
        #expect(AccessPolicy.decide(analyst, .read, topSecret).reasons == ["SC vetting does not reach TOP SECRET"])
        #expect(AccessPolicy.decide(auditor, .update, secret).reasons == [
            "BPSS vetting does not reach SECRET", "none of the user's roles may update records", "the record belongs to another agency",
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
