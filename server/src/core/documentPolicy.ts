/*
 * Which documents are scanned, and as what: the one place that decides it, for the language
 * server's open documents, the disk scan and the command line alike.
 */
import { minimatch } from 'minimatch';

/** What kind of text a document is: it decides which diagnostics setting applies to it. */
export type DocumentKind = 'log' | 'json' | 'markdown' | 'source';

/** Why a document is not scanned. */
export type SkipReason = 'notSelected' | 'tooLarge' | 'binary';

/** The settings the decision reads; the server's and the command line's settings have these keys. */
export interface DocumentPolicySettings {
  'scan.languages': readonly string[];
  'scan.include': readonly string[];
  'scan.exclude': readonly string[];
  'scan.maxFileSizeMB': number;
  'diagnostics.logs': boolean;
  'diagnostics.json': boolean;
  'diagnostics.source': boolean;
  'diagnostics.markdown': boolean;
}

/** What is known of a document before its text is looked at. */
export interface DocumentFacts {
  uri: string;
  languageId: string;
  /** The text's length in characters (an open document) or bytes (a file on disk). */
  size: number;
}

export interface DocumentDecision {
  kind: DocumentKind;
  /** Set when the document is not scanned. */
  skipped?: SkipReason;
  /** Whether its findings go to the Problems panel (only when scanned). */
  diagnostics: boolean;
}

const JSON_LANGUAGES = new Set(['json', 'jsonc', 'jsonl', 'json5', 'jsonlines']);
const LOG_LANGUAGES = new Set(['log', 'plaintext', 'Log', 'text']);
const MARKDOWN_LANGUAGES = new Set(['markdown', 'mdx']);
const MEGABYTE = 1024 * 1024;

export function documentKind(languageId: string, uri: string): DocumentKind {
  if (JSON_LANGUAGES.has(languageId) || /\.jsonl?$/i.test(uri)) {
    return 'json';
  }
  if (LOG_LANGUAGES.has(languageId) || /\.(log|out|txt)(\.\d+)?$/i.test(uri)) {
    return 'log';
  }
  if (MARKDOWN_LANGUAGES.has(languageId) || /\.(md|markdown|mdx)$/i.test(uri)) {
    return 'markdown';
  }
  return 'source';
}

/** The path part of a URI (or a plain path), decoded, for matching against glob patterns. */
function pathOf(uri: string): string {
  const path = uri.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function matches(path: string, pattern: string): boolean {
  try {
    return minimatch(path, pattern, { dot: true, nocase: true, matchBase: false });
  } catch {
    return false;
  }
}

/** Whether settings select a document, by language or by file pattern, and do not exclude it. */
export function isSelected(languageId: string, uri: string, settings: DocumentPolicySettings): boolean {
  const path = pathOf(uri);
  if (settings['scan.exclude'].some((pattern) => matches(path, pattern))) {
    return false;
  }
  return settings['scan.languages'].includes(languageId) || settings['scan.include'].some((pattern) => matches(path, pattern));
}

/** Whether a document of this size is over the limit for scanning in the editor. */
export function isTooLarge(size: number, settings: DocumentPolicySettings): boolean {
  return size / MEGABYTE > settings['scan.maxFileSizeMB'];
}

/** Whether text looks binary: NUL characters, or mostly control characters, in its first 64 KB. */
export function textLooksBinary(text: string): boolean {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  if (sample.includes('\u0000')) {
    return true;
  }
  return controlShare(sample.length, (index) => sample.charCodeAt(index)) > 0.1;
}

/** Whether bytes look like a binary file: a NUL byte, or mostly control characters. */
export function bytesLookBinary(sample: Uint8Array): boolean {
  if (sample.includes(0)) {
    return true;
  }
  return controlShare(sample.length, (index) => sample[index]) > 0.1;
}

function controlShare(length: number, at: (index: number) => number): number {
  let control = 0;
  for (let index = 0; index < length; index++) {
    const code = at(index);
    if (code < 9 || (code > 13 && code < 32)) {
      control++;
    }
  }
  return length > 0 ? control / length : 0;
}

/**
 * Decides whether a document is scanned and whether it gets diagnostics. `text`, when given, is
 * looked at for binary content; without it only the facts decide.
 */
export function decideDocument(facts: DocumentFacts, settings: DocumentPolicySettings, text?: string): DocumentDecision {
  const kind = documentKind(facts.languageId, facts.uri);
  let skipped: SkipReason | undefined;
  if (isTooLarge(facts.size, settings)) {
    skipped = 'tooLarge';
  } else if (!isSelected(facts.languageId, facts.uri, settings)) {
    skipped = 'notSelected';
  } else if (text !== undefined && textLooksBinary(text)) {
    skipped = 'binary';
  }
  const diagnostics = skipped === undefined && diagnosticsEnabled(kind, settings);
  return skipped === undefined ? { kind, diagnostics } : { kind, skipped, diagnostics };
}

export function diagnosticsEnabled(kind: DocumentKind, settings: DocumentPolicySettings): boolean {
  switch (kind) {
    case 'json':
      return settings['diagnostics.json'];
    case 'log':
      return settings['diagnostics.logs'];
    case 'markdown':
      return settings['diagnostics.markdown'];
    default:
      return settings['diagnostics.source'];
  }
}
