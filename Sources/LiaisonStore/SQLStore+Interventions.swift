import Foundation
import LiaisonCore

/// Interventions: the shared record columns, what their lists filter and sort by, and the intervention (with its
/// outcomes) kept whole as JSON.
extension SQLStore {
    public func insertIntervention(_ i: Intervention) async throws {
        try await db.transaction { tx in
            try await Self.insertRows(tx, table: "interventions",
                                      columns: ["id", "target_id", "status", "due_date", "operation"] + Self.recordColumns.components(separatedBy: ", "),
                                      rows: [[.text(i.id.rawValue), .text(i.target.id), .text(i.status), .text(i.dueDate), SQLValue(i.operation)]
                                             + (try Self.recordValues(i.meta, sortName: i.dueDate, details: i))])
            try await Self.saveShares(tx, [(i.id.rawValue, i.meta)], replacing: false)
        }
    }

    public func intervention(_ id: InterventionID) async throws -> Intervention? {
        try await db.query("SELECT * FROM interventions WHERE id = ?", [.text(id.rawValue)]).first.map(Self.intervention)
    }

    public func interventions(target: String) async throws -> [Intervention] {
        try await db.query("SELECT * FROM interventions WHERE target_id = ? ORDER BY due_date, id", [.text(target)]).map(Self.intervention)
    }

    public func interventions(operation: String) async throws -> [Intervention] {
        try await db.query("SELECT * FROM interventions WHERE operation = ? ORDER BY due_date, id", [.text(operation)]).map(Self.intervention)
    }

    public func updateIntervention(_ i: Intervention, expectedVersion: Int) async throws {
        try await db.transaction { tx in
            try await Self.updateRecord(tx, table: "interventions", kind: "intervention", id: i.id.rawValue, meta: i.meta, sortName: i.dueDate, details: i,
                                        extra: [("status", .text(i.status)), ("due_date", .text(i.dueDate)), ("operation", SQLValue(i.operation))],
                                        expectedVersion: expectedVersion)
            try await Self.saveShares(tx, [(i.id.rawValue, i.meta)], replacing: true)
        }
    }

    static func intervention(_ row: SQLRow) throws -> Intervention {
        var i = try row.json("details", as: Intervention.self)
        i.meta = try meta(row)
        return i
    }
}
