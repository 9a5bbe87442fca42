#!/usr/bin/env python3
"""Accessibility and browser checks of a built Leafpress site, in headless Chromium.

    python3 scripts/standards/axe.py SITE_DIR [--origin file|http|both] [--port N]

For every page of the site (at least the index, a leaflet, a translated leaflet, the
right-to-left leaflet, a translated index and 404.html must be there), opened from disk
(file://) and/or from a `python3 -m http.server` on 127.0.0.1 that this script starts and
stops:

- axe-core (PyPI selenium-axe-python, which bundles axe-core 4.9) with the wcag2a,
  wcag2aa, wcag21a, wcag21aa, wcag22aa and best-practice rules: zero violations of any
  impact (the search results are checked too, after a search);
- exactly one h1, no skipped heading levels;
- the skip link is the first thing Tab reaches, is visible then, and its target exists;
- every element Tab reaches has a visible focus indicator: an outline of 2px or more with
  3:1 contrast against what is around it;
- at 200% zoom of a 1280px window (640 CSS px) and at 320 CSS px (WCAG reflow) the page
  does not scroll sideways;
- with WCAG 1.4.12 text spacing at 320 CSS px, nothing is cut off or scrolls sideways;
- the stylesheet has a prefers-reduced-motion query, and with reduced motion emulated
  nothing animates and scrolling is not smooth;
- links in navigation and other controls are at least 24 by 24 CSS px, and form controls
  have 3:1 contrast with their surroundings;
- care cards announce their level in text (a visually hidden prefix in their heading);
- Content-Security-Policy: the page carries one, every stylesheet and script loads under
  it, and the console has no CSP violation or other error;
- the search box works: typing "bone" on the index lists Bone Marrow Harvesting, and its
  link opens that leaflet.

Prints a report and exits 1 if anything fails. Needs Debian chromium and
chromium-driver (`bash scripts/install-deps.sh --test`); installs the PyPI packages in
scripts/standards/requirements.txt if they are missing.
"""
import argparse
import contextlib
import http.client
import os
import pathlib
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse

HERE = pathlib.Path(__file__).resolve().parent

sys.path.insert(0, str(HERE))
import _deps  # noqa: E402

_deps.ensure("selenium", "selenium_axe_python")
from selenium import webdriver  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402
import selenium_axe_python  # noqa: E402


AXE_SCRIPT = pathlib.Path(selenium_axe_python.__file__).parent / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
REQUIRED_PAGES = [
    "index.html",
    "bone-marrow-harvesting.html",
    "colonoscopia.html",
    "going-home-after-pneumonia-ar.html",
    "es/index.html",
    "404.html",
]
DESKTOP = (1280, 900)
ZOOM_WIDTHS = [640, 320]  # 200% of 1280px; WCAG 1.4.10 reflow at 320 CSS px
MIN_TARGET = 24

