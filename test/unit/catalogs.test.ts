/*
 * The built-in catalogs (catalogs/*.json): they validate against catalogs/schema/catalog.schema.json
 * and load without a problem; codes, placeholders, message variables and URLs are well formed; the
 * counts of the five source documents hold; every entry's text is found, verbatim and in table
 * order, in the seed documents of test/fixtures/seeds, read at test time; and the catalogs captured
 * only from Chinese pages carry an English translation of every Chinese text, next to it.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { CODE_PLACEHOLDERS, CatalogEntryData, CatalogFile, LanguageTag, isCalendarDate, loadCatalogs, updatedDay } from '../../server/src/core/index';

const ROOT = path.resolve(__dirname, '..', '..');
const CATALOGS = path.join(ROOT, 'catalogs');
const SEEDS = path.join(ROOT, 'test', 'fixtures', 'seeds');

const catalogFiles = fs
  .readdirSync(CATALOGS)
  .filter((name) => name.endsWith('.json'))
  .sort();

function readCatalog(name: string): CatalogFile {
  return JSON.parse(fs.readFileSync(path.join(CATALOGS, name), 'utf8')) as CatalogFile;
}

const catalogs = new Map(catalogFiles.map((name) => [path.basename(name, '.json'), readCatalog(name)]));

function catalog(id: string): CatalogFile {
  const found = catalogs.get(id);
  assert.ok(found, `catalogs/${id}.json is missing`);
  return found;
}

const TEXT_FIELDS = ['module', 'message', 'description', 'cause', 'solution'] as const;

/** Every string anywhere in a JSON value, with its path. */
function* strings(value: unknown, at = '$'): Generator<[string, string]> {
  if (typeof value === 'string') {
    yield [at, value];
  } else if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      yield* strings(item, `${at}[${index}]`);
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      yield* strings(item, `${at}.${key}`);
    }
  }
}

