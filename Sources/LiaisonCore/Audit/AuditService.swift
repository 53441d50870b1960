import Foundation

/// What the Audit service reads and writes: only these stores.
public typealias AuditServiceStore = AuditStore & AgencyStore & UserStore & ReferenceStore & RecordLookupStore
    & IntelStore & InterventionStore & AssetStore

/// Reading the audit log and asking the access policy about other users: for auditors and administrators, and
/// bounded by their own access. An entry naming a record the reader may not read shows "(withheld)" in place of
/// its ID, and the policy is explained only for records the asker may read themselves.
public struct AuditService: Sendable {
    let store: any AuditServiceStore
    let auditor: Auditor

    /// Who may read the log.
    public static let readers: Set<Role> = [.auditor, .administrator]
    /// Who may ask why another user may or may not see a record.
    public static let explainers: Set<Role> = [.administrator, .auditor]
    /// What an ID the reader may not know is shown as.
    public static let withheld = "(withheld)"

    public init(store: any AuditServiceStore, audit: AuditLog) {
        self.store = store
        auditor = Auditor(log: audit)
    }

    /// Searches the log, newest first, and records the search; IDs of records the user may not read are withheld.
    public func search(
        _ query: AuditQuery, by user: User, request: RequestInfo = .none, action: String = "audit.search",
        detail: String? = nil
    ) async throws -> [AuditEntry] {
        try await auditor.run(user, action, kind: "audit", request: request, detail: detail) {
            guard user.active, !Set(user.roles).isDisjoint(with: Self.readers) else {
                throw PolicyRefusal.roles("only auditors and administrators may read the audit log")
            }
            if let object = query.objectID, try await !mayKnow(object, by: user) { return [] }
            let entries = try await store.searchAudit(query)
            return try await shown(entries, to: user)
        }
    }

    /// What entries refer to, in words for `user`: users' names by username, and the titles of the records they
    /// name (in their object IDs or quoted in their detail) that `user` may read, by ID. No audit entry of its own:
    /// it names what the search already returned.
    public func words(for entries: [AuditEntry], by user: User) async throws -> (
        people: People, titles: [String: String]
    ) {
        var wanted: [(kind: String, id: String)] = []
        for entry in entries {
            wanted += entry.objectIDs.map { (entry.objectKind ?? "", $0) }
            for id in Self.uuids(in: [entry.detail, entry.purpose].compactMap { $0 }.joined(separator: " ")) {
                wanted += [SubjectService.kind, OCGService.kind, "case"].map { ($0, id) }
            }
        }
        let people = People(
            names: Dictionary(try await store.users().map { ($0.username, $0.displayName) }) { first, _ in first })
        return (people, try await References(store: store).titles(wanted, readableBy: user))
    }

    /// Entries as `user` may see them: every record ID they may not read, in the object IDs or quoted in the detail,
    /// replaced by `withheld`.
    func shown(_ entries: [AuditEntry], to user: User) async throws -> [AuditEntry] {
        var known: [String: Bool] = [:]
        var shown: [AuditEntry] = []
        // Most object IDs are of the entry's own kind: subjects are checked together, in one read per page.
        let subjectIDs = entries.filter { $0.objectKind == SubjectService.kind }.flatMap(\.objectIDs).compactMap {
            SubjectID(validating: $0)
        }
        if !subjectIDs.isEmpty {
            let readable = try await References(store: store).subjects(subjectIDs, readableBy: user)
            for subject in try await store.subjects(ids: Array(Set(subjectIDs))) {
                known[subject.id.rawValue] = readable[subject.id] != nil
            }
        }
        for entry in entries {
            var e = entry
            var ids: [String] = []
            for id in entry.objectIDs {
                if known[id] == nil, let kind = entry.objectKind,
                    let meta = try await Self.record(id, kind: kind, in: store)
                {
                    known[id] = try await mayKnow(meta, by: user)
                }
                ids.append(try await redacted(id, by: user, cache: &known))
            }
            e.objectIDs = ids
            if let detail = entry.detail { e.detail = try await redacted(detail, by: user, cache: &known) }
            if let purpose = entry.purpose { e.purpose = try await redacted(purpose, by: user, cache: &known) }
            shown.append(e)
        }
        return shown
    }

    /// `text` with every UUID naming a record the user may not read replaced by `withheld`.
    func redacted(_ text: String, by user: User, cache: inout [String: Bool]) async throws -> String {
        let found = Self.uuids(in: text)
        if found.isEmpty { return text }
        var out = text
        for id in found {
            if cache[id] == nil { cache[id] = try await mayKnow(id, by: user) }
            if cache[id] == false { out = out.replacingOccurrences(of: id, with: Self.withheld) }
        }
        return out
    }

    /// Whether the ID names no record the user may not read: a record they may read, or no record at all (a user,
    /// an agency, a request).
    func mayKnow(_ id: String, by user: User) async throws -> Bool {
        guard let found = try await Self.record(id, in: store) else { return true }
        return try await mayKnow(found, by: user)
    }

