/// The assets pages' templates (Mustache), registered by name in `Templates.all`.
enum AssetTemplates {
    static let all: [String: String] = [
        "assetPanel": assetPanel, "assetForm": assetForm, "asset": asset, "incentiveScheme": incentiveScheme,
    ]

    static let assetPanel = """
        <h2>Asset recovery</h2>
        {{#hasAssets}}<table class="responsive"><caption class="visually-hidden">Orders and seizures</caption>
          <thead><tr><th scope="col">Power</th><th scope="col">Court</th><th scope="col">Made</th><th scope="col" class="numeric">Amount</th><th scope="col">Status</th><th scope="col" class="numeric">Collected</th></tr></thead>
          <tbody>{{#assets}}<tr><td data-label="Power"><a href="/assets/{{id}}">{{power}}</a></td><td data-label="Court">{{court}}</td><td data-label="Made">{{madeOn}}</td><td data-label="Amount" class="numeric">{{amount}}</td><td data-label="Status">{{status}}</td><td data-label="Collected" class="numeric">{{collected}}</td></tr>{{/assets}}</tbody>
        </table>{{/hasAssets}}
        {{^hasAssets}}<p>No orders or seizures you can see.</p>{{/hasAssets}}
        {{#canRecordAsset}}<p><a class="button button--secondary" href="/assets/new?targetKind={{assetTargetKind}}&amp;targetID={{assetTargetID}}">Record an order or seizure</a></p>{{/canRecordAsset}}
        """

    static let assetForm = """
        {{>problem}}
        <span class="caption"><a href="{{back}}">Back</a></span>
        <h1>Record an order or seizure</h1>
        <form method="post" action="/assets" novalidate>
          <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="targetKind" value="{{targetKind}}"><input type="hidden" name="targetID" value="{{targetID}}">
          <div class="form-group"><label for="power">Power</label><select id="power" name="power">{{#powers}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/powers}}</select></div>
          <div class="form-group"><label for="court">Court</label><input id="court" name="court" value="{{form.court}}"></div>
          <div class="form-group"><label for="reference">Court reference</label><input id="reference" name="reference" value="{{form.reference}}"></div>
          \(Templates.dateInput("madeOn", "Made or seized on", values: "form"))
          <div class="form-group"><label for="amount">Amount (£): restrained, recoverable, seized, frozen or claimed</label><input id="amount" name="amount" inputmode="decimal" value="{{form.amount}}"></div>
          <fieldset class="panel"><legend>For a confiscation order</legend>
            <div class="form-group"><label for="benefit">Benefit figure (£)</label><input id="benefit" name="benefit" inputmode="decimal" value="{{form.benefit}}"></div>
            <div class="form-group"><label for="available">Available amount (£)</label><input id="available" name="available" inputmode="decimal" value="{{form.available}}"></div>
            <div class="form-group"><label for="compensation">Compensation to victims (£)</label><input id="compensation" name="compensation" inputmode="decimal" value="{{form.compensation}}"></div>
            \(Templates.dateInput("timeToPay", "Time to pay: by", values: "form"))
            <div class="form-group"><label for="defaultSentenceMonths">Default sentence (months)</label><input id="defaultSentenceMonths" name="defaultSentenceMonths" inputmode="numeric" value="{{form.defaultSentenceMonths}}"></div>
          </fieldset>
          \(Templates.select("prosecution", "Prosecuting agency", list: "prosecutionChoices", blank: "Your agency"))
          \(Templates.select("enforcement", "Enforcing agency", list: "enforcementChoices", blank: "Not known yet"))
          <button class="button" type="submit">Record</button>
        </form>
        """

