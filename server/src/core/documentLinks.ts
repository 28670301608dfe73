/*
 * Document links: each code links to its documentation.
 */
import { LanguageTag } from './catalogModel';
import { CodeDocument, Range } from './codeDocument';
import { RelatedTableRef, relatedCodesInLine, relatedTableTitle } from './relatedCodes';
import { documentationLinks } from './render';

export interface CodeLink {
  range: Range;
  url: string;
  tooltip: string;
}

export function computeLinks(document: CodeDocument, language: LanguageTag, related: readonly RelatedTableRef[] = [], maxCount = 5000): CodeLink[] {
  const links: CodeLink[] = [];
  for (const { occurrence, resolution } of document.occurrences()) {
    const link = documentationLinks(resolution.ranked[0].entry, language, occurrence.token)[0];
    if (link) {
      links.push({
        range: { start: { line: occurrence.line, character: occurrence.start }, end: { line: occurrence.line, character: occurrence.end } },
        url: link.url,
        tooltip: link.title,
      });
      if (links.length >= maxCount) {
        return links;
      }
    }
  }
  if (related.length === 0) {
    return links;
  }
  // Codes of related tables link to their table.
  for (let line = 0; line < document.lineCount && links.length < maxCount; line++) {
    for (const code of relatedCodesInLine(document.lineText(line), related)) {
      links.push({
        range: { start: { line, character: code.start }, end: { line, character: code.end } },
        url: code.table.url,
        tooltip: relatedTableTitle(code.table, language),
      });
    }
  }
  return links.slice(0, maxCount);
}
