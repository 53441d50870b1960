/// The page templates (Mustache), kept in code so a copied binary needs no resource folder: the layout and the
/// partials every page shares here, each feature's pages beside it in `Features/<Feature>/<Feature>Templates.swift`.
/// `{{x}}` escapes HTML; `{{{x}}}` is used only for HTML this server rendered itself.
enum Templates {
    /// Every template by name; a name used twice stops the server at start-up.
    static let all: [String: String] = [
        shared, HomeTemplates.all, SubjectTemplates.all, GroupTemplates.all, POITemplates.all, CaseTemplates.all,
        ObligationTemplates.all, InterventionTemplates.all, AssetTemplates.all, ReportTemplates.all,
        IntelligenceTemplates.all, GAINTemplates.all, AlertTemplates.all, ImportTemplates.all, ReviewTemplates.all,
        AuditTemplates.all, AccountTemplates.all,
    ].reduce(into: [:]) { all, set in all.merge(set) { _, _ in preconditionFailure("two templates share a name") } }

    static let shared: [String: String] = [
        "layout": layout, "errorSummary": errorSummary, "error": error, "markingTag": markingTag,
        "formField": formField, "problem": problem, "problemSummary": problemSummary,
    ]

    static let layout = """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{#hasErrors}}Error: {{/hasErrors}}{{title}} – Liaison</title>
        <link rel="stylesheet" href="/assets/liaison.css">
        </head>
        <body>
        <a href="#main" class="skip-link">Skip to main content</a>
        <header class="header" role="banner">
          <div class="header__inner">
            <a href="/" class="header__service">Liaison</a>
            {{#user}}
            <div class="header__user">
              <span>{{displayName}}, {{agencyName}}</span>
              <form method="post" action="/logout"><input type="hidden" name="_csrf" value="{{csrf}}"><button class="link-button" type="submit">Sign out</button></form>
            </div>
            {{/user}}
          </div>
        </header>
        {{#user}}
        <nav class="nav" aria-label="Main">
          <div class="nav__inner"><ul>
            {{#nav}}<li><a href="{{href}}"{{#current}} aria-current="page"{{/current}}>{{label}}</a></li>{{/nav}}
          </ul></div>
        </nav>
        {{/user}}
        <div class="width-container">
        {{#user}}<p class="phase-banner"><strong class="tag">Beta</strong> Liaison is new: <a href="/feedback">tell us what works and what does not</a>.</p>{{/user}}
        <main id="main" tabindex="-1">
        {{{content}}}
        </main>
        </div>
        <footer class="footer" role="contentinfo"><div class="width-container">
        Liaison — shared casework and intelligence for the agencies tackling serious and organised crime.
        Information here is protectively marked: handle it as its marking says.
        </div></footer>
        </body>
        </html>
        """

    static let errorSummary = """
        {{#hasErrors}}
        <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
          <h2 id="error-summary-title">There is a problem</h2>
          <ul>{{#errors}}<li><a href="#{{anchor}}">{{message}}</a></li>{{/errors}}</ul>
        </div>
        {{/hasErrors}}
        """

    /// The page's `problem` (a `FormProblem`), if any.
    static let problem = "{{#problem}}{{>problemSummary}}{{/problem}}"

    /// A `FormProblem` as an error summary: each field's error links to its input.
    static let problemSummary = """
        <div class="error-summary" role="alert" aria-labelledby="problem-title" tabindex="-1">
          <h2 id="problem-title">There is a problem</h2>
          <ul>{{#items}}<li>{{#anchor}}<a href="#{{anchor}}">{{message}}</a>{{/anchor}}{{^anchor}}{{message}}{{/anchor}}</li>{{/items}}</ul>
        </div>
        """

    static let error = """
        <div class="two-thirds">
        <h1>{{heading}}</h1>
        <p>{{message}}</p>
        <p><a href="/">Go to the start page</a></p>
        {{#requestID}}<p class="hint">Reference: {{requestID}}</p>{{/requestID}}
        </div>
        """

