import Foundation

/// A kind of shared record that is created, read and updated the same way, whatever it describes.
/// The API and the pages serve every conforming service through one generic path.
public protocol RecordService: Sendable {
    associatedtype Record: Codable & Sendable & Identifiable where Record.ID == ID<Record>
    associatedtype Input: RecordInput
    /// The record's name in messages and errors, e.g. "subject".
    static var kind: String { get }
    func create(_ input: Input, by user: User, request: RequestInfo) async throws -> Record
    func update(_ id: Record.ID, _ input: Input, by user: User, request: RequestInfo) async throws -> Record
    func get(_ id: Record.ID, by user: User, request: RequestInfo) async throws -> Record
}

/// The body of a create or update request: the version edited (on update) and an optional marking.
public protocol RecordInput: Codable, Sendable {
    var version: Int? { get }
    var marking: ProtectiveMarking? { get }
    var sharing: Sharing? { get }
    var needToKnow: String? { get }
}

extension SubjectInput: RecordInput {}

/// How a new record of a kind without its own input type is marked and shared.
public struct MarkingInput: RecordInput {
    public var marking: ProtectiveMarking?
    public var sharing: Sharing?
    public var needToKnow: String?
    public var version: Int?

    public init(
        marking: ProtectiveMarking? = nil, sharing: Sharing? = nil, needToKnow: String? = nil, version: Int? = nil
    ) {
        self.marking = marking
        self.sharing = sharing
        self.needToKnow = needToKnow
        self.version = version
    }
}
extension OCGInput: RecordInput {}

/// The steps every create and update shares: the marking is checked, the policy consulted, the version compared.
enum RecordEditing {
    /// Checks the sharing and need-to-know an input asks for: named agencies must exist, operation names be sane.
    /// The version an edit was based on, checked: required, and still the record's current one.
    /// - Parameter sentAs: what the caller should have sent, for the message ("the version of the case you decided on").
    @discardableResult
    static func checkVersion(_ sent: Int?, of meta: RecordMeta, kind: String, id: String, sentAs: String) throws -> Int
    {
        guard let sent else { throw LiaisonError.invalid("version", "is required: send \(sentAs)") }
        if sent != meta.version {
            throw LiaisonError.staleVersion(kind: kind, id: id, expected: sent, current: meta.version)
        }
        return sent
    }

    static func checkAccessFields(_ input: some RecordInput, store: any AgencyStore) async throws {
        var v = Validator()
        if let sharing = input.sharing, !sharing.agencies.isEmpty {
            let known = Set(try await store.agencies().map(\.id))
            for (index, agency) in sharing.agencies.enumerated() where !known.contains(agency) {
                v.fail("sharing.agencies[\(index)]", "is not a known agency")
            }
        }
        if let operation = input.needToKnow {
            if operation.isEmpty || operation.count > 60
                || !operation.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "- ".contains($0)) })
            {
                v.fail("needToKnow", "must be an operation or case name of 1–60 letters, digits, spaces or hyphens")
            }
        }
        try v.check()
    }

    /// The metadata of a new record owned by the user's agency, if the policy lets the user create it.
    static func newMeta(_ input: some RecordInput, by user: User, at time: Date) throws -> RecordMeta {
        let marking = try (input.marking ?? .official).validated(field: "marking")
        let decision = AccessPolicy.decideCreate(user, marking: marking, needToKnow: input.needToKnow)
        guard decision.allowed else {
            throw PolicyRefusal(
                reasons: decision.reasons, shown: .forbidden(reason: decision.reasons.joined(separator: "; ")))
        }
        return RecordMeta(
            owningAgencyID: user.agencyID, marking: marking, sharing: input.sharing ?? .all,
            needToKnow: input.needToKnow, createdAt: time, createdBy: user.id)
    }

    /// The metadata of a new record made from `source` (a case or PoI from its subject): unless the input names a
    /// marking, it takes the source's marking, and unless it names a compartment, the source's need-to-know. Only a
    /// user who may read the source gets here, so one who names a lower marking holds the clearance to downgrade.
    static func derivedMeta(
        _ input: some RecordInput, from source: RecordMeta, defaultSharing: Sharing, by user: User,
        at time: Date
    ) throws -> RecordMeta {
        var derived = MarkingInput(
            marking: input.marking ?? source.marking, sharing: input.sharing ?? defaultSharing,
            needToKnow: input.needToKnow ?? source.needToKnow)
        if derived.marking!.classification < source.marking.classification && input.marking == nil {
            derived.marking = source.marking
        }
        return try newMeta(derived, by: user, at: time)
    }

    /// The metadata after the user's edit, if the version is current and the policy allows the change before and after.
    /// - Returns: the new metadata and the version the store must still hold.
    static func editedMeta(
        _ current: RecordMeta, _ input: some RecordInput, by user: User, at time: Date,
        kind: String, id: String
    ) throws -> (meta: RecordMeta, expected: Int) {
        guard let expected = input.version else {
            throw LiaisonError.invalid("version", "is required to update a record")
        }
        try AccessPolicy.enforce(user, .update, current, kind: kind, id: id)
        if current.version != expected {
            throw LiaisonError.staleVersion(kind: kind, id: id, expected: expected, current: current.version)
        }
        var meta = current.touched(by: user.id, at: time)
        if let marking = input.marking { meta.marking = try marking.validated(field: "marking") }
        if let sharing = input.sharing { meta.sharing = sharing }
        if let operation = input.needToKnow { meta.needToKnow = operation }
        try AccessPolicy.enforce(user, .update, meta, kind: kind, id: id)
        return (meta, expected)
    }

    /// Reads a record through the policy: a refused read looks exactly like a missing record.
    /// - Returns: the record and the decision, whose `withheld` fields the caller must remove.
    static func read<R>(_ record: R?, meta: (R) -> RecordMeta, by user: User, kind: String, id: String) throws -> (
        R, AccessDecision
    ) {
        guard let record else { throw LiaisonError.notFound(kind: kind, id: id) }
        return (record, try AccessPolicy.enforce(user, .read, meta(record), kind: kind, id: id))
    }
}
