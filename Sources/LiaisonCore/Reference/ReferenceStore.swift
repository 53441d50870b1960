import Foundation

public protocol ReferenceStore: Sendable {
    func referenceEntries() async throws -> [ReferenceEntry]
    /// Adds the entry or replaces the one with the same list and code.
    func saveReferenceEntry(_ entry: ReferenceEntry) async throws
}
