#!/usr/bin/env bash
# Finds ripgrep for `npm run bench` (it times `truthline check` against `rg` on the same tree), or fetches
# Debian's ripgrep package without root: `apt-get download` and `dpkg -x` into the cache folder the other
# install script uses. Prints the path of `rg` on its last line; exits non-zero with the reason otherwise.
set -euo pipefail

CACHE="${TRUTHLINE_CACHE:-$HOME/.cache/truthline}"
log() { echo "[install-ripgrep] $*" >&2; }
fail() { echo "[install-ripgrep] ERROR: $*" >&2; exit 1; }

if command -v rg >/dev/null; then command -v rg; exit 0; fi
for found in "$CACHE"/ripgrep-*/usr/bin/rg; do
  if [ -x "$found" ] && "$found" --version >/dev/null 2>&1; then echo "$found"; exit 0; fi
done

command -v apt-get >/dev/null || fail "rg is not on PATH and there is no apt-get: install ripgrep with your system's package manager"
command -v dpkg >/dev/null || fail "rg is not on PATH and there is no dpkg to unpack Debian's ripgrep package"
mkdir -p "$CACHE"
tmp=$(mktemp -d "$CACHE/.ripgrep.XXXXXX")
trap 'rm -rf "$tmp"' EXIT   # a half-done download is never left in the cache
log "fetching Debian package ripgrep (apt-get download, no root needed)"
(cd "$tmp" && apt-get download -qq ripgrep >&2) \
  || fail "apt-get download ripgrep failed (no package lists? run apt-get update as root, or install ripgrep yourself)"
deb=$(ls "$tmp"/ripgrep_*.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || fail "apt-get download ripgrep left no .deb file"
version=$(dpkg-deb -f "$deb" Version | tr ':~+' '___')
dpkg -x "$deb" "$tmp/root" || fail "dpkg -x could not unpack $(basename "$deb")"
"$tmp/root/usr/bin/rg" --version >/dev/null 2>&1 || fail "the unpacked rg does not run: $("$tmp/root/usr/bin/rg" --version 2>&1 | sed -n 1p)"
target="$CACHE/ripgrep-$version"
rm -rf "$target"; mv "$tmp/root" "$target"
log "ready: $("$target/usr/bin/rg" --version | sed -n 1p)"
echo "$target/usr/bin/rg"
