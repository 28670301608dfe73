/*
 * Helpers of the scanners that read bytes: finding line breaks in a piece read as a one-byte
 * string, joining a line's parts, and copying out what is kept of a large string.
 */

/** Finds line breaks (CR or LF) in a piece, searching for each kind again only once passed. */
export class LineBreaks {
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

/**
 * Where the next line starts after the break at `at`: past a CRLF, or past one CR or LF. A CR that
 * ends the piece calls `crEndsPiece`, since an LF starting the next piece belongs to it.
 */
export function afterLineBreak(text: string, at: number, crEndsPiece: () => void): number {
  if (text.charCodeAt(at) === 13) {
    if (at + 1 === text.length) {
      crEndsPiece();
      return at + 1;
    }
    if (text.charCodeAt(at + 1) === 10) {
      return at + 2;
    }
  }
  return at + 1;
}

/** The bytes of `head` followed by bytes [from, to) of `piece`, in a new array. */
export function concatBytes(head: Uint8Array, piece: Uint8Array, from: number, to: number): Uint8Array {
  const joined = new Uint8Array(head.length + (to - from));
  joined.set(head, 0);
  joined.set(piece.subarray(from, to), head.length);
  return joined;
}

/**
 * A copy of a string that does not share its characters with a larger one (a slice of a piece
 * would keep the whole piece alive): concatenating makes a new string, flattened when sliced.
 */
export function detach(text: string): string {
  return text.length < 16 ? text : (text + ' ').slice(0, -1);
}

/** Whether bytes [start, end) are all below 0x80, checked one by one. */
export function bytesAreAscii(bytes: Uint8Array, start: number, end: number): boolean {
  for (let index = start; index < end; index++) {
    if (bytes[index] >= 0x80) {
      return false;
    }
  }
  return true;
}

/**
 * Where to cut bytes at `at` without splitting a UTF-8 character: at the start of the character
 * `at` falls in. A character takes at most four bytes, so bytes that are no UTF-8 at all (a run of
 * continuation bytes) are cut at most three bytes early, never before `at - 3`.
 */
export function characterCut(bytes: Uint8Array, at: number): number {
  for (let cut = at; cut > at - 4 && cut > 0; cut--) {
    if ((bytes[cut] & 0xc0) !== 0x80) {
      return cut;
    }
  }
  return at;
}
