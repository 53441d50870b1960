import Foundation

/// What the Subject service reads and writes: only these stores.
public typealias SubjectServiceStore = SubjectStore & AgencyStore & UserStore & ReferenceStore

/// Creating, editing, reading and searching subjects, each step checked by the access policy.
public struct SubjectService: RecordService {
    public static let kind = "subject"
    let store: any SubjectServiceStore
    let clock: any LiaisonClock
    let auditor: Auditor

    public init(store: any SubjectServiceStore, clock: any LiaisonClock, audit: AuditLog) {
        self.store = store
        self.clock = clock
        self.auditor = Auditor(log: audit)
    }

    public func create(_ input: SubjectInput, by user: User, request: RequestInfo = .none) async throws -> Subject {
        try await auditor.run(user, "subject.create", kind: Self.kind, request: request, touched: { [$0.id.rawValue] })
        {
            let reference = ReferenceData(entries: try await store.referenceEntries())
            let details = try input.details.validated(reference: reference, today: clock.now())
            try await RecordEditing.checkAccessFields(input, store: store)
            let subject = Subject(meta: try RecordEditing.newMeta(input, by: user, at: clock.now()), details: details)
            try await store.insertSubjects([(subject, SearchKeys.subject(details))])
            return subject
        }
    }

    public func update(_ id: SubjectID, _ input: SubjectInput, by user: User, request: RequestInfo = .none) async throws
        -> Subject
    {
        try await auditor.run(user, "subject.update", kind: Self.kind, ids: [id.rawValue], request: request) {
            var (subject, _) = try RecordEditing.read(
                try await store.subject(id), meta: \.meta, by: user, kind: Self.kind, id: id.rawValue)
            try await RecordEditing.checkAccessFields(input, store: store)
            let (meta, expected) = try RecordEditing.editedMeta(
                subject.meta, input, by: user, at: clock.now(), kind: Self.kind, id: id.rawValue)
            let reference = ReferenceData(entries: try await store.referenceEntries())
            subject.details = try input.details.validated(reference: reference, today: clock.now())
            subject.meta = meta
            try await store.updateSubject(subject, keys: SearchKeys.subject(subject.details), expectedVersion: expected)
            return subject
        }
    }

    public func get(_ id: SubjectID, by user: User, request: RequestInfo = .none) async throws -> Subject {
        try await auditor.run(user, "subject.read", kind: Self.kind, ids: [id.rawValue], request: request) {
            let (subject, decision) = try RecordEditing.read(
                try await store.subject(id), meta: \.meta, by: user, kind: Self.kind, id: id.rawValue)
            return subject.withholding(decision.withheld.map(\.field))
        }
    }

    /// Subjects whose names, aliases or identifiers start with every word of `text`, in name order.
    /// The search and the subjects it returned are recorded in the audit log.
    public func search(_ text: String?, page: PageRequest, by user: User, request: RequestInfo = .none) async throws
        -> Page<Subject>
    {
        try await auditor.run(
            user, text == nil ? "subject.list" : "subject.search", kind: Self.kind, request: request,
            detail: text.map { "query: \($0)" }, touched: { $0.items.map(\.id.rawValue) }
        ) {
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
