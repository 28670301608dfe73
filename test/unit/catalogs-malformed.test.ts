/*
 * Malformed catalogs: broken JSON, schema violations, duplicates, huge and regex-like text. Each
 * problem names the file and the exact 1-based line; the good catalogs of the same load still load;
 * scanning still works; and no catalog text is ever compiled into a regular expression.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CatalogProblem, MAX_TEXT_LENGTH, parseCatalogText, loadCatalogs, createLanguageService, compileMessage, matchMessage } from '../../server/src/core/index';
import { streamText } from '../support/streaming';
import { huaweiOcr, catalogTexts } from '../support/miniCatalogs';

const ROOT = path.resolve(__dirname, '..', '..');

/** The 1-based line of the first line of `text` that contains `marker` (the n-th, 0-based, when given). */
function lineOf(text: string, marker: string, nth = 0): number {
  const lines = text.split(/\r\n|\r|\n/);
  let seen = 0;
  for (let index = 0; index < lines.length; index++) {
    if (lines[index].includes(marker) && seen++ === nth) {
      return index + 1;
    }
  }
  throw new Error(`${marker} is not in the text`);
}

/** A valid catalog, one property per line, with an entry per line so each fault has a line of its own. */
function catalogLines(options: { id?: string; header?: string[]; entries?: string[]; sources?: string[]; documentation?: string[] } = {}): string[] {
  return [
    '{',
    '  "version": 1,',
    `  "id": "${options.id ?? 'test-catalog'}",`,
    '  "provider": { "en": "Test Cloud" },',
    '  "service": { "en": "Test Service" },',
    '  "languages": ["en"],',
    ...(options.header ?? []),
    '  "sources": [',
    ...(options.sources ?? ['    { "language": "en", "url": "https://example.com/errors" }']),
    '  ],',
    ...(options.documentation ?? []),
    '  "entries": [',
    ...(options.entries ?? ['    { "code": "Test.0001", "message": { "en": "The first test error." } },', '    { "code": "Test.0002", "message": { "en": "The second test error." } }']).map(
      (line, index, all) => (index === all.length - 1 ? line.replace(/,$/, '') : line),
    ),
    '  ]',
    '}',
  ];
}

function parse(lines: string[], file = 'broken.json', eol = '\n') {
  const text = lines.join(eol);
  return { text, ...parseCatalogText(text, file) };
}

/** Asserts the problems are exactly these lines, each naming the file, with messages matching. */
function assertProblems(problems: readonly CatalogProblem[], file: string, expected: [number, RegExp][]): void {
  const actual = problems.map((problem) => `${problem.file}:${problem.line}: ${problem.message}`);
  assert.equal(problems.length, expected.length, `problems: ${JSON.stringify(actual, null, 2)}`);
  expected.forEach(([line, pattern], index) => {
    const problem = problems[index];
    assert.equal(problem.file, file);
    assert.equal(problem.line, line, `line of ${JSON.stringify(problem.message)}; all: ${JSON.stringify(actual, null, 2)}`);
    assert.ok(problem.column >= 1);
    assert.match(problem.message, pattern);
  });
}

const GOOD_ENTRY_CODES = ['Test.0001', 'Test.0002'];

