import Crypto
import Foundation

/// What an audited action came to.
public enum AuditOutcome: String, Codable, Sendable, CaseIterable {
    case allowed, denied, failed
}

/// An access or change about to be recorded: who did what to which records, why, and how it ended.
public struct AuditDraft: Sendable, Equatable {
    public var actorID: String?
    public var actorName: String
    public var agencyID: String?
    /// A dotted verb such as `subject.read`, `subject.search`, `ocg.update`, `auth.sign-in`.
    public var action: String
    public var objectKind: String?
    public var objectIDs: [String]
    /// The purpose the user stated, where the action asks for one.
    public var purpose: String?
    /// Further detail: a search's query, a refusal's reasons.
    public var detail: String?
    public var requestID: String?
    public var outcome: AuditOutcome

    public init(actorID: String?, actorName: String, agencyID: String?, action: String, objectKind: String? = nil,
                objectIDs: [String] = [], purpose: String? = nil, detail: String? = nil, requestID: String? = nil,
                outcome: AuditOutcome) {
        self.actorID = actorID
        self.actorName = actorName
        self.agencyID = agencyID
        self.action = action
        self.objectKind = objectKind
        self.objectIDs = objectIDs
        self.purpose = purpose
        self.detail = detail
        self.requestID = requestID
        self.outcome = outcome
    }

    /// A draft for an action by a signed-in user.
    public init(_ user: User, _ action: String, kind: String? = nil, ids: [String] = [], request: RequestInfo,
                detail: String? = nil, outcome: AuditOutcome = .allowed) {
        self.init(actorID: user.id.rawValue, actorName: user.username, agencyID: user.agencyID.rawValue, action: action,
                  objectKind: kind, objectIDs: ids, purpose: request.purpose, detail: detail, requestID: request.requestID,
                  outcome: outcome)
    }
}

/// One entry of the append-only audit log, sealed with a hash of its content and of the entry before it.
public struct AuditEntry: Codable, Sendable, Equatable {
    public var sequence: Int64
    /// Milliseconds since 1970, the precision the hash covers.
    public var timeMillis: Int64
    public var actorID: String?
    public var actorName: String
    public var agencyID: String?
    public var action: String
    public var objectKind: String?
    public var objectIDs: [String]
    public var purpose: String?
    public var detail: String?
    public var requestID: String?
    public var outcome: AuditOutcome
    public var previousHash: String
    public var hash: String

    public var time: Date { Date(timeIntervalSince1970: Double(timeMillis) / 1000) }

    public init(sequence: Int64, timeMillis: Int64, actorID: String?, actorName: String, agencyID: String?, action: String,
                objectKind: String?, objectIDs: [String], purpose: String?, detail: String?, requestID: String?,
                outcome: AuditOutcome, previousHash: String, hash: String) {
        self.sequence = sequence
        self.timeMillis = timeMillis
        self.actorID = actorID
        self.actorName = actorName
        self.agencyID = agencyID
        self.action = action
        self.objectKind = objectKind
        self.objectIDs = objectIDs
        self.purpose = purpose
        self.detail = detail
        self.requestID = requestID
        self.outcome = outcome
        self.previousHash = previousHash
        self.hash = hash
    }
}

/// Where a request came from, for the audit log: its ID and the purpose the user stated.
public struct RequestInfo: Sendable, Equatable {
    public var requestID: String?
    public var purpose: String?

    public init(requestID: String? = nil, purpose: String? = nil) {
        self.requestID = requestID
        self.purpose = purpose
    }

    public static let none = RequestInfo()
}

/// The hash chain over audit entries: each entry's hash covers its own fields and the previous entry's hash,
/// so editing, deleting, inserting or reordering any entry breaks every hash after it.
public enum AuditChain {
    /// The "previous hash" of the first entry.
    public static let genesis = String(repeating: "0", count: 64)

    /// Seals a draft as the entry after `previousHash`.
    public static func seal(_ draft: AuditDraft, sequence: Int64, time: Date, previousHash: String) -> AuditEntry {
        var entry = AuditEntry(sequence: sequence, timeMillis: Int64((time.timeIntervalSince1970 * 1000).rounded()),
                               actorID: draft.actorID, actorName: draft.actorName, agencyID: draft.agencyID, action: draft.action,
                               objectKind: draft.objectKind, objectIDs: draft.objectIDs, purpose: draft.purpose, detail: draft.detail,
                               requestID: draft.requestID, outcome: draft.outcome, previousHash: previousHash, hash: "")
        entry.hash = hash(entry)
        return entry
    }

    /// SHA-256 over an unambiguous encoding of every field but `hash`, as lowercase hex.
    /// - Complexity: O(n) in the size of the entry.
    public static func hash(_ entry: AuditEntry) -> String {
        var hasher = SHA256()
        func field(_ value: String?) {
            // Length-prefixed, with nil distinct from empty: no two different entries encode alike.
            guard let value else {
                hasher.update(data: Data("-;".utf8))
                return
            }
            let bytes = Data(value.utf8)
            hasher.update(data: Data("\(bytes.count):".utf8))
            hasher.update(data: bytes)
        }
        field(String(entry.sequence))
        field(String(entry.timeMillis))
        field(entry.actorID)
        field(entry.actorName)
        field(entry.agencyID)
        field(entry.action)
        field(entry.objectKind)
        field(String(entry.objectIDs.count))
        entry.objectIDs.forEach { field($0) }
        field(entry.purpose)
        field(entry.detail)
        field(entry.requestID)
        field(entry.outcome.rawValue)
        field(entry.previousHash)
        return hex(hasher.finalize())
    }

    /// Lowercase hex of a digest's bytes.
    /// - Complexity: O(n) in the number of bytes.
    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The first problem in a run of entries, if any.
    public enum Break: Sendable, Equatable, CustomStringConvertible {
        /// An entry's content does not match its hash: it was edited.
        case alteredEntry(sequence: Int64)
        /// An entry does not follow the one before it: something was deleted, inserted or reordered.
        case brokenLink(sequence: Int64, expectedSequence: Int64)

        public var sequence: Int64 {
            switch self {
            case .alteredEntry(let s), .brokenLink(let s, _): s
            }
        }

        public var description: String {
            switch self {
            case .alteredEntry(let s): "entry \(s) was altered: its content no longer matches its hash"
            case .brokenLink(let s, let expected):
                s == expected ? "entry \(s) does not follow the entry before it: an entry was removed, inserted or reordered"
                    : "entry \(s) is out of sequence (expected \(expected)): an entry was removed, inserted or reordered"
            }
        }
    }

    /// Checks entries in sequence order, continuing from the entry with `previousHash` and `nextSequence`.
    /// - Returns: the first break, or nil and the state to continue from with the next batch.
    /// - Complexity: O(n) in the number and size of the entries.
    public static func verify(_ entries: some Sequence<AuditEntry>, previousHash: String = genesis,
                              nextSequence: Int64 = 1) -> (break: Break?, previousHash: String, nextSequence: Int64) {
        var previous = previousHash
        var expected = nextSequence
        for entry in entries {
            if entry.sequence != expected || entry.previousHash != previous {
                return (.brokenLink(sequence: entry.sequence, expectedSequence: expected), previous, expected)
            }
            if hash(entry) != entry.hash { return (.alteredEntry(sequence: entry.sequence), previous, expected) }
            previous = entry.hash
            expected += 1
        }
        return (nil, previous, expected)
    }
}
