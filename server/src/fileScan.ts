/*
 * Scans a file on disk of any size with bounded memory, for the Scan Log File command and the
 * command line. Bytes are decoded as latin1 for speed (codes are ASCII); lines with findings are
 * decoded again as UTF-8 so their columns are right.
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

function decodeLatin1LineAsUtf8(line: string): string {
  return Buffer.from(line, 'latin1').toString('utf8');
}

/** Scans a readable stream of bytes. */
export async function scanStream(service: LanguageService, stream: NodeJS.ReadableStream, totalBytes: number, options: FileScanOptions): Promise<FileScanResult> {
  const scanner = service.createStreamScanner({ decodeLine: decodeLatin1LineAsUtf8 });
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
    scanner.push(buffer.toString('latin1'), onFound);
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
