/*
 * How the scanners read UTF-8 bytes in this process: a piece one character per byte for the token
 * filter, a line decoded, and Node's native check for plain ASCII.
 */
import { StreamScannerOptions } from './core/index';

type BufferWithSlices = Buffer & { latin1Slice(start: number, end: number): string; utf8Slice(start: number, end: number): string };

function asBuffer(bytes: Uint8Array): BufferWithSlices {
  return (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) as BufferWithSlices;
}

/** One character per byte: what the stream scanner's token filter reads. */
function bytesAsLatin1(bytes: Uint8Array, start: number, end: number): string {
  return asBuffer(bytes).latin1Slice(start, end);
}

/** UTF-8 text of bytes [start, end) of a piece. */
export function decodeUtf8(bytes: Uint8Array, start: number, end: number): string {
  return asBuffer(bytes).utf8Slice(start, end);
}

const nativeIsAscii = (require('buffer') as { isAscii?: (input: Uint8Array) => boolean }).isAscii;

/** Whether bytes [start, end) are all ASCII, by Node's native check where it has one. */
function bytesAreAscii(bytes: Uint8Array, start: number, end: number): boolean {
  if (nativeIsAscii) {
    return nativeIsAscii(start === 0 && end === bytes.length ? bytes : bytes.subarray(start, end));
  }
  for (let index = start; index < end; index++) {
    if (bytes[index] >= 0x80) {
      return false;
    }
  }
  return true;
}

/** How the scanners read UTF-8 bytes in this process. */
export const UTF8_BYTES: Pick<StreamScannerOptions, 'decode' | 'bytesAsText' | 'isAscii'> = { decode: decodeUtf8, bytesAsText: bytesAsLatin1, isAscii: bytesAreAscii };
