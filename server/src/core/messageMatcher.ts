/*
 * Matching a catalog message against the text a service really returned. Variable parts
 * (`%s`, `{ParameterName}`, and the entry's declared `XX`/`xxx`) match any text; everything else is
 * found with indexOf, so no catalog text is ever compiled into a regular expression. Both sides are
 * normalised first (case, full-width punctuation, whitespace), since real messages drift from the
 * tables in those; a message a body carries is also compared word by word, for paraphrases.
 */
import { detach } from './byteText';
import { perObject } from './perObject';

export interface MessageMatcher {
  readonly message: string;
  /** Literal pieces in order; a variable stands between each two (and before/after when flagged). */
  readonly literals: readonly string[];
  /** The name of each variable in order (`%s`, `ParameterName`, `XX`, …). */
  readonly variables: readonly string[];
  readonly startsWithVariable: boolean;
  readonly endsWithVariable: boolean;
  /** The longest literal piece, used for partial evidence. */
  readonly longestLiteral: string;
}

export interface MessageMatch {
  /** 1 for the whole message, 0.5 for a long distinctive part of it. */
  score: number;
  /** What each named `{Placeholder}` variable stood for in the text. */
  bindings: Record<string, string>;
}

/** The least length of a literal piece that counts as partial evidence on its own. */
const PARTIAL_EVIDENCE_LENGTH = 16;
/** How far one variable may stretch, so a match stays local to one message. */
const MAX_VARIABLE_LENGTH = 256;

function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Full-width and CJK punctuation, and the ASCII each stands for in a message. */
const WIDE_PUNCTUATION: Record<string, string> = { '，': ',', '。': '.', '：': ':', '；': ';', '！': '!', '？': '?', '（': '(', '）': ')', '、': ',', '“': '"', '”': '"', '‘': "'", '’': "'", '【': '[', '】': ']', '\u3000': ' ' };
const WIDE = /[，。：；！？（）、“”‘’【】\u3000\uff01-\uff5e]/g;

