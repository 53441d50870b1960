/// The subjects pages' templates (Mustache), registered by name in `Templates.all`.
enum SubjectTemplates {
    static let all: [String: String] = [
        "subjects": subjects, "subject": subject, "subjectForm": subjectForm,
    ]

    static let subjects = """
        <h1>Subjects</h1>
        <form class="search" method="get" action="/subjects" role="search">
          <div class="form-group">
            <label for="q">Search by name, alias or identifier</label>
            <input type="search" id="q" name="q" value="{{query}}">
          </div>
          <button class="button" type="submit">Search</button>
          {{#canCreate}}<a class="button button--secondary" href="/subjects/new">Add a subject</a>{{/canCreate}}
        </form>
        {{#hasItems}}
        <table class="responsive">
          <caption>{{caption}}</caption>
          <thead><tr><th scope="col">Name</th><th scope="col">Also known as</th><th scope="col">Date of birth</th><th scope="col">Nationality</th><th scope="col">Identifiers</th><th scope="col">Marking</th></tr></thead>
          <tbody>
          {{#items}}
          <tr>
            <td data-label="Name"><a href="/subjects/{{id}}">{{name}}</a></td>
            <td data-label="Also known as">{{aliases}}</td>
            <td data-label="Date of birth">{{dob}}</td>
            <td data-label="Nationality">{{nationalities}}</td>
            <td data-label="Identifiers">{{identifiers}}</td>
            <td data-label="Marking">{{#marking}}{{>markingTag}}{{/marking}}</td>
          </tr>
          {{/items}}
          </tbody>
        </table>
        {{/hasItems}}
        {{^hasItems}}<p>No subjects match{{#query}} “{{query}}”{{/query}}. Check the spelling, try fewer words, or search by an identifier.</p>{{/hasItems}}
        <nav class="pagination" aria-label="Pages">
          {{#firstLink}}<a href="{{firstLink}}">First page</a>{{/firstLink}}
          {{#nextLink}}<a href="{{nextLink}}" rel="next">Next page</a>{{/nextLink}}
        </nav>
        """

