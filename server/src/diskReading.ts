/*
 * Documents the server reads from disk instead of receiving their text (errorCodebook/openFromDisk):
 * the VS Code client sends only the URI and version of a large log that is saved on disk, and the
 * server streams the file itself, keeping a line index and the findings (a DiskDocument), never the
 * text.
 *
 * Deciding like the editor: a code whose decision reads the clues of the whole document (no clue
 * nearer to it names its origin) is first decided with the clues seen so far near codes, and its
 * line is marked provisional. The findings are published at once; when there are provisional lines,
 * a second pass tallies the whole file's clues and decides those lines again with them (the
 * findings are published again if that changed anything). So every decision ends up made as an
 * open document makes it.
 *
 * When the file changes on disk, a file that only grew (same file, the bytes it had unchanged) is
 * read on from where it was: its last lines, decided without the lines after them, are decided
 * again with them. Decisions made before the append that read the whole document's clues are not
 * revisited when the appended lines add clues; reading the file anew (reopening it) does that. A
 * file that changed otherwise is read again from the start, and so is one that changed otherwise
 * while it was read (rewritten, or replaced by another file): a scan checks, once done, that the
 * file still holds the first and last bytes it read.
 */
import * as fs from 'fs';
import { URI } from 'vscode-uri';
import { ClueTally, DiskDocument, DocumentClue, LanguageService, ResolvedOccurrence } from './core/index';
import { byteOrderMark, filePieces } from './fileScan';
import { UTF8_BYTES, decodeUtf8 } from './utf8Bytes';
import { ScanThread, withLineScans } from './scanThread';

const PIECE_BYTES = 1024 * 1024;
/** How many bytes of the file's end are kept to tell, later, whether it only grew. */
const TAIL_BYTES = 4096;
/** How many of the first bytes a scan read are checked, once it is done, to tell a file rewritten meanwhile. */
const HEAD_BYTES = 4096;
/** How many times in a row a file that changes while it is read is read again. */
const MAX_REREADS = 3;
const LF = 10;
const CR = 13;

/** Why a file cannot be read from disk; the client then sends its text as usual. */
export class NotReadableFromDisk extends Error {}

/**
 * What a scan read: up to where, and the first and last bytes it read, with the file it opened. Once
 * it is done, the file must still be that file and hold those bytes, or it changed while read.
 */
interface ScanRead {
  end: number;
  start: number;
  head: Buffer;
  tail: Buffer;
  dev: number;
  ino: number;
}

