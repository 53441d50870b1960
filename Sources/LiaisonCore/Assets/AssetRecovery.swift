import Foundation

/// The Proceeds of Crime Act powers Liaison records.
public enum AssetPower: String, Codable, Sendable, CaseIterable {
    case restraint
    case confiscation
    case cashSeizure = "cash-seizure"
    case accountFreezing = "account-freezing"
    case civilRecovery = "civil-recovery"

    public var label: String {
        switch self {
        case .restraint: "Restraint order"
        case .confiscation: "Confiscation order"
        case .cashSeizure: "Cash seizure"
        case .accountFreezing: "Account freezing order"
        case .civilRecovery: "Civil recovery"
        }
    }

    /// The status a new record starts in.
    public var initialStatus: String {
        switch self {
        case .restraint: "in-force"
        case .confiscation: "order-made"
        case .cashSeizure: "seized"
        case .accountFreezing: "frozen"
        case .civilRecovery: "proceedings"
        }
    }

    /// What the record's amount means.
    public var amountLabel: String {
        switch self {
        case .restraint: "Value restrained"
        case .confiscation: "Recoverable amount"
        case .cashSeizure: "Cash seized"
        case .accountFreezing: "Balance frozen"
        case .civilRecovery: "Value claimed"
        }
    }

    /// The events each status allows, by power: the lifecycle as data.
    public var steps: [String: [String]] {
        switch self {
        case .restraint: ["in-force": ["varied", "discharged"]]
        case .confiscation: ["order-made": ["payment", "default"], "in-default": ["payment"]]
        case .cashSeizure: ["seized": ["detention", "returned"], "detained": ["extension", "forfeited", "returned"]]
        case .accountFreezing: ["frozen": ["forfeited", "released"]]
        case .civilRecovery: ["proceedings": ["recovered", "discontinued"]]
        }
    }
}

/// Events that bring money in: they are the receipts split between agencies under the incentivisation scheme.
public enum AssetReceipt {
    public static let kinds: Set<String> = ["payment", "forfeited", "recovered"]
}

/// What an asset record is held against: a subject, a group, or a deportation case.
public struct AssetTarget: Codable, Sendable, Equatable {
    public var kind: String
    public var id: String

    public init(kind: String, id: String) {
        self.kind = kind
        self.id = id
    }
}

/// An agency's part in a proceeding, which decides its share of receipts.
public struct AgencyPart: Codable, Sendable, Equatable {
    public var agency: AgencyID
    /// investigation, prosecution or enforcement.
    public var role: String

    public init(agency: AgencyID, role: String) {
        self.agency = agency
        self.role = role
    }

    public static let roles = ["investigation", "prosecution", "enforcement"]
}

/// The figures of a confiscation order.
public struct ConfiscationTerms: Codable, Sendable, Equatable {
    /// The benefit from criminal conduct the court found.
    public var benefit: Double
    /// The amount available to the defendant.
    public var available: Double
    /// Paid to victims first, out of what is collected.
    public var compensation: Double
    /// yyyy-mm-dd by which it is to be paid.
    public var timeToPay: String
    /// Months to serve in default of payment.
    public var defaultSentenceMonths: Int

    public init(benefit: Double, available: Double, compensation: Double, timeToPay: String, defaultSentenceMonths: Int)
    {
        self.benefit = benefit
        self.available = available
        self.compensation = compensation
        self.timeToPay = timeToPay
        self.defaultSentenceMonths = defaultSentenceMonths
    }
}

/// One dated step in an asset record's life.
public struct AssetEvent: Codable, Sendable, Equatable {
    public var id: Int
    public var kind: String
    public var date: String
    public var amount: Double?
    /// For a detention or its extension: until when.
    public var until: String?
    public var note: String
    public var recordedBy: String
    public var recordedAt: Date

