import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The industry alert pages as their users see them: what each page says, not only that it answered.
@Suite("Industry alert pages")
struct AlertPagesTests {
    @Test("an alert is written through the form, refused in words when incomplete, and shown as written")
    func writeAndRead() async throws {
        let harness = try await WebHarness()
        try await harness.run { client in
            let analyst = try await signIn(client, "nca.analyst")
            let form: HTTPFields = [.cookie: analyst.cookie, .contentType: "application/x-www-form-urlencoded"]
            // An alert applies for up to a year: this one until six months from now.
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            calendar.locale = Locale(identifier: "en_GB")
            let until = calendar.dateComponents([.day, .month, .year], from: Date().addingTimeInterval(183 * 86_400))
            let (day, month, year) = (until.day!, until.month!, until.year!)
            let monthName = calendar.standaloneMonthSymbols[month - 1]
            let blank = try await client.execute(uri: "/alerts/new", method: .get, headers: [.cookie: analyst.cookie])
            #expect(blank.status == .ok)
            #expect(blank.text.contains("<h1>Write an industry alert</h1>"))
            #expect(
                blank.text.contains(#"<option value="suspicious-financial-activity">Suspicious financial activity"#))
            #expect(blank.text.contains(#"id="sector-banking" name="sectors" value="banking">"#))
            #expect(blank.text.contains(#"<option value="OFFICIAL-SENSITIVE">"#))
            #expect(!blank.text.contains("SECRET"))

            // No title: refused, with what was typed kept and the error linked to the box.
            let refused = try await client.execute(
                uri: "/alerts", method: .post, headers: form,
                body: ByteBuffer(
                    string:
                        "_csrf=\(analyst.csrf)&title=&category=typology&summary=Mule+accounts+opened+with+forged+passports"
                        + "&sectors=banking&classification=OFFICIAL&expiresOn-day=1&expiresOn-month=6&expiresOn-year=2030"
                ))
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("<title>Error: Write an industry alert"))
            #expect(refused.text.contains(##"<a href="#title">Title"##))
            #expect(refused.text.contains("Mule accounts opened with forged passports</textarea>"))
            #expect(refused.text.contains(#"value="banking" checked"#))

            let saved = try await client.execute(
                uri: "/alerts", method: .post, headers: form,
                body: ByteBuffer(
                    string:
                        "_csrf=\(analyst.csrf)&title=Mule+accounts&category=typology&summary=Mule+accounts+opened+with+forged+passports"
                        + "&guidance=Report+through+the+usual+route&indicators=email%3A+mule%40example.invalid"
                        + "&sectors=banking&classification=OFFICIAL&expiresOn-day=\(day)&expiresOn-month=\(month)&expiresOn-year=\(year)"
                ))
            #expect(saved.status == .seeOther)
            let location = try #require(saved.headers[.location])
            let page = try await client.execute(uri: location, method: .get, headers: [.cookie: analyst.cookie])
            #expect(page.status == .ok)
            #expect(page.text.contains("<h1>Mule accounts</h1>"))
            #expect(page.text.contains(#"<p class="marking-banner">OFFICIAL</p>"#))
            #expect(page.text.contains("<dd>Typology</dd>") && page.text.contains("<dd>Banking</dd>"))
            #expect(page.text.contains("<dd>\(day) \(monthName) \(year)</dd>"))
            #expect(page.text.contains("<h2>What to do</h2><p>Report through the usual route</p>"))
            #expect(page.text.contains("<code>mule@example.invalid</code>"))
            #expect(page.text.contains("No acknowledgements you can see."))
            // Writing is not publishing: only a supervisor of the issuing agency publishes.
            #expect(!page.text.contains(#"value="publish""#))
        }
    }

    @Test("an administrator sees each private-sector organisation with the sectors it receives alerts for")
    func audiences() async throws {
        let harness = try await WebHarness()
        try await harness.run { client in
            let admin = try await signIn(client, "nca.admin")
            let page = try await client.execute(
                uri: "/alerts/audiences", method: .get, headers: [.cookie: admin.cookie])
            #expect(page.status == .ok)
            #expect(page.text.contains("<legend>Example Bank plc (EXBANK)</legend>"))
            #expect(page.text.contains(#"id="EXBANK-banking" name="sectors" value="banking""#))
        }
    }
}
