import Foundation

/// What the Reference service reads and writes: only these stores.
public typealias ReferenceServiceStore = ReferenceStore

/// The editable reference lists (markets, areas, bands, tactics, outcome kinds, impact levels…): administrators add
/// entries and change their labels, order and whether they are offered; every change is audited.
public struct ReferenceService: Sendable {
    let store: any ReferenceServiceStore
    let auditor: Auditor

    public init(store: any ReferenceServiceStore, audit: AuditLog) {
        self.store = store
        auditor = Auditor(log: audit)
    }

    /// Every entry of every list, for any signed-in user.
    public func entries(list: String? = nil, by user: User, request: RequestInfo = .none) async throws
        -> [ReferenceEntry]
    {
        try await auditor.run(user, "reference.list", kind: "reference", request: request, detail: list) {
            try await store.referenceEntries().filter { list == nil || $0.list == list }
        }
    }

    /// Adds or changes one entry. Codes are never removed, only made inactive, so records keep their meaning.
    public func save(
        list: String, code: String, label: String, sortOrder: Int, active: Bool, by user: User,
        request: RequestInfo = .none
    ) async throws -> ReferenceEntry {
        try await auditor.run(
            user, "reference.update", kind: "reference", ids: ["\(list.prefix(60))/\(code.prefix(60))"],
            request: request
        ) {
            guard user.active, user.has(.administrator) else {
                throw PolicyRefusal.roles("only administrators edit reference data")
            }
            var v = Validator()
            for (field, value) in [("list", list), ("code", code)]
            where value.isEmpty || value.count > 60
                || !value.allSatisfy({ ($0.isLetter && $0.isLowercase) || $0.isNumber || $0 == "-" })
                || !value.unicodeScalars.allSatisfy(\.isASCII)
            {
                v.fail(field, "must be 1–60 lowercase letters, digits or hyphens")
            }
            let label = v.text(label, "label", required: true, max: 120) ?? ""
            if !(0...100_000).contains(sortOrder) { v.fail("sortOrder", "must be from 0 to 100000") }
            try v.check()
            let entry = ReferenceEntry(list: list, code: code, label: label, sortOrder: sortOrder, active: active)
            try await store.saveReferenceEntry(entry)
            return entry
        }
    }
}
