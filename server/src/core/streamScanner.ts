/*
 * Scans bytes that arrive in pieces (a file read from disk, standard input) with bounded memory.
 * Each piece is read once as a one-byte string through the same token filter the scanner uses
 * (findCodeTokens): only a line that may hold a code is decoded and scanned for real, and a line of
 * plain ASCII is not even decoded (its bytes are its characters). Lines end at LF, CRLF or a lone
 * CR, as in the editor. The lines around the ones still to be decided are kept (as references into
 * their pieces), so an occurrence is decided from the same evidence an open document gives: the
 * sibling message of pretty-printed JSON, a code nearby, clues of origin on its line, in its body
 * and nearby. The document's clues are those known beforehand (given, or tallied in a first pass by
 * ClueTally) or those seen so far near codes; each decision says whether it read them, so one made
 * with the clues seen so far can be made again once the whole document's are known. A line longer
 * than the bound is read slice by slice, and each of its codes is decided from the same part of the
 * line an open document reads for it; only the lines around it are not read.
 */
import { CodeIndex } from './codeIndex';
import { ResolvedOccurrence } from './codeDocument';
import { DocumentClue, LINE_WINDOW, LineEvidence, LineSource, NEARBY, codeVote, gatherEvidence, isDocumentClue } from './evidence';
import { Clue } from './origins';
import { resolve } from './resolver';
import { Occurrence, findCodeTokens, findTokenStarts, scanLine } from './scanner';
import { LineScanReader, LineScans } from './lineScans';
import { LineBreaks, afterLineBreak, bytesAreAscii, characterCut, concatBytes as concat, detach } from './byteText';

export interface StreamScannerOptions {
  /** Turns bytes [start, end) of a pushed piece into text (UTF-8 for files and standard input). */
  decode: (bytes: Uint8Array, start: number, end: number) => string;
  /** Turns bytes [start, end) into a string of one character per byte (latin1): the token filter reads it. */
  bytesAsText: (bytes: Uint8Array, start: number, end: number) => string;
  /**
   * Whether bytes [start, end) are all ASCII: a fast native check lets whole pieces of plain ASCII
   * skip decoding. Without it, only lines that may hold a code are checked, byte by byte.
   */
  isAscii?: (bytes: Uint8Array, start: number, end: number) => boolean;
  /** The longest line, in bytes, kept whole; a longer one is read in slices of about this size. */
  maxLineLength?: number;
  /** Clues of the whole document, when they are known beforehand (a small file read once for them). */
  documentClues?: readonly DocumentClue[];
  /** The number of the first line pushed, when a scan starts inside a file (0 by default). */
  firstLine?: number;
  /** Where in the file the first pushed byte stands, for `onLine` (0 by default). */
  firstByte?: number;
  /** Told each line's number and the file offset of its first byte, in order: a line index. */
  onLine?: (line: number, startByte: number) => void;
  /** Also report the occurrences that turned out to be no finding, so they can be decided again later. */
  reportSuppressed?: boolean;
}

/** What a decision was made from, besides the occurrence itself. */
export interface DecisionDetails {
  /** The text of the occurrence's line (of its slice, for an over-long line). */
  lineText: string;
  /** Whether deciding it read the clues of the whole document (so other document clues may decide it otherwise). */
  readDocument: boolean;
}

export type FoundCallback = (found: ResolvedOccurrence, details: DecisionDetails) => void;

/**
 * An over-long line read slice by slice: its decoded characters from `textStart` on (a multiple of
 * LINE_WINDOW), and how far its codes are decided. The characters kept before that point, and
 * those read after the last code decided, are what those codes' evidence reads.
 */
interface LongLine {
  text: string;
  textStart: number;
  decidedTo: number;
}

/** One line of the window around the lines being decided. */
interface WindowLine {
  /** The line number this slot holds, or -1. */
  line: number;
  /** The piece the line stands in, and where. */
  bytes: Uint8Array;
  start: number;
  end: number;
  /** The piece read one character per byte; for a line of plain ASCII, that is its text. */
  pieceText: string;
  ascii: boolean;
  /** The decoded text: the whole line when it has occurrences, else only as much as evidence reads. */
  text: string | undefined;
  occurrences: Occurrence[] | undefined;
  clues: Clue[] | undefined;
  evidence: Map<number, LineEvidence> | undefined;
}

