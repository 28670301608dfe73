/*
 * Property tests of the scanner and resolver: any text (any UTF-16, lone surrogates, NUL, binary,
 * CR/LF/CRLF mixes) is scanned without an exception, the result equals a simple reference
 * implementation written here, huge inputs complete, and the work done grows linearly with the
 * input. Work is COUNTED (characters read and searched, elements iterated, index lookups), never timed.
 * Each property runs with a fixed seed: a few runs by default, the full number with FULL=1.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { CatalogFile, Candidate, CodeIndex, LanguageService, createLanguageService, ResolvedOccurrence } from '../../server/src/core/index';
import { ALL, catalogTexts, testCatalog } from '../support/miniCatalogs';
import { runs } from '../support/runs';
import { streamText } from '../support/streaming';

const service = createLanguageService(catalogTexts());
const SEVERITY = { serverError: 'error', clientError: 'warning', unknownStatus: 'warning', success: 'hint' } as const;

// ---------------------------------------------------------------------------------------------
// The reference implementation: deliberately naive, sharing no code with the scanner.
// ---------------------------------------------------------------------------------------------

interface RefEntry {
  id: string;
  code: string;
  order: number;
  isTemplate: boolean;
  literalLength: number;
  /** Built here, in the test, from the few mini templates: `{Name}` binds 1–256 name characters. */
  pattern?: RegExp;
  /** In the mini catalogs exactly the codes with a dot in their literal text are distinctive. */
  distinctive: boolean;
}

function referenceEntries(catalogs: CatalogFile[]): RefEntry[] {
  const entries: RefEntry[] = [];
  catalogs.forEach((catalog, order) => {
    const counts = new Map<string, number>();
    for (const entry of catalog.entries) {
      counts.set(entry.code, (counts.get(entry.code) ?? 0) + 1);
    }
    const seen = new Map<string, number>();
    for (const entry of catalog.entries) {
      const n = (seen.get(entry.code) ?? 0) + 1;
      seen.set(entry.code, n);
      const isTemplate = entry.code.includes('{');
      const literal = entry.code.replace(/\{[A-Za-z]+\}/g, '');
      entries.push({
        id: counts.get(entry.code)! > 1 ? `${catalog.id}:${entry.code}:${n}` : `${catalog.id}:${entry.code}`,
        code: entry.code,
        order,
        isTemplate,
        literalLength: literal.length,
        pattern: isTemplate ? new RegExp(`^${entry.code.replace(/\./g, '\\.').replace(/\{[A-Za-z]+\}/g, '[A-Za-z0-9_]{1,256}')}$`) : undefined,
        distinctive: literal.includes('.'),
      });
    }
  });
  return entries;
}

const REF_ENTRIES = referenceEntries(ALL);
const LITERALS = new Map<string, RefEntry[]>();
for (const entry of REF_ENTRIES) {
  if (!entry.isTemplate) {
    LITERALS.set(entry.code, [...(LITERALS.get(entry.code) ?? []), entry]);
  }
}

function referenceLookup(token: string): RefEntry[] {
  return [...(LITERALS.get(token) ?? []), ...REF_ENTRIES.filter((entry) => entry.pattern?.test(token))];
}

interface RefFamily {
  prefix: string;
  shape: 'digits' | 'names';
  /** How many digits the family's listed codes have. */
  digits: Set<number>;
}

/** The code families the mini catalogs declare, merged per prefix (all of them are one provider's per prefix). */
const REF_FAMILIES: RefFamily[] = [];
for (const catalog of ALL) {
  for (const family of catalog.families ?? []) {
    let known = REF_FAMILIES.find((item) => item.prefix === family.prefix);
    if (!known) {
      known = { prefix: family.prefix, shape: family.shape, digits: new Set() };
      REF_FAMILIES.push(known);
    }
  }
}
for (const family of REF_FAMILIES) {
  for (const entry of REF_ENTRIES) {
    const rest = entry.code.startsWith(family.prefix) ? entry.code.slice(family.prefix.length) : '';
    if (family.shape === 'digits' && /^[0-9]+$/.test(rest)) {
      family.digits.add(rest.length);
    }
  }
}

