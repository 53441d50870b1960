"""Sends what no page or client of ours would: every API operation in the OpenAPI document, and every form the pages
offer, with each field in turn replaced by hostile values (wrong types, negative and absurd numbers, a NUL, 70,000
characters, impossible dates, markup), as several users. Fails on any server error, dropped connection, redirect too
long to follow or leading to an error, on an API refusal that names no field, and on one that repeats a long value
back.

usage: hostile_input.py BASE_URL TOKEN... -- USERNAME...   (API as each token's user, forms as each username)
"""

import http.cookiejar
import json
import re
import sys
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser

PASSWORD = "liaison-demo"
LONG = "x" * 70_000
VALUES = [None, 0, -1, 2**63, -(2**63) - 1, 1e308, 1.5, True, "", LONG, "a\u0000b", "Петров", [], {}, [1, 2],
          {"a": {"b": []}}, "2020-02-30", "9999-99-99", "../../etc/passwd", "<script>", "'; drop table x;--"]
FORM_VALUES = ["", LONG, "a\u0000b", "Петров", "-1", "99999999999999999999", "2020-02-30", "<script>"]
PATH_VALUES = ["x", "0", "-1", "%00", "a" * 3000, "..%2F..%2Fetc", "%D0%9F", "99999999999999999999", "%FF%FE"]
QUERY_VALUES = ["", "-5", "999999999999999999999", "abc", "%00", "x" * 5000, "2020-13-45", "%FF"]
MAX_LOCATION = 8192

failures = []
requests = 0


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(opener, method, url, data=None, headers=None):
    global requests
    requests += 1
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with opener.open(request, timeout=60) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()
    except Exception as error:  # a dropped connection, a header line too long to read
        return -1, {}, str(error).encode()


def judge(what, status, headers, body, api):
    if status < 0 or status >= 500:
        failures.append(f"{what}: {status} {body[:200]!r}")
        return
    location = headers.get("Location", "") if headers else ""
    if len(location) > MAX_LOCATION:
        failures.append(f"{what}: a redirect of {len(location)} characters")
    if api and status == 422:
        try:
            fields = json.loads(body).get("fields") or []
        except ValueError:
            fields = []
        if not fields or not all(f.get("field") and f.get("reason") for f in fields):
            failures.append(f"{what}: 422 naming no field: {body[:200]!r}")
    if api and 400 <= status < 500 and b"x" * 1000 in body:
        failures.append(f"{what}: the refusal repeats a long value back")


def resolve(schema, components):
    while isinstance(schema, dict) and "$ref" in schema:
        schema = components[schema["$ref"].split("/")[-1]]
    return schema or {}


def sample(schema, components, depth=0):
    """A value of the schema's shape, for the fields not being replaced."""
    schema = resolve(schema, components)
    if depth > 4:
        return None
    for key in ("oneOf", "anyOf"):
        if key in schema:
            return sample(schema[key][0], components, depth + 1)
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "null")
    if "enum" in schema:
        return schema["enum"][0]
    if kind == "object" or "properties" in schema:
        return {k: sample(v, components, depth + 1) for k, v in schema.get("properties", {}).items()}
    if kind == "array":
        return [sample(schema.get("items", {}), components, depth + 1)]
    return {"integer": 1, "number": 1.5, "boolean": True}.get(kind, "x" if kind == "string" else None)


def api(base, token):
    opener = urllib.request.build_opener(NoRedirect())
    auth = {"Authorization": "Bearer " + token}

    def call(method, path, body=None, raw=None):
        data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
        headers = dict(auth, **({"Content-Type": "application/json"} if data is not None else {}))
        return fetch(opener, method, base + path, data, headers)

    spec = json.loads(call("GET", "/api/openapi.json")[2])
    components = spec.get("components", {}).get("schemas", {})

    def real(path):
        """The path with each parameter a record the user can see, where its list has one."""
        while "{" in path:
            start = path.index("{")
            listing = json.loads(call("GET", path[:start].rstrip("/"))[2] or b"{}")
            items = listing.get("items") if isinstance(listing, dict) else listing
            found = "x"
            if items and isinstance(items[0], dict):
                first = items[0]
                found = str(first.get("id") or next((v for k, v in first.items() if k.lower().endswith("id")), "x"))
            path = path[:start] + urllib.parse.quote(found, safe="") + path[path.index("}", start) + 1:]
        return path

    for template, operations in spec["paths"].items():
        for method, operation in operations.items():
            if method not in ("get", "post", "put", "patch", "delete"):
                continue
            method = method.upper()
            parameters = [resolve(p, components) for p in operation.get("parameters", []) + operations.get(
                "parameters", []) if isinstance(p, dict)]
            in_path = [p["name"] for p in parameters if p.get("in") == "path"]
            if method == "GET":
                for value in PATH_VALUES if in_path else []:
                    path = template
                    for name in in_path:
                        path = path.replace("{" + name + "}", value)
                    judge(f"GET {path[:80]}", *call("GET", path), True)
            path = real(template) if in_path else template
            if method == "GET":
                for parameter in (p for p in parameters if p.get("in") == "query"):
                    for value in QUERY_VALUES:
                        query = ("&" if "?" in path else "?") + parameter["name"] + "=" + value
                        judge(f"GET {template} {parameter['name']}={value[:20]}", *call("GET", path + query), True)
            body = operation.get("requestBody")
            if not body or method not in ("POST", "PUT", "PATCH") or not body.get("content"):
                continue
            schema = resolve(next(iter(body["content"].values())).get("schema", {}), components)
            good = sample(schema, components)
            sends = [("not JSON", None, b'{"a":'), ("a NUL", None, b'{"a":"\x00"}'),
                     ("not UTF-8", None, b'{"a":"\xff\xfe"}'), ("nested 5,000 deep", None, b"[" * 5000 + b"]" * 5000),
                     ("a number past any double", None, b'{"version": 1e999999}')]
            sends += [(f"the whole body {json.dumps(w)}", w, None) for w in (None, [], "s", 1, {})]
            if isinstance(good, dict):
                for key in good:
                    for value in VALUES:
                        sends.append((f"{key}={json.dumps(value)[:30]}", dict(good, **{key: value}), None))
            for what, value, raw in sends:
                judge(f"{method} {template} {what}", *call(method, path, body=value, raw=raw), True)


