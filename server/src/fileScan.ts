/*
 * Scans a file on disk of any size with bounded memory, for the Scan Log File command, the command
 * line and the documents the server reads from disk. The stream scanner reads the bytes as they
 * come; only the few lines that may hold a code, and the lines around those it decides, are
 * decoded. Gzip files (by their `.gz` name or their first bytes) are decompressed as they stream.
 */
import * as fs from 'fs';
import * as zlib from 'zlib';
import { TextDecoder } from 'util';
import { DecisionDetails, DocumentClue, LanguageService, ResolvedOccurrence, WHOLE_DOCUMENT_CLUES_FIRST, bytesLookBinary } from './core/index';
import { ScanThread, withLineScans } from './scanThread';
import { UTF8_BYTES } from './utf8Bytes';

export interface FileScanProgress {
  /** Bytes of the file read so far (compressed bytes, for a gzip file). */
  bytesRead: number;
  totalBytes: number;
  found: number;
}

export interface FileScanOptions {
  onFound: (found: ResolvedOccurrence, details: DecisionDetails) => void;
  onProgress?: (progress: FileScanProgress) => void;
  isCancelled?: () => boolean;
  /**
   * Asked after each piece; when it gives a promise, the scan waits for it before reading on (the
   * command line's output, when its reader is slower than the scan).
   */
  holdBack?: () => Promise<void> | undefined;
  chunkSize?: number;
  /**
   * The file's encoding, as a WHATWG label (`utf-8`, `gbk`, `utf-16le`, `shift_jis`, …). A byte-order
   * mark overrides it; without either, the file is read as UTF-8.
   */
  encoding?: string;
  /** Clues of origin of the whole file, when they are known beforehand. */
  documentClues?: readonly DocumentClue[];
}

export interface FileScanResult {
  /** Bytes of the file (compressed bytes, for a gzip file). */
  bytes: number;
  lines: number;
  found: number;
  cancelled: boolean;
}

export class FileScanError extends Error {}

const PIECE_BYTES = 1024 * 1024;
const GZIP_MAGIC = [0x1f, 0x8b];

const BYTE_ORDER_MARKS: { bytes: number[]; encoding: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

/** The encoding a byte-order mark at the start of the bytes names, with the mark's length. */
export function byteOrderMark(bytes: Uint8Array): { encoding: string; length: number } | undefined {
  const mark = BYTE_ORDER_MARKS.find((candidate) => candidate.bytes.every((byte, index) => bytes[index] === byte));
  return mark ? { encoding: mark.encoding, length: mark.bytes.length } : undefined;
}

/**
 * Turns the pieces of a file in some encoding into UTF-8 pieces, which is what the scanner reads.
 * UTF-8 passes through untouched (a byte-order mark dropped, as editors drop it).
 */
class ToUtf8 {
  private decoder: TextDecoder | undefined;
  private started = false;

  constructor(private readonly label: string | undefined) {}

  piece(chunk: Buffer): Buffer {
    let buffer = chunk;
    if (!this.started) {
      this.started = true;
      const mark = byteOrderMark(buffer);
      const encoding = mark?.encoding ?? this.label ?? 'utf-8';
      buffer = mark ? buffer.subarray(mark.length) : buffer;
      let decoder: TextDecoder;
      try {
        decoder = new TextDecoder(encoding);
      } catch {
        throw new FileScanError(`Unknown encoding "${encoding}"; name one such as utf-8, gbk, gb18030, utf-16le or shift_jis.`);
      }
      if (decoder.encoding !== 'utf-8') {
        this.decoder = decoder;
      }
    }
    return this.decoder ? Buffer.from(this.decoder.decode(buffer, { stream: true }), 'utf8') : buffer;
  }

  end(): Buffer {
    return this.decoder ? Buffer.from(this.decoder.decode(), 'utf8') : Buffer.alloc(0);
  }
}

/** Whether bytes start as a gzip stream does. */
function looksGzipped(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1];
}

/**
 * The pieces of a file (of bytes [start, end) of it), read ahead one piece while the last one is
 * worked on. `counted` is told how many bytes of the file each piece took.
 */
export async function* filePieces(file: string, pieceBytes: number, counted: (bytes: number) => void, start = 0, end = Infinity): AsyncGenerator<Buffer> {
  const handle = await fs.promises.open(file, 'r');
  let next: Promise<Buffer> | undefined;
  let position = start;
  try {
    const read = async (): Promise<Buffer> => {
      const length = Math.max(0, Math.min(pieceBytes, end - position));
      if (length === 0) {
        return Buffer.alloc(0);
      }
      const buffer = Buffer.allocUnsafe(length);
      const { bytesRead } = await handle.read(buffer, 0, length, position);
      position += bytesRead;
      return bytesRead < length ? buffer.subarray(0, bytesRead) : buffer;
    };
    next = read();
    for (;;) {
      const piece = await next;
      next = undefined;
      if (piece.length === 0) {
        return;
      }
      next = read();
      counted(piece.length);
      yield piece;
    }
  } finally {
    // A read still under way when the reader stopped early finishes before the file is closed.
    await next?.catch(() => undefined);
    await handle.close();
  }
}

