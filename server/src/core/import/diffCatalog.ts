/*
 * What an import changes in a catalog, entry by entry: added, removed and changed entries with each
 * changed field's text before and after, so a catalog update is a reviewed change.
 */
import { EntryPair, JsonObject, MergeResult } from './mergeCatalog';

export interface FieldChange {
  /** The field, with the language for text (`description (en)`). */
  field: string;
  before?: unknown;
  after?: unknown;
}

export interface EntryChange {
  code: string;
  changes: FieldChange[];
  /** Project text the change may have made stale: translations and repairs kept as they were. */
  review: string[];
}

export interface CatalogDiff {
  added: JsonObject[];
  removed: JsonObject[];
  changed: EntryChange[];
  unchanged: number;
  reordered: boolean;
  source: FieldChange[];
}

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The fields that differ between two objects; localized text is compared language by language. */
function fieldChanges(before: JsonObject, after: JsonObject): FieldChange[] {
  const changes: FieldChange[] = [];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  for (const key of keys) {
    const a = before[key];
    const b = after[key];
    if (same(a, b)) {
      continue;
    }
    const isText = (value: unknown) => value === undefined || (isObject(value) && Object.values(value).every((item) => typeof item === 'string'));
    if (key !== 'translations' && isText(a) && isText(b)) {
      const languages = [...new Set([...Object.keys((a as JsonObject) ?? {}), ...Object.keys((b as JsonObject) ?? {})])];
      for (const language of languages) {
        const textBefore = (a as JsonObject | undefined)?.[language];
        const textAfter = (b as JsonObject | undefined)?.[language];
        if (textBefore !== textAfter) {
          changes.push({ field: `${key} (${language})`, before: textBefore, after: textAfter });
        }
      }
    } else {
      changes.push({ field: key, before: a, after: b });
    }
  }
  return changes;
}

/** The diff of a merge. */
export function diffMerge(result: MergeResult): CatalogDiff {
  const diff: CatalogDiff = { added: [], removed: [], changed: [], unchanged: 0, reordered: result.reordered, source: [] };
  for (const pair of result.pairs) {
    addPair(diff, pair);
  }
  diff.source = fieldChanges(result.sourceBefore ?? {}, result.sourceAfter);
  return diff;
}

function addPair(diff: CatalogDiff, { before, after }: EntryPair): void {
  if (!before && after) {
    diff.added.push(after);
    return;
  }
  if (before && !after) {
    diff.removed.push(before);
    return;
  }
  if (!before || !after) {
    return;
  }
  const changes = fieldChanges(before, after);
  if (changes.length === 0) {
    diff.unchanged++;
    return;
  }
  const changedFields = new Set(changes.map((change) => change.field.replace(/ \(.*\)$/, '')));
  const review: string[] = [];
  const translations = isObject(after.translations) ? Object.keys(after.translations) : [];
  const stale = translations.filter((field) => changedFields.has(field));
  if (stale.length > 0) {
    review.push(`its translation of ${stale.join(', ')} was kept; check it still says what the new text says`);
  }
  if (after.repairs !== undefined && changes.some((change) => change.field !== 'messageVariables')) {
    review.push('its repairs were kept; check they still describe the text');
  }
  diff.changed.push({ code: String(after.code), changes, review });
}

function show(value: unknown): string {
  if (value === undefined) {
    return '(none)';
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A field's value, its lines indented under a mark. */
function valueLines(mark: string, value: unknown): string[] {
  return show(value).split('\n').map((line, index) => `      ${index === 0 ? mark : ' '} ${line}`);
}

function entryTitle(entry: JsonObject): string {
  const message = isObject(entry.message) ? Object.values(entry.message)[0] : undefined;
  const cause = isObject(entry.cause) ? Object.values(entry.cause)[0] : undefined;
  const text = String(message ?? cause ?? '').split('\n')[0];
  return `${String(entry.code)}${text ? `: ${text.length > 100 ? `${text.slice(0, 99)}…` : text}` : ''}`;
}

/** The diff as lines of text for a terminal: `+` added, `-` removed, `~` changed. */
export function formatDiff(diff: CatalogDiff, heading: string): string[] {
  const lines = [`${heading}: ${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed, ${diff.unchanged} unchanged`];
  for (const change of diff.source) {
    lines.push(`  ~ source ${change.field}: ${show(change.before)} → ${show(change.after)}`);
  }
  for (const entry of diff.added) {
    lines.push(`  + ${entryTitle(entry)}`);
  }
  for (const entry of diff.removed) {
    lines.push(`  - ${entryTitle(entry)}`);
  }
  for (const entry of diff.changed) {
    lines.push(`  ~ ${entry.code}`);
    for (const change of entry.changes) {
      lines.push(`    ${change.field}`, ...valueLines('-', change.before), ...valueLines('+', change.after));
    }
    for (const note of entry.review) {
      lines.push(`    review: ${note}`);
    }
  }
  if (diff.reordered) {
    lines.push('  ~ the entries now stand in the page\'s order, which differs from the catalog\'s');
  }
  return lines;
}