# Runs in the page before any of its own scripts: records CSP violations.
CSP_RECORDER = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') +
    (e.sourceFile ? ' (' + e.sourceFile + ':' + e.lineNumber + ')' : ''));
});
"""

# Shared helpers, prepended to the page-side checks.
JS_HELPERS = r"""
function parseColor(text) {
  var m = /rgba?\(([^)]+)\)/.exec(text || '');
  if (!m) { return null; }
  var p = m[1].split(/[ ,\/]+/).filter(Boolean).map(parseFloat);
  return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
}
function luminance(c) {
  function ch(v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }
  return 0.2126 * ch(c.r) + 0.7152 * ch(c.g) + 0.0722 * ch(c.b);
}
function contrast(a, b) {
  var l1 = luminance(a), l2 = luminance(b);
  return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
}
function backgroundBehind(el) {
  for (var node = el; node && node.nodeType === 1; node = node.parentElement) {
    var c = parseColor(getComputedStyle(node).backgroundColor);
    if (c && c.a > 0.5) { return c; }
  }
  return {r: 255, g: 255, b: 255, a: 1};
}
function describe(el) {
  var text = (el.textContent || el.getAttribute('aria-label') || el.getAttribute('placeholder') || '').trim().replace(/\s+/g, ' ');
  var id = el.id ? '#' + el.id : '';
  var cls = el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '';
  return el.tagName.toLowerCase() + id + cls + (text ? ' "' + text.slice(0, 50) + '"' : '');
}
"""


class Report:
    def __init__(self):
        self.failures = []
        self.passed = 0
        self.violations = 0

    def check(self, where, name, problems):
        """problems: list of strings; empty means passed."""
        if problems:
            self.failures.append((where, name, problems))
            print(f"  ✗ {name}")
            for problem in problems:
                print(f"      {problem}")
        else:
            self.passed += 1
            print(f"  ✓ {name}")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def http_server(site, port):
    """python3 -m http.server on 127.0.0.1:port serving site, stopped on exit."""
    process = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(site)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 15
        while True:
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
                connection.request("HEAD", "/")
                connection.getresponse()
                connection.close()
                break
            except OSError:
                if process.poll() is not None or time.time() > deadline:
                    raise SystemExit(f"axe: the local web server on 127.0.0.1:{port} did not start")
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}/"
    finally:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def start_browser():
    browser = os.environ.get("LEAFPRESS_BROWSER") or shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    if not browser or not driver_path:
        raise SystemExit("axe: needs Debian chromium and chromium-driver: bash scripts/install-deps.sh --test")
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     f"--window-size={DESKTOP[0]},{DESKTOP[1]}", "--force-device-scale-factor=1",
                     "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                     "--disable-background-networking", "--disable-component-update", "--lang=en-GB"]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=webdriver.ChromeService(executable_path=driver_path), options=options)
    driver.set_script_timeout(120)
    driver.set_page_load_timeout(60)
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": CSP_RECORDER})
    return driver


def desktop(driver):
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "", "features": []})


def load(driver, url):
    desktop(driver)
    driver.get("about:blank")
    driver.get_log("browser")  # drop what earlier pages logged
    driver.get(url)
    WebDriverWait(driver, 30).until(lambda d: d.execute_script("return document.readyState") == "complete")


def run_axe(driver, context_note=""):
    if not driver.execute_script("return typeof window.axe === 'object'"):
        driver.execute_script(AXE_SCRIPT.read_text(encoding="utf-8"))
    # preload: false: axe would re-fetch the stylesheets with XMLHttpRequest, which file://
    # pages may not do (a console error that is axe's, not the page's); only the
    # experimental css-orientation-lock rule needs it.
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "preload": False}
    results = driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "axe.run(document, arguments[0]).then(function (r) { done(r); }, function (e) { done({error: String(e)}); });",
        options)
    if "error" in results:
        return [f"axe failed to run: {results['error']}"], results
    problems = []
    for violation in results["violations"]:
        problems.append(f"axe {violation['id']} ({violation['impact']}): {violation['help']} — {violation['helpUrl']}")
        for node in violation["nodes"][:8]:
            target = " ".join(str(t) for t in node["target"])
            summary = (node.get("failureSummary") or "").replace("\n", " ").strip()
            problems.append(f"    {target}: {summary[:300]}")
        if len(violation["nodes"]) > 8:
            problems.append(f"    … and {len(violation['nodes']) - 8} more elements")
    return problems, results


def check_headings(driver):
    return driver.execute_script(JS_HELPERS + r"""
      var problems = [];
      var h1s = document.querySelectorAll('h1');
      if (h1s.length !== 1) { problems.push(h1s.length + ' h1 elements (exactly one wanted)'); }
      var previous = 0;
      document.querySelectorAll('h1, h2, h3, h4, h5, h6').forEach(function (h) {
        var level = parseInt(h.tagName.substring(1), 10);
        if (previous === 0 && level !== 1) { problems.push('first heading is ' + describe(h) + ', not an h1'); }
        if (previous !== 0 && level > previous + 1) {
          problems.push('skipped from h' + previous + ' to h' + level + ' at ' + describe(h));
        }
        previous = level;
      });
      return problems;
    """)


def check_care_cards(driver):
    return driver.execute_script(JS_HELPERS + r"""
      var problems = [];
      document.querySelectorAll('.care-card').forEach(function (card) {
        var label = card.getAttribute('aria-labelledby');
        var heading = label ? document.getElementById(label) : card.querySelector('h2, h3');
        if (!heading) { problems.push(describe(card) + ' has no heading naming it'); return; }
        var prefix = heading.querySelector('.visually-hidden');
        var prefixText = prefix ? prefix.textContent.trim() : '';
        if (!prefixText) { problems.push(describe(heading) + ' does not say the care level in text'); return; }
        if (heading.textContent.trim().indexOf(prefixText) !== 0) {
          problems.push(describe(heading) + ' does not start with its level "' + prefixText + '"');
        }
        // Visible too: a text label, not colour alone.
        var visible = card.querySelector('.care-card__level');
        if (!visible || !visible.textContent.trim() || visible.getBoundingClientRect().width === 0) {
          problems.push(describe(card) + ' shows no visible text label for its level');
        }
      });
      return problems;
    """)


def check_stylesheets_and_scripts(driver):
    return driver.execute_script(r"""
      var problems = [];
      var csp = document.querySelector('meta[http-equiv="Content-Security-Policy" i]');
      if (!csp) { problems.push('no Content-Security-Policy meta tag'); }
      document.querySelectorAll('link[rel~="stylesheet"]').forEach(function (link) {
        if (!link.sheet) { problems.push('stylesheet did not load: ' + link.href); }
      });
      var skip = document.querySelector('.skip-link');
      if (!skip || getComputedStyle(skip).position !== 'absolute') {
        problems.push('the theme stylesheet is not applied (skip link is not positioned)');
      }
      if (document.querySelector('[data-search]')) {
        if (!window.LEAFPRESS_SEARCH) { problems.push('search index script did not run'); }
        if (document.querySelector('[data-search]').hidden) { problems.push('search.js did not run (search box still hidden)'); }
      }
      (window.__cspViolations || []).forEach(function (v) { problems.push('CSP violation: ' + v); });
      return problems;
    """)


def console_problems(driver):
    problems = []
    for entry in driver.get_log("browser"):
        message = entry.get("message", "")
        if entry.get("level") in ("SEVERE", "ERROR") or "Content Security Policy" in message or "Content-Security-Policy" in message:
            problems.append(f"console {entry.get('level')}: {message[:300]}")
    return problems


def check_skip_link(driver):
    driver.execute_script("window.scrollTo(0, 0); if (document.activeElement) { document.activeElement.blur(); }")
    webdriver.ActionChains(driver).send_keys(Keys.TAB).perform()
    return driver.execute_script(JS_HELPERS + r"""
      var problems = [];
      var el = document.activeElement;
      if (!el || !el.classList.contains('skip-link')) {
        problems.push('the first Tab stop is ' + (el ? describe(el) : 'nothing') + ', not the skip link');
        el = document.querySelector('.skip-link');
        if (!el) { return problems; }
      }
      var href = el.getAttribute('href') || '';
      if (href.charAt(0) !== '#' || !document.getElementById(decodeURIComponent(href.slice(1)))) {
        problems.push('skip link target ' + href + ' does not exist');
      }
      var r = el.getBoundingClientRect();
      if (document.activeElement === el && (r.bottom <= 0 || r.top >= innerHeight || r.width < 1)) {
        problems.push('focused skip link is not visible on screen');
      }
      return problems;
    """)


def check_focus_visible(driver, limit=400):
    """Tabs through the page: each stop needs an outline >= 2px with >= 3:1 contrast."""
    driver.execute_script("window.scrollTo(0, 0); if (document.activeElement) { document.activeElement.blur(); }")
    problems, seen, stops = [], set(), 0
    for _ in range(limit):
        webdriver.ActionChains(driver).send_keys(Keys.TAB).perform()
        result = driver.execute_script(JS_HELPERS + r"""
          var el = document.activeElement;
          if (!el || el === document.body) { return null; }
          if (!el.__leafpressStop) { el.__leafpressStop = Math.random().toString(36).slice(2); }
          var s = getComputedStyle(el);
          var width = parseFloat(s.outlineWidth) || 0;
          var color = parseColor(s.outlineColor);
          var problem = null;
          if (s.outlineStyle === 'none' || width < 2) {
            if (s.boxShadow === 'none') { problem = 'no visible focus indicator on ' + describe(el); }
          } else if (color) {
            // The outline sits outside the element (outline-offset >= 0): compare with the parent's background.
            var around = backgroundBehind(el.parentElement || el);
            var ratio = contrast(color, around);
            if (ratio < 3) { problem = 'focus outline contrast ' + ratio.toFixed(2) + ':1 (< 3:1) on ' + describe(el); }
          }
          return {id: el.__leafpressStop, problem: problem};
        """)
        if result is None or result["id"] in seen:
            break
        seen.add(result["id"])
        stops += 1
        if result["problem"]:
            problems.append(result["problem"])
    if stops == 0:
        problems.append("Tab reaches nothing on the page")
    return problems, stops


def check_reflow(driver):
    problems = []
    for width in ZOOM_WIDTHS:
        scale = DESKTOP[0] / width
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": int(DESKTOP[1] / scale), "deviceScaleFactor": scale, "mobile": False})
        overflow = driver.execute_script(JS_HELPERS + r"""
          var root = document.documentElement;
          var viewport = root.clientWidth;
          if (root.scrollWidth <= viewport + 1 && document.body.scrollWidth <= viewport + 1) { return null; }
          var culprits = [];
          document.querySelectorAll('body *').forEach(function (el) {
            var r = el.getBoundingClientRect();
            if (r.width > 0 && (r.right > viewport + 1 || r.left < -1) && culprits.length < 5) { culprits.push(describe(el) + ' [' + Math.round(r.left) + '..' + Math.round(r.right) + ']'); }
          });
          return {scroll: root.scrollWidth, viewport: viewport, culprits: culprits};
        """)
        if overflow:
            problems.append(f"at {width} CSS px ({int(scale * 100)}% zoom) the page scrolls sideways: "
                            f"{overflow['scroll']}px wide in a {overflow['viewport']}px viewport; "
                            + "; ".join(overflow["culprits"]))
    desktop(driver)
    return problems


def check_text_spacing(driver):
    """WCAG 1.4.12: with line height 1.5, paragraph spacing 2em, letter spacing 0.12em and
    word spacing 0.16em, no text is cut off and the page does not scroll sideways (at 320
    CSS px). Set through the CSSOM, which the page's CSP allows, unlike a <style>."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": 320, "height": 800, "deviceScaleFactor": 4, "mobile": False})
    problems = driver.execute_script(JS_HELPERS + r"""
      document.querySelectorAll('body, body *').forEach(function (el) {
        el.style.setProperty('line-height', '1.5', 'important');
        el.style.setProperty('letter-spacing', '0.12em', 'important');
        el.style.setProperty('word-spacing', '0.16em', 'important');
        if (el.tagName === 'P') { el.style.setProperty('margin-block-end', '2em', 'important'); }
      });
      var problems = [];
      var root = document.documentElement;
      if (root.scrollWidth > root.clientWidth + 1) {
        var culprits = [];
        document.querySelectorAll('body *').forEach(function (el) {
          var r = el.getBoundingClientRect();
          if (r.width > 0 && (r.right > root.clientWidth + 1 || r.left < -1) && culprits.length < 5) {
            culprits.push(describe(el) + ' [' + Math.round(r.left) + '..' + Math.round(r.right) + ']');
          }
        });
        problems.push('the page scrolls sideways: ' + root.scrollWidth + 'px in ' + root.clientWidth + 'px; ' + culprits.join('; '));
      }
      document.querySelectorAll('body *').forEach(function (el) {
        if (el.closest('.visually-hidden')) { return; }
        var s = getComputedStyle(el);
        var clips = /hidden|clip/.test(s.overflowX + s.overflowY);
        if (clips && (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1) && problems.length < 10) {
          problems.push('text cut off in ' + describe(el));
        }
      });
      return problems;
    """)
    desktop(driver)
    driver.refresh()
    WebDriverWait(driver, 30).until(lambda d: d.execute_script("return document.readyState") == "complete")
    return problems


