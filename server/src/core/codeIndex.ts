/*
 * The index of every known code across the loaded catalogs. Lookups are by hash, so the scanner's
 * cost does not grow with the number of codes: a token is hashed as it is read and only a hit is
 * checked further.
 */
import { CatalogEntryData, CatalogFile, CodeFamily, LanguageTag, LocalizedText } from './catalogModel';
import { CodeSegment, CodeTemplate, compileCodeTemplate, isDistinctiveCode, matchCodeTemplate } from './codeTemplate';
import { MessageMatcher, compileMessage } from './messageMatcher';
import { OriginDetector } from './origins';

/** A loaded catalog without its entries, plus the file it came from. */
export interface CatalogInfo extends Omit<CatalogFile, 'entries'> {
  file: string;
  /** The order the catalog was loaded in, a gateway's catalog after the others; earlier catalogs win ties. */
  order: number;
}

export interface Entry {
  /** `<catalogId>:<code>`, or `<catalogId>:<code>:<n>` when the code repeats in its catalog. */
  id: string;
  catalog: CatalogInfo;
  data: CatalogEntryData;
  template: CodeTemplate;
  /** Recognised anywhere as a whole token, without an error context. */
  distinctive: boolean;
  /** One matcher per distinct message text the catalog gives. */
  messages: MessageMatcher[];
}

export interface Candidate {
  entry: Entry;
  /** What each placeholder of a template code stood for. */
  bindings: Record<string, string>;
}

/** A family of codes of one provider, as the loaded catalogs declare it. */
export interface FamilyRef {
  prefix: string;
  shape: CodeFamily['shape'];
  provider: string;
  /** The catalogs that declare the family, in load order. */
  catalogs: CatalogInfo[];
  /** Where the provider documents the family, when a catalog says. */
  url?: string;
  title?: LocalizedText;
  /** For a family of numbers, how many digits its listed codes have (empty when it lists none). */
  digitCounts: Set<number>;
}

/** What the index knows of a token: the entries it may mean, or the family it belongs to. */
export interface TokenInfo {
  /**
   * The token's text as the index keeps it when it may mean some entry: one string for all its
   * occurrences, which a document holding hundreds of thousands of them keeps once.
   */
  token: string;
  candidates: readonly Candidate[];
  /** Set when no entry matches but the token is a code of a known family. */
  family?: FamilyRef;
}

/** Bits of `CodeIndex.hashFilter`. */
export const LITERAL_BIT = 1;
export const PREFIX_BIT = 2;
export const CODE_KEY_BIT = 4;

/**
 * An entry whose messages are compiled (and whose distinctiveness is decided) the first time they
 * are needed: only the few entries a document names ever are, so building the index of a large
 * catalog stays cheap.
 */
class IndexEntry implements Entry {
  private compiled: MessageMatcher[] | undefined;
  private isDistinctive: boolean | undefined;
  private madeId: string | undefined;
  /** Which of the entries sharing this code in its catalog this is, from 1; 0 when the code does not repeat. */
  ordinal = 0;

  constructor(
    readonly catalog: CatalogInfo,
    readonly data: CatalogEntryData,
    readonly template: CodeTemplate,
  ) {}

  get id(): string {
    if (this.madeId === undefined) {
      const base = `${this.catalog.id}:${this.data.code}`;
      this.madeId = this.ordinal > 0 ? `${base}:${this.ordinal}` : base;
    }
    return this.madeId;
  }

  get distinctive(): boolean {
    return (this.isDistinctive ??= isDistinctiveCode(this.template));
  }

  get messages(): MessageMatcher[] {
    if (this.compiled === undefined) {
      const texts = [...new Set(Object.values(this.data.message ?? {}).filter((text): text is string => !!text))];
      this.compiled = texts.map((text) => compileMessage(text, this.data.messageVariables ?? []));
    }
    return this.compiled;
  }
}

/**
 * compileCodeTemplate with a shortcut for a code without any `{`, which is what nearly every code
 * is: the same template, without running the placeholder search (index building is per entry).
 */
function compileCode(code: string): CodeTemplate {
  if (code.length === 0 || code.includes('{')) {
    return compileCodeTemplate(code);
  }
  return new LiteralCode(code);
}

/** The template of a code without placeholders: one small object, its other fields worked out when read. */
class LiteralCode implements CodeTemplate {
  readonly isTemplate = false;

