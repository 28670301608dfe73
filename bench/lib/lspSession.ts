/*
 * A minimal LSP client for the benchmark: spawns dist/server.js --stdio, with the Node flag and
 * environment the VS Code client starts it with, and speaks real JSON-RPC to it. Unlike the test client it never polls: waiting for diagnostics resolves the moment the
 * notification is read, so the times measured are the server's, not a polling interval's.
 */
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import { MessageConnection, StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';
import { SERVER_EXEC_ARGV, serverEnvironment } from '../../server/src/common/serverProcess';
import { now } from './measure';

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: { message: string; code?: string | number; range: { start: { line: number; character: number } } }[];
}

interface Waiter {
  uri: string;
  version?: number;
  resolve: (params: PublishedDiagnostics) => void;
}

export class LspSession {
  readonly logs: string[] = [];
  /** The last findings total the server announced per document. */
  readonly findingsTotals = new Map<string, number>();
  /** When each publishDiagnostics arrived (`now()`), with its document and version. */
  readonly publications: { uri: string; version: number | undefined; at: number }[] = [];
  private waiters: Waiter[] = [];
  private exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  private exitListeners: ((error: Error) => void)[] = [];

  private constructor(
    readonly child: ChildProcess,
    readonly connection: MessageConnection,
  ) {}

  static async start(serverPath: string, options: { settings?: unknown; nodeArgs?: string[] } = {}): Promise<LspSession> {
    // Started as the VS Code client starts it (server/src/common/serverProcess.ts).
    const child = spawn(process.execPath, [...SERVER_EXEC_ARGV, ...(options.nodeArgs ?? []), serverPath, '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...serverEnvironment(process.env) },
    });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const session = new LspSession(child, connection);
    child.stderr!.on('data', (chunk) => session.logs.push(String(chunk)));
    child.on('exit', (code, signal) => {
      session.exited = { code, signal };
      const error = new Error(`The language server exited (code ${code}, signal ${signal}).\n${session.logs.slice(-20).join('\n')}`);
      for (const listener of session.exitListeners) {
        listener(error);
      }
    });
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishedDiagnostics) => {
      session.publications.push({ uri: params.uri, version: params.version, at: now() });
      const ready = session.waiters.filter((waiter) => waiter.uri === params.uri && (waiter.version === undefined || waiter.version === params.version));
      session.waiters = session.waiters.filter((waiter) => !ready.includes(waiter));
      for (const waiter of ready) {
        waiter.resolve(params);
      }
    });
    connection.onNotification('errorCodebook/findingsChanged', (params: { uri: string; total: number }) => {
      session.findingsTotals.set(params.uri, params.total);
    });
    connection.onNotification('window/logMessage', (params: { message: string }) => {
      session.logs.push(params.message);
    });
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/showMessageRequest', () => null);
    connection.listen();
    await session.guard(
      connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: null,
        locale: 'en',
        capabilities: {
          workspace: { configuration: false },
          textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] }, publishDiagnostics: { versionSupport: true } },
        },
        initializationOptions: { settings: options.settings ?? {}, clientCommands: [] },
      }),
      30_000,
      'initialize',
    );
    await connection.sendNotification('initialized', {});
    return session;
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Resolves with what `promise` gives, or rejects when the server exits or the time runs out. */
  guard<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
    if (this.exited) {
      return Promise.reject(new Error(`The language server is not running (${what}).`));
    }
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`)), timeoutMs);
      const onExit = (error: Error) => {
        clearTimeout(timer);
        reject(error);
      };
      this.exitListeners.push(onExit);
      promise.then(
        (value) => {
          clearTimeout(timer);
          this.exitListeners = this.exitListeners.filter((listener) => listener !== onExit);
          resolve(value);
        },
        (error) => {
          clearTimeout(timer);
          this.exitListeners = this.exitListeners.filter((listener) => listener !== onExit);
          reject(error);
        },
      );
    });
  }

  /** A promise for the next diagnostics of a document (of a version, when given); register before sending. */
  nextDiagnostics(uri: string, version?: number, timeoutMs = 120_000): Promise<PublishedDiagnostics> {
    const promise = new Promise<PublishedDiagnostics>((resolve) => this.waiters.push({ uri, version, resolve }));
    return this.guard(promise, timeoutMs, `diagnostics of ${uri}${version !== undefined ? ` version ${version}` : ''}`);
  }

  open(uri: string, languageId: string, version: number, text: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, contentChanges: unknown[]): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown, timeoutMs = 60_000): Promise<R> {
    return this.guard(this.connection.sendRequest(method, params) as Promise<R>, timeoutMs, method);
  }

  /** VmRSS and VmHWM of the server process, in bytes (Linux only). */
  memory(): { rss: number; peak: number } | undefined {
    try {
      const status = fs.readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
      return { rss: field('VmRSS'), peak: field('VmHWM') };
    } catch {
      return undefined;
    }
  }

  get running(): boolean {
    return this.exited === undefined;
  }

  /** Shuts the server down politely, then kills it whatever happens. */
  async stop(): Promise<void> {
    if (this.exited) {
      this.connection.dispose();
      return;
    }
    try {
      await this.guard(this.connection.sendRequest('shutdown'), 3000, 'shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // Killed below.
    }
    // Give it time to exit by itself (a --cpu-prof profile is written on exit), then make sure.
    const deadline = Date.now() + 5000;
    while (!this.exited && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    this.kill();
    this.connection.dispose();
  }

  /** Kills the server at once (used on error and at process exit). */
  kill(): void {
    if (!this.exited) {
      this.child.kill('SIGKILL');
    }
  }
}
