/*
 * Hover: what the code under the cursor means, in the display language, and whose error it is.
 */
import { LanguageTag } from './catalogModel';
import { ScannedDocument, Position, Range } from './codeDocument';
import { CodeIndex } from './codeIndex';
import { renderHover } from './render';
import { isIgnored } from './severity';

export interface HoverResult {
  markdown: string;
  range: Range;
}

export interface HoverRequestOptions {
  /** Codes the user ignores: their hover says so. */
  ignoredCodes?: ReadonlySet<string>;
  /** A link that opens an entry's explanation, for the "N more" line of other meanings. */
  explainLink?: (entryId: string, code: string) => string;
}

export function computeHover(document: ScannedDocument, position: Position, language: LanguageTag, index: CodeIndex, options: HoverRequestOptions = {}): HoverResult | undefined {
  const found = document.occurrenceAt(position);
  if (!found) {
    return undefined;
  }
  const { occurrence, resolution } = found;
  return {
    markdown: renderHover(resolution, occurrence.token, language, index, {
      ignored: isIgnored(found, options),
      ...(options.explainLink ? { explainLink: options.explainLink } : {}),
    }),
    range: { start: { line: occurrence.line, character: occurrence.start }, end: { line: occurrence.line, character: occurrence.end } },
  };
}
