#!/usr/bin/env bash
# Installs everything Error Codebook needs on a fresh machine: the npm packages of the project,
# and (for the real-VS-Code tests and `npm start` without a local VS Code) Debian's Chromium,
# ripgrep for the benchmark, and code-server in .vscode-server-test/.
set -euo pipefail
cd "$(dirname "$0")/.."

npm ci --no-audit --no-fund
bash scripts/setup-code-server.sh
