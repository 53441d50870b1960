import Foundation
import Testing

@testable import LiaisonCore

/// The obligation rules and the outbox's arithmetic, with no store: which events are owed to whom and by when,
/// escalation by lateness, retry backoff, and webhook signatures.
@Suite("Obligation engine")
struct ObligationEngineTests {
    let start = Date(timeIntervalSince1970: 1_790_000_000)
    let nca = AgencyID.make(), gmp = AgencyID.make()

    func deportationCase(owner: String?, interests: [(AgencyID, String)]) -> DeportationCase {
        var c = DeportationCase(
            meta: RecordMeta(owningAgencyID: .make(), marking: .official, createdAt: start, createdBy: .make()),
            subjectID: .make(), homeOfficeReference: "B1234567", owner: owner, fileLocation: nil)
        c.interests = interests.enumerated().map { n, agency in
            CaseInterest(
                id: n + 1, agencyID: agency.0, agencyCode: agency.1, reason: "r", contact: "c", via: .api,
                registeredAt: start, registeredBy: "u")
        }
        return c
    }

    func event(_ kind: String, _ hours: Double = 0, details: [String: String] = [:]) -> CaseEvent {
        CaseEvent(kind: kind, at: start.addingTimeInterval(hours * 3600), by: "u", reason: "why", details: details)
    }

    @Test("each rule turns an event into one obligation per interested agency, with its due time")
    func derive() {
        var c = deportationCase(owner: nil, interests: [(nca, "NCA"), (gmp, "GMP")])
        c.progress.events = [event("liability-to-deport")]
        let owed = ObligationEngine.derive(c.progress.events, on: c, subjectName: "HOXHA, Arben", ownerContact: nil)
        #expect(
            owed.map(\.agencyCode) == ["NCA", "GMP"]
                && owed.allSatisfy { $0.dueBy == start.addingTimeInterval(86_400) && $0.event == "liability-to-deport" }
        )
        #expect(Set(owed.map(\.id)).count == 2)
        #expect(
            ObligationEngine.derive(
                [event("liability-to-deport")], on: deportationCase(owner: nil, interests: []), subjectName: "x",
                ownerContact: nil
            ).isEmpty)
        // The owner's details wait for an owner, and an interest registered by one agency concerns that agency alone.
        c.progress.events.append(event("interest-registered", 1, details: ["agency": gmp.rawValue]))
        #expect(ObligationEngine.derive([c.progress.events[1]], on: c, subjectName: "x", ownerContact: nil).isEmpty)
        c.owner = "hocc.owner"
        let details = ObligationEngine.derive(
            [c.progress.events[1]], on: c, subjectName: "x", ownerContact: "Casey, phone 01632 960123")
        #expect(
            details.map(\.agencyCode) == ["GMP"] && details[0].event == "case-owner-details"
                && details[0].summary.contains("01632 960123"))
        // A withdrawn interest is owed nothing.
        c.interests[0].withdrawnAt = start
        #expect(
            ObligationEngine.derive([event("removed")], on: c, subjectName: "x", ownerContact: nil).map(\.agencyCode)
                == ["GMP"])
    }

    @Test("removal details are due 72 hours before the removal at the latest, and never before they could be sent")
    func removalNotice() {
        var c = deportationCase(owner: "o", interests: [(nca, "NCA")])
        for (hoursAway, due) in [(240.0, 24.0), (84, 12), (48, 0)] {
            c.progress.removal = RemovalDirections(
                date: start.addingTimeInterval(hoursAway * 3600), route: "LHR", destination: "Tirana")
            let owed = ObligationEngine.derive(
                [event("removal-directions-set")], on: c, subjectName: "x", ownerContact: nil)
            #expect(
                owed.map(\.event) == ["removal-details"] && owed[0].dueBy == start.addingTimeInterval(due * 3600),
                "removal \(hoursAway) hours away")
        }
    }

    @Test("escalation follows lateness: the senior caseworker once late, the process team 24 hours later")
    func escalation() {
        var o = Obligation(
            id: "o", caseID: .make(), agencyID: nca, agencyCode: "NCA", event: "removed", summary: "s",
            createdAt: start,
            dueBy: start, status: .open, owner: nil, escalation: 0, rulesVersion: 1)
        #expect(ObligationEngine.escalationLevel(of: o, at: start) == 0)
        #expect(ObligationEngine.escalationLevel(of: o, at: start.addingTimeInterval(1)) == 1)
        #expect(ObligationEngine.escalationLevel(of: o, at: start.addingTimeInterval(24 * 3600 + 1)) == 2)
        #expect(ObligationEngine.escalationLevel(of: o, at: start.addingTimeInterval(1_000 * 3600)) == 2)
        o.status = .acknowledged
        #expect(ObligationEngine.escalationLevel(of: o, at: start.addingTimeInterval(1_000 * 3600)) == 0)
    }

    @Test("the outbox retries with doubling backoff up to an hour, gives up after 12 attempts, and signs webhooks")
    func outbox() throws {
        let o = Obligation(
            id: "c:1:removed:NCA", caseID: .make(), agencyID: nca, agencyCode: "NCA", event: "removed",
            summary: "Case B1: x",
            createdAt: start, dueBy: start, status: .open, owner: nil, escalation: 0, rulesVersion: 1)
        let all = try OutboxMessage.messages(
            for: o,
            channels: DeliveryChannels(
                agencyID: nca, email: "a@nca.invalid", webhookURL: "https://h.invalid/x",
                webhookSecret: "0123456789abcdef"), at: start)
        #expect(
            all.map(\.channel) == [.inbox, .email, .webhook] && all.map(\.status) == [.delivered, .pending, .pending])
        #expect(Set(all.map(\.id)).count == 3)
        var m = all[2]
        var gaps: [TimeInterval] = []
        for _ in 1...12 {
            let before = start
            m = m.failed("HTTP 503", at: before)
            gaps.append(m.nextAttemptAt.timeIntervalSince(before))
        }
        #expect(gaps.prefix(8) == [30, 60, 120, 240, 480, 960, 1920, 3600] && m.status == .failed && m.attempts == 12)
        let signature = WebhookSignature.sign(body: m.body, secret: "0123456789abcdef", timestamp: 1_790_000_000)
        #expect(signature.hasPrefix("t=1790000000,v1=") && signature.count == "t=1790000000,v1=".count + 64)
        let sent = 1_790_000_000
        #expect(WebhookSignature.verify(header: signature, body: m.body, secret: "0123456789abcdef", now: sent + 10))
        #expect(!WebhookSignature.verify(header: signature, body: m.body + " ", secret: "0123456789abcdef", now: sent))
        #expect(!WebhookSignature.verify(header: signature, body: m.body, secret: "another-secret-0", now: sent))
        // A delivery replayed later than the tolerance, or dated far ahead, is refused.
        #expect(!WebhookSignature.verify(header: signature, body: m.body, secret: "0123456789abcdef", now: sent + 301))
        #expect(!WebhookSignature.verify(header: signature, body: m.body, secret: "0123456789abcdef", now: sent - 301))
        #expect(WebhookSignature.verify(header: signature, body: m.body, secret: "0123456789abcdef", now: sent - 300))
    }
}
