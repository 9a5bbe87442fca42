#!/usr/bin/env python3
"""Writes the CommonMark spec examples, with cmark's own HTML for each, to a JSON file.

The Swift conformance test (Tests/LeafpressCoreTests/CommonMarkConformanceTests.swift)
runs every example through Leafpress's Markdown stage and compares the result with the
HTML that the `cmark` command (the same libcmark Leafpress links) writes for it.

Where the examples come from: the spec text of CommonMark 0.30, the version of the
Debian libcmark 0.30.2 Leafpress builds with. PyPI's `marko==1.3.1` source distribution
ships it as tests/spec/commonmark.txt; if that cannot be had, `commonmark==0.9.1` ships
spec.txt of CommonMark 0.29 (649 examples instead of 652). Either way the expected HTML
is not the spec's: it is what `cmark` itself writes, so differences between spec
versions do not matter.

    python3 scripts/standards/commonmark-examples.py [--output FILE] [--spec FILE]

Output (default .build/commonmark/examples.json): a JSON list of
{"number", "section", "markdown", "html", "html_smart", "html_unsafe"}, where `html` is
`cmark` with no options (safe mode, no smart punctuation), `html_smart` is `cmark --smart`
and `html_unsafe` is `cmark --unsafe` (raw HTML kept). The
downloaded spec is kept in .build/commonmark/ so later runs need no network.
"""
import argparse
import json
import pathlib
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
CACHE = ROOT / ".build" / "commonmark"

# (requirement, path of the spec inside the sdist, spec version)
SOURCES = [
    ("marko==1.3.1", "tests/spec/commonmark.txt", "0.30"),
    ("commonmark==0.9.1", "spec.txt", "0.29"),
]
FENCE = "`" * 32


def fetch_spec():
    """Path of a cached spec.txt, downloading an sdist that ships one if needed."""
    CACHE.mkdir(parents=True, exist_ok=True)
    for requirement, inner, version in SOURCES:
        cached = CACHE / f"spec-{version}.txt"
        if cached.is_file():
            return cached, version, requirement
    for requirement, inner, version in SOURCES:
        cached = CACHE / f"spec-{version}.txt"
        with tempfile.TemporaryDirectory() as temp:
            result = subprocess.run(
                [sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check",
                 "--no-deps", "--no-binary", ":all:", "--dest", temp, requirement],
                capture_output=True, text=True)
            if result.returncode != 0:
                print(f"commonmark-examples: could not download {requirement}: {result.stderr.strip()[-300:]}",
                      file=sys.stderr)
                continue
            archives = list(pathlib.Path(temp).glob("*.tar.gz"))
            if not archives:
                continue
            with tarfile.open(archives[0]) as archive:
                member = next((m for m in archive.getmembers()
                               if m.isfile() and m.name.split("/", 1)[-1] == inner), None)
                if member is None:
                    print(f"commonmark-examples: {archives[0].name} has no {inner}", file=sys.stderr)
                    continue
                data = archive.extractfile(member).read()
        header = data[:400].decode("utf-8", "replace")
        if f"version: {version}" not in header and f"version: '{version}'" not in header:
            print(f"commonmark-examples: {requirement}'s spec is not version {version}", file=sys.stderr)
            continue
        cached.write_bytes(data)
        return cached, version, requirement
    sys.exit("commonmark-examples: no source distribution with the CommonMark spec could be downloaded")


def examples(spec_text):
    """(number, section, markdown) of every example, as the spec's own spec_tests.py reads them."""
    found = []
    section = ""
    state = 0  # 0 outside, 1 markdown, 2 html
    markdown = []
    heading = re.compile(r"^#{1,6} +(.*)$")
    for line in spec_text.splitlines(keepends=True):
        stripped = line.rstrip("\n")
        if state == 0:
            if stripped.startswith(FENCE + " example"):
                state, markdown = 1, []
            else:
                match = heading.match(stripped)
                if match:
                    section = match.group(1).strip()
        elif state == 1:
            if stripped == ".":
                state = 2
            else:
                markdown.append(line)
        elif state == 2:
            if stripped == FENCE:
                found.append((len(found) + 1, section, "".join(markdown).replace("\u2192", "\t")))
                state = 0
    return found


def cmark(markdown, *flags):
    result = subprocess.run(["cmark", *flags], input=markdown.encode("utf-8"), capture_output=True)
    if result.returncode != 0:
        sys.exit(f"commonmark-examples: cmark failed: {result.stderr.decode(errors='replace')}")
    return result.stdout.decode("utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=pathlib.Path, default=CACHE / "examples.json")
    parser.add_argument("--spec", type=pathlib.Path, help="use this spec.txt instead of downloading one")
    arguments = parser.parse_args()

    if shutil.which("cmark") is None:
        sys.exit("commonmark-examples: the `cmark` command is missing (Debian package cmark: "
                 "bash scripts/install-deps.sh)")
    version_line = subprocess.run(["cmark", "--version"], capture_output=True, text=True).stdout.splitlines()
    if arguments.spec:
        spec, version, source = arguments.spec, "?", str(arguments.spec)
    else:
        spec, version, source = fetch_spec()
    found = examples(spec.read_text(encoding="utf-8"))
    if len(found) < 600:
        sys.exit(f"commonmark-examples: only {len(found)} examples found in {spec}")

    records = [{"number": number, "section": section, "markdown": markdown,
                "html": cmark(markdown), "html_smart": cmark(markdown, "--smart"),
                "html_unsafe": cmark(markdown, "--unsafe")}
               for number, section, markdown in found]
    arguments.output.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(records, ensure_ascii=False, indent=1) + "\n"
    if not arguments.output.exists() or arguments.output.read_text(encoding="utf-8") != text:
        arguments.output.write_text(text, encoding="utf-8")
    print(f"commonmark-examples: {len(records)} examples of CommonMark spec {version} (from {source}), "
          f"expected HTML from {version_line[0] if version_line else 'cmark'} → {arguments.output}")


if __name__ == "__main__":
    main()
