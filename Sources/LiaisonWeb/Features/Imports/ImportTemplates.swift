/// The imports pages' templates (Mustache), registered by name in `Templates.all`.
enum ImportTemplates {
    static let all: [String: String] = [
        "imports": imports, "import": importJob,
    ]

    static let imports = """
        {{#refresh}}<meta http-equiv="refresh" content="5">{{/refresh}}
        <h1>Imports</h1>
        <p>Partners' files of people loaded as your agency's subjects, newest first. Files are sent by partner systems
        (<code>POST /api/v1/imports</code>) or loaded with <code>liaison import subjects</code>; rows with errors are refused and
        listed, the rest load, and an interrupted import resumes where it stopped.</p>
        {{#hasItems}}
        <table class="responsive"><caption class="visually-hidden">Imports</caption>
          <thead><tr><th scope="col">File</th><th scope="col">Source</th><th scope="col">Progress</th><th scope="col" class="numeric">Loaded</th><th scope="col" class="numeric">Refused</th><th scope="col">Started</th></tr></thead>
          <tbody>{{#items}}<tr><td data-label="File"><a href="/imports/{{id}}">{{fileName}}</a></td><td data-label="Source">{{source}}</td>
            <td data-label="Progress"><span class="tag {{statusClass}}">{{status}}</span> {{#percent}}<progress max="100" value="{{percent}}">{{percent}}%</progress> {{percent}}%{{/percent}}</td>
            <td data-label="Loaded" class="numeric">{{rowsLoaded}}</td><td data-label="Refused" class="numeric">{{rowsFailed}}</td><td data-label="Started">{{started}}</td></tr>{{/items}}</tbody>
        </table>
        {{/hasItems}}
        {{^hasItems}}<p>Your agency has not imported any files yet.</p>{{/hasItems}}
        """

    static let importJob = """
        {{#refresh}}<meta http-equiv="refresh" content="3">{{/refresh}}
        {{#job}}
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
        <table class="responsive"><caption class="visually-hidden">Rows that did not load, and why</caption>
          <thead><tr><th scope="col" class="numeric">Row</th><th scope="col">Column</th><th scope="col">Reason</th></tr></thead>
          <tbody>{{#errors}}<tr><td data-label="Row" class="numeric">{{row}}</td><td data-label="Column">{{field}}</td><td data-label="Reason">{{reason}}</td></tr>{{/errors}}</tbody>
        </table>
        {{/hasRowErrors}}
        {{^hasRowErrors}}<p>None.</p>{{/hasRowErrors}}
        {{/job}}
        """
}
