import Foundation
import Hummingbird
import HummingbirdTesting
import LiaisonCore
import Testing

@testable import LiaisonWeb

/// Reference data in the pages: administrators add a tactic and retire one; the intervention form offers what is
/// active; everyone else is refused.
@Suite("Reference data pages")
struct ReferencePagesTests {
    @Test("an administrator adds and retires entries; the lists in use follow")
    func editLists() async throws {
        let harness = try await WebHarness()
        try await harness.run { client in
            let admin = try await signIn(client, "nca.admin")
            let form: HTTPFields = [.cookie: admin.cookie, .contentType: "application/x-www-form-urlencoded"]
            let page = try await client.execute(uri: "/admin/reference", method: .get, headers: [.cookie: admin.cookie])
            #expect(
                page.status == .ok && page.text.contains("intervention-tactic")
                    && page.text.contains("Serious Crime Prevention Order"))
            let added = try await client.execute(
                uri: "/admin/reference", method: .post, headers: form,
                body: ByteBuffer(
                    string:
                        "_csrf=\(admin.csrf)&list=intervention-tactic&code=closure-order&label=Closure+order&sortOrder=200&active=1"
                ))
            #expect(added.status == .seeOther)
            let retired = try await client.execute(
                uri: "/admin/reference", method: .post, headers: form,
                body: ByteBuffer(
                    string:
                        "_csrf=\(admin.csrf)&list=intervention-tactic&code=tenancy&label=Tenancy+action&sortOrder=80"))
            #expect(retired.status == .seeOther)
            let bad = try await client.execute(
                uri: "/admin/reference", method: .post, headers: form,
                body: ByteBuffer(
                    string: "_csrf=\(admin.csrf)&list=intervention-tactic&code=Bad+Code&label=&sortOrder=1&active=1"))
            #expect(
                bad.status == .unprocessableContent && bad.text.contains("Code must be 1–60 lowercase letters")
                    && bad.text.contains("label"))
            let reference = ReferenceData(entries: try await harness.store.referenceEntries())
            #expect(
                reference.contains("closure-order", in: "intervention-tactic")
                    && !reference.contains("tenancy", in: "intervention-tactic"))
            #expect(
                reference.label("tenancy", in: "intervention-tactic") == "Tenancy action",
                "a retired code keeps its label")

            let analyst = try await signIn(client, "nca.analyst")
            #expect(
                try await client.execute(uri: "/admin/reference", method: .get, headers: [.cookie: analyst.cookie])
                    .status == .forbidden)
        }
    }
}