describe('catalog files', () => {
  it('are the five built-in catalogs', () => {
    assert.deepEqual(catalogFiles, [
      'alibabacloud-imm.json',
      'alibabacloud-ocr-marketplace.json',
      'huaweicloud-apig.json',
      'huaweicloud-image-recognition.json',
      'huaweicloud-ocr.json',
    ]);
  });

  it('validate against the JSON Schema', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(CATALOGS, 'schema', 'catalog.schema.json'), 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: true });
    ajv.addFormat('uri', (value: string) => URL.canParse(value));
    const validate = ajv.compile(schema);
    for (const name of catalogFiles) {
      const valid = validate(readCatalog(name));
      assert.ok(valid, `${name}: ${ajv.errorsText(validate.errors, { separator: '\n' })}`);
    }
  });

  it('are refused by the JSON Schema when broken', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(CATALOGS, 'schema', 'catalog.schema.json'), 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: true });
    ajv.addFormat('uri', (value: string) => URL.canParse(value));
    const validate = ajv.compile(schema);
    const base = catalog('alibabacloud-imm');
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each case damages a plain JSON copy its own way
    const broken: [string, (copy: any) => void][] = [
      ['unknown catalog property', (copy) => (copy.extra = 1)],
      ['version 2', (copy) => (copy.version = 2)],
      ['unknown language', (copy) => (copy.languages = ['fr'])],
      ['http source', (copy) => (copy.sources[0].url = 'http://help.aliyun.com/document_detail/91593.html')],
      ['unknown placeholder', (copy) => (copy.entries[0].code = 'Invalid{Name}')],
      ['space in a code', (copy) => (copy.entries[0].code = 'Invalid Name')],
      ['unknown message variable', (copy) => (copy.entries[0].messageVariables = ['YY'])],
      ['unknown entry property', (copy) => (copy.entries[0].note = 'x')],
      ['unknown text language', (copy) => (copy.entries[0].message = { fr: 'x' })],
      ['httpStatus as a string', (copy) => (copy.entries[0].httpStatus = '400')],
      ['translation of an unknown field', (copy) => (copy.entries[0].translations = { note: { en: 'x' } })],
      ['translation into an unknown language', (copy) => (copy.entries[0].translations = { description: { fr: 'x' } })],
      ['translation as a plain string', (copy) => (copy.entries[0].translations = { description: 'x' })],
    ];
    for (const [what, damage] of broken) {
      const copy = structuredClone(base);
      damage(copy);
      assert.equal(validate(copy), false, `the schema accepts a catalog with ${what}`);
    }
  });

  it('load through the server without a problem, with the documented entry ids', () => {
    const texts = catalogFiles.map((name) => ({ file: path.join(CATALOGS, name), text: fs.readFileSync(path.join(CATALOGS, name), 'utf8') }));
    const loaded = loadCatalogs(texts);
    assert.deepEqual(loaded.problems, []);
    for (const { catalog: loadedCatalog } of loaded.catalogs) {
      assert.equal(loadedCatalog.entries.length, catalog(loadedCatalog.id).entries.length, loadedCatalog.id);
      assert.deepEqual(
        JSON.parse(JSON.stringify(loadedCatalog.entries.map((entry) => entry.translations ?? null))),
        catalog(loadedCatalog.id).entries.map((entry) => entry.translations ?? null),
        `${loadedCatalog.id}: translations are lost or changed on loading`,
      );
    }
    for (const id of [
      'huaweicloud-ocr:ModelArts.4204',
      'huaweicloud-image-recognition:AIP.0019',
      'alibabacloud-ocr-marketplace:462:1',
      'alibabacloud-ocr-marketplace:462:12',
      'alibabacloud-ocr-marketplace:450',
      'alibabacloud-imm:InvalidParameter.{ParameterName}.Empty',
      'alibabacloud-imm:QuotaExhausted.CU',
    ]) {
      assert.ok(loaded.index.entry(id), `no entry ${id}`);
    }
  });

  for (const [id, data] of catalogs) {
    describe(id, () => {
      it('has its file name as id and points at the schema', () => {
        assert.equal(data.id, id);
        assert.equal(data.$schema, './schema/catalog.schema.json');
        assert.equal(data.version, 1);
      });

      it('records when each source page was captured, on or after the page\'s own "updated" day', () => {
        for (const source of data.sources) {
          assert.ok(source.captured !== undefined && isCalendarDate(source.captured), `${source.url}: "captured" is ${source.captured}`);
          if (source.updated !== undefined) {
            assert.ok(updatedDay(source.updated) <= source.captured, `${source.url} was captured before its own updated date`);
          }
        }
      });

      it('has no two entries with the same code and message', () => {
        const seen = new Set<string>();
        for (const entry of data.entries) {
          const key = `${entry.code}\u0000${JSON.stringify(entry.message ?? {})}`;
          assert.ok(!seen.has(key), `${entry.code} repeats with the same message`);
          seen.add(key);
        }
      });

      it('has only https URLs', () => {
        let urls = 0;
        for (const [at, text] of strings(data)) {
          for (const match of text.matchAll(/[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s"]*/g)) {
            urls++;
            assert.match(match[0], /^https:\/\/[A-Za-z0-9]/, `${at}: ${match[0]}`);
          }
          if (/(?:^|\.)(?:url|codeUrlTemplate)$/.test(at)) {
            assert.match(text, /^https:\/\//, at);
          }
        }
        assert.ok(urls >= data.sources.length);
      });

      it('uses only known placeholders and lists only message variables that occur', () => {
        for (const entry of data.entries) {
          const messages = Object.values(entry.message ?? {});
          for (const text of [entry.code, ...messages]) {
            for (const match of text.matchAll(/\{([^{}]*)\}/g)) {
              // A message may write a listed message variable in braces (APIG.0607: `supported: {xxx}`).
              const known = [...CODE_PLACEHOLDERS, ...(text === entry.code ? [] : entry.messageVariables ?? [])];
              assert.ok(known.includes(match[1]), `${entry.code}: unknown placeholder ${match[0]} in "${text}"`);
            }
            assert.doesNotMatch(text.replace(/\{[A-Za-z]+\}/g, ''), /[{}]/, `${entry.code}: stray brace in "${text}"`);
          }
          for (const variable of entry.messageVariables ?? []) {
            assert.ok(
              messages.some((message) => new RegExp(`(?<![A-Za-z])${variable}(?![A-Za-z])`).test(message)),
              `${entry.code}: message variable ${variable} does not occur in the message`,
            );
          }
          // And the other way round: a standalone XX/XXX/xxx in a message is always listed.
          for (const message of messages) {
            for (const match of message.matchAll(/(?<![A-Za-z])(?:XX|XXX|xxx)(?![A-Za-z])/g)) {
              assert.ok(entry.messageVariables?.includes(match[0]), `${entry.code}: "${match[0]}" in "${message}" is not in messageVariables`);
            }
          }
        }
      });

      it('keys text only by a language of its sources, without stray whitespace', () => {
        const languages = new Set<string>(data.sources.map((source) => source.language));
        assert.deepEqual([...languages].sort(), [...data.languages].sort());
        for (const entry of data.entries) {
          for (const field of TEXT_FIELDS) {
            for (const [language, text] of Object.entries(entry[field] ?? {})) {
              assert.ok(languages.has(language), `${entry.code}.${field} is keyed by ${language}, which no source has`);
              assert.equal(text, text.trim(), `${entry.code}.${field}.${language} has leading or trailing whitespace`);
              assert.doesNotMatch(text, /[ \t]{2}|\t|\r|\n\s|\s\n/, `${entry.code}.${field}.${language} has stray whitespace`);
            }
          }
        }
      });
    });
  }
});

describe('catalog counts', () => {
  const countBy = (entries: CatalogEntryData[], key: (entry: CatalogEntryData) => string | undefined) => {
    const counts: Record<string, number> = {};
    for (const entry of entries) {
      const value = key(entry);
      if (value !== undefined) {
        counts[value] = (counts[value] ?? 0) + 1;
      }
    }
    return counts;
  };

  it('Alibaba Cloud OCR on the Cloud Marketplace: 35 entries, numeric codes, repeated codes kept apart', () => {
    const { entries } = catalog('alibabacloud-ocr-marketplace');
    assert.equal(entries.length, 35);
    for (const entry of entries) {
      assert.match(entry.code, /^[0-9]{3}$/);
      assert.equal(entry.httpStatus, Number(entry.code));
    }
    const repeated = countBy(entries, (entry) => entry.code);
    assert.deepEqual(
      Object.fromEntries(Object.entries(repeated).filter(([, count]) => count > 1)),
      { '461': 8, '462': 12, '464': 3, '469': 2 },
    );
    assert.deepEqual(entries.filter((entry) => entry.messageVariables).map((entry) => [entry.code, entry.messageVariables]), [
      ['461', ['xxx']],
      ['464', ['xxx']],
    ]);
    assert.deepEqual(entries.filter((entry) => entry.repairs).map((entry) => entry.code), ['450', '461', '461']);
  });

  it('Huawei Cloud OCR: 39 entries, each with the English and the Chinese page text', () => {
    const { entries } = catalog('huaweicloud-ocr');
    assert.equal(entries.length, 39);
    for (const entry of entries) {
      assert.equal(entry.httpStatus, undefined, `${entry.code}: neither page has an HTTP status column`);
      for (const field of ['module', 'message', 'description', 'solution'] as const) {
        assert.ok(entry[field]?.en && entry[field]?.['zh-cn'], `${entry.code}: ${field} needs both en and zh-cn`);
      }
    }
    assert.deepEqual(countBy(entries, (entry) => JSON.stringify(entry.module)), {
      '{"en":"OCR","zh-cn":"文字识别"}': 5,
      '{"en":"Platform","zh-cn":"平台"}': 30,
      '{"en":"APIG","zh-cn":"APIG"}': 4,
    });
    assert.deepEqual(entries.filter((entry) => entry.messageVariables).map((entry) => [entry.code, entry.messageVariables]), [
      ['ModelArts.4204', ['XXX']],
      ['APIG.0308', ['XX']],
    ]);
  });

  it('Huawei Cloud Image Recognition: 77 entries, each with an HTTP status', () => {
    const { entries } = catalog('huaweicloud-image-recognition');
    assert.equal(entries.length, 77);
    assert.ok(entries.every((entry) => entry.httpStatus !== undefined && entry.message && entry.description && entry.solution));
    assert.ok(!entries.some((entry) => entry.code === '其他'));
    assert.deepEqual(countBy(entries, (entry) => entry.code.split('.')[0]), { AIS: 35, APIG: 4, ModelArts: 19, AIP: 19 });
  });

  it('Huawei Cloud API Gateway: 43 entries from the APIG user guide, each with status, message, meaning and fix', () => {
    const { entries, sources } = catalog('huaweicloud-apig');
    assert.equal(entries.length, 43);
    assert.ok(entries.every((entry) => /^APIG\.[0-9]{4}$/.test(entry.code)));
    assert.ok(entries.every((entry) => entry.httpStatus !== undefined && entry.message?.['zh-cn'] && entry.description?.['zh-cn'] && entry.solution?.['zh-cn']));
    const repeated = countBy(entries, (entry) => entry.code);
    assert.deepEqual(Object.fromEntries(Object.entries(repeated).filter(([, count]) => count > 1)), { 'APIG.0101': 2, 'APIG.0201': 7 });
    assert.deepEqual(entries.filter((entry) => entry.messageVariables).map((entry) => [entry.code, entry.messageVariables]), [['APIG.0607', ['xxx']]]);
    // Its text is checked against the saved page by test/unit/import.test.ts.
    assert.deepEqual(sources.map((source) => [source.language, source.captured]), [['zh-cn', '2026-11-29']]);
  });

  it('Alibaba Cloud IMM: 38 error codes and 5 common errors', () => {
    const { entries } = catalog('alibabacloud-imm');
    assert.equal(entries.length, 43);
    const common = entries.filter((entry) => entry.kind === 'commonError');
    assert.deepEqual(
      common.map((entry) => entry.code),
      ['QuotaExhausted.CU', 'InvalidParameter.TgtUrl', 'SDK.InvalidRegionId', 'Throttling.User', 'InvalidProject.IsDeleting'],
    );
    for (const entry of common) {
      assert.ok(entry.cause?.['zh-cn'] && entry.solution?.['zh-cn'], entry.code);
      assert.equal(entry.message, undefined);
      assert.equal(entry.httpStatus, undefined);
    }
    const codes = entries.filter((entry) => entry.kind !== 'commonError');
    assert.equal(codes.length, 38);
    assert.ok(codes.every((entry) => entry.httpStatus !== undefined && entry.message && entry.description));
    assert.deepEqual(
      entries.filter((entry) => entry.kind === 'success').map((entry) => [entry.code, entry.httpStatus]),
      [
        ['NoError', 200],
        ['EmptyResult', 200],
      ],
    );
    assert.ok(codes.every((entry) => (entry.httpStatus! < 300) === (entry.kind === 'success')));
    assert.equal(codes.filter((entry) => entry.code.includes('{ParameterName}')).length, 10);
    assert.equal(codes.filter((entry) => entry.code.includes('{ResourceType}')).length, 7);
  });
});

/*
 * Verbatim: every entry, as the row of its table (the fields in the order of the source's columns,
 * whitespace collapsed), is found in the seed document, each row right after the one before it. So
 * a changed, added or dropped character, a dropped field, a missing or extra entry and a wrong
 * order all fail. Between rows only the listed texts may stand (module cells, a table heading).
 */
function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) {
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    }
    if (name.startsWith('#')) {
      return String.fromCodePoint(parseInt(name.slice(1), 10));
    }
    return named[name.toLowerCase()] ?? whole;
  });
}

