import Foundation
import Hummingbird
import LiaisonCore

/// Administrators' pages: accounts (create, disable, brief into operations) and their API tokens (issue, revoke).
struct AdminPages {
    let pages: PageRenderer
    let directory: DirectoryService
    let admin: UserAdministration
    let reference: ReferenceService
    let authenticator: Authenticator
    let obligations: ObligationService

    static let access = RouteAccess.roles([.administrator])

    /// Every reference list with its entries, and a form per list to add an entry or change one.
    func referencePage(
        _ context: LiaisonRequestContext, notice: String? = nil, problem: FormProblem? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let actor = try administrator(context)
        let entries = try await reference.entries(by: actor, request: context.request)
        let lists = Dictionary(grouping: entries, by: \.list)
        let page = AdminReferencePage(
            notice: notice, problem: problem, csrf: context.identity?.csrfToken ?? "",
            lists: lists.keys.sorted().map { list in
                let entries = lists[list] ?? []
                return .init(
                    list: list,
                    entries: entries.sorted { ($0.sortOrder, $0.code) < ($1.sortOrder, $1.code) }.map { e in
                        .init(code: e.code, label: e.label, order: String(e.sortOrder), active: e.active)
                    }, next: String((entries.map(\.sortOrder).max() ?? 0) + 10))
            })
        return pages.page(
            page, title: "Reference data", identity: context.identity, section: "/admin/users", status: status)
    }

