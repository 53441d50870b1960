import Foundation
import Hummingbird
import LiaisonCore
import Mustache
import Synchronization

/// Renders a page template inside the layout, for the signed-in user.
struct PageRenderer: Sendable {
    let library: MustacheLibrary

    init() throws {
        var templates: [String: MustacheTemplate] = [:]
        for (name, text) in Templates.all { templates[name] = try MustacheTemplate(string: text) }
        library = MustacheLibrary(templates: templates)
    }

    /// The navigation: each section with the roles it is for (nil: every signed-in user). A link the user may not
    /// follow is not shown.
    static let sections: [(href: String, label: String, roles: Set<Role>?)] = [
        ("/", "Home", nil), ("/subjects", "Subjects", nil), ("/ocgs", "Organised crime groups", nil),
        ("/pois", "Persons of Interest", nil),
        ("/operations", "Operations", nil), ("/matches", "Possible duplicates", nil), ("/imports", "Imports", nil),
        ("/cases", "Cases", nil),
        ("/obligations", "Obligations", ObligationService.caseworkRoles), ("/inbox", "Inbox", nil),
        ("/intelligence", "Intelligence", nil),
        ("/reports", "Reports", nil), alertsSection, ("/audit", "Audit log", [.auditor, .administrator]),
        ("/admin/users", "Accounts", [.administrator]),
    ]
    static let alertsSection: (href: String, label: String, roles: Set<Role>?) = ("/alerts", "Industry alerts", nil)

    /// The sections `user` may open.
    static func navigation(for user: User) -> [(href: String, label: String, roles: Set<Role>?)] {
        if user.confinedToAlerts { return [alertsSection] }
        return sections.filter { $0.roles.map { !$0.isDisjoint(with: user.roles) } ?? true }
    }

    /// The layout around a rendered page body: header, navigation for the user, banner and footer.
    func wrap(
        _ body: String, title: String, hasErrors: Bool, identity: Identity?, section: String?,
        status: HTTPResponse.Status
    ) -> Response {
        let layout = LayoutModel(
            title: title, content: body, hasErrors: hasErrors,
            user: identity.map { identity in
                LayoutModel.SignedIn(
                    displayName: identity.user.displayName, agencyName: identity.agency?.name ?? "",
                    csrf: identity.csrfToken ?? "",
                    nav: Self.navigation(for: identity.user).map {
                        .init(href: $0.href, label: $0.label, current: $0.href == section)
                    })
            })
        let html = library.render(layout, withTemplate: layout.template) ?? ""
        var response = Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: html)))
        response.headers[.cacheControl] = "no-store"
        return response
    }
}

/// What the layout shows around every page.
struct LayoutModel: PageModel {
    var template: String { "layout" }
    let title: String
    let content: String
    let hasErrors: Bool
    let user: SignedIn?

    struct SignedIn {
        let displayName: String
        let agencyName: String
        let csrf: String
        let nav: [NavItem]
    }

    struct NavItem {
        let href: String
        let label: String
        let current: Bool
    }
}

/// A page's typed view model: the values its template reads, by the names the template uses. Mustache reads a
/// model's stored properties by name (computed ones it cannot see); `PageModelTests` checks every name a model's template uses is one the model
/// has, so a misspelt key fails a test rather than rendering nothing.
protocol PageModel {
    /// The template that renders this model.
    var template: String { get }
    /// Whether the page shows an error summary (the title then starts "Error:").
    var hasErrors: Bool { get }
}

extension PageModel {
    var hasErrors: Bool { false }
}

extension PageRenderer {
    /// A full HTML response: the model's template rendered with it, wrapped in the layout.
    func page<Model: PageModel>(
        _ model: Model, title: String, identity: Identity?, section: String? = nil,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        let body = library.render(model, withTemplate: model.template) ?? ""
        return wrap(
            body, title: title, hasErrors: model.hasErrors, identity: identity, section: section, status: status)
    }
}

/// The tag for a protective marking: colour rises with the classification.
struct MarkingTag {
    let markingLabel: String
    let markingClass: String
    let highMarking: Bool