def check_reduced_motion(driver, site):
    problems = []
    css = (site / "theme" / "style.css").read_text(encoding="utf-8")
    if not re.search(r"@media[^{]*prefers-reduced-motion\s*:\s*reduce", css):
        problems.append("theme/style.css has no @media (prefers-reduced-motion: reduce) rule")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
        "media": "", "features": [{"name": "prefers-reduced-motion", "value": "reduce"}]})
    state = driver.execute_script(r"""
      return {
        matches: matchMedia('(prefers-reduced-motion: reduce)').matches,
        scroll: getComputedStyle(document.documentElement).scrollBehavior,
        animations: document.getAnimations ? document.getAnimations().length : 0
      };
    """)
    if not state["matches"]:
        problems.append("could not emulate prefers-reduced-motion: reduce")
    if state["scroll"] != "auto":
        problems.append(f"scroll-behavior is {state['scroll']} with reduced motion")
    if state["animations"]:
        problems.append(f"{state['animations']} animations run with reduced motion")
    desktop(driver)
    return problems


def check_targets(driver):
    return driver.execute_script(JS_HELPERS + r"""
      var problems = [];
      var min = arguments[0];
      var controls = document.querySelectorAll('nav a, input, button, select, textarea, .pdf-link, .leaflet-card__title');
      controls.forEach(function (el) {
        var r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) { return; }  // not rendered (hidden)
        if (r.width < min - 0.01 || r.height < min - 0.01) {
          problems.push(describe(el) + ' is ' + r.width.toFixed(1) + '×' + r.height.toFixed(1) + ' px (< ' + min + '×' + min + ')');
        }
      });
      return problems;
    """, MIN_TARGET)


