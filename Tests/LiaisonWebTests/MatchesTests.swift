import Foundation
import Hummingbird
import HummingbirdTesting
import LiaisonCore
import Testing

@testable import LiaisonWeb

/// The review queue end to end over HTTP: the JSON API and the pages a reviewer uses.
@Suite("Review queue")
struct MatchesTests {
    @Test("find duplicates, read a pair side by side, decide and undo, on the API and the pages")
    func reviewQueue() async throws {
        let harness = try await WebHarness()
        let token = try await harness.token("nca.analyst")
        let analyst = harness.user("nca.analyst")
        let original = try #require(
            harness.data.subjects.first {
                $0.meta.owningAgencyID == analyst.agencyID && $0.meta.marking.classification == .official
                    && $0.meta.needToKnow == nil
                    && !$0.details.datesOfBirth.isEmpty
            })
        // The same person recorded again by the same agency.
        let copy = String(
            decoding: try JSONCoding.encoder.encode(SubjectInput(details: original.details)), as: UTF8.self)
        try await harness.run { client in
            let created = try await client.execute(
                uri: "/api/v1/subjects", method: .post, headers: bearer(token), body: ByteBuffer(string: copy))
            #expect(created.status == .created)
            let copyID = try #require(try created.json()["id"] as? String)

            let found = try await client.execute(uri: "/api/v1/matches/find", method: .post, headers: bearer(token))
            #expect(found.status == .ok)
            let result = try found.json()
            #expect((result["subjects"] as? Int ?? 0) > 100)
            #expect((result["linked"] as? Int ?? 0) + (result["queued"] as? Int ?? 0) >= 1)

            // An identical copy scores above the automatic threshold: linked, reversibly.
            let linked = try await client.execute(
                uri: "/api/v1/matches?status=same", method: .get, headers: bearer(token))
            let items = try #require(try linked.json()["items"] as? [[String: Any]])
            let pair = try #require(
                items.first { item in
                    let review = item["review"] as? [String: Any]
                    return Set([review?["leftID"] as? String, review?["rightID"] as? String])
                        == Set([original.id.rawValue, copyID])
                })
            let id = try #require((pair["review"] as? [String: Any])?["id"] as? String)
            #expect(
                ((pair["review"] as? [String: Any])?["decisions"] as? [[String: Any]])?.first?["automatic"] as? Bool
                    == true)

            let read = try await client.execute(uri: "/api/v1/matches/\(id)", method: .get, headers: bearer(token))
            #expect(read.status == .ok)
            let parts =
                ((try read.json()["review"] as? [String: Any])?["explanation"] as? [String: Any])?["parts"]
                as? [[String: Any]]
            #expect(
                parts?.contains { $0["field"] as? String == "date of birth" && $0["level"] as? String == "exact" }
                    == true)

            let decided = try await client.execute(
                uri: "/api/v1/matches/\(id)/decision", method: .post, headers: bearer(token),
                body: ByteBuffer(string: #"{"decision":"not-same","note":"twins"}"#))
            #expect(decided.status == .ok)
            #expect((try decided.json()["review"] as? [String: Any])?["status"] as? String == "not-same")
            let undone = try await client.execute(
                uri: "/api/v1/matches/\(id)/undo", method: .post, headers: bearer(token))
            #expect((try undone.json()["review"] as? [String: Any])?["status"] as? String == "pending")
            let again = try await client.execute(
                uri: "/api/v1/matches/\(id)/undo", method: .post, headers: bearer(token))
            #expect(again.status == .conflict)
            let bad = try await client.execute(
                uri: "/api/v1/matches/\(id)/decision", method: .post, headers: bearer(token),
                body: ByteBuffer(string: #"{"decision":"perhaps"}"#))
            #expect(bad.status == .unprocessableContent)
            #expect(try bad.errorFields() == ["decision"])
            let badFilter = try await client.execute(
                uri: "/api/v1/matches?status=maybe", method: .get, headers: bearer(token))
            #expect(badFilter.status == .unprocessableContent)
            let unknown = try await client.execute(
                uri: "/api/v1/matches/\(UUID().uuidString)", method: .get, headers: bearer(token))
            #expect(unknown.status == .notFound)

            // The pages: the queue, the pair side by side, a decision by form.
            let session = try await signIn(client, "nca.analyst")
            let queue = try await client.execute(uri: "/matches", method: .get, headers: [.cookie: session.cookie])
            #expect(queue.status == .ok)
            #expect(queue.text.contains("/matches/\(id)"))
            let page = try await client.execute(uri: "/matches/\(id)", method: .get, headers: [.cookie: session.cookie])
            #expect(page.status == .ok)
            #expect(page.text.contains("Why the engine paired them"))
            // Said in words: the comparison and how much it counts, no weights in bits.
            #expect(
                page.text.contains(#">same date of birth</td><td data-label="Counts">strongly for</td>"#)
                    && !page.text.contains("bits"))
            #expect(queue.text.contains("same date of birth") && !queue.text.contains("agree: "))
            #expect(
                page.text.contains("/subjects/\(copyID)") && page.text.contains("/subjects/\(original.id.rawValue)"))
            #expect(page.text.contains("Decision undone"))
            let form = try await client.execute(
                uri: "/matches/\(id)/decision", method: .post,
                headers: [.cookie: session.cookie, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "_csrf=\(session.csrf)&decision=same&note=same+passport"))
            #expect(form.status == .seeOther)
            #expect(form.headers[.location] == "/matches/\(id)?saved=1")
            let missing = try await client.execute(
                uri: "/matches/\(id)/decision", method: .post,
                headers: [.cookie: session.cookie, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "_csrf=\(session.csrf)"))
            #expect(missing.status == .unprocessableContent)
            #expect(missing.text.contains("There is a problem"))

            // Decided the same: each subject's page and the API show the other, and the records are untouched.
            let subjectPage = try await client.execute(
                uri: "/subjects/\(original.id.rawValue)", method: .get, headers: [.cookie: session.cookie])
            #expect(
                subjectPage.text.contains("The same person elsewhere")
                    && subjectPage.text.contains("/subjects/\(copyID)"))
            let sameAs = try await client.execute(
                uri: "/api/v1/subjects/\(copyID)/same-as", method: .get, headers: bearer(token))
            #expect((try sameAs.json()["items"] as? [[String: Any]])?.count == 1)

            let history = try #require(
                try await harness.store.matchReviews(status: .same, limit: 1000).first {
                    $0.leftID.rawValue == original.id.rawValue || $0.rightID.rawValue == original.id.rawValue
                })
            #expect(history.decisions.map(\.status) == [.same, .notSame, .pending, .same])
            #expect(history.decisions.last?.by == "nca.analyst" && history.decisions.last?.note == "same passport")
            let logged = try await harness.store.searchAudit(AuditQuery(action: "match.", limit: 100)).map(\.action)
            #expect(
                logged.filter { $0 == "match.decide" }.count >= 3 && logged.contains("match.undo")
                    && logged.contains("match.find"))
        }
    }
}