type SeedFormat = 'text' | 'pipeTable' | 'html';

function seedText(file: string, format: SeedFormat): string {
  const raw = fs.readFileSync(path.join(SEEDS, file), 'utf8');
  switch (format) {
    case 'text':
      return collapse(raw);
    case 'pipeTable':
      // Cell borders become plain spaces; catalog text holds no "|".
      return collapse(raw.replace(/\|/g, ' '));
    case 'html':
      return collapse(
        decodeEntities(
          raw
            .replace(/<li\b[^>]*>/gi, ' • ')
            // Block elements separate words; inline ones (a, span, …) do not.
            .replace(/<\/?(?:p|li|ul|ol|div|br|td|th|tr|thead|tbody|table)\b[^>]*>/gi, ' ')
            .replace(/<[^>]*>/g, ''),
        ),
      );
  }
}

interface VerbatimCheck {
  catalogId: string;
  language: LanguageTag;
  seed: string;
  format: SeedFormat;
  /** Whether the table has an HTTP status column before the code column. */
  statusColumn: boolean;
  /** Whether a module cell stands before the first row of each module. */
  moduleColumn: boolean;
  /** Texts that may stand between two rows (besides a module cell), e.g. a second table's heading. */
  betweenRows: string[];
  /** What follows the last row ('' for the end of the document). */
  after: string;
}