  constructor(readonly source: string) {}

  get prefix(): string {
    return this.source;
  }

  get literalLength(): number {
    return this.source.length;
  }

  get segments(): readonly CodeSegment[] {
    return [{ literal: this.source }];
  }
}

/** The hash the scanner computes while reading a token: h = h * 31 + charCode, in 32 bits. */
export function hashStep(hash: number, charCode: number): number {
  return (Math.imul(hash, 31) + charCode) | 0;
}

/** A token hash folded to 16 bits, the index into `CodeIndex.hashFilter`. */
export function foldHash(hash: number): number {
  return (hash ^ (hash >>> 16)) & 0xffff;
}

function hashText(text: string): number {
  let hash = 0;
  for (let index = 0; index < text.length; index++) {
    hash = hashStep(hash, text.charCodeAt(index));
  }
  return hash;
}

/** Longest literal prefix length the prefix table covers. */
export const MAX_PREFIX_LENGTH = 64;

/** The longest token taken for a code of a family or a body's own code; longer ones are some other kind of text. */
const MAX_CODE_LENGTH = 128;

/** How many distinct tokens `CodeIndex.lookup` remembers before it starts afresh. */
const LOOKUP_CACHE_SIZE = 4096;

export class CodeIndex {
  readonly entries: readonly Entry[];
  readonly catalogs: readonly CatalogInfo[];
  private readonly byId = new Map<string, Entry>();
  private readonly literals = new Map<string, Entry[]>();
  /** Hashes of every literal code. */
  readonly literalHashes = new Set<number>();
  /** Template prefixes by length, hashed; `prefixLengths[n]` is 1 when some template prefix has length n. */
  readonly prefixLengths = new Uint8Array(MAX_PREFIX_LENGTH + 1);
  readonly prefixHashes = new Set<number>();
  /**
   * The first two characters a code token can start with, as `startPairs[first * 128 + second]`; a
   * one-character code is filed under second 0 and `.`. The scanner skips any token whose start is
   * not here without hashing it, which is what most tokens of a log are.
   */
  readonly startPairs = new Uint8Array(128 * 128);
  /**
   * A quick filter in front of the two hash sets, indexed by `foldHash(hash)`: bit 1 when some literal
   * code, bit 2 when some template prefix folds there. Most misses stop here without a set lookup,
   * which matters when many prefix lengths are in use (large catalogs).
   */
  readonly hashFilter = new Uint8Array(1 << 16);
  private readonly templatesByPrefix = new Map<string, Entry[]>();
  /** Code families by prefix (`AIS.`), one per provider and prefix. */
  private readonly familiesByPrefix = new Map<string, FamilyRef[]>();
  readonly families: readonly FamilyRef[];
  /** Hashes of the keys our providers' error bodies put a code under (`Code`, `error_code`). */
  readonly codeKeyHashes = new Set<number>();
  /** Those keys, with the providers that use each. */
  readonly codeKeys = new Map<string, string[]>();
  /** Reads clues of origin out of text, from the catalogs' origins and other clouds' signatures. */
  readonly detector: OriginDetector;
  /** Template codes with no usable literal prefix; they are found by search but not by scanning. */
  readonly unscannableTemplates: Entry[] = [];

  /**
   * The catalogs this index was built of, in their order: another thread builds the same index of
   * them (they are plain data, which crosses threads).
   */
  readonly sources: readonly { catalog: CatalogFile; file: string }[];