/** Whether a token no entry matches is a code of a known family: its prefix, then digits or dotted names. */
function referenceFamily(token: string): boolean {
  return (
    token.length <= 128 &&
    REF_FAMILIES.some((family) => {
      if (!token.startsWith(family.prefix)) {
        return false;
      }
      const rest = token.slice(family.prefix.length);
      if (family.shape === 'names') {
        return /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$/.test(rest);
      }
      return /^[0-9]+$/.test(rest) && (family.digits.size > 0 ? family.digits.has(rest.length) : rest.length >= 3 && rest.length <= 6);
    })
  );
}

/** The ids of the mini catalogs' common errors: patterns every product of the provider shares. */
const COMMON_ERRORS = new Set(ALL.flatMap((catalog) => catalog.entries.filter((entry) => entry.kind === 'commonError').map((entry) => `${catalog.id}:${entry.code}`)));

/** The product each reference entry belongs to: its catalog's origin. */
const PRODUCT_OF = new Map<string, string>();
for (const catalog of ALL) {
  for (const entry of REF_ENTRIES.filter((item) => item.id.startsWith(`${catalog.id}:`))) {
    PRODUCT_OF.set(entry.id, `${catalog.origin?.provider}/${catalog.origin?.product}`);
  }
}

interface RefOccurrence {
  line: number;
  start: number;
  end: number;
  token: string;
  ids: string[];
  distinctive: boolean;
  /**
   * With no evidence around: among the product the document's other codes favour (the product most
   * codes that only one product's table holds belong to), else among all: literal before template,
   * more literal characters, earlier catalog. `unknownCode` for a code of a family no entry lists.
   */
  expectedChoice: string;
  /** Entries in preference order, for the choice. */
  byPreference: RefEntry[];
}