const VERBATIM: VerbatimCheck[] = [
  { catalogId: 'alibabacloud-ocr-marketplace', language: 'zh-cn', seed: '000_80d7ab4052ed044b.txt', format: 'text', statusColumn: false, moduleColumn: false, betweenRows: [], after: '如果您遇到的错误码未在上述表格中找到' },
  { catalogId: 'huaweicloud-ocr', language: 'en', seed: '001_7d7a317a8d1ceec3.txt', format: 'text', statusColumn: false, moduleColumn: true, betweenRows: [], after: '' },
  { catalogId: 'huaweicloud-ocr', language: 'zh-cn', seed: '002_5e4661e221a25c70.txt', format: 'html', statusColumn: false, moduleColumn: true, betweenRows: [], after: '其他 如若出现其他无法解决的错误码' },
  { catalogId: 'huaweicloud-image-recognition', language: 'zh-cn', seed: '003_78dc2b0192c2fce1.txt', format: 'pipeTable', statusColumn: true, moduleColumn: false, betweenRows: [], after: '400 其他' },
  { catalogId: 'alibabacloud-imm', language: 'zh-cn', seed: '004_e294b96103268538.txt', format: 'text', statusColumn: true, moduleColumn: false, betweenRows: ['常见错误及处理 常见错误 产生原因 处理方法'], after: '' },
];

