import Foundation
import LiaisonCore

/// Deportation cases: the shared record columns (marking, sharing, version) and the case kept whole as JSON.
extension SQLStore {
    public func insertCase(_ c: DeportationCase) async throws {
        try await db.transaction { tx in
            if try await !tx.query(
                "SELECT id FROM deportation_cases WHERE ho_reference = ?", [.text(c.homeOfficeReference)]
            ).isEmpty {
                throw LiaisonError.conflict(
                    field: "homeOfficeReference",
                    reason: "another case already has Home Office reference \(c.homeOfficeReference)")
            }
            try await Self.insertRows(
                tx, table: "deportation_cases",
                columns: ["id", "subject_id", "ho_reference", "stage"]
                    + Self.recordColumns.components(separatedBy: ", "),
                rows: [
                    [
                        .text(c.id.rawValue), .text(c.subjectID.rawValue), .text(c.homeOfficeReference),
                        SQLValue(c.progress.stage?.rawValue),
                    ]
                        + (try Self.recordValues(c.meta, sortName: c.homeOfficeReference, details: c))
                ])
            try await Self.saveShares(tx, [(c.id.rawValue, c.meta)], replacing: false)
        }
    }

    public func insertCases(_ cases: [DeportationCase], obligations: [Obligation]) async throws {
        try await db.transaction { tx in
            try await Self.insertRows(
                tx, table: "deportation_cases",
                columns: ["id", "subject_id", "ho_reference", "stage", "minute_sheet"]
                    + Self.recordColumns.components(separatedBy: ", "),
                rows: try cases.map { c in
                    [
                        .text(c.id.rawValue), .text(c.subjectID.rawValue), .text(c.homeOfficeReference),
                        SQLValue(c.progress.stage?.rawValue),
                        SQLValue(c.minuteSheet?.state.rawValue),
                    ] + (try Self.recordValues(c.meta, sortName: c.homeOfficeReference, details: c))
                })
            try await Self.saveShares(tx, cases.map { ($0.id.rawValue, $0.meta) }, replacing: false)
            try await Self.insertObligations(tx, obligations)
        }
    }

    public func deportationCase(_ id: CaseID) async throws -> DeportationCase? {
        try await db.query("SELECT * FROM deportation_cases WHERE id = ?", [.text(id.rawValue)]).first.map(
            Self.deportationCase)
    }

    public func deportationCase(reference: String) async throws -> DeportationCase? {
        try await db.query("SELECT * FROM deportation_cases WHERE ho_reference = ?", [.text(reference)]).first.map(
            Self.deportationCase)
    }

    public func deportationCases(limit: Int) async throws -> [DeportationCase] {
        try await db.query("SELECT * FROM deportation_cases ORDER BY updated_at DESC, id LIMIT ?", [SQLValue(limit)])
            .map(Self.deportationCase)
    }

    public func commitCaseWork(_ work: CaseWork) async throws {
        try await db.transaction { tx in
            if let c = work.updatedCase {
                try await Self.updateRecord(
                    tx, table: "deportation_cases", kind: "case", id: c.id.rawValue, meta: c.meta,
                    sortName: c.homeOfficeReference, details: c,
                    extra: [
                        ("stage", SQLValue(c.progress.stage?.rawValue)),
                        ("minute_sheet", SQLValue(c.minuteSheet?.state.rawValue)),
                    ],
                    expectedVersion: work.expectedVersion)
                try await Self.saveShares(tx, [(c.id.rawValue, c.meta)], replacing: true)
                // Open obligations belong to whoever owns the case now.
                try await tx.execute(
                    "UPDATE obligations SET owner = ? WHERE case_id = ? AND status = 'open'",
                    [SQLValue(c.owner), .text(c.id.rawValue)])
            }
            try await Self.insertObligations(tx, work.newObligations)
            for o in work.changedObligations {
                let changed = try await tx.query(
                    "UPDATE obligations SET status = ?, escalation = ?, details = ? WHERE id = ? AND status = 'open' RETURNING id",
                    [.text(o.status.rawValue), SQLValue(o.escalation), .text(try Self.json(o)), .text(o.id)])
                if changed.isEmpty {
                    throw LiaisonError.conflict(field: "obligation", reason: "obligation \(o.id) is no longer open")
                }
            }
            try await Self.insertRows(
                tx, table: "outbox", columns: ["id", "obligation_id", "status", "next_attempt_at", "details"],
                rows: try work.messages.map { m in
                    [
                        .text(m.id), .text(m.obligationID), .text(m.status.rawValue), SQLValue(m.nextAttemptAt),
                        .text(try Self.json(m)),
                    ]
                })
        }
    }

    static func insertObligations(_ tx: any SQLTransaction, _ obligations: [Obligation]) async throws {
        try await insertRows(
            tx, table: "obligations",
            columns: [
                "id", "case_id", "agency_id", "agency_code", "owner", "status", "due_by", "escalation", "details",
            ],
            rows: try obligations.map { o in
                [
                    .text(o.id), .text(o.caseID.rawValue), .text(o.agencyID.rawValue), .text(o.agencyCode),
                    SQLValue(o.owner),
                    .text(o.status.rawValue), SQLValue(o.dueBy), SQLValue(o.escalation), .text(try Self.json(o)),
                ]
            })
    }

    public func deportationCases(subject: SubjectID) async throws -> [DeportationCase] {
        try await db.query(
            "SELECT * FROM deportation_cases WHERE subject_id = ? ORDER BY created_at, id", [.text(subject.rawValue)]
        ).map(Self.deportationCase)
    }

    public func insertSubjectInterest(_ interest: SubjectInterest) async throws {
        try await db.transaction { tx in
            if try await !tx.query(
                "SELECT agency_id FROM subject_interests WHERE subject_id = ? AND agency_id = ?",
                [.text(interest.subjectID.rawValue), .text(interest.agencyID.rawValue)]
            ).isEmpty {
                throw LiaisonError.conflict(
                    field: "agencyCode", reason: "\(interest.agencyCode) has already registered interest in this person"
                )
            }
            try await tx.execute(
                "INSERT INTO subject_interests (subject_id, agency_id, details) VALUES (?, ?, ?)",
                [.text(interest.subjectID.rawValue), .text(interest.agencyID.rawValue), .text(try Self.json(interest))])
        }
    }

    public func subjectInterests(subject: SubjectID) async throws -> [SubjectInterest] {
        try await db.query(
            "SELECT details FROM subject_interests WHERE subject_id = ? ORDER BY agency_id", [.text(subject.rawValue)]
        )
        .map { try $0.json("details", as: SubjectInterest.self) }
    }

    public func casesAwaitingMinuteSheet(limit: Int) async throws -> [DeportationCase] {
        try await db.query(
            "SELECT * FROM deportation_cases WHERE minute_sheet = 'requested' ORDER BY updated_at, id LIMIT ?",
            [SQLValue(limit)]
        )
        .map(Self.deportationCase)
    }

    static func deportationCase(_ row: SQLRow) throws -> DeportationCase {
        var c = try row.json("details", as: DeportationCase.self)
        c.meta = try meta(row)
        return c
    }
}
