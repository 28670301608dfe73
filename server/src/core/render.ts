/*
 * Turns entries into what a person reads: hover and explanation Markdown, plain text to copy,
 * one-line diagnostic messages. Every piece of catalog text is escaped, so it can never become
 * markup, HTML or a link; the only links are https documentation URLs built here.
 */
import { LanguageTag, LocalizedText } from './catalogModel';
import { isHttpsUrl, markdownSafeHref } from './url';
import { CatalogInfo, Entry, pickText } from './codeIndex';
import { RankedCandidate, Resolution } from './resolver';
import { RelatedCode, relatedTableTitle } from './relatedCodes';
import { provenanceLine } from './provenance';
import { Strings, stringsFor } from './strings';

export interface Link {
  title: string;
  url: string;
}

/** Escapes every ASCII punctuation character, so text stays text in any CommonMark renderer. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}\[\]()#+\-.!|<>~:"'=&$%^@,;?/]/g, (char) => `\\${char}`)
    .split(/\r\n|\r|\n/)
    // Spaces and tabs starting a line are dropped, so no line of catalog text becomes an indented code block.
    .map((line, index) => (index === 0 ? line : line.replace(/^[ \t]+/, '')))
    .join('  \n');
}

/** Removes control characters (C0, DEL and C1) that could disturb a one-line message. */
export function plainLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** "Provider · Service" on one line: it is shown in diagnostics, symbols and lists as well as in Markdown. */
export function catalogLabel(catalog: CatalogInfo, language: LanguageTag): string {
  return plainLine(`${pickText(catalog.provider, language) ?? catalog.id} · ${pickText(catalog.service, language) ?? ''}`);
}

/** The documentation links of an entry, best first, https only. */
export function documentationLinks(entry: Entry, language: LanguageTag, code = entry.data.code): Link[] {
  const strings = stringsFor(language);
  const links: Link[] = [];
  const template = entry.catalog.documentation?.codeUrlTemplate;
  if (template) {
    const url = template.replace('{code}', encodeURIComponent(code));
    if (isHttpsUrl(url)) {
      links.push({ title: `${strings.documentation}: ${code}`, url });
    }
  }
  const sources = [...entry.catalog.sources].sort((a, b) => Number(b.language === language) - Number(a.language === language));
  for (const source of sources) {
    if (isHttpsUrl(source.url) && !links.some((link) => link.url === source.url)) {
      links.push({ title: `${strings.sourcePage} (${source.language})`, url: source.url });
    }
  }
  return links;
}

type TranslatableField = 'message' | 'description' | 'cause' | 'solution';

/**
 * A field for one line of text in the display language: the source's text in that language, else
 * the project's translation into it (marked as one), else the source's own text. `cut` shortens the
 * text before the mark is added (e.g. to its first line).
 */
export function lineTextOf(entry: Entry, field: TranslatableField, language: LanguageTag, cut: (text: string) => string = (text) => text): string | undefined {
  const source = entry.data[field];
  const own = source?.[language];
  if (own !== undefined) {
    return cut(own);
  }
  const translated = entry.data.translations?.[field]?.[language];
  if (translated !== undefined) {
    return `${cut(translated)} (${stringsFor(language).translated})`;
  }
  const other = pickText(source, language);
  return other === undefined ? undefined : cut(other);
}

/** The text that says what an entry means: its description, else its cause, else its message. */
export function meaningOf(entry: Entry, language: LanguageTag): string {
  return (
    lineTextOf(entry, 'description', language) ??
    lineTextOf(entry, 'cause', language) ??
    lineTextOf(entry, 'message', language) ??
    stringsFor(language).noMeaning
  );
}

/** A short title: the message, or the meaning where there is none. */
export function titleOf(entry: Entry, language: LanguageTag): string {
  return lineTextOf(entry, 'message', language) ?? meaningOf(entry, language);
}

function distinctTexts(text: LocalizedText | undefined, language: LanguageTag): string[] {
  if (!text) {
    return [];
  }
  const first = pickText(text, language);
  return [...new Set([first, text.en, text['zh-cn']].filter((item): item is string => !!item))];
}

interface Field {
  label: string;
  texts: string[];
}

function fieldsOf(entry: Entry, language: LanguageTag, strings: Strings, bindings: Record<string, string>): Field[] {
  const data = entry.data;
  const fields: Field[] = [];
  const facts: string[] = [];
  if (data.httpStatus !== undefined) {
    facts.push(`${strings.httpStatus} ${data.httpStatus}`);
  }
  const module = pickText(data.module, language);
  if (module) {
    facts.push(`${strings.module} ${module}`);
  }
  if (data.kind === 'commonError') {
    facts.push(strings.commonError);
  }
  if (facts.length > 0) {
    fields.push({ label: '', texts: [facts.join(' · ')] });
  }
  const messages = distinctTexts(data.message, language);
  if (messages.length > 0) {
    fields.push({ label: strings.message, texts: messages });
  }
  const messageTranslation = data.message?.[language] === undefined ? data.translations?.message?.[language] : undefined;
  if (messageTranslation) {
    fields.push({ label: `${strings.message} (${strings.translation})`, texts: [messageTranslation] });
  }
  for (const [key, label] of [
    ['description', strings.meaning],
    ['cause', strings.cause],
    ['solution', strings.fix],
  ] as const) {
    const text = pickText(data[key], language);
    const translated = data[key]?.[language] === undefined ? data.translations?.[key]?.[language] : undefined;
    if (text) {
      fields.push({ label, texts: [text] });
    }
    if (translated) {
      fields.push({ label: `${label} (${strings.translation})`, texts: [translated] });
    }
  }
  for (const [name, value] of Object.entries(bindings)) {
    fields.push({ label: strings.boundPlaceholder, texts: [`{${name}} = ${value}`] });
  }
  return fields;
}

