/*
 * The documents the client has open. Opening, changing and closing change the store at once and
 * in order, so every request sees the text sent before it. A scanned document is a CodeDocument
 * (edits rescan only the lines they touch); one that is not scanned keeps its text, so a change of
 * settings or of its text (shrunk under the size limit, cleaned of binary content) can bring it
 * back. A document the client asked the server to read from disk (errorCodebook/openFromDisk) keeps
 * no text at all: its findings come from a DiskReading, until a didOpen with its text replaces it
 * (the first edit). Whether a document is scanned is the core's decision (decideDocument).
 *
 * A large file can be read ahead, before its document opens (errorCodebook/readAhead: its editor
 * opened, and the editor is still loading its text). When it opens from disk, it takes over what
 * was read, and reads on when the file only grew since (anew when it changed otherwise, or changed
 * while it was read ahead). A file whose document does not open soon, or whose editor closes
 * first, is dropped.
 */
import { DidChangeTextDocumentParams, DidOpenTextDocumentParams, TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeDocument, DocumentKind, DocumentPolicySettings, LanguageService, ScannedDocument, SkipReason, decideDocument, isTooLarge, textLooksBinary } from './core/index';
import { DiskFile, DiskReading } from './diskReading';
import { textBlocks } from './textBlocks';

/** How much of a document's start the binary check looks at (as textLooksBinary does). */
const BINARY_SAMPLE = 65536;
/**
 * How long what was read ahead waits for its document to open. Its editor may stay open without
 * its text for long (VS Code asking whether to open a very large file), showing the findings
 * published ahead; the client says when it closes (errorCodebook/readAheadClosed), so this is
 * only a backstop.
 */
const READ_AHEAD_KEEP_MS = 10 * 60_000;
/** How many files are read ahead at most; a newer one drops the oldest. */
const READ_AHEAD_FILES = 2;

/**
 * A file read ahead: the document it becomes once it opens (not open yet: its language is not known
 * and its version is 0), and when it is dropped unless it opens.
 */
interface ReadAhead {
  tracked: TrackedDocument & { disk: DiskReading };
  expiry: ReturnType<typeof setTimeout>;
}

export interface TrackedDocument {
  readonly uri: string;
  /** As the client opened it; empty for a file read ahead, whose document is not open yet. */
  languageId: string;
  version: number;
  kind: DocumentKind;
  /** Set when the document's text is held and scanned. */
  code?: CodeDocument;
  /** Set for a document read from disk: its findings and line index, never its text. */
  disk?: DiskReading;
  /** The text of a document that is not scanned. */
  shadow?: TextDocument;
  /** Why the document is not scanned, when it is not. */
  skipped?: SkipReason;
  /** Its length in characters: exact when not scanned, kept up to date from the edits when scanned. */
  length: number;
  /** Counts every change of text, scanning, catalogs or settings, so work done for an older state is dropped. */
  generation: number;
}

/** What a document's findings come from: its text, or what was read of it from disk; undefined when it is not scanned. */
export function scannedOf(tracked: TrackedDocument): ScannedDocument | undefined {
  return tracked.code ?? (tracked.disk && tracked.skipped === undefined ? tracked.disk.document : undefined);
}

export class DocumentStore {
  private readonly documents = new Map<string, TrackedDocument>();
  private readonly readAheads = new Map<string, ReadAhead>();

  constructor(
    private service: LanguageService,
    /**
     * Told when a document read from disk has new findings (a scan finished), after its generation
     * moved on; what it returns settles once they are published.
     */
    private readonly diskChanged: (tracked: TrackedDocument) => Promise<unknown> | void = () => undefined,
    private readonly log: (message: string) => void = () => undefined,
    /** Told when a document read from disk is done with a scan, its provisional lines decided again too. */
    private readonly diskSettled: (tracked: TrackedDocument) => void = () => undefined,
    /** Told when what was read ahead of a file is dropped, its document never opened. */
    private readonly readAheadDropped: (uri: string) => void = () => undefined,
  ) {}

  /** What the features read of a document: its text's findings, or those read from disk; undefined when it is not scanned. */
  scanned(uri: string): ScannedDocument | undefined {
    const tracked = this.documents.get(uri);
    return tracked ? scannedOf(tracked) : undefined;
  }

  get(uri: string): TrackedDocument | undefined {
    return this.documents.get(uri);
  }

  /** Whether a file is being (or was) read ahead, its document not open yet. */
  isReadAhead(uri: string): boolean {
    return this.readAheads.has(uri);
  }

  /** The files read ahead, their documents not open yet. */
  readAheadUris(): string[] {
    return [...this.readAheads.keys()];
  }

  /** The document a file read ahead becomes once it opens (not open yet), if the file is read ahead. */
  readAheadOf(uri: string): (TrackedDocument & { disk: DiskReading }) | undefined {
    return this.readAheads.get(uri)?.tracked;
  }

