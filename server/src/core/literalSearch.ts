/*
 * Finds many literal strings in a text in one pass, without regard to ASCII case: an Aho–Corasick
 * automaton turned into a table, one lookup per character. Catalog text (SDK names, hosts, API
 * paths) is searched this way, so it is never compiled into a regular expression and a line costs
 * the same however many names the catalogs declare.
 */

/** The characters the automaton tells apart; any other character leads back to the start. */
const ALPHABET = 128;

export class LiteralSearch<T> {
  /** Transitions, ALPHABET per state. */
  private readonly next: Int32Array;
  /** What ends at each state (through its suffixes too): indexes into `patterns`. */
  private readonly outputs: number[][];
  private readonly patterns: { text: string; value: T }[];

  /** `patterns` are matched lower-case; only their ASCII characters can match. */
  constructor(patterns: readonly { text: string; value: T }[]) {
    this.patterns = patterns.filter((pattern) => pattern.text.length > 0).map((pattern) => ({ text: pattern.text.toLowerCase(), value: pattern.value }));
    const goto: Map<number, number>[] = [new Map()];
    const ends: number[][] = [[]];
    this.patterns.forEach((pattern, index) => {
      let state = 0;
      for (let at = 0; at < pattern.text.length; at++) {
        const code = pattern.text.charCodeAt(at);
        if (code >= ALPHABET) {
          // A pattern with other characters can never match: it is left out.
          return;
        }
        let target = goto[state].get(code);
        if (target === undefined) {
          target = goto.length;
          goto.push(new Map());
          ends.push([]);
          goto[state].set(code, target);
        }
        state = target;
      }
      ends[state].push(index);
    });
    const states = goto.length;
    this.next = new Int32Array(states * ALPHABET);
    this.outputs = ends;
    const fail = new Int32Array(states);
    // Breadth first, so each state's failure state is complete before its children need it.
    const queue: number[] = [];
    for (let code = 0; code < ALPHABET; code++) {
      const target = goto[0].get(code);
      if (target !== undefined) {
        this.next[code] = target;
        fail[target] = 0;
        queue.push(target);
      }
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head];
      this.outputs[state] = [...this.outputs[state], ...this.outputs[fail[state]]];
      for (let code = 0; code < ALPHABET; code++) {
        const target = goto[state].get(code);
        if (target !== undefined) {
          this.next[state * ALPHABET + code] = target;
          fail[target] = this.next[fail[state] * ALPHABET + code];
          queue.push(target);
        } else {
          this.next[state * ALPHABET + code] = this.next[fail[state] * ALPHABET + code];
        }
      }
    }
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
    const { next, outputs, patterns } = this;
    const end = Math.min(to, text.length);
    let state = 0;
    for (let at = Math.max(0, from); at < end; at++) {
      let code = text.charCodeAt(at);
      if (code >= ALPHABET) {
        state = 0;
        continue;
      }
      if (code >= 65 && code <= 90) {
        code += 32;
      }
      state = next[state * ALPHABET + code];
      const ending = outputs[state];
      if (ending.length > 0) {
        for (const index of ending) {
          const pattern = patterns[index];
          if (visit(at + 1 - pattern.text.length, at + 1, pattern.value) === false) {
            return;
          }
        }
      }
    }
  }
}
