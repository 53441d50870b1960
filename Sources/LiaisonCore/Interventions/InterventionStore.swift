import Foundation

/// Interventions against groups and Persons of Interest.
public protocol InterventionStore: Sendable {
    func insertIntervention(_ intervention: Intervention) async throws
    func intervention(_ id: InterventionID) async throws -> Intervention?
    /// Those against one group or PoI, soonest due first.
    func interventions(target: String) async throws -> [Intervention]
    /// Those in one multi-agency operation, soonest due first.
    func interventions(operation: String) async throws -> [Intervention]
    /// Saves an intervention if it still has `expectedVersion`; otherwise `staleVersion`.
    func updateIntervention(_ intervention: Intervention, expectedVersion: Int) async throws
    /// Adds an operation; one whose name is taken is a `conflict`.
    func insertOperation(_ operation: JointOperation) async throws
    func operation(name: String) async throws -> JointOperation?
    /// Every operation, latest start first.
    func operations() async throws -> [JointOperation]
}
