#!/usr/bin/env bash
# Builds the sample site and runs the standards checks on it: every page through the Nu
# HTML Checker, and axe-core plus the browser checks in headless Chromium.
#
#   bash scripts/standards/check-site.sh [LEAFPRESS_BINARY]
#
# Three builds, each into a fresh temporary folder (removed afterwards):
#   1. without --base-url: validated, then checked from file:// and from http://127.0.0.1;
#   2. with --base-url https://leaflets.example.org/ (the deployed form: canonical links,
#      QR codes, absolute links on 404.html): validated;
#   3. with --base-url http://127.0.0.1:PORT/, validated and checked over http on that
#      port, so the 404 page's absolute links and the CSP's 'self' meet a real server.
# Then `leafpress serve` is checked under the same CSP (serve-csp.py).
set -euo pipefail
cd "$(dirname "$0")/../.."

leafpress="${1:-}"
if [[ -z "$leafpress" ]]; then
  swift build >&2
  leafpress="$(swift build --show-bin-path)/leafpress"
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/leafpress-standards.XXXXXX")"
trap 'rm -rf "$work"' EXIT

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"

echo "== standards: building the sample site three ways" >&2
leafpress="$(cd "$(dirname "$leafpress")" && pwd)/$(basename "$leafpress")"
"$leafpress" build --output "$work/plain" >&2
"$leafpress" build --output "$work/deployed" --base-url https://leaflets.example.org/ >&2
"$leafpress" build --output "$work/local" --base-url "http://127.0.0.1:$port/" >&2

status=0
for build in plain deployed local; do
  echo "== standards: HTML validity ($build)" >&2
  bash scripts/standards/validate-html.sh "$work/$build" || status=1
done

# A site with only content/ (issue 18): the built-in theme must give the same valid site.
echo "== standards: a site with only content/, built with the built-in theme" >&2
mkdir -p "$work/content-only"
cp -R content "$work/content-only/content"
(cd "$work/content-only" && "$leafpress" build --output "$work/built-in") >&2
diff -r -x manifest.json "$work/plain" "$work/built-in" >&2 || { echo "standards: the built-in theme differs from templates/" >&2; status=1; }
bash scripts/standards/validate-html.sh "$work/built-in" || status=1

echo "== standards: accessibility, without --base-url (file:// and http)" >&2
python3 scripts/standards/axe.py "$work/plain" --origin both || status=1
echo "== standards: accessibility, --base-url http://127.0.0.1:$port/ (http)" >&2
python3 scripts/standards/axe.py "$work/local" --origin http --port "$port" || status=1
echo "== standards: the CSP under leafpress serve (live reload)" >&2
python3 scripts/standards/serve-csp.py "$leafpress" || status=1

if ((status)); then
  echo "standards: FAILED (see above)" >&2
else
  echo "standards: all pages valid HTML, 0 axe violations, all browser checks passed" >&2
fi
exit "$status"
