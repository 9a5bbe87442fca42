#!/usr/bin/env python3
"""Checks that the theme's Content-Security-Policy lets `leafpress serve` live-reload.

    python3 scripts/standards/serve-csp.py LEAFPRESS_BINARY [--templates DIR]

Copies content/ to a temporary folder, runs `leafpress serve` on a free port of
127.0.0.1 (stopped at the end), opens a leaflet in headless Chromium and checks that,
under the page's CSP:

- the stylesheets and the injected /__leafpress/live.js load, with no CSP violation;
- an edit to a section reloads the page (the EventSource to /__leafpress/events works:
  connect-src 'self');
- a broken edit shows live.js's error overlay.

Whether the overlay is also styled is reported as a warning only: live.js styles it with
setAttribute("style", …), which `style-src 'self'` blocks (the fix is in Swift:
LiveScript should set `overlay.style.cssText` instead, which the CSSOM allows).
Exits 1 if a check fails.
"""
import pathlib
import shutil
import socket
import subprocess
import sys
import tempfile
import time

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))
import axe  # noqa: E402  (the browser set-up and the CSP recorder)

from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port, process, seconds=60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"serve-csp: leafpress serve exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"serve-csp: leafpress serve did not listen on 127.0.0.1:{port}")


def main(argv):
    templates = ROOT / "templates"
    if len(argv) == 3 and argv[1] == "--templates":
        templates = pathlib.Path(argv[2]).resolve()
    elif len(argv) != 1:
        sys.exit("usage: serve-csp.py LEAFPRESS_BINARY [--templates DIR]")
    leafpress = argv[0]
    failures, warnings = [], []
    with tempfile.TemporaryDirectory(prefix="leafpress-serve-csp.") as temp:
        content = pathlib.Path(temp) / "content"
        shutil.copytree(ROOT / "content", content)
        port = free_port()
        server = subprocess.Popen(
            [leafpress, "serve", "--content", str(content), "--templates", str(templates),
             "--port", str(port), "--host", "127.0.0.1"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        driver = None
        try:
            wait_for_port(port, server)
            driver = axe.start_browser()
            url = f"http://127.0.0.1:{port}/colonoscopy/"
            driver.get(url)
            WebDriverWait(driver, 30).until(lambda d: d.execute_script("return document.readyState") == "complete")
            time.sleep(0.5)
            state = driver.execute_script(r"""
              return {
                live: !!document.querySelector('script[src$="/__leafpress/live.js"]'),
                liveLoaded: performance.getEntriesByType('resource').some(function (e) {
                  return /\/__leafpress\/live\.js$/.test(e.name) && (e.responseStatus === undefined || e.responseStatus === 200);
                }),
                sheets: Array.from(document.querySelectorAll('link[rel~=stylesheet]')).every(function (l) { return !!l.sheet; }),
                violations: window.__cspViolations || []
              };
            """)
            if not state["live"] or not state["liveLoaded"]:
                failures.append("live.js was not injected or did not load")
            if not state["sheets"]:
                failures.append("a stylesheet did not load")
            failures += [f"CSP violation: {v}" for v in state["violations"]]
            failures += axe.console_problems(driver)

            # A harmless edit: the server announces a rebuild over the EventSource and the page reloads.
            driver.execute_script("window.__beforeReload = true;")
            section = content / "leaflets" / "colonoscopy" / "04-after.md"
            section.write_text(section.read_text(encoding="utf-8") + "\nEdited by serve-csp.\n", encoding="utf-8")
            try:
                WebDriverWait(driver, 20).until(lambda d: d.execute_script("return window.__beforeReload !== true"))
                WebDriverWait(driver, 30).until(lambda d: d.execute_script("return document.readyState") == "complete")
                if "Edited by serve-csp." not in driver.page_source:
                    failures.append("the page reloaded without the edit")
            except Exception:
                failures.append("an edit did not reload the page (EventSource blocked?)")
            failures += [f"CSP violation after reload: {v}" for v in driver.execute_script("return window.__cspViolations || []")]

            # A broken edit: live.js shows an overlay over the last good page.
            manifest = content / "leaflets" / "colonoscopy" / "leaflet.yml"
            manifest.write_text(manifest.read_text(encoding="utf-8").replace("title:", "title: [", 1), encoding="utf-8")
            try:
                WebDriverWait(driver, 20).until(lambda d: d.execute_script("return !!document.querySelector('[role=alert]')"))
                overlay = driver.execute_script("""
                  var o = document.querySelector('[role=alert]');
                  return {position: getComputedStyle(o).position, violations: window.__cspViolations || []};
                """)
                if overlay["position"] != "fixed":
                    warnings.append("the error overlay shows, but unstyled: "
                                    + "; ".join(overlay["violations"] or ["(no violation recorded)"]))
            except Exception:
                failures.append("a broken edit did not show the error overlay")
        finally:
            if driver is not None:
                driver.quit()
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()

    for warning in warnings:
        print(f"serve-csp: warning: {warning}")
    for failure in failures:
        print(f"serve-csp: error: {failure}")
    print(f"serve-csp: leafpress serve under the theme's CSP: {len(failures)} failures, {len(warnings)} warnings")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