    public init(
        id: Int, kind: String, date: String, amount: Double? = nil, until: String? = nil, note: String = "",
        recordedBy: String, recordedAt: Date
    ) {
        self.id = id
        self.kind = kind
        self.date = date
        self.amount = amount
        self.until = until
        self.note = note
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}

/// A restraint order, confiscation order, cash seizure, account freezing order or civil recovery claim, with its
/// court, dates, status, the agencies involved and every event since.
public struct AssetOrder: Codable, Sendable, Equatable {
    public var id: AssetOrderID
    public var meta: RecordMeta
    public var target: AssetTarget
    /// The person it is against, when known (directly, or through the case).
    public var subjectID: SubjectID?
    public var power: AssetPower
    public var court: String
    public var reference: String
    /// yyyy-mm-dd the order was made or the cash seized.
    public var madeOn: String
    public var amount: Double
    public var confiscation: ConfiscationTerms?
    public var agencies: [AgencyPart]
    public var status: String
    public var events: [AssetEvent]

    public init(
        id: AssetOrderID, meta: RecordMeta, target: AssetTarget, subjectID: SubjectID?, power: AssetPower,
        court: String, reference: String,
        madeOn: String, amount: Double, confiscation: ConfiscationTerms?, agencies: [AgencyPart], status: String,
        events: [AssetEvent]
    ) {
        self.id = id
        self.meta = meta
        self.target = target
        self.subjectID = subjectID
        self.power = power
        self.court = court
        self.reference = reference
        self.madeOn = madeOn
        self.amount = amount
        self.confiscation = confiscation
        self.agencies = agencies
        self.status = status
        self.events = events
    }

    /// Everything collected so far.
    public var collected: Double {
        events.filter { AssetReceipt.kinds.contains($0.kind) }.compactMap(\.amount).reduce(0, +)
    }
    /// For a confiscation order, what is still to pay.
    public var outstanding: Double? { power == .confiscation ? max(0, amount - collected) : nil }
    /// The last date cash may be detained until: two years from seizure.
    public var detentionLimit: String? {
        guard power == .cashSeizure, let seized = AssetOrder.date(madeOn) else { return nil }
        return AssetOrder.day(Calendar.utc.date(byAdding: .year, value: 2, to: seized)!)
    }

    /// A yyyy-mm-dd day as the instant it starts (UTC).
    public static func date(_ text: String) -> Date? {
        DateFormats.day(text)
    }

    public static func day(_ date: Date) -> String { InterventionService.day(date) }
}

public typealias AssetOrderID = ID<AssetOrder>

extension Calendar {
    static var utc: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }
}

/// A new asset record.
public struct AssetOrderInput: Codable, Sendable {
    public var target: AssetTarget
    public var power: String?
    public var court: String?
    public var reference: String?
    public var madeOn: String?
    public var amount: Double?
    public var confiscation: ConfiscationTerms?
    /// Agencies by code with their part: investigation, prosecution or enforcement.
    public var agencies: [AgencyPartInput]?
    public var marking: ProtectiveMarking?

    public init(
        target: AssetTarget, power: String?, court: String?, reference: String?, madeOn: String?, amount: Double?,
        confiscation: ConfiscationTerms? = nil, agencies: [AgencyPartInput]? = nil, marking: ProtectiveMarking? = nil
    ) {
        self.target = target
        self.power = power
        self.court = court
        self.reference = reference
        self.madeOn = madeOn
        self.amount = amount
        self.confiscation = confiscation
        self.agencies = agencies
        self.marking = marking
    }
}

public struct AgencyPartInput: Codable, Sendable {
    public var agency: String
    public var role: String

    public init(agency: String, role: String) {
        self.agency = agency
        self.role = role
    }
}

/// An event recorded against an asset record; send the version you saw.
public struct AssetEventInput: Codable, Sendable {
    public var version: Int?
    public var kind: String?
    public var date: String?
    public var amount: Double?
    public var until: String?
    public var note: String?

    public init(
        version: Int?, kind: String?, date: String?, amount: Double? = nil, until: String? = nil, note: String? = nil
    ) {
        self.version = version
        self.kind = kind
        self.date = date
        self.amount = amount
        self.until = until
        self.note = note
    }
}

