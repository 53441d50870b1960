import Foundation
import Hummingbird
import HummingbirdTesting
import LiaisonCore
import Testing

@testable import LiaisonWeb

/// Partner interest and obligations over HTTP: the NCA registers interest with its API token, the workflow team
/// allocates the case in the pages, the NCA acknowledges in its inbox with a reply that lands on the case, senior
/// caseworkers watch the dashboard and edit guidance, an administrator sets a webhook.
@Suite("Obligations over HTTP")
struct ObligationsWebTests {
    @Test("interest, allocation, inbox and acknowledgement, dashboard, guidance and delivery channels, end to end")
    func endToEnd() async throws {
        let harness = try await WebHarness()
        let workflow = try await harness.token("hocc.workflow")
        let nca = try await harness.token("nca.officer")
        let admin = try await harness.token("nca.admin")
        let ncaID = harness.data.agencies.first { $0.code == "NCA" }!.id.rawValue
        let subject = harness.readable(by: "hocc.workflow") {
            $0.meta.marking.classification == .official && $0.meta.sharing.withAll && $0.meta.needToKnow == nil
        }
        try await harness.run { client in
            let created = try await client.execute(
                uri: "/api/v1/cases", method: .post, headers: bearer(workflow),
                body: ByteBuffer(
                    string:
                        #"{"subjectID":"\#(subject.id.rawValue)","homeOfficeReference":"F2468013","sharing":{"withAll":false,"agencies":["\#(ncaID)"]}}"#
                ))
            #expect(created.status == .created)
            let id = try #require(try created.json()["id"] as? String)

            // The NCA registers its own interest; a missing contact is named.
            let incomplete = try await client.execute(
                uri: "/api/v1/cases/\(id)/interests", method: .post, headers: bearer(nca),
                body: ByteBuffer(string: #"{"version":1,"reason":"subject of an NCA operation"}"#))
            #expect(incomplete.status == .unprocessableContent)
            #expect(try (incomplete.errorFields()) == ["contact"])
            let registered = try await client.execute(
                uri: "/api/v1/cases/\(id)/interests", method: .post, headers: bearer(nca),
                body: ByteBuffer(
                    string:
                        #"{"version":1,"reason":"subject of an NCA operation","contact":"fno-desk@nca.demo.invalid"}"#))
            #expect(registered.status == .created)
            #expect(
                try ((registered.json()["interests"] as? [[String: Any]])?.first?["agencyCode"] as? String) == "NCA")

            // The workflow team allocates the case in the pages; the owner's details are owed to the NCA at once.
            let session = try await signIn(client, "hocc.workflow")
            let form: HTTPFields = [.cookie: session.cookie, .contentType: "application/x-www-form-urlencoded"]
            let allocated = try await client.execute(
                uri: "/cases/\(id)/steps", method: .post, headers: form,
                body: ByteBuffer(string: "_csrf=\(session.csrf)&version=2&allocateTo=hocc.owner"))
            #expect(allocated.status == .seeOther)
            let page = try await client.execute(uri: "/cases/\(id)", method: .get, headers: [.cookie: session.cookie])
            #expect(
                page.text.contains("Special conditions") && page.text.contains("subject of an NCA operation")
                    && page.text.contains(">Case owner&#39;s details</td>")
                    && !page.text.contains("case-owner-details"))
            #expect(page.text.contains("Guidance for the next steps") && page.text.contains("Minute sheet ICD.4353"))

            let owed = try await client.execute(
                uri: "/api/v1/cases/\(id)/obligations", method: .get, headers: bearer(workflow))
            let items = try #require(try owed.json()["items"] as? [[String: Any]])
            #expect(
                items.count == 1 && items[0]["event"] as? String == "case-owner-details"
                    && items[0]["status"] as? String == "open")
            let obligationID = try #require(items[0]["id"] as? String)
            #expect((items[0]["summary"] as? String)?.contains("01632 960") == true, "the owner's phone is sent")

            // The NCA's inbox has it; the workflow team may not acknowledge for the NCA.
            let inbox = try await client.execute(uri: "/api/v1/inbox", method: .get, headers: bearer(nca))
            #expect(try ((inbox.json()["items"] as? [[String: Any]])?.map { $0["id"] as? String }) == [obligationID])
            let notTheirs = try await client.execute(
                uri: "/api/v1/obligations/\(obligationID)/acknowledgement", method: .post, headers: bearer(workflow),
                body: ByteBuffer(string: "{}"))
            #expect(notTheirs.status == .forbidden)
            let ncaSession = try await signIn(client, "nca.officer")
            let inboxPage = try await client.execute(uri: "/inbox", method: .get, headers: [.cookie: ncaSession.cookie])
            #expect(
                inboxPage.status == .ok && inboxPage.text.contains("F2468013") && inboxPage.text.contains("Acknowledge")
            )
            // The notice in words, opened on its own page to reply; a reply over the limit is refused there, linked to its field.
            #expect(
                inboxPage.text.contains("Case owner&#39;s details") || inboxPage.text.contains("Case owner's details"))
            let path = obligationID.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? obligationID
            let noticePage = try await client.execute(
                uri: "/inbox/\(path)", method: .get, headers: [.cookie: ncaSession.cookie])
            #expect(
                noticePage.status == .ok && noticePage.text.contains("01632 960")
                    && noticePage.text.contains(#"<textarea id="reply""#)
                    && noticePage.text.contains("Back to the inbox")
                    && noticePage.text.contains(#"<form method="post" action="/inbox/\#(path)/acknowledge""#))
            let tooLong = try await client.execute(
                uri: "/inbox/\(path)/acknowledge", method: .post,
                headers: [.cookie: ncaSession.cookie, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "_csrf=\(ncaSession.csrf)&reply=" + String(repeating: "x", count: 5_000)))
            #expect(tooLong.status == .unprocessableContent && tooLong.text.contains(##"href="#reply""##))
            #expect(tooLong.text.contains(">" + String(repeating: "x", count: 5_000) + "</textarea>"))
            let acknowledged = try await client.execute(
                uri: "/inbox/\(path)/acknowledge", method: .post,
                headers: [.cookie: ncaSession.cookie, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "_csrf=\(ncaSession.csrf)&reply=We+hold+a+nationality+document"))
            #expect(acknowledged.status == .seeOther)
            let detail = try await client.execute(
                uri: "/api/v1/obligations/\(obligationID)", method: .get, headers: bearer(workflow))
            let obligation = try #require(try detail.json()["obligation"] as? [String: Any])
            #expect(
                obligation["status"] as? String == "acknowledged"
                    && obligation["reply"] as? String == "We hold a nationality document")
            #expect(
                try ((detail.json()["messages"] as? [[String: Any]])?.first?["receipt"] as? String)?.contains("inbox")
                    == true)
            // A generated client percent-encodes the ID's colons: the same obligation is found.
            let encoded = try await client.execute(
                uri: "/api/v1/obligations/\(obligationID.replacingOccurrences(of: ":", with: "%3A"))",
                method: .get, headers: bearer(nca))
            let encodedBody = try encoded.json()["obligation"] as? [String: Any]
            #expect(encoded.status == .ok && encodedBody?["id"] as? String == obligationID)
            // The inbox shows what is open by default; the acknowledged notice is there with state=all, a page at a time.
            let open = try await client.execute(uri: "/api/v1/inbox", method: .get, headers: bearer(nca))
            #expect(try (open.json()["items"] as? [[String: Any]])?.isEmpty == true)
            let all = try await client.execute(
                uri: "/api/v1/inbox?state=all&limit=1", method: .get, headers: bearer(nca))
            #expect(try ((all.json()["items"] as? [[String: Any]])?.map { $0["id"] as? String }) == [obligationID])
            let badLimit = try await client.execute(uri: "/api/v1/inbox?limit=0", method: .get, headers: bearer(nca))
            #expect(try badLimit.errorFields() == ["limit"])
            // A case is found by its Home Office reference.
            let byReference = try await client.execute(
                uri: "/api/v1/cases?reference=F2468013", method: .get, headers: bearer(workflow))
            #expect(try ((byReference.json()["items"] as? [[String: Any]])?.map { $0["id"] as? String }) == [id])
            let history = try await client.execute(
                uri: "/cases/\(id)", method: .get, headers: [.cookie: session.cookie])
            #expect(history.text.contains("Partner reply") && history.text.contains("We hold a nationality document"))

            // The dashboard is for casework roles; bad states are named.
            let dashboard = try await client.execute(
                uri: "/api/v1/obligations/dashboard", method: .get, headers: bearer(workflow))
            #expect(dashboard.status == .ok)
            #expect(try (dashboard.json()["tallies"] as? [[String: Any]]) != nil)
            #expect(
                try await client.execute(uri: "/api/v1/obligations/dashboard", method: .get, headers: bearer(nca))
                    .status == .forbidden)
            let badState = try await client.execute(
                uri: "/api/v1/obligations?state=late", method: .get, headers: bearer(workflow))
            #expect(badState.status == .unprocessableContent)
            #expect(try (badState.errorFields()) == ["state"])
            let senior = try await signIn(client, "hocc.senior")
            let board = try await client.execute(
                uri: "/obligations?state=all", method: .get, headers: [.cookie: senior.cookie])
            #expect(
                board.status == .ok && board.text.contains("By team and agency")
                    && board.text.contains("Case owner&#39;s details") && !board.text.contains(">case-owner-details<"))

            // Guidance: a senior caseworker publishes a new version; the history keeps both.
            let seniorForm: HTTPFields = [.cookie: senior.cookie, .contentType: "application/x-www-form-urlencoded"]
            let noNote = try await client.execute(
                uri: "/guidance/consultation", method: .post, headers: seniorForm,
                body: ByteBuffer(string: "_csrf=\(senior.csrf)&version=0&title=Consulting&body=Ask+first"))
            #expect(
                noNote.status == .unprocessableContent
                    && noNote.text.contains(##"<a href="#changeNote">Change note must say what changed and why</a>"##))
            let edited = try await client.execute(
                uri: "/guidance/consultation", method: .post, headers: seniorForm,
                body: ByteBuffer(
                    string:
                        "_csrf=\(senior.csrf)&version=0&title=Consulting+partners&body=Ask+first%2C+wait+for+the+answer&changeNote=Clarified"
                ))
            #expect(edited.status == .seeOther)
            let guide = try await client.execute(
                uri: "/api/v1/guidance/consultation", method: .get, headers: bearer(nca))
            #expect(try ((guide.json()["current"] as? [String: Any])?["title"] as? String) == "Consulting partners")
            #expect(try ((guide.json()["history"] as? [[String: Any]])?.map { $0["version"] as? Int }) == [1, 0])
            let stale = try await client.execute(
                uri: "/api/v1/guidance/consultation", method: .post, headers: bearer(admin),
                body: ByteBuffer(string: #"{"version":0,"title":"T","body":"B","changeNote":"n"}"#))
            #expect(stale.status == .conflict)

            // Delivery channels: checked, and the secret is never shown back.
            let badURL = try await client.execute(
                uri: "/api/v1/agencies/NCA/delivery", method: .put, headers: bearer(admin),
                body: ByteBuffer(string: #"{"version":0,"webhookURL":"ftp://x","webhookSecret":"short"}"#))
            #expect(badURL.status == .unprocessableContent)
            #expect(try (badURL.errorFields()) == ["webhookURL", "webhookSecret"])
            // A webhook may not point inside: loopback, private or link-local hosts are refused unless allowed.
            for inside in [
                "http://127.0.0.1:8080/x", "http://169.254.169.254/latest", "http://10.0.0.5/hook",
                "http://localhost/hook", "http://[::1]/x",
            ] {
                let refused = try await client.execute(
                    uri: "/api/v1/agencies/NCA/delivery", method: .put, headers: bearer(admin),
                    body: ByteBuffer(
                        string: #"{"version":0,"webhookURL":"\#(inside)","webhookSecret":"0123456789abcdef0123"}"#))
                let fields = try refused.errorFields()
                #expect(refused.status == .unprocessableContent && fields == ["webhookURL"], "\(inside)")
            }
            let set = try await client.execute(
                uri: "/api/v1/agencies/NCA/delivery", method: .put, headers: bearer(admin),
                body: ByteBuffer(
                    string:
                        #"{"version":0,"email":"fno-desk@nca.demo.invalid","webhookURL":"https://hooks.nca.demo.invalid/liaison","webhookSecret":"0123456789abcdef0123"}"#
                ))
            #expect(set.status == .ok)
            #expect(try (set.json()["webhookSecret"] as? String) == "(set)")
            let read = try await client.execute(
                uri: "/api/v1/agencies/NCA/delivery", method: .get, headers: bearer(admin))
            #expect(try (read.json()["version"] as? Int) == 1)
            #expect(try (read.json()["webhookSecret"] as? String) == "(set)")
            // The store keeps it sealed, never in clear.
            let ncaAgency = try #require(harness.data.agencies.first { $0.code == "NCA" })
            let stored = try #require(try await harness.store.deliveryChannels(ncaAgency.id)?.webhookSecret)
            #expect(stored.hasPrefix("sealed:v1:") && !stored.contains("0123456789abcdef0123"))
            #expect(SecretBox.process.open(stored) == "0123456789abcdef0123")
            // An administrator may have Liaison make a new secret, shown once; it replaces the old.
            let made = try await client.execute(
                uri: "/api/v1/agencies/NCA/delivery/secret", method: .post, headers: bearer(admin))
            let secret = try #require(try made.json()["webhookSecret"] as? String)
            #expect(made.status == .ok && secret.hasPrefix("whsec_") && secret.count > 40)
            let resealed = try #require(try await harness.store.deliveryChannels(ncaAgency.id)?.webhookSecret)
            #expect(SecretBox.process.open(resealed) == secret && !resealed.contains(secret))
            // Only the agency's own administrators manage its channels: another agency's administrator is refused.
            let gmp = try #require(harness.data.agencies.first { $0.code == "GMP" })
            let gmpAdmin = User(
                username: "gmp.admin", displayName: "GMP admin", email: "admin@gmp.invalid", agencyID: gmp.id,
                roles: [.administrator],
                vetting: .sc)
            try await harness.store.insertUser(gmpAdmin, passwordHash: "x")
            let gmpToken = try await Authenticator(
                store: harness.store, clock: SystemClock(), hasher: PasswordHasher(cost: 4),
                audit: AuditLog(store: harness.store, clock: SystemClock())
            ).issueToken(for: gmpAdmin, name: "t", by: "test")
            let elsewhere = try await client.execute(
                uri: "/api/v1/agencies/NCA/delivery", method: .put, headers: bearer(gmpToken),
                body: ByteBuffer(
                    string:
                        #"{"version":2,"webhookURL":"https://hooks.gmp.invalid/steal","webhookSecret":"0123456789abcdef0123"}"#
                ))
            #expect(elsewhere.status == .forbidden)
            #expect(
                try await client.execute(uri: "/api/v1/agencies/GMP/delivery", method: .get, headers: bearer(gmpToken))
                    .status == .ok)
            #expect(
                try await client.execute(uri: "/api/v1/agencies/NCA/delivery", method: .get, headers: bearer(nca))
                    .status == .forbidden)
        }
    }

    @Test(
        "an agency's administrator sets where its notices go on a page: a secret made and shown once, a webhook checked"
    )
    func deliveryPage() async throws {
        let harness = try await WebHarness()
        let nca = try #require(harness.data.agencies.first { $0.code == "NCA" })
        try await harness.run { client in
            let session = try await signIn(client, "nca.admin")
            let form: HTTPFields = [.cookie: session.cookie, .contentType: "application/x-www-form-urlencoded"]
            let first = try await client.execute(
                uri: "/admin/delivery", method: .get, headers: [.cookie: session.cookie])
            #expect(
                first.status == .ok && first.text.contains("Delivery of notices")
                    && first.text.contains("No secret is set yet"))
            // A webhook needs a signing secret first; the page says which field and why.
            let early = try await client.execute(
                uri: "/admin/delivery", method: .post, headers: form,
                body: ByteBuffer(
                    string: "_csrf=\(session.csrf)&version=0&webhookURL=https%3A%2F%2Fhooks.nca.demo.invalid%2Fliaison")
            )
            #expect(
                early.status == .unprocessableContent
                    && early.text.contains(##"<a href="#secret">Signing secret must be at least 16 characters"##))
            let made = try await client.execute(
                uri: "/admin/delivery/secret", method: .post, headers: form,
                body: ByteBuffer(string: "_csrf=\(session.csrf)"))
            let marker = try #require(made.text.range(of: "<code>whsec_"))
            let secret = "whsec_" + made.text[marker.upperBound...].prefix { $0 != "<" }
            #expect(made.status == .ok && secret.count > 40 && made.text.contains("shown only this once"))
            #expect(
                try await harness.store.deliveryChannels(nca.id)?.webhookSecret.flatMap(SecretBox.process.open)
                    == secret)
            // Never shown again.
            let again = try await client.execute(
                uri: "/admin/delivery", method: .get, headers: [.cookie: session.cookie])
            #expect(
                again.text.contains("A secret is set") && !again.text.contains(secret)
                    && again.text.contains(#"name="version" value="1""#))
            let badEmail = try await client.execute(
                uri: "/admin/delivery", method: .post, headers: form,
                body: ByteBuffer(string: "_csrf=\(session.csrf)&version=1&email=not-an-address"))
            #expect(
                badEmail.status == .unprocessableContent
                    && badEmail.text.contains(##"<a href="#email">Email is not an email address</a>"##)
                    && badEmail.text.contains(#"value="not-an-address""#))
            let saved = try await client.execute(
                uri: "/admin/delivery", method: .post, headers: form,
                body: ByteBuffer(
                    string:
                        "_csrf=\(session.csrf)&version=1&email=fno-desk%40nca.demo.invalid&webhookURL=https%3A%2F%2Fhooks.nca.demo.invalid%2Fliaison"
                ))
            #expect(saved.status == .seeOther && saved.headers[.location] == "/admin/delivery?saved=1")
            let channels = try #require(try await harness.store.deliveryChannels(nca.id))
            #expect(
                channels.email == "fno-desk@nca.demo.invalid"
                    && channels.webhookURL == "https://hooks.nca.demo.invalid/liaison")
            #expect(channels.webhookSecret.flatMap(SecretBox.process.open) == secret && channels.version == 2)
            let shown = try await client.execute(
                uri: "/admin/delivery?saved=1", method: .get, headers: [.cookie: session.cookie])
            #expect(
                shown.text.contains("Saved.") && shown.text.contains(#"value="https://hooks.nca.demo.invalid/liaison""#)
            )
            // An officer is not an administrator: refused before the page is made.
            let officer = try await signIn(client, "nca.officer")
            let refused = try await client.execute(
                uri: "/admin/delivery", method: .get, headers: [.cookie: officer.cookie])
            #expect(refused.status == .forbidden && !refused.text.contains("hooks.nca.demo.invalid"))
        }
    }

    @Test("a case is opened from its subject's page, and interest in the person registered there")
    func fromTheSubjectPage() async throws {
        let harness = try await WebHarness()
        let subject = harness.readable(by: "hocc.workflow") {
            $0.meta.marking.classification == .official && $0.meta.sharing.withAll && $0.meta.needToKnow == nil
        }
        try await harness.run { client in
            let session = try await signIn(client, "hocc.workflow")
            let form: HTTPFields = [.cookie: session.cookie, .contentType: "application/x-www-form-urlencoded"]
            let page = try await client.execute(
                uri: "/subjects/\(subject.id)", method: .get, headers: [.cookie: session.cookie])
            #expect(
                page.text.contains("Open a deportation case") && page.text.contains("Register interest in this person"))
            // Opening a case is its own page, reached from the person's page.
            #expect(page.text.contains("/cases/new?subject=\(subject.id)"))
            let blank = try await client.execute(
                uri: "/cases/new?subject=\(subject.id)", method: .get, headers: [.cookie: session.cookie])
            #expect(blank.status == .ok && blank.text.contains(subject.displayName))
            #expect(blank.text.contains(#"href="/subjects/\#(subject.id)">Back</a>"#))
            let refused = try await client.execute(
                uri: "/cases/new", method: .post, headers: form,
                body: ByteBuffer(string: "_csrf=\(session.csrf)&subjectID=\(subject.id)&homeOfficeReference=12"))
            #expect(refused.status == .unprocessableContent)
            // The summary links to the field, which carries the same message inline and keeps what was typed.
            #expect(refused.text.contains("<title>Error: Open a deportation case"))
            #expect(
                refused.text.contains(
                    ##"<a href="#homeOfficeReference">Home Office reference must be a letter and 5 to 9 digits"##))
            #expect(refused.text.contains(#"id="homeOfficeReference-error""#))
            #expect(refused.text.contains(#"value="12""#))
            let opened = try await client.execute(
                uri: "/cases/new", method: .post, headers: form,
                body: ByteBuffer(string: "_csrf=\(session.csrf)&subjectID=\(subject.id)&homeOfficeReference=K1357924"))
            #expect(opened.status == .seeOther && opened.headers[.location]?.hasPrefix("/cases/") == true)
            let again = try await client.execute(
                uri: "/cases/new", method: .post, headers: form,
                body: ByteBuffer(string: "_csrf=\(session.csrf)&subjectID=\(subject.id)&homeOfficeReference=K1357924"))
            #expect(again.status == .unprocessableContent && again.text.contains("another case already has"))
            let nobody = try await client.execute(
                uri: "/cases/new", method: .get, headers: [.cookie: session.cookie])
            #expect(nobody.status == .ok && nobody.text.contains("Find the person first"))

            let partner = try await signIn(client, "nca.officer")
            let registered = try await client.execute(
                uri: "/subjects/\(subject.id)/interests", method: .post,
                headers: [.cookie: partner.cookie, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "_csrf=\(partner.csrf)&reason=NCA+target&contact=desk%40nca.demo.invalid"))
            #expect(registered.status == .seeOther)
            let after = try await client.execute(
                uri: "/subjects/\(subject.id)", method: .get, headers: [.cookie: partner.cookie])
            #expect(after.text.contains("NCA target"))
            let list = try await client.execute(uri: "/cases", method: .get, headers: [.cookie: session.cookie])
            #expect(
                list.text.contains("K1357924") && list.text.contains(#"<td data-label="Special conditions">NCA</td>"#))
        }
    }
}
