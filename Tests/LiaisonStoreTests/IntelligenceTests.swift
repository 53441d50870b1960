import Foundation
import LiaisonCore
import Testing

@testable import LiaisonStore

/// Intelligence reports on every store: grading enforced at submission, a supervisor's assessment, the covert
/// source withheld outside the holding agency, sanitised versions reaching only those they were sent to, and a
/// C-coded report's onward sharing refused with its reason.
@Suite("Intelligence reports")
struct IntelligenceTests {
    @Test(
        "a report is graded, assessed, sanitised and sent; the handling code binds what recipients may do",
        arguments: ContractStoreKind.available)
    func workflow(kind: ContractStoreKind) async throws {
        let f = try await ContractFixture(kind)
        let supervisor = User(
            username: "nca.supervisor", displayName: "Sup", email: "s@nca.invalid", agencyID: f.nca.id,
            roles: [.supervisor], vetting: .sc)
        let gmpIntel = User(
            username: "gmp.intel", displayName: "GMP intel", email: "i@gmp.invalid", agencyID: f.gmp.id,
            roles: [.intelligenceOfficer], vetting: .sc)
        try await f.store.insertUser(supervisor, passwordHash: "x")
        try await f.store.insertUser(gmpIntel, passwordHash: "x")
        let service = IntelligenceService(store: f.store, clock: f.clock, audit: f.audit)
        let subject = try await f.subjects.create(
            SubjectInput(details: SubjectDetails(names: [PersonName(given: "Arben", family: "Hoxha")])), by: f.analyst)

        await #expect(
            throws: LiaisonError.invalid([
                FieldError("text", "must be 1 to 20000 characters"),
                FieldError("infoDate", "must be a date as yyyy-mm-dd, not in the future"),
                FieldError("source.covertReference", "a covert source needs its reference (shown only to your agency)"),
                FieldError("links[0]", "is not a subject you may see"),
                FieldError("grading.handling.conditions", "handling code C needs its conditions recorded"),
            ])
        ) {
            try await service.create(
                IntelReportInput(
                    text: " ", infoDate: "2099-01-01", source: IntelSource(kind: "covert", description: "CHIS"),
                    links: [IntelLink(kind: "subject", value: UUID().uuidString.lowercased())],
                    grading: IntelGrading(source: .reliable, assessment: .b, handling: HandlingCode(.c))), by: f.analyst
            )
        }
        await #expect(
            throws: LiaisonError.forbidden(
                reason: "only intelligence officers, analysts, financial investigators and supervisors write reports")
        ) {
            try await service.create(
                IntelReportInput(
                    text: "x", infoDate: "2026-01-01", source: IntelSource(kind: "agency", description: "NCA")),
                by: f.partner)
        }
        var report = try await service.create(
            IntelReportInput(
                text: "Hoxha collects cash from the Salford address on Fridays; CHIS says he carries a knife.",
                infoDate: "2026-09-01", place: "Salford",
                source: IntelSource(kind: "covert", description: "Registered source", covertReference: "CHIS-0042"),
                links: [
                    IntelLink(kind: "subject", value: subject.id.rawValue),
                    IntelLink(kind: "vehicle", value: "MX19 ABC"),
                ]),
            by: f.analyst)
        // Ungraded, it cannot be submitted.
        await #expect(
            throws: LiaisonError.invalid(
                "grading",
                "a report cannot be submitted ungraded: give the source evaluation (1–3), the intelligence assessment (A–E) and the handling code (P or C)"
            )
        ) {
            try await service.step(report.id, IntelStepInput(version: 1, action: "submit"), by: f.analyst)
        }
        let graded = IntelGrading(
            source: .reliable, assessment: .b,
            handling: HandlingCode(.c, conditions: "no onward sharing without NCA agreement"))
        report = try await service.step(
            report.id, IntelStepInput(version: 1, action: "submit", grading: graded), by: f.analyst)
        #expect(report.status == "submitted" && report.gradeLabel == "1BC" && report.meta.handling == graded.handling)
        // Only a supervisor of the holding agency assesses it onto the record.
        await #expect(
            throws: LiaisonError.forbidden(reason: "only a supervisor of the agency holding the report assesses it")
        ) {
            try await service.step(report.id, IntelStepInput(version: 2, action: "assess"), by: f.analyst)
        }
        report = try await service.step(
            report.id,
            IntelStepInput(version: 2, action: "assess", reviewDate: "2027-03-01", note: "corroborated by ANPR"),
            by: supervisor)
        #expect(report.status == "recorded" && report.reviewDate == "2027-03-01")
        report = try await service.step(
            report.id,
            IntelStepInput(
                version: 3, action: "sanitise",
                sanitisedText:
                    "A subject of interest is believed to collect cash in Salford; officers should take care."),
            by: f.analyst)

        // The sanitised version goes to GMP, which sees it (with the conditions) but not the record or its source.
        report = try await service.step(
            report.id, IntelStepInput(version: 4, action: "disseminate", agencies: ["GMP"], sanitisedVersion: 1),
            by: f.analyst)
        let received = try await service.received(by: gmpIntel)
        #expect(
            received.count == 1 && received[0].text.hasPrefix("A subject of interest") && received[0].grade == "1BC")
        #expect(received[0].conditions == "no onward sharing without NCA agreement")
        await #expect(throws: LiaisonError.notFound(kind: "intel", id: report.id.rawValue)) {
            try await service.get(report.id, by: gmpIntel)
        }
        _ = try await service.step(report.id, IntelStepInput(version: nil, action: "read"), by: gmpIntel)
        #expect(try await service.received(by: gmpIntel)[0].dissemination.readBy == "gmp.intel")

        // Sent the original, GMP reads the record, but the covert source's identity stays with the NCA...
        report = try await f.store.intelReport(report.id)!
        _ = try await service.step(
            report.id, IntelStepInput(version: report.meta.version, action: "disseminate", agencies: ["GMP"]),
            by: f.analyst)
        let seen = try await service.get(report.id, by: gmpIntel)
        #expect(
            seen.text.hasPrefix("Hoxha collects") && seen.source.covertReference == nil
                && seen.withheld == ["source.covertReference"])
        #expect(try await service.get(report.id, by: f.analyst).source.covertReference == "CHIS-0042")
        // ...and handling code C refuses GMP's onward sharing, saying why.
        await #expect(
            throws: LiaisonError.forbidden(
                reason:
                    "handling code C: onward sharing needs the originating agency's agreement (conditions: no onward sharing without NCA agreement)"
            )
        ) {
            try await service.step(
                report.id, IntelStepInput(version: seen.meta.version, action: "disseminate", agencies: ["NCA"]),
                by: gmpIntel)
        }
        let refusals = try await f.store.searchAudit(
            AuditQuery(action: "intel.disseminate", outcome: .denied, limit: 5))
        #expect(refusals.count == 1 && refusals[0].actorName == "gmp.intel")
        await f.close()
    }

    @Test("a legacy 5x5x5 grade is kept and shown as such, never translated", arguments: ContractStoreKind.available)
    func legacyGrade(kind: ContractStoreKind) async throws {
        let f = try await ContractFixture(kind)
        let service = IntelligenceService(store: f.store, clock: f.clock, audit: f.audit)
        await #expect(
            throws: LiaisonError.invalid(
                "legacyGrading", "must be a 5x5x5 grade: source A–E, intelligence 1–5, handling 1–5")
        ) {
            try await service.create(
                IntelReportInput(
                    text: "old", infoDate: "2019-05-01",
                    source: IntelSource(kind: "agency", description: "legacy system"),
                    legacyGrading: LegacyGrading(source: "F", intelligence: "2", handling: "4")), by: f.analyst)
        }
        let report = try await service.create(
            IntelReportInput(
                text: "old", infoDate: "2019-05-01", source: IntelSource(kind: "agency", description: "legacy system"),
                legacyGrading: LegacyGrading(source: "B", intelligence: "2", handling: "4")), by: f.analyst)
        #expect(report.gradeLabel == "B24 (5x5x5)" && report.grading == nil)
        #expect(
            try await service.step(report.id, IntelStepInput(version: 1, action: "submit"), by: f.analyst).status
                == "submitted")
        await f.close()
    }

    @Test(
        "search finds text, places and linked names, filters by grade and subject, and never counts or quotes what the searcher may not see",
        arguments: ContractStoreKind.available)
    func search(kind: ContractStoreKind) async throws {
        let f = try await ContractFixture(kind)
        let gmpIntel = User(
            username: "gmp.intel", displayName: "GMP intel", email: "i@gmp.invalid", agencyID: f.gmp.id,
            roles: [.intelligenceOfficer], vetting: .sc)
        try await f.store.insertUser(gmpIntel, passwordHash: "x")
        let service = IntelligenceService(store: f.store, clock: f.clock, audit: f.audit)
        let subject = try await f.subjects.create(
            SubjectInput(details: SubjectDetails(names: [PersonName(given: "Dmitri", family: "Volkov")])), by: f.analyst
        )
        let graded = IntelGrading(source: .reliable, assessment: .b, handling: HandlingCode(.p))
        func write(
            _ text: String, marking: ProtectiveMarking = .official, links: [IntelLink] = [],
            grading: IntelGrading? = nil
        ) async throws -> IntelReport {
            try await service.create(
                IntelReportInput(
                    text: text, infoDate: "2026-08-01", place: "Riverside car wash",
                    source: IntelSource(kind: "covert", description: "Registered source", covertReference: "CHIS-0042"),
                    links: links, grading: grading, marking: marking), by: f.analyst)
        }
        let open = try await write(
            "Cash is counted in the back office on Mondays.",
            links: [IntelLink(kind: "subject", value: subject.id.rawValue)], grading: graded)
        let secret = try await write(
            "Cash is moved to a courier at the car wash; the courier uses a white van.",
            marking: ProtectiveMarking(.secret),
            grading: IntelGrading(source: .untested, assessment: .c, handling: HandlingCode(.p)))
        func search(_ text: String, grade: String? = nil, subject: SubjectID? = nil, as user: User) async throws
            -> IntelSearchResult
        {
            try await service.search(IntelSearchQuery(text: text, grade: grade, subject: subject), by: user)
        }
        // Text and place. A linked subject's name is not searched: a reader of the report may not be allowed to know it.
        #expect(try await search("cash", as: f.analyst).total == 2)
        #expect(try await search("riverside", as: f.analyst).total == 2)
        #expect(try await search("Volkov", as: f.analyst).total == 0)
        // Nor is a linked record's ID.
        #expect(try await search(subject.id.rawValue, as: f.analyst).total == 0)
        #expect(try await search("cash", as: f.analyst).items.allSatisfy { !$0.snippet.contains(subject.id.rawValue) })
        // The reader who may see the subject gets its name with the report.
        #expect(try await service.get(open.id, by: f.analyst).linkedNames == ["Dmitri Volkov"])
        #expect(try await search("courier van", as: f.analyst).items.first?.snippet.contains("[courier]") == true)
        #expect(try await search("cash", grade: "2C", as: f.analyst).items.map(\.id) == [secret.id])
        #expect(try await search("cash", subject: subject.id, as: f.analyst).items.map(\.id) == [open.id])
        // The covert source's reference is never indexed, so no search reveals it.
        #expect(try await search("CHIS-0042", as: f.analyst).total == 0)
        // Another agency finds nothing, not even a count, until a report is sent to it; the SECRET one stays unseen.
        let none = try await search("cash courier", as: gmpIntel)
        #expect(none.total == 0 && none.items.isEmpty)
        _ = try await service.step(open.id, IntelStepInput(version: 1, action: "submit"), by: f.analyst)
        let supervisor = User(
            username: "nca.supervisor", displayName: "Sup", email: "s@nca.invalid", agencyID: f.nca.id,
            roles: [.supervisor], vetting: .sc)
        try await f.store.insertUser(supervisor, passwordHash: "x")
        _ = try await service.step(open.id, IntelStepInput(version: 2, action: "assess"), by: supervisor)
        _ = try await service.step(
            open.id,
            IntelStepInput(version: 3, action: "sanitise", sanitisedText: "Cash is handled at a business in Salford."),
            by: f.analyst)
        _ = try await service.step(
            open.id, IntelStepInput(version: 4, action: "disseminate", agencies: ["GMP"], sanitisedVersion: 1),
            by: f.analyst)
        #expect(
            try await search("cash", as: gmpIntel).total == 0,
            "a sanitised version does not open the original to search")
        _ = try await service.step(
            open.id, IntelStepInput(version: 5, action: "disseminate", agencies: ["GMP"]), by: f.analyst)
        let shared = try await search("cash", as: gmpIntel)
        #expect(shared.total == 1 && shared.items.map(\.id) == [open.id])
        #expect(try await search("courier", as: gmpIntel).total == 0)
        await #expect(throws: LiaisonError.invalid("q", "must be 1 to 200 characters with a word to search for")) {
            try await search(" ;; ", as: f.analyst)
        }
        await f.close()
    }
}
