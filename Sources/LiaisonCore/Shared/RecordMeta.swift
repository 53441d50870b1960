import Foundation

/// What every shared record carries: who owns it, how it is marked, and its edit history and version.
///
/// `version` starts at 1 and increases by one on every update; an update that names an older version
/// is refused as stale (optimistic concurrency), never silently applied.
public struct RecordMeta: Codable, Sendable, Equatable {
    public var owningAgencyID: AgencyID
    public var marking: ProtectiveMarking
    /// Which agencies besides the owner may see the record.
    public var sharing: Sharing
    /// The operation or case a user must be briefed into to see the record (need-to-know), if any.
    public var needToKnow: String?
    /// The handling code, on graded intelligence; it constrains onward sharing.
    public var handling: HandlingCode?
    public var createdAt: Date
    public var createdBy: UserID
    public var updatedAt: Date
    public var updatedBy: UserID
    public var version: Int

    public init(
        owningAgencyID: AgencyID, marking: ProtectiveMarking, sharing: Sharing = .all, needToKnow: String? = nil,
        handling: HandlingCode? = nil, createdAt: Date, createdBy: UserID, updatedAt: Date? = nil,
        updatedBy: UserID? = nil,
        version: Int = 1
    ) {
        self.handling = handling
        self.owningAgencyID = owningAgencyID
        self.marking = marking
        self.sharing = sharing
        self.needToKnow = needToKnow
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.updatedAt = updatedAt ?? createdAt
        self.updatedBy = updatedBy ?? createdBy
        self.version = version
    }

    /// The metadata after an edit by `user` at `time`.
    public func touched(by user: UserID, at time: Date) -> RecordMeta {
        var next = self
        next.updatedAt = time
        next.updatedBy = user
        next.version += 1
        return next
    }
}

/// Who a record is shared with: every agency, or only the owner and the agencies named.
public struct Sharing: Codable, Sendable, Equatable {
    public var withAll: Bool
    public var agencies: [AgencyID]

    public init(withAll: Bool, agencies: [AgencyID] = []) {
        self.withAll = withAll
        self.agencies = withAll ? [] : Array(Set(agencies)).sorted()
    }

    public static let all = Sharing(withAll: true)
    public static let ownerOnly = Sharing(withAll: false)
}
