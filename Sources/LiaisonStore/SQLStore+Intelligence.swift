import Foundation
import LiaisonCore

/// Intelligence reports: the shared record columns, the report whole as JSON, and the agencies it was sent to.
extension SQLStore {
    public func insertIntelReport(_ r: IntelReport) async throws {
        try await db.transaction { tx in
            try await Self.insertRows(tx, table: "intel_reports", columns: ["id", "status", "info_date"] + Self.recordColumns.components(separatedBy: ", "),
                                      rows: [[.text(r.id.rawValue), .text(r.status), .text(r.infoDate)] + (try Self.recordValues(r.meta, sortName: r.infoDate, details: r))])
            try await Self.saveShares(tx, [(r.id.rawValue, r.meta)], replacing: false)
        }
    }

    public func intelReport(_ id: IntelReportID) async throws -> IntelReport? {
        try await db.query("SELECT * FROM intel_reports WHERE id = ?", [.text(id.rawValue)]).first.map(Self.intelReport)
    }

    public func intelReports(viewer: Viewer, limit: Int) async throws -> [IntelReport] {
        let (conditions, binds) = Self.visibility(viewer)
        return try await db.query("SELECT * FROM intel_reports WHERE \(conditions.joined(separator: " AND ")) ORDER BY updated_at DESC, id LIMIT ?",
                                  binds + [SQLValue(limit)]).map(Self.intelReport)
    }

    public func intelReports(sentTo agency: AgencyID) async throws -> [IntelReport] {
        try await db.query("SELECT * FROM intel_reports WHERE id IN (SELECT report_id FROM intel_disseminations WHERE agency_id = ?) ORDER BY updated_at DESC",
                           [.text(agency.rawValue)]).map(Self.intelReport)
    }

    public func updateIntelReport(_ r: IntelReport, expectedVersion: Int) async throws {
        try await db.transaction { tx in
            try await Self.updateRecord(tx, table: "intel_reports", kind: "intel", id: r.id.rawValue, meta: r.meta, sortName: r.infoDate, details: r,
                                        extra: [("status", .text(r.status))], expectedVersion: expectedVersion)
            try await Self.saveShares(tx, [(r.id.rawValue, r.meta)], replacing: true)
            try await tx.execute("DELETE FROM intel_disseminations WHERE report_id = ?", [.text(r.id.rawValue)])
            try await Self.insertRows(tx, table: "intel_disseminations", columns: ["report_id", "agency_id"],
                                      rows: Set(r.disseminations.map(\.agencyID)).map { [.text(r.id.rawValue), .text($0.rawValue)] })
        }
    }

    static func intelReport(_ row: SQLRow) throws -> IntelReport {
        var r = try row.json("details", as: IntelReport.self)
        let handling = r.meta.handling
        r.meta = try meta(row)
        r.meta.handling = handling
        return r
    }
}
