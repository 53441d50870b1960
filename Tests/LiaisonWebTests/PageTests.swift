import Foundation
import Hummingbird
import HummingbirdTesting
import LiaisonCore
import Testing

@testable import LiaisonWeb

@Suite("Pages")
struct PageTests {
    static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    @Test(
        "sign in: wrong password shows an error summary; right password sets a secure session cookie; sign out ends it")
    func signInOut() async throws {
        let harness = try await WebHarness()
        try await harness.run { client in
            let login = try await client.execute(uri: "/login", method: .get)
            #expect(login.status == .ok)
            #expect(login.text.contains("<h1>Sign in to Liaison</h1>"))
            let wrong = try await postSignIn(client, "username=nca.analyst&password=nope")
            #expect(wrong.status == .unauthorized)
            #expect(wrong.text.contains("There is a problem"))
            #expect(wrong.text.contains("Enter a correct username and password"))
            #expect(
                wrong.headers[.setCookie]?.hasPrefix(Authenticator.cookieName) != true,
                "no session for a wrong password")
            let empty = try await postSignIn(client, "username=&password=")
            #expect(empty.text.contains("Enter your username"))
            #expect(empty.text.contains("Enter your password"))

            let ok = try await postSignIn(
                client, "username=nca.analyst&password=\(WebHarness.password)&next=%2Fsubjects")
            #expect(ok.status == .seeOther)
            #expect(ok.headers[.location] == "/subjects")
            let cookie = try #require(ok.headers[.setCookie])
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            let offsite = try await postSignIn(
                client, "username=nca.analyst&password=\(WebHarness.password)&next=%2F%2Fevil.example")
            #expect(offsite.headers[.location] == "/")

            let (session, csrf) = try await signIn(client, "nca.analyst")
            let home = try await client.execute(uri: "/", method: .get, headers: [.cookie: session])
            #expect(home.text.contains("Welcome, Analyst (NCA demo)"))
            let forged = try await client.execute(
                uri: "/logout", method: .post,
                headers: [.cookie: session, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "_csrf=wrong"))
            #expect(forged.status == .forbidden)
            let out = try await client.execute(
                uri: "/logout", method: .post,
                headers: [.cookie: session, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "_csrf=\(csrf)"))
            #expect(out.status == .seeOther)
            let after = try await client.execute(uri: "/", method: .get, headers: [.cookie: session])
            #expect(after.status == .seeOther)
        }
    }

    @Test("a session lapses after 30 idle minutes")
    func idleTimeout() async throws {
        let clock = MovableClock(Date(timeIntervalSince1970: 1_790_000_000))
        let harness = try await WebHarness(clock: clock)
        try await harness.run { client in
            let (session, _) = try await signIn(client, "nca.analyst")
            clock.advance(29 * 60)
            #expect(try await client.execute(uri: "/", method: .get, headers: [.cookie: session]).status == .ok)
            clock.advance(31 * 60)
            #expect(try await client.execute(uri: "/", method: .get, headers: [.cookie: session]).status == .seeOther)
        }
    }

    @Test("cookie-authenticated API writes need the CSRF header")
    func apiCSRF() async throws {
        let harness = try await WebHarness()
        try await harness.run { client in
            let (session, csrf) = try await signIn(client, "nca.analyst")
            let body = ByteBuffer(string: APITests.validSubject)
            let refused = try await client.execute(
                uri: "/api/v1/subjects", method: .post, headers: [.cookie: session, .contentType: "application/json"],
                body: body)
            #expect(refused.status == .forbidden)
            let accepted = try await client.execute(
                uri: "/api/v1/subjects", method: .post,
                headers: [.cookie: session, .contentType: "application/json", .xCSRFToken: csrf], body: body)
            #expect(accepted.status == .created)
            let read = try await client.execute(
                uri: "/api/v1/subjects?limit=1", method: .get, headers: [.cookie: session])
            #expect(read.status == .ok)
        }
    }

    @Test("subject pages: list, search, view, and a form that reports every error then saves")
    func subjectPages() async throws {
        let harness = try await WebHarness()
        let target = harness.readable(by: "nca.analyst") {
            $0.meta.marking.classification == .official && !$0.details.identifiers.isEmpty
        }
        try await harness.run { client in
            let (session, csrf) = try await signIn(client, "nca.analyst")
            let headers: HTTPFields = [.cookie: session]
            let list = try await client.execute(uri: "/subjects", method: .get, headers: headers)
            #expect(list.status == .ok)
            #expect(list.text.contains("<caption>All subjects you can see, by name</caption>"))
            #expect(list.text.contains("Next page"))
            let identifier = target.details.identifiers[0].value
            let search = try await client.execute(
                uri: "/subjects?q=\(urlEncode(identifier))", method: .get, headers: headers)
            #expect(search.text.contains("/subjects/\(target.id)"))
            let page = try await client.execute(uri: "/subjects/\(target.id)", method: .get, headers: headers)
            #expect(page.status == .ok)
            #expect(page.text.contains(target.displayName.replacingOccurrences(of: "'", with: "&#39;")))
            #expect(page.text.contains("OFFICIAL"))
            #expect(page.text.contains(#"<a class="back-link" href="/subjects">Back to subjects</a>"#))
            // Nationalities by country name, not ISO code.
            if let code = target.details.nationalities.first,
                let country = ReferenceData.defaults.list("country").first(where: { $0.code == code.lowercased() })
            {
                #expect(page.text.contains(country.label.replacingOccurrences(of: "'", with: "&#39;")), "\(code)")
            }
            // Only markings the user's vetting reaches are offered: nobody makes a record they could not read back.
            let offered = try await client.execute(uri: "/subjects/new", method: .get, headers: headers)
            #expect(offered.text.contains(#"<option value="TOP SECRET""#))  // DV vetting reaches it
            let bpss = try await signIn(client, "nca.bpss")
            let bpssForm = try await client.execute(uri: "/subjects/new", method: .get, headers: [.cookie: bpss.cookie])
            #expect(
                bpssForm.text.contains(#"<option value="OFFICIAL-SENSITIVE""#)
                    && !bpssForm.text.contains(#"<option value="SECRET""#))

            let bad = try await client.execute(
                uri: "/subjects/new", method: .post,
                headers: [.cookie: session, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(
                    string:
                        "_csrf=\(csrf)&given=&family=&dob-day=1&dob-month=13&dob-year=1985&nationalities=Atlantis"
                        + "&identifierCount=3&identifierKind-0=pnc&identifierValue-0=nope&identifierKind-1=&identifierValue-1=oops"
                        + "&identifierKind-2=&identifierValue-2=&classification=OFFICIAL"
                ))
            #expect(bad.status == .unprocessableContent)
            let html = bad.text
            #expect(html.contains("<title>Error: Add a subject – Liaison</title>"))
            #expect(html.contains("There is a problem"))
            // Every problem in words, linked to its own box; what was typed is kept.
            #expect(
                html.contains(##"<a href="#identifierKind-1">Identifier 2: choose what kind of identifier it is</a>"##))
            #expect(html.contains(##"<a href="#identifierValue-0">Identifier 1 "##))
            #expect(
                html.contains(##"<a href="#nationalities">Nationality 1, ‘Atlantis’, is not a country we know</a>"##))
            #expect(html.contains(##"<a href="#dob">Date of birth must be a real date"##))
            #expect(html.contains(##"name="dob-month" inputmode="numeric" value="13""##), "what the user typed is kept")
            #expect(html.contains(##"id="identifierValue-1" name="identifierValue-1" value="oops""##))
            #expect(html.contains(##"<option value="OFFICIAL" selected>OFFICIAL</option>"##))

            let good = try await client.execute(
                uri: "/subjects/new", method: .post,
                headers: [.cookie: session, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(
                    string:
                        "_csrf=\(csrf)&given=Testa&family=Exampleson&aliases=Exampelson%2C+Tess&dob-day=3&dob-month=7&dob-year=1985&otherDobs=1986&nationalities=united+kingdom&identifierCount=1&identifierKind-0=pnc&identifierValue-0=98%2F123456A&addresses=1+High+Street%2C+Manchester%2C+m1+1ae&classification=OFFICIAL-SENSITIVE"
                ))
            #expect(good.status == .seeOther)
            let location = try #require(good.headers[.location])
            let saved = try await client.execute(uri: location, method: .get, headers: headers)
            #expect(saved.text.contains("Subject saved."))
            #expect(saved.text.contains("EXAMPLESON, Testa"))
            #expect(saved.text.contains("98/123456A"))
            #expect(saved.text.contains("1 High Street, Manchester, M1 1AE"))
            #expect(saved.text.contains("OFFICIAL-SENSITIVE"))
            // What was not given reads so, rather than an empty box.
            #expect(
                saved.text.contains("<dt>Sex</dt><dd>Not recorded</dd>")
                    && saved.text.contains("<dt>Phones</dt><dd>None recorded</dd>"))
            #expect(saved.text.contains(#"<li>Tess Exampelson <span class="tag tag--grey">alias</span></li>"#))

            let id = location.dropFirst("/subjects/".count).prefix { $0 != "?" }
            let editForm = try await client.execute(uri: "/subjects/\(id)/edit", method: .get, headers: headers)
            #expect(editForm.text.contains("Exampelson, Tess"))
            // The edit form shows what was saved in the same words and boxes.
            #expect(editForm.text.contains(##"name="dob-day" inputmode="numeric" value="3""##))
            #expect(editForm.text.contains(##"id="otherDobs" name="otherDobs" value="1986""##))
            #expect(editForm.text.contains(##"id="nationalities" name="nationalities" value="United Kingdom""##))
            #expect(editForm.text.contains(##"<option value="pnc" selected>"##))
            let stale = try await client.execute(
                uri: "/subjects/\(id)/edit", method: .post,
                headers: [.cookie: session, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(
                    string: "_csrf=\(csrf)&version=7&given=Testa&family=Exampleson&classification=OFFICIAL"))
            #expect(stale.text.contains("Someone else changed this subject"))
            let forged = try await client.execute(
                uri: "/subjects/new", method: .post,
                headers: [.cookie: session, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "given=A&family=B&classification=OFFICIAL"))
            #expect(forged.status == .forbidden)
        }
    }

    @Test("adding a subject we may already hold shows the likely matches first, then adds it when confirmed")
    func duplicateWarning() async throws {
        let harness = try await WebHarness()
        let target = harness.readable(by: "nca.analyst") {
            !$0.details.datesOfBirth.isEmpty && ($0.details.datesOfBirth.first?.count ?? 0) == 10
        }
        let name = try #require(target.details.primaryName)
        try await harness.run { client in
            let (session, csrf) = try await signIn(client, "nca.analyst")
            let form =
                "_csrf=\(csrf)&given=\(urlEncode(name.given))&family=\(urlEncode(name.family))&\(Self.dobBoxes(target.details.datesOfBirth[0]))&classification=OFFICIAL"
            let first = try await client.execute(
                uri: "/subjects/new", method: .post,
                headers: [.cookie: session, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: form))
            #expect(first.status == .ok)
            #expect(first.text.contains("We may already hold this person"))
            #expect(first.text.contains("href=\"/subjects/\(target.id)\""))
            #expect(first.text.contains("name=\"confirmNew\" value=\"1\""))
            #expect(first.text.contains("None of these: add the subject"))
            #expect(first.text.contains(#"<span class="match__score">"#) && first.text.contains("% likely</span>"))
            let confirmed = try await client.execute(
                uri: "/subjects/new", method: .post,
                headers: [.cookie: session, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: form + "&confirmNew=1"))
            #expect(confirmed.status == .seeOther)
            #expect(confirmed.headers[.location]?.hasPrefix("/subjects/") == true)
        }
    }

    @Test("group pages: filtered list, view with members, create")
    func groupPages() async throws {
        let harness = try await WebHarness()
        let group = harness.data.ocgs.first { $0.meta.marking.classification == .officialSensitive }!
        try await harness.run { client in
            let (session, csrf) = try await signIn(client, "nca.analyst")
            let headers: HTTPFields = [.cookie: session]
            let list = try await client.execute(
                uri: "/ocgs?status=\(group.details.status)&market=\(group.details.markets[0])", method: .get,
                headers: headers)
            #expect(list.status == .ok)
            #expect(list.text.contains("/ocgs/\(group.id)"))
            #expect(list.text.contains("<option value=\"\(group.details.markets[0])\" selected>"))
            let bad = try await client.execute(uri: "/ocgs?band=zz", method: .get, headers: headers)
            #expect(bad.status == .unprocessableContent)
            #expect(list.text.contains(#"<strong class="tag tag--yellow">OFFICIAL-SENSITIVE</strong>"#))
            let page = try await client.execute(uri: "/ocgs/\(group.id)", method: .get, headers: headers)
            #expect(page.text.contains("<h2>Members</h2>") && page.text.contains("<h1>\(group.details.name)</h1>"))
            #expect(page.text.contains("OFFICIAL-SENSITIVE</p>") && page.text.contains("Group recorded"))
            let created = try await client.execute(
                uri: "/ocgs/new", method: .post,
                headers: [.cookie: session, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(
                    string:
                        "_csrf=\(csrf)&name=Canal+Street+Crew&operations=Operation+TEST&status=active&markets=fraud&markets=firearms&areas=london&threatScore=420"
                ))
            #expect(created.status == .seeOther)
            let shown = try await client.execute(uri: created.headers[.location]!, method: .get, headers: headers)
            #expect(shown.text.contains("Canal Street Crew"))
            #expect(shown.text.contains("Fraud"))
            #expect(shown.text.contains("Firearms"))
            // Its maker may assess and edit it: the form holds what was saved.
            let made = String(try #require(created.headers[.location]).prefix { $0 != "?" })
            #expect(shown.text.contains(#"action="\#(made)/assessments""#))
            let edit = try await client.execute(uri: made + "/edit", method: .get, headers: headers)
            #expect(
                edit.text.contains(#"name="memberCount" value="0""#) && edit.text.contains(#"value="active" selected"#)
                    && edit.text.contains(#"value="fraud" selected"#) && edit.text.contains("Operation TEST</textarea>")
            )
            let invalid = try await client.execute(
                uri: "/ocgs/new", method: .post,
                headers: [.cookie: session, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "_csrf=\(csrf)&name=&status=active&threatScore=lots"))
            #expect(invalid.status == .unprocessableContent)
            #expect(invalid.text.contains("Threat score must be a whole number"))
        }
    }

    @Test("group members by name: roles changed and members removed on the group's form, people added from their page")
    func groupMembers() async throws {
        let harness = try await WebHarness()
        try await harness.run { client in
            let (session, csrf) = try await signIn(client, "nca.analyst")
            let headers: HTTPFields = [.cookie: session]
            let form: HTTPFields = [.cookie: session, .contentType: "application/x-www-form-urlencoded"]
            let people = try await client.execute(uri: "/api/v1/subjects?limit=2", method: .get, headers: headers)
            let ids = try JSONSerialization.jsonObject(with: Data(people.text.utf8)) as? [String: Any]
            let items = try #require(ids?["items"] as? [[String: Any]])
            let (first, second) = (items[0]["id"] as! String, items[1]["id"] as! String)
            let created = try await client.execute(
                uri: "/ocgs/new", method: .post, headers: form,
                body: ByteBuffer(string: "_csrf=\(csrf)&name=Weir+Lane+Crew&status=active&markets=fraud&areas=london"))
            let group = try #require(created.headers[.location]).replacingOccurrences(of: "?saved=1", with: "")
            let groupID = String(group.dropFirst("/ocgs/".count))
            // Added from each person's page: a choice of the groups the user may change, and a role.
            let offered = try await client.execute(uri: "/subjects/\(first)/groups/new", method: .get, headers: headers)
            #expect(offered.text.contains(#"<option value="\#(groupID)">Weir Lane Crew</option>"#))
            let missing = try await client.execute(
                uri: "/subjects/\(first)/groups/new", method: .post, headers: form,
                body: ByteBuffer(string: "_csrf=\(csrf)&group=&role=member"))
            #expect(
                missing.status == .unprocessableContent
                    && missing.text.contains(##"<a href="#group">Choose a group</a>"##))
            for (subject, role) in [(first, "principal"), (second, "member")] {
                let added = try await client.execute(
                    uri: "/subjects/\(subject)/groups/new", method: .post, headers: form,
                    body: ByteBuffer(string: "_csrf=\(csrf)&group=\(groupID)&role=\(role)"))
                #expect(added.status == .seeOther)
            }
            let twice = try await client.execute(
                uri: "/subjects/\(first)/groups/new", method: .post, headers: form,
                body: ByteBuffer(string: "_csrf=\(csrf)&group=\(groupID)&role=member"))
            #expect(twice.status == .unprocessableContent && twice.text.contains("already has this person as a member"))
            // The group's form names its members and carries their IDs only in hidden fields.
            let edit = try await client.execute(uri: "\(group)/edit", method: .get, headers: headers)
            let visible = edit.text.replacingOccurrences(
                of: #"<input type="hidden"[^>]*>"#, with: "", options: .regularExpression)
            #expect(!visible.contains(first) && !visible.contains(second))
            #expect(edit.text.contains(#"name="member-0" value="\#(first)""#))
            let version = try #require(
                edit.text.range(of: #"name="version" value="(\d+)""#, options: .regularExpression).map {
                    edit.text[$0].filter(\.isNumber)
                })
            let today = DateFormats.day(Date())
            let saved = try await client.execute(
                uri: "\(group)/edit", method: .post, headers: form,
                body: ByteBuffer(
                    string:
                        "_csrf=\(csrf)&version=\(version)&name=Weir+Lane+Crew&status=active&markets=fraud&areas=london"
                        + "&memberCount=2&member-0=\(first)&role-0=facilitator&from-0=\(today)&to-0="
                        + "&member-1=\(second)&role-1=member&from-1=\(today)&to-1=&remove-1=1"))
            #expect(saved.status == .seeOther)
            let api = try await client.execute(uri: "/api/v1/ocgs/\(groupID)", method: .get, headers: headers)
            let members = try #require(
                (try JSONSerialization.jsonObject(with: Data(api.text.utf8)) as? [String: Any])?["members"]
                    as? [[String: Any]])
            #expect(members.count == 1)
            #expect(
                members.first?["subjectID"] as? String == first && members.first?["role"] as? String == "facilitator")
            #expect(members.first?["from"] as? String == today)  // the date joined is kept through the edit
        }
    }

    @Test("an intelligence report written from a person's page is about them by name; what it mentions is linked too")
    func intelligenceAbout() async throws {
        let harness = try await WebHarness()
        let subject = harness.readable(by: "nca.analyst") { _ in true }
        try await harness.run { client in
            let (session, csrf) = try await signIn(client, "nca.analyst")
            let headers: HTTPFields = [.cookie: session]
            let page = try await client.execute(uri: "/subjects/\(subject.id)", method: .get, headers: headers)
            #expect(page.text.contains(#"href="/intelligence/new?subject=\#(subject.id)""#))
            let form = try await client.execute(
                uri: "/intelligence/new?subject=\(subject.id)", method: .get, headers: headers)
            #expect(form.text.contains("<p>\(subject.displayName)</p>"))
            #expect(form.text.contains(#"name="aboutID" value="\#(subject.id)""#))
            #expect(!form.text.contains("kind: value"))
            // A record nobody may read is not offered.
            let unknown = try await client.execute(
                uri: "/intelligence/new?subject=\(UUID().uuidString.lowercased())", method: .get, headers: headers)
            #expect(!unknown.text.contains(#"name="aboutID""#))
            let saved = try await client.execute(
                uri: "/intelligence", method: .post,
                headers: [.cookie: session, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(
                    string: "_csrf=\(csrf)&text=Seen+at+the+depot&infoDate-day=1&infoDate-month=9&infoDate-year=2026"
                        + "&sourceKind=agency&sourceDescription=Surveillance&classification=OFFICIAL"
                        + "&aboutKind=subject&aboutID=\(subject.id)&links=Vehicle%3A+MX19+ABC"))
            #expect(saved.status == .seeOther)
            let id = try #require(saved.headers[.location]).dropFirst("/intelligence/".count).prefix { $0 != "?" }
            let api = try await client.execute(uri: "/api/v1/intelligence/\(id)", method: .get, headers: headers)
            let links = try #require(
                (try JSONSerialization.jsonObject(with: Data(api.text.utf8)) as? [String: Any])?["links"]
                    as? [[String: String]])
            #expect(links.contains { $0["kind"] == "subject" && $0["value"] == subject.id.rawValue })
            #expect(links.contains { $0["kind"] == "vehicle" && $0["value"] == "MX19 ABC" })
            let shown = try await client.execute(uri: "/intelligence/\(id)", method: .get, headers: headers)
            #expect(shown.text.contains(subject.displayName) && shown.text.contains("1 September 2026"))
        }
    }

    @Test("a refused report keeps its grading and source; a recorded one offers partner agencies by name to send to")
    func intelligenceReportPages() async throws {
        let harness = try await WebHarness()
        let analyst = harness.user("nca.analyst")
        let intel = IntelligenceService(
            store: harness.store, clock: SystemClock(), audit: AuditLog(store: harness.store, clock: SystemClock()))
        let made = try await intel.create(
            IntelReportInput(
                text: "Cash is counted at the unit on Fridays.", infoDate: "2026-08-01",
                source: IntelSource(kind: "agency", description: "Surveillance log")), by: analyst)
        _ = try await intel.step(
            made.id,
            IntelStepInput(
                version: 1, action: "submit",
                grading: IntelGrading(source: .reliable, assessment: .b, handling: HandlingCode(.p))), by: analyst)
        _ = try await intel.step(
            made.id, IntelStepInput(version: 2, action: "assess"), by: harness.user("nca.supervisor"))
        try await harness.run { client in
            let (session, csrf) = try await signIn(client, "nca.supervisor")
            let refused = try await client.execute(
                uri: "/intelligence", method: .post,
                headers: [.cookie: session, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(
                    string: "_csrf=\(csrf)&text=&infoDate-day=1&infoDate-month=9&infoDate-year=2026"
                        + "&sourceKind=covert&sourceDescription=CHIS&classification=OFFICIAL-SENSITIVE"
                        + "&gradeSource=2&gradeAssessment=C&handling=C&conditions=Not+for+court"))
            #expect(refused.status == .unprocessableContent)
            for kept in [
                #"value="covert" selected"#, #"value="2" selected"#, #"value="C" selected>C: sharing"#,
                #"value="Not for court""#, #"value="OFFICIAL-SENSITIVE" selected"#, #"value="CHIS""#,
            ] {
                #expect(refused.text.contains(kept), "kept: \(kept)")
            }
            let page = try await client.execute(
                uri: "/intelligence/\(made.id)", method: .get, headers: [.cookie: session])
            #expect(page.text.contains("Report graded 1B") && page.text.contains("Cash is counted at the unit"))
            // The agencies it can go to, by name; not the agency that holds it.
            #expect(page.text.contains(#"name="agencies" value="GMP""#))
            #expect(page.text.contains(">Greater Manchester Police</label>"))
            #expect(!page.text.contains(#"name="agencies" value="NCA""#))
            let sent = try await client.execute(
                uri: "/intelligence/\(made.id)/steps", method: .post,
                headers: [.cookie: session, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "_csrf=\(csrf)&version=3&action=disseminate&agencies=GMP"))
            #expect(sent.status == .seeOther)
            let after = try await client.execute(
                uri: "/intelligence/\(made.id)", method: .get, headers: [.cookie: session])
            #expect(after.text.contains(#"<td data-label="Agency">Greater Manchester Police</td>"#))
            #expect(!after.text.contains("Not sent to any agency"))
        }
    }

    @Test("an order refused for its terms says which, in words, each linked to its box")
    func assetErrors() async throws {
        let harness = try await WebHarness()
        let subject = harness.readable(by: "nca.analyst") { _ in true }
        try await harness.run { client in
            let (session, csrf) = try await signIn(client, "nca.analyst")
            let refused = try await client.execute(
                uri: "/assets", method: .post,
                headers: [.cookie: session, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(
                    string: "_csrf=\(csrf)&targetKind=subject&targetID=\(subject.id)&power=confiscation"
                        + "&court=Leeds+Crown+Court&reference=T1&madeOn-day=1&madeOn-month=6&madeOn-year=2026"
                        + "&amount=1000&benefit=5000&available=1000&compensation=-5"
                        + "&timeToPay-day=1&timeToPay-month=1&timeToPay-year=2026&defaultSentenceMonths=6"))
            #expect(refused.status == .unprocessableContent)
            let summary = refused.text.components(separatedBy: "There is a problem").dropFirst().first ?? ""
            #expect(summary.contains(##"<a href="#timeToPay">Time to pay must be a real date"##))
            #expect(summary.contains(##"<a href="#benefit">The order&#39;s figures must not be negative</a>"##))
            #expect(!summary.contains("confiscation.") && !summary.contains("yyyy"))
        }
    }

    @Test("unknown pages and records get a page, not a stack trace")
    func errorPages() async throws {
        let harness = try await WebHarness()
        try await harness.run { client in
            let (session, _) = try await signIn(client, "nca.analyst")
            let missing = try await client.execute(
                uri: "/subjects/\(UUID().uuidString)", method: .get, headers: [.cookie: session])
            #expect(missing.status == .notFound)
            #expect(missing.text.contains("Page not found"))
            let nowhere = try await client.execute(uri: "/no/such/page", method: .get, headers: [.cookie: session])
            #expect(nowhere.status == .notFound)
            let css = try await client.execute(uri: "/assets/liaison.css", method: .get)
            #expect(css.headers[.contentType] == "text/css; charset=utf-8")
        }
    }

    @Test("a Person of Interest whose review is due offers the review at once, and names its owner")
    func overduePOI() async throws {
        let harness = try await WebHarness()
        let analyst = harness.user("nca.analyst")
        let subject = harness.readable(by: "nca.analyst") {
            $0.meta.owningAgencyID == analyst.agencyID && $0.meta.needToKnow == nil
        }
        try await harness.run { client in
            let session = try await signIn(client, "nca.analyst")
            let adopted = try await client.execute(
                uri: "/pois", method: .post,
                headers: [.cookie: session.cookie, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "_csrf=\(session.csrf)&subjectID=\(subject.id)"))
            let location = try #require(adopted.headers[.location])
            try await Task.sleep(for: .milliseconds(20))  // a new PoI is due for review from the moment it is adopted
            let page = try await client.execute(uri: location, method: .get, headers: [.cookie: session.cookie])
            #expect(
                page.status == .ok && page.text.contains("overdue")
                    && page.text.contains(##"<a href="#assess">Review now</a>"##))
            #expect(
                page.text.contains(#"id="assess" open"#) && page.text.contains(analyst.displayName)
                    && !page.text.contains("<dd>nca.analyst</dd>"))
            #expect(page.text.contains("No assessment recorded in Liaison yet"))
            let overdue = try await client.execute(
                uri: "/pois?overdue=1", method: .get, headers: [.cookie: session.cookie])
            #expect(overdue.text.contains(#"<a href="\#(location.prefix { $0 != "?" })">\#(subject.displayName)</a>"#))
            // Every factor rated at its first level above none, with a reason: the history shows it.
            let ratings = page.text.matches(of: /name="(rating\.[a-z0-9-]+)"/).map { "&\($0.output.1)=1" }.joined()
            #expect(!ratings.isEmpty)
            let assessed = try await client.execute(
                uri: location.prefix { $0 != "?" } + "/assessments", method: .post,
                headers: [.cookie: session.cookie, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "_csrf=\(session.csrf)&version=1&rationale=Seen+with+the+group\(ratings)"))
            #expect(assessed.status == .seeOther)
            let after = try await client.execute(uri: location, method: .get, headers: [.cookie: session.cookie])
            #expect(after.text.contains("Seen with the group") && !after.text.contains("No assessment recorded"))
            #expect(!after.text.contains(#"id="assess" open"#))
            let scoring = try await client.execute(uri: "/scoring", method: .get, headers: [.cookie: session.cookie])
            #expect(
                scoring.text.contains("Persons of Interest: risk (version")
                    && scoring.text.contains("Organised crime groups: threat (version"))
        }
    }

    @Test("an intervention planned on a group's page shows its outcome, and its operation totals it")
    func interventionPages() async throws {
        let harness = try await WebHarness()
        let group = try #require(harness.data.ocgs.first { $0.meta.marking.classification == .officialSensitive })
        try await harness.run { client in
            let (session, csrf) = try await signIn(client, "nca.analyst")
            let headers: HTTPFields = [.cookie: session]
            let form: HTTPFields = [.cookie: session, .contentType: "application/x-www-form-urlencoded"]
            let panel = try await client.execute(uri: "/ocgs/\(group.id)", method: .get, headers: headers)
            #expect(panel.text.contains("<h2>Interventions</h2>") && panel.text.contains("Plan an intervention"))
            #expect(panel.text.contains(#"<option value="arrest">Arrest and prosecution</option>"#))
            let planned = try await client.execute(
                uri: "/interventions", method: .post, headers: form,
                body: ByteBuffer(
                    string: "_csrf=\(csrf)&targetKind=ocg&targetID=\(group.id)&category=pursue&tactic=arrest"
                        + "&dueDate-day=1&dueDate-month=3&dueDate-year=2027&operation=OPERATION+FLINT"
                        + "&description=Warrants+at+the+yard"))
            #expect(planned.status == .seeOther)
            let path = try #require(planned.headers[.location]?.split(separator: "?").first.map(String.init))
            let recorded = try await client.execute(
                uri: "\(path)/steps", method: .post, headers: form,
                body: ByteBuffer(
                    string: "_csrf=\(csrf)&version=1&kind=seizure&date-day=2&date-month=11&date-year=2026"
                        + "&quantity=2.5&unit=kg&commodity=cocaine&purity=71&place=Felixstowe&narrative=Found+in+a+van")
            )
            #expect(recorded.status == .seeOther)
            let shown = try await client.execute(uri: path, method: .get, headers: headers)
            let page = shown.text
            #expect(page.contains("<h1>Arrest and prosecution</h1>") && page.contains("Warrants at the yard"))
            #expect(page.contains("Due</dt><dd>1 March 2027"))
            #expect(page.contains(#"<a href="/operations/OPERATION FLINT">OPERATION FLINT</a>"#))
            #expect(
                page.contains("2.50 kg") && page.contains("cocaine 71% Felixstowe") && page.contains("2 November 2026"))
            #expect(page.contains(#"<option value="in-progress">in-progress</option>"#))
            let operation = try await client.execute(
                uri: "/operations/OPERATION%20FLINT", method: .get, headers: headers)
            #expect(operation.status == .ok)
            #expect(operation.text.contains("<h1>OPERATION FLINT</h1>"))
            #expect(
                operation.text.contains(
                    #"<td data-label="Outcome">Seizure</td><td data-label="Total" class="numeric">2.50</td>"#))
            #expect(operation.text.contains("<li>cocaine (kg): 2.50</li>"))
            #expect(operation.text.contains(#"<a href="\#(path)">Arrest and prosecution</a>"#))
        }
    }

    @Test("what a form's hidden fields and lists hold is checked too: a count sent by hand, a long unknown code")
    func handMadeForms() async throws {
        let harness = try await WebHarness()
        let group = try #require(harness.data.ocgs.first { $0.meta.marking.classification == .officialSensitive })
        try await harness.run { client in
            let (session, csrf) = try await signIn(client, "nca.analyst")
            let form: HTTPFields = [.cookie: session, .contentType: "application/x-www-form-urlencoded"]
            // A row count below zero, or past any number, gives no rows: the form answers with its problems.
            for count in ["-1", "99999999999999999999"] {
                let subject = try await client.execute(
                    uri: "/subjects/new", method: .post, headers: form,
                    body: ByteBuffer(
                        string: "_csrf=\(csrf)&given=&family=&identifierCount=\(count)&classification=OFFICIAL"))
                #expect(
                    subject.status == .unprocessableContent && subject.text.contains("There is a problem"), "\(count)")
                let ocg = try await client.execute(
                    uri: "/ocgs/new", method: .post, headers: form,
                    body: ByteBuffer(string: "_csrf=\(csrf)&name=&status=active&memberCount=\(count)"))
                #expect(ocg.status == .unprocessableContent && ocg.text.contains("There is a problem"), "\(count)")
            }
            // An unknown partner's code is quoted cut short, and a panel's problem carried to the record's page
            // names the first ten problems and counts the rest, so the address it goes back to stays short.
            let long = String(repeating: "Z", count: 5_000)
            let unknown = (1...12).map { "&partners=X\($0)" }.joined()
            let planned = try await client.execute(
                uri: "/interventions", method: .post, headers: form,
                body: ByteBuffer(
                    string: "_csrf=\(csrf)&targetKind=ocg&targetID=\(group.id)&category=pursue&tactic=arrest"
                        + "&dueDate-day=1&dueDate-month=3&dueDate-year=2027&description=Warrants&partners=\(long)"
                        + unknown))
            #expect(planned.status == .seeOther)
            let back = try #require(planned.headers[.location])
            #expect(
                back.hasPrefix("/ocgs/\(group.id)?interventionProblem=") && back.utf8.count < 4_000, "\(back.count)")
            let page = try await client.execute(uri: back, method: .get, headers: [.cookie: session])
            #expect(page.status == .ok)
            #expect(page.text.contains("&#39;\(String(repeating: "Z", count: 39))…&#39; is not a known agency"))
            #expect(page.text.contains("&#39;X9&#39; is not a known agency"))
            #expect(!page.text.contains("&#39;X10&#39;") && page.text.contains("3 more problems besides"))
        }
    }

    @Test("feedback from the phase banner is refused empty, then kept in the audit chain for the service team")
    func feedback() async throws {
        let harness = try await WebHarness()
        try await harness.run { client in
            let session = try await signIn(client, "gmp.officer")
            let home = try await client.execute(uri: "/", method: .get, headers: [.cookie: session.cookie])
            #expect(home.text.contains(#"<a href="/feedback">"#))
            let form: HTTPFields = [.cookie: session.cookie, .contentType: "application/x-www-form-urlencoded"]
            let empty = try await client.execute(
                uri: "/feedback", method: .post, headers: form, body: ByteBuffer(string: "_csrf=\(session.csrf)&text=+")
            )
            #expect(
                empty.status == .unprocessableContent && empty.text.contains("Enter your feedback")
                    && empty.text.contains(##"href="#text""##))
            let sent = try await client.execute(
                uri: "/feedback", method: .post, headers: form,
                body: ByteBuffer(string: "_csrf=\(session.csrf)&text=The+inbox+is+too+long+to+scroll"))
            #expect(sent.status == .seeOther && sent.headers[.location] == "/feedback?sent=1")
            let kept = try await harness.store.searchAudit(AuditQuery(action: "feedback.sent", limit: 5))
            #expect(kept.contains { $0.actorName == "gmp.officer" && $0.detail == "The inbox is too long to scroll" })
        }
    }

    @Test("dates of birth read as people write them, partial ones too, anything else as given")
    func birthDates() {
        #expect(displayBirth("1975-05-18") == "18 May 1975")
        #expect(displayBirth("1975-05") == "May 1975" && displayBirth("1975") == "1975")
        #expect(displayBirth("1975-13-01") == "1975-13-01" && displayBirth("unknown") == "unknown")
        #expect(displayBirths(["1985-07-03", "1985"]) == "3 July 1985, 1985")
    }

    /// A yyyy-MM-dd date of birth as the subject form's three boxes.
    static func dobBoxes(_ iso: String) -> String {
        let parts = iso.split(separator: "-")
        return "dob-day=\(parts[2])&dob-month=\(parts[1])&dob-year=\(parts[0])"
    }
}
