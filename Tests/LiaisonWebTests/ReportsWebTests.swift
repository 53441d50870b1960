import Foundation
import Hummingbird
import HummingbirdTesting
import LiaisonCore
import Testing

@testable import LiaisonWeb

/// Asset recovery and the reports through the API and the pages: an order recorded and paid, the report's CSV
/// and JSON agreeing with what was recorded, the published version leaving restricted measures out, a bad
/// period named, and the charts drawn as accessible SVG.
@Suite("Asset recovery and reports on the web")
struct ReportsWebTests {
    @Test("an order recorded through the API shows in the report's CSV, JSON and page")
    func reportThroughTheWeb() async throws {
        let harness = try await WebHarness()
        let token = try await harness.token("nca.analyst")
        let subject = harness.data.subjects.first {
            $0.meta.owningAgencyID == harness.data.agencies.first { $0.code == "NCA" }!.id && $0.meta.needToKnow == nil
                && $0.meta.marking.classification == .official
        }!
        try await harness.run { client in
            let today = InterventionService.day(Date())
            let year = ReportService(
                store: harness.store, clock: SystemClock(), audit: AuditLog(store: harness.store, clock: SystemClock())
            ).currentYear()
            let made = try await client.execute(
                uri: "/api/v1/assets", method: .post, headers: bearer(token),
                body: ByteBuffer(
                    string: """
                        {"target":{"kind":"subject","id":"\(subject.id)"},"power":"cash-seizure","court":"Dover Magistrates' Court","madeOn":"\(today)","amount":12500}
                        """))
            #expect(made.status == .created)
            let id = try #require(made.json()["order"] as? [String: Any])["id"] as! String
            let refused = try await client.execute(
                uri: "/api/v1/assets/\(id)/events", method: .post, headers: bearer(token),
                body: ByteBuffer(string: #"{"version":1,"kind":"forfeited","date":"\#(today)","amount":12500}"#))
            #expect(try refused.status == .unprocessableContent && refused.errorFields() == ["kind"])
            for (n, body) in [
                #"{"version":1,"kind":"detention","date":"\#(today)","until":"2099-01-01"}"#,
                #"{"version":1,"kind":"detention","date":"\#(today)","until":"\#(InterventionService.day(Date().addingTimeInterval(90 * 86_400)))"}"#,
                #"{"version":2,"kind":"forfeited","date":"\#(today)","amount":12500}"#,
            ].enumerated() {
                let step = try await client.execute(
                    uri: "/api/v1/assets/\(id)/events", method: .post, headers: bearer(token),
                    body: ByteBuffer(string: body))
                #expect(step.status == (n == 0 ? .unprocessableContent : .ok))
            }
            let view = try await client.execute(uri: "/api/v1/assets/\(id)", method: .get, headers: bearer(token))
            #expect((try view.json()["collected"] as? Double) == 12_500)

            let csv = try await client.execute(
                uri: "/api/v1/reports/performance?period=\(year)&format=csv", method: .get, headers: bearer(token))
            #expect(csv.status == .ok && csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            let cashLine = csv.text.split(separator: "\n").first { $0.contains(",cash-seized,") }.map(String.init) ?? ""
            #expect(cashLine.hasPrefix("Assets,cash-seized,Cash seized,GBP,12500,"))
            let json = try await client.execute(
                uri: "/api/v1/reports/performance?period=\(year)&published=true", method: .get, headers: bearer(token))
            let report = try json.json()
            let codes = (report["measures"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
            #expect(
                codes.contains("assets-forfeited") && !codes.contains("cash-seized")
                    && (report["restrictedOmitted"] as? Int ?? 0) > 0)
            let bad = try await client.execute(
                uri: "/api/v1/reports/performance?period=2025-27&area=atlantis", method: .get, headers: bearer(token))
            #expect(try bad.status == .unprocessableContent && bad.errorFields() == ["period", "area"])

            let analyst = try await signIn(client, "nca.analyst")
            let page = try await client.execute(
                uri: "/reports?period=\(year)", method: .get, headers: [.cookie: analyst.cookie])
            #expect(
                page.status == .ok && page.text.contains("£12,500") && page.text.contains("Cash seized")
                    && page.text.contains("<svg") && page.text.contains("role=\"img\"")
                    && page.text.contains("<title id=\"chart-outputs-title\">")
                    && page.text.contains("The figures in the chart"))
            // The form keeps the period; each chart's table names its series and gives its figures.
            #expect(page.text.contains(#"<input id="period" name="period" value="\#(year)">"#))
            #expect(page.text.contains(/<thead><tr><th scope="col"><\/th><th scope="col" class="numeric">[^<]+<\/th>/))
            #expect(page.text.contains(/<th scope="row">[^<]+<\/th><td data-label="" class="numeric">[£0-9]/))
            // The page takes published=true as the API does (and as the README says); a value it cannot read is refused.
            for yes in ["true", "1"] {
                let published = try await client.execute(
                    uri: "/reports?period=\(year)&published=\(yes)", method: .get, headers: [.cookie: analyst.cookie])
                #expect(
                    published.status == .ok && !published.text.contains("Cash seized")
                        && published.text.contains("Assets forfeited"), "\(yes)")
            }
            let unread = try await client.execute(
                uri: "/reports?period=\(year)&published=maybe", method: .get, headers: [.cookie: analyst.cookie])
            #expect(unread.status == .unprocessableContent && unread.text.contains("published must be true or false"))
            let subjectPage = try await client.execute(
                uri: "/subjects/\(subject.id)", method: .get, headers: [.cookie: analyst.cookie])
            #expect(subjectPage.text.contains("Asset recovery") && subjectPage.text.contains("/assets/\(id)"))
            // The order's page: its terms, its events in words, and the forfeited sum split under the scheme.
            let orderPage = try await client.execute(
                uri: "/assets/\(id)", method: .get, headers: [.cookie: analyst.cookie])
            let order = orderPage.text
            #expect(orderPage.status == .ok && order.contains("<dd>Dover Magistrates"))
            #expect(order.contains("<dt>Collected</dt><dd>£12,500</dd>"))
            #expect(order.contains(#"<td data-label="Event">forfeited</td>"#))
            #expect(order.contains(#"<td data-label="Event">detention</td>"#) && order.contains("<caption>"))
            #expect(order.contains(#"<td data-label="Part">"#) && !order.contains("No receipts yet."))
            let scheme = try await client.execute(
                uri: "/asset-recovery/scheme", method: .get, headers: [.cookie: analyst.cookie])
            #expect(scheme.status == .ok && scheme.text.contains("(in force)") && scheme.text.contains("%</td>"))
            let profile = try await client.execute(
                uri: "/reports/profile?period=\(year)&format=csv", method: .get, headers: [.cookie: analyst.cookie])
            #expect(profile.status == .ok && profile.text.hasPrefix("section,name,detail,value\n"))
        }
    }
}
