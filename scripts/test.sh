#!/usr/bin/env bash
# Runs the whole test suite: unit tests, end-to-end CLI tests and browser print tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --test
swift build --build-tests
swift test --skip-build "$@"
