/*
 * The same suite in desktop VS Code, downloaded by @vscode/test-electron — for machines that can
 * download VS Code (CI here cannot: npm test uses test/vscode/runner.ts with code-server instead).
 * It runs on the oldest VS Code the extension supports (engines.vscode in package.json) and on the
 * newest stable one; VSCODE_VERSION=<version> runs one only.
 *
 *   npm run test:electron
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';
import { prepareWorkspace } from './workspace';

const ROOT = path.resolve(__dirname, '..', '..');

/** The oldest VS Code the extension declares it runs on, e.g. `1.82.0` for `^1.82.0`. */
function minimumVersion(): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { engines: { vscode: string } };
  return manifest.engines.vscode.replace(/^[\^~>=]+/, '');
}

async function main(): Promise<void> {
  const versions = process.env.VSCODE_VERSION ? [process.env.VSCODE_VERSION] : [minimumVersion(), 'stable'];
  for (const version of versions) {
    console.log(`VS Code ${version}:`);
    await runIn(version);
  }
}

async function runIn(version: string): Promise<void> {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'error-codebook-electron-'));
  prepareWorkspace(workspace);
  try {
    await runTests({
      version,
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
