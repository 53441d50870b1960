import Foundation
import LiaisonCore

/// Persons of Interest: the shared record columns, the review date their lists sort by, and the PoI kept whole as
/// JSON; assessments of groups and people, one row each, never changed.
extension SQLStore {
    static func insertAssessment(_ tx: any SQLTransaction, _ a: Assessment) async throws {
        try await tx.execute(
            "INSERT INTO assessments (id, record_id, kind, at, next_review, details) VALUES (?, ?, ?, ?, ?, ?)",
            [
                .text(a.id), .text(a.recordID), .text(a.recordKind), SQLValue(a.at), SQLValue(a.nextReviewDue),
                .text(try json(a)),
            ])
    }

    public func assessmentsDue(kind: String, before time: Date, limit: Int) async throws -> [Assessment] {
        try await db.query(
            """
            SELECT a.details FROM assessments a WHERE a.kind = ? AND a.next_review < ?
              AND NOT EXISTS (SELECT 1 FROM assessments b WHERE b.record_id = a.record_id AND (b.at > a.at OR (b.at = a.at AND b.id > a.id)))
            ORDER BY a.next_review, a.id LIMIT ?
            """, [.text(kind), SQLValue(time), SQLValue(limit)]
        ).map { try $0.json("details", as: Assessment.self) }
    }

    public func assessments(record: String) async throws -> [Assessment] {
        try await db.query(
            "SELECT details FROM assessments WHERE record_id = ? ORDER BY at DESC, id DESC", [.text(record)]
        )
        .map { try $0.json("details", as: Assessment.self) }
    }

    public func scoringMatrices(kind: String) async throws -> [ScoringMatrix] {
        try await db.query("SELECT details FROM scoring_matrices WHERE kind = ? ORDER BY version DESC", [.text(kind)])
            .map { try $0.json("details", as: ScoringMatrix.self) }
    }

    public func insertScoringMatrix(_ matrix: ScoringMatrix) async throws {
        try await db.transaction { tx in
            if try await !tx.query(
                "SELECT version FROM scoring_matrices WHERE kind = ? AND version = ?",
                [.text(matrix.kind), SQLValue(matrix.version)]
            ).isEmpty {
                throw LiaisonError.conflict(
                    field: "version",
                    reason:
                        "version \(matrix.version) of the \(matrix.kind) matrix already exists: someone published meanwhile"
                )
            }
            try await tx.execute(
                "INSERT INTO scoring_matrices (kind, version, details) VALUES (?, ?, ?)",
                [.text(matrix.kind), SQLValue(matrix.version), .text(try Self.json(matrix))])
        }
    }

    public func insertPOI(_ poi: PersonOfInterest) async throws {
        try await db.transaction { tx in
            let others = try await tx.query(
                "SELECT id FROM pois WHERE subject_id = ? AND owner_agency_id = ? AND status = 'active'",
                [.text(poi.subjectID.rawValue), .text(poi.meta.owningAgencyID.rawValue)])
            if !others.isEmpty {
                throw LiaisonError.conflict(
                    field: "subjectID", reason: "your agency already manages this subject as a Person of Interest")
            }
            try await Self.insertRows(
                tx, table: "pois",
                columns: ["id", "subject_id", "status", "review_due"]
                    + Self.recordColumns.components(separatedBy: ", "),
                rows: [
                    [.text(poi.id.rawValue), .text(poi.subjectID.rawValue), .text(poi.status), SQLValue(poi.reviewDue)]
                        + (try Self.recordValues(poi.meta, sortName: poi.id.rawValue, details: poi))
                ])
            try await Self.saveShares(tx, [(poi.id.rawValue, poi.meta)], replacing: false)
        }
    }

    public func poi(_ id: POIID) async throws -> PersonOfInterest? {
        try await db.query("SELECT * FROM pois WHERE id = ?", [.text(id.rawValue)]).first.map(Self.poi)
    }

    public func pois(reviewDueBefore: Date?, limit: Int) async throws -> [PersonOfInterest] {
        let due = reviewDueBefore.map { _ in " AND review_due < ?" } ?? ""
        return try await db.query(
            "SELECT * FROM pois WHERE status = 'active'\(due) ORDER BY review_due, id LIMIT ?",
            (reviewDueBefore.map { [SQLValue($0)] } ?? []) + [SQLValue(limit)]
        ).map(Self.poi)
    }

    public func pois(subject: SubjectID) async throws -> [PersonOfInterest] {
        try await db.query(
            "SELECT * FROM pois WHERE subject_id = ? AND status = 'active' ORDER BY created_at",
            [.text(subject.rawValue)]
        ).map(Self.poi)
    }

    public func updatePOI(_ poi: PersonOfInterest, expectedVersion: Int, assessment: Assessment?) async throws {
        try await db.transaction { tx in
            try await Self.updateRecord(
                tx, table: "pois", kind: "poi", id: poi.id.rawValue, meta: poi.meta, sortName: poi.id.rawValue,
                details: poi,
                extra: [("status", .text(poi.status)), ("review_due", SQLValue(poi.reviewDue))],
                expectedVersion: expectedVersion)
            try await Self.saveShares(tx, [(poi.id.rawValue, poi.meta)], replacing: true)
            if let assessment { try await Self.insertAssessment(tx, assessment) }
        }
    }

    static func poi(_ row: SQLRow) throws -> PersonOfInterest {
        var p = try row.json("details", as: PersonOfInterest.self)
        p.meta = try meta(row)
        return p
    }
}
