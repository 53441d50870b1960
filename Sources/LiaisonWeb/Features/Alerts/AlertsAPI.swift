import Foundation
import Hummingbird
import LiaisonCore

/// `/api/v1/alerts`: industry alerts for private-sector partners, their workflow, acknowledgements and feedback,
/// the feed as JSON and as a STIX 2.1 bundle, and which sectors each private-sector organisation receives.
struct AlertsAPI {
    let alerts: AlertService

    struct AlertList: Encodable, Sendable { var items: [AlertView] }
    struct Feed: Encodable, Sendable {
        var generatedAt: Date
        var items: [AlertView]
    }
    struct AudienceList: Encodable, Sendable { var items: [AlertAudience] }

    static func refuseUnlessAuthor(_ user: User) throws {
        if Set(user.roles).isDisjoint(with: AlertService.authorRoles) {
            throw LiaisonError.forbidden(
                reason:
                    "only intelligence officers, analysts, financial investigators and supervisors write industry alerts"
            )
        }
    }

    static func refuseUnlessAdministrator(_ user: User) throws {
        if !user.has(.administrator) {
            throw LiaisonError.forbidden(reason: "only administrators set who receives industry alerts")
        }
    }

    /// The STIX bundle as its media type.
    static func stixResponse(_ bundle: STIXBundle.Bundle) throws -> Response {
        var response = try jsonResponse(bundle)
        response.headers[.contentType] = "application/stix+json;version=2.1"
        return response
    }

    func register(_ api: inout RouteTable) {
        let alerts = self.alerts
        api.add(
            APIOperation(
                method: .get, path: "/api/v1/alerts", operationID: "listAlerts",
                summary: "The industry alerts you may see: for private-sector users the live ones for their sectors",
                tag: "Alerts",
                response: "AlertList")
        ) { _, context in
            try jsonResponse(AlertList(items: try await alerts.list(by: try context.user(), request: context.request)))
        }
        api.add(
            APIOperation(
                method: .post, path: "/api/v1/alerts", operationID: "writeAlert",
                summary:
                    "Write a draft industry alert: sanitised content, target sectors, a marking of at most OFFICIAL-SENSITIVE, an expiry",
                tag: "Alerts", requestBody: "AlertInput", response: "AlertView", status: 201,
                access: .roles(AlertService.authorRoles))
        ) { request, context in
            let user = try context.user()
            try Self.refuseUnlessAuthor(user)
            let input = try await RequestReading.json(AlertInput.self, from: request, context: context)
            let made = try await alerts.create(input, by: user, request: context.request)
            return try createdResponse(made, at: "/api/v1/alerts/\(made.id)")
        }
        api.add(
            APIOperation(
                method: .get, path: "/api/v1/alerts/feed", operationID: "alertFeed",
                summary: "The live alerts you may see, as a JSON feed", tag: "Alerts", response: "AlertFeed")
        ) { _, context in
            try jsonResponse(
                Feed(
                    generatedAt: alerts.now(),
                    items: try await alerts.feed(by: try context.user(), request: context.request)))
        }
        api.add(
            APIOperation(
                method: .get, path: "/api/v1/alerts/feed/stix", operationID: "alertFeedSTIX",
                summary: "The live alerts you may see, as a STIX 2.1 bundle (application/stix+json;version=2.1)",
                tag: "Alerts",
                response: "STIXBundle")
        ) { _, context in
            try Self.stixResponse(try await alerts.stix(by: try context.user(), request: context.request))
        }
        api.add(
            APIOperation(
                method: .get, path: "/api/v1/alerts/audiences", operationID: "alertAudiences",
                summary: "The private-sector organisations and the sectors each receives alerts for", tag: "Alerts",
                response: "AlertAudienceList", access: .roles([.administrator]))
        ) { _, context in
            let user = try context.user()
            try Self.refuseUnlessAdministrator(user)
            return try jsonResponse(AudienceList(items: try await alerts.audiences(by: user, request: context.request)))
        }
        api.add(
            APIOperation(
                method: .put, path: "/api/v1/alerts/audiences/{agency}", operationID: "setAlertAudience",
                summary: "Set the sectors a private-sector organisation receives alerts for", tag: "Alerts",
                query: [], requestBody: "AlertAudienceInput", response: "AlertAudience",
                access: .roles([.administrator]))
        ) { request, context in
            let user = try context.user()
            try Self.refuseUnlessAdministrator(user)
            let input = try await RequestReading.json(AlertAudienceInput.self, from: request, context: context)
            return try jsonResponse(
                try await alerts.setAudience(
                    context.parameters.get("agency") ?? "", input, by: user, request: context.request))
        }
        api.add(
            APIOperation(
                method: .get, path: "/api/v1/alerts/{id}", operationID: "getAlert", summary: "One industry alert",
                tag: "Alerts",
                response: "AlertView", access: .readAlert)
        ) { _, context in
            try jsonResponse(
                try await alerts.get(
                    context.parameters.get("id") ?? "", by: try context.user(), request: context.request))
        }
        api.add(
            APIOperation(
                method: .post, path: "/api/v1/alerts/{id}/steps", operationID: "alertStep",
                summary: "Publish a draft alert, or withdraw one with a reason (a supervisor of the issuing agency)",
                tag: "Alerts",
                requestBody: "AlertStepInput", response: "AlertView", access: .publishAlert)
        ) { request, context in
            let user = try context.user()
            let id = context.parameters.get("id") ?? ""
            try await alerts.require(id, .publish, by: user, request: context.request)
            let input = try await RequestReading.json(AlertStepInput.self, from: request, context: context)
            return try jsonResponse(try await alerts.step(id, input, by: user, request: context.request))
        }
        api.add(
            APIOperation(
                method: .post, path: "/api/v1/alerts/{id}/acknowledgement", operationID: "acknowledgeAlert",
                summary: "Confirm your organisation received the alert (private-sector recipients)", tag: "Alerts",
                response: "AlertView", access: .answerAlert)
        ) { _, context in
            try jsonResponse(
                try await alerts.acknowledge(
                    context.parameters.get("id") ?? "", by: try context.user(), request: context.request))
        }
        api.add(
            APIOperation(
                method: .post, path: "/api/v1/alerts/{id}/feedback", operationID: "alertFeedback",
                summary: "Say how useful the alert was and what you did (private-sector recipients)", tag: "Alerts",
                requestBody: "AlertFeedbackInput", response: "AlertView", access: .answerAlert)
        ) { request, context in
            let user = try context.user()
            let id = context.parameters.get("id") ?? ""
            try await alerts.require(id, .answer, by: user, request: context.request)
            let input = try await RequestReading.json(AlertFeedbackInput.self, from: request, context: context)
            return try jsonResponse(try await alerts.feedback(id, input, by: user, request: context.request))
        }
    }
}
