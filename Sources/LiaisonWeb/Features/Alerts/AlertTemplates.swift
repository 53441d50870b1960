/// The alerts pages' templates (Mustache), registered by name in `Templates.all`.
enum AlertTemplates {
    static let all: [String: String] = [
        "alerts": alerts, "alertForm": alertForm, "alert": alert, "alertAudiences": alertAudiences,
    ]

    static let alerts = """
        {{#notice}}<div class="notification notification--success" role="status"><p>{{notice}}</p></div>{{/notice}}
        <h1>Industry alerts</h1>
        {{#confined}}<p>Alerts from the agencies tackling serious and organised crime for your sector. Acknowledge each one, and tell the issuing agency how useful it was and what you did.</p>{{/confined}}
        {{^confined}}<p>Sanitised alerts for private-sector partners: typologies, suspicious financial activity, forged identity documents.
          {{#canWrite}}<a class="button" href="/alerts/new">Write an alert</a>{{/canWrite}} {{#isAdmin}}<a href="/alerts/audiences">Who receives alerts</a>{{/isAdmin}}</p>{{/confined}}
        {{#hasItems}}{{#items}}<div class="card">
          <p class="hint">{{marking}} · {{category}} · from {{issuer}}{{#published}} · published {{published}}{{/published}} · applies until {{expires}}{{^confined}} · <strong class="tag">{{status}}</strong>{{/confined}}</p>
          <h2><a href="/alerts/{{id}}">{{title}}</a></h2>
          <p>{{summary}}</p>
          <p class="hint">For: {{sectors}}{{#acknowledged}} · {{acknowledged}}{{/acknowledged}}</p>
        </div>{{/items}}{{/hasItems}}
        {{^hasItems}}<p>No alerts for you at present.</p>{{/hasItems}}
        """

    static let alertForm = """
        {{>problem}}
        <span class="caption"><a href="/alerts">Industry alerts</a></span>
        <h1>Write an industry alert</h1>
        <p>Write for the private sector: sanitised content only. A supervisor of your agency publishes it.</p>
        <form method="post" action="/alerts" novalidate>
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <div class="form-group"><label for="title">Title</label><input id="title" name="title" value="{{form.title}}"></div>
          <div class="form-group"><label for="category">Category</label><select id="category" name="category">{{#categories}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/categories}}</select></div>
          <div class="form-group"><label for="summary">What recipients should know (sanitised)</label><textarea id="summary" name="summary" rows="6">{{form.summary}}</textarea></div>
          <div class="form-group"><label for="guidance">What to do</label><textarea id="guidance" name="guidance" rows="3">{{form.guidance}}</textarea></div>
          <div class="form-group"><label for="indicators">Indicators, one per line as kind: value</label><span class="hint">email, url, domain, ipv4, phone, account, document, company, text</span><textarea id="indicators" name="indicators" rows="4">{{form.indicators}}</textarea></div>
          <fieldset class="form-group" id="sectors" tabindex="-1"><legend>Sectors it is for</legend>{{#sectors}}<div class="checkbox"><input type="checkbox" id="sector-{{code}}" name="sectors" value="{{code}}"{{#checked}} checked{{/checked}}><label for="sector-{{code}}">{{label}}</label></div>{{/sectors}}</fieldset>
          <div class="form-group"><label for="classification">Protective marking</label><select id="classification" name="classification">{{#classifications}}<option value="{{code}}">{{code}}</option>{{/classifications}}</select></div>
          \(Templates.dateInput("expiresOn", "Applies until", values: "form"))
          <div class="form-group"><label for="sourceIntel">Drawn from intelligence report (ID, optional)</label><input id="sourceIntel" name="sourceIntel" value="{{form.sourceIntel}}"></div>
          <button class="button" type="submit">Save draft</button>
        </form>
        """

