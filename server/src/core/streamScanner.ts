/*
 * Scans bytes that arrive in pieces (a file read from disk, standard input) with bounded memory.
 * Each piece is read once, byte by byte, looking for the tokens a code could be (the same test the
 * scanner makes, see scanLine); only a line that holds one is decoded and scanned for real. The
 * lines around the ones still to be decided are kept (as references into their pieces), so an
 * occurrence is decided from the same evidence an open document gives: the sibling message of
 * pretty-printed JSON, a code nearby.
 */
import { CodeIndex, MAX_PREFIX_LENGTH, foldHash, hashStep } from './codeIndex';
import { ResolvedOccurrence } from './codeDocument';
import { LineSource, NEIGHBOURHOOD, gatherEvidence } from './evidence';
import { resolve } from './resolver';
import { CODE_CHAR, Occurrence, scanLine } from './scanner';

export interface StreamScannerOptions {
  /** Turns bytes [start, end) of a pushed piece into text (UTF-8 for files and standard input). */
  decode: (bytes: Uint8Array, start: number, end: number) => string;
  /** The longest line, in bytes, kept whole; a longer one is scanned in slices of about this size. */
  maxLineLength?: number;
}

export type FoundCallback = (found: ResolvedOccurrence) => void;

/** One line of the window around the lines being decided. */
interface WindowLine {
  /** The line number this slot holds, or -1. */
  line: number;
  /** The piece the line stands in, and where. */
  bytes: Uint8Array;
  start: number;
  end: number;
  /** The decoded text: the whole line when it has occurrences, else only as much as evidence reads. */
  text: string | undefined;
  occurrences: Occurrence[] | undefined;
}

/** Evidence reads at most 2048 characters of a neighbouring line; a UTF-8 character takes up to 4 bytes. */
const NEIGHBOUR_HEAD_BYTES = 2048 * 4;
const LF = 10;
const CR = 13;
const DOT = 46;
const EMPTY = new Uint8Array(0);

export class StreamScanner {
  /** The bytes of a line that a piece left unfinished. */
  private carry: Uint8Array = EMPTY;
  /** Lines completed so far; also the number of the line being read. */
  private line = 0;
  /** Where the current line's next slice starts, in characters, when an over-long line is cut into slices. */
  private sliceOffset = 0;
  /** The last lines, line n in slot n % size. */
  private readonly window: WindowLine[];
  private readonly buffer: Occurrence[] = [];
  private readonly decode: StreamScannerOptions['decode'];
  private readonly maxLineLength: number;
  private readonly lineSource: LineSource = {
    lineText: (line) => {
      const slot = this.slot(line);
      if (slot === undefined) {
        return undefined;
      }
      slot.text ??= this.decode(slot.bytes, slot.start, Math.min(slot.end, slot.start + NEIGHBOUR_HEAD_BYTES));
      return slot.text;
    },
    occurrencesOn: (line) => this.slot(line)?.occurrences,
  };

  constructor(
    private readonly index: CodeIndex,
    options: StreamScannerOptions,
  ) {
    this.decode = options.decode;
    this.maxLineLength = Math.max(1024, options.maxLineLength ?? 1 << 20);
    this.window = Array.from({ length: 2 * NEIGHBOURHOOD + 1 }, () => ({ line: -1, bytes: EMPTY, start: 0, end: 0, text: undefined, occurrences: undefined }));
  }

  /**
   * Feeds the next piece; calls `onFound` for each occurrence that can be decided, in text order.
   * The scanner keeps references into the piece for a few lines: do not change it afterwards.
   */
  push(piece: Uint8Array, onFound: FoundCallback): void {
    let from = 0;
    if (this.carry.length > 0) {
      const newline = piece.indexOf(LF);
      if (newline === -1) {
        this.carry = concat(this.carry, piece, 0, piece.length);
        this.cutOverLongLine(onFound);
        return;
      }
      const line = concat(this.carry, piece, 0, newline);
      this.carry = EMPTY;
      this.scanLines(line, 0, line.length, true, onFound);
      from = newline + 1;
    }
    const unfinished = this.scanLines(piece, from, piece.length, false, onFound);
    if (unfinished < piece.length) {
      this.carry = piece.subarray(unfinished);
      this.cutOverLongLine(onFound);
    }
  }

  /** Scans what is left after the last piece and decides every occurrence still waiting. */
  end(onFound: FoundCallback): void {
    if (this.carry.length > 0) {
      const line = this.carry;
      this.carry = EMPTY;
      this.scanLines(line, 0, line.length, true, onFound);
    }
    this.flush(onFound);
  }

  /** Lines completed so far. */
  get lineCount(): number {
    return this.line;
  }

  private slot(line: number): WindowLine | undefined {
    if (line < 0) {
      return undefined;
    }
    const slot = this.window[line % this.window.length];
    return slot.line === line ? slot : undefined;
  }

