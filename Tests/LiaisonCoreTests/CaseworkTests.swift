import Foundation
import Testing

@testable import LiaisonCore

/// The deportation case workflow's rules: allowed transitions, who/when/why on every step, barriers that stop a
/// removal, the confiscation barrier's process, and the 72-hour notice a removal needs.
@Suite("Casework workflow")
struct CaseworkTests {
    let caseOwner = User(
        username: "hocc.owner", displayName: "Owner", email: "o@hocc.invalid", agencyID: .make(), roles: [.caseOwner],
        vetting: .sc)
    let senior = User(
        username: "hocc.senior", displayName: "Senior", email: "s@hocc.invalid", agencyID: .make(),
        roles: [.seniorCaseworker], vetting: .sc)
    let start = Date(timeIntervalSince1970: 1_790_000_000)

    func day(_ n: Double) -> Date { start.addingTimeInterval(n * 86_400) }

    /// A case taken to a served deportation order with appeal rights exhausted.
    func readyForRemoval() throws -> CaseProgress {
        var p = CaseProgress()
        for (i, m) in [
            CaseMilestone.liabilityToDeport, .notifiedOfIntention, .representations, .decisionToDeport,
            .deportationOrder, .appealRightsExhausted,
        ].enumerated() {
            p = try CaseWorkflow.record(m, on: p, at: day(Double(i)), by: caseOwner, reason: "step \(i)")
        }
        return p
    }

