import Foundation
import LiaisonCore

/// Synthetic deportation casework over a demo dataset: cases held by Home Office criminal casework at every stage,
/// some allocated, some with partner interest, and the obligations their histories owe, some acknowledged, some
/// still open and some late. Deterministic from the seed; every rule applied through the real workflow and engine.
public enum DemoCasework {
    public struct Output: Sendable {
        public var cases: [DeportationCase]
        public var obligations: [Obligation]
    }

    /// - Parameters: `cases` to open (references H00000000 upwards), the first `interests` of them with a partner's interest.
    public static func generate(_ data: DemoDataset, cases count: Int, interests: Int, seed: UInt64 = 7, now: Date)
        -> Output
    {
        var rng = SeededRandom(seed: seed)
        guard let hocc = data.agencies.first(where: { $0.code == "HOCC" }),
            let workflow = data.users.first(where: { $0.agencyID == hocc.id && $0.has(.caseworker) }),
            !data.subjects.isEmpty
        else { return Output(cases: [], obligations: []) }
        let owners = data.users.filter { $0.agencyID == hocc.id && $0.has(.caseOwner) }
        let owner = Dictionary(uniqueKeysWithValues: data.users.map { ($0.username, $0) })
        let partners = ["NCA", "NCA", "NCA", "HMRC", "GMP", "BF"].compactMap { code in
            data.agencies.first { $0.code == code }
        }
        let path: [CaseMilestone] = [.liabilityToDeport, .decisionToDeport, .deportationOrder, .appealRightsExhausted]
        var cases: [DeportationCase] = []
        var obligations: [Obligation] = []
        cases.reserveCapacity(count)
        for i in 0..<count {
            let opened = now.addingTimeInterval(-Double(rng.int(2...240)) * 3600)
            let subject = data.subjects[i % data.subjects.count]
            // Marked and compartmented as the subject is, shared with the Home Office and the agencies with interest.
            let meta = RecordMeta(
                owningAgencyID: hocc.id, marking: subject.meta.marking, sharing: .ownerOnly,
                needToKnow: subject.meta.needToKnow, createdAt: opened, createdBy: workflow.id)
            var c = DeportationCase(
                id: rng.id(), meta: meta,
                subjectID: subject.id, homeOfficeReference: String(format: "H%08d", i), owner: nil,
                fileLocation: rng.chance(0.3) ? "liverpool-removals" : nil)
            var time = opened
            func later() -> Date {
                time = min(now, time.addingTimeInterval(Double(rng.int(1...36)) * 3600))
                return time
            }
            if i < interests, let partner = partners.isEmpty ? nil : rng.pick(partners) {
                c.meta.sharing = Sharing(withAll: false, agencies: [partner.id])
                c.interests.append(
                    CaseInterest(
                        id: 1, agencyID: partner.id, agencyCode: partner.code,
                        reason: "Subject of a \(partner.code) investigation",
                        contact: "fno-desk@\(partner.code.lowercased()).demo.invalid", via: .email, registeredAt: time,
                        registeredBy: workflow.username))
                c.progress.events.append(
                    CaseEvent(
                        kind: "interest-registered", at: time, by: workflow.username,
                        reason: "recorded from the partner's email",
                        details: ["agency": partner.id.rawValue, "agencyCode": partner.code]))
            }
            if !owners.isEmpty && rng.chance(0.7) {
                let chosen = rng.pick(owners)
                c.owner = chosen.username
                c.progress.events.append(
                    CaseEvent(
                        kind: "allocated", at: later(), by: workflow.username, reason: "allocated",
                        details: ["owner": chosen.username]))
            }
            for milestone in path.prefix(rng.int(0...path.count)) {
                if let next = try? CaseWorkflow.record(
                    milestone, on: c.progress, at: later(), by: workflow, reason: "recorded from the Home Office file")
                {
                    c.progress = next
                }
            }
            c.meta.updatedAt = time
            if !c.interests.isEmpty {
                let contact = c.owner.flatMap { owner[$0] }.map {
                    "\($0.displayName), phone \($0.phone), email \($0.email)"
                }
                for var o in ObligationEngine.derive(
                    c.progress.events, on: c, subjectName: subject.displayName, ownerContact: contact)
                {
                    if o.dueBy < now && rng.chance(0.85) {
                        o.status = .acknowledged
                        o.acknowledgedAt = min(now, o.createdAt.addingTimeInterval(Double(rng.int(1...20)) * 3600))
                        o.acknowledgedBy = "\(o.agencyCode.lowercased()).officer"
                    }
                    obligations.append(o)
                }
            }
            cases.append(c)
        }
        return Output(cases: cases, obligations: obligations)
    }
}