  /** Drops what was read ahead of a file whose editor closed before its document opened. */
  closeReadAhead(uri: string): void {
    const ahead = this.readAheads.get(uri);
    if (ahead) {
      this.log(`Dropped what was read ahead of ${ahead.tracked.disk.file.path}: its editor closed before its document opened.`);
      this.dropReadAhead(uri);
    }
  }

  has(uri: string): boolean {
    return this.documents.has(uri);
  }

  all(): TrackedDocument[] {
    return [...this.documents.values()];
  }

  get size(): number {
    return this.documents.size;
  }

  open(params: DidOpenTextDocumentParams, settings: DocumentPolicySettings): TrackedDocument {
    const { uri, languageId, version, text } = params.textDocument;
    this.dropReadAhead(uri);
    const previous = this.documents.get(uri);
    previous?.disk?.dispose();
    const tracked: TrackedDocument = { uri, languageId, version, kind: 'log', length: text.length, generation: (previous?.generation ?? 0) + 1 };
    this.documents.set(uri, tracked);
    this.decide(tracked, text, settings);
    return tracked;
  }

  /**
   * Applies changes; returns undefined for an unknown document or stale changes (an older version
   * than held), which are ignored. A document edited into binary content or past the size limit
   * stops being scanned, and one edited back is scanned again.
   */
  change(params: DidChangeTextDocumentParams, settings: DocumentPolicySettings): TrackedDocument | undefined {
    const tracked = this.documents.get(params.textDocument.uri);
    if (!tracked) {
      return undefined;
    }
    if (tracked.disk) {
      // The server holds no text to change: a client switches such a document to text with didOpen.
      this.log(`Ignored a didChange of ${tracked.uri}, which is read from disk; send its text with didOpen first.`);
      return undefined;
    }
    const version = params.textDocument.version;
    if (typeof version === 'number' && version <= tracked.version) {
      return undefined;
    }
    tracked.version = typeof version === 'number' ? version : tracked.version + 1;
    tracked.generation++;
    // A change without text is malformed: it is left out rather than trusted.
    const changes = (params.contentChanges as TextDocumentContentChangeEvent[]).filter((change) => typeof change?.text === 'string');
    if (tracked.shadow) {
      tracked.shadow = TextDocument.update(tracked.shadow, changes, tracked.version);
      const text = tracked.shadow.getText();
      tracked.length = text.length;
      if (tracked.skipped !== 'notSelected') {
        this.decide(tracked, text, settings);
      }
      return tracked;
    }
    const code = tracked.code!;
    let mayTurnBinary = false;
    for (const change of changes) {
      if ('range' in change && change.range) {
        tracked.length += change.text.length - rangeLength(code, change.range);
        mayTurnBinary ||= touchesStart(code, change.range.start.line) && hasControlCharacters(change.text);
      } else {
        tracked.length = change.text.length;
        mayTurnBinary ||= hasControlCharacters(change.text.slice(0, BINARY_SAMPLE));
      }
      code.applyChanges([change]);
    }
    if (isTooLarge(tracked.length, settings)) {
      // The running length may be off by a character per line break; the text settles it.
      const text = code.getText();
      tracked.length = text.length;
      this.decide(tracked, text, settings);
    } else if (mayTurnBinary && textLooksBinary(startOf(code))) {
      this.decide(tracked, code.getText(), settings);
    }
    return tracked;
  }

  close(uri: string): boolean {
    this.documents.get(uri)?.disk?.dispose();
    return this.documents.delete(uri);
  }

  /**
   * A document the client asks the server to read from disk: opened so, or switched to it from
   * text (the edits were reverted), or its file changed on disk. A file read before is read on
   * from where it was when it only grew.
   */
  openFromDisk(params: { uri: string; languageId: string; version: number }, file: DiskFile, settings: DocumentPolicySettings): TrackedDocument {
    const previous = this.documents.get(params.uri);
    if (previous?.disk && previous.disk.file.path === file.path && previous.skipped === undefined) {
      previous.version = params.version;
      previous.length = file.size;
      previous.disk.fileChanged();
      return previous;
    }
    previous?.disk?.dispose();
    const ahead = previous ? undefined : this.takeReadAhead(params.uri, file);
    let tracked: TrackedDocument;
    if (ahead) {
      this.log(`${file.path} opened: what was read ahead of it is used${ahead.changed ? ', and the file is read again as it changed since' : ''}.`);
      // The same document, now open: what was worked out for it ahead (its analysis) still holds.
      tracked = ahead.tracked;
      tracked.languageId = params.languageId;
      tracked.version = params.version;
      tracked.length = file.size;
    } else {
      this.dropReadAhead(params.uri);
      tracked = { uri: params.uri, languageId: params.languageId, version: params.version, kind: 'log', length: file.size, generation: (previous?.generation ?? 0) + 1 };
      tracked.disk = this.newReading(file, tracked);
    }
    this.documents.set(params.uri, tracked);
    this.decideOnDisk(tracked, settings);
    if (ahead?.changed && tracked.skipped === undefined) {
      // Read on from where the reading ahead ended when the file only grew, else anew.
      tracked.disk!.fileChanged();
    }
    return tracked;
  }

