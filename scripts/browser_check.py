"""Walks Liaison's pages in headless Chromium as a user would and fails on any HTTP or console error."""
import importlib.util
import json
import os
import re
import sys
import urllib.parse
import urllib.request

from openapi_spec_validator import validate
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.support.ui import Select, WebDriverWait

base, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)

with urllib.request.urlopen(f"{base}/api/openapi.json") as response:
    validate(json.load(response))
print("openapi.json: valid OpenAPI 3.1")

options = webdriver.ChromeOptions()
for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1000", "--disable-dev-shm-usage"):
    options.add_argument(flag)
options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
failures = []
steps = []
AXE = open(os.path.join(importlib.util.find_spec("axe_playwright_python").submodule_search_locations[0], "axe.min.js")).read()
# The demo accounts: pages name people, never their usernames.
USERNAMES = re.compile(
    r"(?<![\w@.-])(nca|hocc|nwrocu|serocu|mps|gmp|psos|psni|hmrc|bf|glaa|mcc|nts|exbank)\.[a-z]+(?![\w@.-])")
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.I)
ISO_DAY = re.compile(r"(?<![\w/-])\d{4}-\d{2}-\d{2}(?![\w/-])")
axe_runs = 0


def fill_date(name, iso):
    """Types yyyy-mm-dd into a GOV.UK date input's three boxes."""
    year, month, day = iso.split("-")
    driver.find_element(By.ID, name).send_keys(day)
    driver.find_element(By.ID, f"{name}-month").send_keys(month)
    driver.find_element(By.ID, f"{name}-year").send_keys(year)


def accessibility(step, width):
    """axe-core's WCAG 2.1 A and AA rules on the page as it stands; each violation is a failure."""
    global axe_runs
    if not driver.execute_script("return typeof window.axe !== 'undefined'"):
        driver.execute_script(AXE)
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
        ".then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.nodes.length + ' × '"
        " + v.nodes.slice(0, 2).map(n => n.target.join(' ')).join(', ')))).catch(e => done(['axe failed: ' + e]));")
    axe_runs += 1
    for violation in result:
        failures.append(f"{step} at {width} px: {violation}")


def scan(step, expected=()):
    """What every page is checked for: record IDs and usernames shown to the reader, error summary links that go
    nowhere, a page wider than a phone at 375 px, chart text under 10 px there, and any HTTP status >= 400 or
    console error since the last step."""
    shown = driver.find_element(By.TAG_NAME, "body").text
    for found in sorted(set(UUID.findall(shown)))[:3]:
        failures.append(f"{step}: a record ID is shown to the reader: {found}")
    if "/admin/users" not in driver.current_url:  # account administration shows usernames
        for found in sorted({m.group(0) for m in USERNAMES.finditer(shown)})[:3]:
            failures.append(f"{step}: a username is shown to the reader: {found}")
    for found in sorted(set(ISO_DAY.findall(shown)))[:3]:
        failures.append(f"{step}: a date is shown as yyyy-mm-dd, not in words: {found}")
    broken = driver.execute_script(
        "return [...document.querySelectorAll('.error-summary a[href^=\"#\"]')]"
        ".map(a => a.getAttribute('href').slice(1)).filter(id => !document.getElementById(id));")
    for anchor in broken:
        failures.append(f"{step}: the error summary links to #{anchor}, which is not on the page")
    # A phone's viewport (a headless window cannot be made narrower than 500 px).
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride", {"width": 375, "height": 900, "deviceScaleFactor": 1, "mobile": True})
    wide = driver.execute_script("return document.documentElement.scrollWidth")
    if wide > 375:
        failures.append(f"{step}: at 375 px the page is {wide} px wide")
    # Chart text must stay readable on a phone: no label drawn smaller than 10 px.
    smallest = driver.execute_script(
        "const h = [...document.querySelectorAll('svg.chart text')].map(t => t.getBoundingClientRect().height)"
        ".filter(h => h > 0); return h.length ? Math.min(...h) : null;")
    if smallest is not None and smallest < 10:
        failures.append(f"{step}: at 375 px chart text is drawn {smallest:.1f} px high")
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.responseReceived":
            response = message["params"]["response"]
            if response["status"] >= 400 and response["status"] not in expected:
                failures.append(f"{step}: HTTP {response['status']} for {response['url']}")
    for entry in driver.get_log("browser"):
        refused = any(f"status of {status}" in entry["message"] for status in expected)
        if entry["level"] in ("SEVERE", "ERROR") and not refused:
            failures.append(f"{step}: console {entry['level']}: {entry['message']}")


