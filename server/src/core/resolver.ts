/*
 * Decides what an occurrence is: which catalog entry it means, or a code of a known family that no
 * catalog lists, or an error of another product of one of our providers; or nothing at all, when
 * it is another cloud's error or a plain word with no evidence that it is ours. It weighs the clues
 * of origin nearest to the code first (its line, its body, the lines nearby, the document), then
 * the message next to it, the key it sits under, and how specific each code is.
 */
import { Candidate, CodeIndex, Entry, FamilyRef } from './codeIndex';
import { Evidence, SCOPES, Scope } from './evidence';
import { MessageMatcher, matchNormalized, messageSimilarity } from './messageMatcher';
import { AT_THE_CODE, CLUE_STRENGTH, Clue } from './origins';
import { perObject } from './perObject';
import { Occurrence, hasTellingMessage, isNumericCode } from './scanner';

export interface RankedCandidate extends Candidate {
  score: number;
  /** 1 when the entry's whole message is there, 0.9 for the body's message in other words, 0.5 for a long part of it, 0 for none. */
  messageScore: number;
  /** Whether the code stands under a key of its catalog's error body. */
  keyed: boolean;
}

/** What an occurrence turned out to be. */
export type FindingKind =
  /** A catalog entry (the first of `ranked`). */
  | 'entry'
  /** A code of a known family that no catalog lists (`AIS.0118`). */
  | 'unknownCode'
  /** An error of a product of one of our providers that the catalogs do not cover (an ECS code). */
  | 'otherProduct';

/** Whose error it is, and the clue that said so. */
export interface Attribution {
  provider: string;
  /** The product, when a clue named it. */
  product?: string;
  clue: Clue;
  scope: Scope;
}

export interface Resolution {
  kind: FindingKind;
  /**
   * For an entry, its candidates, most likely first. For an unknown code, the nearest entries of
   * its family; for another product's code, the provider's general patterns it fits. May be empty
   * for those two kinds.
   */
  ranked: RankedCandidate[];
  /** The strongest kind of evidence behind the first candidate. */
  evidence: 'message' | 'key' | 'none';
  /** True when one entry is clearly meant; otherwise every candidate is worth showing. */
  confident: boolean;
  /**
   * True when the evidence establishes the entry's product (a clue, its message, or a code only one
   * table holds from a provider the text shows). Only established findings may be errors or warnings.
   */
  established: boolean;
  /** Where the origin came from, when a clue said it. */
  origin?: Attribution;
  /** The family of an unknown code. */
  family?: FamilyRef;
  /** The provider and product of another product's error; `listed` when that product's own table is here but leaves the code out. */
  otherProduct?: { provider: string; product?: string; listed?: true };
  /** The message the text carries, when it clearly differs from the chosen entry's. */
  drift?: { said: string; table: string };
  /** True when the occurrence is no finding at all; `silence` says why. */
  suppressed: boolean;
  silence?: 'status' | 'otherCloud' | 'noEvidence';
}

/** A message score from which the message counts as the entry's own. */
const MESSAGE_EVIDENCE = 0.9;
/** Below this likeness, the text's message and the table's clearly differ. */
const DRIFT_BELOW = 0.5;

const SILENT_STATUS: Resolution = { kind: 'entry', ranked: [], evidence: 'none', confident: false, established: false, suppressed: true, silence: 'status' };

function silent(silence: NonNullable<Resolution['silence']>, origin?: Attribution): Resolution {
  return { kind: 'entry', ranked: [], evidence: 'none', confident: false, established: false, suppressed: true, silence, ...(origin ? { origin } : {}) };
}

/** The provider a catalog belongs to; a catalog that declares none is its own provider. */
function providerOf(entry: Entry): string {
  return entry.catalog.origin?.provider ?? `catalog:${entry.catalog.id}`;
}

function productOf(entry: Entry): string {
  return entry.catalog.origin?.product ?? entry.catalog.id;
}

/** How near a message said in the text must come to another product's wording of it for the message to tell no product. */
const RIVAL_WORDING = 0.7;

