import LiaisonCore

/// A named schema change. Migrations are append-only: never edit one that has shipped, add a new one.
struct Migration: Sendable {
    let name: String
    let statements: @Sendable (SQLDialect) -> [String]
    /// Work SQL alone cannot do (keys computed by the engine), run in the same transaction after the statements.
    let backfill: (@Sendable (any SQLTransaction, SQLDialect) async throws -> Void)?

    init(name: String, statements: @escaping @Sendable (SQLDialect) -> [String],
         backfill: (@Sendable (any SQLTransaction, SQLDialect) async throws -> Void)? = nil) {
        self.name = name
        self.statements = statements
        self.backfill = backfill
    }
}

enum Migrations {
    /// Inserts the default entries of reference lists added after the first release into existing stores.
    static func referenceInserts(_ lists: [String]) -> [String] {
        ReferenceDefaults.entries.filter { lists.contains($0.list) }.map { entry in
            let label = entry.label.replacingOccurrences(of: "'", with: "''")
            return "INSERT INTO reference_entries (list, code, label, sort_order, active) VALUES ('\(entry.list)', '\(entry.code)', '\(label)', \(entry.sortOrder), 1) ON CONFLICT DO NOTHING"
        }
    }

    /// Every migration, in the order it is applied.
    static let all: [Migration] = [
        Migration(name: "001_directory") { _ in
            [
                """
                CREATE TABLE agencies (
                    id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
                    type TEXT NOT NULL, jurisdiction TEXT NOT NULL)
                """,
                """
                CREATE TABLE users (
                    id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL,
                    email TEXT NOT NULL, agency_id TEXT NOT NULL REFERENCES agencies(id),
                    roles TEXT NOT NULL, vetting TEXT NOT NULL, password_hash TEXT NOT NULL,
                    active BIGINT NOT NULL, version BIGINT NOT NULL CHECK (version >= 1))
                """,
                "CREATE INDEX users_by_agency ON users (agency_id)",
                """
                CREATE TABLE sessions (
                    token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                    csrf_token TEXT NOT NULL, created_at BIGINT NOT NULL, last_seen_at BIGINT NOT NULL,
                    expires_at BIGINT NOT NULL)
                """,
                """
                CREATE TABLE api_tokens (
                    id TEXT PRIMARY KEY, name TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE,
                    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                    created_at BIGINT NOT NULL, revoked_at BIGINT)
                """,
                """
                CREATE TABLE reference_entries (
                    list TEXT NOT NULL, code TEXT NOT NULL, label TEXT NOT NULL,
                    sort_order BIGINT NOT NULL, active BIGINT NOT NULL, PRIMARY KEY (list, code))
                """,
            ]
        },
        Migration(name: "002_subjects_and_groups") { dialect in
            let token = dialect == .postgres ? "TEXT COLLATE \"C\"" : "TEXT"
            let record = """
                owner_agency_id TEXT NOT NULL REFERENCES agencies(id), classification BIGINT NOT NULL,
                marking TEXT NOT NULL, sort_name \(token) NOT NULL, details TEXT NOT NULL,
                created_at BIGINT NOT NULL, created_by TEXT NOT NULL, updated_at BIGINT NOT NULL,
                updated_by TEXT NOT NULL, version BIGINT NOT NULL CHECK (version >= 1)
                """
            return [
                "CREATE TABLE subjects (id TEXT PRIMARY KEY, \(record))",
                "CREATE INDEX subjects_by_name ON subjects (sort_name, id)",
                """
                CREATE TABLE subject_keys (
                    token \(token) NOT NULL, subject_id TEXT NOT NULL REFERENCES subjects(id) ON DELETE CASCADE,
                    PRIMARY KEY (token, subject_id))
                """,
                "CREATE INDEX subject_keys_by_subject ON subject_keys (subject_id)",
                "CREATE TABLE ocgs (id TEXT PRIMARY KEY, status TEXT NOT NULL, band TEXT, \(record))",
                "CREATE INDEX ocgs_by_name ON ocgs (sort_name, id)",
                """
                CREATE TABLE ocg_keys (
                    token \(token) NOT NULL, ocg_id TEXT NOT NULL REFERENCES ocgs(id) ON DELETE CASCADE,
                    PRIMARY KEY (token, ocg_id))
                """,
                "CREATE INDEX ocg_keys_by_ocg ON ocg_keys (ocg_id)",
                """
                CREATE TABLE ocg_tags (
                    ocg_id TEXT NOT NULL REFERENCES ocgs(id) ON DELETE CASCADE, kind TEXT NOT NULL,
                    code TEXT NOT NULL, PRIMARY KEY (kind, code, ocg_id))
                """,
                "CREATE INDEX ocg_tags_by_ocg ON ocg_tags (ocg_id)",
                """
                CREATE TABLE ocg_members (
                    ocg_id TEXT NOT NULL REFERENCES ocgs(id) ON DELETE CASCADE,
                    subject_id TEXT NOT NULL REFERENCES subjects(id), role TEXT NOT NULL,
                    from_date TEXT, to_date TEXT, position BIGINT NOT NULL, PRIMARY KEY (ocg_id, subject_id))
                """,
                "CREATE INDEX ocg_members_by_subject ON ocg_members (subject_id)",
            ]
        },
        Migration(name: "003_reference_defaults") { _ in
            ReferenceDefaults.entries.map { entry in
                let label = entry.label.replacingOccurrences(of: "'", with: "''")
                return "INSERT INTO reference_entries (list, code, label, sort_order, active) VALUES ('\(entry.list)', '\(entry.code)', '\(label)', \(entry.sortOrder), 1)"
            }
        },
        Migration(name: "004_audit_chain") { dialect in
            // In SQLite an INTEGER PRIMARY KEY is the row's own key and the objects table needs no second
            // b-tree: every append then touches as few pages as possible.
            let sequence = dialect == .sqlite ? "seq INTEGER PRIMARY KEY" : "seq BIGINT PRIMARY KEY"
            let withoutRowID = dialect == .sqlite ? " WITHOUT ROWID" : ""
            var statements = [
                """
                CREATE TABLE audit_events (
                    \(sequence), at BIGINT NOT NULL, actor_id TEXT, actor_name TEXT NOT NULL, agency_id TEXT,
                    action TEXT NOT NULL, object_kind TEXT, object_ids TEXT NOT NULL, purpose TEXT, detail TEXT,
                    request_id TEXT, outcome TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL)
                """,
                "CREATE INDEX audit_by_actor ON audit_events (actor_name, seq)",
                "CREATE INDEX audit_by_action ON audit_events (action, seq)",
                "CREATE TABLE audit_objects (object_id TEXT NOT NULL, seq BIGINT NOT NULL, PRIMARY KEY (object_id, seq))\(withoutRowID)",
            ]
            // The log refuses edits and deletions; the hash chain still catches anyone who bypasses this.
            switch dialect {
            case .sqlite:
                for table in ["audit_events", "audit_objects"] {
                    for verb in ["UPDATE", "DELETE"] {
                        statements.append("CREATE TRIGGER \(table)_no_\(verb.lowercased()) BEFORE \(verb) ON \(table) BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END")
                    }
                }
            case .postgres:
                statements.append("CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$")
                for table in ["audit_events", "audit_objects"] {
                    statements.append("CREATE TRIGGER \(table)_append_only BEFORE UPDATE OR DELETE ON \(table) FOR EACH ROW EXECUTE FUNCTION audit_append_only()")
                }
            }
            return statements
        },
        Migration(name: "005_login_attempts") { _ in
            ["CREATE TABLE login_attempts (username TEXT PRIMARY KEY, failures BIGINT NOT NULL, window_start BIGINT NOT NULL, locked_until BIGINT)",
             "CREATE INDEX api_tokens_by_user ON api_tokens (user_id)"]
        },
        Migration(name: "006_sharing_and_need_to_know") { _ in
            ["subjects", "ocgs"].flatMap { table in
                [
                    "ALTER TABLE \(table) ADD COLUMN shared_all BIGINT NOT NULL DEFAULT 1",
                    "ALTER TABLE \(table) ADD COLUMN shared_with TEXT NOT NULL DEFAULT ''",
                    "ALTER TABLE \(table) ADD COLUMN need_to_know TEXT",
                ]
            } + [
                """
                CREATE TABLE record_shares (
                    record_id TEXT NOT NULL, agency_id TEXT NOT NULL REFERENCES agencies(id), PRIMARY KEY (agency_id, record_id))
                """,
                "CREATE INDEX record_shares_by_record ON record_shares (record_id)",
                "ALTER TABLE users ADD COLUMN briefings TEXT NOT NULL DEFAULT ''",
            ]
        },
        // `audit_objects` becomes an index built in batches: how far it reaches is kept here.
        Migration(name: "007_audit_object_index_in_batches") { _ in
            ["CREATE TABLE audit_index_state (id BIGINT PRIMARY KEY, indexed_seq BIGINT NOT NULL)",
             "INSERT INTO audit_index_state (id, indexed_seq) SELECT 1, COALESCE(MAX(seq), 0) FROM audit_events"]
        },
        // The embedded store keeps the chain in a file of its own, attached as `audit` (see `SQLiteDatabase`): SQLite
        // drops a reader's page cache whenever its file changes, so appends to the chain would otherwise make every
        // read start cold. PostgreSQL has no such cost and keeps the tables where they are.
        Migration(name: "008_audit_chain_in_its_own_file") { dialect in
            guard dialect == .sqlite else { return [] }
            var statements = [
                """
                CREATE TABLE audit.audit_events (
                    seq INTEGER PRIMARY KEY, at BIGINT NOT NULL, actor_id TEXT, actor_name TEXT NOT NULL, agency_id TEXT,
                    action TEXT NOT NULL, object_kind TEXT, object_ids TEXT NOT NULL, purpose TEXT, detail TEXT,
                    request_id TEXT, outcome TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL)
                """,
                "CREATE TABLE audit.audit_objects (object_id TEXT NOT NULL, seq BIGINT NOT NULL, PRIMARY KEY (object_id, seq)) WITHOUT ROWID",
                "CREATE TABLE audit.audit_index_state (id BIGINT PRIMARY KEY, indexed_seq BIGINT NOT NULL)",
            ]
            for table in ["audit_events", "audit_objects", "audit_index_state"] {
                statements += ["INSERT INTO audit.\(table) SELECT * FROM main.\(table)", "DROP TABLE main.\(table)"]
            }
            statements += ["CREATE INDEX audit.audit_by_actor ON audit_events (actor_name, seq)",
                           "CREATE INDEX audit.audit_by_action ON audit_events (action, seq)"]
            for table in ["audit_events", "audit_objects"] {
                for verb in ["UPDATE", "DELETE"] {
                    statements.append("CREATE TRIGGER audit.\(table)_no_\(verb.lowercased()) BEFORE \(verb) ON \(table) BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END")
                }
            }
            return statements
        },
        // The record index is kept in runs (see `AuditIndexShape`), keyed by a hash of the record ID; opening the store
        // rebuilds it from the chain.
        Migration(name: "009_audit_record_index_in_runs") { dialect in
            let schema = dialect == .sqlite ? "audit." : ""
            let withoutRowID = dialect == .sqlite ? " WITHOUT ROWID" : ""
            return [
                "CREATE TABLE \(schema)audit_index_runs (run BIGINT PRIMARY KEY, level BIGINT NOT NULL, first_seq BIGINT NOT NULL, last_seq BIGINT NOT NULL)",
                "CREATE TABLE \(schema)audit_object_index (run BIGINT NOT NULL, object_key BIGINT NOT NULL, seq BIGINT NOT NULL, PRIMARY KEY (run, object_key, seq))\(withoutRowID)",
                "DROP TABLE audit_objects",
                "UPDATE audit_index_state SET indexed_seq = 0",
            ]
        },
        // Pairs of subjects likely to be one person, and reviewers' decisions about them.
        Migration(name: "010_match_reviews") { _ in
            [
                """
                CREATE TABLE match_reviews (
                    id TEXT PRIMARY KEY, left_id TEXT NOT NULL, right_id TEXT NOT NULL, status TEXT NOT NULL,
                    probability DOUBLE PRECISION NOT NULL, version BIGINT NOT NULL, details TEXT NOT NULL, UNIQUE (left_id, right_id))
                """,
                "CREATE INDEX match_reviews_by_status ON match_reviews (status, probability)",
                "CREATE INDEX match_reviews_by_right ON match_reviews (right_id)",
            ]
        },
        // Partner files: saved mappings per source, jobs with their progress, and the rows that did not load.
        Migration(name: "011_imports") { _ in
            [
                "CREATE TABLE import_sources (name TEXT PRIMARY KEY, details TEXT NOT NULL)",
                "CREATE TABLE import_jobs (id TEXT PRIMARY KEY, started_at BIGINT NOT NULL, rows_read BIGINT NOT NULL, details TEXT NOT NULL)",
                "CREATE INDEX import_jobs_by_start ON import_jobs (started_at)",
                """
                CREATE TABLE import_errors (
                    job_id TEXT NOT NULL REFERENCES import_jobs(id), row_number BIGINT NOT NULL, field TEXT NOT NULL, reason TEXT NOT NULL,
                    PRIMARY KEY (job_id, row_number, field))
                """,
            ]
        },
        // Deportation cases: the record columns every shared record has, and the case's own.
        Migration(name: "012_deportation_cases") { dialect in
            let token = dialect == .postgres ? "TEXT COLLATE \"C\"" : "TEXT"
            return [
                """
                CREATE TABLE deportation_cases (
                    id TEXT PRIMARY KEY, subject_id TEXT NOT NULL REFERENCES subjects(id), ho_reference TEXT NOT NULL UNIQUE, stage TEXT,
                    owner_agency_id TEXT NOT NULL REFERENCES agencies(id), classification BIGINT NOT NULL, marking TEXT NOT NULL,
                    shared_all BIGINT NOT NULL, shared_with TEXT NOT NULL, need_to_know TEXT, sort_name \(token) NOT NULL, details TEXT NOT NULL,
                    created_at BIGINT NOT NULL, created_by TEXT NOT NULL, updated_at BIGINT NOT NULL, updated_by TEXT NOT NULL,
                    version BIGINT NOT NULL CHECK (version >= 1))
                """,
                "CREATE INDEX deportation_cases_by_update ON deportation_cases (updated_at)",
                "CREATE INDEX deportation_cases_by_subject ON deportation_cases (subject_id)",
            ]
        },
        // Obligations to partners, the outbox carrying them, agencies' delivery channels, casework guidance, a case's
        // minute sheet state, and users' phone numbers.
        Migration(name: "013_obligations") { _ in
            [
                "ALTER TABLE users ADD COLUMN phone TEXT NOT NULL DEFAULT ''",
                "ALTER TABLE deportation_cases ADD COLUMN minute_sheet TEXT",
                "CREATE INDEX deportation_cases_by_minute_sheet ON deportation_cases (minute_sheet, updated_at)",
                """
                CREATE TABLE obligations (
                    id TEXT PRIMARY KEY, case_id TEXT NOT NULL REFERENCES deportation_cases(id), agency_id TEXT NOT NULL REFERENCES agencies(id),
                    agency_code TEXT NOT NULL, owner TEXT, status TEXT NOT NULL, due_by BIGINT NOT NULL, escalation BIGINT NOT NULL,
                    details TEXT NOT NULL)
                """,
                "CREATE INDEX obligations_open ON obligations (status, escalation, due_by)",
                "CREATE INDEX obligations_by_agency ON obligations (agency_id, status, due_by)",
                "CREATE INDEX obligations_by_case ON obligations (case_id, due_by)",
                """
                CREATE TABLE outbox (
                    id TEXT PRIMARY KEY, obligation_id TEXT NOT NULL REFERENCES obligations(id), status TEXT NOT NULL,
                    next_attempt_at BIGINT NOT NULL, details TEXT NOT NULL)
                """,
                "CREATE INDEX outbox_pending ON outbox (status, next_attempt_at)",
                "CREATE INDEX outbox_by_obligation ON outbox (obligation_id)",
                "CREATE TABLE delivery_channels (agency_id TEXT PRIMARY KEY REFERENCES agencies(id), version BIGINT NOT NULL, details TEXT NOT NULL)",
                "CREATE TABLE guidance (slug TEXT NOT NULL, version BIGINT NOT NULL, details TEXT NOT NULL, PRIMARY KEY (slug, version))",
            ]
        },
        // Agencies' interest in a person, applied to each of their cases.
        Migration(name: "014_subject_interests") { _ in
            [
                """
                CREATE TABLE subject_interests (
                    subject_id TEXT NOT NULL REFERENCES subjects(id), agency_id TEXT NOT NULL REFERENCES agencies(id), details TEXT NOT NULL,
                    PRIMARY KEY (subject_id, agency_id))
                """,
                "CREATE INDEX deportation_cases_by_subject_created ON deportation_cases (subject_id, created_at)",
            ]
        },
        // Persons of Interest, and assessments of groups and people kept for ever.
        Migration(name: "015_persons_of_interest") { dialect in
            let token = dialect == .postgres ? "TEXT COLLATE \"C\"" : "TEXT"
            return [
                """
                CREATE TABLE pois (
                    id TEXT PRIMARY KEY, subject_id TEXT NOT NULL REFERENCES subjects(id), status TEXT NOT NULL, review_due BIGINT NOT NULL,
                    owner_agency_id TEXT NOT NULL REFERENCES agencies(id), classification BIGINT NOT NULL, marking TEXT NOT NULL,
                    shared_all BIGINT NOT NULL, shared_with TEXT NOT NULL, need_to_know TEXT, sort_name \(token) NOT NULL, details TEXT NOT NULL,
                    created_at BIGINT NOT NULL, created_by TEXT NOT NULL, updated_at BIGINT NOT NULL, updated_by TEXT NOT NULL,
                    version BIGINT NOT NULL CHECK (version >= 1))
                """,
                "CREATE INDEX pois_by_review ON pois (status, review_due)",
                "CREATE INDEX pois_by_subject ON pois (subject_id)",
                "CREATE TABLE assessments (id TEXT PRIMARY KEY, record_id TEXT NOT NULL, kind TEXT NOT NULL, at BIGINT NOT NULL, details TEXT NOT NULL)",
                "CREATE INDEX assessments_by_record ON assessments (record_id, at)",
            ]
        },
        // Interventions under the 4P framework with their outcomes, and the reference lists they use (already there in a
        // store created since they were added to the defaults).
        Migration(name: "016_interventions") { dialect in
            let token = dialect == .postgres ? "TEXT COLLATE \"C\"" : "TEXT"
            return [
                """
                CREATE TABLE interventions (
                    id TEXT PRIMARY KEY, target_id TEXT NOT NULL, status TEXT NOT NULL, due_date TEXT NOT NULL, operation TEXT,
                    owner_agency_id TEXT NOT NULL REFERENCES agencies(id), classification BIGINT NOT NULL, marking TEXT NOT NULL,
                    shared_all BIGINT NOT NULL, shared_with TEXT NOT NULL, need_to_know TEXT, sort_name \(token) NOT NULL, details TEXT NOT NULL,
                    created_at BIGINT NOT NULL, created_by TEXT NOT NULL, updated_at BIGINT NOT NULL, updated_by TEXT NOT NULL,
                    version BIGINT NOT NULL CHECK (version >= 1))
                """,
                "CREATE INDEX interventions_by_target ON interventions (target_id, due_date)",
                "CREATE INDEX interventions_by_operation ON interventions (operation)",
            ] + Self.referenceInserts(["intervention-tactic", "outcome-kind", "impact-level"])
        },
        // Groups are filtered by their Lead Responsible Officer through a tag, like markets and areas.
        Migration(name: "017_ocg_lead_tags") { dialect in
            let lead = dialect == .postgres ? "(details::json->>'leadOfficer')" : "json_extract(details, '$.leadOfficer')"
            return ["INSERT INTO ocg_tags (ocg_id, kind, code) SELECT id, 'lead', \(lead) FROM ocgs WHERE \(lead) IS NOT NULL ON CONFLICT DO NOTHING"]
        },
        // When each assessment's record is next due for review, as a column the due list can search.
        Migration(name: "018_assessment_review_dates") { dialect in
            let due = dialect == .postgres ? "(((details::json->>'nextReviewDue')::double precision + 978307200) * 1000)::bigint"
                : "CAST((json_extract(details, '$.nextReviewDue') + 978307200) * 1000 AS INTEGER)"
            return [
                "ALTER TABLE assessments ADD COLUMN next_review BIGINT",
                "UPDATE assessments SET next_review = \(due)",
                "CREATE INDEX assessments_due ON assessments (kind, next_review)",
            ]
        },
        // Scoring matrices published after the built-in ones, every version kept.
        Migration(name: "019_scoring_matrices") { _ in
            ["CREATE TABLE scoring_matrices (kind TEXT NOT NULL, version BIGINT NOT NULL, details TEXT NOT NULL, PRIMARY KEY (kind, version))"]
        },
        // Multi-agency operations as records of their own.
        Migration(name: "020_operations") { _ in
            ["CREATE TABLE operations (name TEXT PRIMARY KEY, lead_agency_id TEXT NOT NULL REFERENCES agencies(id), starts_on TEXT NOT NULL, details TEXT NOT NULL)"]
        },
        // Asset recovery records and their events; interventions' outcomes as rows the reports add up. Each fact
        // row carries its record's id and access columns, so the access policy filters it without a join.
        Migration(name: "021_asset_recovery_and_report_facts") { dialect in
            let real = dialect == .postgres ? "DOUBLE PRECISION" : "REAL"
            let access = "owner_agency_id TEXT NOT NULL, classification BIGINT NOT NULL, shared_all BIGINT NOT NULL, need_to_know TEXT"
            let json = { (path: String) in dialect == .postgres ? "(i.details::json->>'\(path)')" : "json_extract(i.details, '$.\(path)')" }
            let element = { (field: String, type: String) -> String in
                dialect == .postgres ? (type == "text" ? "(o.value->>'\(field)')" : "(o.value->>'\(field)')::\(type)") : "json_extract(o.value, '$.\(field)')"
            }
            let outcomes = dialect == .postgres ? "json_array_elements(i.details::json->'outcomes') AS o(value)" : "json_each(i.details, '$.outcomes') AS o"
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
        },
        // Intelligence reports, and where each has been sent (for the recipients' lists).
        Migration(name: "022_intelligence_reports") { _ in
            [
                """
                CREATE TABLE intel_reports (
                    id TEXT PRIMARY KEY, status TEXT NOT NULL, info_date TEXT NOT NULL,
                    owner_agency_id TEXT NOT NULL REFERENCES agencies(id), classification BIGINT NOT NULL, marking TEXT NOT NULL,
                    shared_all BIGINT NOT NULL, shared_with TEXT NOT NULL, need_to_know TEXT, sort_name TEXT NOT NULL, details TEXT NOT NULL,
                    created_at BIGINT NOT NULL, created_by TEXT NOT NULL, updated_at BIGINT NOT NULL, updated_by TEXT NOT NULL,
                    version BIGINT NOT NULL CHECK (version >= 1))
                """,
                "CREATE INDEX intel_reports_by_update ON intel_reports (updated_at)",
                "CREATE TABLE intel_disseminations (report_id TEXT NOT NULL, agency_id TEXT NOT NULL, PRIMARY KEY (agency_id, report_id))",
            ]
        },
        // Full-text search over reports: FTS5 in SQLite, a tsvector with a GIN index in PostgreSQL; with the grade
        // and the linked records as columns the filters use.
        Migration(name: "023_intelligence_search") { dialect in
            [
                dialect == .postgres
                    ? "CREATE TABLE intel_search (report_id TEXT PRIMARY KEY, body TEXT NOT NULL, tsv tsvector NOT NULL)"
                    : "CREATE VIRTUAL TABLE intel_search USING fts5(body, report_id UNINDEXED, tokenize = 'unicode61 remove_diacritics 2')",
                "ALTER TABLE intel_reports ADD COLUMN grade TEXT NOT NULL DEFAULT ''",
                "CREATE INDEX intel_reports_by_date ON intel_reports (info_date)",
                // What a match needs from its report (access and the columns shown), without reading the report itself.
                "CREATE INDEX intel_reports_search ON intel_reports (id, classification, need_to_know, owner_agency_id, shared_all, info_date, grade, status)",
                "CREATE TABLE intel_links (report_id TEXT NOT NULL, kind TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (kind, value, report_id))",
            ] + (dialect == .postgres ? ["CREATE INDEX intel_search_tsv ON intel_search USING GIN (tsv)"] : [])
        },
        // GAIN hit/no-hit requests, and the agencies each one hit.
        Migration(name: "024_gain_requests") { _ in
            [
                "CREATE TABLE gain_requests (id TEXT PRIMARY KEY, requester_agency_id TEXT NOT NULL, asked_at BIGINT NOT NULL, details TEXT NOT NULL)",
                "CREATE INDEX gain_requests_by_requester ON gain_requests (requester_agency_id, asked_at)",
                "CREATE TABLE gain_hits (agency_id TEXT NOT NULL, request_id TEXT NOT NULL, PRIMARY KEY (agency_id, request_id))",
            ]
        },
        // Industry alerts for private-sector partners, kept whole as JSON; the sectors each organisation belongs to;
        // and the reference lists they use (already there in a store created since they were added to the defaults).
        Migration(name: "025_industry_alerts") { _ in
            [
                """
                CREATE TABLE industry_alerts (id TEXT PRIMARY KEY, issuer_agency_id TEXT NOT NULL REFERENCES agencies(id), status TEXT NOT NULL,
                    expires_on TEXT NOT NULL, created_at BIGINT NOT NULL, version BIGINT NOT NULL CHECK (version >= 1), details TEXT NOT NULL)
                """,
                "CREATE INDEX industry_alerts_live ON industry_alerts (status, expires_on, created_at)",
                "CREATE INDEX industry_alerts_by_time ON industry_alerts (created_at)",
                "CREATE TABLE alert_audiences (agency_id TEXT PRIMARY KEY REFERENCES agencies(id), sectors TEXT NOT NULL)",
            ] + Self.referenceInserts(["industry-sector", "alert-category"])
        },
        // Subjects gain blocking keys (a family name's sound with a date of birth or a given name's sound), which
        // the matching searches use; the subjects already held get theirs here.
        Migration(name: "026_subject_blocking_keys", statements: { _ in [] }, backfill: { tx, _ in
            var after = ""
            while true {
                let rows = try await tx.query("SELECT id, details FROM subjects WHERE id > ? ORDER BY id LIMIT 2000", [.text(after)])
                guard let last = rows.last else { break }
                var keys: [[SQLValue]] = []
                for row in rows {
                    let id = try row.string("id")
                    keys += SearchKeys.blocking(try row.json("details", as: SubjectDetails.self)).map { [.text($0), .text(id)] }
                }
                try await SQLStore.insertRows(tx, table: "subject_keys", columns: ["token", "subject_id"], rows: keys, conflict: " ON CONFLICT DO NOTHING")
                after = try last.string("id")
            }
        }),
        // Reports' index is rebuilt: vehicles, companies, phones and accounts are kept by key too, for GAIN requests
        // about them, and the search text holds linked records' names but no longer their IDs.
        Migration(name: "027_intel_index_rebuilt", statements: { _ in [] }, backfill: rebuildIntelIndex),
        // Linked records' names leave the search text: a reader of a report may not be allowed to know them.
        Migration(name: "028_intel_index_without_linked_names", statements: { _ in [] }, backfill: rebuildIntelIndex),
        // Nationalities and countries are checked against a reference list of ISO 3166 codes.
        Migration(name: "029_country_list") { _ in Self.referenceInserts(["country"]) },
        // API tokens expire: those issued before live 90 days from their issue.
        Migration(name: "030_api_token_expiry") { _ in
            ["ALTER TABLE api_tokens ADD COLUMN expires_at BIGINT",
             "UPDATE api_tokens SET expires_at = created_at + \(Int64(APITokenRecord.lifetime * 1000))"]
        },
        // Where a Home Office file is held is one of the casework teams, chosen from a list.
        Migration(name: "031_casework_teams") { _ in Self.referenceInserts(["casework-team"]) },
    ]

    /// Rebuilds the reports' search text and link keys from the reports themselves.
    @Sendable static func rebuildIntelIndex(_ tx: any SQLTransaction, _ dialect: SQLDialect) async throws {
        try await tx.execute("DELETE FROM intel_links", [])
        try await tx.execute("DELETE FROM intel_search", [])
        var after = ""
        while true {
            let rows = try await tx.query("SELECT * FROM intel_reports WHERE id > ? ORDER BY id LIMIT 2000", [.text(after)])
            guard let last = rows.last else { break }
            try await SQLStore.index(tx, try rows.map(SQLStore.intelReport), replacing: false, dialect: dialect)
            after = try last.string("id")
        }
    }
}
