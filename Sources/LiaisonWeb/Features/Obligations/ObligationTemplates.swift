/// The obligations pages' templates (Mustache), registered by name in `Templates.all`.
enum ObligationTemplates {
    static let all: [String: String] = [
        "obligations": obligations, "inbox": inbox, "inboxNotice": inboxNotice, "guidanceList": guidanceList,
        "guidancePage": guidancePage, "obligationTable": obligationTable,
    ]

    static let obligations = """
        <h1>Obligations to partners</h1>
        <p>Every milestone on a case with partner interest is owed to the interested agency by a time. Open obligations
        past that time are overdue and escalate to a senior caseworker, then to the criminal casework process team.
        <a href="/guidance/obligations">Guidance</a>.</p>
        <h2>By team and agency</h2>
        {{#hasTallies}}<table class="responsive"><caption class="visually-hidden">Open obligations by team and agency</caption>
          <thead><tr><th scope="col">Team</th><th scope="col">Agency</th><th scope="col" class="numeric">Due</th><th scope="col" class="numeric">Overdue</th><th scope="col" class="numeric">Escalated</th></tr></thead>
          <tbody>{{#tallies}}<tr><td data-label="Team">{{team}}</td><td data-label="Agency">{{agency}}</td><td data-label="Due" class="numeric">{{due}}</td><td data-label="Overdue" class="numeric">{{overdue}}</td><td data-label="Escalated" class="numeric">{{escalated}}</td></tr>{{/tallies}}</tbody>
        </table>{{/hasTallies}}
        {{^hasTallies}}<p>No open obligations.</p>{{/hasTallies}}
        <h2>Minute sheets awaiting confirmation</h2>
        {{#hasSheets}}<ul>{{#sheets}}<li><a href="/cases/{{caseID}}">{{reference}}</a>: requested from {{from}} on {{at}}</li>{{/sheets}}</ul>{{/hasSheets}}
        {{^hasSheets}}<p>None.</p>{{/hasSheets}}
        <h2>{{listTitle}}</h2>
        <p>{{#states}}<a href="/obligations?state={{code}}"{{#current}} aria-current="page"{{/current}}>{{label}}</a> {{/states}}</p>
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
        {{>problem}}
        {{#notice}}
        <span class="caption">Case {{reference}} · {{agency}}</span>
        <h1>{{event}} <span class="tag{{#late}} tag--red{{/late}}">{{state}}</span></h1>
        <p class="pre">{{summary}}</p>
        <p class="hint">Due by {{due}}{{#acknowledged}} · acknowledged {{acknowledged}}{{/acknowledged}}</p>
        {{/notice}}
        {{^mayAcknowledge}}{{#reply}}<p>Reply: {{reply}}</p>{{/reply}}{{/mayAcknowledge}}
        {{#mayAcknowledge}}<form method="post" action="/inbox/{{notice.path}}/acknowledge" novalidate>
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
        {{>problem}}
        <span class="caption">Guidance · {{slug}}</span>
        <h1>{{title}}</h1>
        <p>{{body}}</p>
        <p class="hint">Version {{version}}, valid from {{validFrom}}.</p>
        <h2>Change history</h2>
        <table class="responsive"><caption class="visually-hidden">Every version, newest first</caption>
          <thead><tr><th scope="col">Version</th><th scope="col">Valid from</th><th scope="col">Changed by</th><th scope="col">Change</th></tr></thead>
          <tbody>{{#history}}<tr><td data-label="Version">{{version}}</td><td data-label="Valid from">{{validFrom}}</td><td data-label="Changed by">{{editedBy}}</td><td data-label="Change">{{changeNote}}</td></tr>{{/history}}</tbody>
        </table>
        {{#canEdit}}
        <h2>Edit</h2>
        <form method="post" action="/guidance/{{slug}}" novalidate>
          <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="version" value="{{latest}}">
          <div class="form-group"><label for="title">Title</label><input id="title" name="title" value="{{title}}"></div>
          <div class="form-group"><label for="body">Guidance</label><textarea id="body" name="body" rows="6">{{body}}</textarea></div>
          \(Templates.dateInput("validFrom", "Valid from", hint: "Today if left empty"))
          <div class="form-group"><label for="changeNote">What changed and why</label><input id="changeNote" name="changeNote"></div>
          <button class="button" type="submit">Publish new version</button>
        </form>
        {{/canEdit}}
        """

    static let obligationTable = """
        {{#hasItems}}<table class="responsive"><caption class="visually-hidden">Obligations, soonest due first</caption>
          <thead><tr><th scope="col">Case</th><th scope="col">Agency</th><th scope="col">About</th><th scope="col">Team</th><th scope="col">Due by</th><th scope="col">State</th></tr></thead>
          <tbody>{{#items}}<tr><td data-label="Case"><a href="/cases/{{caseID}}">{{reference}}</a></td><td data-label="Agency">{{agency}}</td><td data-label="About">{{event}}</td><td data-label="Team">{{team}}</td><td data-label="Due by">{{due}}</td><td data-label="State"><span class="tag{{#late}} tag--red{{/late}}">{{state}}</span></td></tr>{{/items}}</tbody>
        </table>{{/hasItems}}
        {{^hasItems}}<p>None.</p>{{/hasItems}}
        """
}