/** A terminal's escape sequence, which the scanner reads as a separator: spaces of the same length. */
function maskEscapes(text: string): string {
  return text.replace(/\u001b\[[\u0020-\u003f]*[\u0040-\u007e]/g, (sequence) => ' '.repeat(sequence.length));
}

function referenceScan(text: string): RefOccurrence[] {
  const result: RefOccurrence[] = [];
  maskEscapes(text).split(/\r\n|\r|\n/).forEach((lineText, line) => {
    for (const match of lineText.matchAll(/[A-Za-z0-9_.]+/g)) {
      const raw = match[0];
      const leading = raw.length - raw.replace(/^\.+/, '').length;
      const token = raw.replace(/^\.+/, '').replace(/\.+$/, '');
      if (token === '') {
        continue;
      }
      const entries = referenceLookup(token);
      const start = match.index! + leading;
      if (entries.length === 0) {
        if (referenceFamily(token)) {
          result.push({ line, start, end: start + token.length, token, ids: [], distinctive: true, expectedChoice: 'unknownCode', byPreference: [] });
        }
        continue;
      }
      const byPreference = [...entries].sort(
        (a, b) => Number(a.isTemplate) - Number(b.isTemplate) || b.literalLength - a.literalLength || a.order - b.order,
      );
      result.push({
        line,
        start,
        end: start + token.length,
        token,
        ids: entries.map((entry) => entry.id).sort(),
        distinctive: entries.some((entry) => entry.distinctive),
        expectedChoice: byPreference[0].id,
        byPreference,
      });
    }
  });
  // Codes that only one product's own table holds (no template, no common error) vote for it: the
  // document favours the product with most votes, and a vote shows the provider.
  const votes = new Map<string, number>();
  for (const item of result) {
    const products = new Set(item.byPreference.map((entry) => PRODUCT_OF.get(entry.id)));
    const own = item.byPreference.every((entry) => !entry.isTemplate && !COMMON_ERRORS.has(entry.id));
    if (item.distinctive && own && products.size === 1) {
      const [product] = products;
      votes.set(product!, (votes.get(product!) ?? 0) + 1);
    }
  }
  const ranking = [...votes].sort((a, b) => b[1] - a[1]);
  const favoured = ranking.length > 0 && (ranking.length === 1 || ranking[0][1] > ranking[1][1]) ? ranking[0][0] : undefined;
  const providersShown = new Set([...votes.keys()].map((product) => product.split('/')[0]));
  for (const item of result) {
    const ofFavoured = item.byPreference.filter((entry) => PRODUCT_OF.get(entry.id) === favoured);
    const products = new Set(item.byPreference.map((entry) => PRODUCT_OF.get(entry.id)));
    if (favoured !== undefined && products.size > 1 && ofFavoured.length > 0) {
      item.expectedChoice = ofFavoured[0].id;
    }
    // A template binds only where its product shows, which random text never does: with its
    // provider shown it is another product's error fitting the template, else nothing.
    if (item.byPreference.length > 0 && item.byPreference.every((entry) => entry.isTemplate)) {
      item.expectedChoice = providersShown.has('alibabacloud') ? 'otherProduct' : 'silent';
    }
    // A family of names (`InvalidParameter.`) is several clouds' shape: ours only where our provider shows.
    if (item.ids.length === 0 && item.token.startsWith('InvalidParameter.') && !providersShown.has('alibabacloud')) {
      item.expectedChoice = 'silent';
    }
  }
  return result;
}

function ids(candidates: readonly Candidate[]): string[] {
  return candidates.map((candidate) => candidate.entry.id).sort();
}

function key(item: { line: number; start: number; end: number; token: string }): string {
  return `${item.line}:${item.start}-${item.end}:${item.token}`;
}

// ---------------------------------------------------------------------------------------------
// Arbitraries: real codes spliced into random text with random separators.
// ---------------------------------------------------------------------------------------------

/** Every real code of the mini catalogs, instances of their templates, and near misses. */
const CODES = [
  ...new Set(ALL.flatMap((catalog) => catalog.entries.map((entry) => entry.code)).filter((code) => !code.includes('{'))),
  'InvalidParameter.SourceURI.Empty',
  'InvalidParameter.MaxKeys',
  'InvalidParameter.a_1',
  'QuotaExhausted.Project',
  'InvalidMaxKeys',
  'InvalidBucket',
  // Near misses and pieces of codes.
  'AIS.010',
  'AIS.01010',
  'APIG.',
  'APIG',
  '.0101',
  'AIS..0101',
  'ModelArts.4204x',
  'InvalidParameter.',
  'InvalidParameter..Empty',
  'InvalidParameter.X.Y.Empty',
  'Invalid',
  'QuotaExhausted.',
  'Forbidden.AccountInDebtX',
  '4620',
  // Codes of a related table (hover and link only) and near misses.
  'APIGW.0301',
  'APIGW.',
  'APIGW.03.01',
];

/** Separators of every kind, including none at all (a code glued to its neighbour). */
const SEPARATORS = [
  '', ' ', '  ', '\t', ',', ';', ':', '=', '==', '"', "'", '`', '(', ')', '[', ']', '{', '}', '<', '>', '</', '/', '\\',
  '-', '+', '|', '.', '..', '...', '#', '@', '!', '?', '*', '&', '%', '$', '~', '^',
  '\u0000', '\u0001', '\u001b', '\u007f', '\u00a0', '\u00e9', '\u200b', '\u2028', '\u3002', '\uff0c', '错误码', '：',
  '\ud800', '\udfff', '\ud83d\ude00', '\ufeff', '\ufffd', '\r', '\n', '\r\n', '\n\r', '\r\r\n',
  // A coloured log's escape sequences.
  '\u001b[1m', '\u001b[0m', '\u001b[1;31m', '\u001b[38;5;208m',
];

/** Any UTF-16 code unit, lone surrogates and NUL included, weighted towards the interesting ones. */
const anyChar = fc.oneof(
  fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
  fc.integer({ min: 0, max: 127 }).map((code) => String.fromCharCode(code)),
  fc.constantFrom('A', 'I', 'S', '.', '0', '1', '_', 'x', '\r', '\n', '\u0000', '\ud800', '\udc00'),
);
const filler = fc.string({ unit: anyChar, maxLength: 12 });
const code = fc.constantFrom(...CODES);
const separator = fc.constantFrom(...SEPARATORS);
const piece = fc.oneof({ arbitrary: code, weight: 3 }, { arbitrary: separator, weight: 3 }, { arbitrary: filler, weight: 2 });

/** Random text made of codes, separators and random characters, starting and ending anywhere. */
const text = fc.array(piece, { maxLength: 24 }).map((pieces) => pieces.join(''));

/** Text with codes at the very start and the very end, around a random separator. */
const edgeText = fc
  .tuple(code, separator, text, separator, code)
  .map(([first, before, middle, after, last]) => `${first}${before}${middle}${after}${last}`);

/** Lines of error bodies and logs, where deciding a code takes the lines around it. */
const ERROR_BODY_LINES = [
  '[', ']', '{', '}', '},', '  {', '  },',
  '    "error_code": "APIG.0201",', '    "error_code": "APIG.0201"', '    "error_msg": "Backend timeout.",', '    "error_msg": "The request body is oversized."',
  '    "code": 462,', '    "status": 400,', '    "Code": "Throttling",', '    "Code": "InvalidParameter.SourceURI.Empty",',
  '    "message": "Invalid Input - image data error - base64decode error: incorrect padding in base64 string"',
  '    "Message": "The request project is blocked due to throttling control. Please wait a few minutes before trying again."',
  'com.aliyun.tea.TeaException: code: 400, The input parameter SourceURI is empty. Please refer to document.',
  '2024-06-02 14:03:15.990 ERROR TeaException: code: 403, errorCode=Forbidden.AccountInDebt',
  '2024-06-02 14:03:25.874 INFO took 461 ms', '',
];
const errorBodyText = fc.array(fc.constantFrom(...ERROR_BODY_LINES), { maxLength: 30 }).map((lines) => lines.join('\n'));

/** Text that carries no evidence for choosing between entries: no messages, keys or provider names. */
function hasNoEvidence(value: string): boolean {
  const lower = value.toLowerCase();
  return !['huaweicloud', 'aliyun', 'message', 'msg', 'invalid input', 'the '].some((word) => lower.includes(word));
}

// ---------------------------------------------------------------------------------------------
// Counting work, not time.
// ---------------------------------------------------------------------------------------------

type Patchable = Record<string, unknown>;

/**
 * Runs `run` with the primitives the core can spend time in instrumented, and returns how much work
 * they did: characters read with charCodeAt, characters searched by indexOf/includes/startsWith/…,
 * characters a regular expression ran over, characters transformed by replace/split/toLowerCase,
 * elements iterated by array methods, and each index lookup (plus its token's length).
 */
function countWork<T>(run: () => T, index?: CodeIndex): { result: T; work: number } {
  let work = 0;
  const restores: (() => void)[] = [];
  const patch = (target: object, name: string, cost: (self: never, args: never[], result: never) => number) => {
    const object = target as Patchable;
    const original = object[name] as (...args: unknown[]) => unknown;
    const hadOwn = Object.prototype.hasOwnProperty.call(object, name);
    object[name] = function (this: unknown, ...args: unknown[]) {
      const result = original.apply(this, args);
      work += cost(this as never, args as never[], result as never);
      return result;
    };
    restores.push(() => {
      if (hadOwn) {
        object[name] = original;
      } else {
        delete object[name];
      }
    });
  };
  const originalIndexOf = String.prototype.indexOf;
  const start = (length: number, from: unknown) => Math.max(0, Math.min(length, Math.trunc(Number(from ?? 0)) || 0));
  // A search costs the characters it went over: from where it started to the end of what it found,
  // or to the end of the text when it found nothing.
  const forward = (self: string, search: unknown, from: unknown, found: number) =>
    (found === -1 ? self.length : found + String(search).length) - start(self.length, from) + 1;
  patch(String.prototype, 'charCodeAt', () => 1);
  patch(String.prototype, 'indexOf', (self: string, [search, from]: unknown[], found: number) => forward(self, search, from, found));
  patch(String.prototype, 'includes', (self: string, [search, from]: unknown[]) =>
    forward(self, search, from, originalIndexOf.call(self, String(search), start(self.length, from))),
  );
  patch(String.prototype, 'lastIndexOf', (self: string, [, from]: unknown[], found: number) => {
    const origin = from === undefined ? self.length : Math.max(0, Math.min(self.length, Number(from) + 1));
    return origin - Math.max(0, found) + 1;
  });
  patch(String.prototype, 'startsWith', (_self: string, [search]: unknown[]) => String(search).length + 1);
  patch(String.prototype, 'endsWith', (_self: string, [search]: unknown[]) => String(search).length + 1);
  for (const name of ['replace', 'replaceAll', 'split', 'match', 'matchAll', 'search', 'toLowerCase', 'toUpperCase', 'trim', 'normalize']) {
    patch(String.prototype, name, (self: string) => self.length + 1);
  }
  const originalExec = RegExp.prototype.exec;
  RegExp.prototype.exec = function (this: RegExp, input: string) {
    const subject = String(input);
    const from = this.global || this.sticky ? this.lastIndex : 0;
    const match = originalExec.call(this, subject);
    // The characters this run went over: up to the end of its match, or to the end of the subject.
    work += (match ? match.index + match[0].length : subject.length) - Math.min(from, subject.length) + 1;
    return match;
  };
  restores.push(() => {
    RegExp.prototype.exec = originalExec;
  });
  // Array methods that take a callback cost one unit per call of the callback (searches stop early).
  for (const name of ['some', 'every', 'filter', 'map', 'find', 'findIndex', 'forEach', 'reduce', 'flatMap']) {
    const prototype = Array.prototype as unknown as Patchable;
    const original = prototype[name] as (...args: unknown[]) => unknown;
    prototype[name] = function (this: unknown, callback: (...args: unknown[]) => unknown, ...rest: unknown[]) {
      const counted = function (this: unknown, ...args: unknown[]) {
        work++;
        return callback.apply(this, args);
      };
      return original.call(this, typeof callback === 'function' ? counted : callback, ...rest);
    };
    restores.push(() => {
      prototype[name] = original;
    });
  }
  patch(Array.prototype, 'indexOf', (self: unknown[], _args: unknown[], found: number) => (found === -1 ? self.length : found + 1) + 1);
  patch(Array.prototype, 'includes', (self: unknown[]) => self.length + 1);
  patch(Array.prototype, 'join', (self: unknown[]) => self.length + 1);
  if (index) {
    patch(index, 'lookup', (_self: never, [token]: unknown[]) => String(token).length + 1);
  }
  try {
    const result = run();
    return { result, work };
  } finally {
    for (const restore of restores.reverse()) {
      restore();
    }
  }
}

/** Scans a text and resolves every occurrence, counting the work. */
function workToScan(value: string, languageService: LanguageService = service): number {
  return countWork(() => {
    const document = languageService.createDocument(value);
    let count = 0;
    for (const item of document.occurrences()) {
      count += item.resolution.ranked.length;
    }
    return count;
  }, languageService.index).work;
}

/**
 * Asserts that doubling the input at most doubles the work, plus a constant: the work of a
 * small input of the same kind, which covers what is done once per document or per window edge.
 */
function assertLinear(build: (n: number) => string, n: number, small: number, languageService: LanguageService = service): void {
  const constant = workToScan(build(small), languageService);
  const once = workToScan(build(n), languageService);
  const twice = workToScan(build(2 * n), languageService);
  assert.ok(once > constant, `the base input must do more work than the small one (${once} vs ${constant})`);
  assert.ok(twice <= 2 * once + constant, `doubling the input from ${build(n).length} to ${build(2 * n).length} characters took ${twice} units of work; at most ${2 * once + constant} (2 × ${once} + ${constant}) were allowed`);
}

function scanAllFeatures(value: string): ResolvedOccurrence[] {
  const document = service.createDocument(value);
  const found = [...document.occurrences()];
  service.diagnostics(document, { language: 'en', severity: SEVERITY, maxCount: 1000 });
  service.links(document, 'zh-cn');
  service.symbols(document, 'en');
  service.findings(document, 'en', SEVERITY);
  for (const { occurrence } of found) {
    assert.ok(service.hover(document, { line: occurrence.line, character: occurrence.start }, 'en'));
  }
  // Anywhere else a hover may answer (a related table's code) or not, but never throws.
  for (let line = 0; line < Math.min(document.lineCount, 20); line++) {
    const length = document.lineText(line).length;
    for (const character of [0, length >> 1, length, length + 5]) {
      service.hover(document, { line, character }, 'zh-cn');
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------

describe('the scanner and resolver on any text', () => {
  it('the work counter sees quadratic work when there is some (self-test)', () => {
    const linear = (n: number) => countWork(() => 'a'.repeat(n).indexOf('b')).work;
    const quadratic = (n: number) => countWork(() => {
      const value = 'a'.repeat(n);
      for (let i = 0; i < n; i++) {
        value.indexOf('b', i);
      }
    }).work;
    assert.ok(linear(2000) <= 2 * linear(1000) + linear(10));
    assert.ok(quadratic(2000) > 2 * quadratic(1000) + quadratic(10));
  });

  it('never throws, on any text, in any feature', () => {
    fc.assert(
      fc.property(fc.oneof(text, edgeText, fc.string({ unit: anyChar, maxLength: 200 })), (value) => {
        scanAllFeatures(value);
        service.search(value, 'en');
        service.search(value, 'zh-cn', 5);
        streamText(service, value, [value.length >> 1]);
      }),
      { numRuns: runs(80, 400), seed: 2025 },
    );
  });

  it('finds exactly the distinctive codes the reference finds, where it finds them, with the same candidates', () => {
    fc.assert(
      fc.property(fc.oneof(text, edgeText), (value) => {
        const document = service.createDocument(value);
        const actual = [...document.occurrences()];
        const expected = referenceScan(value);
        const expectedByKey = new Map(expected.map((item) => [key(item), item]));
        // Every occurrence is a whole token the reference also sees, with the same candidates.
        for (const { occurrence } of actual) {
          const reference = expectedByKey.get(key(occurrence));
          assert.ok(reference, `unexpected occurrence ${key(occurrence)} in ${JSON.stringify(value)}`);
          assert.deepEqual(ids(occurrence.candidates), reference.ids, `candidates of ${key(occurrence)} in ${JSON.stringify(value)}`);
          assert.equal(occurrence.context === 'distinctive', reference.distinctive);
        }
        // Every distinctive code is found, whatever stands around it, but for the templates and name
        // families no clue ties to their provider.
        assert.deepEqual(
          actual.filter(({ occurrence }) => occurrence.context === 'distinctive').map(({ occurrence }) => key(occurrence)),
          expected.filter((item) => item.distinctive && item.expectedChoice !== 'silent').map(key),
          JSON.stringify(value),
        );
      }),
      { numRuns: runs(200, 1000), seed: 2026 },
    );
  });

  it('chooses the entry the reference chooses when the text holds no evidence', () => {
    fc.assert(
      fc.property(fc.oneof(text, edgeText).filter(hasNoEvidence), (value) => {
        const expected = new Map(referenceScan(value).map((item) => [key(item), item]));
        for (const { occurrence, resolution } of service.createDocument(value).occurrences()) {
          if (occurrence.context !== 'distinctive') {
            continue;
          }
          const chosen = resolution.kind === 'entry' ? resolution.ranked[0].entry.id : resolution.kind;
          assert.equal(chosen, expected.get(key(occurrence))!.expectedChoice, `${key(occurrence)} in ${JSON.stringify(value)}`);
          assert.equal(resolution.suppressed, false);
        }
      }),
      { numRuns: runs(100, 500), seed: 2027 },
    );
  });

  it('chooses the entry whose message stands next to the code, whatever surrounds them', () => {
    const withMessages: [string, string, string][] = [
      ['APIG.0201', 'Backend timeout.', 'huaweicloud-ocr:APIG.0201'],
      ['APIG.0201', 'The request body is oversized.', 'huaweicloud-image-recognition:APIG.0201'],
      ['462', 'Invalid Input - image data error - gif image empty', 'alibabacloud-ocr-marketplace:462:2'],
      ['462', 'Invalid Input - image data error - base64decode error: incorrect padding in base64 string', 'alibabacloud-ocr-marketplace:462:1'],
    ];
    const lineSafeFiller = fc.string({ unit: anyChar, maxLength: 12 }).map((value) => value.replace(/[\r\n]/g, ' '));
    fc.assert(
      fc.property(fc.constantFrom(...withMessages), lineSafeFiller, fc.constantFrom(' ', ': ', ' - ', '\t', '|'), lineSafeFiller, ([codeText, message, id], before, gap, after) => {
        const value = `${before} ${codeText}${gap}${message} ${after}`;
        const found = [...service.createDocument(value).occurrences()].filter(({ occurrence }) => occurrence.token === codeText);
        assert.equal(found.length, 1, JSON.stringify(value));
        assert.equal(found[0].resolution.ranked[0].entry.id, id, JSON.stringify(value));
      }),
      { numRuns: runs(60, 300), seed: 2028 },
    );
  });

  it('the streaming scanner finds and decides what the document does, for any chunking', () => {
    fc.assert(
      fc.property(fc.oneof(text, edgeText, errorBodyText), fc.array(fc.nat(), { maxLength: 6 }), (raw, cuts) => {
        // Lines end at LF, CRLF or a lone CR in both, as in the editor. Pieces are cut at any byte,
        // inside a UTF-8 sequence and between the CR and LF of a CRLF too.
        const value = raw;
        const describe = ({ occurrence, resolution }: ResolvedOccurrence) => `${key(occurrence)} ${resolution.kind === 'entry' ? resolution.ranked[0].entry.id : resolution.kind}`;
        const streamed = streamText(service, value, cuts).map(describe);
        const whole = [...service.createDocument(value).occurrences()].map(describe);
        assert.deepEqual(streamed, whole, JSON.stringify(value));
      }),
      { numRuns: runs(80, 400), seed: 2029 },
    );
  });

  it('the streaming scanner cuts an over-long line between characters and keeps its columns', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(code, separator, fc.constantFrom('错误码 ', '😀', 'é', ' ')), { minLength: 300, maxLength: 600 }), (pieces) => {
        const line = pieces.join('').replace(/[\r\n]/g, ' ');
        const found = streamText(service, `${line}\nAIS.0101 after\n`, [], 1024);
        const document = service.createDocument(`${line}\nAIS.0101 after\n`);
        const lines = [line, 'AIS.0101 after'];
        for (const { occurrence } of found) {
          // Whatever was found sits where its column says.
          assert.equal(lines[occurrence.line].slice(occurrence.start, occurrence.end), occurrence.token);
        }
        assert.ok(found.some(({ occurrence }) => occurrence.line === 1 && occurrence.token === 'AIS.0101'));
        // No code is lost at a cut: the slices overlap by what a code's evidence reads.
        const place = ({ occurrence }: ResolvedOccurrence) => `${occurrence.line}:${occurrence.start} ${occurrence.token}`;
        assert.deepEqual(found.map(place), [...document.occurrences()].map(place));
      }),
      { numRuns: runs(20, 100), seed: 2030 },
    );
  });
});

