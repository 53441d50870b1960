import Foundation
import LiaisonCore

/// Asset recovery records: the shared record columns, what lists and reports filter by, the record kept whole as
/// JSON, and its events as report facts. The incentivisation scheme's versions.
extension SQLStore {
    public func insertAssetOrder(_ order: AssetOrder) async throws {
        try await insertAssetOrders([order])
    }

    /// Many at once, in one transaction (demo data and benchmarks).
    public func insertAssetOrders(_ orders: [AssetOrder]) async throws {
        try await db.transaction { tx in
            try await Self.insertRows(
                tx, table: "asset_orders",
                columns: ["id", "power", "status", "target_id", "subject_id", "made_on", "amount"]
                    + Self.recordColumns.components(separatedBy: ", "),
                rows: try orders.map { o in
                    [
                        .text(o.id.rawValue), .text(o.power.rawValue), .text(o.status), .text(o.target.id),
                        SQLValue(o.subjectID?.rawValue),
                        .text(o.madeOn), .double(o.amount),
                    ] + (try Self.recordValues(o.meta, sortName: o.madeOn, details: o))
                })
            try await Self.saveShares(tx, orders.map { ($0.id.rawValue, $0.meta) }, replacing: false)
            try await Self.insertAssetFacts(tx, orders)
        }
    }

    public func assetOrder(_ id: AssetOrderID) async throws -> AssetOrder? {
        try await db.query("SELECT * FROM asset_orders WHERE id = ?", [.text(id.rawValue)]).first.map(Self.assetOrder)
    }

    public func assetOrders(relatedTo id: String) async throws -> [AssetOrder] {
        try await db.query(
            "SELECT * FROM asset_orders WHERE target_id = ? OR subject_id = ? ORDER BY made_on DESC, id",
            [.text(id), .text(id)]
        ).map(Self.assetOrder)
    }

    public func updateAssetOrder(_ o: AssetOrder, expectedVersion: Int) async throws {
        try await db.transaction { tx in
            try await Self.updateRecord(
                tx, table: "asset_orders", kind: "asset", id: o.id.rawValue, meta: o.meta, sortName: o.madeOn,
                details: o,
                extra: [("status", .text(o.status)), ("amount", .double(o.amount))], expectedVersion: expectedVersion)
            try await Self.saveShares(tx, [(o.id.rawValue, o.meta)], replacing: true)
            try await tx.execute("DELETE FROM asset_events WHERE id = ?", [.text(o.id.rawValue)])
            try await Self.insertAssetFacts(tx, [o])
        }
    }

    public func incentiveSchemes() async throws -> [IncentiveScheme] {
        try await db.query("SELECT details FROM incentive_schemes ORDER BY version DESC", []).map {
            try $0.json("details", as: IncentiveScheme.self)
        }
    }

    public func insertIncentiveScheme(_ scheme: IncentiveScheme) async throws {
        try await db.transaction { tx in
            if try await !tx.query(
                "SELECT version FROM incentive_schemes WHERE version = ?", [SQLValue(scheme.version)]
            ).isEmpty {
                throw LiaisonError.conflict(
                    field: "version",
                    reason:
                        "version \(scheme.version) of the incentivisation scheme already exists: someone published meanwhile"
                )
            }
            try await tx.execute(
                "INSERT INTO incentive_schemes (version, details) VALUES (?, ?)",
                [SQLValue(scheme.version), .text(try Self.json(scheme))])
        }
    }

    /// The order itself (made, with its amount) and each of its events, as rows the reports add up.
    static func insertAssetFacts(_ tx: any SQLTransaction, _ orders: [AssetOrder]) async throws {
        let rows: [[SQLValue]] = orders.flatMap { o in
            ([
                AssetEvent(
                    id: 0, kind: "made:\(o.power.rawValue)", date: o.madeOn, amount: o.amount, recordedBy: "",
                    recordedAt: Date(timeIntervalSince1970: 0))
            ]
                + o.events).map { e in
                    [
                        .text(o.id.rawValue), SQLValue(e.id), .text(o.target.id), SQLValue(o.subjectID?.rawValue),
                        .text(e.kind), .text(e.date),
                        e.amount.map(SQLValue.double) ?? .null,
                    ] + accessValues(o.meta)
                }
        }
        try await insertRows(
            tx, table: "asset_events",
            columns: ["id", "event_id", "target_id", "subject_id", "kind", "date", "amount"] + accessColumns, rows: rows
        )
    }

    static func assetOrder(_ row: SQLRow) throws -> AssetOrder {
        var o = try row.json("details", as: AssetOrder.self)
        o.meta = try meta(row)
        return o
    }
}
