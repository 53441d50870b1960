import Foundation
import Hummingbird
import HummingbirdTesting
import LiaisonCore
import Testing

@testable import LiaisonWeb

@Suite("JSON API")
struct APITests {
    static let validSubject =
        #"{"details":{"names":[{"kind":"primary","given":"Testa","family":"Exampleson"}],"datesOfBirth":["1985-07-03"],"nationalities":["GBR"],"identifiers":[{"kind":"pnc","value":"98/123456A"}],"addresses":[],"phones":[]}}"#

    @Test("health, security headers and request IDs")
    func health() async throws {
        let harness = try await WebHarness()
        try await harness.run { client in
            let response = try await client.execute(uri: "/healthz", method: .get)
            #expect(response.status == .ok)
            #expect(try response.json()["status"] as? String == "ok")
            #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
            #expect(response.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
            #expect(response.headers[.xContentTypeOptions] == "nosniff")
            #expect(response.headers[.xRequestID]?.isEmpty == false)
            let echoed = try await client.execute(uri: "/healthz", method: .get, headers: [.xRequestID: "abc-123"])
            #expect(echoed.headers[.xRequestID] == "abc-123")
        }
    }

    @Test("anonymous API calls get 401 JSON; anonymous pages redirect to sign-in")
    func anonymous() async throws {
        let harness = try await WebHarness()
        try await harness.run { client in
            let api = try await client.execute(uri: "/api/v1/subjects", method: .get)
            #expect(api.status == .unauthorized)
            #expect(try api.json()["error"] as? String == "unauthenticated")
            let page = try await client.execute(uri: "/subjects?q=smith", method: .get)
            #expect(page.status == .seeOther)
            #expect(page.headers[.location] == "/login?next=%2Fsubjects%3Fq%3Dsmith")
            let revoked = try await client.execute(uri: "/api/v1/me", method: .get, headers: bearer("lsn_not-a-token"))
            #expect(revoked.status == .unauthorized)
        }
    }

