/*
 * A minimal LSP client for tests: spawns the built server over stdio and speaks to it as an editor
 * would. Waiting is done by polling for what arrives, never by sleeping a fixed time.
 */
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import { after, before } from 'node:test';
import * as os from 'os';
import * as path from 'path';
import { MessageConnection, StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const ROOT = path.resolve(__dirname, '..', '..');
export const SERVER = path.join(ROOT, 'dist', 'server.js');

export interface StartOptions {
  locale?: string;
  settings?: unknown;
  /** Answers to workspace/configuration; undefined means the client does not support it. */
  configuration?: (section: string, scopeUri?: string) => unknown;
  /** How long the client takes to answer workspace/configuration, as a slow editor might. */
  configurationDelayMs?: number;
  clientCommands?: string[];
  /** The workspace folder, as rootUri and workspaceFolders. */
  rootUri?: string;
  /** Whether the client can be asked to watch files (didChangeWatchedFiles, with relative patterns). */
  watchFiles?: boolean;
  /** Environment variables of the server process, besides this process's. */
  env?: Record<string, string>;
}

export class TestClient {
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  /** Every publishDiagnostics, in the order it arrived. */
  readonly published: PublishDiagnosticsParams[] = [];
  /** Each workspace/configuration request's items, and how many requests were answered. */
  readonly configurationRequests: { section: string; scopeUri?: string }[][] = [];
  configurationAnswered = 0;
  readonly notifications: { method: string; params: unknown }[] = [];
  readonly logs: string[] = [];
  /** What the server registered through client/registerCapability. */
  readonly registrations: { id: string; method: string; registerOptions?: unknown }[] = [];
  private versions = new Map<string, number>();
  /** The errorCodebook settings a client started with startWithSettings answers with. */
  private settingsAnswer: { errorCodebook: Record<string, unknown> } = { errorCodebook: {} };

  private constructor(
    readonly process: ChildProcess,
    readonly connection: MessageConnection,
  ) {}

  static async start(options: StartOptions = {}): Promise<TestClient> {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
    const reader = new StreamMessageReader(child.stdout!);
    // No watch for partial messages: vscode-jsonrpc re-arms that timer forever, even after dispose,
    // when the server exits in the middle of a message, and the test process would never end.
    reader.partialMessageTimeout = 0;
    const connection = createMessageConnection(reader, new StreamMessageWriter(child.stdin!));
    const client = new TestClient(child, connection);
    child.stderr!.on('data', (chunk) => client.logs.push(String(chunk)));
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      client.diagnostics.set(params.uri, params);
      client.published.push(params);
    });
    connection.onNotification((method, params) => {
      client.notifications.push({ method, params });
      if (method === 'window/logMessage') {
        client.logs.push((params as { message: string }).message);
      }
    });
    connection.onRequest('workspace/configuration', async (params: { items: { section: string; scopeUri?: string }[] }) => {
      client.configurationRequests.push(params.items);
      if (options.configurationDelayMs) {
        await new Promise((resolve) => setTimeout(resolve, options.configurationDelayMs));
      }
      // Asked when the answer is made, so a test can change the settings while a question is on its way.
      const answers = params.items.map((item) => options.configuration?.(item.section, item.scopeUri) ?? null);
      client.configurationAnswered++;
      return answers;
    });
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('client/registerCapability', (params: { registrations: { id: string; method: string; registerOptions?: unknown }[] }) => {
      client.registrations.push(...params.registrations);
      return null;
    });
    connection.onRequest('client/unregisterCapability', () => null);
    connection.onRequest('window/showMessageRequest', () => null);
    connection.onRequest('window/showDocument', () => ({ success: true }));
    connection.listen();
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: options.rootUri ?? null,
      ...(options.rootUri ? { workspaceFolders: [{ uri: options.rootUri, name: 'workspace' }] } : {}),
      locale: options.locale ?? 'en',
      capabilities: {
        workspace: {
          configuration: options.configuration !== undefined,
          didChangeConfiguration: { dynamicRegistration: true },
          ...(options.watchFiles ? { didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true } } : {}),
        },
        window: { workDoneProgress: true, showDocument: { support: true } },
        textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] }, publishDiagnostics: { versionSupport: true } },
      },
      initializationOptions: { settings: options.settings, clientCommands: options.clientCommands ?? [] },
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  /** Starts a client that answers workspace/configuration with errorCodebook settings the test changes (changeSettings). */
  static async startWithSettings(initial: Record<string, unknown> = {}): Promise<TestClient> {
    const answer = { errorCodebook: initial };
    const client = await TestClient.start({ configuration: (section) => (section === 'errorCodebook' ? answer.errorCodebook : null) });
    client.settingsAnswer = answer;
    return client;
  }

  /** Changes the errorCodebook settings this client answers with, and tells the server they changed. */
  changeSettings(next: Record<string, unknown>): void {
    this.settingsAnswer.errorCodebook = next;
    this.notify('workspace/didChangeConfiguration', { settings: { errorCodebook: next } });
  }

  open(uri: string, languageId: string, text: string): void {
    this.versions.set(uri, 1);
    this.diagnostics.delete(uri);
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  close(uri: string): void {
    this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  /** Waits until every workspace/configuration request so far was answered, and the server has read the answers. */
  async settle(timeoutMs = 10_000): Promise<void> {
    await waitFor(() => this.configurationAnswered === this.configurationRequests.length, timeoutMs, 'the answers to workspace/configuration');
    // A request after the answers is handled after them: the server has taken them in.
    await this.request('errorCodebook/catalogStatus', null);
  }

  change(uri: string, changes: unknown[], version?: number): number {
    const next = version ?? (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, Math.max(next, this.versions.get(uri) ?? 0));
    this.notify('textDocument/didChange', { textDocument: { uri, version: next }, contentChanges: changes });
    return next;
  }

  /** Sends a notification; a failure to write is logged, and shows up as what the test then waits for in vain. */
  notify(method: string, params: unknown): void {
    this.connection.sendNotification(method, params).catch((error: unknown) => this.logs.push(`Could not send ${method}: ${String(error)}`));
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  hover(uri: string, line: number, character: number): Promise<{ contents: { kind: string; value: string }; range: unknown } | null> {
    return this.request('textDocument/hover', { textDocument: { uri }, position: { line, character } });
  }

  /** Waits for diagnostics of a document (of a version, when given) and returns them. */
  async waitForDiagnostics(uri: string, version?: number, timeoutMs = 10_000): Promise<Diagnostic[]> {
    const params = await waitFor(() => {
      const published = this.diagnostics.get(uri);
      return published && (version === undefined || published.version === version) ? published : undefined;
    }, timeoutMs, `diagnostics for ${uri}${version !== undefined ? ` version ${version}` : ''}`);
    return params.diagnostics;
  }

  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.process.exitCode !== null || this.process.signalCode !== null) {
        resolve();
      } else {
        this.process.once('exit', () => resolve());
      }
    });
    const timeout = () => new Promise<void>((resolve) => setTimeout(resolve, 2000).unref());
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), timeout()]);
      await this.connection.sendNotification('exit');
    } catch {
      // The server may already be gone.
    }
    // The server ends itself after `exit`; nothing is written to it once its input is closed.
    await Promise.race([exited, timeout()]);
    this.connection.dispose();
    this.process.kill();
  }
}

