/// The interventions pages' templates (Mustache), registered by name in `Templates.all`.
enum InterventionTemplates {
    static let all: [String: String] = [
        "interventionPanel": interventionPanel, "intervention": intervention, "operation": operation,
        "operations": operations,
    ]

    static let interventionPanel = """
        <h2>Interventions</h2>
        <p><strong>Subject to action</strong> (rule version {{actionRule}}): {{subjectToAction}}</p>
        {{#interventionProblem}}{{>problemSummary}}{{/interventionProblem}}
        {{#hasInterventions}}<table class="responsive"><caption class="visually-hidden">Interventions, soonest due first</caption>
          <thead><tr><th scope="col">4P</th><th scope="col">Tactic</th><th scope="col">Owner</th><th scope="col">Due</th><th scope="col">Status</th><th scope="col" class="numeric">Outcomes</th></tr></thead>
          <tbody>{{#interventions}}<tr><td data-label="4P">{{category}}</td><td data-label="Tactic"><a href="/interventions/{{id}}">{{tactic}}</a>{{#operation}} <span class="tag">{{operation}}</span>{{/operation}}</td><td data-label="Owner">{{owner}}</td><td data-label="Due">{{due}}</td><td data-label="Status">{{status}}</td><td data-label="Outcomes" class="numeric">{{outcomes}}</td></tr>{{/interventions}}</tbody>
        </table>{{/hasInterventions}}
        {{^hasInterventions}}<p>No interventions you can see.</p>{{/hasInterventions}}
        {{#canPlan}}<details class="panel"><summary>Plan an intervention</summary>
        <form method="post" action="/interventions" novalidate>
          <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="targetKind" value="{{targetKind}}"><input type="hidden" name="targetID" value="{{targetID}}">
          <div class="form-group"><label for="category">4P category</label><select id="category" name="category">{{#categories}}<option value="{{code}}">{{label}}</option>{{/categories}}</select></div>
          <div class="form-group"><label for="tactic">Tactic</label><select id="tactic" name="tactic">{{#tactics}}<option value="{{code}}">{{label}}</option>{{/tactics}}</select></div>
          \(Templates.dateInput("dueDate", "Due"))
          \(Templates.checkboxes("partners", "Partner agencies", list: "agencyChoices"))
          <div class="form-group"><label for="operation">Multi-agency operation (name, if any)</label><input id="operation" name="operation"></div>
          <div class="form-group"><label for="description">What is planned</label><textarea id="description" name="description" rows="2"></textarea></div>
          <button class="button button--secondary" type="submit">Plan intervention</button>
        </form></details>{{/canPlan}}
        """

