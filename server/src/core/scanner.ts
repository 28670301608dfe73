/*
 * Finds code occurrences in one line of text. A single pass reads each character once, hashing
 * tokens as it goes; only tokens whose hash is a known code (or a template prefix) are looked at
 * further. Codes that are plain words or numbers are kept only in an error context.
 */
import { Candidate, CodeIndex, MAX_PREFIX_LENGTH, foldHash, hashStep } from './codeIndex';
import { MessageMatcher, matchMessage } from './messageMatcher';

/** Why an occurrence counts. */
export type OccurrenceContext =
  /** A distinctive code, recognised anywhere as a whole token. */
  | 'distinctive'
  /** Under an error-code key: `"Code": "Throttling"`, `code=461`, `<Code>Forbidden</Code>`. */
  | 'key'
  /** The whole content of a string literal compared with an error code in source. */
  | 'literal'
  /** Next to the catalog message that belongs to it. */
  | 'message';

export interface Occurrence {
  /** Zero-based line; start and end are UTF-16 offsets within the line. */
  line: number;
  start: number;
  end: number;
  token: string;
  candidates: readonly Candidate[];
  context: OccurrenceContext;
  /** The key the code stood under, for the `key` context. */
  key?: string;
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
]);

/** Keys that only carry an HTTP status; under them a number is a status, not a code, when another code is near. */
const STATUS_KEYS = new Set(['status', 'statuscode', 'httpstatus', 'httpstatuscode', 'httpcode', 'responsecode']);

export function normalizeKey(key: string): string {
  return key.replace(/[_\-]/g, '').toLowerCase();
}

export function isStatusKey(key: string | undefined): boolean {
  return key !== undefined && STATUS_KEYS.has(normalizeKey(key));
}

/**
 * Scans one line (with or without its line terminator) and appends what it finds to `out`. The line
 * may be given as the range [from, to) of a larger text, e.g. a whole document: reading a flat string
 * is much faster than reading a slice of one, and only a line with a code is cut out of it. Offsets
 * of what is found are relative to the line's start either way.
 */
export function scanLine(text: string, line: number, index: CodeIndex, out: Occurrence[], from = 0, to = text.length): void {
  const length = to;
  const { literalHashes, prefixHashes, prefixLengths, startPairs, hashFilter } = index;
  let lineText: string | undefined;
  let position = from;
  while (position < length) {
    let charCode = text.charCodeAt(position);
    if (CODE_CHAR[charCode] === 0) {
      position++;
      continue;
    }
    // A run of code characters; leading and trailing dots are punctuation, not part of the token.
    let start = position;
    while (start < length && text.charCodeAt(start) === 46) {
      start++;
    }
    // Most tokens of a log (words, numbers, ids) cannot start any code: skip them whole, unhashed.
    const first = start < length ? text.charCodeAt(start) : 0;
    let second = start + 1 < length ? text.charCodeAt(start + 1) : 0;
    if (CODE_CHAR[second] === 0) {
      second = 0;
    }
    if (first >= 128 || startPairs[first * 128 + second] === 0) {
      let cursor = start;
      while (cursor < length) {
        charCode = text.charCodeAt(cursor);
        if (CODE_CHAR[charCode] === 0) {
          break;
        }
        cursor++;
      }
      position = cursor;
      continue;
    }
    let hash = 0;
    let hashAtEnd = 0;
    let end = start;
    let prefixHit = false;
    let cursor = start;
    while (cursor < length) {
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
      if (tokenLength <= MAX_PREFIX_LENGTH && prefixLengths[tokenLength] === 1 && (hashFilter[foldHash(hash)] & 2) !== 0 && prefixHashes.has(hash)) {
        prefixHit = true;
      }
      cursor++;
    }
    position = cursor;
    if (end > start && (prefixHit || ((hashFilter[foldHash(hashAtEnd)] & 1) !== 0 && literalHashes.has(hashAtEnd)))) {
      const token = text.slice(start, end);
      const candidates = index.lookup(token);
      if (candidates.length > 0) {
        lineText ??= from === 0 && to === text.length ? text : text.slice(from, to);
        const occurrence = classify(lineText, line, start - from, end - from, token, candidates);
        if (occurrence) {
          out.push(occurrence);
        }
      }
    }
  }
}

