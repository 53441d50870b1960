import Foundation

/// Everything Liaison keeps. Two real implementations: embedded SQLite and PostgreSQL.
/// Each feature's narrow protocol lives in its own folder; services take only the ones they use.
public protocol LiaisonStore: SchemaStore, AgencyStore, UserStore, ReferenceStore, SubjectStore, OCGStore, AuditStore,
    MatchReviewStore, ImportStore, CaseStore, ObligationStore, PersonOfInterestStore, InterventionStore, AssetStore,
    ReportStore, IntelStore, GAINStore, AlertStore
{}

/// The schema and the connections behind every store.
public protocol SchemaStore: Sendable {
    /// Applies any named migrations not yet applied, in order.
    func migrate() async throws
    /// Names of the migrations applied, in order.
    func appliedMigrations() async throws -> [String]
    /// Releases connections.
    func close() async
}

extension LiaisonStore {
    /// The kind and metadata of the subject or group with this ID, for questions to the access policy.
    public func recordMeta(id: String) async throws -> (kind: String, meta: RecordMeta)? {
        if let subjectID = SubjectID(validating: id), let subject = try await subject(subjectID) {
            return ("subject", subject.meta)
        }
        if let ocgID = OCGID(validating: id), let ocg = try await ocg(ocgID) { return ("ocg", ocg.meta) }
        return nil
    }
}