/**
 * Whether the message next to the code, not written as this entry's table writes it, is as near to
 * another product's entry for the same code: two tables wording one platform message each their
 * own way (`The API XXX is not subscribed`, `The API is not subscribed to`) tell the provider, not
 * which product answered.
 */
function sharedWording(candidate: RankedCandidate, ranked: readonly RankedCandidate[], evidence: Evidence): boolean {
  const said = evidence.message;
  if (candidate.messageScore === 1 || said === undefined) {
    return false;
  }
  const provider = providerOf(candidate.entry);
  const product = productOf(candidate.entry);
  return ranked.some(
    (rival) =>
      providerOf(rival.entry) === provider &&
      productOf(rival.entry) !== product &&
      rival.entry.catalog.scope !== 'gateway' &&
      [...rival.entry.messages.map((matcher) => messageSimilarity(said, matcher)), ...describedIn(rival.entry).map((text) => messageSimilarity(said, text))].some(
        (similarity) => similarity >= RIVAL_WORDING,
      ),
  );
}

/** A template or a common error: a pattern the provider's products share, not one product's own entry. */
function isGeneralPattern(entry: Entry): boolean {
  return entry.template.isTemplate || entry.data.kind === 'commonError';
}

/**
 * A template whose first name holds a placeholder (`Invalid{ParameterName}`, `Invalid{ResourceType}.NotFound`)
 * fits too many codes of too many products to bind without evidence of its own product.
 */
function startsWithPlaceholder(entry: Entry): boolean {
  return entry.template.isTemplate && entry.data.code.split('.')[0].includes('{');
}

/** What an occurrence is, given the evidence around it. */
export function resolve(occurrence: Occurrence, evidence: Evidence, index: CodeIndex): Resolution {
  const resolution = decide(occurrence, evidence, index);
  const origin = resolution.origin;
  // A clue that is the code itself (its own message, its own table) is kept without the code's
  // place, which the code has: codes decided alike can then share one resolution. The resolution
  // and its origin are the decision's own; the clue may be the line's, read by other codes.
  if (origin !== undefined && origin.scope === 'line' && origin.clue.line === occurrence.line && origin.clue.start === occurrence.start) {
    resolution.origin = { ...origin, clue: { ...origin.clue, line: AT_THE_CODE, start: AT_THE_CODE } };
  }
  return resolution;
}

/**
 * Whether codes decided alike may share a resolution of this kind: an entry's, its candidates
 * without bindings, no drift, and no origin or one that is the code itself.
 */
export function isShareable(resolution: Resolution): boolean {
  if (resolution.kind !== 'entry' || resolution.ranked.length === 0 || resolution.drift !== undefined || resolution.family !== undefined || resolution.otherProduct !== undefined || resolution.silence !== undefined) {
    return false;
  }
  if (resolution.origin !== undefined && resolution.origin.clue.line !== AT_THE_CODE) {
    return false;
  }
  for (const candidate of resolution.ranked) {
    for (const _name in candidate.bindings) {
      return false;
    }
  }
  return true;
}

/** Whether two shareable resolutions (see `isShareable`) say the same in every field. */
export function sameResolution(a: Resolution, b: Resolution): boolean {
  if (a.evidence !== b.evidence || a.confident !== b.confident || a.established !== b.established || a.suppressed !== b.suppressed || a.ranked.length !== b.ranked.length) {
    return false;
  }
  for (let at = 0; at < a.ranked.length; at++) {
    const [mine, theirs] = [a.ranked[at], b.ranked[at]];
    if (mine.entry !== theirs.entry || mine.score !== theirs.score || mine.messageScore !== theirs.messageScore || mine.keyed !== theirs.keyed) {
      return false;
    }
  }
  const [origin, other] = [a.origin, b.origin];
  if (origin === undefined || other === undefined) {
    return origin === other;
  }
  const [clue, otherClue] = [origin.clue, other.clue];
  return (
    origin.provider === other.provider &&
    origin.product === other.product &&
    origin.scope === other.scope &&
    clue.provider === otherClue.provider &&
    clue.product === otherClue.product &&
    clue.kind === otherClue.kind &&
    clue.text === otherClue.text
  );
}