describe('broken JSON', () => {
  it('reports where the JSON breaks, for LF, CRLF and CR line ends', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      // A missing comma: the parser notices at the next property.
      const lines = catalogLines();
      lines[1] = '  "version": 1';
      const missingComma = parse(lines, 'missing-comma.json', eol);
      assert.equal(missingComma.catalog, undefined);
      assertProblems(missingComma.problems, 'missing-comma.json', [[3, /^Not valid JSON: comma expected\.$/]]);

      // A string that never ends, on line 4.
      const unterminated = catalogLines();
      unterminated[3] = '  "provider": { "en": "Test Cloud },';
      const result = parse(unterminated, 'unterminated.json', eol);
      assert.equal(result.catalog, undefined);
      assert.equal(result.problems[0].line, 4);
      assert.match(result.problems[0].message, /unexpected end of string/);

      // Garbage after the catalog.
      const trailing = [...catalogLines(), ']'];
      const garbage = parse(trailing, 'trailing.json', eol);
      assertProblems(garbage.problems, 'trailing.json', [[trailing.length, /end of file expected/]]);
    }
  });

  it('reports single quotes, bare words and a cut-off file at their lines', () => {
    const quoted = catalogLines();
    quoted[2] = "  'id': 'test-catalog',";
    const single = parse(quoted);
    assert.equal(single.catalog, undefined);
    assert.ok(single.problems.length >= 1);
    assert.equal(single.problems[0].line, 3);
    assert.match(single.problems[0].message, /^Not valid JSON: /);

    const cut = catalogLines().slice(0, 9);
    const truncated = parse(cut, 'cut.json');
    assert.equal(truncated.catalog, undefined);
    assert.ok(truncated.problems.length >= 1);
    assert.ok(truncated.problems.every((problem) => problem.file === 'cut.json' && problem.line === cut.length && /^Not valid JSON/.test(problem.message)), JSON.stringify(truncated.problems));
  });

  it('reports an empty file, a file of NULs and a byte-order mark in the right place', () => {
    assertProblems(parseCatalogText('', 'empty.json').problems, 'empty.json', [[1, /^Not valid JSON: value expected\.$/]]);
    assertProblems(parseCatalogText('   \n\n  ', 'blank.json').problems, 'blank.json', [[3, /^Not valid JSON: value expected\.$/]]);
    const nul = parseCatalogText('\u0000\u0000\u0000', 'nul.json');
    assert.equal(nul.catalog, undefined);
    assert.ok(nul.problems.length >= 1 && nul.problems.every((problem) => problem.line === 1));
    // A byte-order mark is not an error and does not shift columns.
    const withBom = parseCatalogText(`\ufeff${catalogLines().join('\n')}`, 'bom.json');
    assert.deepEqual(withBom.problems, []);
    assert.deepEqual(withBom.catalog?.entries.map((entry) => entry.code), GOOD_ENTRY_CODES);
    const bomLines = catalogLines();
    bomLines[4] = '  "service": { "en": 5 },';
    const bomError = parseCatalogText(`\ufeff${bomLines.join('\r\n')}`, 'bom.json');
    assertProblems(bomError.problems, 'bom.json', [[5, /"service" \(en\) must be a string/], [5, /"service" has no text/]]);
  });

  it('does not take a JSON array, string or number for a catalog', () => {
    for (const text of ['[]', '"catalog"', '42', 'null']) {
      const parsed = parseCatalogText(`\n\n${text}`, 'not-object.json');
      assert.equal(parsed.catalog, undefined);
      assertProblems(parsed.problems, 'not-object.json', [[3, /A catalog is a JSON object/]]);
    }
  });
});

