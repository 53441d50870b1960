import Foundation
import HummingbirdTesting
import LiaisonCore
import Testing

@testable import LiaisonWeb

/// The check every web test's API answers pass through (`ValidatingClient`) finds what a strict client would.
@Suite("Answers checked against the OpenAPI document")
struct OpenAPIResponseTests {
    @Test("a real answer passes; the same answer with an undeclared, missing or mistyped field does not")
    func validatorFindsWhatAStrictClientWould() async throws {
        let harness = try await WebHarness()
        let subject = harness.readable(by: "nca.analyst")
        let token = try await harness.token("nca.analyst")
        let validator = harness.validator
        try await harness.run { client in
            let response = try await client.execute(
                uri: "/api/v1/subjects/\(subject.id.rawValue)", method: .get, headers: bearer(token))
            #expect(response.status == .ok)
            let body = Data(buffer: response.body)
            func problems(_ data: Data, status: Int = 200) -> [String] {
                validator.problems(
                    method: .get, path: "/api/v1/subjects/\(subject.id.rawValue)", status: status,
                    contentType: "application/json", body: data)
            }
            #expect(problems(body).isEmpty)

            var object = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
            object["linkedNames"] = ["someone"]
            let extra = try JSONSerialization.data(withJSONObject: object)
            #expect(problems(extra).contains { $0.contains("linkedNames is not declared") })

            object["linkedNames"] = nil
            object["id"] = nil
            let missing = try JSONSerialization.data(withJSONObject: object)
            #expect(problems(missing).contains { $0.contains("lacks required id") })

            object["id"] = 42
            let mistyped = try JSONSerialization.data(withJSONObject: object)
            #expect(problems(mistyped).contains { $0.contains("/id: 42 is not string") })

            #expect(problems(body, status: 418).contains { $0.contains("status not documented") })
        }
    }

    @Test("path parameters are typed as they are: record IDs are UUIDs, codes and slugs are not")
    func pathParameters() async throws {
        let harness = try await WebHarness()
        let document = harness.validator.document
        func schema(_ path: String, _ method: String, _ name: String) -> JSON? {
            guard case .array(let parameters) = document["paths"]?[path]?[method]?["parameters"] ?? .null else {
                return nil
            }
            return parameters.first { $0["name"]?.string == name }?["schema"]
        }
        #expect(schema("/api/v1/subjects/{id}", "get", "id")?["format"]?.string == "uuid")
        #expect(schema("/api/v1/guidance/{slug}", "get", "slug")?["format"] == nil)
        #expect(schema("/api/v1/agencies/{agency}/delivery", "get", "agency")?["format"] == nil)
        #expect(schema("/api/v1/obligations/{id}", "get", "id")?["format"] == nil)
        #expect(schema("/api/v1/operations/{name}", "get", "name")?["type"]?.string == "string")
    }
}
