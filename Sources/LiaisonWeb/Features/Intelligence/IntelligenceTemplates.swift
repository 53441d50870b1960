/// The intelligence pages' templates (Mustache), registered by name in `Templates.all`.
enum IntelligenceTemplates {
    static let all: [String: String] = [
        "gradingFields": gradingFields, "intelList": intelList, "intelForm": intelForm, "intelReceived": intelReceived,
        "intelReport": intelReport,
    ]

    static let gradingFields = """
        <div class="form-group"><label for="gradeSource">Source evaluation</label><select id="gradeSource" name="gradeSource"><option value="">Choose</option>{{#sources}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/sources}}</select></div>
        <div class="form-group"><label for="gradeAssessment">Intelligence assessment</label><select id="gradeAssessment" name="gradeAssessment"><option value="">Choose</option>{{#assessments}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/assessments}}</select></div>
        <div class="form-group"><label for="handling">Handling code</label><select id="handling" name="handling"><option value="">Choose</option>{{#handlings}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/handlings}}</select></div>
        <div class="form-group"><label for="conditions">Handling conditions (for C)</label><input id="conditions" name="conditions" value="{{conditions}}"></div>
        """

    static let intelList = """
        {{>problem}}
        <h1>Intelligence</h1>
        <p>{{#canWrite}}<a class="button" href="/intelligence/new">Write a report</a> {{/canWrite}}<a href="/intelligence/received">Sent to your agency</a> · <a href="/gain">GAIN hit/no-hit</a></p>
        <form method="get" action="/intelligence" class="search" role="search"><label for="q">Search reports</label> <input id="q" name="q" value="{{q}}"> <button class="button button--secondary" type="submit">Search</button></form>
        {{#search}}{{^problem}}<p>{{total}} report(s) you may see match.</p>{{/problem}}
        {{#hasHits}}<ul class="results">{{#hits}}<li><a href="/intelligence/{{id}}">{{date}} · {{grade}} · {{status}}</a><p class="hint">{{snippet}}</p></li>{{/hits}}</ul>{{/hasHits}}
        {{/search}}
        {{#hasItems}}<table class="responsive"><caption class="visually-hidden">Reports you may see, latest first</caption>
          <thead><tr><th scope="col">Dated</th><th scope="col">Grade</th><th scope="col">Status</th><th scope="col">Report</th></tr></thead>
          <tbody>{{#items}}<tr><td data-label="Dated">{{date}}</td><td data-label="Grade">{{grade}}</td><td data-label="Status">{{status}}</td><td data-label="Report"><a href="/intelligence/{{id}}">{{text}}</a></td></tr>{{/items}}</tbody>
        </table>{{/hasItems}}
        {{^search}}{{^hasItems}}<p>No reports you can see.</p>{{/hasItems}}{{/search}}
        """

    static let intelForm = """
        {{>problem}}
        <h1>Write an intelligence report</h1>
        <form method="post" action="/intelligence" novalidate>
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <div class="form-group"><label for="text">What is known</label><textarea id="text" name="text" rows="6">{{form.text}}</textarea></div>
          \(Templates.dateInput("infoDate", "Date of the information", values: "form"))
          <div class="form-group"><label for="place">Place</label><input id="place" name="place" value="{{form.place}}"></div>
          <div class="form-group"><label for="sourceKind">Source</label><select id="sourceKind" name="sourceKind">{{#sourceKinds}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/sourceKinds}}</select></div>
          <div class="form-group"><label for="sourceDescription">About the source</label><input id="sourceDescription" name="sourceDescription" value="{{form.sourceDescription}}"></div>
          <div class="form-group"><label for="covertReference">Covert source reference (shown only to your agency)</label><input id="covertReference" name="covertReference" autocomplete="off" value="{{form.covertReference}}"></div>
          {{#form.aboutTitle}}<input type="hidden" name="aboutKind" value="{{form.aboutKind}}"><input type="hidden" name="aboutID" value="{{form.aboutID}}">
          <div class="form-group"><p class="fieldset__legend">About</p><p>{{form.aboutTitle}}</p></div>{{/form.aboutTitle}}
          <div class="form-group"><label for="links">Other things it mentions</label><span class="hint" id="links-hint">One a line: what it is, a colon, then its details. For example, vehicle: MX19 ABC. Addresses, phones, vehicles, accounts and companies can be linked; to link a person, a group or a case, write the report from its page.</span><textarea id="links" name="links" rows="3" aria-describedby="links-hint">{{form.links}}</textarea></div>
          <div class="form-group"><label for="classification">Protective marking</label><select id="classification" name="classification">{{#classifications}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/classifications}}</select></div>
          <fieldset class="panel"><legend>Grading (3x5x2): needed before the report is submitted</legend>{{#grading}}{{> gradingFields}}{{/grading}}</fieldset>
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
        {{>problem}}
        {{#marking}}<p class="marking-banner{{#highMarking}} marking-banner--high{{/highMarking}}">{{markingLabel}}</p>{{/marking}}
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
          <p>Submit for a supervisor's assessment. The report must be graded{{^gradeDetail}}: grade it here{{/gradeDetail}}.</p>{{^gradeDetail}}{{#grading}}{{> gradingFields}}{{/grading}}{{/gradeDetail}}
          <button class="button" type="submit">Submit</button>
        </form>{{/canSubmit}}
        {{#canAssess}}<form method="post" action="/intelligence/{{id}}/steps" novalidate class="panel">
          <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="version" value="{{version}}">
          <p>Assess: correct the grading if needed and set a review date; or return it to its author with a note.</p>
          {{#grading}}{{> gradingFields}}{{/grading}}
          \(Templates.dateInput("reviewDate", "Review by"))
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
        {{#hasSent}}<table class="responsive"><caption class="visually-hidden">Where the report was sent</caption>
          <thead><tr><th scope="col">Agency</th><th scope="col">Version</th><th scope="col">Conditions</th><th scope="col">Sent</th><th scope="col">Read</th></tr></thead>
          <tbody>{{#sent}}<tr><td data-label="Agency">{{agency}}</td><td data-label="Version">{{version}}</td><td data-label="Conditions">{{conditions}}</td><td data-label="Sent">{{at}} by {{by}}</td><td data-label="Read">{{read}}</td></tr>{{/sent}}</tbody>
        </table>{{/hasSent}}
        {{^hasSent}}<p>Not sent to any agency.</p>{{/hasSent}}
        {{#sendRefused}}<p class="hint">You cannot send this report on: {{sendRefused}}.</p>{{/sendRefused}}
        {{#canSend}}<details class="panel"><summary>Send to partner agencies</summary>
        <form method="post" action="/intelligence/{{id}}/steps" novalidate>
          <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="version" value="{{version}}"><input type="hidden" name="action" value="disseminate">
          \(Templates.checkboxes("agencies", "Send to", list: "agencyChoices"))
          <div class="form-group"><label for="sanitisedVersion">Sanitised version number (leave empty to send the original)</label><input id="sanitisedVersion" name="sanitisedVersion" inputmode="numeric"></div>
          <div class="form-group"><label for="sendConditions">Further conditions</label><input id="sendConditions" name="sendConditions"></div>
          <button class="button button--secondary" type="submit">Send</button>
        </form></details>{{/canSend}}
        <h2>History</h2>
        <ol class="timeline">{{#history}}<li><span class="hint">{{at}}</span> {{status}} by {{by}}{{#note}}: {{note}}{{/note}}</li>{{/history}}</ol>
        """
}
