/*
 * Hover: what the code under the cursor means, in the display language.
 */
import { LanguageTag } from './catalogModel';
import { CodeDocument, Position, Range } from './codeDocument';
import { CodeIndex } from './codeIndex';
import { renderHover } from './render';

export interface HoverResult {
  markdown: string;
  range: Range;
}

export function computeHover(document: CodeDocument, index: CodeIndex, position: Position, language: LanguageTag): HoverResult | undefined {
  const found = document.occurrenceAt(position);
  if (!found) {
    return undefined;
  }
  const { occurrence, resolution } = found;
  // Entries of the same code in other catalogs that the resolver did not consider (none today, but
  // a template and a literal can differ), so the hover always tells every meaning of the code.
  const others = index.lookup(occurrence.token).map((candidate) => candidate.entry);
  return {
    markdown: renderHover(resolution, occurrence.token, language, others),
    range: { start: { line: occurrence.line, character: occurrence.start }, end: { line: occurrence.line, character: occurrence.end } },
  };
}
