/*
 * Reads back a few lines of a file on disk by number, after a disk scan, for the times they carry:
 * the scan keeps no text, and a second pass that only counts line breaks is quick. Lines end at
 * LF, CRLF or a lone CR, as the scanner counts them; a byte-order mark is dropped. Files in another
 * encoding than UTF-8 are decoded as the scan decoded them, and gzip files are read through zlib.
 * Only the start of each line is kept: a log line carries its time there.
 */
import * as fs from 'fs';
import { StringDecoder } from 'string_decoder';
import { TextDecoder } from 'util';
import * as zlib from 'zlib';

/** How much of each wanted line is kept. */
const KEEP_CHARACTERS = 512;
const LF = 10;
const CR = 13;

/** Whether a file starts as gzip data does. */
async function isGzip(file: string): Promise<boolean> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    return bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

/** Turns pieces of bytes into text: UTF-8 (a byte-order mark dropped), UTF-16 by its mark, or the label given. */
class PieceDecoder {
  private decode: ((piece: Buffer) => string) | undefined;

  constructor(private readonly label: string | undefined) {}

  text(piece: Buffer): string {
    if (this.decode === undefined) {
      let encoding = this.label ?? 'utf-8';
      let skip = 0;
      if (piece[0] === 0xef && piece[1] === 0xbb && piece[2] === 0xbf) {
        encoding = 'utf-8';
        skip = 3;
      } else if (piece[0] === 0xff && piece[1] === 0xfe) {
        encoding = 'utf-16le';
        skip = 2;
      } else if (piece[0] === 0xfe && piece[1] === 0xff) {
        encoding = 'utf-16be';
        skip = 2;
      }
      let decoder: TextDecoder;
      try {
        decoder = new TextDecoder(encoding);
      } catch {
        decoder = new TextDecoder('utf-8');
      }
      if (decoder.encoding === 'utf-8') {
        const utf8 = new StringDecoder('utf8');
        this.decode = (bytes) => utf8.write(bytes);
      } else {
        this.decode = (bytes) => decoder.decode(bytes, { stream: true });
      }
      return this.decode(piece.subarray(skip));
    }
    return this.decode(piece);
  }
}

/** The starts of the wanted lines (zero-based numbers) of a file; lines past its end are missing. */
export async function readLinesAt(file: string, wanted: ReadonlySet<number>, encoding?: string): Promise<Map<number, string>> {
  const found = new Map<number, string>();
  if (wanted.size === 0) {
    return found;
  }
  let last = 0;
  for (const line of wanted) {
    last = Math.max(last, line);
  }
  const raw = fs.createReadStream(file, { highWaterMark: 1024 * 1024 });
  const stream: NodeJS.ReadableStream = (await isGzip(file)) ? raw.pipe(zlib.createGunzip()) : raw;
  const decoder = new PieceDecoder(encoding);
  let line = 0;
  let current = '';
  let afterCr = false;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const text = decoder.text(chunk);
      // The LF of a CRLF split across two pieces ends no line of its own.
      let from = afterCr && text.charCodeAt(0) === LF ? 1 : 0;
      afterCr = false;
      for (let index = from; index < text.length; index++) {
        const char = text.charCodeAt(index);
        if (char !== LF && char !== CR) {
          continue;
        }
        if (wanted.has(line)) {
          found.set(line, (current + text.slice(from, Math.min(index, from + KEEP_CHARACTERS))).slice(0, KEEP_CHARACTERS));
        }
        current = '';
        line++;
        if (line > last) {
          return found;
        }
        if (char === CR) {
          if (index === text.length - 1) {
            afterCr = true;
          } else if (text.charCodeAt(index + 1) === LF) {
            index++;
          }
        }
        from = index + 1;
      }
      if (wanted.has(line) && current.length < KEEP_CHARACTERS) {
        current += text.slice(from, from + KEEP_CHARACTERS - current.length);
      }
    }
    if (wanted.has(line) && current !== '') {
      found.set(line, current);
    }
    return found;
  } finally {
    raw.destroy();
  }
}
