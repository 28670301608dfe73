/*
 * Document links: each code links to its documentation (a code no entry explains, to where its
 * provider documents it).
 */
import { LanguageTag } from './catalogModel';
import { ScannedDocument, Range } from './codeDocument';
import { CodeIndex } from './codeIndex';
import { findingLinks } from './render';

export interface CodeLink {
  range: Range;
  url: string;
  tooltip: string;
}

export function computeLinks(document: ScannedDocument, language: LanguageTag, index: CodeIndex, maxCount = 5000): CodeLink[] {
  const links: CodeLink[] = [];
  for (const { occurrence, resolution } of document.occurrences()) {
    const link = findingLinks(resolution, occurrence.token, language, index)[0];
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
