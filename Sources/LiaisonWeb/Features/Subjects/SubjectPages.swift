import Foundation
import Hummingbird
import LiaisonCore

/// Subject pages: list and search, view, create and edit.
struct SubjectPages {
    let pages: PageRenderer
    let subjects: SubjectService
    let matching: SubjectMatching
    let groups: OCGService
    let reviews: MatchReviewService
    let cases: CaseService
    let pois: POIService
    let assets: AssetPages
    let directory: DirectoryService

    func register(_ routes: inout RouteTable) {
        let this = self
        routes.page(.get, "/subjects", access: .signedIn) { request, context in try await this.list(request, context) }
        routes.page(.get, "/subjects/new", access: .createRecord("subject")) { _, context in
            try AccessPolicy.enforceCreate(try context.user())
            let reference = try await this.directory.reference()
            return this.form(
                SubjectFormValues(), reference: reference, errors: FormErrors(), identity: try context.signedIn(),
                id: nil)
        }
        routes.page(.post, "/subjects/new", access: .createRecord("subject")) { request, context in
            try await this.save(request, context, id: nil)
        }
        routes.page(.get, "/subjects/{id}", access: .readRecord("subject")) { request, context in
            try await this.show(request, context)
        }
        routes.page(.post, "/subjects/{id}/interests", access: .subjectInterest) { request, context in
            let form = try await FormData.read(request)
            let user = try context.user()
            let id: SubjectID = try RequestReading.id(context)
            try await this.cases.checkSubjectInterest(id, by: user)
            let input = InterestInput(
                version: nil, agencyCode: form["agencyCode"].isEmpty ? nil : form["agencyCode"], reason: form["reason"],
                confiscation: form["confiscation"], contact: form["contact"])
            do {
                _ = try await this.cases.registerSubjectInterest(id, input, by: user, request: context.request)
            } catch let error as LiaisonError {
                guard let problem = FormProblem(error, anchors: ["reason": "interestReason"]) else { throw error }
                return try await this.show(request, context, problem: problem, status: .unprocessableContent)
            }
            return Response.redirect(to: "/subjects/\(id)?saved=1")
        }
        // Adding the person to a group, from their page: the groups the user may change, and a role.
        routes.page(.get, "/subjects/{id}/groups/new", access: .readRecord("subject")) { _, context in
            try await this.addToGroup(context, form: FormData(""))
        }
        routes.page(.post, "/subjects/{id}/groups/new", access: .readRecord("subject")) { request, context in
            let form = try await FormData.read(request)
            let user = try context.user()
            let id: SubjectID = try RequestReading.id(context)
            guard let group = OCGID(validating: form["group"]) else {
                var errors = FormErrors()
                errors.add("group", "Choose a group")
                return try await this.addToGroup(context, form: form, errors: errors)
            }
            do {
                _ = try await this.groups.addMember(
                    group, subject: id, role: form["role"], by: user, request: context.request)
            } catch let error as LiaisonError {
                guard case .invalid(let fields) = error else { throw error }
                var errors = FormErrors()
                errors.add(fields) { path in path.hasPrefix("members") ? ("role", "Role") : ("group", "Group") }
                return try await this.addToGroup(context, form: form, errors: errors)
            }
            return Response.redirect(to: "/ocgs/\(group)?saved=1")
        }
        routes.page(.get, "/subjects/{id}/edit", access: .updateRecord("subject")) { _, context in
            let user = try context.user()
            let subject = try await this.subjects.get(
                try RequestReading.id(context), by: user, request: context.request)
            try AccessPolicy.enforce(user, .update, subject.meta, kind: SubjectService.kind, id: subject.id.rawValue)
            let reference = try await this.directory.reference()
            return this.form(
                SubjectFormValues(subject, reference: reference), reference: reference, errors: FormErrors(),
                identity: try context.signedIn(), id: subject.id)
        }
        routes.page(.post, "/subjects/{id}/edit", access: .updateRecord("subject")) { request, context in
            try await this.save(request, context, id: try RequestReading.id(context))
        }
    }

