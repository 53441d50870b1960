import Foundation
import LiaisonCore
import LiaisonMatching

/// Subjects and their search keys.
extension SQLStore {
    static func sortName(_ details: SubjectDetails) -> String {
        guard let name = details.primaryName else { return "" }
        return TextNormaliser.fold("\(name.family) \(name.given) \(name.middle ?? "")")
    }

    public func insertSubjects(_ subjects: [(subject: Subject, keys: [String])]) async throws {
        try await db.transaction { tx in try await Self.insertSubjects(tx, subjects) }
    }

    static func insertSubjects(_ tx: any SQLTransaction, _ subjects: [(subject: Subject, keys: [String])]) async throws
    {
        let rows = try subjects.map { item in
            [.text(item.subject.id.rawValue)]
                + (try Self.recordValues(
                    item.subject.meta, sortName: Self.sortName(item.subject.details), details: item.subject.details))
        }
        try await Self.insertRows(
            tx, table: "subjects", columns: ["id"] + Self.recordColumns.components(separatedBy: ", "), rows: rows)
        try await Self.saveShares(tx, subjects.map { ($0.subject.id.rawValue, $0.subject.meta) }, replacing: false)
        let keys = subjects.flatMap { item in item.keys.map { [SQLValue.text($0), .text(item.subject.id.rawValue)] } }
        try await Self.insertRows(tx, table: "subject_keys", columns: ["token", "subject_id"], rows: keys)
    }

    public func updateSubject(_ subject: Subject, keys: [String], expectedVersion: Int) async throws {
        try await db.transaction { tx in
            try await Self.updateRecord(
                tx, table: "subjects", kind: "subject", id: subject.id.rawValue, meta: subject.meta,
                sortName: Self.sortName(subject.details), details: subject.details,
                expectedVersion: expectedVersion)
            try await Self.saveShares(tx, [(subject.id.rawValue, subject.meta)], replacing: true)
            try await tx.execute("DELETE FROM subject_keys WHERE subject_id = ?", [.text(subject.id.rawValue)])
            try await Self.insertRows(
                tx, table: "subject_keys", columns: ["token", "subject_id"],
                rows: keys.map { [.text($0), .text(subject.id.rawValue)] })
        }
    }

    static func subject(_ row: SQLRow) throws -> Subject {
        Subject(
            id: SubjectID(try row.string("id")), meta: try meta(row),
            details: try row.json("details", as: SubjectDetails.self))
    }

    public func subject(_ id: SubjectID) async throws -> Subject? {
        try await db.query("SELECT * FROM subjects WHERE id = ?", [.text(id.rawValue)]).first.map(Self.subject)
    }

    public func subjects(ids: [SubjectID]) async throws -> [Subject] {
        guard !ids.isEmpty else { return [] }
        var found: [Subject] = []
        for start in stride(from: 0, to: ids.count, by: 500) {
            let chunk = ids[start..<min(start + 500, ids.count)]
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
            found += try await db.query(
                "SELECT * FROM subjects WHERE id IN (\(marks))", chunk.map { .text($0.rawValue) }
            ).map(Self.subject)
        }
        return found
    }

    public func subjects(matching query: SubjectQuery) async throws -> Page<Subject> {
        var (conditions, binds) = Self.visibility(query.viewer, heldBy: query.heldBy)
        if let agency = query.owningAgencyID {
            conditions.append("owner_agency_id = ?")
            binds.append(.text(agency.rawValue))
        }
        let rows = try await Self.keysetPage(
            db, select: "SELECT * FROM subjects", conditions: conditions, binds: binds,
            tokens: query.tokens, keyTable: "subject_keys", keyColumn: "subject_id", page: query.page)
        return Page(
            items: try rows.prefix(query.page.limit).map(Self.subject),
            nextCursor: try Self.nextCursor(rows, limit: query.page.limit))
    }

    public func subjectCount() async throws -> Int {
        try await db.query("SELECT COUNT(*) AS n FROM subjects", []).first?.int("n") ?? 0
    }
}
