/*
 * Scans bytes that arrive in pieces (a file read from disk, standard input) with bounded memory.
 * Each piece is read once as a one-byte string through the same token filter the scanner uses
 * (findCodeTokens): only a line that may hold a code is decoded and scanned for real. Lines end at
 * LF, CRLF or a lone CR, as in the editor. The lines around the ones still to be decided are kept
 * (as references into their pieces), so an occurrence is decided from the same evidence an open
 * document gives: the sibling message of pretty-printed JSON, a code nearby, clues of origin on
 * its line, in its body and nearby. The document's clues are those known beforehand (a small file
 * read once for them) and those seen so far near codes.
 */
import { CodeIndex } from './codeIndex';
import { ResolvedOccurrence } from './codeDocument';
import { DocumentClue, LineEvidence, LineSource, NEARBY, codeVote, gatherEvidence, isDocumentClue } from './evidence';
import { Clue } from './origins';
import { resolve } from './resolver';
import { Occurrence, findCodeTokens, scanLine } from './scanner';

export interface StreamScannerOptions {
  /** Turns bytes [start, end) of a pushed piece into text (UTF-8 for files and standard input). */
  decode: (bytes: Uint8Array, start: number, end: number) => string;
  /** Turns bytes [start, end) into a string of one character per byte (latin1): the token filter reads it. */
  bytesAsText: (bytes: Uint8Array, start: number, end: number) => string;
  /** The longest line, in bytes, kept whole; a longer one is scanned in slices of about this size. */
  maxLineLength?: number;
  /** Clues of the whole document, when they are known beforehand (a small file read once for them). */
  documentClues?: readonly DocumentClue[];
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
  clues: Clue[] | undefined;
  /** What codes on the line share when decided, made when first asked for. */
  evidence: Map<number, LineEvidence> | undefined;
}

/** Evidence reads at most 2048 characters of a neighbouring line; a UTF-8 character takes up to 4 bytes. */
const NEIGHBOUR_HEAD_BYTES = 2048 * 4;
const LF = 10;
const CR = 13;
const EMPTY = new Uint8Array(0);
const NO_CLUES: readonly Clue[] = Object.freeze([]);

export class StreamScanner {
  /** The bytes of a line that a piece left unfinished. */
  private carry: Uint8Array = EMPTY;
  /** Set when the last piece ended in CR: a LF starting the next one belongs to it. */
  private afterCr = false;
  /** Lines completed so far; also the number of the line being read. */
  private line = 0;
  /** Where the current line's next slice starts, in characters, when an over-long line is cut into slices. */
  private sliceOffset = 0;
  /** The last lines, line n in slot n % size. */
  private readonly window: WindowLine[];
  private readonly buffer: Occurrence[] = [];
  private readonly options: StreamScannerOptions;
  private readonly maxLineLength: number;
  /** The document's clues: those given beforehand, and those seen so far near codes. */
  private readonly documentTally = new Map<string, DocumentClue>();
  private readonly lineSource: LineSource;

  constructor(
    private readonly index: CodeIndex,
    options: StreamScannerOptions,
  ) {
    this.options = options;
    this.maxLineLength = Math.max(1024, options.maxLineLength ?? 1 << 20);
    this.window = Array.from({ length: 2 * NEARBY + 1 }, () => ({ line: -1, bytes: EMPTY, start: 0, end: 0, text: undefined, occurrences: undefined, clues: undefined, evidence: undefined }));
    for (const clue of options.documentClues ?? []) {
      this.documentTally.set(tallyKey(clue), { ...clue });
    }
    this.lineSource = {
      lineText: (line) => {
        const slot = this.slot(line);
        if (slot === undefined) {
          return undefined;
        }
        slot.text ??= this.options.decode(slot.bytes, slot.start, Math.min(slot.end, slot.start + NEIGHBOUR_HEAD_BYTES));
        return slot.text;
      },
      occurrencesOn: (line) => this.slot(line)?.occurrences,
      cluesOn: (line) => this.cluesOn(line),
      documentClues: () => [...this.documentTally.values()],
      cluesInWindow: (line, from, to) => this.index.detector.cluesIn(this.lineSource.lineText(line) ?? '', line, from, to),
      evidenceCache: (line) => {
        const slot = this.slot(line);
        return slot === undefined ? new Map() : (slot.evidence ??= new Map());
      },
    };
  }