/** The row an entry stands for, in the columns' order; a repaired entry also in its unrepaired form. */
function rowTexts(entry: CatalogEntryData, check: VerbatimCheck): string[] {
  const variants = entry.repairs ? [' ', ''] : [' '];
  const rows = variants.map((lineBreak) =>
    [
      check.statusColumn ? entry.httpStatus?.toString() : undefined,
      entry.code,
      ...(['message', 'description', 'cause', 'solution'] as const).map((field) => entry[field]?.[check.language]),
    ]
      .filter((cell): cell is string => cell !== undefined)
      .map((cell) => collapse(cell.replace(/\n/g, lineBreak)))
      .join(' '),
  );
  return [...new Set(rows)];
}

/** Finds every entry's row in the seed, in order; returns the problems. */
function verbatimProblems(entries: CatalogEntryData[], check: VerbatimCheck, source: string): string[] {
  const problems: string[] = [];
  let cursor = 0;
  let module: string | undefined;
  for (const [index, entry] of entries.entries()) {
    const moduleText = check.moduleColumn ? entry.module?.[check.language] : undefined;
    const newModule = moduleText !== undefined && moduleText !== module ? moduleText : undefined;
    module = moduleText;
    const allowed = new Set(['', ...check.betweenRows, ...(newModule !== undefined ? [newModule] : [])]);
    let found: { at: number; length: number } | undefined;
    for (const row of rowTexts(entry, check)) {
      const at = source.indexOf(row, cursor);
      if (at < 0) {
        continue;
      }
      const gap = source.slice(cursor, at).trim();
      const fits = index === 0 ? (newModule === undefined || gap.endsWith(newModule)) : allowed.has(gap);
      const bounded = (at === 0 || source[at - 1] === ' ') && (at + row.length === source.length || source[at + row.length] === ' ');
      if (fits && bounded) {
        found = { at, length: row.length };
        break;
      }
    }
    if (!found) {
      problems.push(`${check.catalogId} (${check.language}) entry ${index + 1}, ${entry.code}: "${rowTexts(entry, check)[0]}" is not the next row of ${check.seed}; the source goes on: "${source.slice(cursor, cursor + 200).trim()}"`);
      return problems;
    }
    cursor = found.at + found.length;
  }
  const rest = source.slice(cursor).trim();
  if (check.after === '' ? rest !== '' : !rest.startsWith(check.after)) {
    problems.push(`${check.catalogId} (${check.language}): after the last entry the source goes on "${rest.slice(0, 200)}"`);
  }
  return problems;
}