function decide(occurrence: Occurrence, evidence: Evidence, index: CodeIndex): Resolution {
  const ranked = occurrence.candidates.map((candidate) => rank(candidate, occurrence, evidence));
  ranked.sort(byScore);
  const first = ranked[0] as RankedCandidate | undefined;
  if (first !== undefined && isNumericCode(occurrence) && occurrence.context === 'key' && first.messageScore < 1 && evidence.otherCodeNearby) {
    // A number under a status key next to another code is that error's HTTP status.
    return SILENT_STATUS;
  }
  const ownProviders = new Set(ranked.map((candidate) => providerOf(candidate.entry)));
  if (occurrence.family) {
    ownProviders.add(occurrence.family.provider);
  }
  if (occurrence.unlisted) {
    // A value under a key our providers put codes under is theirs if their body or host says so.
    for (const provider of index.codeKeys.get(occurrence.key ?? '') ?? []) {
      ownProviders.add(provider);
    }
  }
  // The entries whose own message stands next to the code are the nearest clue of all.
  // A general pattern's message (a template's, a common error's) is the provider's way of saying it,
  // shared by its products: it shows the provider, not the product.
  const messageClues: { clue: Clue; scope: Scope }[] = ranked
    .filter((candidate) => candidate.entry.catalog.origin !== undefined && hasTellingMessage(candidate.entry))
    .filter((candidate) => (isGeneralPattern(candidate.entry) ? candidate.messageScore === 1 : candidate.messageScore >= MESSAGE_EVIDENCE))
    .map((candidate) => ({
      clue: {
        provider: providerOf(candidate.entry),
        ...(isGeneralPattern(candidate.entry) || sharedWording(candidate, ranked, evidence) ? {} : { product: productOf(candidate.entry) }),
        kind: 'message' as const,
        text: candidate.entry.data.code,
        line: occurrence.line,
        start: occurrence.start,
      },
      scope: 'line' as const,
    }));
  const selfEvident = isSelfEvident(occurrence, ranked);
  if (ranked.length > 0 && ranked.every((candidate) => candidate.entry.catalog.origin === undefined)) {
    // Catalogs that declare no origin cannot be told by clues, nor silenced by them.
    return resolveWithoutOrigin(occurrence, ranked, false, evidence);
  }
  const decision = decideProvider(occurrence, evidence, index, ownProviders, messageClues, selfEvident);
  if (decision.otherCloud) {
    return silent('otherCloud', decision.otherCloud);
  }
  const provider = decision.provider;
  // With the provider known, the product comes from the nearest clue of that provider that names one.
  const productClue = provider ? productAttribution(provider.provider, evidence, messageClues, decision.providerScope) : undefined;

  if (occurrence.unlisted) {
    return resolveUnlisted(occurrence, provider, productClue, index);
  }
  if (occurrence.context === 'reasonPhrase' && !ranked.some((candidate) => productOf(candidate.entry) === productClue?.product)) {
    // A number next to its reason phrase is any server's answer, unless the text names the product.
    return silent('noEvidence');
  }
  if (occurrence.family && ranked.length === 0) {
    return resolveUnknownCode(occurrence, occurrence.family, provider, productClue, index, evidence);
  }
  if (!provider) {
    return resolveWithoutOrigin(occurrence, ranked, selfEvident, evidence);
  }
  let mine = ranked.filter((candidate) => providerOf(candidate.entry) === provider.provider);
  if (productClue) {
    const ofProduct = mine.filter((candidate) => productOf(candidate.entry) === productClue.product && fitsItsMessage(candidate, evidence));
    if (ofProduct.length > 0) {
      return finish(ofProduct, productClue, true, evidence);
    }
    // A gateway answers for every product behind it: its table explains what the product's does not.
    const ofGateway = mine.filter((candidate) => candidate.entry.catalog.scope === 'gateway');
    if (ofGateway.length > 0) {
      return finish(ofGateway, productClue, true, evidence);
    }
    const ours = index.catalogs.some((catalog) => catalog.origin?.provider === provider.provider && catalog.origin.product === productClue.product);
    const local = productClue.scope === 'line' || productClue.scope === 'body';
    // A document that names only this product, for a code that names its provider: the code is one the product's table leaves out.
    const onlyProduct = selfEvident && documentNamesOnly(provider.provider, evidence) === productClue.product;
    if (!ours || local || onlyProduct) {
      // Another product's error (or one its own table leaves out): no entry of another table is claimed.
      const family = occurrence.family ?? index.familyOf(occurrence.token);
      if (ours && family) {
        return resolveUnknownCode(occurrence, family, provider, productClue, index, evidence);
      }
      return otherProduct(provider.provider, productClue.product, productClue, generalPatterns(mine), ours);
    }
    // A product named only further away gives way to the code's own tables.
  }
  // The provider is known, its product is not: a template fits too many products' codes to bind.
  const templates = mine.filter((candidate) => candidate.entry.template.isTemplate);
  mine = mine.filter((candidate) => !candidate.entry.template.isTemplate);
  if (mine.length === 0 && templates.length > 0) {
    return otherProduct(provider.provider, undefined, provider, generalPatterns(templates));
  }
  if (mine.length === 0) {
    const family = occurrence.family ?? index.familyOf(occurrence.token);
    if (family && family.provider === provider.provider) {
      return resolveUnknownCode(occurrence, family, provider, undefined, index, evidence);
    }
    return otherProduct(provider.provider, undefined, provider, generalPatterns(ranked.filter((candidate) => providerOf(candidate.entry) === provider.provider)));
  }
  const favoured = favouredProduct(provider.provider, mine, evidence);
  if (favoured) {
    return finish(
      mine.filter((candidate) => productOf(candidate.entry) === favoured.product),
      favoured,
      true,
      evidence,
    );
  }
  const singleTable = new Set(mine.map((candidate) => candidate.entry.catalog.id)).size === 1;
  const established = singleTable && (!mine[0].entry.template.isTemplate || mine[0].messageScore >= MESSAGE_EVIDENCE);
  return finish(mine, provider, established, evidence);
}

