#!/usr/bin/env bash
# Leafpress performance benchmark: Leafpress against the cmark floor.
#
#   bash bench/run.sh [N...]        # default: 100 1000 10000
#
# Environment: RUNS (best of, default 3), BATCH (max files per cmark process, default 2000),
# SKIP_BUILD=1 (use the existing release binary), LEAFPRESS_BIN=path (use that binary, no build),
# TEMPLATES=dir (theme folder, default templates), KEEP_SITES=1 (keep the --jobs 1 site).
# Work files go to bench-work/ (git-ignored); the table goes to bench-work/results.md.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
WORK="$ROOT/bench-work"
RUNS="${RUNS:-3}"
BATCH="${BATCH:-2000}"
TEMPLATES="${TEMPLATES:-templates}"
if [ "$#" -gt 0 ]; then NS=("$@"); else NS=(100 1000 10000); fi
for n in "${NS[@]}"; do
    [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: N must be a positive integer, got '$n'" >&2; exit 2; }
done

log() { printf '%s\n' "$*" >&2; }

# --- tools ------------------------------------------------------------------------------
if ! command -v cmark >/dev/null 2>&1 || [ ! -x /usr/bin/time ]; then
    log "== installing cmark and GNU time"
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update
    $SUDO apt-get install -y cmark time
fi
command -v python3 >/dev/null || { log "run.sh: python3 is required"; exit 1; }

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

# now_us: microseconds since the epoch (bash 5 EPOCHREALTIME, no subprocess).
now_us() { local t="${EPOCHREALTIME/[,.]/}"; echo "$t"; }
# secs US: microseconds -> seconds with 3 decimals.
secs() { awk -v u="$1" 'BEGIN { printf "%.3f", u / 1e6 }'; }

# time_best OUTVAR CMD...: best wall time in µs over $RUNS runs of CMD (stdout discarded).
time_best() {
    local __var="$1"; shift
    local best="" i t0 t1 dt
    for ((i = 1; i <= RUNS; i++)); do
        t0=$(now_us); "$@" >/dev/null; t1=$(now_us)
        dt=$((t1 - t0))
        if [ -z "$best" ] || [ "$dt" -lt "$best" ]; then best=$dt; fi
    done
    printf -v "$__var" '%s' "$best"
}

# cmark_floor LIST P BATCHSIZE: one cmark process per batch of files, P in parallel.
cmark_floor() { xargs -0 -n "$3" -P "$2" cmark <"$1" >/dev/null; }

# leafpress_run OUTVAR_US OUTVAR_KB DIR ARGS...: one timed build under /usr/bin/time -v.
# Returns leafpress's exit status; stderr goes to $DIR/leafpress.stderr.
LAST_STATUS=0
leafpress_run() {
    local __us="$1" __kb="$2" dir="$3"; shift 3
    local t0 t1 status=0
    t0=$(now_us)
    /usr/bin/time -v -o "$dir/time.txt" "$BIN" build "$@" >/dev/null 2>"$dir/leafpress.stderr" || status=$?
    t1=$(now_us)
    printf -v "$__us" '%s' "$((t1 - t0))"
    printf -v "$__kb" '%s' "$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$dir/time.txt")"
    LAST_STATUS=$status
    return 0
}

# leafpress_best PREFIX DIR ARGS...: best of $RUNS; sets PREFIX_us, PREFIX_kb (max RSS), PREFIX_ok.
leafpress_best() {
    local prefix="$1" dir="$2"; shift 2
    local best="" maxkb=0 i us kb ok=1
    for ((i = 1; i <= RUNS; i++)); do
        leafpress_run us kb "$dir" "$@"
        if [ "$LAST_STATUS" -ne 0 ]; then
            ok=0
            log "!! leafpress exited with status $LAST_STATUS; first lines of stderr:"
            head -n 20 "$dir/leafpress.stderr" >&2
            cp "$dir/leafpress.stderr" "$dir/leafpress.failed.stderr"
            break
        fi
        if [ -z "$best" ] || [ "$us" -lt "$best" ]; then best=$us; fi
        if [ "${kb:-0}" -gt "$maxkb" ]; then maxkb=$kb; fi
    done
    printf -v "${prefix}_us" '%s' "${best:-0}"
    printf -v "${prefix}_kb" '%s' "$maxkb"
    printf -v "${prefix}_ok" '%s' "$ok"
}