    func list(_ request: Request, _ context: LiaisonRequestContext) async throws -> Response {
        let user = try context.user()
        let query = try RequestReading.text("q", request)
        let page = try await subjects.search(
            query, page: try RequestReading.page(request), by: user, request: context.request)
        let reference = try await directory.reference()
        let base = "/subjects?" + (query.map { "q=\(urlEncode($0))&" } ?? "")
        let items = page.items.map { subject in
            SubjectListPage.Item(
                id: subject.id.rawValue, name: subject.displayName,
                aliases: subject.details.aliases.map(\.full).joined(separator: "; "),
                dob: subject.details.datesOfBirth.first.map(displayBirth) ?? "",
                nationalities: countries(subject.details.nationalities, reference),
                identifiers: subject.details.identifiers.prefix(3).map {
                    "\(reference.label($0.kind, in: "identifier-kind")) \($0.value)"
                }.joined(separator: "; "), marking: MarkingTag(subject.meta.marking))
        }
        let model = SubjectListPage(
            query: query, items: items,
            caption: query.map { "Subjects matching “\($0)”" } ?? "All subjects you can see, by name",
            canCreate: AccessPolicy.decideCreate(user, marking: .official).allowed,
            nextLink: page.nextCursor.map { base + "cursor=\(urlEncode($0))" },
            firstLink: request.uri.queryParameters["cursor"] != nil ? String(base.dropLast()) : nil)
        return pages.page(
            model, title: query.map { "Subjects matching \($0)" } ?? "Subjects", identity: context.identity,
            section: "/subjects")
    }

    /// The subject named in the path, or `id` (when a form posted elsewhere comes back to it).
    func show(
        _ request: Request, _ context: LiaisonRequestContext, id: SubjectID? = nil, problem: FormProblem? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let people = try await directory.people()
        let user = try context.user()
        let subject = try await subjects.get(try id ?? RequestReading.id(context), by: user, request: context.request)
        let reference = try await directory.reference()
        let memberships = try await groups.groups(of: subject.id, by: user, request: context.request)
        let agency = try await directory.agency(subject.meta.owningAgencyID)
        let details = subject.details
        let withheld = { (field: String) -> String? in
            subject.withheld.contains(field)
                ? AccessPolicy.protectedFields["subject"]?.first { $0.field == field }?.reason : nil
        }
        let groupRows = memberships.map { group in
            let member = group.members.first { $0.subjectID == subject.id }
            return SubjectPage.Group(
                id: group.id.rawValue, name: group.details.name,
                role: member.map { reference.label($0.role, in: "ocg-role") }, from: displayDay(member?.from),
                status: reference.label(group.details.status, in: "ocg-status"))
        }
        let linked = try await reviews.sameAs(subject.id, by: user, request: context.request)
        let sameAs = linked.map { item in
            let other = item.left.id == subject.id ? item.right : item.left
            let decision = item.review.decisions.last
            return SubjectPage.SameAs(
                id: other.id.rawValue, name: other.displayName, review: item.review.id,
                by: decision.map { $0.automatic ? "Liaison (automatically)" : people.name($0.by) },
                at: decision.map { displayTime($0.at) })
        }
        let interests = try await cases.subjectInterests(subject.id, by: user, request: context.request).map {
            SubjectPage.Interest(
                agency: $0.agencyCode, reason: $0.reason, confiscation: $0.confiscation?.nonEmpty, contact: $0.contact,
                at: displayTime($0.registeredAt), by: people.name($0.registeredBy))
        }
        let managed = try await pois.of(subject.id, by: user, request: context.request)
        var agencyCodes: [AgencyID: String] = [:]
        for p in managed {
            agencyCodes[p.meta.owningAgencyID] = try await directory.agency(p.meta.owningAgencyID)?.code
        }
        let canCreate = AccessPolicy.decideCreate(user, marking: .official).allowed
        let officers = try await directory.colleagues(of: user).map {
            Option(code: $0.username, label: $0.displayName, selected: $0.id == user.id)
        }
        let page = SubjectPage(
            id: subject.id.rawValue, name: subject.displayName,
            names: details.names.map { .init(full: $0.full, kind: $0.kind.rawValue) },
            dobs: displayBirths(details.datesOfBirth).nonEmpty, sex: details.sex.map { reference.label($0, in: "sex") },
            nationalities: countries(details.nationalities, reference).nonEmpty,
            identifiers: details.identifiers.map {
                .init(
                    label: reference.label($0.kind, in: "identifier-kind"), value: $0.value, issuer: $0.issuer?.nonEmpty
                )
            }, addresses: details.addresses.map(\.display), addressesWithheld: withheld("details.addresses"),
            phonesWithheld: withheld("details.phones"), phones: details.phones.joined(separator: ", ").nonEmpty,
            notes: details.notes?.nonEmpty, sharing: try await sharingText(subject.meta.sharing),
            needToKnow: subject.meta.needToKnow?.nonEmpty, agency: agency?.name ?? "",
            version: String(subject.meta.version), updatedAt: displayTime(subject.meta.updatedAt),
            canEdit: AccessPolicy.decide(user, .update, subject.meta).allowed, canCreate: canCreate,
            canWriteIntel: !Set(user.roles).isDisjoint(with: IntelligenceService.authorRoles),
            notice: request.uri.queryParameters["saved"] != nil ? "Subject saved." : nil, groups: groupRows,
            sameAs: sameAs, interests: interests,
            canRegister: user.active
                && !Set(user.roles).isDisjoint(with: CaseService.interestRoles.union(ObligationService.caseworkRoles)),
            csrf: context.identity?.csrfToken ?? "", canOpenCase: canCreate,
            pois: managed.map {
                .init(
                    id: $0.id.rawValue, agency: agencyCodes[$0.meta.owningAgencyID] ?? "",
                    tier: $0.tier ?? "not yet assessed")
            },
            // A PoI is adopted once per agency: the form is offered while the user's agency does not manage them.
            canAdopt: canCreate && !managed.contains { $0.meta.owningAgencyID == user.agencyID }, officers: officers,
            poiProblem: FormProblem(query: request.uri.queryParameters[values: "poiProblem"]),
            agencyChoices: agencyChoices(try await directory.partnerAgencies()), problem: problem,
            assetPanel: try await assets.panel(AssetTarget(kind: "subject", id: subject.id.rawValue), context: context),
            marking: MarkingTag(subject.meta.marking))
        return pages.page(
            page, title: subject.displayName, identity: context.identity, section: "/subjects", status: status)
    }

