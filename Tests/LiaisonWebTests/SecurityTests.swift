import Foundation
import Hummingbird
import HummingbirdTesting
import LiaisonCore
import Testing

@testable import LiaisonWeb

@Suite("Security: lockout, tokens, audit, sharing and explanations")
struct SecurityTests {
    static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    @Test("five wrong passwords lock the account; the right one is then refused too; all of it is audited")
    func lockout() async throws {
        let harness = try await WebHarness()
        let auditorToken = try await harness.token("nca.auditor")
        try await harness.run { client in
            for _ in 1...4 {
                let wrong = try await postSignIn(client, "username=nca.analyst&password=guess")
                #expect(wrong.text.contains("Enter a correct username and password"))
            }
            let fifth = try await postSignIn(client, "username=nca.analyst&password=guess")
            #expect(fifth.text.contains("This account is locked"))
            let right = try await postSignIn(client, "username=nca.analyst&password=\(WebHarness.password)")
            #expect(right.status == .unauthorized)
            #expect(right.headers[.setCookie]?.hasPrefix(Authenticator.cookieName) != true, "no session while locked")
            let log = try await client.execute(
                uri: "/api/v1/audit?actor=nca.analyst&action=auth.", method: .get, headers: bearer(auditorToken))
            let entries = try log.json()["items"] as! [[String: Any]]
            #expect(
                entries.map { $0["action"] as! String } == [
                    "auth.sign-in", "auth.lockout", "auth.sign-in", "auth.sign-in", "auth.sign-in", "auth.sign-in",
                    "auth.sign-in",
                ])
            #expect(entries.allSatisfy { $0["outcome"] as? String == "denied" })
            #expect(entries.first?["detail"] as? String == "account locked")
            // Another account is unaffected.
            _ = try await signIn(client, "nca.intel")
        }
    }

    @Test(
        "an API token works for the days it was issued for, then is refused; issuing for longer than a year is refused")
    func expiry() async throws {
        let clock = MovableClock(Date(timeIntervalSince1970: 1_790_000_000))
        let harness = try await WebHarness(clock: clock)
        let week = try await harness.token("nca.analyst", days: 7, clock: clock)
        let standard = try await harness.token("nca.analyst", clock: clock)
        await #expect(throws: LiaisonError.invalid("days", "must be from 1 to 366")) {
            try await harness.token("nca.analyst", days: 400, clock: clock)
        }
        try await harness.run { client in
            func me(_ token: String) async throws -> HTTPResponse.Status {
                try await client.execute(uri: "/api/v1/me", method: .get, headers: bearer(token)).status
            }
            let fresh = try await me(week)
            clock.advance(7 * 86_400 + 1)
            let (lapsed, stillGood) = (try await me(week), try await me(standard))
            clock.advance(83 * 86_400)
            let lapsedToo = try await me(standard)
            #expect(fresh == .ok && lapsed == .unauthorized && stillGood == .ok && lapsedToo == .unauthorized)
        }
    }

    @Test("a revoked API token is refused at once")
    func revocation() async throws {
        let harness = try await WebHarness()
        let token = try await harness.token("nca.analyst")
        try await harness.run { client in
            #expect(try await client.execute(uri: "/api/v1/me", method: .get, headers: bearer(token)).status == .ok)
            let record = try #require(try await harness.store.token(hash: Secrets.hash(token)))
            let authenticator = Authenticator(
                store: harness.store, clock: SystemClock(), hasher: PasswordHasher(cost: 4),
                audit: AuditLog(store: harness.store, clock: SystemClock()))
            #expect(try await authenticator.revokeToken(id: record.id, by: "test"))
            #expect(
                try await client.execute(uri: "/api/v1/me", method: .get, headers: bearer(token)).status
                    == .unauthorized)
            #expect(try await authenticator.revokeToken(id: record.id, by: "test") == false)
        }
    }

    @Test("every API read lands in the audit log with its request ID and purpose; only auditors may search it")
    func auditTrail() async throws {
        let harness = try await WebHarness()
        let analyst = try await harness.token("nca.analyst")
        let auditor = try await harness.token("nca.auditor")
        let subject = try #require(
            harness.data.subjects.first {
                $0.meta.owningAgencyID == harness.user("nca.analyst").agencyID
                    && $0.meta.marking.classification == .official
            })
        try await harness.run { client in
            var headers = bearer(analyst)
            headers[.xRequestID] = "req-42"
            headers[.xLiaisonPurpose] = "operation planning"
            #expect(
                try await client.execute(uri: "/api/v1/subjects/\(subject.id)", method: .get, headers: headers).status
                    == .ok)
            _ = try await client.execute(uri: "/api/v1/subjects?q=smith", method: .get, headers: bearer(analyst))

            let refused = try await client.execute(uri: "/api/v1/audit", method: .get, headers: bearer(analyst))
            #expect(refused.status == .forbidden)
            let found = try await client.execute(
                uri: "/api/v1/audit?object=\(subject.id)", method: .get, headers: bearer(auditor))
            let entry = try #require((try found.json()["items"] as? [[String: Any]])?.first)
            #expect(entry["action"] as? String == "subject.read")
            #expect(entry["actorName"] as? String == "nca.analyst")
            #expect(entry["requestID"] as? String == "req-42")
            #expect(entry["purpose"] as? String == "operation planning")
            let searches = try await client.execute(
                uri: "/api/v1/audit?action=subject.search", method: .get, headers: bearer(auditor))
            #expect((try searches.json()["items"] as? [[String: Any]])?.first?["detail"] as? String == "query: smith")
            let csv = try await client.execute(
                uri: "/api/v1/audit/export?actor=nca.analyst", method: .get, headers: bearer(auditor))
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.text.hasPrefix("sequence,time,actor,"))
            #expect(csv.text.contains(",subject.read,"))
            let bad = try await client.execute(
                uri: "/api/v1/audit?from=2025-02-30&outcome=maybe", method: .get, headers: bearer(auditor))
            #expect(Set(try bad.errorFields()) == ["from", "outcome"])
            // The auditor's own searches are on the record too.
            let own = try await client.execute(
                uri: "/api/v1/audit?actor=nca.auditor", method: .get, headers: bearer(auditor))
            #expect(
                (try own.json()["items"] as? [[String: Any]])?.contains { $0["action"] as? String == "audit.export" }
                    == true)

            let (session, _) = try await signIn(client, "nca.auditor")
            let page = try await client.execute(
                uri: "/audit?actor=nca.analyst", method: .get, headers: [.cookie: session])
            #expect(page.status == .ok)
            #expect(page.text.contains("subject.read"))
            #expect(page.text.contains("operation planning"))
            // People by name and records by title, each record linking to its own entries; no record IDs shown.
            let shown = page.text.replacingOccurrences(
                of: #"<[^>]+>"#, with: " ", options: .regularExpression)
            #expect(shown.contains("Analyst (NCA demo)") && !shown.contains("nca.analyst"))
            #expect(shown.range(of: #"[0-9a-f]{8}-[0-9a-f]{4}-"#, options: .regularExpression) == nil)
            #expect(page.text.contains(#"<a href="/audit?object="#))
            // Dates are typed in boxes; a date that does not exist is named in the error summary and kept.
            let boxes = try await client.execute(
                uri: "/audit?from-day=30&from-month=2&from-year=2025&to-day=&to-month=&to-year=", method: .get,
                headers: [.cookie: session])
            #expect(boxes.status == .unprocessableContent)
            #expect(boxes.text.contains(##"<a href="#from">From must be a real date</a>"##))
            #expect(boxes.text.contains(##"name="from-day" inputmode="numeric" value="30""##))
            let day = DateFormats.day(Date()).split(separator: "-")
            let today = try await client.execute(
                uri: "/audit?from-day=\(day[2])&from-month=\(day[1])&from-year=\(day[0])", method: .get,
                headers: [.cookie: session])
            #expect(today.status == .ok && today.text.contains("subject.read"))
            #expect(try await AuditLog(store: harness.store, clock: SystemClock()).verify().intact)
        }
    }

    @Test("records not shared with an agency are invisible to it; protected fields are withheld from partners")
    func sharingAndWithholding() async throws {
        let harness = try await WebHarness()
        let nca = harness.user("nca.analyst")
        let gmp = try await harness.token("gmp.intel")
        let ncaToken = try await harness.token("nca.analyst")
        try await harness.run { client in
            func create(_ sharing: String) async throws -> String {
                let body =
                    #"{"details":{"names":[{"kind":"primary","given":"Testa","family":"Sharington"}],"datesOfBirth":[],"nationalities":[],"identifiers":[],"addresses":[{"line":"1 High Street","town":"Leeds","postcode":"LS6 1AA"}],"phones":["07700 900123"]},"sharing":\#(sharing)}"#
                let response = try await client.execute(
                    uri: "/api/v1/subjects", method: .post, headers: bearer(ncaToken), body: ByteBuffer(string: body))
                #expect(response.status == .created)
                return try #require(try response.json()["id"] as? String)
            }
            let privateID = try await create(#"{"withAll":false,"agencies":[]}"#)
            let sharedID = try await create(#"{"withAll":true,"agencies":[]}"#)
            #expect(
                try await client.execute(uri: "/api/v1/subjects/\(privateID)", method: .get, headers: bearer(gmp))
                    .status == .notFound)
            let list = try await client.execute(
                uri: "/api/v1/subjects?q=sharington", method: .get, headers: bearer(gmp))
            #expect((try list.json()["items"] as! [[String: Any]]).map { $0["id"] as! String } == [sharedID])

            let shared = try await client.execute(
                uri: "/api/v1/subjects/\(sharedID)", method: .get, headers: bearer(gmp))
            let body = try shared.json()
            #expect(body["withheld"] as? [String] == ["details.addresses", "details.phones"])
            #expect(
                (body["details"] as? [String: Any])?["addresses"] as? [Any] == nil
                    || ((body["details"] as? [String: Any])?["addresses"] as? [Any])?.isEmpty == true)
            let own = try await client.execute(
                uri: "/api/v1/subjects/\(sharedID)", method: .get, headers: bearer(ncaToken))
            #expect(((try own.json()["details"] as? [String: Any])?["addresses"] as? [Any])?.count == 1)
            #expect(try own.json()["withheld"] as? [String] == [])
            _ = nca
        }
    }

    @Test("an administrator can ask why a user cannot see a record, by page, API and the same policy")
    func explain() async throws {
        let harness = try await WebHarness()
        let admin = try await harness.token("nca.admin")
        let analyst = try await harness.token("nca.analyst")
        let secret = try #require(
            harness.data.subjects.first { $0.meta.marking.classification == .secret && $0.meta.sharing.withAll })
        try await harness.run { client in
            let answer = try await client.execute(
                uri: "/api/v1/access/explain?user=gmp.officer&record=\(secret.id)", method: .get, headers: bearer(admin)
            )
            #expect(answer.status == .ok)
            let body = try answer.json()
            #expect(body["allowed"] as? Bool == false)
            #expect((body["reasons"] as? [String])?.contains("BPSS vetting does not reach SECRET") == true)
            let allowed = try await client.execute(
                uri: "/api/v1/access/explain?user=nca.analyst&record=\(secret.id)&action=read", method: .get,
                headers: bearer(admin))
            #expect(try allowed.json()["allowed"] as? Bool == true)
            let notAdmin = try await client.execute(
                uri: "/api/v1/access/explain?user=gmp.officer&record=\(secret.id)", method: .get,
                headers: bearer(analyst))
            #expect(notAdmin.status == .forbidden)
            let unknown = try await client.execute(
                uri: "/api/v1/access/explain?user=nobody&record=\(secret.id)", method: .get, headers: bearer(admin))
            #expect(try unknown.errorFields() == ["user"])
            let (session, _) = try await signIn(client, "nca.admin")
            let page = try await client.execute(
                uri: "/access?user=gmp.officer&record=\(secret.id)", method: .get, headers: [.cookie: session])
            #expect(page.text.contains("BPSS vetting does not reach SECRET"))
        }
    }

    @Test("administrators create, disable, brief accounts and issue and revoke tokens on pages; others may not")
    func administration() async throws {
        let harness = try await WebHarness()
        let auditor = try await harness.token("nca.auditor")
        try await harness.run { client in
            let (admin, csrf) = try await signIn(client, "nca.admin")
            let (analyst, analystCSRF) = try await signIn(client, "nca.analyst")
            let formHeaders: (String) -> HTTPFields = {
                [.cookie: $0, .contentType: "application/x-www-form-urlencoded"]
            }
            #expect(
                try await client.execute(uri: "/admin/users", method: .get, headers: [.cookie: analyst]).status
                    == .forbidden)
            let refused = try await client.execute(
                uri: "/admin/users/new", method: .post, headers: formHeaders(analyst),
                body: ByteBuffer(string: "_csrf=\(analystCSRF)&username=x"))
            #expect(refused.status == .forbidden)

            let list = try await client.execute(uri: "/admin/users", method: .get, headers: [.cookie: admin])
            #expect(list.text.contains("gmp.officer"))
            let bad = try await client.execute(
                uri: "/admin/users/new", method: .post, headers: formHeaders(admin),
                body: ByteBuffer(
                    string:
                        "_csrf=\(csrf)&username=Bad+Name&displayName=&email=nope&agency=XYZ&vetting=TOP&password=short")
            )
            #expect(bad.status == .unprocessableContent)
            for message in [
                "Password must be at least 12 characters", "Username may hold only lowercase",
                "Agency is not a known agency", "Roles must include at least one role",
            ] {
                #expect(bad.text.contains(message), "missing: \(message)")
            }
            #expect(bad.text.contains(#"<input type="text" id="username" name="username" value="Bad Name""#))
            #expect(bad.text.contains(#"<option value="GMP">Greater Manchester Police</option>"#))
            let created = try await client.execute(
                uri: "/admin/users/new", method: .post, headers: formHeaders(admin),
                body: ByteBuffer(
                    string:
                        "_csrf=\(csrf)&username=gmp.newofficer&displayName=New+Officer&email=new%40gmp.example.invalid&agency=GMP&roles=analyst&roles=intelligence-officer&vetting=SC&password=a+long+enough+passphrase"
                ))
            #expect(created.status == .seeOther)
            let userPage = try #require(created.headers[.location]).split(separator: "?")[0]
            let (newSession, _) = try await signIn(client, "gmp.newofficer", password: "a long enough passphrase")
            #expect(try await client.execute(uri: "/", method: .get, headers: [.cookie: newSession]).status == .ok)

            let briefed = try await client.execute(
                uri: "\(userPage)/briefings", method: .post, headers: formHeaders(admin),
                body: ByteBuffer(string: "_csrf=\(csrf)&briefings=OPERATION+GRANITE"))
            #expect(briefed.status == .seeOther)
            let issued = try await client.execute(
                uri: "\(userPage)/tokens", method: .post, headers: formHeaders(admin),
                body: ByteBuffer(string: "_csrf=\(csrf)&name=partner+system"))
            let token = try #require(issued.text.firstMatch(of: /lsn_[A-Za-z0-9_-]+/).map { String($0.output) })
            let me = try await client.execute(uri: "/api/v1/me", method: .get, headers: bearer(token))
            #expect(try me.json()["briefings"] as? [String] == ["OPERATION GRANITE"])
            let tokenID = try #require(try await harness.store.token(hash: Secrets.hash(token))?.id)
            let revoked = try await client.execute(
                uri: "/admin/tokens/\(tokenID)/revoke", method: .post, headers: formHeaders(admin),
                body: ByteBuffer(string: "_csrf=\(csrf)"))
            #expect(revoked.status == .seeOther)
            let account = try await client.execute(uri: String(userPage), method: .get, headers: [.cookie: admin])
            #expect(account.text.contains("<h1>gmp.newofficer</h1>") && account.text.contains("<dd>New Officer</dd>"))
            #expect(account.text.contains(">OPERATION GRANITE</textarea>") && account.text.contains(">Revoked 20"))
            #expect(
                try await client.execute(uri: "/api/v1/me", method: .get, headers: bearer(token)).status
                    == .unauthorized)

            let disabled = try await client.execute(
                uri: "\(userPage)/active", method: .post, headers: formHeaders(admin),
                body: ByteBuffer(string: "_csrf=\(csrf)&active=false"))
            #expect(disabled.status == .seeOther)
            #expect(
                try await client.execute(uri: "/", method: .get, headers: [.cookie: newSession]).status == .seeOther)
            let again = try await postSignIn(client, "username=gmp.newofficer&password=a+long+enough+passphrase")
            #expect(again.status == .unauthorized)

            let log = try await client.execute(
                uri: "/api/v1/audit?actor=nca.admin&action=user.", method: .get, headers: bearer(auditor))
            let changes = (try log.json()["items"] as! [[String: Any]]).map { $0["action"] as! String }.filter {
                $0 != "user.read" && $0 != "user.list"
            }
            #expect(changes == ["user.disable", "user.brief", "user.create", "user.create"])
        }
    }

    @Test("sign-in: no forged form, no redirect off the site, a session planted before sign-in ends")
    func signInForgery() async throws {
        let harness = try await WebHarness()
        try await harness.run { client in
            let body = "username=nca.analyst&password=\(WebHarness.password)"
            // A form another site posts has no sign-in token: refused, and no session is given.
            let forged = try await client.execute(
                uri: "/login", method: .post, headers: Self.form, body: ByteBuffer(string: body))
            #expect(forged.status == .forbidden && forged.headers[.setCookie] == nil)
            // Nor does a token from the form help a post whose browser says it came from elsewhere.
            let form = try await signInForm(client)
            var crossSite = Self.form
            crossSite[.cookie] = form.cookie
            crossSite[.origin] = "https://evil.example"
            let fromElsewhere = try await client.execute(
                uri: "/login", method: .post, headers: crossSite,
                body: ByteBuffer(string: "_csrf=\(form.csrf)&" + body))
            #expect(fromElsewhere.status == .forbidden && fromElsewhere.headers[.setCookie] == nil)
            // A tab before the path would turn into //evil.example in a browser: sent home instead.
            for next in [
                "%2F%09%2Fevil.example", "%2F%0A%2Fevil.example", "%2F%5Cevil.example", "%2F%20%2Fevil.example",
            ] {
                let answer = try await postSignIn(client, body + "&next=\(next)")
                #expect(answer.status == .seeOther && answer.headers[.location] == "/", "next=\(next)")
            }
            // Signing in again ends the session the browser held.
            let first = try await signIn(client, "nca.analyst")
            let again = try await postSignIn(client, body, extraCookie: first.cookie)
            #expect(again.status == .seeOther)
            let old = try await client.execute(uri: "/api/v1/me", method: .get, headers: [.cookie: first.cookie])
            #expect(old.status == .unauthorized)
        }
    }

    @Test(
        "every cookie-authenticated form needs the session's token; role routes refuse others before the handler, audited"
    )
    func formsAndRoles() async throws {
        let harness = try await WebHarness()
        let auditor = try await harness.token("nca.auditor")
        try await harness.run { client in
            let session = try await signIn(client, "nca.analyst")
            var headers = Self.form
            headers[.cookie] = session.cookie
            for path in ["/subjects", "/ocgs", "/intelligence", "/gain", "/logout"] {
                let refused = try await client.execute(
                    uri: path, method: .post, headers: headers, body: ByteBuffer(string: "name=x"))
                #expect(refused.status == .forbidden, "\(path) without a token")
                let wrong = try await client.execute(
                    uri: path, method: .post, headers: headers, body: ByteBuffer(string: "_csrf=nope&name=x"))
                #expect(wrong.status == .forbidden, "\(path) with a wrong token")
            }
            let admin = try await client.execute(uri: "/admin/users", method: .get, headers: [.cookie: session.cookie])
            #expect(admin.status == .forbidden)
            let log = try await client.execute(
                uri: "/api/v1/audit?action=route.refused", method: .get, headers: bearer(auditor))
            let refusals = try #require(try log.json()["items"] as? [[String: Any]])
            #expect(
                refusals.contains {
                    $0["actorName"] as? String == "nca.analyst" && $0["outcome"] as? String == "denied"
                })
            // Request IDs are random, not a count.
            let a = try await client.execute(uri: "/healthz", method: .get).headers[.init("X-Request-ID")!] ?? ""
            let b = try await client.execute(uri: "/healthz", method: .get).headers[.init("X-Request-ID")!] ?? ""
            #expect(
                a.count == 16 && b.count == 16 && a != b
                    && UInt64(a, radix: 16).map { n in UInt64(b, radix: 16) != n + 1 } == true)
        }
    }

    @Test("an administrator is told about records within their own clearance only")
    func explainWithinClearance() async throws {
        let harness = try await WebHarness()
        let admin = try await harness.token("nca.admin")  // SC
        let topSecret = Subject(
            meta: RecordMeta(
                owningAgencyID: harness.user("nca.analyst").agencyID, marking: ProtectiveMarking(.topSecret),
                createdAt: Date(), createdBy: harness.user("nca.analyst").id),
            details: SubjectDetails(names: [PersonName(given: "Tess", family: "Secretts")]))
        try await harness.store.insertSubjects([(topSecret, [])])
        try await harness.run { client in
            let hidden = try await client.execute(
                uri: "/api/v1/access/explain?user=nca.analyst&record=\(topSecret.id)", method: .get,
                headers: bearer(admin))
            let missing = try await client.execute(
                uri: "/api/v1/access/explain?user=nca.analyst&record=\(UUID().uuidString.lowercased())",
                method: .get, headers: bearer(admin))
            #expect(hidden.status == .unprocessableContent && missing.status == .unprocessableContent)
            #expect(try hidden.errorFields() == ["record"] && !hidden.text.contains("TOP SECRET"))
            let said = { (r: TestResponse) in (try r.json()["fields"] as? [[String: Any]])?.first?["reason"] as? String
            }
            #expect(try said(hidden) != nil && (try said(hidden)) == (try said(missing)))
        }
    }

    @Test(
        "a NUL, control characters or a huge value in any request leave the audit chain verifiable",
        arguments: WebHarness.Backing.available)
    func hostileRequests(on backing: WebHarness.Backing) async throws {
        let harness = try await WebHarness(on: backing)
        let token = try await harness.token("nca.analyst")
        try await harness.run { client in
            _ = try await postSignIn(client, "username=ab%00cd&password=x")
            _ = try await postSignIn(client, "username=%1B%5B31m%07%7F&password=x")
            let nul = try await client.execute(uri: "/api/v1/subjects?q=%00", method: .get, headers: bearer(token))
            let named = try nul.errorFields()
            #expect(nul.status == .unprocessableContent && named == ["q"])
            _ = try await client.execute(uri: "/api/v1/subjects?q=a%00b%FF%FE", method: .get, headers: bearer(token))
            var purpose = bearer(token)
            purpose[.init("X-Liaison-Purpose")!] = "case\u{7}review"
            _ = try await client.execute(
                uri: "/api/v1/subjects?q=" + String(repeating: "x", count: 60_000), method: .get, headers: purpose)
            _ = try await client.execute(
                uri: "/api/v1/intelligence/search?q=%00%01%02", method: .get, headers: bearer(token))
            let result = try await AuditLog(store: harness.store, clock: SystemClock()).verify(continuing: true)
            #expect(result.intact, "\(result.breaks)")
            #expect(result.entries >= 3 && result.verified == result.entries)
            let entries = try await harness.store.auditEntries(after: 0, limit: 1_000)
            #expect(entries.contains { $0.actorName == "ab\u{2400}cd" })
        }
    }
}
