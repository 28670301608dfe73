/*
 * Hover: what the code under the cursor means, in the display language.
 */
import { LanguageTag } from './catalogModel';
import { CodeDocument, Position, Range } from './codeDocument';
import { RelatedTableRef, relatedCodesInLine } from './relatedCodes';
import { renderHover, renderRelatedHover } from './render';

export interface HoverResult {
  markdown: string;
  range: Range;
}

export function computeHover(document: CodeDocument, position: Position, language: LanguageTag, related: readonly RelatedTableRef[] = []): HoverResult | undefined {
  const found = document.occurrenceAt(position);
  if (found) {
    const { occurrence, resolution } = found;
    return {
      markdown: renderHover(resolution, occurrence.token, language),
      range: { start: { line: occurrence.line, character: occurrence.start }, end: { line: occurrence.line, character: occurrence.end } },
    };
  }
  // A code of a table the catalogs point to but do not hold: say where it is documented.
  const code = related.length > 0 ? relatedCodesInLine(document.lineText(position.line), related).find(({ start, end }) => position.character >= start && position.character <= end) : undefined;
  if (code) {
    return {
      markdown: renderRelatedHover(code, language),
      range: { start: { line: position.line, character: code.start }, end: { line: position.line, character: code.end } },
    };
  }
  return undefined;
}
