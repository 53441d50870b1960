import Foundation

/// A kind of shared record that is created, read and updated the same way, whatever it describes.
/// The API and the pages serve every conforming service through one generic path.
public protocol RecordService: Sendable {
    associatedtype Record: Codable & Sendable & Identifiable where Record.ID == ID<Record>
    associatedtype Input: RecordInput
    /// The record's name in messages and errors, e.g. "subject".
    static var kind: String { get }
    func create(_ input: Input, by user: User, request: RequestInfo) async throws -> Record
    func update(_ id: Record.ID, _ input: Input, by user: User, request: RequestInfo) async throws -> Record
    func get(_ id: Record.ID, by user: User, request: RequestInfo) async throws -> Record
}

/// The body of a create or update request: the version edited (on update) and an optional marking.
public protocol RecordInput: Codable, Sendable {
    var version: Int? { get }
    var marking: ProtectiveMarking? { get }
    var sharing: Sharing? { get }
    var needToKnow: String? { get }
}

extension SubjectInput: RecordInput {}
extension OCGInput: RecordInput {}

/// The steps every create and update shares: the marking is checked, the policy consulted, the version compared.
enum RecordEditing {
    /// Checks the sharing and need-to-know an input asks for: named agencies must exist, operation names be sane.
    static func checkAccessFields(_ input: some RecordInput, store: any LiaisonStore) async throws {
        var v = Validator()
        if let sharing = input.sharing, !sharing.agencies.isEmpty {
            let known = Set(try await store.agencies().map(\.id))
            for (index, agency) in sharing.agencies.enumerated() where !known.contains(agency) {
                v.fail("sharing.agencies[\(index)]", "is not a known agency")
            }
        }
        if let operation = input.needToKnow {
            if operation.isEmpty || operation.count > 60 || !operation.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "- ".contains($0)) }) {
                v.fail("needToKnow", "must be an operation or case name of 1–60 letters, digits, spaces or hyphens")
            }
        }
        try v.check()
    }

    /// The metadata of a new record owned by the user's agency, if the policy lets the user create it.
    static func newMeta(_ input: some RecordInput, by user: User, at time: Date) throws -> RecordMeta {
        let marking = try (input.marking ?? .official).validated(field: "marking")
        let decision = AccessPolicy.decideCreate(user, marking: marking, needToKnow: input.needToKnow)
        guard decision.allowed else {
            throw PolicyRefusal(reasons: decision.reasons, shown: .forbidden(reason: decision.reasons.joined(separator: "; ")))
        }
        return RecordMeta(owningAgencyID: user.agencyID, marking: marking, sharing: input.sharing ?? .all,
                          needToKnow: input.needToKnow, createdAt: time, createdBy: user.id)
    }

    /// The metadata after the user's edit, if the version is current and the policy allows the change before and after.
    /// - Returns: the new metadata and the version the store must still hold.
    static func editedMeta(_ current: RecordMeta, _ input: some RecordInput, by user: User, at time: Date,
                           kind: String, id: String) throws -> (meta: RecordMeta, expected: Int) {
        guard let expected = input.version else { throw LiaisonError.invalid("version", "is required to update a record") }
        try AccessPolicy.enforce(user, .update, current, kind: kind, id: id)
        if current.version != expected {
            throw LiaisonError.staleVersion(kind: kind, id: id, expected: expected, current: current.version)
        }
        var meta = current.touched(by: user.id, at: time)
        if let marking = input.marking { meta.marking = try marking.validated(field: "marking") }
        if let sharing = input.sharing { meta.sharing = sharing }
        if let operation = input.needToKnow { meta.needToKnow = operation }
        try AccessPolicy.enforce(user, .update, meta, kind: kind, id: id)
        return (meta, expected)
    }

    /// Reads a record through the policy: a refused read looks exactly like a missing record.
    /// - Returns: the record and the decision, whose `withheld` fields the caller must remove.
    static func read<R>(_ record: R?, meta: (R) -> RecordMeta, by user: User, kind: String, id: String) throws -> (R, AccessDecision) {
        guard let record else { throw LiaisonError.notFound(kind: kind, id: id) }
        return (record, try AccessPolicy.enforce(user, .read, meta(record), kind: kind, id: id))
    }
}

