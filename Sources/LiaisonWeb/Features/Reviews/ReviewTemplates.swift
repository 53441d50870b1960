/// The reviews pages' templates (Mustache), registered by name in `Templates.all`.
enum ReviewTemplates {
    static let all: [String: String] = [
        "matches": matches, "match": match,
    ]

    static let matches = """
        {{#notice}}<div class="notification notification--success" role="status"><p>{{notice}}</p></div>{{/notice}}
        <h1>Possible duplicates</h1>
        <p>Pairs of subjects you can see that the matching engine found likely to be one person. Open a pair to compare
        the records side by side and decide. A decision never changes either record, and can be undone.</p>
        <form method="post" action="/matches/find" class="actions">
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <button class="button" type="submit">Find likely duplicates now</button>
        </form>
        <nav aria-label="Review status"><ul class="tabs">
          {{#statuses}}<li><a href="/matches?status={{code}}"{{#current}} aria-current="page"{{/current}}>{{label}}</a></li>{{/statuses}}
        </ul></nav>
        {{#hasItems}}
        <table class="responsive"><caption>{{statusLabel}}</caption>
          <thead><tr><th scope="col">Subject</th><th scope="col">Possibly the same as</th><th scope="col" class="numeric">Likelihood</th><th scope="col">Reasons</th></tr></thead>
          <tbody>{{#items}}<tr><td data-label="Subject"><a href="/matches/{{id}}">{{left}}</a></td><td data-label="Possibly the same as">{{right}}</td><td data-label="Likelihood" class="numeric">{{percent}}%</td><td data-label="Reasons"><span class="hint">{{summary}}</span></td></tr>{{/items}}</tbody>
        </table>
        {{/hasItems}}
        {{^hasItems}}<p>No pairs here ({{statusLabel}}).</p>{{/hasItems}}
        """

    static let match = """
        <a class="back-link" href="/matches">Back to possible duplicates</a>
        {{#notice}}<div class="notification notification--success" role="status"><p>{{notice}}</p></div>{{/notice}}
        {{>errorSummary}}
        <span class="caption">Possible duplicate · {{statusLabel}}</span>
        <h1>{{leftName}} and {{rightName}}</h1>
        <p class="lede">{{percent}}% likely to be the same person</p>
        <table class="responsive side-by-side"><caption class="visually-hidden">The two records side by side</caption>
          <thead><tr><th scope="col">Field</th>
            <th scope="col"><a href="/subjects/{{leftID}}">{{leftName}}</a> <span class="tag tag--grey">{{leftMarking}}</span></th>
            <th scope="col"><a href="/subjects/{{rightID}}">{{rightName}}</a> <span class="tag tag--grey">{{rightMarking}}</span></th></tr></thead>
          <tbody>{{#rows}}<tr{{#same}} class="side-by-side__same"{{/same}}><th scope="row">{{label}}</th><td data-label="">{{left}}</td><td data-label="">{{right}}</td></tr>{{/rows}}</tbody>
        </table>
        <h2>Why the engine paired them</h2>
        <table class="responsive table"><caption class="visually-hidden">Each comparison and how much it counts</caption>
          <thead><tr><th scope="col">What was compared</th><th scope="col">Counts</th></tr></thead>
          <tbody>{{#parts}}<tr><td data-label="What was compared">{{comparison}}</td><td data-label="Counts">{{counts}}</td></tr>{{/parts}}</tbody>
        </table>
        {{#notes}}<p class="hint">{{.}}</p>{{/notes}}
        {{#canDecide}}
        <h2>Your decision</h2>
        <form method="post" action="/matches/{{id}}/decision" novalidate>
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <div class="form-group{{#decisionError}} form-group--error{{/decisionError}}">
            <fieldset id="decision"><legend>Are these the same person?</legend>
            {{#decisionError}}<span class="error-message" id="decision-error"><span class="visually-hidden">Error:</span> {{decisionError}}</span>{{/decisionError}}
            {{#choices}}<div class="radio"><input type="radio" id="decision-{{code}}" name="decision" value="{{code}}"{{#checked}} checked{{/checked}}><label for="decision-{{code}}">{{label}}</label></div>{{/choices}}
            </fieldset>
          </div>
          <div class="form-group{{#noteError}} form-group--error{{/noteError}}">
            <label for="note">Note (optional)</label>
            {{#noteError}}<span class="error-message" id="note-error"><span class="visually-hidden">Error:</span> {{noteError}}</span>{{/noteError}}
            <textarea id="note" name="note" rows="3">{{note}}</textarea>
          </div>
          <button class="button" type="submit">Record decision</button>
        </form>
        {{#decided}}
        <form method="post" action="/matches/{{id}}/undo">
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <button class="button button--secondary" type="submit">Undo the current decision</button>
        </form>
        {{/decided}}
        {{/canDecide}}
        {{^canDecide}}<p>You can see both records but may not change both, so you cannot decide this pair.</p>{{/canDecide}}
        <h2>History</h2>
        {{#hasHistory}}<ul>{{#history}}<li><strong>{{status}}</strong> by {{by}}, {{at}}{{#note}}: {{note}}{{/note}}</li>{{/history}}</ul>{{/hasHistory}}
        {{^hasHistory}}<p>No decision yet.</p>{{/hasHistory}}
        """
}