function byScore(a: RankedCandidate, b: RankedCandidate): number {
  return b.score - a.score || a.entry.catalog.order - b.entry.catalog.order;
}

/**
 * A code that names its provider by itself: a literal code of one of the provider's families
 * (`AIS.0101`, `ModelArts.4204`) whose entries all belong to that provider, or a family's unknown code.
 */
function isSelfEvident(occurrence: Occurrence, ranked: readonly RankedCandidate[]): boolean {
  if (occurrence.family && ranked.length === 0) {
    return occurrence.family.shape === 'digits';
  }
  if (ranked.length === 0 || ranked.some((candidate) => candidate.entry.template.isTemplate)) {
    return false;
  }
  const provider = providerOf(ranked[0].entry);
  if (!ranked.every((candidate) => providerOf(candidate.entry) === provider)) {
    return false;
  }
  return ranked[0].entry.catalog.families?.some((family) => family.shape === 'digits' && occurrence.token.startsWith(family.prefix)) === true;
}

interface ProviderDecision {
  /** Our provider the nearest clues name, if any. */
  provider?: Attribution;
  providerScope?: Scope;
  /** Set when the nearest clues are another cloud's. */
  otherCloud?: Attribution;
}

/**
 * Walks the scopes from the code outwards; the first that holds clues decides. Clues of several
 * providers at one distance are weighed by kind; on a tie, another cloud wins (better silent than
 * wrong). Another cloud further off than the body does not silence a code that names its provider
 * by itself.
 */