function markdownFields(fields: Field[]): string[] {
  return fields.map((field) => {
    const body = field.texts.map(escapeMarkdown).join('  \n');
    return field.label ? `**${escapeMarkdown(field.label)}:** ${body}` : `*${body}*`;
  });
}

function markdownLinks(links: Link[]): string {
  return links.map((link) => `[${escapeMarkdown(link.title)}](${markdownSafeHref(link.url)})`).join(' · ');
}

function header(entry: Entry, language: LanguageTag, code: string): string {
  return `**${escapeMarkdown(code)}** — ${escapeMarkdown(catalogLabel(entry.catalog, language))}`;
}

/** Hover Markdown for an occurrence, given what the resolver decided. */
export function renderHover(resolution: Resolution, token: string, language: LanguageTag): string {
  const strings = stringsFor(language);
  const [best, ...rest] = resolution.ranked;
  const parts: string[] = [header(best.entry, language, token)];
  parts.push(markdownFields(fieldsOf(best.entry, language, strings, best.bindings)).join('\n\n'));
  if (resolution.evidence === 'message' && rest.length > 0) {
    parts.push(`*${escapeMarkdown(strings.pickedByMessage)}*`);
  } else if (resolution.evidence === 'key' && rest.length > 0) {
    parts.push(`*${escapeMarkdown(strings.pickedByKey)}*`);
  }
  parts.push(markdownLinks(documentationLinks(best.entry, language, token)));
  if (rest.length > 0) {
    const heading = resolution.confident ? strings.alsoIn : strings.otherCandidates;
    const lines = rest.map((candidate) => `- ${candidateLine(candidate, language)}`);
    parts.push(`---\n\n**${escapeMarkdown(heading)}**${resolution.confident ? '' : `  \n*${escapeMarkdown(strings.candidatesNote)}*`}\n\n${lines.join('\n')}`);
  }
  const provenance = provenanceLine(best.entry.catalog, language);
  if (provenance) {
    parts.push(`*${escapeMarkdown(provenance)}*`);
  }
  return parts.filter((part) => part.length > 0).join('\n\n');
}

/** Hover Markdown for a code of a table the catalogs point to but do not hold. */
export function renderRelatedHover(code: RelatedCode, language: LanguageTag): string {
  const strings = stringsFor(language);
  const { table } = code;
  const provider = pickText(table.catalog.provider, language) ?? table.catalog.id;
  const title = relatedTableTitle(table, language);
  return [
    `**${escapeMarkdown(code.code)}** — ${escapeMarkdown(plainLine(`${provider} · ${title}`))}`,
    `*${escapeMarkdown(strings.relatedTable(table.prefix))}*`,
    markdownLinks([{ title, url: table.url }]),
  ].join('\n\n');
}

function candidateLine(candidate: RankedCandidate, language: LanguageTag): string {
  return entryLine(candidate.entry, language);
}

function entryLine(entry: Entry, language: LanguageTag): string {
  const message = pickText(entry.data.message, language);
  const meaning = meaningOf(entry, language);
  const text = message && message !== meaning ? `${message} — ${meaning}` : meaning;
  return `${escapeMarkdown(catalogLabel(entry.catalog, language))}: ${escapeMarkdown(plainLine(text))}`;
}

/** The full explanation of one entry, as Markdown and as plain text. */
export function renderExplanation(entry: Entry, language: LanguageTag): { markdown: string; plainText: string; links: Link[] } {
  const strings = stringsFor(language);
  const fields = fieldsOf(entry, language, strings, {});
  const links = documentationLinks(entry, language);
  const repairs = entry.data.repairs ?? [];
  const markdownParts = [header(entry, language, entry.data.code), ...markdownFields(fields), markdownLinks(links)];
  if (repairs.length > 0) {
    markdownParts.push(`*${escapeMarkdown(strings.repaired)}:* ${repairs.map(escapeMarkdown).join(' ')}`);
  }
  const plainParts = [
    `${entry.data.code} — ${catalogLabel(entry.catalog, language)}`,
    ...fields.map((field) => (field.label ? `${field.label}: ${field.texts.join('\n')}` : field.texts.join('\n'))),
    ...links.map((link) => `${link.title}: ${link.url}`),
  ];
  return { markdown: markdownParts.join('\n\n'), plainText: plainParts.join('\n'), links };
}

/** A one-line Problems-panel message a person can act on. */
export function renderDiagnosticMessage(resolution: Resolution, token: string, language: LanguageTag): string {
  const strings = stringsFor(language);
  const best = resolution.ranked[0];
  const entry = best.entry;
  const meaning = plainLine(meaningOf(entry, language));
  const fix = plainLine(lineTextOf(entry, 'solution', language, (text) => text.split(/\r?\n/)[0]) ?? '');
  const bound = Object.entries(best.bindings).map(([name, value]) => ` {${name}} = ${value}.`).join('');
  const others = resolution.confident || resolution.ranked.length < 2 ? '' : ` (${strings.candidates(resolution.ranked.length)})`;
  const text = `${token}: ${meaning}${bound}${fix ? ` ${strings.fix}: ${truncate(fix, 240)}` : ''} [${catalogLabel(entry.catalog, language)}]${others}`;
  return truncate(text, 600);
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