  constructor(catalogs: readonly { catalog: CatalogFile; file: string }[]) {
    this.sources = catalogs;
    const entries: Entry[] = [];
    const infos: CatalogInfo[] = [];
    const catalogIds = new Set<string>();
    catalogs.forEach(({ catalog, file }, order) => {
      if (catalogIds.has(catalog.id)) {
        // A second catalog with the same id: keep the first, the loader reports the clash.
        return;
      }
      catalogIds.add(catalog.id);
      const { entries: data, ...rest } = catalog;
      // A gateway's catalog ranks after every service's: a service's own table says best what its codes mean.
      const info: CatalogInfo = { ...rest, file, order: catalog.scope === 'gateway' ? catalogs.length + order : order };
      infos.push(info);
      // The last entry of each code so far: a code that comes again numbers its entries from 1.
      const last = new Map<string, IndexEntry>();
      for (const item of data) {
        const entry = new IndexEntry(info, item, compileCode(item.code));
        const previous = last.get(item.code);
        if (previous !== undefined) {
          previous.ordinal ||= 1;
          entry.ordinal = previous.ordinal + 1;
        }
        last.set(item.code, entry);
        entries.push(entry);
      }
    });
    this.entries = entries;
    this.catalogs = infos;
    const families: FamilyRef[] = [];
    for (const info of infos) {
      const provider = info.origin?.provider;
      if (provider === undefined) {
        continue;
      }
      const declared: CodeFamily[] = [
        ...(info.families ?? []),
        ...(info.documentation?.relatedTables ?? []).map((table) => ({ prefix: `${table.codePrefix}.`, shape: 'digits' as const, url: table.url, title: table.title })),
      ];
      for (const family of declared) {
        let known = families.find((item) => item.prefix === family.prefix && item.provider === provider);
        if (known === undefined) {
          known = { prefix: family.prefix, shape: family.shape, provider, catalogs: [], digitCounts: new Set() };
          families.push(known);
          push(this.familiesByPrefix, family.prefix, known);
          this.addPrefix(family.prefix);
        }
        known.catalogs.push(info);
        if (family.url && !known.url) {
          known.url = family.url;
          if (family.title) {
            known.title = family.title;
          }
        }
      }
      for (const key of info.errorBody?.codeKeys ?? []) {
        const providers = this.codeKeys.get(key) ?? [];
        if (!providers.includes(provider)) {
          providers.push(provider);
        }
        this.codeKeys.set(key, providers);
        const hash = hashText(key);
        this.codeKeyHashes.add(hash);
        this.hashFilter[foldHash(hash)] |= CODE_KEY_BIT;
        this.addStart(key);
      }
    }
    for (const family of families) {
      for (const entry of entries) {
        const rest = entry.data.code.startsWith(family.prefix) ? entry.data.code.slice(family.prefix.length) : '';
        if (family.shape === 'digits' && /^[0-9]+$/.test(rest) && entry.catalog.origin?.provider === family.provider) {
          family.digitCounts.add(rest.length);
        }
      }
    }
    this.families = families;
    this.detector = new OriginDetector(infos.flatMap((info) => (info.origin ? [info.origin] : [])));
    for (const entry of entries) {
      const { template } = entry;
      if (!template.isTemplate) {
        push(this.literals, template.source, entry);
        const hash = hashText(template.source);
        this.literalHashes.add(hash);
        this.hashFilter[foldHash(hash)] |= LITERAL_BIT;
        this.addStart(template.source);
      } else if (template.prefix.length >= 2 && template.prefix.length <= MAX_PREFIX_LENGTH) {
        push(this.templatesByPrefix, template.prefix, entry);
        this.addPrefix(template.prefix);
      } else {
        this.unscannableTemplates.push(entry);
      }
    }
  }

  /** Files a prefix that a token may start with (a template's or a family's). */
  private addPrefix(prefix: string): void {
    if (prefix.length > MAX_PREFIX_LENGTH) {
      return;
    }
    this.prefixLengths[prefix.length] = 1;
    const hash = hashText(prefix);
    this.prefixHashes.add(hash);
    this.hashFilter[foldHash(hash)] |= PREFIX_BIT;
    this.addStart(prefix);
  }

  private addStart(text: string): void {
    const first = text.charCodeAt(0);
    if (!(first < 128)) {
      return;
    }
    if (text.length === 1) {
      this.startPairs[first * 128] = 1;
      this.startPairs[first * 128 + 46] = 1;
    } else {
      const second = text.charCodeAt(1);
      if (second < 128) {
        this.startPairs[first * 128 + second] = 1;
      }
    }
  }

  entry(id: string): Entry | undefined {
    // Made on first use: only explaining an entry needs it, and index building stays cheap.
    if (this.byId.size === 0) {
      for (const entry of this.entries) {
        this.byId.set(entry.id, entry);
      }
    }
    return this.byId.get(id);
  }

  /** Answers of `lookup` by token: logs repeat the same few codes (and trap numbers) over and over. */
  private readonly lookups = new Map<string, { token: string; candidates: readonly Candidate[] }>();