    func register(_ routes: inout RouteTable) {
        let this = self
        routes.page(.get, "/admin/users", access: Self.access) { _, context in
            let actor = try this.administrator(context)
            let agencies = try await this.directory.agencyNames(codes: true)
            let users = try await this.admin.users(by: actor, request: context.request).map { user in
                AdminUsersPage.Account(
                    id: user.id.rawValue, username: user.username, name: user.displayName,
                    agency: agencies[user.agencyID] ?? "", roles: user.roles.map(\.rawValue).joined(separator: ", "),
                    vetting: user.vetting.rawValue, briefings: user.briefings.joined(separator: ", "),
                    active: user.active)
            }
            return this.pages.page(
                AdminUsersPage(users: users), title: "Accounts", identity: context.identity, section: "/admin/users")
        }
        routes.page(.get, "/admin/reference", access: Self.access) { request, context in
            try await this.referencePage(context, notice: request.uri.queryParameters["saved"] != nil ? "Saved." : nil)
        }
        routes.page(.post, "/admin/reference", access: Self.access) { request, context in
            let form = try await FormData.read(request)
            let actor = try this.administrator(context)
            do {
                _ = try await this.reference.save(
                    list: form["list"], code: form["code"], label: form["label"],
                    sortOrder: Int(form["sortOrder"]) ?? -1,
                    active: form["active"] == "1", by: actor, request: context.request)
            } catch let error as LiaisonError {
                let list = form["list"]
                guard
                    let problem = FormProblem(
                        error,
                        anchors: ["code": "code-\(list)", "label": "label-\(list)", "sortOrder": "order-\(list)"])
                else { throw error }
                return try await this.referencePage(context, problem: problem, status: .unprocessableContent)
            }
            return Response.redirect(to: "/admin/reference?saved=1")
        }
        routes.page(.get, "/admin/delivery", access: Self.access) { request, context in
            try await this.deliveryPage(context, notice: request.uri.queryParameters["saved"] != nil ? "Saved." : nil)
        }
        routes.page(.post, "/admin/delivery", access: Self.access) { request, context in
            let form = try await FormData.read(request)
            let actor = try this.administrator(context)
            let input = DeliveryChannels(
                agencyID: actor.agencyID, email: form["email"].trimmingCharacters(in: .whitespaces),
                webhookURL: form["webhookURL"].trimmingCharacters(in: .whitespaces), version: Int(form["version"]) ?? 0)
            do {
                _ = try await this.obligations.setChannels(
                    agencyCode: try await this.agencyCode(actor), input, by: actor, request: context.request)
            } catch let error as LiaisonError {
                guard
                    let problem = FormProblem(
                        error, labels: ["webhookSecret": "Signing secret", "webhookURL": "Webhook address"],
                        anchors: ["webhookSecret": "secret"])
                else { throw error }
                return try await this.deliveryPage(context, problem: problem, form: form, status: .unprocessableContent)
            }
            return Response.redirect(to: "/admin/delivery?saved=1")
        }
        routes.page(.post, "/admin/delivery/secret", access: Self.access) { _, context in
            let actor = try this.administrator(context)
            let made = try await this.obligations.newWebhookSecret(
                agencyCode: try await this.agencyCode(actor), by: actor, request: context.request)
            return try await this.deliveryPage(context, newSecret: made.secret)
        }
        routes.page(.get, "/admin/users/new", access: Self.access) { _, context in
            _ = try this.administrator(context)
            return try await this.newUserForm(FormData(""), errors: FormErrors(), context: context)
        }
        routes.page(.post, "/admin/users/new", access: Self.access) { request, context in
            let actor = try context.user()
            let form = try await FormData.read(request)
            let input = NewUser(
                username: form["username"], displayName: form["displayName"], email: form["email"],
                agencyCode: form["agency"], roles: form.all("roles"), vetting: form["vetting"],
                password: form["password"])
            var errors = FormErrors()
            do {
                let hasher = this.authenticator.hasher
                let user = try await this.admin.create(
                    input, hash: { try await hasher.hash($0) }, by: actor, request: context.request)
                return Response.redirect(to: "/admin/users/\(user.id)?saved=1")
            } catch LiaisonError.invalid(let problems) {
                errors.add(problems) { field in (field, Self.labels[field] ?? field) }
            }
            return try await this.newUserForm(form, errors: errors, context: context, status: .unprocessableContent)
        }
        routes.page(.get, "/admin/users/{id}", access: Self.access) { request, context in
            let actor = try this.administrator(context)
            let id: UserID = try RequestReading.id(context)
            try await Auditor(log: this.authenticator.audit).run(
                actor, "user.read", kind: "user", ids: [id.rawValue], request: context.request
            ) {}
            return try await this.userPage(
                id, context: context,
                notice: request.uri.queryParameters["saved"] != nil ? "Account saved." : nil)
        }
        routes.page(.post, "/admin/users/{id}/active", access: Self.access) { request, context in
            let actor = try this.administrator(context)
            let form = try await FormData.read(request)
            let id: UserID = try RequestReading.id(context)
            _ = try await this.admin.setActive(
                id, active: form["active"] == "true", by: actor, request: context.request)
            return Response.redirect(to: "/admin/users/\(id)?saved=1")
        }
        routes.page(.post, "/admin/users/{id}/briefings", access: Self.access) { request, context in
            let actor = try this.administrator(context)
            let form = try await FormData.read(request)
            let id: UserID = try RequestReading.id(context)
            do {
                _ = try await this.admin.setBriefings(
                    id, briefings: form.lines("briefings"), by: actor, request: context.request)
            } catch LiaisonError.invalid(let problems) {
                var errors = FormErrors()
                errors.add(problems) { _ in ("briefings", "Briefing") }
                return try await this.userPage(id, context: context, errors: errors, status: .unprocessableContent)
            }
            return Response.redirect(to: "/admin/users/\(id)?saved=1")
        }
        routes.page(.post, "/admin/users/{id}/tokens", access: Self.access) { request, context in
            let actor = try this.administrator(context)
            let form = try await FormData.read(request)
            let id: UserID = try RequestReading.id(context)
            let (user, _) = try await this.admin.user(id, by: actor, request: context.request)
            let name = form["name"].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, name.count <= 100 else {
                var errors = FormErrors()
                errors.add("name", "Token name must be 1 to 100 characters")
                return try await this.userPage(id, context: context, errors: errors, status: .unprocessableContent)
            }
            let token = try await this.authenticator.issueToken(
                for: user, name: name, by: actor.username, request: context.request)
            return try await this.userPage(id, context: context, newToken: token)
        }
        routes.page(.post, "/admin/tokens/{id}/revoke", access: Self.access) { request, context in
            let actor = try this.administrator(context)
            let form = try await FormData.read(request)
            guard let tokenID = context.parameters.get("id"), UUID(uuidString: tokenID) != nil else {
                throw LiaisonError.invalid("id", "is not a valid identifier (expected a UUID)")
            }
            _ = try await this.authenticator.revokeToken(
                id: tokenID.lowercased(), by: actor.username, request: context.request)
            let owner = UserID(validating: form["user"]).map { "/admin/users/\($0)?saved=1" } ?? "/admin/users"
            return Response.redirect(to: owner)
        }
    }