def check(step, expected=()):
    """A step of the walk: screenshots at 1280 and 375 px, axe-core at both widths, and `scan`."""
    driver.save_screenshot(os.path.join(out, f"{step}.png"))
    accessibility(step, 1280)
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride", {"width": 375, "height": 900, "deviceScaleFactor": 1, "mobile": True})
    driver.save_screenshot(os.path.join(out, f"{step}-375.png"))
    accessibility(step, 375)
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    scan(step, expected)
    steps.append(step)
    print(f"{step}: {driver.title}")


def shape(href):
    """A link's page kind: its path with record IDs and numbers as placeholders, and its query's keys."""
    parts = urllib.parse.urlsplit(href)
    path = re.sub(r"/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "/{id}", parts.path, flags=re.I)
    path = re.sub(r"/\d+(?=/|$)", "/{n}", path)
    keys = ",".join(sorted({key for key, _ in urllib.parse.parse_qsl(parts.query, keep_blank_values=True)}))
    return path + ("?" + keys if keys else "")


SKIP = re.compile(r"^/(api/|metrics|assets/|logout)|export|\.csv|format=")
crawled_shapes = set()  # page kinds axe-core has checked at both widths, whoever was signed in
crawled_pages = 0
errored = set()  # page kinds whose first form has been sent
refused_forms = []
# Marks the main content's first form that has a box to type in, and says whether there is one. Forms whose only
# purpose is a button (acknowledge, publish, sign out) are left alone.
FIRST_FORM = """
const form = [...document.querySelectorAll('main form[method=post]')].find(f =>
  f.querySelector('input[type=text], input:not([type]), textarea'));
if (form) form.setAttribute('data-checked', '');
return !!form;"""


def crawl(username, budget=90):
    """Follows every link a signed-in user is shown, one page of each kind, from their home page: each page gets
    `scan`, and each kind of page axe-core at both widths once."""
    global crawled_pages
    queue, seen = ["/"], set()
    while queue and len(seen) < budget:
        href = queue.pop(0)
        kind = shape(href)
        if kind in seen:
            continue
        seen.add(kind)
        driver.get(base + href)
        step = f"as {username}: {href}"
        if kind not in crawled_shapes:
            crawled_shapes.add(kind)
            accessibility(step, 1280)
            driver.execute_cdp_cmd(
                "Emulation.setDeviceMetricsOverride",
                {"width": 375, "height": 900, "deviceScaleFactor": 1, "mobile": True})
            accessibility(step, 375)
            driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        scan(step)
        crawled_pages += 1
        if kind not in errored and driver.execute_script(FIRST_FORM):
            # The page's first form sent as it stands: where that is refused, the error state is checked too.
            errored.add(kind)
            driver.execute_script("document.querySelector('main form[data-checked]').requestSubmit();")
            WebDriverWait(driver, 15).until(lambda d: d.execute_script("return document.readyState") == "complete"
                                            and not d.find_elements(By.CSS_SELECTOR, "main form[data-checked]"))
            if driver.find_elements(By.CSS_SELECTOR, ".error-summary"):
                accessibility(step + " (refused)", 1280)
                driver.execute_cdp_cmd(
                    "Emulation.setDeviceMetricsOverride",
                    {"width": 375, "height": 900, "deviceScaleFactor": 1, "mobile": True})
                accessibility(step + " (refused)", 375)
                driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
                refused_forms.append(href)
            scan(step + " (sent)", expected=(422,))
            driver.get(base + href)
            scan(step)
        links = driver.execute_script(
            "return [...document.querySelectorAll('a[href^=\"/\"]')].filter(a => !a.hasAttribute('download'))"
            ".map(a => a.getAttribute('href'));")
        queue += [link for link in links if not SKIP.search(link) and shape(link) not in seen]
    print(f"crawled as {username}: {len(seen)} kinds of page")


try:
    driver.get(f"{base}/subjects")
    assert "Sign in" in driver.title, driver.title
    check("01-sign-in")
    driver.find_element(By.ID, "username").send_keys("nca.analyst")
    driver.find_element(By.ID, "password").send_keys("liaison-demo")
    driver.find_element(By.CSS_SELECTOR, "form[action='/login'] button").click()
    # Polling survives the moment a page is replaced under it (a click that navigates).
    wait = WebDriverWait(driver, 15, ignored_exceptions=(StaleElementReferenceException, WebDriverException))
    wait.until(EC.url_matches(r"/subjects$"))
    check("02-subjects")
    rows = driver.find_elements(By.CSS_SELECTOR, "tbody tr")
    assert len(rows) == 50, f"expected a full first page, got {len(rows)} rows"

    link = driver.find_element(By.CSS_SELECTOR, "tbody tr td a")
    name = link.text
    link.click()
    wait.until(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), name))
    check("03-subject")

    family = name.split(",")[0]
    driver.get(f"{base}/")
    box = driver.find_element(By.ID, "q")
    box.send_keys(family)
    box.submit()
    wait.until(EC.url_contains("/subjects?q="))
    results = [a.text for a in driver.find_elements(By.CSS_SELECTOR, "tbody tr td a")]
    assert name in results, f"{name} not found searching {family}: {results[:5]}"
    check("04-search")

    driver.get(f"{base}/subjects/new")
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    summary = wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, ".error-summary")))
    assert "There is a problem" in summary.text
    driver.save_screenshot(os.path.join(out, "05-form-errors.png"))
    driver.get_log("performance")  # the 422 for the invalid form is expected
    driver.get_log("browser")
    print("05-form-errors: error summary shown")

    # Adding someone we already hold: the likely match is shown before anything is saved.
    family, given = [part.strip() for part in name.split(",", 1)]
    driver.get(f"{base}/subjects/new")
    driver.find_element(By.ID, "given").send_keys(given)
    driver.find_element(By.ID, "family").send_keys(family.title())
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    panel = wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, ".matches")))
    assert "We may already hold this person" in panel.text, panel.text[:200]
    check("05b-likely-matches")

    # The review queue: find likely duplicates, open the first pair, decide, and see the history.
    driver.get(f"{base}/matches")
    driver.find_element(By.CSS_SELECTOR, "form[action='/matches/find'] button").click()
    wait.until(EC.url_contains("/matches?checked="))
    assert "new pairs to review" in driver.find_element(By.CSS_SELECTOR, ".notification").text
    check("05c-duplicates")
    driver.find_element(By.CSS_SELECTOR, "tbody tr td a").click()
    wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "main"), "Why the engine paired them"))
    check("05d-pair")
    driver.find_element(By.ID, "decision-unsure").click()
    driver.find_element(By.ID, "note").send_keys("Need the custody photographs")
    driver.find_element(By.CSS_SELECTOR, "form[action$='/decision'] button").click()
    wait.until(EC.url_contains("saved=1"))
    assert "Need the custody photographs" in driver.find_element(By.TAG_NAME, "main").text
    check("05e-decided")

    # The imports: a partner file loaded through the API, with its refused rows.
    driver.get(f"{base}/imports")
    driver.find_element(By.CSS_SELECTOR, "tbody tr td a").click()
    wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "main"), "Refused rows"))
    assert "'31/02/1990' is not a date of birth" in driver.find_element(By.TAG_NAME, "main").text
    check("05f-import")

    # A deportation case: its history and barriers, and the next step the rules allow.
    driver.get(f"{base}/cases")
    driver.find_element(By.CSS_SELECTOR, "tbody tr td a").click()
    wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "main"), "Barriers process started"))
    check("05g-case")

    # A partner's interest recorded from its email, then allocation: the owner's details are owed to HMRC at once.
    # Each step is its own page, reached from the case.
    case_url = driver.current_url
    driver.find_element(By.LINK_TEXT, "Register an agency's interest").click()
    wait.until(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Register an agency's interest"))
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, ".error-summary")))
    check("05h-interest-errors", expected=(422,))
    Select(driver.find_element(By.ID, "agencyCode")).select_by_value("HMRC")
    driver.find_element(By.ID, "reason").send_keys("Subject of an HMRC tax fraud investigation")
    driver.find_element(By.ID, "contact").send_keys("fno-desk@hmrc.demo.invalid")
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    wait.until(EC.url_contains("saved=1"))
    assert "Subject of an HMRC tax fraud investigation" in driver.find_element(By.CSS_SELECTOR, "main").text
    driver.find_element(By.LINK_TEXT, "Allocate the case to a case owner").click()
    wait.until(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Allocate the case"))
    Select(driver.find_element(By.ID, "allocateTo")).select_by_value("hocc.owner")
    check("05h-allocation")
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "main"), "Case owner's details"))
    check("05h-case-interest")
    # The next milestone: a date that does not exist is refused by its field; a good answer is checked first.
    driver.find_element(By.LINK_TEXT, "Record the next step").click()
    wait.until(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Record the next step"))
    driver.find_element(By.ID, "reason").send_keys("Tribunal decision")
    driver.find_element(By.ID, "removalDate").send_keys("31")
    driver.find_element(By.ID, "removalDate-month").send_keys("2")
    driver.find_element(By.ID, "removalDate-year").send_keys("2031")
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    summary = wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, ".error-summary")))
    assert "Removal date must be a real date" in summary.text, summary.text
    check("05h-milestone-errors", expected=(422,))
    for box in ("removalDate", "removalDate-month", "removalDate-year"):
        driver.find_element(By.ID, box).clear()
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    wait.until(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Check the milestone"))
    check("05h-milestone-check")
    driver.find_element(By.XPATH, "//button[text()='Record the milestone']").click()
    wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "main"), "Recorded."))
    assert driver.current_url.startswith(case_url.split("?")[0]), driver.current_url

    # Persons of Interest: the list, and one with its risk assessment and the form to assess again.
    driver.get(f"{base}/pois?overdue=1")
    check("05i-pois-overdue")
    driver.get(f"{base}/pois/{os.environ['LIAISON_CHECK_POI']}")
    wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "main"), "supplies firearms to two groups"))
    driver.find_element(By.CSS_SELECTOR, "details.panel summary").click()
    check("05i-poi")
    assert "Yes: subject to action" in driver.find_element(By.TAG_NAME, "main").text
    # The operation the intervention was planned under is set up as a record, and a GMP officer briefed into it.
    driver.get(f"{base}/operations")
    check("05j-operations")
    driver.find_element(By.ID, "name").send_keys("OPERATION-SLATE")
    driver.find_element(By.ID, "description").send_keys("Day of action against county lines supply, with partners through GAIN")
    for agency in ("GMP", "BF"):
        driver.find_element(By.ID, f"partners-{agency}").click()
    fill_date("startsOn", __import__("datetime").date.today().isoformat())
    driver.find_element(By.CSS_SELECTOR, "form[action='/operations'] button").click()
    wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "main"), "cocaine (kg): 1.50"))
    Select(driver.find_element(By.ID, "username")).select_by_value("gmp.intel")
    driver.find_element(By.XPATH, "//button[text()='Brief member']").click()
    wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "main"), "Intel (GMP demo)"))
    check("05k-operation")

    # A confiscation order against the subject, a payment against it, and the receipt's split between agencies.
    subject = os.environ["LIAISON_CHECK_SUBJECT"]
    driver.get(f"{base}/assets/new?targetKind=subject&targetID={subject}")
    Select(driver.find_element(By.ID, "power")).select_by_value("confiscation")
    for field, value in {"court": "Manchester Crown Court", "reference": "T20267001", "amount": "50000", "benefit": "240000",
                         "available": "50000", "compensation": "5000", "defaultSentenceMonths": "18", "prosecution": "GMP"}.items():
        driver.find_element(By.ID, field).send_keys(value)
    fill_date("madeOn", "2026-06-01")
    fill_date("timeToPay", "2026-09-01")
    check("05l-asset-form")
    driver.find_element(By.CSS_SELECTOR, "form[action='/assets'] button").click()
    wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "main"), "Record the next event"))
    driver.find_element(By.CSS_SELECTOR, "details.panel summary").click()
    fill_date("date", "2026-07-01")
    driver.find_element(By.ID, "amount").send_keys("20000")
    driver.find_element(By.XPATH, "//button[text()='Record event']").click()
    wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "main"), "Victims (compensation)"))
    check("05m-asset")

    # The performance report with its charts, its published version, and a local profile.
    driver.get(f"{base}/reports")
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "svg.chart")))
    assert "Assets collected" in driver.find_element(By.TAG_NAME, "main").text
    check("05n-report")
    driver.get(f"{base}/reports?published=1")
    wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "main"), "leaves out"))
    check("05o-report-published")
    driver.get(f"{base}/reports/profile?area=north-west")
    wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "main"), "What partners contributed"))
    check("05p-profile")

    # An intelligence report from a covert source, graded 1B with conditions, and submitted for assessment.
    # Written from the person's page, so the report is about them; a vehicle it mentions is linked too.
    driver.get(f"{base}/subjects/{subject}")
    driver.find_element(By.LINK_TEXT, "Write an intelligence report about this person").click()
    wait.until(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Write an intelligence report"))
    driver.find_element(By.ID, "text").send_keys("The subject collects cash from a Salford address on Fridays.")
    fill_date("infoDate", "2026-09-01")
    Select(driver.find_element(By.ID, "sourceKind")).select_by_value("covert")
    driver.find_element(By.ID, "sourceDescription").send_keys("Registered source")
    driver.find_element(By.ID, "covertReference").send_keys("CHIS-0042")
    driver.find_element(By.ID, "links").send_keys("vehicle: MX19 ABC")
    Select(driver.find_element(By.ID, "gradeSource")).select_by_value("1")
    Select(driver.find_element(By.ID, "gradeAssessment")).select_by_value("B")
    Select(driver.find_element(By.ID, "handling")).select_by_value("C")
    driver.find_element(By.ID, "conditions").send_keys("no onward sharing without NCA agreement")
    check("05q-intel-form")
    driver.find_element(By.CSS_SELECTOR, "form[action='/intelligence'] button").click()
    wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "h1"), "1BC"))
    driver.find_element(By.XPATH, "//button[text()='Submit']").click()
    wait.until(EC.url_contains("saved=1"))
    wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "main"), "Saved."))
    check("05r-intel-report")

    # Search finds the report by a linked vehicle; GAIN asks two agencies about the subject.
    driver.get(f"{base}/intelligence?q=MX19+ABC")
    wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "main"), "1 report(s) you may see match"))
    check("05s-intel-search")
    driver.get(f"{base}/gain")
    driver.find_element(By.CSS_SELECTOR, "details.panel summary").click()
    driver.find_element(By.ID, "given").send_keys("Babatunde")
    driver.find_element(By.ID, "family").send_keys("Adeyemi")
    for agency in ("NCA", "HMRC"):
        driver.find_element(By.ID, f"agencies-{agency}").click()
    driver.find_element(By.ID, "purpose").send_keys("Deportation case B1234567: is he known to partners?")
    driver.find_element(By.CSS_SELECTOR, "form[action='/gain'] button").click()
    wait.until(EC.url_contains("saved=1"))
    wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "main"), "Saved."))
    check("05t-gain")
    # GAIN about the vehicle the report links: the agency holding the report answers hit, and sees the request.
    driver.find_element(By.CSS_SELECTOR, "details.panel summary").click()
    driver.find_element(By.ID, "vehicle").send_keys("mx19 abc")
    for agency in ("NCA", "GMP"):
        driver.find_element(By.ID, f"agencies-{agency}").click()
    driver.find_element(By.ID, "purpose").send_keys("Operation Kestrel: who knows this car?")
    driver.find_element(By.CSS_SELECTOR, "form[action='/gain'] button").click()
    wait.until(EC.url_contains("saved=1"))
    wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "main"), "About a vehicle: MX19 ABC"))
    card = driver.find_element(By.XPATH, "//div[@class='card'][h3[text()='About a vehicle: MX19 ABC']]")
    assert "nca: hit" in card.text.lower() and "gmp: no hit" in card.text.lower(), card.text
    assert driver.find_elements(By.CSS_SELECTOR, "a[href^='/intelligence/']"), "the hit names the holding agency's report"
    check("05u-gain-vehicle")

    driver.get(f"{base}/ocgs?status=active")
    check("06-groups")
    driver.find_element(By.CSS_SELECTOR, "tbody tr td a").click()
    wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "main"), "Members"))
    check("07-group")

    driver.get(f"{base}/logout")  # a GET is not allowed: sign-out is a form post
    driver.get_log("performance")
    driver.get_log("browser")
    driver.get(f"{base}/")
    driver.find_element(By.CSS_SELECTOR, "header form button").click()
    wait.until(EC.url_matches(r"/login$"))
    check("08-signed-out")

    def sign_in(username, lands=r"/$"):
        driver.find_element(By.ID, "username").send_keys(username)
        driver.find_element(By.ID, "password").send_keys("liaison-demo")
        driver.find_element(By.CSS_SELECTOR, "form[action='/login'] button").click()
        wait.until(EC.url_matches(lands))

    def sign_out():
        driver.get(f"{base}/")
        driver.find_element(By.CSS_SELECTOR, "header form button").click()
        wait.until(EC.url_matches(r"/login$"))

    # HMRC's partner officer acknowledges the notice in its inbox, answering with what HMRC holds.
    sign_in("hmrc.officer")
    driver.get(f"{base}/inbox")
    check("09-inbox")
    # The notice for the case is opened on its own page and acknowledged with a reply.
    row = driver.find_element(By.XPATH, "//tr[td[contains(., 'B1234567')]]")
    row.find_element(By.LINK_TEXT, "Reply").click() if row.find_elements(By.LINK_TEXT, "Reply") else row.find_element(By.PARTIAL_LINK_TEXT, "Reply").click()
    wait.until(EC.presence_of_element_located((By.ID, "reply")))
    check("09b-inbox-notice")
    driver.find_element(By.ID, "reply").send_keys("We hold a copy of his passport")
    driver.find_element(By.CSS_SELECTOR, "main form button").click()
    wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "main"), "Acknowledged."))
    sign_out()

    # Seed 001 through the pages, role by role. The workflow team opens a case from the person's page (the NCA's
    # interest in the person applies to it at once), records GMP's interest from its email and allocates the case.
    sign_in("hocc.workflow")
    driver.get(f"{base}/subjects")
    driver.find_element(By.CSS_SELECTOR, "tbody tr td a").click()
    driver.find_element(By.LINK_TEXT, "Open a deportation case").click()
    wait.until(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Open a deportation case"))
    driver.find_element(By.ID, "homeOfficeReference").send_keys("C7654321")
    check("09c-workflow-open-case")
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    wait.until(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "C7654321"))
    driver.find_element(By.LINK_TEXT, "Register an agency's interest").click()
    Select(driver.find_element(By.ID, "agencyCode")).select_by_value("GMP")
    driver.find_element(By.ID, "reason").send_keys("Subject of a GMP investigation")
    driver.find_element(By.ID, "contact").send_keys("fno-desk@gmp.demo.invalid")
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    wait.until(EC.url_contains("saved=1"))
    assert "Subject of a GMP investigation" in driver.find_element(By.CSS_SELECTOR, "main").text
    driver.find_element(By.LINK_TEXT, "Allocate the case to a case owner").click()
    Select(driver.find_element(By.ID, "allocateTo")).select_by_value("hocc.owner")
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "main"), "Owner (HOCC demo)"))
    check("09d-workflow-allocated")
    sign_out()
    # The case owner finds it among their cases and records the first milestone, checked before it is sent.
    sign_in("hocc.owner")
    driver.get(f"{base}/cases?allocation=mine")
    driver.find_element(By.LINK_TEXT, "C7654321").click()
    driver.find_element(By.LINK_TEXT, "Record the next step").click()
    Select(driver.find_element(By.ID, "milestone")).select_by_value("liability-to-deport")
    driver.find_element(By.ID, "reason").send_keys("Sentenced to 14 months")
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    wait.until(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Check the milestone"))
    assert "NCA" in driver.find_element(By.CSS_SELECTOR, ".warning-text").text
    driver.find_element(By.XPATH, "//button[text()='Record the milestone']").click()
    wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "main"), "Recorded."))
    check("09e-owner-milestone")
    sign_out()
    # The NCA officer sees what the NCA is owed about the case in the inbox and acknowledges it.
    sign_in("nca.officer")
    driver.get(f"{base}/inbox")
    rows = driver.find_elements(By.XPATH, "//tr[td[contains(., 'C7654321')]]")
    assert rows, "the NCA is owed notices about C7654321"
    check("09f-officer-inbox")
    rows[0].find_element(By.PARTIAL_LINK_TEXT, "Reply").click()
    wait.until(EC.presence_of_element_located((By.ID, "reply")))
    driver.find_element(By.ID, "reply").send_keys("Noted by the NCA desk")
    driver.find_element(By.CSS_SELECTOR, "main form button").click()
    wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "main"), "Acknowledged."))
    sign_out()

    # A senior caseworker's dashboard, and the guidance with its history.
    sign_in("hocc.senior")
    check("10-senior-home")
    driver.get(f"{base}/obligations?state=overdue")
    wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "main"), "By team and agency"))
    check("10b-obligations")
    driver.get(f"{base}/guidance/consultation")
    check("11-guidance")
    driver.get(f"{base}/scoring")
    wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "main"), "Persons of Interest: risk"))
    check("12-scoring")
    driver.get(f"{base}/assessments/due")
    check("13-reassessments-due")
    sign_out()

    # The NCA's administrator sees where its notices go, and makes a signing secret, shown once.
    sign_in("nca.admin")
    driver.get(f"{base}/admin/delivery")
    driver.find_element(By.CSS_SELECTOR, "form[action='/admin/delivery/secret'] button").click()
    wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "main"), "shown only this once"))
    check("13b-delivery-settings")
    sign_out()

    # An NCA supervisor writes an industry alert for banks and publishes it.
    sign_in("nca.supervisor")
    driver.get(f"{base}/alerts/new")
    driver.find_element(By.ID, "title").send_keys("Invoice redirection by a cloned supplier domain")
    Select(driver.find_element(By.ID, "category")).select_by_value("fraud-threat")
    driver.find_element(By.ID, "summary").send_keys("Businesses receive emails from a look-alike supplier domain asking them to change bank details.")
    driver.find_element(By.ID, "guidance").send_keys("Hold first payments to newly changed payee details and call the supplier on a known number.")
    driver.find_element(By.ID, "indicators").send_keys("domain: supplier-accounts.example.com\nemail: ledger@supplier-accounts.example.com\nphone: 07700 900123")
    driver.find_element(By.ID, "sector-banking").click()
    fill_date("expiresOn", os.environ.get("LIAISON_CHECK_EXPIRES", "2099-01-01"))
    driver.find_element(By.CSS_SELECTOR, "form[action='/alerts'] button").click()
    wait.until(EC.url_contains("saved=1"))
    driver.find_element(By.CSS_SELECTOR, "form[action$='/steps'] button[value=publish]").click()
    wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "main"), "published"))
    check("14-alert-published")
    sign_out()

    # The bank's user lands on its alerts, acknowledges the new one and sends feedback; nothing else is open to it.
    sign_in("exbank.alerts", r"/alerts$")
    assert "Invoice redirection by a cloned supplier domain" in driver.find_element(By.TAG_NAME, "main").text
    nav = [a.text for a in driver.find_elements(By.CSS_SELECTOR, "nav a")]
    assert nav == ["Industry alerts"], nav
    check("15-bank-alerts")
    driver.find_element(By.LINK_TEXT, "Invoice redirection by a cloned supplier domain").click()
    wait.until(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Invoice redirection"))
    driver.find_element(By.CSS_SELECTOR, "form[action$='/acknowledgement'] button").click()
    wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "main"), "Acknowledged by Alerts (EXBANK demo)"))
    driver.find_element(By.CSS_SELECTOR, "details.panel summary").click()
    driver.find_element(By.ID, "rating-acted-on").click()
    driver.find_element(By.ID, "text").send_keys("Two payments held; the supplier confirmed the change was not theirs.")
    driver.find_element(By.CSS_SELECTOR, "form[action$='/feedback'] button").click()
    wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "main"), "Two payments held"))
    check("16-bank-feedback")
    driver.get(f"{base}/subjects")
    assert "private-sector users see industry alerts only" in driver.find_element(By.TAG_NAME, "main").text
    driver.save_screenshot(os.path.join(out, "17-bank-refused.png"))
    driver.get_log("performance")  # the 403 is the point
    driver.get_log("browser")
    print("17-bank-refused: subjects refused to a private-sector user")
    sign_out()

    # Every page each kind of user can reach by following links, from their home page.
    for username in ("nca.analyst", "hocc.senior", "hocc.workflow", "nca.admin", "hmrc.officer", "nca.bpss",
                     "gmp.intel", "exbank.alerts"):
        sign_in(username, r"/(alerts)?$")
        crawl(username)
        sign_out()
finally:
    driver.quit()

if failures:
    print("\n".join(failures))
    sys.exit(1)
print(
    f"Browser check passed: all {len(steps) + 1} steps and {crawled_pages} pages reached by following links as 8 "
    f"users ({len(crawled_shapes)} kinds of page; {len(refused_forms)} forms sent empty or as shown and refused, "
    f"their errors checked too): no HTTP or console errors, no record IDs, usernames or yyyy-mm-dd dates shown, "
    f"axe-core clean on {axe_runs} runs at 1280 and 375 px, nothing wider than 375 px.")