    @Test(
        "do we hold this person? finds a subject from an earlier address it lists, and says the address agreeing is another on record"
    )
    func likelyMatchAtEarlierAddress() async throws {
        let harness = try await WebHarness()
        let token = try await harness.token("nca.analyst")
        let agency = harness.user("nca.analyst").agencyID
        // One of the analyst's agency's own subjects (addresses are shown to the agency holding the record), listed at
        // two addresses.
        let target = harness.readable(by: "nca.analyst") {
            $0.meta.owningAgencyID == agency && $0.details.addresses.count == 2 && $0.details.primaryName != nil
        }
        let name = try #require(target.details.primaryName)
        let earlier = target.details.addresses[1]
        let probe =
            #"{"details":{"names":[{"kind":"primary","given":"\#(name.given)","family":"\#(name.family)"}],"addresses":[{"line":"\#(earlier.line)","town":"\#(earlier.town ?? "")","postcode":"\#(earlier.postcode ?? "")"}]}}"#
        try await harness.run { client in
            let response = try await client.execute(
                uri: "/api/v1/subjects/matches", method: .post, headers: bearer(token), body: ByteBuffer(string: probe))
            #expect(response.status == .ok)
            let items = try #require(try response.json()["items"] as? [[String: Any]])
            let found = try #require(
                items.first { ($0["subject"] as? [String: Any])?["id"] as? String == target.id.rawValue })
            let explanation = try #require(found["explanation"] as? [String: Any])
            #expect(
                (explanation["notes"] as? [String])?.contains(
                    "the address that agrees is another one on record, such as a previous home") == true)
            #expect(
                (explanation["parts"] as? [[String: Any]])?.contains {
                    $0["field"] as? String == "address" && $0["level"] as? String == "same address"
                } == true)
        }
    }

    @Test("do we hold this person? finds a visible subject from a varied spelling, explains why, and hides the rest")
    func likelyMatches() async throws {
        let harness = try await WebHarness()
        let token = try await harness.token("nca.analyst")
        let target = harness.readable(by: "nca.analyst") {
            !$0.details.datesOfBirth.isEmpty && ($0.details.datesOfBirth.first?.count ?? 0) == 10
        }
        let name = try #require(target.details.primaryName)
        // The given name and surname swapped, the surname in capitals, the date of birth day-first as typed elsewhere.
        let probe =
            #"{"details":{"names":[{"kind":"primary","given":"\#(name.family.uppercased())","family":"\#(name.given)"}],"datesOfBirth":["\#(target.details.datesOfBirth[0])"],"nationalities":[],"identifiers":[],"addresses":[],"phones":[]}}"#
        try await harness.run { client in
            let response = try await client.execute(
                uri: "/api/v1/subjects/matches", method: .post, headers: bearer(token), body: ByteBuffer(string: probe))
            #expect(response.status == .ok)
            let items = try #require(try response.json()["items"] as? [[String: Any]])
            let first = try #require(items.first)
            #expect((first["subject"] as? [String: Any])?["id"] as? String == target.id.rawValue)
            #expect((first["probability"] as? Double ?? 0) >= 0.5)
            let explanation = try #require(first["explanation"] as? [String: Any])
            #expect((explanation["notes"] as? [String])?.contains("given name and surname swapped") == true)
            #expect(
                (explanation["parts"] as? [[String: Any]])?.contains {
                    $0["field"] as? String == "date of birth" && $0["level"] as? String == "exact"
                } == true)

            // A caller who knows only a name and a date of birth sends only those.
            let brief =
                #"{"details":{"names":[{"kind":"primary","given":"\#(name.given)","family":"\#(name.family)"}],"datesOfBirth":["\#(target.details.datesOfBirth[0])"]}}"#
            let briefly = try await client.execute(
                uri: "/api/v1/subjects/matches", method: .post, headers: bearer(token), body: ByteBuffer(string: brief))
            let briefItems = try briefly.json()["items"] as? [[String: Any]]
            #expect(
                briefly.status == .ok
                    && (briefItems?.first?["subject"] as? [String: Any])?["id"] as? String == target.id.rawValue)

            let empty = try await client.execute(
                uri: "/api/v1/subjects/matches", method: .post, headers: bearer(token),
                body: ByteBuffer(
                    string:
                        #"{"details":{"names":[],"datesOfBirth":[],"nationalities":[],"identifiers":[],"addresses":[],"phones":[]}}"#
                ))
            #expect(empty.status == .unprocessableContent)
            #expect(try empty.errorFields() == ["names"])

            // A user without the vetting for the record gets nothing about it.
            if target.meta.marking.classification != .official {
                let low = try await harness.token("hocc.workflow")
                let hidden = try await client.execute(
                    uri: "/api/v1/subjects/matches", method: .post, headers: bearer(low),
                    body: ByteBuffer(string: probe))
                let ids = (try hidden.json()["items"] as? [[String: Any]] ?? []).compactMap {
                    ($0["subject"] as? [String: Any])?["id"] as? String
                }
                #expect(!ids.contains(target.id.rawValue))
            }
            let logged = try await harness.store.searchAudit(AuditQuery(action: "subject.match", limit: 10))
            #expect(logged.contains { $0.objectIDs.contains(target.id.rawValue) && $0.actorName == "nca.analyst" })
        }
    }

    @Test(
        "GAIN about a vehicle: the agency whose report links it answers hit, and sees who asked and which report, on the API and its page"
    )
    func gainAboutAVehicle() async throws {
        let harness = try await WebHarness()
        let gmp = harness.user("gmp.intel")
        let intel = IntelligenceService(
            store: harness.store, clock: SystemClock(), audit: AuditLog(store: harness.store, clock: SystemClock()))
        let made = try await intel.create(
            IntelReportInput(
                text: "A silver estate car is used to move cash between the two addresses.", infoDate: "2026-08-01",
                source: IntelSource(kind: "agency", description: "Surveillance log"),
                links: [IntelLink(kind: "vehicle", value: "LV21 XYZ")]), by: gmp)
        let report = try await intel.step(
            made.id,
            IntelStepInput(
                version: 1, action: "submit",
                grading: IntelGrading(source: .reliable, assessment: .b, handling: HandlingCode(.p))), by: gmp)
        let token = try await harness.token("nca.analyst")
        let holder = try await harness.token("gmp.intel")
        try await harness.run { client in
            let asked = try await client.execute(
                uri: "/api/v1/gain/requests", method: .post, headers: bearer(token),
                body: ByteBuffer(
                    string:
                        #"{"purpose": "Operation Kestrel: whose car is this?", "vehicle": "lv21xyz", "agencies": ["GMP", "HMRC"]}"#
                ))
            #expect(asked.status == .created)
            let body = try asked.json()
            #expect(body["about"] as? String == "vehicle: LV21XYZ")
            #expect(
                (body["answers"] as? [[String: Any]])?.map { "\($0["agencyCode"] ?? "") \($0["result"] ?? "")" } == [
                    "GMP hit", "HMRC no hit",
                ])
            #expect(!asked.text.contains(report.id.rawValue))

            let bad = try await client.execute(
                uri: "/api/v1/gain/requests", method: .post, headers: bearer(token),
                body: ByteBuffer(
                    string:
                        #"{"purpose": "Operation Kestrel: whose car is this?", "vehicle": "LV21 XYZ", "company": "Acme Ltd", "agencies": ["GMP"]}"#
                ))
            #expect(bad.status == .unprocessableContent)
            #expect(try bad.errorFields() == ["person"])

            let hits = try await client.execute(uri: "/api/v1/gain/hits", method: .get, headers: bearer(holder))
            let first = try #require((try hits.json()["items"] as? [[String: Any]])?.first)
            #expect(
                first["about"] as? String == "vehicle: LV21XYZ" && first["reports"] as? [String] == [report.id.rawValue]
                    && first["requester"] as? String == "nca.analyst")
            let (cookie, _) = try await signIn(client, "gmp.intel")
            let page = try await client.execute(uri: "/gain", method: .get, headers: [.cookie: cookie])
            #expect(
                page.text.contains("About a vehicle: LV21XYZ")
                    && page.text.contains("href=\"/intelligence/\(report.id.rawValue)\""))
            // The search form's query arrives as a browser sends it, a space as "+": the page reads it as a space.
            let found = try await client.execute(
                uri: "/intelligence?q=LV21+XYZ", method: .get, headers: [.cookie: cookie])
            #expect(found.text.contains("value=\"LV21 XYZ\"") && found.text.contains("1 report(s) you may see match"))
            #expect(found.text.contains("[LV21] [XYZ]") && !found.text.contains("No reports you can see"))
            // Without a search, the reports the user may see; a search it cannot run says why, and counts nothing.
            let list = try await client.execute(uri: "/intelligence", method: .get, headers: [.cookie: cookie])
            #expect(list.text.contains("href=\"/intelligence/\(report.id.rawValue)\"") && !list.text.contains("match."))
            let refused = try await client.execute(
                uri: "/intelligence?q=LV21&agency=NOPE", method: .get, headers: [.cookie: cookie])
            #expect(refused.status == .unprocessableContent && refused.text.contains("Agency is not a known agency"))
            #expect(!refused.text.contains("report(s) you may see match") && refused.text.contains(#"value="LV21""#))
        }
    }

    @Test("list, search and paginate subjects with a bearer token")
    func listAndSearch() async throws {
        let harness = try await WebHarness()
        let token = try await harness.token("nca.analyst")
        let target = harness.readable(by: "nca.analyst")
        let family = target.details.primaryName!.family
        try await harness.run { client in
            let me = try await client.execute(uri: "/api/v1/me", method: .get, headers: bearer(token))
            #expect(try me.json()["username"] as? String == "nca.analyst")
            let first = try await client.execute(uri: "/api/v1/subjects?limit=20", method: .get, headers: bearer(token))
            #expect(first.status == .ok)
            let body = try first.json()
            #expect((body["items"] as? [Any])?.count == 20)
            let cursor = try #require(body["nextCursor"] as? String)
            let second = try await client.execute(
                uri: "/api/v1/subjects?limit=20&cursor=\(urlEncode(cursor))", method: .get, headers: bearer(token))
            let firstIDs = (body["items"] as! [[String: Any]]).map { $0["id"] as! String }
            let secondIDs = (try second.json()["items"] as! [[String: Any]]).map { $0["id"] as! String }
            #expect(Set(firstIDs).isDisjoint(with: secondIDs))
            let search = try await client.execute(
                uri: "/api/v1/subjects?q=\(urlEncode(family))", method: .get, headers: bearer(token))
            let found = (try search.json()["items"] as! [[String: Any]]).map { $0["id"] as! String }
            #expect(found.contains(target.id.rawValue))
            let tooMany = try await client.execute(
                uri: "/api/v1/subjects?limit=201", method: .get, headers: bearer(token))
            #expect(tooMany.status == .unprocessableContent)
            #expect(try tooMany.errorFields() == ["limit"])
        }
    }

    @Test("bad input gets a 4xx naming the field, never a 500")
    func badInput() async throws {
        let harness = try await WebHarness()
        let token = try await harness.token("nca.analyst")
        try await harness.run { client in
            func post(_ body: String) async throws -> TestResponse {
                try await client.execute(
                    uri: "/api/v1/subjects", method: .post, headers: bearer(token), body: ByteBuffer(string: body))
            }
            let malformed = try await post("{\"details\": ")
            #expect(malformed.status == .badRequest)
            #expect(try malformed.errorFields() == ["body"])

            let unknown = try await post(
                Self.validSubject.replacingOccurrences(of: #""phones":[]"#, with: #""phones":[],"shoeSize":9"#))
            #expect(unknown.status == .unprocessableContent)
            #expect(try unknown.errorFields() == ["details.shoeSize"])

            let wrongType = try await post(
                #"{"details":{"names":[{"kind":"primary","given":7,"family":"X"}],"datesOfBirth":[],"nationalities":[],"identifiers":[],"addresses":[],"phones":[]}}"#
            )
            #expect(wrongType.status == .badRequest)
            #expect(try wrongType.errorFields() == ["details.names[0].given"])

            // Lists left out are empty; a subject still needs a name.
            let brief = try await post(#"{"details":{"names":[{"kind":"primary","given":"A","family":"B"}]}}"#)
            let briefDetails = try brief.json()["details"] as? [String: Any]
            #expect(brief.status == .created && briefDetails?["phones"] as? [String] == [])
            let nameless = try await post(#"{"details":{"datesOfBirth":["1985"]}}"#)
            #expect(nameless.status == .unprocessableContent)
            #expect(try nameless.errorFields() == ["details.names"])

            let badValues = try await post(
                Self.validSubject
                    .replacingOccurrences(of: "1985-07-03", with: "1985-02-30")
                    .replacingOccurrences(of: "98/123456A", with: "not-a-pnc")
                    .replacingOccurrences(of: "Exampleson", with: String(repeating: "x", count: 101)))
            #expect(badValues.status == .unprocessableContent)
            #expect(
                Set(try badValues.errorFields()) == [
                    "details.datesOfBirth[0]", "details.identifiers[0].value", "details.names[0].family",
                ])

            let withVersion = try await post(Self.validSubject.replacingOccurrences(of: "}}", with: "},\"version\":3}"))
            #expect(try withVersion.errorFields() == ["version"])

            let huge = try await post("{\"details\":\"" + String(repeating: "a", count: 1_100_000) + "\"}")
            #expect(huge.status == .contentTooLarge)

            let badID = try await client.execute(
                uri: "/api/v1/subjects/not-a-uuid", method: .get, headers: bearer(token))
            #expect(badID.status == .unprocessableContent)
            #expect(try badID.errorFields() == ["id"])

            let absent = try await client.execute(
                uri: "/api/v1/subjects/\(UUID().uuidString)", method: .get, headers: bearer(token))
            #expect(absent.status == .notFound)
            #expect(try absent.json()["error"] as? String == "not_found")

            let badFilter = try await client.execute(
                uri: "/api/v1/ocgs?market=unicorns", method: .get, headers: bearer(token))
            #expect(badFilter.status == .unprocessableContent)
            #expect(try badFilter.errorFields() == ["market"])

            let noRoute = try await client.execute(uri: "/api/v1/nothing-here", method: .get, headers: bearer(token))
            #expect(noRoute.status == .notFound)
        }
    }

    @Test("create, read and update a subject; a stale version is refused with 409")
    func optimisticConcurrency() async throws {
        let harness = try await WebHarness()
        let token = try await harness.token("nca.analyst")
        try await harness.run { client in
            let created = try await client.execute(
                uri: "/api/v1/subjects", method: .post, headers: bearer(token),
                body: ByteBuffer(string: Self.validSubject))
            #expect(created.status == .created)
            let id = try #require(try created.json()["id"] as? String)
            #expect(created.headers[.location] == "/api/v1/subjects/\(id)")
            let update = Self.validSubject.replacingOccurrences(of: "}}", with: "},\"version\":1}")
                .replacingOccurrences(of: "\"phones\":[]", with: "\"phones\":[\"07700 900123\"]")
            let first = try await client.execute(
                uri: "/api/v1/subjects/\(id)", method: .put, headers: bearer(token), body: ByteBuffer(string: update))
            #expect(first.status == .ok)
            #expect((try first.json()["meta"] as? [String: Any])?["version"] as? Int == 2)
            let stale = try await client.execute(
                uri: "/api/v1/subjects/\(id)", method: .put, headers: bearer(token), body: ByteBuffer(string: update))
            #expect(stale.status == .conflict)
            #expect(try stale.json()["error"] as? String == "stale_version")
            let read = try await client.execute(uri: "/api/v1/subjects/\(id)", method: .get, headers: bearer(token))
            #expect((try read.json()["details"] as? [String: Any])?["phones"] as? [String] == ["07700 900123"])
        }
    }

    @Test(
        "vetting bounds what a user sees: a SECRET subject is absent for BPSS, and another agency's record is read-only"
    )
    func vetting() async throws {
        let harness = try await WebHarness()
        let secret = try #require(
            harness.data.subjects.first { $0.meta.marking.classification == .secret && $0.meta.sharing.withAll })
        let bpss = try await harness.token("gmp.officer")
        let analyst = try await harness.token("nca.analyst")
        let foreign = try #require(
            harness.data.subjects.first {
                $0.meta.owningAgencyID != harness.user("nca.analyst").agencyID
                    && $0.meta.marking.classification == .official && $0.meta.sharing.withAll
                    && $0.meta.needToKnow == nil
            })
        try await harness.run { client in
            let hidden = try await client.execute(
                uri: "/api/v1/subjects/\(secret.id)", method: .get, headers: bearer(bpss))
            #expect(hidden.status == .notFound)
            var cursor: String? = nil
            var seen: [String] = []
            repeat {
                let page = try await client.execute(
                    uri: "/api/v1/subjects?limit=200" + (cursor.map { "&cursor=\(urlEncode($0))" } ?? ""), method: .get,
                    headers: bearer(bpss))
                let body = try page.json()
                seen += (body["items"] as! [[String: Any]]).map { $0["id"] as! String }
                cursor = body["nextCursor"] as? String
            } while cursor != nil
            #expect(!seen.contains(secret.id.rawValue))
            // The store's filtering (SQL) agrees with the policy (Swift) on every record.
            let officer = harness.user("gmp.officer")
            let expected = Set(
                harness.data.subjects.filter { AccessPolicy.decide(officer, .read, $0.meta).allowed }.map(\.id.rawValue)
            )
            #expect(Set(seen) == expected)
            #expect(expected.count < harness.data.subjects.count)

            let body =
                #"{"details":{"names":[{"kind":"primary","given":"X","family":"Y"}],"datesOfBirth":[],"nationalities":[],"identifiers":[],"addresses":[],"phones":[]},"version":1}"#
            let edit = try await client.execute(
                uri: "/api/v1/subjects/\(foreign.id)", method: .put, headers: bearer(analyst),
                body: ByteBuffer(string: body))
            #expect(edit.status == .forbidden)
            #expect(try edit.json()["message"] as? String == "Not allowed: the record belongs to another agency.")
        }
    }

    @Test("groups: filters, members and a subject's groups")
    func groups() async throws {
        let harness = try await WebHarness()
        let token = try await harness.token("nca.analyst")
        let group = try #require(
            harness.data.ocgs.first {
                $0.meta.marking.classification == .officialSensitive && $0.details.status == "active"
            })
        let market = try #require(group.details.markets.first)
        try await harness.run { client in
            let list = try await client.execute(
                uri: "/api/v1/ocgs?market=\(market)&status=active&limit=200", method: .get, headers: bearer(token))
            let items = try list.json()["items"] as! [[String: Any]]
            #expect(items.contains { $0["id"] as? String == group.id.rawValue })
            let expected = harness.data.ocgs.filter {
                $0.details.markets.contains(market) && $0.details.status == "active"
            }.count
            #expect(items.count == expected)
            // A member the analyst may read lists the group among its groups; one they may not read is not found.
            let analyst = harness.user("nca.analyst")
            let readable = { (id: SubjectID) in
                harness.data.subjects.first { $0.id == id }.map { AccessPolicy.decide(analyst, .read, $0.meta).allowed }
                    ?? false
            }
            let member = try #require(group.members.first { readable($0.subjectID) })
            let ofSubject = try await client.execute(
                uri: "/api/v1/subjects/\(member.subjectID)/ocgs", method: .get, headers: bearer(token))
            let itsGroups = try ofSubject.json()["items"] as? [[String: Any]]
            #expect(ofSubject.status == .ok && itsGroups?.contains { $0["id"] as? String == group.id.rawValue } == true)
            if let hidden = group.members.first(where: { !readable($0.subjectID) }) {
                let refused = try await client.execute(
                    uri: "/api/v1/subjects/\(hidden.subjectID)/ocgs", method: .get, headers: bearer(token))
                #expect(refused.status == .notFound)
            }
            let create = try await client.execute(
                uri: "/api/v1/ocgs", method: .post, headers: bearer(token),
                body: ByteBuffer(
                    string:
                        #"{"details":{"name":"Test Crew","operationNames":["Operation TEST"],"markets":["fraud"],"areas":["london"],"status":"active"},"members":[{"subjectID":"\#(member.subjectID)","role":"principal"}]}"#
                ))
            #expect(create.status == .created)
            let badMember = try await client.execute(
                uri: "/api/v1/ocgs", method: .post, headers: bearer(token),
                body: ByteBuffer(
                    string:
                        #"{"details":{"name":"Test Crew","operationNames":[],"markets":[],"areas":[],"status":"active"},"members":[{"subjectID":"\#(UUID().uuidString)","role":"principal"}]}"#
                ))
            #expect(badMember.status == .unprocessableContent)
            #expect(try badMember.errorFields() == ["members[0].subjectID"])
        }
    }

    @Test("reference data is listed for all and edited only by administrators")
    func reference() async throws {
        let harness = try await WebHarness()
        let admin = try await harness.token("nca.admin")
        let analyst = try await harness.token("nca.analyst")
        try await harness.run { client in
            let markets = try await client.execute(
                uri: "/api/v1/reference?list=criminal-market", method: .get, headers: bearer(analyst))
            #expect(
                (try markets.json()["items"] as! [[String: Any]]).contains { $0["code"] as? String == "class-a-drugs" })
            let body = ByteBuffer(string: #"{"label":"Wildlife crime","sortOrder":500,"active":true}"#)
            let refused = try await client.execute(
                uri: "/api/v1/reference/criminal-market/wildlife", method: .put, headers: bearer(analyst), body: body)
            #expect(refused.status == .forbidden)
            let saved = try await client.execute(
                uri: "/api/v1/reference/criminal-market/wildlife", method: .put, headers: bearer(admin), body: body)
            #expect(saved.status == .ok)
            let badCode = try await client.execute(
                uri: "/api/v1/reference/criminal-market/Bad%20Code", method: .put, headers: bearer(admin), body: body)
            #expect(try badCode.errorFields() == ["code"])
            let filtered = try await client.execute(
                uri: "/api/v1/ocgs?market=wildlife", method: .get, headers: bearer(analyst))
            #expect(filtered.status == .ok)
        }
    }

    @Test("the OpenAPI document describes every API route, and every reference resolves")
    func openAPI() async throws {
        let harness = try await WebHarness()
        let operations = harness.operations
        try await harness.run { client in
            let response = try await client.execute(uri: "/api/openapi.json", method: .get)
            #expect(response.status == .ok)
            let document = try response.json()
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            for operation in operations {
                #expect(
                    paths[operation.path]?[operation.method.rawValue.lowercased()] != nil,
                    "\(operation.method) \(operation.path) is undocumented")
            }
            #expect(operations.count == paths.values.map(\.count).reduce(0, +))
            let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
            let responses = try #require((document["components"] as? [String: Any])?["responses"] as? [String: Any])
            let refs = response.text.matches(of: /"\$ref":"#\/components\/(schemas|responses)\/([A-Za-z]+)"/).map {
                (String($0.output.1), String($0.output.2))
            }
            #expect(!refs.isEmpty)
            for (kind, name) in refs {
                #expect((kind == "schemas" ? schemas[name] : responses[name]) != nil, "unresolved \(kind)/\(name)")
            }
            // Every API route answers as documented: found, and never a server error.
            let token = try await harness.token("nca.admin")
            for operation in operations where operation.method == .get && operation.pathParameters.isEmpty {
                let answer = try await client.execute(uri: operation.path, method: .get, headers: bearer(token))
                let needsInput = answer.status == .unprocessableContent && !operation.query.isEmpty
                // Metrics are off unless the server is started with a metrics token (or made public).
                let off = operation.path == "/metrics" && answer.status == .notFound
                #expect(answer.status == .ok || needsInput || off, "\(operation.path) answered \(answer.status)")
            }
        }
    }

    @Test("Prometheus metrics count requests by route, for a scraper with the metrics token; off unless configured")
    func metrics() async throws {
        let off = try await WebHarness()
        try await off.run { client in
            let hidden = try await client.execute(uri: "/metrics", method: .get)
            #expect(hidden.status == .notFound)
        }
        let harness = try await WebHarness(
            configuration: ServerConfiguration(passwordCost: 4, metrics: .token("a-scraper-token-0123")))
        try await harness.run { client in
            _ = try await client.execute(uri: "/healthz", method: .get)
            _ = try await client.execute(uri: "/api/v1/subjects", method: .get)
            let anonymous = try await client.execute(uri: "/metrics", method: .get)
            let wrong = try await client.execute(uri: "/metrics", method: .get, headers: bearer("a-scraper-token-0124"))
            #expect(anonymous.status == .unauthorized && wrong.status == .unauthorized)
            let metrics = try await client.execute(
                uri: "/metrics", method: .get, headers: bearer("a-scraper-token-0123", json: false))
            #expect(
                metrics.text.contains(#"liaison_http_requests_total{method="GET",route="/healthz",status="200"} 1"#))
            #expect(
                metrics.text.contains(
                    #"liaison_http_requests_total{method="GET",route="/api/v1/subjects",status="401"} 1"#))
            #expect(metrics.text.contains("liaison_http_request_duration_seconds_bucket"))
        }
    }
}
