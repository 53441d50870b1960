/// The reports pages' templates (Mustache), registered by name in `Templates.all`.
enum ReportTemplates {
    static let all: [String: String] = [
        "reportForm": reportForm, "performance": performance, "profile": profile,
    ]

    static let reportForm = """
        <form method="get" class="filters" novalidate>
          <div class="form-group"><label for="period">Period</label><span class="hint">A financial year, for example 2025-26, or a quarter of one, for example 2025-26-Q1</span><input id="period" name="period" value="{{period}}"></div>
          <div class="form-group"><label for="area">Area</label><select id="area" name="area"><option value="">All areas</option>{{#areas}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/areas}}</select></div>
          <div class="form-group"><label for="market">Priority (criminal market)</label><select id="market" name="market"><option value="">All markets</option>{{#markets}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/markets}}</select></div>
          <button class="button button--secondary" type="submit">Show</button>
        </form>
        """

    static let performance = """
        {{>problem}}
        <h1>Performance report{{#published}} <span class="tag tag--green">published version</span>{{/published}}</h1>
        {{#choices}}{{> reportForm}}{{/choices}}
        {{#report}}
        <p>{{periodName}} ({{from}} to {{to}}), each measure beside {{previousName}}. Counted from the records you may see.
          <a href="{{csvHref}}">Download CSV</a> · <a href="{{jsonHref}}">Download JSON</a> · <a href="{{profileHref}}">Local profile</a> ·
          {{#published}}<a href="{{fullHref}}">Full version</a>{{/published}}{{^published}}<a href="{{publishedHref}}">Published version</a>{{/published}}</p>
        {{#restrictedOmitted}}<div class="notification" role="status"><p>This published version leaves out {{restrictedOmitted}} restricted measures and charts.</p></div>{{/restrictedOmitted}}
        {{#groups}}<h2>{{group}}</h2>
        <table class="responsive"><caption class="visually-hidden">{{group}}</caption>
          <thead><tr><th scope="col">Measure</th><th scope="col" class="numeric">{{periodName}}</th><th scope="col" class="numeric">{{previousName}}</th><th scope="col" class="numeric">Change</th></tr></thead>
          <tbody>{{#measures}}<tr><td data-label="Measure">{{label}}{{#restricted}} <span class="tag tag--grey">restricted</span>{{/restricted}}</td><td data-label="" class="numeric">{{current}}</td><td data-label="" class="numeric">{{previous}}</td><td data-label="Change" class="numeric">{{change}}</td></tr>{{/measures}}</tbody>
        </table>{{/groups}}
        {{#routes}}<p>Routes on which seizures were made: {{routes}}</p>{{/routes}}
        <h2>Charts</h2>
        {{#charts}}<figure class="chart-figure"><figcaption><h3>{{title}}{{#restricted}} <span class="tag tag--grey">restricted</span>{{/restricted}}</h3></figcaption>
          <div class="chart-pair"><div class="chart-image" tabindex="0" role="region" aria-label="{{title}}: chart">{{{svg}}}</div>
          <table class="responsive chart-table"><caption>The figures in the chart</caption>
            <thead><tr><th scope="col"></th>{{#seriesNames}}<th scope="col" class="numeric">{{.}}</th>{{/seriesNames}}</tr></thead>
            <tbody>{{#rows}}<tr><th scope="row">{{label}}</th>{{#cells}}<td data-label="" class="numeric">{{.}}</td>{{/cells}}</tr>{{/rows}}</tbody>
          </table></div></figure>{{/charts}}
        {{/report}}
        """

    static let profile = """
        {{>problem}}
        <h1>Local serious and organised crime profile</h1>
        {{#choices}}{{> reportForm}}{{/choices}}
        {{#report}}
        <p>{{areaName}}{{#marketName}}, {{marketName}}{{/marketName}}, {{periodName}}. Counted from the records you may see.
          <a href="{{csvHref}}">Download CSV</a> · <a href="{{jsonHref}}">Download JSON</a></p>
        <h2>Groups active here</h2>
        {{#hasGroups}}<table class="responsive"><caption class="visually-hidden">Active groups in the area</caption>
          <thead><tr><th scope="col">Group</th><th scope="col">Band</th><th scope="col">Markets</th><th scope="col" class="numeric">Members</th></tr></thead>
          <tbody>{{#groupRows}}<tr><td data-label="Group"><a href="/ocgs/{{id}}">{{name}}</a></td><td data-label="Band">{{band}}</td><td data-label="Markets">{{markets}}</td><td data-label="Members" class="numeric">{{members}}</td></tr>{{/groupRows}}</tbody>
        </table>{{#groupsTruncated}}<p class="hint">The first 200 groups are shown; the measures below count them all.</p>{{/groupsTruncated}}{{/hasGroups}}
        {{^hasGroups}}<p>No active groups you can see here.</p>{{/hasGroups}}
        <p>Persons of Interest managed here: {{pois}}</p>
        {{#groups}}<h2>{{group}}</h2>
        <table class="responsive"><caption class="visually-hidden">{{group}}</caption>
          <thead><tr><th scope="col">Measure</th><th scope="col" class="numeric">This period</th><th scope="col" class="numeric">Previous</th></tr></thead>
          <tbody>{{#measures}}<tr><td data-label="Measure">{{label}}</td><td data-label="This period" class="numeric">{{current}}</td><td data-label="Previous" class="numeric">{{previous}}</td></tr>{{/measures}}</tbody>
        </table>{{/groups}}
        <h2>Vulnerabilities</h2>
        <p>People recorded as exploited by these groups: {{exploited}}</p>
        {{#hasPlaces}}<table class="responsive"><caption>Places where people were safeguarded or seizures made</caption>
          <thead><tr><th scope="col">Place</th><th scope="col">Outcome</th><th scope="col" class="numeric">Times</th></tr></thead>
          <tbody>{{#places}}<tr><td data-label="Place">{{place}}</td><td data-label="Outcome">{{kind}}</td><td data-label="Times" class="numeric">{{count}}</td></tr>{{/places}}</tbody>
        </table>{{/hasPlaces}}
        <h2>What partners contributed</h2>
        {{#hasContributions}}<table class="responsive"><caption class="visually-hidden">Contributions by agency</caption>
          <thead><tr><th scope="col">Agency</th><th scope="col" class="numeric">Interventions completed</th><th scope="col" class="numeric">Outcomes</th><th scope="col" class="numeric">Assets collected</th></tr></thead>
          <tbody>{{#contributions}}<tr><td data-label="Agency">{{agency}}</td><td data-label="Interventions completed" class="numeric">{{interventions}}</td><td data-label="Outcomes" class="numeric">{{outcomes}}</td><td data-label="Assets collected" class="numeric">{{assets}}</td></tr>{{/contributions}}</tbody>
        </table>{{/hasContributions}}
        {{^hasContributions}}<p>Nothing recorded in the period.</p>{{/hasContributions}}
        {{/report}}
        """
}
