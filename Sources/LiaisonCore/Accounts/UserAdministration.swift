import Foundation

/// What the AccountAdministration reads and writes: only these stores.
public typealias AccountAdministrationStore = AgencyStore & UserStore

/// What an administrator enters to create an account.
public struct NewUser: Sendable, Equatable {
    public var username: String
    public var displayName: String
    public var email: String
    public var agencyCode: String
    public var roles: [String]
    public var vetting: String
    /// The initial password, given to the user by a separate channel.
    public var password: String

    public init(
        username: String, displayName: String, email: String, agencyCode: String, roles: [String], vetting: String,
        password: String
    ) {
        self.password = password
        self.username = username
        self.displayName = displayName
        self.email = email
        self.agencyCode = agencyCode
        self.roles = roles
        self.vetting = vetting
    }
}

/// Administrators' work on accounts: create, disable or enable, and brief into operations. Every step is
/// checked (administrators only) and recorded in the audit log.
public struct UserAdministration: Sendable {
    let store: any AccountAdministrationStore
    let auditor: Auditor

    public init(store: any AccountAdministrationStore, audit: AuditLog) {
        self.store = store
        self.auditor = Auditor(log: audit)
    }

    static func requireAdministrator(_ actor: User) throws {
        guard actor.active, actor.has(.administrator) else {
            throw PolicyRefusal.roles("only administrators manage accounts")
        }
    }

    /// Every account, for administrators.
    public func users(by actor: User, request: RequestInfo = .none) async throws -> [User] {
        try await auditor.run(actor, "user.list", kind: "user", request: request) {
            try Self.requireAdministrator(actor)
            return try await store.users()
        }
    }

    /// One account with its API tokens, for administrators.
    public func user(_ id: UserID, by actor: User, request: RequestInfo = .none) async throws -> (
        User, [APITokenRecord]
    ) {
        try await auditor.run(actor, "user.read", kind: "user", ids: [id.rawValue], request: request) {
            try Self.requireAdministrator(actor)
            guard let user = try await store.user(id) else {
                throw LiaisonError.notFound(kind: "user", id: id.rawValue)
            }
            return (user, try await store.tokens(of: id))
        }
    }

    /// Checks an account's fields, reporting every problem by field.
    public func validate(_ input: NewUser) async throws -> User {
        var v = Validator()
        let username = v.text(input.username, "username", required: true, max: 64) ?? ""
        if !username.isEmpty
            && !username.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || ".-_".contains($0)) })
        {
            v.fail("username", "may hold only lowercase letters, digits, '.', '-' and '_'")
        }
        let name = v.text(input.displayName, "displayName", required: true, max: 100) ?? ""
        let email = v.text(input.email, "email", required: true, max: 200) ?? ""
        if !email.isEmpty && (email.split(separator: "@").count != 2 || email.contains(" ")) {
            v.fail("email", "must be an email address")
        }
        let agency = try await store.agency(code: input.agencyCode.uppercased())
        if agency == nil { v.fail("agency", "is not a known agency") }
        let roles = input.roles.compactMap(Role.init(rawValue:))
        if roles.isEmpty { v.fail("roles", "must include at least one role") }
        if roles.count != input.roles.count { v.fail("roles", "has a role Liaison does not know") }
        if let agency, agency.type == "private-sector", roles != [.industryPartner] {
            v.fail("roles", "users of a private-sector organisation hold only the industry-partner role")
        }
        if let agency, agency.type != "private-sector", roles.contains(.industryPartner) {
            v.fail("roles", "the industry-partner role is for users of private-sector organisations")
        }
        let vetting = Vetting(rawValue: input.vetting.uppercased())
        if vetting == nil { v.fail("vetting", "must be BPSS, SC or DV") }
        if !username.isEmpty, try await store.credentials(username: username) != nil {
            v.fail("username", "is already taken")
        }
        if input.password.count < 12 { v.fail("password", "must be at least 12 characters") }
        if input.password.utf8.count > 72 { v.fail("password", "must be at most 72 bytes") }
        try v.check()
        return User(
            username: username, displayName: name, email: email, agencyID: agency!.id, roles: roles, vetting: vetting!)
    }

    /// Creates the account once every field checks out; `hash` turns the password into the stored hash.
    public func create(
        _ input: NewUser, hash: @Sendable (String) async throws -> String, by actor: User,
        request: RequestInfo = .none
    ) async throws -> User {
        try await auditor.run(
            actor, "user.create", kind: "user", request: request, detail: "username: \(input.username.prefix(64))",
            touched: { [$0.id.rawValue] }
        ) {
            try Self.requireAdministrator(actor)
            let user = try await validate(input)
            try await store.insertUser(user, passwordHash: try await hash(input.password))
            return user
        }
    }

    public func setActive(_ id: UserID, active: Bool, by actor: User, request: RequestInfo = .none) async throws -> User
    {
        try await change(id, action: active ? "user.enable" : "user.disable", by: actor, request: request) { user in
            if user.id == actor.id && !active {
                throw LiaisonError.invalid("active", "you cannot disable your own account")
            }
            user.active = active
        }
    }

    public func setBriefings(_ id: UserID, briefings: [String], by actor: User, request: RequestInfo = .none)
        async throws -> User
    {
        try await change(
            id, action: "user.brief", by: actor, request: request, detail: briefings.joined(separator: ", ")
        ) { user in
            var v = Validator()
            for (index, operation) in briefings.enumerated()
            where operation.isEmpty || operation.count > 60
                || !operation.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "- ".contains($0)) })
            {
                v.fail(
                    "briefings[\(index)]",
                    "must be an operation or case name of 1–60 letters, digits, spaces or hyphens")
            }
            try v.check()
            user.briefings = Array(Set(briefings)).sorted()
        }
    }

    private func change(
        _ id: UserID, action: String, by actor: User, request: RequestInfo, detail: String? = nil,
        _ edit: (inout User) throws -> Void
    ) async throws -> User {
        try await auditor.run(actor, action, kind: "user", ids: [id.rawValue], request: request, detail: detail) {
            try Self.requireAdministrator(actor)
            guard var user = try await store.user(id) else {
                throw LiaisonError.notFound(kind: "user", id: id.rawValue)
            }
            try edit(&user)
            try await store.updateUser(user, expectedVersion: user.version)
            user.version += 1
            return user
        }
    }
}