/// The asset recovery incentivisation scheme: how receipts are shared between the Home Office and the agencies
/// that investigated, prosecuted and enforced. Dated and versioned reference data.
public struct IncentiveScheme: Codable, Sendable, Equatable {
    public var version: Int
    public var effectiveFrom: String
    /// Percent by part: home-office, investigation, prosecution, enforcement; they sum to 100.
    public var shares: [String: Double]

    public init(version: Int, effectiveFrom: String, shares: [String: Double]) {
        self.version = version
        self.effectiveFrom = effectiveFrom
        self.shares = shares
    }

    public static let parts = ["home-office"] + AgencyPart.roles

    /// Half to the Home Office; of the other half, 37.5% each to the investigating and prosecuting agencies and
    /// 25% to the enforcement authority.
    public static let standard = IncentiveScheme(
        version: 1, effectiveFrom: "2014-04-01",
        shares: ["home-office": 50, "investigation": 18.75, "prosecution": 18.75, "enforcement": 12.5])

    /// The problems with a scheme, by field.
    public func problems() -> [FieldError] {
        var found: [FieldError] = []
        if AssetOrder.date(effectiveFrom) == nil {
            found.append(FieldError("effectiveFrom", "must be a date as yyyy-mm-dd"))
        }
        if Set(shares.keys) != Set(Self.parts) {
            found.append(FieldError("shares", "must give exactly " + Self.parts.joined(separator: ", ")))
        }
        if shares.values.contains(where: { $0 < 0 || !$0.isFinite }) {
            found.append(FieldError("shares", "must not be negative"))
        }
        if abs(shares.values.reduce(0, +) - 100) > 0.001 { found.append(FieldError("shares", "must add up to 100")) }
        return found
    }

    /// The scheme in force on a day: the latest version effective by then.
    public static func inForce(_ schemes: [IncentiveScheme], on day: String) -> IncentiveScheme {
        (schemes + [standard]).filter { $0.effectiveFrom <= day }.max {
            ($0.effectiveFrom, $0.version) < ($1.effectiveFrom, $1.version)
        } ?? standard
    }

    /// How one receipt on an order is shared: compensation owed to victims first, then each part's percentage to
    /// the agency holding that part (the Home Office keeps a part nobody holds). Pennies are rounded, and any
    /// rounding remainder stays with the Home Office so the split adds up to the receipt exactly.
    public func split(_ amount: Double, compensationDue: Double, parts: [AgencyPart]) -> [ReceiptShare] {
        let pence = (amount * 100).rounded()
        let victims = min(pence, max(0, (compensationDue * 100).rounded()))
        var result: [ReceiptShare] =
            victims > 0 ? [ReceiptShare(part: "victims", agency: nil, amount: victims / 100)] : []
        let shared = pence - victims
        var given = 0.0
        for part in AgencyPart.roles {
            let share = ((shared * (shares[part] ?? 0)) / 100).rounded(.down)
            guard share > 0 else { continue }
            if let holder = parts.first(where: { $0.role == part }) {
                result.append(ReceiptShare(part: part, agency: holder.agency, amount: share / 100))
                given += share
            }
        }
        if shared - given > 0 {
            result.insert(
                ReceiptShare(part: "home-office", agency: nil, amount: (shared - given) / 100), at: victims > 0 ? 1 : 0)
        }
        return result
    }
}

/// One part of a receipt.
public struct ReceiptShare: Codable, Sendable, Equatable {
    public var part: String
    public var agency: AgencyID?
    public var amount: Double

    public init(part: String, agency: AgencyID?, amount: Double) {
        self.part = part
        self.agency = agency
        self.amount = amount
    }
}

extension AssetOrder {
    /// The last instant of a yyyy-mm-dd day (UTC).
    public static func dateEnd(_ day: String) -> Date? { date(day).map { $0.addingTimeInterval(86_400 - 0.001) } }
}
