/*
 * What every LSP feature of the server shares: the connection, the language service, the open
 * documents and their analyses, settings, the display language and the findings of files scanned
 * from disk. Everything a request needs is read synchronously: no request waits on the client.
 */
import { Connection } from 'vscode-languageserver/node';
import { DisplayLanguage } from './common/protocol';
import { ErrorCodebookSettings, displayLanguageOf, normaliseDisplayLanguage } from './common/settings';
import { DiagnosticsOptions, LanguageService, FindingGroup, Strings, stringsFor } from './core/index';
import { DocumentAnalyses, DocumentAnalysis } from './analysis';
import { DocumentStore, TrackedDocument } from './documentStore';
import { SettingsStore } from './settingsStore';

export interface DiskFindings {
  total: number;
  groups: FindingGroup[];
  /** The encoding the scan was asked to read the file in, if it named one. */
  encoding?: string;
}

export class ServerContext {
  /** Commands the client runs itself (e.g. copying to the clipboard), as it said in initializationOptions. */
  clientCommands = new Set<string>();
  /** Findings of files scanned from disk, by URI, for the Error Codes view. */
  readonly diskFindings = new Map<string, DiskFindings>();
  /** The editor's display language, from initialize's locale. */
  locale: string | undefined;
  readonly analyses: DocumentAnalyses;
  /** Listeners told when a document's findings should be published again; what they return settles once they are. */
  private readonly refreshListeners: ((uri: string) => Promise<unknown> | void)[] = [];
  private readonly closeListeners: ((uri: string) => void)[] = [];
  /** Asks the client to fetch inlay hints again (their settings or the catalogs changed); set by the inlay-hint feature. */
  refreshInlayHints: () => void = () => undefined;
  /** Scans a file from disk and publishes its findings; set by the scan-file feature. */
  scanFromDisk: (uri: string) => Promise<unknown> = async () => undefined;
  /**
   * Scans again the files scanned or being scanned from disk (those `include` accepts, or all) whose
   * findings no open document has replaced: they are said in the settings and with the catalogs of
   * their scan. A scan under way is done again once it ends. Set by the scan-file feature.
   */
  rescanFromDisk: (include?: (uri: string) => boolean) => void = () => undefined;
  /**
   * Publishes the findings of a file read ahead, its document not open yet, once it is read (again
   * after a change of its settings); set by the diagnostics feature.
   */
  publishAhead: (uri: string) => Promise<unknown> = async () => undefined;
  /** Withdraws what was published ahead for a file whose reading ahead was dropped; set by the diagnostics feature. */
  withdrawAhead: (uri: string) => void = () => undefined;

  constructor(
    readonly connection: Connection,
    public service: LanguageService,
    readonly documents: DocumentStore,
    readonly settings: SettingsStore,
  ) {
    this.analyses = new DocumentAnalyses(
      () => this.service,
      (uri) => this.documents.get(uri),
      (tracked) => this.diagnosticsOptions(this.settings.snapshot(tracked.uri)),
      (uri) => this.refresh(uri),
    );
  }

  /**
   * The analysis of a file read ahead, its document not open yet: `reading` while the file is read
   * or its settings are on their way; undefined when it is not read ahead, or stopped being meanwhile.
   */
  async analysisAhead(uri: string): Promise<{ ahead: TrackedDocument; analysis: DocumentAnalysis } | 'reading' | undefined> {
    const ahead = this.documents.readAheadOf(uri);
    if (!ahead) {
      return undefined;
    }
    if (ahead.disk.scanning || this.settings.isPending(uri)) {
      return 'reading';
    }
    const analysis = await this.analyses.prepare(ahead);
    if (!analysis || this.documents.readAheadOf(uri) !== ahead) {
      return undefined;
    }
    // New settings asked for meanwhile: what was worked out is in the old ones.
    return this.settings.isPending(uri) ? 'reading' : { ahead, analysis };
  }

  /** The display language: the setting when it names one, else the editor's. */
  languageFrom(settings: ErrorCodebookSettings): DisplayLanguage {
    return displayLanguageOf(settings.displayLanguage, this.locale);
  }

  /** The display language for a document (or the workspace), from the settings known now. */
  language(uri?: string): DisplayLanguage {
    return this.languageFrom(this.settings.snapshot(uri));
  }

  /** A language a request asked for, when it names one the server knows; else the display language. */
  requestedLanguage(asked: unknown, uri?: string): DisplayLanguage {
    const named = typeof asked === 'string' ? normaliseDisplayLanguage(asked) : undefined;
    return named === undefined || named === 'auto' ? this.language(uri) : named;
  }

  strings(uri?: string): Strings {
    return stringsFor(this.language(uri));
  }

  diagnosticsOptions(settings: ErrorCodebookSettings): DiagnosticsOptions {
    return {
      language: this.languageFrom(settings),
      severity: settings['diagnostics.severity'],
      maxCount: settings['diagnostics.maxPerFile'],
      codes: { severityByCode: settings['diagnostics.severityByCode'], ignoredCodes: new Set(settings.ignoredCodes) },
    };
  }

  onRefresh(listener: (uri: string) => Promise<unknown> | void): void {
    this.refreshListeners.push(listener);
  }

  /**
   * Asks every feature that publishes something for a document to do it again. What it returns
   * settles once that was published (or given up, the document having changed or closed).
   */
  refresh(uri: string): Promise<unknown> {
    return Promise.all(this.refreshListeners.map((listener) => listener(uri)));
  }

  onClose(listener: (uri: string) => void): void {
    this.closeListeners.push(listener);
  }

  /** Tells every feature that a document was closed. */
  closed(uri: string): void {
    this.analyses.forget(uri);
    for (const listener of this.closeListeners) {
      listener(uri);
    }
  }

  log(message: string): void {
    this.connection.console.log(message);
  }
}