def check_ui_contrast(driver):
    """WCAG 1.4.11: a form control's edge (border, or its own background) has 3:1 contrast
    with what is around it."""
    return driver.execute_script(JS_HELPERS + r"""
      var problems = [];
      document.querySelectorAll('input:not([type=hidden]), select, textarea, button').forEach(function (el) {
        var r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) { return; }
        var s = getComputedStyle(el);
        var around = backgroundBehind(el.parentElement || el);
        var best = 1;
        if (parseFloat(s.borderTopWidth) >= 1 && s.borderTopStyle !== 'none') {
          var border = parseColor(s.borderTopColor);
          if (border && border.a > 0.5) { best = Math.max(best, contrast(border, around)); }
        }
        var own = parseColor(s.backgroundColor);
        if (own && own.a > 0.5) { best = Math.max(best, contrast(own, around)); }
        if (best < 3) { problems.push(describe(el) + ': edge contrast ' + best.toFixed(2) + ':1 (< 3:1)'); }
      });
      return problems;
    """)


def check_search(driver, report, where, page_url, term, expected_title):
    """Types `term` into the search box; `expected_title` must be listed and open its leaflet."""
    problems = []
    box = driver.find_element(By.CSS_SELECTOR, "[data-search] input")
    box.clear()
    box.send_keys(term)
    try:
        WebDriverWait(driver, 5).until(lambda d: d.execute_script(
            "var title = arguments[0];"
            "return Array.from(document.querySelectorAll('#search-results a')).some(function (a) {"
            " return a.textContent.trim() === title; })", expected_title))
    except Exception:
        listed = driver.execute_script(
            "return Array.from(document.querySelectorAll('#search-results a')).map(function (a) { return a.textContent; })")
        problems.append(f"typing {term!r} lists {listed}, not {expected_title!r}")
        report.check(where, f"search: {term!r} finds {expected_title}", problems)
        return
    status = driver.execute_script("return document.getElementById('search-status').textContent")
    if not status.strip():
        problems.append("the search status (live region) says nothing")
    # The results are new content: they must pass axe too.
    axe_problems, _ = run_axe(driver)
    report.violations += sum(1 for p in axe_problems if p.startswith("axe "))
    problems += [f"with search results shown: {p}" for p in axe_problems]
    problems += [f"with search results shown: {p}" for p in check_targets(driver)]
    link = next(a for a in driver.find_elements(By.CSS_SELECTOR, "#search-results a")
                if a.text.strip() == expected_title)
    # Scroll without animation first: with smooth scrolling, a click lands where the link was.
    driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", link)
    link.click()
    WebDriverWait(driver, 10).until(lambda d: d.current_url != page_url)
    WebDriverWait(driver, 30).until(lambda d: d.execute_script("return document.readyState") == "complete")
    h1 = driver.execute_script("var h = document.querySelector('h1'); return h ? h.textContent.trim() : ''")
    if h1 != expected_title:
        problems.append(f"the result link opened {driver.current_url} with h1 {h1!r}")
    report.check(where, f"search: {term!r} finds {expected_title} and its link opens it", problems)