    /// "All agencies", "Only the holding agency", or the agencies named.
    func sharingText(_ sharing: Sharing) async throws -> String {
        if sharing.withAll { return "All agencies" }
        if sharing.agencies.isEmpty { return "Only the agency that holds it" }
        let names = Dictionary(uniqueKeysWithValues: try await directory.agencies().map { ($0.id, $0.name) })
        return "The holding agency and " + sharing.agencies.map { names[$0] ?? $0.rawValue }.joined(separator: ", ")
    }

    func save(_ request: Request, _ context: LiaisonRequestContext, id: SubjectID?) async throws -> Response {
        let reference = try await directory.reference()
        let recordForm = RecordForm(
            service: subjects, path: "/subjects", noun: "subject", staleField: "classification",
            read: SubjectFormValues.init, input: { $0.input(reference: reference, errors: &$1) },
            map: SubjectFormValues.formField,
            check: { input in
                do {
                    _ = try input.details.validated(reference: reference, today: Date())
                    return []
                } catch LiaisonError.invalid(let problems) {
                    return problems
                } catch {
                    return []
                }
            })
        // A new subject is checked against those the user can see first; the form comes back with the likely
        // matches and a confirmation, unless the user has already seen them.
        let check: (SubjectInput, SubjectFormValues, FormData) async throws -> Response? = { input, values, submitted in
            let user = try context.user()
            // Only someone who may add this subject is shown the check; anyone else is refused by the create itself.
            guard submitted["confirmNew"] != "1",
                AccessPolicy.decideCreate(user, marking: input.marking ?? .official, needToKnow: input.needToKnow)
                    .allowed
            else { return nil }
            let matches = try await matching.likelyMatches(input.details, by: user, request: context.request)
            if matches.isEmpty { return nil }
            return form(
                values, reference: reference, errors: FormErrors(), identity: try context.signedIn(), id: nil,
                matches: matches)
        }
        return try await recordForm.save(request, context, id: id, beforeCreate: check) { values, errors in
            form(
                values, reference: reference, errors: errors, identity: try context.signedIn(), id: id,
                status: .unprocessableContent)
        }
    }

    /// Likely matches as the form shows them.
    static func matchViews(_ matches: [SubjectMatch], reference: ReferenceData) -> [SubjectFormPage.Match] {
        matches.map { match in
            let d = match.subject.details
            let summary = [
                d.datesOfBirth.first.map { "born \(displayBirth($0))" }, d.addresses.first?.postcode,
                d.identifiers.first.map { "\(reference.label($0.kind, in: "identifier-kind")) \($0.value)" },
            ]
            .compactMap { $0 }.joined(separator: " · ")
            return SubjectFormPage.Match(
                id: match.subject.id.rawValue, name: d.primaryName?.full ?? "(no name)",
                percent: String(format: "%.0f", match.probability * 100), summary: summary,
                parts: MatchPages.parts(match.explanation), notes: match.explanation.notes)
        }
    }