    func mayKnow(_ found: (kind: String, meta: RecordMeta, about: (kind: String, id: String)?), by user: User)
        async throws -> Bool
    {
        guard AccessPolicy.decide(user, .read, found.meta, kind: found.kind).allowed else { return false }
        guard let about = found.about else { return true }
        return try await References(store: store).target(kind: about.kind, id: about.id, readableBy: user) != nil
    }

    /// The record with this ID, whatever its kind: its kind, metadata, and the record it is about (for records
    /// that are about another).
    static func record(_ raw: String, in store: any AuditServiceStore) async throws
        -> (kind: String, meta: RecordMeta, about: (kind: String, id: String)?)?
    {
        for kind in kinds {
            if let found = try await record(raw, kind: kind, in: store) { return found }
        }
        return nil
    }

    /// The kinds of record an audit entry can name by ID.
    static let kinds = [
        SubjectService.kind, OCGService.kind, CaseService.kind, POIService.kind, IntelligenceService.kind,
        InterventionService.kind, AssetService.kind,
    ]

    /// The record of one kind with this ID, if there is one.
    static func record(_ raw: String, kind: String, in store: any AuditServiceStore) async throws
        -> (kind: String, meta: RecordMeta, about: (kind: String, id: String)?)?
    {
        guard let uuid = UUID(uuidString: raw) else { return nil }
        let id = uuid.uuidString.lowercased()
        switch kind {
        case SubjectService.kind: return try await store.subject(SubjectID(id)).map { (kind, $0.meta, nil) }
        case OCGService.kind: return try await store.ocg(OCGID(id)).map { (kind, $0.meta, nil) }
        case CaseService.kind: return try await store.deportationCase(CaseID(id)).map { (kind, $0.meta, nil) }
        case POIService.kind:
            return try await store.poi(POIID(id)).map { (kind, $0.meta, ("subject", $0.subjectID.rawValue)) }
        case IntelligenceService.kind:
            return try await store.intelReport(IntelReportID(id)).map { (kind, $0.meta, nil) }
        case InterventionService.kind:
            return try await store.intervention(InterventionID(id)).map {
                (kind, $0.meta, ($0.target.kind, $0.target.id))
            }
        case AssetService.kind:
            return try await store.assetOrder(AssetOrderID(id)).map { (kind, $0.meta, ($0.target.kind, $0.target.id)) }
        default: return nil
        }
    }

    /// The UUID-shaped runs in `text` (8-4-4-4-12 hexadecimal digits).
    /// - Complexity: O(n) in the length of `text`.
    public static func uuids(in text: String) -> [String] {
        let bytes = Array(text.utf8)
        guard bytes.count >= 36 else { return [] }
        func hex(_ b: UInt8) -> Bool { (48...57).contains(b) || (97...102).contains(b) || (65...70).contains(b) }
        var found: [String] = []
        var i = 0
        while i + 36 <= bytes.count {
            var ok = true
            for k in 0..<36 {
                let b = bytes[i + k]
                if [8, 13, 18, 23].contains(k) ? b != 45 : !hex(b) {
                    ok = false
                    break
                }
            }
            if ok {
                found.append(String(decoding: bytes[i..<(i + 36)], as: UTF8.self))
                i += 36
            } else {
                i += 1
            }
        }
        return found
    }

    /// The policy's answer for another user and a record, as far as the asker may know of the record.
    public struct Explanation: Codable, Sendable, Equatable {
        public var user: String
        public var record: String
        public var kind: String
        public var action: String
        public var allowed: Bool
        public var reasons: [String]
        public var withheld: [WithheldField]
    }

    /// Why `username` may or may not `action` the record `recordID`. A record the asker may not read themselves
    /// answers as no record at all: the asker learns nothing of its existence or marking.
    public func explain(
        username: String?, recordID: String?, action actionName: String, by asker: User,
        request: RequestInfo = .none
    ) async throws -> Explanation {
        guard asker.active, !Set(asker.roles).isDisjoint(with: Self.explainers) else {
            throw PolicyRefusal.roles("only administrators and auditors may ask the policy about other users")
        }
        var v = Validator()
        if username?.isEmpty ?? true { v.fail("user", "must not be empty") }
        if recordID?.isEmpty ?? true { v.fail("record", "must not be empty") }
        let action = Action(rawValue: actionName)
        if action == nil || action == .create { v.fail("action", "must be read, update or share") }
        try v.check()
        return try await auditor.run(
            asker, "access.explain", kind: "record", ids: [recordID!], request: request,
            detail: "for \(username!), \(actionName)"
        ) {
            guard let target = try await store.credentials(username: username!)?.user else {
                throw LiaisonError.invalid("user", "is not a known username")
            }
            guard let found = try await Self.record(recordID!, in: store),
                AccessPolicy.decide(asker, .read, found.meta, kind: found.kind).allowed
            else {
                throw LiaisonError.invalid("record", "is not the ID of a record you may read")
            }
            let decision = AccessPolicy.decide(target, action!, found.meta, kind: found.kind)
            return Explanation(
                user: target.username, record: recordID!, kind: found.kind, action: actionName,
                allowed: decision.allowed, reasons: decision.reasons, withheld: decision.withheld)
        }
    }
}
