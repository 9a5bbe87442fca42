#!/usr/bin/env bash
# Builds the Debian package dist/leafpress_VERSION_amd64.deb (prints its path).
#
#   bash scripts/package-deb.sh [OUTPUT_DIR]
#
# The binary is a release build with the Swift runtime linked in (--static-swift-stdlib),
# so the machine it is installed on needs no Swift toolchain. cmark and libqrencode stay
# shared libraries from Debian: the package depends on the Debian packages that provide
# every library the binary links (found with ldd and dpkg -S, so the list cannot go stale)
# and recommends chromium, which `leafpress pdf` prints with. The default theme is built
# into the binary, so the package is one file plus shell completions and docs.
# LEAFPRESS_SCRATCH sets SwiftPM's build folder (default .build).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-dist}"
scratch=(--scratch-path "${LEAFPRESS_SCRATCH:-.build}")

bash scripts/install-deps.sh
swift build -c release --static-swift-stdlib --product leafpress "${scratch[@]}" >&2
binary="$(swift build -c release --static-swift-stdlib "${scratch[@]}" --show-bin-path)/leafpress"
version="$("$binary" --version)"
[[ "$version" =~ ^[0-9][0-9A-Za-z.+~-]*$ ]] || { echo "package-deb: odd version '$version'" >&2; exit 1; }

stage="$(mktemp -d "${TMPDIR:-/tmp}/leafpress-deb.XXXXXX")"
trap 'rm -rf "$stage"' EXIT
root="$stage/leafpress_${version}_amd64"
mkdir -p "$root/DEBIAN" "$root/usr/bin" "$root/usr/share/doc/leafpress" \
  "$root/usr/share/bash-completion/completions" "$root/usr/share/zsh/vendor-completions" \
  "$root/usr/share/fish/vendor_completions.d"
install -m 0755 "$binary" "$root/usr/bin/leafpress"
strip --strip-unneeded "$root/usr/bin/leafpress"

# No libswift*.so may be left to find: that is the whole point of the static runtime.
if ldd "$root/usr/bin/leafpress" | grep -q 'libswift\|libFoundation\|not found'; then
  ldd "$root/usr/bin/leafpress" >&2
  echo "package-deb: the binary still needs Swift runtime libraries or misses some" >&2
  exit 1
fi

# Depends: the Debian package of every shared library the binary loads.
depends=()
while read -r library; do
  owner="$(dpkg -S "$library" 2>/dev/null | head -n1 | cut -d: -f1)" ||
    owner="$(dpkg -S "$(readlink -f "$library")" 2>/dev/null | head -n1 | cut -d: -f1)"
  [[ -n "$owner" ]] || { echo "package-deb: no Debian package owns $library" >&2; exit 1; }
  depends+=("$owner")
done < <(ldd "$root/usr/bin/leafpress" | awk '$2 == "=>" && $3 ~ /^\// { print $3 }')
for required in libcmark libqrencode; do
  printf '%s\n' "${depends[@]}" | grep -q "^$required" || { echo "package-deb: $required is not linked" >&2; exit 1; }
done
depends_line="$(printf '%s\n' "${depends[@]}" | sort -u | paste -sd, | sed 's/,/, /g')"

"$binary" --generate-completion-script bash > "$root/usr/share/bash-completion/completions/leafpress"
"$binary" --generate-completion-script zsh > "$root/usr/share/zsh/vendor-completions/_leafpress"
"$binary" --generate-completion-script fish > "$root/usr/share/fish/vendor_completions.d/leafpress.fish"
cat > "$root/usr/share/doc/leafpress/copyright" <<'EOF'
Leafpress: a static site generator for patient leaflets.
The binary includes the Swift runtime and Foundation (Apache License 2.0 with Runtime
Library Exception), swift-mustache, Yams, swift-argument-parser and FlyingFox (MIT or
Apache 2.0, see each project). cmark and libqrencode are used from Debian's packages.
EOF
gzip -9n -c README.md > "$root/usr/share/doc/leafpress/README.md.gz"

installed_kb="$(du -sk --exclude=DEBIAN "$root" | cut -f1)"
cat > "$root/DEBIAN/control" <<EOF
Package: leafpress
Version: $version
Architecture: amd64
Maintainer: Leafpress maintainers <leafpress@example.org>
Installed-Size: $installed_kb
Depends: $depends_line
Recommends: chromium
Section: web
Priority: optional
Description: static site generator for patient leaflets
 Leafpress turns Markdown care sections into a static site of patient
 information leaflets that opens from disk, prints cleanly to A4 or Letter
 and carries the publisher's copyright and medical disclaimer on every page.
 It checks links, review dates and readability, and prints PDFs with
 Chromium. The default theme is built in; any file of it can be overridden.
EOF

mkdir -p "$out"
deb="$out/leafpress_${version}_amd64.deb"
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >&2
echo "package-deb: $deb ($(du -k "$deb" | cut -f1) KiB; Depends: $depends_line)" >&2
echo "$deb"
