import Foundation
import Hummingbird
import HummingbirdTesting
import LiaisonCore
import Testing

@testable import LiaisonWeb

/// A partner system sends its file over the API; the agency's users follow it on the pages.
@Suite("Imports over HTTP")
struct ImportsWebTests {
    @Test("a CSV body loads as subjects; the job, its refused rows and its pages are the agency's alone")
    func importOverHTTP() async throws {
        let harness = try await WebHarness()
        let token = try await harness.token("nca.analyst")
        let other = try await harness.token("gmp.officer")
        // The fourth row is someone the agency already holds.
        let analyst = harness.user("nca.analyst")
        let held = try #require(
            harness.data.subjects.first {
                $0.meta.owningAgencyID == analyst.agencyID && $0.meta.needToKnow == nil
                    && $0.meta.marking.classification == .official
                    && $0.details.datesOfBirth.first?.count == 10
                    && $0.details.primaryName.map { !$0.given.isEmpty && !$0.family.contains(",") } == true
            })
        let name = try #require(held.details.primaryName)
        let file =
            "ref,first,last,dob\nA1,Nadia,Kowalczyk,1988-04-02\nA2,Omar,,not a date\nA3,Ines,Duarte,1975\n"
            + "A4,\(name.given),\(name.family),\(held.details.datesOfBirth[0])\n"
        let query =
            "source=partner-a&map=given_name%3Dfirst&map=surname%3Dlast&map=date_of_birth%3Ddob&id=ref&fileName=people.csv"
        try await harness.run { client in
            var headers = bearer(token)
            headers[.contentType] = "text/csv"
            let created = try await client.execute(
                uri: "/api/v1/imports?\(query)", method: .post, headers: headers, body: ByteBuffer(string: file))
            #expect(created.status == .created)
            let job = try created.json()
            let id = try #require(job["id"] as? String)
            #expect(job["status"] as? String == "completed")
            #expect(job["rowsRead"] as? Int == 4 && job["rowsLoaded"] as? Int == 3 && job["rowsFailed"] as? Int == 1)
            // The finished import queued the pair of the loaded copy and the subject already held.
            #expect((job["possibleDuplicates"] as? Int ?? 0) >= 1)
            let pairs = try await harness.store.matchReviews(involving: held.id)
            #expect(pairs.count == 1)
            #expect(created.headers[.location] == "/api/v1/imports/\(id)")

            let errors = try await client.execute(
                uri: "/api/v1/imports/\(id)/errors", method: .get, headers: bearer(token))
            #expect(errors.status == .ok)
            #expect(errors.text == "row,field,reason\n3,dob,'not a date' is not a date of birth\n")
            let found = try await client.execute(
                uri: "/api/v1/subjects?q=kowalczyk", method: .get, headers: bearer(token))
            #expect((try found.json()["items"] as? [[String: Any]])?.count == 1)

            // Another agency's user: the job does not exist for them.
            #expect(
                try await client.execute(uri: "/api/v1/imports/\(id)", method: .get, headers: bearer(other)).status
                    == .notFound)
            let theirs = try await client.execute(uri: "/api/v1/imports", method: .get, headers: bearer(other))
            #expect((try theirs.json()["items"] as? [[String: Any]])?.isEmpty == true)

            // Bad requests name the field.
            let noSource = try await client.execute(
                uri: "/api/v1/imports", method: .post, headers: headers, body: ByteBuffer(string: file))
            #expect(try noSource.errorFields() == ["source"])
            let badColumn = try await client.execute(
                uri: "/api/v1/imports?source=partner-b&map=surname%3Dnope", method: .post, headers: headers,
                body: ByteBuffer(string: file))
            #expect(badColumn.status == .unprocessableContent)
            #expect(try badColumn.errorFields() == ["map"])

            let session = try await signIn(client, "nca.analyst")
            let list = try await client.execute(uri: "/imports", method: .get, headers: [.cookie: session.cookie])
            #expect(list.status == .ok && list.text.contains("/imports/\(id)") && list.text.contains("people.csv"))
            let page = try await client.execute(uri: "/imports/\(id)", method: .get, headers: [.cookie: session.cookie])
            #expect(page.status == .ok)
            #expect(
                page.text.contains("&#39;not a date&#39; is not a date of birth")
                    || page.text.contains("'not a date' is not a date of birth"))
            let actions = try await harness.store.searchAudit(AuditQuery(action: "import.", limit: 50)).map(\.action)
            #expect(
                actions.contains("import.start") && actions.contains("import.batch")
                    && actions.contains("import.finish"))
        }
    }
}
