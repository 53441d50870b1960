import Foundation
import LiaisonCore
import LiaisonMatching

/// Organised crime groups, their members, keys and tags.
extension SQLStore {
    static func ocgSortName(_ details: OCGDetails) -> String { TextNormaliser.fold(details.name) }

    static func ocgChildRows(_ ocg: OCG, keys: [String]) -> (
        keys: [[SQLValue]], tags: [[SQLValue]], members: [[SQLValue]]
    ) {
        let id = SQLValue.text(ocg.id.rawValue)
        let tags =
            ocg.details.markets.map { [id, .text("market"), .text($0)] }
            + ocg.details.areas.map { [id, .text("area"), .text($0)] }
            + (ocg.details.leadOfficer.map { [[id, .text("lead"), .text($0.rawValue)]] } ?? [])
        let members = ocg.members.enumerated().map { index, m in
            [id, .text(m.subjectID.rawValue), .text(m.role), SQLValue(m.from), SQLValue(m.to), SQLValue(index)]
        }
        return (keys.map { [.text($0), id] }, tags, members)
    }

    static func insertOCGChildren(
        _ tx: any SQLTransaction, _ rows: (keys: [[SQLValue]], tags: [[SQLValue]], members: [[SQLValue]])
    ) async throws {
        try await insertRows(tx, table: "ocg_keys", columns: ["token", "ocg_id"], rows: rows.keys)
        try await insertRows(
            tx, table: "ocg_tags", columns: ["ocg_id", "kind", "code"], rows: rows.tags,
            conflict: " ON CONFLICT DO NOTHING")
        try await insertRows(
            tx, table: "ocg_members", columns: ["ocg_id", "subject_id", "role", "from_date", "to_date", "position"],
            rows: rows.members)
    }

    public func insertOCGs(_ groups: [(ocg: OCG, keys: [String])]) async throws {
        try await db.transaction { tx in
            let rows = try groups.map { item in
                [.text(item.ocg.id.rawValue), .text(item.ocg.details.status), SQLValue(item.ocg.details.band)]
                    + (try Self.recordValues(
                        item.ocg.meta, sortName: Self.ocgSortName(item.ocg.details), details: item.ocg.details))
            }
            try await Self.insertRows(
                tx, table: "ocgs",
                columns: ["id", "status", "band"] + Self.recordColumns.components(separatedBy: ", "), rows: rows)
            try await Self.saveShares(tx, groups.map { ($0.ocg.id.rawValue, $0.ocg.meta) }, replacing: false)
            var children: (keys: [[SQLValue]], tags: [[SQLValue]], members: [[SQLValue]]) = ([], [], [])
            for item in groups {
                let rows = Self.ocgChildRows(item.ocg, keys: item.keys)
                children.keys += rows.keys
                children.tags += rows.tags
                children.members += rows.members
            }
            try await Self.insertOCGChildren(tx, children)
        }
    }

    public func updateOCG(_ ocg: OCG, keys: [String], expectedVersion: Int, assessment: Assessment?) async throws {
        try await db.transaction { tx in
            if let assessment { try await Self.insertAssessment(tx, assessment) }
            try await Self.updateRecord(
                tx, table: "ocgs", kind: "ocg", id: ocg.id.rawValue, meta: ocg.meta,
                sortName: Self.ocgSortName(ocg.details), details: ocg.details,
                extra: [("status", .text(ocg.details.status)), ("band", SQLValue(ocg.details.band))],
                expectedVersion: expectedVersion)
            try await Self.saveShares(tx, [(ocg.id.rawValue, ocg.meta)], replacing: true)
            for table in ["ocg_keys", "ocg_tags", "ocg_members"] {
                try await tx.execute("DELETE FROM \(table) WHERE ocg_id = ?", [.text(ocg.id.rawValue)])
            }
            try await Self.insertOCGChildren(tx, Self.ocgChildRows(ocg, keys: keys))
        }
    }

    func members(of ids: [String]) async throws -> [String: [OCGMember]] {
        guard !ids.isEmpty else { return [:] }
        let marks = Array(repeating: "?", count: ids.count).joined(separator: ", ")
        let rows = try await db.query(
            "SELECT * FROM ocg_members WHERE ocg_id IN (\(marks)) ORDER BY ocg_id, position", ids.map { .text($0) })
        var result: [String: [OCGMember]] = [:]
        for row in rows {
            result[try row.string("ocg_id"), default: []].append(
                OCGMember(
                    subjectID: SubjectID(try row.string("subject_id")), role: try row.string("role"),
                    from: row.optionalString("from_date"), to: row.optionalString("to_date")))
        }
        return result
    }

    func ocgs(rows: some Collection<SQLRow>) async throws -> [OCG] {
        let ids = try rows.map { try $0.string("id") }
        let members = try await members(of: ids)
        return try rows.map { row in
            let id = try row.string("id")
            return OCG(
                id: OCGID(id), meta: try Self.meta(row), details: try row.json("details", as: OCGDetails.self),
                members: members[id] ?? [])
        }
    }

    public func ocg(_ id: OCGID) async throws -> OCG? {
        try await ocgs(rows: try await db.query("SELECT * FROM ocgs WHERE id = ?", [.text(id.rawValue)])).first
    }

    public func ocgs(matching query: OCGQuery) async throws -> Page<OCG> {
        var (conditions, binds) = Self.visibility(query.viewer)
        if let status = query.status {
            conditions.append("status = ?")
            binds.append(.text(status))
        }
        if let band = query.band {
            conditions.append("band = ?")
            binds.append(.text(band))
        }
        for (kind, code) in [("market", query.market), ("area", query.area), ("lead", query.lead?.rawValue)] {
            guard let code else { continue }
            conditions.append("id IN (SELECT ocg_id FROM ocg_tags WHERE kind = ? AND code = ?)")
            binds += [.text(kind), .text(code)]
        }
        let rows = try await Self.keysetPage(
            db, select: "SELECT * FROM ocgs", conditions: conditions, binds: binds,
            tokens: query.nameTokens, keyTable: "ocg_keys", keyColumn: "ocg_id", page: query.page)
        return Page(
            items: try await ocgs(rows: rows.prefix(query.page.limit)),
            nextCursor: try Self.nextCursor(rows, limit: query.page.limit))
    }

    public func ocgs(withMember subject: SubjectID) async throws -> [OCG] {
        try await ocgs(
            rows: try await db.query(
                "SELECT * FROM ocgs WHERE id IN (SELECT ocg_id FROM ocg_members WHERE subject_id = ?) ORDER BY sort_name, id",
                [.text(subject.rawValue)]))
    }
}