    static let subject = """
        <a class="back-link" href="/subjects">Back to subjects</a>
        {{#notice}}<div class="notification notification--success" role="status"><p>{{notice}}</p></div>{{/notice}}
        {{#marking}}<p class="marking-banner{{#highMarking}} marking-banner--high{{/highMarking}}">{{markingLabel}}</p>{{/marking}}
        <span class="caption">Subject</span>
        <h1>{{name}}</h1>
        <dl class="summary-list">
          <div><dt>Names and aliases</dt><dd><ul>{{#names}}<li>{{full}} <span class="tag tag--grey">{{kind}}</span></li>{{/names}}</ul></dd></div>
          <div><dt>Dates of birth</dt><dd>{{dobs}}{{^dobs}}Not recorded{{/dobs}}</dd></div>
          <div><dt>Sex</dt><dd>{{sex}}{{^sex}}Not recorded{{/sex}}</dd></div>
          <div><dt>Nationalities</dt><dd>{{nationalities}}{{^nationalities}}Not recorded{{/nationalities}}</dd></div>
          <div><dt>Identifiers</dt><dd>{{#hasIdentifiers}}<ul>{{#identifiers}}<li>{{label}}: <strong>{{value}}</strong>{{#issuer}} ({{issuer}}){{/issuer}}</li>{{/identifiers}}</ul>{{/hasIdentifiers}}{{^hasIdentifiers}}None recorded{{/hasIdentifiers}}</dd></div>
          <div><dt>Addresses</dt><dd>{{#addressesWithheld}}<strong class="tag tag--grey">Withheld</strong> {{addressesWithheld}}{{/addressesWithheld}}{{^addressesWithheld}}{{#hasAddresses}}<ul>{{#addresses}}<li>{{.}}</li>{{/addresses}}</ul>{{/hasAddresses}}{{^hasAddresses}}None recorded{{/hasAddresses}}{{/addressesWithheld}}</dd></div>
          <div><dt>Phones</dt><dd>{{#phonesWithheld}}<strong class="tag tag--grey">Withheld</strong> {{phonesWithheld}}{{/phonesWithheld}}{{^phonesWithheld}}{{phones}}{{^phones}}None recorded{{/phones}}{{/phonesWithheld}}</dd></div>
          {{#notes}}<div><dt>Notes</dt><dd>{{notes}}</dd></div>{{/notes}}
          <div><dt>Held by</dt><dd>{{agency}}</dd></div>
          <div><dt>Shared with</dt><dd>{{sharing}}</dd></div>
          {{#needToKnow}}<div><dt>Need-to-know</dt><dd>Only users briefed into {{needToKnow}}</dd></div>{{/needToKnow}}
          <div><dt>Record</dt><dd>Version {{version}}, last changed {{updatedAt}}</dd></div>
        </dl>
        {{#canEdit}}<div class="actions"><a class="button" href="/subjects/{{id}}/edit">Edit subject</a></div>{{/canEdit}}
        {{>problem}}
        {{#canOpenCase}}<p><a class="button button--secondary" href="/cases/new?subject={{id}}">Open a deportation case</a></p>{{/canOpenCase}}
        {{#canWriteIntel}}<p><a href="/intelligence/new?subject={{id}}">Write an intelligence report about this person</a></p>{{/canWriteIntel}}
        {{#hasPois}}<p>Person of Interest: {{#pois}}<a href="/pois/{{id}}">{{agency}}, {{tier}}</a> {{/pois}}</p>{{/hasPois}}
        {{#canAdopt}}<details class="panel"{{#poiProblem}} open{{/poiProblem}}><summary>Adopt as a Person of Interest</summary>
        {{#poiProblem}}{{>problemSummary}}{{/poiProblem}}
        <form method="post" action="/pois" novalidate>
          <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="subjectID" value="{{id}}">
          <div class="form-group"><label for="poiOwner">Managing officer</label><select id="poiOwner" name="owner">{{#officers}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/officers}}</select></div>
          <div class="form-group"><label><input type="checkbox" name="lifetimeManagement" value="1"> Lifetime management (a serious career criminal)</label></div>
          <button class="button button--secondary" type="submit">Adopt</button>
        </form></details>{{/canAdopt}}
        <h2>Partner interest</h2>
        {{#hasInterests}}<ul>{{#interests}}<li><strong>{{agency}}</strong>: {{reason}}{{#confiscation}} · confiscation: {{confiscation}}{{/confiscation}} · contact {{contact}} · registered {{at}} by {{by}}</li>{{/interests}}</ul>{{/hasInterests}}
        {{^hasInterests}}<p>No agency has registered interest in this person.</p>{{/hasInterests}}
        {{#canRegister}}<details class="panel"><summary>Register interest in this person</summary>
        <p class="hint">It applies to each deportation case for this person, open now or opened later.</p>
        <form method="post" action="/subjects/{{id}}/interests" novalidate>
          <input type="hidden" name="_csrf" value="{{csrf}}">
          \(Templates.select("agencyCode", "Agency", list: "agencyChoices", blank: "Your own agency", hint: "Caseworkers recording another agency's email choose that agency"))
          <div class="form-group"><label for="interestReason">Reason</label><textarea id="interestReason" name="reason" rows="2"></textarea></div>
          <div class="form-group"><label for="confiscation">Confiscation proceedings or order, if any</label><input id="confiscation" name="confiscation"></div>
          <div class="form-group"><label for="contact">Contact point</label><input id="contact" name="contact"></div>
          <button class="button button--secondary" type="submit">Register interest</button>
        </form></details>{{/canRegister}}
        {{#hasSameAs}}
        <h2>The same person elsewhere</h2>
        <p>Reviewers decided these records are the same person. Each stays as its agency recorded it; a decision can be undone on its pair's page.</p>
        <ul>{{#sameAs}}<li><a href="/subjects/{{id}}">{{name}}</a> — decided by {{by}}, {{at}} (<a href="/matches/{{review}}">the pair</a>)</li>{{/sameAs}}</ul>
        {{/hasSameAs}}
        <h2>Organised crime groups</h2>
        {{#hasGroups}}
        <table class="responsive"><caption class="visually-hidden">Groups this subject belongs to</caption>
          <thead><tr><th scope="col">Group</th><th scope="col">Role</th><th scope="col">Since</th><th scope="col">Status</th></tr></thead>
          <tbody>{{#groups}}<tr><td data-label="Group"><a href="/ocgs/{{id}}">{{name}}</a></td><td data-label="Role">{{role}}</td><td data-label="Since">{{from}}</td><td data-label="Status">{{status}}</td></tr>{{/groups}}</tbody>
        </table>
        {{/hasGroups}}
        {{^hasGroups}}<p>Not recorded as a member of any group you can see.</p>{{/hasGroups}}
        {{#canCreate}}<p><a href="/subjects/{{id}}/groups/new">Add to a group</a></p>{{/canCreate}}
        {{#assetPanel}}{{> assetPanel}}{{/assetPanel}}
        """