    func form(
        _ values: SubjectFormValues, reference: ReferenceData, errors: FormErrors, identity: Identity, id: SubjectID?,
        status: HTTPResponse.Status = .ok, matches: [SubjectMatch] = []
    ) -> Response {
        let nameFields = [
            fieldView("given", "Given name", value: values.given, error: errors["given"]),
            fieldView("middle", "Middle names", value: values.middle, error: errors["middle"]),
            fieldView("family", "Family name", value: values.family, error: errors["family"]),
        ]
        let aliasField = fieldView(
            "aliases", "Other names and aliases", value: values.aliases,
            hint: "One a line, as Family, Given. Any script: Петров, Иван.", error: errors["aliases"], textarea: true)
        let dobField = FormField.date(
            "dob", "Date of birth", value: values.dob,
            hint: "For example, 27 3 1985. If only the month and year, or the year, are known, leave the rest empty.",
            error: errors["dob"])
        let detailFields = [
            fieldView(
                "otherDobs", "Other dates of birth used", value: values.otherDobs,
                hint: "Day, month and year, separated by commas: for example, 3 7 1984, 1985",
                error: errors["otherDobs"]),
            fieldView(
                "nationalities", "Nationalities", value: values.nationalities,
                hint: "Countries, separated by commas: for example, Iraq, United Kingdom",
                error: errors["nationalities"]),
        ]
        let kinds = reference.list("identifier-kind")
        let rows = values.identifierRows + Array(repeating: ("", ""), count: max(1, 3 - values.identifierRows.count))
        let identifierRows = rows.enumerated().map { index, row in
            SubjectFormPage.IdentifierRow(
                index: String(index), number: String(index + 1), value: row.value,
                error: errors["identifierValue-\(index)"] ?? errors["identifierKind-\(index)"],
                kinds: kinds.map { Option(code: $0.code, label: $0.label, selected: $0.code == row.kind) })
        }
        let fields = [
            fieldView(
                "addresses", "Addresses", value: values.addresses,
                hint:
                    "One a line: address, town, postcode. The current address first, then any earlier ones: all are checked when matching",
                error: errors["addresses"], textarea: true),
            fieldView(
                "phones", "Phone numbers", value: values.phones, hint: "One a line", error: errors["phones"],
                textarea: true),
            fieldView("notes", "Notes", value: values.notes, error: errors["notes"], textarea: true),
            fieldView(
                "needToKnow", "Need-to-know operation or case", value: values.needToKnow,
                hint: "Only users briefed into it will see this subject. Leave empty for none.",
                error: errors["needToKnow"]),
        ]
        let page = SubjectFormPage(
            errors: errors.list, matches: Self.matchViews(matches, reference: reference),
            heading: id == nil ? "Add a subject" : "Edit subject",
            action: id.map { "/subjects/\($0)/edit" } ?? "/subjects/new",
            cancel: id.map { "/subjects/\($0)" } ?? "/subjects",
            csrf: identity.csrfToken ?? "", version: values.version, nameFields: nameFields, aliasField: aliasField,
            dobField: dobField, detailFields: detailFields, identifierRows: identifierRows, fields: fields,
            sharingOptions: SubjectFormValues.sharingChoices(keepNamed: values.namedAgencies).map {
                Option(code: $0.code, label: $0.label, selected: $0.code == values.sharing)
            }, named: values.namedAgencies.map(\.rawValue), sexError: errors["sex"],
            sexes: reference.list("sex").map {
                Option(code: $0.code, label: $0.label, selected: $0.code == values.sex)
            },
            markingError: errors["classification"],
            classifications: markingOptions(for: identity.user, selected: values.classification))
        return pages.page(
            page, title: id == nil ? "Add a subject" : "Edit subject", identity: identity, section: "/subjects",
            status: status)
    }
}

/// Subjects the user may see, all or matching a search, a page at a time.
struct SubjectListPage: PageModel {
    var template: String { "subjects" }
    let query: String?
    let items: [Item]
    let hasItems: Bool
    let caption: String
    let canCreate: Bool
    let nextLink: String?
    let firstLink: String?

    struct Item {
        let id: String
        let name: String
        let aliases: String
        let dob: String
        let nationalities: String
        let identifiers: String
        let marking: MarkingTag
    }

    init(query: String?, items: [Item], caption: String, canCreate: Bool, nextLink: String?, firstLink: String?) {
        self.query = query
        self.items = items
        hasItems = !items.isEmpty
        self.caption = caption
        self.canCreate = canCreate
        self.nextLink = nextLink
        self.firstLink = firstLink
    }
}

