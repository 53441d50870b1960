import LiaisonCore

extension Migration {
    /// Groups are filtered by their Lead Responsible Officer through a tag, like markets and areas.
    static let m017OcgLeadTags = Migration(name: "017_ocg_lead_tags") { dialect in
        let lead = dialect == .postgres ? "(details::json->>'leadOfficer')" : "json_extract(details, '$.leadOfficer')"
        return [
            "INSERT INTO ocg_tags (ocg_id, kind, code) SELECT id, 'lead', \(lead) FROM ocgs WHERE \(lead) IS NOT NULL ON CONFLICT DO NOTHING"
        ]
    }
}
