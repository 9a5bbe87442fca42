#!/usr/bin/env bash
# Installs the Debian packages Leafpress needs. `--test` adds the tools the test suite
# drives (a real browser for print tests, poppler for PDF checks, zbar for QR codes).
# Packages already present are not reinstalled; nothing is installed when all are there.
set -euo pipefail

packages=(libcmark-dev cmark libqrencode-dev)
if [[ "${1:-}" == "--test" ]]; then
  packages+=(chromium poppler-utils zbar-tools python3)
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
