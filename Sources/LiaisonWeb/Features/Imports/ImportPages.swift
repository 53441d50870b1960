import Foundation
import Hummingbird
import LiaisonCore

/// Imports as the agency's users follow them: each file's progress, what loaded and what was refused, and why.
/// A page with an import still running refreshes itself every few seconds (a meta refresh; pages carry no scripts).
struct ImportPages {
    let pages: PageRenderer
    let imports: ImportService
    let directory: DirectoryService

    func register(_ routes: inout RouteTable) {
        let this = self
        routes.page(.get, "/imports", access: .signedIn) { _, context in
            let jobs = try await this.imports.jobs(by: try context.user(), info: context.request)
            return this.pages.page(
                ImportListPage(items: jobs.map(ImportRow.init)), title: "Imports", identity: context.identity,
                section: "/imports")
        }
        routes.page(.get, "/imports/{id}", access: .agencyRecord("import")) { _, context in
            let user = try context.user()
            let job = try await this.imports.job(try ImportsAPI.id(context), by: user, info: context.request)
            let errors = try await this.imports.errors(job.id, by: user, limit: 100, info: context.request)
            let people = try await this.directory.people()
            let page = ImportJobPage(
                job: ImportRow(job), startedBy: people.name(job.startedBy),
                errors: errors.map { .init(row: String($0.row), field: $0.field, reason: $0.reason) },
                moreErrors: job.rowsFailed > errors.count, failure: job.failure?.nonEmpty,
                possibleDuplicates: job.possibleDuplicates.flatMap { $0 > 0 ? String($0) : nil })
            return this.pages.page(
                page, title: "Import of \(job.fileName)", identity: context.identity, section: "/imports")
        }
    }
}

/// An import as the list shows it: file, source, progress and counts.
struct ImportRow {
    let id: String
    let source: String
    let fileName: String
    let status: String
    let statusClass: String
    let percent: String?
    let rowsRead: String
    let rowsLoaded: String
    let rowsFailed: String
    let started: String
    let updated: String
    let running: Bool
}

/// The agency's imports, newest first; the page refreshes itself while one runs.
struct ImportListPage: PageModel {
    var template: String { "imports" }
    let items: [ImportRow]
    let hasItems: Bool
    let refresh: Bool

    init(items: [ImportRow]) {
        self.items = items
        hasItems = !items.isEmpty
        refresh = items.contains(where: \.running)
    }
}

/// One import: its progress, who started it, and the first refused rows with their reasons.
struct ImportJobPage: PageModel {
    var template: String { "import" }
    let job: ImportRow
    let startedBy: String
    let errors: [RowError]
    let hasRowErrors: Bool
    let moreErrors: Bool
    let refresh: Bool
    let failure: String?
    let possibleDuplicates: String?

    /// A refused row, the column at fault and why.
    struct RowError {
        let row: String
        let field: String
        let reason: String
    }

    init(
        job: ImportRow, startedBy: String, errors: [RowError], moreErrors: Bool, failure: String?,
        possibleDuplicates: String?
    ) {
        self.job = job
        self.startedBy = startedBy
        self.errors = errors
        hasRowErrors = !errors.isEmpty
        self.moreErrors = moreErrors
        refresh = job.running
        self.failure = failure
        self.possibleDuplicates = possibleDuplicates
    }
}

extension ImportRow {
    init(_ job: ImportJob) {
        id = job.id
        source = job.source
        fileName = job.fileName
        status = job.status.rawValue
        statusClass = job.status == .completed ? "tag--green" : job.status == .failed ? "tag--red" : "tag--yellow"
        percent = (job.fraction.map { Int(($0 * 100).rounded()) } ?? (job.status == .completed ? 100 : nil)).map(
            String.init)
        rowsRead = String(job.rowsRead)
        rowsLoaded = String(job.rowsLoaded)
        rowsFailed = String(job.rowsFailed)
        started = displayTime(job.startedAt)
        updated = displayTime(job.updatedAt)
        running = job.status == .running
    }
}