class Forms(HTMLParser):
    """The links and forms of a page, with each form's fields as the page filled them."""

    def __init__(self):
        super().__init__()
        self.links, self.forms, self.form, self.select = set(), [], None, None

    def handle_starttag(self, tag, attributes):
        a = dict(attributes)
        if tag == "a" and (a.get("href") or "").startswith("/"):
            self.links.add(a["href"].split("#")[0])
        if tag == "form":
            self.form = {"action": a.get("action") or "", "method": (a.get("method") or "get").lower(), "fields": {}}
            self.forms.append(self.form)
        if self.form is None or not a.get("name"):
            if tag == "option" and self.form is not None and self.form["fields"].get(self.select) == "":
                self.form["fields"][self.select] = a.get("value", "")
            return
        if tag == "input" and (a.get("type") not in ("checkbox", "radio") or "checked" in a):
            self.form["fields"].setdefault(a["name"], a.get("value", ""))
        elif tag in ("input", "textarea"):
            self.form["fields"].setdefault(a["name"], "")
        elif tag == "select":
            self.select = a["name"]
            self.form["fields"].setdefault(a["name"], "")

    def handle_endtag(self, tag):
        if tag == "form":
            self.form = None
        if tag == "select":
            self.select = None


def forms(base, username, most_pages=250):
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect())
    form_type = {"Content-Type": "application/x-www-form-urlencoded"}

    def post(path, fields):
        return fetch(opener, "POST", base + path, urllib.parse.urlencode(fields).encode(), form_type)

    login = Forms()
    login.feed(fetch(opener, "GET", base + "/login")[2].decode())
    csrf = login.forms[0]["fields"]["_csrf"]
    status = post("/login", {"_csrf": csrf, "next": "/", "username": username, "password": PASSWORD})[0]
    if status != 303:
        failures.append(f"{username} could not sign in: {status}")
        return
    # Pages are taken widest first, two of each shape (a path with its IDs and query values left out), so every
    # kind of page is reached before the many of one kind.
    seen, queue, found, shapes = set(), ["/"], [], {}
    while queue and len(seen) < most_pages:
        path = queue.pop(0)
        shape = re.sub(r"=[^&]*", "=", re.sub(r"/[0-9A-Za-z%-]{8,}", "/ID", path))
        if path in seen or shapes.get(shape, 0) >= 2 or re.search(r"logout|export|\.csv|download|/feed", path):
            continue
        seen.add(path)
        shapes[shape] = shapes.get(shape, 0) + 1
        status, headers, body = fetch(opener, "GET", base + path)
        judge(f"{username} GET {path}", status, headers, body, False)
        page = Forms()
        page.feed(body.decode("utf-8", "replace"))
        queue += sorted(page.links - seen)
        found += [(path, form) for form in page.forms]
    tried = set()
    before = requests
    for path, form in found:
        action = form["action"] or path
        if form["method"] != "post" or "logout" in action:
            continue
        kind = (re.sub(r"/[0-9A-Za-z-]{8,}", "/ID", action), tuple(sorted(form["fields"])))
        if kind in tried:
            continue
        tried.add(kind)
        for name in form["fields"]:
            if name == "_csrf":
                continue
            for value in FORM_VALUES:
                what = f"{username} POST {action} {name}={value[:20]!r}"
                status, headers, body = post(action, dict(form["fields"], **{name: value}))
                judge(what, status, headers, body, False)
                # Where the server sends the browser next must be a page it can show.
                location = headers.get("Location", "") if 300 <= status < 400 else ""
                if location.startswith("/") and len(location) <= MAX_LOCATION and "logout" not in location:
                    followed = fetch(opener, "GET", base + location)
                    if followed[0] >= 400:
                        failures.append(f"{what}: its redirect to {urllib.parse.unquote(location)[:300]!r} gives {followed[0]}")
    print(f"{username}: {len(seen)} pages, {len(tried)} kinds of form, {requests - before} posts")


def main():
    base, rest = sys.argv[1].rstrip("/"), sys.argv[2:]
    split = rest.index("--")
    for token in rest[:split]:
        before = requests
        api(base, token)
        print(f"API: {requests - before} requests")
    for username in rest[split + 1:]:
        forms(base, username)
    print(f"hostile input: {requests} requests, {len(failures)} failures")
    for failure in failures[:40]:
        print("  " + failure)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