describe('schema violations', () => {
  /** Catalog-level faults: the line to find the problem at, and how the problem reads. */
  const catalogCases: { name: string; edit: (lines: string[]) => string[]; marker: string; message: RegExp; loads: boolean }[] = [
    { name: 'version as a string', edit: (l) => replace(l, '"version": 1,', '"version": "1",'), marker: '"version"', message: /"version" must be the number 1/, loads: false },
    { name: 'a future version', edit: (l) => replace(l, '"version": 1,', '"version": 2,'), marker: '"version"', message: /format version 2; .* reads version 1/, loads: false },
    { name: 'a fractional version', edit: (l) => replace(l, '"version": 1,', '"version": 1.5,'), marker: '"version"', message: /format version 1\.5/, loads: false },
    { name: 'an id with capitals', edit: (l) => replace(l, '"id": "test-catalog",', '"id": "Test_Catalog",'), marker: '"id"', message: /"id" "Test_Catalog" must be lower-case words joined by dashes/, loads: false },
    { name: 'an id as a number', edit: (l) => replace(l, '"id": "test-catalog",', '"id": 7,'), marker: '"id"', message: /"id" must be a string/, loads: false },
    { name: 'an unknown top-level property', edit: (l) => insertAfter(l, '"languages"', '  "verzion": 1,'), marker: '"verzion"', message: /Unknown property "verzion" in catalog/, loads: true },
    { name: 'an unknown language', edit: (l) => replace(l, '"languages": ["en"],', '"languages": ["en", "fr"],'), marker: '"languages"', message: /Unknown language "fr"/, loads: false },
    { name: 'languages as a string', edit: (l) => replace(l, '"languages": ["en"],', '"languages": "en",'), marker: '"languages"', message: /"languages" must be an array of strings/, loads: false },
    { name: 'a provider in an unknown language', edit: (l) => replace(l, '"provider": { "en": "Test Cloud" },', '"provider": { "de": "Test Cloud" },'), marker: '"provider"', message: /Unknown property "de" in "provider"/, loads: false },
    { name: 'an http source', edit: (l) => replace(l, 'https://example.com/errors', 'http://example.com/errors'), marker: 'http://example.com', message: /"url" must be an https URL; "http:\/\/example\.com\/errors" is not/, loads: false },
    { name: 'a javascript: source', edit: (l) => replace(l, 'https://example.com/errors', 'javascript:alert(1)'), marker: 'javascript:', message: /must be an https URL; "javascript:alert\(1\)" is not/, loads: false },
    { name: 'a command: source', edit: (l) => replace(l, 'https://example.com/errors', 'command:workbench.action.terminal.new'), marker: 'command:', message: /must be an https URL/, loads: false },
    { name: 'an https URL with spaces and quotes', edit: (l) => replace(l, 'https://example.com/errors', 'https://example.com/a b\\"'), marker: 'https://example.com/a b', message: /must be an https URL/, loads: false },
    { name: 'a source in an unknown language', edit: (l) => replace(l, '{ "language": "en", "url"', '{ "language": "fr", "url"'), marker: '"language": "fr"', message: /Unknown language "fr" in a source/, loads: false },
    {
      name: 'an http codeUrlTemplate',
      edit: (l) => insertAfter(l, '  ],', '  "documentation": {', '    "codeUrlTemplate": "http://example.com/search?q={code}"', '  },'),
      marker: 'codeUrlTemplate',
      message: /"codeUrlTemplate" must be an https URL; "http:\/\/example\.com\/search\?q=\{code\}" is not/,
      loads: true,
    },
    {
      name: 'a javascript: codeUrlTemplate',
      edit: (l) => insertAfter(l, '  ],', '  "documentation": {', '    "codeUrlTemplate": "javascript:alert(\'{code}\')"', '  },'),
      marker: 'codeUrlTemplate',
      message: /"codeUrlTemplate" must be an https URL/,
      loads: true,
    },
    { name: 'entries as an object', edit: (l) => replaceEntries(l, ['  "entries": {}']), marker: '"entries"', message: /"entries" must be an array/, loads: false },
    {
      name: 'an origin host with a path',
      edit: (l) => insertAfter(l, '"languages"', '  "origin": {', '    "provider": "testcloud", "product": "test",', '    "hosts": ["test.example.com/api"]', '  },'),
      marker: 'test.example.com/api',
      message: /"test\.example\.com\/api" in "origin\.hosts" must be a host name/,
      loads: true,
    },
    {
      name: 'an origin documentation link without {product}',
      edit: (l) => insertAfter(l, '"languages"', '  "origin": {', '    "provider": "testcloud", "product": "test",', '    "providerLinks": ["docs.example.com/api/"]', '  },'),
      marker: 'docs.example.com/api/',
      message: /"docs\.example\.com\/api\/" in "origin\.providerLinks" must be a host name and a path ending in "\/", without the scheme, with \{product\} in the path/,
      loads: true,
    },
    {
      name: 'an origin documentation link with its scheme',
      edit: (l) => insertAfter(l, '"languages"', '  "origin": {', '    "provider": "testcloud", "product": "test",', '    "providerLinks": ["https://docs.example.com/api-{product}/"]', '  },'),
      marker: 'https://docs.example.com',
      message: /in "origin\.providerLinks" must be a host name and a path/,
      loads: true,
    },
  ];

  for (const { name, edit, marker, message, loads } of catalogCases) {
    it(`reports ${name} at its line`, () => {
      const lines = edit(catalogLines());
      const { text, catalog, problems } = parse(lines, 'schema.json');
      // One problem, or a few that all stand at the fault's line.
      assert.ok(problems.length >= 1 && problems.length <= 2, JSON.stringify(problems));
      for (const problem of problems) {
        assert.equal(problem.file, 'schema.json');
        assert.equal(problem.line, lineOf(text, marker), `${problem.message} at line ${problem.line}`);
      }
      assert.match(problems[0].message, message);
      if (loads) {
        // The fault is left out; the rest of the catalog loads.
        assert.deepEqual(catalog?.entries.map((entry) => entry.code), GOOD_ENTRY_CODES);
        assert.equal(catalog?.documentation?.codeUrlTemplate, undefined);
      } else {
        assert.equal(catalog, undefined);
      }
    });
  }

  /** Entry faults: the faulty entry is left out, the good ones around it load. */
  const entryCases: { name: string; entry: string; marker?: string; message: RegExp }[] = [
    { name: 'a code with spaces', entry: '{ "code": "Test 0003" }', message: /"code" "Test 0003" must be letters, digits/ },
    { name: 'a code that is a regular expression', entry: '{ "code": "(a+)+$" }', message: /"code" "\(a\+\)\+\$" must be letters, digits/ },
    { name: 'a code with a wildcard', entry: '{ "code": "Test.*" }', message: /"code" "Test\.\*" must be letters/ },
    { name: 'a code with a bracket', entry: '{ "code": "Test[" }', message: /"code" "Test\[" must be letters/ },
    { name: 'an empty code', entry: '{ "code": "" }', message: /"code" "" must be letters/ },
    { name: 'a code as a number', entry: '{ "code": 3 }', message: /"code" must be a string/ },
    { name: 'an entry without a code', entry: '{ "message": { "en": "x" } }', message: /"code" must be a string/ },
    { name: 'an unknown placeholder in a code', entry: '{ "code": "Invalid{Foo}" }', message: /Unknown placeholder \{Foo\} in code Invalid\{Foo\}; known ones are \{ParameterName\}, \{ResourceType\}/ },
    { name: 'an unknown placeholder in a message', entry: '{ "code": "Test.0003", "message": { "en": "Bad {Foo}." } }', message: /Entry Test\.0003: unknown placeholder \{Foo\} in the message/ },
    { name: 'a message variable in braces that is not listed', entry: '{ "code": "Test.0003", "message": { "en": "Use {xxx}." } }', message: /Entry Test\.0003: unknown placeholder \{xxx\} in the message/ },
    { name: 'an unknown message variable', entry: '{ "code": "Test.0003", "message": { "en": "limit YY" }, "messageVariables": ["YY"] }', message: /unknown message variable "YY"/ },
    { name: 'a message variable not in the message', entry: '{ "code": "Test.0003", "message": { "en": "limit 20" }, "messageVariables": ["XX"] }', message: /the message variable "XX" does not occur in the message/ },
    { name: 'an HTTP status as a string', entry: '{ "code": "Test.0003", "httpStatus": "400" }', message: /"httpStatus" must be a whole number from 100 to 599/ },
    { name: 'an HTTP status out of range', entry: '{ "code": "Test.0003", "httpStatus": 999 }', message: /"httpStatus" must be a whole number from 100 to 599/ },
    { name: 'an unknown kind', entry: '{ "code": "Test.0003", "kind": "fatal" }', message: /"kind" "fatal" must be error, commonError or success/ },
    { name: 'an unknown entry property', entry: '{ "code": "Test.0003", "serverity": "high" }', message: /Unknown property "serverity" in entry/ },
    { name: 'a message in an unknown language', entry: '{ "code": "Test.0003", "message": { "fr": "Erreur" } }', message: /Unknown property "fr" in Entry Test\.0003: "message"/ },
    { name: 'a message as a string', entry: '{ "code": "Test.0003", "message": "Bad." }', message: /"message" must be an object of texts keyed by language/ },
    { name: 'translations of the wrong shape', entry: '{ "code": "Test.0003", "translations": { "message": "x" } }', message: /"translations" maps message, description, cause or solution/ },
    { name: 'an entry that is a string', entry: '"Test.0003"', message: /An entry is an object with at least a "code"/ },
    { name: 'an entry that is null', entry: 'null', message: /An entry is an object/ },
  ];

  for (const { name, entry, message } of entryCases) {
    it(`reports ${name} at its line and keeps the other entries`, () => {
      const lines = catalogLines({
        entries: [
          '    { "code": "Test.0001", "message": { "en": "The first test error." } },',
          `    ${entry},`,
          '    { "code": "Test.0002", "message": { "en": "The second test error." } }',
        ],
      });
      const { text, catalog, problems } = parse(lines, 'entries.json');
      const line = lineOf(text, entry);
      assert.ok(problems.length >= 1, `no problem for ${entry}`);
      for (const problem of problems) {
        assert.equal(problem.file, 'entries.json');
        assert.equal(problem.line, line, `${problem.message} at line ${problem.line}, expected ${line}`);
      }
      assert.ok(problems.some((problem) => message.test(problem.message)), `${JSON.stringify(problems.map((problem) => problem.message))} should match ${message}`);
      assert.deepEqual(catalog?.entries.map((item) => item.code), GOOD_ENTRY_CODES);
    });
  }

  it('reports a fault deep inside a multi-line entry at the fault\'s own line', () => {
    const lines = catalogLines({
      entries: [
        '    {',
        '      "code": "Test.0003",',
        '      "httpStatus": 400,',
        '      "message": {',
        '        "en": "Limit reached: XX."',
        '      },',
        '      "messageVariables": [',
        '        "XX",',
        '        "YYY"',
        '      ],',
        '      "kind": "error"',
        '    },',
        '    {',
        '      "code": "Test.0004",',
        '      "description": { "en": "Fine." },',
        '      "solutoin": { "en": "Typo." }',
        '    },',
        '    { "code": "Test.0001" }',
      ],
    });
    const { text, catalog, problems } = parse(lines, 'deep.json');
    assertProblems(problems, 'deep.json', [
      [lineOf(text, '"YYY"'), /Entry Test\.0003: unknown message variable "YYY"/],
      [lineOf(text, '"solutoin"'), /Unknown property "solutoin" in entry/],
    ]);
    assert.deepEqual(catalog?.entries.map((entry) => entry.code), ['Test.0001']);
  });

  it('reports a bad item of a multi-line list or text object at the item\'s own line', () => {
    const lines = catalogLines({
      header: [],
      entries: [
        '    {',
        '      "code": "Test.0003",',
        '      "message": {',
        '        "en": "Fine here.",',
        '        "zh-cn": "Bad {Foo} here."',
        '      }',
        '    },',
        '    {',
        '      "code": "Test.0004",',
        '      "message": { "en": "Limit XX reached." },',
        '      "messageVariables": [',
        '        "XX",',
        '        "xxx"',
        '      ]',
        '    },',
        '    { "code": "Test.0001" }',
      ],
    });
    const languages = lines.findIndex((line) => line.includes('"languages"'));
    lines.splice(languages, 1, '  "languages": [', '    "en",', '    "fr"', '  ],');
    const { text, catalog, problems } = parse(lines, 'items.json');
    assertProblems(problems, 'items.json', [[lineOf(text, '"fr"'), /Unknown language "fr"/]]);
    assert.equal(catalog, undefined);
    // With the languages fixed, the entries' faults show at their own lines.
    const fixed = lines.filter((line) => !line.includes('"fr"')).map((line) => (line === '    "en",' ? '    "en"' : line));
    const again = parse(fixed, 'items.json');
    assertProblems(again.problems, 'items.json', [
      [lineOf(again.text, 'Bad {Foo}'), /Entry Test\.0003: unknown placeholder \{Foo\} in the message/],
      [lineOf(again.text, '"xxx"'), /Entry Test\.0004: the message variable "xxx" does not occur in the message/],
    ]);
    assert.deepEqual(again.catalog?.entries.map((entry) => entry.code), ['Test.0001']);
  });

  it('reports text longer than MAX_TEXT_LENGTH at its line, in entries and in the catalog', () => {
    const huge = 'x'.repeat(MAX_TEXT_LENGTH + 1);
    const lines = catalogLines({
      entries: [
        '    { "code": "Test.0001", "message": { "en": "The first test error." } },',
        `    { "code": "Test.0003", "description": { "en": "${huge}" } },`,
        `    { "code": "Test.${'1'.repeat(MAX_TEXT_LENGTH)}" },`,
        '    { "code": "Test.0002", "message": { "en": "The second test error." } }',
      ],
    });
    lines[3] = `  "provider": { "en": "Test Cloud", "zh-cn": "${huge}" },`;
    const { catalog, problems } = parse(lines, 'huge.json');
    assertProblems(problems, 'huge.json', [
      [4, new RegExp(`"provider" \\(zh-cn\\) is ${MAX_TEXT_LENGTH + 1} characters long; at most ${MAX_TEXT_LENGTH}`)],
      [lineOf(lines.join('\n'), '"Test.0003"'), /"description" \(en\) is 20001 characters long/],
      [lineOf(lines.join('\n'), '"Test.0003"'), /"description" has no text in any language/],
      [lineOf(lines.join('\n'), `"Test.${'1'.repeat(10)}`), /"code" is 20005 characters long/],
    ]);
    assert.deepEqual(catalog?.entries.map((entry) => entry.code), GOOD_ENTRY_CODES);
    assert.deepEqual(catalog?.provider, { en: 'Test Cloud' });
  });

  it('reports a repeated (code, message) entry at the repeat, and keeps a repeated code with another message', () => {
    const lines = catalogLines({
      entries: [
        '    { "code": "Test.0001", "message": { "en": "The first test error." } },',
        '    { "code": "Test.0001", "message": { "en": "Another meaning." } },',
        '    { "code": "Test.0002", "message": { "en": "The second test error." } },',
        '    { "code": "Test.0001", "message": { "en": "The first test error." }, "httpStatus": 400 },',
        '    { "code": "Test.0002",',
        '      "message": { "en": "The second test error." } }',
      ],
    });
    const { text, catalog, problems } = parse(lines, 'repeats.json');
    assertProblems(problems, 'repeats.json', [
      [lineOf(text, '"Test.0001"', 2), /Entry Test\.0001 repeats an earlier entry with the same code and message/],
      [lineOf(text, '"Test.0002"', 1), /Entry Test\.0002 repeats an earlier entry/],
    ]);
    assert.deepEqual(catalog?.entries.map((entry) => `${entry.code} ${entry.message?.en}`), [
      'Test.0001 The first test error.',
      'Test.0001 Another meaning.',
      'Test.0002 The second test error.',
    ]);
  });
});