function decideProvider(
  occurrence: Occurrence,
  evidence: Evidence,
  index: CodeIndex,
  ownProviders: ReadonlySet<string>,
  messageClues: readonly { clue: Clue; scope: Scope }[],
  selfEvident: boolean,
): ProviderDecision {
  for (const scope of SCOPES) {
    if (selfEvident && (scope === 'nearby' || scope === 'document')) {
      // A code that names its provider is its own nearest evidence of it, before any other line's.
      break;
    }
    // A product named in prose says nothing of the provider: `OCR` is anybody's. A code that names
    // its provider by itself heeds no other provider's clue.
    const clues = [...evidence.clues(scope), ...messageClues.filter((item) => item.scope === scope).map((item) => item.clue)].filter(
      (clue) =>
        clue.kind !== 'name' && (clue.kind !== 'bodyKey' || bodyKeyCounts(clue, occurrence, index)) && (!selfEvident || ownProviders.has(clue.provider)),
    );
    if (clues.length === 0) {
      continue;
    }
    const weights = new Map<string, Weight>();
    for (const clue of clues) {
      weigh(weights, clue.provider, clue, clue.kind === 'code' ? (clue as Clue & { count?: number }).count ?? 1 : 1, distanceOf(clue, scope, evidence));
    }
    const ranking = [...weights.entries()].sort(
      ([providerA, a], [providerB, b]) =>
        b.strength - a.strength || a.distance - b.distance || b.count - a.count || Number(!ownProviders.has(providerB)) - Number(!ownProviders.has(providerA)),
    );
    const [bestProvider, best] = ranking[0];
    const attribution: Attribution = { provider: bestProvider, clue: best.clue, scope };
    if (ownProviders.has(bestProvider)) {
      return { provider: attribution, providerScope: scope };
    }
    if (!index.detector.isForeign(bestProvider) && (scope === 'nearby' || scope === 'document')) {
      // Another of our providers on other lines says nothing about this code's: a log calls both.
      continue;
    }
    return { otherCloud: attribution };
  }
  if (selfEvident || occurrence.candidates.length === 0) {
    // The code names its provider itself.
    const provider = occurrence.family?.provider ?? (occurrence.candidates[0] ? providerOf(occurrence.candidates[0].entry) : undefined);
    if (provider !== undefined && selfEvident) {
      return { provider: { provider, clue: { provider, kind: 'code', text: occurrence.token, line: occurrence.line, start: occurrence.start }, scope: 'line' } };
    }
  }
  return {};
}

/** What the clues of one provider (or product) in a scope add up to: their strongest kind, the nearest of those, and how many there are. */
interface Weight {
  strength: number;
  count: number;
  clue: Clue;
  distance: number;
}

/** Adds a clue to what its provider's (or product's) clues add up to. */
function weigh(weights: Map<string, Weight>, key: string, clue: Clue, count: number, distance: number): void {
  const strength = CLUE_STRENGTH[clue.kind];
  const known = weights.get(key);
  if (!known) {
    weights.set(key, { strength, count, clue, distance });
    return;
  }
  known.count++;
  if (strength > known.strength || (strength === known.strength && distance < known.distance)) {
    known.strength = strength;
    known.clue = clue;
    known.distance = distance;
  }
}

/**
 * How far a clue stands from the code, for the clues of a line read in parts: a long line may hold
 * many records, and the one the code stands in is nearest. Every clue of a short line, and of any
 * other scope, is as near as the others.
 */
function distanceOf(clue: Clue, scope: Scope, evidence: Evidence): number {
  return scope === 'line' && evidence.nearTo !== undefined ? Math.abs(clue.start - evidence.nearTo) : 0;
}

/**
 * A body key (`RequestId`) shows a provider's body only next to a code under that provider's code
 * key, or on the code's own line when the code is distinctive.
 */
function bodyKeyCounts(clue: Clue, occurrence: Occurrence, index: CodeIndex): boolean {
  if (occurrence.key !== undefined) {
    return index.codeKeys.get(occurrence.key)?.includes(clue.provider) === true;
  }
  return occurrence.context === 'distinctive' && clue.line === occurrence.line;
}

/**
 * Whether a candidate fits the message its body carries. A template whose first name is a
 * placeholder (`Invalid{ParameterName}`) fits any `Invalid…` code: when the body's message says
 * something else entirely (`InvalidArgument` with "The parameter ProjectName is required"), the
 * code is one the table leaves out, not the template with a made-up name.
 */
function fitsItsMessage(candidate: RankedCandidate, evidence: Evidence): boolean {
  if (!startsWithPlaceholder(candidate.entry) || evidence.message === undefined || candidate.messageScore > 0 || candidate.entry.messages.length === 0) {
    return true;
  }
  return closestMessage(candidate.entry.messages, evidence.message).similarity >= DRIFT_BELOW;
}

