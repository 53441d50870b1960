/// The accounts pages' templates (Mustache), registered by name in `Templates.all`.
enum AccountTemplates {
    static let all: [String: String] = [
        "adminUsers": adminUsers, "adminDelivery": adminDelivery, "adminUserForm": adminUserForm,
        "adminUser": adminUser, "adminReference": adminReference,
    ]

    static let adminUsers = """
        <h1>Accounts</h1>
        <p><a class="button" href="/admin/users/new">Add an account</a> <a href="/admin/reference">Reference data</a>
          <a href="/admin/delivery">Delivery of your agency's notices</a></p>
        <table class="responsive">
          <caption class="visually-hidden">Accounts</caption>
          <thead><tr><th scope="col">Username</th><th scope="col">Name</th><th scope="col">Agency</th><th scope="col">Roles</th><th scope="col">Vetting</th><th scope="col">Briefed into</th><th scope="col">Status</th></tr></thead>
          <tbody>{{#users}}<tr><td data-label="Username"><a href="/admin/users/{{id}}">{{username}}</a></td><td data-label="Name">{{name}}</td><td data-label="Agency">{{agency}}</td><td data-label="Roles">{{roles}}</td><td data-label="Vetting">{{vetting}}</td><td data-label="Briefed into">{{briefings}}</td><td data-label="Status">{{#active}}<strong class="tag tag--green">Active</strong>{{/active}}{{^active}}<strong class="tag tag--grey">Disabled</strong>{{/active}}</td></tr>{{/users}}</tbody>
        </table>
        """

    static let adminDelivery = """
        <div class="two-thirds">
        {{#notice}}<div class="notification notification--success" role="status"><p>{{notice}}</p></div>{{/notice}}
        {{>problem}}
        <span class="caption">{{agency}}</span>
        <h1>Delivery of notices</h1>
        <p>Every notice owed to {{code}} is in its inbox in Liaison. It can also be sent by email, and to your own system by a
        webhook signed with HMAC-SHA256 (the <code>Liaison-Signature</code> header). Only {{code}}'s administrators see or change this.</p>
        {{#newSecret}}<div class="notification" role="status"><h2>New signing secret</h2>
        <p>Copy it into your receiving system now: it is shown only this once, and Liaison keeps it sealed. Deliveries from now on are signed with it.</p>
        <p><code>{{newSecret}}</code></p></div>{{/newSecret}}
        <form method="post" action="/admin/delivery" novalidate>
          <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="version" value="{{version}}">
          <div class="form-group"><label for="email">Email address for notices</label>
            <span class="hint" id="email-hint">A team mailbox, not a person's. Leave empty for none.</span>
            <input id="email" name="email" type="email" value="{{email}}" aria-describedby="email-hint" autocomplete="off"></div>
          <div class="form-group"><label for="webhookURL">Webhook address</label>
            <span class="hint" id="webhookURL-hint">An https address of your system. Make a signing secret first. Leave empty for none.</span>
            <input id="webhookURL" name="webhookURL" value="{{webhookURL}}" aria-describedby="webhookURL-hint" spellcheck="false"></div>
          <button class="button" type="submit">Save</button>
        </form>
        <h2 id="secret">Signing secret</h2>
        <p>{{#secretSet}}A secret is set. Making a new one replaces it at once: update your receiving system straight away.{{/secretSet}}{{^secretSet}}No secret is set yet.{{/secretSet}}</p>
        <form method="post" action="/admin/delivery/secret" novalidate>
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <button class="button button--secondary" type="submit">Make a new signing secret</button>
        </form>
        </div>
        """

    static let adminUserForm = """
        <div class="two-thirds">
        {{>errorSummary}}
        <h1>Add an account</h1>
        <form method="post" action="/admin/users/new" novalidate>
          <input type="hidden" name="_csrf" value="{{csrf}}">
          {{#fields}}{{>formField}}{{/fields}}
          <div class="form-group{{#agencyError}} form-group--error{{/agencyError}}">
            <label for="agency">Agency</label>
            {{#agencyError}}<span class="error-message"><span class="visually-hidden">Error:</span> {{agencyError}}</span>{{/agencyError}}
            <select id="agency" name="agency"><option value="">Choose an agency</option>{{#agencies}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/agencies}}</select>
          </div>
          <fieldset class="form-group{{#rolesError}} form-group--error{{/rolesError}}" id="roles">
            <legend>Roles</legend>
            {{#rolesError}}<span class="error-message"><span class="visually-hidden">Error:</span> {{rolesError}}</span>{{/rolesError}}
            {{#roles}}<div><input type="checkbox" id="role-{{code}}" name="roles" value="{{code}}"{{#checked}} checked{{/checked}}> <label for="role-{{code}}" class="checkbox-label">{{label}}</label></div>{{/roles}}
          </fieldset>
          <div class="form-group{{#vettingError}} form-group--error{{/vettingError}}">
            <label for="vetting">Vetting</label>
            {{#vettingError}}<span class="error-message"><span class="visually-hidden">Error:</span> {{vettingError}}</span>{{/vettingError}}
            <select id="vetting" name="vetting"><option value="">Choose a level</option>{{#vettings}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/vettings}}</select>
          </div>
          <button class="button" type="submit">Create account</button>
          <a class="button button--secondary" href="/admin/users">Cancel</a>
        </form>
        </div>
        """

