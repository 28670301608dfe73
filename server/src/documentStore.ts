/*
 * The documents the client has open, each kept as a CodeDocument with its own line index, so
 * incremental changes rescan only the lines they touch. Documents that are too large or binary
 * are tracked but not scanned.
 */
import { DidChangeTextDocumentParams, DidOpenTextDocumentParams, TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ErrorCodebookSettings } from './common/settings';
import { CodeDocument, DocumentKind, LanguageService, SkipReason, decideDocument } from './core/index';

export interface TrackedDocument {
  uri: string;
  languageId: string;
  version: number;
  kind: DocumentKind;
  /** Set when the document is scanned. */
  code?: CodeDocument;
  /** Why the document is not scanned, when it is not. */
  skipped?: SkipReason;
  /** The text of a document that is not scanned but small enough to keep, so settings can change their mind. */
  shadow?: TextDocument;
  sizeMegabytes: number;
}

export class DocumentStore {
  private readonly documents = new Map<string, TrackedDocument>();

  constructor(private service: LanguageService) {}

  get(uri: string): TrackedDocument | undefined {
    return this.documents.get(uri);
  }

  all(): TrackedDocument[] {
    return [...this.documents.values()];
  }

  open(params: DidOpenTextDocumentParams, settings: ErrorCodebookSettings): TrackedDocument {
    const { uri, languageId, version, text } = params.textDocument;
    const tracked: TrackedDocument = { uri, languageId, version, kind: decideDocument({ uri, languageId, size: 0 }, settings).kind, sizeMegabytes: text.length / 1048576 };
    this.documents.set(uri, tracked);
    this.evaluate(tracked, text, settings);
    return tracked;
  }

  /** Applies changes; returns undefined for an unknown document or stale changes (an older version than held), which are ignored. */
  change(params: DidChangeTextDocumentParams, settings: ErrorCodebookSettings): TrackedDocument | undefined {
    const tracked = this.documents.get(params.textDocument.uri);
    if (!tracked) {
      return undefined;
    }
    const version = params.textDocument.version;
    if (typeof version === 'number' && version <= tracked.version) {
      return undefined;
    }
    tracked.version = typeof version === 'number' ? version : tracked.version + 1;
    const changes = params.contentChanges as TextDocumentContentChangeEvent[];
    if (tracked.code) {
      tracked.code.applyChanges(changes);
    } else if (tracked.shadow) {
      tracked.shadow = TextDocument.update(tracked.shadow, changes, tracked.version);
      tracked.sizeMegabytes = tracked.shadow.getText().length / 1048576;
      if (tracked.skipped === 'binary' || tracked.sizeMegabytes > settings['scan.maxFileSizeMB']) {
        this.evaluate(tracked, tracked.shadow.getText(), settings);
      }
    } else {
      // An unscanned document is only kept up to date when a full text arrives, to decide again.
      const full = [...changes].reverse().find((change) => !('range' in change) || !change.range);
      if (full) {
        tracked.sizeMegabytes = full.text.length / 1048576;
        this.evaluate(tracked, full.text, settings);
      }
    }
    return tracked;
  }

  close(uri: string): void {
    this.documents.delete(uri);
  }

  /** Re-decides whether a document is scanned (settings changed); keeps its text when it stays scanned. */
  reconsider(tracked: TrackedDocument, settings: ErrorCodebookSettings): void {
    const text = tracked.code?.getText() ?? tracked.shadow?.getText();
    if (text !== undefined) {
      this.evaluate(tracked, text, settings);
    }
  }

  /** Gives every document the service's current index (catalogs changed). */
  reindex(service: LanguageService): void {
    this.service = service;
    for (const tracked of this.documents.values()) {
      tracked.code?.setIndex(service.index);
    }
  }

  private evaluate(tracked: TrackedDocument, text: string, settings: ErrorCodebookSettings): void {
    tracked.code = undefined;
    tracked.shadow = undefined;
    const decision = decideDocument({ uri: tracked.uri, languageId: tracked.languageId, size: text.length }, settings, text);
    tracked.kind = decision.kind;
    tracked.skipped = decision.skipped;
    if (decision.skipped === undefined) {
      tracked.code = this.service.createDocument(text);
    } else if (decision.skipped !== 'tooLarge') {
      tracked.shadow = TextDocument.create(tracked.uri, tracked.languageId, tracked.version, text);
    }
  }
}
