/*
 * Reads back a few lines of a file on disk by number, after a disk scan, for the times they carry:
 * the scan keeps no text, and a second pass that only counts line breaks is quick. The file is read
 * as the scan read it (fileUtf8Pieces: gzip, its encoding, a byte-order mark dropped), and lines end
 * at LF, CRLF or a lone CR, as the scanner counts them. Only the start of each line is kept: a log
 * line carries its time there.
 */
import { StringDecoder } from 'string_decoder';
import { fileUtf8Pieces } from './fileScan';

/** How much of each wanted line is kept. */
const KEEP_CHARACTERS = 512;
const LF = 10;
const CR = 13;

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
  const decoder = new StringDecoder('utf8');
  let line = 0;
  let current = '';
  let afterCr = false;
  for await (const piece of fileUtf8Pieces(file, encoding)) {
    const text = decoder.write(piece);
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
}
