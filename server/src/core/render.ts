/*
 * Turns entries into what a person reads: hover and explanation Markdown, plain text to copy,
 * one-line diagnostic messages. Every piece of catalog text is escaped, so it can never become
 * markup, HTML or a link; the only links are https documentation URLs built here.
 */
import { CatalogSource, LanguageTag, LocalizedText } from './catalogModel';
import { isHttpsUrl, markdownSafeHref } from './url';
import { CatalogInfo, CodeIndex, Entry, FamilyRef, pickText } from './codeIndex';
import { Attribution, Resolution } from './resolver';
import { provenanceLine } from './provenance';
import { Strings, stringsFor } from './strings';

export interface Link {
  title: string;
  url: string;
}

/** Escapes every ASCII punctuation character, so text stays text in any CommonMark renderer. */
function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}\[\]()#+\-.!|<>~:"'=&$%^@,;?/]/g, (char) => `\\${char}`)
    .split(/\r\n|\r|\n/)
    // Spaces and tabs starting a line are dropped, so no line of catalog text becomes an indented code block.
    .map((line, index) => (index === 0 ? line : line.replace(/^[ \t]+/, '')))
    .join('  \n');
}

/**
 * What `plainLine` would change: a control character, whitespace other than a space, two spaces in
 * a row, or a space at either end. Text with none of these is already one plain line.
 */
const NOT_PLAIN = /[\u0000-\u001f\u007f-\u009f]|[^\S ]| {2}|^ | $/;

