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
                page.text.contains("no-travel-document") && page.text.contains("passport expired")
                    && page.text.contains("sentence of 14 months"))
            #expect(page.text.contains(#"<a class="back-link" href="/cases">Back to cases</a>"#))
            // History in words: the milestone's name and who recorded it, not codes and usernames.
            #expect(
                page.text.contains("Liable to deportation")
                    && page.text.contains(harness.user("nca.analyst").displayName))
            #expect(page.text.contains("name=\"barrierID\" value=\"1\""))
            // The holder is shown by name; moving the file is a choice of team, the current one chosen.
            #expect(
                page.text.contains("<dd>Casework team, Sheffield</dd>")
                    && page.text.contains(#"<option value="sheffield" selected>"#))
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
