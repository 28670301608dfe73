/*
 * The Error Codebook language service: everything the product knows, with no editor, protocol or
 * file system in sight. The LSP server and the command line are thin adapters over it.
 */
import { LanguageTag } from './catalogModel';
import { CatalogText, LoadedCatalogs, loadCatalogs } from './catalogSet';
import { CodeDocument, Position, ResolvedOccurrence, ScannedDocument, documentCluesOf } from './codeDocument';
import { CodeIndex } from './codeIndex';
import { CodeDiagnostic, DiagnosticsCollector, DiagnosticsOptions, computeDiagnostics } from './diagnostics';
import { CodeLink, computeLinks } from './documentLinks';
import { CodeSymbol, computeSymbols } from './documentSymbols';
import { FindingDescriber, FindingGroup, FindingsCollector, groupFindings } from './findings';
import { DocumentClue } from './evidence';
import { HoverRequestOptions, HoverResult, computeHover } from './hover';
import { InlineMeaning, InlineMeaningOptions, computeInlineMeanings } from './inlineMeaning';
import { ExplanationField, Link, catalogLabel, meaningOf, renderExplanation, titleOf } from './render';
import { searchEntries } from './search';
import { SeverityByStatus } from './severity';
import { StreamScanner, StreamScannerOptions } from './streamScanner';
import { ClueTally, ClueTallyOptions } from './clueTally';
import { DiskDocument, DiskDocumentOptions } from './diskDocument';
import { SupportTicket, renderTicket, requestIdLinks, ticketFacts } from './supportTicket';

export interface SearchResultItem {
  id: string;
  code: string;
  catalogId: string;
  catalog: string;
  httpStatus?: number;
  title: string;
  detail?: string;
  score: number;
}

export interface Explanation {
  id: string;
  code: string;
  /** "Provider · Service" of the entry's catalog. */
  catalog: string;
  /** The entry's facts and texts, labelled, for views that lay them out themselves. */
  fields: ExplanationField[];
  links: Link[];
  repairs: string[];
  markdown: string;
  plainText: string;
}

/** What a scan of a stream (a file on disk, standard input) adds up to. */
export interface ScanReport {
  add(found: ResolvedOccurrence): void;
  result(): { total: number; groups: FindingGroup[]; diagnostics: CodeDiagnostic[] };
}

export interface LanguageService {
  readonly index: CodeIndex;
  readonly loaded: LoadedCatalogs;
  /** Replaces the catalogs; documents made earlier must be given the new index with `setIndex`. */
  setCatalogs(texts: readonly CatalogText[], disabled?: readonly string[]): LoadedCatalogs;
  /** A document of a text, or of a text in blocks that each end with a line break (the last one excepted). */
  createDocument(text: string | readonly string[]): CodeDocument;
  createStreamScanner(options: StreamScannerOptions): StreamScanner;
  /** A first pass over a document's bytes that tallies its clues of origin, as an open document would. */
  createClueTally(options: ClueTallyOptions): ClueTally;
  /** A document whose text stays on disk: its line index and findings, filled by a stream scan. */
  createDiskDocument(options: DiskDocumentOptions): DiskDocument;
  /** The hover at a position; it says so when the user ignores the code. */
  hover(document: ScannedDocument, position: Position, language: LanguageTag, options?: HoverRequestOptions): HoverResult | undefined;
  /** The document's diagnostics under the cap, the cap note first when it cut some off. */
  diagnostics(document: ScannedDocument, options: DiagnosticsOptions): { diagnostics: CodeDiagnostic[]; total: number };
  /** Groups and capped diagnostics of findings that arrive one at a time, in bounded memory. */
  createScanReport(options: DiagnosticsOptions): ScanReport;
  /** Each code to its documentation, and each Alibaba Cloud request id to its diagnosis page. */
  links(document: ScannedDocument, language: LanguageTag): CodeLink[];
  /** The facts of a support ticket about the finding at a position, as Markdown and plain text. */
  supportTicket(document: ScannedDocument, position: Position, language: LanguageTag): SupportTicket | undefined;
  /** The meaning of the codes of lines `from` to `to`, said at each line's end. */
  inlineMeanings(document: ScannedDocument, lines: { from: number; to: number }, options: InlineMeaningOptions): InlineMeaning[];
  symbols(document: ScannedDocument, language: LanguageTag): CodeSymbol[];
  findings(document: ScannedDocument, language: LanguageTag, severity: SeverityByStatus): { total: number; groups: FindingGroup[] };
  /** How many codes a document holds, without working out what each means. */
  countFindings(document: ScannedDocument): number;
  /** Describes findings one by one for the command line and other plain consumers. */
  describer(language: LanguageTag, severity: SeverityByStatus): FindingDescriber;
  /** The clues of origin of a whole text, to give a stream scanner of the same text beforehand. */
  documentClues(text: string): DocumentClue[];
  search(query: string, language: LanguageTag, limit?: number): SearchResultItem[];
  /** The explanation of an entry, with every other entry the code (as written, when given) may mean. */
  explain(id: string, language: LanguageTag, code?: string): Explanation | undefined;
}