/** Text as messages are compared: lower case, full-width punctuation and letters as ASCII. */
export function normalizeText(text: string): string {
  const lower = text.toLowerCase();
  return WIDE.test(lower)
    ? lower.replace(WIDE, (char) => WIDE_PUNCTUATION[char] ?? String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    : lower;
}

export function compileMessage(message: string, declaredVariables: readonly string[] = []): MessageMatcher {
  const normalized = collapseWhitespace(message).replace(/[.!。．]+$/, '');
  const pieces: { text: string; variable?: string }[] = [];
  let literal = '';
  let index = 0;
  while (index < normalized.length) {
    const variable = variableAt(normalized, index, declaredVariables);
    if (variable) {
      pieces.push({ text: literal });
      pieces.push({ text: '', variable: variable.name });
      literal = '';
      index += variable.length;
    } else {
      literal += normalized[index];
      index++;
    }
  }
  pieces.push({ text: literal });
  const literals: string[] = [];
  const variables: string[] = [];
  for (const piece of pieces) {
    if (piece.variable !== undefined) {
      variables.push(piece.variable);
    } else {
      literals.push(normalizeText(piece.text));
    }
  }
  const startsWithVariable = literals[0] === '' && variables.length > 0;
  const endsWithVariable = literals[literals.length - 1] === '' && variables.length > 0;
  const longestLiteral = literals.reduce((longest, piece) => (piece.trim().length > longest.length ? piece.trim() : longest), '');
  return { message, literals, variables, startsWithVariable, endsWithVariable, longestLiteral };
}

function variableAt(text: string, index: number, declared: readonly string[]): { name: string; length: number } | undefined {
  if (text.startsWith('%s', index)) {
    return { name: '%s', length: 2 };
  }
  if (text[index] === '{') {
    const close = text.indexOf('}', index);
    const name = close > index ? text.slice(index + 1, close) : '';
    if (/^[A-Za-z][A-Za-z0-9]*$/.test(name)) {
      return { name, length: close - index + 1 };
    }
  }
  for (const token of declared) {
    if (text.startsWith(token, index) && !isWordChar(text.charCodeAt(index - 1)) && !isWordChar(text.charCodeAt(index + token.length))) {
      return { name: token, length: token.length };
    }
  }
  return undefined;
}

function isWordChar(charCode: number): boolean {
  return (charCode >= 48 && charCode <= 57) || (charCode >= 65 && charCode <= 90) || (charCode >= 97 && charCode <= 122);
}

/** A character of a code-like token: a word character or `_`. */
function isTokenChar(charCode: number): boolean {
  return isWordChar(charCode) || charCode === 95;
}

/**
 * Whether a match [start, end) is a message of its own and not part of a longer word or dotted code:
 * the message `Forbidden` is not in `Forbidden.AccountInDebt`, nor `Invalid URL` in `Invalid URLs`.
 * A variable at either end may run into anything.
 */
function standsAlone(text: string, start: number, end: number, matcher: MessageMatcher): boolean {
  if (!matcher.startsWithVariable && isTokenChar(text.charCodeAt(start))) {
    const before = text.charCodeAt(start - 1);
    if (isTokenChar(before) || (before === 46 && isTokenChar(text.charCodeAt(start - 2)))) {
      return false;
    }
  }
  if (!matcher.endsWithVariable && end > start && isTokenChar(text.charCodeAt(end - 1))) {
    const after = text.charCodeAt(end);
    if (isTokenChar(after) || (after === 46 && isTokenChar(text.charCodeAt(end + 1)))) {
      return false;
    }
  }
  return true;
}

/** Looks for the message in a piece of text, as written. */
export function matchMessage(matcher: MessageMatcher, text: string): MessageMatch | undefined {
  return matchNormalized(matcher, normalizeText(collapseWhitespace(text)));
}

/** Looks for the message in text already normalised (see messageWindow). */
export function matchNormalized(matcher: MessageMatcher, text: string): MessageMatch | undefined {
  const whole = matchWhole(matcher, text);
  if (whole) {
    return whole;
  }
  if (matcher.longestLiteral.length >= PARTIAL_EVIDENCE_LENGTH && text.includes(matcher.longestLiteral)) {
    return { score: 0.5, bindings: {} };
  }
  return undefined;
}

function matchWhole(matcher: MessageMatcher, text: string): MessageMatch | undefined {
  const { literals, variables } = matcher;
  if (literals.every((piece) => piece === '')) {
    return undefined;
  }
  // Try each place the first literal occurs; the rest must follow within the variable bound.
  const first = literals[0];
  let start = first === '' ? 0 : text.indexOf(first);
  while (start !== -1) {
    const bindings: Record<string, string> = {};
    let position = start + first.length;
    let matched = true;
    for (let i = 1; i < literals.length && matched; i++) {
      const piece = literals[i];
      if (piece === '') {
        // A trailing variable takes the rest of the text, up to the bound.
        const end = Math.min(text.length, position + MAX_VARIABLE_LENGTH);
        bindings[variables[i - 1]] = text.slice(position, end);
        position = end;
        continue;
      }
      const next = text.indexOf(piece, position);
      if (next === -1) {
        // Later starts only search from further on: they cannot find it either. Giving up here keeps
        // a text full of the first piece from costing the square of its length.
        return undefined;
      }
      if (next - position > MAX_VARIABLE_LENGTH || next === position) {
        matched = false;
        break;
      }
      bindings[variables[i - 1]] = text.slice(position, next);
      position = next + piece.length;
    }
    if (matched && standsAlone(text, start, position, matcher)) {
      return { score: 1, bindings };
    }
    if (first === '') {
      return undefined;
    }
    start = text.indexOf(first, start + 1);
  }
  return undefined;
}

/** The text searched for messages: bounded, whitespace collapsed and normalised, so a huge line costs no more than a normal one. */
export function messageWindow(text: string, center = 0): string {
  if (text.length > 4096) {
    return windowOf(text.slice(Math.max(0, center - 2048), center + 2048));
  }
  // A line's window is asked for by each of its codes and by the evidence around them: worked out once.
  if (text !== lastWindowLine) {
    lastWindowLine = detach(text);
    lastWindow = windowOf(lastWindowLine);
  }
  return lastWindow;
}

/**
 * The last line whose whole text was the window, and its window; kept as a copy of its own, since a
 * line cut from a document would keep the whole document alive.
 */
let lastWindowLine = '';
let lastWindow = '';

function windowOf(bounded: string): string {
  // A coloured log's escape sequences are not part of any message.
  const plain = bounded.includes('\u001b') ? bounded.replace(ESCAPE_SEQUENCE, '') : bounded;
  // Most lines have nothing to collapse: finding that out allocates nothing.
  return normalizeText(UNCOLLAPSED_WHITESPACE.test(plain) ? plain.replace(/\s+/g, ' ') : plain);
}

/** A terminal's CSI escape sequence (colours, cursor moves), or ESC and one character. */
const ESCAPE_SEQUENCE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|.)/g;