  /**
   * Every entry whose code is this token or whose template matches it, most specific first. The
   * answer is shared between calls with the same token: do not change it.
   */
  lookup(token: string): readonly Candidate[] {
    return this.lookupOf(token).candidates;
  }

  /** The answer of `lookup`, with the token as the cache keeps it. */
  private lookupOf(token: string): { token: string; candidates: readonly Candidate[] } {
    let found = this.lookups.get(token);
    if (found === undefined) {
      if (this.lookups.size >= LOOKUP_CACHE_SIZE) {
        this.lookups.clear();
      }
      found = { token: detached(token), candidates: this.findCandidates(token) };
      this.lookups.set(found.token, found);
    }
    return found;
  }

  private findCandidates(token: string): Candidate[] {
    const candidates: Candidate[] = [];
    for (const entry of this.literals.get(token) ?? []) {
      candidates.push({ entry, bindings: {} });
    }
    for (let length = 2; length <= Math.min(token.length, MAX_PREFIX_LENGTH); length++) {
      if (this.prefixLengths[length] === 0) {
        continue;
      }
      for (const entry of this.templatesByPrefix.get(token.slice(0, length)) ?? []) {
        const bindings = matchCodeTemplate(entry.template, token);
        if (bindings) {
          candidates.push({ entry, bindings });
        }
      }
    }
    return candidates.sort((a, b) => specificity(b.entry) - specificity(a.entry) || a.entry.catalog.order - b.entry.catalog.order);
  }

  /** The entries a token may mean or, when it means none, the known family it belongs to. */
  inspect(token: string): TokenInfo {
    const found = this.lookupOf(token);
    const candidates = found.candidates;
    if (candidates.length > 0 || this.familiesByPrefix.size === 0) {
      return { token: found.token, candidates };
    }
    const family = this.familyOf(token);
    return family ? { token, candidates, family } : { token, candidates };
  }

  /** The family a token belongs to by its prefix and shape, if any; the longest prefix wins. */
  familyOf(token: string): FamilyRef | undefined {
    if (token.length > MAX_CODE_LENGTH) {
      return undefined;
    }
    let best: FamilyRef | undefined;
    for (let length = 2; length <= Math.min(token.length - 1, MAX_PREFIX_LENGTH); length++) {
      if (this.prefixLengths[length] === 0 || token.charCodeAt(length - 1) !== 46) {
        continue;
      }
      for (const family of this.familiesByPrefix.get(token.slice(0, length)) ?? []) {
        if (fitsShape(token.slice(length), family)) {
          best = family;
        }
      }
    }
    return best;
  }

  /** The entries of a family, for "the nearest entry" of an unknown code. */
  familyEntries(family: FamilyRef): Entry[] {
    return this.entries.filter((entry) => entry.catalog.origin?.provider === family.provider && entry.data.code.startsWith(family.prefix));
  }

  /** Whether the token could be a code at all: a literal code or one a template prefix starts. */
  mayBeCode(token: string): boolean {
    return this.lookup(token).length > 0;
  }
}

/**
 * A copy of a string that does not keep a larger one alive: V8 makes a slice of 13 or more
 * characters a view of its parent (a whole document, say), and a cache must not hold that.
 */
function detached(text: string): string {
  return text.length < 13 ? text : text.split('').join('');
}

/**
 * Whether the part after a family's prefix has the family's shape: as many digits as its listed
 * codes have (3 to 6 when it lists none), or names joined by dots.
 */
function fitsShape(rest: string, family: FamilyRef): boolean {
  if (family.shape === 'names') {
    return /^[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*)*$/.test(rest);
  }
  return /^[0-9]+$/.test(rest) && (family.digitCounts.size > 0 ? family.digitCounts.has(rest.length) : rest.length >= 3 && rest.length <= 6);
}

function specificity(entry: Entry): number {
  return entry.template.isTemplate ? entry.template.literalLength : 1000 + entry.template.literalLength;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) {
    list.push(value);
  } else {
    map.set(key, [value]);
  }
}

/** Text of a field in the wanted language, falling back to the source's other languages. */
export function pickText(text: Partial<Record<LanguageTag, string>> | undefined, language: LanguageTag): string | undefined {
  if (!text) {
    return undefined;
  }
  return text[language] ?? text.en ?? text['zh-cn'];
}
