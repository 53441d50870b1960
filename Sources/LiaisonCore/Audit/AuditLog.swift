import Foundation
import Synchronization

/// Filters for searching the audit log, newest first.
public struct AuditQuery: Sendable, Equatable {
    public var actorName: String?
    public var objectID: String?
    /// An action, or a prefix ending in "." such as `subject.`.
    public var action: String?
    public var outcome: AuditOutcome?
    public var from: Date?
    public var to: Date?
    /// Only entries with a lower sequence (the cursor for the next page).
    public var before: Int64?
    public var limit: Int

    public init(actorName: String? = nil, objectID: String? = nil, action: String? = nil, outcome: AuditOutcome? = nil,
                from: Date? = nil, to: Date? = nil, before: Int64? = nil, limit: Int = 100) {
        self.actorName = actorName
        self.objectID = objectID
        self.action = action
        self.outcome = outcome
        self.from = from
        self.to = to
        self.before = before
        self.limit = max(1, min(limit, 1000))
    }
}

/// The append-only store of audit entries.
public protocol AuditStore: Sendable {
    /// Seals the drafts onto the end of the chain in one transaction, in order, and returns the entries.
    func appendAudit(_ drafts: [AuditDraft], at time: Date) async throws -> [AuditEntry]
    /// Entries with sequence greater than `sequence`, in order, at most `limit`.
    func auditEntries(after sequence: Int64, limit: Int) async throws -> [AuditEntry]
    func searchAudit(_ query: AuditQuery) async throws -> [AuditEntry]
}

/// Records audit entries with group commit: concurrent callers' entries are written together in one
/// transaction, and each caller resumes only once its entry is durable.
public final class AuditLog: Sendable {
    typealias Waiting = (draft: AuditDraft, done: CheckedContinuation<AuditEntry, any Error>)

    let store: any AuditStore
    let clock: any LiaisonClock
    /// Entries waiting for the next transaction, and whether a writer task is running.
    private let queue = Mutex<(pending: [Waiting], flushing: Bool)>(([], false))

    public init(store: any AuditStore, clock: any LiaisonClock) {
        self.store = store
        self.clock = clock
    }

    /// Appends one entry and returns it once stored.
    @discardableResult
    public func record(_ draft: AuditDraft) async throws -> AuditEntry {
        try await withCheckedThrowingContinuation { continuation in
            let startWriter = queue.withLock { state -> Bool in
                state.pending.append((draft, continuation))
                if state.flushing { return false }
                state.flushing = true
                return true
            }
            if startWriter { Task { await self.flush() } }
        }
    }

    private func flush() async {
        while true {
            // Let requests already under way add their entries, so one transaction carries more of them.
            if queue.withLock({ $0.pending.count }) < 16 { try? await Task.sleep(for: .microseconds(300)) }
            let batch = queue.withLock { state -> [Waiting] in
                if state.pending.isEmpty { state.flushing = false }
                defer { state.pending = [] }
                return state.pending
            }
            if batch.isEmpty { return }
            do {
                let entries = try await store.appendAudit(batch.map(\.draft), at: clock.now())
                for (item, entry) in zip(batch, entries) { item.done.resume(returning: entry) }
            } catch {
                for item in batch { item.done.resume(throwing: error) }
            }
        }
    }

    /// Walks the whole chain in batches and returns the first break, with the number of entries checked.
    public func verify(batchSize: Int = 5_000) async throws -> (checked: Int64, break: AuditChain.Break?) {
        var previous = AuditChain.genesis
        var next: Int64 = 1
        var after: Int64 = 0
        while true {
            let entries = try await store.auditEntries(after: after, limit: batchSize)
            guard let last = entries.last else { return (next - 1, nil) }
            let result = AuditChain.verify(entries, previousHash: previous, nextSequence: next)
            if let broken = result.break { return (next - 1, broken) }
            previous = result.previousHash
            next = result.nextSequence
            after = last.sequence
        }
    }
}
