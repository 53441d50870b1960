import Foundation
import LiaisonCore

/// Intelligence reports: the shared record columns, the report whole as JSON, the agencies it was sent to, the
/// linked records the filters use, and what full-text search reads (FTS5 in SQLite, a tsvector in PostgreSQL).
extension SQLStore {
    public func insertIntelReport(_ r: IntelReport) async throws {
        try await insertIntelReports([r])
    }

    /// Many at once, in one transaction (demo data and benchmarks).
    public func insertIntelReports(_ reports: [IntelReport]) async throws {
        let dialect = db.dialect
        try await db.transaction { tx in
            try await Self.insertRows(
                tx, table: "intel_reports",
                columns: ["id", "status", "info_date", "grade"] + Self.recordColumns.components(separatedBy: ", "),
                rows: try reports.map { r in
                    [.text(r.id.rawValue), .text(r.status), .text(r.infoDate), .text(Self.gradeColumn(r))]
                        + (try Self.recordValues(r.meta, sortName: r.infoDate, details: r))
                })
            try await Self.saveShares(tx, reports.map { ($0.id.rawValue, $0.meta) }, replacing: false)
            try await Self.index(tx, reports, replacing: false, dialect: dialect)
        }
    }

    public func intelReport(_ id: IntelReportID) async throws -> IntelReport? {
        try await db.query("SELECT * FROM intel_reports WHERE id = ?", [.text(id.rawValue)]).first.map(Self.intelReport)
    }

    public func intelReports(viewer: Viewer, limit: Int) async throws -> [IntelReport] {
        let (conditions, binds) = Self.visibility(viewer)
        return try await db.query(
            "SELECT * FROM intel_reports WHERE \(conditions.joined(separator: " AND ")) ORDER BY updated_at DESC, id LIMIT ?",
            binds + [SQLValue(limit)]
        ).map(Self.intelReport)
    }

    public func intelReports(linking kind: String, key: String, heldBy owners: [AgencyID], viewer: Viewer, limit: Int)
        async throws -> [IntelReport]
    {
        guard !owners.isEmpty else { return [] }
        let (conditions, binds) = Self.visibility(viewer, heldBy: owners)
        return try await db.query(
            "SELECT * FROM intel_reports WHERE \(conditions.joined(separator: " AND ")) AND status <> 'draft' "
                + "AND id IN (SELECT report_id FROM intel_links WHERE kind = ? AND value = ?) ORDER BY id LIMIT ?",
            binds + [.text(kind), .text(key), SQLValue(limit)]
        ).map(Self.intelReport)
    }

    public func intelReports(sentTo agency: AgencyID) async throws -> [IntelReport] {
        try await db.query(
            "SELECT * FROM intel_reports WHERE id IN (SELECT report_id FROM intel_disseminations WHERE agency_id = ?) ORDER BY updated_at DESC",
            [.text(agency.rawValue)]
        ).map(Self.intelReport)
    }

    public func updateIntelReport(_ r: IntelReport, expectedVersion: Int) async throws {
        let dialect = db.dialect
        try await db.transaction { tx in
            try await Self.updateRecord(
                tx, table: "intel_reports", kind: "intel", id: r.id.rawValue, meta: r.meta, sortName: r.infoDate,
                details: r,
                extra: [("status", .text(r.status)), ("grade", .text(Self.gradeColumn(r)))],
                expectedVersion: expectedVersion)
            try await Self.saveShares(tx, [(r.id.rawValue, r.meta)], replacing: true)
            try await tx.execute("DELETE FROM intel_disseminations WHERE report_id = ?", [.text(r.id.rawValue)])
            try await Self.insertRows(
                tx, table: "intel_disseminations", columns: ["report_id", "agency_id"],
                rows: Set(r.disseminations.map(\.agencyID)).map { [.text(r.id.rawValue), .text($0.rawValue)] })
            try await Self.index(tx, [r], replacing: true, dialect: dialect)
        }
    }