/** The pieces of a readable stream (standard input), as buffers. */
async function* streamPieces(stream: NodeJS.ReadableStream, counted: (bytes: number) => void): AsyncGenerator<Buffer> {
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    counted(buffer.length);
    yield buffer;
  }
}

/** Decompresses gzip pieces as they come (a file of several gzip members too). */
async function* gunzipPieces(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const gunzip = zlib.createGunzip({ chunkSize: 256 * 1024 });
  const output: Buffer[] = [];
  let failure: Error | undefined;
  let finished = false;
  let stopped = false;
  let wake: (() => void) | undefined;
  const wakeUp = () => {
    const waiting = wake;
    wake = undefined;
    waiting?.();
  };
  gunzip.on('data', (chunk: Buffer) => {
    output.push(chunk);
    wakeUp();
  });
  gunzip.on('error', (error: Error) => {
    failure = error;
    wakeUp();
  });
  gunzip.on('end', () => {
    finished = true;
    wakeUp();
  });
  const feeding = (async () => {
    for await (const piece of source) {
      if (failure || stopped) {
        return;
      }
      if (!gunzip.write(piece)) {
        // Decompressed output waits to be read: go on once it has been, or the stream is gone.
        await new Promise<void>((resolve) => {
          gunzip.once('drain', resolve);
          gunzip.once('close', resolve);
        });
      }
    }
    gunzip.end();
  })().catch((error: Error) => {
    failure ??= error;
    wakeUp();
  });
  try {
    for (;;) {
      if (output.length > 0) {
        yield output.shift()!;
        continue;
      }
      if (failure) {
        throw new FileScanError(`The file is not valid gzip: ${failure.message}.`);
      }
      if (finished) {
        return;
      }
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    stopped = true;
    gunzip.destroy();
    await feeding;
  }
}

/** Pieces of UTF-8, decompressed when the bytes are gzip, converted from the file's encoding when it is not UTF-8. */
async function* utf8Pieces(raw: AsyncIterable<Buffer>, encoding: string | undefined, gzipped: boolean | undefined): AsyncGenerator<Buffer> {
  let source: AsyncIterable<Buffer> = raw;
  if (gzipped !== false) {
    // Whether it is gzip, when not known from the name, is told by its first bytes.
    const iterator = raw[Symbol.asyncIterator]();
    const first = await iterator.next();
    const rest: AsyncIterable<Buffer> = {
      [Symbol.asyncIterator]: () => {
        let given = first.done === true;
        return {
          next: async () => {
            if (!given) {
              given = true;
              return first;
            }
            return iterator.next();
          },
          return: async () => (iterator.return ? iterator.return() : { done: true, value: undefined }),
        };
      },
    };
    source = gzipped === true || (!first.done && looksGzipped(first.value)) ? gunzipPieces(rest) : rest;
  }
  const toUtf8 = new ToUtf8(encoding);
  let checkedBinary = false;
  for await (const raw of source) {
    const piece = toUtf8.piece(raw);
    if (!checkedBinary && piece.length > 0) {
      checkedBinary = true;
      if (bytesLookBinary(piece.subarray(0, 8192))) {
        throw new FileScanError('The file looks binary (it has NUL bytes or mostly control characters); it was not scanned. If it is text in another encoding, name it (UTF-16 files with a byte-order mark are recognised).');
      }
    }
    yield piece;
  }
  const last = toUtf8.end();
  if (last.length > 0) {
    yield last;
  }
}

/** Resolves once the event loop has served what was waiting. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Scans UTF-8 pieces. */
async function scanPieces(service: LanguageService, pieces: AsyncIterable<Buffer>, totalBytes: number, bytesRead: () => number, options: FileScanOptions): Promise<FileScanResult> {
  const scanner = service.createStreamScanner({ ...UTF8_BYTES, ...(options.documentClues ? { documentClues: options.documentClues } : {}) });
  let found = 0;
  let lastReport = 0;
  const onFound = (item: ResolvedOccurrence, details: DecisionDetails) => {
    found++;
    options.onFound(item, details);
  };
  for await (const { piece, scans } of withLineScans(pieces, ScanThread.start(service.index, totalBytes))) {
    scanner.push(piece, onFound, scans);
    const held = options.holdBack?.();
    if (held !== undefined) {
      await held;
    }
    if (options.isCancelled?.()) {
      return { bytes: bytesRead(), lines: scanner.lineCount, found, cancelled: true };
    }
    if (options.onProgress && bytesRead() - lastReport >= 8 * 1024 * 1024) {
      lastReport = bytesRead();
      options.onProgress({ bytesRead: lastReport, totalBytes, found });
    }
  }
  scanner.end(onFound);
  options.onProgress?.({ bytesRead: bytesRead(), totalBytes, found });
  return { bytes: bytesRead(), lines: scanner.lineCount, found, cancelled: false };
}

/**
 * The whole file as UTF-8 pieces, read as a scan reads it: decompressed when it is gzip (by its
 * name or first bytes), converted from its encoding, a byte-order mark dropped.
 */
export async function* fileUtf8Pieces(file: string, encoding?: string): AsyncGenerator<Buffer> {
  yield* utf8Pieces(filePieces(file, PIECE_BYTES, () => undefined), encoding, await isGzipFile(file));
}

/** Scans a readable stream of bytes (standard input); gzip is recognised by its first bytes. */
export async function scanStream(service: LanguageService, stream: NodeJS.ReadableStream, totalBytes: number, options: FileScanOptions): Promise<FileScanResult> {
  let bytes = 0;
  const pieces = utf8Pieces(streamPieces(stream, (count) => (bytes += count)), options.encoding, undefined);
  return scanPieces(service, pieces, totalBytes, () => bytes, options);
}

/** The uncompressed size a gzip file states in its last four bytes (modulo 4 GiB), for a file of one member. */
async function gzipStatedSize(file: string, size: number): Promise<number | undefined> {
  if (size < 18) {
    return undefined;
  }
  const handle = await fs.promises.open(file, 'r');
  try {
    const tail = Buffer.alloc(4);
    await handle.read(tail, 0, 4, size - 4);
    return tail.readUInt32LE(0);
  } finally {
    await handle.close();
  }
}

/** Whether a file is gzip: by its name, else by its first two bytes. */
async function isGzipFile(file: string): Promise<boolean> {
  if (/\.gz$/i.test(file)) {
    return true;
  }
  const handle = await fs.promises.open(file, 'r');
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    return bytesRead === 2 && looksGzipped(head);
  } finally {
    await handle.close();
  }
}

