#!/usr/bin/env bash
# Idempotent installer for the real-VS-Code e2e harness (code-server + Debian chromium).
# Safe to run from a clean checkout, as root, with no stdin (CI). Re-runs skip finished work.
#
#   bash test/e2e/harness/setup.sh
#
# Env:
#   POLICY_BRIEF_E2E_HOME   cache folder (default: <repo>/.cache/e2e)
#   POLICY_BRIEF_E2E_SKIP_APT=1  do not touch apt (packages must already be there)
set -Eeuo pipefail

NODE24_VERSION="24.21.0"        # npm package `node` (pulls node-linux-<arch>@same version)
CODE_SERVER_VERSION="4.139.1"   # = VS Code 1.139.1 server + web workbench; engines.node "24"
PLAYWRIGHT_CORE_VERSION="1.65.1"
APT_PACKAGES=(chromium libkrb5-dev build-essential python3 pkg-config curl)

HARNESS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$HARNESS_DIR/../../.." && pwd)"
E2E_HOME="${POLICY_BRIEF_E2E_HOME:-$REPO_ROOT/.cache/e2e}"

STEP_START=$SECONDS
log()  { printf '[e2e-setup %4ss] %s\n' "$((SECONDS - STEP_START))" "$*"; }
die()  { printf '[e2e-setup] ERROR: %s\n' "$*" >&2; exit 1; }
trap 'rc=$?; printf "[e2e-setup] FAILED (exit %s) at line %s: %s\n" "$rc" "$LINENO" "$BASH_COMMAND" >&2; exit $rc' ERR

# When run from an npm script (npm test), npm exports npm_config_* and npm_package_* variables to
# this shell. Nested `npm i` calls would inherit them as configuration — among them
# npm_config_user_agent ("… node/v20 …"), which code-server's postinstall reads to check the Node
# version. Start the nested installs from a clean npm environment.
while IFS='=' read -r name _; do
  case "$name" in npm_config_*|npm_package_*|npm_lifecycle_*|npm_execpath|npm_node_execpath|npm_command) unset "$name" ;; esac
done < <(env)

MARKER_CONTENT="node=$NODE24_VERSION code-server=$CODE_SERVER_VERSION playwright-core=$PLAYWRIGHT_CORE_VERSION arch=$(uname -m)"

# ---------------------------------------------------------------- 1. apt packages
apt_missing=()
for p in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    apt_missing+=("$p")
  fi
