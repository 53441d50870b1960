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

/// Operations, kept whole as JSON and looked up by name.
extension SQLStore {
    public func insertOperation(_ operation: JointOperation) async throws {
        try await db.transaction { tx in
            if try await !tx.query("SELECT name FROM operations WHERE name = ?", [.text(operation.name)]).isEmpty {
                throw LiaisonError.conflict(field: "name", reason: "there is already an operation called \(operation.name)")
            }
            try await tx.execute("INSERT INTO operations (name, lead_agency_id, starts_on, details) VALUES (?, ?, ?, ?)",
                                 [.text(operation.name), .text(operation.leadAgency.rawValue), .text(operation.startsOn), .text(try Self.json(operation))])
        }
    }

    public func operation(name: String) async throws -> JointOperation? {
        try await db.query("SELECT details FROM operations WHERE name = ?", [.text(name)]).first.map { try $0.json("details", as: JointOperation.self) }
    }

    public func operations() async throws -> [JointOperation] {
        try await db.query("SELECT details FROM operations ORDER BY starts_on DESC, name", []).map { try $0.json("details", as: JointOperation.self) }
    }
}
