#!/usr/bin/env bash
# Builds the sample site from content/ and templates/ into site/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
swift build -c release --product leafpress
.build/release/leafpress build "$@"