describe('catalog text is the source text, verbatim', () => {
  for (const check of VERBATIM) {
    it(`${check.catalogId} (${check.language}) matches ${check.seed} row by row`, () => {
      const source = seedText(check.seed, check.format);
      assert.deepEqual(verbatimProblems(catalog(check.catalogId).entries, check, source), []);
    });
  }

  /**
   * Sentinel entries, spread over every table, by entry id (`<catalogId>:<code>`, or `<catalogId>:<code>:<n>`
   * when a code repeats), so a reader sees what the row check covers: each is looked up again, alone.
   */
  const SAMPLES: Record<string, string[]> = {
    'alibabacloud-ocr-marketplace': ['400', '421', '450', '461:1', '461:7', '462:5', '462:12', '464:3', '469:2', '503'],
    'huaweicloud-ocr': ['AIS.0101', 'AIS.0104', 'ModelArts.0203', 'ModelArts.4204', 'ModelArts.4403', 'ModelArts.4706', 'APIG.0101', 'APIG.0301', 'APIG.0308'],
    'huaweicloud-image-recognition': ['AIS.0002', 'AIS.0504', 'APIG.0301', 'APIG.0201', 'ModelArts.4204', 'AIP.0001', 'AIP.0010', 'AIP.0019'],
    'alibabacloud-imm': [
      'Invalid{ParameterName}',
      'InvalidParameter.{ParameterName}.Empty',
      'QuotaExhausted.{ResourceType}',
      'Invalid{ResourceType}.NotFound',
      'Forbidden',
      'NoError',
      'Idempotent.NotMatch',
      'QuotaExhausted.CU',
      'SDK.InvalidRegionId',
      'InvalidProject.IsDeleting',
    ],
  };

  /** The entry an id names: the n-th (1-based) entry with the code, or the only one. */
  function entryById(entries: CatalogEntryData[], id: string): CatalogEntryData | undefined {
    const match = /^(.*?)(?::([0-9]+))?$/.exec(id)!;
    const withCode = entries.filter((entry) => entry.code === match[1]);
    if (match[2] === undefined) {
      return withCode.length === 1 ? withCode[0] : undefined;
    }
    return withCode[Number(match[2]) - 1];
  }

  it('covers the sentinel entries of every table, in each of their languages', () => {
    for (const [catalogId, samples] of Object.entries(SAMPLES)) {
      const data = catalog(catalogId);
      assert.ok(samples.length >= 8, catalogId);
      const checks = VERBATIM.filter((check) => check.catalogId === catalogId);
      for (const id of samples) {
        const entry = entryById(data.entries, id);
        assert.ok(entry, `${catalogId}: no entry ${id}`);
        for (const check of checks) {
          assert.ok(entry.message?.[check.language] ?? entry.cause?.[check.language], `${catalogId}:${id} has no ${check.language} text`);
          const source = seedText(check.seed, check.format);
          const rows = rowTexts(entry, check);
          const found = rows.filter((row) => {
            const at = source.indexOf(row);
            return at >= 0 && source.indexOf(row, at + 1) < 0;
          });
          assert.equal(found.length, 1, `${catalogId}:${id} (${check.language}) is not found exactly once in ${check.seed}`);
        }
      }
    }
  });

  it('keeps both pages of Huawei OCR where they differ (ModelArts.4204) and lists as lines (APIG.0301)', () => {
    const entries = catalog('huaweicloud-ocr').entries;
    const notSubscribed = entries.find((entry) => entry.code === 'ModelArts.4204')!;
    assert.ok(notSubscribed.message?.en?.includes(' XXX '));
    assert.notEqual(notSubscribed.message?.['zh-cn'], notSubscribed.message?.en);
    const iam = entries.find((entry) => entry.code === 'APIG.0301')!;
    for (const language of ['en', 'zh-cn'] as const) {
      const lines = iam.solution![language]!.split('\n');
      assert.equal(lines.length, 5, language);
      assert.ok(lines.every((line) => line.startsWith('• ')), language);
      assert.ok(iam.description![language]!.split('\n').slice(1).every((line) => line.startsWith('• ')), language);
    }
  });

  it('fails on a single changed character, a dropped field or a missing entry', () => {
    const check = VERBATIM.find((item) => item.catalogId === 'huaweicloud-ocr' && item.language === 'zh-cn')!;
    const source = seedText(check.seed, check.format);
    const entries = catalog(check.catalogId).entries;
    assert.deepEqual(verbatimProblems(entries, check, source), []);
    const at = entries.findIndex((entry) => entry.code === 'ModelArts.4204');
    const changed = structuredClone(entries);
    changed[at].description!['zh-cn'] = changed[at].description!['zh-cn']!.replace('订阅', '定阅');
    assert.equal(verbatimProblems(changed, check, source).length, 1);
    const dropped = structuredClone(entries);
    delete dropped[at].solution;
    assert.equal(verbatimProblems(dropped, check, source).length, 1);
    assert.equal(verbatimProblems(entries.filter((_, index) => index !== at), check, source).length, 1);
    const bullets = structuredClone(entries);
    const iam = bullets.find((entry) => entry.code === 'APIG.0301')!;
    iam.solution!['zh-cn'] = iam.solution!['zh-cn']!.replace('• ', '');
    assert.equal(verbatimProblems(bullets, check, source).length, 1);
  });
});

