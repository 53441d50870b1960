import Foundation

/// Persons of Interest and the assessments of groups and people.
public protocol PersonOfInterestStore: Sendable {
    /// Every assessment of one record, newest first.
    func assessments(record: String) async throws -> [Assessment]
    /// The latest assessment of each record of `kind` whose next review falls before `time`, most overdue first.
    func assessmentsDue(kind: String, before time: Date, limit: Int) async throws -> [Assessment]
    /// Every published version of one kind's scoring matrix, newest first.
    func scoringMatrices(kind: String) async throws -> [ScoringMatrix]
    /// Publishes a matrix version; one that already exists is a `conflict`.
    func insertScoringMatrix(_ matrix: ScoringMatrix) async throws
    /// Adds a PoI; the same agency adopting the same subject twice while active is a `conflict`.
    func insertPOI(_ poi: PersonOfInterest) async throws
    func poi(_ id: POIID) async throws -> PersonOfInterest?
    /// Active PoIs, soonest review first; only those due before `reviewDueBefore` when given.
    func pois(reviewDueBefore: Date?, limit: Int) async throws -> [PersonOfInterest]
    /// Active PoIs of one subject.
    func pois(subject: SubjectID) async throws -> [PersonOfInterest]
    /// Saves a PoI, with its new assessment if any, if it still has `expectedVersion`; otherwise `staleVersion`.
    func updatePOI(_ poi: PersonOfInterest, expectedVersion: Int, assessment: Assessment?) async throws
}