/** What a file was when it was read, to tell an append from a rewrite. */
interface FileIdentity {
  dev: number;
  ino: number;
  size: number;
  /** The last bytes read. */
  tail: Buffer;
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Reads bytes [start, end) of a file at once, for a feature that asks for a line's text. */
function readRange(path: string, start: number, end: number): Uint8Array | undefined {
  try {
    const buffer = Buffer.allocUnsafe(end - start);
    const read = fs.readSync(openForReading(path), buffer, 0, buffer.length, start);
    return buffer.subarray(0, read);
  } catch {
    return undefined;
  }
}

/** The file the last reads were from, kept open until the event loop's next turn. */
let openFile: { path: string; descriptor: number } | undefined;

/**
 * A descriptor for reading a file: the reads of one synchronous stretch (the lines of every finding,
 * timed for the findings view) share one, which is closed once the event loop turns.
 */
function openForReading(path: string): number {
  if (openFile?.path !== path) {
    closeOpenFile();
    openFile = { path, descriptor: fs.openSync(path, 'r') };
    setImmediate(closeOpenFile);
  }
  return openFile.descriptor;
}

function closeOpenFile(): void {
  if (openFile) {
    const { descriptor } = openFile;
    openFile = undefined;
    try {
      fs.closeSync(descriptor);
    } catch {
      // Closed already: nothing to give back.
    }
  }
}

/** Bytes [start, end) of a file, or fewer where it ends sooner. */
async function readBytes(path: string, start: number, end: number): Promise<Buffer> {
  const handle = await fs.promises.open(path, 'r');
  try {
    const buffer = Buffer.alloc(Math.max(0, end - start));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, start);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function readTail(path: string, size: number): Promise<Buffer> {
  return readBytes(path, Math.max(0, size - TAIL_BYTES), size);
}

/** The path of a file: URI, or why there is none. */
export function filePathOf(uri: string): { path: string } | { reason: string } {
  try {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' ? { path: parsed.fsPath } : { reason: `${uri} is not a file: URI.` };
  } catch {
    return { reason: `Not a URI: ${uri}` };
  }
}

/** The facts about a file that decide whether it can be read from disk, and how. */
export interface DiskFile {
  path: string;
  size: number;
  /** When it was last modified (milliseconds since the epoch, as precise as the file system keeps it). */
  modified: number;
  /** Bytes of a UTF-8 byte-order mark at its start, skipped. */
  markBytes: number;
  /** Its first 64 KB, decoded, for the binary check. */
  sample: string;
}

/** Looks at a file before it is read: a regular file, UTF-8 (with or without its byte-order mark). */
export async function inspectFile(path: string): Promise<DiskFile> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(path);
  } catch (error) {
    throw new NotReadableFromDisk(`Cannot read ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  if (!stat.isFile()) {
    throw new NotReadableFromDisk(`${path} is not a regular file.`);
  }
  // Its first bytes, to look for a byte-order mark and binary content.
  const head = await readBytes(path, 0, 64 * 1024);
  const mark = byteOrderMark(head);
  if (mark && mark.encoding !== 'utf-8') {
    throw new NotReadableFromDisk(`${path} is ${mark.encoding}; only UTF-8 files are read from disk.`);
  }
  const markBytes = mark?.length ?? 0;
  return { path, size: stat.size, modified: stat.mtimeMs, markBytes, sample: decodeUtf8(head, markBytes, head.length) };
}

/** One document read from disk, its scans, and the state they leave. */
export class DiskReading {
  /** The findings and line index the features read; replaced when the file is read anew. */
  document: DiskDocument;
  /** Settles when the findings of the scan under way (or the last one) are all there, provisional ones included. */
  ready: Promise<void> = Promise.resolve();
  /** The scans, one after another. */
  private work: Promise<void> = Promise.resolve();
  /** Called once a scan's findings are all there. */
  private findingsRead: () => void = () => undefined;
  private identity: FileIdentity | undefined;
  /** The whole file's clues, when a pass tallied them; kept open so an append can add to it. */
  private tally: ClueTally | undefined;
  /** Bumped to stop the scan under way. */
  private run = 0;
  private disposed = false;
  private busy = false;
  /** How many times in a row the file changed while it was read. */
  private rereads = 0;

  constructor(
    private service: LanguageService,
    readonly file: DiskFile,
    /**
     * Told when a scan changed the findings, so they are published again; what it returns settles
     * once they are (the provisional lines are decided again only after that).
     */
    private readonly changed: () => Promise<unknown> | void,
    private readonly log: (message: string) => void,
    /** Told when a scan is done, its provisional lines decided again too: a time to give memory back. */
    private readonly settled: () => void = () => undefined,
  ) {
    this.document = this.newDocument();
  }

  /** Whether a scan was ever started (and not cleared since). */
  started = false;

  /** Reads the whole file (again), with the given catalogs. */
  readAll(service: LanguageService): void {
    this.service = service;
    this.started = true;
    this.start(() => this.scanAll());
  }

  /** Stops reading and forgets what was read (the document is no longer scanned). */
  clear(): void {
    this.run++;
    this.busy = false;
    this.findingsRead();
    this.started = false;
    this.tally = undefined;
    this.identity = undefined;
    this.document = this.newDocument();
  }

  /** The file changed on disk: reads on from where it was when it only grew, else anew. */
  fileChanged(): void {
    this.started = true;
    this.start(async (run, identity) => {
      const grown = await this.onlyGrew(identity);
      if (run !== this.run) {
        return;
      }
      if (grown) {
        await this.scanAppended(run);
      } else {
        await this.scanAll();
      }
    });
  }

  dispose(): void {
    this.disposed = true;
    this.run++;
    this.tally = undefined;
  }

  private newDocument(): DiskDocument {
    const path = this.file.path;
    return this.service.createDiskDocument({ read: (start, end) => readRange(path, start, end), decode: decodeUtf8 });
  }

  /** Whether a scan is under way. */
  get scanning(): boolean {
    return this.busy;
  }

  private start(work: (run: number, identity: FileIdentity | undefined) => Promise<void>): void {
    const run = ++this.run;
    const previous = this.work;
    this.busy = true;
    let findingsRead: () => void = () => undefined;
    this.ready = new Promise<void>((resolve) => (findingsRead = resolve));
    this.findingsRead = () => {
      if (run === this.run) {
        this.busy = false;
      }
      findingsRead();
    };
    this.work = previous
      .then(() => {
        if (run !== this.run || this.disposed) {
          return undefined;
        }
        // Until a scan completes, the file is not known to be the one read: a change reads it anew.
        const identity = this.identity;
        this.identity = undefined;
        return work(run, identity);
      })
      .catch((error: unknown) => this.log(`Reading ${this.file.path} from disk failed: ${(error as Error).stack ?? error}`))
      .finally(() => {
        this.findingsRead();
        if (run === this.run && !this.disposed) {
          this.settled();
        }
      });
  }

  /** Whether the file is the one read before, with the same bytes, and more after them. */
  private async onlyGrew(before: FileIdentity | undefined): Promise<boolean> {
    if (!before) {
      return false;
    }
    try {
      const stat = await fs.promises.stat(this.file.path);
      if (stat.dev !== before.dev || stat.ino !== before.ino || stat.size < before.size) {
        return false;
      }
      const tail = await readTail(this.file.path, before.size);
      return tail.equals(before.tail);
    } catch {
      return false;
    }
  }

  /**
   * Keeps what the file was as the scan read it, to tell an append later. Returns false when the file
   * changed while it was read otherwise than by growing: another file at its path, or other bytes
   * where the scan read its first or last ones.
   */
  private async remember(read: ScanRead): Promise<boolean> {
    const path = this.file.path;
    let stat: fs.Stats;
    let head: Buffer;
    let tail: Buffer;
    try {
      stat = await fs.promises.stat(path);
      head = await readBytes(path, read.start, read.start + read.head.length);
      tail = await readTail(path, read.end);
    } catch {
      // Gone, or no longer readable: reading it again says why.
      return false;
    }
    const tailHolds = tail.length === Math.min(TAIL_BYTES, read.end) && tail.subarray(tail.length - read.tail.length).equals(read.tail);
    if (stat.dev !== read.dev || stat.ino !== read.ino || !head.equals(read.head) || !tailHolds) {
      return false;
    }
    this.identity = { dev: stat.dev, ino: stat.ino, size: read.end, tail };
    this.rereads = 0;
    return true;
  }

  /**
   * The file changed while it was read: it is read again from the start, unless it did each of the
   * last few times (a file rewritten all the time), when what was read last is kept until the
   * client says the file changed.
   */
  private changedWhileRead(): void {
    if (++this.rereads > MAX_REREADS) {
      this.log(`${this.file.path} kept changing while it was read; its findings are those of the last reading.`);
      this.rereads = 0;
      return;
    }
    this.log(`${this.file.path} changed while it was read; reading it again.`);
    this.fileChanged();
  }

  /** Reads the whole file into a new document, which replaces the old one when done. */
  private async scanAll(): Promise<void> {
    const run = this.run;
    const document = this.newDocument();
    this.tally = undefined;
    const read = await this.stream(document, { feedFrom: 0, keepFrom: 0, startByte: this.file.markBytes }, undefined, run);
    if (read === undefined) {
      return;
    }
    this.document = document;
    const unchanged = await this.remember(read);
    this.findingsRead();
    await this.changed();
    if (!unchanged) {
      this.changedWhileRead();
      return;
    }
    await this.settleProvisional(run);
  }

  /** Reads what was appended, deciding the document's last lines again with the lines after them. */
  private async scanAppended(run: number): Promise<void> {
    const document = this.document;
    const restart = document.appendRestart();
    const startByte = restart.feedFrom === 0 ? this.file.markBytes : document.lineStart(restart.feedFrom);
    const oldSize = document.byteLength;
    let clues: DocumentClue[] | undefined;
    if (this.tally) {
      // The whole document's clues are known: the appended bytes add theirs first.
      for await (const piece of filePieces(this.file.path, PIECE_BYTES, () => undefined, oldSize)) {
        this.tally.push(piece);
      }
      clues = this.tally.snapshot();
    }
    document.rewind(restart.feedFrom, restart.keepFrom);
    const read = await this.stream(document, { ...restart, startByte }, clues, run);
    if (read === undefined) {
      return;
    }
    const unchanged = await this.remember(read);
    this.findingsRead();
    await this.changed();
    if (!unchanged) {
      this.changedWhileRead();
      return;
    }
    await this.settleProvisional(run);
  }

  /**
   * Streams the file from `startByte` (the start of line `feedFrom`) into the document, keeping the
   * decisions of lines from `keepFrom` on. Returns what it read, or undefined when stopped.
   */
  private async stream(document: DiskDocument, from: { feedFrom: number; keepFrom: number; startByte: number }, documentClues: DocumentClue[] | undefined, run: number): Promise<ScanRead | undefined> {
    // The file the scan opens: one put in its place meanwhile is another file.
    const opened = await fs.promises.stat(this.file.path);
    const scanner = this.service.createStreamScanner({
      ...UTF8_BYTES,
      firstLine: from.feedFrom,
      firstByte: from.startByte,
      onLine: (line, startByte) => document.onLine(line, startByte),
      reportSuppressed: true,
      ...(documentClues ? { documentClues } : {}),
    });
    const final = documentClues !== undefined;
    const record = (found: ResolvedOccurrence, details: { readDocument: boolean }) => {
      if (found.occurrence.line >= from.keepFrom) {
        document.record(found, details.readDocument, final);
      }
    };
    let position = from.startByte;
    let last = -1;
    let head = Buffer.alloc(0);
    let lastPieces: Buffer[] = [];
    const thread = ScanThread.start(this.service.index, this.file.size - from.startByte);
    if (thread) {
      this.log(`Reading ${this.file.path} with a second thread for its lines.`);
    }
    for await (const { piece, scans } of withLineScans(filePieces(this.file.path, PIECE_BYTES, () => undefined, from.startByte), thread)) {
      scanner.push(piece, record, scans);
      position += piece.length;
      last = piece[piece.length - 1];
      if (head.length < HEAD_BYTES) {
        head = Buffer.concat([head, piece.subarray(0, HEAD_BYTES - head.length)]);
      }
      lastPieces = [lastPieces[lastPieces.length - 1], piece].filter((kept) => kept !== undefined);
      // Requests are answered between pieces; a newer scan stops this one.
      await yieldToEventLoop();
      if (run !== this.run) {
        return undefined;
      }
    }
    scanner.end(record);
    document.setEnd(position, last === LF || last === CR);
    // The last bytes read, copied so as not to keep the pieces.
    const ending = lastPieces.length > 1 && lastPieces[1].length < TAIL_BYTES ? Buffer.concat(lastPieces) : (lastPieces[lastPieces.length - 1] ?? Buffer.alloc(0));
    const tail = Buffer.from(ending.subarray(Math.max(0, ending.length - TAIL_BYTES)));
    return { start: from.startByte, end: position, head, tail, dev: opened.dev, ino: opened.ino };
  }

  /** Decides the provisional lines again with the whole file's clues, tallied in a pass of their own. */
  private async settleProvisional(run: number): Promise<void> {
    const document = this.document;
    if (document.provisional.size === 0) {
      return;
    }
    if (!this.tally) {
      const tally = this.service.createClueTally(UTF8_BYTES);
      for await (const piece of filePieces(this.file.path, PIECE_BYTES, () => undefined, this.file.markBytes, document.byteLength)) {
        tally.push(piece);
        await yieldToEventLoop();
        if (run !== this.run) {
          return;
        }
      }
      this.tally = tally;
    }
    const clues = this.tally.snapshot();
    document.documentClues = clues;
    let changed = false;
    for (const region of document.redecisionRegions()) {
      const redecision = document.redecision(region);
      const scanner = this.service.createStreamScanner({ ...UTF8_BYTES, firstLine: region.from, documentClues: clues });
      const start = region.from === 0 ? this.file.markBytes : document.lineStart(region.from);
      const end = document.lineStart(region.to + 1);
      const onFound = (item: ResolvedOccurrence) => redecision.add(item);
      for await (const piece of filePieces(this.file.path, PIECE_BYTES, () => undefined, start, end)) {
        scanner.push(piece, onFound);
      }
      scanner.end(onFound);
      if (run !== this.run) {
        return;
      }
      changed = redecision.finish() || changed;
      await yieldToEventLoop();
    }
    if (changed) {
      await this.changed();
    }
  }
}

