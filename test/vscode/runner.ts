/*
 * Runs the VS Code tests (test/vscode/suite, bundled into out/test/vscode/suite) inside a real VS
 * Code extension host: code-server on 127.0.0.1 with a fresh state folder, the workbench opened in
 * headless Chromium with a smoke-test payload naming this repository as the extension under
 * development and the suite as its tests. Exits with the suite's exit code; never passes by
 * skipping: a missing code-server or Chromium is a failure that says how to install it.
 *
 *   npm run test:vscode            (builds first)
 *   MOCHA_GREP=hover npm run test:vscode
 *   KEEP_RUN_DIR=1 …               keeps the state folder for a look afterwards
 */
import * as fs from 'fs';
import * as path from 'path';
import * as util from 'util';
import type { BrowserContext } from 'playwright-core';
import {
  CodeServer,
  ROOT,
  SetupError,
  findInstallation,
  launchBrowser,
  makeRunDir,
  onSignals,
  remoteUri,
  startCodeServer,
  workbenchUrl,
} from './codeServer';
import { prepareWorkspace } from './workspace';

const SUITE_INDEX = path.join(ROOT, 'out', 'test', 'vscode', 'suite', 'index.js');
const RESULTS = path.join(ROOT, 'test-results', 'vscode');
const TIMEOUT_MS = Number(process.env.ERROR_CODEBOOK_VSCODE_TIMEOUT_MS ?? 5 * 60 * 1000);

async function main(): Promise<number> {
  let installation;
  try {
    installation = findInstallation();
  } catch (error) {
    if (error instanceof SetupError) {
      console.error(`Cannot run the VS Code tests:\n${error.message}`);
      return 2;
    }
    throw error;
  }
  for (const [file, fix] of [
    [path.join(ROOT, 'dist', 'extension.js'), 'npm run build'],
    [path.join(ROOT, 'dist', 'server.js'), 'npm run build'],
    [SUITE_INDEX, 'npm run build:test:vscode'],
  ]) {
    if (!fs.existsSync(file)) {
      console.error(`Cannot run the VS Code tests: ${path.relative(ROOT, file)} is missing: run ${fix} (npm run test:vscode does both).`);
      return 2;
    }
  }

  fs.mkdirSync(RESULTS, { recursive: true });
  const runDir = makeRunDir('error-codebook-vscode');
  const workspace = path.join(runDir, 'workspace');
  prepareWorkspace(workspace);

  let server: CodeServer | undefined;
  let browser: BrowserContext | undefined;
  let cleaned = false;
  const cleanup = async () => {
    if (cleaned) {
      return;
    }
    cleaned = true;
    await browser?.close().catch(() => undefined);
    await server?.stop();
    if (!process.env.KEEP_RUN_DIR) {
      fs.rmSync(runDir, { recursive: true, force: true, maxRetries: 3 });
    } else {
      console.log(`State folder kept: ${runDir}`);
    }
  };
  const unhook = onSignals(cleanup);

  try {
    const started = Date.now();
    server = await startCodeServer(installation, {
      runDir,
      workspace,
      logFile: path.join(RESULTS, 'code-server.log'),
      // The extension host inherits this environment.
      env: { ERROR_CODEBOOK_TEST: '1', ...(process.env.MOCHA_GREP ? { MOCHA_GREP: process.env.MOCHA_GREP } : {}) },
      settings: { 'errorCodebook.displayLanguage': 'en' },
    });
    console.log(`code-server ${server.origin} ready in ${Date.now() - started} ms (state in ${runDir})`);

    browser = await launchBrowser(installation, runDir, server.origin);
    const page = browser.pages()[0] ?? (await browser.newPage());
    const exitCode = new Promise<number>((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code: number) => resolve(Number(code)));
    });
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      const text = util.format(...(Array.isArray(args) ? args : [args]));
      (type === 'error' ? console.error : console.log)(text);
    });
    const pageLog = fs.createWriteStream(path.join(RESULTS, 'workbench-console.log'));
    page.on('console', (message) => pageLog.write(`[${message.type()}] ${message.text()}\n`));
    page.on('pageerror', (error) => pageLog.write(`[pageerror] ${error.stack ?? error.message}\n`));

    const payload: [string, string][] = [
      ['extensionDevelopmentPath', remoteUri(server, ROOT)],
      ['extensionTestsPath', remoteUri(server, SUITE_INDEX)],
    ];
    await page.goto(workbenchUrl(server, workspace, payload));

    const timeout = new Promise<number>((resolve) =>
      setTimeout(() => {
        console.error(`The VS Code tests did not finish within ${TIMEOUT_MS / 1000} s.`);
        resolve(1);
      }, TIMEOUT_MS).unref(),
    );
    let finished = false;
    const serverExit = new Promise<number>((resolve) =>
      server!.process.once('exit', (code) => {
        if (!finished) {
          console.error(`code-server exited (${code}) before the tests finished.`);
          resolve(1);
        }
      }),
    );
    const code = await Promise.race([exitCode, timeout, serverExit]);
    finished = true;
    pageLog.end();
    if (code !== 0) {
      reportOutputChannel(runDir);
    }
    console.log(code === 0 ? `VS Code tests passed in ${((Date.now() - started) / 1000).toFixed(1)} s.` : `VS Code tests FAILED (exit ${code}); logs in ${path.relative(ROOT, RESULTS)}/.`);
    return code;
  } finally {
    await cleanup();
    unhook();
  }
}

/** Copies the extension's output channel (the server's own log, its stderr included) into test-results and prints its end. */
function reportOutputChannel(runDir: string): void {
  const logs = path.join(runDir, 'user-data', 'logs');
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of fs.existsSync(folder) ? fs.readdirSync(folder, { withFileTypes: true }) : []) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        walk(file);
      } else if (entry.name.endsWith('Error Codebook.log')) {
        found.push(file);
      }
    }
  };
  walk(logs);
  for (const file of found) {
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(path.join(RESULTS, 'error-codebook-output.log'), text);
    const tail = text.split('\n').slice(-60).join('\n');
    console.error(`\n--- the "Error Codebook" output channel (end; all of it in ${path.relative(ROOT, RESULTS)}/error-codebook-output.log) ---\n${tail}`);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