/*
 * Translations: the three catalogs captured only from Chinese pages carry, under `translations`, an
 * English translation of every Chinese description, cause and solution, and of every message that is
 * itself Chinese (English messages are what the service returns and stay untranslated). Nothing else
 * is translated, nothing into zh-cn, and Huawei OCR (captured in both languages) has none. A
 * translation keeps the source's lines, its `• ` bullets and its placeholders, and holds no Chinese.
 * The source fields themselves are checked, unchanged, by the verbatim row check above.
 */
const TRANSLATED_CATALOGS = ['alibabacloud-ocr-marketplace', 'huaweicloud-image-recognition', 'alibabacloud-imm'];
const TRANSLATABLE_FIELDS = ['message', 'description', 'cause', 'solution'] as const;
/** CJK ideographs and CJK or full-width punctuation (《》，：…). */
const CHINESE = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/;

function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/%s|\{[A-Za-z]+\}/g)].map((match) => match[0]).sort();
}

function translationProblems(data: CatalogFile): string[] {
  const problems: string[] = [];
  const translated = TRANSLATED_CATALOGS.includes(data.id);
  for (const [index, entry] of data.entries.entries()) {
    const at = `${data.id} entry ${index + 1}, ${entry.code}`;
    for (const field of Object.keys(entry.translations ?? {})) {
      if (!(TRANSLATABLE_FIELDS as readonly string[]).includes(field)) {
        problems.push(`${at}: "${field}" cannot be translated`);
      }
    }
    for (const field of TRANSLATABLE_FIELDS) {
      const source = entry[field]?.['zh-cn'];
      const needed =
        translated && source !== undefined && entry[field]?.en === undefined && (field !== 'message' || CHINESE.test(source));
      const translation = entry.translations?.[field];
      if (translation === undefined) {
        if (needed) {
          problems.push(`${at}: ${field} has no English translation`);
        }
        continue;
      }
      if (!needed) {
        problems.push(`${at}: ${field} is translated, but it is ${source === undefined ? 'absent' : 'not Chinese-only text'}`);
      }
      for (const language of Object.keys(translation)) {
        if (language !== 'en') {
          problems.push(`${at}: ${field} is translated into ${language}; only English translations are made`);
        }
      }
      const english = translation.en;
      if (english === undefined || source === undefined) {
        if (needed) {
          problems.push(`${at}: ${field} has no English translation`);
        }
        continue;
      }
      if (english.trim() === '' || english !== english.trim() || /[ \t]{2}|\t|\r|\n\s|\s\n/.test(english)) {
        problems.push(`${at}: the ${field} translation is empty or has stray whitespace`);
      }
      if (CHINESE.test(english)) {
        problems.push(`${at}: the ${field} translation still holds Chinese: "${english}"`);
      }
      if (english === source) {
        problems.push(`${at}: the ${field} translation is the source text`);
      }
      const sourceLines = source.split('\n');
      const englishLines = english.split('\n');
      if (sourceLines.length !== englishLines.length) {
        problems.push(`${at}: the ${field} translation has ${englishLines.length} lines, the source ${sourceLines.length}`);
      } else if (sourceLines.some((line, number) => line.startsWith('• ') !== englishLines[number].startsWith('• '))) {
        problems.push(`${at}: the ${field} translation does not keep the source's "• " bullets`);
      }
      if (placeholdersOf(english).join(' ') !== placeholdersOf(source).join(' ')) {
        problems.push(`${at}: the ${field} translation does not keep the placeholders of "${source}"`);
      }
    }
  }
  return problems;
}