    /// The grade as the filter matches it: "1BC", or "5x5x5:B24".
    static func gradeColumn(_ r: IntelReport) -> String {
        r.grading?.code ?? r.legacyGrading.map { "5x5x5:\($0.source)\($0.intelligence)\($0.handling)" } ?? ""
    }

    /// What search reads: the text, the place, the links and the linked records' names; and the links the filters use.
    static func index(_ tx: any SQLTransaction, _ reports: [IntelReport], replacing: Bool, dialect: SQLDialect)
        async throws
    {
        if replacing {
            for r in reports {
                try await tx.execute("DELETE FROM intel_search WHERE report_id = ?", [.text(r.id.rawValue)])
                try await tx.execute("DELETE FROM intel_links WHERE report_id = ?", [.text(r.id.rawValue)])
            }
        }
        // Addresses, phones, vehicles, accounts and companies are searched by value. Linked subjects, groups and cases
        // are not searched by name: a reader of the report may not be allowed to know them (`References`).
        let bodies = reports.map { r in
            ([r.text, r.place ?? ""] + r.links.filter { !["subject", "ocg", "case"].contains($0.kind) }.map(\.value))
                .filter { !$0.isEmpty }.joined(separator: "\n")
        }
        if dialect == .postgres {
            let rows = zip(reports, bodies).map { [SQLValue.text($0.id.rawValue), .text($1)] }
            var start = 0
            while start < rows.count {
                let chunk = rows[start..<min(start + 400, rows.count)]
                try await tx.execute(
                    "INSERT INTO intel_search (report_id, body, tsv) SELECT v.id, v.body, to_tsvector('english', v.body) FROM (VALUES "
                        + Array(repeating: "(?, ?)", count: chunk.count).joined(separator: ", ") + ") AS v(id, body)",
                    chunk.flatMap { $0 })
                start += 400
            }
        } else {
            try await insertRows(
                tx, table: "intel_search", columns: ["report_id", "body"],
                rows: zip(reports, bodies).map { [.text($0.id.rawValue), .text($1)] })
        }
        try await insertRows(
            tx, table: "intel_links", columns: ["report_id", "kind", "value"], rows: reports.flatMap(linkRows),
            conflict: " ON CONFLICT DO NOTHING")
    }

    /// The links filters and GAIN look up: records by ID; vehicles, companies, phones and accounts by their key.
    static func linkRows(_ r: IntelReport) -> [[SQLValue]] {
        Set(
            r.links.compactMap { link -> [String]? in
                if ["subject", "ocg", "case"].contains(link.kind) { return [link.kind, link.value] }
                guard IntelLink.keyedKinds.contains(link.kind),
                    let key = IntelLink.key(kind: link.kind, value: link.value)
                else { return nil }
                return [link.kind, key]
            }
        ).map { [SQLValue.text(r.id.rawValue), .text($0[0]), .text($0[1])] }
    }

    /// Words as FTS5 phrases, so nothing the searcher types is read as query syntax.
    static func ftsQuery(_ text: String) -> String {
        text.split { !$0.isLetter && !$0.isNumber }.prefix(12).map { "\"\($0)\"" }.joined(separator: " ")
    }

