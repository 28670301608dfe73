/*
 * Scans a file on disk of any size with bounded memory, for the Scan Log File command and the
 * command line. The stream scanner reads the bytes as they come; only the few lines that may hold a
 * code, and the lines around those it decides, are decoded as UTF-8.
 */
import * as fs from 'fs';
import { Readable } from 'stream';
import { TextDecoder } from 'util';
import { DocumentClue, LanguageService, ResolvedOccurrence, bytesLookBinary } from './core/index';

export interface FileScanProgress {
  bytesRead: number;
  totalBytes: number;
  found: number;
}

export interface FileScanOptions {
  onFound: (found: ResolvedOccurrence) => void;
  onProgress?: (progress: FileScanProgress) => void;
  isCancelled?: () => boolean;
  chunkSize?: number;
  /**
   * The file's encoding, as a WHATWG label (`utf-8`, `gbk`, `utf-16le`, `shift_jis`, …). A byte-order
   * mark overrides it; without either, the file is read as UTF-8.
   */
  encoding?: string;
  /** Clues of origin of the whole file, when they were read beforehand (a small file). */
  documentClues?: readonly DocumentClue[];
}

export interface FileScanResult {
  bytes: number;
  lines: number;
  found: number;
  cancelled: boolean;
}

export class FileScanError extends Error {}

/** Files up to this size are read whole first, so their codes are decided with the whole file's clues, as in the editor. */
const WHOLE_FILE_CLUES_BYTES = 4 * 1024 * 1024;

/** One character per byte: what the stream scanner's token filter reads. */
export function bytesAsLatin1(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1', start, end);
}

/** UTF-8 text of bytes [start, end) of a piece. */
export function decodeUtf8(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8', start, end);
}

const BYTE_ORDER_MARKS: { bytes: number[]; encoding: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

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
      const mark = BYTE_ORDER_MARKS.find((candidate) => candidate.bytes.every((byte, index) => buffer[index] === byte));
      const encoding = mark?.encoding ?? this.label ?? 'utf-8';
      buffer = mark ? buffer.subarray(mark.bytes.length) : buffer;
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

/** Scans a readable stream of bytes. */
export async function scanStream(service: LanguageService, stream: NodeJS.ReadableStream, totalBytes: number, options: FileScanOptions): Promise<FileScanResult> {
  const scanner = service.createStreamScanner({ decode: decodeUtf8, bytesAsText: bytesAsLatin1, ...(options.documentClues ? { documentClues: options.documentClues } : {}) });
  const toUtf8 = new ToUtf8(options.encoding);
  let bytes = 0;
  let found = 0;
  let checkedBinary = false;
  let lastReport = 0;
  const onFound = (item: ResolvedOccurrence) => {
    found++;
    options.onFound(item);
  };
  const push = (buffer: Buffer) => {
    if (!checkedBinary && buffer.length > 0) {
      checkedBinary = true;
      if (bytesLookBinary(buffer.subarray(0, 8192))) {
        throw new FileScanError('The file looks binary (it has NUL bytes or mostly control characters); it was not scanned. If it is text in another encoding, name it (UTF-16 files with a byte-order mark are recognised).');
      }
    }
    // A plain Uint8Array, like the scanner's own: one kind of array keeps its byte loop fast.
    scanner.push(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), onFound);
  };
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    bytes += buffer.length;
    push(toUtf8.piece(buffer));
    if (options.isCancelled?.()) {
      (stream as fs.ReadStream).destroy?.();
      return { bytes, lines: scanner.lineCount, found, cancelled: true };
    }
    if (options.onProgress && bytes - lastReport >= 8 * 1024 * 1024) {
      lastReport = bytes;
      options.onProgress({ bytesRead: bytes, totalBytes, found });
    }
  }
  push(toUtf8.end());
  scanner.end(onFound);
  options.onProgress?.({ bytesRead: bytes, totalBytes, found });
  return { bytes, lines: scanner.lineCount, found, cancelled: false };
}

/** Scans a file by path; throws FileScanError with a message a person can read. */
export async function scanFile(service: LanguageService, file: string, options: FileScanOptions): Promise<FileScanResult> {
  let size: number;
  try {
    const stat = await fs.promises.stat(file);
    if (!stat.isFile()) {
      throw new FileScanError(`${file} is not a file.`);
    }
    size = stat.size;
  } catch (error) {
    if (error instanceof FileScanError) {
      throw error;
    }
    throw new FileScanError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  let stream: NodeJS.ReadableStream & { destroy(): void };
  let scanOptions = options;
  if (size <= WHOLE_FILE_CLUES_BYTES && options.documentClues === undefined) {
    // A small file is read whole: its codes are decided with the whole file's clues, as in the editor.
    let whole: Buffer;
    try {
      whole = await fs.promises.readFile(file);
    } catch (error) {
      throw new FileScanError(`Cannot read ${file}: ${(error as Error).message}`);
    }
    const utf8 = new ToUtf8(options.encoding);
    const text = bytesLookBinary(whole.subarray(0, 8192)) ? '' : Buffer.concat([utf8.piece(whole), utf8.end()]).toString('utf8');
    scanOptions = { ...options, documentClues: service.documentClues(text) };
    stream = Readable.from([whole]);
  } else {
    stream = fs.createReadStream(file, { highWaterMark: options.chunkSize ?? 1024 * 1024 });
  }
  try {
    return await scanStream(service, stream, size, scanOptions);
  } catch (error) {
    if (error instanceof FileScanError) {
      throw error;
    }
    throw new FileScanError(`Cannot read ${file}: ${(error as Error).message}`);
  } finally {
    stream.destroy();
  }
}
