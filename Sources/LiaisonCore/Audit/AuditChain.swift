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

    public init(
        actorID: String?, actorName: String, agencyID: String?, action: String, objectKind: String? = nil,
        objectIDs: [String] = [], purpose: String? = nil, detail: String? = nil, requestID: String? = nil,
        outcome: AuditOutcome
    ) {
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
    public init(
        _ user: User, _ action: String, kind: String? = nil, ids: [String] = [], request: RequestInfo,
        detail: String? = nil, outcome: AuditOutcome = .allowed
    ) {
        self.init(
            actorID: user.id.rawValue, actorName: user.username, agencyID: user.agencyID.rawValue, action: action,
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

    public init(
        sequence: Int64, timeMillis: Int64, actorID: String?, actorName: String, agencyID: String?, action: String,
        objectKind: String?, objectIDs: [String], purpose: String?, detail: String?, requestID: String?,
        outcome: AuditOutcome, previousHash: String, hash: String
    ) {
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

    /// Seals a draft as the entry after `previousHash`. Every text field is first made storable as it is
    /// (`storable(_:)`), so the hash covers exactly the text that both stores keep.
    public static func seal(_ draft: AuditDraft, sequence: Int64, time: Date, previousHash: String) -> AuditEntry {
        var entry = AuditEntry(
            sequence: sequence, timeMillis: Int64((time.timeIntervalSince1970 * 1000).rounded()),
            actorID: draft.actorID.map(storable), actorName: storable(draft.actorName),
            agencyID: draft.agencyID.map(storable), action: storable(draft.action),
            objectKind: draft.objectKind.map(storable), objectIDs: draft.objectIDs.prefix(maximumObjects).map(storable),
            purpose: draft.purpose.map(storable), detail: draft.detail.map(storable),
            requestID: draft.requestID.map(storable), outcome: draft.outcome, previousHash: previousHash, hash: "")
        entry.hash = hash(entry)
        return entry
    }

    /// The longest text an audited field keeps, in UTF-8 bytes; a longer one is cut, saying how much was left out.
    public static let maximumFieldBytes = 4_096
    /// The most object IDs one entry keeps.
    public static let maximumObjects = 10_000

    /// `text` as an audit entry keeps it: control characters other than tab and line breaks (NUL among them,
    /// which PostgreSQL refuses and C strings end at) shown as their Unicode control pictures (␀ for NUL), and
    /// text over `maximumFieldBytes` cut at a character boundary with a note of the bytes left out.
    /// - Complexity: O(n) in the length of `text`.
    public static func storable(_ text: String) -> String {
        let clean = !text.unicodeScalars.contains(where: isControl)
        if clean && text.utf8.count <= maximumFieldBytes { return text }
        var out = String.UnicodeScalarView()
        var bytes = 0
        var taken = 0
        for scalar in text.unicodeScalars {
            let shown = isControl(scalar) ? ControlPictures.picture(scalar) : scalar
            let size = UTF8.width(shown)
            if bytes + size > maximumFieldBytes {
                return String(out) + "… (\(text.utf8.count - taken) more bytes not kept)"
            }
            out.append(shown)
            bytes += size
            taken += UTF8.width(scalar)
        }
        return String(out)
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        ControlPictures.isC0OrDelete(scalar) && scalar != "\t" && scalar != "\n" && scalar != "\r"
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
        for id in entry.objectIDs { field(id) }
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
                s == expected
                    ? "entry \(s) does not follow the entry before it: an entry was removed, inserted or reordered"
                    : "entry \(s) is out of sequence (expected \(expected)): an entry was removed, inserted or reordered"
            }
        }
    }

    /// Where a check of the chain has got to: the hash and sequence the next entry must follow, how many entries
    /// verified, and the breaks found so far.
    public struct Progress: Sendable, Equatable {
        public var previousHash = AuditChain.genesis
        public var nextSequence: Int64 = 1
        /// Entries whose content matched their hash and that followed the entry before them.
        public var verified: Int64 = 0
        /// Entries verified before the first break (all of them while there is none).
        public var verifiedBeforeBreak: Int64 = 0
        public var breaks: [Break] = []

        public init() {}
    }

    /// Checks entries in sequence order, continuing from `progress`. With `continuing`, a break is recorded and the
    /// check goes on from the broken entry's own hash and sequence, so later breaks are found too; without it, the
    /// check stops at the first break.
    /// - Complexity: O(n) in the number and size of the entries.
    public static func verify(
        _ entries: some Sequence<AuditEntry>, from progress: Progress = Progress(),
        continuing: Bool = false
    ) -> Progress {
        var state = progress
        for entry in entries {
            if !continuing && !state.breaks.isEmpty { break }
            var broken: Break?
            if entry.sequence != state.nextSequence || entry.previousHash != state.previousHash {
                broken = .brokenLink(sequence: entry.sequence, expectedSequence: state.nextSequence)
            } else if hash(entry) != entry.hash {
                broken = .alteredEntry(sequence: entry.sequence)
            }
            if let broken {
                state.breaks.append(broken)
                if !continuing { break }
            } else {
                state.verified += 1
                if state.breaks.isEmpty { state.verifiedBeforeBreak += 1 }
            }
            state.previousHash = entry.hash
            state.nextSequence = entry.sequence + 1
        }
        return state
    }

    /// The first break in a run of entries from the start of the chain, if any.
    public static func firstBreak(_ entries: some Sequence<AuditEntry>) -> Break? {
        verify(entries).breaks.first
    }
}
