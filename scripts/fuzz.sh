#!/usr/bin/env bash
# Builds leafpress-fuzz with libFuzzer and AddressSanitizer and fuzzes each target for
# SECONDS (default 30). Crashing inputs are written to fuzz/crashes/; copy them to
# fuzz/regressions/ once fixed, where the test suite replays them.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"
# Package.swift adds -sanitize=fuzzer,address and -D FUZZING to the library and the
# harness when LEAFPRESS_FUZZ=1 (not to the theme-embedding build tool).
LEAFPRESS_FUZZ=1 swift build --product leafpress-fuzz --scratch-path .build-fuzz >&2
binary=.build-fuzz/debug/leafpress-fuzz
mkdir -p fuzz/crashes
for target in front-matter yaml yaml-guard markdown; do
  corpus=".build-fuzz/corpus/$target"
  mkdir -p "$corpus"
  # Seeds: the sample content and every regression input.
  cp content/site.yml content/leaflets/*/leaflet.yml "$corpus/" 2>/dev/null || true
  for file in content/leaflets/*/*.md fuzz/regressions/*; do
    [ -f "$file" ] && cp "$file" "$corpus/$(echo "$file" | tr '/' '_')"
  done
  echo "fuzzing $target for ${seconds}s" >&2
  # YAML tokens (tags, anchors, aliases, flow and block indicators) for the YAML targets.
  dict=()
  case "$target" in yaml*|front-matter) dict=(-dict=fuzz/yaml.dict) ;; esac
  LEAFPRESS_FUZZ_TARGET="$target" "$binary" "${dict[@]}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
    -artifact_prefix="fuzz/crashes/$target-" "$corpus" 2>&1 | tail -n 3
done
echo "fuzz: no crashes in $seconds s per target"
