#!/usr/bin/env bash
# npm-on-node.sh NODE_DIR [npm-args...]: runs npm on NODE_DIR/bin/node, whatever environment it is called
# from. npm itself and every script it runs find that Node first on PATH, npm's user agent names it (some
# postinstall scripts, code-server's among them, read the Node version from npm_config_user_agent), and
# native modules build against its headers (npm_config_nodedir=NODE_DIR, which beats a `nodedir` in npmrc).
#
# Called from inside `npm run`, the environment holds the outer npm's whole configuration as npm_config_*
# variables (its user agent with the outer Node's version, nodedir, prefix, ...) plus npm_*, INIT_CWD, NODE
# and node_modules/.bin folders on PATH; a nested npm would take all of it as its own. All of that is
# dropped, except the settings that say how to reach the registry (registry, proxy, CA, cache, fetch_*),
# and the nested npm reads the same global npmrc as the machine's npm (its default would follow the Node
# it runs on, NODE_DIR/etc/npmrc).
set -euo pipefail

if [ $# -lt 1 ] || [ ! -x "${1:-}/bin/node" ]; then
  echo "usage: npm-on-node.sh NODE_DIR [npm-args...]   (NODE_DIR/bin/node must exist: got '${1:-}')" >&2
  exit 2
fi
node_dir=$(cd "$1" && pwd)
shift

# PATH without the folders npm adds for scripts (node_modules/.bin, npm's node-gyp shim).
path=
IFS=: read -r -a entries <<< "$PATH"
for entry in "${entries[@]}"; do
  case "$entry" in
    '' | */node_modules/.bin | */node_modules/.bin/ | */node-gyp-bin | */node-gyp-bin/) ;;
    *) path="${path:+$path:}$entry" ;;
  esac
done

if ! machine_node=$(PATH="$path" command -v node); then
  echo "npm-on-node.sh: no node on PATH to find npm's global configuration with" >&2
  exit 2
fi
if ! PATH="$path" command -v npm >/dev/null; then
  echo "npm-on-node.sh: no npm on PATH" >&2
  exit 2
fi

# Names come from `env -0`: a variable whose name bash cannot hold (npm_config_@scope:registry) is still
# passed on to children, and only `env -u` removes it.
drop=()
while IFS= read -r -d '' entry; do
  name=${entry%%=*}
  case "${name,,}" in
    npm_config_registry | npm_config_@*:registry | npm_config_proxy | npm_config_https_proxy | \
      npm_config_noproxy | npm_config_cafile | npm_config_ca | npm_config_strict_ssl | npm_config_cache | \
      npm_config_fetch_*) ;;
    npm_* | init_cwd | node) drop+=(-u "$name") ;;
  esac
done < <(env -0)

exec env ${drop[@]+"${drop[@]}"} \
  PATH="$node_dir/bin:$path" \
  npm_config_nodedir="$node_dir" \
  npm_config_globalconfig="$(dirname "$(dirname "$(readlink -f "$machine_node")")")/etc/npmrc" \
  npm "$@"