/** The one product of a provider the document names (hosts, SDKs, paths, links, prose), if it names exactly one. */
function documentNamesOnly(provider: string, evidence: Evidence): string | undefined {
  const products = new Set(
    evidence
      .clues('document')
      .filter((clue) => clue.provider === provider && clue.product !== undefined && clue.kind !== 'code')
      .map((clue) => clue.product!),
  );
  return products.size === 1 ? [...products][0] : undefined;
}

/** The nearest clue of the provider that names a product, from where the provider was found outwards. */
function productAttribution(provider: string, evidence: Evidence, messageClues: readonly { clue: Clue; scope: Scope }[], from: Scope | undefined): Attribution | undefined {
  const start = from ? SCOPES.indexOf(from) : 0;
  for (const scope of SCOPES.slice(start)) {
    const clues = [...messageClues.filter((item) => item.scope === scope).map((item) => item.clue), ...evidence.clues(scope)].filter(
      (clue) => clue.provider === provider && clue.product !== undefined && clue.kind !== 'code',
    );
    if (clues.length === 0) {
      continue;
    }
    const products = new Map<string, Weight>();
    for (const clue of clues) {
      weigh(products, clue.product!, clue, 1, distanceOf(clue, scope, evidence));
    }
    const ranking = [...products.values()].sort((a, b) => b.strength - a.strength || a.distance - b.distance || b.count - a.count);
    if (ranking.length > 1 && ranking[0].strength === ranking[1].strength && ranking[0].distance === ranking[1].distance && ranking[0].count === ranking[1].count) {
      // Two products as near and as strong: this distance does not tell.
      continue;
    }
    return { provider, product: ranking[0].clue.product, clue: ranking[0].clue, scope };
  }
  return undefined;
}

/**
 * Which of the candidates' products the document favours, for a code two tables share: the
 * products the whole document names (hosts, SDKs, paths), then the codes only one table holds.
 */
function favouredProduct(provider: string, candidates: readonly RankedCandidate[], evidence: Evidence): Attribution | undefined {
  const products = new Set(candidates.map((candidate) => productOf(candidate.entry)));
  if (products.size < 2) {
    return undefined;
  }
  const clues = evidence.clues('document').filter((clue) => clue.provider === provider && clue.product !== undefined && products.has(clue.product));
  const ownVote = evidence.ownVote();
  for (const kinds of [['host', 'sdk', 'apiPath', 'link'], ['name'], ['code']]) {
    const tally = new Map<string, { count: number; clue: Clue }>();
    for (const clue of clues.filter((item) => kinds.includes(item.kind))) {
      const known = tally.get(clue.product!);
      // The code's own vote is counted out: the rest of the document is what favours a product.
      const count = ((clue as Clue & { count?: number }).count ?? 1) - (clue.kind === 'code' && ownVote?.product === clue.product && ownVote?.provider === clue.provider ? 1 : 0);
      if (count <= 0) {
        continue;
      }
      if (known) {
        known.count += count;
      } else {
        tally.set(clue.product!, { count, clue });
      }
    }
    const ranking = [...tally.values()].sort((a, b) => b.count - a.count);
    if (ranking.length > 0 && (ranking.length === 1 || ranking[0].count > ranking[1].count)) {
      return { provider, product: ranking[0].clue.product, clue: ranking[0].clue, scope: 'document' };
    }
  }
  return undefined;
}

/**
 * No clue names any provider: only codes distinctive enough on their own, and not fitting anything,
 * are findings. A catalog that declares no origin cannot be told by clues, so its codes count in an
 * error context (under a key, in a compared literal, next to their message) as they always did.
 */
function resolveWithoutOrigin(occurrence: Occurrence, ranked: RankedCandidate[], selfEvident: boolean, evidence: Evidence): Resolution {
  if (occurrence.context !== 'distinctive') {
    // A plain word or a number under a key, in a literal or in prose needs its provider shown.
    const unattributable = ranked.filter((candidate) => candidate.entry.catalog.origin === undefined);
    return unattributable.length > 0 ? finish(unattributable, undefined, true, evidence) : silent('noEvidence');
  }
  // A template fits too many providers' codes to bind when no clue shows its provider.
  const usable = ranked.filter((candidate) => !candidate.entry.template.isTemplate || candidate.entry.catalog.origin === undefined);
  if (usable.length === 0) {
    return silent('noEvidence');
  }
  const singleTable = new Set(usable.map((candidate) => candidate.entry.catalog.id)).size === 1;
  return finish(usable, undefined, selfEvident && singleTable, evidence);
}

