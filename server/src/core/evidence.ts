/*
 * The evidence around an occurrence that the resolver weighs: the text of its own line and, for
 * pretty-printed JSON, the sibling message a few lines away; the message its body carries; whether
 * another code stands close by; and the clues of origin at four distances (its line, its body, the
 * lines nearby, the whole document). Shared by the editor's documents and the stream scanner, so
 * both decide alike.
 */
import { Entry } from './codeIndex';
import { matchNormalized, messageSimilarity, messageWindow } from './messageMatcher';
import { Clue } from './origins';
import { perObject } from './perObject';
import { Occurrence, isNumericCode } from './scanner';

/** How many lines around an occurrence can hold its sibling message or the other code of its JSON object. */
const NEIGHBOURHOOD = 6;
/** How many lines around an occurrence are "nearby" for clues of origin: a stack trace, a request and its answer. */
export const NEARBY = 12;
/** How much of a line, around the code, counts as the code's own line for clues and messages. */
export const LINE_WINDOW = 2048;

const MESSAGE_KEY = /["']?(?:error_?msg|error_?message|errorMessage|ErrorMessage|errMsg|ErrMsg|Message|message|msg|Msg)["']?\s*[:=]/;
/** Prose that quotes an error's message: `The error message "…" is displayed`, `报错信息为"…"`. */
const QUOTED_MESSAGE = /\bmessage\s*(?:is\s*|was\s*)?["“]([^"“”\r\n]{4,300})["”]|(?:错误信息|错误消息|报错信息|提示信息)[^"“”\r\n]{0,6}["“]([^"“”\r\n]{4,300})["”]/i;

/** The distances clues are read at, nearest first. */
export type Scope = 'line' | 'body' | 'nearby' | 'document';
export const SCOPES: readonly Scope[] = ['line', 'body', 'nearby', 'document'];

/** The lines evidence is read from. */
export interface LineSource {
  /** A line's text without its terminator; undefined past the ends of what is available. */
  lineText(line: number): string | undefined;
  /** The occurrences found on a line; undefined or empty when there are none. */
  occurrencesOn(line: number): readonly Occurrence[] | undefined;
  /** The clues of origin on a line (its first part, for a huge line). */
  cluesOn(line: number): readonly Clue[];
  /** Clues of the document as a whole: one per provider, product and kind, with how often it was seen. */
  documentClues(): readonly DocumentClue[];
  /** Clues in a window of one line (for the code's own line, when it is huge). */
  cluesInWindow(line: number, from: number, to: number): readonly Clue[];
  /** Where what is worked out once for a part of a line is kept, until the line changes. */
  evidenceCache(line: number): Map<number, LineEvidence>;
}

export interface DocumentClue extends Clue {
  count: number;
}

/**
 * Up to this size (in characters, or bytes of a file) a document's codes are decided with the
 * whole document's clues from the start: a file read from disk is read twice for them. A larger
 * document is first decided with the clues read so far, and the decisions that read them are made
 * again once the whole document's are known.
 */
export const WHOLE_DOCUMENT_CLUES_FIRST = 4 * 1024 * 1024;

export interface Evidence {
  /** The occurrence's line and, for pretty-printed JSON, the sibling message lines; normalised. */
  text: string;
  /** The message its error body carries (`error_msg`, `Message`, `<Message>`), as written. */
  message?: string;
  /** Whether another, non-numeric code stands close by (same line or same JSON object). */
  otherCodeNearby: boolean;
  /** The clues at a distance; the document's are worked out only when asked for. */
  clues(scope: Scope): readonly Clue[];
  /** The occurrence's own vote among the document's `code` clues, which says nothing more of it. */
  ownVote(): Clue | undefined;
  /**
   * Where the code stands, when its line is read in parts (a long line, which may hold many
   * records, each with clues of its own): the line's clues nearest to it say most.
   */
  nearTo?: number;
}

/**
 * What every code in one part of a line shares: the part's text and messages, its clues, the
 * sibling message and body lines of pretty-printed JSON. A short line is one part; a long line is
 * cut into parts of LINE_WINDOW characters, each read with a window reaching one part further on
 * either side, so every code sees at least LINE_WINDOW characters around it.
 */
export interface LineEvidence {
  /** The window's text, normalised, with the sibling message's when there is one. */
  text: string;
  /** The messages in the window, as written, and where they stand in the line. */
  messages: { value: string; at: number }[];
  /** The sibling message of pretty-printed JSON, as written. */
  siblingMessage?: string;
  /** How many non-numeric codes the line holds. */
  codesOnLine: number;
  /** Whether the walk for the sibling message stopped at a line holding another code. */
  codeAround: boolean;
  /** The lines of the code's body: those passed on the way out, up to a line with another code. */
  bodyLines: number[];
  /** Clues by scope, worked out when first asked for. */
  clues: Map<Scope, readonly Clue[]>;
  /** The window in the line: [from, to). */
  from: number;
  to: number;
}

/** How many non-numeric occurrences a line's list holds, counted once per list. */
const nonNumericCount = perObject((list: readonly Occurrence[]): number => list.filter((item) => !isNumericCode(item)).length);

/** Which part of a line a position falls in: 0 for a whole short line. */
function partOf(lineLength: number, position: number): number {
  return lineLength > 2 * LINE_WINDOW ? Math.floor(position / LINE_WINDOW) : -1;
}

function lineEvidence(line: number, own: string, part: number, source: LineSource): LineEvidence {
  const from = part < 0 ? 0 : Math.max(0, (part - 1) * LINE_WINDOW);
  const to = part < 0 ? own.length : Math.min(own.length, (part + 2) * LINE_WINDOW);
  const window = from === 0 && to === own.length ? own : own.slice(from, to);
  let text = messageWindow(window);
  const messages = extractMessages(window).map((message) => ({ value: message.value, at: message.at + from }));
  const codesOnLine = nonNumericCount(source.occurrencesOn(line) ?? []);
  // Pretty-printed JSON keeps the message and the other code of an object on lines of their own:
  // look outward for them, but never past a line that holds another code (another object). The
  // lines passed on the way are the body's, for clues.
  const bodyLines: number[] = [];
  let siblingMessage: string | undefined;
  let codeAround = false;
  let messageFound = MESSAGE_KEY.test(text);
  for (const direction of [-1, 1]) {
    for (let step = 1; step <= NEIGHBOURHOOD; step++) {
      const other = line + direction * step;
      const otherText = source.lineText(other);
      if (otherText === undefined) {
        break;
      }
      const others = source.occurrencesOn(other);
      if (others !== undefined && nonNumericCount(others) > 0) {
        codeAround = true;
        break;
      }
      // Pretty-printed JSON: the object ends at a line that closes it (going down) or opens it (going up).
      const edge = objectEdge(otherText, direction);
      if (edge === 'beyond') {
        break;
      }
      bodyLines.push(other);
      if (!messageFound && MESSAGE_KEY.test(otherText.slice(0, 200))) {
        text += ' ' + messageWindow(otherText);
        siblingMessage = extractMessages(otherText.slice(0, 2 * LINE_WINDOW))[0]?.value;
        messageFound = true;
      } else if (!messageFound) {
        // A page or an issue that names the code, then quotes its message in a sentence of its own.
        // Only a quote that reads like a message some code of the line may give is taken for it.
        const quoted = QUOTED_MESSAGE.exec(otherText.slice(0, LINE_WINDOW));
        const said = quoted ? (quoted[1] ?? quoted[2]) : undefined;
        if (said !== undefined && readsLikeAMessageOf(said, source.occurrencesOn(line) ?? [])) {
          siblingMessage = said;
          text += ' ' + messageWindow(said);
          messageFound = true;
        }
      }
      if (edge === 'edge') {
        break;
      }
    }
  }
  return { text, messages, ...(siblingMessage !== undefined ? { siblingMessage } : {}), codesOnLine, codeAround, bodyLines, clues: new Map(), from, to };
}

/** How near a quoted sentence must come to an entry's message to be taken for the code's message. */
const QUOTE_LIKENESS = 0.5;

function readsLikeAMessageOf(said: string, occurrences: readonly Occurrence[]): boolean {
  return occurrences.some((occurrence) =>
    occurrence.candidates.some(({ entry }) => entry.messages.some((matcher) => messageSimilarity(said, matcher) >= QUOTE_LIKENESS)),
  );
}

/**
 * Where a line stands against the JSON object around a code, seen from the code going up (-1) or
 * down (1): `edge` for the line that opens (closes) it, `beyond` for a line of the object before
 * (after) it, `inside` otherwise. Lines without braces are all inside.
 */
function objectEdge(text: string, direction: number): 'edge' | 'beyond' | 'inside' {
  const trimmed = text.trim();
  if (direction < 0) {
    if (/^[}\]]/.test(trimmed) || /[}]\s*,?$/.test(trimmed)) {
      return 'beyond';
    }
    return /[{[]$/.test(trimmed) ? 'edge' : 'inside';
  }
  if (/[{]$/.test(trimmed) && !/^[}\]]/.test(trimmed)) {
    return 'beyond';
  }
  return /^[}\]]/.test(trimmed) ? 'edge' : 'inside';
}

