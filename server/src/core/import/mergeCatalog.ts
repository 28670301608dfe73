/*
 * Merges a page's import into an existing catalog without clobbering it. The page's language is the
 * only language whose text changes; everything the page does not carry stays as it was: the other
 * languages' text, translations, repairs, notes, documentation links, and any field this version of
 * the importer does not know (an `origin`, say). The catalog is handled as plain JSON for that reason.
 */
import { LANGUAGE_TAGS, LanguageTag } from '../catalogModel';
import { PageImport } from './importPage';
import { messageVariablesOf } from './tableEntries';

export type JsonObject = Record<string, unknown>;

/** An entry before and after the merge: only `after` for an added entry, only `before` for a removed one. */
export interface EntryPair {
  before?: JsonObject;
  after?: JsonObject;
}

export interface MergeResult {
  catalog: JsonObject;
  pairs: EntryPair[];
  /** The page's source object before and after. */
  sourceBefore?: JsonObject;
  sourceAfter: JsonObject;
  /** Whether entries the catalog had now stand in another order (the page's). */
  reordered: boolean;
}

export class MergeError extends Error {}

const LOCALIZED_FIELDS = ['module', 'message', 'description', 'cause', 'solution'] as const;
/** Where the fields the importer writes stand in an entry, so a field it adds lands where the format lists it. */
const ENTRY_KEY_ORDER = ['code', 'kind', 'httpStatus', 'module', 'message', 'messageVariables', 'description', 'cause', 'solution', 'translations', 'repairs'];
const CATALOG_KEY_ORDER = ['$schema', 'version', 'id', 'provider', 'service', 'languages', 'sources', 'scope', 'documentation', 'errorBody', 'repairs', 'entries'];
const SOURCE_KEY_ORDER = ['language', 'url', 'title', 'updated', 'captured'];

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Sets a key, keeping the order of the keys already there; a new key goes before the first key that
 * the format lists after it (unknown keys keep their place).
 */
function setKey(target: JsonObject, key: string, value: unknown, order: readonly string[]): JsonObject {
  if (key in target) {
    target[key] = value;
    return target;
  }
  const rank = order.indexOf(key);
  const keys = Object.keys(target);
  const before = keys.findIndex((existing) => order.indexOf(existing) > rank);
  const entries = Object.entries(target);
  entries.splice(before < 0 ? entries.length : before, 0, [key, value]);
  for (const existing of keys) {
    delete target[existing];
  }
  for (const [name, item] of entries) {
    target[name] = item;
  }
  return target;
}

function localized(entry: JsonObject, field: string): Record<string, string> {
  return isObject(entry[field]) ? (entry[field] as Record<string, string>) : {};
}

function messageOf(entry: JsonObject, language: LanguageTag): string | undefined {
  return localized(entry, 'message')[language];
}

/** Recomputes `messageVariables` from the messages of every language the entry has. */
function refreshMessageVariables(entry: JsonObject): void {
  const variables = messageVariablesOf(Object.values(localized(entry, 'message')));
  if (variables.length > 0) {
    setKey(entry, 'messageVariables', variables, ENTRY_KEY_ORDER);
  } else {
    delete entry.messageVariables;
  }
}

/** The entry with the page's text in its language, and the page's status and kind where the page gives them. */
function mergeEntry(existing: JsonObject, imported: JsonObject, language: LanguageTag, statesStatus: boolean): JsonObject {
  const entry = clone(existing);
  if (imported.kind !== undefined) {
    setKey(entry, 'kind', imported.kind, ENTRY_KEY_ORDER);
  } else {
    delete entry.kind;
  }
  if (imported.httpStatus !== undefined) {
    setKey(entry, 'httpStatus', imported.httpStatus, ENTRY_KEY_ORDER);
  } else if (statesStatus) {
    delete entry.httpStatus;
  }
  for (const field of LOCALIZED_FIELDS) {
    const texts = { ...localized(entry, field) };
    const text = localized(imported, field)[language];
    if (text !== undefined) {
      texts[language] = text;
    } else {
      delete texts[language];
    }
    if (Object.keys(texts).length > 0) {
      setKey(entry, field, orderLanguages(texts), ENTRY_KEY_ORDER);
    } else {
      delete entry[field];
    }
  }
  refreshMessageVariables(entry);
  return entry;
}

