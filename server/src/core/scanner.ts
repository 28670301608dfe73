/*
 * Finds code occurrences in one line of text. One token filter (findCodeTokens) reads each
 * character once, hashing tokens as it goes; only tokens whose hash is a known code, a template's
 * or a family's prefix, or a key our providers put codes under are looked at further. The disk
 * scan runs the same filter over its bytes. Codes that are plain words or numbers are kept only in
 * an error context; whether they are an error of ours at all is the resolver's to decide.
 */
import { LineBreaks, afterLineBreak, detach } from './byteText';
import { CODE_KEY_BIT, Candidate, CodeIndex, Entry, FamilyRef, LITERAL_BIT, MAX_PREFIX_LENGTH, PREFIX_BIT, foldHash, hashStep } from './codeIndex';
import { MessageMatcher, matchNormalized, messageWindow, normalizeText } from './messageMatcher';
import { perObject } from './perObject';

/** Why an occurrence counts. */
export type OccurrenceContext =
  /** A distinctive code, recognised anywhere as a whole token. */
  | 'distinctive'
  /** Under an error-code key: `"Code": "Throttling"`, `code=461`, `<Code>Forbidden</Code>`. */
  | 'key'
  /** The whole content of a string literal compared with an error code in source. */
  | 'literal'
  /** Next to the catalog message that belongs to it. */
  | 'message'
  /** A number next to its entry's message that is only an HTTP reason phrase (`403 Forbidden`): a code only where the text names the product. */
  | 'reasonPhrase';

/**
 * Where a document keeps the decision made for an occurrence: on the occurrence itself, under a key
 * of its own that JSON and copies between threads leave out. Every occurrence is made with it, so
 * the decision's place is in the object and not in a property array added later (40 bytes a code).
 */
export const DECISION = Symbol('decision');

export interface Occurrence {
  /** Zero-based line; start and end are UTF-16 offsets within the line. */
  line: number;
  start: number;
  end: number;
  token: string;
  /** The entries the token may mean; empty for a code of a known family that no catalog lists. */
  candidates: readonly Candidate[];
  context: OccurrenceContext;
  /** The key the code stood under, for the `key` context. */
  key?: string;
  /** The family of a code that no catalog lists (`AIS.0118`). */
  family?: FamilyRef;
  /**
   * Set for a value under one of our providers' code keys that no catalog lists and no family
   * claims (`"Code": "InvalidInstanceId.Malformed"`): an error of some product, if the body is ours.
   */
  unlisted?: true;
  /** The decision a document keeps for it (see DECISION); undefined until one is made. */
  [DECISION]: unknown;
}

/**
 * 1 for the characters a code is made of (ASCII letters, digits, `_` and `.`), by character code:
 * every UTF-16 code unit (and every byte) has an entry, so a lookup needs no range check.
 */
export const CODE_CHAR = new Uint8Array(65536);
for (let charCode = 0; charCode < 128; charCode++) {
  CODE_CHAR[charCode] = /[A-Za-z0-9_.]/.test(String.fromCharCode(charCode)) ? 1 : 0;
}

/** Keys that hold an error code, compared lower-case without `_` and `-`. */
const ERROR_CODE_KEYS = new Set([
  'code', 'errorcode', 'errcode', 'errorcodestr', 'statuscode', 'status', 'httpstatus', 'httpstatuscode', 'httpcode',
  'responsecode', 'resultcode', 'errorstatus', 'errortype',
  // The code in a provider's diagnosis link: Alibaba's `?Keyword=InvalidMaxKeys`, `?q=InvalidArgument`.
  'keyword', 'q',
]);


function normalizeKey(key: string): string {
  return key.replace(/[_\-]/g, '').toLowerCase();
}


/**
 * Called for each token the filter lets through: [start, end) is the token without leading and
 * trailing dots; `hits` are the hashFilter bits it matched. Returning false stops the scan.
 */
export type TokenVisitor = (start: number, end: number, hits: number) => boolean;

/** What the token filter reads of an index (a CodeIndex is one): which tokens may start a code, and the hashes of codes, prefixes and code keys. */
export interface TokenFilter {
  readonly literalHashes: ReadonlySet<number>;
  readonly prefixHashes: ReadonlySet<number>;
  readonly codeKeyHashes: ReadonlySet<number>;
  readonly prefixLengths: Uint8Array;
  readonly startPairs: Uint8Array;
  readonly hashFilter: Uint8Array;
}

