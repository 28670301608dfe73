/*
 * Scans a file on disk of any size with bounded memory, for the Scan Log File command and the
 * command line. The stream scanner reads the bytes as they come; only the few lines that may hold a
 * code, and the lines around those it decides, are decoded as UTF-8.
 */
import * as fs from 'fs';
import { ResolvedOccurrence } from './core/codeDocument';
import { LanguageService } from './core/languageService';

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
}

export interface FileScanResult {
  bytes: number;
  lines: number;
  found: number;
  cancelled: boolean;
}

export class FileScanError extends Error {}

/** Whether the first bytes look like a binary file: a NUL byte, or mostly control characters. */
export function looksBinary(sample: Uint8Array): boolean {
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) {
      return true;
    }
    if (byte < 9 || (byte > 13 && byte < 32)) {
      control++;
    }
  }
  return sample.length > 0 && control / sample.length > 0.1;
}

/** UTF-8 text of bytes [start, end) of a piece. */
function decodeUtf8(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8', start, end);
}

/** Scans a readable stream of bytes. */
export async function scanStream(service: LanguageService, stream: NodeJS.ReadableStream, totalBytes: number, options: FileScanOptions): Promise<FileScanResult> {
  const scanner = service.createStreamScanner({ decode: decodeUtf8 });
  let bytes = 0;
  let found = 0;
  let checkedBinary = false;
  let lastReport = 0;
  const onFound = (item: ResolvedOccurrence) => {
    found++;
    options.onFound(item);
  };
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    if (!checkedBinary) {
      checkedBinary = true;
      if (looksBinary(buffer.subarray(0, 8192))) {
        throw new FileScanError('The file looks binary (it has NUL bytes or mostly control characters); it was not scanned.');
      }
    }
    bytes += buffer.length;
    // A plain Uint8Array, like the scanner's own: one kind of array keeps its byte loop fast.
    scanner.push(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), onFound);
    if (options.isCancelled?.()) {
      (stream as fs.ReadStream).destroy?.();
      return { bytes, lines: scanner.lineCount, found, cancelled: true };
    }
    if (options.onProgress && bytes - lastReport >= 8 * 1024 * 1024) {
      lastReport = bytes;
      options.onProgress({ bytesRead: bytes, totalBytes, found });
    }
  }
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
  const stream = fs.createReadStream(file, { highWaterMark: options.chunkSize ?? 1024 * 1024 });
  try {
    return await scanStream(service, stream, size, options);
  } catch (error) {
    if (error instanceof FileScanError) {
      throw error;
    }
    throw new FileScanError(`Cannot read ${file}: ${(error as Error).message}`);
  } finally {
    stream.destroy();
  }
}
