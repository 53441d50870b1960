import LiaisonCore

extension Migration {
    /// When each assessment's record is next due for review, as a column the due list can search.
    static let m018AssessmentReviewDates = Migration(name: "018_assessment_review_dates") { dialect in
        let due =
            dialect == .postgres
            ? "(((details::json->>'nextReviewDue')::double precision + 978307200) * 1000)::bigint"
            : "CAST((json_extract(details, '$.nextReviewDue') + 978307200) * 1000 AS INTEGER)"
        return [
            "ALTER TABLE assessments ADD COLUMN next_review BIGINT",
            "UPDATE assessments SET next_review = \(due)",
            "CREATE INDEX assessments_due ON assessments (kind, next_review)",
        ]
    }
}
