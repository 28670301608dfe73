/*
 * The one entry into the Error Codebook core. Adapters (the LSP server's features, the command
 * line, the disk scan) and tests import from here only; the files behind it may change shape.
 */
export { createLanguageService } from './languageService';
export type { Explanation, LanguageService, ScanReport, SearchResultItem } from './languageService';

export { CATALOG_FORMAT_VERSION, CODE_PLACEHOLDERS, LANGUAGE_TAGS } from './catalogModel';
export type { CatalogEntryData, CatalogFile, LanguageTag, LocalizedText } from './catalogModel';
export { loadCatalogs } from './catalogSet';
export type { CatalogText, LoadedCatalogs } from './catalogSet';
export { MAX_TEXT_LENGTH, parseCatalogText } from './catalogLoader';
export type { CatalogProblem } from './catalogLoader';
export { pickText } from './codeIndex';
export { CodeIndex } from './codeIndex';
export type { Candidate, CatalogInfo, Entry } from './codeIndex';

export { splitLines } from './codeDocument';
export type { CodeDocument, OccurrenceOptions, Position, Range, ResolvedOccurrence, ScannedDocument, TextChange } from './codeDocument';
export type { DecisionDetails, FoundCallback, StreamScanner, StreamScannerOptions } from './streamScanner';
export type { ClueTally, ClueTallyOptions } from './clueTally';
export type { DiskDocument, DiskDocumentOptions } from './diskDocument';
export type { FindingTable } from './findingTable';
export type { DocumentClue } from './evidence';
export { WHOLE_DOCUMENT_CLUES_FIRST } from './evidence';
export { AT_THE_CODE } from './origins';
export type { Clue, ClueKind } from './origins';
export type { Attribution, FindingKind, Resolution } from './resolver';

export { LineBreaks, afterLineBreak } from './byteText';
export { findTokenStarts } from './scanner';
export type { TokenFilter } from './scanner';
export { scanPieceLines } from './lineScans';
export type { LineScans, PieceReading } from './lineScans';
export { bytesLookBinary, decideDocument, diagnosticsEnabled, documentKind, isSelected, isTooLarge, textLooksBinary } from './documentPolicy';
export type { DocumentDecision, DocumentFacts, DocumentKind, DocumentPolicySettings, SkipReason } from './documentPolicy';

export type { CodeDiagnostic, DiagnosticsOptions, DiagnosticsResult } from './diagnostics';
export { DESCRIPTIONS_KEPT, FindingDescriber, GroupTimes, largestFirst, linesToTime, timeGroups } from './findings';
export type { FindingGroup, FindingRecord, GroupOccurrence } from './findings';
export type { CodeLink } from './documentLinks';
export type { CodeSymbol } from './documentSymbols';
export type { HoverRequestOptions, HoverResult } from './hover';
export type { DiagnosisSource, SupportTicket, TicketFacts } from './supportTicket';
export { shortMeaning } from './inlineMeaning';
export type { InlineMeaning, InlineMeaningMode, InlineMeaningOptions, InlineMeaningPart } from './inlineMeaning';
export type { ExplanationField, Link } from './render';
export { SEVERITY_RANK } from './severity';
export type { CodeRules, Severity, SeverityByStatus, SeverityOrOff } from './severity';
export { stringsFor } from './strings';
export { findTimestamp } from './timestamps';
export type { LineTimestamp } from './timestamps';
export type { Strings } from './strings';

/* Building blocks, for tests and the benchmark that check them on their own. */
export { compileCodeTemplate, matchCodeTemplate } from './codeTemplate';
export type { MatchWork } from './codeTemplate';
export { compileMessage, matchMessage } from './messageMatcher';
export { isShareable, sameResolution } from './resolver';
export { plainLine } from './render';

/* Catalog import and catalog provenance, for the command line and their tests. */
export { isCalendarDate } from './catalogLoader';
export { diffMerge, formatDiff } from './import/diffCatalog';
export { htmlTables, htmlText } from './import/html';
export { applyImportExceptions, entryKeys, parseImportExceptions } from './import/importExceptions';
export type { ImportException } from './import/importExceptions';
export { PageImportError, importPage } from './import/importPage';
export type { PageImport } from './import/importPage';
export { MergeError, formatCatalog, mergeImport } from './import/mergeCatalog';
export type { JsonObject } from './import/mergeCatalog';
export { PROVIDERS, detectLanguage, detectProvider, statedUpdated } from './import/pageFacts';
export type { ProviderId } from './import/pageFacts';
export { catalogOverview, provenanceLine, sourceFor, updatedDay } from './provenance';
export { httpsHost, isHttpsUrl } from './url';
