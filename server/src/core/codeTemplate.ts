/*
 * Codes as the catalogs write them: plain literals (`AIS.0101`, `461`) or templates whose
 * `{Placeholder}` binds one name without dots (`InvalidParameter.{ParameterName}.Empty`).
 */

/** A character that can be part of a code token: letters, digits, `_` and `.`. */
function isCodeChar(charCode: number): boolean {
  return (
    (charCode >= 97 && charCode <= 122) || // a-z
    (charCode >= 65 && charCode <= 90) || // A-Z
    (charCode >= 48 && charCode <= 57) || // 0-9
    charCode === 95 || // _
    charCode === 46 // .
  );
}

/** A character a placeholder can bind: letters, digits and `_`, never a dot. */
function isNameChar(charCode: number): boolean {
  return isCodeChar(charCode) && charCode !== 46;
}

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

export type CodeSegment = { literal: string } | { placeholder: string };

export interface CodeTemplate {
  /** The code as the catalog writes it. */
  readonly source: string;
  readonly segments: readonly CodeSegment[];
  /** The literal text before the first placeholder (the whole code for a literal). */
  readonly prefix: string;
  readonly isTemplate: boolean;
  /** Characters that are literal, used to prefer the more specific of two matching templates. */
  readonly literalLength: number;
}

export function compileCodeTemplate(code: string): CodeTemplate {
  const segments: CodeSegment[] = [];
  let last = 0;
  for (const match of code.matchAll(PLACEHOLDER)) {
    if (match.index! > last) {
      segments.push({ literal: code.slice(last, match.index) });
    }
    segments.push({ placeholder: match[1] });
    last = match.index! + match[0].length;
  }
  if (last < code.length) {
    segments.push({ literal: code.slice(last) });
  }
  const isTemplate = segments.some((segment) => 'placeholder' in segment);
  const first = segments[0];
  const prefix = first && 'literal' in first ? first.literal : '';
  const literalLength = segments.reduce((sum, segment) => sum + ('literal' in segment ? segment.literal.length : 0), 0);
  return { source: code, segments, prefix, isTemplate, literalLength };
}

/** The placeholder names a code uses. */
export function codePlaceholders(code: string): string[] {
  return [...code.matchAll(PLACEHOLDER)].map((match) => match[1]);
}

/** The longest name a placeholder binds; names are short, and the bound keeps matching cheap. */
const MAX_BINDING_LENGTH = 256;

/** Counts the steps a match takes, for tests that check the work grows linearly. */
export interface MatchWork {
  steps: number;
}

/**
 * Matches a whole token against a template; returns the bound names, or undefined. Each
 * placeholder binds 1 to MAX_BINDING_LENGTH name characters and never a dot; when a placeholder
 * could bind several lengths, it binds the longest that lets the rest match (as trying the longest
 * first would), and a name used twice keeps its last binding.
 *
 * The work is linear in the token for any template, adjacent placeholders included: whether
 * segments i.. match from each position is worked out once per (segment, position), from the end,
 * with prefix sums standing in for each placeholder's range of lengths; the bindings are then read
 * off from the start.
 */
export function matchCodeTemplate(template: CodeTemplate, token: string, work?: MatchWork): Record<string, string> | undefined {
  if (!template.isTemplate) {
    return token === template.source ? {} : undefined;
  }
  const { segments } = template;
  const length = token.length;
  let shortest = 0;
  let longest = 0;
  for (const segment of segments) {
    shortest += 'literal' in segment ? segment.literal.length : 1;
    longest += 'literal' in segment ? segment.literal.length : MAX_BINDING_LENGTH;
  }
  if (length < shortest || length > longest) {
    return undefined;
  }
  let steps = 0;
  // Where the run of name characters starting at each position ends.
  const runEnd = new Int32Array(length + 1);
  runEnd[length] = length;
  for (let position = length - 1; position >= 0; position--) {
    runEnd[position] = isNameChar(token.charCodeAt(position)) ? runEnd[position + 1] : position;
  }
  steps += length;
  // matches[i][p]: segments i.. match token[p..] exactly.
  const matches: Uint8Array[] = new Array<Uint8Array>(segments.length + 1);
  matches[segments.length] = new Uint8Array(length + 1);
  matches[segments.length][length] = 1;
  const counts = new Int32Array(length + 2);
  for (let index = segments.length - 1; index >= 0; index--) {
    const segment = segments[index];
    const next = matches[index + 1];
    const here = new Uint8Array(length + 1);
    if ('literal' in segment) {
      const literal = segment.literal;
      for (let position = 0; position + literal.length <= length; position++) {
        if (next[position + literal.length] === 1) {
          steps += literal.length;
          if (token.startsWith(literal, position)) {
            here[position] = 1;
          }
        }
      }
      steps += length + 1;
    } else {
      // counts[q] is how many positions before q the rest matches from.
      for (let position = 0; position <= length; position++) {
        counts[position + 1] = counts[position] + next[position];
      }
      for (let position = 0; position < length; position++) {
        const last = Math.min(runEnd[position], position + MAX_BINDING_LENGTH);
        if (last > position && counts[last + 1] - counts[position + 1] > 0) {
          here[position] = 1;
        }
      }
      steps += 2 * (length + 1);
    }
    matches[index] = here;
  }
  if (work) {
    work.steps += steps;
  }
  if (matches[0][0] !== 1) {
    return undefined;
  }
  const bindings: Record<string, string> = {};
  let position = 0;
  segments.forEach((segment, index) => {
    if ('literal' in segment) {
      position += segment.literal.length;
      return;
    }
    const next = matches[index + 1];
    let stop = Math.min(runEnd[position], position + MAX_BINDING_LENGTH);
    while (next[stop] !== 1) {
      stop--;
    }
    if (work) {
      work.steps += Math.min(runEnd[position], position + MAX_BINDING_LENGTH) - stop + 1;
    }
    bindings[segment.placeholder] = token.slice(position, stop);
    position = stop;
  });
  return bindings;
}

/** Splits a camel-case or acronym word into its parts: `STSAccessError` → STS, Access, Error. */
function camelParts(word: string): string[] {
  return word.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g) ?? [];
}

/**
 * Whether a code is distinctive enough to be recognised anywhere as a whole token. Numbers, plain
 * words (`Throttling`, `InternalError`) and dot-less templates (`Invalid{ParameterName}`) need an
 * error context instead.
 */
export function isDistinctiveCode(template: CodeTemplate): boolean {
  const literalText = template.segments.map((segment) => ('literal' in segment ? segment.literal : '')).join('');
  if (/^[0-9]+$/.test(template.source)) {
    return false;
  }
  if (literalText.includes('.')) {
    return true;
  }
  if (template.isTemplate) {
    return false;
  }
  return camelParts(template.source).length >= 3;
}
