import LiaisonCore

extension Migration {
    /// Asset recovery records and their events; interventions' outcomes as rows the reports add up. Each fact
    /// row carries its record's id and access columns, so the access policy filters it without a join.
    static let m021AssetRecoveryAndReportFacts = Migration(name: "021_asset_recovery_and_report_facts") { dialect in
        let real = dialect == .postgres ? "DOUBLE PRECISION" : "REAL"
        let access =
            "owner_agency_id TEXT NOT NULL, classification BIGINT NOT NULL, shared_all BIGINT NOT NULL, need_to_know TEXT"
        let json = { (path: String) in
            dialect == .postgres ? "(i.details::json->>'\(path)')" : "json_extract(i.details, '$.\(path)')"
        }
        let element = { (field: String, type: String) -> String in
            dialect == .postgres
                ? (type == "text" ? "(o.value->>'\(field)')" : "(o.value->>'\(field)')::\(type)")
                : "json_extract(o.value, '$.\(field)')"
        }
        let outcomes =
            dialect == .postgres
            ? "json_array_elements(i.details::json->'outcomes') AS o(value)" : "json_each(i.details, '$.outcomes') AS o"
        return [
            """
            CREATE TABLE asset_orders (
                id TEXT PRIMARY KEY, power TEXT NOT NULL, status TEXT NOT NULL, target_id TEXT NOT NULL, subject_id TEXT, made_on TEXT NOT NULL,
                amount \(real) NOT NULL, owner_agency_id TEXT NOT NULL REFERENCES agencies(id), classification BIGINT NOT NULL, marking TEXT NOT NULL,
                shared_all BIGINT NOT NULL, shared_with TEXT NOT NULL, need_to_know TEXT, sort_name TEXT NOT NULL, details TEXT NOT NULL,
                created_at BIGINT NOT NULL, created_by TEXT NOT NULL, updated_at BIGINT NOT NULL, updated_by TEXT NOT NULL,
                version BIGINT NOT NULL CHECK (version >= 1))
            """,
            "CREATE INDEX asset_orders_by_target ON asset_orders (target_id, made_on)",
            "CREATE INDEX asset_orders_by_subject ON asset_orders (subject_id)",
            "CREATE INDEX asset_orders_by_made ON asset_orders (made_on)",
            """
            CREATE TABLE asset_events (
                id TEXT NOT NULL, event_id BIGINT NOT NULL, target_id TEXT NOT NULL, subject_id TEXT, kind TEXT NOT NULL, date TEXT NOT NULL,
                amount \(real), \(access), PRIMARY KEY (id, event_id))
            """,
            "CREATE INDEX asset_events_by_date ON asset_events (date, kind, amount, classification, need_to_know, owner_agency_id, shared_all, id, target_id, subject_id)",
            "CREATE TABLE incentive_schemes (version BIGINT PRIMARY KEY, details TEXT NOT NULL)",
            "ALTER TABLE interventions ADD COLUMN completed_on TEXT",
            "ALTER TABLE interventions ADD COLUMN category TEXT",
            "UPDATE interventions SET completed_on = \(json("completedOn").replacingOccurrences(of: "i.details", with: "details")), category = \(json("category").replacingOccurrences(of: "i.details", with: "details"))",
            "CREATE INDEX interventions_completed ON interventions (status, completed_on, classification, need_to_know, owner_agency_id, shared_all, id, target_id)",
            """
            CREATE TABLE intervention_outcomes (
                id TEXT NOT NULL, outcome_id BIGINT NOT NULL, target_id TEXT NOT NULL, kind TEXT NOT NULL, date TEXT NOT NULL, quantity \(real) NOT NULL,
                unit TEXT, commodity TEXT, purity \(real), place TEXT, route TEXT, impact TEXT, status TEXT NOT NULL, category TEXT NOT NULL,
                \(access), PRIMARY KEY (id, outcome_id))
            """,
            // The report's sums read this index alone, in its order, so they need no sort; and whether a group
            // or person had an outcome in a period is one probe of the second.
            """
            CREATE INDEX intervention_outcomes_by_kind ON intervention_outcomes (kind, impact, commodity, unit, date, quantity, purity,
                classification, need_to_know, owner_agency_id, shared_all, id, target_id, route)
            """,
            """
            CREATE INDEX intervention_outcomes_by_target ON intervention_outcomes (target_id, date, status, category,
                classification, need_to_know, owner_agency_id, shared_all, id)
            """,
            """
            CREATE INDEX interventions_by_target_done ON interventions (target_id, status, completed_on, category,
                classification, need_to_know, owner_agency_id, shared_all, id)
            """,
            "CREATE INDEX ocgs_visibility ON ocgs (classification, need_to_know, owner_agency_id, shared_all, id)",
            "CREATE INDEX pois_active ON pois (status, created_at, classification, need_to_know, owner_agency_id, shared_all, id, subject_id)",
            """
            INSERT INTO intervention_outcomes (id, outcome_id, target_id, kind, date, quantity, unit, commodity, purity, place, route, impact,
                                               status, category, owner_agency_id, classification, shared_all, need_to_know)
            SELECT i.id, \(element("id", "bigint")), i.target_id, \(element("kind", "text")), \(element("date", "text")), \(element("quantity", "double precision")),
                   \(element("unit", "text")), \(element("commodity", "text")), \(element("purity", "double precision")), \(element("place", "text")), \(element("route", "text")),
                   \(element("impact", "text")), i.status, i.category, i.owner_agency_id, i.classification, i.shared_all, i.need_to_know
            FROM interventions i, \(outcomes)
            """,
        ]
    }
}