/// Creating, editing, reading and searching subjects, each step checked by the access policy.
public struct SubjectService: RecordService {
    public static let kind = "subject"
    let store: any LiaisonStore
    let clock: any LiaisonClock
    let auditor: Auditor

    public init(store: any LiaisonStore, clock: any LiaisonClock, audit: AuditLog) {
        self.store = store
        self.clock = clock
        self.auditor = Auditor(log: audit)
    }

    public func create(_ input: SubjectInput, by user: User, request: RequestInfo = .none) async throws -> Subject {
        try await auditor.run(user, "subject.create", kind: Self.kind, request: request, touched: { [$0.id.rawValue] }) {
            let reference = ReferenceData(entries: try await store.referenceEntries())
            let details = try input.details.validated(reference: reference, today: clock.now())
            try await RecordEditing.checkAccessFields(input, store: store)
            let subject = Subject(meta: try RecordEditing.newMeta(input, by: user, at: clock.now()), details: details)
            try await store.insertSubjects([(subject, SearchKeys.subject(details))])
            return subject
        }
    }

    public func update(_ id: SubjectID, _ input: SubjectInput, by user: User, request: RequestInfo = .none) async throws -> Subject {
        try await auditor.run(user, "subject.update", kind: Self.kind, ids: [id.rawValue], request: request) {
            var (subject, _) = try RecordEditing.read(try await store.subject(id), meta: \.meta, by: user, kind: Self.kind, id: id.rawValue)
            try await RecordEditing.checkAccessFields(input, store: store)
            let (meta, expected) = try RecordEditing.editedMeta(subject.meta, input, by: user, at: clock.now(), kind: Self.kind, id: id.rawValue)
            let reference = ReferenceData(entries: try await store.referenceEntries())
            subject.details = try input.details.validated(reference: reference, today: clock.now())
            subject.meta = meta
            try await store.updateSubject(subject, keys: SearchKeys.subject(subject.details), expectedVersion: expected)
            return subject
        }
    }

    public func get(_ id: SubjectID, by user: User, request: RequestInfo = .none) async throws -> Subject {
        try await auditor.run(user, "subject.read", kind: Self.kind, ids: [id.rawValue], request: request) {
            let (subject, decision) = try RecordEditing.read(try await store.subject(id), meta: \.meta, by: user, kind: Self.kind, id: id.rawValue)
            return subject.withholding(decision.withheld.map(\.field))
        }
    }

    /// Subjects whose names, aliases or identifiers start with every word of `text`, in name order.
    /// The search and the subjects it returned are recorded in the audit log.
    public func search(_ text: String?, page: PageRequest, by user: User, request: RequestInfo = .none) async throws -> Page<Subject> {
        try await auditor.run(user, text == nil ? "subject.list" : "subject.search", kind: Self.kind, request: request,
                              detail: text.map { "query: \($0)" }, touched: { $0.items.map(\.id.rawValue) }) {
            let query = SubjectQuery(tokens: SearchKeys.query(text), viewer: Viewer(user), page: page)
            let found = try await store.subjects(matching: query)
            let visible = found.items.compactMap { subject -> Subject? in
                let decision = AccessPolicy.decide(user, .read, subject.meta, kind: Self.kind)
                return decision.allowed ? subject.withholding(decision.withheld.map(\.field)) : nil
            }
            return Page(items: visible, nextCursor: found.nextCursor)
        }
    }
}

/// Creating, editing, reading and listing organised crime groups.
public struct OCGService: RecordService {
    public static let kind = "ocg"
    let store: any LiaisonStore
    let clock: any LiaisonClock
    let auditor: Auditor

    public init(store: any LiaisonStore, clock: any LiaisonClock, audit: AuditLog) {
        self.store = store
        self.clock = clock
        self.auditor = Auditor(log: audit)
    }

