/*
 * What a support ticket about one finding needs, read out of the text around it: the code, whose
 * error it is (provider, product, catalog entry) and what it means, from the same resolution as
 * hovers; the request id, the host or endpoint and the time of the line, from the code's error
 * body (a JSON object around it, on one line or pretty-printed) or its line; and the provider's
 * diagnosis page. For Alibaba Cloud that is the body's own `Recommend` link when it has one, else
 * the OpenAPI troubleshoot page for the code, product and request id, in the form Alibaba's "API
 * error diagnosis" page documents
 * (https://www.alibabacloud.com/help/en/openapi/user-guide/api-error-diagnosis); for Huawei Cloud
 * it is the page of the code's table.
 */
import { LanguageTag } from './catalogModel';
import { Range, ResolvedOccurrence } from './codeDocument';
import { CodeIndex, pickText } from './codeIndex';
import { CodeLink } from './documentLinks';
import { FindingKind, Resolution } from './resolver';
import { catalogLabel, findingLinks, meaningOf, originLine, plainLine, productName, providerName, unlistedTitle } from './render';
import { stringsFor } from './strings';
import { findTimestamp } from './timestamps';
import { httpsHost } from './url';

/** The lines of a document, as a ticket reads them. */
export interface TextLines {
  readonly lineCount: number;
  lineText(line: number): string;
}

/** A value found in the text, and where. */
export interface LocatedValue {
  value: string;
  range: Range;
}

/** Where a ticket's diagnosis link comes from. */
export type DiagnosisSource = 'recommend' | 'troubleshoot' | 'documentation';

export interface TicketFacts {
  code: string;
  kind: FindingKind;
  /** The provider's name ("Huawei Cloud"), from the clue that named it, else the entry's catalog. */
  provider?: string;
  /** The product's name ("OCR"), when the entry's catalog or a clue names it. */
  product?: string;
  /** The catalog entry meant ("huaweicloud-ocr:AIS.0101"); absent for a code no entry explains. */
  entryId?: string;
  /** "Provider · Service" of the entry, or what the code is ("… — not in the catalogs"). */
  catalog: string;
  meaning: string;
  httpStatus?: number;
  /** Whose error it is and the clue that said so. */
  origin?: string;
  requestId?: LocatedValue;
  /** Alibaba Cloud's `HostId`: the endpoint that answered. */
  hostId?: string;
  /** The endpoint the text names (a host of the provider), when there is no HostId. */
  endpoint?: string;
  /** The time of the line, as the text writes it. */
  time?: string;
  diagnosis?: { url: string; source: DiagnosisSource };
}

export interface SupportTicket {
  facts: TicketFacts;
  markdown: string;
  plainText: string;
}

const ALIBABA_CLOUD = 'alibabacloud';
/** The OpenAPI troubleshoot page, as Alibaba's "API error diagnosis" page shows a `Recommend` link. */
const TROUBLESHOOT_URL = 'https://api.alibabacloud.com/troubleshoot';
/** The domains Alibaba Cloud's own diagnosis links live on; a `Recommend` elsewhere is not followed. */
const ALIBABA_DOMAINS = ['aliyun.com', 'alibabacloud.com'];

/** How far from the code an error body's opening brace is looked for, and how long a body may run. */
const BODY_LINES = 40;
/** How far above the code a line with a time is looked for, when the code's own line has none. */
const TIME_LINES_ABOVE = 20;
/** How many of a document's Alibaba Cloud findings get their request id linked. */
const MAX_LINKED_FINDINGS = 2000;
/** The most characters of a line that are searched for a ticket's facts. */
const LINE_SEARCH = 8192;