/** Polls until `probe` returns something, or fails with what it was waiting for. */
export async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== null && value !== false) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export function fileUri(file: string): string {
  return `file://${path.resolve(file)}`;
}

/** The documents the protocol tests open, as files. */
export const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'documents');

/** A fixture document's URI and text. */
export function fixture(name: string): { uri: string; text: string } {
  const file = path.join(FIXTURES, name);
  return { uri: fileUri(file), text: fs.readFileSync(file, 'utf8') };
}

/** The position of the n-th (0-based) occurrence of `needle` in `text`, at its middle. */
export function positionOf(text: string, needle: string, nth = 0): { line: number; character: number } {
  const lines = text.split(/\r?\n/);
  let seen = 0;
  for (let line = 0; line < lines.length; line++) {
    let from = 0;
    for (;;) {
      const index = lines[line].indexOf(needle, from);
      if (index === -1) {
        break;
      }
      if (seen++ === nth) {
        return { line, character: index + Math.floor(needle.length / 2) };
      }
      from = index + 1;
    }
  }
  throw new Error(`${needle} not found`);
}

/**
 * For a suite: a scratch folder, returned, and a client started before its tests (handed to
 * `started`); both are gone after them.
 */
export function folderAndClientForSuite(folderPrefix: string, started: (client: TestClient) => void, start: () => Promise<TestClient> = () => TestClient.start()): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), folderPrefix));
  let client: TestClient | undefined;
  before(async () => {
    client = await start();
    started(client);
  });
  after(async () => {
    await client?.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  });
  return folder;
}
