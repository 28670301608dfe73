/*
 * The benchmark's row in VS Code itself: code-server (the VS Code tests' setup, on 127.0.0.1) with
 * this repository as the extension under development and bench/vscode/driver.ts as its tests entry
 * point, which opens the large log and times it from inside the extension host. Optional: without
 * code-server or Chromium it reports why and the row says n/a. Never a test: nothing fails on time.
 */
import { buildSync } from 'esbuild';
import * as fs from 'fs';
import * as path from 'path';
import * as util from 'util';
import { CodeServer, ROOT, SetupError, findInstallation, launchBrowser, makeRunDir, remoteUri, startCodeServer, workbenchUrl } from '../../test/vscode/codeServer';

export interface VsCodeRun {
  opened: 'editor' | 'api';
  toTabMs: number;
  readAhead: boolean;
  toExtensionHostMs: number;
  toDiagnosticsMs: number;
  diagnostics: number;
  readFromDisk: boolean;
  rss: number;
}

export interface VsCodeResult {
  available: boolean;
  why?: string;
  runs: VsCodeRun[];
  rssBefore: number;
  rssAfterClosing: number;
  largeDocumentsStillOpen: number;
}

const TIMEOUT_MS = 10 * 60 * 1000;

/**
 * Opens `logFile` in VS Code `runs` times as a person does and `runs` times as an extension does (a
 * copy each time) and times it; the small log warms the server up.
 */
export async function measureInVsCode(logFile: string, smallLog: string, runs: number, dataFolder: string): Promise<VsCodeResult> {
  let installation;
  try {
    installation = findInstallation();
  } catch (error) {
    if (error instanceof SetupError) {
      return { available: false, why: error.message, runs: [], rssBefore: NaN, rssAfterClosing: NaN, largeDocumentsStillOpen: 0 };
    }
    throw error;
  }
  for (const built of ['dist/extension.js', 'dist/server.js']) {
    if (!fs.existsSync(path.join(ROOT, built))) {
      throw new Error(`${built} is missing: npm run bench builds it first.`);
    }
  }
  const driverFolder = path.join(dataFolder, 'vscode-driver');
  buildSync({ entryPoints: [path.join(ROOT, 'bench', 'vscode', 'driver.ts')], bundle: true, platform: 'node', target: 'node18', format: 'cjs', external: ['vscode'], outfile: path.join(driverFolder, 'index.js'), logLevel: 'error' });
  const runDir = makeRunDir('error-codebook-bench-vscode');
  const workspace = path.join(runDir, 'workspace');
  fs.mkdirSync(workspace, { recursive: true });
  for (let run = 1; run <= 2 * runs; run++) {
    fs.copyFileSync(logFile, path.join(workspace, `big-${run}.log`));
  }
  fs.copyFileSync(smallLog, path.join(workspace, 'small.log'));
  const resultsFile = path.join(runDir, 'results.json');
  let server: CodeServer | undefined;
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  try {
    server = await startCodeServer(installation, {
      runDir,
      workspace,
      env: { ERROR_CODEBOOK_BENCH_RESULTS: resultsFile, ERROR_CODEBOOK_BENCH_RUNS: String(runs) },
      // code-server asks before it shows a file over 10 MB; desktop VS Code, over 1 GB.
      settings: { 'errorCodebook.displayLanguage': 'en', 'workbench.editorLargeFileConfirmation': 1024 },
    });
    browser = await launchBrowser(installation, runDir, server.origin);
    const page = browser.pages()[0] ?? (await browser.newPage());
    const exitCode = new Promise<number>((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code: number) => resolve(Number(code)));
    });
    const logs: string[] = [];
    await page.exposeFunction('codeAutomationLog', (_type: string, args: unknown[]) => logs.push(util.format(...(Array.isArray(args) ? args : [args]))));
    const payload: [string, string][] = [
      ['extensionDevelopmentPath', remoteUri(server, ROOT)],
      ['extensionTestsPath', remoteUri(server, path.join(driverFolder, 'index.js'))],
    ];
    await page.goto(workbenchUrl(server, workspace, payload));
    const code = await Promise.race([exitCode, new Promise<number>((resolve) => setTimeout(() => resolve(-1), TIMEOUT_MS).unref())]);
    if (code !== 0 || !fs.existsSync(resultsFile)) {
      throw new Error(`${code === -1 ? 'VS Code did not finish the measurement in time.' : `The measurement in VS Code failed (exit ${code}).`}\n${logs.slice(-20).join('\n')}`);
    }
    return { available: true, ...(JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as Omit<VsCodeResult, 'available'>) };
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    fs.rmSync(runDir, { recursive: true, force: true, maxRetries: 3 });
  }
}
