/*
 * Reads back a few lines of a file on disk by number, after a disk scan, for the times they carry:
 * the scan keeps no text, and a second pass that only counts line breaks is quick. The file is read
 * as the scan read it (fileUtf8Pieces: gzip, its encoding, a byte-order mark dropped), and lines end
 * at LF, CRLF or a lone CR, as the scanner counts them. Only the start of each line is kept: a log
 * line carries its time there.
 */
import { StringDecoder } from 'string_decoder';
import { LineBreaks, afterLineBreak } from './core/index';
import { fileUtf8Pieces } from './fileScan';

/** How much of each wanted line is kept. */
const KEEP_CHARACTERS = 512;
const LF = 10;

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
  const crEndsPiece = () => {
    afterCr = true;
  };
  for await (const piece of fileUtf8Pieces(file, encoding)) {
    const text = decoder.write(piece);
    if (text === '') {
      continue;
    }
    // The LF of a CRLF split across two pieces ends no line of its own.
    let from = afterCr && text.charCodeAt(0) === LF ? 1 : 0;
    afterCr = false;
    const breaks = new LineBreaks(text);
    for (let end = breaks.next(from); end !== -1; end = breaks.next(from)) {
      if (wanted.has(line)) {
        found.set(line, (current + text.slice(from, Math.min(end, from + KEEP_CHARACTERS))).slice(0, KEEP_CHARACTERS));
      }
      current = '';
      line++;
      if (line > last) {
        return found;
      }
      from = afterLineBreak(text, end, crEndsPiece);
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
