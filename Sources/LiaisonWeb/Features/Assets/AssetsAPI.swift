import Foundation
import Hummingbird
import LiaisonCore

/// `/api/v1/assets`: asset recovery records, their events and how their receipts are shared; the
/// incentivisation scheme's versions.
struct AssetsAPI {
    let assets: AssetService

    /// A record with each receipt's split.
    struct AssetView: Encodable, Sendable {
        var order: AssetOrder
        var collected: Double
        var outstanding: Double?
        var receipts: [Receipt]
    }

    struct Receipt: Encodable, Sendable {
        var eventID: Int
        var date: String
        var amount: Double
        var shares: [ReceiptShare]
    }

    struct AssetList: Encodable, Sendable { var items: [AssetOrder] }
    struct SchemeList: Encodable, Sendable { var items: [IncentiveScheme] }

    static func view(_ order: AssetOrder, _ service: AssetService) async throws -> AssetView {
        AssetView(
            order: order, collected: order.collected, outstanding: order.outstanding,
            receipts: try await service.shares(of: order).map {
                Receipt(eventID: $0.event.id, date: $0.event.date, amount: $0.event.amount ?? 0, shares: $0.shares)
            })
    }

    func register(_ api: inout RouteTable) {
        let assets = self.assets
        api.add(
            APIOperation(
                method: .post, path: "/api/v1/assets", operationID: "recordAsset",
                summary:
                    "Record a restraint order, confiscation order, cash seizure, account freezing order or civil recovery claim",
                tag: "Asset recovery", requestBody: "AssetOrderInput", response: "AssetView", status: 201,
                access: .createRecord("asset"))
        ) { request, context in
            let user = try context.user()
            try AccessPolicy.enforceCreate(user)
            let input = try await RequestReading.json(AssetOrderInput.self, from: request, context: context)
            let made = try await assets.record(input, by: user, request: context.request)
            return try createdResponse(try await Self.view(made, assets), at: "/api/v1/assets/\(made.id)")
        }
        api.add(
            APIOperation(
                method: .get, path: "/api/v1/assets/{id}", operationID: "getAsset",
                summary: "One asset record with its events and each receipt's split",
                tag: "Asset recovery", response: "AssetView", access: .readRecord("asset"))
        ) { _, context in
            try jsonResponse(
                try await Self.view(
                    try await assets.get(
                        try RequestReading.id(context), by: try context.user(), request: context.request), assets))
        }
        api.add(
            APIOperation(
                method: .post, path: "/api/v1/assets/{id}/events", operationID: "recordAssetEvent",
                summary:
                    "Record the next event (variation, payment, default, detention, extension, forfeiture, return, release, recovery…); send the version you saw",
                tag: "Asset recovery", requestBody: "AssetEventInput", response: "AssetView",
                access: .updateRecord("asset"))
        ) { request, context in
            let user = try context.user()
            let id: AssetOrderID = try RequestReading.id(context)
            try await assets.checkChange(id, by: user)
            let input = try await RequestReading.json(AssetEventInput.self, from: request, context: context)
            return try jsonResponse(
                try await Self.view(try await assets.step(id, input, by: user, request: context.request), assets))
        }
        for (kind, path) in [("subject", "subjects"), ("ocg", "ocgs"), ("case", "cases")] {
            api.add(
                APIOperation(
                    method: .get, path: "/api/v1/\(path)/{id}/assets", operationID: "\(kind)Assets",
                    summary:
                        "Asset records held against this \(kind == "ocg" ? "group" : kind)\(kind == "subject" ? " (and their cases)" : "")",
                    tag: "Asset recovery", response: "AssetList", access: .readRecord(kind))
            ) { _, context in
                guard let id = context.parameters.get("id") else { throw LiaisonError.invalid("id", "is missing") }
                return try jsonResponse(
                    AssetList(
                        items: try await assets.list(
                            target: AssetTarget(kind: kind, id: id.lowercased()), by: try context.user(),
                            request: context.request)))
            }
        }
        api.add(
            APIOperation(
                method: .get, path: "/api/v1/asset-recovery/scheme", operationID: "incentiveSchemes",
                summary: "Every version of the asset recovery incentivisation scheme, newest first",
                tag: "Asset recovery", response: "SchemeList")
        ) { _, _ in
            try jsonResponse(SchemeList(items: try await assets.schemes()))
        }
        api.add(
            APIOperation(
                method: .post, path: "/api/v1/asset-recovery/scheme", operationID: "publishIncentiveScheme",
                summary: "Publish the next version of the incentivisation scheme (administrators)",
                tag: "Asset recovery",
                requestBody: "IncentiveScheme", response: "IncentiveScheme", status: 201,
                access: .roles(AssetService.schemeEditors))
        ) { request, context in
            let user = try context.user()
            if Set(user.roles).isDisjoint(with: AssetService.schemeEditors) {
                throw LiaisonError.forbidden(reason: "only administrators publish the incentivisation scheme")
            }
            let scheme = try await RequestReading.json(IncentiveScheme.self, from: request, context: context)
            return try createdResponse(
                try await assets.publish(scheme, by: user, request: context.request),
                at: "/api/v1/asset-recovery/scheme")
        }
    }
}
