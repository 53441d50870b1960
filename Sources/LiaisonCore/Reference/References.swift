import Foundation

/// The stores a record's references are looked up in: subjects, groups, cases and Persons of Interest.
public typealias RecordLookupStore = SubjectStore & OCGStore & CaseStore & PersonOfInterestStore

/// What a reader may know of the records another record refers to: a case's subject, a PoI's subject, a group's
/// members, a report's links, an obligation's offender.
///
/// A reference is resolved at read time, for the reader, through the access policy: a referenced record the reader
/// may not read is left out entirely (its ID, name and role are information too), never shown as "a record you
/// cannot see". Names are never copied into a record when it is written for that reason.
public struct References: Sendable {
    let store: any RecordLookupStore

    public init(store: any RecordLookupStore) { self.store = store }

    /// The subjects among `ids` that `user` may read, by ID.
    /// - Complexity: one store read for all of them.
    public func subjects(_ ids: some Sequence<SubjectID>, readableBy user: User) async throws -> [SubjectID: Subject] {
        let wanted = Array(Set(ids))
        if wanted.isEmpty { return [:] }
        var found: [SubjectID: Subject] = [:]
        for subject in try await store.subjects(ids: wanted)
        where AccessPolicy.decide(user, .read, subject.meta, kind: SubjectService.kind).allowed {
            found[subject.id] = subject
        }
        return found
    }

    /// Whether `user` may read the subject `id`.
    public func mayRead(subject id: SubjectID, by user: User) async throws -> Bool {
        try await subjects([id], readableBy: user)[id] != nil
    }

    /// The group `id`, if `user` may read it.
    public func group(_ id: OCGID, readableBy user: User) async throws -> OCG? {
        guard let group = try await store.ocg(id),
            AccessPolicy.decide(user, .read, group.meta, kind: OCGService.kind).allowed
        else {
            return nil
        }
        return group
    }

    /// The case `id`, if `user` may read it.
    public func deportationCase(_ id: CaseID, readableBy user: User) async throws -> DeportationCase? {
        guard let found = try await store.deportationCase(id),
            AccessPolicy.decide(user, .read, found.meta, kind: CaseService.kind).allowed
        else { return nil }
        return found
    }

    /// The metadata of the subject, group, case or Person of Interest `id` that a record is about, if `user` may read
    /// it (a PoI only with its subject). A record about a target the user may not read answers as missing: what it
    /// says is about someone or something the user may not know of.
    public func target(kind: String, id: String, readableBy user: User) async throws -> RecordMeta? {
        switch kind {
        case "subject":
            guard let id = SubjectID(validating: id) else { return nil }
            return try await subjects([id], readableBy: user)[id]?.meta
        case "ocg":
            guard let id = OCGID(validating: id) else { return nil }
            return try await group(id, readableBy: user)?.meta
        case "case":
            guard let id = CaseID(validating: id) else { return nil }
            return try await deportationCase(id, readableBy: user)?.meta
        case "poi":
            guard let id = POIID(validating: id), let poi = try await store.poi(id),
                AccessPolicy.decide(user, .read, poi.meta, kind: POIService.kind).allowed,
                try await mayRead(subject: poi.subjectID, by: user)
            else { return nil }
            return poi.meta
        default:
            return nil
        }
    }

    /// Reads a record about a target through the policy: refused, missing, or about a target the user may not read,
    /// it answers exactly as a missing record.
    public func read<R>(
        _ record: R?, meta: (R) -> RecordMeta, target: (R) -> (kind: String, id: String), by user: User, kind: String,
        id: String
    ) async throws -> (R, AccessDecision) {
        let (found, decision) = try RecordEditing.read(record, meta: meta, by: user, kind: kind, id: id)
        let about = target(found)
        guard try await self.target(kind: about.kind, id: about.id, readableBy: user) != nil else {
            throw PolicyRefusal(
                reasons: ["the record is about a \(about.kind) whose record is not available to the user"],
                shown: .notFound(kind: kind, id: id))
        }
        return (found, decision)
    }

    /// The records among `records` whose targets `user` may read.
    public func aboutReadable<R>(_ records: [R], target: (R) -> (kind: String, id: String), by user: User) async throws
        -> [R]
    {
        var readable: [String: Bool] = [:]
        var kept: [R] = []
        for record in records {
            let about = target(record)
            let key = about.kind + ":" + about.id
            if readable[key] == nil {
                readable[key] = try await self.target(kind: about.kind, id: about.id, readableBy: user) != nil
            }
            if readable[key] == true { kept.append(record) }
        }
        return kept
    }