/**
 * Where the tokens the filter lets through start in the text, from `from` to its end: in a piece of
 * bytes read one character per byte, what the stream scanner looks for (see its `push`).
 */
export function findTokenStarts(text: string, filter: TokenFilter, from = 0): Int32Array {
  const starts: number[] = [];
  findCodeTokens(text, from, text.length, filter, (start) => {
    starts.push(start);
    return true;
  });
  return Int32Array.from(starts);
}

/**
 * The token filter: walks the tokens of text [from, to) and calls `visit` for those that may be a
 * code (or start one) or a code key. Works on any string; the disk scan gives it its bytes as a
 * one-byte string, where every non-ASCII byte is a separator just as a non-ASCII character is here.
 */
export function findCodeTokens(text: string, from: number, to: number, filter: TokenFilter, visit: TokenVisitor): void {
  const { literalHashes, prefixHashes, prefixLengths, startPairs, hashFilter, codeKeyHashes } = filter;
  let position = from;
  while (position < to) {
    let charCode = text.charCodeAt(position);
    if (CODE_CHAR[charCode] === 0) {
      // A terminal's escape sequence (`\x1b[1m`) is no text of its own: skip it whole, so the code it colours stands alone.
      position = charCode === 27 ? afterEscape(text, position, to) : position + 1;
      continue;
    }
    // A run of code characters; leading and trailing dots are punctuation, not part of the token.
    let start = position;
    if (charCode === 46) {
      do {
        start++;
      } while (start < to && text.charCodeAt(start) === 46);
      charCode = start < to ? text.charCodeAt(start) : 0;
      if (CODE_CHAR[charCode] === 0) {
        position = start;
        continue;
      }
    }
    // Most tokens of a log (words, numbers, ids) cannot start any code: skip them whole, unhashed.
    // A code character is ASCII, so the first two index the table directly.
    const next = start + 1 < to ? text.charCodeAt(start + 1) : 0;
    const second = CODE_CHAR[next] === 0 ? 0 : next;
    if (startPairs[(charCode << 7) | second] === 0) {
      let cursor = second === 0 ? start + 1 : start + 2;
      while (cursor < to && CODE_CHAR[text.charCodeAt(cursor)] === 1) {
        cursor++;
      }
      position = cursor;
      continue;
    }
    let hash = 0;
    let hashAtEnd = 0;
    let end = start;
    let hits = 0;
    let cursor = start;
    while (cursor < to) {
      charCode = text.charCodeAt(cursor);
      if (CODE_CHAR[charCode] === 0) {
        break;
      }
      hash = hashStep(hash, charCode);
      if (charCode !== 46) {
        end = cursor + 1;
        hashAtEnd = hash;
      }
      const tokenLength = cursor - start + 1;
      if (tokenLength <= MAX_PREFIX_LENGTH && prefixLengths[tokenLength] === 1 && (hashFilter[foldHash(hash)] & PREFIX_BIT) !== 0 && prefixHashes.has(hash)) {
        hits |= PREFIX_BIT;
      }
      cursor++;
    }
    position = cursor;
    if (end > start) {
      const filter = hashFilter[foldHash(hashAtEnd)];
      if ((filter & LITERAL_BIT) !== 0 && literalHashes.has(hashAtEnd)) {
        hits |= LITERAL_BIT;
      }
      if ((filter & CODE_KEY_BIT) !== 0 && codeKeyHashes.has(hashAtEnd)) {
        hits |= CODE_KEY_BIT;
      }
      if (hits !== 0 && !visit(start, end, hits)) {
        return;
      }
    }
  }
}

/**
 * Where an escape sequence starting at `at` (ESC) ends: after a CSI sequence (`ESC [ parameters
 * intermediates final`: colours, cursor moves), or after the ESC alone.
 */
function afterEscape(text: string, at: number, to: number): number {
  if (text.charCodeAt(at + 1) !== 91) {
    return at + 1;
  }
  let position = at + 2;
  while (position < to) {
    const code = text.charCodeAt(position);
    if (code >= 0x40 && code <= 0x7e) {
      return position + 1;
    }
    if (code < 0x20 || code > 0x3f) {
      return position;
    }
    position++;
  }
  return position;
}

