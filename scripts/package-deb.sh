#!/usr/bin/env bash
# Builds the Debian package dist/leafpress_VERSION_amd64.deb (prints its path).
#
#   bash scripts/package-deb.sh [OUTPUT_DIR]
#
# The binary is a release build with the Swift runtime and Foundation linked in
# (--static-swift-stdlib), so the machine it is installed on needs no Swift toolchain.
# cmark and libqrencode stay shared libraries from Debian, and so does libcurl, which
# Foundation's networking part needs (the HTTP server library `serve` uses links it in).
# The package depends on the Debian packages that provide every library the binary
# loads, with the minimum versions dpkg-shlibdeps reads from their symbols (so the list
# cannot go stale), and recommends chromium, which `leafpress pdf` prints with. The
# default theme is built into the binary, so the package is one file plus shell
# completions and docs. LEAFPRESS_SCRATCH sets SwiftPM's build folder (default .build).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-dist}"
# --disable-local-rpath: no $ORIGIN run path, which an installed binary must not carry.
flags=(-c release --static-swift-stdlib --disable-local-rpath --scratch-path "${LEAFPRESS_SCRATCH:-.build}")

bash scripts/install-deps.sh --package
swift build "${flags[@]}" --product leafpress >&2
binary="$(swift build "${flags[@]}" --show-bin-path)/leafpress"
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

# No libswift*.so may be needed: that is the whole point of the static runtime.
needed="$(readelf -d "$root/usr/bin/leafpress" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')"
if grep -q 'swift\|Foundation\|dispatch\|BlocksRuntime' <<<"$needed" ||
   readelf -d "$root/usr/bin/leafpress" | grep -q 'RPATH\|RUNPATH' ||
   ldd "$root/usr/bin/leafpress" | grep -q 'not found'; then
  readelf -d "$root/usr/bin/leafpress" >&2
  echo "package-deb: the binary still needs Swift runtime libraries, carries a run path or misses a library" >&2
  exit 1
fi

# Depends: dpkg-shlibdeps maps each needed library to its Debian package and the lowest
# version that has every symbol the binary uses. It wants a debian/control beside the tree.
mkdir -p "$stage/debian"
printf 'Source: leafpress\n\nPackage: leafpress\nArchitecture: amd64\n' > "$stage/debian/control"
depends_line="$(cd "$stage" && dpkg-shlibdeps -O "leafpress_${version}_amd64/usr/bin/leafpress" | sed -n 's/^shlibs:Depends=//p')"
for required in libcmark libqrencode; do
  grep -q "$required" <<<"$depends_line" || { echo "package-deb: $required is not linked (Depends: $depends_line)" >&2; exit 1; }
done

"$binary" --generate-completion-script bash > "$root/usr/share/bash-completion/completions/leafpress"
"$binary" --generate-completion-script zsh > "$root/usr/share/zsh/vendor-completions/_leafpress"
"$binary" --generate-completion-script fish > "$root/usr/share/fish/vendor_completions.d/leafpress.fish"
cat > "$root/usr/share/doc/leafpress/copyright" <<'EOF'
Leafpress: a static site generator for patient leaflets.
The binary includes the Swift runtime and Foundation (Apache License 2.0 with Runtime
Library Exception) and the Swift packages named in Leafpress's Package.swift (each under
the MIT or the Apache 2.0 licence; see each project). cmark, libqrencode and libcurl are
used from Debian's packages.
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
 information leaflets that opens from disk, prints cleanly to A4, A5 or Letter
 and carries the publisher's copyright and medical disclaimer on every page.
 It checks links, review dates and readability, and prints PDFs with
 Chromium. The default theme is built in; any file of it can be overridden.
EOF

mkdir -p "$out"
deb="$out/leafpress_${version}_amd64.deb"
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >&2
echo "package-deb: $deb ($(du -k "$deb" | cut -f1) KiB; Depends: $depends_line)" >&2
echo "$deb"