describe('huge inputs complete', () => {
  const TEN_MB = 10 * 1024 * 1024;

  it('a 10 MB single line made of random pieces, with every distinctive code found', () => {
    const unit = fc.array(piece, { minLength: 4, maxLength: 40 }).map((pieces) => ` ${pieces.join('').replace(/[\r\n]/g, ' ')} `);
    fc.assert(
      fc.property(unit, (value) => {
        const repeats = Math.ceil(TEN_MB / value.length);
        const line = value.repeat(repeats);
        const perUnit = referenceScan(value).filter((item) => item.distinctive).length;
        const document = service.createDocument(line);
        let distinctive = 0;
        for (const { occurrence } of document.occurrences()) {
          assert.equal(occurrence.line, 0);
          if (occurrence.context === 'distinctive') {
            distinctive++;
          }
        }
        assert.equal(distinctive, perUnit * repeats);
        assert.equal(document.lineCount, 1);
      }),
      { numRuns: runs(1, 2), seed: 2031 },
    );
  });

  it('a 10 MB single line that is one token, or all NULs, or all lone surrogates', () => {
    for (const line of [
      'a'.repeat(TEN_MB),
      `Invalid${'x'.repeat(TEN_MB)}`,
      `InvalidParameter.${'x'.repeat(TEN_MB)}.Empty`,
      `AIS.0101${'.'.repeat(TEN_MB)}`,
      `${'.'.repeat(TEN_MB)}AIS.0101`,
      '\u0000'.repeat(TEN_MB),
      '\ud800'.repeat(TEN_MB),
    ]) {
      const found = [...service.createDocument(line).occurrences()].map(({ occurrence }) => occurrence.token);
      assert.deepEqual(found, line.includes('AIS.0101') ? ['AIS.0101'] : []);
    }
  });

  it('a million short lines, with CR, LF and CRLF', () => {
    const lineArb = fc.array(fc.oneof(code, separator.filter((value) => !/[\r\n]/.test(value)), fc.constantFrom('x', '1', 'error')), { minLength: 1, maxLength: 4 }).map((pieces) => pieces.join(' '));
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 10, maxLength: 10 }), fc.constantFrom('\n', '\r\n', '\r'), (lines, eol) => {
        const lineCount = 1_000_000;
        const all: string[] = new Array(lineCount);
        for (let line = 0; line < lineCount; line++) {
          all[line] = lines[line % lines.length];
        }
        const value = all.join(eol);
        const document = service.createDocument(value);
        assert.equal(document.lineCount, lineCount);
        const perBlock = referenceScan(lines.join('\n')).filter((item) => item.distinctive).length;
        let distinctive = 0;
        for (const { occurrence } of document.occurrences()) {
          if (occurrence.context === 'distinctive') {
            distinctive++;
          }
        }
        assert.equal(distinctive, perBlock * (lineCount / lines.length));
      }),
      { numRuns: runs(1, 1), seed: 2032 },
    );
  });
});

