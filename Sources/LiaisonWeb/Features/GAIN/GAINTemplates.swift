/// The GAIN pages' templates (Mustache), registered by name in `Templates.all`.
enum GAINTemplates {
    static let all: [String: String] = [
        "gain": gain
    ]

    static let gain = """
        {{#notice}}<div class="notification notification--success" role="status"><p>{{notice}}</p></div>{{/notice}}
        {{>problem}}
        <h1>GAIN hit/no-hit</h1>
        <p>Ask partner agencies whether they hold anything on a person, a vehicle or a company. Each answers hit or no hit and nothing more; an agency with a hit is told who asked and why, and may choose to share.</p>
        {{#canAsk}}<details class="panel"{{#problem}} open{{/problem}}><summary>Ask about a person, a vehicle or a company</summary>
        <form method="post" action="/gain" novalidate>
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <fieldset><legend>A person</legend>
          <div class="form-group"><label for="given">Given name</label><input id="given" name="given"></div>
          <div class="form-group"><label for="family">Family name</label><input id="family" name="family"></div>
          \(Templates.dateInput("dob", "Date of birth", hint: "For example, 27 3 1985"))
          </fieldset>
          <fieldset><legend>Or a vehicle, or a company</legend>
          <div class="form-group"><label for="vehicle">Vehicle registration</label><input id="vehicle" name="vehicle" autocomplete="off"></div>
          <div class="form-group"><label for="company">Company name or registered number</label><input id="company" name="company"></div>
          </fieldset>
          \(Templates.checkboxes("agencies", "Agencies to ask", list: "agencyChoices"))
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
          <p>Your records that matched: {{#matched}}<a href="/subjects/{{id}}">{{name}}</a> {{/matched}}{{#reports}}<a href="/intelligence/{{id}}">intelligence report {{n}}</a> {{/reports}}</p>
          {{#shared}}<p>You shared: {{shared}}</p>{{/shared}}
          {{^shared}}<form method="post" action="/gain/share" novalidate><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="requestID" value="{{id}}">
            <div class="form-group"><label for="message-{{id}}">Share with the requester</label><textarea id="message-{{id}}" name="message" rows="2"></textarea></div>
            <button class="button button--secondary" type="submit">Share</button></form>{{/shared}}
        </div>{{/hits}}{{/hasHits}}
        {{^hasHits}}<p>No requests have hit your agency's records.</p>{{/hasHits}}
        """
}
