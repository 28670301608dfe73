/*
 * Codes as the catalogs write them: plain literals (`AIS.0101`, `461`) or templates whose
 * `{Placeholder}` binds one name without dots (`InvalidParameter.{ParameterName}.Empty`).
 */

/** A character that can be part of a code token: letters, digits, `_` and `.`. */
export function isCodeChar(charCode: number): boolean {
  return (
    (charCode >= 97 && charCode <= 122) || // a-z
    (charCode >= 65 && charCode <= 90) || // A-Z
    (charCode >= 48 && charCode <= 57) || // 0-9
    charCode === 95 || // _
    charCode === 46 // .
  );
}

/** A character a placeholder can bind: letters, digits and `_`, never a dot. */
export function isNameChar(charCode: number): boolean {
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

/**
 * Matches a whole token against a template; returns the bound names, or undefined.
 * Each placeholder binds at least one name character and never a dot.
 */
export function matchCodeTemplate(template: CodeTemplate, token: string): Record<string, string> | undefined {
  if (!template.isTemplate) {
    return token === template.source ? {} : undefined;
  }
  const bindings: Record<string, string> = {};
  return matchFrom(template.segments, 0, token, 0, bindings, new Set()) ? bindings : undefined;
}

/** The longest name a placeholder binds; names are short, and the bound keeps matching linear in the token. */
export const MAX_BINDING_LENGTH = 256;

function matchFrom(
  segments: readonly CodeSegment[],
  segmentIndex: number,
  token: string,
  position: number,
  bindings: Record<string, string>,
  failed: Set<number>,
): boolean {
  if (segmentIndex === segments.length) {
    return position === token.length;
  }
  // Whether the rest matches from here does not depend on how we got here: remember failures, so a
  // template with several placeholders never tries the same place twice.
  const state = segmentIndex * (token.length + 1) + position;
  if (failed.has(state)) {
    return false;
  }
  const segment = segments[segmentIndex];
  if ('literal' in segment) {
    if (token.startsWith(segment.literal, position) && matchFrom(segments, segmentIndex + 1, token, position + segment.literal.length, bindings, failed)) {
      return true;
    }
    failed.add(state);
    return false;
  }
  // A placeholder binds a run of name characters; try the longest first, then shorter ones.
  let end = position;
  const limit = Math.min(token.length, position + MAX_BINDING_LENGTH);
  while (end < limit && isNameChar(token.charCodeAt(end))) {
    end++;
  }
  for (let stop = end; stop > position; stop--) {
    bindings[segment.placeholder] = token.slice(position, stop);
    if (matchFrom(segments, segmentIndex + 1, token, stop, bindings, failed)) {
      return true;
    }
  }
  delete bindings[segment.placeholder];
  failed.add(state);
  return false;
}

/** Splits a camel-case or acronym word into its parts: `STSAccessError` → STS, Access, Error. */
export function camelParts(word: string): string[] {
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