/** The whole file's clues of origin, tallied in a first pass over its bytes. */
async function tallyFileClues(service: LanguageService, file: string, encoding: string | undefined, gzipped: boolean, isCancelled?: () => boolean): Promise<DocumentClue[]> {
  const tally = service.createClueTally(UTF8_BYTES);
  let pieces = 0;
  for await (const piece of utf8Pieces(filePieces(file, PIECE_BYTES, () => undefined), encoding, gzipped)) {
    tally.push(piece);
    if (isCancelled?.()) {
      break;
    }
    if (++pieces % 8 === 0) {
      await yieldToEventLoop();
    }
  }
  tally.end();
  return tally.result();
}

function readError(file: string, error: unknown): FileScanError {
  if (error instanceof FileScanError) {
    return error;
  }
  const code = (error as NodeJS.ErrnoException).code;
  return new FileScanError(`Cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message}`);
}

/** Scans a file by path; throws FileScanError with a message a person can read. */
export async function scanFile(service: LanguageService, file: string, options: FileScanOptions): Promise<FileScanResult> {
  let size: number;
  let gzipped: boolean;
  let wholeFileClues: boolean;
  try {
    const stat = await fs.promises.stat(file);
    if (!stat.isFile()) {
      throw new FileScanError(`${file} is not a file.`);
    }
    size = stat.size;
    gzipped = await isGzipFile(file);
    const uncompressed = gzipped ? ((await gzipStatedSize(file, size)) ?? Infinity) : size;
    // A file up to this size is read twice, so its codes are decided with the whole file's clues, as
    // in the editor; a larger one with the clues seen so far near codes, in one pass.
    wholeFileClues = options.documentClues === undefined && uncompressed <= WHOLE_DOCUMENT_CLUES_FIRST;
  } catch (error) {
    throw readError(file, error);
  }
  try {
    let scanOptions = options;
    if (wholeFileClues) {
      // A small file is read twice: its codes are decided with the whole file's clues, as in the editor.
      scanOptions = { ...options, documentClues: await tallyFileClues(service, file, options.encoding, gzipped) };
    }
    let bytes = 0;
    const pieces = utf8Pieces(filePieces(file, options.chunkSize ?? PIECE_BYTES, (count) => (bytes += count)), options.encoding, gzipped);
    return await scanPieces(service, pieces, size, () => bytes, scanOptions);
  } catch (error) {
    throw readError(file, error);
  }
}