export function gatherEvidence(occurrence: Occurrence, source: LineSource): Evidence {
  const line = occurrence.line;
  const own = source.lineText(line) ?? '';
  const part = partOf(own.length, occurrence.start);
  const cache = source.evidenceCache(line);
  let shared = cache.get(part);
  if (shared === undefined) {
    shared = lineEvidence(line, own, part, source);
    cache.set(part, shared);
  }
  const numeric = isNumericCode(occurrence);
  // Another non-numeric code on the line, or (for a number under a key) in the same JSON object.
  const otherCodeNearby = shared.codesOnLine - (numeric || occurrence.candidates.length === 0 ? 0 : 1) > 0 || (shared.codeAround && occurrence.context === 'key' && numeric);
  const message = nearestMessage(shared.messages, occurrence.start) ?? shared.siblingMessage;
  const evidence = shared;
  const clues = (scope: Scope): readonly Clue[] => {
    if (scope === 'document') {
      // The document's clues change with any line: the source keeps them up to date.
      return source.documentClues();
    }
    let found = evidence.clues.get(scope);
    if (found === undefined) {
      found = cluesAt(scope, line, evidence, source);
      evidence.clues.set(scope, found);
    }
    return found;
  };
  const ownVote = () => codeVote(occurrence, own);
  return { text: shared.text, ...(message !== undefined ? { message } : {}), otherCodeNearby, clues, ownVote, ...(part >= 0 ? { nearTo: occurrence.start } : {}) };
}