/** An entry finding among the candidates left, with the attribution that chose them. */
function finish(candidates: RankedCandidate[], origin: Attribution | undefined, established: boolean, evidence: Evidence): Resolution {
  const [first, second] = candidates;
  const evidenceKind = first.messageScore > 0 ? 'message' : first.keyed ? 'key' : 'none';
  const confident = !second || first.messageScore === 1 || first.score - second.score >= 2;
  const drift = driftOf(first, evidence);
  return {
    kind: 'entry',
    // A copy the size of its candidates: a filter's result keeps room for 16 more, and a document
    // keeps a resolution per code.
    ranked: candidates.slice(),
    evidence: evidenceKind,
    confident,
    established: established || first.messageScore >= MESSAGE_EVIDENCE,
    ...(origin ? { origin } : {}),
    ...(drift ? { drift } : {}),
    suppressed: false,
  };
}

/** The text's message and the table's, when the text carries one that clearly differs. */
function driftOf(candidate: RankedCandidate, evidence: Evidence): Resolution['drift'] {
  if (evidence.message === undefined || candidate.messageScore >= 1 || candidate.entry.messages.length === 0) {
    return undefined;
  }
  const closest = closestMessage(candidate.entry.messages, evidence.message);
  return closest.similarity < DRIFT_BELOW ? { said: evidence.message, table: closest.matcher.message } : undefined;
}

function closestMessage(matchers: readonly MessageMatcher[], said: string): { matcher: MessageMatcher; similarity: number } {
  let best = { matcher: matchers[0], similarity: -1 };
  for (const matcher of matchers) {
    const similarity = messageSimilarity(said, matcher);
    if (similarity > best.similarity) {
      best = { matcher, similarity };
    }
  }
  return best;
}

function otherProduct(provider: string, product: string | undefined, origin: Attribution, patterns: RankedCandidate[], listed = false): Resolution {
  return {
    kind: 'otherProduct',
    ranked: patterns.slice(),
    evidence: 'none',
    confident: false,
    established: false,
    origin,
    otherProduct: { provider, ...(product ? { product } : {}), ...(listed ? { listed: true as const } : {}) },
    suppressed: false,
  };
}

/** The provider's entries that fit the code as general patterns (templates and common errors). */
function generalPatterns(candidates: readonly RankedCandidate[]): RankedCandidate[] {
  return candidates.filter((candidate) => candidate.entry.template.isTemplate || candidate.entry.data.kind === 'commonError').slice(0, 1);
}

/** A value under a code key that no catalog lists: an error of some product of ours, when the body shows it. */
function resolveUnlisted(occurrence: Occurrence, provider: Attribution | undefined, productClue: Attribution | undefined, index: CodeIndex): Resolution {
  // Only the body itself (its host, its SDK's exception around it) makes an unknown value a code of ours.
  const strong = (attribution: Attribution | undefined) => attribution !== undefined && (attribution.scope === 'line' || attribution.scope === 'body') && CLUE_STRENGTH[attribution.clue.kind] >= 3;
  if (!provider || !(strong(provider) || strong(productClue)) || !index.codeKeys.get(occurrence.key ?? '')?.includes(provider.provider)) {
    return silent('noEvidence');
  }
  return otherProduct(provider.provider, productClue?.product, productClue ?? provider, []);
}