def guarded(report, where, name, function, *args):
    """Runs one check; an exception is a failed check, not the end of the run."""
    try:
        return function(*args)
    except Exception as error:  # noqa: BLE001 - report whatever went wrong
        report.check(where, name, [f"the check itself failed: {type(error).__name__}: {str(error).splitlines()[0][:300]}"])
        return None


def check_page(driver, report, site, base, relative):
    url = base + urllib.parse.quote(relative)
    where = url
    print(f"\n{url}")
    load(driver, url)

    def axe_check():
        problems, results = run_axe(driver)
        report.violations += sum(1 for p in problems if p.startswith("axe "))
        incomplete = [f"{i['id']} ({len(i['nodes'])})" for i in results.get("incomplete", [])]
        report.check(where, f"axe-core {results.get('testEngine', {}).get('version', '?')}: "
                            f"{len(results.get('violations', []))} violations, "
                            f"{len(results.get('passes', []))} rules passed"
                            + (f" (needs review, not failing: {', '.join(incomplete)})" if incomplete else ""),
                     problems)

    def focus_check():
        problems, stops = check_focus_visible(driver)
        report.check(where, f"visible focus on all {stops} Tab stops", problems)

    simple = [
        ("one h1, no skipped heading levels", check_headings, (driver,)),
        ("care cards say their level in text", check_care_cards, (driver,)),
        ("stylesheets and scripts load under the Content-Security-Policy", check_stylesheets_and_scripts, (driver,)),
        ("skip link first, visible on focus, target exists", check_skip_link, (driver,)),
        (f"targets in navigation and controls ≥ {MIN_TARGET}×{MIN_TARGET} px", check_targets, (driver,)),
        ("form controls have 3:1 contrast with their surroundings", check_ui_contrast, (driver,)),
        ("no sideways scrolling at 200% zoom (640 px) and 320 px", check_reflow, (driver,)),
        ("prefers-reduced-motion respected", check_reduced_motion, (driver, site)),
        ("text spacing (WCAG 1.4.12) loses nothing at 320 px", check_text_spacing, (driver,)),
    ]
    guarded(report, where, "axe-core", axe_check)
    for name, function, args in simple:
        problems = guarded(report, where, name, function, *args)
        if problems is not None:
            report.check(where, name, problems)
    guarded(report, where, "visible focus", focus_check)
    # Console messages of the page so far (the search below opens another page).
    problems = guarded(report, where, "browser console", console_problems, driver)
    if problems is not None:
        report.check(where, "browser console: no errors, no CSP violations", problems)
    searches = {"index.html": ("bone", "Bone Marrow Harvesting"), "es/index.html": ("colonoscopia", "Colonoscopia")}
    if relative in searches:
        term, title = searches[relative]
        guarded(report, where, f"search: {term!r} finds {title}", check_search, driver, report, where, url, term, title)
        problems = guarded(report, where, "browser console after the search", console_problems, driver)
        if problems is not None:
            report.check(where, "browser console after the search: no errors, no CSP violations", problems)