    public func create(_ input: OCGInput, by user: User, request: RequestInfo = .none) async throws -> OCG {
        try await auditor.run(user, "ocg.create", kind: Self.kind, request: request, touched: { [$0.id.rawValue] }) {
            let reference = ReferenceData(entries: try await store.referenceEntries())
            let details = try input.details.validated(reference: reference)
            try await RecordEditing.checkAccessFields(input, store: store)
            let members = try await validatedMembers(input.members ?? [], reference: reference, user: user)
            let ocg = OCG(meta: try RecordEditing.newMeta(input, by: user, at: clock.now()), details: details, members: members)
            try await store.insertOCGs([(ocg, SearchKeys.ocg(details))])
            return ocg
        }
    }

    public func update(_ id: OCGID, _ input: OCGInput, by user: User, request: RequestInfo = .none) async throws -> OCG {
        try await auditor.run(user, "ocg.update", kind: Self.kind, ids: [id.rawValue], request: request) {
            var (ocg, _) = try RecordEditing.read(try await store.ocg(id), meta: \.meta, by: user, kind: Self.kind, id: id.rawValue)
            try await RecordEditing.checkAccessFields(input, store: store)
            let (meta, expected) = try RecordEditing.editedMeta(ocg.meta, input, by: user, at: clock.now(), kind: Self.kind, id: id.rawValue)
            let reference = ReferenceData(entries: try await store.referenceEntries())
            ocg.details = try input.details.validated(reference: reference)
            if let members = input.members { ocg.members = try await validatedMembers(members, reference: reference, user: user) }
            ocg.meta = meta
            try await store.updateOCG(ocg, keys: SearchKeys.ocg(ocg.details), expectedVersion: expected)
            return ocg
        }
    }

    public func get(_ id: OCGID, by user: User, request: RequestInfo = .none) async throws -> OCG {
        try await auditor.run(user, "ocg.read", kind: Self.kind, ids: [id.rawValue], request: request) {
            try RecordEditing.read(try await store.ocg(id), meta: \.meta, by: user, kind: Self.kind, id: id.rawValue).0
        }
    }

    public func list(_ query: OCGQuery, by user: User, request: RequestInfo = .none) async throws -> Page<OCG> {
        try await auditor.run(user, "ocg.list", kind: Self.kind, request: request, detail: Self.describe(query),
                              touched: { $0.items.map(\.id.rawValue) }) {
            var query = query
            query.viewer = Viewer(user)
            let found = try await store.ocgs(matching: query)
            return Page(items: found.items.filter { AccessPolicy.decide(user, .read, $0.meta).allowed }, nextCursor: found.nextCursor)
        }
    }

    /// The groups a subject belongs to that the user may see.
    public func groups(of subject: SubjectID, by user: User, request: RequestInfo = .none) async throws -> [OCG] {
        try await auditor.run(user, "ocg.list", kind: Self.kind, request: request, detail: "member: \(subject)",
                              touched: { $0.map(\.id.rawValue) }) {
            try await store.ocgs(withMember: subject).filter { AccessPolicy.decide(user, .read, $0.meta).allowed }
        }
    }

    static func describe(_ query: OCGQuery) -> String? {
        let parts = [("q", query.nameTokens.isEmpty ? nil : query.nameTokens.joined(separator: " ")), ("status", query.status),
                     ("market", query.market), ("area", query.area), ("band", query.band)]
            .compactMap { name, value in value.map { "\(name)=\($0)" } }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    private func validatedMembers(_ members: [OCGMember], reference: ReferenceData, user: User) async throws -> [OCGMember] {
        var v = Validator()
        v.count(members, "members", max: 500)
        var seen = Set<SubjectID>()
        for (index, member) in members.enumerated() {
            v.code(member.role, "members[\(index)].role", in: "ocg-role", reference: reference, required: true)
            if !seen.insert(member.subjectID).inserted { v.fail("members[\(index)].subjectID", "is listed twice") }
            for (value, name) in [(member.from, "from"), (member.to, "to")] {
                if let value { v.partialDate(value, "members[\(index)].\(name)", today: clock.now()) }
            }
        }
        let found = try await store.subjects(ids: Array(seen))
        let visible = Set(found.filter { AccessPolicy.decide(user, .read, $0.meta).allowed }.map(\.id))
        for (index, member) in members.enumerated() where !visible.contains(member.subjectID) {
            v.fail("members[\(index)].subjectID", "no such subject")
        }
        try v.check()
        return members
    }
}
