#!/usr/bin/env bash
# Tests the Debian package the way a new machine meets it: builds the .deb, makes a fresh
# minimal Debian root with debootstrap inside this test's own temporary folder, installs
# the package there with apt (which fetches its Depends from the Debian mirror), and then,
# inside that root, where there is no Swift toolchain, runs
#   leafpress init demo && cd demo && leafpress build && leafpress check
# and checks the site: every page that init's content calls for (worked out from the
# files init wrote, so the list cannot drift from init), the theme files, and the
# copyright and disclaimer of site.yml in the footer of every page. Needs root
# (debootstrap and chroot). Prints the time each step took.
#
#   bash scripts/package-test.sh [DEB]      # builds the package when no DEB is given
#
# Nothing is kept outside the test's folder but apt's download cache
# (/var/cache/apt/archives, which debootstrap reuses on the next run). The root is made
# for this machine's Debian release from the mirror its apt uses
# (LEAFPRESS_DEBIAN_MIRROR and LEAFPRESS_DEBIAN_SUITE override them).
set -euo pipefail
cd "$(dirname "$0")/.."
start=$SECONDS
step_name=""
step_start=$SECONDS
# Ends the step under way, printing its time, and starts the next one (if named).
step() {
  if [[ -n "$step_name" ]]; then echo "== package-test: $step_name: $((SECONDS - step_start)) s" >&2; fi
  step_name="$1"
  step_start=$SECONDS
  if [[ -n "$step_name" ]]; then echo "== package-test: $step_name" >&2; fi
}
failures=()
fail() {
  echo "package-test: FAILED: $*" >&2
  failures+=("$*")
}

[[ $(id -u) -eq 0 ]] || { echo "package-test: must run as root (debootstrap, chroot)" >&2; exit 1; }
bash scripts/install-deps.sh --package
if ! command -v debootstrap >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/leafpress-package-test.XXXXXX")"
target="$work/root"
cleanup() {
  # Every mount inside the root first, deepest first (ours on /proc, and whatever a
  # debootstrap stopped half-way left), lazily so a busy one cannot stop the cleanup;
  # and the removal never follows into a mount that is still there.
  awk -v root="$target/" 'index($2, root) == 1 { print $2 }' /proc/self/mounts | sort -r |
    while read -r mount; do umount -l "$mount" || true; done
  rm -rf --one-file-system "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

deb="${1:-}"
if [[ -z "$deb" ]]; then
  step "building the package (scripts/package-deb.sh)"
  deb="$(bash scripts/package-deb.sh "$work/dist")"
fi
deb_name="$(basename "$deb")"
version="$(dpkg-deb --field "$deb" Version)"
step ""
echo "== package-test: testing $deb_name, $(du -k "$deb" | cut -f1) KiB" >&2
dpkg-deb --field "$deb" Depends Recommends >&2

# The release and mirror this machine's apt uses.
suite="${LEAFPRESS_DEBIAN_SUITE:-$(. /etc/os-release && echo "$VERSION_CODENAME")}"
mirror="${LEAFPRESS_DEBIAN_MIRROR:-}"
if [[ -z "$mirror" ]]; then
  mirror="$(grep -hs '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}' | grep -v security | head -n1 || true)"
  [[ -n "$mirror" ]] || mirror="$(grep -hs '^deb ' /etc/apt/sources.list | awk '{print $2}' | grep -v security | head -n1 || true)"
  [[ -n "$mirror" ]] || mirror="http://deb.debian.org/debian"
fi

step "debootstrap --variant=minbase $suite from $mirror"
mkdir -p /var/cache/apt/archives
debootstrap --variant=minbase --cache-dir=/var/cache/apt/archives "$suite" "$target" "$mirror" \
  > "$work/debootstrap.log" 2>&1 || {
  tail -n 30 "$work/debootstrap.log" >&2
  exit 1
}

# Runs a command inside the fresh root with a clean environment.
in_root() {
  chroot "$target" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"
}
# A new machine: no Swift anywhere in it, before the package and after it.
no_swift() {
  if in_root sh -c 'command -v swift || command -v swiftc || ls -d /usr/lib/swift /opt/swift /usr/share/swift 2>/dev/null ||
                    find / -xdev \( -name "libswiftCore*" -o -name "libFoundation*.so*" -o -name "libdispatch.so*" \) -print 2>/dev/null | grep .'; then
    fail "the root has a Swift toolchain or Swift runtime libraries $1"
  fi
}
no_swift "before the package is installed"

step "apt-get install ./$deb_name inside the fresh root"
# Swift's runtime reads a program's arguments from /proc/self/cmdline: without /proc,
# leafpress would see none. Every real machine has it.
mount -t proc proc "$target/proc"
cp /etc/resolv.conf "$target/etc/resolv.conf"
cp "$deb" "$target/tmp/$deb_name"
in_root sh -c "apt-get update -qq && apt-get install -y -qq --no-install-recommends /tmp/$deb_name" \
  > "$work/install.log" 2>&1 || {
  tail -n 30 "$work/install.log" >&2
  exit 1
}
status="$(in_root dpkg-query -W -f='${Status} ${Version}' leafpress)"
[[ "$status" == "install ok installed $version" ]] || fail "dpkg says leafpress is '$status', not 'install ok installed $version'"
no_swift "after the package is installed"
for file in /usr/share/bash-completion/completions/leafpress /usr/share/zsh/vendor-completions/_leafpress \
            /usr/share/fish/vendor_completions.d/leafpress.fish; do
  [[ -s "$target$file" ]] || fail "the package did not install the completion script $file"
done
reported="$(in_root leafpress --version 2>&1)" || fail "leafpress --version failed: $reported"
[[ "$reported" == "$version" ]] || fail "leafpress --version says '$reported', the package is $version"

step "leafpress init demo && cd demo && leafpress build && leafpress check"
in_root sh -eu -c '
  mkdir -p /root/logs && cd /root
  leafpress init demo > logs/init.txt
  cd demo
  leafpress build 2> ../logs/build.txt
  leafpress check > ../logs/check.txt 2>&1
  leafpress theme list > ../logs/theme.txt
  # From inside a leaflet folder, the site is found further up and named.
  cd content/leaflets/"$(ls content/leaflets | head -n1)"
  leafpress build 2> /root/logs/build-from-leaflet.txt
' || {
  for log in "$target"/root/logs/*.txt; do echo "--- ${log##*/}" >&2; cat "$log" >&2; done
  exit 1
}
logs="$target/root/logs"
grep -q "using the site in /root/demo" "$logs/build-from-leaflet.txt" ||
  fail "a build in a leaflet folder did not say it used /root/demo: $(cat "$logs/build-from-leaflet.txt")"
