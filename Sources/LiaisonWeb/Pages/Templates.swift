/// The page templates (Mustache), kept in code so a copied binary needs no resource folder.
/// `{{x}}` escapes HTML; `{{{x}}}` is used only for HTML this server rendered itself.
enum Templates {
    static let all: [String: String] = [
        "layout": layout, "errorSummary": errorSummary, "field": field, "login": login, "home": home,
        "subjects": subjects, "subject": subject, "subjectForm": subjectForm, "ocgs": ocgs, "ocg": ocg,
        "ocgForm": ocgForm, "error": error, "markingTag": markingTag, "audit": audit, "access": access, "adminUsers": adminUsers, "adminDelivery": adminDelivery, "feedback": feedback, "inboxNotice": inboxNotice, "adminUserForm": adminUserForm, "adminUser": adminUser,
        "matches": matches, "match": match, "imports": imports, "import": importJob, "cases": cases, "case": deportationCase,
        "obligations": obligations, "inbox": inbox, "guidanceList": guidanceList, "guidancePage": guidancePage, "obligationTable": obligationTable, "pois": pois, "poi": poi, "reassessments": reassessments, "scoring": scoring, "adminReference": adminReference, "assessmentPanel": assessmentPanel,
        "interventionPanel": interventionPanel, "intervention": intervention, "operation": operation, "operations": operations,
        "assetPanel": assetPanel, "assetForm": assetForm, "asset": asset, "incentiveScheme": incentiveScheme, "reportForm": reportForm,
        "performance": performance, "profile": profile,
        "gradingFields": gradingFields, "intelList": intelList, "intelForm": intelForm, "intelReceived": intelReceived, "intelReport": intelReport, "gain": gain,
        "alerts": alerts, "alertForm": alertForm, "alert": alert, "alertAudiences": alertAudiences,
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

    static let markingTag = """
    <strong class="tag {{markingClass}}">{{markingLabel}}</strong>
    """

    /// A labelled text input or textarea with hint and error. Context: name, label, hint, value, error, textarea, type.
    static let field = """
    <div class="form-group{{#error}} form-group--error{{/error}}">
      <label for="{{name}}">{{label}}</label>
      {{#hint}}<span class="hint" id="{{name}}-hint">{{hint}}</span>{{/hint}}
      {{#error}}<span class="error-message" id="{{name}}-error"><span class="visually-hidden">Error:</span> {{error}}</span>{{/error}}
      {{#textarea}}<textarea id="{{name}}" name="{{name}}" rows="4"{{#describedBy}} aria-describedby="{{describedBy}}"{{/describedBy}}{{#error}} class="input--error"{{/error}}>{{value}}</textarea>{{/textarea}}
      {{^textarea}}<input type="{{type}}" id="{{name}}" name="{{name}}" value="{{value}}"{{#autocomplete}} autocomplete="{{autocomplete}}"{{/autocomplete}}{{#describedBy}} aria-describedby="{{describedBy}}"{{/describedBy}}{{#error}} class="input--error"{{/error}}>{{/textarea}}
    </div>
    """

    static let login = """
    <div class="two-thirds">
    {{>errorSummary}}
    <h1>Sign in to Liaison</h1>
    <p>Use the account your agency's administrator gave you. Everything you view and change is recorded.</p>
    <form method="post" action="/login" novalidate>
      <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="next" value="{{next}}">
      {{#fields}}{{>field}}{{/fields}}
      <button class="button" type="submit">Sign in</button>
    </form>
    </div>
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
      <div class="card"><h2><a href="/subjects/new">Add a subject</a></h2><p>Record a person your agency holds information on.</p></div>
    </div>
    <h2>Your account</h2>
    <dl class="summary-list">
      <div><dt>Agency</dt><dd>{{agencyName}}</dd></div>
      <div><dt>Roles</dt><dd>{{roles}}</dd></div>
      <div><dt>Vetting</dt><dd>{{vetting}}</dd></div>
    </dl>
    """

    static let subjects = """
    <h1>Subjects</h1>
    <form class="search" method="get" action="/subjects" role="search">
      <div class="form-group">
        <label for="q">Search by name, alias or identifier</label>
        <input type="search" id="q" name="q" value="{{query}}">
      </div>
      <button class="button" type="submit">Search</button>
      <a class="button button--secondary" href="/subjects/new">Add a subject</a>
    </form>
    {{#hasItems}}
    <table>
      <caption>{{caption}}</caption>
      <thead><tr><th scope="col">Name</th><th scope="col">Also known as</th><th scope="col">Date of birth</th><th scope="col">Nationality</th><th scope="col">Identifiers</th><th scope="col">Marking</th></tr></thead>
      <tbody>
      {{#items}}
      <tr>
        <td><a href="/subjects/{{id}}">{{name}}</a></td>
        <td>{{aliases}}</td>
        <td>{{dob}}</td>
        <td>{{nationalities}}</td>
        <td>{{identifiers}}</td>
        <td>{{>markingTag}}</td>
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
    <p class="marking-banner{{#highMarking}} marking-banner--high{{/highMarking}}">{{markingLabel}}</p>
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
    {{#problem}}<div class="error-summary" role="alert" tabindex="-1"><h2>There is a problem</h2><p>{{problem}}</p></div>{{/problem}}
    {{#canOpenCase}}<details class="panel"><summary>Open a deportation case</summary>
    <form method="post" action="/cases" novalidate>
      <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="subjectID" value="{{id}}">
      <div class="form-group"><label for="homeOfficeReference">Home Office reference (a letter and 5 to 9 digits)</label><input id="homeOfficeReference" name="homeOfficeReference"></div>
      <div class="form-group"><label for="fileLocation">Team holding the Home Office file</label>
        <select id="fileLocation" name="fileLocation">{{#teams}}<option value="{{code}}">{{label}}</option>{{/teams}}</select></div>
      <button class="button button--secondary" type="submit">Open case</button>
    </form></details>{{/canOpenCase}}
    {{#hasPois}}<p>Person of Interest: {{#pois}}<a href="/pois/{{id}}">{{agency}}, {{tier}}</a> {{/pois}}</p>{{/hasPois}}
    {{#canOpenCase}}<details class="panel"><summary>Adopt as a Person of Interest</summary>
    <form method="post" action="/pois" novalidate>
      <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="subjectID" value="{{id}}">
      <div class="form-group"><label for="poiOwner">Managing officer (username; empty for yourself)</label><input id="poiOwner" name="owner"></div>
      <div class="form-group"><label><input type="checkbox" name="lifetimeManagement" value="1"> Lifetime management (a serious career criminal)</label></div>
      <button class="button button--secondary" type="submit">Adopt</button>
    </form></details>{{/canOpenCase}}
    <h2>Partner interest</h2>
    {{#hasInterests}}<ul>{{#interests}}<li><strong>{{agency}}</strong>: {{reason}}{{#confiscation}} · confiscation: {{confiscation}}{{/confiscation}} · contact {{contact}} · registered {{at}} by {{by}}</li>{{/interests}}</ul>{{/hasInterests}}
    {{^hasInterests}}<p>No agency has registered interest in this person.</p>{{/hasInterests}}
    {{#canRegister}}<details class="panel"><summary>Register interest in this person</summary>
    <p class="hint">It applies to each deportation case for this person, open now or opened later.</p>
    <form method="post" action="/subjects/{{id}}/interests" novalidate>
      <input type="hidden" name="_csrf" value="{{csrf}}">
      <div class="form-group"><label for="agencyCode">Agency code (caseworkers recording another agency's email; leave empty for your own)</label><input id="agencyCode" name="agencyCode"></div>
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
    <table><caption class="visually-hidden">Groups this subject belongs to</caption>
      <thead><tr><th scope="col">Group</th><th scope="col">Role</th><th scope="col">Since</th><th scope="col">Status</th></tr></thead>
      <tbody>{{#groups}}<tr><td><a href="/ocgs/{{id}}">{{name}}</a></td><td>{{role}}</td><td>{{from}}</td><td>{{status}}</td></tr>{{/groups}}</tbody>
    </table>
    {{/hasGroups}}
    {{^hasGroups}}<p>Not recorded as a member of any group you can see.</p>{{/hasGroups}}
    {{> assetPanel}}
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
        <table class="table">
          <caption class="visually-hidden">Why {{name}} matches</caption>
          <thead><tr><th scope="col">What was compared</th><th scope="col">Counts</th></tr></thead>
          <tbody>{{#parts}}<tr><td>{{comparison}}</td><td>{{counts}}</td></tr>{{/parts}}</tbody>
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
        {{#nameFields}}{{>field}}{{/nameFields}}
      </fieldset>
      {{#fields}}{{>field}}{{/fields}}
      <div class="form-group{{#sexError}} form-group--error{{/sexError}}">
        <label for="sex">Sex</label>
        {{#sexError}}<span class="error-message" id="sex-error"><span class="visually-hidden">Error:</span> {{sexError}}</span>{{/sexError}}
        <select id="sex" name="sex"><option value="">Not recorded</option>{{#sexes}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/sexes}}</select>
      </div>
      <div class="form-group{{#markingError}} form-group--error{{/markingError}}">
        <label for="classification">Protective marking</label>
        <span class="hint">Your vetting must reach the marking you choose.</span>
        {{#markingError}}<span class="error-message" id="classification-error"><span class="visually-hidden">Error:</span> {{markingError}}</span>{{/markingError}}
        <select id="classification" name="classification">{{#classifications}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{code}}</option>{{/classifications}}</select>
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

    static let ocgs = """
    <h1>Organised crime groups</h1>
    <form class="filters" method="get" action="/ocgs" role="search">
      <div class="form-group"><label for="q">Name or operation</label><input type="search" id="q" name="q" value="{{query}}"></div>
      {{#filters}}
      <div class="form-group"><label for="{{name}}">{{label}}</label>
        <select id="{{name}}" name="{{name}}"><option value="">Any</option>{{#options}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/options}}</select>
      </div>
      {{/filters}}
      <div class="form-group"><label for="lead">Lead Responsible Officer (username)</label><input id="lead" name="lead" value="{{lead}}"></div>
      <button class="button" type="submit">Filter</button>
    </form>
    <p><a class="button button--secondary" href="/ocgs/new">Add a group</a> <a href="/assessments/due">Groups due for reassessment</a></p>
    {{#hasItems}}
    <table>
      <caption>{{caption}}</caption>
      <thead><tr><th scope="col">Group</th><th scope="col">Markets</th><th scope="col">Areas</th><th scope="col">Band</th><th scope="col">Status</th><th scope="col">Members</th><th scope="col">Marking</th></tr></thead>
      <tbody>
      {{#items}}
      <tr><td><a href="/ocgs/{{id}}">{{name}}</a>{{#operations}}<br><span class="hint">{{operations}}</span>{{/operations}}</td><td>{{markets}}</td><td>{{areas}}</td><td>{{band}}</td><td><strong class="tag {{statusClass}}">{{status}}</strong></td><td>{{memberCount}}</td><td>{{>markingTag}}</td></tr>
      {{/items}}
      </tbody>
    </table>
    {{/hasItems}}
    {{^hasItems}}<p>No groups match these filters.</p>{{/hasItems}}
    <nav class="pagination" aria-label="Pages">
      {{#firstLink}}<a href="{{firstLink}}">First page</a>{{/firstLink}}
      {{#nextLink}}<a href="{{nextLink}}" rel="next">Next page</a>{{/nextLink}}
    </nav>
    """

    static let ocg = """
    <a class="back-link" href="/ocgs">Back to organised crime groups</a>
    {{#notice}}<div class="notification notification--success" role="status"><p>{{notice}}</p></div>{{/notice}}
    <p class="marking-banner{{#highMarking}} marking-banner--high{{/highMarking}}">{{markingLabel}}</p>
    <span class="caption">Organised crime group</span>
    <h1>{{name}}</h1>
    <dl class="summary-list">
      <div><dt>Status</dt><dd><strong class="tag {{statusClass}}">{{status}}</strong></dd></div>
      <div><dt>Operation names</dt><dd>{{operations}}{{^operations}}None{{/operations}}</dd></div>
      <div><dt>Criminal markets</dt><dd>{{markets}}{{^markets}}Not recorded{{/markets}}</dd></div>
      <div><dt>Areas</dt><dd>{{areas}}{{^areas}}Not recorded{{/areas}}</dd></div>
      <div><dt>Threat</dt><dd>{{band}}{{#score}} (score {{score}}){{/score}}{{^band}}Not assessed{{/band}}</dd></div>
      <div><dt>Lead Responsible Officer</dt><dd>{{lead}}{{^lead}}Not appointed{{/lead}}</dd></div>
      {{#summary}}<div><dt>Summary</dt><dd>{{summary}}</dd></div>{{/summary}}
      <div><dt>Held by</dt><dd>{{agency}}</dd></div>
      <div><dt>Record</dt><dd>Version {{version}}, last changed {{updatedAt}}</dd></div>
    </dl>
    {{#canEdit}}<div class="actions"><a class="button" href="/ocgs/{{id}}/edit">Edit group</a></div>{{/canEdit}}
    {{#plan}}<h2>Plan</h2><p class="pre">{{plan}}</p>{{/plan}}
    <h2>Lead Responsible Officers</h2>
    {{#leadProblem}}<div class="error-summary" role="alert" tabindex="-1"><h2>There is a problem</h2><p>{{leadProblem}}</p></div>{{/leadProblem}}
    {{#hasLeadHistory}}<ul>{{#leadHistory}}<li>{{who}} ({{agency}}), from {{from}}{{#to}} to {{to}}{{/to}}{{^to}} (current){{/to}}, appointed by {{by}}</li>{{/leadHistory}}</ul>{{/hasLeadHistory}}
    {{^hasLeadHistory}}<p>No appointments recorded in Liaison.</p>{{/hasLeadHistory}}
    {{#canEdit}}<form method="post" action="/ocgs/{{id}}/lead" class="inline-form" novalidate>
      <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="version" value="{{version}}">
      <label for="leadUsername">Appoint a Lead Responsible Officer (username; empty to stand the current one down)</label> <input id="leadUsername" name="lead">
      <button class="button button--secondary" type="submit">Appoint</button>
    </form>{{/canEdit}}
    <h2>Members</h2>
    {{#hasMembers}}
    <table><caption class="visually-hidden">Members of {{name}}</caption>
      <thead><tr><th scope="col">Subject</th><th scope="col">Role</th><th scope="col">From</th><th scope="col">To</th></tr></thead>
      <tbody>{{#members}}<tr><td><a href="/subjects/{{id}}">{{name}}</a></td><td>{{role}}</td><td>{{from}}</td><td>{{to}}</td></tr>{{/members}}</tbody>
    </table>
    {{/hasMembers}}
    {{^hasMembers}}<p>No members recorded.</p>{{/hasMembers}}
    <h2>Threat assessment</h2>
    {{#assessProblem}}<div class="error-summary" role="alert" tabindex="-1"><h2>There is a problem</h2><p>{{assessProblem}}</p></div>{{/assessProblem}}
    {{> assessmentPanel}}
    {{> interventionPanel}}
    {{> assetPanel}}
    <h2>Timeline</h2>
    <ol class="timeline">{{#timeline}}<li><span class="hint">{{day}}</span> {{what}}</li>{{/timeline}}</ol>
    """

    static let ocgForm = """
    <div class="two-thirds">
    {{>errorSummary}}
    <span class="caption">Organised crime group</span>
    <h1>{{heading}}</h1>
    <form method="post" action="{{action}}" novalidate>
      <input type="hidden" name="_csrf" value="{{csrf}}">
      <input type="hidden" name="version" value="{{version}}">
      {{#fields}}{{>field}}{{/fields}}
      {{#selects}}
      <div class="form-group{{#error}} form-group--error{{/error}}">
        <label for="{{name}}">{{label}}</label>
        {{#hint}}<span class="hint">{{hint}}</span>{{/hint}}
        {{#error}}<span class="error-message" id="{{name}}-error"><span class="visually-hidden">Error:</span> {{error}}</span>{{/error}}
        <select id="{{name}}" name="{{name}}"{{#multiple}} multiple size="6"{{/multiple}}>{{#blank}}<option value="">Not set</option>{{/blank}}{{#options}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/options}}</select>
      </div>
      {{/selects}}
      <button class="button" type="submit">Save group</button>
      <a class="button button--secondary" href="{{cancel}}">Cancel</a>
    </form>
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

    static let audit = """
    <h1>Audit log</h1>
    <p>Every page view, search, read and change, newest first. Each entry is chained to the one before it by a hash, so any
    edit or deletion is detected by <code>liaison audit verify</code>.</p>
    <form class="filters" method="get" action="/audit">
      {{#fields}}{{>field}}{{/fields}}
      <div class="form-group"><label for="outcome">Outcome</label>
        <select id="outcome" name="outcome"><option value="">Any</option>{{#outcomes}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{code}}</option>{{/outcomes}}</select>
      </div>
      <button class="button" type="submit">Search</button>
    </form>
    <p><a href="{{exportLink}}" download>Download matching entries as CSV</a></p>
    {{#hasItems}}
    <table>
      <caption class="visually-hidden">Audit entries, newest first</caption>
      <thead><tr><th scope="col">#</th><th scope="col">Time</th><th scope="col">User</th><th scope="col">Action</th><th scope="col">Records</th><th scope="col">Detail</th><th scope="col">Outcome</th></tr></thead>
      <tbody>{{#items}}<tr><td>{{sequence}}</td><td>{{time}}</td><td>{{actor}}</td><td>{{action}}</td><td>{{objects}}</td><td>{{detail}}{{#purpose}}<br><span class="hint">Purpose: {{purpose}}</span>{{/purpose}}</td><td><strong class="tag {{outcomeClass}}">{{outcome}}</strong></td></tr>{{/items}}</tbody>
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
      {{#fields}}{{>field}}{{/fields}}
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

    static let adminUsers = """
    <h1>Accounts</h1>
    <p><a class="button" href="/admin/users/new">Add an account</a> <a href="/admin/reference">Reference data</a>
      <a href="/admin/delivery">Delivery of your agency's notices</a></p>
    <table>
      <caption class="visually-hidden">Accounts</caption>
      <thead><tr><th scope="col">Username</th><th scope="col">Name</th><th scope="col">Agency</th><th scope="col">Roles</th><th scope="col">Vetting</th><th scope="col">Briefed into</th><th scope="col">Status</th></tr></thead>
      <tbody>{{#users}}<tr><td><a href="/admin/users/{{id}}">{{username}}</a></td><td>{{name}}</td><td>{{agency}}</td><td>{{roles}}</td><td>{{vetting}}</td><td>{{briefings}}</td><td>{{#active}}<strong class="tag tag--green">Active</strong>{{/active}}{{^active}}<strong class="tag tag--grey">Disabled</strong>{{/active}}</td></tr>{{/users}}</tbody>
    </table>
    """

    static let adminDelivery = """
    <div class="two-thirds">
    {{#notice}}<div class="notification notification--success" role="status"><p>{{notice}}</p></div>{{/notice}}
    {{#problem}}<div class="error-summary" role="alert" tabindex="-1"><h2>There is a problem</h2><p>{{problem}}</p></div>{{/problem}}
    <span class="caption">{{agency}}</span>
    <h1>Delivery of notices</h1>
    <p>Every notice owed to {{code}} is in its inbox in Liaison. It can also be sent by email, and to your own system by a
    webhook signed with HMAC-SHA256 (the <code>Liaison-Signature</code> header). Only {{code}}'s administrators see or change this.</p>
    {{#newSecret}}<div class="notification" role="status"><h2>New signing secret</h2>
    <p>Copy it into your receiving system now: it is shown only this once, and Liaison keeps it sealed. Deliveries from now on are signed with it.</p>
    <p><code>{{newSecret}}</code></p></div>{{/newSecret}}
    <form method="post" action="/admin/delivery" novalidate>
      <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="version" value="{{version}}">
      <div class="form-group"><label for="email">Email address for notices</label>
        <span class="hint" id="email-hint">A team mailbox, not a person's. Leave empty for none.</span>
        <input id="email" name="email" type="email" value="{{email}}" aria-describedby="email-hint" autocomplete="off"></div>
      <div class="form-group"><label for="webhookURL">Webhook address</label>
        <span class="hint" id="webhookURL-hint">An https address of your system. Make a signing secret first. Leave empty for none.</span>
        <input id="webhookURL" name="webhookURL" value="{{webhookURL}}" aria-describedby="webhookURL-hint" spellcheck="false"></div>
      <button class="button" type="submit">Save</button>
    </form>
    <h2>Signing secret</h2>
    <p>{{#secretSet}}A secret is set. Making a new one replaces it at once: update your receiving system straight away.{{/secretSet}}{{^secretSet}}No secret is set yet.{{/secretSet}}</p>
    <form method="post" action="/admin/delivery/secret" novalidate>
      <input type="hidden" name="_csrf" value="{{csrf}}">
      <button class="button button--secondary" type="submit">Make a new signing secret</button>
    </form>
    </div>
    """

    static let adminUserForm = """
    <div class="two-thirds">
    {{>errorSummary}}
    <h1>Add an account</h1>
    <form method="post" action="/admin/users/new" novalidate>
      <input type="hidden" name="_csrf" value="{{csrf}}">
      {{#fields}}{{>field}}{{/fields}}
      <div class="form-group{{#agencyError}} form-group--error{{/agencyError}}">
        <label for="agency">Agency</label>
        {{#agencyError}}<span class="error-message"><span class="visually-hidden">Error:</span> {{agencyError}}</span>{{/agencyError}}
        <select id="agency" name="agency"><option value="">Choose an agency</option>{{#agencies}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/agencies}}</select>
      </div>
      <fieldset class="form-group{{#rolesError}} form-group--error{{/rolesError}}" id="roles">
        <legend>Roles</legend>
        {{#rolesError}}<span class="error-message"><span class="visually-hidden">Error:</span> {{rolesError}}</span>{{/rolesError}}
        {{#roles}}<div><input type="checkbox" id="role-{{code}}" name="roles" value="{{code}}"{{#checked}} checked{{/checked}}> <label for="role-{{code}}" class="checkbox-label">{{label}}</label></div>{{/roles}}
      </fieldset>
      <div class="form-group{{#vettingError}} form-group--error{{/vettingError}}">
        <label for="vetting">Vetting</label>
        {{#vettingError}}<span class="error-message"><span class="visually-hidden">Error:</span> {{vettingError}}</span>{{/vettingError}}
        <select id="vetting" name="vetting"><option value="">Choose a level</option>{{#vettings}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{code}}</option>{{/vettings}}</select>
      </div>
      <button class="button" type="submit">Create account</button>
      <a class="button button--secondary" href="/admin/users">Cancel</a>
    </form>
    </div>
    """

    static let adminUser = """
    {{>errorSummary}}
    {{#notice}}<div class="notification notification--success" role="status"><p>{{notice}}</p></div>{{/notice}}
    {{#newToken}}<div class="notification" role="status"><h2>New API token</h2><p>Copy it now: it is shown only once and only its hash is kept.</p><p><code>{{newToken}}</code></p></div>{{/newToken}}
    <span class="caption">Account</span>
    <h1>{{username}}</h1>
    <dl class="summary-list">
      <div><dt>Name</dt><dd>{{name}}</dd></div>
      <div><dt>Email</dt><dd>{{email}}</dd></div>
      <div><dt>Agency</dt><dd>{{agency}}</dd></div>
      <div><dt>Roles</dt><dd>{{roles}}</dd></div>
      <div><dt>Vetting</dt><dd>{{vetting}}</dd></div>
      <div><dt>Status</dt><dd>{{#active}}Active{{/active}}{{^active}}Disabled{{/active}}</dd></div>
    </dl>
    <form method="post" action="/admin/users/{{id}}/active">
      <input type="hidden" name="_csrf" value="{{csrf}}">
      {{#active}}<input type="hidden" name="active" value="false"><button class="button button--secondary" type="submit">Disable account</button>{{/active}}
      {{^active}}<input type="hidden" name="active" value="true"><button class="button" type="submit">Enable account</button>{{/active}}
    </form>
    <h2>Need-to-know briefings</h2>
    <form method="post" action="/admin/users/{{id}}/briefings" novalidate>
      <input type="hidden" name="_csrf" value="{{csrf}}">
      <div class="form-group{{#briefingsError}} form-group--error{{/briefingsError}}">
        <label for="briefings">Operations and cases this user is briefed into</label>
        <span class="hint">One a line, e.g. OPERATION GRANITE</span>
        {{#briefingsError}}<span class="error-message"><span class="visually-hidden">Error:</span> {{briefingsError}}</span>{{/briefingsError}}
        <textarea id="briefings" name="briefings" rows="3">{{briefings}}</textarea>
      </div>
      <button class="button" type="submit">Save briefings</button>
    </form>
    <h2>API tokens</h2>
    <table><caption class="visually-hidden">API tokens</caption>
      <thead><tr><th scope="col">Name</th><th scope="col">Issued</th><th scope="col">Expires</th><th scope="col">Status</th><th scope="col"><span class="visually-hidden">Action</span></th></tr></thead>
      <tbody>{{#tokens}}<tr><td>{{name}}</td><td>{{created}}</td><td>{{expires}}</td><td>{{#revoked}}Revoked {{revoked}}{{/revoked}}{{^revoked}}{{#expired}}Expired{{/expired}}{{^expired}}Active{{/expired}}{{/revoked}}</td>
      <td>{{^revoked}}<form method="post" action="/admin/tokens/{{id}}/revoke"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="user" value="{{userID}}"><button class="button button--secondary" type="submit">Revoke<span class="visually-hidden"> {{name}}</span></button></form>{{/revoked}}</td></tr>{{/tokens}}</tbody>
    </table>
    <form method="post" action="/admin/users/{{id}}/tokens" novalidate>
      <input type="hidden" name="_csrf" value="{{csrf}}">
      <div class="form-group{{#nameError}} form-group--error{{/nameError}}">
        <label for="name">Issue a token for a partner system</label>
        <span class="hint">What the token is for</span>
        {{#nameError}}<span class="error-message"><span class="visually-hidden">Error:</span> {{nameError}}</span>{{/nameError}}
        <input type="text" id="name" name="name">
      </div>
      <button class="button" type="submit">Issue token</button>
    </form>
    """

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
    <table><caption>{{statusLabel}}</caption>
      <thead><tr><th scope="col">Subject</th><th scope="col">Possibly the same as</th><th scope="col" class="numeric">Likelihood</th><th scope="col">Reasons</th></tr></thead>
      <tbody>{{#items}}<tr><td><a href="/matches/{{id}}">{{left}}</a></td><td>{{right}}</td><td class="numeric">{{percent}}%</td><td><span class="hint">{{summary}}</span></td></tr>{{/items}}</tbody>
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
    <table class="side-by-side"><caption class="visually-hidden">The two records side by side</caption>
      <thead><tr><th scope="col">Field</th>
        <th scope="col"><a href="/subjects/{{leftID}}">{{leftName}}</a> <span class="tag tag--grey">{{leftMarking}}</span></th>
        <th scope="col"><a href="/subjects/{{rightID}}">{{rightName}}</a> <span class="tag tag--grey">{{rightMarking}}</span></th></tr></thead>
      <tbody>{{#rows}}<tr{{#same}} class="side-by-side__same"{{/same}}><th scope="row">{{label}}</th><td>{{left}}</td><td>{{right}}</td></tr>{{/rows}}</tbody>
    </table>
    <h2>Why the engine paired them</h2>
    <table class="table"><caption class="visually-hidden">Each comparison and how much it counts</caption>
      <thead><tr><th scope="col">What was compared</th><th scope="col">Counts</th></tr></thead>
      <tbody>{{#parts}}<tr><td>{{comparison}}</td><td>{{counts}}</td></tr>{{/parts}}</tbody>
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

    static let imports = """
    {{#refresh}}<meta http-equiv="refresh" content="5">{{/refresh}}
    <h1>Imports</h1>
    <p>Partners' files of people loaded as your agency's subjects, newest first. Files are sent by partner systems
    (<code>POST /api/v1/imports</code>) or loaded with <code>liaison import subjects</code>; rows with errors are refused and
    listed, the rest load, and an interrupted import resumes where it stopped.</p>
    {{#hasItems}}
    <table><caption class="visually-hidden">Imports</caption>
      <thead><tr><th scope="col">File</th><th scope="col">Source</th><th scope="col">Progress</th><th scope="col" class="numeric">Loaded</th><th scope="col" class="numeric">Refused</th><th scope="col">Started</th></tr></thead>
      <tbody>{{#items}}<tr><td><a href="/imports/{{id}}">{{fileName}}</a></td><td>{{source}}</td>
        <td><span class="tag {{statusClass}}">{{status}}</span> {{#percent}}<progress max="100" value="{{percent}}">{{percent}}%</progress> {{percent}}%{{/percent}}</td>
        <td class="numeric">{{rowsLoaded}}</td><td class="numeric">{{rowsFailed}}</td><td>{{started}}</td></tr>{{/items}}</tbody>
    </table>
    {{/hasItems}}
    {{^hasItems}}<p>Your agency has not imported any files yet.</p>{{/hasItems}}
    """

    static let importJob = """
    {{#refresh}}<meta http-equiv="refresh" content="3">{{/refresh}}
    <span class="caption">Import · {{source}}</span>
    <h1>{{fileName}}</h1>
    <p><span class="tag {{statusClass}}">{{status}}</span>
    {{#percent}}<progress max="100" value="{{percent}}" aria-label="Progress">{{percent}}%</progress> {{percent}}% of the file{{/percent}}</p>
    {{#failure}}<div class="error-summary" role="alert"><h2>The file stopped at {{failure}}</h2><p>The rows before it loaded. Fix the file, then resume: <code>liaison import resume {{id}} FILE --as USER</code></p></div>{{/failure}}
    {{#possibleDuplicates}}<div class="notification" role="status"><p>{{possibleDuplicates}} pairs involving the subjects loaded look like one person. <a href="/matches">Review them</a>.</p></div>{{/possibleDuplicates}}
    <dl class="summary-list">
      <div><dt>Rows read</dt><dd>{{rowsRead}}</dd></div>
      <div><dt>Loaded as subjects</dt><dd>{{rowsLoaded}}</dd></div>
      <div><dt>Refused</dt><dd>{{rowsFailed}}</dd></div>
      <div><dt>Started</dt><dd>{{started}} by {{startedBy}}</dd></div>
      <div><dt>Last progress</dt><dd>{{updated}}</dd></div>
    </dl>
    <h2>Refused rows</h2>
    {{#hasRowErrors}}
    <p><a href="/api/v1/imports/{{id}}/errors">Download every refused row (CSV)</a>{{#moreErrors}} — the first 100 are below{{/moreErrors}}</p>
    <table><caption class="visually-hidden">Rows that did not load, and why</caption>
      <thead><tr><th scope="col" class="numeric">Row</th><th scope="col">Column</th><th scope="col">Reason</th></tr></thead>
      <tbody>{{#errors}}<tr><td class="numeric">{{row}}</td><td>{{field}}</td><td>{{reason}}</td></tr>{{/errors}}</tbody>
    </table>
    {{/hasRowErrors}}
    {{^hasRowErrors}}<p>None.</p>{{/hasRowErrors}}
    """

    static let cases = """
    <h1>Deportation cases</h1>
    <nav aria-label="Filter cases"><ul class="tabs">{{#filters}}<li><a href="{{href}}"{{#current}} aria-current="page"{{/current}}>{{label}} ({{count}})</a></li>{{/filters}}</ul>
    {{#hasStages}}<p class="hint">By stage: {{#stages}}<a href="{{href}}"{{#current}} aria-current="page"{{/current}}>{{label}} ({{count}})</a> {{/stages}}</p>{{/hasStages}}</nav>
    {{#hasItems}}
    <table class="responsive"><caption class="visually-hidden">Cases you can see, most recently changed first</caption>
      <thead><tr><th scope="col">Home Office reference</th><th scope="col">Subject</th><th scope="col">Stage</th><th scope="col">Owner</th><th scope="col" class="numeric">Open barriers</th><th scope="col">Special conditions</th><th scope="col">Last changed</th></tr></thead>
      <tbody>{{#items}}<tr><td data-label="Reference"><a href="/cases/{{id}}">{{reference}}</a></td><td data-label="Subject">{{subject}}</td><td data-label="Stage">{{stage}}</td><td data-label="Owner">{{owner}}</td><td data-label="Open barriers" class="numeric">{{barriers}}</td><td data-label="Special conditions">{{interests}}</td><td data-label="Last changed">{{updated}}</td></tr>{{/items}}</tbody>
    </table>
    {{/hasItems}}
    {{^hasItems}}<p>No cases you can see here.</p>{{/hasItems}}
    <p class="hint">A case is opened from its subject's page (or <code>POST /api/v1/cases</code>). <a href="/guidance">Casework guidance</a>.</p>
    """

    static let deportationCase = """
    <a class="back-link" href="/cases">Back to cases</a>
    {{#notice}}<div class="notification notification--success" role="status"><p>{{notice}}</p></div>{{/notice}}
    {{#problem}}<div class="error-summary" role="alert" tabindex="-1"><h2>There is a problem</h2><p>{{problem}}</p></div>{{/problem}}
    <p class="marking-banner{{#highMarking}} marking-banner--high{{/highMarking}}">{{markingLabel}}</p>
    <span class="caption">Deportation case · {{stage}}</span>
    <h1>{{reference}}</h1>
    <dl class="summary-list">
      <div><dt>Subject</dt><dd>{{#subjectID}}<a href="/subjects/{{subjectID}}">{{subject}}</a>{{/subjectID}}{{^subjectID}}{{subject}}{{/subjectID}}</dd></div>
      <div><dt>Owner</dt><dd>{{owner}}</dd></div>
      {{#fileLocation}}<div><dt>Home Office file</dt><dd>{{fileLocation}}</dd></div>{{/fileLocation}}
      <div><dt>Bail</dt><dd>{{#onBail}}On immigration bail{{/onBail}}{{^onBail}}Not on bail{{/onBail}}</dd></div>
      {{#removal}}<div><dt>Removal directions</dt><dd>{{date}}, {{route}} to {{destination}}</dd></div>{{/removal}}
      <div><dt>Minute sheet ICD.4353</dt><dd>{{minuteSheet}}</dd></div>
      <div><dt>Record</dt><dd>Version {{version}}</dd></div>
    </dl>
    <h2>Special conditions</h2>
    {{#hasInterests}}<ul>{{#interests}}<li><strong>{{agency}}</strong>: {{reason}}{{#confiscation}} · confiscation: {{confiscation}}{{/confiscation}} · contact {{contact}} · registered {{at}} by {{by}} ({{via}})</li>{{/interests}}</ul>{{/hasInterests}}
    {{^hasInterests}}<p>No partner agency has registered interest.</p>{{/hasInterests}}
    {{#canRegister}}
    <details class="panel"><summary>Register interest</summary>
    <form method="post" action="/cases/{{id}}/interests" novalidate>
      <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="version" value="{{version}}">
      {{#canChange}}<div class="form-group"><label for="agencyCode">Agency code (from its email; leave empty for your own)</label><input id="agencyCode" name="agencyCode"></div>{{/canChange}}
      <div class="form-group"><label for="interestReason">Reason</label><textarea id="interestReason" name="reason" rows="2"></textarea></div>
      <div class="form-group"><label for="confiscation">Confiscation proceedings or order, if any</label><input id="confiscation" name="confiscation"></div>
      <div class="form-group"><label for="contact">Contact point</label><input id="contact" name="contact"></div>
      <button class="button button--secondary" type="submit">Register interest</button>
    </form></details>
    {{/canRegister}}
    <h2>Obligations to partners</h2>
    {{#hasObligations}}<table><caption class="visually-hidden">Notices owed to interested agencies, soonest due first</caption>
      <thead><tr><th scope="col">Agency</th><th scope="col">About</th><th scope="col">Due by</th><th scope="col">State</th><th scope="col">Reply</th></tr></thead>
      <tbody>{{#obligations}}<tr><td>{{agency}}</td><td>{{event}}</td><td>{{due}}</td><td><span class="tag{{#late}} tag--red{{/late}}">{{state}}</span></td><td>{{reply}}</td></tr>{{/obligations}}</tbody>
    </table>{{/hasObligations}}
    {{^hasObligations}}<p>None.</p>{{/hasObligations}}
    <h2>Barriers to removal</h2>
    {{#hasBarriers}}<ul>{{#barriers}}<li><strong>{{kind}}</strong> ({{#open}}open{{/open}}{{^open}}resolved: {{resolution}}{{/open}}), opened {{opened}}: {{note}}
      {{#open}}{{#canChange}}<form method="post" action="/cases/{{id}}/steps" class="inline-form" novalidate>
        <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="version" value="{{version}}"><input type="hidden" name="barrierID" value="{{barrierID}}">
        <label for="resolution-{{barrierID}}">How it was resolved</label> <input id="resolution-{{barrierID}}" name="note">
        <button class="button button--secondary" type="submit">Resolve</button></form>{{/canChange}}{{/open}}</li>{{/barriers}}</ul>{{/hasBarriers}}
    {{^hasBarriers}}<p>None.</p>{{/hasBarriers}}
    {{#canChange}}
    <h2>Record the next step</h2>
    <form method="post" action="/cases/{{id}}/steps" novalidate>
      <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="version" value="{{version}}">
      <div class="form-group"><label for="milestone">Milestone</label>
        <select id="milestone" name="milestone">{{#next}}<option value="{{code}}">{{code}}</option>{{/next}}</select></div>
      <div class="form-group"><label for="reason">Why</label><textarea id="reason" name="reason" rows="2"></textarea></div>
      <div class="form-group"><label for="removalDate">Removal date (for removal directions, yyyy-MM-dd)</label><input id="removalDate" name="removalDate"></div>
      <div class="form-group"><label for="route">Route</label><input id="route" name="route"></div>
      <div class="form-group"><label for="destination">Destination</label><input id="destination" name="destination"></div>
      <div class="form-group"><label for="override">Override (senior caseworkers: less than 72 hours' notice, and why)</label><input id="override" name="override"></div>
      <div class="form-group"><label for="bailConditions">Bail conditions and restrictions (for bail granted)</label><input id="bailConditions" name="bailConditions"></div>
      <button class="button" type="submit">Record milestone</button>
    </form>
    <form method="post" action="/cases/{{id}}/steps" novalidate>
      <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="version" value="{{version}}">
      <div class="form-group"><label for="barrier">Open a barrier</label>
        <select id="barrier" name="barrier">{{#barrierKinds}}<option value="{{code}}">{{code}}</option>{{/barrierKinds}}</select></div>
      <div class="form-group"><label for="note">Note</label><input id="note" name="note"></div>
      <button class="button button--secondary" type="submit">Open barrier</button>
    </form>
    <form method="post" action="/cases/{{id}}/steps" novalidate>
      <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="version" value="{{version}}">
      <div class="form-group"><label for="allocateTo">Allocate to a case owner (username)</label><input id="allocateTo" name="allocateTo"></div>
      <button class="button button--secondary" type="submit">Allocate</button>
    </form>
    <form method="post" action="/cases/{{id}}/steps" novalidate>
      <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="version" value="{{version}}">
      <div class="form-group"><label for="fileLocation">The Home Office file has moved to</label>
        <select id="fileLocation" name="fileLocation">{{#teams}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/teams}}</select></div>
      <button class="button button--secondary" type="submit">Record the move</button>
    </form>
    {{#minuteSheetAction}}<form method="post" action="/cases/{{id}}/steps" class="inline-form" novalidate>
      <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="version" value="{{version}}">
      <input type="hidden" name="minuteSheet" value="{{minuteSheetStep}}">
      <button class="button button--secondary" type="submit">{{minuteSheetAction}}</button>
    </form>{{/minuteSheetAction}}
    {{#hasInterests}}<form method="post" action="/cases/{{id}}/steps" class="inline-form" novalidate>
      <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="version" value="{{version}}"><input type="hidden" name="consult" value="1">
      <button class="button button--secondary" type="submit">Consult interested agencies</button>
    </form>{{/hasInterests}}
    {{/canChange}}
    {{> assetPanel}}
    <h2>Guidance for the next steps</h2>
    {{#guidance}}<details class="panel"><summary>{{title}}</summary><p>{{body}}</p><p class="hint">Version {{version}}, valid from {{validFrom}} · <a href="/guidance/{{slug}}">history</a></p></details>{{/guidance}}
    <h2>History</h2>
    <table><caption class="visually-hidden">Every step, newest first</caption>
      <thead><tr><th scope="col">When</th><th scope="col">Step</th><th scope="col">By</th><th scope="col">Why</th><th scope="col">Details</th></tr></thead>
      <tbody>{{#events}}<tr><td>{{at}}</td><td>{{kind}}</td><td>{{by}}</td><td>{{reason}}</td><td>{{details}}</td></tr>{{/events}}</tbody>
    </table>
    """
}

extension Templates {
    static let obligations = """
    <h1>Obligations to partners</h1>
    <p>Every milestone on a case with partner interest is owed to the interested agency by a time. Open obligations
    past that time are overdue and escalate to a senior caseworker, then to the criminal casework process team.
    <a href="/guidance/obligations">Guidance</a>.</p>
    <h2>By team and agency</h2>
    {{#hasTallies}}<table><caption class="visually-hidden">Open obligations by team and agency</caption>
      <thead><tr><th scope="col">Team</th><th scope="col">Agency</th><th scope="col" class="numeric">Due</th><th scope="col" class="numeric">Overdue</th><th scope="col" class="numeric">Escalated</th></tr></thead>
      <tbody>{{#tallies}}<tr><td>{{team}}</td><td>{{agency}}</td><td class="numeric">{{due}}</td><td class="numeric">{{overdue}}</td><td class="numeric">{{escalated}}</td></tr>{{/tallies}}</tbody>
    </table>{{/hasTallies}}
    {{^hasTallies}}<p>No open obligations.</p>{{/hasTallies}}
    <h2>Minute sheets awaiting confirmation</h2>
    {{#hasSheets}}<ul>{{#sheets}}<li><a href="/cases/{{caseID}}">{{reference}}</a>: requested from {{from}} on {{at}}</li>{{/sheets}}</ul>{{/hasSheets}}
    {{^hasSheets}}<p>None.</p>{{/hasSheets}}
    <h2>{{listTitle}}</h2>
    <p>{{#states}}<a href="/obligations?state={{code}}"{{#current}} aria-current="page"{{/current}}>{{code}}</a> {{/states}}</p>
    {{> obligationTable}}
    """

    static let inbox = """
    {{#notice}}<div class="notification notification--success" role="status"><p>{{notice}}</p></div>{{/notice}}
    <h1>Inbox: {{agency}}</h1>
    <p>Notices Liaison owes your agency about deportation cases you registered interest in. Acknowledge each; open one
    to reply with anything you hold (identity or nationality documents, confiscation order details): it lands on the case.</p>
    <nav aria-label="Filter notices"><ul class="tabs">{{#states}}<li><a href="/inbox?state={{code}}"{{#current}} aria-current="page"{{/current}}>{{label}}</a></li>{{/states}}</ul></nav>
    {{#hasItems}}<table class="responsive"><caption class="visually-hidden">Notices, soonest due first</caption>
      <thead><tr><th scope="col">Case</th><th scope="col">Notice</th><th scope="col">Due by</th><th scope="col">State</th><th scope="col">Action</th></tr></thead>
      <tbody>{{#items}}<tr><td data-label="Case">{{reference}}</td><td data-label="Notice"><a href="/inbox/{{path}}">{{event}}</a></td><td data-label="Due by">{{due}}</td>
        <td data-label="State"><span class="tag{{#late}} tag--red{{/late}}">{{state}}</span></td>
        <td data-label="Action">{{#open}}<form method="post" action="/inbox/{{path}}/acknowledge" class="inline-form" novalidate><input type="hidden" name="_csrf" value="{{csrf}}">
          <button class="button button--secondary" type="submit">Acknowledge<span class="visually-hidden"> {{event}} for {{reference}}</span></button></form>
          <a href="/inbox/{{path}}">Reply<span class="visually-hidden"> to {{event}} for {{reference}}</span></a>{{/open}}{{^open}}{{#acknowledged}}Acknowledged {{acknowledged}}{{/acknowledged}}{{/open}}</td></tr>{{/items}}</tbody>
    </table>{{/hasItems}}
    {{^hasItems}}<p>Nothing here.</p>{{/hasItems}}
    {{#next}}<p><a href="{{next}}">Next page</a></p>{{/next}}
    """

    static let inboxNotice = """
    <div class="two-thirds">
    <a class="back-link" href="/inbox">Back to the inbox</a>
    {{#problem}}<div class="error-summary" role="alert" tabindex="-1"><h2>There is a problem</h2><ul><li><a href="#reply">{{problem}}</a></li></ul></div>{{/problem}}
    <span class="caption">Case {{reference}} · {{agency}}</span>
    <h1>{{event}} <span class="tag{{#late}} tag--red{{/late}}">{{state}}</span></h1>
    <p class="pre">{{summary}}</p>
    <p class="hint">Due by {{due}}{{#acknowledged}} · acknowledged {{acknowledged}}{{/acknowledged}}</p>
    {{^mayAcknowledge}}{{#reply}}<p>Reply: {{reply}}</p>{{/reply}}{{/mayAcknowledge}}
    {{#mayAcknowledge}}<form method="post" action="/inbox/{{path}}/acknowledge" novalidate>
      <input type="hidden" name="_csrf" value="{{csrf}}">
      <div class="form-group"><label for="reply">Reply (optional)</label>
        <span class="hint" id="reply-hint">What your agency holds about this person: it is added to the case's history.</span>
        <textarea id="reply" name="reply" rows="4" aria-describedby="reply-hint">{{reply}}</textarea></div>
      <button class="button" type="submit">Acknowledge</button>
    </form>{{/mayAcknowledge}}
    </div>
    """

    static let guidanceList = """
    <h1>Casework guidance</h1>
    <ul>{{#items}}<li><a href="/guidance/{{slug}}">{{title}}</a> <span class="hint">version {{version}}, valid from {{validFrom}}</span></li>{{/items}}</ul>
    """

    static let guidancePage = """
    {{#notice}}<div class="notification notification--success" role="status"><p>{{notice}}</p></div>{{/notice}}
    {{#problem}}<div class="error-summary" role="alert" tabindex="-1"><h2>There is a problem</h2><p>{{problem}}</p></div>{{/problem}}
    <span class="caption">Guidance · {{slug}}</span>
    <h1>{{title}}</h1>
    <p>{{body}}</p>
    <p class="hint">Version {{version}}, valid from {{validFrom}}.</p>
    <h2>Change history</h2>
    <table><caption class="visually-hidden">Every version, newest first</caption>
      <thead><tr><th scope="col">Version</th><th scope="col">Valid from</th><th scope="col">Changed by</th><th scope="col">Change</th></tr></thead>
      <tbody>{{#history}}<tr><td>{{version}}</td><td>{{validFrom}}</td><td>{{editedBy}}</td><td>{{changeNote}}</td></tr>{{/history}}</tbody>
    </table>
    {{#canEdit}}
    <h2>Edit</h2>
    <form method="post" action="/guidance/{{slug}}" novalidate>
      <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="version" value="{{latest}}">
      <div class="form-group"><label for="title">Title</label><input id="title" name="title" value="{{title}}"></div>
      <div class="form-group"><label for="body">Guidance</label><textarea id="body" name="body" rows="6">{{body}}</textarea></div>
      <div class="form-group"><label for="validFrom">Valid from (yyyy-mm-dd)</label><input id="validFrom" name="validFrom" value="{{today}}"></div>
      <div class="form-group"><label for="changeNote">What changed and why</label><input id="changeNote" name="changeNote"></div>
      <button class="button" type="submit">Publish new version</button>
    </form>
    {{/canEdit}}
    """

    static let obligationTable = """
    {{#hasItems}}<table><caption class="visually-hidden">Obligations, soonest due first</caption>
      <thead><tr><th scope="col">Case</th><th scope="col">Agency</th><th scope="col">About</th><th scope="col">Team</th><th scope="col">Due by</th><th scope="col">State</th></tr></thead>
      <tbody>{{#items}}<tr><td><a href="/cases/{{caseID}}">{{reference}}</a></td><td>{{agency}}</td><td>{{event}}</td><td>{{team}}</td><td>{{due}}</td><td><span class="tag{{#late}} tag--red{{/late}}">{{state}}</span></td></tr>{{/items}}</tbody>
    </table>{{/hasItems}}
    {{^hasItems}}<p>None.</p>{{/hasItems}}
    """
}

extension Templates {
    static let assessmentPanel = """
    {{#hasHistory}}<table><caption class="visually-hidden">Every assessment, newest first</caption>
      <thead><tr><th scope="col">When</th><th scope="col">By</th><th scope="col" class="numeric">Score</th><th scope="col">Band</th><th scope="col">Why</th><th scope="col">Next review</th></tr></thead>
      <tbody>{{#history}}<tr><td>{{at}}</td><td>{{by}}</td><td class="numeric">{{score}}</td><td>{{band}}</td><td>{{rationale}}<br><span class="hint">{{ratings}}</span></td><td>{{next}}</td></tr>{{/history}}</tbody>
    </table>{{/hasHistory}}
    {{^hasHistory}}<p>No assessment recorded in Liaison yet: any band shown was given when the record was made.</p>{{/hasHistory}}
    {{#canAssess}}<details class="panel" id="assess"{{#late}} open{{/late}}><summary>Assess (scoring matrix version {{matrixVersion}})</summary>
    <form method="post" action="{{assessAction}}" novalidate>
      <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="version" value="{{assessVersion}}">
      {{#factors}}<div class="form-group"><label for="rating-{{code}}">{{label}} (weight {{weight}})</label>
        <select id="rating-{{code}}" name="rating.{{code}}">{{#options}}<option value="{{value}}">{{label}}</option>{{/options}}</select></div>{{/factors}}
      <div class="form-group"><label for="rationale">Why</label><textarea id="rationale" name="rationale" rows="2"></textarea></div>
      <button class="button" type="submit">Record assessment</button>
    </form></details>{{/canAssess}}
    """

    static let pois = """
    <h1>Persons of Interest{{#overdue}}: reviews overdue{{/overdue}}</h1>
    <p><a href="/pois"{{^overdue}} aria-current="page"{{/overdue}}>All</a> · <a href="/pois?overdue=1"{{#overdue}} aria-current="page"{{/overdue}}>Reviews overdue</a></p>
    {{#hasItems}}<table><caption class="visually-hidden">Persons of Interest, soonest review first</caption>
      <thead><tr><th scope="col">Subject</th><th scope="col">Tier</th><th scope="col" class="numeric">Score</th><th scope="col">Owner</th><th scope="col">Review due</th></tr></thead>
      <tbody>{{#items}}<tr><td><a href="/pois/{{id}}">{{subject}}</a>{{#lifetime}} <span class="tag">lifetime management</span>{{/lifetime}}</td><td>{{tier}}</td><td class="numeric">{{score}}</td><td>{{owner}}</td><td>{{review}}{{#late}} <span class="tag tag--red">overdue</span>{{/late}}</td></tr>{{/items}}</tbody>
    </table>{{/hasItems}}
    {{^hasItems}}<p>None.</p>{{/hasItems}}
    <p class="hint">A subject is adopted as a Person of Interest from its page. <a href="/scoring">The scoring matrices</a>.</p>
    """

    static let poi = """
    <a class="back-link" href="/pois">Back to Persons of Interest</a>
    {{#notice}}<div class="notification notification--success" role="status"><p>{{notice}}</p></div>{{/notice}}
    {{#problem}}<div class="error-summary" role="alert" tabindex="-1"><h2>There is a problem</h2><p>{{problem}}</p></div>{{/problem}}
    <p class="marking-banner{{#highMarking}} marking-banner--high{{/highMarking}}">{{markingLabel}}</p>
    <span class="caption">Person of Interest · {{agency}}</span>
    <h1><a href="/subjects/{{subjectID}}">{{subject}}</a></h1>
    <dl class="summary-list">
      <div><dt>Tier</dt><dd>{{tier}}{{#score}} (score {{score}}){{/score}}</dd></div>
      <div><dt>Owner</dt><dd>{{owner}}</dd></div>
      <div><dt>Review due</dt><dd>{{review}}{{#late}} <span class="tag tag--red">overdue</span>{{#canAssess}} <a href="#assess">Review now</a>{{/canAssess}}{{/late}}</dd></div>
      <div><dt>Lifetime management</dt><dd>{{#lifetime}}Yes: reviewed at least every 90 days{{/lifetime}}{{^lifetime}}No{{/lifetime}}</dd></div>
      <div><dt>Record</dt><dd>Version {{version}}</dd></div>
    </dl>
    <h2>Risk assessments</h2>
    {{> assessmentPanel}}
    {{> interventionPanel}}
    """
}

extension Templates {
    static let interventionPanel = """
    <h2>Interventions</h2>
    <p><strong>Subject to action</strong> (rule version {{actionRule}}): {{subjectToAction}}</p>
    {{#interventionProblem}}<div class="error-summary" role="alert" tabindex="-1"><h2>There is a problem</h2><p>{{interventionProblem}}</p></div>{{/interventionProblem}}
    {{#hasInterventions}}<table><caption class="visually-hidden">Interventions, soonest due first</caption>
      <thead><tr><th scope="col">4P</th><th scope="col">Tactic</th><th scope="col">Owner</th><th scope="col">Due</th><th scope="col">Status</th><th scope="col" class="numeric">Outcomes</th></tr></thead>
      <tbody>{{#interventions}}<tr><td>{{category}}</td><td><a href="/interventions/{{id}}">{{tactic}}</a>{{#operation}} <span class="tag">{{operation}}</span>{{/operation}}</td><td>{{owner}}</td><td>{{due}}</td><td>{{status}}</td><td class="numeric">{{outcomes}}</td></tr>{{/interventions}}</tbody>
    </table>{{/hasInterventions}}
    {{^hasInterventions}}<p>No interventions you can see.</p>{{/hasInterventions}}
    {{#canPlan}}<details class="panel"><summary>Plan an intervention</summary>
    <form method="post" action="/interventions" novalidate>
      <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="targetKind" value="{{targetKind}}"><input type="hidden" name="targetID" value="{{targetID}}">
      <div class="form-group"><label for="category">4P category</label><select id="category" name="category">{{#categories}}<option value="{{code}}">{{label}}</option>{{/categories}}</select></div>
      <div class="form-group"><label for="tactic">Tactic</label><select id="tactic" name="tactic">{{#tactics}}<option value="{{code}}">{{label}}</option>{{/tactics}}</select></div>
      <div class="form-group"><label for="dueDate">Due (yyyy-mm-dd)</label><input id="dueDate" name="dueDate"></div>
      <div class="form-group"><label for="partners">Partner agencies (codes, comma-separated)</label><input id="partners" name="partners"></div>
      <div class="form-group"><label for="operation">Multi-agency operation (name, if any)</label><input id="operation" name="operation"></div>
      <div class="form-group"><label for="description">What is planned</label><textarea id="description" name="description" rows="2"></textarea></div>
      <button class="button button--secondary" type="submit">Plan intervention</button>
    </form></details>{{/canPlan}}
    """

    static let intervention = """
    {{#notice}}<div class="notification notification--success" role="status"><p>{{notice}}</p></div>{{/notice}}
    {{#problem}}<div class="error-summary" role="alert" tabindex="-1"><h2>There is a problem</h2><p>{{problem}}</p></div>{{/problem}}
    <p class="marking-banner{{#highMarking}} marking-banner--high{{/highMarking}}">{{markingLabel}}</p>
    <span class="caption">Intervention · {{category}} · <a href="{{targetHref}}">{{targetLabel}}</a></span>
    <h1>{{tactic}}</h1>
    <dl class="summary-list">
      <div><dt>What is planned</dt><dd>{{description}}</dd></div>
      <div><dt>Lead agency</dt><dd>{{lead}}</dd></div>
      <div><dt>Partners</dt><dd>{{partners}}{{^partners}}None{{/partners}}</dd></div>
      <div><dt>Owner</dt><dd>{{owner}}</dd></div>
      <div><dt>Due</dt><dd>{{due}}</dd></div>
      <div><dt>Status</dt><dd>{{status}}{{#completedOn}} on {{completedOn}}{{/completedOn}}</dd></div>
      {{#operation}}<div><dt>Operation</dt><dd><a href="/operations/{{operation}}">{{operation}}</a></dd></div>{{/operation}}
      <div><dt>Record</dt><dd>Version {{version}}</dd></div>
    </dl>
    <h2>Outcomes</h2>
    {{#hasOutcomes}}<table><caption class="visually-hidden">Outcomes recorded</caption>
      <thead><tr><th scope="col">Date</th><th scope="col">Outcome</th><th scope="col" class="numeric">Quantity</th><th scope="col">Details</th><th scope="col">Impact</th></tr></thead>
      <tbody>{{#outcomeRows}}<tr><td>{{date}}</td><td>{{kind}}</td><td class="numeric">{{quantity}} {{unit}}</td><td>{{commodity}} {{purity}} {{place}} {{route}} {{narrative}}</td><td>{{impact}}</td></tr>{{/outcomeRows}}</tbody>
    </table>{{/hasOutcomes}}
    {{^hasOutcomes}}<p>None recorded.</p>{{/hasOutcomes}}
    {{#canChange}}
    {{#hasNext}}<form method="post" action="/interventions/{{id}}/steps" novalidate>
      <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="version" value="{{version}}">
      <div class="form-group"><label for="status">New status</label><select id="status" name="status">{{#nextStatuses}}<option value="{{code}}">{{code}}</option>{{/nextStatuses}}</select></div>
      <div class="form-group"><label for="completedOn">Completed on (yyyy-mm-dd; today if empty)</label><input id="completedOn" name="completedOn"></div>
      <button class="button button--secondary" type="submit">Change status</button>
    </form>{{/hasNext}}
    <details class="panel"><summary>Record an outcome</summary>
    <form method="post" action="/interventions/{{id}}/steps" novalidate>
      <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="version" value="{{version}}">
      <div class="form-group"><label for="kind">Outcome</label><select id="kind" name="kind">{{#outcomeKinds}}<option value="{{code}}">{{label}}</option>{{/outcomeKinds}}</select></div>
      <div class="form-group"><label for="date">Date (yyyy-mm-dd)</label><input id="date" name="date"></div>
      <div class="form-group"><label for="quantity">Quantity (1 if empty)</label><input id="quantity" name="quantity"></div>
      <div class="form-group"><label for="unit">Unit (kg, GBP, items…)</label><input id="unit" name="unit"></div>
      <div class="form-group"><label for="commodity">Commodity (seizures)</label><input id="commodity" name="commodity"></div>
      <div class="form-group"><label for="purity">Purity % (drugs)</label><input id="purity" name="purity"></div>
      <div class="form-group"><label for="place">Place</label><input id="place" name="place"></div>
      <div class="form-group"><label for="route">Route</label><input id="route" name="route"></div>
      <div class="form-group"><label for="impact">Impact of the disruption</label><select id="impact" name="impact"><option value="">Not assessed</option>{{#impacts}}<option value="{{code}}">{{label}}</option>{{/impacts}}</select></div>
      <div class="form-group"><label for="narrative">Narrative</label><textarea id="narrative" name="narrative" rows="2"></textarea></div>
      <button class="button" type="submit">Record outcome</button>
    </form></details>
    {{/canChange}}
    """

    static let operation = """
    {{#notice}}<div class="notification notification--success" role="status"><p>{{notice}}</p></div>{{/notice}}
    {{#problem}}<div class="error-summary" role="alert" tabindex="-1"><h2>There is a problem</h2><p>{{problem}}</p></div>{{/problem}}
    <span class="caption">Multi-agency operation</span>
    <h1>{{name}}</h1>
    {{#record}}<dl class="summary-list">
      <div><dt>Purpose</dt><dd>{{description}}</dd></div>
      <div><dt>Lead agency</dt><dd>{{lead}}</dd></div>
      <div><dt>Partners</dt><dd>{{partners}}{{^partners}}None{{/partners}}</dd></div>
      <div><dt>Period</dt><dd>{{startsOn}} to {{endsOn}}{{^endsOn}}now{{/endsOn}}</dd></div>
      <div><dt>Set up by</dt><dd>{{createdBy}}</dd></div>
    </dl>{{/record}}
    {{^record}}<p>No operation record you can see carries this name; below are the interventions planned under it that you can see.</p>{{/record}}
    <p>Agencies taking part: {{agencies}}{{^agencies}}none you can see{{/agencies}}</p>
    {{#showBriefed}}<h2>Briefed members</h2>
    <p>Only members briefed into {{name}} see the records marked with it (need-to-know).</p>
    {{#hasBriefed}}<table><caption class="visually-hidden">Members briefed into the operation</caption>
      <thead><tr><th scope="col">Member</th><th scope="col">Agency</th>{{#canBrief}}<th scope="col"><span class="visually-hidden">Action</span></th>{{/canBrief}}</tr></thead>
      <tbody>{{#briefed}}<tr><td>{{displayName}} ({{username}})</td><td>{{agency}}</td>{{#canBrief}}<td><form method="post" action="/operations/{{path}}/briefings"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="username" value="{{username}}"><input type="hidden" name="briefed" value="false"><button class="link-button" type="submit">Withdraw<span class="visually-hidden"> {{username}}'s briefing</span></button></form></td>{{/canBrief}}</tr>{{/briefed}}</tbody>
    </table>{{/hasBriefed}}
    {{^hasBriefed}}<p>Nobody is briefed yet.</p>{{/hasBriefed}}
    {{#canBrief}}<form method="post" action="/operations/{{path}}/briefings" novalidate>
      <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="briefed" value="true">
      <div class="form-group"><label for="username">Brief a member (username)</label><input id="username" name="username" autocomplete="off"></div>
      <button class="button button--secondary" type="submit">Brief member</button>
    </form>{{/canBrief}}{{/showBriefed}}
    <h2>Joint results</h2>
    <table><caption class="visually-hidden">Outcomes totalled by kind</caption>
      <thead><tr><th scope="col">Outcome</th><th scope="col" class="numeric">Total</th></tr></thead>
      <tbody>{{#totals}}<tr><td>{{kind}}</td><td class="numeric">{{value}}</td></tr>{{/totals}}</tbody>
    </table>
    {{#hasSeizures}}<h3>Seizures</h3><ul>{{#seizures}}<li>{{what}}: {{value}}</li>{{/seizures}}</ul>{{/hasSeizures}}
    <h2>Interventions</h2>
    {{#hasItems}}<table><caption class="visually-hidden">The operation's interventions you can see</caption>
      <thead><tr><th scope="col">4P</th><th scope="col">Tactic</th><th scope="col">Owner</th><th scope="col">Due</th><th scope="col">Status</th><th scope="col" class="numeric">Outcomes</th></tr></thead>
      <tbody>{{#items}}<tr><td>{{category}}</td><td><a href="/interventions/{{id}}">{{tactic}}</a></td><td>{{owner}}</td><td>{{due}}</td><td>{{status}}</td><td class="numeric">{{outcomes}}</td></tr>{{/items}}</tbody>
    </table>{{/hasItems}}
    {{^hasItems}}<p>No interventions you can see.</p>{{/hasItems}}
    """

    static let operations = """
    {{#problem}}<div class="error-summary" role="alert" tabindex="-1"><h2>There is a problem</h2><p>{{problem}}</p></div>{{/problem}}
    <h1>Operations</h1>
    <p>Multi-agency operations your agency leads or takes part in, or that you are briefed into.</p>
    {{#hasItems}}<table><caption class="visually-hidden">Operations, latest start first</caption>
      <thead><tr><th scope="col">Operation</th><th scope="col">Lead agency</th><th scope="col">Starts</th><th scope="col">Ends</th></tr></thead>
      <tbody>{{#items}}<tr><td><a href="/operations/{{path}}">{{name}}</a></td><td>{{lead}}</td><td>{{startsOn}}</td><td>{{endsOn}}</td></tr>{{/items}}</tbody>
    </table>{{/hasItems}}
    {{^hasItems}}<p>No operations you can see.</p>{{/hasItems}}
    {{#canCreate}}<h2>Set up an operation</h2>
    <form method="post" action="/operations" novalidate>
      <input type="hidden" name="_csrf" value="{{csrf}}">
      <div class="form-group"><label for="name">Name</label><span class="hint">For example OPERATION BASALT: letters, digits, spaces or hyphens</span><input id="name" name="name" value="{{form.name}}"></div>
      <div class="form-group"><label for="description">Purpose</label><textarea id="description" name="description" rows="2">{{form.description}}</textarea></div>
      <div class="form-group"><label for="partners">Partner agencies (codes, separated by commas)</label><input id="partners" name="partners" value="{{form.partners}}"></div>
      <div class="form-group"><label for="startsOn">Starts (yyyy-mm-dd)</label><input id="startsOn" name="startsOn" value="{{form.startsOn}}"></div>
      <div class="form-group"><label for="endsOn">Ends (yyyy-mm-dd, if known)</label><input id="endsOn" name="endsOn" value="{{form.endsOn}}"></div>
      <button class="button" type="submit">Set up operation</button>
    </form>{{/canCreate}}
    """
}

extension Templates {
    static let reassessments = """
    <h1>Groups due for reassessment</h1>
    <p>Each band is reassessed on a schedule: 90 days for band 1, 180 for band 2, a year for band 3.</p>
    {{#hasItems}}<table><caption class="visually-hidden">Groups whose reassessment is overdue, most overdue first</caption>
      <thead><tr><th scope="col">Group</th><th scope="col">Band</th><th scope="col" class="numeric">Score</th><th scope="col">Last assessed</th><th scope="col">Due</th></tr></thead>
      <tbody>{{#items}}<tr><td><a href="/ocgs/{{id}}">{{name}}</a></td><td>{{band}}</td><td class="numeric">{{score}}</td><td>{{assessed}}</td><td><span class="tag tag--red">{{due}}</span></td></tr>{{/items}}</tbody>
    </table>{{/hasItems}}
    {{^hasItems}}<p>None overdue.</p>{{/hasItems}}
    """
}

extension Templates {
    static let scoring = """
    {{#notice}}<div class="notification notification--success" role="status"><p>{{notice}}</p></div>{{/notice}}
    {{#problem}}<div class="error-summary" role="alert" tabindex="-1"><h2>There is a problem</h2><p>{{problem}}</p></div>{{/problem}}
    <h1>Scoring matrices</h1>
    <p>Weighted factors with described levels give a score from 0 to 100; the score gives the band, and the band when it is next reviewed.</p>
    {{#matrices}}
    <h2>{{title}} (version {{version}}, from {{effectiveFrom}})</h2>
    <table><caption class="visually-hidden">Factors</caption>
      <thead><tr><th scope="col">Factor</th><th scope="col" class="numeric">Weight</th><th scope="col">Levels</th></tr></thead>
      <tbody>{{#factors}}<tr><td>{{label}}</td><td class="numeric">{{weight}}</td><td>{{levels}}</td></tr>{{/factors}}</tbody>
    </table>
    <table><caption class="visually-hidden">Bands</caption>
      <thead><tr><th scope="col">Band</th><th scope="col" class="numeric">From score</th><th scope="col" class="numeric">Reviewed every (days)</th></tr></thead>
      <tbody>{{#bands}}<tr><td>{{code}}</td><td class="numeric">{{minimum}}</td><td class="numeric">{{review}}</td></tr>{{/bands}}</tbody>
    </table>
    <p class="hint">Versions: {{versions}}</p>
    {{#canPublish}}<details class="panel"><summary>Publish a new version</summary>
    <form method="post" action="/scoring/{{kind}}" novalidate>
      <input type="hidden" name="_csrf" value="{{csrf}}">
      <div class="form-group"><label for="matrix-{{kind}}">The new version, as JSON (set effectiveFrom; the version must follow the latest)</label>
        <textarea id="matrix-{{kind}}" name="matrix" rows="16">{{draft}}</textarea></div>
      <button class="button" type="submit">Publish</button>
    </form></details>{{/canPublish}}
    {{/matrices}}
    """
}

extension Templates {
    static let adminReference = """
    {{#notice}}<div class="notification notification--success" role="status"><p>{{notice}}</p></div>{{/notice}}
    {{#problem}}<div class="error-summary" role="alert" tabindex="-1"><h2>There is a problem</h2><p>{{problem}}</p></div>{{/problem}}
    <h1>Reference data</h1>
    <p>The lists records are checked against. An entry is never deleted, only made inactive, so records keep their meaning. <a href="/scoring">Scoring matrices</a>.</p>
    {{#lists}}
    <h2 id="{{list}}">{{list}}</h2>
    <table><caption class="visually-hidden">Entries of {{list}}</caption>
      <thead><tr><th scope="col">Code</th><th scope="col">Label</th><th scope="col" class="numeric">Order</th><th scope="col">Offered</th></tr></thead>
      <tbody>{{#entries}}<tr><td><code>{{code}}</code></td><td>{{label}}</td><td class="numeric">{{order}}</td><td>{{#active}}Yes{{/active}}{{^active}}No{{/active}}</td></tr>{{/entries}}</tbody>
    </table>
    <details class="panel"><summary>Add or change an entry of {{list}}</summary>
    <form method="post" action="/admin/reference" novalidate>
      <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="list" value="{{list}}">
      <div class="form-group"><label for="code-{{list}}">Code (an existing one to change it)</label><input id="code-{{list}}" name="code"></div>
      <div class="form-group"><label for="label-{{list}}">Label</label><input id="label-{{list}}" name="label"></div>
      <div class="form-group"><label for="order-{{list}}">Order</label><input id="order-{{list}}" name="sortOrder" value="{{next}}"></div>
      <div class="form-group"><label><input type="checkbox" name="active" value="1" checked> Offered</label></div>
      <button class="button button--secondary" type="submit">Save</button>
    </form></details>
    {{/lists}}
    """
}

extension Templates {
    static let assetPanel = """
    <h2>Asset recovery</h2>
    {{#hasAssets}}<table><caption class="visually-hidden">Orders and seizures</caption>
      <thead><tr><th scope="col">Power</th><th scope="col">Court</th><th scope="col">Made</th><th scope="col" class="numeric">Amount</th><th scope="col">Status</th><th scope="col" class="numeric">Collected</th></tr></thead>
      <tbody>{{#assets}}<tr><td><a href="/assets/{{id}}">{{power}}</a></td><td>{{court}}</td><td>{{madeOn}}</td><td class="numeric">{{amount}}</td><td>{{status}}</td><td class="numeric">{{collected}}</td></tr>{{/assets}}</tbody>
    </table>{{/hasAssets}}
    {{^hasAssets}}<p>No orders or seizures you can see.</p>{{/hasAssets}}
    {{#canRecordAsset}}<p><a class="button button--secondary" href="/assets/new?targetKind={{assetTargetKind}}&amp;targetID={{assetTargetID}}">Record an order or seizure</a></p>{{/canRecordAsset}}
    """

    static let assetForm = """
    {{#problem}}<div class="error-summary" role="alert" tabindex="-1"><h2>There is a problem</h2><p>{{problem}}</p></div>{{/problem}}
    <span class="caption"><a href="{{back}}">Back</a></span>
    <h1>Record an order or seizure</h1>
    <form method="post" action="/assets" novalidate>
      <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="targetKind" value="{{targetKind}}"><input type="hidden" name="targetID" value="{{targetID}}">
      <div class="form-group"><label for="power">Power</label><select id="power" name="power">{{#powers}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/powers}}</select></div>
      <div class="form-group"><label for="court">Court</label><input id="court" name="court" value="{{form.court}}"></div>
      <div class="form-group"><label for="reference">Court reference</label><input id="reference" name="reference" value="{{form.reference}}"></div>
      <div class="form-group"><label for="madeOn">Made or seized on (yyyy-mm-dd)</label><input id="madeOn" name="madeOn" value="{{form.madeOn}}"></div>
      <div class="form-group"><label for="amount">Amount (£): restrained, recoverable, seized, frozen or claimed</label><input id="amount" name="amount" inputmode="decimal" value="{{form.amount}}"></div>
      <fieldset class="panel"><legend>For a confiscation order</legend>
        <div class="form-group"><label for="benefit">Benefit figure (£)</label><input id="benefit" name="benefit" inputmode="decimal" value="{{form.benefit}}"></div>
        <div class="form-group"><label for="available">Available amount (£)</label><input id="available" name="available" inputmode="decimal" value="{{form.available}}"></div>
        <div class="form-group"><label for="compensation">Compensation to victims (£)</label><input id="compensation" name="compensation" inputmode="decimal" value="{{form.compensation}}"></div>
        <div class="form-group"><label for="timeToPay">Time to pay: by (yyyy-mm-dd)</label><input id="timeToPay" name="timeToPay" value="{{form.timeToPay}}"></div>
        <div class="form-group"><label for="defaultSentenceMonths">Default sentence (months)</label><input id="defaultSentenceMonths" name="defaultSentenceMonths" inputmode="numeric" value="{{form.defaultSentenceMonths}}"></div>
      </fieldset>
      <div class="form-group"><label for="prosecution">Prosecuting agency (code, if not yours)</label><input id="prosecution" name="prosecution" value="{{form.prosecution}}"></div>
      <div class="form-group"><label for="enforcement">Enforcing agency (code)</label><input id="enforcement" name="enforcement" value="{{form.enforcement}}"></div>
      <button class="button" type="submit">Record</button>
    </form>
    """

    static let asset = """
    {{#notice}}<div class="notification notification--success" role="status"><p>{{notice}}</p></div>{{/notice}}
    {{#problem}}<div class="error-summary" role="alert" tabindex="-1"><h2>There is a problem</h2><p>{{problem}}</p></div>{{/problem}}
    <p class="marking-banner{{#highMarking}} marking-banner--high{{/highMarking}}">{{markingLabel}}</p>
    <span class="caption">Asset recovery · <a href="{{targetHref}}">{{targetLabel}}</a></span>
    <h1>{{power}} {{reference}}</h1>
    <dl class="summary-list">
      <div><dt>Court</dt><dd>{{court}}</dd></div>
      <div><dt>Made</dt><dd>{{madeOn}}</dd></div>
      <div><dt>{{amountLabel}}</dt><dd>{{amount}}</dd></div>
      <div><dt>Status</dt><dd><strong class="tag">{{status}}</strong></dd></div>
      <div><dt>Collected</dt><dd>{{collected}}{{#outstanding}} ({{outstanding}} outstanding){{/outstanding}}</dd></div>
      {{#detentionLimit}}<div><dt>Detention may run until</dt><dd>{{detentionLimit}} at the latest</dd></div>{{/detentionLimit}}
      {{#confiscation}}<div><dt>Benefit</dt><dd>{{benefit}}</dd></div><div><dt>Available amount</dt><dd>{{available}}</dd></div>
      <div><dt>Compensation to victims</dt><dd>{{compensation}}</dd></div><div><dt>Time to pay</dt><dd>by {{timeToPay}}</dd></div>
      <div><dt>Default sentence</dt><dd>{{defaultSentence}}</dd></div>{{/confiscation}}
      <div><dt>Agencies</dt><dd><ul>{{#agencies}}<li>{{agency}} ({{role}})</li>{{/agencies}}</ul></dd></div>
    </dl>
    <h2>Events</h2>
    {{#hasEvents}}<table><caption class="visually-hidden">Events, oldest first</caption>
      <thead><tr><th scope="col">Event</th><th scope="col">Date</th><th scope="col" class="numeric">Amount</th><th scope="col">Until</th><th scope="col">Note</th><th scope="col">By</th></tr></thead>
      <tbody>{{#events}}<tr><td>{{kind}}</td><td>{{date}}</td><td class="numeric">{{amount}}</td><td>{{until}}</td><td>{{note}}</td><td>{{by}}</td></tr>{{/events}}</tbody>
    </table>{{/hasEvents}}
    {{^hasEvents}}<p>Nothing recorded since it was made.</p>{{/hasEvents}}
    {{#canChange}}{{#hasNext}}<details class="panel"><summary>Record the next event</summary>
    <form method="post" action="/assets/{{id}}/events" novalidate>
      <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="version" value="{{version}}">
      <div class="form-group"><label for="kind">Event</label><select id="kind" name="kind">{{#nextEvents}}<option value="{{code}}">{{code}}</option>{{/nextEvents}}</select></div>
      <div class="form-group"><label for="date">Date (yyyy-mm-dd)</label><input id="date" name="date"></div>
      <div class="form-group"><label for="amount">Amount (£), for a payment, variation, forfeiture, return or recovery</label><input id="amount" name="amount" inputmode="decimal"></div>
      <div class="form-group"><label for="until">Until (yyyy-mm-dd), for a detention or its extension</label><input id="until" name="until"></div>
      <div class="form-group"><label for="note">Note</label><textarea id="note" name="note" rows="2"></textarea></div>
      <button class="button button--secondary" type="submit">Record event</button>
    </form></details>{{/hasNext}}{{/canChange}}
    <h2>Receipts and their split</h2>
    <p>Under the <a href="/asset-recovery/scheme">incentivisation scheme</a> in force on each receipt's date; compensation to victims is paid first.</p>
    {{#hasReceipts}}{{#receipts}}<table><caption>{{date}}: {{amount}}</caption>
      <thead><tr><th scope="col">Part</th><th scope="col">To</th><th scope="col" class="numeric">Amount</th></tr></thead>
      <tbody>{{#shares}}<tr><td>{{part}}</td><td>{{agency}}</td><td class="numeric">{{amount}}</td></tr>{{/shares}}</tbody>
    </table>{{/receipts}}{{/hasReceipts}}
    {{^hasReceipts}}<p>No receipts yet.</p>{{/hasReceipts}}
    """

    static let incentiveScheme = """
    {{#notice}}<div class="notification notification--success" role="status"><p>{{notice}}</p></div>{{/notice}}
    {{#problem}}<div class="error-summary" role="alert" tabindex="-1"><h2>There is a problem</h2><p>{{problem}}</p></div>{{/problem}}
    <h1>Asset recovery incentivisation scheme</h1>
    <p>How receipts from confiscation, forfeiture and civil recovery are shared. Each receipt uses the version in force on its date.</p>
    {{#versions}}<table><caption>Version {{version}}, from {{effectiveFrom}}{{#current}} (in force){{/current}}</caption>
      <thead><tr><th scope="col">Part</th><th scope="col" class="numeric">Share</th></tr></thead>
      <tbody>{{#shares}}<tr><td>{{part}}</td><td class="numeric">{{percent}}%</td></tr>{{/shares}}</tbody>
    </table>{{/versions}}
    {{#canPublish}}<h2>Publish version {{next}}</h2>
    <form method="post" action="/asset-recovery/scheme" novalidate>
      <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="version" value="{{next}}">
      <div class="form-group"><label for="effectiveFrom">In force from (yyyy-mm-dd)</label><input id="effectiveFrom" name="effectiveFrom"></div>
      {{#parts}}<div class="form-group"><label for="{{part}}">{{part}} (%)</label><input id="{{part}}" name="{{part}}" inputmode="decimal" value="{{percent}}"></div>{{/parts}}
      <button class="button" type="submit">Publish</button>
    </form>{{/canPublish}}
    """

    static let reportForm = """
    <form method="get" class="filters" novalidate>
      <div class="form-group"><label for="period">Period</label><span class="hint">A financial year (2025-26), a quarter (2025-26-Q1) or dates (2026-01-01..2026-03-31)</span><input id="period" name="period" value="{{period}}"></div>
      <div class="form-group"><label for="area">Area</label><select id="area" name="area"><option value="">All areas</option>{{#areas}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/areas}}</select></div>
      <div class="form-group"><label for="market">Priority (criminal market)</label><select id="market" name="market"><option value="">All markets</option>{{#markets}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/markets}}</select></div>
      <button class="button button--secondary" type="submit">Show</button>
    </form>
    """

    static let performance = """
    {{#problem}}<div class="error-summary" role="alert" tabindex="-1"><h2>There is a problem</h2><p>{{problem}}</p></div>{{/problem}}
    <h1>Performance report{{#published}} <span class="tag tag--green">published version</span>{{/published}}</h1>
    {{> reportForm}}
    {{#report}}
    <p>{{periodName}} ({{from}} to {{to}}), each measure beside {{previousName}}. Counted from the records you may see.
      <a href="{{csvHref}}">Download CSV</a> · <a href="{{jsonHref}}">Download JSON</a> · <a href="{{profileHref}}">Local profile</a> ·
      {{#published}}<a href="{{fullHref}}">Full version</a>{{/published}}{{^published}}<a href="{{publishedHref}}">Published version</a>{{/published}}</p>
    {{#restrictedOmitted}}<div class="notification" role="status"><p>This published version leaves out {{restrictedOmitted}} restricted measures and charts.</p></div>{{/restrictedOmitted}}
    {{#groups}}<h2>{{group}}</h2>
    <table><caption class="visually-hidden">{{group}}</caption>
      <thead><tr><th scope="col">Measure</th><th scope="col" class="numeric">{{periodName}}</th><th scope="col" class="numeric">{{previousName}}</th><th scope="col" class="numeric">Change</th></tr></thead>
      <tbody>{{#measures}}<tr><td>{{label}}{{#restricted}} <span class="tag tag--grey">restricted</span>{{/restricted}}</td><td class="numeric">{{current}}</td><td class="numeric">{{previous}}</td><td class="numeric">{{change}}</td></tr>{{/measures}}</tbody>
    </table>{{/groups}}
    {{#routes}}<p>Routes on which seizures were made: {{routes}}</p>{{/routes}}
    <h2>Charts</h2>
    {{#charts}}<figure class="chart-figure"><figcaption><h3>{{title}}{{#restricted}} <span class="tag tag--grey">restricted</span>{{/restricted}}</h3></figcaption>
      <div class="chart-pair"><div class="chart-image">{{{svg}}}</div>
      <table class="chart-table"><caption>The figures in the chart</caption>
        <thead><tr><th scope="col"></th>{{#seriesNames}}<th scope="col" class="numeric">{{name}}</th>{{/seriesNames}}</tr></thead>
        <tbody>{{#rows}}<tr><th scope="row">{{label}}</th>{{#cells}}<td class="numeric">{{value}}</td>{{/cells}}</tr>{{/rows}}</tbody>
      </table></div></figure>{{/charts}}
    {{/report}}
    """

    static let profile = """
    {{#problem}}<div class="error-summary" role="alert" tabindex="-1"><h2>There is a problem</h2><p>{{problem}}</p></div>{{/problem}}
    <h1>Local serious and organised crime profile</h1>
    {{> reportForm}}
    {{#report}}
    <p>{{areaName}}{{#marketName}}, {{marketName}}{{/marketName}}, {{periodName}}. Counted from the records you may see.
      <a href="{{csvHref}}">Download CSV</a> · <a href="{{jsonHref}}">Download JSON</a></p>
    <h2>Groups active here</h2>
    {{#hasGroups}}<table><caption class="visually-hidden">Active groups in the area</caption>
      <thead><tr><th scope="col">Group</th><th scope="col">Band</th><th scope="col">Markets</th><th scope="col" class="numeric">Members</th></tr></thead>
      <tbody>{{#groupRows}}<tr><td><a href="/ocgs/{{id}}">{{name}}</a></td><td>{{band}}</td><td>{{markets}}</td><td class="numeric">{{members}}</td></tr>{{/groupRows}}</tbody>
    </table>{{#groupsTruncated}}<p class="hint">The first 200 groups are shown; the measures below count them all.</p>{{/groupsTruncated}}{{/hasGroups}}
    {{^hasGroups}}<p>No active groups you can see here.</p>{{/hasGroups}}
    <p>Persons of Interest managed here: {{pois}}</p>
    {{#groups}}<h2>{{group}}</h2>
    <table><caption class="visually-hidden">{{group}}</caption>
      <thead><tr><th scope="col">Measure</th><th scope="col" class="numeric">This period</th><th scope="col" class="numeric">Previous</th></tr></thead>
      <tbody>{{#measures}}<tr><td>{{label}}</td><td class="numeric">{{current}}</td><td class="numeric">{{previous}}</td></tr>{{/measures}}</tbody>
    </table>{{/groups}}
    <h2>Vulnerabilities</h2>
    <p>People recorded as exploited by these groups: {{exploited}}</p>
    {{#hasPlaces}}<table><caption>Places where people were safeguarded or seizures made</caption>
      <thead><tr><th scope="col">Place</th><th scope="col">Outcome</th><th scope="col" class="numeric">Times</th></tr></thead>
      <tbody>{{#places}}<tr><td>{{place}}</td><td>{{kind}}</td><td class="numeric">{{count}}</td></tr>{{/places}}</tbody>
    </table>{{/hasPlaces}}
    <h2>What partners contributed</h2>
    {{#hasContributions}}<table><caption class="visually-hidden">Contributions by agency</caption>
      <thead><tr><th scope="col">Agency</th><th scope="col" class="numeric">Interventions completed</th><th scope="col" class="numeric">Outcomes</th><th scope="col" class="numeric">Assets collected</th></tr></thead>
      <tbody>{{#contributions}}<tr><td>{{agency}}</td><td class="numeric">{{interventions}}</td><td class="numeric">{{outcomes}}</td><td class="numeric">{{assets}}</td></tr>{{/contributions}}</tbody>
    </table>{{/hasContributions}}
    {{^hasContributions}}<p>Nothing recorded in the period.</p>{{/hasContributions}}
    {{/report}}
    """
}

extension Templates {
    static let gradingFields = """
    <div class="form-group"><label for="gradeSource">Source evaluation</label><select id="gradeSource" name="gradeSource"><option value="">Choose</option>{{#sources}}<option value="{{code}}">{{label}}</option>{{/sources}}</select></div>
    <div class="form-group"><label for="gradeAssessment">Intelligence assessment</label><select id="gradeAssessment" name="gradeAssessment"><option value="">Choose</option>{{#assessments}}<option value="{{code}}">{{label}}</option>{{/assessments}}</select></div>
    <div class="form-group"><label for="handling">Handling code</label><select id="handling" name="handling"><option value="">Choose</option><option value="P">P: lawful sharing permitted</option><option value="C">C: sharing permitted with conditions</option></select></div>
    <div class="form-group"><label for="conditions">Handling conditions (for C)</label><input id="conditions" name="conditions" value="{{form.conditions}}"></div>
    """

    static let intelList = """
    {{#problem}}<div class="error-summary" role="alert" tabindex="-1"><h2>There is a problem</h2><p>{{problem}}</p></div>{{/problem}}
    <h1>Intelligence</h1>
    <p>{{#canWrite}}<a class="button" href="/intelligence/new">Write a report</a> {{/canWrite}}<a href="/intelligence/received">Sent to your agency</a> · <a href="/gain">GAIN hit/no-hit</a></p>
    <form method="get" action="/intelligence" class="search" role="search"><label for="q">Search reports</label> <input id="q" name="q" value="{{q}}"> <button class="button button--secondary" type="submit">Search</button></form>
    {{#searched}}<p>{{total}} report(s) you may see match.</p>
    {{#hasHits}}<ul class="results">{{#hits}}<li><a href="/intelligence/{{id}}">{{date}} · {{grade}} · {{status}}</a><p class="hint">{{snippet}}</p></li>{{/hits}}</ul>{{/hasHits}}
    {{/searched}}
    {{#hasItems}}<table><caption class="visually-hidden">Reports you may see, latest first</caption>
      <thead><tr><th scope="col">Dated</th><th scope="col">Grade</th><th scope="col">Status</th><th scope="col">Report</th></tr></thead>
      <tbody>{{#items}}<tr><td>{{date}}</td><td>{{grade}}</td><td>{{status}}</td><td><a href="/intelligence/{{id}}">{{text}}</a></td></tr>{{/items}}</tbody>
    </table>{{/hasItems}}
    {{^searched}}{{^hasItems}}<p>No reports you can see.</p>{{/hasItems}}{{/searched}}
    """

    static let intelForm = """
    {{#problem}}<div class="error-summary" role="alert" tabindex="-1"><h2>There is a problem</h2><p>{{problem}}</p></div>{{/problem}}
    <h1>Write an intelligence report</h1>
    <form method="post" action="/intelligence" novalidate>
      <input type="hidden" name="_csrf" value="{{csrf}}">
      <div class="form-group"><label for="text">What is known</label><textarea id="text" name="text" rows="6">{{form.text}}</textarea></div>
      <div class="form-group"><label for="infoDate">Date of the information (yyyy-mm-dd)</label><input id="infoDate" name="infoDate" value="{{form.infoDate}}"></div>
      <div class="form-group"><label for="place">Place</label><input id="place" name="place" value="{{form.place}}"></div>
      <div class="form-group"><label for="sourceKind">Source</label><select id="sourceKind" name="sourceKind"><option value="agency">An agency</option><option value="partner">A partner</option><option value="covert">A covert source</option></select></div>
      <div class="form-group"><label for="sourceDescription">About the source</label><input id="sourceDescription" name="sourceDescription" value="{{form.sourceDescription}}"></div>
      <div class="form-group"><label for="covertReference">Covert source reference (shown only to your agency)</label><input id="covertReference" name="covertReference" autocomplete="off" value="{{form.covertReference}}"></div>
      <div class="form-group"><label for="links">Links, one per line as kind: value</label><span class="hint">subject, ocg, case (by ID), address, phone, vehicle, account, company</span><textarea id="links" name="links" rows="3">{{form.links}}</textarea></div>
      <div class="form-group"><label for="classification">Protective marking</label><select id="classification" name="classification">{{#classifications}}<option value="{{code}}">{{code}}</option>{{/classifications}}</select></div>
      <fieldset class="panel"><legend>Grading (3x5x2): needed before the report is submitted</legend>{{> gradingFields}}</fieldset>
      <button class="button" type="submit">Save draft</button>
    </form>
    """

    static let intelReceived = """
    {{#notice}}<div class="notification notification--success" role="status"><p>{{notice}}</p></div>{{/notice}}
    <h1>Intelligence sent to your agency</h1>
    {{#items}}<div class="card">
      <p class="hint">{{marking}} · graded {{grade}} · dated {{date}} · sent by {{sentBy}}, {{sentAt}}</p>
      <p>{{text}}</p>
      {{#conditions}}<p><strong>Conditions that bind its use:</strong> {{conditions}}</p>{{/conditions}}
      {{#read}}<p class="hint">Read {{read}}</p>{{/read}}
      {{^read}}<form method="post" action="/intelligence/{{id}}/read"><input type="hidden" name="_csrf" value="{{csrf}}"><button class="button button--secondary" type="submit">Mark as read</button></form>{{/read}}
    </div>{{/items}}
    {{^hasItems}}<p>Nothing has been sent to your agency.</p>{{/hasItems}}
    """

    static let intelReport = """
    <a class="back-link" href="/intelligence">Back to intelligence</a>
    {{#notice}}<div class="notification notification--success" role="status"><p>{{notice}}</p></div>{{/notice}}
    {{#problem}}<div class="error-summary" role="alert" tabindex="-1"><h2>There is a problem</h2><p>{{problem}}</p></div>{{/problem}}
    <p class="marking-banner{{#highMarking}} marking-banner--high{{/highMarking}}">{{markingLabel}}</p>
    <span class="caption"><a href="/intelligence">Intelligence</a></span>
    <h1>Report graded {{grade}}{{#legacy}} <span class="tag tag--grey">legacy grade</span>{{/legacy}}</h1>
    <dl class="summary-list">
      <div><dt>Status</dt><dd><strong class="tag">{{status}}</strong>{{#reviewDate}} · review by {{reviewDate}}{{/reviewDate}}</dd></div>
      <div><dt>Grading</dt><dd>{{gradeDetail}}{{^gradeDetail}}{{grade}}{{/gradeDetail}}</dd></div>
      <div><dt>Information dated</dt><dd>{{date}}{{#place}}, {{place}}{{/place}}</dd></div>
      <div><dt>Source</dt><dd>{{sourceKind}}: {{sourceDescription}}{{#covertReference}} (reference {{covertReference}}){{/covertReference}}{{#covertWithheld}} <span class="hint">(the source's identity is shown only to the agency holding the report)</span>{{/covertWithheld}}</dd></div>
      <div><dt>Links</dt><dd><ul>{{#links}}<li>{{kind}}: {{#href}}<a href="{{href}}">{{value}}</a>{{/href}}{{^href}}{{value}}{{/href}}</li>{{/links}}</ul>{{#linkedNames}}<p class="hint">Linked names: {{linkedNames}}</p>{{/linkedNames}}</dd></div>
    </dl>
    <h2>Report</h2><p>{{text}}</p>
    {{#hasSanitised}}<h2>Sanitised versions</h2>{{#sanitised}}<div class="card"><p class="hint">Version {{n}}, by {{by}}</p><p>{{text}}</p></div>{{/sanitised}}{{/hasSanitised}}
    {{#canSubmit}}<form method="post" action="/intelligence/{{id}}/steps" novalidate class="panel">
      <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="version" value="{{version}}"><input type="hidden" name="action" value="submit">
      <p>Submit for a supervisor's assessment. The report must be graded{{^gradeDetail}}: grade it here{{/gradeDetail}}.</p>{{^gradeDetail}}{{> gradingFields}}{{/gradeDetail}}
      <button class="button" type="submit">Submit</button>
    </form>{{/canSubmit}}
    {{#canAssess}}<form method="post" action="/intelligence/{{id}}/steps" novalidate class="panel">
      <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="version" value="{{version}}">
      <p>Assess: correct the grading if needed and set a review date; or return it to its author with a note.</p>
      {{> gradingFields}}
      <div class="form-group"><label for="reviewDate">Review by (yyyy-mm-dd)</label><input id="reviewDate" name="reviewDate"></div>
      <div class="form-group"><label for="note">Note</label><input id="note" name="note"></div>
      <button class="button" type="submit" name="action" value="assess">Put on the record</button>
      <button class="button button--secondary" type="submit" name="action" value="return">Return to author</button>
    </form>{{/canAssess}}
    {{#canSanitise}}<details class="panel"><summary>Write a sanitised version</summary>
    <form method="post" action="/intelligence/{{id}}/steps" novalidate>
      <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="version" value="{{version}}"><input type="hidden" name="action" value="sanitise">
      <div class="form-group"><label for="sanitisedText">Text for a wider audience</label><textarea id="sanitisedText" name="sanitisedText" rows="4"></textarea></div>
      <button class="button button--secondary" type="submit">Save sanitised version</button>
    </form></details>{{/canSanitise}}
    <h2>Sent to</h2>
    {{#hasSent}}<table><caption class="visually-hidden">Where the report was sent</caption>
      <thead><tr><th scope="col">Agency</th><th scope="col">Version</th><th scope="col">Conditions</th><th scope="col">Sent</th><th scope="col">Read</th></tr></thead>
      <tbody>{{#sent}}<tr><td>{{agency}}</td><td>{{version}}</td><td>{{conditions}}</td><td>{{at}} by {{by}}</td><td>{{read}}</td></tr>{{/sent}}</tbody>
    </table>{{/hasSent}}
    {{^hasSent}}<p>Not sent to any agency.</p>{{/hasSent}}
    {{#sendRefused}}<p class="hint">You cannot send this report on: {{sendRefused}}.</p>{{/sendRefused}}
    {{#canSend}}<details class="panel"><summary>Send to partner agencies</summary>
    <form method="post" action="/intelligence/{{id}}/steps" novalidate>
      <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="version" value="{{version}}"><input type="hidden" name="action" value="disseminate">
      <div class="form-group"><label for="agencies">Agencies (codes, separated by commas)</label><input id="agencies" name="agencies"></div>
      <div class="form-group"><label for="sanitisedVersion">Sanitised version number (leave empty to send the original)</label><input id="sanitisedVersion" name="sanitisedVersion" inputmode="numeric"></div>
      <div class="form-group"><label for="sendConditions">Further conditions</label><input id="sendConditions" name="sendConditions"></div>
      <button class="button button--secondary" type="submit">Send</button>
    </form></details>{{/canSend}}
    <h2>History</h2>
    <ol class="timeline">{{#history}}<li><span class="hint">{{at}}</span> {{status}} by {{by}}{{#note}}: {{note}}{{/note}}</li>{{/history}}</ol>
    """
}

extension Templates {
    static let gain = """
    {{#notice}}<div class="notification notification--success" role="status"><p>{{notice}}</p></div>{{/notice}}
    {{#problem}}<div class="error-summary" role="alert" tabindex="-1"><h2>There is a problem</h2><p>{{problem}}</p></div>{{/problem}}
    <h1>GAIN hit/no-hit</h1>
    <p>Ask partner agencies whether they hold anything on a person, a vehicle or a company. Each answers hit or no hit and nothing more; an agency with a hit is told who asked and why, and may choose to share.</p>
    {{#canAsk}}<details class="panel"{{#problem}} open{{/problem}}><summary>Ask about a person, a vehicle or a company</summary>
    <form method="post" action="/gain" novalidate>
      <input type="hidden" name="_csrf" value="{{csrf}}">
      <fieldset><legend>A person</legend>
      <div class="form-group"><label for="given">Given name</label><input id="given" name="given"></div>
      <div class="form-group"><label for="family">Family name</label><input id="family" name="family"></div>
      <div class="form-group"><label for="dob">Date of birth (yyyy-mm-dd)</label><input id="dob" name="dob"></div>
      </fieldset>
      <fieldset><legend>Or a vehicle, or a company</legend>
      <div class="form-group"><label for="vehicle">Vehicle registration</label><input id="vehicle" name="vehicle" autocomplete="off"></div>
      <div class="form-group"><label for="company">Company name or registered number</label><input id="company" name="company"></div>
      </fieldset>
      <div class="form-group"><label for="agencies">Agencies to ask (codes, separated by commas)</label><input id="agencies" name="agencies"></div>
      <div class="form-group"><label for="purpose">Purpose (shown to any agency with a hit)</label><textarea id="purpose" name="purpose" rows="2"></textarea></div>
      <button class="button" type="submit">Ask</button>
    </form></details>{{/canAsk}}
    <h2>Your agency's requests</h2>
    {{#hasAsked}}{{#asked}}<div class="card"><h3>About a {{about}}</h3><p class="hint">{{at}} by {{by}}: {{purpose}}</p>
      <ul>{{#answers}}<li>{{agency}}: {{#hit}}<strong class="tag tag--green">{{result}}</strong>{{/hit}}{{^hit}}<span class="tag tag--grey">{{result}}</span>{{/hit}}{{#shared}} — shared: {{shared}}{{/shared}}</li>{{/answers}}</ul>
      {{#operationHref}}<p><a href="{{operationHref}}">Start a multi-agency operation with the agencies that hit</a></p>{{/operationHref}}
    </div>{{/asked}}{{/hasAsked}}
    {{^hasAsked}}<p>None yet.</p>{{/hasAsked}}
    <h2>Hits on your agency's records</h2>
    {{#hasHits}}{{#hits}}<div class="card"><h3>About a {{about}}</h3><p class="hint">{{at}}: {{by}} ({{agency}}) asked: {{purpose}}</p>
      <p>Your records that matched: {{#matched}}<a href="/subjects/{{id}}">{{id}}</a> {{/matched}}{{#reports}}<a href="/intelligence/{{id}}">report {{id}}</a> {{/reports}}</p>
      {{#shared}}<p>You shared: {{shared}}</p>{{/shared}}
      {{^shared}}<form method="post" action="/gain/share" novalidate><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="requestID" value="{{id}}">
        <div class="form-group"><label for="message-{{id}}">Share with the requester</label><textarea id="message-{{id}}" name="message" rows="2"></textarea></div>
        <button class="button button--secondary" type="submit">Share</button></form>{{/shared}}
    </div>{{/hits}}{{/hasHits}}
    {{^hasHits}}<p>No requests have hit your agency's records.</p>{{/hasHits}}
    """
}

extension Templates {
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
    {{#problem}}<div class="error-summary" role="alert" tabindex="-1"><h2>There is a problem</h2><p>{{problem}}</p></div>{{/problem}}
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
      <fieldset class="form-group"><legend>Sectors it is for</legend>{{#sectors}}<div class="checkbox"><input type="checkbox" id="sector-{{code}}" name="sectors" value="{{code}}"{{#checked}} checked{{/checked}}><label for="sector-{{code}}">{{label}}</label></div>{{/sectors}}</fieldset>
      <div class="form-group"><label for="classification">Protective marking</label><select id="classification" name="classification">{{#classifications}}<option value="{{code}}">{{code}}</option>{{/classifications}}</select></div>
      <div class="form-group"><label for="expiresOn">Applies until (yyyy-mm-dd)</label><input id="expiresOn" name="expiresOn" value="{{form.expiresOn}}"></div>
      <div class="form-group"><label for="sourceIntel">Drawn from intelligence report (ID, optional)</label><input id="sourceIntel" name="sourceIntel" value="{{form.sourceIntel}}"></div>
      <button class="button" type="submit">Save draft</button>
    </form>
    """

    static let alert = """
    {{#notice}}<div class="notification notification--success" role="status"><p>{{notice}}</p></div>{{/notice}}
    {{#problem}}<div class="error-summary" role="alert" tabindex="-1"><h2>There is a problem</h2><p>{{problem}}</p></div>{{/problem}}
    <p class="marking-banner{{#highMarking}} marking-banner--high{{/highMarking}}">{{markingLabel}}</p>
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
    {{#hasIndicators}}<h2>Indicators</h2><table><caption class="visually-hidden">Indicators</caption>
      <thead><tr><th scope="col">Kind</th><th scope="col">Value</th><th scope="col">Note</th></tr></thead>
      <tbody>{{#indicators}}<tr><td>{{kind}}</td><td><code>{{value}}</code></td><td>{{note}}</td></tr>{{/indicators}}</tbody></table>{{/hasIndicators}}
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
    {{#problem}}<div class="error-summary" role="alert" tabindex="-1"><h2>There is a problem</h2><p>{{problem}}</p></div>{{/problem}}
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