describe('catalog translations', () => {
  it('translate every Chinese-only text of the Chinese-only catalogs into English, and nothing else', () => {
    for (const [id, data] of catalogs) {
      assert.deepEqual(translationProblems(data), [], id);
    }
    const counts = Object.fromEntries(
      TRANSLATED_CATALOGS.map((id) => [
        id,
        Object.fromEntries(
          TRANSLATABLE_FIELDS.map((field) => [field, catalog(id).entries.filter((entry) => entry.translations?.[field]?.en).length]),
        ),
      ]),
    );
    assert.deepEqual(counts, {
      'alibabacloud-ocr-marketplace': { message: 2, description: 34, cause: 0, solution: 0 },
      'huaweicloud-image-recognition': { message: 0, description: 77, cause: 0, solution: 77 },
      'alibabacloud-imm': { message: 0, description: 38, cause: 5, solution: 5 },
    });
    assert.ok(catalog('huaweicloud-ocr').entries.every((entry) => entry.translations === undefined));
    const marketplace = catalog('alibabacloud-ocr-marketplace').entries;
    assert.deepEqual(
      marketplace.filter((entry) => entry.translations?.message).map((entry) => entry.code),
      ['421', '450'],
    );
  });

  it('fail on a missing, extra, Chinese, mis-structured or misplaced translation', () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each case damages plain JSON entries its own way
    const damaged: [string, string, (entries: any[]) => void][] = [
      ['a dropped description translation', 'huaweicloud-image-recognition', (entries) => delete entries[0].translations.description],
      ['a dropped solution translation', 'huaweicloud-image-recognition', (entries) => delete entries.at(-1).translations],
      ['a dropped cause translation', 'alibabacloud-imm', (entries) => delete entries.find((entry) => entry.kind === 'commonError').translations.cause],
      ['a dropped translation of a Chinese message', 'alibabacloud-ocr-marketplace', (entries) => delete entries.find((entry) => entry.code === '450').translations],
      ['a translated English message', 'alibabacloud-ocr-marketplace', (entries) => (entries[0].translations.message = { en: 'Invalid URL' })],
      ['a translation into zh-cn', 'alibabacloud-imm', (entries) => (entries[0].translations.description['zh-cn'] = '参数不合法。')],
      ['a translation still in Chinese', 'alibabacloud-imm', (entries) => (entries[0].translations.description.en = '参数不合法。')],
      ['a translation of an absent field', 'alibabacloud-imm', (entries) => (entries[0].translations.solution = { en: 'Check it.' })],
      ['a lost line', 'alibabacloud-imm', (entries) => {
        const quota = entries.find((entry) => entry.code === 'QuotaExhausted.CU');
        quota.translations.solution.en = quota.translations.solution.en.replace(/\n/g, ' ');
      }],
      ['a lost bullet', 'alibabacloud-imm', (entries) => {
        const quota = entries.find((entry) => entry.code === 'QuotaExhausted.CU');
        quota.translations.solution.en = quota.translations.solution.en.replace('• ', '');
      }],
      ['a translation in Huawei OCR', 'huaweicloud-ocr', (entries) => (entries[0].translations = { description: { en: 'x' } })],
    ];
    for (const [what, id, damage] of damaged) {
      const copy = structuredClone(catalog(id));
      damage(copy.entries);
      assert.notDeepEqual(translationProblems(copy), [], `the check accepts ${what}`);
    }
    assert.equal(placeholdersOf('The param:%s, val:%s').length, 2);
  });
});