  /**
   * Feeds the next piece; calls `onFound` for each occurrence that can be decided, in text order.
   * The scanner keeps references into the piece for a few lines: do not change it afterwards.
   */
  push(piece: Uint8Array, onFound: FoundCallback): void {
    let from = 0;
    if (this.afterCr && piece.length > 0) {
      this.afterCr = false;
      if (piece[0] === LF) {
        from = 1;
      }
    }
    const text = this.options.bytesAsText(piece, 0, piece.length);
    const breaks = new LineBreaks(text);
    if (this.carry.length > 0) {
      const end = breaks.next(from);
      if (end === -1) {
        this.carry = concat(this.carry, piece, from, piece.length);
        this.cutOverLongLine(onFound);
        return;
      }
      const line = concat(this.carry, piece, from, end);
      this.carry = EMPTY;
      this.completeLine(line, this.options.bytesAsText(line, 0, line.length), 0, line.length, undefined, onFound);
      from = this.afterBreak(text, end);
    }
    // The token filter reads the whole piece in one go; a token never spans a line break, so each
    // line is a candidate when a token the filter let through starts in it.
    const hits: number[] = [];
    findCodeTokens(text, from, text.length, this.index, (tokenStart) => {
      hits.push(tokenStart);
      return true;
    });
    let hit = 0;
    let start = from;
    let end = breaks.next(start);
    while (end !== -1) {
      while (hit < hits.length && hits[hit] < start) {
        hit++;
      }
      this.completeLine(piece, text, start, end, hit < hits.length && hits[hit] < end, onFound);
      start = this.afterBreak(text, end);
      end = breaks.next(start);
    }
    if (start < piece.length) {
      this.carry = piece.subarray(start);
      this.cutOverLongLine(onFound);
    }
  }

  /** Scans what is left after the last piece and decides every occurrence still waiting. */
  end(onFound: FoundCallback): void {
    if (this.carry.length > 0) {
      const line = this.carry;
      this.carry = EMPTY;
      this.completeLine(line, this.options.bytesAsText(line, 0, line.length), 0, line.length, undefined, onFound);
    }
    this.flush(onFound);
  }

  /** Lines completed so far. */
  get lineCount(): number {
    return this.line;
  }

  /** Where the next line starts after the break at `at`: past a CRLF, or past one CR or LF. */
  private afterBreak(text: string, at: number): number {
    if (text.charCodeAt(at) === CR) {
      if (at + 1 === text.length) {
        this.afterCr = true;
        return at + 1;
      }
      if (text.charCodeAt(at + 1) === LF) {
        return at + 2;
      }
    }
    return at + 1;
  }

  private slot(line: number): WindowLine | undefined {
    if (line < 0) {
      return undefined;
    }
    const slot = this.window[line % this.window.length];
    return slot.line === line ? slot : undefined;
  }

  private cluesOn(line: number): readonly Clue[] {
    const slot = this.slot(line);
    if (slot === undefined) {
      return NO_CLUES;
    }
    if (slot.clues === undefined) {
      slot.clues = this.index.detector.cluesIn(this.lineSource.lineText(line) ?? '', line);
      for (const clue of slot.clues) {
        if (isDocumentClue(clue)) {
          this.tally(clue);
        }
      }
    }
    return slot.clues;
  }

  private tally(clue: Clue): void {
    if (this.options.documentClues !== undefined) {
      // The whole document's clues are known already.
      return;
    }
    const key = tallyKey(clue);
    const known = this.documentTally.get(key);
    if (known) {
      known.count++;
    } else {
      this.documentTally.set(key, { ...clue, count: 1 });
    }
  }

