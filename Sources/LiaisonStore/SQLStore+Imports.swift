import Foundation
import LiaisonCore

/// Imports: sources and jobs kept whole as JSON, with the columns their queries need; refused rows one per row and field.
extension SQLStore {
    public func saveImportSource(_ source: ImportSource) async throws {
        try await db.transaction { tx in
            try await tx.execute("DELETE FROM import_sources WHERE name = ?", [.text(source.name)])
            try await tx.execute(
                "INSERT INTO import_sources (name, details) VALUES (?, ?)",
                [.text(source.name), .text(try Self.json(source))])
        }
    }

    public func importSource(_ name: String) async throws -> ImportSource? {
        try await db.query("SELECT details FROM import_sources WHERE name = ?", [.text(name)]).first
            .map { try $0.json("details", as: ImportSource.self) }
    }

    public func insertImportJob(_ job: ImportJob) async throws {
        try await db.execute(
            "INSERT INTO import_jobs (id, started_at, rows_read, details) VALUES (?, ?, ?, ?)",
            [.text(job.id), SQLValue(job.startedAt), SQLValue(job.rowsRead), .text(try Self.json(job))])
    }

    public func importJob(_ id: String) async throws -> ImportJob? {
        try await db.query("SELECT details FROM import_jobs WHERE id = ?", [.text(id)]).first.map {
            try $0.json("details", as: ImportJob.self)
        }
    }

    public func importJobs(limit: Int) async throws -> [ImportJob] {
        try await db.query("SELECT details FROM import_jobs ORDER BY started_at DESC, id LIMIT ?", [SQLValue(limit)])
            .map { try $0.json("details", as: ImportJob.self) }
    }

    public func saveImportBatch(
        _ job: ImportJob, readBefore: Int, subjects: [(subject: Subject, keys: [String])], errors: [ImportRowError]
    ) async throws {
        try await db.transaction { tx in
            let moved = try await tx.query(
                "UPDATE import_jobs SET rows_read = ?, details = ? WHERE id = ? AND rows_read = ? RETURNING id",
                [SQLValue(job.rowsRead), .text(try Self.json(job)), .text(job.id), SQLValue(readBefore)])
            if moved.isEmpty {
                guard
                    let current = try await tx.query("SELECT rows_read FROM import_jobs WHERE id = ?", [.text(job.id)])
                        .first
                else {
                    throw LiaisonError.notFound(kind: "import", id: job.id)
                }
                throw LiaisonError.staleVersion(
                    kind: "import", id: job.id, expected: readBefore, current: try current.int("rows_read"))
            }
            try await Self.insertSubjects(tx, subjects)
            try await Self.insertRows(
                tx, table: "import_errors", columns: ["job_id", "row_number", "field", "reason"],
                rows: errors.map { [.text(job.id), SQLValue($0.row), .text($0.field), .text($0.reason)] },
                conflict: " ON CONFLICT DO NOTHING")
        }
    }

    public func updateImportJob(_ job: ImportJob) async throws {
        try await db.execute(
            "UPDATE import_jobs SET rows_read = ?, details = ? WHERE id = ?",
            [SQLValue(job.rowsRead), .text(try Self.json(job)), .text(job.id)])
    }

    public func importErrors(job: String, afterRow: Int, limit: Int) async throws -> [ImportRowError] {
        try await db.query(
            "SELECT row_number, field, reason FROM import_errors WHERE job_id = ? AND row_number > ? ORDER BY row_number, field LIMIT ?",
            [.text(job), SQLValue(afterRow), SQLValue(limit)]
        ).map {
            ImportRowError(
                row: try $0.int("row_number"), field: try $0.string("field"), reason: try $0.string("reason"))
        }
    }
}