  /**
   * Reads bytes [from, to): each line ended by a line feed is completed (and, with `last`, the
   * text after the last one too). Returns where the unfinished last line starts. A line is looked at
   * further only if a token in it could be a code: the test of scanLine, on bytes.
   */
  private scanLines(bytes: Uint8Array, from: number, to: number, last: boolean, onFound: FoundCallback): number {
    const { literalHashes, prefixHashes, prefixLengths, startPairs, hashFilter } = this.index;
    let lineStart = from;
    let candidate = false;
    let position = from;
    while (position < to) {
      let byte = bytes[position];
      if (byte === LF) {
        this.completeLine(bytes, lineStart, position, candidate, onFound);
        lineStart = position + 1;
        candidate = false;
        position++;
        continue;
      }
      if (CODE_CHAR[byte] === 0) {
        position++;
        continue;
      }
      let start = position;
      while (start < to && bytes[start] === DOT) {
        start++;
      }
      let cursor = start;
      if (!candidate) {
        const first = start < to ? bytes[start] : 0;
        let second = start + 1 < to ? bytes[start + 1] : 0;
        if (CODE_CHAR[second] === 0) {
          second = 0;
        }
        if (first < 128 && startPairs[first * 128 + second] === 1) {
          let hash = 0;
          let hashAtEnd = 0;
          let end = start;
          while (cursor < to) {
            byte = bytes[cursor];
            if (CODE_CHAR[byte] === 0) {
              break;
            }
            hash = hashStep(hash, byte);
            if (byte !== DOT) {
              end = cursor + 1;
              hashAtEnd = hash;
            }
            const tokenLength = cursor - start + 1;
            if (tokenLength <= MAX_PREFIX_LENGTH && prefixLengths[tokenLength] === 1 && (hashFilter[foldHash(hash)] & 2) !== 0 && prefixHashes.has(hash)) {
              candidate = true;
            }
            cursor++;
          }
          if (end > start && (hashFilter[foldHash(hashAtEnd)] & 1) !== 0 && literalHashes.has(hashAtEnd)) {
            candidate = true;
          }
        }
      }
      // The rest of the token (all of it, when it cannot start a code or the line is already a candidate).
      while (cursor < to) {
        byte = bytes[cursor];
        if (CODE_CHAR[byte] === 0) {
          break;
        }
        cursor++;
      }
      position = cursor;
    }
    if (last && lineStart < to) {
      this.completeLine(bytes, lineStart, to, candidate, onFound);
      return to;
    }
    return lineStart;
  }

  /** Files a completed line in the window, and decides the line whose following lines are now all there. */
  private completeLine(bytes: Uint8Array, start: number, end: number, candidate: boolean, onFound: FoundCallback): void {
    if (end > start && bytes[end - 1] === CR) {
      end--;
    }
    if (this.sliceOffset > 0) {
      // The end of an over-long line: decided on its own, as its slices were.
      this.scanSlice(this.decode(bytes, start, end), onFound);
      this.sliceOffset = 0;
      start = end;
      candidate = false;
    }
    const slot = this.window[this.line % this.window.length];
    slot.line = this.line;
    slot.bytes = bytes;
    slot.start = start;
    slot.end = end;
    slot.text = undefined;
    slot.occurrences = undefined;
    if (candidate) {
      const text = this.decode(bytes, start, end);
      scanLine(text, this.line, this.index, this.buffer);
      if (this.buffer.length > 0) {
        slot.text = text;
        slot.occurrences = this.buffer.splice(0);
      }
    }
    this.line++;
    this.decide(this.line - 1 - NEIGHBOURHOOD, onFound);
  }

  private decide(line: number, onFound: FoundCallback): void {
    const occurrences = this.slot(line)?.occurrences;
    if (occurrences === undefined) {
      return;
    }
    for (const occurrence of occurrences) {
      const resolution = resolve(occurrence, gatherEvidence(occurrence, this.lineSource));
      if (!resolution.suppressed) {
        onFound({ occurrence, resolution });
      }
    }
  }

  /** Decides every line still waiting, with the lines there are, and empties the window. */
  private flush(onFound: FoundCallback): void {
    for (let line = Math.max(0, this.line - NEIGHBOURHOOD); line < this.line; line++) {
      this.decide(line, onFound);
    }
    for (const slot of this.window) {
      slot.line = -1;
      slot.bytes = EMPTY;
      slot.text = undefined;
      slot.occurrences = undefined;
    }
  }

  /** Scans the front of an unfinished line that grew past the bound, slice by slice, keeping the rest. */
  private cutOverLongLine(onFound: FoundCallback): void {
    while (this.carry.length > this.maxLineLength) {
      let cut = this.maxLineLength;
      // Never inside a UTF-8 sequence: back up to the start of a character.
      while (cut > 0 && (this.carry[cut] & 0xc0) === 0x80) {
        cut--;
      }
      this.scanSlice(this.decode(this.carry, 0, cut), onFound);
      this.carry = this.carry.subarray(cut);
    }
  }

  /** Scans one slice of an over-long line and decides its occurrences at once, from the slice alone. */
  private scanSlice(text: string, onFound: FoundCallback): void {
    // Lines before it are decided first, so findings stay in text order.
    this.flush(onFound);
    scanLine(text, this.line, this.index, this.buffer);
    const occurrences = this.buffer.splice(0);
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
}

function concat(head: Uint8Array, piece: Uint8Array, from: number, to: number): Uint8Array {
  const joined = new Uint8Array(head.length + (to - from));
  joined.set(head, 0);
  joined.set(piece.subarray(from, to), head.length);
  return joined;
}