    /// A group as `user` may see it: only the members whose subjects the user may read.
    public func shown(_ group: OCG, to user: User) async throws -> OCG {
        let readable = try await subjects(group.members.map(\.subjectID), readableBy: user)
        var shown = group
        shown.members = group.members.filter { readable[$0.subjectID] != nil }
        return shown
    }

    /// Groups as `user` may see them (`shown(_:to:)` for each), with one read of all their members.
    public func shown(_ groups: [OCG], to user: User) async throws -> [OCG] {
        let readable = try await subjects(groups.flatMap { $0.members.map(\.subjectID) }, readableBy: user)
        return groups.map { group in
            var shown = group
            shown.members = group.members.filter { readable[$0.subjectID] != nil }
            return shown
        }
    }

    /// Cases as `user` may see them: the subject's name filled in where the user may read the subject, and the
    /// subject (its ID too) withheld where not.
    public func shown(_ cases: [DeportationCase], to user: User) async throws -> [DeportationCase] {
        let readable = try await subjects(cases.map(\.subjectID), readableBy: user)
        return cases.map { c in
            var shown = c
            if let subject = readable[c.subjectID] {
                shown.subjectName = subject.displayName
            } else {
                shown.subjectName = nil
                shown.subjectID = SubjectID("")
                shown.withheld = [WithheldField(field: "subject", reason: References.withheldSubject)]
            }
            return shown
        }
    }

    /// Persons of Interest as `user` may see them: a PoI is its subject's management, so one whose subject the user
    /// may not read is left out; the others carry the subject's name.
    public func shown(_ pois: [PersonOfInterest], to user: User) async throws -> [PersonOfInterest] {
        let readable = try await subjects(pois.map(\.subjectID), readableBy: user)
        return pois.compactMap { poi in
            guard let subject = readable[poi.subjectID] else { return nil }
            var shown = poi
            shown.subjectName = subject.displayName
            return shown
        }
    }

    /// A report's links as `user` may see them: a link to a subject, group or case the user may not read is left
    /// out, and the names of the subjects and groups linked are those the user may read.
    public func shown(_ report: IntelReport, to user: User) async throws -> IntelReport {
        var shown = report
        var links: [IntelLink] = []
        var names: [String] = []
        let subjectIDs = report.links.filter { $0.kind == "subject" }.compactMap { SubjectID(validating: $0.value) }
        let readable = try await subjects(subjectIDs, readableBy: user)
        for link in report.links {
            switch link.kind {
            case "subject":
                guard let id = SubjectID(validating: link.value), let subject = readable[id] else { continue }
                names += subject.details.names.map(\.full)
            case "ocg":
                guard let id = OCGID(validating: link.value), let group = try await group(id, readableBy: user) else {
                    continue
                }
                names.append(group.details.name)
            case "case":
                guard let id = CaseID(validating: link.value), try await deportationCase(id, readableBy: user) != nil
                else { continue }
            default: break
            }
            links.append(link)
        }
        shown.links = links
        shown.linkedNames = names
        return shown
    }

    /// What people call the records `ids` name, for those `user` may read: a person's name, a group's name, a case's
    /// Home Office reference. Records the user may not read are left out, so a page never shows their IDs instead.
    public func titles(_ ids: [(kind: String, id: String)], readableBy user: User) async throws -> [String: String] {
        var titles: [String: String] = [:]
        let people = try await subjects(
            ids.filter { $0.kind == "subject" }.compactMap { SubjectID(validating: $0.id) }, readableBy: user)
        for (id, subject) in people { titles[id.rawValue] = subject.displayName }
        for item in ids {
            switch item.kind {
            case "ocg":
                if let id = OCGID(validating: item.id), let group = try await group(id, readableBy: user) {
                    titles[item.id] = group.details.name
                }
            case "case":
                if let id = CaseID(validating: item.id), let found = try await deportationCase(id, readableBy: user) {
                    titles[item.id] = "Case \(found.homeOfficeReference)"
                }
            default: break
            }
        }
        return titles
    }

    /// Why a referenced subject is not shown. It says nothing of the subject's marking, owner or compartment.
    public static let withheldSubject = "the subject's record is not available to you"
}
