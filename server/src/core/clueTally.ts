/*
 * The clues of origin of a whole document, tallied from its bytes as they come, the way an open
 * document tallies them (CodeDocument.clueTally): for every line, the names, hosts, paths and links
 * in its first 64 K characters, and a vote for the product of each code there that only one table
 * holds; the first of each provider, product and kind, with a count. Lines are read as one-byte
 * strings: the clue search and the token filter look at a line's bytes first, and only a line where
 * they find something is decoded and read for real. It is the cheap first pass that lets a file
 * read from disk be decided with the whole document's clues, as the editor decides it.
 */
import { CodeIndex } from './codeIndex';
import { DocumentClue, codeVote, isDocumentClue } from './evidence';
import { Clue } from './origins';
import { Occurrence, findCodeTokens, scanLine } from './scanner';
import { LineBreaks, afterLineBreak, bytesAreAscii, characterCut, concatBytes, detach } from './byteText';

export interface ClueTallyOptions {
  /** Turns bytes [start, end) into text (UTF-8). */
  decode: (bytes: Uint8Array, start: number, end: number) => string;
  /** Turns bytes [start, end) into a string of one character per byte (latin1). */
  bytesAsText: (bytes: Uint8Array, start: number, end: number) => string;
  /** Whether bytes [start, end) are all ASCII (a fast native check), so a whole piece is read without decoding. */
  isAscii?: (bytes: Uint8Array, start: number, end: number) => boolean;
  /** The longest line, in bytes, kept whole; a longer one is read in slices of about this size. */
  maxLineLength?: number;
  /** The number of the first line pushed (0 by default). */
  firstLine?: number;
}

/** An open document reads only this much of a line for its clues (CodeDocument's LONG_LINE). */
const CLUE_CHARACTERS = 64 * 1024;
/** As many bytes as those characters can take in UTF-8. */
const CLUE_BYTES = 4 * CLUE_CHARACTERS;
const LF = 10;
const EMPTY = new Uint8Array(0);

export class ClueTally {
  private readonly tally = new Map<string, DocumentClue>();
  private readonly buffer: Occurrence[] = [];
  private readonly maxLineLength: number;
  private carry: Uint8Array = EMPTY;
  private afterCr = false;
  /** Whether the current over-long line has had its clues read (from its first slice). */
  private sliced = false;
  private line: number;

  constructor(
    private readonly index: CodeIndex,
    private readonly options: ClueTallyOptions,
  ) {
    this.maxLineLength = Math.max(CLUE_BYTES, options.maxLineLength ?? 1 << 20);
    this.line = Math.max(0, Math.floor(options.firstLine ?? 0));
  }

  /** Reads the next piece. */
  push(piece: Uint8Array): void {
    let from = 0;
    if (this.afterCr && piece.length > 0) {
      this.afterCr = false;
      if (piece[0] === LF) {
        from = 1;
      }
    }
    const text = this.options.bytesAsText(piece, 0, piece.length);
    const ascii = this.options.isAscii?.(piece, 0, piece.length) ?? false;
    const breaks = new LineBreaks(text);
    let start = from;
    let end = breaks.next(start);
    if (this.carry.length > 0 && end !== -1) {
      const line = concatBytes(this.carry, piece, start, end);
      this.carry = EMPTY;
      this.readLine(line, this.options.bytesAsText(line, 0, line.length), 0, line.length);
      start = afterLineBreak(text, end, this.crEndsPiece);
      end = breaks.next(start);
    }
    while (end !== -1) {
      this.readLine(piece, text, start, end, ascii);
      start = afterLineBreak(text, end, this.crEndsPiece);
      end = breaks.next(start);
    }
    if (start < piece.length) {
      this.carry = this.carry.length > 0 ? concatBytes(this.carry, piece, start, piece.length) : piece.slice(start);
      while (this.carry.length > this.maxLineLength) {
        const cut = characterCut(this.carry, this.maxLineLength);
        this.readSlice(this.carry, this.options.bytesAsText(this.carry, 0, cut), 0, cut);
        this.carry = this.carry.subarray(cut);
      }
    }
  }

