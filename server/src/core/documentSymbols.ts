/*
 * Document symbols: the codes of a document, for the Outline view and Go to Symbol.
 */
import { LanguageTag } from './catalogModel';
import { ScannedDocument, Range } from './codeDocument';
import { CodeIndex } from './codeIndex';
import { catalogLabel, meaningOf, plainLine, unlistedTitle } from './render';

export interface CodeSymbol {
  name: string;
  detail: string;
  range: Range;
}

export function computeSymbols(document: ScannedDocument, language: LanguageTag, index: CodeIndex, maxCount = 5000): CodeSymbol[] {
  const symbols: CodeSymbol[] = [];
  for (const { occurrence, resolution } of document.occurrences()) {
    const entry = resolution.kind === 'entry' ? resolution.ranked[0].entry : undefined;
    symbols.push({
      name: occurrence.token,
      detail: entry ? `${plainLine(meaningOf(entry, language)).slice(0, 120)} · ${catalogLabel(entry.catalog, language)}` : unlistedTitle(resolution, language, index),
      range: { start: { line: occurrence.line, character: occurrence.start }, end: { line: occurrence.line, character: occurrence.end } },
    });
    if (symbols.length >= maxCount) {
      break;
    }
  }
  return symbols;
}