/** A code of a known family that no catalog lists: named with its family and the nearest entry. */
function resolveUnknownCode(occurrence: Occurrence, family: FamilyRef, provider: Attribution | undefined, productClue: Attribution | undefined, index: CodeIndex, evidence: Evidence): Resolution {
  if (provider && provider.provider !== family.provider) {
    return silent('otherCloud', provider);
  }
  if (provider && productClue?.product !== undefined && !index.catalogs.some((catalog) => catalog.origin?.provider === family.provider && catalog.origin.product === productClue.product)) {
    // The text names a product whose table is not here: its error, not a code any of our tables leaves out.
    return otherProduct(family.provider, productClue.product, productClue, []);
  }
  if (!provider && family.shape !== 'digits') {
    // `InvalidParameter.Foo` is a shape several clouds use: it is ours only where the text says so.
    return silent('noEvidence');
  }
  const entries = index.familyEntries(family);
  const preferred = productClue ? entries.filter((entry) => entry.catalog.origin?.product === productClue.product) : [];
  const nearest = nearestEntries(occurrence.token, preferred.length > 0 ? preferred : entries);
  const ranked = nearest.map((entry) => rank({ entry, bindings: {} }, occurrence, evidence));
  return {
    kind: 'unknownCode',
    ranked,
    evidence: 'none',
    confident: false,
    established: false,
    ...(productClue ?? provider ? { origin: (productClue ?? provider)! } : {}),
    family,
    suppressed: false,
  };
}

/** The entries of a family closest to an unknown code: by number for digits, by shared name parts otherwise. */
function nearestEntries(token: string, entries: readonly Entry[]): Entry[] {
  const digits = /([0-9]+)$/.exec(token)?.[1];
  const parts = token.split('.');
  const distance = (entry: Entry): number => {
    const code = entry.data.code;
    const number = /([0-9]+)$/.exec(code)?.[1];
    if (digits !== undefined && number !== undefined && code.slice(0, -number.length) === token.slice(0, -digits.length)) {
      return Math.abs(Number(number) - Number(digits));
    }
    const codeParts = code.split('.');
    const shared = codeParts.filter((part, index) => part === parts[index] || (part.startsWith('{') && parts[index] !== undefined)).length;
    const tail = codeParts[codeParts.length - 1] === parts[parts.length - 1] ? 2 : 0;
    return 1_000_000 - shared - tail - (codeParts.length === parts.length ? 1 : 0);
  };
  return [...entries].sort((a, b) => distance(a) - distance(b)).slice(0, 1);
}

function rank(candidate: Candidate, occurrence: Occurrence, evidence: Evidence): RankedCandidate {
  const { entry } = candidate;
  let messageScore = 0;
  let bindingAgrees = false;
  for (const matcher of entry.messages) {
    const match = matchNormalized(matcher, evidence.text);
    if (match && match.score > messageScore) {
      messageScore = match.score;
    }
    if (match && Object.keys(candidate.bindings).length > 0) {
      bindingAgrees ||= Object.entries(candidate.bindings).every(([name, value]) => match.bindings[name] === undefined || match.bindings[name] === value.toLowerCase());
    }
  }
  if (messageScore < MESSAGE_EVIDENCE && evidence.message !== undefined) {
    // The body's own message, said in other words or in the table's other language.
    const said = evidence.message;
    const texts = [...entry.messages.map((matcher) => messageSimilarity(said, matcher)), ...describedIn(entry).map((text) => messageSimilarity(said, text))];
    if (texts.some((similarity) => similarity >= 0.8)) {
      messageScore = MESSAGE_EVIDENCE;
    }
  }
  const keyed = occurrence.key !== undefined && entry.catalog.errorBody?.codeKeys.includes(occurrence.key) === true;
  let score = 10 * messageScore;
  if (bindingAgrees && messageScore === 1) {
    score += 3;
  }
  if (keyed) {
    score += 2;
  }
  if (!entry.template.isTemplate) {
    score += 0.5;
  }
  score += entry.template.literalLength / 1000;
  // Listed, not spread: spreading an object is many times slower, and this runs for every candidate.
  return { entry: candidate.entry, bindings: candidate.bindings, score, messageScore, keyed };
}

/** The entry's descriptions, in every language, gathered once: a service may answer with one as its message. */
const describedIn = perObject((entry: Entry): readonly string[] =>
  [...Object.values(entry.data.description ?? {}), ...Object.values(entry.data.translations?.message ?? {})].filter((text): text is string => !!text && text.length <= 200),
);
