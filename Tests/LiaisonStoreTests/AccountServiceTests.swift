import Foundation
import LiaisonCore
import Testing

@testable import LiaisonStore

/// Account administration and reference data on every foundation store, the in-memory one included: the same
/// answers, the same refusals, the same audit trail.
@Suite("Accounts and reference data")
struct AccountServiceTests {
    @Test(
        "an administrator creates, briefs and disables an account and edits reference data; others are refused; all audited",
        arguments: ContractStoreKind.available)
    func administration(kind: ContractStoreKind) async throws {
        let f = try await ContractFixture(kind)
        let admin = User(
            username: "nca.admin", displayName: "Administrator", email: "ad@nca.invalid", agencyID: f.nca.id,
            roles: [.administrator], vetting: .sc)
        try await f.store.insertUser(admin, passwordHash: "z")
        let accounts = UserAdministration(store: f.store, audit: f.audit)
        let input = NewUser(
            username: "gmp.intel", displayName: "Intelligence Officer", email: "i@gmp.invalid", agencyCode: "gmp",
            roles: ["intelligence-officer"], vetting: "sc", password: "a long enough password")
        let made = try await accounts.create(input, hash: { "hashed:\($0.count)" }, by: admin)
        #expect(made.agencyID == f.gmp.id && made.roles == [.intelligenceOfficer] && made.vetting == .sc)
        #expect(try await f.store.credentials(username: "gmp.intel")?.passwordHash == "hashed:22")
        await #expect(throws: LiaisonError.invalid("username", "is already taken")) {
            try await accounts.create(input, hash: { $0 }, by: admin)
        }
        await #expect(throws: (any Error).self) { try await accounts.users(by: f.analyst) }

        let briefed = try await accounts.setBriefings(
            made.id, briefings: ["OPERATION SLATE", "OPERATION FLINT", "OPERATION SLATE"], by: admin)
        #expect(briefed.briefings == ["OPERATION FLINT", "OPERATION SLATE"] && briefed.version == made.version + 1)
        let disabled = try await accounts.setActive(made.id, active: false, by: admin)
        #expect(!disabled.active && disabled.version == made.version + 2)
        #expect(try await f.store.user(made.id) == disabled)
        await #expect(throws: LiaisonError.invalid("active", "you cannot disable your own account")) {
            try await accounts.setActive(admin.id, active: false, by: admin)
        }
        // A stale save is refused by the store, whoever holds it.
        await #expect(throws: LiaisonError.self) { try await f.store.updateUser(made, expectedVersion: made.version) }

        let reference = ReferenceService(store: f.store, audit: f.audit)
        _ = try await reference.save(
            list: "criminal-market", code: "wildlife", label: "Wildlife crime", sortOrder: 500, active: true, by: admin)
        await #expect(throws: LiaisonError.self) {
            try await reference.save(
                list: "criminal-market", code: "Bad Code", label: "x", sortOrder: 1, active: true, by: admin)
        }
        let markets = try await reference.entries(list: "criminal-market", by: f.analyst)
        #expect(markets.contains { $0.code == "wildlife" && $0.label == "Wildlife crime" && $0.sortOrder == 500 })
        #expect(!markets.contains { $0.code == "Bad Code" })

        let byAdmin = try await f.store.searchAudit(AuditQuery(actorName: "nca.admin"))
        #expect(
            byAdmin.filter { $0.outcome == .allowed }.map(\.action) == [
                "reference.update", "user.disable", "user.brief", "user.create",
            ])
        let denied = try await f.store.searchAudit(AuditQuery(outcome: .denied))
        #expect(denied.contains { $0.actorName == "nca.analyst" && $0.action == "user.list" })
        #expect(try await f.store.searchAudit(AuditQuery(objectID: made.id.rawValue)).count == 3)
        #expect(try await f.store.searchAudit(AuditQuery(action: "user.")).count >= 4)
        #expect(try await f.audit.verify().intact)
        await f.close()
    }
}
