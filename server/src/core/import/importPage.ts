/*
 * Imports an error-code page as saved from a provider's site (its HTML, or a plain-text capture of
 * it) into a catalog in the source's own words: every error-code table of the page, in page order,
 * under the language the page is written in, with what the page states about itself.
 */
import { CATALOG_FORMAT_VERSION, CatalogEntryData, CatalogFile, CatalogSource, LanguageTag, LocalizedText } from '../catalogModel';
import { tableColumns } from './columns';
import { canonicalUrl, firstElementText, htmlTables, htmlText } from './html';
import { PROVIDERS, ProviderId, captureTitle, detectLanguage, detectProvider, statedErrorBody, statedUpdated } from './pageFacts';
import { RawTable, tableEntries } from './tableEntries';
import { textTables } from './textTables';

export interface ImportOptions {
  /** The page's address; an HTML page's own canonical address is used when this is not given. */
  url?: string;
  /** When the page was captured (YYYY-MM-DD). */
  captured?: string;
  /** The provider, when neither the address nor the text tells. */
  provider?: ProviderId;
  /** The new catalog's id and service name; an import into an existing catalog keeps that catalog's. */
  id?: string;
  service?: LocalizedText;
}

export interface PageImport {
  /** The catalog the page makes on its own. */
  catalog: CatalogFile;
  language: LanguageTag;
  provider?: ProviderId;
  format: 'html' | 'text';
  /** One line per table: its columns, e.g. "httpStatus, code, message, description, solution: 77 rows". */
  tables: string[];
  /** Rows without a code, left out, as their cell texts. */
  skippedRows: string[];
  /** Whether the page has a status column, so an import may set or clear statuses. */
  statesStatus: boolean;
}

export class PageImportError extends Error {}

/** Whether a text is an HTML page (or Markdown holding HTML tables) rather than a plain-text capture. */
function isHtml(text: string): boolean {
  return /<table[\s>]/i.test(text) || /<html[\s>]/i.test(text);
}

/** The tables of an HTML page whose first rows hold a row of known headings; the rows below it are its rows. */
function htmlRawTables(html: string): RawTable[] {
  const tables: RawTable[] = [];
  for (const table of htmlTables(html)) {
    for (const [at, headingRow] of table.rows.slice(0, 3).entries()) {
      // A heading spanning several columns leaves empty cells after it; its column is the first.
      const used = headingRow.map((cell, index) => (cell !== '' ? index : -1)).filter((index) => index >= 0);
      const columns = tableColumns(used.map((index) => headingRow[index]));
      if (columns) {
        tables.push({ ...columns, rows: table.rows.slice(at + 1).map((row) => used.map((index) => row[index] ?? '')) });
        break;
      }
    }
  }
  return tables;
}

export function importPage(text: string, options: ImportOptions = {}): PageImport {
  const page = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const html = isHtml(page);
  const plain = html ? htmlText(page) : page;
  const url = options.url ?? (html ? canonicalUrl(page) : undefined);
  const tableText = (tables: RawTable[]) => tables.flatMap((table) => table.rows.flat()).join('\n');
  // The language decides how a plain-text row is split, so it is first judged on the whole text.
  const pageLanguage = detectLanguage(plain);
  const tables = html ? htmlRawTables(page) : textTables(page, pageLanguage);
  if (tables.length === 0) {
    throw new PageImportError('No error-code table was found: no table has a code column ("Error Code", "错误码", "Code", …) among headings the importer knows.');
  }
  // The tables are the page's content; navigation and banners around them do not decide its language.
  const language = html ? detectLanguage(tableText(tables)) : pageLanguage;
  const provider = options.provider ?? detectProvider(plain, url);
  const entries: CatalogEntryData[] = [];
  const skippedRows: string[] = [];
  for (const table of tables) {
    const result = tableEntries(table, language);
    entries.push(...result.entries);
    skippedRows.push(...result.skippedRows);
  }
  if (entries.length === 0) {
    throw new PageImportError(`No row of the page's error-code tables holds a code (rows left out: ${skippedRows.length}).`);
  }
  // A whole HTML page names itself in <h1> or <title>; an export holding HTML tables starts with a heading line.
  const wholePage = /<html[\s>]/i.test(page);
  const title = html ? firstElementText(page, 'h1') ?? (wholePage ? firstElementText(page, 'title') : captureTitle(page)) : captureTitle(page);
  const updated = statedUpdated(plain);
  const source: CatalogSource = {
    language,
    url: url ?? '',
    ...(title ? { title } : {}),
    ...(updated ? { updated } : {}),
    ...(options.captured ? { captured: options.captured } : {}),
  };
  const errorBody = statedErrorBody(plain);
  const codeUrlTemplate = provider ? PROVIDERS[provider].codeUrlTemplate : undefined;
  const catalog: CatalogFile = {
    $schema: './schema/catalog.schema.json',
    version: CATALOG_FORMAT_VERSION,
    id: options.id ?? '',
    provider: provider ? { ...PROVIDERS[provider].name } : {},
    service: options.service ?? {},
    languages: [language],
    sources: [source],
    ...(codeUrlTemplate ? { documentation: { codeUrlTemplate } } : {}),
    ...(errorBody ? { errorBody } : {}),
    entries,
  };
  return {
    catalog,
    language,
    ...(provider ? { provider } : {}),
    format: html ? 'html' : 'text',
    tables: tables.map((table) => `${table.commonErrors ? 'common errors: ' : ''}${table.fields.join(', ')}: ${table.rows.length} rows`),
    skippedRows,
    statesStatus: tables.some((table) => table.fields.includes('httpStatus')) || entries.some((entry) => entry.httpStatus !== undefined),
  };
}
