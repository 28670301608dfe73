/*
 * Search over every entry: by code (exact, template, prefix, part) and by the words of its message,
 * meaning, cause or fix, in English or Chinese.
 */
import { CodeIndex, Entry } from './codeIndex';

export interface SearchHit {
  entry: Entry;
  score: number;
}

const searchText = new WeakMap<Entry, { primary: string; all: string }>();

function textsOf(entry: Entry): { primary: string; all: string } {
  let texts = searchText.get(entry);
  if (!texts) {
    const data = entry.data;
    const primary = Object.values(data.message ?? {}).join('\n').toLowerCase();
    const all = [
      primary,
      ...[data.description, data.cause, data.solution, data.module].flatMap((text) => Object.values(text ?? {})),
      ...Object.values(data.translations ?? {}).flatMap((text) => Object.values(text ?? {})),
      ...Object.values(entry.catalog.provider),
      ...Object.values(entry.catalog.service),
    ]
      .join('\n')
      .toLowerCase();
    texts = { primary, all };
    searchText.set(entry, texts);
  }
  return texts;
}

export function searchEntries(index: CodeIndex, query: string, limit: number): SearchHit[] {
  const trimmed = query.trim().slice(0, 500);
  const max = Math.max(1, Math.min(limit, 200));
  if (trimmed === '') {
    return index.entries.slice(0, max).map((entry) => ({ entry, score: 0 }));
  }
  const lower = trimmed.toLowerCase();
  const words = lower.split(/\s+/).filter((word) => word.length > 0);
  const templateMatches = new Set(index.lookup(trimmed).map((candidate) => candidate.entry));
  const hits: SearchHit[] = [];
  for (const entry of index.entries) {
    const code = entry.data.code.toLowerCase();
    let score = 0;
    if (code === lower) {
      score = 100;
    } else if (templateMatches.has(entry)) {
      score = 95;
    } else if (code.startsWith(lower)) {
      score = 80 - Math.min(10, code.length - lower.length) / 2;
    } else if (code.includes(lower)) {
      score = 60;
    } else {
      const { primary, all } = textsOf(entry);
      if (words.every((word) => all.includes(word))) {
        score = 40;
        if (all.includes(lower)) {
          score += 10;
        }
        if (words.every((word) => primary.includes(word))) {
          score += 5;
        }
      }
    }
    if (score > 0) {
      hits.push({ entry, score });
    }
  }
  hits.sort((a, b) => b.score - a.score || a.entry.catalog.order - b.entry.catalog.order || a.entry.data.code.localeCompare(b.entry.data.code));
  return hits.slice(0, max);
}