[[ ! -e "$target/root/demo/templates" ]] || fail "init wrote a templates/ folder; the theme should stay built in"

step "checking the site against what init wrote"
demo="$target/root/demo"
site="$demo/site"
# The value of a top-level key in a YAML file init wrote (one line, maybe quoted).
yaml_value() {
  sed -n "s/^$1:[[:space:]]*//p" "$2" | head -n1 | sed 's/^"\(.*\)"$/\1/; s/^'"'"'\(.*\)'"'"'$/\1/'
}
html_escaped() {
  sed 's/&/\&amp;/g; s/</\&lt;/g; s/>/\&gt;/g; s/"/\&quot;/g' <<<"$1"
}
site_language="$(yaml_value language "$demo/content/site.yml")"
site_language="${site_language:-en}"
expected=(index.html 404.html robots.txt manifest.json "search-index.$site_language.js")
[[ -n "$(yaml_value base_url "$demo/content/site.yml")" ]] && expected+=(sitemap.xml)
leaflet_count=0
for leaflet_yml in "$demo"/content/leaflets/*/leaflet.yml; do
  slug="$(basename "$(dirname "$leaflet_yml")")"
  [[ "$(yaml_value draft "$leaflet_yml")" == "true" ]] && continue
  leaflet_count=$((leaflet_count + 1))
  expected+=("$slug.html")
  language="$(yaml_value language "$leaflet_yml")"
  if [[ -n "$language" && "$language" != "$site_language" ]]; then
    expected+=("$language/index.html" "search-index.$language.js")
  fi
  title="$(yaml_value title "$leaflet_yml")"
  grep -qF "$(html_escaped "$title")" "$site/$slug.html" 2>/dev/null || fail "$slug.html does not carry the leaflet's title '$title'"
  grep -qF "href=\"$slug.html\"" "$site/index.html" 2>/dev/null || fail "index.html does not link $slug.html"
done
((leaflet_count > 0)) || fail "init wrote no published leaflet to check"
# The theme's own files, as the installed leafpress lists them.
while read -r theme_file _; do
  [[ "$theme_file" == static/* ]] && expected+=("theme/${theme_file#static/}")
done < "$logs/theme.txt"
for file in "${expected[@]}"; do
  [[ -s "$site/$file" ]] || fail "the site has no $file"
done
# Every page written is one of those, and nothing is missing the other way round.
actual_pages="$(cd "$site" && find . -name '*.html' | sed 's|^\./||' | sort)"
expected_pages="$(printf '%s\n' "${expected[@]}" | grep '\.html$' | sort -u)"
[[ "$actual_pages" == "$expected_pages" ]] ||
  fail "the pages differ from what init's content calls for: $(diff <(echo "$expected_pages") <(echo "$actual_pages") | grep '^[<>]' | paste -sd' ')"
# The legal texts of site.yml in the footer of every page.
copyright="$(html_escaped "$(yaml_value copyright "$demo/content/site.yml")")"
disclaimer="$(html_escaped "$(yaml_value disclaimer "$demo/content/site.yml")")"
[[ -n "$copyright" && -n "$disclaimer" ]] || fail "init's site.yml has no copyright or disclaimer"
while read -r page; do
  footer="$(sed -n '/<footer class="site-footer"/,/<\/footer>/p' "$site/$page")"
  grep -qF "$copyright" <<<"$footer" || fail "$page has no copyright footer ('$copyright')"
  grep -qF "$disclaimer" <<<"$footer" || fail "$page has no disclaimer footer ('$disclaimer')"
done <<<"$actual_pages"

step ""
pages="$(wc -l <<<"$actual_pages")"
echo "== package-test: $pages pages built ($leaflet_count leaflet(s)); build said: $(tail -n1 "$logs/build.txt")" >&2
echo "== package-test: check said: $(grep '^checked' "$logs/check.txt" || tail -n1 "$logs/check.txt")" >&2
echo "== package-test: took $((SECONDS - start)) s in all" >&2
if ((${#failures[@]})); then
  echo "0 passed, ${#failures[@]} failed: package-test" >&2
  exit 1
fi
echo "package-test: $deb_name installs on a fresh $suite root without Swift and builds and checks a new site" >&2