    static let intervention = """
        {{#notice}}<div class="notification notification--success" role="status"><p>{{notice}}</p></div>{{/notice}}
        {{>problem}}
        {{#marking}}<p class="marking-banner{{#highMarking}} marking-banner--high{{/highMarking}}">{{markingLabel}}</p>{{/marking}}
        {{#intervention}}
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
        {{/intervention}}
        <h2>Outcomes</h2>
        {{#hasOutcomes}}<table class="responsive"><caption class="visually-hidden">Outcomes recorded</caption>
          <thead><tr><th scope="col">Date</th><th scope="col">Outcome</th><th scope="col" class="numeric">Quantity</th><th scope="col">Details</th><th scope="col">Impact</th></tr></thead>
          <tbody>{{#outcomeRows}}<tr><td data-label="Date">{{date}}</td><td data-label="Outcome">{{kind}}</td><td data-label="Quantity" class="numeric">{{quantity}} {{unit}}</td><td data-label="Details">{{commodity}} {{purity}} {{place}} {{route}} {{narrative}}</td><td data-label="Impact">{{impact}}</td></tr>{{/outcomeRows}}</tbody>
        </table>{{/hasOutcomes}}
        {{^hasOutcomes}}<p>None recorded.</p>{{/hasOutcomes}}
        {{#canChange}}
        {{#hasNext}}<form method="post" action="/interventions/{{intervention.id}}/steps" novalidate>
          <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="version" value="{{version}}">
          <div class="form-group"><label for="status">New status</label><select id="status" name="status">{{#nextStatuses}}<option value="{{code}}">{{label}}</option>{{/nextStatuses}}</select></div>
          \(Templates.dateInput("completedOn", "Completed on", hint: "Today if left empty"))
          <button class="button button--secondary" type="submit">Change status</button>
        </form>{{/hasNext}}
        <details class="panel"><summary>Record an outcome</summary>
        <form method="post" action="/interventions/{{intervention.id}}/steps" novalidate>
          <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="version" value="{{version}}">
          <div class="form-group"><label for="kind">Outcome</label><select id="kind" name="kind">{{#outcomeKinds}}<option value="{{code}}">{{label}}</option>{{/outcomeKinds}}</select></div>
          \(Templates.dateInput("date", "Date"))
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
        {{>problem}}
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
        {{#hasBriefed}}<table class="responsive"><caption class="visually-hidden">Members briefed into the operation</caption>
          <thead><tr><th scope="col">Member</th><th scope="col">Agency</th>{{#canBrief}}<th scope="col"><span class="visually-hidden">Action</span></th>{{/canBrief}}</tr></thead>
          <tbody>{{#briefed}}<tr><td data-label="Member">{{displayName}}</td><td data-label="Agency">{{agency}}</td>{{#canBrief}}<td data-label="Action"><form method="post" action="/operations/{{path}}/briefings"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="username" value="{{username}}"><input type="hidden" name="briefed" value="false"><button class="link-button" type="submit">Withdraw<span class="visually-hidden"> {{displayName}}'s briefing</span></button></form></td>{{/canBrief}}</tr>{{/briefed}}</tbody>
        </table>{{/hasBriefed}}
        {{^hasBriefed}}<p>Nobody is briefed yet.</p>{{/hasBriefed}}
        {{#canBrief}}<form method="post" action="/operations/{{path}}/briefings" novalidate>
          <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="briefed" value="true">
          \(Templates.select("username", "Brief an officer into the operation", list: "briefChoices", blank: "Choose an officer"))
          <button class="button button--secondary" type="submit">Brief member</button>
        </form>{{/canBrief}}{{/showBriefed}}
        <h2>Joint results</h2>
        <table class="responsive"><caption class="visually-hidden">Outcomes totalled by kind</caption>
          <thead><tr><th scope="col">Outcome</th><th scope="col" class="numeric">Total</th></tr></thead>
          <tbody>{{#totals}}<tr><td data-label="Outcome">{{label}}</td><td data-label="Total" class="numeric">{{value}}</td></tr>{{/totals}}</tbody>
        </table>
        {{#hasSeizures}}<h3>Seizures</h3><ul>{{#seizures}}<li>{{label}}: {{value}}</li>{{/seizures}}</ul>{{/hasSeizures}}
        <h2>Interventions</h2>
        {{#hasItems}}<table class="responsive"><caption class="visually-hidden">The operation's interventions you can see</caption>
          <thead><tr><th scope="col">4P</th><th scope="col">Tactic</th><th scope="col">Owner</th><th scope="col">Due</th><th scope="col">Status</th><th scope="col" class="numeric">Outcomes</th></tr></thead>
          <tbody>{{#items}}<tr><td data-label="4P">{{category}}</td><td data-label="Tactic"><a href="/interventions/{{id}}">{{tactic}}</a></td><td data-label="Owner">{{owner}}</td><td data-label="Due">{{due}}</td><td data-label="Status">{{status}}</td><td data-label="Outcomes" class="numeric">{{outcomes}}</td></tr>{{/items}}</tbody>
        </table>{{/hasItems}}
        {{^hasItems}}<p>No interventions you can see.</p>{{/hasItems}}
        """

    static let operations = """
        {{>problem}}
        <h1>Operations</h1>
        <p>Multi-agency operations your agency leads or takes part in, or that you are briefed into.</p>
        {{#hasItems}}<table class="responsive"><caption class="visually-hidden">Operations, latest start first</caption>
          <thead><tr><th scope="col">Operation</th><th scope="col">Lead agency</th><th scope="col">Starts</th><th scope="col">Ends</th></tr></thead>
          <tbody>{{#items}}<tr><td data-label="Operation"><a href="/operations/{{path}}">{{name}}</a></td><td data-label="Lead agency">{{lead}}</td><td data-label="Starts">{{startsOn}}</td><td data-label="Ends">{{endsOn}}</td></tr>{{/items}}</tbody>
        </table>{{/hasItems}}
        {{^hasItems}}<p>No operations you can see.</p>{{/hasItems}}
        {{#canCreate}}<h2>Set up an operation</h2>
        <form method="post" action="/operations" novalidate>
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <div class="form-group"><label for="name">Name</label><span class="hint">For example OPERATION BASALT: letters, digits, spaces or hyphens</span><input id="name" name="name" value="{{form.name}}"></div>
          <div class="form-group"><label for="description">Purpose</label><textarea id="description" name="description" rows="2">{{form.description}}</textarea></div>
          \(Templates.checkboxes("partners", "Partner agencies", list: "partnerChoices"))
          \(Templates.dateInput("startsOn", "Starts", values: "form"))
          \(Templates.dateInput("endsOn", "Ends", hint: "If known", values: "form"))
          <button class="button" type="submit">Set up operation</button>
        </form>{{/canCreate}}
        """
}