ROWS=()
NOTES=()
LOAD_START="$(cut -d' ' -f1 /proc/loadavg)"
if awk -v l="$LOAD_START" -v c="$CORES" 'BEGIN { exit !(l > 0.5) }'; then
    log "!! load average is $LOAD_START before the benchmark: other work on this machine will skew the times"
fi
LARGEST=0
for n in "${NS[@]}"; do [ "$n" -gt "$LARGEST" ] && LARGEST=$n; done

for n in "${NS[@]}"; do
    dir="$WORK/$n"
    content="$dir/content"
    mkdir -p "$dir"

    # --- generate (skipped when this generator already made this N) ----------------------
    stamp="$dir/generated.stamp"
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$GEN_HASH" ] && [ -d "$content" ]; then
        log "== N=$n: content up to date ($content)"
    else
        log "== N=$n: generating $content"
        rm -f "$stamp"
        python3 bench/generate.py --leaflets "$n" --out "$content" >/dev/null
        echo "$GEN_HASH" >"$stamp"
    fi
    find "$content/leaflets" -name '*.md' -print0 | LC_ALL=C sort -z >"$dir/md.list"
    files=$(tr -cd '\0' <"$dir/md.list" | wc -c)
    md_bytes=$(xargs -0 cat <"$dir/md.list" | wc -c)
    md_mb=$(awk -v b="$md_bytes" 'BEGIN { printf "%.2f", b / 1e6 }')

    # --- floor: the cmark CLI over the same section files ---------------------------------
    # Batches of at most $BATCH files, but at least two batches so that -P 2 can use both cores.
    half=$(((files + 1) / 2))
    batch2=$((half < BATCH ? half : BATCH)); [ "$batch2" -lt 1 ] && batch2=1
    cat "$dir/md.list" | xargs -0 cat >/dev/null  # warm the page cache
    log "== N=$n: cmark floor over $files files ($md_mb MB), best of $RUNS"
    time_best floor1_us cmark_floor "$dir/md.list" 1 "$BATCH"
    time_best floor2_us cmark_floor "$dir/md.list" "$CORES" "$batch2"

    # --- Leafpress ------------------------------------------------------------------------
    log "== N=$n: leafpress build, best of $RUNS"
    leafpress_best lp "$dir" --content "$content" --templates "$TEMPLATES" --output "$dir/site"
    if [ "$lp_ok" = 1 ]; then
        warnings=$(grep -c ': warning:' "$dir/leafpress.stderr" || true)
        [ "$warnings" -gt 0 ] && { log "   $warnings warnings; first lines:"; grep ': warning:' "$dir/leafpress.stderr" | head -n 5 >&2; }
        log "   $(tail -n 1 "$dir/leafpress.stderr")"
        row=$(awk -v n="$n" -v mb="$md_mb" -v mbb="$md_bytes" -v f1="$floor1_us" -v f2="$floor2_us" \
                  -v lp="$lp_us" -v kb="$lp_kb" 'BEGIN {
            s = lp / 1e6
            printf "| %d | %.1f | %.3f | %.3f | %.3f | %.2f | %.0f | %.1f | %.1f | %.0f |",
                n, mb, f1 / 1e6, f2 / 1e6, s, lp / f2, n / s, mbb / 1e6 / s, kb / 1024, lp / n }')
        echo "$n $lp_us" >>"$WORK/.per-leaflet.$$"
    else
        row=$(awk -v n="$n" -v mb="$md_mb" -v f1="$floor1_us" -v f2="$floor2_us" 'BEGIN {
            printf "| %d | %.1f | %.3f | %.3f | FAILED | – | – | – | – | – |", n, mb, f1 / 1e6, f2 / 1e6 }')
        NOTES+=("- N=$n: **leafpress build failed**, see \`bench-work/$n/leafpress.failed.stderr\`.")
    fi
    ROWS+=("$row")
    log "$row"

    # --- largest N: --jobs 1, determinism, one-file rebuild -------------------------------
    if [ "$n" = "$LARGEST" ] && [ "$lp_ok" = 1 ]; then
        log "== N=$n: leafpress build --jobs 1, best of $RUNS"
        leafpress_best j1 "$dir" --content "$content" --templates "$TEMPLATES" --output "$dir/site-j1" --jobs 1
        if [ "$j1_ok" = 1 ]; then
            NOTES+=("- N=$n, \`--jobs 1\`: $(secs "$j1_us") s, peak $(awk -v k="$j1_kb" 'BEGIN { printf "%.1f", k / 1024 }') MiB; default jobs ($CORES cores) speed-up: $(awk -v a="$j1_us" -v b="$lp_us" 'BEGIN { printf "%.2f", a / b }')×.")
            if diff -r -q "$dir/site" "$dir/site-j1" >"$dir/determinism.diff" 2>&1; then
                NOTES+=("- Determinism: the site built with \`--jobs 1\` and with default jobs is byte-identical (\`diff -r -q\`).")
            else
                NOTES+=("- Determinism: **sites differ** between \`--jobs 1\` and default jobs ($(wc -l <"$dir/determinism.diff") differences, see \`bench-work/$n/determinism.diff\`).")
                head -n 10 "$dir/determinism.diff" >&2
            fi
        else
            NOTES+=("- N=$n, \`--jobs 1\`: **build failed**.")
        fi

        log "== N=$n: incremental rebuild in leafpress serve after editing one section file"
        edited="$content/leaflets/leaflet-00001/04-after.md"
        cp "$edited" "$dir/edited.orig"
        "$BIN" serve --port 0 --content "$content" --templates "$TEMPLATES" >"$dir/serve.out" 2>"$dir/serve.err" &
        serve_pid=$!
        # The server prints its address once the first build is done and it listens.
        for _ in $(seq 1 1200); do grep -q '^serving' "$dir/serve.out" 2>/dev/null && break; sleep 0.1; done
        printf '\nOne more sentence, added by the benchmark.\n' >>"$edited"
        for _ in $(seq 1 300); do grep -q '^rebuilt' "$dir/serve.err" && break; sleep 0.05; done
        cp "$dir/edited.orig" "$edited"
        for _ in $(seq 1 300); do [ "$(grep -c '^rebuilt' "$dir/serve.err")" -ge 2 ] && break; sleep 0.05; done
        kill -INT "$serve_pid" 2>/dev/null || true
        wait "$serve_pid" 2>/dev/null || true
        inc_line=$(grep '^rebuilt' "$dir/serve.err" | head -n 1 || true)
        if [ -n "$inc_line" ]; then
            NOTES+=("- N=$n, one section file edited while \`leafpress serve\` runs: ${inc_line%%;*} (target ≤ 100 ms).")
        else
            NOTES+=("- N=$n, incremental rebuild: **no rebuild reported** (see bench-work/$n/serve.err).")
        fi
        [ "${KEEP_SITES:-0}" = 1 ] || rm -rf "$dir/site-j1"
    fi