/** Texts keyed in the format's language order (en, then zh-cn). */
function orderLanguages(texts: Record<string, string>): Record<string, string> {
  const ordered: Record<string, string> = {};
  for (const language of [...LANGUAGE_TAGS, ...Object.keys(texts)]) {
    if (texts[language] !== undefined && !(language in ordered)) {
      ordered[language] = texts[language];
    }
  }
  return ordered;
}

/** Whether an entry has text in a language other than this one, so it stays when that page drops it. */
function hasOtherLanguage(entry: JsonObject, language: LanguageTag): boolean {
  return LOCALIZED_FIELDS.some((field) => Object.keys(localized(entry, field)).some((key) => key !== language));
}

/** The entry without this language's text. */
function withoutLanguage(entry: JsonObject, language: LanguageTag): JsonObject {
  const result = clone(entry);
  for (const field of LOCALIZED_FIELDS) {
    const texts = { ...localized(result, field) };
    if (language in texts) {
      delete texts[language];
      if (Object.keys(texts).length > 0) {
        result[field] = texts;
      } else {
        delete result[field];
      }
    }
  }
  refreshMessageVariables(result);
  return result;
}

/** Pairs each imported entry with an existing one: same code and message first, then same code in order. */
function matchEntries(existing: JsonObject[], imported: JsonObject[], language: LanguageTag): (number | undefined)[] {
  const taken = new Set<number>();
  const matches: (number | undefined)[] = imported.map(() => undefined);
  imported.forEach((entry, index) => {
    const message = messageOf(entry, language);
    const found = existing.findIndex((candidate, at) => !taken.has(at) && candidate.code === entry.code && message !== undefined && messageOf(candidate, language) === message);
    if (found >= 0) {
      matches[index] = found;
      taken.add(found);
    }
  });
  imported.forEach((entry, index) => {
    if (matches[index] !== undefined) {
      return;
    }
    const found = existing.findIndex((candidate, at) => !taken.has(at) && candidate.code === entry.code);
    if (found >= 0) {
      matches[index] = found;
      taken.add(found);
    }
  });
  return matches;
}

/** The page's source object in the catalog, updated with what the import read. */
function mergeSource(existing: JsonObject | undefined, imported: JsonObject): JsonObject {
  const source = existing ? clone(existing) : { language: imported.language };
  if (typeof imported.url === 'string' && imported.url !== '') {
    setKey(source, 'url', imported.url, SOURCE_KEY_ORDER);
  }
  if (imported.title !== undefined) {
    setKey(source, 'title', imported.title, SOURCE_KEY_ORDER);
  }
  // The page's own date is what the page states now; a page that states none has none.
  if (imported.updated !== undefined) {
    setKey(source, 'updated', imported.updated, SOURCE_KEY_ORDER);
  } else {
    delete source.updated;
  }
  if (imported.captured !== undefined) {
    setKey(source, 'captured', imported.captured, SOURCE_KEY_ORDER);
  }
  if (typeof source.url !== 'string' || source.url === '') {
    throw new MergeError(`The catalog has no ${imported.language} source page yet; give the page's address (https).`);
  }
  return source;
}

/** A new catalog from a page alone: it needs an id and the service's name, which a page does not state. */
function newCatalog(page: PageImport): MergeResult {
  const catalog = clone(page.catalog) as unknown as JsonObject;
  const missing = [
    page.catalog.id === '' ? 'an id' : undefined,
    Object.keys(page.catalog.provider).length === 0 ? 'the provider' : undefined,
    Object.keys(page.catalog.service).length === 0 ? 'the service\'s name' : undefined,
    page.catalog.sources[0].url === '' ? 'the page\'s address (https)' : undefined,
  ].filter((item): item is string => item !== undefined);
  if (missing.length > 0) {
    throw new MergeError(`A new catalog needs ${missing.join(', ')}, which the page does not state.`);
  }
  const entries = catalog.entries as JsonObject[];
  return {
    catalog,
    pairs: entries.map((entry) => ({ after: entry })),
    sourceAfter: (catalog.sources as JsonObject[])[0],
    reordered: false,
  };
}