    static let asset = """
        {{#notice}}<div class="notification notification--success" role="status"><p>{{notice}}</p></div>{{/notice}}
        {{>problem}}
        {{#marking}}<p class="marking-banner{{#highMarking}} marking-banner--high{{/highMarking}}">{{markingLabel}}</p>{{/marking}}
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
        {{#hasEvents}}<table class="responsive"><caption class="visually-hidden">Events, oldest first</caption>
          <thead><tr><th scope="col">Event</th><th scope="col">Date</th><th scope="col" class="numeric">Amount</th><th scope="col">Until</th><th scope="col">Note</th><th scope="col">By</th></tr></thead>
          <tbody>{{#events}}<tr><td data-label="Event">{{kind}}</td><td data-label="Date">{{date}}</td><td data-label="Amount" class="numeric">{{amount}}</td><td data-label="Until">{{until}}</td><td data-label="Note">{{note}}</td><td data-label="By">{{by}}</td></tr>{{/events}}</tbody>
        </table>{{/hasEvents}}
        {{^hasEvents}}<p>Nothing recorded since it was made.</p>{{/hasEvents}}
        {{#canChange}}{{#hasNext}}<details class="panel"><summary>Record the next event</summary>
        <form method="post" action="/assets/{{id}}/events" novalidate>
          <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="version" value="{{version}}">
          <div class="form-group"><label for="kind">Event</label><select id="kind" name="kind">{{#nextEvents}}<option value="{{code}}">{{label}}</option>{{/nextEvents}}</select></div>
          \(Templates.dateInput("date", "Date"))
          <div class="form-group"><label for="amount">Amount (£), for a payment, variation, forfeiture, return or recovery</label><input id="amount" name="amount" inputmode="decimal"></div>
          \(Templates.dateInput("until", "Until", hint: "For a detention or its extension"))
          <div class="form-group"><label for="note">Note</label><textarea id="note" name="note" rows="2"></textarea></div>
          <button class="button button--secondary" type="submit">Record event</button>
        </form></details>{{/hasNext}}{{/canChange}}
        <h2>Receipts and their split</h2>
        <p>Under the <a href="/asset-recovery/scheme">incentivisation scheme</a> in force on each receipt's date; compensation to victims is paid first.</p>
        {{#hasReceipts}}{{#receipts}}<table class="responsive"><caption>{{date}}: {{amount}}</caption>
          <thead><tr><th scope="col">Part</th><th scope="col">To</th><th scope="col" class="numeric">Amount</th></tr></thead>
          <tbody>{{#shares}}<tr><td data-label="Part">{{part}}</td><td data-label="To">{{agency}}</td><td data-label="Amount" class="numeric">{{amount}}</td></tr>{{/shares}}</tbody>
        </table>{{/receipts}}{{/hasReceipts}}
        {{^hasReceipts}}<p>No receipts yet.</p>{{/hasReceipts}}
        """

    static let incentiveScheme = """
        {{#notice}}<div class="notification notification--success" role="status"><p>{{notice}}</p></div>{{/notice}}
        {{>problem}}
        <h1>Asset recovery incentivisation scheme</h1>
        <p>How receipts from confiscation, forfeiture and civil recovery are shared. Each receipt uses the version in force on its date.</p>
        {{#versions}}<table class="responsive"><caption>Version {{version}}, from {{effectiveFrom}}{{#current}} (in force){{/current}}</caption>
          <thead><tr><th scope="col">Part</th><th scope="col" class="numeric">Share</th></tr></thead>
          <tbody>{{#shares}}<tr><td data-label="Part">{{part}}</td><td data-label="Share" class="numeric">{{percent}}%</td></tr>{{/shares}}</tbody>
        </table>{{/versions}}
        {{#canPublish}}<h2>Publish version {{next}}</h2>
        <form method="post" action="/asset-recovery/scheme" novalidate>
          <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="version" value="{{next}}">
          \(Templates.dateInput("effectiveFrom", "In force from"))
          {{#parts}}<div class="form-group"><label for="{{part}}">{{part}} (%)</label><input id="{{part}}" name="{{part}}" inputmode="decimal" value="{{percent}}"></div>{{/parts}}
          <button class="button" type="submit">Publish</button>
        </form>{{/canPublish}}
        """
}