  /** Notes that a CR ended the last piece. */
  private readonly crEndsPiece = (): void => {
    this.afterCr = true;
  };

  /** Reads what is left after the last piece. */
  end(): void {
    if (this.carry.length > 0) {
      const line = this.carry;
      this.carry = EMPTY;
      this.readLine(line, this.options.bytesAsText(line, 0, line.length), 0, line.length);
    }
  }

  /** The document's clues so far: the first of each provider, product and kind, with a count. */
  result(): DocumentClue[] {
    return [...this.tally.values()].map((clue) => ({ ...clue }));
  }

  /** The clues so far with those of the unfinished last line, which `end` would add, left as they are. */
  snapshot(): DocumentClue[] {
    const saved = new Map([...this.tally].map(([key, clue]) => [key, { ...clue }]));
    const { carry, sliced, line } = this;
    if (carry.length > 0) {
      this.readLine(carry, this.options.bytesAsText(carry, 0, carry.length), 0, carry.length);
    }
    const result = this.result();
    this.tally.clear();
    for (const [key, clue] of saved) {
      this.tally.set(key, clue);
    }
    this.sliced = sliced;
    this.line = line;
    return result;
  }

  /** A complete line [start, end) of `bytes` (read as `text`), or the last part of an over-long one. */
  private readLine(bytes: Uint8Array, text: string, start: number, end: number, pieceIsAscii = false): void {
    this.readSlice(bytes, text, start, end, pieceIsAscii);
    this.sliced = false;
    this.line++;
  }

  /**
   * A part of the current line: its clues and its codes' votes, when it is the line's first part
   * (an open document reads only the first 64 K characters of a line for the document).
   */
  private readSlice(bytes: Uint8Array, text: string, start: number, end: number, pieceIsAscii = false): void {
    if (this.sliced) {
      return;
    }
    this.sliced = true;
    // A line of plain ASCII is its own one-byte string: read in place, never decoded.
    const ascii = pieceIsAscii || bytesAreAscii(bytes, start, end);
    let decoded: string | undefined;
    const decode = () => (decoded ??= this.options.decode(bytes, start, end));
    const detector = this.index.detector;
    let found: readonly Clue[];
    if (ascii) {
      found = detector.cluesIn(text, this.line, start, Math.min(end, start + CLUE_CHARACTERS));
    } else if (detector.cluesIn(text, this.line, start, Math.min(end, start + CLUE_BYTES)).length > 0) {
      // The clue search on the bytes finds a clue wherever the decoded text has one: every name,
      // host and path is ASCII, and any other byte ends a match as any other character does. A
      // line with one is read again as the document reads it.
      found = detector.cluesIn(decode(), this.line, 0, Math.min(decode().length, CLUE_CHARACTERS));
    } else {
      found = [];
    }
    for (const clue of found) {
      if (isDocumentClue(clue)) {
        if (ascii) {
          // Found in the piece: its start is made relative to the line (the search made this clue afresh).
          clue.start -= start;
        }
        this.count(clue);
      }
    }
    let candidate = false;
    findCodeTokens(text, start, end, this.index, () => {
      candidate = true;
      return false;
    });
    if (!candidate) {
      return;
    }
    const lineText = ascii ? text.slice(start, end) : decode();
    scanLine(lineText, this.line, this.index, this.buffer);
    for (const occurrence of this.buffer.splice(0)) {
      if (occurrence.start > CLUE_CHARACTERS) {
        break;
      }
      const vote = codeVote(occurrence, lineText);
      if (vote) {
        this.count(vote);
      }
    }
  }

  private count(clue: Clue): void {
    const key = `${clue.provider}\u0000${clue.product ?? ''}\u0000${clue.kind}`;
    const known = this.tally.get(key);
    if (known) {
      known.count++;
    } else {
      this.tally.set(key, { ...clue, text: detach(clue.text), count: 1 });
    }
  }
}
