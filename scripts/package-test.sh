#!/usr/bin/env bash
# Tests the Debian package the way a new machine meets it: builds the .deb, makes a fresh
# minimal Debian root with debootstrap inside this test's own temporary folder, installs
# the package there with apt (which fetches its Depends from the Debian mirror), and then,
# inside that root, where there is no Swift toolchain, runs
#   leafpress init demo && cd demo && leafpress build && leafpress check
# and checks that the site has every page. Needs root (debootstrap and chroot).
#
#   bash scripts/package-test.sh [DEB]      # builds the package when no DEB is given
#
# The mirror is the one this machine's apt uses (LEAFPRESS_DEBIAN_MIRROR overrides it).
set -euo pipefail
cd "$(dirname "$0")/.."
start=$SECONDS

[[ $(id -u) -eq 0 ]] || { echo "package-test: must run as root (debootstrap, chroot)" >&2; exit 1; }
if ! command -v debootstrap >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/leafpress-package-test.XXXXXX")"
target="$work/root"
cleanup() {
  for mount in "$target/proc" "$target/dev"; do
    mountpoint -q "$mount" 2>/dev/null && umount -l "$mount"
  done
  rm -rf --one-file-system "$work"
}
trap cleanup EXIT

deb="${1:-}"
if [[ -z "$deb" ]]; then
  deb="$(bash scripts/package-deb.sh "$work/dist")"
fi
echo "== package-test: $(basename "$deb"), $(du -k "$deb" | cut -f1) KiB" >&2
dpkg-deb --field "$deb" Depends Recommends >&2

# The suite and mirror this machine's apt uses.
suite="$(. /etc/os-release && echo "$VERSION_CODENAME")"
mirror="${LEAFPRESS_DEBIAN_MIRROR:-}"
if [[ -z "$mirror" ]]; then
  mirror="$(grep -hs '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}' | grep -v security | head -n1)"
  [[ -n "$mirror" ]] || mirror="$(grep -hs '^deb ' /etc/apt/sources.list | awk '{print $2}' | head -n1)"
  [[ -n "$mirror" ]] || mirror="http://deb.debian.org/debian"
fi

echo "== package-test: debootstrap --variant=minbase $suite from $mirror" >&2
debootstrap_start=$SECONDS
debootstrap --variant=minbase "$suite" "$target" "$mirror" > "$work/debootstrap.log" 2>&1 || {
  tail -n 30 "$work/debootstrap.log" >&2
  exit 1
}
echo "== package-test: debootstrap took $((SECONDS - debootstrap_start)) s" >&2

# A new machine: no Swift anywhere in it.
if chroot "$target" sh -c 'command -v swift || ls /usr/lib/swift /opt/swift' >/dev/null 2>&1; then
  echo "package-test: the fresh root has a Swift toolchain; the test would prove nothing" >&2
  exit 1
fi

mount -t proc proc "$target/proc"
cp /etc/resolv.conf "$target/etc/resolv.conf"
cp "$deb" "$target/tmp/"
echo "== package-test: apt-get install ./$(basename "$deb") inside the fresh root" >&2
chroot "$target" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive \
  sh -c "apt-get update -qq && apt-get install -y -qq --no-install-recommends /tmp/$(basename "$deb")" > "$work/install.log" 2>&1 || {
  tail -n 30 "$work/install.log" >&2
  exit 1
}

echo "== package-test: leafpress init demo && cd demo && leafpress build && leafpress check" >&2
chroot "$target" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 sh -eu -c '
  cd /root
  leafpress --version
  leafpress init demo >/dev/null
  cd demo
  leafpress build
  leafpress check > check.txt
  cd content/leaflets/example-leaflet
  leafpress build --quiet
'

site="$target/root/demo/site"
status=0
for page in index.html 404.html example-leaflet.html theme/style.css theme/search.js robots.txt; do
  if [[ ! -s "$site/$page" ]]; then
    echo "package-test: the built site has no $page" >&2
    status=1
  fi
done
if ! grep -q "example-leaflet.html" "$site/index.html"; then
  echo "package-test: the index does not link the example leaflet" >&2
  status=1
fi
if ! grep -q "Northbrook Community Health" "$site/example-leaflet.html"; then
  echo "package-test: the leaflet page lacks the copyright footer" >&2
  status=1
fi
if [[ -e "$target/root/demo/templates" ]]; then
  echo "package-test: init wrote a templates/ folder; the theme should stay built in" >&2
  status=1
fi
pages="$(find "$site" -name '*.html' | wc -l)"
echo "== package-test: $pages pages built; check said: $(tail -n1 "$target/root/demo/check.txt")" >&2
echo "== package-test: took $((SECONDS - start)) s in all" >&2
if ((status)); then
  echo "0 passed, 1 failed: package-test" >&2
  exit 1
fi
echo "package-test: the package installs on a fresh $suite root and builds and checks a new site" >&2
