#!/usr/bin/env bash
# Installs the Debian packages Leafpress needs. `--test` adds the tools the test suite
# drives (a real browser for print tests, poppler and qpdf for PDF checks, zbar for QR codes).
# `--bench` adds what bench/run.sh compares against (Hugo, the cmark CLI, GNU time).
# `--package` adds what scripts/package-deb.sh needs: libcurl's headers for linking Swift's
# Foundation statically, and dpkg-shlibdeps. `--test` includes them, and debootstrap for
# scripts/package-test.sh, which CI runs.
# Packages already present are not reinstalled; nothing is installed when all are there.
set -euo pipefail

packages=(libcmark-dev cmark libqrencode-dev)
if [[ "${1:-}" == "--test" ]]; then
  packages+=(chromium poppler-utils zbar-tools qpdf python3 debootstrap)
fi
if [[ "${1:-}" == "--test" || "${1:-}" == "--package" ]]; then
  packages+=(libcurl4-openssl-dev dpkg-dev binutils)
fi
# The standards checks (scripts/standards/): chromium's WebDriver for axe-core, and Java
# for the Nu HTML Checker when there is none (any JRE will do).
if [[ "${1:-}" == "--test" ]]; then
  packages+=(chromium-driver)
  if ! command -v java >/dev/null 2>&1; then packages+=(default-jre-headless); fi
fi
if [[ "${1:-}" == "--bench" ]]; then
  packages+=(hugo time python3)
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if ((${#missing[@]})); then
  echo "installing: ${missing[*]}" >&2
  sudo=""
  if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# The report and manifest tests validate JSON output against schemas/*.schema.json with
# PyPI's jsonschema (pinned), installed for the python3 the tests run.
if [[ "${1:-}" == "--test" ]] && ! python3 -c "import jsonschema" 2>/dev/null; then
  python3 -m pip install --quiet --disable-pip-version-check "jsonschema==4.26.0"
fi