    func agencyCode(_ user: User) async throws -> String {
        guard let agency = try await directory.agency(user.agencyID) else {
            throw LiaisonError.notFound(kind: "agency", id: user.agencyID.rawValue)
        }
        return agency.code
    }

    /// The administrator's own agency's delivery channels: where its notices go by email and by signed webhook.
    /// The signing secret is made here and shown once, never again.
    func deliveryPage(
        _ context: LiaisonRequestContext, notice: String? = nil, problem: FormProblem? = nil, newSecret: String? = nil,
        form: FormData? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let actor = try administrator(context)
        let code = try await agencyCode(actor)
        let channels = try await obligations.channels(agencyCode: code, by: actor, request: context.request)
        let agency = try await directory.agency(actor.agencyID)
        let page = AdminDeliveryPage(
            agency: agency?.name ?? code, code: code, notice: notice, problem: problem, newSecret: newSecret,
            csrf: context.identity?.csrfToken ?? "", version: String(channels.version),
            email: form?["email"] ?? channels.email ?? "", webhookURL: form?["webhookURL"] ?? channels.webhookURL ?? "",
            secretSet: channels.webhookSecret != nil)
        return pages.page(
            page, title: "Delivery of notices", identity: context.identity, section: "/admin/users", status: status)
    }

    static let labels = [
        "username": "Username", "displayName": "Name", "email": "Email", "agency": "Agency", "roles": "Roles",
        "vetting": "Vetting", "password": "Password",
    ]

    func administrator(_ context: LiaisonRequestContext) throws -> User {
        let user = try context.user()
        guard user.has(.administrator) else {
            throw LiaisonError.forbidden(reason: "only administrators manage accounts")
        }
        return user
    }

    func newUserForm(
        _ form: FormData, errors: FormErrors, context: LiaisonRequestContext, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let page = AdminUserFormPage(
            errors: errors.list, csrf: context.identity?.csrfToken ?? "",
            fields: [
                fieldView(
                    "username", "Username", value: form["username"], hint: "Lowercase, e.g. nca.jsmith",
                    error: errors["username"]),
                fieldView("displayName", "Name", value: form["displayName"], error: errors["displayName"]),
                fieldView("email", "Email", value: form["email"], error: errors["email"]),
                fieldView(
                    "password", "Initial password", value: "",
                    hint: "At least 12 characters. Give it to the user by a separate channel.",
                    error: errors["password"], type: "password", autocomplete: "new-password"),
            ],
            agencyError: errors["agency"],
            agencies: agencyChoices(try await directory.agencies(), selected: [form["agency"]]),
            rolesError: errors["roles"],
            roles: Role.allCases.map {
                Tick(
                    code: $0.rawValue, label: $0.rawValue.replacingOccurrences(of: "-", with: " ").capitalized,
                    checked: form.all("roles").contains($0.rawValue))
            },
            vettingError: errors["vetting"],
            vettings: Vetting.allCases.map {
                Option(code: $0.rawValue, label: $0.rawValue, selected: $0.rawValue == form["vetting"])
            })
        return pages.page(
            page, title: "Add an account", identity: context.identity, section: "/admin/users", status: status)
    }