/** An open document takes the clues of a line's first this many characters for its own (CodeDocument's LONG_LINE). */
const LINE_CLUE_CHARACTERS = 64 * 1024;
/** Evidence reads at most 2048 characters of a neighbouring line; a UTF-8 character takes up to 4 bytes. */
const NEIGHBOUR_HEAD_BYTES = 2048 * 4;
const LF = 10;
const EMPTY = new Uint8Array(0);
const NO_CLUES: readonly Clue[] = Object.freeze([]);

export class StreamScanner {
  /** The bytes of a line that a piece left unfinished, and the file offset where that line starts. */
  private carry: Uint8Array = EMPTY;
  private carryStart = 0;
  /** Set when the last piece ended in CR: a LF starting the next one belongs to it. */
  private afterCr = false;
  /** The number of the line being read. */
  private line: number;
  private readonly firstLine: number;
  /** The file offset of the next piece's first byte. */
  private pieceStart: number;
  /** The line being read when it grew past the bound, and is decided slice by slice. */
  private longLine: LongLine | undefined;
  /** The last lines, line n in slot n % size. */
  private readonly window: WindowLine[];
  private readonly buffer: Occurrence[] = [];
  private readonly options: StreamScannerOptions;
  private readonly maxLineLength: number;
  /** The document's clues: those given beforehand, and those seen so far near codes. */
  private readonly documentTally = new Map<string, DocumentClue>();
  private readonly lineSource: LineSource;
  /** Set while a decision reads the document's clues. */
  private readingDocument = false;

  constructor(
    private readonly index: CodeIndex,
    options: StreamScannerOptions,
  ) {
    this.options = options;
    this.maxLineLength = Math.max(1024, options.maxLineLength ?? 1 << 20);
    this.firstLine = Math.max(0, Math.floor(options.firstLine ?? 0));
    this.line = this.firstLine;
    this.pieceStart = options.firstByte ?? 0;
    this.carryStart = this.pieceStart;
    this.window = Array.from({ length: 2 * NEARBY + 1 }, () => ({
      line: -1,
      bytes: EMPTY,
      start: 0,
      end: 0,
      pieceText: '',
      ascii: false,
      text: undefined,
      occurrences: undefined,
      clues: undefined,
      evidence: undefined,
    }));
    for (const clue of options.documentClues ?? []) {
      this.documentTally.set(tallyKey(clue), { ...clue });
    }
    this.lineSource = {
      lineText: (line) => {
        const slot = this.slot(line);
        if (slot === undefined) {
          return undefined;
        }
        if (slot.text === undefined) {
          const end = Math.min(slot.end, slot.start + NEIGHBOUR_HEAD_BYTES);
          slot.text = slot.ascii ? slot.pieceText.slice(slot.start, end) : this.options.decode(slot.bytes, slot.start, end);
        }
        return slot.text;
      },
      occurrencesOn: (line) => this.slot(line)?.occurrences,
      cluesOn: (line) => this.cluesOn(line),
      documentClues: () => {
        this.readingDocument = true;
        return [...this.documentTally.values()];
      },
      cluesInWindow: (line, from, to) => this.index.detector.cluesIn(this.lineSource.lineText(line) ?? '', line, from, to),
      evidenceCache: (line) => {
        const slot = this.slot(line);
        if (slot === undefined) {
          return new Map();
        }
        return (slot.evidence ??= new Map());
      },
    };
  }

