/*
 * Decides which catalog entry an occurrence means, from the evidence around it: the message next
 * to it, the JSON key it sits under, the provider's host name, and how specific each code is.
 */
import { Candidate, CatalogInfo } from './codeIndex';
import { matchMessage } from './messageMatcher';
import { Occurrence, isNumericCode } from './scanner';
import { httpsHost } from './url';

export interface RankedCandidate extends Candidate {
  score: number;
  /** 1 when the entry's whole message is there, 0.5 for a long part of it, 0 for none. */
  messageScore: number;
}

export interface Resolution {
  ranked: RankedCandidate[];
  /** The strongest kind of evidence behind the first candidate. */
  evidence: 'message' | 'key' | 'none';
  /** True when one entry is clearly meant; otherwise every candidate is worth showing. */
  confident: boolean;
  /** A number under a status key next to another code: that error's HTTP status, not a code of its own. */
  suppressed: boolean;
}

export interface Evidence {
  /** The occurrence's line and, for pretty-printed JSON, the sibling message lines; whitespace collapsed. */
  text: string;
  /** Whether another, non-numeric code stands close by (same line or same JSON object). */
  otherCodeNearby: boolean;
}

export function resolve(occurrence: Occurrence, evidence: Evidence): Resolution {
  // Whether the text names a catalog's provider is asked once per catalog, on the text lower-cased once.
  let lower: string | undefined;
  const mentions = new Map<CatalogInfo, boolean>();
  const mentioned = (catalog: CatalogInfo) => {
    let answer = mentions.get(catalog);
    if (answer === undefined) {
      lower ??= evidence.text.toLowerCase();
      answer = mentionsProvider(catalog, lower);
      mentions.set(catalog, answer);
    }
    return answer;
  };
  const ranked = occurrence.candidates.map((candidate) => rank(candidate, occurrence, evidence.text, mentioned));
  ranked.sort((a, b) => b.score - a.score || a.entry.catalog.order - b.entry.catalog.order);
  const [first, second] = ranked;
  const keyed = occurrence.key !== undefined && first.entry.catalog.errorBody?.codeKeys.includes(occurrence.key) === true;
  const evidenceKind = first.messageScore > 0 ? 'message' : keyed ? 'key' : 'none';
  const confident = !second || first.messageScore === 1 || first.score - second.score >= 2;
  const suppressed = canBeSuppressed(occurrence) && first.messageScore < 1 && evidence.otherCodeNearby;
  return { ranked, evidence: evidenceKind, confident, suppressed };
}

/**
 * Whether resolving may leave an occurrence out: only a number under a key can be the HTTP status
 * of another code near it. Every other occurrence counts without being resolved.
 */
export function canBeSuppressed(occurrence: Occurrence): boolean {
  return occurrence.context === 'key' && isNumericCode(occurrence);
}

function rank(candidate: Candidate, occurrence: Occurrence, text: string, mentioned: (catalog: CatalogInfo) => boolean): RankedCandidate {
  const { entry } = candidate;
  let messageScore = 0;
  let bindingAgrees = false;
  for (const matcher of entry.messages) {
    const match = matchMessage(matcher, text);
    if (match && match.score > messageScore) {
      messageScore = match.score;
    }
    if (match && Object.keys(candidate.bindings).length > 0) {
      bindingAgrees ||= Object.entries(candidate.bindings).every(([name, value]) => match.bindings[name] === undefined || match.bindings[name] === value);
    }
  }
  let score = 10 * messageScore;
  if (bindingAgrees && messageScore === 1) {
    score += 3;
  }
  if (occurrence.key !== undefined && entry.catalog.errorBody?.codeKeys.includes(occurrence.key)) {
    score += 2;
  }
  if (mentioned(entry.catalog)) {
    score += 1;
  }
  if (!entry.template.isTemplate) {
    score += 0.5;
  }
  score += entry.template.literalLength / 1000;
  // Listed, not spread: spreading an object is many times slower, and this runs for every candidate.
  return { entry: candidate.entry, bindings: candidate.bindings, score, messageScore };
}

const providerWords = new WeakMap<CatalogInfo, string[]>();

/** Whether the lower-case text names the provider's domain (e.g. `aliyuncs.com`, `myhuaweicloud.com`). */
function mentionsProvider(catalog: CatalogInfo, lower: string): boolean {
  let words = providerWords.get(catalog);
  if (!words) {
    words = [
      ...new Set(
        catalog.sources.map((source) => {
          const host = (httpsHost(source.url) ?? '').split('.');
          return host.length >= 2 ? host[host.length - 2] : host[0];
        }),
      ),
    ].filter((word) => word.length >= 5);
    providerWords.set(catalog, words);
  }
  return words.some((word) => lower.includes(word));
}