  /**
   * Starts reading a file whose document is about to open (its editor opened); false when it is
   * open already, read ahead already, or would not be scanned whatever its language: the path
   * alone must select it (errorCodebook.scan.include), as its language is not known yet. `read` is
   * told once it is read (its document not open yet), so more can be worked out ahead.
   */
  readAhead(uri: string, file: DiskFile, settings: DocumentPolicySettings, read: (tracked: TrackedDocument) => void = () => undefined): boolean {
    if (this.documents.has(uri) || this.readAheads.has(uri)) {
      return false;
    }
    const decision = decideDocument({ uri, languageId: '', size: file.size }, settings, file.sample);
    if (decision.skipped !== undefined) {
      return false;
    }
    for (const oldest of [...this.readAheads.keys()].slice(0, Math.max(0, this.readAheads.size - READ_AHEAD_FILES + 1))) {
      this.dropReadAhead(oldest);
    }
    const started = Date.now();
    // Its kind by its path (a .json file's findings are published as JSON's), until its language is known.
    const tracked: TrackedDocument = { uri, languageId: '', version: 0, kind: decision.kind, length: file.size, generation: 1 };
    const reading = this.newReading(file, tracked, () => {
      this.log(`Read ${file.path} ahead in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      read(tracked);
    });
    tracked.disk = reading;
    const expiry = setTimeout(() => {
      if (this.readAheads.get(uri)?.tracked === tracked) {
        this.log(`Dropped what was read ahead of ${file.path}: its document did not open within ${READ_AHEAD_KEEP_MS / 60_000} minutes.`);
        this.dropReadAhead(uri);
      }
    }, READ_AHEAD_KEEP_MS);
    expiry.unref();
    this.readAheads.set(uri, { tracked: tracked as ReadAhead['tracked'], expiry });
    reading.readAll(this.service);
    return true;
  }

  /**
   * What was read ahead of a document's file, when the file has not changed since, or when that
   * reading is done (a log being written to): `changed` says to look at the file again then.
   */
  private takeReadAhead(uri: string, file: DiskFile): (ReadAhead & { changed: boolean }) | undefined {
    const ahead = this.readAheads.get(uri);
    const before = ahead?.tracked.disk.file;
    if (!ahead || before?.path !== file.path) {
      return undefined;
    }
    const changed = before.size !== file.size || before.modified !== file.modified;
    if (changed && ahead.tracked.disk.scanning) {
      return undefined;
    }
    clearTimeout(ahead.expiry);
    this.readAheads.delete(uri);
    return { ...ahead, changed };
  }

  private dropReadAhead(uri: string): void {
    const ahead = this.readAheads.get(uri);
    if (ahead) {
      clearTimeout(ahead.expiry);
      ahead.tracked.disk.dispose();
      this.readAheads.delete(uri);
      if (!this.documents.has(uri)) {
        this.readAheadDropped(uri);
      }
    }
  }

  /**
   * A reading of a file for a document. One read ahead (not open yet) publishes nothing: it is told
   * `readAhead` once a scan is done instead.
   */
  private newReading(file: DiskFile, tracked: TrackedDocument, readAhead?: () => void): DiskReading {
    const isOpen = () => this.documents.get(tracked.uri) === tracked;
    return new DiskReading(
      this.service,
      file,
      () => {
        if (isOpen()) {
          tracked.generation++;
          return this.diskChanged(tracked);
        }
        if (this.readAheads.get(tracked.uri)?.tracked === tracked) {
          // What was worked out ahead for the findings before is out of date.
          tracked.generation++;
        }
        return undefined;
      },
      this.log,
      () => {
        if (isOpen()) {
          this.diskSettled(tracked);
        } else if (this.readAheads.get(tracked.uri)?.tracked === tracked) {
          readAhead?.();
        }
      },
    );
  }

  /** Decides whether a document read from disk is scanned, and starts or stops reading it. */
  private decideOnDisk(tracked: TrackedDocument, settings: DocumentPolicySettings): void {
    const disk = tracked.disk!;
    const decision = decideDocument({ uri: tracked.uri, languageId: tracked.languageId, size: tracked.length }, settings, disk.file.sample);
    const wasScanned = tracked.skipped === undefined && disk.started;
    tracked.kind = decision.kind;
    tracked.skipped = decision.skipped;
    if (decision.skipped === undefined && !wasScanned) {
      disk.readAll(this.service);
    } else if (decision.skipped !== undefined) {
      disk.clear();
    }
  }

  /**
   * Decides again whether a document is scanned (settings changed). A document that stays
   * scanned keeps its CodeDocument; only a change of decision builds or drops one.
   */
  reconsider(tracked: TrackedDocument, settings: DocumentPolicySettings): boolean {
    if (tracked.disk) {
      const skippedBefore = tracked.skipped;
      this.decideOnDisk(tracked, settings);
      if (skippedBefore !== tracked.skipped) {
        tracked.generation++;
        return true;
      }
      return false;
    }
    const decision = decideDocument({ uri: tracked.uri, languageId: tracked.languageId, size: tracked.length }, settings);
    const wasScanned = tracked.code !== undefined;
    const staysScanned = wasScanned && decision.skipped === undefined;
    if (staysScanned) {
      tracked.kind = decision.kind;
      return false;
    }
    const skippedBefore = tracked.skipped;
    this.decide(tracked, tracked.code ? tracked.code.getText() : tracked.shadow!.getText(), settings);
    const changed = wasScanned !== (tracked.code !== undefined) || skippedBefore !== tracked.skipped;
    if (changed) {
      tracked.generation++;
    }
    return changed;
  }

  /** Gives every document the service's current index (catalogs changed). */
  reindex(service: LanguageService): void {
    this.service = service;
    // Read with the catalogs of before: read again once the document opens.
    for (const uri of [...this.readAheads.keys()]) {
      this.dropReadAhead(uri);
    }
    for (const tracked of this.documents.values()) {
      tracked.generation++;
      tracked.code?.setIndex(service.index);
      if (tracked.disk && tracked.skipped === undefined) {
        tracked.disk.readAll(service);
      }
    }
  }

  private decide(tracked: TrackedDocument, text: string, settings: DocumentPolicySettings): void {
    const decision = decideDocument({ uri: tracked.uri, languageId: tracked.languageId, size: text.length }, settings, text);
    tracked.kind = decision.kind;
    tracked.skipped = decision.skipped;
    tracked.length = text.length;
    if (decision.skipped === undefined) {
      if (tracked.code) {
        return;
      }
      tracked.code = this.service.createDocument(textBlocks(text));
      tracked.shadow = undefined;
    } else {
      tracked.code = undefined;
      if (tracked.shadow?.getText() !== text) {
        tracked.shadow = TextDocument.create(tracked.uri, tracked.languageId, tracked.version, text);
      }
    }
  }
}

/** How many characters a range covers, counting one per line break (the document's own may be two). */
function rangeLength(code: CodeDocument, range: { start: { line: number; character: number }; end: { line: number; character: number } }): number {
  const last = code.lineCount - 1;
  const clampLine = (line: number) => Math.max(0, Math.min(last, line));
  const clampCharacter = (line: number, character: number) => Math.max(0, Math.min(code.lineText(line).length, character));
  let start = { line: clampLine(range.start.line), character: clampCharacter(clampLine(range.start.line), range.start.character) };
  let end = { line: clampLine(range.end.line), character: clampCharacter(clampLine(range.end.line), range.end.character) };
  if (range.start.line > last) {
    start = { line: last, character: code.lineText(last).length };
  }
  if (range.end.line > last) {
    end = { line: last, character: code.lineText(last).length };
  }
  if (start.line > end.line || (start.line === end.line && start.character > end.character)) {
    [start, end] = [end, start];
  }
  if (start.line === end.line) {
    return end.character - start.character;
  }
  let length = code.lineText(start.line).length - start.character + 1;
  for (let line = start.line + 1; line < end.line; line++) {
    length += code.lineText(line).length + 1;
  }
  return length + end.character;
}

/** Whether an edit at this line may change what the binary check sees. */
function touchesStart(code: CodeDocument, line: number): boolean {
  let before = 0;
  for (let index = 0; index < line && index < code.lineCount; index++) {
    before += code.lineText(index).length + 1;
    if (before >= BINARY_SAMPLE) {
      return false;
    }
  }
  return true;
}

/** The start of a document, as much as the binary check looks at. */
function startOf(code: CodeDocument): string {
  const parts: string[] = [];
  let length = 0;
  for (let line = 0; line < code.lineCount && length < BINARY_SAMPLE; line++) {
    const text = code.lineText(line);
    parts.push(text.length > BINARY_SAMPLE ? text.slice(0, BINARY_SAMPLE) : text, '\n');
    length += text.length + 1;
  }
  return parts.join('');
}

function hasControlCharacters(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 9 || (code > 13 && code < 32)) {
      return true;
    }
  }
  return false;
}