  /**
   * Feeds the next piece; calls `onFound` for each occurrence that can be decided, in text order.
   * The scanner keeps references into the piece for a few lines: do not change it afterwards.
   * `scans`, when another thread ran the token filter and scanLine over the piece (`scanPieceLines`),
   * saves running them here; the findings are the same.
   */
  push(piece: Uint8Array, onFound: FoundCallback, scans?: LineScans): void {
    const pieceStart = this.pieceStart;
    this.pieceStart += piece.length;
    let from = 0;
    if (this.afterCr && piece.length > 0) {
      this.afterCr = false;
      if (piece[0] === LF) {
        from = 1;
        this.carryStart = pieceStart + 1;
      }
    }
    const text = this.options.bytesAsText(piece, 0, piece.length);
    const ascii = this.options.isAscii?.(piece, 0, piece.length) ?? false;
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
      this.completeLine(line, this.options.bytesAsText(line, 0, line.length), 0, line.length, this.carryStart, false, undefined, onFound);
      from = afterLineBreak(text, end, this.crEndsPiece);
    }
    const scanned = scans ? new LineScanReader(scans, this.index) : undefined;
    // The token filter reads the whole piece in one go; a token never spans a line break, so a line
    // may hold a code only when a token the filter let through starts in it. The filter is in the
    // same state after each line break whichever byte it started from, so the starts found from the
    // piece's first byte are those found from `from` on.
    const hits = scanned?.starts ?? findTokenStarts(text, this.index, from);
    let hit = 0;
    let start = from;
    let end = breaks.next(start);
    while (end !== -1) {
      while (hit < hits.length && hits[hit] < start) {
        hit++;
      }
      this.completeLine(piece, text, start, end, pieceStart + start, ascii, hit < hits.length && hits[hit] < end, onFound, scanned);
      start = afterLineBreak(text, end, this.crEndsPiece);
      end = breaks.next(start);
    }
    if (start < piece.length) {
      this.carry = piece.subarray(start);
      this.carryStart = pieceStart + start;
      this.cutOverLongLine(onFound);
    } else {
      this.carryStart = this.pieceStart;
    }
  }

  /** Scans what is left after the last piece and decides every occurrence still waiting. */
  end(onFound: FoundCallback): void {
    if (this.carry.length > 0) {
      const line = this.carry;
      this.carry = EMPTY;
      this.completeLine(line, this.options.bytesAsText(line, 0, line.length), 0, line.length, this.carryStart, false, undefined, onFound);
    }
    this.flush(onFound);
  }

  /** The number of the line being read: the lines completed so far, counted from `firstLine`. */
  get lineCount(): number {
    return this.line;
  }

  /** Notes that a CR ended the last piece. */
  private readonly crEndsPiece = (): void => {
    this.afterCr = true;
  };

  private slot(line: number): WindowLine | undefined {
    if (line < this.firstLine) {
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

  /**
   * Files a completed line [start, end) of `bytes` (read as `text`, starting at file offset
   * `startByte`) in the window, and decides the line whose following lines are now all there.
   * `ascii` says the whole piece is plain ASCII; `mayHoldCode`, when known, whether the token
   * filter let a token of the line through; `scanned`, what another thread found in the piece's lines.
   */
  private completeLine(bytes: Uint8Array, text: string, start: number, end: number, startByte: number, ascii: boolean, mayHoldCode: boolean | undefined, onFound: FoundCallback, scanned?: LineScanReader): void {
    if (this.longLine) {
      // The end of an over-long line: decided from the line alone, as the slices before it were.
      this.longLine.text += this.options.decode(bytes, start, end);
      this.decideLongLine(this.longLine, true, onFound);
      this.longLine = undefined;
      start = end;
    } else {
      this.options.onLine?.(this.line, startByte);
    }
    const slot = this.window[this.line % this.window.length];
    slot.line = this.line;
    slot.bytes = bytes;
    slot.start = start;
    slot.end = end;
    slot.pieceText = text;
    slot.ascii = ascii;
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
    // What the other thread found in the line, when it scanned it: -1 when it did not.
    const known = candidate && scanned ? scanned.count(start, end) : -1;
    if (known > 0) {
      const own = ascii || bytesAreAscii(bytes, start, end) ? detach(text.slice(start, end)) : this.options.decode(bytes, start, end);
      scanned!.take(own, this.line, this.buffer);
      slot.text = own;
    } else if (candidate && known === -1) {
      if (ascii || bytesAreAscii(bytes, start, end)) {
        // Plain ASCII: the one-byte string is the line's text, scanned in place without decoding.
        slot.ascii = true;
        this.scanAsciiLine(slot, text, start, end);
      } else {
        const decoded = this.options.decode(bytes, start, end);
        scanLine(decoded, this.line, this.index, this.buffer);
        if (this.buffer.length > 0) {
          slot.text = decoded;
        }
      }
    }
    if (this.buffer.length > 0) {
      const lineText = slot.text!;
      slot.occurrences = this.buffer.splice(0);
      for (const occurrence of slot.occurrences) {
        const vote = codeVote(occurrence, lineText);
        if (vote) {
          this.tally(vote);
        }
      }
    }
    this.line++;
    this.decide(this.line - 1 - NEARBY, onFound);
  }

  /**
   * Scans a line of plain ASCII in the piece's one-byte string. What is kept of a line with
   * occurrences (its text, their tokens and keys) is copied out, so it does not hold the piece.
   */
  private scanAsciiLine(slot: WindowLine, text: string, start: number, end: number): void {
    scanLine(text, this.line, this.index, this.buffer, start, end);
    if (this.buffer.length === 0) {
      return;
    }
    const own = detach(text.slice(start, end));
    slot.text = own;
    for (const occurrence of this.buffer) {
      occurrence.token = own.slice(occurrence.start, occurrence.end);
      if (occurrence.key !== undefined) {
        occurrence.key = detach(occurrence.key);
      }
    }
  }

  private decide(line: number, onFound: FoundCallback): void {
    const slot = this.slot(line);
    const occurrences = slot?.occurrences;
    if (occurrences === undefined) {
      return;
    }
    for (const occurrence of occurrences) {
      this.readingDocument = false;
      const resolution = resolve(occurrence, gatherEvidence(occurrence, this.lineSource), this.index);
      if (!resolution.suppressed || this.options.reportSuppressed) {
        onFound({ occurrence, resolution }, { lineText: slot!.text ?? '', readDocument: this.readingDocument });
      }
    }
  }

  /** Decides every line still waiting, with the lines there are, and empties the window. */
  private flush(onFound: FoundCallback): void {
    for (let line = Math.max(this.firstLine, this.line - NEARBY); line < this.line; line++) {
      this.decide(line, onFound);
    }
    for (const slot of this.window) {
      slot.line = -1;
      slot.bytes = EMPTY;
      slot.pieceText = '';
      slot.text = undefined;
      slot.occurrences = undefined;
      slot.clues = undefined;
      slot.evidence = undefined;
    }
  }

  /** Reads the front of an unfinished line that grew past the bound, slice by slice, keeping the rest. */
  private cutOverLongLine(onFound: FoundCallback): void {
    while (this.carry.length > this.maxLineLength) {
      // Never inside a UTF-8 sequence.
      const cut = characterCut(this.carry, this.maxLineLength);
      if (!this.longLine) {
        this.options.onLine?.(this.line, this.carryStart);
        this.longLine = { text: '', textStart: 0, decidedTo: 0 };
      }
      this.longLine.text += this.options.decode(this.carry, 0, cut);
      this.carry = this.carry.subarray(cut);
      this.decideLongLine(this.longLine, false, onFound);
    }
  }

  /**
   * Decides the codes of an over-long line read so far, from what was read of the line alone: all
   * of them once it ended (`final`), else those before a multiple of LINE_WINDOW with two windows
   * of text after it. Each code's evidence then reads the same part of the line as in an open
   * document, whose parts start at multiples of LINE_WINDOW too; two windows are kept before the
   * next code to decide.
   */
  private decideLongLine(long: LongLine, final: boolean, onFound: FoundCallback): void {
    const { text, textStart } = long;
    const decideTo = final ? textStart + text.length : Math.floor((textStart + text.length - 2 * LINE_WINDOW) / LINE_WINDOW) * LINE_WINDOW;
    if (decideTo <= long.decidedTo && !final) {
      return;
    }
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
      documentClues: () => {
        this.readingDocument = true;
        return [...this.documentTally.values()];
      },
      cluesInWindow: (other, from, to) => (other === line ? this.index.detector.cluesIn(text, line, from, to) : NO_CLUES),
      evidenceCache: () => sliceEvidence,
    };
    const decided = occurrences.filter((occurrence) => textStart + occurrence.start >= long.decidedTo && textStart + occurrence.start < decideTo);
    if (long.decidedTo === 0) {
      // What an open document takes of a line for its clues: those of its first 64 K characters.
      for (const clue of this.index.detector.cluesIn(text, line, 0, Math.min(text.length, LINE_CLUE_CHARACTERS))) {
        if (isDocumentClue(clue)) {
          this.tally(clue);
        }
      }
    }
    // And the votes of its codes there.
    for (const occurrence of decided) {
      const vote = textStart + occurrence.start <= LINE_CLUE_CHARACTERS ? codeVote(occurrence, text) : undefined;
      if (vote) {
        this.tally(vote);
      }
    }
    for (const occurrence of decided) {
      this.readingDocument = false;
      const resolution = resolve(occurrence, gatherEvidence(occurrence, source), this.index);
      occurrence.start += textStart;
      occurrence.end += textStart;
      if (!resolution.suppressed || this.options.reportSuppressed) {
        onFound({ occurrence, resolution }, { lineText: text, readDocument: this.readingDocument });
      }
    }
    const keepFrom = Math.max(textStart, decideTo - 2 * LINE_WINDOW);
    long.text = text.slice(keepFrom - textStart);
    long.textStart = keepFrom;
    long.decidedTo = decideTo;
  }
}

function tallyKey(clue: Clue): string {
  return `${clue.provider}\u0000${clue.product ?? ''}\u0000${clue.kind}`;
}