    @Test("milestones follow the allowed transitions, each with who, when and why")
    func transitions() throws {
        var p = try readyForRemoval()
        #expect(p.stage == .appealRightsExhausted)
        #expect(
            p.events.map(\.kind) == [
                "liability-to-deport", "notified-of-intention", "representations", "decision-to-deport",
                "deportation-order", "appeal-rights-exhausted",
            ])
        #expect(p.events[3] == CaseEvent(kind: "decision-to-deport", at: day(3), by: "hocc.owner", reason: "step 3"))
        #expect(
            throws: LiaisonError.invalid(
                "milestone",
                "removed cannot be recorded after appeal-rights-exhausted (allowed: deportation-order, removal-directions-set, bail-granted, bail-ended)"
            )
        ) {
            try CaseWorkflow.record(.removed, on: p, at: day(7), by: caseOwner, reason: "too soon")
        }
        #expect(
            throws: LiaisonError.invalid(
                "milestone",
                "decision-to-deport cannot be recorded as a case's first milestone (allowed: liability-to-deport, bail-granted, bail-ended)"
            )
        ) {
            try CaseWorkflow.record(.decisionToDeport, on: CaseProgress(), at: day(0), by: caseOwner, reason: "x")
        }
        #expect(throws: LiaisonError.invalid("reason", "must say why")) {
            try CaseWorkflow.record(.deportationOrder, on: p, at: day(7), by: caseOwner, reason: "  ")
        }
        // Bail comes and goes at any stage without moving the case on.
        p = try CaseWorkflow.record(.bailGranted, on: p, at: day(7), by: caseOwner, reason: "tribunal granted bail")
        #expect(p.onBail && p.stage == .appealRightsExhausted)
        #expect(throws: LiaisonError.invalid("milestone", "bail is already granted")) {
            try CaseWorkflow.record(.bailGranted, on: p, at: day(8), by: caseOwner, reason: "again")
        }
        p = try CaseWorkflow.record(.bailEnded, on: p, at: day(9), by: caseOwner, reason: "detained for removal")
        p = try CaseWorkflow.record(
            .removalDirectionsSet, on: p, at: day(10), by: caseOwner, reason: "flight booked",
            removal: RemovalDirections(date: day(20), route: "LHR charter", destination: "Tirana"))
        p = try CaseWorkflow.record(.removed, on: p, at: day(20), by: caseOwner, reason: "removed")
        p = try CaseWorkflow.record(.closed, on: p, at: day(21), by: caseOwner, reason: "removed: case closed")
        #expect(CaseRules.standard.allowed(after: p.stage).isEmpty)
        #expect(throws: LiaisonError.invalid("barrier", "the case has ended (closed)")) {
            try CaseWorkflow.openBarrier(.asylumClaim, on: p, at: day(22), by: caseOwner, note: "late claim")
        }
    }

    @Test("an open barrier stops removal directions; a confiscation barrier starts the barriers process")
    func barriers() throws {
        var p = try readyForRemoval()
        p = try CaseWorkflow.openBarrier(
            .confiscation, on: p, at: day(7), by: caseOwner, note: "Crown Court confiscation proceedings")
        #expect(p.events.suffix(2).map(\.kind) == ["barrier-opened", "barriers-process-started"])
        #expect(throws: LiaisonError.conflict(field: "barrier", reason: "a confiscation barrier is already open")) {
            try CaseWorkflow.openBarrier(.confiscation, on: p, at: day(7), by: caseOwner, note: "again")
        }
        let directions = RemovalDirections(date: day(30), route: "scheduled flight", destination: "Lagos")
        #expect(
            throws: LiaisonError.conflict(
                field: "barriers", reason: "removal directions cannot be set while a barrier is open: confiscation")
        ) {
            try CaseWorkflow.record(
                .removalDirectionsSet, on: p, at: day(8), by: caseOwner, reason: "flight", removal: directions)
        }
        let barrier = try #require(p.openBarriers.first)
        p = try CaseWorkflow.resolveBarrier(
            barrier.id, on: p, at: day(9), by: caseOwner, resolution: "order paid in full")
        #expect(p.openBarriers.isEmpty && p.barriers[0].resolvedBy == "hocc.owner")
        #expect(throws: LiaisonError.conflict(field: "barrier", reason: "barrier 1 is already resolved")) {
            try CaseWorkflow.resolveBarrier(barrier.id, on: p, at: day(9), by: caseOwner, resolution: "again")
        }
        p = try CaseWorkflow.record(
            .removalDirectionsSet, on: p, at: day(10), by: caseOwner, reason: "flight", removal: directions)
        #expect(p.removal == directions && p.stage == .removalDirectionsSet)
    }

    @Test("a removal less than 72 hours away needs a senior caseworker's recorded override")
    func threeDayRule() throws {
        let p = try readyForRemoval()
        let soon = RemovalDirections(
            date: day(6).addingTimeInterval(48 * 3600), route: "charter", destination: "Bucharest")
        #expect(
            throws: LiaisonError.invalid(
                "override",
                "the removal is 48 hours away, less than 72: a senior caseworker must record an override with a reason")
        ) {
            try CaseWorkflow.record(
                .removalDirectionsSet, on: p, at: day(6), by: caseOwner, reason: "charter seat", removal: soon)
        }
        #expect(
            throws: LiaisonError.forbidden(
                reason: "only a senior caseworker may override the 72-hour notice for a removal")
        ) {
            try CaseWorkflow.record(
                .removalDirectionsSet, on: p, at: day(6), by: caseOwner, reason: "charter seat", removal: soon,
                override: "last seat")
        }
        let set = try CaseWorkflow.record(
            .removalDirectionsSet, on: p, at: day(6), by: senior, reason: "charter seat", removal: soon,
            override: "only charter this quarter; partner told by phone")
        #expect(set.events.last?.details["override"] == "only charter this quarter; partner told by phone")
        #expect(set.events.last?.by == "hocc.senior")
        // Exactly 72 hours' notice needs no override; the rules are data, so a stricter version applies as written.
        let exact = RemovalDirections(
            date: day(6).addingTimeInterval(72 * 3600), route: "charter", destination: "Bucharest")
        _ = try CaseWorkflow.record(
            .removalDirectionsSet, on: p, at: day(6), by: caseOwner, reason: "ok", removal: exact)
        var stricter = CaseRules.standard
        stricter.version = 2
        stricter.removalNoticeHours = 96
        #expect(throws: LiaisonError.self) {
            try CaseWorkflow.record(
                .removalDirectionsSet, on: p, at: day(6), by: caseOwner, reason: "ok", removal: exact, rules: stricter)
        }
    }
}