    /// A GOV.UK date input written into a template: a legend, an optional hint and three boxes named
    /// `NAME-day`, `NAME-month` and `NAME-year` (`FormData` reads them as one `NAME`). With `values`, each box keeps
    /// what was typed, read from `{{values.NAME-day}}` and so on, when the form is shown again.
    static func dateInput(_ name: String, _ legend: String, hint: String? = nil, values: String? = nil) -> String {
        let described = hint == nil ? "" : #" aria-describedby="\#(name)-hint""#
        let hintLine = hint.map { #"<span class="hint" id="\#(name)-hint">\#($0)</span>"# } ?? ""
        func box(_ part: String, _ label: String, width: Int) -> String {
            let id = part == "day" ? name : "\(name)-\(part)"
            let value = values.map { #" value="{{\#($0).\#(name)-\#(part)}}""# } ?? ""
            return #"<div class="date-input__item"><label for="\#(id)">\#(label)</label>"#
                + #"<input class="input--width-\#(width)" id="\#(id)" name="\#(name)-\#(part)" inputmode="numeric"\#(value)></div>"#
        }
        return #"<div class="form-group"><fieldset class="fieldset" role="group"\#(described)>"#
            + #"<legend class="fieldset__legend">\#(legend)</legend>\#(hintLine)<div class="date-input">"#
            + box("day", "Day", width: 2) + box("month", "Month", width: 2) + box("year", "Year", width: 4)
            + "</div></fieldset></div>"
    }

    /// A choice of one, written into a template: a label, an optional hint, and a select whose options come from
    /// the page's `list` (each `code`, `label`, `selected`), after a first option `blank` meaning none.
    static func select(_ name: String, _ label: String, list: String, blank: String, hint: String? = nil) -> String {
        let described = hint == nil ? "" : #" aria-describedby="\#(name)-hint""#
        return #"<div class="form-group"><label for="\#(name)">\#(label)</label>"#
            + (hint.map { #"<span class="hint" id="\#(name)-hint">\#($0)</span>"# } ?? "")
            + #"<select id="\#(name)" name="\#(name)"\#(described)><option value="">\#(blank)</option>"#
            + #"{{#\#(list)}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/\#(list)}}"#
            + "</select></div>"
    }

    /// A choice of several, written into a template: a legend and a checkbox for each of the page's `list` (each
    /// `code`, `label`, `selected`), all sent under `name`. The fieldset carries the ID `name`, for an error summary.
    static func checkboxes(_ name: String, _ legend: String, list: String, hint: String? = nil) -> String {
        #"<fieldset class="fieldset form-group" id="\#(name)" tabindex="-1"><legend class="fieldset__legend">\#(legend)</legend>"#
            + (hint.map { #"<span class="hint">\#($0)</span>"# } ?? "") + #"<div class="checkbox-columns">"#
            + #"{{#\#(list)}}<div class="checkbox"><input type="checkbox" id="\#(name)-{{code}}" name="\#(name)" value="{{code}}"{{#selected}} checked{{/selected}}>"#
            + #"<label for="\#(name)-{{code}}">{{label}}</label></div>{{/\#(list)}}</div></fieldset>"#
    }

    static let markingTag = """
        <strong class="tag {{markingClass}}">{{markingLabel}}</strong>
        """

    /// One question of a `FormField`: a label (a legend and three boxes for a date), hint, inline error, input.
    static let formField = """
        <div class="form-group{{#error}} form-group--error{{/error}}">
        {{#isDate}}<fieldset class="fieldset" role="group"{{#describedBy}} aria-describedby="{{describedBy}}"{{/describedBy}}><legend class="fieldset__legend">{{label}}</legend>{{/isDate}}
        {{^isDate}}<label for="{{name}}">{{label}}</label>{{/isDate}}
        {{#hint}}<span class="hint" id="{{name}}-hint">{{hint}}</span>{{/hint}}
        {{#error}}<span class="error-message" id="{{name}}-error"><span class="visually-hidden">Error:</span> {{error}}</span>{{/error}}
        {{#isText}}<input type="{{type}}" id="{{name}}" name="{{name}}" value="{{value}}"{{#autocomplete}} autocomplete="{{autocomplete}}"{{/autocomplete}}{{#describedBy}} aria-describedby="{{describedBy}}"{{/describedBy}}{{#error}} class="input--error"{{/error}}>{{/isText}}
        {{#isTextarea}}<textarea id="{{name}}" name="{{name}}" rows="3"{{#describedBy}} aria-describedby="{{describedBy}}"{{/describedBy}}{{#error}} class="input--error"{{/error}}>{{value}}</textarea>{{/isTextarea}}
        {{#isSelect}}<select id="{{name}}" name="{{name}}"{{#describedBy}} aria-describedby="{{describedBy}}"{{/describedBy}}>{{#options}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/options}}</select>{{/isSelect}}
        {{#isDate}}<div class="date-input">
          <div class="date-input__item"><label for="{{name}}">Day</label><input class="input--width-2{{#error}} input--error{{/error}}" id="{{name}}" name="{{name}}-day" inputmode="numeric" value="{{day}}"></div>
          <div class="date-input__item"><label for="{{name}}-month">Month</label><input class="input--width-2{{#error}} input--error{{/error}}" id="{{name}}-month" name="{{name}}-month" inputmode="numeric" value="{{month}}"></div>
          <div class="date-input__item"><label for="{{name}}-year">Year</label><input class="input--width-4{{#error}} input--error{{/error}}" id="{{name}}-year" name="{{name}}-year" inputmode="numeric" value="{{year}}"></div>
        </div></fieldset>{{/isDate}}
        </div>
        """
}