  /** Files a completed line [start, end) of `bytes` (read as `text`) in the window, and decides the line whose following lines are now all there. */
  private completeLine(bytes: Uint8Array, text: string, start: number, end: number, mayHoldCode: boolean | undefined, onFound: FoundCallback): void {
    if (this.sliceOffset > 0) {
      // The end of an over-long line: decided on its own, as its slices were.
      this.scanSlice(this.options.decode(bytes, start, end), onFound);
      this.sliceOffset = 0;
      start = end;
    }
    const slot = this.window[this.line % this.window.length];
    slot.line = this.line;
    slot.bytes = bytes;
    slot.start = start;
    slot.end = end;
    slot.text = undefined;
    slot.occurrences = undefined;
    slot.clues = undefined;
    slot.evidence = undefined;
    let candidate = mayHoldCode ?? false;
    if (mayHoldCode === undefined) {
      findCodeTokens(text, start, end, this.index, () => {
        candidate = true;
        return false;
      });
    }
    if (candidate) {
      const decoded = this.options.decode(bytes, start, end);
      scanLine(decoded, this.line, this.index, this.buffer);
      if (this.buffer.length > 0) {
        slot.text = decoded;
        slot.occurrences = this.buffer.splice(0);
        for (const occurrence of slot.occurrences) {
          const vote = codeVote(occurrence, decoded);
          if (vote) {
            this.tally(vote);
          }
        }
      }
    }
    this.line++;
    this.decide(this.line - 1 - NEARBY, onFound);
  }

  private decide(line: number, onFound: FoundCallback): void {
    const occurrences = this.slot(line)?.occurrences;
    if (occurrences === undefined) {
      return;
    }
    for (const occurrence of occurrences) {
      const resolution = resolve(occurrence, gatherEvidence(occurrence, this.lineSource), this.index);
      if (!resolution.suppressed) {
        onFound({ occurrence, resolution });
      }
    }
  }

  /** Decides every line still waiting, with the lines there are, and empties the window. */
  private flush(onFound: FoundCallback): void {
    for (let line = Math.max(0, this.line - NEARBY); line < this.line; line++) {
      this.decide(line, onFound);
    }
    for (const slot of this.window) {
      slot.line = -1;
      slot.bytes = EMPTY;
      slot.text = undefined;
      slot.occurrences = undefined;
      slot.clues = undefined;
      slot.evidence = undefined;
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
      this.scanSlice(this.options.decode(this.carry, 0, cut), onFound);
      this.carry = this.carry.subarray(cut);
    }
  }

  /** Scans one slice of an over-long line and decides its occurrences at once, from the slice alone. */
  private scanSlice(text: string, onFound: FoundCallback): void {
    // Lines before it are decided first, so findings stay in text order.
    this.flush(onFound);
    scanLine(text, this.line, this.index, this.buffer);
    const occurrences = this.buffer.splice(0);
    const line = this.line;
    const sliceEvidence = new Map<number, LineEvidence>();
    const source: LineSource = {
      lineText: (other) => (other === line ? text : undefined),
      occurrencesOn: () => occurrences,
      cluesOn: (other) => (other === line ? this.index.detector.cluesIn(text, line) : NO_CLUES),
      documentClues: () => [...this.documentTally.values()],
      cluesInWindow: (other, from, to) => (other === line ? this.index.detector.cluesIn(text, line, from, to) : NO_CLUES),
      evidenceCache: () => sliceEvidence,
    };
    for (const occurrence of occurrences) {
      const resolution = resolve(occurrence, gatherEvidence(occurrence, source), this.index);
      occurrence.start += this.sliceOffset;
      occurrence.end += this.sliceOffset;
      if (!resolution.suppressed) {
        onFound({ occurrence, resolution });
      }
    }
    this.sliceOffset += text.length;
  }
}

/** Finds line breaks (CR or LF) in a piece, searching for each kind again only once passed. */
class LineBreaks {
  /** The next LF and CR found; -1 when there is none left, -2 before the first search. */
  private lf = -2;
  private cr = -2;

  constructor(private readonly text: string) {}

  /** The next line break at or after `from`, or -1. */
  next(from: number): number {
    if (this.lf !== -1 && this.lf < from) {
      this.lf = this.text.indexOf('\n', from);
    }
    if (this.cr !== -1 && this.cr < from) {
      this.cr = this.text.indexOf('\r', from);
    }
    return this.cr === -1 ? this.lf : this.lf === -1 ? this.cr : Math.min(this.cr, this.lf);
  }
}

function tallyKey(clue: Clue): string {
  return `${clue.provider}\u0000${clue.product ?? ''}\u0000${clue.kind}`;
}

function concat(head: Uint8Array, piece: Uint8Array, from: number, to: number): Uint8Array {
  const joined = new Uint8Array(head.length + (to - from));
  joined.set(head, 0);
  joined.set(piece.subarray(from, to), head.length);
  return joined;
}
