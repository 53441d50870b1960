import Foundation
import LiaisonCore
import LiaisonDemo
import Testing

@testable import LiaisonStore

/// The storage contract: the same tests against every store kind.
@Suite("Store contract")
struct StoreContractTests {
    @Test("migrations apply once, by name, in order", arguments: StoreKind.available)
    func migrations(kind: StoreKind) async throws {
        let store = try await kind.open()
        try await store.migrate()
        let applied = try await store.appliedMigrations()
        #expect(
            applied == [
                "001_directory", "002_subjects_and_groups", "003_reference_defaults", "004_audit_chain",
                "005_login_attempts", "006_sharing_and_need_to_know", "007_audit_object_index_in_batches",
                "008_audit_chain_in_its_own_file", "009_audit_record_index_in_runs", "010_match_reviews", "011_imports",
                "012_deportation_cases", "013_obligations", "014_subject_interests", "015_persons_of_interest",
                "016_interventions", "017_ocg_lead_tags", "018_assessment_review_dates", "019_scoring_matrices",
                "020_operations", "021_asset_recovery_and_report_facts", "022_intelligence_reports",
                "023_intelligence_search", "024_gain_requests", "025_industry_alerts", "026_subject_blocking_keys",
                "027_intel_index_rebuilt",
                "028_intel_index_without_linked_names", "029_country_list", "030_api_token_expiry",
                "031_casework_teams",
            ])
        let reference = ReferenceData(entries: try await store.referenceEntries())
        #expect(reference.contains("class-a-drugs", in: "criminal-market"))
        #expect(reference.label("pnc", in: "identifier-kind") == "PNC ID")
        #expect(reference.label("leeds-tribunal", in: "casework-team") == "Tribunal team, Leeds")
        await store.close()
    }

    @Test("agencies and users round-trip; usernames are unique", arguments: ContractStoreKind.available)
    func directory(kind: ContractStoreKind) async throws {
        let f = try await ContractFixture(kind)
        #expect(try await f.store.agency(code: "GMP") == f.gmp)
        #expect(try await f.store.agencies().map(\.code) == ["GMP", "NCA"])
        let found = try await f.store.credentials(username: "nca.analyst")
        #expect(found?.user == f.analyst)
        #expect(found?.passwordHash == "x")
        let duplicate = User(
            username: "nca.analyst", displayName: "Again", email: "b@nca.invalid", agencyID: f.nca.id, roles: [],
            vetting: .sc)
        await #expect(throws: LiaisonError.conflict(field: "username", reason: "is already taken")) {
            try await f.store.insertUser(duplicate, passwordHash: "z")
        }
        await f.close()
    }

    @Test("a subject is created, read, updated, and a stale update is refused", arguments: ContractStoreKind.available)
    func subjectLifecycle(kind: ContractStoreKind) async throws {
        let f = try await ContractFixture(kind)
        let created = try await f.subjects.create(
            SubjectInput(
                details: SubjectDetails(
                    names: [
                        PersonName(given: "Mohammed", family: "Al-Rashid"),
                        PersonName(kind: .alias, given: "Mo", family: "Rashid"),
                    ],
                    datesOfBirth: ["1985-07-03"], nationalities: ["irq"],
                    identifiers: [PersonIdentifier(kind: "pnc", value: "98/123456a")],
                    addresses: [PostalAddress(line: "1 High Street", town: "Manchester", postcode: "m1 1ae")])),
            by: f.analyst)
        let read = try await f.store.subject(created.id)
        #expect(read == created)
        #expect(read?.details.nationalities == ["IRQ"])
        #expect(read?.details.identifiers.first?.value == "98/123456A")
        #expect(read?.details.addresses.first?.postcode == "M1 1AE")

        var input = SubjectInput(details: created.details, version: 1)
        input.details.phones = ["07700 900123"]
        let updated = try await f.subjects.update(created.id, input, by: f.analyst)
        #expect(updated.meta.version == 2)
        #expect(try await f.store.subject(created.id)?.details.phones == ["07700 900123"])

        await #expect(
            throws: LiaisonError.staleVersion(kind: "subject", id: created.id.rawValue, expected: 1, current: 2)
        ) {
            try await f.subjects.update(created.id, input, by: f.analyst)
        }
        // The store itself refuses a stale write even if a caller skipped the service's check.
        var raced = updated
        raced.meta.version = 3
        await #expect(
            throws: LiaisonError.staleVersion(kind: "subject", id: created.id.rawValue, expected: 1, current: 2)
        ) {
            try await f.store.updateSubject(raced, keys: [], expectedVersion: 1)
        }
        await #expect(throws: LiaisonError.notFound(kind: "subject", id: "00000000-0000-4000-a000-000000000000")) {
            try await f.store.updateSubject(
                Subject(
                    id: SubjectID("00000000-0000-4000-a000-000000000000"), meta: raced.meta, details: raced.details),
                keys: [], expectedVersion: 1)
        }
        await f.close()
    }

    @Test(
        "search finds names, aliases, transliterations and identifiers, within the user's vetting",
        arguments: ContractStoreKind.available)
    func search(kind: ContractStoreKind) async throws {
        let f = try await ContractFixture(kind)
        let ivan = try await f.subjects.create(
            SubjectInput(
                details: SubjectDetails(
                    names: [
                        PersonName(given: "Ivan", family: "Petrov"),
                        PersonName(kind: .transliteration, given: "Иван", family: "Петров"),
                    ], identifiers: [PersonIdentifier(kind: "ho-reference", value: "B1234567")])), by: f.analyst)
        let lukasz = try await f.subjects.create(
            SubjectInput(details: SubjectDetails(names: [PersonName(given: "Łukasz", family: "Żółć")])), by: f.analyst)
        let secret = try await f.subjects.create(
            SubjectInput(
                details: SubjectDetails(names: [PersonName(given: "Ivana", family: "Secretova")]),
                marking: ProtectiveMarking(.secret)), by: f.analyst)

        func ids(_ text: String, _ user: User) async throws -> [SubjectID] {
            try await f.subjects.search(text, page: PageRequest(), by: user).items.map(\.id)
        }
        #expect(try await ids("petrov", f.analyst) == [ivan.id])
        #expect(try await ids("Петров", f.analyst) == [ivan.id])
        #expect(try await ids("iv pet", f.analyst) == [ivan.id])
        #expect(try await ids("b1234567", f.analyst) == [ivan.id])
        #expect(try await ids("lukasz zolc", f.analyst) == [lukasz.id])
        #expect(Set(try await ids("ivan", f.analyst)) == [ivan.id, secret.id])
        // BPSS vetting does not reach SECRET: the record is not listed at all.
        #expect(try await ids("ivan", f.partner) == [ivan.id])
        await #expect(throws: LiaisonError.notFound(kind: "subject", id: secret.id.rawValue)) {
            try await f.subjects.get(secret.id, by: f.partner)
        }
        #expect(try await ids("nobody", f.analyst).isEmpty)
        await f.close()
    }

    @Test(
        "lists hold exactly the records the access policy lets each viewer read, and GAIN's held-by view",
        arguments: ContractStoreKind.available)
    func listsFollowThePolicy(kind: ContractStoreKind) async throws {
        let f = try await ContractFixture(kind)
        let briefed = User(
            username: "gmp.briefed", displayName: "Briefed", email: "b@gmp.invalid", agencyID: f.gmp.id,
            roles: [.intelligenceOfficer], vetting: .sc, briefings: ["op-ash"])
        let confined = User(
            username: "bank.analyst", displayName: "Bank", email: "b@bank.invalid", agencyID: f.gmp.id,
            roles: [.industryPartner], vetting: .sc)
        try await f.store.insertUser(briefed, passwordHash: "x")
        // Every combination of holder, sharing, marking and compartment, once as a subject and once as a group.
        var metas: [RecordMeta] = []
        for owner in [f.nca.id, f.gmp.id] {
            for sharing in [Sharing.all, .ownerOnly, Sharing(withAll: false, agencies: [f.nca.id, f.gmp.id])] {
                for marking in [ProtectiveMarking.official, ProtectiveMarking(.secret)] {
                    for needToKnow in [nil, "op-ash"] {
                        metas.append(
                            RecordMeta(
                                owningAgencyID: owner, marking: marking, sharing: sharing, needToKnow: needToKnow,
                                createdAt: f.clock.now(), createdBy: f.analyst.id))
                    }
                }
            }
        }
        let subjects = metas.enumerated().map { index, meta in
            Subject(
                id: .make(), meta: meta,
                details: SubjectDetails(names: [PersonName(given: "Person", family: "Number\(index)")]))
        }
        let groups = metas.enumerated().map { index, meta in
            OCG(id: .make(), meta: meta, details: OCGDetails(name: "Group \(index)"))
        }
        try await f.store.insertSubjects(subjects.map { ($0, SearchKeys.subject($0.details)) })
        try await f.store.insertOCGs(groups.map { ($0, SearchKeys.ocg($0.details)) })

        for user in [f.analyst, f.partner, briefed, confined] {
            let readable = metas.indices.filter { AccessPolicy.decide(user, .read, metas[$0]).allowed }
            let listed = try await f.store.subjects(
                matching: SubjectQuery(viewer: Viewer(user), page: PageRequest(limit: 200)))
            #expect(
                Set(listed.items.map(\.id)) == Set(readable.map { subjects[$0].id }), "subjects for \(user.username)")
            let listedGroups = try await f.store.ocgs(
                matching: OCGQuery(viewer: Viewer(user), page: PageRequest(limit: 200)))
            #expect(
                Set(listedGroups.items.map(\.id)) == Set(readable.map { groups[$0].id }), "groups for \(user.username)")
        }
        // What GAIN may tell the partner of: records GMP holds, whoever they are shared with, within the partner's
        // vetting and briefings.
        let held = try await f.store.subjects(
            matching: SubjectQuery(heldBy: [f.gmp.id], viewer: Viewer(f.partner), page: PageRequest(limit: 200)))
        let expected = metas.indices.filter {
            metas[$0].owningAgencyID == f.gmp.id && metas[$0].marking == .official && metas[$0].needToKnow == nil
        }
        #expect(Set(held.items.map(\.id)) == Set(expected.map { subjects[$0].id }))
        #expect(held.items.count == 3)
        await f.close()
    }

    @Test("keyset pages cover every subject once, in name order", arguments: ContractStoreKind.available)
    func pagination(kind: ContractStoreKind) async throws {
        let f = try await ContractFixture(kind)
        let data = DemoData.generate(seed: 7, subjects: 120, ocgs: 0)
        let subjects = data.subjects.map { s in
            Subject(
                id: s.id,
                meta: RecordMeta(
                    owningAgencyID: f.nca.id, marking: .official, createdAt: f.clock.now(), createdBy: f.analyst.id),
                details: s.details)
        }
        try await f.store.insertSubjects(subjects.map { ($0, SearchKeys.subject($0.details)) })
        #expect(try await f.store.subjectCount() == 120)
        var seen: [SubjectID] = []
        var cursor: String?
        var pages = 0
        repeat {
            let page = try await f.subjects.search(nil, page: PageRequest(limit: 25, cursor: cursor), by: f.analyst)
            seen += page.items.map(\.id)
            cursor = page.nextCursor
            pages += 1
        } while cursor != nil
        #expect(pages == 5)
        #expect(seen.count == 120)
        #expect(Set(seen).count == 120)
        let names = try await f.store.subjects(ids: seen).reduce(into: [SubjectID: String]()) {
            $0[$1.id] = SQLStore.sortName($1.details)
        }
        let ordered = seen.map { names[$0]! }
        #expect(ordered == ordered.sorted())
        await #expect(throws: LiaisonError.invalid("cursor", "is not a cursor this server issued")) {
            try await f.subjects.search(nil, page: PageRequest(cursor: "%%%"), by: f.analyst)
        }
        await f.close()
    }

    @Test(
        "groups keep members, filter by market, area and status, and list a subject's groups",
        arguments: ContractStoreKind.available)
    func groups(kind: ContractStoreKind) async throws {
        let f = try await ContractFixture(kind)
        let a = try await f.subjects.create(
            SubjectInput(details: SubjectDetails(names: [PersonName(given: "Arben", family: "Hoxha")])), by: f.analyst)
        let b = try await f.subjects.create(
            SubjectInput(details: SubjectDetails(names: [PersonName(given: "Dritan", family: "Gashi")])), by: f.analyst)
        let harbour = try await f.groups.create(
            OCGInput(
                details: OCGDetails(
                    name: "Harbour Crew", operationNames: ["Operation SLATE"],
                    markets: ["class-a-drugs", "firearms"], areas: ["north-west"]),
                members: [OCGMember(subjectID: a.id, role: "principal"), OCGMember(subjectID: b.id, role: "member")]),
            by: f.analyst)
        _ = try await f.groups.create(
            OCGInput(
                details: OCGDetails(name: "Granite Firm", markets: ["fraud"], areas: ["london"], status: "dormant")),
            by: f.analyst)
        #expect(try await f.store.ocg(harbour.id)?.members.map(\.subjectID) == [a.id, b.id])
        func names(_ query: OCGQuery) async throws -> [String] {
            try await f.groups.list(query, by: f.analyst).items.map(\.details.name)
        }
        #expect(try await names(OCGQuery(viewer: Viewer(f.analyst))) == ["Granite Firm", "Harbour Crew"])
        #expect(try await names(OCGQuery(market: "firearms", viewer: Viewer(f.analyst))) == ["Harbour Crew"])
        #expect(try await names(OCGQuery(area: "london", viewer: Viewer(f.analyst))) == ["Granite Firm"])
        #expect(try await names(OCGQuery(status: "active", viewer: Viewer(f.analyst))) == ["Harbour Crew"])
        #expect(try await names(OCGQuery(nameTokens: ["slate"], viewer: Viewer(f.analyst))) == ["Harbour Crew"])
        #expect(try await f.groups.groups(of: b.id, by: f.analyst).map(\.id) == [harbour.id])

        var edit = OCGInput(
            details: harbour.details, members: [OCGMember(subjectID: b.id, role: "principal")], version: 1)
        edit.details.status = "dormant"
        let edited = try await f.groups.update(harbour.id, edit, by: f.analyst)
        #expect(edited.meta.version == 2)
        #expect(try await f.store.ocg(harbour.id)?.members == [OCGMember(subjectID: b.id, role: "principal")])
        #expect(try await f.groups.groups(of: a.id, by: f.analyst).isEmpty)
        await #expect(throws: LiaisonError.self) {
            try await f.groups.create(
                OCGInput(
                    details: OCGDetails(name: "Bad", markets: ["unicorns"]),
                    members: [OCGMember(subjectID: SubjectID.make(), role: "member")]), by: f.analyst)
        }
        await f.close()
    }

    @Test("sessions, API tokens and reference entries persist", arguments: ContractStoreKind.available)
    func sessionsTokensReference(kind: ContractStoreKind) async throws {
        let f = try await ContractFixture(kind)
        let now = f.clock.now()
        let session = SessionRecord(
            tokenHash: "h1", userID: f.analyst.id, csrfToken: "c", createdAt: now, lastSeenAt: now,
            expiresAt: now.addingTimeInterval(3600))
        try await f.store.insertSession(session)
        #expect(try await f.store.session(tokenHash: "h1") == session)
        try await f.store.touchSession(tokenHash: "h1", at: now.addingTimeInterval(60))
        #expect(try await f.store.session(tokenHash: "h1")?.lastSeenAt == now.addingTimeInterval(60))
        try await f.store.deleteSession(tokenHash: "h1")
        #expect(try await f.store.session(tokenHash: "h1") == nil)

        let token = APITokenRecord(
            id: "t1", name: "partner system", tokenHash: "th", userID: f.partner.id, createdAt: now)
        try await f.store.insertToken(token)
        #expect(try await f.store.token(hash: "th") == token)

        try await f.store.saveReferenceEntry(
            ReferenceEntry(list: "criminal-market", code: "wildlife", label: "Wildlife crime", sortOrder: 500))
        try await f.store.saveReferenceEntry(
            ReferenceEntry(list: "ocg-status", code: "dormant", label: "Dormant (no activity 12 months)", sortOrder: 20)
        )
        let reference = ReferenceData(entries: try await f.store.referenceEntries())
        #expect(reference.contains("wildlife", in: "criminal-market"))
        #expect(reference.label("dormant", in: "ocg-status") == "Dormant (no activity 12 months)")
        await f.close()
    }

    @Test("the demo dataset seeds once and is deterministic", arguments: StoreKind.available)
    func demoSeed(kind: StoreKind) async throws {
        let store = try await kind.open()
        let data = DemoData.generate(seed: 11, subjects: 300, ocgs: 20)
        #expect(DemoData.generate(seed: 11, subjects: 300, ocgs: 20).subjects.map(\.id) == data.subjects.map(\.id))
        let first = try await DemoSeeder.seed(data, into: store, passwordHash: "hash", batchSize: 100)
        let second = try await DemoSeeder.seed(data, into: store, passwordHash: "hash", batchSize: 100)
        #expect(first.seeded)
        #expect(!second.seeded)
        #expect(try await store.subjectCount() == 300)
        #expect(try await store.users().count == data.users.count)
        let group = try #require(data.ocgs.first)
        #expect(try await store.ocg(group.id) == group)
        await store.close()
    }
}
