/*
 * Scans text that arrives in pieces (a file read from disk, standard input) with bounded memory:
 * only the unfinished last line of a piece is kept until the next one comes.
 */
import { CodeIndex } from './codeIndex';
import { ResolvedOccurrence } from './codeDocument';
import { resolve } from './resolver';
import { Occurrence, messageWindow, scanLine } from './scanner';

export interface StreamScannerOptions {
  /**
   * Pieces may be decoded byte for byte (latin1) for speed; this turns such a line back into its real
   * text, so the columns of a finding are counted in real characters. Called only for lines with findings.
   */
  decodeLine?: (line: string) => string;
  /** The longest line kept whole; a longer one is scanned in slices of this size. */
  maxLineLength?: number;
}

export class StreamScanner {
  private pending = '';
  private line = 0;
  private readonly buffer: Occurrence[] = [];
  private readonly decodeLine: (line: string) => string;
  private readonly maxLineLength: number;

  constructor(
    private readonly index: CodeIndex,
    options: StreamScannerOptions = {},
  ) {
    this.decodeLine = options.decodeLine ?? ((line) => line);
    this.maxLineLength = options.maxLineLength ?? 1 << 20;
  }

  /** Feeds the next piece; calls `onFound` for each occurrence in the lines it completes. */
  push(piece: string, onFound: (found: ResolvedOccurrence, lineText: string) => void): void {
    let text = this.pending + piece;
    let start = 0;
    for (;;) {
      const newline = text.indexOf('\n', start);
      if (newline === -1) {
        break;
      }
      this.scanCompleteLine(text.slice(start, newline), onFound);
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

  /** Scans what is left after the last piece. */
  end(onFound: (found: ResolvedOccurrence, lineText: string) => void): void {
    if (this.pending.length > 0) {
      this.scanCompleteLine(this.pending, onFound);
      this.pending = '';
    }
  }

  /** Lines completed so far. */
  get lineCount(): number {
    return this.line;
  }

  private scanCompleteLine(raw: string, onFound: (found: ResolvedOccurrence, lineText: string) => void): void {
    this.scanSlice(raw, onFound);
    this.line++;
  }

  private scanSlice(raw: string, onFound: (found: ResolvedOccurrence, lineText: string) => void): void {
    scanLine(raw, this.line, this.index, this.buffer);
    if (this.buffer.length === 0) {
      return;
    }
    this.buffer.length = 0;
    // Rescan the real text of the line, so columns are right for any encoding.
    const text = this.decodeLine(raw.endsWith('\r') ? raw.slice(0, -1) : raw);
    scanLine(text, this.line, this.index, this.buffer);
    const occurrences = this.buffer.splice(0);
    for (const occurrence of occurrences) {
      const otherCodeNearby = occurrences.some((other) => other !== occurrence && !/^[0-9]+$/.test(other.token));
      const resolution = resolve(occurrence, { text: messageWindow(text, occurrence.start), otherCodeNearby });
      if (!resolution.suppressed) {
        onFound({ occurrence, resolution }, text);
      }
    }
  }
}