done
if ((${#apt_missing[@]} == 0)); then
  log "apt: all present (${APT_PACKAGES[*]})"
elif [[ "${POLICY_BRIEF_E2E_SKIP_APT:-}" == 1 ]]; then
  die "apt packages missing and POLICY_BRIEF_E2E_SKIP_APT=1: ${apt_missing[*]}"
else
  SUDO=()
  if [[ "$(id -u)" != 0 ]]; then
    command -v sudo >/dev/null || die "need root (or sudo) to apt-get install: ${apt_missing[*]}"
    SUDO=(sudo -n)
  fi
  log "apt: installing ${apt_missing[*]} (apt-get update first)"
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -q </dev/null
  "${SUDO[@]}" apt-get install -y -q -o Dpkg::Use-Pty=0 --no-install-recommends "${apt_missing[@]}" </dev/null
  log "apt: done"
fi
[[ -x /usr/bin/chromium ]] || die "/usr/bin/chromium missing after apt install"

# ---------------------------------------------------------------- 2. cache folder
mkdir -p "$E2E_HOME"
E2E_HOME="$(cd "$E2E_HOME" && pwd)"
MARKER="$E2E_HOME/.setup-complete"
NODE_DIR="$E2E_HOME/node24"
TOOLS_DIR="$E2E_HOME/tools"
find_n24() { ls -d "$NODE_DIR"/node_modules/node/node_modules/node-linux-* 2>/dev/null | head -n1; }
N24="$(find_n24 || true)"
if [[ -f "$MARKER" && "$(cat "$MARKER")" == "$MARKER_CONTENT" ]] \
   && [[ -n "$N24" && -x "$N24/bin/node" ]] \
   && [[ -f "$TOOLS_DIR/node_modules/code-server/out/node/entry.js" ]] \
   && [[ -f "$E2E_HOME/tools/node_modules/playwright-core/package.json" ]]; then
  log "already set up in $E2E_HOME ($MARKER_CONTENT); nothing to do"
  exit 0
fi
rm -f "$MARKER"

# A package.json in each scratch folder is essential: without one, npm walks up and
# would install into the repository's own package.json.
# allowScripts: newer npm (11.x) only warns about unapproved install scripts, later ones skip them;
# these installs depend on them (node's preinstall fetches node-linux-<arch> from the registry,
# code-server's postinstall installs and compiles its VS Code server's modules).
write_pkg() { # dir name allowScriptsJSON
  mkdir -p "$1"
  printf '{ "name": "%s", "private": true, "version": "0.0.0", "allowScripts": %s }\n' "$2" "$3" >"$1/package.json"
}

# ---------------------------------------------------------------- 3. Node 24 from the npm registry
if [[ -n "$N24" && -x "$N24/bin/node" && "$("$N24/bin/node" --version 2>/dev/null)" == "v$NODE24_VERSION" && -d "$N24/include/node" ]]; then
  log "node: v$NODE24_VERSION already in $N24"
else
  log "node: npm i node@$NODE24_VERSION in $NODE_DIR"
  rm -rf "$NODE_DIR"
  write_pkg "$NODE_DIR" e2e-node24 "{ \"node@$NODE24_VERSION\": true }"
  (cd "$NODE_DIR" && npm i --no-audit --no-fund "node@$NODE24_VERSION" </dev/null)
  N24="$(find_n24 || true)"
  [[ -n "$N24" && -x "$N24/bin/node" ]] || die "node@$NODE24_VERSION installed but no node_modules/node/node_modules/node-linux-*/bin/node"
  [[ -d "$N24/include/node" ]] || die "no headers in $N24/include/node (needed as npm_config_nodedir)"
  got="$("$N24/bin/node" --version)"
  [[ "$got" == "v$NODE24_VERSION" ]] || die "expected node v$NODE24_VERSION, got $got"
  log "node: $got at $N24"
fi

# ---------------------------------------------------------------- 4. code-server + playwright-core under Node 24
tools_ok() {
  [[ -f "$TOOLS_DIR/.installed" && "$(cat "$TOOLS_DIR/.installed")" == "$MARKER_CONTENT" ]] &&
  [[ -f "$TOOLS_DIR/node_modules/code-server/out/node/entry.js" ]] &&
  [[ "$("$N24/bin/node" -p "require('$TOOLS_DIR/node_modules/code-server/package.json').version" 2>/dev/null)" == "$CODE_SERVER_VERSION" ]] &&
  [[ "$("$N24/bin/node" -p "require('$TOOLS_DIR/node_modules/playwright-core/package.json').version" 2>/dev/null)" == "$PLAYWRIGHT_CORE_VERSION" ]]
}
if tools_ok; then
  log "tools: code-server@$CODE_SERVER_VERSION + playwright-core@$PLAYWRIGHT_CORE_VERSION already in $TOOLS_DIR"
else
  log "tools: npm i code-server@$CODE_SERVER_VERSION playwright-core@$PLAYWRIGHT_CORE_VERSION under Node 24 (compiles native modules, ~2-3 min)"
  rm -rf "$TOOLS_DIR"
  write_pkg "$TOOLS_DIR" e2e-tools "{ \"code-server@$CODE_SERVER_VERSION\": true, \"argon2\": true }"
  # Both overrides matter: npm is configured with the system Node 20 headers (nodedir=/usr),
  # and code-server's postinstall checks the Node version npm runs under.
  (cd "$TOOLS_DIR" && PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" \
     npm i --no-audit --no-fund "code-server@$CODE_SERVER_VERSION" "playwright-core@$PLAYWRIGHT_CORE_VERSION" </dev/null)
  [[ -f "$TOOLS_DIR/node_modules/code-server/out/node/entry.js" ]] || die "code-server entry.js missing after install"
  # The postinstall must have built the VS Code server's native modules against Node 24.
  for f in lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node \
           lib/vscode/node_modules/kerberos/build/Release/kerberos.node \
           lib/vscode/node_modules/node-pty/package.json; do
    [[ -e "$TOOLS_DIR/node_modules/code-server/$f" ]] || die "code-server postinstall incomplete: missing $f (were install scripts skipped?)"
  done
  printf '%s\n' "$MARKER_CONTENT" >"$TOOLS_DIR/.installed"
  tools_ok || die "tools installed but versions do not match the pins"
  log "tools: done"
fi

# ---------------------------------------------------------------- 5. smoke check
# code-server writes ~/.config/code-server/config.yaml even for --version: give it a scratch HOME.
scratch_home="$(mktemp -d)"
csv="$(HOME="$scratch_home" PATH="$N24/bin:$PATH" "$N24/bin/node" "$TOOLS_DIR/node_modules/code-server/out/node/entry.js" --version 2>&1 | grep -E "^$CODE_SERVER_VERSION " | head -n1 || true)"
rm -rf "$scratch_home"
[[ -n "$csv" ]] || die "code-server --version did not print $CODE_SERVER_VERSION"
log "check: code-server --version -> $csv"
log "check: $(/usr/bin/chromium --version 2>/dev/null || echo 'chromium --version failed')"

printf '%s\n' "$MARKER_CONTENT" >"$MARKER"
log "ready: $E2E_HOME ($MARKER_CONTENT)"