/// One subject: what is known of them and by whom it is held, with their groups, cases, interests, PoI records,
/// the same person elsewhere, and assets.
struct SubjectPage: PageModel {
    var template: String { "subject" }
    let id: String
    let name: String
    let names: [Name]
    let dobs: String?
    let sex: String?
    let nationalities: String?
    let identifiers: [Identifier]
    let hasIdentifiers: Bool
    let addresses: [String]
    let hasAddresses: Bool
    /// Why the addresses are withheld from the user, when they are.
    let addressesWithheld: String?
    let phonesWithheld: String?
    let phones: String?
    let notes: String?
    let sharing: String
    let needToKnow: String?
    let agency: String
    let version: String
    let updatedAt: String
    let canEdit: Bool
    let canCreate: Bool
    let canWriteIntel: Bool
    let notice: String?
    let groups: [Group]
    let hasGroups: Bool
    let sameAs: [SameAs]
    let hasSameAs: Bool
    let interests: [Interest]
    let hasInterests: Bool
    let canRegister: Bool
    let csrf: String
    let canOpenCase: Bool
    let pois: [POI]
    let hasPois: Bool
    let canAdopt: Bool
    let officers: [Option]
    let poiProblem: FormProblem?
    let agencyChoices: [Option]
    let problem: FormProblem?
    let assetPanel: AssetPanel
    let marking: MarkingTag

    struct Name {
        let full: String
        let kind: String
    }

    struct Identifier {
        let label: String
        let value: String
        let issuer: String?
    }

    struct Group {
        let id: String
        let name: String
        let role: String?
        let from: String?
        let status: String
    }

    /// A record reviewers decided is the same person.
    struct SameAs {
        let id: String
        let name: String
        let review: String
        let by: String?
        let at: String?
    }

    struct Interest {
        let agency: String
        let reason: String
        let confiscation: String?
        let contact: String
        let at: String
        let by: String
    }

    struct POI {
        let id: String
        let agency: String
        let tier: String
    }

    init(
        id: String, name: String, names: [Name], dobs: String?, sex: String?, nationalities: String?,
        identifiers: [Identifier], addresses: [String], addressesWithheld: String?, phonesWithheld: String?,
        phones: String?, notes: String?, sharing: String, needToKnow: String?, agency: String, version: String,
        updatedAt: String, canEdit: Bool, canCreate: Bool, canWriteIntel: Bool, notice: String?, groups: [Group],
        sameAs: [SameAs], interests: [Interest], canRegister: Bool, csrf: String, canOpenCase: Bool, pois: [POI],
        canAdopt: Bool, officers: [Option], poiProblem: FormProblem?, agencyChoices: [Option], problem: FormProblem?,
        assetPanel: AssetPanel, marking: MarkingTag
    ) {
        self.id = id
        self.name = name
        self.names = names
        self.dobs = dobs
        self.sex = sex
        self.nationalities = nationalities
        self.identifiers = identifiers
        hasIdentifiers = !identifiers.isEmpty
        self.addresses = addresses
        hasAddresses = !addresses.isEmpty
        self.addressesWithheld = addressesWithheld
        self.phonesWithheld = phonesWithheld
        self.phones = phones
        self.notes = notes
        self.sharing = sharing
        self.needToKnow = needToKnow
        self.agency = agency
        self.version = version
        self.updatedAt = updatedAt
        self.canEdit = canEdit
        self.canCreate = canCreate
        self.canWriteIntel = canWriteIntel
        self.notice = notice
        self.groups = groups
        hasGroups = !groups.isEmpty
        self.sameAs = sameAs
        hasSameAs = !sameAs.isEmpty
        self.interests = interests
        hasInterests = !interests.isEmpty
        self.canRegister = canRegister
        self.csrf = csrf
        self.canOpenCase = canOpenCase
        self.pois = pois
        hasPois = !pois.isEmpty
        self.canAdopt = canAdopt
        self.officers = officers
        self.poiProblem = poiProblem
        self.agencyChoices = agencyChoices
        self.problem = problem
        self.assetPanel = assetPanel
        self.marking = marking
    }
}

/// The form to add or edit a subject: likely matches first when adding someone we may already hold, then the
/// fields with what was typed and each problem beside its field.
struct SubjectFormPage: PageModel {
    var template: String { "subjectForm" }
    let errors: [FormError]
    let hasErrors: Bool
    let matches: [Match]
    let hasMatches: Bool
    let heading: String
    let action: String
    let cancel: String
    let csrf: String
    let version: String
    let nameFields: [FormField]
    let aliasField: FormField
    let dobField: FormField
    let detailFields: [FormField]
    let identifierCount: String
    let identifierRows: [IdentifierRow]
    let fields: [FormField]
    let sharingOptions: [Option]
    /// The agencies already named on the record, kept when sharing stays "named".
    let named: [String]
    let sexError: String?
    let sexes: [Option]
    let markingError: String?
    let classifications: [Option]

