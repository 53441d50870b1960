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
                "imports", title: "Imports",
                context: view([
                    "items": jobs.map(Self.jobView), "hasItems": !jobs.isEmpty,
                    "refresh": jobs.contains { $0.status == .running },
                ]), identity: context.identity, section: "/imports")
        }
        routes.page(.get, "/imports/{id}", access: .agencyRecord("import")) { _, context in
            let user = try context.user()
            let job = try await this.imports.job(try ImportsAPI.id(context), by: user, info: context.request)
            let errors = try await this.imports.errors(job.id, by: user, limit: 100, info: context.request)
            let people = try await this.directory.people()
            var page = Self.jobView(job)
            page.merge(
                view([
                    "errors": errors.map { ["row": String($0.row), "field": $0.field, "reason": $0.reason] },
                    "hasErrors": false,
                    "hasRowErrors": !errors.isEmpty, "moreErrors": job.rowsFailed > errors.count,
                    "refresh": job.status == .running, "failure": job.failure, "startedBy": people.name(job.startedBy),
                    "possibleDuplicates": job.possibleDuplicates.flatMap { $0 > 0 ? String($0) : nil },
                ])
            ) { $1 }
            return this.pages.page(
                "import", title: "Import of \(job.fileName)", context: page, identity: context.identity,
                section: "/imports")
        }
    }

    static func jobView(_ job: ImportJob) -> [String: Any] {
        let percent = job.fraction.map { Int(($0 * 100).rounded()) } ?? (job.status == .completed ? 100 : nil)
        return view([
            "id": job.id, "source": job.source, "fileName": job.fileName, "status": job.status.rawValue,
            "statusClass": job.status == .completed ? "tag--green" : job.status == .failed ? "tag--red" : "tag--yellow",
            "percent": percent.map(String.init), "rowsRead": String(job.rowsRead), "rowsLoaded": String(job.rowsLoaded),
            "rowsFailed": String(job.rowsFailed), "started": displayTime(job.startedAt),
            "updated": displayTime(job.updatedAt),
        ])
    }
}