    public func searchIntel(_ q: IntelSearchQuery, viewer: Viewer) async throws -> IntelSearchResult {
        let (conditions, visBinds) = Self.visibility(viewer)
        var filters = conditions
        var binds = visBinds
        if let grade = q.grade {
            filters.append("grade LIKE ?")
            binds.append(.text(grade.replacingOccurrences(of: "%", with: "") + "%"))
        }
        if let c = q.classification {
            filters.append("classification = ?")
            binds.append(.int(Int64(c.rank)))
        }
        if let from = q.from {
            filters.append("info_date >= ?")
            binds.append(.text(from))
        }
        if let to = q.to {
            filters.append("info_date <= ?")
            binds.append(.text(to))
        }
        if let agency = q.agency {
            filters.append("owner_agency_id = ?")
            binds.append(.text(agency.rawValue))
        }
        for (kind, value) in [("subject", q.subject?.rawValue), ("ocg", q.ocg?.rawValue)] {
            guard let value else { continue }
            filters.append("id IN (SELECT report_id FROM intel_links WHERE kind = ? AND value = ?)")
            binds += [.text(kind), .text(value)]
        }
        let visible =
            "SELECT id, info_date, grade, status FROM intel_reports WHERE " + filters.joined(separator: " AND ")
        let limit = SQLValue(min(max(q.limit, 1), 100))
        if db.dialect == .postgres {
            let match = "s.tsv @@ plainto_tsquery('english', ?)"
            let rows = try await db.query(
                """
                SELECT r.id, r.info_date, r.grade, r.status,
                       ts_headline('english', s.body, plainto_tsquery('english', ?), 'MaxFragments=1, MaxWords=18, MinWords=6, StartSel=[, StopSel=]') AS snip
                FROM intel_search s JOIN (\(visible)) r ON r.id = s.report_id
                WHERE \(match) ORDER BY ts_rank(s.tsv, plainto_tsquery('english', ?)) DESC, r.info_date DESC LIMIT ?
                """, [.text(q.text)] + binds + [.text(q.text), .text(q.text), limit])
            let counted = try await db.query(
                "SELECT COUNT(*) AS n FROM intel_search s JOIN (\(visible)) r ON r.id = s.report_id WHERE \(match)",
                binds + [.text(q.text)])
            return IntelSearchResult(
                total: try counted.first?.int("n") ?? 0,
                items: try rows.map { try Self.hit($0, snippet: $0.optionalString("snip")) })
        } else {
            let match = Self.ftsQuery(q.text)
            guard !match.isEmpty else { return IntelSearchResult(total: 0, items: []) }
            // One pass ranks and counts the visible matches; the snippets are cut afterwards for the page shown only.
            let ranked = try await db.query(
                """
                SELECT r.id, r.info_date, r.grade, r.status, intel_search.rowid AS doc, COUNT(*) OVER () AS n
                FROM intel_search JOIN (\(visible)) r ON r.id = intel_search.report_id
                WHERE intel_search MATCH ? ORDER BY rank, r.info_date DESC LIMIT ?
                """, binds + [.text(match), limit])
            var snippets: [Int: String] = [:]
            if !ranked.isEmpty {
                let docs = try ranked.map { SQLValue(try $0.int("doc")) }
                for row in try await db.query(
                    "SELECT rowid AS doc, snippet(intel_search, 0, '[', ']', '…', 14) AS snip FROM intel_search "
                        + "WHERE intel_search MATCH ? AND rowid IN ("
                        + Array(repeating: "?", count: docs.count).joined(separator: ", ") + ")",
                    [.text(match)] + docs)
                {
                    snippets[try row.int("doc")] = row.optionalString("snip")
                }
            }
            return IntelSearchResult(
                total: try ranked.first?.int("n") ?? 0,
                items: try ranked.map { try Self.hit($0, snippet: snippets[try $0.int("doc")]) })
        }
    }

    /// A search result row as a hit.
    static func hit(_ row: SQLRow, snippet: String?) throws -> IntelSearchHit {
        IntelSearchHit(
            id: IntelReportID(try row.string("id")), infoDate: try row.string("info_date"),
            grade: gradeLabel(try row.string("grade")), status: try row.string("status"), snippet: snippet ?? "")
    }

    static func gradeLabel(_ column: String) -> String {
        column.hasPrefix("5x5x5:") ? String(column.dropFirst(6)) + " (5x5x5)" : column.isEmpty ? "ungraded" : column
    }

    static func intelReport(_ row: SQLRow) throws -> IntelReport {
        var r = try row.json("details", as: IntelReport.self)
        let handling = r.meta.handling
        r.meta = try meta(row)
        r.meta.handling = handling
        return r
    }
}
