#!/usr/bin/env bash
# Leafpress performance benchmark: Leafpress beside Hugo over the same text, and the
# serial cmark floor, in one run.
#
#   bash bench/run.sh [N...]        # default: 100 1000 10000
#
# Per N: a build into an empty folder (the previous site removed first, as a user would),
# five builds back to back into the existing site, the same two cases for Hugo over the
# same Markdown (bench/generate.py --hugo writes the twin), `cmark` over every section file
# one process at a time (the serial floor), and `leafpress serve`: time to its first
# response, resident memory, and the rebuild after a one-section edit.
#
# Environment: REPEAT (back-to-back builds, default 5), EMPTY_RUNS (empty-folder builds,
# median taken, default 3), SKIP_BUILD=1 (use the existing release binary),
# LEAFPRESS_BIN=path (use that binary), TEMPLATES=dir (theme, default: built-in templates/).
# Work files go to bench-work/ (git-ignored); the table goes to bench-work/results.md.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
WORK="$ROOT/bench-work"
REPEAT="${REPEAT:-5}"
EMPTY_RUNS="${EMPTY_RUNS:-3}"
TEMPLATES="${TEMPLATES:-templates}"
BATCH=2000
if [ "$#" -gt 0 ]; then NS=("$@"); else NS=(100 1000 10000); fi
for n in "${NS[@]}"; do
    [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: N must be a positive integer, got '$n'" >&2; exit 2; }
done

log() { printf '%s\n' "$*" >&2; }

# --- tools: hugo, cmark, GNU time (scripts/install-deps.sh --bench) -----------------------
if ! command -v hugo >/dev/null || ! command -v cmark >/dev/null || [ ! -x /usr/bin/time ] || ! command -v curl >/dev/null; then
    log "== installing the benchmark's tools"
    bash scripts/install-deps.sh --bench
    command -v curl >/dev/null || { log "run.sh: curl is required"; exit 1; }
fi

# --- release binary ---------------------------------------------------------------------
if [ -n "${LEAFPRESS_BIN:-}" ]; then
    BIN="$LEAFPRESS_BIN"
else
    if [ "${SKIP_BUILD:-0}" != 1 ]; then
        log "== swift build -c release --product leafpress"
        swift build -c release --product leafpress >&2 || { log "run.sh: release build failed"; exit 1; }
    fi
    BIN="$(swift build -c release --show-bin-path)/leafpress"
fi
[ -x "$BIN" ] || { log "run.sh: no release binary at $BIN"; exit 1; }

mkdir -p "$WORK"
GEN_HASH="$(sha256sum bench/generate.py | cut -c1-16)"
CORES="$(nproc)"

now_us() { local t="${EPOCHREALTIME/[,.]/}"; echo "$t"; }
# stats LIST...: "median max" of integers.
stats() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; print m, v[NR] }'; }
s3() { awk -v u="$1" 'BEGIN { printf "%.3f", u / 1e6 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "–" }'; }

# run_timed OUTVAR_US DIR CMD...: wall time of CMD; its peak RSS (KiB) goes to DIR/last.kb
# and its CPU time (user + system, µs) to DIR/last.cpu.
LAST_STATUS=0
run_timed() {
    local __us="$1" dir="$2"; shift 2
    local t0 t1 status=0
    t0=$(now_us)
    /usr/bin/time -f '%M %U %S' -o "$dir/last.time" "$@" >/dev/null 2>"$dir/last.stderr" || status=$?
    t1=$(now_us)
    awk '{ print $1 }' "$dir/last.time" >"$dir/last.kb"
    awk '{ printf "%d\n", ($2 + $3) * 1e6 }' "$dir/last.time" >"$dir/last.cpu"
    printf -v "$__us" '%s' "$((t1 - t0))"
    LAST_STATUS=$status
    if [ "$status" -ne 0 ]; then
        log "!! $1 exited with status $status:"; head -n 20 "$dir/last.stderr" >&2
        cp "$dir/last.stderr" "$dir/failed.stderr"
    fi
}

LOAD_START="$(cut -d' ' -f1-3 /proc/loadavg)"
log "== load average before the run: $LOAD_START ($CORES cores)"
ROWS=()
SERVE_ROWS=()
NOTES=()
LARGEST=0
for n in "${NS[@]}"; do [ "$n" -gt "$LARGEST" ] && LARGEST=$n; done

