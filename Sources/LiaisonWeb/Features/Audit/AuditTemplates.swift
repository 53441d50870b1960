/// The audit pages' templates (Mustache), registered by name in `Templates.all`.
enum AuditTemplates {
    static let all: [String: String] = [
        "audit": audit, "access": access,
    ]

    static let audit = """
        {{>errorSummary}}
        <h1>Audit log</h1>
        <p>Every page view, search, read and change, newest first. Each entry is chained to the one before it by a hash, so any
        edit or deletion is detected by <code>liaison audit verify</code>.</p>
        <form class="filters" method="get" action="/audit">
          {{#fields}}{{>formField}}{{/fields}}
          {{#dateFields}}{{>formField}}{{/dateFields}}
          <div class="form-group"><label for="outcome">Outcome</label>
            <select id="outcome" name="outcome"><option value="">Any</option>{{#outcomes}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{code}}</option>{{/outcomes}}</select>
          </div>
          <button class="button" type="submit">Search</button>
        </form>
        <p><a href="{{exportLink}}" download>Download matching entries as CSV</a></p>
        {{#hasItems}}
        <table class="responsive">
          <caption class="visually-hidden">Audit entries, newest first</caption>
          <thead><tr><th scope="col">#</th><th scope="col">Time</th><th scope="col">User</th><th scope="col">Action</th><th scope="col">Records</th><th scope="col">Detail</th><th scope="col">Outcome</th></tr></thead>
          <tbody>{{#items}}<tr><td data-label="#">{{sequence}}</td><td data-label="Time">{{time}}</td><td data-label="User">{{actor}}</td><td data-label="Action">{{action}}</td><td data-label="Records">{{#objects}}{{#href}}<a href="{{href}}">{{title}}</a>{{/href}}{{^href}}{{title}}{{/href}}<br>{{/objects}}{{more}}</td><td data-label="Detail">{{detail}}{{#purpose}}<br><span class="hint">Purpose: {{purpose}}</span>{{/purpose}}</td><td data-label="Outcome"><strong class="tag {{outcomeClass}}">{{outcome}}</strong></td></tr>{{/items}}</tbody>
        </table>
        {{/hasItems}}
        {{^hasItems}}<p>No entries match.</p>{{/hasItems}}
        <nav class="pagination" aria-label="Pages">{{#nextLink}}<a href="{{nextLink}}" rel="next">Older entries</a>{{/nextLink}}</nav>
        """

    static let access = """
        <div class="two-thirds">
        {{>errorSummary}}
        <h1>Why can't they see this?</h1>
        <p>Ask the access policy whether a user may see a record, and why. The answer names the reasons, never the record's content.</p>
        <form method="get" action="/access" novalidate>
          {{#fields}}{{>formField}}{{/fields}}
          <button class="button" type="submit">Ask</button>
        </form>
        {{#answer}}
        <h2>{{verdict}}</h2>
        <p><strong class="tag {{#allowed}}tag--green{{/allowed}}{{^allowed}}tag--red{{/allowed}}">{{verdict}}</strong> {{user}} to {{action}} this {{kind}}, because:</p>
        <ul>{{#reasons}}<li>{{.}}</li>{{/reasons}}</ul>
        {{#hasWithheld}}<h3>Withheld fields</h3><ul>{{#withheld}}<li>{{field}}: {{reason}}</li>{{/withheld}}</ul>{{/hasWithheld}}
        {{/answer}}
        </div>
        """
}
