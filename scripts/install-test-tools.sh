#!/usr/bin/env bash
# Installs the Debian packages the test suite drives as real clients: Neovim (second LSP client)
# and Chromium (preview rendering test). Idempotent; needs root (CI runs as root). The real VS Code
# (code-server) is installed by test/e2e/harness/setup.sh.
set -euo pipefail
missing=()
command -v nvim >/dev/null 2>&1 || missing+=(neovim)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" != 0 ]; then
  echo "install-test-tools: missing ${missing[*]}; run as root or install them with apt-get" >&2
  exit 1
fi
echo "install-test-tools: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