    static let alert = """
        {{#notice}}<div class="notification notification--success" role="status"><p>{{notice}}</p></div>{{/notice}}
        {{>problem}}
        {{#marking}}<p class="marking-banner{{#highMarking}} marking-banner--high{{/highMarking}}">{{markingLabel}}</p>{{/marking}}
        <span class="caption"><a href="/alerts">Industry alerts</a></span>
        <h1>{{title}}</h1>
        <dl class="summary-list">
          <div><dt>Category</dt><dd>{{category}}</dd></div>
          <div><dt>From</dt><dd>{{issuer}}{{#published}}, published {{published}}{{/published}}</dd></div>
          <div><dt>For</dt><dd>{{sectors}}</dd></div>
          <div><dt>Applies until</dt><dd>{{expires}}</dd></div>
          <div><dt>Status</dt><dd><strong class="tag">{{status}}</strong>{{#withdrawnReason}}: {{withdrawnReason}}{{/withdrawnReason}}</dd></div>
          {{#sourceIntel}}<div><dt>Drawn from</dt><dd><a href="/intelligence/{{sourceIntel}}">intelligence report</a> (shown to your agency only)</dd></div>{{/sourceIntel}}
        </dl>
        <h2>What you should know</h2><p>{{summary}}</p>
        {{#guidance}}<h2>What to do</h2><p>{{guidance}}</p>{{/guidance}}
        {{#hasIndicators}}<h2>Indicators</h2><table class="responsive"><caption class="visually-hidden">Indicators</caption>
          <thead><tr><th scope="col">Kind</th><th scope="col">Value</th><th scope="col">Note</th></tr></thead>
          <tbody>{{#indicators}}<tr><td data-label="Kind">{{kind}}</td><td data-label="Value"><code>{{value}}</code></td><td data-label="Note">{{note}}</td></tr>{{/indicators}}</tbody></table>{{/hasIndicators}}
        {{#confined}}
          {{#acknowledged}}<p class="hint">{{acknowledged}}</p>{{/acknowledged}}
          {{^acknowledged}}<form method="post" action="/alerts/{{id}}/acknowledgement"><input type="hidden" name="_csrf" value="{{csrf}}"><button class="button" type="submit">Acknowledge receipt</button></form>{{/acknowledged}}
          <details class="panel"{{#problem}} open{{/problem}}><summary>Send feedback to the issuing agency</summary>
          <form method="post" action="/alerts/{{id}}/feedback" novalidate>
            <input type="hidden" name="_csrf" value="{{csrf}}">
            <fieldset class="form-group"><legend>How useful was it?</legend>{{#ratings}}<div class="radio"><input type="radio" id="rating-{{code}}" name="rating" value="{{code}}"><label for="rating-{{code}}">{{label}}</label></div>{{/ratings}}</fieldset>
            <div class="form-group"><label for="text">What you found or did</label><textarea id="text" name="text" rows="3"></textarea></div>
            <button class="button button--secondary" type="submit">Send feedback</button>
          </form></details>
        {{/confined}}
        {{^confined}}
          {{#canPublish}}<form method="post" action="/alerts/{{id}}/steps" class="panel"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="version" value="{{version}}">
            <p>Publishing sends it to the private-sector organisations of its sectors, until it expires.</p>
            <button class="button" type="submit" name="action" value="publish">Publish</button></form>{{/canPublish}}
          {{#canWithdraw}}<details class="panel"><summary>Withdraw the alert</summary><form method="post" action="/alerts/{{id}}/steps" novalidate>
            <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="version" value="{{version}}"><input type="hidden" name="action" value="withdraw">
            <div class="form-group"><label for="reason">Why</label><input id="reason" name="reason"></div>
            <button class="button button--secondary" type="submit">Withdraw</button></form></details>{{/canWithdraw}}
          <h2>Acknowledged by</h2>
          {{#hasAcknowledgements}}<ul>{{#acknowledgements}}<li>{{agency}}: {{by}}, {{at}}</li>{{/acknowledgements}}</ul>{{/hasAcknowledgements}}
          {{^hasAcknowledgements}}<p>No acknowledgements you can see.</p>{{/hasAcknowledgements}}
        {{/confined}}
        <h2>Feedback</h2>
        {{#hasFeedback}}{{#feedback}}<div class="card"><p class="hint">{{agency}}, {{by}}, {{at}} · <strong class="tag">{{rating}}</strong></p><p>{{text}}</p></div>{{/feedback}}{{/hasFeedback}}
        {{^hasFeedback}}<p>No feedback you can see.</p>{{/hasFeedback}}
        """

    static let alertAudiences = """
        {{#notice}}<div class="notification notification--success" role="status"><p>{{notice}}</p></div>{{/notice}}
        {{>problem}}
        <span class="caption"><a href="/alerts">Industry alerts</a></span>
        <h1>Who receives industry alerts</h1>
        <p>Each private-sector organisation receives the published alerts addressed to its sectors.</p>
        {{#hasItems}}{{#items}}<form method="post" action="/alerts/audiences" class="panel" novalidate>
          <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="agency" value="{{code}}">
          <fieldset class="form-group"><legend>{{name}} ({{code}})</legend>{{#sectors}}<div class="checkbox"><input type="checkbox" id="{{org}}-{{code}}" name="sectors" value="{{code}}"{{#checked}} checked{{/checked}}><label for="{{org}}-{{code}}">{{label}}</label></div>{{/sectors}}</fieldset>
          <button class="button button--secondary" type="submit">Save</button>
        </form>{{/items}}{{/hasItems}}
        {{^hasItems}}<p>No private-sector organisations are registered.</p>{{/hasItems}}
        """
}
