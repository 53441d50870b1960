import Foundation

/// What the Guidance service reads and writes: only these stores.
public typealias GuidanceServiceStore = ObligationStore

/// Guidance for each step of the casework: the version in force on a date, every version with its change note, and
/// edits by supervisors and senior caseworkers, each a new version (never an overwrite).
public struct GuidanceService: Sendable {
    public static let kind = "guidance"
    public static let editorRoles: Set<Role> = [.supervisor, .seniorCaseworker, .administrator]
    let store: any GuidanceServiceStore
    let clock: any LiaisonClock
    let auditor: Auditor

    public init(store: any GuidanceServiceStore, clock: any LiaisonClock, audit: AuditLog) {
        self.store = store
        self.clock = clock
        auditor = Auditor(log: audit)
    }

    static func day(_ date: Date) -> String {
        DateFormats.day(date)
    }

    /// The version of every page in force today (built-in guidance until edited), by slug.
    /// Today's date, yyyy-mm-dd, by the service's clock.
    public func today() -> String { Self.day(clock.now()) }

    public func current() async throws -> [String: GuidancePage] {
        let today = Self.day(clock.now())
        var pages = Dictionary(uniqueKeysWithValues: GuidancePage.builtIn.map { ($0.slug, $0) })
        for page in try await store.allGuidance() where page.validFrom <= today {
            if page.version > pages[page.slug]?.version ?? -1 { pages[page.slug] = page }
        }
        return pages
    }

    public func list(by user: User, request: RequestInfo = .none) async throws -> [GuidancePage] {
        try await auditor.run(user, "guidance.list", kind: Self.kind, request: request) {
            try await current().values.sorted { $0.slug < $1.slug }
        }
    }

    /// The page in force today, and every version (newest first, the built-in one last).
    public func get(_ slug: String, by user: User, request: RequestInfo = .none) async throws -> (
        current: GuidancePage, history: [GuidancePage]
    ) {
        try await auditor.run(user, "guidance.read", kind: Self.kind, ids: [slug], request: request) {
            let history = try await store.guidanceVersions(slug: slug) + GuidancePage.builtIn.filter { $0.slug == slug }
            guard let current = try await current()[slug] ?? history.first else {
                throw LiaisonError.notFound(kind: Self.kind, id: slug)
            }
            return (current, history)
        }
    }

    /// A new version of a page; `version` is the latest version the editor saw.
    public func edit(_ slug: String, _ input: GuidanceInput, by user: User, request: RequestInfo = .none) async throws
        -> GuidancePage
    {
        try await auditor.run(user, "guidance.edit", kind: Self.kind, ids: [slug], request: request) {
            guard user.active, !Set(user.roles).isDisjoint(with: Self.editorRoles) else {
                throw PolicyRefusal.roles("only supervisors, senior caseworkers and administrators may edit guidance")
            }
            var v = Validator()
            if slug.range(of: #"^[a-z][a-z0-9-]{1,60}$"#, options: .regularExpression) == nil {
                v.fail("slug", "must be lower-case letters, digits and hyphens")
            }
            let title = input.title?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            let body = input.body?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            let note = input.changeNote?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if title.isEmpty || title.count > 200 { v.fail("title", "must be 1 to 200 characters") }
            if body.isEmpty || body.count > 20_000 { v.fail("body", "must be 1 to 20000 characters") }
            if note.isEmpty { v.fail("changeNote", "must say what changed and why") }
            let validFrom = input.validFrom ?? Self.day(clock.now())
            if DateFormats.day(validFrom).map(Self.day) != validFrom {
                v.fail("validFrom", "must be a date as yyyy-mm-dd")
            }
            guard let version = input.version else {
                throw LiaisonError.invalid(
                    "version", "is required: send the latest version you saw (0 for built-in guidance)")
            }
            try v.check()
            let latest = try await store.guidanceVersions(slug: slug).first?.version ?? 0
            if version != latest {
                throw LiaisonError.staleVersion(kind: Self.kind, id: slug, expected: version, current: latest)
            }
            let page = GuidancePage(
                slug: slug, version: latest + 1, validFrom: validFrom, title: title, body: body, changeNote: note,
                editedBy: user.username, editedAt: clock.now())
            try await store.insertGuidance(page)
            return page
        }
    }
}
