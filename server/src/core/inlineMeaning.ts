/*
 * Meaning at the end of the line: what the codes of a line mean, said after its last character,
 * so a log can be read without hovering each code. One hint per line; a line with several codes
 * names each. The text comes from the same resolution as hovers and diagnostics: an entry's
 * meaning, or "not in the catalogs" for a code no entry explains.
 */
import { LanguageTag } from './catalogModel';
import { ResolvedOccurrence } from './codeDocument';
import { CodeIndex } from './codeIndex';
import { catalogLabel, findingLinks, meaningParts, originLine, plainLine, unlistedTitle, withMark } from './render';
import { stringsFor } from './strings';

/** How much of the meaning a hint says: `short` a few words, `full` all of it; `off` shows none. */
export type InlineMeaningMode = 'off' | 'short' | 'full';

export interface InlineMeaningOptions {
  language: LanguageTag;
  mode: Exclude<InlineMeaningMode, 'off'>;
  /** Codes the user ignores: they get no hint. */
  ignoredCodes?: ReadonlySet<string>;
}

/** What one code of a line says in its line's hint. */
export interface InlineMeaningPart {
  code: string;
  /** The text shown. */
  label: string;
  /** The whole meaning, whose table it is and whose error, for a tooltip. */
  tooltip: string;
  /** The entry meant; absent for a code no entry explains. */
  entryId?: string;
  /** The https documentation of a code no entry explains. */
  documentation?: string;
}

export interface InlineMeaning {
  /** Where the hint stands: the end of the line. */
  line: number;
  character: number;
  parts: InlineMeaningPart[];
}

/** The most codes one line's hint names; the hover tells the rest. */
const MAX_PARTS_PER_LINE = 3;
/** The most hints one request answers, whatever range it asks for. */
const MAX_HINTS = 5000;
/** About how many characters "a few words" take, by script: VS Code cuts inlay hints after 43 by default. */
const SHORT_LATIN = 40;
const SHORT_CJK = 24;
/** The fewest characters of a meaning kept when a translation mark takes room. */
const SHORTEST = 16;

const CJK = /[\u3000-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/**
 * A meaning in a few words: its first sentence or clause, cut at a word (or, in Chinese, a
 * character) boundary, with an ellipsis when something was left out. `room` is taken off the
 * length for what follows the words (a translation's mark).
 */
export function shortMeaning(text: string, room = 0): string {
  const line = plainLine(text);
  const firstClause = /^(.+?)(?:[。；;！!？?]|[.:](?=\s|$))/.exec(line)?.[1] ?? line;
  const limit = Math.max(SHORTEST, (CJK.test(firstClause) ? SHORT_CJK : SHORT_LATIN) - room);
  const shortened = firstClause.length > limit ? cutAtWord(firstClause, limit) : firstClause;
  return shortened.length < line.replace(/[。.；;！!？?]+$/, '').length ? `${shortened.replace(/[\s,，、:：\-–—]+$/, '')}…` : shortened;
}

function cutAtWord(text: string, limit: number): string {
  const cut = text.slice(0, limit);
  if (CJK.test(cut) || /\s/.test(text[limit] ?? ' ')) {
    return cut;
  }
  const space = cut.lastIndexOf(' ');
  return space > limit / 2 ? cut.slice(0, space) : cut;
}

function partOf({ occurrence, resolution }: ResolvedOccurrence, options: InlineMeaningOptions, index: CodeIndex): InlineMeaningPart {
  const { language, mode } = options;
  const strings = stringsFor(language);
  const origin = originLine(resolution, language, index);
  if (resolution.kind !== 'entry') {
    const title = unlistedTitle(resolution, language, index);
    const documentation = findingLinks(resolution, occurrence.token, language, index)[0]?.url;
    return {
      code: occurrence.token,
      label: mode === 'full' ? title : strings.notInCatalogs,
      tooltip: [`${occurrence.token} — ${title}`, origin].filter(Boolean).join('\n'),
      ...(documentation ? { documentation } : {}),
    };
  }
  const entry = resolution.ranked[0].entry;
  const meaning = meaningParts(entry, language);
  const whole = plainLine(withMark(meaning, language));
  const others = !resolution.confident && resolution.ranked.length > 1 ? ` (${strings.candidates(resolution.ranked.length)})` : '';
  // A translation's mark takes room from the words, so the whole label still fits.
  const mark = meaning.translated ? withMark({ text: '', translated: true }, language).length : 0;
  const label = mode === 'full' ? `${whole}${others}` : withMark({ text: shortMeaning(meaning.text, mark), translated: meaning.translated }, language);
  return {
    code: occurrence.token,
    label,
    tooltip: [`${occurrence.token} — ${catalogLabel(entry.catalog, language)}`, `${whole}${others}`, origin ?? strings.uncertainOrigin].join('\n'),
    entryId: entry.id,
  };
}

/**
 * The hints of lines `from` to `to` (inclusive), from a document's findings in line order. Lines
 * before `from` are passed over; reading stops after `to`.
 */
export function computeInlineMeanings(
  findings: Iterable<ResolvedOccurrence>,
  lines: { from: number; to: number },
  lineLength: (line: number) => number,
  options: InlineMeaningOptions,
  index: CodeIndex,
): InlineMeaning[] {
  const hints: InlineMeaning[] = [];
  let current: InlineMeaning | undefined;
  const seen = new Set<string>();
  for (const found of findings) {
    const { occurrence, resolution } = found;
    if (occurrence.line < lines.from) {
      continue;
    }
    if (occurrence.line > lines.to) {
      break;
    }
    if (options.ignoredCodes?.has(occurrence.token)) {
      continue;
    }
    if (current?.line !== occurrence.line) {
      if (hints.length >= MAX_HINTS) {
        break;
      }
      current = { line: occurrence.line, character: lineLength(occurrence.line), parts: [] };
      hints.push(current);
      seen.clear();
    }
    // The same code meaning the same thing twice on a line is said once.
    const key = `${occurrence.token}\u0000${resolution.kind === 'entry' ? resolution.ranked[0].entry.id : resolution.kind}`;
    if (seen.has(key) || current.parts.length >= MAX_PARTS_PER_LINE) {
      continue;
    }
    seen.add(key);
    current.parts.push(partOf(found, options, index));
  }
  // A line with several codes names each, so every meaning stands by its code.
  for (const hint of hints) {
    if (hint.parts.length > 1) {
      hint.parts = hint.parts.map((part) => ({ ...part, label: `${part.code}: ${part.label}` }));
    }
  }
  return hints;
}