describe('loading a set of catalogs', () => {
  const broken = { file: 'user/broken.json', text: '{\n  "version": 1,\n  "id": "broken"\n  "entries": []\n}' };
  const wrongVersion = { file: 'user/v2.json', text: catalogLines({ id: 'future' }).join('\n').replace('"version": 1', '"version": 2') };
  const duplicateId = { file: 'user/duplicate.json', text: catalogLines({ id: huaweiOcr.id, entries: ['    { "code": "Dup.0001" }'] }).join('\n') };
  const regexLike = {
    file: 'user/regex.json',
    text: catalogLines({
      id: 'regex-like',
      entries: [
        '    { "code": "Regex.0001", "message": { "en": "(a+)+$" } },',
        '    { "code": "Regex.0002", "message": { "en": ".*" }, "description": { "en": "[" } },',
        '    { "code": "Regex.0003", "message": { "en": "[%s](?=x)|\\\\" } },',
        '    { "code": "(a+)+$" }',
      ],
    }).join('\n'),
  };

  it('reports every problem with its file and line, and loads every good catalog', () => {
    const texts = [...catalogTexts(), broken, wrongVersion, duplicateId, regexLike];
    const loaded = loadCatalogs(texts);
    assert.deepEqual(
      loaded.catalogs.map(({ catalog }) => catalog.id),
      ['alibabacloud-ocr-marketplace', 'huaweicloud-ocr', 'huaweicloud-image-recognition', 'alibabacloud-imm', 'regex-like'],
    );
    const problems = loaded.problems.map((problem) => `${problem.file}:${problem.line}: ${problem.message}`);
    assert.deepEqual(problems.map((problem) => problem.replace(/: .*$/, '')), [
      'user/broken.json:4',
      'user/v2.json:2',
      `user/duplicate.json:${lineOf(duplicateId.text, '"id"')}`,
      `user/regex.json:${lineOf(regexLike.text, '{ "code": "(a+)+$" }')}`,
    ]);
    assert.match(problems[2], /Catalog id "huaweicloud-ocr" is already used by huaweicloud-ocr\.json; this catalog is left out\./);
    // The good catalogs' codes are still found, and the regex-like ones are plain text.
    const service = createLanguageService(texts);
    const document = service.createDocument('AIS.0101 then Regex.0001 (a+)+$ and Dup.0001 and InvalidParameter.X.Empty from imm.cn-hangzhou.aliyuncs.com');
    assert.deepEqual([...document.occurrences()].map(({ occurrence }) => occurrence.token), ['AIS.0101', 'Regex.0001', 'InvalidParameter.X.Empty']);
    const regexEntry = [...service.createDocument('Regex.0001 (a+)+$').occurrences()][0];
    assert.equal(regexEntry.resolution.evidence, 'message');
    assert.equal([...service.createDocument('Regex.0002 anything at all').occurrences()][0].resolution.evidence, 'none');
    assert.equal(service.search('(a+)+$', 'en')[0]?.code, 'Regex.0001');
    assert.equal(service.search('.*', 'en')[0]?.code, 'Regex.0002');
    assert.ok(service.explain('regex-like:Regex.0002', 'en')?.markdown.includes('\\['));
  });

  it('never compiles catalog text into a regular expression', () => {
    const compiled: string[] = [];
    const OriginalRegExp = RegExp;
    const recording = new Proxy(OriginalRegExp, {
      construct(target, args, newTarget) {
        compiled.push(String(args[0] instanceof OriginalRegExp ? args[0].source : args[0]));
        return Reflect.construct(target, args, newTarget);
      },
      apply(target, thisArg, args) {
        compiled.push(String(args[0] instanceof OriginalRegExp ? args[0].source : args[0]));
        return Reflect.apply(target, thisArg, args);
      },
    });
    // String methods that turn a string argument into a regular expression.
    const stringPatterns: string[] = [];
    const originals = { match: String.prototype.match, search: String.prototype.search, matchAll: String.prototype.matchAll };
    for (const name of ['match', 'search', 'matchAll'] as const) {
      const original = originals[name] as (this: string, pattern: unknown) => unknown;
      (String.prototype as unknown as Record<string, unknown>)[name] = function (this: string, pattern: unknown) {
        if (!(pattern instanceof OriginalRegExp)) {
          stringPatterns.push(String(pattern));
        }
        return original.call(this, pattern);
      };
    }
    (globalThis as { RegExp: RegExpConstructor }).RegExp = recording;
    try {
      const service = createLanguageService([...catalogTexts(), regexLike]);
      for (const text of ['Regex.0001 (a+)+$', 'Regex.0002 .* [', `Regex.0003 ${'a'.repeat(40)}!`, '{"Code": "Regex.0001", "Message": "(a+)+$"}']) {
        const document = service.createDocument(text);
        service.diagnostics(document, { language: 'en', severity: { serverError: 'error', clientError: 'warning', unknownStatus: 'warning', success: 'hint' }, maxCount: 10 });
        service.hover(document, { line: 0, character: 2 }, 'en');
        service.links(document, 'en');
        service.symbols(document, 'en');
      }
      service.search('(a+)+$', 'en');
      service.explain('regex-like:Regex.0001', 'zh-cn');
      streamText(service, 'Regex.0001 (a+)+$\n');
    } finally {
      (globalThis as { RegExp: RegExpConstructor }).RegExp = OriginalRegExp;
      Object.assign(String.prototype, originals);
    }
    const catalogText = ['(a+)+$', '.*', '[%s](?=x)|\\', 'Regex.000', 'Test Cloud', 'Test Service', 'Intelligent Media', 'Backend timeout'];
    for (const pattern of [...compiled, ...stringPatterns]) {
      assert.ok(!catalogText.some((text) => pattern.includes(text)), `catalog text compiled into a regular expression: ${pattern}`);
    }
  });

  it('matches a message like (a+)+$ with work linear in the text (counted, not timed)', () => {
    const matcher = compileMessage('(a+)+$');
    const work = (text: string) => {
      let count = 0;
      const originals = { indexOf: String.prototype.indexOf, includes: String.prototype.includes, exec: RegExp.prototype.exec };
      String.prototype.indexOf = function (this: string, search: string, from?: number) {
        const found = originals.indexOf.call(this, search, from);
        count += (found === -1 ? this.length : found + search.length) - (from ?? 0) + 1;
        return found;
      };
      String.prototype.includes = function (this: string, search: string, from?: number) {
        count += this.length - (from ?? 0) + 1;
        return originals.includes.call(this, search, from);
      };
      RegExp.prototype.exec = function (this: RegExp, input: string) {
        count += String(input).length + 1;
        return originals.exec.call(this, input);
      };
      try {
        return { result: matchMessage(matcher, text), count };
      } finally {
        Object.assign(String.prototype, { indexOf: originals.indexOf, includes: originals.includes });
        RegExp.prototype.exec = originals.exec;
      }
    };
    const short = work(`${'a'.repeat(38)}!`);
    assert.equal(short.result, undefined);
    assert.ok(short.count < 200, `${short.count} units of work for a 39-character text`);
    const once = work(`${'a'.repeat(100_000)}!`).count;
    const twice = work(`${'a'.repeat(200_000)}!`).count;
    assert.ok(twice <= 2 * once + short.count, `${twice} > 2 × ${once} + ${short.count}`);
    assert.equal(work('x (a+)+$ y').result?.score, 1);
  });

  it('has no `RegExp(` in the core, where catalog text flows (code review guard)', () => {
    const folder = path.join(ROOT, 'server', 'src', 'core');
    const names = fs.readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
    assert.ok(names.some((name) => name.includes(path.sep)), 'the guard reaches the core\'s subfolders');
    for (const name of names) {
      const source = fs.readFileSync(path.join(folder, name), 'utf8');
      assert.ok(!/\bRegExp\s*\(/.test(source), `${name} builds a regular expression at run time; catalog text must never become one`);
    }
  });
});

function replace(lines: string[], from: string, to: string): string[] {
  const index = lines.findIndex((line) => line.includes(from));
  assert.ok(index !== -1, `${from} is not in the catalog`);
  return lines.map((line, at) => (at === index ? line.replace(from, to) : line));
}

function insertAfter(lines: string[], marker: string, ...inserted: string[]): string[] {
  const index = lines.findIndex((line) => line.includes(marker));
  assert.ok(index !== -1, `${marker} is not in the catalog`);
  return [...lines.slice(0, index + 1), ...inserted, ...lines.slice(index + 1)];
}

function replaceEntries(lines: string[], replacement: string[]): string[] {
  const start = lines.findIndex((line) => line.includes('"entries"'));
  return [...lines.slice(0, start), ...replacement, '}'];
}
