import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LiaisonCore
import Synchronization
import Testing

@testable import LiaisonWeb

/// The Liaison with the NCA process walked end to end through the JSON API, as the Home Office workflow team, a case
/// owner, a senior caseworker and the NCA's own system: its token, and a webhook receiver that checks every signature
/// and refuses the first two deliveries. On both stores.
@Suite("Liaison with the NCA, walked end to end")
struct LiaisonWalkTests {
    /// What the NCA's webhook receiver saw.
    final class Receiver: Sendable {
        let calls = Mutex<[(key: String, signed: Bool, event: String)]>([])
        let refusals = Mutex(2)
    }

    @Test(
        "interest, minute sheet, allocation, every milestone with its facts, a webhook that recovers, replies, removal notice, escalation",
        arguments: WebHarness.Backing.available)
    func walk(on backing: WebHarness.Backing) async throws {
        let clock = MovableClock(Date())
        let hosts = WebhookHosts(allowed: ["127.0.0.1"])
        let harness = try await WebHarness(
            clock: clock, on: backing, configuration: ServerConfiguration(passwordCost: 4, webhookHosts: hosts))
        let workflow = try await harness.token("hocc.workflow", clock: clock)
        let owner = try await harness.token("hocc.owner", clock: clock)
        let senior = try await harness.token("hocc.senior", clock: clock)
        let nca = try await harness.token("nca.officer", clock: clock)
        let ncaAdmin = try await harness.token("nca.admin", clock: clock)
        let subject = harness.readable(by: "hocc.workflow") { s in
            s.meta.marking.classification == .official && s.meta.sharing.withAll && s.meta.needToKnow == nil
                && AccessPolicy.decide(harness.user("hocc.owner"), .read, s.meta).allowed
        }
        let secret = "the-nca-webhook-secret-0123"
        let receiver = Receiver()
        let hook = Router()
        hook.post("/hook") { request, _ -> Response in
            let body = String(buffer: try await request.body.collect(upTo: 1 << 20))
            let signed = WebhookSignature.verify(
                header: request.headers[HTTPField.Name("Liaison-Signature")!] ?? "", body: body, secret: secret,
                now: Int(Date().timeIntervalSince1970))
            let event = (try? JSONCoding.decoder.decode(Notice.self, from: Data(body.utf8)))?.event ?? "?"
            receiver.calls.withLock {
                $0.append((request.headers[HTTPField.Name("Idempotency-Key")!] ?? "", signed, event))
            }
            let refuse = receiver.refusals.withLock { left in
                if left > 0 {
                    left -= 1
                    return true
                }
                return false
            }
            return Response(status: refuse ? .serviceUnavailable : .ok)
        }
        try await Application(router: hook, configuration: .init(address: .hostname("127.0.0.1", port: 0))).test(.live)
        { webhook in
            let port = try #require(webhook.port)
            try await harness.run { client in
                func call(_ method: HTTPRequest.Method, _ path: String, _ token: String, _ body: String? = nil)
                    async throws -> TestResponse
                {
                    try await client.execute(
                        uri: path, method: method, headers: bearer(token), body: body.map { ByteBuffer(string: $0) })
                }
                func json(_ response: TestResponse) throws -> [String: Any] { try response.json() }
                let dispatcher = OutboxDispatcher(
                    store: harness.store, clock: clock, audit: AuditLog(store: harness.store, clock: clock),
                    transports: [.webhook: WebhookTransport(timeout: 60, hosts: hosts)])

                // The NCA's administrator points its notices at its system.
                let channels = try await call(
                    .put, "/api/v1/agencies/NCA/delivery", ncaAdmin,
                    #"{"version":0,"webhookURL":"http://127.0.0.1:\#(port)/hook","webhookSecret":"\#(secret)"}"#)
                #expect(channels.status == .ok)

                // The workflow team opens the case, records the NCA's interest from its email, attaches the minute sheet.
                let created = try await call(
                    .post, "/api/v1/cases", workflow,
                    #"{"subjectID":"\#(subject.id)","homeOfficeReference":"W7000001","fileLocation":"workflow"}"#)
                #expect(created.status == .created)
                let caseID = try #require(try json(created)["id"] as? String)
                let interest = try await call(
                    .post, "/api/v1/cases/\(caseID)/interests", workflow,
                    #"{"agencyCode":"NCA","reason":"Subject of an NCA investigation","contact":"fno-desk@nca.demo.invalid","confiscation":"Restraint order, Crown Court"}"#
                )
                #expect(interest.status == .created)
                var version = try #require(try json(interest)["meta"] as? [String: Any])["version"] as? Int ?? 0
                func step(_ body: String, as token: String = owner, expect status: HTTPResponse.Status = .ok)
                    async throws -> [String: Any]
                {
                    let answer = try await call(
                        .post, "/api/v1/cases/\(caseID)/steps", token, #"{"version":\#(version),"# + body)
                    #expect(answer.status == status, "\(body): \(answer.text)")
                    let parsed = try json(answer)
                    if let meta = parsed["meta"] as? [String: Any], let v = meta["version"] as? Int { version = v }
                    return parsed
                }
                let sheet = try await step(#""minuteSheet":"attach"}"#, as: workflow)
                #expect((sheet["minuteSheet"] as? [String: Any])?["state"] as? String == "attached")
                // The confiscation proceedings opened a barrier to removal.
                let barriers = try #require((sheet["progress"] as? [String: Any])?["barriers"] as? [[String: Any]])
                #expect(barriers.contains { $0["kind"] as? String == "confiscation" })

                // Allocation: the case owner's details go to the NCA, delivered to its webhook once it recovers.
                _ = try await step(#""allocateTo":"hocc.owner","note":"allocated"}"#, as: workflow)
                for _ in 0..<3 {
                    _ = try await dispatcher.deliverDue()
                    clock.advance(3_600)
                }
                let calls = receiver.calls.withLock { $0 }
                #expect(
                    calls.count == 3 && calls.allSatisfy { $0.signed && $0.event == "case-owner-details" }
                        && Set(calls.map(\.key)).count == 1)

                // The case owner moves the case on in the guidance's order; each milestone is a notice with its facts.
                for milestone in [
                    "liability-to-deport", "decision-to-deport", "notified-of-intention", "deportation-order",
                    "appeal-lodged",
                    "appeal-determined",
                ] {
                    _ = try await step(#""milestone":"\#(milestone)","reason":"as the Home Office file shows"}"#)
                }
                _ = try await step(
                    #""milestone":"bail-granted","reason":"tribunal","bailConditions":"reside at a fixed address; report weekly"}"#
                )
                _ = try await step(
                    #""milestone":"appeal-rights-exhausted","reason":"appeal dismissed, no further rights"}"#)
                let inbox = try await call(.get, "/api/v1/inbox?limit=500", nca)
                let notices = try #require(try json(inbox)["items"] as? [[String: Any]])
                let events = Set(notices.compactMap { $0["event"] as? String })
                for event in [
                    "case-owner-details", "liability-to-deport", "decision-to-deport", "notified-of-intention",
                    "deportation-order",
                    "appeal-lodged", "appeal-determined", "bail-granted", "appeal-rights-exhausted",
                ] {
                    #expect(events.contains(event), "the NCA is told of \(event)")
                }
                let bail = try #require(notices.first { $0["event"] as? String == "bail-granted" })
                #expect((bail["summary"] as? String)?.contains("reside at a fixed address; report weekly") == true)
                let details = try #require(notices.first { $0["event"] as? String == "case-owner-details" })
                #expect(
                    (details["summary"] as? String)?.contains("W7000001") == true
                        && (details["summary"] as? String)?.contains("01632 960") == true)

                // The NCA answers with what it holds, by ID as a generated client sends it; the reply lands on the case.
                let detailsID = try #require(details["id"] as? String)
                let hookMessage = try #require(
                    try await harness.store.messages(obligation: detailsID).first { $0.channel == .webhook })
                #expect(
                    hookMessage.status == .delivered && hookMessage.attempts == 3
                        && hookMessage.receipt?.hasPrefix("HTTP 200") == true)
                let acknowledged = try await call(
                    .post,
                    "/api/v1/obligations/\(detailsID.replacingOccurrences(of: ":", with: "%3A"))/acknowledgement", nca,
                    #"{"reply":"We hold his passport"}"#)
                #expect(acknowledged.status == .ok)
                let read = try await call(.get, "/api/v1/cases/\(caseID)", owner)
                version = (try json(read)["meta"] as? [String: Any])?["version"] as? Int ?? version
                let history = try #require(
                    (try json(read)["progress"] as? [String: Any])?["events"] as? [[String: Any]])
                #expect(
                    history.contains {
                        $0["kind"] as? String == "partner-reply" && $0["reason"] as? String == "We hold his passport"
                    })

                // Removal: the confiscation barrier stops it until resolved; short notice needs a senior caseworker.
                let soon = ISO8601DateFormatter().string(from: clock.now().addingTimeInterval(48 * 3_600))
                let removal =
                    #""milestone":"removal-directions-set","reason":"flight booked","removal":{"date":"\#(soon)","route":"LHR","destination":"Tirana"}"#
                _ = try await step(removal + "}", expect: .conflict)
                let barrierID = try #require(barriers.first { $0["kind"] as? String == "confiscation" }?["id"] as? Int)
                _ = try await step(#""barrierID":\#(barrierID),"note":"order satisfied"}"#)
                _ = try await step(removal + #","override":"seat available"}"#, expect: .forbidden)
                _ = try await step(removal + #","override":"seat available"}"#, as: senior)
                let afterRemoval = try #require(
                    try json(try await call(.get, "/api/v1/inbox?limit=500", nca))["items"] as? [[String: Any]])
                let removalNotice = try #require(afterRemoval.first { $0["event"] as? String == "removal-details" })
                #expect((removalNotice["summary"] as? String)?.contains("Tirana") == true)
                #expect(removalNotice["dueBy"] as? String == ISO8601DateFormatter().string(from: clock.now()))

                // Left unacknowledged, a notice escalates to the senior caseworker, who is told by email.
                clock.advance(2 * 3_600)
                let escalated = try await ObligationService(
                    store: harness.store, clock: clock, audit: AuditLog(store: harness.store, clock: clock)
                ).sweep()
                #expect(escalated.contains { $0.event == "removal-details" && $0.escalation == 1 })
                let removalID = try #require(removalNotice["id"] as? String)
                let messages = try await harness.store.messages(obligation: removalID)
                #expect(messages.contains { $0.channel == .email && $0.id.contains(":escalation-1:hocc.senior") })
                let seniorView = try await call(.get, "/api/v1/obligations?state=escalated", senior)
                #expect(
                    try (json(seniorView)["items"] as? [[String: Any]])?.contains { $0["id"] as? String == removalID }
                        == true)
                // The senior caseworker's home page leads with it; a case owner's does not.
                let seniorHome = try await client.execute(
                    uri: "/", method: .get, headers: [.cookie: try await signIn(client, "hocc.senior").cookie])
                #expect(
                    seniorHome.text.contains("Escalated to you (") && seniorHome.text.contains(">W7000001</a>")
                        && seniorHome.text.contains("the senior caseworker"))
                let ownerHome = try await client.execute(
                    uri: "/", method: .get, headers: [.cookie: try await signIn(client, "hocc.owner").cookie])
                #expect(ownerHome.status == .ok && !ownerHome.text.contains("Escalated to you"))
                // Navigation leaves out what the user may not open: the NCA officer has no obligations dashboard.
                #expect(seniorHome.text.contains(#"href="/obligations""#))
                let officerHome = try await client.execute(
                    uri: "/", method: .get, headers: [.cookie: try await signIn(client, "nca.officer").cookie])
                #expect(
                    officerHome.status == .ok && !officerHome.text.contains(#"href="/obligations""#)
                        && officerHome.text.contains(#"href="/inbox""#))
            }
        }
    }
}
