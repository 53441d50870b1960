import LiaisonCore

/// A named schema change. Migrations are append-only: never edit one that has shipped, add a new one.
struct Migration: Sendable {
    let name: String
    let statements: @Sendable (SQLDialect) -> [String]
    /// Work SQL alone cannot do (keys computed by the engine), run in the same transaction after the statements.
    let backfill: (@Sendable (any SQLTransaction, SQLDialect) async throws -> Void)?

    init(
        name: String, statements: @escaping @Sendable (SQLDialect) -> [String],
        backfill: (@Sendable (any SQLTransaction, SQLDialect) async throws -> Void)? = nil
    ) {
        self.name = name
        self.statements = statements
        self.backfill = backfill
    }
}

enum Migrations {
    /// Inserts the default entries of reference lists added after the first release into existing stores.
    static func referenceInserts(_ lists: [String]) -> [String] {
        ReferenceDefaults.entries.filter { lists.contains($0.list) }.map { entry in
            let label = entry.label.replacingOccurrences(of: "'", with: "''")
            return
                "INSERT INTO reference_entries (list, code, label, sort_order, active) VALUES ('\(entry.list)', '\(entry.code)', '\(label)', \(entry.sortOrder), 1) ON CONFLICT DO NOTHING"
        }
    }

    /// Every migration, in the order it is applied. One file each in `Migrations/`; append, never edit.
    static let all: [Migration] = [
        .m001Directory, .m002SubjectsAndGroups, .m003ReferenceDefaults, .m004AuditChain, .m005LoginAttempts,
        .m006SharingAndNeedToKnow, .m007AuditObjectIndexInBatches, .m008AuditChainInItsOwnFile,
        .m009AuditRecordIndexInRuns, .m010MatchReviews, .m011Imports, .m012DeportationCases, .m013Obligations,
        .m014SubjectInterests, .m015PersonsOfInterest, .m016Interventions, .m017OcgLeadTags,
        .m018AssessmentReviewDates, .m019ScoringMatrices, .m020Operations, .m021AssetRecoveryAndReportFacts,
        .m022IntelligenceReports, .m023IntelligenceSearch, .m024GainRequests, .m025IndustryAlerts,
        .m026SubjectBlockingKeys, .m027IntelIndexRebuilt, .m028IntelIndexWithoutLinkedNames, .m029CountryList,
        .m030ApiTokenExpiry, .m031CaseworkTeams,
    ]

    /// Rebuilds the reports' search text and link keys from the reports themselves.
    @Sendable static func rebuildIntelIndex(_ tx: any SQLTransaction, _ dialect: SQLDialect) async throws {
        try await tx.execute("DELETE FROM intel_links", [])
        try await tx.execute("DELETE FROM intel_search", [])
        var after = ""
        while true {
            let rows = try await tx.query(
                "SELECT * FROM intel_reports WHERE id > ? ORDER BY id LIMIT 2000", [.text(after)])
            guard let last = rows.last else { break }
            try await SQLStore.index(tx, try rows.map(SQLStore.intelReport), replacing: false, dialect: dialect)
            after = try last.string("id")
        }
    }
}
