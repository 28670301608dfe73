/*
 * The same suite in desktop VS Code, downloaded by @vscode/test-electron — for machines that can
 * download VS Code (this one cannot: it uses test/vscode/runner.ts with code-server instead).
 *
 *   npm run build && npm run build:test:vscode && node --import tsx test/vscode/runWithElectron.ts
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

const ROOT = path.resolve(__dirname, '..', '..');

async function main(): Promise<void> {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'error-codebook-electron-'));
  fs.cpSync(path.join(ROOT, 'test', 'vscode', 'fixtures'), workspace, { recursive: true });
  try {
    await runTests({
      version: process.env.VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(ROOT, 'out', 'test', 'vscode', 'suite', 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', '--locale=en'],
      extensionTestsEnv: { ERROR_CODEBOOK_TEST: '1' },
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error('The VS Code tests failed:', error);
  process.exit(1);
});
