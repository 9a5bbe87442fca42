#!/usr/bin/env bash
# Proves the readability reference figures come from textstat 0.7.3: installs it (with the
# pyphen it counts syllables with), recomputes the figures for every fixture text and fails
# when they differ from the committed Tests/LeafpressCoreTests/Fixtures/readability/reference.json,
# which the Swift tests (ReadabilityReferenceTests) compare Leafpress's own figures with.
#
# Usage: scripts/readability-check.sh            check
#        scripts/readability-check.sh --update   rewrite reference.json (after changing fixtures)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
fixtures="$root/Tests/LeafpressCoreTests/Fixtures/readability"
python="${PYTHON:-python3}"

"$python" -m pip install --quiet --disable-pip-version-check "textstat==0.7.3" "pyphen==0.18.1"
# textstat 0.7.3 imports pkg_resources, which comes with setuptools (removed from recent ones).
if ! "$python" -c "import pkg_resources" 2>/dev/null; then
    "$python" -m pip install --quiet --disable-pip-version-check "setuptools<81"
fi

fresh="$(mktemp)"
trap 'rm -f "$fresh"' EXIT
"$python" "$root/scripts/readability-reference.py" "$fixtures" > "$fresh"

if [[ "${1:-}" == "--update" ]]; then
    cp "$fresh" "$fixtures/reference.json"
    echo "readability-check: wrote $fixtures/reference.json"
    exit 0
fi

if ! diff -u "$fixtures/reference.json" "$fresh"; then
    echo "readability-check: reference.json differs from textstat 0.7.3's figures" >&2
    echo "readability-check: run scripts/readability-check.sh --update if the fixtures changed" >&2
    exit 1
fi
echo "readability-check: reference.json matches textstat 0.7.3 for $(ls "$fixtures"/*.txt | wc -l) fixtures"
