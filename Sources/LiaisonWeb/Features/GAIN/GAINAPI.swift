import Foundation
import Hummingbird
import LiaisonCore

/// `/api/v1/gain`: hit/no-hit requests to partner agencies, the hits on your agency's records, and sharing after a hit.
struct GAINAPI {
    let gain: GAINService

    struct RequestList: Encodable, Sendable { var items: [GAINRequestView] }
    struct HitList: Encodable, Sendable { var items: [GAINHitView] }

    static func refuseUnlessCoordinator(_ user: User) throws {
        if Set(user.roles).isDisjoint(with: GAINService.coordinatorRoles) {
            throw LiaisonError.forbidden(
                reason: "only intelligence officers, analysts, financial investigators and supervisors use GAIN")
        }
    }

    func register(_ api: inout RouteTable) {
        let gain = self.gain
        api.add(
            APIOperation(
                method: .post, path: "/api/v1/gain/requests", operationID: "askGAIN",
                summary:
                    "Ask partner agencies whether they hold anything on a person, with your purpose; each answers hit or no hit",
                tag: "GAIN", requestBody: "GAINRequestInput", response: "GAINRequestView", status: 201,
                access: .roles(GAINService.coordinatorRoles))
        ) { request, context in
            let user = try context.user()
            try Self.refuseUnlessCoordinator(user)
            let input = try await RequestReading.json(GAINRequestInput.self, from: request, context: context)
            let asked = try await gain.ask(input, by: user, request: context.request)
            return try createdResponse(asked, at: "/api/v1/gain/requests")
        }
        api.add(
            APIOperation(
                method: .get, path: "/api/v1/gain/requests", operationID: "gainRequests",
                summary: "The requests your agency made, newest first",
                tag: "GAIN", response: "GAINRequestList")
        ) { _, context in
            try jsonResponse(
                RequestList(items: try await gain.requests(by: try context.user(), request: context.request)))
        }
        api.add(
            APIOperation(
                method: .get, path: "/api/v1/gain/hits", operationID: "gainHits",
                summary: "Requests that hit your agency's records: who asked, why, which records matched", tag: "GAIN",
                response: "GAINHitList")
        ) { _, context in
            try jsonResponse(HitList(items: try await gain.hits(by: try context.user(), request: context.request)))
        }
        api.add(
            APIOperation(
                method: .post, path: "/api/v1/gain/responses", operationID: "shareGAIN",
                summary: "After a hit on your agency's records, share with the requester", tag: "GAIN",
                requestBody: "GAINShareInput",
                response: "GAINHitView", access: .roles(GAINService.coordinatorRoles))
        ) { request, context in
            let user = try context.user()
            try Self.refuseUnlessCoordinator(user)
            let input = try await RequestReading.json(GAINShareInput.self, from: request, context: context)
            return try jsonResponse(try await gain.share(input, by: user, request: context.request))
        }
    }
}