    static let subjectForm = """
        <div class="two-thirds">
        {{>errorSummary}}
        <span class="caption">Subject</span>
        <h1>{{heading}}</h1>
        {{#hasMatches}}
        <div class="matches" role="region" aria-labelledby="matches-heading">
          <h2 id="matches-heading">We may already hold this person</h2>
          <p>These subjects you can see look like the one you are adding. Open one to check; if none is the same person, add the subject below.</p>
          {{#matches}}
          <div class="match">
            <h3><a href="/subjects/{{id}}">{{name}}</a> <span class="match__score">{{percent}}% likely</span></h3>
            <p class="hint">{{summary}}</p>
            <table class="responsive table">
              <caption class="visually-hidden">Why {{name}} matches</caption>
              <thead><tr><th scope="col">What was compared</th><th scope="col">Counts</th></tr></thead>
              <tbody>{{#parts}}<tr><td data-label="What was compared">{{comparison}}</td><td data-label="Counts">{{counts}}</td></tr>{{/parts}}</tbody>
            </table>
            {{#notes}}<p class="hint">{{.}}</p>{{/notes}}
          </div>
          {{/matches}}
        </div>
        {{/hasMatches}}
        <form method="post" action="{{action}}" novalidate>
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <input type="hidden" name="version" value="{{version}}">
          {{#hasMatches}}<input type="hidden" name="confirmNew" value="1">{{/hasMatches}}
          <fieldset><legend>Name</legend>
            {{#nameFields}}{{>formField}}{{/nameFields}}
          </fieldset>
          {{#aliasField}}{{>formField}}{{/aliasField}}
          {{#dobField}}{{>formField}}{{/dobField}}
          {{#detailFields}}{{>formField}}{{/detailFields}}
          <fieldset class="fieldset form-group" id="identifiers"><legend class="fieldset__legend">Identifiers</legend>
            <span class="hint">Numbers other systems know the person by. Leave a row empty if it is not needed; save to get more rows.</span>
            <input type="hidden" name="identifierCount" value="{{identifierCount}}">
            {{#identifierRows}}<div class="identifier-row{{#error}} form-group--error{{/error}}">
              {{#error}}<span class="error-message" id="identifierValue-{{index}}-error"><span class="visually-hidden">Error:</span> {{error}}</span>{{/error}}
              <div class="form-group"><label for="identifierKind-{{index}}">Identifier {{number}}: kind</label>
              <select id="identifierKind-{{index}}" name="identifierKind-{{index}}"><option value="">Choose a kind</option>{{#kinds}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/kinds}}</select></div>
              <div class="form-group"><label for="identifierValue-{{index}}">Identifier {{number}}: number</label>
              <input id="identifierValue-{{index}}" name="identifierValue-{{index}}" value="{{value}}"{{#error}} class="input--error" aria-describedby="identifierValue-{{index}}-error"{{/error}}></div>
            </div>{{/identifierRows}}
          </fieldset>
          {{#fields}}{{>formField}}{{/fields}}
          <div class="form-group{{#sexError}} form-group--error{{/sexError}}">
            <label for="sex">Sex</label>
            {{#sexError}}<span class="error-message" id="sex-error"><span class="visually-hidden">Error:</span> {{sexError}}</span>{{/sexError}}
            <select id="sex" name="sex"><option value="">Not recorded</option>{{#sexes}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/sexes}}</select>
          </div>
          <div class="form-group{{#markingError}} form-group--error{{/markingError}}">
            <label for="classification">Protective marking</label>
            <span class="hint">Your vetting must reach the marking you choose.</span>
            {{#markingError}}<span class="error-message" id="classification-error"><span class="visually-hidden">Error:</span> {{markingError}}</span>{{/markingError}}
            <select id="classification" name="classification">{{#classifications}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/classifications}}</select>
          </div>
          <div class="form-group">
            <label for="sharing">Share with</label>
            <select id="sharing" name="sharing">{{#sharingOptions}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/sharingOptions}}</select>
            {{#named}}<input type="hidden" name="named" value="{{.}}">{{/named}}
          </div>
          <button class="button" type="submit">{{#hasMatches}}None of these: add the subject{{/hasMatches}}{{^hasMatches}}Save subject{{/hasMatches}}</button>
          <a class="button button--secondary" href="{{cancel}}">Cancel</a>
        </form>
        </div>
        """
}
