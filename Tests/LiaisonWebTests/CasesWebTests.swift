import Foundation
import Hummingbird
import HummingbirdTesting
import LiaisonCore
import Testing

@testable import LiaisonWeb

/// Deportation cases over HTTP: opened and moved on through the API, followed and moved on through the pages.
@Suite("Cases over HTTP")
struct CasesWebTests {
    @Test("a case is opened and moved on through the API and the pages; refused steps say why")
    func cases() async throws {
        let harness = try await WebHarness()
        let token = try await harness.token("nca.analyst")
        let subject = harness.readable(by: "nca.analyst") {
            $0.meta.owningAgencyID == harness.user("nca.analyst").agencyID && $0.meta.needToKnow == nil
        }
        try await harness.run { client in
            let created = try await client.execute(
                uri: "/api/v1/cases", method: .post, headers: bearer(token),
                body: ByteBuffer(
                    string:
                        #"{"subjectID":"\#(subject.id.rawValue)","homeOfficeReference":"D7654321","fileLocation":"sheffield"}"#
                ))
            #expect(created.status == .created)
            let id = try #require(try created.json()["id"] as? String)
            let stepped = try await client.execute(
                uri: "/api/v1/cases/\(id)/steps", method: .post, headers: bearer(token),
                body: ByteBuffer(
                    string: #"{"version":1,"milestone":"liability-to-deport","reason":"sentence of 14 months"}"#))
            #expect(stepped.status == .ok)
            #expect(((try stepped.json()["progress"] as? [String: Any])?["stage"] as? String) == "liability-to-deport")
            let stale = try await client.execute(
                uri: "/api/v1/cases/\(id)/steps", method: .post, headers: bearer(token),
                body: ByteBuffer(string: #"{"version":1,"milestone":"decision-to-deport","reason":"x"}"#))
            #expect(stale.status == .conflict)
            let wrong = try await client.execute(
                uri: "/api/v1/cases/\(id)/steps", method: .post, headers: bearer(token),
                body: ByteBuffer(string: #"{"version":2,"milestone":"removed","reason":"x"}"#))
            #expect(wrong.status == .unprocessableContent)
            #expect(try wrong.errorFields() == ["milestone"])

            let session = try await signIn(client, "nca.analyst")
            let list = try await client.execute(uri: "/cases", method: .get, headers: [.cookie: session.cookie])
            #expect(list.status == .ok && list.text.contains("D7654321"))
            // Filters for the work, each with its count: the new case is unallocated and at its first milestone.
            #expect(
                list.text.contains("Unallocated (") && list.text.contains("Liable to deportation (")
                    && !list.text.contains(">liability-to-deport<"))
            let unallocated = try await client.execute(
                uri: "/cases?allocation=unallocated&stage=liability-to-deport", method: .get,
                headers: [.cookie: session.cookie])
            #expect(unallocated.text.contains("D7654321"))
            let stage = try await client.execute(
                uri: "/cases?stage=liability-to-deport", method: .get, headers: [.cookie: session.cookie])
            #expect(stage.text.contains(#"stage=liability-to-deport" aria-current="page">Liable to deportation (1)"#))
            #expect(!stage.text.contains(#"aria-current="page">All ("#) && stage.text.contains("D7654321"))
            let mine = try await client.execute(
                uri: "/api/v1/cases?allocation=mine", method: .get, headers: bearer(token))
            #expect(try (mine.json()["items"] as? [[String: Any]])?.isEmpty == true)
            let staged = try await client.execute(
                uri: "/api/v1/cases?stage=liability-to-deport", method: .get, headers: bearer(token))
            #expect(
                try (staged.json()["items"] as? [[String: Any]])?.contains {
                    $0["homeOfficeReference"] as? String == "D7654321"
                } == true)
            let wrongFilter = try await client.execute(
                uri: "/api/v1/cases?allocation=theirs&stage=sideways", method: .get, headers: bearer(token))
            let wrongFields = try wrongFilter.errorFields()
            #expect(wrongFilter.status == .unprocessableContent && wrongFields.contains("allocation"))
            let form: HTTPFields = [.cookie: session.cookie, .contentType: "application/x-www-form-urlencoded"]
            let opened = try await client.execute(
                uri: "/cases/\(id)/steps", method: .post, headers: form,
                body: ByteBuffer(
                    string: "_csrf=\(session.csrf)&version=2&barrier=no-travel-document&note=passport+expired"))
            #expect(opened.status == .seeOther)
            let page = try await client.execute(uri: "/cases/\(id)", method: .get, headers: [.cookie: session.cookie])
            #expect(
                page.text.contains("No travel document") && page.text.contains("passport expired")
                    && page.text.contains("sentence of 14 months"))
            #expect(page.text.contains(#"<a class="back-link" href="/cases">Back to cases</a>"#))
            // History in words: the milestone's name and who recorded it, not codes and usernames.
            #expect(
                page.text.contains("Liable to deportation")
                    && page.text.contains(harness.user("nca.analyst").displayName))
            #expect(page.text.contains("name=\"barrierID\" value=\"1\""))
            // The marking banner, the open barrier's resolve form, and guidance for the steps allowed next.
            #expect(page.text.contains(#"<p class="marking-banner">OFFICIAL</p>"#))
            #expect(page.text.contains(#"<strong>No travel document</strong> (open)"#))
            #expect(page.text.contains("<h2>Guidance for the next steps</h2>\n<details"))
            // The holder is shown by name; moving the file is a choice of team, the current one chosen.
            #expect(page.text.contains("<dd>Casework team, Sheffield</dd>"))
            let filePage = try await client.execute(
                uri: "/cases/\(id)/file", method: .get, headers: [.cookie: session.cookie])
            #expect(filePage.text.contains(#"<option value="sheffield" selected>"#))
            let badTeam = try await client.execute(
                uri: "/cases/\(id)/steps", method: .post, headers: form,
                body: ByteBuffer(string: "_csrf=\(session.csrf)&version=3&fileLocation=the+basement"))
            #expect(badTeam.status == .unprocessableContent && badTeam.text.contains("is not a casework team"))
            let resolved = try await client.execute(
                uri: "/cases/\(id)/steps", method: .post, headers: form,
                body: ByteBuffer(string: "_csrf=\(session.csrf)&version=3&barrierID=1&note=document+issued"))
            #expect(resolved.status == .seeOther)
            let after = try await client.execute(uri: "/api/v1/cases/\(id)", method: .get, headers: bearer(token))
            let barriers = (try after.json()["progress"] as? [String: Any])?["barriers"] as? [[String: Any]]
            #expect(barriers?.first?["resolution"] as? String == "document issued")
            let refused = try await client.execute(
                uri: "/cases/\(id)/steps", method: .post, headers: form,
                body: ByteBuffer(string: "_csrf=\(session.csrf)&version=4&milestone=closed&reason=done"))
            #expect(
                refused.status == .unprocessableContent
                    && refused.text.contains("closed cannot be recorded after liability-to-deport"))
        }
    }
}

/// The casework journeys, one thing per page.
@Suite("Case journeys")
struct CaseJourneyTests {
    @Test("a milestone: its own page, errors linked to their fields, checked, then recorded; barrier and allocation")
    func milestoneJourney() async throws {
        let harness = try await WebHarness()
        let token = try await harness.token("nca.analyst")
        let subject = harness.readable(by: "nca.analyst") {
            $0.meta.owningAgencyID == harness.user("nca.analyst").agencyID && $0.meta.needToKnow == nil
        }
        try await harness.run { client in
            let created = try await client.execute(
                uri: "/api/v1/cases", method: .post, headers: bearer(token),
                body: ByteBuffer(string: #"{"subjectID":"\#(subject.id.rawValue)","homeOfficeReference":"E2468135"}"#))
            let id = try #require(try created.json()["id"] as? String)
            let session = try await signIn(client, "nca.analyst")
            let form: HTTPFields = [.cookie: session.cookie, .contentType: "application/x-www-form-urlencoded"]
            func post(_ path: String, _ body: String) async throws -> TestResponse {
                try await client.execute(
                    uri: "/cases/\(id)/\(path)", method: .post, headers: form,
                    body: ByteBuffer(string: "_csrf=\(session.csrf)&version=1&" + body))
            }

            let casePage = try await client.execute(
                uri: "/cases/\(id)", method: .get, headers: [.cookie: session.cookie])
            #expect(casePage.text.contains(#"href="/cases/\#(id)/milestone">Record the next step</a>"#))
            #expect(!casePage.text.contains(#"name="milestone""#))  // no form stacked on the case page
            let page = try await client.execute(
                uri: "/cases/\(id)/milestone", method: .get, headers: [.cookie: session.cookie])
            #expect(page.status == .ok && page.text.contains(#"href="/cases/\#(id)">Back to the case</a>"#))
            // Milestones by name, and a date as three boxes.
            #expect(page.text.contains(#"<option value="liability-to-deport">Liable to deportation</option>"#))
            #expect(page.text.contains(#"name="removalDate-day""#) && page.text.contains(#"name="removalDate-year""#))

            // Nothing chosen, no reason, a date that does not exist: every problem linked to its field.
            let empty = try await post(
                "milestone", "milestone=&reason=&removalDate-day=31&removalDate-month=2&removalDate-year=2027")
            #expect(empty.status == .unprocessableContent)
            #expect(empty.text.contains(##"<a href="#milestone">Choose the milestone</a>"##))
            #expect(empty.text.contains(##"<a href="#reason">Say why</a>"##))
            #expect(empty.text.contains(##"<a href="#removalDate">Removal date must be a real date</a>"##))
            #expect(empty.text.contains(#"id="removalDate-error""#) && empty.text.contains(#"value="31""#))
            let partial = try await post("milestone", "milestone=liability-to-deport&reason=x&removalDate-day=3")
            #expect(partial.text.contains("Removal date must include a month and a year"))

            // A complete answer is shown back to check before anything is recorded.
            let check = try await post("milestone", "milestone=liability-to-deport&reason=Sentence+of+14+months")
            #expect(check.status == .ok && check.text.contains("Check the milestone before recording it"))
            #expect(check.text.contains("Liable to deportation") && check.text.contains("Sentence of 14 months"))
            let before = try await client.execute(uri: "/api/v1/cases/\(id)", method: .get, headers: bearer(token))
            #expect((try before.json()["progress"] as? [String: Any])?["stage"] == nil)
            let recorded = try await post(
                "milestone", "confirm=1&milestone=liability-to-deport&reason=Sentence+of+14+months")
            #expect(recorded.status == .seeOther && recorded.headers[.location] == "/cases/\(id)?saved=1")
            let after = try await client.execute(uri: "/api/v1/cases/\(id)", method: .get, headers: bearer(token))
            #expect(((try after.json()["progress"] as? [String: Any])?["stage"] as? String) == "liability-to-deport")

            // The same answer again is refused as stale, on the milestone page, not the case page.
            let stale = try await post("milestone", "confirm=1&milestone=decision-to-deport&reason=x")
            #expect(
                stale.status == .unprocessableContent && stale.text.contains("Someone else changed the case meanwhile"))
            #expect(stale.text.contains("<h1>Record the next step</h1>"))

            let barrierPage = try await client.execute(
                uri: "/cases/\(id)/barrier", method: .get, headers: [.cookie: session.cookie])
            #expect(barrierPage.text.contains(#"<option value="asylum-claim">An asylum claim</option>"#))
            var barrier = try await client.execute(
                uri: "/cases/\(id)/barrier", method: .post, headers: form,
                body: ByteBuffer(string: "_csrf=\(session.csrf)&version=2&barrier=asylum-claim&note=Claim+lodged"))
            #expect(barrier.status == .seeOther)
            barrier = try await client.execute(uri: "/cases/\(id)", method: .get, headers: [.cookie: session.cookie])
            #expect(barrier.text.contains("<strong>An asylum claim</strong>"))

            let allocation = try await client.execute(
                uri: "/cases/\(id)/allocation", method: .get, headers: [.cookie: session.cookie])
            #expect(allocation.text.contains(#"<option value="hocc.owner">"#))
            let refused = try await client.execute(
                uri: "/cases/\(id)/allocation", method: .post, headers: form,
                body: ByteBuffer(string: "_csrf=\(session.csrf)&version=3&allocateTo=nca.officer"))
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains(##"<a href="#allocateTo">Case owner is not an active case owner"##))
        }
    }
}
