/// The groups pages' templates (Mustache), registered by name in `Templates.all`.
enum GroupTemplates {
    static let all: [String: String] = [
        "ocgs": ocgs, "ocg": ocg, "ocgForm": ocgForm,
    ]

    static let ocgs = """
        <h1>Organised crime groups</h1>
        <form class="filters" method="get" action="/ocgs" role="search">
          <div class="form-group"><label for="q">Name or operation</label><input type="search" id="q" name="q" value="{{query}}"></div>
          {{#filters}}
          <div class="form-group"><label for="{{name}}">{{label}}</label>
            <select id="{{name}}" name="{{name}}"><option value="">Any</option>{{#options}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/options}}</select>
          </div>
          {{/filters}}
          \(Templates.select("lead", "Lead Responsible Officer", list: "leadChoices", blank: "Anyone"))
          <button class="button" type="submit">Filter</button>
        </form>
        <p>{{#canCreate}}<a class="button button--secondary" href="/ocgs/new">Add a group</a> {{/canCreate}}<a href="/assessments/due">Groups due for reassessment</a></p>
        {{#hasItems}}
        <table class="responsive">
          <caption>{{caption}}</caption>
          <thead><tr><th scope="col">Group</th><th scope="col">Markets</th><th scope="col">Areas</th><th scope="col">Band</th><th scope="col">Status</th><th scope="col">Members</th><th scope="col">Marking</th></tr></thead>
          <tbody>
          {{#items}}
          <tr><td data-label="Group"><a href="/ocgs/{{id}}">{{name}}</a>{{#operations}}<br><span class="hint">{{operations}}</span>{{/operations}}</td><td data-label="Markets">{{markets}}</td><td data-label="Areas">{{areas}}</td><td data-label="Band">{{band}}</td><td data-label="Status"><strong class="tag {{statusClass}}">{{status}}</strong></td><td data-label="Members">{{memberCount}}</td><td data-label="Marking">{{#marking}}{{>markingTag}}{{/marking}}</td></tr>
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
        {{#marking}}<p class="marking-banner{{#highMarking}} marking-banner--high{{/highMarking}}">{{markingLabel}}</p>{{/marking}}
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
        {{#leadProblem}}{{>problemSummary}}{{/leadProblem}}
        {{#hasLeadHistory}}<ul>{{#leadHistory}}<li>{{who}} ({{agency}}), from {{from}}{{#to}} to {{to}}{{/to}}{{^to}} (current){{/to}}, appointed by {{by}}</li>{{/leadHistory}}</ul>{{/hasLeadHistory}}
        {{^hasLeadHistory}}<p>No appointments recorded in Liaison.</p>{{/hasLeadHistory}}
        {{#canEdit}}<form method="post" action="/ocgs/{{id}}/lead" class="inline-form" novalidate>
          <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="version" value="{{version}}">
          \(Templates.select("lead", "Appoint a Lead Responsible Officer", list: "officerChoices", blank: "No one: stand the current one down"))
          <button class="button button--secondary" type="submit">Appoint</button>
        </form>{{/canEdit}}
        <h2>Members</h2>
        {{#hasMembers}}
        <table class="responsive"><caption class="visually-hidden">Members of {{name}}</caption>
          <thead><tr><th scope="col">Subject</th><th scope="col">Role</th><th scope="col">From</th><th scope="col">To</th></tr></thead>
          <tbody>{{#members}}<tr><td data-label="Subject"><a href="/subjects/{{id}}">{{name}}</a></td><td data-label="Role">{{role}}</td><td data-label="From">{{from}}</td><td data-label="To">{{to}}</td></tr>{{/members}}</tbody>
        </table>
        {{/hasMembers}}
        {{^hasMembers}}<p>No members recorded.</p>{{/hasMembers}}
        <h2>Threat assessment</h2>
        {{#assessProblem}}{{>problemSummary}}{{/assessProblem}}
        {{#assessment}}{{> assessmentPanel}}{{/assessment}}
        {{#interventionPanel}}{{> interventionPanel}}{{/interventionPanel}}
        {{#assetPanel}}{{> assetPanel}}{{/assetPanel}}
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
          {{#fields}}{{>formField}}{{/fields}}
          {{#selects}}
          <div class="form-group{{#error}} form-group--error{{/error}}">
            <label for="{{name}}">{{label}}</label>
            {{#hint}}<span class="hint">{{hint}}</span>{{/hint}}
            {{#error}}<span class="error-message" id="{{name}}-error"><span class="visually-hidden">Error:</span> {{error}}</span>{{/error}}
            <select id="{{name}}" name="{{name}}"{{#multiple}} multiple size="6"{{/multiple}}>{{#blank}}<option value="">Not set</option>{{/blank}}{{#options}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/options}}</select>
          </div>
          {{/selects}}
          <input type="hidden" name="memberCount" value="{{memberCount}}">
          {{#hasMemberRows}}<fieldset class="fieldset form-group{{#membersError}} form-group--error{{/membersError}}" id="members"><legend class="fieldset__legend">Members</legend>
          {{#membersError}}<span class="error-message"><span class="visually-hidden">Error:</span> {{membersError}}</span>{{/membersError}}
          {{#memberRows}}<div class="member-row"><input type="hidden" name="member-{{index}}" value="{{id}}"><input type="hidden" name="from-{{index}}" value="{{from}}"><input type="hidden" name="to-{{index}}" value="{{to}}">
            <label for="role-{{index}}">{{#name}}{{name}}{{/name}}{{^name}}A member whose record is not available to you{{/name}}: role</label>
            <select id="role-{{index}}" name="role-{{index}}">{{#roles}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/roles}}</select>
            <div class="checkbox"><input type="checkbox" id="remove-{{index}}" name="remove-{{index}}" value="1"{{#removed}} checked{{/removed}}><label for="remove-{{index}}">Remove from the group</label></div>
          </div>{{/memberRows}}
          </fieldset>{{/hasMemberRows}}
          <p class="hint">To add someone to the group, open their page and choose "Add to a group".</p>
          <button class="button" type="submit">Save group</button>
          <a class="button button--secondary" href="{{cancel}}">Cancel</a>
        </form>
        </div>
        """
}
