import Foundation

/// Partner files being loaded: saved mappings per source, jobs with their progress, and the rows that did not load.
public protocol ImportStore: Sendable {
    func saveImportSource(_ source: ImportSource) async throws
    func importSource(_ name: String) async throws -> ImportSource?
    func insertImportJob(_ job: ImportJob) async throws
    func importJob(_ id: String) async throws -> ImportJob?
    /// The most recent jobs first.
    func importJobs(limit: Int) async throws -> [ImportJob]
    /// Saves a batch in one transaction: its subjects, its refused rows, and the job's progress past it. Throws
    /// `staleVersion` if the job has moved on since `readBefore` rows (another process is loading the same file).
    func saveImportBatch(
        _ job: ImportJob, readBefore: Int, subjects: [(subject: Subject, keys: [String])], errors: [ImportRowError])
        async throws
    func updateImportJob(_ job: ImportJob) async throws
    /// Refused rows in file order, from `afterRow`, at most `limit`.
    func importErrors(job: String, afterRow: Int, limit: Int) async throws -> [ImportRowError]
}