/** Skips back over colour escape sequences (`\x1b[1;33m`) ending just before `end`. */
function beforeEscapes(text: string, end: number): number {
  let position = end;
  for (;;) {
    const letter = text.charCodeAt(position - 1);
    if (!((letter >= 65 && letter <= 90) || (letter >= 97 && letter <= 122))) {
      return position;
    }
    let start = position - 2;
    while (start >= 0 && position - start <= 16 && /[0-9;:?]/.test(text[start])) {
      start--;
    }
    if (start >= 1 && text.charCodeAt(start) === 91 && text.charCodeAt(start - 1) === 27) {
      position = start - 1;
    } else {
      return position;
    }
  }
}

/**
 * Scans one line (with or without its line terminator) and appends what it finds to `out`. The line
 * may be given as the range [from, to) of a larger text, e.g. a whole document: reading a flat string
 * is much faster than reading a slice of one, and only a line with a code is cut out of it. Offsets
 * of what is found are relative to the line's start either way.
 */
export function scanLine(text: string, line: number, index: CodeIndex, out: Occurrence[], from = 0, to = text.length): void {
  let lineText: string | undefined;
  const found = new LineFound(out);
  findCodeTokens(text, from, to, index, (start, end, hits) => {
    lineText ??= from === 0 && to === text.length ? text : text.slice(from, to);
    takeToken(text, lineText, from, line, index, found, start, end, hits);
    return true;
  });
  dropLinkRepeats(out, found.before);
}

/** The occurrences a line's scan has added to a list so far, from `before` on. */
class LineFound {
  readonly before: number;
  /** Where they start, once a line holds many: a line of a minified JSON array can hold tens of thousands. */
  private starts: Set<number> | undefined;
  private indexed: number;

  constructor(readonly out: Occurrence[]) {
    this.before = out.length;
    this.indexed = out.length;
  }

  /** Whether one of them starts at `start`. */
  startsAt(start: number): boolean {
    const { out } = this;
    if (out.length - this.before < 16) {
      for (let at = this.before; at < out.length; at++) {
        if (out[at].start === start) {
          return true;
        }
      }
      return false;
    }
    this.starts ??= new Set();
    for (; this.indexed < out.length; this.indexed++) {
      this.starts.add(out[this.indexed].start);
    }
    return this.starts.has(start);
  }
}

/** How `scanLines` tells of the lines of a text it scans. */
export interface LinesVisitor {
  /** A token the filter let through starts at `at`, as findTokenStarts would tell. */
  token(at: number): void;
  /** Line [from, to) has such a token: whether to scan it here (false when the caller scans it otherwise). */
  enter(from: number, to: number): boolean;
  /** Line [from, to), scanned here, holds these occurrences, as scanLine finds them on line 0. */
  leave(from: number, to: number, found: Occurrence[]): void;
}

const noBreakAtEnd = (): void => undefined;

/**
 * scanLine over each line of a text that the token filter lets a token through in, with one pass of
 * the filter over the whole text: a token never spans a line break, and the filter is in the same
 * state after each one, so it meets each line's tokens as it meets them in the line alone.
 */
export function scanLines(text: string, index: CodeIndex, visitor: LinesVisitor): void {
  const breaks = new LineBreaks(text);
  const found: Occurrence[] = [];
  let lineFound = new LineFound(found);
  let lineStart = 0;
  let lineEnd = -1;
  let lineText: string | undefined;
  let scanning = false;
  const finishLine = () => {
    if (scanning) {
      dropLinkRepeats(found, 0);
      visitor.leave(lineStart, lineEnd, found);
      found.length = 0;
    }
  };
  findCodeTokens(text, 0, text.length, index, (start, end, hits) => {
    visitor.token(start);
    if (start >= lineEnd) {
      finishLine();
      if (lineEnd !== -1) {
        lineStart = afterLineBreak(text, lineEnd, noBreakAtEnd);
      }
      lineEnd = breaks.next(lineStart);
      while (lineEnd !== -1 && lineEnd < start) {
        lineStart = afterLineBreak(text, lineEnd, noBreakAtEnd);
        lineEnd = breaks.next(lineStart);
      }
      if (lineEnd === -1) {
        lineEnd = text.length;
      }
      lineText = undefined;
      lineFound = new LineFound(found);
      scanning = visitor.enter(lineStart, lineEnd);
    }
    if (scanning) {
      lineText ??= text.slice(lineStart, lineEnd);
      takeToken(text, lineText, lineStart, 0, index, lineFound, start, end, hits);
    }
    return true;
  });
  finishLine();
}

