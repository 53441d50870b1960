import Foundation
import LiaisonCore

/// Interventions: the shared record columns, what their lists filter and sort by, and the intervention (with its
/// outcomes) kept whole as JSON.
extension SQLStore {
    public func insertIntervention(_ i: Intervention) async throws {
        try await db.transaction { tx in
            try await Self.insertInterventions(tx, [i])
        }
    }

    /// Many at once, in one transaction (demo data and benchmarks).
    public func insertInterventions(_ items: [Intervention]) async throws {
        try await db.transaction { tx in try await Self.insertInterventions(tx, items) }
    }

    public func intervention(_ id: InterventionID) async throws -> Intervention? {
        try await db.query("SELECT * FROM interventions WHERE id = ?", [.text(id.rawValue)]).first.map(
            Self.intervention)
    }

    public func interventions(target: String) async throws -> [Intervention] {
        try await db.query("SELECT * FROM interventions WHERE target_id = ? ORDER BY due_date, id", [.text(target)])
            .map(Self.intervention)
    }

    public func interventions(operation: String) async throws -> [Intervention] {
        try await db.query("SELECT * FROM interventions WHERE operation = ? ORDER BY due_date, id", [.text(operation)])
            .map(Self.intervention)
    }

    public func updateIntervention(_ i: Intervention, expectedVersion: Int) async throws {
        try await db.transaction { tx in
            try await Self.updateRecord(
                tx, table: "interventions", kind: "intervention", id: i.id.rawValue, meta: i.meta, sortName: i.dueDate,
                details: i,
                extra: [
                    ("status", .text(i.status)), ("due_date", .text(i.dueDate)), ("operation", SQLValue(i.operation)),
                    ("completed_on", SQLValue(i.completedOn)), ("category", .text(i.category.rawValue)),
                ],
                expectedVersion: expectedVersion)
            try await Self.saveShares(tx, [(i.id.rawValue, i.meta)], replacing: true)
            try await tx.execute("DELETE FROM intervention_outcomes WHERE id = ?", [.text(i.id.rawValue)])
            try await Self.insertOutcomeFacts(tx, [i])
        }
    }

    /// Inserts interventions with their shares and their outcomes as report facts (the seeder loads many at once).
    static func insertInterventions(_ tx: any SQLTransaction, _ items: [Intervention]) async throws {
        try await insertRows(
            tx, table: "interventions",
            columns: ["id", "target_id", "status", "due_date", "operation", "completed_on", "category"]
                + recordColumns.components(separatedBy: ", "),
            rows: try items.map { i in
                [
                    .text(i.id.rawValue), .text(i.target.id), .text(i.status), .text(i.dueDate), SQLValue(i.operation),
                    SQLValue(i.completedOn),
                    .text(i.category.rawValue),
                ] + (try recordValues(i.meta, sortName: i.dueDate, details: i))
            })
        try await saveShares(tx, items.map { ($0.id.rawValue, $0.meta) }, replacing: false)
        try await insertOutcomeFacts(tx, items)
    }

    static func insertOutcomeFacts(_ tx: any SQLTransaction, _ items: [Intervention]) async throws {
        let rows: [[SQLValue]] = items.flatMap { i in
            i.outcomes.map { o in
                [
                    .text(i.id.rawValue), SQLValue(o.id), .text(i.target.id), .text(o.kind), .text(o.date),
                    .double(o.quantity), SQLValue(o.unit), SQLValue(o.commodity),
                    o.purity.map(SQLValue.double) ?? .null, SQLValue(o.place), SQLValue(o.route), SQLValue(o.impact),
                    .text(i.status), .text(i.category.rawValue),
                ]
                    + accessValues(i.meta)
            }
        }
        try await insertRows(
            tx, table: "intervention_outcomes",
            columns: [
                "id", "outcome_id", "target_id", "kind", "date", "quantity", "unit", "commodity", "purity", "place",
                "route", "impact",
                "status", "category",
            ] + accessColumns,
            rows: rows)
    }

    /// The columns a fact row copies from its record so the access policy filters it directly.
    static let accessColumns = ["owner_agency_id", "classification", "shared_all", "need_to_know"]
    static func accessValues(_ meta: RecordMeta) -> [SQLValue] {
        [
            .text(meta.owningAgencyID.rawValue), .int(Int64(meta.marking.classification.rank)),
            SQLValue(meta.sharing.withAll), SQLValue(meta.needToKnow),
        ]
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
                throw LiaisonError.conflict(
                    field: "name", reason: "there is already an operation called \(operation.name)")
            }
            try await tx.execute(
                "INSERT INTO operations (name, lead_agency_id, starts_on, details) VALUES (?, ?, ?, ?)",
                [
                    .text(operation.name), .text(operation.leadAgency.rawValue), .text(operation.startsOn),
                    .text(try Self.json(operation)),
                ])
        }
    }

    public func operation(name: String) async throws -> JointOperation? {
        try await db.query("SELECT details FROM operations WHERE name = ?", [.text(name)]).first.map {
            try $0.json("details", as: JointOperation.self)
        }
    }

    public func operations() async throws -> [JointOperation] {
        try await db.query("SELECT details FROM operations ORDER BY starts_on DESC, name", []).map {
            try $0.json("details", as: JointOperation.self)
        }
    }
}
