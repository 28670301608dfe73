/*
 * Reviewed differences between what a page's import gives and what a catalog deliberately holds (a
 * capture error the catalog repairs). Each is listed once, with its reason, in a reviewed file
 * (catalogs/import-exceptions.jsonc for the built-in catalogs); an import applies only exceptions
 * whose imported text is exactly what the page gives, so a changed page shows up in the diff again.
 */
import { ParseError, parse, printParseErrorCode } from 'jsonc-parser';
import { CatalogEntryData, LANGUAGE_TAGS, LanguageTag } from '../catalogModel';
import { messageVariablesOf } from './tableEntries';

const EXCEPTION_FIELDS = ['module', 'message', 'description', 'cause', 'solution'] as const;
export type ExceptionField = (typeof EXCEPTION_FIELDS)[number];

export interface ImportException {
  /** The catalog's id. */
  catalog: string;
  /** The language of the page the text comes from. */
  language: LanguageTag;
  /** The entry, by its code, or `<code>:<n>` (n from 1) when the code repeats on the page. */
  entry: string;
  field: ExceptionField;
  /** What the import gives, or null when the page has no such text. */
  imported: string | null;
  /** What the catalog holds instead, or null when it leaves the text out. */
  shipped: string | null;
  /** Why, in a full sentence. */
  reason: string;
}

export interface ParsedExceptions {
  exceptions: ImportException[];
  problems: string[];
}

function isException(value: unknown): value is ImportException {
  if (value === null || typeof value !== 'object') {
    return false;
  }
  const item = value as Record<string, unknown>;
  const textOrNull = (field: unknown) => field === null || typeof field === 'string';
  return (
    typeof item.catalog === 'string' &&
    (LANGUAGE_TAGS as readonly unknown[]).includes(item.language) &&
    typeof item.entry === 'string' &&
    (EXCEPTION_FIELDS as readonly unknown[]).includes(item.field) &&
    textOrNull(item.imported) &&
    textOrNull(item.shipped) &&
    item.imported !== item.shipped &&
    typeof item.reason === 'string' &&
    item.reason.trim().length > 0
  );
}

/** Reads an exceptions file: `{ "exceptions": [ … ] }`, comments allowed. */
export function parseImportExceptions(text: string): ParsedExceptions {
  const errors: ParseError[] = [];
  const root = parse(text, errors, { allowTrailingComma: true }) as unknown;
  if (errors.length > 0) {
    return { exceptions: [], problems: errors.map((error) => `Not valid JSON at offset ${error.offset}: ${printParseErrorCode(error.error)}.`) };
  }
  const list = root !== null && typeof root === 'object' ? (root as { exceptions?: unknown }).exceptions : undefined;
  if (!Array.isArray(list)) {
    return { exceptions: [], problems: ['An exceptions file is an object with an "exceptions" array.'] };
  }
  const exceptions: ImportException[] = [];
  const problems: string[] = [];
  list.forEach((item, index) => {
    if (isException(item)) {
      exceptions.push(item);
    } else {
      problems.push(`Exception ${index + 1} needs "catalog", "language" (en or zh-cn), "entry", "field" (${EXCEPTION_FIELDS.join(', ')}), "imported" and "shipped" (texts or null, not equal) and a "reason".`);
    }
  });
  return { exceptions, problems };
}

/** The id of each entry of a list: its code, or `<code>:<n>` when the code repeats (n from 1, in order). */
export function entryKeys(entries: readonly Pick<CatalogEntryData, 'code'>[]): string[] {
  const totals = new Map<string, number>();
  for (const entry of entries) {
    totals.set(entry.code, (totals.get(entry.code) ?? 0) + 1);
  }
  const seen = new Map<string, number>();
  return entries.map((entry) => {
    if (totals.get(entry.code) === 1) {
      return entry.code;
    }
    const n = (seen.get(entry.code) ?? 0) + 1;
    seen.set(entry.code, n);
    return `${entry.code}:${n}`;
  });
}

export interface AppliedExceptions {
  entries: CatalogEntryData[];
  applied: ImportException[];
  /** Exceptions of this catalog and language that matched nothing: the page changed, or the exception is stale. */
  unused: ImportException[];
}

/** Replaces, in a page's imported entries, each listed text by the one the catalog holds. */
export function applyImportExceptions(
  entries: readonly CatalogEntryData[],
  catalogId: string,
  language: LanguageTag,
  exceptions: readonly ImportException[],
): AppliedExceptions {
  const result = entries.map((entry) => JSON.parse(JSON.stringify(entry)) as CatalogEntryData);
  const keys = entryKeys(result);
  const applied: ImportException[] = [];
  const unused: ImportException[] = [];
  for (const exception of exceptions) {
    if (exception.catalog !== catalogId || exception.language !== language) {
      continue;
    }
    const entry = result[keys.indexOf(exception.entry)];
    const current = entry?.[exception.field]?.[language] ?? null;
    if (!entry || current !== exception.imported) {
      unused.push(exception);
      continue;
    }
    const texts = { ...entry[exception.field] };
    if (exception.shipped === null) {
      delete texts[language];
    } else {
      texts[language] = exception.shipped;
    }
    if (Object.keys(texts).length > 0) {
      entry[exception.field] = texts;
    } else {
      delete entry[exception.field];
    }
    if (exception.field === 'message') {
      const variables = messageVariablesOf(Object.values(entry.message ?? {}).filter((text): text is string => text !== undefined));
      if (variables.length > 0) {
        entry.messageVariables = variables;
      } else {
        delete entry.messageVariables;
      }
    }
    applied.push(exception);
  }
  return { entries: result, applied, unused };
}
