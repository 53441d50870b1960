import Foundation

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

    public init(
        actorName: String? = nil, objectID: String? = nil, action: String? = nil, outcome: AuditOutcome? = nil,
        from: Date? = nil, to: Date? = nil, before: Int64? = nil, limit: Int = 100
    ) {
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

/// Records audit entries with group commit. The first caller to find no write under way leads: it writes its own
/// entry at once, on its own thread, together with every entry that arrived meanwhile. Callers arriving while a
/// write is under way wait; when it ends, the first of them leads the next write. Each caller resumes only once
/// its entry is durable, and no caller writes more than one transaction.
public final class AuditLog: Sendable {
    /// What a waiting caller is told: its entry has been written, or it leads the next write.
    enum Turn: Sendable {
        case written(AuditEntry)
        case lead
    }

    typealias Waiting = (draft: AuditDraft, turn: CheckedContinuation<Turn, any Error>)

    let store: any AuditStore
    let clock: any LiaisonClock
    /// Whether a write is under way, and the entries waiting for the next.
    private let writer = Turnstile<Waiting>()

    public init(store: any AuditStore, clock: any LiaisonClock) {
        self.store = store
        self.clock = clock
    }

    /// Appends one entry and returns it once stored.
    @discardableResult
    public func record(_ draft: AuditDraft) async throws -> AuditEntry {
        if !writer.enter(orQueue: nil) {
            let turn = try await withCheckedThrowingContinuation { continuation in
                if writer.enter(orQueue: (draft, continuation)) { continuation.resume(returning: .lead) }
            }
            if case .written(let entry) = turn { return entry }
        }
        let others = writer.takeWaiting()
        // Ending the write: the first caller that arrived during it leads the next, or the log falls idle.
        defer { writer.leave()?.turn.resume(returning: .lead) }
        do {
            let entries = try await store.appendAudit([draft] + others.map(\.draft), at: clock.now())
            for (other, entry) in zip(others, entries.dropFirst()) { other.turn.resume(returning: .written(entry)) }
            return entries[0]
        } catch {
            for other in others { other.turn.resume(throwing: error) }
            throw error
        }
    }

    /// What a check of the whole chain found: the entries verified (before the first break, and in all), every
    /// break found, and the hash of the last entry (the head, which operators keep elsewhere to detect truncation).
    public struct Verification: Sendable, Equatable {
        public var entries: Int64
        public var verifiedBeforeBreak: Int64
        public var verified: Int64
        public var breaks: [AuditChain.Break]
        public var headHash: String
        public var intact: Bool { breaks.isEmpty }
    }

    /// Walks the whole chain in batches. Without `continuing` it stops at the first break; with it, it goes on past
    /// each break from the broken entry's own hash, to find any later ones.
    public func verify(continuing: Bool = false, batchSize: Int = 5_000) async throws -> Verification {
        var progress = AuditChain.Progress()
        var after: Int64 = 0
        var entries: Int64 = 0
        while continuing || progress.breaks.isEmpty {
            let batch = try await store.auditEntries(after: after, limit: batchSize)
            guard let last = batch.last else { break }
            entries += Int64(batch.count)
            progress = AuditChain.verify(batch, from: progress, continuing: continuing)
            after = last.sequence
        }
        return Verification(
            entries: entries, verifiedBeforeBreak: progress.verifiedBeforeBreak, verified: progress.verified,
            breaks: progress.breaks, headHash: progress.previousHash)
    }
}
