/*
 * The index of every known code across the loaded catalogs. Lookups are by hash, so the scanner's
 * cost does not grow with the number of codes: a token is hashed as it is read and only a hit is
 * checked further.
 */
import { CatalogEntryData, CatalogFile, LanguageTag } from './catalogModel';
import { CodeSegment, CodeTemplate, compileCodeTemplate, isDistinctiveCode, matchCodeTemplate } from './codeTemplate';
import { MessageMatcher, compileMessage } from './messageMatcher';

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

export function hashText(text: string): number {
  let hash = 0;
  for (let index = 0; index < text.length; index++) {
    hash = hashStep(hash, text.charCodeAt(index));
  }
  return hash;
}

/** Longest literal prefix length the prefix table covers. */
export const MAX_PREFIX_LENGTH = 64;

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
  /** Template codes with no usable literal prefix; they are found by search but not by scanning. */
  readonly unscannableTemplates: Entry[] = [];

  constructor(catalogs: readonly { catalog: CatalogFile; file: string }[]) {
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
    for (const entry of entries) {
      const { template } = entry;
      if (!template.isTemplate) {
        push(this.literals, template.source, entry);
        const hash = hashText(template.source);
        this.literalHashes.add(hash);
        this.hashFilter[foldHash(hash)] |= 1;
        this.addStart(template.source);
      } else if (template.prefix.length >= 2 && template.prefix.length <= MAX_PREFIX_LENGTH) {
        push(this.templatesByPrefix, template.prefix, entry);
        this.prefixLengths[template.prefix.length] = 1;
        const hash = hashText(template.prefix);
        this.prefixHashes.add(hash);
        this.hashFilter[foldHash(hash)] |= 2;
        this.addStart(template.prefix);
      } else {
        this.unscannableTemplates.push(entry);
      }
    }
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
  private readonly lookups = new Map<string, readonly Candidate[]>();

  /**
   * Every entry whose code is this token or whose template matches it, most specific first. The
   * answer is shared between calls with the same token: do not change it.
   */
  lookup(token: string): readonly Candidate[] {
    let candidates = this.lookups.get(token);
    if (candidates === undefined) {
      candidates = this.findCandidates(token);
      if (this.lookups.size >= LOOKUP_CACHE_SIZE) {
        this.lookups.clear();
      }
      this.lookups.set(detached(token), candidates);
    }
    return candidates;
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