function nearestMessage(messages: readonly { value: string; at: number }[], position: number): string | undefined {
  let best: { value: string; distance: number } | undefined;
  for (const message of messages) {
    const distance = Math.abs(message.at - position);
    if (best === undefined || distance < best.distance) {
      best = { value: message.value, distance };
    }
  }
  return best?.value;
}

function cluesAt(scope: Scope, line: number, evidence: LineEvidence, source: LineSource): readonly Clue[] {
  switch (scope) {
    case 'line':
      return source.cluesInWindow(line, evidence.from, evidence.to);
    case 'body':
      return evidence.bodyLines.flatMap((other) => source.cluesOn(other));
    case 'nearby': {
      const found: Clue[] = [];
      for (let other = line - NEARBY; other <= line + NEARBY; other++) {
        if (other !== line && !evidence.bodyLines.includes(other) && source.lineText(other) !== undefined) {
          found.push(...source.cluesOn(other));
        }
      }
      return found;
    }
    case 'document':
      return source.documentClues();
  }
}

/** Keys whose value is an error's message, and how the value ends. */
const MESSAGE_VALUE = /["']?\b(?:error_?msg|error_?message|errorMessage|ErrorMessage|errMsg|ErrMsg|Message|message|msg)["']?\s*[:=]\s*(?:"((?:[^"\\]|\\.){1,1000})"|'((?:[^'\\]|\\.){1,1000})'|([^,;}\]\r\n]{1,1000}))/g;
const XML_MESSAGE = /<Message>([^<]{1,1000})<\/Message>/g;

/** Every message an error body or log line carries, as written, with where it stands. */
function extractMessages(text: string): { value: string; at: number }[] {
  const found: { value: string; at: number }[] = [];
  for (const pattern of [MESSAGE_VALUE, XML_MESSAGE]) {
    pattern.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = pattern.exec(text)) !== null) {
      const value = (match[1] ?? match[2] ?? match[3])?.replace(/\\"/g, '"').trim();
      if (value) {
        found.push({ value, at: match.index });
      }
    }
  }
  return found;
}

/** Whether a clue says something of the whole document: a name, host, path or link, or a code only one table holds. */
export function isDocumentClue(clue: Clue): boolean {
  return clue.kind !== 'shape' && clue.kind !== 'bodyKey';
}

/**
 * A clue for the document: a code that only one product's own table holds, or that stands next to
 * the message only one product's table gives it, names that product. General patterns (templates,
 * common errors) name none: every product of the provider shares them.
 */
export function codeVote(occurrence: Occurrence, lineText: string): Clue | undefined {
  if (occurrence.context !== 'distinctive' || occurrence.candidates.length === 0) {
    return undefined;
  }
  const own = occurrence.candidates.filter(({ entry }) => entry.catalog.origin !== undefined && !entry.template.isTemplate && entry.data.kind !== 'commonError');
  if (own.length !== occurrence.candidates.length) {
    return undefined;
  }
  const productOf = (entry: Entry) => `${entry.catalog.origin!.provider}\u0000${entry.catalog.origin!.product}`;
  let voters = own;
  if (new Set(own.map(({ entry }) => productOf(entry))).size > 1) {
    // Several products' tables hold it: the one whose message stands on the line, if just one.
    const window = messageWindow(lineText, occurrence.start);
    voters = own.filter(({ entry }) => entry.messages.some((matcher) => matchNormalized(matcher, window)?.score === 1));
    // A gateway's table answers for every product behind it: a product's own table with the message says more.
    const products = voters.filter(({ entry }) => entry.catalog.scope !== 'gateway');
    voters = products.length > 0 ? products : voters;
    if (voters.length === 0 || new Set(voters.map(({ entry }) => productOf(entry))).size > 1) {
      return undefined;
    }
  }
  const origin = voters[0].entry.catalog.origin!;
  return { provider: origin.provider, product: origin.product, kind: 'code', text: occurrence.token, line: occurrence.line, start: occurrence.start };
}