describe('work grows linearly with the input (counted, not timed)', () => {
  // Lines longer than the 4096-character message window, so per-occurrence work is bounded.
  const sameLine = (unit: string) => (n: number) => unit.repeat(n);
  const ownLines = (unit: string) => (n: number) => Array.from({ length: n }, () => unit).join('\n');

  it('distinctive codes packed on one line', () => {
    assertLinear(sameLine('AIS.0101 '), 4000, 1000);
  });

  it('numeric codes under error-code keys packed on one line', () => {
    assertLinear(sameLine('code=462 '), 4000, 1000);
  });

  it('plain-word codes after a `>` far from any `<`', () => {
    assertLinear(sameLine('a>Throttling '), 3000, 750);
  });

  it('codes next to their messages on one line', () => {
    assertLinear(sameLine('{"error_code": "APIG.0201", "error_msg": "Backend timeout."} '), 600, 150);
  });

  it('pretty-printed JSON error bodies, one field per line', () => {
    const body = ['{', '  "status": 400,', '  "error_code": "APIG.0201",', '  "error_msg": "The request body is oversized."', '},'].join('\n');
    assertLinear(ownLines(body), 2000, 500);
  });

  it('template codes and near misses on lines of their own', () => {
    assertLinear(ownLines('InvalidParameter.SourceURI.Empty QuotaExhausted.CU InvalidParameter..Empty Invalid 462'), 2000, 500);
  });

  it('a line where the start of a code\'s message repeats but its end never comes', () => {
    // Within the bounded message window too: each occurrence of the message's first part must not
    // send a search to the end of the window again.
    assertLinear((n) => `{"Code": "InvalidBucket", "Message": "${'The resource '.repeat(n)}"}`, 120, 30);
    assertLinear((n) => `Code=InvalidBucket ${'The resource x '.repeat(n)}`, 120, 30);
  });

  it('random text, on one line and on many', () => {
    fc.assert(
      fc.property(fc.array(piece, { minLength: 3, maxLength: 16 }).map((pieces) => pieces.join('')), (unit) => {
        const oneLine = ` ${unit.replace(/[\r\n]/g, ' ')} `;
        assertLinear(sameLine(oneLine), Math.ceil(20_000 / oneLine.length), Math.ceil(5_000 / oneLine.length));
        assertLinear(ownLines(unit), 400, 100);
      }),
      { numRuns: runs(2, 8), seed: 2033 },
    );
  });

  it('one long token against a template with two placeholders, from any catalog', () => {
    const twoPlaceholders = createLanguageService([
      testCatalog('two-placeholders', [
        { code: 'Invalid{ParameterName}For{ResourceType}X', message: { en: 'Bad {ParameterName} for {ResourceType}.' } },
        { code: '{ParameterName}{ResourceType}Y' },
      ]),
    ]);
    assert.deepEqual(twoPlaceholders.loaded.problems, []);
    assert.deepEqual(
      twoPlaceholders.index.lookup('InvalidNameForBucketX').map((candidate) => candidate.bindings),
      [{ ParameterName: 'Name', ResourceType: 'Bucket' }],
    );
    assert.deepEqual(
      [...twoPlaceholders.createDocument('{"Code": "InvalidNameForBucketX"}').occurrences()].map(({ occurrence }) => occurrence.token),
      ['InvalidNameForBucketX'],
    );
    assertLinear((n) => `Invalid${'For'.repeat(n)}.y`, 4000, 1000, twoPlaceholders);
    assertLinear((n) => `Invalid${'For'.repeat(n)}X.y`, 4000, 1000, twoPlaceholders);
  });
});