    init(_ marking: ProtectiveMarking) {
        markingLabel = marking.label
        markingClass =
            switch marking.classification {
            case .official: "tag--grey"
            case .officialSensitive: "tag--yellow"
            case .secret, .topSecret: "tag--red"
            }
        highMarking = marking.classification >= .secret
    }
}

/// One option of a select.
struct Option {
    let code: String
    let label: String
    let selected: Bool
}

/// One box of a group of checkboxes.
struct Tick {
    let code: String
    let label: String
    let checked: Bool
}

extension String {
    /// The text, or nil when empty: a Mustache section shows for any string, the empty one included.
    var nonEmpty: String? { isEmpty ? nil : self }
}

/// Formats a time for pages: "21 Sep 2026 14:05 UTC".
func displayTime(_ date: Date) -> String {
    displayTimeFormatter.withLock { $0.string(from: date) }
}

/// The one formatter for times on pages (a formatter is costly to make and not safe to share unguarded).
private let displayTimeFormatter = Mutex<DateFormatter>(
    {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "d MMM yyyy HH:mm 'UTC'"
        return formatter
    }())

/// A form error as the error summary and the field show it.
struct FormError {
    let anchor: String
    let message: String
}

/// A text input or textarea for the `formField` partial.
func fieldView(
    _ name: String, _ label: String, value: String?, hint: String? = nil, error: String? = nil,
    textarea: Bool = false, type: String = "text", autocomplete: String? = nil
) -> FormField {
    textarea
        ? .textarea(name, label, value: value ?? "", hint: hint, error: error)
        : .text(name, label, value: value ?? "", hint: hint, error: error, type: type, autocomplete: autocomplete)
}

/// The protective markings `user` may give a record: only those their vetting reaches, so nobody makes a record
/// they could not read back. `among` narrows the choice (industry alerts use a few).
func markingOptions(
    for user: User?, among markings: [Classification] = Classification.allCases, selected: String? = nil
) -> [Option] {
    markings.filter { marking in user.map { marking <= $0.vetting.maximumClassification } ?? false }
        .map { Option(code: $0.rawValue, label: $0.rawValue, selected: $0.rawValue == selected) }
}

/// Nationalities by their country names from the reference list ("Russia", not "RUS").
func countries(_ codes: [String], _ reference: ReferenceData) -> String {
    codes.map { reference.label($0.lowercased(), in: "country") }.joined(separator: ", ")
}

/// A date of birth as people write it: "18 May 1975", "May 1975" or "1975" for a partial one; anything else as given.
func displayBirth(_ value: String) -> String {
    let parts = value.split(separator: "-").map(String.init)
    let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]
    guard let year = parts.first, year.count == 4, Int(year) != nil else { return value }
    if parts.count >= 2, let month = Int(parts[1]), (1...12).contains(month) {
        if parts.count == 3, let day = Int(parts[2]), (1...31).contains(day) {
            return "\(day) \(months[month - 1]) \(year)"
        }
        return "\(months[month - 1]) \(year)"
    }
    return parts.count == 1 ? year : value
}

/// The partner agencies as a page's choice list (`Templates.select`, `Templates.checkboxes`), by name.
func agencyChoices(_ agencies: [Agency], selected: [String] = []) -> [Option] {
    agencies.map { Option(code: $0.code, label: $0.name, selected: selected.contains($0.code)) }
}

/// Officers as a page's choice list, by name and agency; their usernames are only the values sent.
func officerChoices(_ users: [User], agencies: [AgencyID: String], selected: String? = nil) -> [Option] {
    users.map {
        Option(
            code: $0.username, label: "\($0.displayName), \(agencies[$0.agencyID] ?? "")",
            selected: $0.username == selected)
    }
}

/// A yyyy-MM-dd day as pages show it: "27 March 2027"; anything else as given; nil as nil.
func displayDay(_ value: String?) -> String? { value.map(displayBirth) }

/// Dates of birth for a page, joined.
func displayBirths(_ values: [String]) -> String { values.map(displayBirth).joined(separator: ", ") }
