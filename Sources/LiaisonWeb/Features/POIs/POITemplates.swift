/// The POIs pages' templates (Mustache), registered by name in `Templates.all`.
enum POITemplates {
    static let all: [String: String] = [
        "pois": pois, "poi": poi, "reassessments": reassessments, "scoring": scoring,
        "assessmentPanel": assessmentPanel,
    ]

    static let pois = """
        <h1>Persons of Interest{{#overdue}}: reviews overdue{{/overdue}}</h1>
        <p><a href="/pois"{{^overdue}} aria-current="page"{{/overdue}}>All</a> · <a href="/pois?overdue=1"{{#overdue}} aria-current="page"{{/overdue}}>Reviews overdue</a></p>
        {{#hasItems}}<table class="responsive"><caption class="visually-hidden">Persons of Interest, soonest review first</caption>
          <thead><tr><th scope="col">Subject</th><th scope="col">Tier</th><th scope="col" class="numeric">Score</th><th scope="col">Owner</th><th scope="col">Review due</th></tr></thead>
          <tbody>{{#items}}<tr><td data-label="Subject"><a href="/pois/{{id}}">{{subject}}</a>{{#lifetime}} <span class="tag">lifetime management</span>{{/lifetime}}</td><td data-label="Tier">{{tier}}</td><td data-label="Score" class="numeric">{{score}}</td><td data-label="Owner">{{owner}}</td><td data-label="Review due">{{review}}{{#late}} <span class="tag tag--red">overdue</span>{{/late}}</td></tr>{{/items}}</tbody>
        </table>{{/hasItems}}
        {{^hasItems}}<p>None.</p>{{/hasItems}}
        <p class="hint">A subject is adopted as a Person of Interest from its page. <a href="/scoring">The scoring matrices</a>.</p>
        """

    static let poi = """
        <a class="back-link" href="/pois">Back to Persons of Interest</a>
        {{#notice}}<div class="notification notification--success" role="status"><p>{{notice}}</p></div>{{/notice}}
        {{>problem}}
        {{#marking}}<p class="marking-banner{{#highMarking}} marking-banner--high{{/highMarking}}">{{markingLabel}}</p>{{/marking}}
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
        {{#assessment}}{{> assessmentPanel}}{{/assessment}}
        {{#interventionPanel}}{{> interventionPanel}}{{/interventionPanel}}
        """

    static let reassessments = """
        <h1>Groups due for reassessment</h1>
        <p>Each band is reassessed on a schedule: 90 days for band 1, 180 for band 2, a year for band 3.</p>
        {{#hasItems}}<table class="responsive"><caption class="visually-hidden">Groups whose reassessment is overdue, most overdue first</caption>
          <thead><tr><th scope="col">Group</th><th scope="col">Band</th><th scope="col" class="numeric">Score</th><th scope="col">Last assessed</th><th scope="col">Due</th></tr></thead>
          <tbody>{{#items}}<tr><td data-label="Group"><a href="/ocgs/{{id}}">{{name}}</a></td><td data-label="Band">{{band}}</td><td data-label="Score" class="numeric">{{score}}</td><td data-label="Last assessed">{{assessed}}</td><td data-label="Due"><span class="tag tag--red">{{due}}</span></td></tr>{{/items}}</tbody>
        </table>{{/hasItems}}
        {{^hasItems}}<p>None overdue.</p>{{/hasItems}}
        """

    static let scoring = """
        {{#notice}}<div class="notification notification--success" role="status"><p>{{notice}}</p></div>{{/notice}}
        {{>problem}}
        <h1>Scoring matrices</h1>
        <p>Weighted factors with described levels give a score from 0 to 100; the score gives the band, and the band when it is next reviewed.</p>
        {{#matrices}}
        <h2>{{title}} (version {{version}}, from {{effectiveFrom}})</h2>
        <table class="responsive"><caption class="visually-hidden">Factors</caption>
          <thead><tr><th scope="col">Factor</th><th scope="col" class="numeric">Weight</th><th scope="col">Levels</th></tr></thead>
          <tbody>{{#factors}}<tr><td data-label="Factor">{{label}}</td><td data-label="Weight" class="numeric">{{weight}}</td><td data-label="Levels">{{levels}}</td></tr>{{/factors}}</tbody>
        </table>
        <table class="responsive"><caption class="visually-hidden">Bands</caption>
          <thead><tr><th scope="col">Band</th><th scope="col" class="numeric">From score</th><th scope="col" class="numeric">Reviewed every (days)</th></tr></thead>
          <tbody>{{#bands}}<tr><td data-label="Band">{{code}}</td><td data-label="From score" class="numeric">{{minimum}}</td><td data-label="Reviewed every (days)" class="numeric">{{review}}</td></tr>{{/bands}}</tbody>
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

    static let assessmentPanel = """
        {{#hasHistory}}<table class="responsive"><caption class="visually-hidden">Every assessment, newest first</caption>
          <thead><tr><th scope="col">When</th><th scope="col">By</th><th scope="col" class="numeric">Score</th><th scope="col">Band</th><th scope="col">Why</th><th scope="col">Next review</th></tr></thead>
          <tbody>{{#history}}<tr><td data-label="When">{{at}}</td><td data-label="By">{{by}}</td><td data-label="Score" class="numeric">{{score}}</td><td data-label="Band">{{band}}</td><td data-label="Why">{{rationale}}<br><span class="hint">{{ratings}}</span></td><td data-label="Next review">{{next}}</td></tr>{{/history}}</tbody>
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
}