/**
 * What scanLine makes of a token [start, end) of `text` that the filter let through with `hits`, on
 * the line that starts at `from` (`lineText`), added to what it found of the line before.
 */
function takeToken(text: string, lineText: string, from: number, line: number, index: CodeIndex, found: LineFound, start: number, end: number, hits: number): void {
  const { out } = found;
  if ((hits & (LITERAL_BIT | PREFIX_BIT)) !== 0) {
    const { token, candidates, family } = index.inspect(text.slice(start, end));
    const occurrence =
      candidates.length > 0
        ? classify(lineText, line, start - from, end - from, token, candidates)
        : family
          ? { line, start: start - from, end: end - from, token, candidates, context: 'distinctive' as const, family, [DECISION]: undefined }
          : undefined;
    if (occurrence) {
      out.push(occurrence);
      return;
    }
  }
  if ((hits & CODE_KEY_BIT) !== 0) {
    const value = unlistedValueAfter(lineText, end - from, index);
    if (value && !found.startsAt(value.start)) {
      out.push({ line, start: value.start, end: value.end, token: value.token, candidates: [], context: 'key', key: text.slice(start, end), unlisted: true, [DECISION]: undefined });
    }
  }
}

/** Keys of a diagnosis link's query, which repeats the code of the body it stands in. */
const LINK_KEYS = new Set(['keyword', 'q']);

/**
 * A diagnosis link (`Recommend: …?q=InternalError&product=Imm`) names the code the body around it
 * gives: one error, one finding. Only a link with no code of its own beside it is one.
 */
function dropLinkRepeats(out: Occurrence[], from: number): void {
  if (out.length - from < 2) {
    return;
  }
  const fromLink = (found: Occurrence) => found.context === 'key' && found.key !== undefined && LINK_KEYS.has(normalizeKey(found.key));
  const others = new Set(out.slice(from).filter((found) => !fromLink(found)).map((found) => found.token));
  for (let at = out.length - 1; at >= from; at--) {
    if (fromLink(out[at]) && others.has(out[at].token)) {
      out.splice(at, 1);
    }
  }
}

/**
 * The value after a code key (`"Code": "X"`, `Code=X`, `<Code>X</Code>`), when it looks like a code
 * and the index knows nothing of it: not a number, not a success word, not a known code or family.
 */