for n in "${NS[@]}"; do
    dir="$WORK/$n"
    content="$dir/content"
    twin="$dir/hugo"
    mkdir -p "$dir"
    stamp="$dir/generated.stamp"
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$GEN_HASH" ] && [ -d "$content" ] && [ -d "$twin" ]; then
        log "== N=$n: content up to date"
    else
        log "== N=$n: generating $content and its Hugo twin"
        rm -f "$stamp"
        python3 bench/generate.py --leaflets "$n" --out "$content" --hugo "$twin" >/dev/null
        echo "$GEN_HASH" >"$stamp"
    fi
    find "$content/leaflets" -name '*.md' -print0 | LC_ALL=C sort -z >"$dir/md.list"
    md_bytes=$(xargs -0 cat <"$dir/md.list" | wc -c)
    xargs -0 cat <"$dir/md.list" >/dev/null  # warm the page cache

    # --- the serial cmark floor: one cmark process at a time over every section file ----
    floors=(); fcpus=()
    for _ in 1 2 3; do
        run_timed us "$dir" xargs -0 -a "$dir/md.list" -n "$BATCH" -P 1 cmark
        floors+=("$us"); fcpus+=("$(cat "$dir/last.cpu")")
    done
    read -r floor_us _ <<<"$(stats "${floors[@]}")"
    read -r floor_cpu _ <<<"$(stats "${fcpus[@]}")"

    # --- Leafpress: empty folder (previous site removed first), then back-to-back --------
    lp_args=(build --content "$content" --templates "$TEMPLATES" --output "$dir/site")
    empties=(); peak=0; cpus=()
    for ((i = 1; i <= EMPTY_RUNS; i++)); do
        rm -rf "$dir/site"
        run_timed us "$dir" "$BIN" "${lp_args[@]}"
        [ "$LAST_STATUS" -ne 0 ] && break
        empties+=("$us"); kb=$(cat "$dir/last.kb"); [ "$kb" -gt "$peak" ] && peak=$kb
        cpus+=("$(cat "$dir/last.cpu")")
    done
    repeats=()
    for ((i = 1; i <= REPEAT; i++)); do
        run_timed us "$dir" "$BIN" "${lp_args[@]}"
        [ "$LAST_STATUS" -ne 0 ] && break
        repeats+=("$us"); kb=$(cat "$dir/last.kb"); [ "$kb" -gt "$peak" ] && peak=$kb
        cpus+=("$(cat "$dir/last.cpu")")
    done
    if [ "${#repeats[@]}" -lt "$REPEAT" ]; then
        ROWS+=("| $n | FAILED (see bench-work/$n/failed.stderr) |"); continue
    fi
    read -r lp_empty _ <<<"$(stats "${empties[@]}")"
    read -r lp_rep lp_slow <<<"$(stats "${repeats[@]}")"
    read -r lp_cpu _ <<<"$(stats "${cpus[@]}")"
    log "   leafpress: empty $(s3 "$lp_empty") s, repeated median $(s3 "$lp_rep") s (slowest $(s3 "$lp_slow") s)"

    # --- Hugo over the same text ---------------------------------------------------------
    hugo_args=(--quiet --source "$twin" --destination "$dir/public")
    hempties=(); hcpus=()
    for ((i = 1; i <= EMPTY_RUNS; i++)); do
        rm -rf "$dir/public"
        run_timed us "$dir" hugo "${hugo_args[@]}"; hempties+=("$us"); hcpus+=("$(cat "$dir/last.cpu")")
    done
    hrepeats=()
    for ((i = 1; i <= REPEAT; i++)); do run_timed us "$dir" hugo "${hugo_args[@]}"; hrepeats+=("$us"); hcpus+=("$(cat "$dir/last.cpu")"); done
    read -r hugo_cpu _ <<<"$(stats "${hcpus[@]}")"
    read -r hugo_empty _ <<<"$(stats "${hempties[@]}")"
    read -r hugo_rep _ <<<"$(stats "${hrepeats[@]}")"
    log "   hugo: empty $(s3 "$hugo_empty") s, repeated median $(s3 "$hugo_rep") s"

    ROWS+=("$(awk -v n="$n" -v mb="$md_bytes" -v f="$floor_us" -v le="$lp_empty" -v lr="$lp_rep" -v ls="$lp_slow" \
                  -v he="$hugo_empty" -v hr="$hugo_rep" -v kb="$peak" -v lc="$lp_cpu" -v hc="$hugo_cpu" -v fc="$floor_cpu" 'BEGIN {
        printf "| %d | %.1f | %.3f | %.3f | %.3f | %.1f× | %.2f | %.3f (%.3f) | %.3f | %.1f× | %.2f | %.3f | %.3f | %.3f | %.1f× | %.2f | %.0f | %.0f |",
            n, mb / 1e6, f / 1e6, le / 1e6, he / 1e6, he / le, le / f, lr / 1e6, ls / 1e6, hr / 1e6, hr / lr, ls / lr, fc / 1e6, lc / 1e6, hc / 1e6, hc / lc, lc / fc, kb / 1024, le / n }')")
    echo "$n $lp_empty $lp_rep" >>"$WORK/.per-leaflet.$$"

    # --- leafpress serve: first response, memory, one-section edit -----------------------
    log "== N=$n: leafpress serve"
    edited="$content/leaflets/leaflet-00001/04-after.md"
    cp "$edited" "$dir/edited.orig"
    t0=$(now_us)
    "$BIN" serve --port 0 --content "$content" --templates "$TEMPLATES" >"$dir/serve.out" 2>"$dir/serve.err" &
    serve_pid=$!
    first_us=""; url=""
    for _ in $(seq 1 6000); do
        if [ -z "$url" ]; then url=$(grep -o 'http://[0-9.:]*/' "$dir/serve.out" 2>/dev/null | head -n 1 || true); fi
        if [ -n "$url" ] && curl -fsS -o /dev/null "$url"; then first_us=$(($(now_us) - t0)); break; fi
        kill -0 "$serve_pid" 2>/dev/null || break
        sleep 0.01
    done
    rss_kb=$(awk '/^VmRSS/ { print $2 }' "/proc/$serve_pid/status" 2>/dev/null || echo 0)
    hwm_kb=$(awk '/^VmHWM/ { print $2 }' "/proc/$serve_pid/status" 2>/dev/null || echo 0)
    printf '\nOne more sentence, added by the benchmark.\n' >>"$edited"
    for _ in $(seq 1 500); do grep -q '^rebuilt' "$dir/serve.err" && break; sleep 0.02; done
    cp "$dir/edited.orig" "$edited"
    for _ in $(seq 1 500); do [ "$(grep -c '^rebuilt' "$dir/serve.err")" -ge 2 ] && break; sleep 0.02; done
    kill -INT "$serve_pid" 2>/dev/null || true
    wait "$serve_pid" 2>/dev/null || true
    edit=$(grep '^rebuilt' "$dir/serve.err" | head -n 1 | sed -n 's/.* in \([0-9.]* [a-z]*\);.*/\1/p')
    SERVE_ROWS+=("| $n | $( [ -n "$first_us" ] && s3 "$first_us" || echo "no response") | $((rss_kb / 1024)) | $((hwm_kb / 1024)) | ${edit:-none} |")

    # --- largest N: byte-identical output at --jobs 1 --------------------------------------
    if [ "$n" = "$LARGEST" ]; then
        run_timed us "$dir" "$BIN" build --content "$content" --templates "$TEMPLATES" --output "$dir/site-j1" --jobs 1
        if diff -r -q "$dir/site" "$dir/site-j1" >"$dir/determinism.diff" 2>&1; then
            NOTES+=("- N=$n: \`--jobs 1\` ($(s3 "$us") s) and default jobs give byte-identical sites (\`diff -r\`).")
        else
            NOTES+=("- N=$n: **sites differ** between \`--jobs 1\` and default jobs, see bench-work/$n/determinism.diff.")
        fi
        rm -rf "$dir/site-j1"
    fi
