import Foundation

/// What the Scoring service reads and writes: only these stores.
public typealias ScoringServiceStore = PersonOfInterestStore & OCGStore & AgencyStore

/// The scoring matrices in force, and new versions of them: published by supervisors and administrators, checked,
/// effective from a date, every version kept. Until one is published, the built-in matrices apply.
public struct ScoringService: Sendable {
    public static let kinds = ["ocg": ScoringMatrix.ocgStandard, "poi": ScoringMatrix.poiStandard]
    public static let editorRoles: Set<Role> = [.supervisor, .administrator]
    let store: any ScoringServiceStore
    let clock: any LiaisonClock
    let auditor: Auditor

    public init(store: any ScoringServiceStore, clock: any LiaisonClock, audit: AuditLog) {
        self.store = store
        self.clock = clock
        auditor = Auditor(log: audit)
    }

    /// The matrix of `kind` in force today: the newest version whose effective date has come, else the built-in one.
    public func current(_ kind: String) async throws -> ScoringMatrix {
        try await Self.inForce(kind, store: store, at: clock.now())
    }

    /// The matrix of `kind` in force at `time`.
    public static func inForce(_ kind: String, store: any ScoringServiceStore, at time: Date) async throws
        -> ScoringMatrix
    {
        guard let builtIn = kinds[kind] else { throw LiaisonError.notFound(kind: "scoring matrix", id: kind) }
        let today = InterventionService.day(time)
        return try await store.scoringMatrices(kind: kind).first { $0.effectiveFrom <= today } ?? builtIn
    }

    /// Every version of one kind's matrix, newest first, the built-in one last.
    public func versions(_ kind: String) async throws -> [ScoringMatrix] {
        guard let builtIn = Self.kinds[kind] else { throw LiaisonError.notFound(kind: "scoring matrix", id: kind) }
        return try await store.scoringMatrices(kind: kind) + [builtIn]
    }

    /// Publishes a new version of a matrix. `matrix.version` must be the next one after the latest the editor saw.
    public func publish(_ matrix: ScoringMatrix, by user: User, request: RequestInfo = .none) async throws
        -> ScoringMatrix
    {
        try await auditor.run(
            user, "scoring.publish", kind: "scoring-matrix", ids: [matrix.kind], request: request,
            detail: "version \(matrix.version)"
        ) {
            guard user.active, !Set(user.roles).isDisjoint(with: Self.editorRoles) else {
                throw PolicyRefusal.roles("only supervisors and administrators may publish a scoring matrix")
            }
            guard Self.kinds[matrix.kind] != nil else { throw LiaisonError.invalid("kind", "must be ocg or poi") }
            let latest = try await versions(matrix.kind).first!.version
            if matrix.version != latest + 1 {
                throw LiaisonError.staleVersion(
                    kind: "scoring matrix", id: matrix.kind, expected: matrix.version - 1, current: latest)
            }
            var v = Validator()
            if !InterventionService.isDay(matrix.effectiveFrom) {
                v.fail("effectiveFrom", "must be a date as yyyy-mm-dd")
            }
            if matrix.factors.isEmpty || matrix.factors.count > 20 { v.fail("factors", "must have 1 to 20 factors") }
            var codes = Set<String>()
            for (n, factor) in matrix.factors.enumerated() {
                if factor.code.range(of: #"^[a-z][a-z0-9-]{0,40}$"#, options: .regularExpression) == nil {
                    v.fail("factors[\(n)].code", "must be lower-case letters, digits and hyphens")
                }
                if !codes.insert(factor.code).inserted { v.fail("factors[\(n)].code", "is used twice") }
                if factor.label.trimmingCharacters(in: .whitespaces).isEmpty {
                    v.fail("factors[\(n)].label", "must not be empty")
                }
                if !(1...10).contains(factor.weight) { v.fail("factors[\(n)].weight", "must be from 1 to 10") }
                if !(2...10).contains(factor.levels.count) {
                    v.fail("factors[\(n)].levels", "must describe 2 to 10 levels")
                }
            }
            if matrix.bands.isEmpty { v.fail("bands", "must have at least one band") }
            if !matrix.bands.contains(where: { $0.minimum == 0 }) {
                v.fail("bands", "one band must start at 0, so every score has a band")
            }
            if Set(matrix.bands.map(\.minimum)).count != matrix.bands.count { v.fail("bands", "minimums must differ") }
            for (n, band) in matrix.bands.enumerated() {
                if band.code.isEmpty { v.fail("bands[\(n)].code", "must not be empty") }
                if !(0...100).contains(band.minimum) { v.fail("bands[\(n)].minimum", "must be from 0 to 100") }
                if !(1...3650).contains(band.reviewEveryDays) {
                    v.fail("bands[\(n)].reviewEveryDays", "must be from 1 to 3650")
                }
            }
            try v.check()
            var published = matrix
            published.bands.sort { $0.minimum > $1.minimum }
            try await store.insertScoringMatrix(published)
            return published
        }
    }
}