/** Merges a page's import into a catalog (parsed JSON), or makes a new catalog when there is none. */
export function mergeImport(existing: JsonObject | undefined, page: PageImport): MergeResult {
  if (existing === undefined) {
    return newCatalog(page);
  }
  const language = page.language;
  const catalog = clone(existing);
  const languages = Array.isArray(catalog.languages) ? [...(catalog.languages as string[])] : [];
  if (!languages.includes(language)) {
    languages.push(language);
    setKey(catalog, 'languages', languages, CATALOG_KEY_ORDER);
  }
  const sources = Array.isArray(catalog.sources) ? (catalog.sources as JsonObject[]) : [];
  const sourceIndex = sources.findIndex((source) => source.language === language);
  const sourceBefore = sourceIndex >= 0 ? sources[sourceIndex] : undefined;
  const sourceAfter = mergeSource(sourceBefore, page.catalog.sources[0] as unknown as JsonObject);
  const mergedSources = sourceIndex >= 0 ? sources.map((source, index) => (index === sourceIndex ? sourceAfter : source)) : [...sources, sourceAfter];
  setKey(catalog, 'sources', mergedSources, CATALOG_KEY_ORDER);
  if (catalog.errorBody === undefined && page.catalog.errorBody) {
    setKey(catalog, 'errorBody', clone(page.catalog.errorBody), CATALOG_KEY_ORDER);
  }
  if (catalog.documentation === undefined && page.catalog.documentation) {
    setKey(catalog, 'documentation', clone(page.catalog.documentation), CATALOG_KEY_ORDER);
  }

  const before = Array.isArray(existing.entries) ? (existing.entries as unknown[]).filter(isObject) : [];
  const imported = page.catalog.entries as unknown as JsonObject[];
  const matches = matchEntries(before, imported, language);
  // The page's order, each entry with the index it had in the catalog (none for an added one).
  const merged: { at?: number; entry: JsonObject }[] = imported.map((entry, index) => {
    const at = matches[index];
    return at === undefined ? { entry: clone(entry) } : { at, entry: mergeEntry(before[at], entry, language, page.statesStatus) };
  });
  const pairs: EntryPair[] = [];
  const matched = new Set(matches.filter((at): at is number => at !== undefined));
  before.forEach((entry, at) => {
    if (matched.has(at)) {
      return;
    }
    if (!hasOtherLanguage(entry, language)) {
      pairs.push({ before: entry });
      return;
    }
    // Another page still has it: it stays, without this page's text, after the entry it followed.
    const kept = { at, entry: withoutLanguage(entry, language) };
    let insertAt = 0;
    for (let index = merged.length - 1; index >= 0; index--) {
      const previous = merged[index].at;
      if (previous !== undefined && previous < at) {
        insertAt = index + 1;
        break;
      }
    }
    merged.splice(insertAt, 0, kept);
  });
  setKey(catalog, 'entries', merged.map(({ entry }) => entry), CATALOG_KEY_ORDER);
  const order = merged.map(({ at }) => at).filter((at): at is number => at !== undefined);
  const reordered = order.some((at, index) => index > 0 && at < order[index - 1]);
  return {
    catalog,
    pairs: [...merged.map(({ at, entry }) => ({ ...(at === undefined ? {} : { before: before[at] }), after: entry })), ...pairs],
    ...(sourceBefore ? { sourceBefore } : {}),
    sourceAfter,
    reordered,
  };
}

/** The catalog as the project writes its files: two-space JSON and a final line break. */
export function formatCatalog(catalog: JsonObject): string {
  return `${JSON.stringify(catalog, null, 2)}\n`;
}