    /// A subject we may already hold, with why it matches.
    struct Match {
        let id: String
        let name: String
        let percent: String
        let summary: String
        let parts: [MatchPart]
        let notes: [String]
    }

    struct IdentifierRow {
        let index: String
        let number: String
        let value: String
        let error: String?
        let kinds: [Option]
    }

    init(
        errors: [FormError], matches: [Match], heading: String, action: String, cancel: String, csrf: String,
        version: String, nameFields: [FormField], aliasField: FormField, dobField: FormField, detailFields: [FormField],
        identifierRows: [IdentifierRow], fields: [FormField], sharingOptions: [Option], named: [String],
        sexError: String?, sexes: [Option], markingError: String?, classifications: [Option]
    ) {
        self.errors = errors
        hasErrors = !errors.isEmpty
        self.matches = matches
        hasMatches = !matches.isEmpty
        self.heading = heading
        self.action = action
        self.cancel = cancel
        self.csrf = csrf
        self.version = version
        self.nameFields = nameFields
        self.aliasField = aliasField
        self.dobField = dobField
        self.detailFields = detailFields
        identifierCount = String(identifierRows.count)
        self.identifierRows = identifierRows
        self.fields = fields
        self.sharingOptions = sharingOptions
        self.named = named
        self.sexError = sexError
        self.sexes = sexes
        self.markingError = markingError
        self.classifications = classifications
    }
}

/// The subject form's fields as text, to and from a `SubjectInput`.
struct SubjectFormValues {
    var given = "", middle = "", family = "", aliases = "", otherDobs = "", nationalities = ""
    /// The first date of birth, in the date boxes; any others as typed.
    var dob = DateAnswer()
    /// Identifiers as (kind code, value) rows: the form shows each as a choice of kind and a box for the value.
    var identifierRows: [(kind: String, value: String)] = []
    var addresses = "", phones = "", notes = "", sex = "", classification = Classification.official.rawValue,
        version = ""
    var descriptors: [String] = [], caveats: [String] = []
    /// "all", "owner", or "named" (keep the agencies already named on the record).
    var sharing = "all", needToKnow = ""
    var namedAgencies: [AgencyID] = []
    private var form: FormData?

    static func sharingChoices(keepNamed: [AgencyID]) -> [(code: String, label: String)] {
        [("all", "All agencies in Liaison"), ("owner", "Only my agency")]
            + (keepNamed.isEmpty ? [] : [("named", "My agency and the agencies already named")])
    }

    init() {}

    init(_ form: FormData) {
        self.form = form
        given = form["given"]
        middle = form["middle"]
        family = form["family"]
        aliases = form["aliases"]
        dob = DateAnswer(form, "dob")
        otherDobs = form["otherDobs"]
        nationalities = form["nationalities"]
        identifierRows = (0..<form.rowCount("identifierCount", limit: 100)).map {
            (form["identifierKind-\($0)"], form["identifierValue-\($0)"].trimmingCharacters(in: .whitespaces))
        }.filter { !$0.0.isEmpty || !$0.1.isEmpty }
        addresses = form["addresses"]
        phones = form["phones"]
        notes = form["notes"]
        sex = form["sex"]
        classification = form["classification"]
        version = form["version"]
        sharing = form["sharing"].isEmpty ? "all" : form["sharing"]
        needToKnow = form["needToKnow"]
        namedAgencies = form.all("named").map { AgencyID($0) }
    }

    init(_ subject: Subject, reference: ReferenceData) {
        let d = subject.details
        let primary = d.primaryName
        given = primary?.given ?? ""
        middle = primary?.middle ?? ""
        family = primary?.family ?? ""
        aliases = d.aliases.map {
            "\($0.family), \([$0.given, $0.middle ?? ""].filter { !$0.isEmpty }.joined(separator: " "))"
        }.joined(separator: "\n")
        dob = d.datesOfBirth.first.map(Self.boxes) ?? DateAnswer()
        otherDobs = d.datesOfBirth.dropFirst().map(Self.typed).joined(separator: ", ")
        nationalities = d.nationalities.map { reference.label($0.lowercased(), in: "country") }.joined(separator: ", ")
        identifierRows = d.identifiers.map { ($0.kind, $0.value) }
        addresses = d.addresses.map {
            [$0.line, $0.town ?? "", $0.postcode ?? ""].filter { !$0.isEmpty }.joined(separator: ", ")
        }.joined(separator: "\n")
        phones = d.phones.joined(separator: "\n")
        notes = d.notes ?? ""
        sex = d.sex ?? ""
        classification = subject.meta.marking.classification.rawValue
        descriptors = subject.meta.marking.descriptors
        caveats = subject.meta.marking.caveats
        version = String(subject.meta.version)
        namedAgencies = subject.meta.sharing.agencies
        sharing = subject.meta.sharing.withAll ? "all" : namedAgencies.isEmpty ? "owner" : "named"
        needToKnow = subject.meta.needToKnow ?? ""
    }

