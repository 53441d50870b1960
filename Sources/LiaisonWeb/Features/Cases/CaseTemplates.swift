/// The cases pages' templates (Mustache), registered by name in `Templates.all`.
enum CaseTemplates {
    static let all: [String: String] = [
        "cases": cases, "case": deportationCase, "caseNew": caseNew, "caseStep": caseStep, "caseCheck": caseCheck,
    ]

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
        {{>problem}}
        {{#marking}}<p class="marking-banner{{#highMarking}} marking-banner--high{{/highMarking}}">{{markingLabel}}</p>{{/marking}}
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
        {{#canRegister}}<p><a class="button button--secondary" href="/cases/{{id}}/interest">Register an agency's interest</a></p>{{/canRegister}}
        <h2>Obligations to partners</h2>
        {{#hasObligations}}<table class="responsive"><caption class="visually-hidden">Notices owed to interested agencies, soonest due first</caption>
          <thead><tr><th scope="col">Agency</th><th scope="col">About</th><th scope="col">Due by</th><th scope="col">State</th><th scope="col">Reply</th></tr></thead>
          <tbody>{{#obligations}}<tr><td data-label="Agency">{{agency}}</td><td data-label="About">{{event}}</td><td data-label="Due by">{{due}}</td><td data-label="State"><span class="tag{{#late}} tag--red{{/late}}">{{state}}</span></td><td data-label="Reply">{{reply}}</td></tr>{{/obligations}}</tbody>
        </table>{{/hasObligations}}
        {{^hasObligations}}<p>None.</p>{{/hasObligations}}
        <h2>Barriers to removal</h2>
        {{#hasBarriers}}<ul>{{#barriers}}<li><strong>{{kindLabel}}</strong> ({{#open}}open{{/open}}{{^open}}resolved: {{resolution}}{{/open}}), opened {{opened}}: {{note}}
          {{#open}}{{#canChange}}<form method="post" action="/cases/{{id}}/steps" class="inline-form" novalidate>
            <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="version" value="{{version}}"><input type="hidden" name="barrierID" value="{{barrierID}}">
            <label for="resolution-{{barrierID}}">How it was resolved</label> <input id="resolution-{{barrierID}}" name="note">
            <button class="button button--secondary" type="submit">Resolve</button></form>{{/canChange}}{{/open}}</li>{{/barriers}}</ul>{{/hasBarriers}}
        {{^hasBarriers}}<p>None.</p>{{/hasBarriers}}
        {{#canChange}}
        <h2>What you can do</h2>
        <ul class="action-list">
          {{#hasNext}}<li><a href="/cases/{{id}}/milestone">Record the next step</a></li>{{/hasNext}}
          <li><a href="/cases/{{id}}/barrier">Open a barrier to removal</a></li>
          <li><a href="/cases/{{id}}/allocation">Allocate the case to a case owner</a></li>
          <li><a href="/cases/{{id}}/file">Record where the Home Office file is</a></li>
        </ul>
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
        {{#assetPanel}}{{> assetPanel}}{{/assetPanel}}
        <h2>Guidance for the next steps</h2>
        {{#guidance}}<details class="panel"><summary>{{title}}</summary><p>{{body}}</p><p class="hint">Version {{version}}, valid from {{validFrom}} · <a href="/guidance/{{slug}}">history</a></p></details>{{/guidance}}
        <h2>History</h2>
        <table class="responsive"><caption class="visually-hidden">Every step, newest first</caption>
          <thead><tr><th scope="col">When</th><th scope="col">Step</th><th scope="col">By</th><th scope="col">Why</th><th scope="col">Details</th></tr></thead>
          <tbody>{{#events}}<tr><td data-label="When">{{at}}</td><td data-label="Step">{{kind}}</td><td data-label="By">{{by}}</td><td data-label="Why">{{reason}}</td><td data-label="Details">{{details}}</td></tr>{{/events}}</tbody>
        </table>
        """

    static let caseNew = """
        <a class="back-link" href="{{#subjectID}}/subjects/{{subjectID}}{{/subjectID}}{{^subjectID}}/subjects{{/subjectID}}">Back</a>
        <div class="two-thirds">
        {{> errorSummary}}
        <h1>Open a deportation case</h1>
        {{#subjectName}}<p>For <strong>{{subjectName}}</strong>.</p>{{/subjectName}}
        {{^subjectName}}<p{{#subjectError}} id="subjectID"{{/subjectError}}>Find the person first, then open the case from their subject page. <a href="/subjects">Search subjects</a></p>{{/subjectName}}
        {{#subjectName}}
        <form method="post" action="/cases/new" novalidate>
          <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="subjectID" value="{{subjectID}}">
          <div class="form-group{{#referenceError}} form-group--error{{/referenceError}}">
            <label for="homeOfficeReference">Home Office reference</label>
            <span class="hint" id="homeOfficeReference-hint">A letter and 5 to 9 digits, for example B1234567</span>
            {{#referenceError}}<span class="error-message" id="homeOfficeReference-error"><span class="visually-hidden">Error:</span> {{referenceError}}</span>{{/referenceError}}
            <input id="homeOfficeReference" name="homeOfficeReference" value="{{homeOfficeReference}}" aria-describedby="homeOfficeReference-hint{{#referenceError}} homeOfficeReference-error{{/referenceError}}"{{#referenceError}} class="input--error"{{/referenceError}}>
          </div>
          <div class="form-group{{#fileLocationError}} form-group--error{{/fileLocationError}}">
            <label for="fileLocation">Team holding the Home Office file</label>
            {{#fileLocationError}}<span class="error-message" id="fileLocation-error"><span class="visually-hidden">Error:</span> {{fileLocationError}}</span>{{/fileLocationError}}
            <select id="fileLocation" name="fileLocation">{{#teams}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/teams}}</select>
          </div>
          <button class="button" type="submit">Open case</button>
        </form>
        {{/subjectName}}
        </div>
        """

    static let caseStep = """
        <a class="back-link" href="{{back}}">Back to the case</a>
        <div class="two-thirds">
        {{> errorSummary}}
        <span class="caption">{{caption}}</span>
        <h1>{{heading}}</h1>
        {{#intro}}<p>{{intro}}</p>{{/intro}}
        <form method="post" action="{{action}}" novalidate>
          <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="version" value="{{version}}">
          {{#fields}}{{> formField}}{{/fields}}
          <button class="button" type="submit">{{submit}}</button>
        </form>
        </div>
        """

    static let caseCheck = """
        <a class="back-link" href="{{back}}">Back</a>
        <div class="two-thirds">
        <span class="caption">{{caption}}</span>
        <h1>Check the milestone before recording it</h1>
        <dl class="check-list">{{#rows}}<div><dt>{{label}}</dt><dd>{{value}}</dd></div>{{/rows}}</dl>
        <div class="warning-text"><p><strong>{{warning}}</strong></p></div>
        <form method="post" action="{{action}}" novalidate>
          <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="version" value="{{version}}"><input type="hidden" name="confirm" value="1">
          {{#hidden}}<input type="hidden" name="{{name}}" value="{{value}}">{{/hidden}}
          <button class="button" type="submit">Record the milestone</button>
        </form>
        <p><a href="{{back}}">Change the answers</a></p>
        </div>
        """
}