function classify(text: string, line: number, start: number, end: number, token: string, candidates: readonly Candidate[]): Occurrence | undefined {
  if (candidates.some((candidate) => candidate.entry.distinctive)) {
    return { line, start, end, token, candidates, context: 'distinctive' };
  }
  const numeric = isDigits(token);
  if (numeric && isHttpStatusLine(text, start)) {
    // `HTTP/1.1 503 Service Unavailable` is a response's status line, whoever answered.
    return undefined;
  }
  const key = keyBefore(text, start);
  if (key !== undefined && ERROR_CODE_KEYS.has(normalizeKey(key))) {
    return { line, start, end, token, candidates, context: 'key', key };
  }
  if (isComparedStringLiteral(text, start, end)) {
    return { line, start, end, token, candidates, context: 'literal' };
  }
  if (hasOwnMessage(text, start, numeric ? withTellingMessages(candidates) : candidates)) {
    return { line, start, end, token, candidates, context: 'message' };
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

const tellingCandidates = new WeakMap<readonly Candidate[], readonly Candidate[]>();

/**
 * The candidates whose message says more than the standard reason phrase of their status (`403
 * Forbidden`, `502 Bad Gateway`): any server says that, so the phrase is no evidence of a catalog.
 * Worked out once per list, as lookups share their lists.
 */
function withTellingMessages(candidates: readonly Candidate[]): readonly Candidate[] {
  let telling = tellingCandidates.get(candidates);
  if (telling === undefined) {
    telling = candidates.filter(({ entry }) => !entry.messages.every((matcher) => HTTP_REASON_PHRASES.has(matcher.literals.join(' ').trim().toLowerCase())));
    tellingCandidates.set(candidates, telling);
  }
  return telling;
}

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
export function keyBefore(text: string, start: number): string | undefined {
  let position = start - 1;
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
  const key = text.slice(position + 1, keyEnd);
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
  // common in logs: rule most out with one indexOf before collapsing the line's whitespace.
  // Only the bounded window around the code is searched: searching the whole line for each code
  // would cost the square of a long line's length.
  const bounded = text.length > 4096 ? text.slice(Math.max(0, start - 2048), start + 2048) : text;
  if (!candidates.some((candidate) => candidate.entry.messages.some((matcher) => bounded.includes(messageProbe(matcher))))) {
    return false;
  }
  const window = messageWindow(text, start);
  return candidates.some((candidate) => candidate.entry.messages.some((matcher) => matchMessage(matcher, window)?.score === 1));
}

const messageProbes = new WeakMap<MessageMatcher, string>();

/**
 * The longest run without whitespace in a message's literal text. Collapsing whitespace leaves such
 * runs as they are, so the line must hold it for the whole message to match.
 */
function messageProbe(matcher: MessageMatcher): string {
  let probe = messageProbes.get(matcher);
  if (probe === undefined) {
    probe = '';
    for (const piece of matcher.literals) {
      for (const word of piece.split(/\s+/)) {
        if (word.length > probe.length) {
          probe = word;
        }
      }
    }
    messageProbes.set(matcher, probe);
  }
  return probe;
}

/** The text searched for messages: whitespace collapsed and bounded, so a huge line costs no more than a normal one. */
export function messageWindow(text: string, center = 0): string {
  const bounded = text.length > 4096 ? text.slice(Math.max(0, center - 2048), center + 2048) : text;
  // Most lines have nothing to collapse: finding that out allocates nothing.
  return UNCOLLAPSED_WHITESPACE.test(bounded) ? bounded.replace(/\s+/g, ' ') : bounded;
}

/** Whitespace that collapsing would change: a run of two or more, or any other than a plain space. */
const UNCOLLAPSED_WHITESPACE = /\s\s|[^\S ]/;
