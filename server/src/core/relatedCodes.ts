/*
 * Codes of tables the catalogs point to but do not hold (Huawei's `APIGW.0301` belongs to the API
 * Gateway table): recognised by their prefix as whole tokens, so a hover can say where they are
 * documented instead of saying nothing. They get no diagnostics: their meaning is not known here.
 */
import { LanguageTag } from './catalogModel';
import { CatalogInfo, pickText } from './codeIndex';
import { CODE_CHAR } from './scanner';
import { isHttpsUrl } from './url';

export interface RelatedTableRef {
  /** The code prefix, e.g. `APIGW`; a code is the prefix, a dot and letters or digits. */
  prefix: string;
  url: string;
  catalog: CatalogInfo;
  title: CatalogInfo['provider'];
}

export interface RelatedCode {
  code: string;
  start: number;
  end: number;
  table: RelatedTableRef;
}

/** The related tables of all catalogs, one per prefix and URL, https only. */
export function relatedTables(catalogs: readonly CatalogInfo[]): RelatedTableRef[] {
  const tables: RelatedTableRef[] = [];
  for (const catalog of catalogs) {
    for (const table of catalog.documentation?.relatedTables ?? []) {
      if (isHttpsUrl(table.url) && !tables.some((known) => known.prefix === table.codePrefix && known.url === table.url)) {
        tables.push({ prefix: table.codePrefix, url: table.url, catalog, title: table.title });
      }
    }
  }
  return tables;
}

/** Every code of a related table in a line, as whole tokens: `APIGW.0301`, never `XAPIGW.0301` or `APIGW.03.01`. */
export function relatedCodesInLine(text: string, tables: readonly RelatedTableRef[]): RelatedCode[] {
  const found: RelatedCode[] = [];
  for (const table of tables) {
    const head = `${table.prefix}.`;
    let at = text.indexOf(head);
    while (at !== -1) {
      let end = at + head.length;
      while (end < text.length && CODE_CHAR[text.charCodeAt(end)] === 1 && text.charCodeAt(end) !== 46) {
        end++;
      }
      const before = at > 0 ? text.charCodeAt(at - 1) : 32;
      const after = end < text.length ? text.charCodeAt(end) : 32;
      // A trailing dot ends a sentence; a dot followed by more of a token makes it another token.
      const continues = CODE_CHAR[after] === 1 && !(after === 46 && CODE_CHAR[text.charCodeAt(end + 1)] !== 1);
      if (end > at + head.length && CODE_CHAR[before] === 0 && !continues) {
        found.push({ code: text.slice(at, end), start: at, end, table });
      }
      at = text.indexOf(head, at + 1);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The line of a hover on such a code. */
export function relatedTableTitle(table: RelatedTableRef, language: LanguageTag): string {
  return pickText(table.title, language) ?? table.prefix;
}