/** Whitespace that collapsing would change: a run of two or more, or any other than a plain space. */
const UNCOLLAPSED_WHITESPACE = /\s\s|[^\S ]/;

/** Endings dropped so that `decoding`, `decode` and `decoded` compare as one word. */
const SUFFIXES = ['ation', 'ing', 'ion', 'ed', 'es', 'ly', 's', 'e'];

function stem(word: string): string {
  for (const suffix of SUFFIXES) {
    if (word.length - suffix.length >= 3 && word.endsWith(suffix)) {
      return word.slice(0, -suffix.length);
    }
  }
  return word;
}

/** Words that say nothing of which message it is. */
const FILLER = new Set(['the', 'a', 'an', 'is', 'are', 'was', 'be', 'been', 'has', 'have', 'of', 'to', 'for', 'in', 'on', 'and', 'or', 'please', 'this', 'it']);

/** The stems of a text's words, and pairs of its CJK characters, as a set. */
function termsOf(text: string): Set<string> {
  const terms = new Set<string>();
  for (const word of normalizeText(text).match(/[a-z0-9]+/g) ?? []) {
    if (!FILLER.has(word)) {
      terms.add(stem(word));
    }
  }
  const cjk = text.match(/[\u3400-\u9fff]+/g) ?? [];
  for (const run of cjk) {
    if (run.length === 1) {
      terms.add(run);
    }
    for (let index = 0; index + 1 < run.length; index++) {
      terms.add(run.slice(index, index + 2));
    }
  }
  return terms;
}

/** Terms of the messages a log repeats, compared lately. */
const saidTerms = new Map<string, Set<string>>();
/**
 * Terms of catalog texts (descriptions, translations) compared lately: kept apart from the log's,
 * so a log of ever new messages does not make the catalog's be worked out again and again.
 */
const tableTerms = new Map<string, Set<string>>();
const TERMS_CACHE_SIZE = 2048;

function cachedTerms(cache: Map<string, Set<string>>, text: string): Set<string> {
  let terms = cache.get(text);
  if (terms === undefined) {
    if (cache.size >= TERMS_CACHE_SIZE) {
      cache.clear();
    }
    terms = termsOf(text);
    cache.set(text.length > 12 ? text.split('').join('') : text, terms);
  }
  return terms;
}

/** Terms of each catalog message, by its matcher. */
const matcherTerms = perObject((matcher: MessageMatcher): Set<string> => termsOf(matcher.literals.join(' ')));

function termsOfTable(matcher: MessageMatcher | string): Set<string> {
  return typeof matcher === 'string' ? cachedTerms(tableTerms, matcher) : matcherTerms(matcher);
}

/**
 * How alike two messages are, from 0 to 1, by the words (stems) and CJK character pairs they share:
 * "Image decoding failed" and "image decode failed." are 1. Variable parts of the table's message
 * are left out of the comparison.
 */
export function messageSimilarity(said: string, matcher: MessageMatcher | string): number {
  const table = termsOfTable(matcher);
  const text = cachedTerms(saidTerms, said);
  if (table.size === 0 || text.size === 0) {
    return 0;
  }
  let shared = 0;
  for (const term of table) {
    if (text.has(term)) {
      shared++;
    }
  }
  return (2 * shared) / (table.size + text.size);
}