/** Removes control characters (C0, DEL and C1) that could disturb a one-line message. */
export function plainLine(text: string): string {
  // Most texts are plain already: one test, and no new string.
  if (!NOT_PLAIN.test(text)) {
    return text;
  }
  return text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** "Provider · Service" on one line: it is shown in diagnostics, symbols and lists as well as in Markdown. */
export function catalogLabel(catalog: CatalogInfo, language: LanguageTag): string {
  return plainLine(`${pickText(catalog.provider, language) ?? catalog.id} · ${pickText(catalog.service, language) ?? ''}`);
}

/** A catalog's https sources, those in a language first, found once per catalog and language. */
const httpsSourcesOf = new WeakMap<CatalogInfo, Map<LanguageTag, readonly CatalogSource[]>>();

function httpsSources(catalog: CatalogInfo, language: LanguageTag): readonly CatalogSource[] {
  let byLanguage = httpsSourcesOf.get(catalog);
  if (!byLanguage) {
    byLanguage = new Map();
    httpsSourcesOf.set(catalog, byLanguage);
  }
  let sources = byLanguage.get(language);
  if (!sources) {
    sources = catalog.sources.filter((source) => isHttpsUrl(source.url)).sort((a, b) => Number(b.language === language) - Number(a.language === language));
    byLanguage.set(language, sources);
  }
  return sources;
}

/** The documentation links of an entry, best first, https only. */
function documentationLinks(entry: Entry, language: LanguageTag, code = entry.data.code): Link[] {
  const strings = stringsFor(language);
  const links: Link[] = [];
  const template = entry.catalog.documentation?.codeUrlTemplate;
  if (template) {
    const url = template.replace('{code}', encodeURIComponent(code));
    if (isHttpsUrl(url)) {
      links.push({ title: `${strings.documentation}: ${code}`, url });
    }
  }
  for (const source of httpsSources(entry.catalog, language)) {
    if (!links.some((link) => link.url === source.url)) {
      links.push({ title: `${strings.sourcePage} (${source.language})`, url: source.url });
    }
  }
  return links;
}

type TranslatableField = 'message' | 'description' | 'cause' | 'solution';

/** One line of a field's text, and whether it is the project's translation (shown marked as one). */
export interface LineText {
  text: string;
  translated: boolean;
}

/** Han characters: Chinese text has them, English text has none. */
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Whether a text reads as the display language, whatever page it was captured from. */
function readsAs(text: string, language: LanguageTag): boolean {
  return language === 'zh-cn' ? HAN.test(text) : !HAN.test(text);
}

/**
 * A field's source text that reads as the display language: the page's in that language, else
 * another page's when it reads so (a message in English on a Chinese page is English).
 */
function sourceInLanguage(source: LocalizedText | undefined, language: LanguageTag): string | undefined {
  const own = source?.[language];
  if (own !== undefined) {
    return own;
  }
  return Object.values(source ?? {}).find((text): text is string => text !== undefined && readsAs(text, language));
}

/**
 * A field for one line of text in the display language: the source's text that reads as that
 * language (even from another language's page), else the project's translation into it, else the
 * source's own text. `cut` shortens the text (e.g. to its first line).
 */
function lineTextParts(entry: Entry, field: TranslatableField, language: LanguageTag, cut: (text: string) => string = (text) => text): LineText | undefined {
  const source = entry.data[field];
  const own = sourceInLanguage(source, language);
  if (own !== undefined) {
    return { text: cut(own), translated: false };
  }
  const translated = entry.data.translations?.[field]?.[language];
  if (translated !== undefined) {
    return { text: cut(translated), translated: true };
  }
  const other = pickText(source, language);
  return other === undefined ? undefined : { text: cut(other), translated: false };
}

/** A field for one line of text, a translation marked as one. */
function lineTextOf(entry: Entry, field: TranslatableField, language: LanguageTag, cut?: (text: string) => string): string | undefined {
  const parts = lineTextParts(entry, field, language, cut);
  return parts === undefined ? undefined : withMark(parts, language);
}

/** A line of text with the translation mark when it is the project's translation. */
export function withMark(parts: LineText, language: LanguageTag): string {
  return parts.translated ? `${parts.text} (${stringsFor(language).translated})` : parts.text;
}

/**
 * What an entry means, unmarked, with whether it is a translation: its description, else its cause,
 * else its message — the first of them that the display language can give (a source text that reads
 * as it, or a translation), else the first there is.
 */
export function meaningParts(entry: Entry, language: LanguageTag): LineText {
  const fields = (['description', 'cause', 'message'] as const).map((field) => lineTextParts(entry, field, language)).filter((parts): parts is LineText => parts !== undefined);
  return fields.find((parts) => parts.translated || readsAs(parts.text, language)) ?? fields[0] ?? { text: stringsFor(language).noMeaning, translated: false };
}

/** The text that says what an entry means: its description, else its cause, else its message. */
export function meaningOf(entry: Entry, language: LanguageTag): string {
  return withMark(meaningParts(entry, language), language);
}

/** A short title: the message, or the meaning where there is none. */
export function titleOf(entry: Entry, language: LanguageTag): string {
  return lineTextOf(entry, 'message', language) ?? meaningOf(entry, language);
}

/** A field's distinct source texts, those that read as the display language first. */
function distinctTexts(text: LocalizedText | undefined, language: LanguageTag): string[] {
  if (!text) {
    return [];
  }
  const first = pickText(text, language);
  const texts = [...new Set([first, text.en, text['zh-cn']].filter((item): item is string => !!item))];
  return [...texts.filter((item) => readsAs(item, language)), ...texts.filter((item) => !readsAs(item, language))];
}

function fieldsOf(entry: Entry, language: LanguageTag, strings: Strings, bindings: Record<string, string>): ExplanationField[] {
  const data = entry.data;
  const fields: ExplanationField[] = [];
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
  for (const [key, label] of [
    ['message', strings.message],
    ['description', strings.meaning],
    ['cause', strings.cause],
    ['solution', strings.fix],
  ] as const) {
    const source = data[key];
    // Every message the pages give; one text of the other fields, in the display language where the source has it.
    const texts = key === 'message' ? distinctTexts(source, language) : [sourceInLanguage(source, language) ?? pickText(source, language)].filter((text): text is string => !!text);
    const translation = sourceInLanguage(source, language) === undefined ? data.translations?.[key]?.[language] : undefined;
    // The display language first: the project's translation, when the source has no text in it, above the source's own.
    if (translation) {
      fields.push({ label: `${label} (${strings.translation})`, texts: [translation] });
    }
    if (texts.length > 0) {
      fields.push({ label, texts });
    }
  }
  for (const [name, value] of Object.entries(bindings)) {
    fields.push({ label: strings.boundPlaceholder, texts: [`{${name}} = ${value}`] });
  }
  return fields;
}

function markdownFields(fields: ExplanationField[]): string[] {
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

/** What a hover says besides the finding itself. */
export interface HoverOptions {
  /** The user ignores this code (errorCodebook.ignoredCodes). */
  ignored?: boolean;
  /**
   * A link that opens an entry's explanation with every other meaning of the code, for the hover's
   * "N more" line; without it that line is plain text.
   */
  explainLink?: (entryId: string, code: string) => string;
}

/** How many other meanings a hover lists, and how many message variants of one table each line quotes. */
const HOVER_OTHER_MEANINGS = 3;
const QUOTED_VARIANTS = 3;

/** Hover Markdown for an occurrence, given what the resolver decided. */
export function renderHover(resolution: Resolution, token: string, language: LanguageTag, index: CodeIndex, options: HoverOptions = {}): string {
  const hover = resolution.kind !== 'entry' ? renderUnlistedHover(resolution, token, language, index) : renderEntryHover(resolution, token, language, index, options);
  if (!options.ignored) {
    return hover;
  }
  const [head, ...rest] = hover.split('\n\n');
  return [head, `*${escapeMarkdown(stringsFor(language).ignoredNote)}*`, ...rest].join('\n\n');
}

function renderEntryHover(resolution: Resolution, token: string, language: LanguageTag, index: CodeIndex, options: HoverOptions): string {
  const strings = stringsFor(language);
  const [best, ...rest] = resolution.ranked;
  const parts: string[] = [header(best.entry, language, token)];
  parts.push(`*${escapeMarkdown(originLine(resolution, language, index) ?? strings.uncertainOrigin)}*`);
  parts.push(markdownFields(fieldsOf(best.entry, language, strings, best.bindings)).join('\n\n'));
  if (resolution.drift) {
    parts.push(`*${escapeMarkdown(strings.drift(plainLine(resolution.drift.said).slice(0, 300), resolution.drift.table))}*`);
  }
  if (resolution.evidence === 'message' && rest.length > 0) {
    parts.push(`*${escapeMarkdown(strings.pickedByMessage)}*`);
  } else if (resolution.evidence === 'key' && rest.length > 0) {
    parts.push(`*${escapeMarkdown(strings.pickedByKey)}*`);
  }
  parts.push(markdownLinks(documentationLinks(best.entry, language, token)));
  if (rest.length > 0) {
    const heading = resolution.confident ? strings.alsoIn : strings.otherCandidates;
    const groups = meaningGroups(best.entry, rest.map((candidate) => candidate.entry));
    const lines = groups.slice(0, HOVER_OTHER_MEANINGS).map((group) => `- ${groupLine(group, language)}`);
    const listed = groups.slice(0, HOVER_OTHER_MEANINGS).reduce((sum, group) => sum + Math.min(group.entries.length, QUOTED_VARIANTS), 0);
    const hidden = rest.length - listed;
    if (hidden > 0) {
      const link = options.explainLink?.(best.entry.id, token);
      lines.push(link ? `- [${escapeMarkdown(strings.moreMeanings(hidden))}](${markdownSafeHref(link)})` : `- *${escapeMarkdown(strings.moreMeaningsPlain(hidden))}*`);
    }
    parts.push(`---\n\n**${escapeMarkdown(heading)}**${resolution.confident ? '' : `  \n*${escapeMarkdown(strings.candidatesNote)}*`}\n\n${lines.join('\n')}`);
  }
  const dated = provenanceLine(best.entry.catalog, language);
  if (dated) {
    parts.push(`*${escapeMarkdown(dated)}*`);
  }
  return parts.filter((part) => part.length > 0).join('\n\n');
}

/** Hover Markdown for a code no entry explains: a family's unknown code, or another product's error. */
function renderUnlistedHover(resolution: Resolution, token: string, language: LanguageTag, index: CodeIndex): string {
  const strings = stringsFor(language);
  const title = unlistedTitle(resolution, language, index);
  const parts = [`**${escapeMarkdown(token)}** — ${escapeMarkdown(title)}`];
  const origin = originLine(resolution, language, index);
  if (origin) {
    parts.push(`*${escapeMarkdown(origin)}*`);
  }
  const ownTable = ownTableOf(resolution, index);
  if (resolution.kind === 'unknownCode' && resolution.family) {
    parts.push(escapeMarkdown(strings.unknownCode(token, familyLabel(resolution.family, language, index))));
  } else if (ownTable) {
    parts.push(escapeMarkdown(strings.notInTable(token, catalogLabel(ownTable, language))));
  } else {
    parts.push(escapeMarkdown(strings.otherProductCode(token, productLabel(resolution, language, index))));
  }
  const [nearest] = resolution.ranked;
  if (nearest) {
    const label = resolution.kind === 'unknownCode' ? strings.nearestEntry : ownTable ? strings.looksLike : strings.generalPattern(catalogLabel(nearest.entry.catalog, language));
    parts.push(`**${escapeMarkdown(label)}:** ${escapeMarkdown(nearest.entry.data.code)} — ${escapeMarkdown(catalogLabel(nearest.entry.catalog, language))}: ${escapeMarkdown(entryText(nearest.entry, language))}`);
  }
  parts.push(markdownLinks(unlistedLinks(resolution, token, language, index)));
  return parts.filter((part) => part.length > 0).join('\n\n');
}

/** For another product's error whose product is one of ours: that product's catalog, which does not list the code. */
function ownTableOf(resolution: Resolution, index: CodeIndex): CatalogInfo | undefined {
  const other = resolution.otherProduct;
  if (resolution.kind !== 'otherProduct' || other?.product === undefined) {
    return undefined;
  }
  return index.catalogs.find((catalog) => catalog.origin?.provider === other.provider && catalog.origin.product === other.product);
}

/** "Huawei Cloud · AIS.* codes — not in the catalogs", "Alibaba Cloud ECS — not in the catalogs". */
export function unlistedTitle(resolution: Resolution, language: LanguageTag, index: CodeIndex): string {
  const strings = stringsFor(language);
  const what = resolution.kind === 'unknownCode' && resolution.family ? familyLabel(resolution.family, language, index) : productLabel(resolution, language, index);
  return plainLine(`${what} — ${strings.notInCatalogs}`);
}

/** "Huawei Cloud · AIS.* codes" */
function familyLabel(family: FamilyRef, language: LanguageTag, index: CodeIndex): string {
  return plainLine(`${providerName(family.provider, language, index)} · ${pickText(family.title, language) ?? stringsFor(language).familyTitle(family.prefix)}`);
}

/** "Alibaba Cloud ECS", or "Alibaba Cloud" when no product was named. */
function productLabel(resolution: Resolution, language: LanguageTag, index: CodeIndex): string {
  const provider = resolution.otherProduct?.provider ?? resolution.origin?.provider ?? '';
  const product = resolution.otherProduct?.product;
  return plainLine(product ? `${providerName(provider, language, index)} ${productName(provider, product, language, index)}` : providerName(provider, language, index));
}

/** A provider's name as its catalogs give it. */
export function providerName(provider: string, language: LanguageTag, index: CodeIndex): string {
  const catalog = index.catalogs.find((item) => item.origin?.provider === provider);
  return (catalog ? pickText(catalog.provider, language) : undefined) ?? provider;
}

/** A product's name: its catalog's service name, else the name its hosts use, in capitals when short. */
export function productName(provider: string, product: string, language: LanguageTag, index: CodeIndex): string {
  const catalog = index.catalogs.find((item) => item.origin?.provider === provider && item.origin.product === product);
  if (catalog) {
    return pickText(catalog.service, language) ?? product;
  }
  return product.length <= 4 ? product.toUpperCase() : product.charAt(0).toUpperCase() + product.slice(1);
}

/** Links for a code no entry explains: the family's page, and the provider's error center for the code. */
function unlistedLinks(resolution: Resolution, token: string, language: LanguageTag, index: CodeIndex): Link[] {
  const strings = stringsFor(language);
  const links: Link[] = [];
  const family = resolution.family;
  if (family?.url && isHttpsUrl(family.url)) {
    links.push({ title: pickText(family.title, language) ?? strings.familyDocumentation, url: family.url });
  }
  const provider = family?.provider ?? resolution.otherProduct?.provider ?? resolution.origin?.provider;
  const withTemplate = index.catalogs.find((catalog) => catalog.origin?.provider === provider && catalog.documentation?.codeUrlTemplate);
  const template = withTemplate?.documentation?.codeUrlTemplate;
  if (template) {
    const url = template.replace('{code}', encodeURIComponent(token));
    if (isHttpsUrl(url)) {
      links.push({ title: `${strings.errorCenter}: ${token}`, url });
    }
  }
  if (links.length === 0) {
    const [nearest] = resolution.ranked;
    const sources = family ? family.catalogs.flatMap((catalog) => catalog.sources) : nearest ? nearest.entry.catalog.sources : [];
    const source = sources.find((item) => item.language === language) ?? sources[0];
    if (source && isHttpsUrl(source.url)) {
      links.push({ title: `${strings.familyDocumentation} (${source.language})`, url: source.url });
    }
  }
  return links;
}

/** The links a finding offers, best first: its entry's documentation, or those of a code no entry explains. */
export function findingLinks(resolution: Resolution, token: string, language: LanguageTag, index: CodeIndex): Link[] {
  return resolution.kind === 'entry' ? documentationLinks(resolution.ranked[0].entry, language, token) : unlistedLinks(resolution, token, language, index);
}

/**
 * One short line saying whose error it is and where that came from: "Alibaba Cloud · IMM — from
 * the host imm.cn-shanghai.aliyuncs.com on line 4". Undefined when no clue said it.
 */
export function originLine(resolution: Resolution, language: LanguageTag, index: CodeIndex): string | undefined {
  const origin = resolution.origin;
  if (!origin) {
    return undefined;
  }
  const who =
    resolution.kind === 'entry'
      ? catalogLabel(resolution.ranked[0].entry.catalog, language)
      : resolution.kind === 'unknownCode' && resolution.family
        ? familyLabel(resolution.family, language, index)
        : productLabel(resolution, language, index);
  return plainLine(`${who} — ${clueText(origin, language)}`);
}

function clueText(origin: Attribution, language: LanguageTag): string {
  const strings = stringsFor(language);
  const { clue, scope } = origin;
  const text = plainLine(clue.text).slice(0, 80);
  const said =
    clue.kind === 'host'
      ? strings.origin.host(text)
      : clue.kind === 'sdk'
        ? strings.origin.sdk(text)
        : clue.kind === 'apiPath'
          ? strings.origin.apiPath(text)
          : clue.kind === 'link'
            ? strings.origin.link(text)
            : clue.kind === 'bodyKey'
              ? strings.origin.bodyKey(text)
              : clue.kind === 'message'
                ? strings.origin.message
                : scope === 'line'
                  ? strings.origin.ownCode
                  : strings.origin.code(text);
  if (clue.kind === 'message' || (clue.kind === 'code' && scope === 'line')) {
    return said;
  }
  if (scope === 'document') {
    return `${said} ${strings.origin.inDocument(clue.line + 1)}`;
  }
  return scope === 'line' ? said : `${said} ${strings.origin.onLine(clue.line + 1)}`;
}

/** Another meaning of a code: one table's entries for it, its message variants when there are several. */
interface MeaningGroup {
  catalog: CatalogInfo;
  entries: Entry[];
}

/** Other entries of a code, one group per table: a table's message variants of the code make one. */
function meaningGroups(best: Entry, others: readonly Entry[]): MeaningGroup[] {
  const groups = new Map<string, MeaningGroup>();
  for (const entry of others) {
    if (entry === best) {
      continue;
    }
    const key = `${entry.catalog.id}\u0000${entry.data.code}`;
    const group = groups.get(key);
    if (group) {
      group.entries.push(entry);
    } else {
      groups.set(key, { catalog: entry.catalog, entries: [entry] });
    }
  }
  return [...groups.values()];
}

/** An entry in one line of plain text: its message, and what it means when that says more. */
function entryText(entry: Entry, language: LanguageTag): string {
  const message = lineTextOf(entry, 'message', language);
  const meaning = meaningOf(entry, language);
  return plainLine(message && message !== meaning ? `${message} — ${meaning}` : meaning);
}

/** One hover line for another meaning: a table's entry, or its first message variants and how many there are. */
function groupLine(group: MeaningGroup, language: LanguageTag): string {
  const catalog = escapeMarkdown(catalogLabel(group.catalog, language));
  if (group.entries.length === 1) {
    return `${catalog}: ${escapeMarkdown(entryText(group.entries[0], language))}`;
  }
  const variants = group.entries.slice(0, QUOTED_VARIANTS).map((entry) => plainLine(lineTextOf(entry, 'message', language) ?? meaningOf(entry, language)));
  const more = group.entries.length > QUOTED_VARIANTS ? ' · …' : '';
  return `${catalog} (${escapeMarkdown(stringsFor(language).messageVariants(group.entries.length))}): ${escapeMarkdown(variants.join(' · '))}${more}`;
}

/** Every other meaning of a code, one line each, for an explanation. */
function otherMeaningLines(entry: Entry, others: readonly Entry[], language: LanguageTag): string[] {
  return meaningGroups(entry, others).flatMap((group) => group.entries.map((other) => `${catalogLabel(group.catalog, language)}: ${entryText(other, language)}`));
}

/** One labelled part of an explanation; an empty label marks the line of facts (HTTP status, module). */
export interface ExplanationField {
  label: string;
  texts: string[];
}

/** The full explanation of one entry: structured, as Markdown and as plain text. */
export interface RenderedExplanation {
  /** "Provider · Service" of the entry's catalog. */
  catalog: string;
  fields: ExplanationField[];
  links: Link[];
  /** What was repaired of capture damage in the entry, in full sentences. */
  repairs: string[];
  markdown: string;
  plainText: string;
}

/** The explanation of an entry; `others` are the other entries its code may mean, listed at its end. */
export function renderExplanation(entry: Entry, language: LanguageTag, others: readonly Entry[] = []): RenderedExplanation {
  const strings = stringsFor(language);
  const fields = fieldsOf(entry, language, strings, {});
  const otherLines = otherMeaningLines(entry, others, language);
  if (otherLines.length > 0) {
    fields.push({ label: strings.alsoIn, texts: otherLines });
  }
  const links = documentationLinks(entry, language);
  const repairs = entry.data.repairs ?? [];
  const catalog = catalogLabel(entry.catalog, language);
  const markdownParts = [header(entry, language, entry.data.code), ...markdownFields(fields), markdownLinks(links)];
  if (repairs.length > 0) {
    markdownParts.push(`*${escapeMarkdown(strings.repaired)}:* ${repairs.map(escapeMarkdown).join(' ')}`);
  }
  const plainParts = [
    `${entry.data.code} — ${catalog}`,
    ...fields.map((field) => (field.label ? `${field.label}: ${field.texts.join('\n')}` : field.texts.join('\n'))),
    ...links.map((link) => `${link.title}: ${link.url}`),
  ];
  return { catalog, fields, links, repairs, markdown: markdownParts.join('\n\n'), plainText: plainParts.join('\n') };
}

/** A one-line Problems-panel message a person can act on, ending with where its origin came from. */
export function renderDiagnosticMessage(resolution: Resolution, token: string, language: LanguageTag, index: CodeIndex): string {
  const strings = stringsFor(language);
  const origin = resolution.origin ? ` — ${clueText(resolution.origin, language)}` : '';
  if (resolution.kind !== 'entry') {
    const [pattern] = resolution.ranked;
    const ownTable = ownTableOf(resolution, index);
    const head =
      resolution.kind === 'unknownCode' && resolution.family
        ? strings.diagnosticUnknownCode(token, familyLabel(resolution.family, language, index))
        : ownTable
          ? strings.diagnosticNotInTable(token, catalogLabel(ownTable, language))
          : strings.diagnosticOtherProduct(token, productLabel(resolution, language, index));
    const patternLabel = (entry: Entry) => (resolution.kind === 'unknownCode' ? strings.nearestEntry : ownTable ? strings.looksLike : strings.generalPattern(catalogLabel(entry.catalog, language)));
    const more = pattern ? ` ${patternLabel(pattern.entry)}: ${pattern.entry.data.code} — ${plainLine(meaningOf(pattern.entry, language))}` : '';
    return truncate(`${head}${more}${origin ? ` [${providerName(resolution.family?.provider ?? resolution.otherProduct?.provider ?? resolution.origin!.provider, language, index)}${origin}]` : ''}`, 600);
  }
  const best = resolution.ranked[0];
  const entry = best.entry;
  const meaning = truncate(plainLine(meaningOf(entry, language)), 240);
  const fix = plainLine(lineTextOf(entry, 'solution', language, (text) => text.split(/\r?\n/)[0]) ?? '');
  const bound = Object.entries(best.bindings).map(([name, value]) => ` {${name}} = ${value}.`).join('');
  const others = resolution.confident || resolution.ranked.length < 2 ? '' : ` (${strings.candidates(resolution.ranked.length)})`;
  const text = `${token}: ${meaning}${bound}${fix ? ` ${strings.fix}: ${truncate(fix, 240)}` : ''} [${catalogLabel(entry.catalog, language)}${origin}]${others}`;
  return truncate(text, 600);
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
