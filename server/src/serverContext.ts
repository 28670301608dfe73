/*
 * What every LSP feature of the server shares: the connection, the language service, the open
 * documents, settings, the display language and the findings of files scanned from disk.
 */
import { Connection } from 'vscode-languageserver/node';
import { DisplayLanguage } from './common/protocol';
import { ErrorCodebookSettings } from './common/settings';
import { LanguageService, FindingGroup, Strings, stringsFor } from './core/index';
import { DocumentStore } from './documentStore';
import { SettingsProvider } from './settingsProvider';

export interface DiskFindings {
  total: number;
  groups: FindingGroup[];
}

export class ServerContext {
  /** Commands the client runs itself (e.g. copying to the clipboard), as it said in initializationOptions. */
  clientCommands = new Set<string>();
  /** Findings of files scanned from disk, by URI, for the Error Codes view. */
  readonly diskFindings = new Map<string, DiskFindings>();
  /** The editor's display language, from initialize's locale. */
  localeLanguage: DisplayLanguage = 'en';
  /** Listeners told when a document's findings should be computed again. */
  private readonly refreshListeners: ((uri: string) => void)[] = [];
  private readonly closeListeners: ((uri: string) => void)[] = [];
  /** Scans a file from disk and publishes its findings; set by the scan-file feature. */
  scanFromDisk: (uri: string) => Promise<unknown> = async () => undefined;

  constructor(
    readonly connection: Connection,
    public service: LanguageService,
    readonly documents: DocumentStore,
    public settings: SettingsProvider,
  ) {}

  /** The display language: the setting when it names one, else the editor's. */
  languageFrom(settings: ErrorCodebookSettings): DisplayLanguage {
    return settings.displayLanguage === 'auto' ? this.localeLanguage : settings.displayLanguage;
  }

  async language(uri?: string): Promise<DisplayLanguage> {
    return this.languageFrom(await this.settings.forResource(uri));
  }

  async strings(uri?: string): Promise<Strings> {
    return stringsFor(await this.language(uri));
  }

  onRefresh(listener: (uri: string) => void): void {
    this.refreshListeners.push(listener);
  }

  /** Asks every feature that publishes something for a document to do it again. */
  refresh(uri: string): void {
    for (const listener of this.refreshListeners) {
      listener(uri);
    }
  }

  onClose(listener: (uri: string) => void): void {
    this.closeListeners.push(listener);
  }

  /** Tells every feature that a document was closed. */
  closed(uri: string): void {
    for (const listener of this.closeListeners) {
      listener(uri);
    }
  }

  log(message: string): void {
    this.connection.console.log(message);
  }
}