    func userPage(
        _ id: UserID, context: LiaisonRequestContext, notice: String? = nil, newToken: String? = nil,
        errors: FormErrors = FormErrors(), status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let (user, tokens) = try await admin.user(id, by: try administrator(context), request: context.request)
        let agency = try await directory.agency(user.agencyID)
        let page = AdminUserPage(
            errors: errors.list, id: user.id.rawValue, username: user.username, name: user.displayName,
            email: user.email, agency: agency?.name ?? "",
            roles: user.roles.map(\.rawValue).joined(separator: ", "), vetting: user.vetting.rawValue,
            briefings: user.briefings.joined(separator: "\n"), active: user.active,
            csrf: context.identity?.csrfToken ?? "", notice: notice, newToken: newToken,
            briefingsError: errors["briefings"], nameError: errors["name"],
            tokens: tokens.map { t in
                .init(
                    id: t.id, userID: user.id.rawValue, name: t.name, created: DateFormats.instant(t.createdAt),
                    revoked: t.revokedAt.map { DateFormats.instant($0) }, expires: DateFormats.instant(t.expiresAt),
                    expired: t.expiresAt <= directory.now())
            })
        return pages.page(
            page, title: user.username, identity: context.identity, section: "/admin/users", status: status)
    }
}

/// Every account, with its agency, roles, vetting and briefings.
struct AdminUsersPage: PageModel {
    var template: String { "adminUsers" }
    let users: [Account]

    struct Account {
        let id: String
        let username: String
        let name: String
        let agency: String
        let roles: String
        let vetting: String
        let briefings: String
        let active: Bool
    }
}

/// The form to add an account.
struct AdminUserFormPage: PageModel {
    var template: String { "adminUserForm" }
    let errors: [FormError]
    let hasErrors: Bool
    let csrf: String
    let fields: [FormField]
    let agencyError: String?
    let agencies: [Option]
    let rolesError: String?
    let roles: [Tick]
    let vettingError: String?
    let vettings: [Option]

    init(
        errors: [FormError], csrf: String, fields: [FormField], agencyError: String?, agencies: [Option],
        rolesError: String?, roles: [Tick], vettingError: String?, vettings: [Option]
    ) {
        self.errors = errors
        hasErrors = !errors.isEmpty
        self.csrf = csrf
        self.fields = fields
        self.agencyError = agencyError
        self.agencies = agencies
        self.rolesError = rolesError
        self.roles = roles
        self.vettingError = vettingError
        self.vettings = vettings
    }
}

/// One account: its details, enabling and disabling it, its briefings and its API tokens.
struct AdminUserPage: PageModel {
    var template: String { "adminUser" }
    let errors: [FormError]
    let hasErrors: Bool
    let id: String
    let username: String
    let name: String
    let email: String
    let agency: String
    let roles: String
    let vetting: String
    let briefings: String
    let active: Bool
    let csrf: String
    let notice: String?
    /// A token just issued, shown this once.
    let newToken: String?
    let briefingsError: String?
    let nameError: String?
    let tokens: [Token]

    struct Token {
        let id: String
        let userID: String
        let name: String
        let created: String
        let revoked: String?
        let expires: String
        let expired: Bool
    }

    init(
        errors: [FormError], id: String, username: String, name: String, email: String, agency: String, roles: String,
        vetting: String, briefings: String, active: Bool, csrf: String, notice: String?, newToken: String?,
        briefingsError: String?, nameError: String?, tokens: [Token]
    ) {
        self.errors = errors
        hasErrors = !errors.isEmpty
        self.id = id
        self.username = username
        self.name = name
        self.email = email
        self.agency = agency
        self.roles = roles
        self.vetting = vetting
        self.briefings = briefings
        self.active = active
        self.csrf = csrf
        self.notice = notice
        self.newToken = newToken
        self.briefingsError = briefingsError
        self.nameError = nameError
        self.tokens = tokens
    }
}

/// The agency's delivery channels for notices: email, a signed webhook, and its signing secret.
struct AdminDeliveryPage: PageModel {
    var template: String { "adminDelivery" }
    let agency: String
    let code: String
    let notice: String?
    let problem: FormProblem?
    /// A signing secret just made, shown this once.
    let newSecret: String?
    let csrf: String
    let version: String
    let email: String
    let webhookURL: String
    let secretSet: Bool
}

/// Every reference list with its entries, and a form per list to add or change one.
struct AdminReferencePage: PageModel {
    var template: String { "adminReference" }
    let notice: String?
    let problem: FormProblem?
    let csrf: String
    let lists: [List]

    struct List {
        let list: String
        let entries: [Entry]
        /// The order a new entry takes by default: after the last.
        let next: String
    }

    struct Entry {
        let code: String
        let label: String
        let order: String
        let active: Bool
    }
}