/** A language service with these catalogs, but for those whose ids are `disabled`. */
export function createLanguageService(catalogTexts: readonly CatalogText[], disabled: readonly string[] = []): LanguageService {
  let loaded = loadCatalogs(catalogTexts, [], disabled);
  return {
    get index() {
      return loaded.index;
    },
    get loaded() {
      return loaded;
    },
    setCatalogs(texts, turnedOff = []) {
      loaded = loadCatalogs(texts, [], turnedOff);
      return loaded;
    },
    createDocument: (text) => new CodeDocument(text, loaded.index),
    createStreamScanner: (options) => new StreamScanner(loaded.index, options),
    createClueTally: (options) => new ClueTally(loaded.index, options),
    createDiskDocument: (options) => new DiskDocument(options),
    hover: (document, position, language, options) => computeHover(document, position, language, loaded.index, options),
    diagnostics: (document, options) => computeDiagnostics(document.occurrences(), options, loaded.index),
    createScanReport(options) {
      const groups = new FindingsCollector(options.language, options.severity, loaded.index, options.codes);
      const diagnostics = new DiagnosticsCollector(options, loaded.index);
      return {
        add(found) {
          groups.add(found);
          diagnostics.add(found);
        },
        result() {
          return { ...groups.result(), diagnostics: diagnostics.result().diagnostics };
        },
      };
    },
    links: (document, language) => [...computeLinks(document, language, loaded.index), ...requestIdLinks(document, document.occurrences(), language, loaded.index)],
    supportTicket(document, position, language) {
      const found = document.occurrenceAt(position);
      return found ? renderTicket(ticketFacts(document, found, language, loaded.index), language) : undefined;
    },
    inlineMeanings: (document, lines, options) => computeInlineMeanings(document.occurrences(), lines, (line) => document.lineText(line).length, options, loaded.index),
    symbols: (document, language) => computeSymbols(document, language, loaded.index),
    findings: (document, language, severity) => groupFindings(document.occurrences(), language, severity, loaded.index),
    describer: (language, severity) => new FindingDescriber(language, severity, loaded.index),
    documentClues: (text) => documentCluesOf(text, loaded.index),
    countFindings(document) {
      let count = 0;
      for (const _ of document.occurrences()) {
        count++;
      }
      return count;
    },
    search(query, language, limit = 50) {
      return searchEntries(loaded.index, query, limit).map(({ entry, score }) => {
        const title = titleOf(entry, language);
        const meaning = meaningOf(entry, language);
        return {
          id: entry.id,
          code: entry.data.code,
          catalogId: entry.catalog.id,
          catalog: catalogLabel(entry.catalog, language),
          ...(entry.data.httpStatus !== undefined ? { httpStatus: entry.data.httpStatus } : {}),
          title,
          ...(meaning !== title ? { detail: meaning } : {}),
          score,
        };
      });
    },
    explain(id, language, code) {
      const entry = loaded.index.entry(id);
      if (!entry) {
        return undefined;
      }
      const others = loaded.index.lookup(code ?? entry.data.code).map((candidate) => candidate.entry);
      return { id: entry.id, code: entry.data.code, ...renderExplanation(entry, language, others) };
    },
  };
}