done

# --- scaling: per-leaflet cost spread ---------------------------------------------------
if [ -f "$WORK/.per-leaflet.$$" ]; then
    spread=$(awk '{ c = $2 / $1; if (NR == 1 || c < lo) lo = c; if (NR == 1 || c > hi) hi = c; k++ }
                  END { if (k > 1) printf "%.0f–%.0f µs/leaflet, max/min = %.2f", lo, hi, hi / lo }' "$WORK/.per-leaflet.$$")
    [ -n "$spread" ] && NOTES+=("- Per-leaflet cost across N: $spread (target: flat within ±20%).")
    rm -f "$WORK/.per-leaflet.$$"
fi

# --- report -----------------------------------------------------------------------------
{
    echo "## Leafpress benchmark"
    echo
    if [ -n "${LEAFPRESS_BIN:-}" ]; then what="binary $LEAFPRESS_BIN"
    else what="commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- Sources Package.swift 2>/dev/null || echo ' (+ local changes)')"; fi
    echo "$(date -u +%Y-%m-%d) · $what · $CORES cores ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)) · $(cmark --version | head -n 1) · $(swift --version 2>/dev/null | head -n 1) · best of $RUNS"
    echo
    echo "| N | md MB | floor 1-core s | floor $CORES-core s | leafpress s | ratio | leaflets/s | MB/s | peak MiB | µs/leaflet |"
    echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    printf '%s\n' "${ROWS[@]}"
    echo
    echo "Load average (1 min) before / after: $LOAD_START / $(cut -d' ' -f1 /proc/loadavg) (includes the benchmark itself)."
    echo
    echo "ratio = leafpress / floor ($CORES cores). Floor: \`xargs -0 -n B -P P cmark\` over all section files, B ≤ $BATCH."
    if [ "${#NOTES[@]}" -gt 0 ]; then echo; printf '%s\n' "${NOTES[@]}"; fi
} >"$WORK/results.md"
{ cat "$WORK/results.md"; echo; } >>"$WORK/history.md"
echo
cat "$WORK/results.md"