def main():
    parser = argparse.ArgumentParser(description="Accessibility and browser checks of a built Leafpress site.")
    parser.add_argument("site", type=pathlib.Path)
    parser.add_argument("--origin", choices=["file", "http", "both"], default="both",
                        help="open the pages from disk, from a local web server, or both (default)")
    parser.add_argument("--port", type=int, default=0,
                        help="port of the local web server (default: a free one); use the port of "
                             "--base-url http://127.0.0.1:PORT/ when the site was built with one")
    parser.add_argument("--pages", nargs="*", help="pages to check, relative to SITE (default: every page)")
    arguments = parser.parse_args()

    site = arguments.site.resolve()
    missing = [page for page in REQUIRED_PAGES if not (site / page).is_file()]
    if missing:
        raise SystemExit(f"axe: {site} lacks {', '.join(missing)}: is it the sample site?")
    pages = arguments.pages or sorted(str(p.relative_to(site)) for p in site.rglob("*.html")
                                      if not any(part.startswith(".") for part in p.relative_to(site).parts))

    report = Report()
    driver = start_browser()
    print(f"axe: {driver.capabilities.get('browserName')} {driver.capabilities.get('browserVersion')}, "
          f"rules tagged {', '.join(AXE_TAGS)}, {len(pages)} pages of {site}")
    try:
        if arguments.origin in ("file", "both"):
            for page in pages:
                check_page(driver, report, site, site.as_uri() + "/", page)
        if arguments.origin in ("http", "both"):
            with http_server(site, arguments.port or free_port()) as base:
                for page in pages:
                    check_page(driver, report, site, base, page)
    finally:
        driver.quit()

    origins = {"both": "file:// and http://127.0.0.1", "file": "file://", "http": "http://127.0.0.1"}[arguments.origin]
    print(f"\naxe: {len(pages)} pages × {origins}: {report.violations} axe violations; "
          f"{report.passed} checks passed, {len(report.failures)} failed")
    if report.failures:
        print("\nFailed:")
        for where, name, problems in report.failures:
            print(f"  {where}: {name} ({len(problems)} problems)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
