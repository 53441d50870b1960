import Foundation
import LiaisonCore

/// Obligations, the outbox, delivery channels and guidance, held in memory as the databases hold them.
extension MemoryStore: ObligationStore {
    func obligation(_ id: String) async throws -> Obligation? { obligationsByID[id]?.obligation }

    func obligations(_ query: ObligationQuery) async throws -> [Obligation] {
        Array(
            obligationsByID.values.map(\.obligation).filter { o in
                query.caseID.map { o.caseID == $0 } ?? true
                    && query.agencyID.map { o.agencyID == $0 } ?? true
                    && (!query.openOnly || o.status == .open)
                    && query.dueBefore.map { o.dueBy < $0 } ?? true
                    && query.dueFrom.map { o.dueBy >= $0 } ?? true
                    && query.escalationBelow.map { o.escalation < $0 } ?? true
            }
            .sorted { ($0.dueBy, $0.id) < ($1.dueBy, $1.id) }
            .prefix(query.limit))
    }

    func obligationTallies(at time: Date) async throws -> [ObligationTally] {
        let open = obligationsByID.values.filter { $0.obligation.status == .open }
        let teams = Dictionary(grouping: open) { [$0.owner ?? "", $0.obligation.agencyCode] }
        return teams.map { key, entries in
            let due = entries.filter { $0.obligation.dueBy >= time }.count
            return ObligationTally(
                team: key[0], agency: key[1], due: due, overdue: entries.count - due,
                escalated: entries.filter { $0.obligation.escalation > 0 }.count)
        }
        .sorted { ($0.team, $0.agency) < ($1.team, $1.agency) }
    }

    func pendingMessages(dueAt time: Date, limit: Int) async throws -> [OutboxMessage] {
        Array(
            outbox.filter { $0.status == .pending && $0.nextAttemptAt <= time }
                .sorted { ($0.nextAttemptAt, $0.id) < ($1.nextAttemptAt, $1.id) }
                .prefix(limit))
    }

    func messages(obligation: String) async throws -> [OutboxMessage] {
        outbox.filter { $0.obligationID == obligation }.sorted { $0.id < $1.id }
    }

    func updateMessage(_ message: OutboxMessage) async throws {
        guard let index = outbox.firstIndex(where: { $0.id == message.id && $0.status == .pending }) else { return }
        outbox[index] = message
    }

    func deliveryChannels(_ agency: AgencyID) async throws -> DeliveryChannels? { channelsByAgency[agency] }

    func saveDeliveryChannels(_ channels: DeliveryChannels, expectedVersion: Int?) async throws {
        let found = channelsByAgency[channels.agencyID]?.version
        guard found == expectedVersion else {
            throw LiaisonError.staleVersion(
                kind: "delivery-channels", id: channels.agencyID.rawValue, expected: expectedVersion ?? 0,
                current: found ?? 0)
        }
        channelsByAgency[channels.agencyID] = channels
    }

    func guidanceVersions(slug: String) async throws -> [GuidancePage] {
        guidanceList.filter { $0.slug == slug }.sorted { $0.version > $1.version }
    }

    func allGuidance() async throws -> [GuidancePage] {
        guidanceList.sorted { ($0.slug, $1.version) < ($1.slug, $0.version) }
    }

    func insertGuidance(_ page: GuidancePage) async throws {
        if guidanceList.contains(where: { $0.slug == page.slug && $0.version == page.version }) {
            throw LiaisonError.conflict(
                field: "version",
                reason: "version \(page.version) of \(page.slug) already exists: someone edited it meanwhile")
        }
        guidanceList.append(page)
    }
}
