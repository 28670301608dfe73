/*
 * Finds many literal strings in a text in one pass, without regard to ASCII case: an Aho–Corasick
 * automaton turned into a table, one lookup per character. Catalog text (SDK names, hosts, API
 * paths, product names) is searched this way, so it is never compiled into a regular expression
 * and a line costs the same however many names the catalogs declare.
 */

/** ASCII characters are symbols 0–127; the other characters the patterns use come after them. */
const ASCII = 128;

export class LiteralSearch<T> {
  /** Transitions, `width` per state, each to the target state's first slot (its number times `width`). */
  private readonly next: Int32Array;
  /** 1 at a state's first slot when some pattern ends there. */
  private readonly accepting: Uint8Array;
  /** How many symbols there are: ASCII, the patterns' other characters, and one for any other character. */
  private readonly width: number;
  /** The symbol of each non-ASCII character a pattern uses. */
  private readonly symbols = new Map<number, number>();
  /** The symbol of every UTF-16 code unit, ASCII letters folded to lower case: one lookup, no branches. */
  private readonly symbolTable: Uint16Array;
  /** What ends at each state (through its suffixes too): indexes into `patterns`. */
  private readonly outputs: number[][];
  private readonly patterns: { text: string; value: T }[];

  /** `patterns` are matched lower-case (ASCII letters only; other characters as they are). */
  constructor(patterns: readonly { text: string; value: T }[]) {
    this.patterns = patterns.filter((pattern) => pattern.text.length > 0).map((pattern) => ({ text: lowerAscii(pattern.text), value: pattern.value }));
    for (const pattern of this.patterns) {
      for (let at = 0; at < pattern.text.length; at++) {
        const code = pattern.text.charCodeAt(at);
        if (code >= ASCII && !this.symbols.has(code)) {
          this.symbols.set(code, ASCII + this.symbols.size);
        }
      }
    }
    // The last symbol stands for every character no pattern uses: it leads back to the start.
    this.width = ASCII + this.symbols.size + 1;
    const goto: Map<number, number>[] = [new Map()];
    const ends: number[][] = [[]];
    this.patterns.forEach((pattern, index) => {
      let state = 0;
      for (let at = 0; at < pattern.text.length; at++) {
        const symbol = this.symbolOf(pattern.text.charCodeAt(at));
        let target = goto[state].get(symbol);
        if (target === undefined) {
          target = goto.length;
          goto.push(new Map());
          ends.push([]);
          goto[state].set(symbol, target);
        }
        state = target;
      }
      ends[state].push(index);
    });
    const states = goto.length;
    const width = this.width;
    this.next = new Int32Array(states * width);
    this.outputs = ends;
    const fail = new Int32Array(states);
    // Breadth first, so each state's failure state is complete before its children need it.
    const queue: number[] = [];
    for (let symbol = 0; symbol < width; symbol++) {
      const target = goto[0].get(symbol);
      if (target !== undefined) {
        this.next[symbol] = target;
        fail[target] = 0;
        queue.push(target);
      }
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head];
      this.outputs[state] = [...this.outputs[state], ...this.outputs[fail[state]]];
      for (let symbol = 0; symbol < width; symbol++) {
        const target = goto[state].get(symbol);
        if (target !== undefined) {
          this.next[state * width + symbol] = target;
          fail[target] = this.next[fail[state] * width + symbol];
          queue.push(target);
        } else {
          this.next[state * width + symbol] = this.next[fail[state] * width + symbol];
        }
      }
    }
    // The scan walks slots, not state numbers: premultiplied targets spare a multiplication a character.
    for (let at = 0; at < this.next.length; at++) {
      this.next[at] *= width;
    }
    this.symbolTable = new Uint16Array(0x10000).fill(width - 1);
    for (let code = 0; code < ASCII; code++) {
      this.symbolTable[code] = code >= 65 && code <= 90 ? code + 32 : code;
    }
    for (const [code, symbol] of this.symbols) {
      this.symbolTable[code] = symbol;
    }
    this.accepting = new Uint8Array(states * width);
    this.outputs.forEach((ending, state) => {
      this.accepting[state * width] = ending.length > 0 ? 1 : 0;
    });
  }

  private symbolOf(code: number): number {
    if (code < ASCII) {
      return code >= 65 && code <= 90 ? code + 32 : code;
    }
    return this.symbols.get(code) ?? this.width - 1;
  }

  /** Whether any pattern occurs in text [from, to). */
  test(text: string, from = 0, to = text.length): boolean {
    let found = false;
    this.scan(text, from, to, () => {
      found = true;
      return false;
    });
    return found;
  }

  /**
   * Calls `visit` with the start, end and value of every occurrence of a pattern in text [from, to),
   * in order of their ends; `visit` returns false to stop.
   */
  scan(text: string, from: number, to: number, visit: (start: number, end: number, value: T) => boolean | void): void {
    const { next, accepting, outputs, patterns, width, symbolTable } = this;
    const end = Math.min(to, text.length);
    let slot = 0;
    for (let at = Math.max(0, from); at < end; at++) {
      slot = next[slot + symbolTable[text.charCodeAt(at)]];
      if (accepting[slot] === 1) {
        for (const index of outputs[slot / width]) {
          const pattern = patterns[index];
          if (visit(at + 1 - pattern.text.length, at + 1, pattern.value) === false) {
            return;
          }
        }
      }
    }
  }
}

/** Lower case for ASCII letters only, so lengths and positions stay those of the text. */
function lowerAscii(text: string): string {
  return text.replace(/[A-Z]/g, (char) => char.toLowerCase());
}
