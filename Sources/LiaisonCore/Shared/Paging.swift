import Foundation

/// A request for one page of a list. Lists are keyset-paginated: pass back `Page.nextCursor`.
public struct PageRequest: Sendable, Equatable {
    /// The hard maximum of items one page may hold.
    public static let maximumLimit = 200
    public static let defaultLimit = 50

    public var limit: Int
    public var cursor: String?

    public init(limit: Int = PageRequest.defaultLimit, cursor: String? = nil) {
        self.limit = max(1, min(limit, PageRequest.maximumLimit))
        self.cursor = cursor
    }
}

/// One page of results and the cursor for the next, if there is one.
public struct Page<Item: Sendable>: Sendable {
    public var items: [Item]
    public var nextCursor: String?

    public init(items: [Item], nextCursor: String?) {
        self.items = items
        self.nextCursor = nextCursor
    }
}