done

if [ -f "$WORK/.per-leaflet.$$" ]; then
    NOTES+=("- Per-leaflet cost (empty folder / repeated) across N: $(awk '{ e = $2 / $1; r = $3 / $1; printf "%s%d: %.0f / %.0f µs", (NR > 1 ? ", " : ""), $1, e, r }' "$WORK/.per-leaflet.$$").")
    rm -f "$WORK/.per-leaflet.$$"
fi

{
    echo "## Leafpress benchmark"
    echo
    echo "$(date -u +%Y-%m-%d) · commit $(git rev-parse --short HEAD 2>/dev/null || echo '?') · $CORES cores ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)) · $(hugo version | cut -d' ' -f1-2) · $(cmark --version | head -n 1)"
    echo "Load average (1, 5, 15 min) before: $LOAD_START; after: $(cut -d' ' -f1-3 /proc/loadavg)."
    echo
    echo "| N | MB of Markdown | serial cmark s | Leafpress, empty folder s | Hugo, empty folder s | Hugo ÷ Leafpress | Leafpress ÷ cmark | Leafpress, repeated: median (slowest) s | Hugo, repeated s | Hugo ÷ Leafpress | slowest ÷ median | cmark CPU s | Leafpress CPU s | Hugo CPU s | Hugo ÷ Leafpress, CPU | Leafpress ÷ cmark, CPU | peak MiB | µs/leaflet |"
    echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    printf '%s\n' "${ROWS[@]}"
    echo
    echo "| N | serve: first response s | RSS MiB | peak RSS MiB | one-section edit |"
    echo "| ---: | ---: | ---: | ---: | ---: |"
    printf '%s\n' "${SERVE_ROWS[@]}"
    echo
    echo "Empty folder: the previous output removed, then one build (median of $EMPTY_RUNS). Repeated: $REPEAT builds back to back into the existing output. Serial cmark: \`cmark\` over every section file, $BATCH files per process, one process at a time (median of 3). CPU: user + system seconds of one build (median over all builds), which other load on the machine disturbs far less than wall time."
    if [ "${#NOTES[@]}" -gt 0 ]; then echo; printf '%s\n' "${NOTES[@]}"; fi
} >"$WORK/results.md"
{ cat "$WORK/results.md"; echo; } >>"$WORK/history.md"
echo
cat "$WORK/results.md"
