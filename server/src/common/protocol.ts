/*
 * Custom messages between the Error Codebook client and server, declared once for both sides.
 * Each namespace says which way its message travels. Other editors may call the requests too.
 */
import { NotificationType, ProgressToken, RequestType } from 'vscode-languageserver-protocol';

/** A display language the server can render in. */
export type DisplayLanguage = 'en' | 'zh-cn';

export interface SearchParams {
  /** A code, a code prefix, or words of a message, meaning or fix, in English or Chinese. */
  query: string;
  /** The most items to return; the server caps it at 200. */
  limit?: number;
  /** The language to render titles in; the server's display language when left out. */
  language?: DisplayLanguage;
}

export interface SearchItem {
  /** Entry id, as accepted by errorCodebook/explain. */
  id: string;
  code: string;
  catalogId: string;
  /** "Provider · Service" in the display language. */
  catalog: string;
  httpStatus?: number;
  /** The message, or the meaning where there is no message. */
  title: string;
  /** The meaning, when the title is the message. */
  detail?: string;
  score: number;
}

export interface SearchResult {
  items: SearchItem[];
}

/** Client → server: rank catalog entries for a query. */
export namespace SearchRequest {
  export const method = 'errorCodebook/search';
  export const type = new RequestType<SearchParams, SearchResult, void>(method);
}

export interface ExplainParams {
  id: string;
  language?: DisplayLanguage;
  /** The code as the text writes it, whose other meanings the explanation lists (default: the entry's code). */
  code?: string;
}

/** One labelled part of an explanation ("Meaning", "Fix", …); the label is empty for a note. */
export interface ExplanationField {
  label: string;
  /** Plain text, one paragraph each: views escape it themselves. */
  texts: string[];
}

export interface ExplainResult {
  id: string;
  code: string;
  /** "Provider · Service" of the entry's catalog, in the display language. */
  catalog?: string;
  /** The explanation's parts in order, as plain text, for views that lay them out themselves. */
  fields?: ExplanationField[];
  /** What was repaired of damage in the captured source, in full sentences. */
  repairs?: string[];
  /** The full explanation as Markdown; catalog text in it is escaped. */
  markdown: string;
  /** The same explanation as plain text, for copying. */
  plainText: string;
  /** Documentation links, https only, best first. */
  links: { title: string; url: string }[];
}

/** Client → server: the full explanation of one entry; null when the id is unknown. */
export namespace ExplainRequest {
  export const method = 'errorCodebook/explain';
  export const type = new RequestType<ExplainParams, ExplainResult | null, void>(method);
}

export interface FindingGroup {
  /** The code as it appears in the text. */
  code: string;
  /** The entry the resolver picked, when there is one. */
  entryId?: string;
  /** "Provider · Service" of that entry, or the number of candidates. */
  catalog: string;
  /** What the code means, in the display language. */
  meaning: string;
  /** Whose error it is and where that came from, when a clue said it. */
  origin?: string;
  count: number;
  /** Zero-based lines of the first and last occurrence. */
  firstLine: number;
  lastLine: number;
  firstCharacter: number;
  lastCharacter?: number;
  severity: 'error' | 'warning' | 'information' | 'hint';
  /** Set when the user ignores the code (errorCodebook.ignoredCodes). */
  ignored?: true;
  /** The first occurrences (up to 50) and the last, with the time each line carries when it has one. */
  occurrences?: { line: number; character: number; time?: string }[];
  /** The times the lines of the first and last occurrence carry, as they write them. */
  firstTime?: string;
  lastTime?: string;
}

export interface DocumentFindingsParams {
  uri: string;
  /** The first group to return (default 0), for paging through a document with many codes. */
  offset?: number;
  /** The most groups to return (default all). */
  limit?: number;
}

export interface DocumentFindingsResult {
  uri: string;
  /** Every occurrence counted, not only those sent as diagnostics. */
  total: number;
  /** The groups from `offset`, at most `limit` of them. */
  groups: FindingGroup[];
  /** How many groups there are in all. */
  groupCount?: number;
  /** Where the next page starts, when there are more groups after these. */
  nextOffset?: number;
  /**
   * Why the document was not scanned, when it was not: `notSelected` (the scan settings leave it
   * out), `tooLarge`, `binary`, `notOpen` (the server does not have it), or `reading` (its file is
   * being read ahead, its document not open yet: errorCodebook/findingsChanged says when it is read).
   */
  skippedReason?: string;
}

/** Client → server: every code found in a document (open, scanned from disk, or read ahead), grouped by code. */
export namespace DocumentFindingsRequest {
  export const method = 'errorCodebook/documentFindings';
  export const type = new RequestType<DocumentFindingsParams, DocumentFindingsResult, void>(method);
}

export interface ScanFileParams {
  /** A file: URI of a file on disk, of any size. */
  uri: string;
  /**
   * The file's encoding as a WHATWG label (`utf-8`, `gbk`, `utf-16le`, …). Left out, the server asks
   * the editor for `files.encoding` of the file, else reads UTF-8; a byte-order mark always wins.
   */
  encoding?: string;
  workDoneToken?: ProgressToken;
}

export interface ScanFileResult {
  uri: string;
  total: number;
  bytes: number;
  cancelled: boolean;
  /** A message a person can read when the file could not be scanned. */
  error?: string;
}

/** Client → server: stream a file from disk and publish its findings as diagnostics. */
export namespace ScanFileRequest {
  export const method = 'errorCodebook/scanFile';
  export const type = new RequestType<ScanFileParams, ScanFileResult, void>(method);
}

export interface OpenFromDiskParams {
  /** The document as the client has it open: its text is the file's on disk (not edited since it was saved). */
  textDocument: { uri: string; languageId: string; version: number };
}

