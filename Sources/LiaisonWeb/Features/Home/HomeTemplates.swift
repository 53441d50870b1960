/// The home pages' templates (Mustache), registered by name in `Templates.all`.
enum HomeTemplates {
    static let all: [String: String] = [
        "login": login, "home": home, "feedback": feedback,
    ]

    static let login = """
        <div class="two-thirds">
        {{>errorSummary}}
        <h1>Sign in to Liaison</h1>
        <p>Use the account your agency's administrator gave you. Everything you view and change is recorded.</p>
        <form method="post" action="/login" novalidate>
          <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="next" value="{{next}}">
          {{#fields}}{{>formField}}{{/fields}}
          <button class="button" type="submit">Sign in</button>
        </form>
        </div>
        """

    static let home = """
        <span class="caption">{{agencyName}}</span>
        <h1>Welcome, {{displayName}}</h1>
        {{#hasEscalated}}<section class="panel panel--warning" aria-labelledby="escalated-heading">
        <h2 id="escalated-heading">Escalated to you ({{escalatedCount}})</h2>
        <p>Notices a partner agency has not acknowledged in time. Chase the agency, or record its answer on the case.</p>
        <table class="responsive"><caption class="visually-hidden">Obligations escalated to you</caption>
          <thead><tr><th scope="col">Case</th><th scope="col">Agency</th><th scope="col">Notice</th><th scope="col">Was due</th><th scope="col">Escalated to</th></tr></thead>
          <tbody>{{#escalated}}<tr><td data-label="Case"><a href="/cases/{{caseID}}">{{reference}}</a></td><td data-label="Agency">{{agency}}</td><td data-label="Notice">{{event}}</td><td data-label="Was due">{{due}}</td><td data-label="Escalated to">the {{level}}{{#since}}, {{since}}{{/since}}</td></tr>{{/escalated}}</tbody>
        </table>
        <p><a href="/obligations?state=escalated">All escalated obligations</a></p>
        </section>{{/hasEscalated}}
        <form class="search" method="get" action="/subjects" role="search">
          <div class="form-group">
            <label for="q">Search subjects</label>
            <span class="hint" id="q-hint">Names, aliases (any spelling or script) or identifiers such as a PNC ID or Home Office reference</span>
            <input type="search" id="q" name="q" aria-describedby="q-hint">
          </div>
          <button class="button" type="submit">Search</button>
        </form>
        <div class="card-grid">
          <div class="card"><h2><a href="/subjects">Subjects</a></h2><p>People known to the agencies: names, aliases, identifiers, addresses.</p></div>
          <div class="card"><h2><a href="/ocgs">Organised crime groups</a></h2><p>Groups, their members, markets, areas and threat bands.</p></div>
          {{#canCreate}}<div class="card"><h2><a href="/subjects/new">Add a subject</a></h2><p>Record a person your agency holds information on.</p></div>{{/canCreate}}
        </div>
        <h2>Your account</h2>
        <dl class="summary-list">
          <div><dt>Agency</dt><dd>{{agencyName}}</dd></div>
          <div><dt>Roles</dt><dd>{{roles}}</dd></div>
          <div><dt>Vetting</dt><dd>{{vetting}}</dd></div>
        </dl>
        """

    static let feedback = """
        <div class="two-thirds">
        {{#thanks}}<div class="notification notification--success" role="status"><h2>Thank you</h2><p>The service team will read it.</p></div>{{/thanks}}
        {{#problem}}<div class="error-summary" role="alert" tabindex="-1"><h2>There is a problem</h2><ul><li><a href="#text">{{problem}}</a></li></ul></div>{{/problem}}
        <h1>Tell us what works and what does not</h1>
        <form method="post" action="/feedback" novalidate>
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <div class="form-group{{#problem}} form-group--error{{/problem}}"><label for="text">What were you doing, and what happened?</label>
            <span class="hint" id="text-hint">Do not include names or details of people in records: say which page, and what you expected.</span>
            {{#problem}}<span class="error-message"><span class="visually-hidden">Error:</span> {{problem}}</span>{{/problem}}
            <textarea id="text" name="text" rows="6" aria-describedby="text-hint">{{text}}</textarea></div>
          <button class="button" type="submit">Send</button>
        </form>
        </div>
        """
}
