/*
 * Scans text that arrives in pieces (a file read from disk, standard input) with bounded memory:
 * only the unfinished last line of a piece, and a window of the lines around the ones still to be
 * decided, are kept. An occurrence is decided once the lines after it have arrived, from the same
 * evidence an open document gives (the sibling message of pretty-printed JSON, a code nearby).
 */
import { CodeIndex } from './codeIndex';
import { ResolvedOccurrence } from './codeDocument';
import { LineSource, NEIGHBOURHOOD, gatherEvidence } from './evidence';
import { resolve } from './resolver';
import { Occurrence, scanLine } from './scanner';

export interface StreamScannerOptions {
  /**
   * Pieces may be decoded byte for byte (latin1) for speed; this turns such a line back into its real
   * text, so the columns of a finding are counted in real characters. Called only for lines that are
   * read as evidence.
   */
  decodeLine?: (line: string) => string;
  /** The longest line kept whole; a longer one is scanned in slices of this size. */
  maxLineLength?: number;
}

export type FoundCallback = (found: ResolvedOccurrence) => void;

/** One line of the window: its occurrences, or only as much of its start as evidence reads. */
interface WindowLine {
  /** The line as it arrived (undecoded); for a line without occurrences only its start. */
  raw: string;
  /** The decoded text of `raw`, made when it is first read. */
  text?: string;
  occurrences?: Occurrence[];
}

/** Evidence reads at most this many characters of a neighbouring line; a UTF-8 character takes up to 4 bytes. */
const NEIGHBOUR_HEAD = 2048 * 4;

export class StreamScanner {
  private pending = '';
  /** Lines completed so far; also the number of the line being read. */
  private line = 0;
  /** Where the current line's next slice starts, in characters, when an over-long line is cut into slices. */
  private sliceOffset = 0;
  /** The last lines read, `window[i]` being line `line - window.length + i`. */
  private readonly window: WindowLine[] = [];
  private readonly buffer: Occurrence[] = [];
  private readonly decodeLine: (line: string) => string;
  private readonly maxLineLength: number;
  private readonly lineSource: LineSource = {
    lineText: (line) => {
      const item = this.windowLine(line);
      if (item === undefined) {
        return undefined;
      }
      item.text ??= this.decodeLine(item.raw);
      return item.text;
    },
    occurrencesOn: (line) => this.windowLine(line)?.occurrences,
  };

  constructor(
    private readonly index: CodeIndex,
    options: StreamScannerOptions = {},
  ) {
    this.decodeLine = options.decodeLine ?? ((line) => line);
    this.maxLineLength = options.maxLineLength ?? 1 << 20;
  }

  /** Feeds the next piece; calls `onFound` for each occurrence that can be decided, in text order. */
  push(piece: string, onFound: FoundCallback): void {
    let text = this.pending + piece;
    let start = 0;
    for (;;) {
      const newline = text.indexOf('\n', start);
      if (newline === -1) {
        break;
      }
      this.completeLine(text.slice(start, newline), onFound);
      start = newline + 1;
    }
    text = text.slice(start);
    while (text.length > this.maxLineLength) {
      // A line longer than the bound is scanned in slices; a code cut at a slice edge is missed.
      this.scanSlice(text.slice(0, this.maxLineLength), onFound);
      text = text.slice(this.maxLineLength);
    }
    this.pending = text;
  }

  /** Scans what is left after the last piece and decides every occurrence still waiting. */
  end(onFound: FoundCallback): void {
    if (this.pending.length > 0) {
      this.completeLine(this.pending, onFound);
      this.pending = '';
    }
    this.flush(onFound);
  }

  /** Lines completed so far. */
  get lineCount(): number {
    return this.line;
  }

  private windowLine(line: number): WindowLine | undefined {
    const at = line - (this.line - this.window.length);
    return at >= 0 && at < this.window.length ? this.window[at] : undefined;
  }

  private completeLine(raw: string, onFound: FoundCallback): void {
    const withoutReturn = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (this.sliceOffset > 0) {
      // The end of an over-long line: decided on its own, as its slices were.
      this.scanSlice(withoutReturn, onFound);
      this.sliceOffset = 0;
      this.append({ raw: '' }, onFound);
      return;
    }
    const found = this.scan(withoutReturn);
    this.append(found ? { raw: withoutReturn, ...found } : { raw: withoutReturn.slice(0, NEIGHBOUR_HEAD) }, onFound);
  }

  /** Adds the line just completed to the window, and decides the line whose following lines are now all there. */
  private append(item: WindowLine, onFound: FoundCallback): void {
    this.window.push(item);
    this.line++;
    const ready = this.line - 1 - NEIGHBOURHOOD;
    if (ready >= 0) {
      this.decide(ready, onFound);
    }
    // What stays is what deciding the next lines can still read: NEIGHBOURHOOD lines before them.
    while (this.window.length > 2 * NEIGHBOURHOOD) {
      this.window.shift();
    }
  }

  /** Decides every line still waiting, with the lines there are. */
  private flush(onFound: FoundCallback): void {
    for (let line = Math.max(0, this.line - NEIGHBOURHOOD); line < this.line; line++) {
      this.decide(line, onFound);
    }
    this.window.length = 0;
  }

  private decide(line: number, onFound: FoundCallback): void {
    for (const occurrence of this.windowLine(line)?.occurrences ?? []) {
      const resolution = resolve(occurrence, gatherEvidence(occurrence, this.lineSource));
      if (!resolution.suppressed) {
        onFound({ occurrence, resolution });
      }
    }
  }

  /** Scans one slice of an over-long line and decides its occurrences at once, from the slice alone. */
  private scanSlice(raw: string, onFound: FoundCallback): void {
    // Lines before it are decided first, so findings stay in text order.
    this.flush(onFound);
    const text = this.decodeLine(raw);
    const occurrences = this.scan(raw, text)?.occurrences ?? [];
    const source: LineSource = { lineText: (line) => (line === this.line ? text : undefined), occurrencesOn: () => occurrences };
    for (const occurrence of occurrences) {
      const resolution = resolve(occurrence, gatherEvidence(occurrence, source));
      occurrence.start += this.sliceOffset;
      occurrence.end += this.sliceOffset;
      if (!resolution.suppressed) {
        onFound({ occurrence, resolution });
      }
    }
    this.sliceOffset += text.length;
  }

  /**
   * The occurrences of a line, with columns in real characters: a line is scanned as it arrived
   * (cheap), and only one with a code is decoded and scanned again.
   */
  private scan(raw: string, decoded?: string): { text: string; occurrences: Occurrence[] } | undefined {
    scanLine(raw, this.line, this.index, this.buffer);
    if (this.buffer.length === 0) {
      return undefined;
    }
    this.buffer.length = 0;
    const text = decoded ?? this.decodeLine(raw);
    scanLine(text, this.line, this.index, this.buffer);
    return this.buffer.length > 0 ? { text, occurrences: this.buffer.splice(0) } : undefined;
  }
}