    static let adminUser = """
        {{>errorSummary}}
        {{#notice}}<div class="notification notification--success" role="status"><p>{{notice}}</p></div>{{/notice}}
        {{#newToken}}<div class="notification" role="status"><h2>New API token</h2><p>Copy it now: it is shown only once and only its hash is kept.</p><p><code>{{newToken}}</code></p></div>{{/newToken}}
        <span class="caption">Account</span>
        <h1>{{username}}</h1>
        <dl class="summary-list">
          <div><dt>Name</dt><dd>{{name}}</dd></div>
          <div><dt>Email</dt><dd>{{email}}</dd></div>
          <div><dt>Agency</dt><dd>{{agency}}</dd></div>
          <div><dt>Roles</dt><dd>{{roles}}</dd></div>
          <div><dt>Vetting</dt><dd>{{vetting}}</dd></div>
          <div><dt>Status</dt><dd>{{#active}}Active{{/active}}{{^active}}Disabled{{/active}}</dd></div>
        </dl>
        <form method="post" action="/admin/users/{{id}}/active">
          <input type="hidden" name="_csrf" value="{{csrf}}">
          {{#active}}<input type="hidden" name="active" value="false"><button class="button button--secondary" type="submit">Disable account</button>{{/active}}
          {{^active}}<input type="hidden" name="active" value="true"><button class="button" type="submit">Enable account</button>{{/active}}
        </form>
        <h2>Need-to-know briefings</h2>
        <form method="post" action="/admin/users/{{id}}/briefings" novalidate>
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <div class="form-group{{#briefingsError}} form-group--error{{/briefingsError}}">
            <label for="briefings">Operations and cases this user is briefed into</label>
            <span class="hint">One a line, e.g. OPERATION GRANITE</span>
            {{#briefingsError}}<span class="error-message"><span class="visually-hidden">Error:</span> {{briefingsError}}</span>{{/briefingsError}}
            <textarea id="briefings" name="briefings" rows="3">{{briefings}}</textarea>
          </div>
          <button class="button" type="submit">Save briefings</button>
        </form>
        <h2>API tokens</h2>
        <table class="responsive"><caption class="visually-hidden">API tokens</caption>
          <thead><tr><th scope="col">Name</th><th scope="col">Issued</th><th scope="col">Expires</th><th scope="col">Status</th><th scope="col"><span class="visually-hidden">Action</span></th></tr></thead>
          <tbody>{{#tokens}}<tr><td data-label="Name">{{name}}</td><td data-label="Issued">{{created}}</td><td data-label="Expires">{{expires}}</td><td data-label="Status">{{#revoked}}Revoked {{revoked}}{{/revoked}}{{^revoked}}{{#expired}}Expired{{/expired}}{{^expired}}Active{{/expired}}{{/revoked}}</td>
          <td data-label="Action">{{^revoked}}<form method="post" action="/admin/tokens/{{id}}/revoke"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="user" value="{{userID}}"><button class="button button--secondary" type="submit">Revoke<span class="visually-hidden"> {{name}}</span></button></form>{{/revoked}}</td></tr>{{/tokens}}</tbody>
        </table>
        <form method="post" action="/admin/users/{{id}}/tokens" novalidate>
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <div class="form-group{{#nameError}} form-group--error{{/nameError}}">
            <label for="name">Issue a token for a partner system</label>
            <span class="hint">What the token is for</span>
            {{#nameError}}<span class="error-message"><span class="visually-hidden">Error:</span> {{nameError}}</span>{{/nameError}}
            <input type="text" id="name" name="name">
          </div>
          <button class="button" type="submit">Issue token</button>
        </form>
        """

    static let adminReference = """
        {{#notice}}<div class="notification notification--success" role="status"><p>{{notice}}</p></div>{{/notice}}
        {{>problem}}
        <h1>Reference data</h1>
        <p>The lists records are checked against. An entry is never deleted, only made inactive, so records keep their meaning. <a href="/scoring">Scoring matrices</a>.</p>
        {{#lists}}
        <h2 id="{{list}}">{{list}}</h2>
        <table class="responsive"><caption class="visually-hidden">Entries of {{list}}</caption>
          <thead><tr><th scope="col">Code</th><th scope="col">Label</th><th scope="col" class="numeric">Order</th><th scope="col">Offered</th></tr></thead>
          <tbody>{{#entries}}<tr><td data-label="Code"><code>{{code}}</code></td><td data-label="Label">{{label}}</td><td data-label="Order" class="numeric">{{order}}</td><td data-label="Offered">{{#active}}Yes{{/active}}{{^active}}No{{/active}}</td></tr>{{/entries}}</tbody>
        </table>
        <details class="panel"><summary>Add or change an entry of {{list}}</summary>
        <form method="post" action="/admin/reference" novalidate>
          <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="list" value="{{list}}">
          <div class="form-group"><label for="code-{{list}}">Code (an existing one to change it)</label><input id="code-{{list}}" name="code"></div>
          <div class="form-group"><label for="label-{{list}}">Label</label><input id="label-{{list}}" name="label"></div>
          <div class="form-group"><label for="order-{{list}}">Order</label><input id="order-{{list}}" name="sortOrder" value="{{next}}"></div>
          <div class="form-group"><label><input type="checkbox" name="active" value="1" checked> Offered</label></div>
          <button class="button button--secondary" type="submit">Save</button>
        </form></details>
        {{/lists}}
        """
}
