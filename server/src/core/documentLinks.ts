/*
 * Document links: each code links to its documentation.
 */
import { LanguageTag } from './catalogModel';
import { CodeDocument, Range } from './codeDocument';
import { documentationLinks } from './render';

export interface CodeLink {
  range: Range;
  url: string;
  tooltip: string;
}

export function computeLinks(document: CodeDocument, language: LanguageTag, maxCount = 5000): CodeLink[] {
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
        break;
      }
    }
  }
  return links;
}
