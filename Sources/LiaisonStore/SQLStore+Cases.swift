import Foundation
import LiaisonCore

/// Deportation cases: the shared record columns (marking, sharing, version) and the case kept whole as JSON.
extension SQLStore {
    public func insertCase(_ c: DeportationCase) async throws {
        try await db.transaction { tx in
            if try await !tx.query("SELECT id FROM deportation_cases WHERE ho_reference = ?", [.text(c.homeOfficeReference)]).isEmpty {
                throw LiaisonError.conflict(field: "homeOfficeReference", reason: "another case already has Home Office reference \(c.homeOfficeReference)")
            }
            try await Self.insertRows(tx, table: "deportation_cases",
                                      columns: ["id", "subject_id", "ho_reference", "stage"] + Self.recordColumns.components(separatedBy: ", "),
                                      rows: [[.text(c.id.rawValue), .text(c.subjectID.rawValue), .text(c.homeOfficeReference), SQLValue(c.progress.stage?.rawValue)]
                                             + (try Self.recordValues(c.meta, sortName: c.homeOfficeReference, details: c))])
            try await Self.saveShares(tx, [(c.id.rawValue, c.meta)], replacing: false)
        }
    }

    public func deportationCase(_ id: CaseID) async throws -> DeportationCase? {
        try await db.query("SELECT * FROM deportation_cases WHERE id = ?", [.text(id.rawValue)]).first.map(Self.deportationCase)
    }

    public func deportationCases(limit: Int) async throws -> [DeportationCase] {
        try await db.query("SELECT * FROM deportation_cases ORDER BY updated_at DESC, id LIMIT ?", [SQLValue(limit)]).map(Self.deportationCase)
    }

    public func updateCase(_ c: DeportationCase, expectedVersion: Int) async throws {
        try await db.transaction { tx in
            try await Self.updateRecord(tx, table: "deportation_cases", kind: "case", id: c.id.rawValue, meta: c.meta,
                                        sortName: c.homeOfficeReference, details: c, extra: [("stage", SQLValue(c.progress.stage?.rawValue))],
                                        expectedVersion: expectedVersion)
            try await Self.saveShares(tx, [(c.id.rawValue, c.meta)], replacing: true)
        }
    }

    static func deportationCase(_ row: SQLRow) throws -> DeportationCase {
        var c = try row.json("details", as: DeportationCase.self)
        c.meta = try meta(row)
        return c
    }
}