// A `requestId=` inside a link's query (a Recommend URL) is the link's, not the body's.
const REQUEST_ID = /(?<![?&])(["']?)\b((?:x-(?:acs|ca)-)?request[-_ ]?id)\1\s*[:=]\s*["']?([A-Za-z0-9][A-Za-z0-9_.:-]{3,127})/gi;
const HOST_ID = /(["']?)\bHostId\1\s*[:=]\s*["']?([A-Za-z0-9][A-Za-z0-9.-]{2,252})/gi;
const ENDPOINT = /(["']?)\b(?:endpoint|host)\1\s*[:=]\s*["']?(?:https?:\/\/)?([A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)+)/gi;
const RECOMMEND = /(["']?)\bRecommend\1\s*[:=]\s*["']?(https:\/\/[^\s"'<>\\]+)/gi;
const TIME_KEY = /(["']?)\b(?:timestamp|time|date|datetime)\1\s*[:=]\s*["']?([^"',}\]]{8,40})/gi;

interface Match {
  value: string;
  line: number;
  start: number;
}

/** The lines of the error body around a code: the JSON object it stands in, else its own line. */
function bodyLines(lines: TextLines, line: number, character: number): { from: number; to: number } {
  // Walk back to the brace that opens the object around the code.
  let depth = 0;
  let from = -1;
  for (let current = line; current >= Math.max(0, line - BODY_LINES) && from < 0; current--) {
    const text = lineHead(lines, current);
    for (let index = current === line ? Math.min(character, text.length) - 1 : text.length - 1; index >= 0; index--) {
      const char = text[index];
      if (char === '}') {
        depth++;
      } else if (char === '{') {
        if (depth === 0) {
          from = current;
          break;
        }
        depth--;
      }
    }
  }
  if (from < 0) {
    return { from: line, to: line };
  }
  // And on to the brace that closes it.
  depth = 0;
  for (let current = line; current < Math.min(lines.lineCount, line + BODY_LINES); current++) {
    const text = lineHead(lines, current);
    for (let index = current === line ? character : 0; index < text.length; index++) {
      const char = text[index];
      if (char === '{') {
        depth++;
      } else if (char === '}') {
        if (depth === 0) {
          return { from, to: current };
        }
        depth--;
      }
    }
  }
  return { from, to: line };
}

function lineHead(lines: TextLines, line: number): string {
  const text = lines.lineText(line);
  return text.length > LINE_SEARCH ? text.slice(0, LINE_SEARCH) : text;
}

/** Every match of a pattern (its last group is the value) on the lines given. */
function matches(lines: TextLines, from: number, to: number, pattern: RegExp): Match[] {
  const found: Match[] = [];
  for (let line = from; line <= to; line++) {
    const text = lineHead(lines, line);
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const value = match[match.length - 1];
      found.push({ value, line, start: match.index + match[0].length - value.length });
    }
  }
  return found;
}

/** The match nearest to a position: on the nearest line, then the nearest on it. */
function nearest(found: readonly Match[], line: number, character: number): Match | undefined {
  let best: Match | undefined;
  let bestDistance = Infinity;
  for (const match of found) {
    const distance = Math.abs(match.line - line) * 1_000_000 + Math.abs(match.start - character);
    if (distance < bestDistance) {
      best = match;
      bestDistance = distance;
    }
  }
  return best;
}

/** The provider whose error it is: the clue's, else the entry's or the family's. */
function providerOf(resolution: Resolution): string | undefined {
  return (
    resolution.origin?.provider ??
    resolution.otherProduct?.provider ??
    resolution.family?.provider ??
    (resolution.kind === 'entry' ? resolution.ranked[0]?.entry.catalog.origin?.provider : undefined)
  );
}

/** The name the provider's own links give the product (`imm` in `product=imm`), when a catalog says. */
function productCode(resolution: Resolution, index: CodeIndex): string | undefined {
  if (resolution.kind === 'entry') {
    return resolution.ranked[0]?.entry.catalog.origin?.productNames?.[0];
  }
  const product = resolution.otherProduct?.product ?? resolution.origin?.product;
  const catalog = index.catalogs.find((item) => item.origin?.provider === providerOf(resolution) && item.origin?.product === product);
  return catalog?.origin?.productNames?.[0];
}

function isAlibabaLink(url: string): boolean {
  const host = httpsHost(url);
  return host !== undefined && ALIBABA_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

/** Alibaba Cloud's OpenAPI troubleshoot page for a code of a product and one request. */
function troubleshootUrl(code: string, product: string, requestId: string): string {
  const query = [['intl_lang', 'EN_US'], ['q', code], ['product', product], ['requestId', requestId]].map(([key, value]) => `${key}=${encodeURIComponent(value)}`);
  return `${TROUBLESHOOT_URL}?${query.join('&')}`;
}

/** The facts a support ticket about this finding needs, from its resolution and the text around it. */
export function ticketFacts(lines: TextLines, found: ResolvedOccurrence, language: LanguageTag, index: CodeIndex): TicketFacts {
  const { occurrence, resolution } = found;
  const { line, start } = occurrence;
  const body = bodyLines(lines, line, start);
  const near = (pattern: RegExp) => nearest(matches(lines, body.from, body.to, pattern), line, start);

  const provider = providerOf(resolution);
  const facts: TicketFacts = { code: occurrence.token, kind: resolution.kind, catalog: '', meaning: '' };
  if (resolution.kind === 'entry' && resolution.ranked[0]) {
    const entry = resolution.ranked[0].entry;
    facts.provider = pickText(entry.catalog.provider, language);
    facts.product = pickText(entry.catalog.service, language);
    facts.entryId = entry.id;
    facts.catalog = catalogLabel(entry.catalog, language);
    facts.meaning = plainLine(meaningOf(entry, language));
    if (entry.data.httpStatus !== undefined) {
      facts.httpStatus = entry.data.httpStatus;
    }
  } else {
    facts.provider = provider ? providerName(provider, language, index) : undefined;
    const product = resolution.otherProduct?.product ?? resolution.origin?.product;
    if (provider && product) {
      facts.product = productName(provider, product, language, index);
    }
    facts.catalog = unlistedTitle(resolution, language, index);
    facts.meaning = stringsFor(language).notInCatalogs;
  }
  const origin = originLine(resolution, language, index);
  if (origin) {
    facts.origin = origin;
  }

  const requestId = near(REQUEST_ID);
  if (requestId) {
    facts.requestId = { value: requestId.value, range: { start: { line: requestId.line, character: requestId.start }, end: { line: requestId.line, character: requestId.start + requestId.value.length } } };
  }
  const hostId = near(HOST_ID);
  if (hostId) {
    facts.hostId = hostId.value;
  } else {
    const endpoint = near(ENDPOINT)?.value ?? hostClue(lines, body.from, body.to, line, start, provider, index);
    if (endpoint) {
      facts.endpoint = endpoint;
    }
  }
  const time = timeOf(lines, body, line, near(TIME_KEY)?.value);
  if (time) {
    facts.time = time;
  }

  const diagnosis = diagnosisOf(found, provider, near(RECOMMEND)?.value, facts.requestId?.value, language, index);
  if (diagnosis) {
    facts.diagnosis = diagnosis;
  }
  return facts;
}

/**
 * The provider's diagnosis page for a finding: for Alibaba Cloud the body's own Recommend link,
 * else the troubleshoot page of the code, product and request id; else the code's documentation.
 */
function diagnosisOf(found: ResolvedOccurrence, provider: string | undefined, recommend: string | undefined, requestId: string | undefined, language: LanguageTag, index: CodeIndex): TicketFacts['diagnosis'] {
  const { occurrence, resolution } = found;
  if (provider === ALIBABA_CLOUD && recommend && isAlibabaLink(recommend)) {
    return { url: recommend, source: 'recommend' };
  }
  const product = productCode(resolution, index);
  if (provider === ALIBABA_CLOUD && product && requestId) {
    return { url: troubleshootUrl(occurrence.token, product, requestId), source: 'troubleshoot' };
  }
  const documentation = findingLinks(resolution, occurrence.token, language, index)[0];
  return documentation ? { url: documentation.url, source: 'documentation' } : undefined;
}

/** A host of the provider the text names in the body or on the code's line, nearest first. */
function hostClue(lines: TextLines, from: number, to: number, line: number, start: number, provider: string | undefined, index: CodeIndex): string | undefined {
  const found: Match[] = [];
  for (let current = from; current <= to; current++) {
    const text = lineHead(lines, current);
    for (const clue of index.detector.cluesIn(text, current, 0, text.length)) {
      if (clue.kind === 'host' && (provider === undefined || clue.provider === provider)) {
        found.push({ value: clue.text, line: current, start: clue.start });
      }
    }
  }
  return nearest(found, line, start)?.value;
}

/** The time of the code's line, else of its body, else of the nearest line above with one. */
function timeOf(lines: TextLines, body: { from: number; to: number }, line: number, bodyTime: string | undefined): string | undefined {
  const own = findTimestamp(lineHead(lines, line));
  if (own) {
    return own.text;
  }
  const keyed = bodyTime === undefined ? undefined : findTimestamp(bodyTime);
  if (keyed) {
    return keyed.text;
  }
  for (let current = Math.min(line, body.from) - 1; current >= Math.max(0, line - TIME_LINES_ABOVE); current--) {
    const above = findTimestamp(lineHead(lines, current));
    if (above) {
      return above.text;
    }
  }
  return undefined;
}

/** Text a ticket quotes from a log or a catalog, made safe for Markdown without backslashes everywhere. */
function markdownText(text: string): string {
  return plainLine(text).replace(/[\\`*_[\]<>|#]/g, (char) => `\\${char}`);
}

/** The ticket as Markdown and as plain text, with labels in the display language. */
export function renderTicket(facts: TicketFacts, language: LanguageTag): SupportTicket {
  const labels = stringsFor(language).ticket;
  const rows: [string, string, 'code' | 'link' | 'text'][] = [];
  const add = (label: string, value: string | undefined, form: 'code' | 'link' | 'text' = 'text') => {
    if (value !== undefined && value !== '') {
      rows.push([label, value, form]);
    }
  };
  add(labels.provider, facts.provider);
  add(labels.product, facts.product);
  add(labels.entry, facts.entryId ? `${facts.entryId} (${facts.catalog})` : facts.catalog);
  add(labels.meaning, facts.meaning);
  add(labels.httpStatus, facts.httpStatus?.toString());
  add(labels.requestId, facts.requestId?.value ?? labels.notFound, facts.requestId ? 'code' : 'text');
  add(labels.hostId, facts.hostId, 'code');
  add(labels.endpoint, facts.endpoint, 'code');
  add(labels.time, facts.time, 'code');
  add(facts.diagnosis?.source === 'documentation' ? labels.documentation : labels.diagnosis, facts.diagnosis?.url, 'link');
  add(labels.origin, facts.origin);
  const markdown = [
    `**${labels.title(markdownText(facts.code))}**`,
    '',
    ...rows.map(([label, value, form]) => `- **${label}:** ${form === 'code' ? `\`${value.replace(/`/g, '')}\`` : form === 'link' ? `<${value}>` : markdownText(value)}`),
  ].join('\n');
  const plainText = [labels.title(facts.code), ...rows.map(([label, value]) => `${label}: ${plainLine(value)}`)].join('\n');
  return { facts, markdown: `${markdown}\n`, plainText: `${plainText}\n` };
}

/**
 * Document links from request ids to the provider's diagnosis page, for the findings whose body
 * carries one (Alibaba Cloud's `RequestId` to its Recommend or troubleshoot page).
 */
export function requestIdLinks(lines: TextLines, findings: Iterable<ResolvedOccurrence>, language: LanguageTag, index: CodeIndex): CodeLink[] {
  const links: CodeLink[] = [];
  const linked = new Set<string>();
  const tooltip = stringsFor(language).ticket.diagnosisLink;
  let looked = 0;
  for (const found of findings) {
    const provider = providerOf(found.resolution);
    if (provider !== ALIBABA_CLOUD) {
      continue;
    }
    // Each finding's body is read: a document with very many is linked for its first ones only.
    if (++looked > MAX_LINKED_FINDINGS) {
      break;
    }
    const { line, start } = found.occurrence;
    const body = bodyLines(lines, line, start);
    const requestId = nearest(matches(lines, body.from, body.to, REQUEST_ID), line, start);
    if (!requestId) {
      continue;
    }
    const key = `${requestId.line}:${requestId.start}`;
    const diagnosis = linked.has(key) ? undefined : diagnosisOf(found, provider, nearest(matches(lines, body.from, body.to, RECOMMEND), line, start)?.value, requestId.value, language, index);
    if (!diagnosis || diagnosis.source === 'documentation') {
      continue;
    }
    linked.add(key);
    links.push({ range: { start: { line: requestId.line, character: requestId.start }, end: { line: requestId.line, character: requestId.start + requestId.value.length } }, url: diagnosis.url, tooltip });
  }
  return links;
}
