import Foundation

/// Creating, editing, reading and searching subjects, each step checked by the access policy.
public struct SubjectService: Sendable {
    let store: any LiaisonStore
    let clock: any LiaisonClock

    public init(store: any LiaisonStore, clock: any LiaisonClock) {
        self.store = store
        self.clock = clock
    }

    public func create(_ input: SubjectInput, by user: User) async throws -> Subject {
        let reference = ReferenceData(entries: try await store.referenceEntries())
        let details = try input.details.validated(reference: reference, today: clock.now())
        let marking = try (input.marking ?? .official).validated(field: "marking")
        let decision = AccessPolicy.decideCreate(user, marking: marking)
        guard decision.allowed else { throw LiaisonError.forbidden(reason: decision.reasons.joined(separator: "; ")) }
        let now = clock.now()
        let subject = Subject(meta: RecordMeta(owningAgencyID: user.agencyID, marking: marking, createdAt: now, createdBy: user.id),
                              details: details)
        try await store.insertSubjects([(subject, SearchKeys.subject(details))])
        return subject
    }

    public func update(_ id: SubjectID, _ input: SubjectInput, by user: User) async throws -> Subject {
        guard let expected = input.version else { throw LiaisonError.invalid("version", "is required to update a record") }
        let current = try await get(id, by: user)
        try AccessPolicy.enforce(user, .update, current.meta, kind: "subject", id: id.rawValue)
        if current.meta.version != expected {
            throw LiaisonError.staleVersion(kind: "subject", id: id.rawValue, expected: expected, current: current.meta.version)
        }
        let reference = ReferenceData(entries: try await store.referenceEntries())
        let details = try input.details.validated(reference: reference, today: clock.now())
        var updated = current
        updated.details = details
        updated.meta = current.meta.touched(by: user.id, at: clock.now())
        if let marking = input.marking { updated.meta.marking = try marking.validated(field: "marking") }
        try AccessPolicy.enforce(user, .update, updated.meta, kind: "subject", id: id.rawValue)
        try await store.updateSubject(updated, keys: SearchKeys.subject(details), expectedVersion: expected)
        return updated
    }

    public func get(_ id: SubjectID, by user: User) async throws -> Subject {
        guard let subject = try await store.subject(id) else { throw LiaisonError.notFound(kind: "subject", id: id.rawValue) }
        try AccessPolicy.enforce(user, .read, subject.meta, kind: "subject", id: id.rawValue)
        return subject
    }

    /// Subjects whose names, aliases or identifiers start with every word of `text`, in name order.
    public func search(_ text: String?, page: PageRequest, by user: User) async throws -> Page<Subject> {
        let query = SubjectQuery(tokens: SearchKeys.query(text), maximumClassification: user.vetting.maximumClassification, page: page)
        let found = try await store.subjects(matching: query)
        let visible = found.items.filter { AccessPolicy.decide(user, .read, $0.meta).allowed }
        return Page(items: visible, nextCursor: found.nextCursor)
    }
}

/// Creating, editing, reading and listing organised crime groups.
public struct OCGService: Sendable {
    let store: any LiaisonStore
    let clock: any LiaisonClock

    public init(store: any LiaisonStore, clock: any LiaisonClock) {
        self.store = store
        self.clock = clock
    }

    public func create(_ input: OCGInput, by user: User) async throws -> OCG {
        let reference = ReferenceData(entries: try await store.referenceEntries())
        let details = try input.details.validated(reference: reference)
        let marking = try (input.marking ?? .official).validated(field: "marking")
        let members = try await validatedMembers(input.members ?? [], reference: reference, user: user)
        let decision = AccessPolicy.decideCreate(user, marking: marking)
        guard decision.allowed else { throw LiaisonError.forbidden(reason: decision.reasons.joined(separator: "; ")) }
        let ocg = OCG(meta: RecordMeta(owningAgencyID: user.agencyID, marking: marking, createdAt: clock.now(), createdBy: user.id),
                      details: details, members: members)
        try await store.insertOCGs([(ocg, SearchKeys.ocg(details))])
        return ocg
    }

    public func update(_ id: OCGID, _ input: OCGInput, by user: User) async throws -> OCG {
        guard let expected = input.version else { throw LiaisonError.invalid("version", "is required to update a record") }
        let current = try await get(id, by: user)
        try AccessPolicy.enforce(user, .update, current.meta, kind: "ocg", id: id.rawValue)
        if current.meta.version != expected {
            throw LiaisonError.staleVersion(kind: "ocg", id: id.rawValue, expected: expected, current: current.meta.version)
        }
        let reference = ReferenceData(entries: try await store.referenceEntries())
        var updated = current
        updated.details = try input.details.validated(reference: reference)
        if let members = input.members { updated.members = try await validatedMembers(members, reference: reference, user: user) }
        if let marking = input.marking { updated.meta.marking = try marking.validated(field: "marking") }
        updated.meta = updated.meta.touched(by: user.id, at: clock.now())
        try AccessPolicy.enforce(user, .update, updated.meta, kind: "ocg", id: id.rawValue)
        try await store.updateOCG(updated, keys: SearchKeys.ocg(updated.details), expectedVersion: expected)
        return updated
    }

    public func get(_ id: OCGID, by user: User) async throws -> OCG {
        guard let ocg = try await store.ocg(id) else { throw LiaisonError.notFound(kind: "ocg", id: id.rawValue) }
        try AccessPolicy.enforce(user, .read, ocg.meta, kind: "ocg", id: id.rawValue)
        return ocg
    }

    public func list(_ query: OCGQuery, by user: User) async throws -> Page<OCG> {
        var query = query
        query.maximumClassification = min(query.maximumClassification, user.vetting.maximumClassification)
        let found = try await store.ocgs(matching: query)
        return Page(items: found.items.filter { AccessPolicy.decide(user, .read, $0.meta).allowed }, nextCursor: found.nextCursor)
    }

    /// The groups a subject belongs to that the user may see.
    public func groups(of subject: SubjectID, by user: User) async throws -> [OCG] {
        try await store.ocgs(withMember: subject).filter { AccessPolicy.decide(user, .read, $0.meta).allowed }
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
