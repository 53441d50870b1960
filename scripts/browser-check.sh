#!/usr/bin/env bash
# Drives the real pages in headless Chromium: sign in → list subjects → open one → search → groups.
# Starts `liaison serve --demo` on a fresh data folder, saves screenshots under screenshots/, validates the
# OpenAPI document, and fails on any HTTP error or browser console error. Needs root on Debian for apt-get.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi
VENV=${LIAISON_CHECK_VENV:-.build/check-venv}
if [ ! -x "$VENV/bin/stix2_validator" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check selenium openapi-spec-validator stix2-validator
fi
# axe-core (Deque's accessibility engine) as packaged on PyPI; only its axe.min.js is used, injected by Selenium.
"$VENV/bin/python" -c 'import importlib.util, sys; sys.exit(importlib.util.find_spec("axe_playwright_python") is None)' \
  || "$VENV/bin/pip" install -q --disable-pip-version-check --no-deps axe-playwright-python
swift build --product liaison >/dev/null
DATA=$(mktemp -d)
PORT=${LIAISON_CHECK_PORT:-18080}
.build/debug/liaison serve --demo --data-dir "$DATA" --port "$PORT" >"$DATA/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true; rm -rf "$DATA"' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
  kill -0 $SERVER 2>/dev/null || { cat "$DATA/server.log"; exit 1; }
  sleep 0.5
done
# Written to a file, the demo logins and the address are there as soon as the server answers.
grep -q "Demo logins" "$DATA/server.log" && grep -q "Liaison is serving on" "$DATA/server.log" \
  || { echo "the server's start-up lines were not written at start"; cat "$DATA/server.log"; exit 1; }
# A partner file sent over the API, so the imports pages have something to show (two of its rows are refused).
TOKEN=$(.build/debug/liaison users token nca.analyst --data-dir "$DATA" --name browser-check)
# The command line's exit statuses: 1 when what was asked cannot be done, 64 when the command line is wrong.
expect_status() {
  local want=$1; shift
  set +e; "$@" >"$DATA/cli.out" 2>&1; local got=$?; set -e
  [ "$got" = "$want" ] || { echo "exit status $got, not $want, from: $*"; cat "$DATA/cli.out"; exit 1; }
  grep -q '^Error: ' "$DATA/cli.out" || { echo "no 'Error:' line from: $*"; cat "$DATA/cli.out"; exit 1; }
}
expect_status 1 .build/debug/liaison users token nobody --data-dir "$DATA" --name x
expect_status 1 .build/debug/liaison matches list --data-dir "$DATA" --as nobody
expect_status 1 .build/debug/liaison import subjects /nonexistent.csv --data-dir "$DATA" --source s --as nca.analyst
expect_status 64 .build/debug/liaison matches list --data-dir "$DATA" --as nca.analyst --status bogus
expect_status 64 .build/debug/liaison serve --data-dir "$DATA" --tls-key only.pem
expect_status 1 .build/debug/liaison serve --data-dir "$DATA" --port "$PORT"
grep -q "is in use: another server" "$DATA/cli.out" || { echo "a second server on the port was not refused in words"; exit 1; }
echo "command line: exit statuses 1 (cannot be done) and 64 (wrong command line), each with an Error: line"
python3 -c '
print("ref,first,last,dob")
for i in range(1, 1201):
    dob = "31/02/1990" if i in (7, 900) else "%02d/%02d/%d" % (1 + i % 28, 1 + i % 12, 1950 + i % 50)
    print("B%d,Given%d,Family%d,%s" % (i, i % 17, i, dob))' >"$DATA/partner.csv"
curl -fs -X POST -H "Authorization: Bearer $TOKEN" -H "Content-Type: text/csv" --data-binary @"$DATA/partner.csv" \
  "http://127.0.0.1:$PORT/api/v1/imports?source=browser-check&map=given_name%3Dfirst&map=surname%3Dlast&map=date_of_birth%3Ddob&dateFormat=dd/MM/yyyy&id=ref&fileName=partner.csv" >/dev/null
# A deportation case with two steps, for the cases pages.
SUBJECT=$(curl -fs -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/subjects?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
CASE=$(curl -fs -X POST -H "Authorization: Bearer $TOKEN" -d "{\"subjectID\":\"$SUBJECT\",\"homeOfficeReference\":\"B1234567\",\"fileLocation\":\"croydon\"}" \
  "http://127.0.0.1:$PORT/api/v1/cases" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
curl -fs -X POST -H "Authorization: Bearer $TOKEN" -d '{"version":1,"milestone":"liability-to-deport","reason":"sentenced to 14 months"}' \
  "http://127.0.0.1:$PORT/api/v1/cases/$CASE/steps" >/dev/null
curl -fs -X POST -H "Authorization: Bearer $TOKEN" -d '{"version":2,"barrier":"confiscation","note":"Crown Court confiscation proceedings"}' \
  "http://127.0.0.1:$PORT/api/v1/cases/$CASE/steps" >/dev/null
# A Person of Interest, assessed once, for the PoI pages.
POI=$(curl -fs -X POST -H "Authorization: Bearer $TOKEN" -d "{\"subjectID\":\"$SUBJECT\",\"lifetimeManagement\":true}" \
  "http://127.0.0.1:$PORT/api/v1/pois" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
curl -fs -X POST -H "Authorization: Bearer $TOKEN" \
  -d '{"version":1,"ratings":{"harm":4,"criminality":3,"capability":3,"influence":2,"exploitation":1},"rationale":"supplies firearms to two groups"}' \
  "http://127.0.0.1:$PORT/api/v1/pois/$POI/assessments" >/dev/null
# A Pursue intervention against the PoI in a multi-agency operation, completed with a seizure.
TODAY=$(date -u +%F)
INTERVENTION=$(curl -fs -X POST -H "Authorization: Bearer $TOKEN" \
  -d "{\"target\":{\"kind\":\"poi\",\"id\":\"$POI\"},\"category\":\"pursue\",\"tactic\":\"arrest\",\"partners\":[\"GMP\",\"BF\"],\"dueDate\":\"$TODAY\",\"operation\":\"OPERATION-SLATE\",\"description\":\"Warrants at three addresses\"}" \
  "http://127.0.0.1:$PORT/api/v1/interventions" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
curl -fs -X POST -H "Authorization: Bearer $TOKEN" \
  -d "{\"version\":1,\"outcome\":{\"kind\":\"seizure\",\"date\":\"$TODAY\",\"quantity\":1.5,\"unit\":\"kg\",\"commodity\":\"cocaine\",\"purity\":72,\"impact\":\"major\",\"narrative\":\"stash house\"}}" \
  "http://127.0.0.1:$PORT/api/v1/interventions/$INTERVENTION/steps" >/dev/null
curl -fs -X POST -H "Authorization: Bearer $TOKEN" -d '{"version":2,"status":"completed"}' \
  "http://127.0.0.1:$PORT/api/v1/interventions/$INTERVENTION/steps" >/dev/null
export LIAISON_CHECK_POI=$POI LIAISON_CHECK_SUBJECT=$SUBJECT
BANK_TOKEN=$(.build/debug/liaison users token exbank.alerts --data-dir "$DATA" --name browser-check)
export LIAISON_CHECK_EXPIRES=$(date -u -d '+60 days' +%F)
"$VENV/bin/python" scripts/browser_check.py "http://127.0.0.1:$PORT" screenshots
# The bank's STIX 2.1 feed, with the alert published in the pages, must satisfy the STIX validator strictly.
curl -fs -H "Authorization: Bearer $BANK_TOKEN" "http://127.0.0.1:$PORT/api/v1/alerts/feed/stix" >"$DATA/bundle.json"
grep -q "Invoice redirection by a cloned supplier domain" "$DATA/bundle.json"
"$VENV/bin/stix2_validator" --strict "$DATA/bundle.json"
# Then what no page would send, to every API operation and every form, each field in turn; the server must answer
# every request, in words, and still be up at the end.
ADMIN_TOKEN=$(.build/debug/liaison users token nca.admin --data-dir "$DATA" --name browser-check)
"$VENV/bin/python" scripts/hostile_input.py "http://127.0.0.1:$PORT" "$TOKEN" "$ADMIN_TOKEN" -- nca.analyst hocc.workflow nca.officer nca.admin
kill -0 $SERVER 2>/dev/null && curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null \
  || { echo "the server stopped under hostile input"; tail -50 "$DATA/server.log"; exit 1; }
# The audit chain, with what those requests wrote to it, still verifies.
.build/debug/liaison audit verify --data-dir "$DATA" | tail -1
