import Foundation
import Hummingbird
import LiaisonCore

/// `/api/v1/me`, `/api/v1/agencies` and the editable reference lists.
struct DirectoryAPI {
    let directory: DirectoryService
    let reference: ReferenceService
    let audit: AuditLog

    struct Me: Encodable, Sendable {
        var id: UserID
        var username: String
        var displayName: String
        var email: String
        var agency: Agency?
        var roles: [Role]
        var vetting: Vetting
        var briefings: [String]
    }

    struct EntryInput: Codable, Sendable {
        var label: String
        var sortOrder: Int
        var active: Bool
    }

    func register(_ api: inout RouteTable) {
        let directory = self.directory
        let reference = self.reference
        let auditor = Auditor(log: audit)
        api.add(
            APIOperation(
                method: .get, path: "/api/v1/me", operationID: "getMe", summary: "The signed-in user or token owner",
                tag: "Directory", response: "Me")
        ) { _, context in
            guard let identity = context.identity else { throw LiaisonError.unauthenticated }
            let user = identity.user
            return try jsonResponse(
                Me(
                    id: user.id, username: user.username, displayName: user.displayName, email: user.email,
                    agency: identity.agency, roles: user.roles, vetting: user.vetting, briefings: user.briefings))
        }
        api.add(
            APIOperation(
                method: .get, path: "/api/v1/agencies", operationID: "listAgencies",
                summary: "The agencies that share through Liaison",
                tag: "Directory", response: "AgencyList")
        ) { _, context in
            let agencies = try await auditor.run(
                try context.user(), "agency.list", kind: "agency", request: context.request
            ) {
                try await directory.agencies()
            }
            return try jsonResponse(["items": agencies])
        }
        api.add(
            APIOperation(
                method: .get, path: "/api/v1/reference", operationID: "listReferenceData",
                summary: "Every reference list entry (markets, roles, bands, identifier kinds…)", tag: "Reference data",
                query: [.init(name: "list", description: "Only this list, e.g. criminal-market")],
                response: "ReferenceList")
        ) { request, context in
            let list = try RequestReading.text("list", request, max: 60)
            let entries = try await reference.entries(list: list, by: try context.user(), request: context.request)
            return try jsonResponse(["items": entries])
        }
        api.add(
            APIOperation(
                method: .put, path: "/api/v1/reference/{list}/{code}", operationID: "saveReferenceEntry",
                summary: "Add or change a reference list entry (administrators only)", tag: "Reference data",
                requestBody: "ReferenceEntryInput", response: "ReferenceEntry", access: .roles([.administrator]))
        ) { request, context in
            let user = try context.user()
            let input = try await RequestReading.json(EntryInput.self, from: request, context: context)
            let list = context.parameters.get("list") ?? ""
            let code = context.parameters.get("code") ?? ""
            return try jsonResponse(
                try await reference.save(
                    list: list, code: code, label: input.label, sortOrder: input.sortOrder, active: input.active,
                    by: user, request: context.request))
        }
    }
}
