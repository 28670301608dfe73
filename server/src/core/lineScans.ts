/*
 * The occurrences of a piece's lines, found away from the stream scanner. For a large file, a
 * worker thread runs the token filter and scanLine over the next pieces while the scanner decides
 * the codes of this one. What it finds crosses threads as numbers and strings; the scanner makes of
 * them the occurrences scanLine makes, and a line the worker did not scan as the scanner reads it
 * (the first line of a piece, which may go on from the last one) it scans itself. Decisions stay
 * with the scanner: only what a line holds, which depends on nothing but the line, is found here.
 */
import { bytesAreAscii } from './byteText';
import { CodeIndex } from './codeIndex';
import { DECISION, Occurrence, OccurrenceContext, scanLine, scanLines } from './scanner';

/** What a worker found in a piece. */
export interface LineScans {
  /** Where the token filter let a token through, as findTokenStarts of the whole piece gives them. */
  starts: Int32Array;
  /** For each line with such a token, in order: its start and end in the piece, and how many occurrences it holds. */
  lines: Int32Array;
  /** For each occurrence, in order: its start and end in its line, its context, and 1 when it is unlisted. */
  occurrences: Int32Array;
  /** The key of each occurrence, in order; null for one with none. */
  keys: (string | null)[];
}

/** How a piece's bytes are read: as the stream scanner reads them. */
export interface PieceReading {
  decode: (bytes: Uint8Array, start: number, end: number) => string;
  bytesAsText: (bytes: Uint8Array, start: number, end: number) => string;
  isAscii?: (bytes: Uint8Array, start: number, end: number) => boolean;
}

/** Each context's number across threads; a context added to OccurrenceContext must be given one. */
const CONTEXT_NUMBERS: Readonly<Record<OccurrenceContext, number>> = { distinctive: 0, key: 1, literal: 2, message: 3, reasonPhrase: 4 };
const CONTEXTS = (Object.keys(CONTEXT_NUMBERS) as OccurrenceContext[]).sort((a, b) => CONTEXT_NUMBERS[a] - CONTEXT_NUMBERS[b]);
const LINE_FIELDS = 3;
const OCCURRENCE_FIELDS = 4;
/**
 * A piece is read in parts of about this many bytes, each ending after a line feed: V8 keeps strings
 * this short in its young generation, which it frees often, where a piece's string would wait for
 * a full collection. A part always starts a line, so its lines and token starts are the piece's.
 */
const PART_BYTES = 64 * 1024;
const LF = 10;

/** Runs the token filter over a piece, and scanLine over each line where it lets a token through. */
export function scanPieceLines(piece: Uint8Array, index: CodeIndex, reading: PieceReading, partBytes = PART_BYTES): LineScans {
  const starts: number[] = [];
  const lines: number[] = [];
  const occurrences: number[] = [];
  const keys: (string | null)[] = [];
  const decoded: Occurrence[] = [];
  const record = (from: number, to: number, found: Occurrence[]) => {
    lines.push(from, to, found.length);
    for (const occurrence of found) {
      occurrences.push(occurrence.start, occurrence.end, CONTEXT_NUMBERS[occurrence.context], occurrence.unlisted ? 1 : 0);
      keys.push(occurrence.key ?? null);
    }
  };
  for (let partStart = 0; partStart < piece.length; ) {
    const lineFeed = partStart + partBytes < piece.length ? piece.indexOf(LF, partStart + partBytes) : -1;
    const partEnd = lineFeed === -1 ? piece.length : lineFeed + 1;
    const offset = partStart;
    scanLines(reading.bytesAsText(piece, partStart, partEnd), index, {
      token: (at) => starts.push(offset + at),
      enter: (from, to) => {
        const start = offset + from;
        const end = offset + to;
        if (reading.isAscii ? reading.isAscii(piece, start, end) : bytesAreAscii(piece, start, end)) {
          // Plain ASCII: the bytes read one per character are the line's text.
          return true;
        }
        scanLine(reading.decode(piece, start, end), 0, index, decoded);
        record(start, end, decoded);
        decoded.length = 0;
        return false;
      },
      leave: (from, to, found) => record(offset + from, offset + to, found),
    });
    partStart = partEnd;
  }
  return { starts: Int32Array.from(starts), lines: Int32Array.from(lines), occurrences: Int32Array.from(occurrences), keys };
}

/** Reads a piece's line scans in order, as the stream scanner completes the piece's lines. */
export class LineScanReader {
  private line = 0;
  private occurrence = 0;

  constructor(
    private readonly scans: LineScans,
    private readonly index: CodeIndex,
  ) {}

  get starts(): Int32Array {
    return this.scans.starts;
  }

  /**
   * How many occurrences line [start, end) of the piece holds, when the worker scanned that line;
   * -1 when it did not. Lines are asked for in order.
   */
  count(start: number, end: number): number {
    const { lines } = this.scans;
    while (this.line * LINE_FIELDS < lines.length && lines[this.line * LINE_FIELDS] < start) {
      this.occurrence += lines[this.line * LINE_FIELDS + 2];
      this.line++;
    }
    const at = this.line * LINE_FIELDS;
    return at < lines.length && lines[at] === start && lines[at + 1] === end ? lines[at + 2] : -1;
  }

  /**
   * Adds to `out` the occurrences of the line `count` was last asked for (and answered for), made with
   * the line's text and number as scanLine makes them, and moves past the line.
   */
  take(lineText: string, line: number, out: Occurrence[]): void {
    const { lines, occurrences, keys } = this.scans;
    const count = lines[this.line * LINE_FIELDS + 2];
    for (let taken = 0; taken < count; taken++, this.occurrence++) {
      const at = this.occurrence * OCCURRENCE_FIELDS;
      const start = occurrences[at];
      const end = occurrences[at + 1];
      const context = CONTEXTS[occurrences[at + 2]];
      const key = keys[this.occurrence];
      if (occurrences[at + 3] === 1) {
        out.push({ line, start, end, token: lineText.slice(start, end), candidates: [], context: 'key', key: key!, unlisted: true, [DECISION]: undefined });
        continue;
      }
      const { token, candidates, family } = this.index.inspect(lineText.slice(start, end));
      if (candidates.length === 0) {
        out.push({ line, start, end, token, candidates, context: 'distinctive', family, [DECISION]: undefined });
      } else if (key !== null) {
        out.push({ line, start, end, token, candidates, context, key, [DECISION]: undefined });
      } else {
        out.push({ line, start, end, token, candidates, context, [DECISION]: undefined });
      }
    }
    this.line++;
  }
}