export interface OpenFromDiskResult {
  /** Whether the server reads the document from disk; when false, the client sends its text as usual. */
  accepted: boolean;
  /** Why not, when it does not (not a file: URI, not UTF-8, unreadable). */
  reason?: string;
}

/**
 * Client → server: read this document from its file rather than receive its text. Sent instead of
 * didOpen for a large log saved on disk, again when its edits are reverted (instead of the
 * change), and when its file changes on disk. The first edit sends the text with didOpen, which
 * replaces what was read; didClose closes it as any other. Only clients that choose to send it are
 * affected: others keep ordinary text sync.
 */
export namespace OpenFromDiskRequest {
  export const method = 'errorCodebook/openFromDisk';
  export const type = new RequestType<OpenFromDiskParams, OpenFromDiskResult, void>(method);
}

export interface ReadAheadParams {
  /** A file: URI whose document is about to open. */
  uri: string;
}

/**
 * Client → server: a large saved file's editor opened, and the client will ask the server to read
 * its document from disk (errorCodebook/openFromDisk) once the editor has loaded the text. The
 * server may start reading it now; the document takes over what was read when it opens, and what
 * is not taken over soon is dropped. Once the file is read, its findings are published, so Problems
 * lists them while the editor is still loading; they are withdrawn if the file is dropped before
 * its document opens (errorCodebook/readAheadClosed, a newer file read ahead, or time).
 */
export namespace ReadAheadNotification {
  export const method = 'errorCodebook/readAhead';
  export const type = new NotificationType<ReadAheadParams>(method);
}

/**
 * Client → server: the editor of a file read ahead (errorCodebook/readAhead) closed before its
 * document opened. The server drops what it read and withdraws the findings it published for it.
 */
export namespace ReadAheadClosedNotification {
  export const method = 'errorCodebook/readAheadClosed';
  export const type = new NotificationType<ReadAheadParams>(method);
}

export interface SupportTicketParams {
  /** A document the server has open. */
  uri: string;
  /** A position on the code. */
  position: { line: number; character: number };
  language?: DisplayLanguage;
}

export interface SupportTicketResult {
  code: string;
  /** The ticket's facts as a Markdown list. */
  markdown: string;
  /** The same facts as plain text, one per line. */
  plainText: string;
  /** The request id found near the code, when there is one. */
  requestId?: string;
  /** The provider's diagnosis page (or the code's documentation). */
  diagnosis?: string;
}

/**
 * Client → server: what a support ticket about the code at a position needs (the code, provider,
 * product and entry, its meaning, the request id, HostId or endpoint and time of its line, the
 * diagnosis page); null when no code is there.
 */
export namespace SupportTicketRequest {
  export const method = 'errorCodebook/supportTicket';
  export const type = new RequestType<SupportTicketParams, SupportTicketResult | null, void>(method);
}

export interface TextFindingsParams {
  /** Text that is in no document: a line of a terminal, say. At most 64 KB of it is read. */
  text: string;
  language?: DisplayLanguage;
}

export interface TextFinding {
  /** Zero-based line within the text, and UTF-16 offsets within that line. */
  line: number;
  start: number;
  end: number;
  code: string;
  /** The entry meant; absent for a code no entry explains. */
  entryId?: string;
  kind: 'entry' | 'unknownCode' | 'otherProduct';
  /** "Provider · Service" of the entry, or what the code is. */
  catalog: string;
  meaning: string;
  /** The https documentation of the code. */
  documentation?: string;
}

/** Client → server: the codes in a piece of text, decided as in a document of that text alone (at most 200). */
export namespace TextFindingsRequest {
  export const method = 'errorCodebook/textFindings';
  export const type = new RequestType<TextFindingsParams, { findings: TextFinding[] }, void>(method);
}

export interface FindingsChangedParams {
  uri: string;
  total: number;
}

/** Server → client: the findings of a document changed (status bar and Error Codes view refresh). */
export namespace FindingsChangedNotification {
  export const method = 'errorCodebook/findingsChanged';
  export const type = new NotificationType<FindingsChangedParams>(method);
}

export interface CatalogsChangedParams {
  /** How many catalogs are loaded now. */
  catalogs: number;
  /** How many problems their files have; errorCodebook/catalogStatus lists them. */
  problems: number;
}

/** Server → client: the catalogs were loaded (at start, after a settings change or an edit of a user catalog). */
export namespace CatalogsChangedNotification {
  export const method = 'errorCodebook/catalogsChanged';
  export const type = new NotificationType<CatalogsChangedParams>(method);
}

/** One source page of a loaded catalog, with its dates as the catalog records them. */
export interface CatalogSourceStatus {
  language: 'en' | 'zh-cn';
  url: string;
  title?: string;
  /** The page's own "updated" date, as the page states it. */
  updated?: string;
  /** When the project captured the page (YYYY-MM-DD). */
  captured?: string;
}

export interface CatalogStatusResult {
  catalogs: {
    id: string;
    file: string;
    /** How many entries loaded. */
    entries: number;
    provider: string;
    service: string;
    /** The pages the catalog was captured from, with their dates. */
    sources: CatalogSourceStatus[];
    /** The hover's last line for this catalog in the display language, when a source is dated. */
    provenance?: string;
  }[];
  problems: { file: string; line: number; column: number; message: string }[];
  /** The catalogs turned off by errorCodebook.catalogs.disabled, which were left out. */
  disabled?: { id: string; file: string }[];
}

/** Client → server: which catalogs are loaded and what was wrong with the others. */
export namespace CatalogStatusRequest {
  export const method = 'errorCodebook/catalogStatus';
  export const type = new RequestType<void, CatalogStatusResult, void>(method);
}
