/*
 * The settings of every open document, always at hand: a snapshot is read synchronously, so no
 * request or document notification waits on the client. Snapshots start from
 * initializationOptions.settings (else the defaults); clients that answer workspace/configuration
 * are asked, in one batched request, for the workspace and for each document when it opens and
 * after every change of configuration, and each answer replaces the snapshot it is for. Clients
 * that cannot answer push their settings with didChangeConfiguration.
 *
 * Listeners hear every answer with the snapshot before and after it, and decide from the
 * difference what to redo. The entry of a document is dropped when it closes.
 */
import { Connection } from 'vscode-languageserver/node';
import { ErrorCodebookSettings, SETTINGS_SECTION, resolveSettings } from './common/settings';
import { encodingLabel } from './common/encodings';

/** The workspace's own settings (no document) are keyed by this. */
const WORKSPACE = '';
/** How long a document waits for the client's answer before its snapshot counts as the answer. */
const ANSWER_TIMEOUT_MS = 2000;

export type SettingsListener = (uri: string | undefined, before: ErrorCodebookSettings, after: ErrorCodebookSettings) => void;

export class SettingsStore {
  /** initializationOptions.settings, or what a client pushed last, over the defaults. */
  private base: ErrorCodebookSettings;
  /** The last answer for the workspace and for each open document. */
  private readonly answers = new Map<string, ErrorCodebookSettings>();
  /** The newest request asked for each key; answers to older ones are dropped. */
  private readonly asked = new Map<string, number>();
  /** Keys whose first answer since they were asked has not come (nor timed out). */
  private readonly waiting = new Set<string>();
  private requestCount = 0;
  /** Keys to ask for in the next batch. */
  private readonly toAsk = new Set<string>();
  private flushScheduled = false;
  private readonly listeners: SettingsListener[] = [];
  /** Each distinct problem with a value is logged once. */
  private readonly reported = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly canAskClient: boolean,
    initialSettings: unknown,
    private readonly isOpen: (uri: string) => boolean,
  ) {
    this.base = this.resolve(initialSettings);
  }

  /** The settings that apply to a document now (or to the workspace, without a URI). */
  snapshot(uri?: string): ErrorCodebookSettings {
    return (uri !== undefined ? this.answers.get(uri) : undefined) ?? this.answers.get(WORKSPACE) ?? this.base;
  }

  /** Whether the client answered for a document's settings, or was asked and has not answered yet. */
  knows(uri: string): boolean {
    return this.answers.has(uri) || this.waiting.has(uri);
  }

  /** Whether the client was asked for a document's settings and has not answered yet. */
  isPending(uri: string): boolean {
    return this.waiting.has(uri);
  }

  onDidChange(listener: SettingsListener): void {
    this.listeners.push(listener);
  }

  /** Asks the client for the settings of a document (or the workspace), batched with other questions. */
  ask(uri?: string): void {
    if (!this.canAskClient) {
      return;
    }
    const key = uri ?? WORKSPACE;
    this.toAsk.add(key);
    // Marked at once, so whoever checks before the batch goes out knows an answer is coming.
    this.waiting.add(key);
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
  }

  /**
   * Settings changed: clients that answer are asked again for the workspace and every open
   * document; the settings a client pushed become the new base either way.
   */
  changed(pushed: unknown, openUris: readonly string[]): void {
    const section = pushed !== null && typeof pushed === 'object' ? (pushed as Record<string, unknown>)[SETTINGS_SECTION] : undefined;
    if (this.canAskClient) {
      this.ask();
      for (const uri of openUris) {
        this.ask(uri);
      }
      return;
    }
    if (section === undefined) {
      return;
    }
    const befores = [undefined, ...openUris].map((uri) => ({ uri, before: this.snapshot(uri) }));
    this.base = this.resolve(section);
    for (const { uri, before } of befores) {
      this.emit(uri, before, this.snapshot(uri));
    }
  }

  /** Forgets a closed document's settings; an answer still on its way is dropped. */
  forget(uri: string): void {
    this.answers.delete(uri);
    this.asked.delete(uri);
    this.waiting.delete(uri);
    this.toAsk.delete(uri);
  }

  /** How many documents have settings of their own, for tests of pruning. */
  get documentEntries(): number {
    return new Set([...this.answers.keys(), ...this.asked.keys(), ...this.waiting, ...this.toAsk].filter((key) => key !== WORKSPACE)).size;
  }

  /**
   * The encoding the editor reads a file in, as a WHATWG label, when it says (VS Code's
   * `files.encoding`); undefined otherwise.
   */
  async fileEncoding(uri: string): Promise<string | undefined> {
    if (!this.canAskClient) {
      return undefined;
    }
    try {
      const value: unknown = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'files.encoding' });
      return typeof value === 'string' && value !== '' ? encodingLabel(value) : undefined;
    } catch {
      return undefined;
    }
  }

  private resolve(raw: unknown): ErrorCodebookSettings {
    return resolveSettings(raw, (problem) => {
      if (!this.reported.has(problem)) {
        this.reported.add(problem);
        this.connection.console.warn(problem);
      }
    });
  }

  private flush(): void {
    this.flushScheduled = false;
    const keys = [...this.toAsk];
    this.toAsk.clear();
    if (keys.length === 0) {
      return;
    }
    const request = ++this.requestCount;
    for (const key of keys) {
      this.asked.set(key, request);
    }
    const items = keys.map((key) => (key === WORKSPACE ? { section: SETTINGS_SECTION } : { scopeUri: key, section: SETTINGS_SECTION }));
    // A client that is slow to answer must not hold diagnostics back: after a while the snapshot
    // stands, and the answer still counts when it comes.
    const timer = setTimeout(() => {
      for (const key of keys) {
        if (this.asked.get(key) === request && this.waiting.delete(key)) {
          const uri = key === WORKSPACE ? undefined : key;
          this.emit(uri, this.snapshot(uri), this.snapshot(uri));
        }
      }
    }, ANSWER_TIMEOUT_MS);
    const settle = (answers: unknown[]) => {
      clearTimeout(timer);
      keys.forEach((key, index) => this.receive(key, request, answers[index]));
    };
    this.connection.workspace.getConfiguration(items).then(
      (answers: unknown) => settle(Array.isArray(answers) ? answers : []),
      () => settle([]),
    );
  }

  private receive(key: string, request: number, raw: unknown): void {
    if (this.asked.get(key) !== request) {
      // Asked again since (or forgotten): the newer question's answer counts.
      return;
    }
    this.asked.delete(key);
    this.waiting.delete(key);
    const uri = key === WORKSPACE ? undefined : key;
    if (uri !== undefined && !this.isOpen(uri)) {
      return;
    }
    const before = this.snapshot(uri);
    // A client with nothing to say about the section answers null: the base settings apply.
    this.answers.set(key, raw === null || raw === undefined ? this.base : this.resolve(raw));
    this.emit(uri, before, this.snapshot(uri));
  }

  private emit(uri: string | undefined, before: ErrorCodebookSettings, after: ErrorCodebookSettings): void {
    for (const listener of this.listeners) {
      listener(uri, before, after);
    }
  }
}