    /// Reads the fields into an input, noting lines that cannot be read at all.
    func input(reference: ReferenceData, errors: inout FormErrors) -> SubjectInput {
        let form = self.form ?? FormData("")
        var names = [PersonName(kind: .primary, given: given, middle: middle.isEmpty ? nil : middle, family: family)]
        for line in form.lines("aliases") {
            let parts = line.split(separator: ",", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2 {
                names.append(PersonName(kind: .alias, given: parts[1], family: parts[0]))
            } else {
                let words = line.split(separator: " ").map(String.init)
                names.append(
                    PersonName(kind: .alias, given: words.dropLast().joined(separator: " "), family: words.last ?? line)
                )
            }
        }
        var ids: [PersonIdentifier] = []
        for (index, row) in identifierRows.enumerated() {
            if row.kind.isEmpty {
                errors.add("identifierKind-\(index)", "Identifier \(index + 1): choose what kind of identifier it is")
            } else if row.value.isEmpty {
                errors.add("identifierValue-\(index)", "Identifier \(index + 1): enter its number")
            }
            ids.append(PersonIdentifier(kind: row.kind, value: row.value))
        }
        var births: [String] = []
        if !dob.isEmpty { births.append(Self.birth(dob)) }
        for typed in form.items("otherDobs") {
            let parts = typed.split(whereSeparator: { $0 == " " || $0 == "/" }).map(String.init)
            births.append(
                typed.contains("-") || parts.count > 3
                    ? typed
                    : Self.birth(
                        DateAnswer(
                            day: parts.count == 3 ? parts[0] : "",
                            month: parts.count >= 2 ? parts[parts.count - 2] : "",
                            year: parts.last ?? "")))
        }
        let countries = reference.list("country")
        var nationalityCodes: [String] = []
        for (index, typed) in form.items("nationalities").enumerated() {
            if let country = countries.first(where: {
                $0.label.caseInsensitiveCompare(typed) == .orderedSame
                    || $0.code.caseInsensitiveCompare(typed) == .orderedSame
            }) {
                nationalityCodes.append(country.code.uppercased())
            } else {
                errors.add("nationalities", "Nationality \(index + 1), ‘\(typed)’, is not a country we know")
            }
        }
        let addressList = form.lines("addresses").map { line -> PostalAddress in
            var parts = line.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            var postcode: String?
            var town: String?
            if parts.count > 1, let last = parts.last, Postcode.normalised(last) != nil {
                postcode = parts.removeLast()
            }
            if parts.count > 1 { town = parts.removeLast() }
            return PostalAddress(line: parts.joined(separator: ", "), town: town, postcode: postcode)
        }
        let marking: ProtectiveMarking
        if let classification = Classification(rawValue: classification) {
            marking = ProtectiveMarking(classification, descriptors: descriptors, caveats: caveats)
        } else {
            errors.add("classification", "Choose a protective marking")
            marking = .official
        }
        var versionNumber: Int?
        if !version.isEmpty {
            versionNumber = Int(version)
            if versionNumber == nil {
                errors.add("classification", "The form is damaged: reload the page and try again")
            }
        }
        return SubjectInput(
            details: SubjectDetails(
                names: names, datesOfBirth: births, sex: sex.isEmpty ? nil : sex,
                nationalities: nationalityCodes,
                identifiers: ids, addresses: addressList, phones: form.lines("phones"),
                notes: notes.isEmpty ? nil : notes),
            marking: marking,
            sharing: Sharing(withAll: sharing == "all", agencies: sharing == "named" ? namedAgencies : []),
            needToKnow: needToKnow.trimmingCharacters(in: .whitespaces).isEmpty
                ? nil : needToKnow.trimmingCharacters(in: .whitespaces),
            version: versionNumber)
    }

    /// A date of birth from its boxes: the whole date, or the month and year, or the year, as the service reads
    /// them (yyyy-MM-dd, yyyy-MM, yyyy); anything else as typed, for the service to refuse by name.
    static func birth(_ boxes: DateAnswer) -> String {
        let (d, m, y) = (Int(boxes.day), Int(boxes.month), boxes.year.count == 4 ? Int(boxes.year) : nil)
        switch (boxes.day.isEmpty, boxes.month.isEmpty, y) {
        case (false, false, .some(let year)) where d != nil && m != nil:
            return String(format: "%04d-%02d-%02d", year, m!, d!)
        case (true, false, .some(let year)) where m != nil: return String(format: "%04d-%02d", year, m!)
        case (true, true, .some(let year)): return String(format: "%04d", year)
        default: return [boxes.day, boxes.month, boxes.year].joined(separator: "/")
        }
    }

    /// A stored date of birth in the boxes it was typed in.
    static func boxes(_ iso: String) -> DateAnswer {
        let parts = iso.split(separator: "-").map { String(Int($0) ?? 0) }
        return DateAnswer(
            day: parts.count == 3 ? parts[2] : "", month: parts.count >= 2 ? parts[1] : "", year: parts.first ?? "")
    }

    /// A stored date of birth as the "other dates" box shows it: day month year.
    static func typed(_ iso: String) -> String {
        let boxes = Self.boxes(iso)
        return [boxes.day, boxes.month, boxes.year].filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// Which form field shows the error for a field path from the service, and how to name it.
    static func formField(_ path: String) -> (field: String, label: String) {
        let n = pathIndex(path).map { " \($0 + 1)" } ?? ""
        switch path {
        case let p where p.hasPrefix("details.names[0]."):
            let part = p.components(separatedBy: ".").last ?? "family"
            return (part, ["given": "Given name", "middle": "Middle names"][part] ?? "Family name")
        case let p where p.hasPrefix("details.names["):
            return ("aliases", "Alias\(pathIndex(p).map { " \($0)" } ?? "")")
        case "details.names": return ("family", "Name")
        case let p where p.hasPrefix("details.datesOfBirth[0]"): return ("dob", "Date of birth")
        case let p where p.hasPrefix("details.datesOfBirth"):
            return ("otherDobs", "Other date of birth\(pathIndex(p).map { " \($0)" } ?? "")")
        case let p where p.hasPrefix("details.sex"): return ("sex", "Sex")
        case let p where p.hasPrefix("details.nationalities"): return ("nationalities", "Nationality\(n)")
        case let p where p.hasPrefix("details.identifiers"):
            return (
                "identifier\(p.hasSuffix(".kind") ? "Kind" : "Value")-\(pathIndex(p) ?? 0)", "Identifier\(n)"
            )
        case let p where p.hasPrefix("details.addresses"): return ("addresses", "Address\(n)")
        case let p where p.hasPrefix("details.phones"): return ("phones", "Phone number\(n)")
        case let p where p.hasPrefix("details.notes"): return ("notes", "Notes")
        case let p where p.hasPrefix("marking"): return ("classification", "Marking")
        case let p where p.hasPrefix("needToKnow"): return ("needToKnow", "Need-to-know")
        case let p where p.hasPrefix("sharing"): return ("sharing", "Sharing")
        default: return ("classification", path)
        }
    }
}

func urlEncode(_ text: String) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
}

extension SubjectPages {
    /// The page adding the subject to a group: which group (of those the user may change) and in what role.
    func addToGroup(_ context: LiaisonRequestContext, form: FormData, errors: FormErrors = FormErrors()) async throws
        -> Response
    {
        let user = try context.user()
        let subject = try await subjects.get(try RequestReading.id(context), by: user, request: context.request)
        let joinable = try await groups.joinable(by: user, request: context.request)
        let reference = try await directory.reference()
        let heading = "Add \(subject.displayName) to a group"
        let model = CaseStepPage(
            heading: heading, caption: "Organised crime groups", back: "/subjects/\(subject.id)",
            action: "/subjects/\(subject.id)/groups/new", submit: "Add to the group",
            csrf: context.identity?.csrfToken ?? "", version: "",
            intro: joinable.isEmpty ? "There are no active groups you may change." : nil,
            fields: [
                .select(
                    "group", "Group",
                    choices: [("", "Choose a group")] + joinable.map { ($0.id.rawValue, $0.details.name) },
                    selected: form["group"], error: errors["group"]),
                .select(
                    "role", "Role in the group", choices: reference.list("ocg-role").map { ($0.code, $0.label) },
                    selected: form["role"], error: errors["role"]),
            ], errors: errors.list, hasErrors: !errors.isEmpty)
        return pages.page(
            model, title: heading, identity: context.identity, section: "/subjects",
            status: errors.isEmpty ? .ok : .unprocessableContent)
    }
}