function unlistedValueAfter(text: string, keyEnd: number, index: CodeIndex): { start: number; end: number; token: string } | undefined {
  const match = /^["']?\s*(?:[:=]|>)\s*["']?/.exec(text.slice(keyEnd, keyEnd + 12));
  if (!match) {
    return undefined;
  }
  const start = keyEnd + match[0].length;
  let end = start;
  while (end < text.length && end - start <= 128 && CODE_CHAR[text.charCodeAt(end)] === 1) {
    end++;
  }
  while (end > start && text.charCodeAt(end - 1) === 46) {
    end--;
  }
  const token = text.slice(start, end);
  // A value that runs on into more text is not one code; nor is a short word, a number or a success.
  if (end - start < 4 || end - start > 128 || CODE_CHAR[text.charCodeAt(end)] === 1 || !/^[A-Za-z][A-Za-z0-9_.]*[A-Za-z0-9]$/.test(token) || /^(?:ok|success|succeed|succeeded|successful|none|null|true|false|undefined|nil|normal|accepted|done)$/i.test(token)) {
    return undefined;
  }
  const after = text.charCodeAt(end);
  if (!Number.isNaN(after) && !/["'<,;}\s)\]]/.test(text[end])) {
    return undefined;
  }
  const info = index.inspect(token);
  return info.candidates.length === 0 && info.family === undefined ? { start, end, token } : undefined;
}

function classify(text: string, line: number, start: number, end: number, token: string, candidates: readonly Candidate[]): Occurrence | undefined {
  if (candidates.some((candidate) => candidate.entry.distinctive)) {
    return { line, start, end, token, candidates, context: 'distinctive', [DECISION]: undefined };
  }
  const numeric = isDigits(token);
  if (numeric && isHttpStatusLine(text, start)) {
    // `HTTP/1.1 503 Service Unavailable` is a response's status line, whoever answered.
    return undefined;
  }
  const key = keyBefore(text, start);
  if (key !== undefined && ERROR_CODE_KEYS.has(normalizeKey(key))) {
    return { line, start, end, token, candidates, context: 'key', key, [DECISION]: undefined };
  }
  if (isComparedStringLiteral(text, start, end)) {
    return { line, start, end, token, candidates, context: 'literal', [DECISION]: undefined };
  }
  if (hasOwnMessage(text, start, numeric ? withTellingMessages(candidates) : candidates)) {
    return { line, start, end, token, candidates, context: 'message', [DECISION]: undefined };
  }
  if (numeric && hasOwnMessage(text, start, candidates)) {
    return { line, start, end, token, candidates, context: 'reasonPhrase', [DECISION]: undefined };
  }
  return undefined;
}

/** Whether an occurrence is a number (the Marketplace's codes), which needs an error context and may be a mere HTTP status. */
export function isNumericCode(occurrence: Occurrence): boolean {
  return isDigits(occurrence.token);
}

function isDigits(token: string): boolean {
  for (let index = 0; index < token.length; index++) {
    const charCode = token.charCodeAt(index);
    if (charCode < 48 || charCode > 57) {
      return false;
    }
  }
  return token.length > 0;
}

/** Whether the number at `start` follows an HTTP version, as in a status line (`HTTP/1.1 403`, `HTTP/2 503`). */
function isHttpStatusLine(text: string, start: number): boolean {
  return /HTTP\/[0-9](?:\.[0-9])?[ \t]+$/i.test(text.slice(Math.max(0, start - 16), start));
}

/**
 * The candidates whose message says more than the standard reason phrase of their status (`403
 * Forbidden`, `502 Bad Gateway`): any server says that, so the phrase is no evidence of a catalog.
 * Worked out once per list, as lookups share their lists.
 */
const withTellingMessages = perObject((candidates: readonly Candidate[]): readonly Candidate[] => candidates.filter(({ entry }) => hasTellingMessage(entry)));

/**
 * Whether an entry has a message that says more than an HTTP reason phrase, so finding it is
 * evidence; worked out once per entry.
 */
export const hasTellingMessage = perObject((entry: Entry): boolean => !entry.messages.every((matcher) => HTTP_REASON_PHRASES.has(matcher.literals.join(' ').trim().toLowerCase())));

/** The reason phrases of RFC 9110 and its predecessors, lower-case. */
const HTTP_REASON_PHRASES = new Set([
  'bad request', 'unauthorized', 'payment required', 'forbidden', 'not found', 'method not allowed', 'not acceptable',
  'proxy authentication required', 'request timeout', 'request time-out', 'conflict', 'gone', 'length required',
  'precondition failed', 'payload too large', 'content too large', 'request entity too large', 'uri too long',
  'request-uri too long', 'unsupported media type', 'range not satisfiable', 'requested range not satisfiable',
  'expectation failed', 'misdirected request', 'unprocessable entity', 'unprocessable content', 'locked',
  'failed dependency', 'too early', 'upgrade required', 'precondition required', 'too many requests',
  'request header fields too large', 'unavailable for legal reasons', 'internal server error', 'not implemented',
  'bad gateway', 'service unavailable', 'gateway timeout', 'gateway time-out', 'http version not supported',
  'variant also negotiates', 'insufficient storage', 'loop detected', 'not extended', 'network authentication required',
]);

/**
 * The key a value stands under: `"key": "VALUE"`, `key=VALUE`, `Key: VALUE`, `'key' => 'VALUE'` or
 * `<Key>VALUE`. Returns undefined when the token is not such a value.
 */
function keyBefore(text: string, start: number): string | undefined {
  let position = beforeEscapes(text, start) - 1;
  const quote = text[position];
  if (quote === '"' || quote === "'" || quote === '`') {
    position--;
  }
  while (position >= 0 && (text[position] === ' ' || text[position] === '\t')) {
    position--;
  }
  const separator = text[position];
  if (separator === '>' && text[position - 1] === '=') {
    // PHP and Ruby style `'key' => 'VALUE'`.
    position -= 2;
  } else if (separator === '>') {
    // Look back at most 64 characters for the `<`, so a long line of `>`s costs no more than a short one.
    let open = position - 1;
    while (open >= 0 && position - open <= 64 && text.charCodeAt(open) !== 60) {
      open--;
    }
    if (open < 0 || position - open > 64) {
      return undefined;
    }
    const tag = text.slice(open + 1, position).trim();
    return /^[A-Za-z_][A-Za-z0-9_.:-]*$/.test(tag) ? lastKeySegment(tag) : undefined;
  } else if (separator === ':') {
    position--;
  } else if (separator === '=') {
    // `==`, `!=`, `<=` and `>=` compare; they do not name a key.
    const previous = text[position - 1];
    if (previous === '=' || previous === '!' || previous === '<' || previous === '>') {
      return undefined;
    }
    position--;
  } else {
    return undefined;
  }
  while (position >= 0 && (text[position] === ' ' || text[position] === '\t')) {
    position--;
  }
  const closing = text[position];
  if (closing === '"' || closing === "'") {
    position--;
  }
  const keyEnd = position + 1;
  while (position >= 0 && /[A-Za-z0-9_.\-]/.test(text[position])) {
    position--;
  }
  let keyStart = position + 1;
  // A coloured key (`\x1b[33mCode:`): the escape sequence's final letter is not part of it.
  if (keyStart >= 2 && text.charCodeAt(keyStart - 1) === 91 && text.charCodeAt(keyStart - 2) === 27) {
    keyStart = afterEscape(text, keyStart - 2, keyEnd);
  }
  const key = text.slice(keyStart, keyEnd);
  return key.length > 0 && key.length <= 64 ? lastKeySegment(key) : undefined;
}

function lastKeySegment(key: string): string {
  const dot = key.lastIndexOf('.');
  return dot === -1 ? key : key.slice(dot + 1);
}

const COMPARISON = /===?|!==?|\.equals(?:IgnoreCase)?\(|\bcase\b|\.Is\(|\bin\s*[\[(]/;
const CODE_WORD = /code|status|err/i;

/** A string literal whose whole content is the code, on a line that compares an error code with it. */
function isComparedStringLiteral(text: string, start: number, end: number): boolean {
  const before = text[start - 1];
  if ((before !== '"' && before !== "'" && before !== '`') || text[end] !== before) {
    return false;
  }
  const rest = text.length > 2000 ? text.slice(Math.max(0, start - 1000), end + 1000) : text;
  if (/\bcase\b/.test(rest)) {
    return true;
  }
  return COMPARISON.test(rest) && CODE_WORD.test(rest.replace(text.slice(start, end), ''));
}

/** Whether the line holds the whole message of one of the candidates. */
function hasOwnMessage(text: string, start: number, candidates: readonly Candidate[]): boolean {
  // A number or word that is a code only with its message (`took 461 ms`, `Throttling is on`) is
  // common in logs: rule most out with one indexOf before collapsing the line's whitespace. Only the
  // bounded window around the code is searched: searching the whole line for each code would cost
  // the square of a long line's length.
  const normalized = text.length > 4096 ? normalizeText(text.slice(Math.max(0, start - 2048), start + 2048)) : normalizedLine(text);
  if (!candidates.some((candidate) => candidate.entry.messages.some((matcher) => normalized.includes(messageProbe(matcher))))) {
    return false;
  }
  const window = messageWindow(text, start);
  return candidates.some((candidate) => candidate.entry.messages.some((matcher) => matchNormalized(matcher, window)?.score === 1));
}

/**
 * The last line normalized whole: a line's tokens (and a number's two tries) share it. It is kept
 * as a copy of its own: a line cut from a document would keep the whole document alive.
 */
let lastLine = '';
let lastNormalized = '';

function normalizedLine(text: string): string {
  if (text !== lastLine) {
    lastLine = detach(text);
    lastNormalized = normalizeText(lastLine);
  }
  return lastNormalized;
}

/**
 * The longest run without whitespace in a message's literal text. Collapsing whitespace leaves such
 * runs as they are, so the line must hold it for the whole message to match.
 */
const messageProbe = perObject((matcher: MessageMatcher): string => {
  let probe = '';
  for (const piece of matcher.literals) {
    for (const word of piece.split(/\s+/)) {
      if (word.length > probe.length) {
        probe = word;
      }
    }
  }
  return probe;
});
